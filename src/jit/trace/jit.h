// The JIT instance a language interpreter drives: parameters, hot counters,
// compiled loops, execution of loops through the IR interpreter, guard
// failure and resumption through the language's callbacks, and statistics
// (docs/jit.md, "Trace selection" and "Deoptimization").
//
// Invariants:
//   - Loops are only ever added; a loop index stays valid for the JIT's
//     lifetime (freeing unused loops, loop_longevity, comes with the backend).
//   - Every installed trace verified. Its first label carries its target
//     descriptor, so other traces can jump into it (kJumpOut).
//   - A guard failure always ends in exactly one FrameHooks::resume call,
//     after which the interpreter continues from the state it rebuilt.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/ir/ir.h"
#include "jit/ir/ir_interp.h"
#include "jit/params.h"
#include "jit/trace/abort.h"
#include "jit/trace/hot_counters.h"

namespace pyrite::jit::trace {

// The callbacks a language gives the JIT layer: the two places where the
// layer must understand the language's frames.
class FrameHooks {
 public:
  virtual ~FrameHooks() = default;
  // While recording: describe the virtual frame chain at a resume point
  // (the start of the instruction at `pc`, or a point a handler declared),
  // outermost frame first, each slot's IR Ref from the tracing context's
  // values. The builder is cleared before the call.
  virtual void snapshot(ir::SnapshotBuilder& b, uint32_t pc) = 0;
  // After a guard failed: rebuild the interpreter's state from the exit's
  // frames (kind, resume pc, slots). For the outermost frame a slot the
  // snapshot did not list keeps the value it had when the exiting trace was
  // entered (`entry`: the words given to that trace's label).
  virtual void resume(const ir::Exit& exit, std::span<const uint64_t> entry) = 0;
};

struct CompiledLoop {
  GreenKey key;
  uint32_t cell = 0;
  ir::Trace trace;
  ir::DescrId target = ir::kNoDescr;  // carried by the entry label
  uint32_t label = 0;                 // the entry label's op index
  uint64_t entered = 0;
  std::vector<uint32_t> guard_failures;  // per op index
  explicit CompiledLoop(ir::Trace t) : trace(std::move(t)) {}
};

struct JitStats {
  uint64_t traces_started = 0;
  uint64_t traces_recorded = 0;  // closed, verified and installed
  uint64_t aborts[kNumAbortReasons] = {};
  uint64_t guard_failures = 0;
  uint64_t loops_entered = 0;
  uint64_t jumps_between_traces = 0;
  uint64_t ops_recorded = 0;
  uint64_t total_aborts() const {
    uint64_t n = 0;
    for (uint64_t a : aborts) n += a;
    return n;
  }
};

class Jit {
 public:
  explicit Jit(Params params = {});
  Jit(const Jit&) = delete;
  Jit& operator=(const Jit&) = delete;

  Params& params() { return params_; }
  const Params& params() const { return params_; }
  const std::shared_ptr<ir::DescrTable>& descrs() { return descrs_; }
  HotCounters& counters() { return counters_; }
  const JitStats& stats() const { return stats_; }
  JitStats& stats() { return stats_; }

  // The concrete interpreter's side of `loop_header`: one arrival.
  HotAction loop_header(const GreenKey& key, uint32_t* cell) { return counters_.tick(key, cell); }
  // The loop compiled at `key`, or kNoLoop.
  int32_t loop_at(const GreenKey& key) const;
  const CompiledLoop& loop(uint32_t i) const { return *loops_[i]; }
  size_t num_loops() const { return loops_.size(); }

  // ---- for the tracing context ----
  // A fresh target descriptor for a new recording's entry label.
  ir::DescrId new_target(std::span<const ir::Type> types);
  // Installs a verified trace recorded from `cell`; returns the loop index.
  uint32_t install(uint32_t cell, ir::Trace trace, ir::DescrId target);
  // Counts an abort and backs off (or blacklists) the location.
  void record_abort(uint32_t cell, AbortReason why);
  // Registers the allocator for a size descriptor (SizeSpec), for `new` ops.
  void register_allocator(ir::DescrId size, uint64_t (*fn)(uint32_t, uint64_t));

  // Runs loop `loop` with `reds` (the words for its entry label) until a
  // guard fails, follows jumps into other loops, and calls hooks.resume.
  void execute(uint32_t loop, std::span<const uint64_t> reds, FrameHooks& hooks);

  // The -X jitstats summary.
  std::string stats_text() const;

 private:
  Params params_;
  std::shared_ptr<ir::DescrTable> descrs_;
  HotCounters counters_;
  std::vector<std::unique_ptr<CompiledLoop>> loops_;
  std::unordered_map<uint32_t, uint32_t> loop_by_target_;  // DescrId -> loop
  std::unordered_map<uint32_t, uint64_t (*)(uint32_t, uint64_t)> allocators_;
  ir::Runtime runtime_;
  uint32_t targets_made_ = 0;
  JitStats stats_;
};

}  // namespace pyrite::jit::trace
