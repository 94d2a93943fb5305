// The optimizer pipeline: recorded trace in, optimized trace out
// (docs/jit_opt.md, "pipeline"). Each pass is a function Trace -> Trace
// (pipeline.def); the pipeline runs them in order, optionally verifying
// and showing the IR after each.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "jit/ir/ir.h"
#include "jit/opt/bounds.h"

namespace pyrite::jit::opt {

enum class Pass : uint8_t {
#define PYR_OPT_PASS(Name, text, fn) k##Name,
#include "jit/opt/pipeline.def"
  kCount
};
inline constexpr int kNumPasses = static_cast<int>(Pass::kCount);
const char* pass_name(Pass p);  // "fold", "cse", ...

struct Options {
  // Bit (1 << Pass) per enabled pass; all by default.
  uint32_t enabled = (1u << kNumPasses) - 1;
  // Run the verifier on the input and after every pass; a failure aborts
  // the process with the pass's name, the error and the trace (PYR_CHECK).
  bool verify_each = false;
  // Called with "input" and the trace given, then after every pass that
  // ran with its name and output (the JIT log prints the IR this way).
  std::function<void(const char* pass_name, const ir::Trace&)> observer;
  // What is known about the trace's inputargs (bounds uses it): for a
  // bridge, failarg_ranges(parent trace, guard). Empty: nothing.
  std::vector<IntRange> input_ranges;
  // The optimized loop the trace's final jump enters (the preamble pass
  // copies its preamble in and jumps to its body), or nullptr; and the
  // most preamble ops copied (-X jit-preamble-inline).
  const ir::Trace* jump_target = nullptr;
  uint32_t preamble_max_ops = 0;

  bool on(Pass p) const { return enabled & (1u << static_cast<int>(p)); }
  void set(Pass p, bool on) {
    uint32_t bit = 1u << static_cast<int>(p);
    enabled = on ? (enabled | bit) : (enabled & ~bit);
  }
};

// Sets o.enabled from a comma-separated list of pass names, "all" or
// "none" (the value of `-X jit-opt=`); false on an unknown name.
bool set_passes(Options& o, std::string_view list);

// A loop as recorded: `[inputs] label(args, descr=T) body jump(args', descr=T)`.
// cse, heap, bounds, dce on the one iteration, then peel, then cse, heap,
// bounds, phis, counted, dce on the preamble and the peeled body. The result's first
// label keeps T (other traces enter there); the body label gets a fresh
// target descriptor in the shared DescrTable. A trace of any other shape
// is optimized as optimize_bridge does.
ir::Trace optimize(const ir::Trace& recorded, const Options& options = {});

// A bridge or any straight trace (ends in finish, or jumps to another
// trace's label): preamble (with options.jump_target), cse, heap, bounds,
// dce; no peeling.
ir::Trace optimize_bridge(const ir::Trace& recorded, const Options& options = {});

}  // namespace pyrite::jit::opt
