// The JIT instance a language interpreter drives: parameters, hot counters,
// compiled loops, execution of loops through the IR interpreter, guard
// failure and resumption through the language's callbacks, and statistics
// (docs/jit.md, "Trace selection" and "Deoptimization").
//
// Invariants:
//   - Traces (loops and bridges) are only ever added; a trace id stays valid
//     for the JIT's lifetime. A loop invalidated by a quasi-immutable write
//     is unlinked at once, and its tree (the loop and its bridges) has its
//     code and IR freed once no trace of another tree jumps into it and no
//     machine code is running (collect).
//   - A loop the interpreter has not entered for loop_longevity installs,
//     and that no trace of another tree jumps into, is unlinked the same
//     way and freed with its bridges (machine code only; PyPy's
//     loop_longevity).
//   - Every installed trace verified. Its first label carries its target
//     descriptor, so other traces can jump into it (kJumpOut).
//   - A guard failure with no bridge attached ends in exactly one
//     FrameHooks::resume call, after which the interpreter continues from
//     the state it rebuilt; a guard with a bridge continues in the bridge.
//   - A bridge's inputargs are its guard's failargs (snapshot_values order)
//     and it ends with a jump to a loop's entry label.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/ir/ir.h"
#include "jit/ir/ir_interp.h"
#include "jit/opt/pipeline.h"
#include "jit/opt/summary.h"
#include "jit/params.h"
#include "jit/trace/abort.h"
#include "jit/trace/hot_counters.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::log {
class JitLog;
}

namespace pyrite::jit::trace {

// A frame of the state a recording continues from after a loop summary
// (FrameHooks::skip_to): each listed slot with its word and its IR value.
struct TracedSlot {
  uint16_t slot;
  uint64_t w;
  ir::Ref ref;
};
struct TracedFrame {
  uint32_t kind = 0, pc = 0, size = 0;
  std::vector<TracedSlot> slots;
};

// The callbacks a language gives the JIT layer: the places where the
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
  // For the JIT log: the language's text for a location (a loop's green
  // key, or the root loop's code word with a guard's resume pc).
  virtual std::string position(const GreenKey& key) { return "pc " + std::to_string(key.pc); }
  // While recording, at the header of a compiled loop that has a summary
  // (docs/jit.md, "Loop summaries"): the recorder has performed and
  // recorded the loop's whole run; the recording goes on from the loop's
  // exit state. skip_to sets the tracing frames to `frames` (outermost
  // first; a slot not listed keeps its value) and the dispatch loop's pc
  // to the innermost frame's, and loop_header then returns false. Only
  // for languages that answer true to can_skip_loops.
  virtual bool can_skip_loops() const { return false; }
  virtual void skip_to(std::span<const TracedFrame> frames) { (void)frames; }
};

enum class TraceKind : uint8_t {
  kLoop,    // entered from the interpreter at a loop header
  kBridge,  // entered from a failing guard of another trace
};

// What a failing guard has done about a bridge.
struct GuardBridge {
  int32_t bridge = -1;          // the attached bridge's trace id, or -1
  uint32_t aborts = 0;          // recordings from this guard that aborted
  uint32_t next_try = 0;        // failures before the next recording (0: trace_eagerness)
};

// One installed trace: a loop (with its green key and hot-counter cell) or
// a bridge (with the guard it hangs from).
struct CompiledTrace {
  TraceKind kind = TraceKind::kLoop;
  uint32_t id = 0;                    // index in Jit::trace()
  GreenKey key;                       // loops: where the interpreter enters
  uint32_t cell = 0;                  // loops: the hot-counter cell
  ir::Trace trace;
  ir::DescrId target = ir::kNoDescr;  // loops: carried by the entry label
  uint32_t label = 0;                 // loops: the entry label's op index
  int32_t parent = -1;                // bridges: the trace and guard op they hang from
  uint32_t parent_guard = 0;
  uint32_t root = 0;                  // the loop at the root of the bridge tree (itself for loops)
  uint32_t num_bridges = 0;           // loops: bridges in the tree under it
  uint32_t log_id = UINT32_MAX;       // its id in the JIT log, if one is written
  std::unique_ptr<x64::CompiledTrace> code;  // machine code (null: the IR interpreter runs it)
  uint64_t entered = 0;
  uint64_t last_use = 0;              // loops: Jit::installs_ when installed or last entered from the interpreter
  uint8_t invalidated = 0;            // a quasi-immutable field it folded was written
  bool freed = false;                 // its code and IR were released (see Jit::collect)
  std::vector<uint32_t> jumps_to;     // loops of other trees its code jumps into directly
  uint32_t incoming = 0;              // loops: traces of other trees that jump into it
  std::vector<uint32_t> guard_failures;               // per op index
  std::unordered_map<uint32_t, GuardBridge> bridges;  // per guard op that ever failed
  // Bridges: what their optimizer knew of the inputargs (failarg_ranges of
  // the parent guard), and the parent guard's resume key (Jit::share_bridge).
  std::vector<opt::IntRange> input_ranges;
  std::vector<uint64_t> resume_key;
  // What its optimized trace proves about each guard's failargs
  // (opt::failarg_ranges_of_all), computed when a bridge first needs it.
  std::vector<std::vector<opt::IntRange>> failarg_ranges;
  // Loops: the whole run in closed form, if it has one (opt/summary.h),
  // from the trace as recorded.
  std::shared_ptr<const opt::LoopSummary> summary;
  // Loops: bridges of this tree that kept inner loops' summaries, and that
  // were cut back for leaving the loop (TracingContext::bridge_left_loop).
  uint32_t bridges_summarized = 0;
  uint32_t bridges_cut = 0;
  explicit CompiledTrace(ir::Trace t) : trace(std::move(t)) {}
};

// Where to record a bridge: a guard of an installed trace that failed often
// enough, with the values of its failargs (the guard snapshot's values, in
// Trace::snapshot_values order) at this failure. The bridge's inputargs are
// those values, in that order.
struct BridgeOrigin {
  uint32_t trace = 0;
  uint32_t guard = 0;
  std::vector<uint64_t> failargs;
};

struct JitStats {
  uint64_t traces_started = 0;
  uint64_t traces_recorded = 0;  // loops closed, verified and installed
  uint64_t bridges_started = 0;
  uint64_t bridges_recorded = 0;
  uint64_t bridges_shared = 0;  // guards given an existing bridge (Jit::share_bridge)
  uint64_t aborts[kNumAbortReasons] = {};
  uint64_t guard_failures = 0;
  uint64_t loops_entered = 0;
  uint64_t bridges_entered = 0;
  uint64_t jumps_between_traces = 0;
  uint64_t ops_recorded = 0;
  uint64_t invalidations = 0;  // traces invalidated by quasi-immutable writes
  uint64_t loops_retired = 0;  // unused for loop_longevity installs (see retire_unused_loops)
  uint64_t unrolled_dropped = 0;  // loops over several iterations dropped (see drop_unrolled_loop)
  uint64_t trees_dropped = 0;     // trees dropped with them (they jumped into them)
  uint64_t loops_summarized = 0;  // inner loop runs recorded as their summary (loop_summaries)
  uint64_t loops_summarized_at_entry = 0;  // of those, where the loop was entered (loop_entry)
  uint64_t paths_repeated = 0;    // loop recordings closed after their path repeated (loop_confirm)
  uint64_t paths_alternated = 0;  // of those, over two iterations whose paths alternate
  uint64_t bridges_summarized = 0;  // bridges installed with inner loops' summaries
  uint64_t bridges_cut = 0;         // bridges cut back to their first summarized loop (left their loop)
  uint64_t total_aborts() const {
    uint64_t n = 0;
    for (uint64_t a : aborts) n += a;
    return n;
  }
};

// How traces are turned into code (the command line's -X jit-backend=,
// -X jit-opt=).
struct JitOptions {
  bool machine_code = true;  // false: traces run in the IR interpreter
  opt::Options opt;          // optimizer passes; verify_each checks after every pass
  // The language's "exception pending" word (nonzero while one is), which
  // guard_no_exception reads after a call that may raise (cx.raised).
  const uint64_t* exception = nullptr;
};

class Jit {
 public:
  explicit Jit(Params params = {}, JitOptions options = {});
  Jit(const Jit&) = delete;
  Jit& operator=(const Jit&) = delete;

  Params& params() { return params_; }
  const Params& params() const { return params_; }
  JitOptions& options() { return options_; }
  const std::shared_ptr<ir::DescrTable>& descrs() { return descrs_; }
  HotCounters& counters() { return counters_; }
  const JitStats& stats() const { return stats_; }
  JitStats& stats() { return stats_; }

  // The concrete interpreter's side of `loop_header`: one arrival.
  HotAction loop_header(const GreenKey& key, uint32_t* cell) { return counters_.tick(key, cell); }
  // The loop compiled at `key` (its trace id), or kNoLoop.
  int32_t loop_at(const GreenKey& key) const;
  // Installed traces, loops and bridges, by id.
  const CompiledTrace& trace(uint32_t id) const { return *traces_[id]; }
  size_t num_traces() const { return traces_.size(); }
  // Bridges of the tree rooted at loop `root` record inner loops' summaries
  // until two were cut back with none kept (docs/jit.md, "Loop summaries").
  bool bridges_may_summarize(uint32_t root) const {
    const CompiledTrace& r = *traces_[root];
    return r.bridges_summarized > 0 || r.bridges_cut < 2;
  }
  void bridge_summaries_done(uint32_t root, bool kept) {
    CompiledTrace& r = *traces_[root];
    (kept ? r.bridges_summarized : r.bridges_cut)++;
    (kept ? stats_.bridges_summarized : stats_.bridges_cut)++;
  }
  // Loops only: the i-th loop installed.
  const CompiledTrace& loop(uint32_t i) const { return *traces_[loop_ids_[i]]; }
  size_t num_loops() const { return loop_ids_.size(); }

  // ---- for the tracing context ----
  // A fresh target descriptor for a new recording's entry label.
  ir::DescrId new_target(std::span<const ir::Type> types);
  // Optimizes and compiles a verified loop recorded from `cell` and
  // installs it; returns its trace id, or kNoLoop when the backend refused
  // it (counted as a kBackendFailed abort of the location). `log_id` is the
  // recording's id in the JIT log (UINT32_MAX for none).
  int32_t install(uint32_t cell, ir::Trace recorded, ir::DescrId target, uint32_t log_id = UINT32_MAX);
  // The same for a bridge of `origin`'s guard, which from then on jumps
  // into it; kNoLoop when refused (a kBackendFailed abort of the guard).
  int32_t install_bridge(const BridgeOrigin& origin, ir::Trace recorded, uint32_t log_id = UINT32_MAX);
  // Why the last install() returned kNoLoop: kBackendFailed, or
  // kUnrollLoop when the optimized loop's peeled iteration always leaves
  // (a guard of its body always fails): the location is then traced again
  // over one more iteration (up to the loop_unroll parameter), with no
  // backoff. LuaJIT unrolls loops that do not settle the same way.
  AbortReason last_refusal() const { return last_refusal_; }
  // Counts an abort and backs off (or blacklists) the location; a
  // kExitedLoop abort is only counted (see retrace_exited_loop), and a
  // kUnstablePath one counted in the location (loop_confirm).
  void record_abort(uint32_t cell, AbortReason why);
  // A loop recording at `cell` reached another compiled loop before its
  // own header: whether to drop it and trace the location again later
  // (true up to the loop_retrace parameter). The recording may have begun
  // in the loop's last iteration, and its trace would then never go round
  // (every further iteration a guard failure and a bridge back); an outer
  // loop, whose trace always reaches its inner loop first, is kept after
  // the retries.
  bool retrace_exited_loop(uint32_t cell);
  // Counts an abort of a bridge recording and backs off its guard (after
  // max_aborts the guard is never traced again).
  void record_bridge_abort(const BridgeOrigin& origin, AbortReason why);
  // Quasi-immutable fields (docs/jit.md): trace `id` folded the field at
  // `address`; a write there (the contexts' store_field, or the runtime
  // writing such a field directly, which must call quasi_immutable_written)
  // invalidates the trace: its guard_not_invalidated ops fail from then on
  // and a loop is unlinked from its location, to be traced again.
  void depend_on_quasi_immutable(uint64_t address, uint32_t id);
  void quasi_immutable_written(uint64_t address) {
    if (!quasi_deps_.empty()) invalidate_dependents(address);
  }

  // Registers the allocator for a size descriptor (SizeSpec), for `new` ops.
  void register_allocator(ir::DescrId size, uint64_t (*fn)(uint32_t, uint64_t));

  // The JIT log (-X jitlog=FILE), owned by the caller; nullptr for none.
  void set_log(log::JitLog* l) { log_ = l; }
  log::JitLog* jit_log() const { return log_; }
  // Frees the code of invalidated loop trees nothing jumps into any more;
  // runs by itself when no machine code is running. Returns how many trees
  // it freed.
  size_t collect();
  // Unlinks the loops unused for loop_longevity installs that nothing else
  // jumps into (their trees are freed by collect); returns how many.
  size_t retire_unused_loops();
  size_t num_freed_trees() const { return freed_trees_; }

  // Writes every trace's counters and the statistics to the log, if any
  // (at exit, before the log is closed).
  void log_counters();

  // Runs the loop with trace id `loop` with `reds` (the words for its entry
  // label) until a guard with no bridge fails; follows jumps into other
  // loops and failing guards into their bridges; then calls hooks.resume
  // once. Returns where to record a bridge when that guard has now failed
  // often enough (the language records it from the state it just rebuilt).
  std::optional<BridgeOrigin> execute(uint32_t loop, std::span<const uint64_t> reds,
                                      FrameHooks& hooks);

  // The -X jitstats summary.
  std::string stats_text() const;

 private:
  Params params_;
  JitOptions options_;
  std::shared_ptr<ir::DescrTable> descrs_;
  HotCounters counters_;
  void invalidate_dependents(uint64_t address);
  // Optimizes `t` (a loop or a bridge), logging each pass, and compiles it
  // when machine code is on; false if the backend refused it.
  bool prepare(CompiledTrace& t, ir::Trace recorded, bool loop);
  template <class Failargs>
  std::optional<BridgeOrigin> leave(CompiledTrace& t, const ir::Exit& e,
                                    std::span<const uint64_t> entry, FrameHooks& hooks,
                                    Failargs failargs);
  std::optional<BridgeOrigin> execute_machine_code(CompiledTrace* t, std::span<const uint64_t> reds,
                                                   FrameHooks& hooks);
  static uint64_t lookup_target(void* jit, ir::DescrId target);
  static uint64_t allocate(void* jit, ir::DescrId size);
  // Runs `t` from op `label` (or from its inputargs if it has no label).
  ir::Exit run(CompiledTrace& t, std::span<const uint64_t> values);
  // Whether a failure of `guard` in `t` now starts a bridge recording.
  bool wants_bridge(CompiledTrace& t, uint32_t guard);
  // Attaches to `guard` of `t` (hot, with no bridge) a bridge already
  // recorded from a guard that resumes the same way (same resume_key) and
  // whose optimizer assumed no more of the failargs than `t` proves there;
  // false if there is none. A bridge starts by re-running the interpreter's
  // instruction at the resume position from the rebuilt state, so it is a
  // continuation of any failure that rebuilds that state: copies of one
  // guard (peeling's two, a loop's preamble inlined into traces that jump
  // to it) share one bridge instead of each growing its own.
  // Returns true too when the bridge found is `t` itself and
  // drop_unrolled_loop dropped its tree instead.
  bool share_bridge(CompiledTrace& t, uint32_t guard);
  // Bridge `b` failed, going round its loop, a guard that would share `b`
  // itself: the path the bridge takes came twice in a row. When its loop
  // was traced over several iterations because they alternated
  // (kUnrollLoop, or paths A B A B while confirming), they no longer do
  // (primes_big's countdown wraps every other step while it divides by 2,
  // every d-th step later): drops the loop's tree, and every tree that
  // jumps into it, so the location is traced again over one iteration (up
  // to loop_unroll_drop times per location); false when it may not.
  bool drop_unrolled_loop(const CompiledTrace& b);
  // Whether trace `t` enters one of the trees whose roots `roots` marks:
  // a jump to one of their labels, or a guard patched to one of their
  // bridges.
  bool enters(const CompiledTrace& t, const std::vector<bool>& roots) const;
  // Invalidates loop tree `root`, unlinks it from its location and leaves
  // it to collect().
  void doom(CompiledTrace& root);
  // One pass of collect() over the doomed trees; how many it freed.
  size_t collect_pass(std::vector<bool>& one_root);

  std::vector<std::unique_ptr<CompiledTrace>> traces_;
  std::vector<uint32_t> loop_ids_;
  // Where a jump with a target descriptor goes: every label of an installed
  // loop that carries one (its entry label and, peeled, its body label).
  struct TargetLabel {
    uint32_t trace;
    uint32_t label;  // op index
  };
  std::unordered_map<uint32_t, TargetLabel> label_by_target_;  // DescrId ->
  std::unordered_map<uint64_t, std::vector<uint32_t>> quasi_deps_;  // field address -> trace ids
  std::unordered_map<uint64_t, std::vector<uint32_t>> bridges_by_resume_;  // hash of resume_key -> bridge ids
  // The failarg ranges of guard op `guard` of trace `trace` (what a bridge
  // from it starts knowing; see CompiledTrace::failarg_ranges).
  const std::vector<opt::IntRange>& failarg_ranges(uint32_t trace, uint32_t guard);
  std::unordered_map<uint32_t, uint64_t (*)(uint32_t, uint64_t)> allocators_;
  ir::Runtime runtime_;
  std::vector<uint64_t> frame_;  // the jit frame machine code runs with
  std::vector<uint32_t> compiling_jumps_;  // loops the trace being compiled jumps into
  std::vector<uint32_t> doomed_;           // invalidated loops waiting to be freed
  uint32_t running_ = 0;                   // execute() calls in progress
  std::vector<std::unique_ptr<ir::Exit>> exits_;  // execute_machine_code's, one per depth
  bool collect_due_ = false;  // a tree was doomed since the last collect()
  size_t freed_trees_ = 0;
  uint64_t installs_ = 0;                  // loops and bridges installed: the clock of loop_longevity
  // Records that trace `from` jumps into loop `to` (across trees).
  void add_jump_edge(CompiledTrace& from, uint32_t to);
  uint32_t targets_made_ = 0;
  AbortReason last_refusal_ = AbortReason::kBackendFailed;
  bool unroll_refused_ = false;  // set by prepare
  JitStats stats_;
  log::JitLog* log_ = nullptr;
};

}  // namespace pyrite::jit::trace
