// The optimizer pipeline (pipeline.h, docs/jit_opt.md "pipeline").
#include "jit/opt/pipeline.h"

#include <cstdio>
#include <string>

#include "base/check.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_rewrite.h"
#include "jit/ir/ir_verify.h"
#include "jit/opt/bounds.h"
#include "jit/opt/counted.h"
#include "jit/opt/sink.h"
#include "jit/opt/cse.h"
#include "jit/opt/dce.h"
#include "jit/opt/fold.h"
#include "jit/opt/heap.h"
#include "jit/opt/peel.h"
#include "jit/opt/phis.h"
#include "jit/opt/preamble.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

using PassFn = Trace (*)(const Trace&);
struct PassInfo {
  const char* name;
  PassFn fn;
};
constexpr PassInfo kPasses[] = {
#define PYR_OPT_PASS(Name, text, fn) {#text, fn},
#include "jit/opt/pipeline.def"
};

// Pipeline orders. A pass listed twice runs twice. cse does fold's work
// too (it simplifies every pure op as fold does), so fold runs only in
// cse's place when cse is switched off (-X jit-opt=fold,...): fold, cse,
// heap, cse cost 20 M instructions more on mandelbrot_big than cse, heap
// for the same machine code (docs/jit_opt.md, "pipeline").
// preamble comes first: the target loop's preamble it copies in is then
// optimized with the rest of the trace. Loops ran bounds and dce before
// peel, and cse and heap again after it, until 2026-12-03 (fifth
// session): without them the BF benchmarks' machine code is the same
// instruction for instruction, and compiling costs less (mandelbrot_big
// 419 M -> 406 M; docs/jit_opt.md, "Compile time").
constexpr Pass kLoopOrder[] = {Pass::kPreamble, Pass::kCse,  Pass::kHeap,    Pass::kPeel, Pass::kBounds,
                               Pass::kPhis,     Pass::kCounted, Pass::kSink, Pass::kDce};
constexpr Pass kBridgeOrder[] = {Pass::kPreamble, Pass::kCse, Pass::kHeap, Pass::kBounds, Pass::kDce};

void check(const Trace& t, const char* when) {
  VerifyError e = verify(t);
  if (e.ok()) return;
  std::fprintf(stderr, "jit/opt: the trace %s does not verify: %s\n%s", when, e.to_string().c_str(),
               print_trace(t).c_str());
  PYR_CHECK_MSG(e.ok(), "the optimizer met or made an invalid trace");
}

Trace run(const Trace& recorded, const Options& o, std::span<const Pass> order) {
  if (o.verify_each) check(recorded, "given to the optimizer");
  if (o.observer) o.observer("input", recorded);
  // The first pass reads the recorded trace itself (no copy); each pass's
  // output replaces the previous one.
  Trace t(recorded.shared_descrs());
  const Trace* cur = &recorded;
  for (Pass p : order) {
    if (p == Pass::kCse && !o.on(p) && o.on(Pass::kFold)) p = Pass::kFold;
    if (!o.on(p)) continue;
    if (p == Pass::kPreamble && !o.jump_target) continue;
    const PassInfo& info = kPasses[static_cast<int>(p)];
    Trace next = p == Pass::kPreamble                        ? inline_preamble(*cur, *o.jump_target, o.preamble_max_ops)
                 : p == Pass::kBounds && !o.input_ranges.empty() ? bounds(*cur, o.input_ranges)
                                                               : info.fn(*cur);
    t = std::move(next);
    cur = &t;
    if (o.verify_each) check(t, (std::string("after pass ") + info.name).c_str());
    if (o.observer) o.observer(info.name, t);
  }
  if (cur == &recorded) return copy_trace(recorded);
  return t;
}

}  // namespace

const char* pass_name(Pass p) { return kPasses[static_cast<int>(p)].name; }

bool set_passes(Options& o, std::string_view list) {
  if (list == "all") return o.enabled = (1u << kNumPasses) - 1, true;
  uint32_t bits = 0;
  if (list != "none" && !list.empty()) {
    while (true) {
      size_t comma = list.find(',');
      std::string_view name = list.substr(0, comma);
      int found = -1;
      for (int k = 0; k < kNumPasses; k++)
        if (name == kPasses[k].name) found = k;
      if (found < 0) return false;
      bits |= 1u << found;
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  o.enabled = bits;
  return true;
}

Trace optimize(const Trace& recorded, const Options& options) { return run(recorded, options, kLoopOrder); }

Trace optimize_bridge(const Trace& recorded, const Options& options) {
  return run(recorded, options, kBridgeOrder);
}

}  // namespace pyrite::jit::opt
