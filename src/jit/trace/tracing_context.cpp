// The tracing context's recording logic: folding, guards and their
// snapshots, calls, loop closing and aborts (docs/jit.md, "The
// execution-context contract", "Trace selection").
#include "jit/trace/tracing_context.h"

#include <algorithm>

#include "base/check.h"
#include "jit/log/jitlog.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::trace {

namespace {
// A trace with more constants than this aborts (kTooManyConstants): each
// is a register or a memory operand for the backend.
constexpr uint32_t kMaxConstants = 4096;
}  // namespace

TracingContext::TracingContext(Jit& jit, uint32_t cell, FrameHooks& hooks)
    : jit_(jit), hooks_(hooks), cell_(cell), key_(jit.counters().cell(cell).key),
      trace_(jit.descrs()) {
  trace_.reserve(kRecordingOps, 2 * kRecordingOps);
  jit_.stats().traces_started++;
  const LoopCell& c = jit.counters().cell(cell);
  confirming_ = c.iterations == 1 && c.unstable < static_cast<uint32_t>(jit.params().loop_confirm);
  if (log::JitLog* l = jit_.jit_log()) {
    log::TraceStart start;
    start.kind = log::TraceKind::kLoop;
    start.key = key_;
    std::string where = hooks_.position(key_);
    start.position = where;
    log_id_ = l->trace_started(start);
  }
}

TracingContext::TracingContext(Jit& jit, BridgeOrigin origin, FrameHooks& hooks)
    : jit_(jit), hooks_(hooks), cell_(0), trace_(jit.descrs()), bridge_(std::move(origin)) {
  trace_.reserve(kRecordingOps, 2 * kRecordingOps);
  jit_.stats().bridges_started++;
  const CompiledTrace& from = jit_.trace(bridge_->trace);
  const ir::Trace& parent = from.trace;
  {
    // A bridge's location: its root loop's code word and the resume pc.
    const ir::SnapshotTable& st = parent.snapshots();
    auto frames = st.frames_of(parent.op(bridge_->guard).snapshot);
    key_ = {jit_.trace(from.root).key.code, frames.empty() ? 0 : st.frame(frames[0]).pc};
  }
  if (log::JitLog* l = jit_.jit_log()) {
    log::TraceStart start;
    start.kind = log::TraceKind::kBridge;
    start.key = key_;
    std::string where = hooks_.position(start.key);
    start.position = where;
    start.parent = {from.log_id, bridge_->guard};
    log_id_ = l->trace_started(start);
  }
  // The inputargs: the failargs without the store frames' values (a
  // prefix of them; the exit did those stores, and the glue into this
  // bridge will).
  std::vector<ir::Ref> values = parent.snapshot_values(parent.op(bridge_->guard).snapshot, /*with_stores=*/false);
  PYR_CHECK_MSG(values.size() <= bridge_->failargs.size(), "failargs differ from the guard's snapshot");
  bridge_->failargs.resize(values.size());
  bridge_input_of_.assign(parent.num_ops(), ir::Ref());
  for (ir::Ref r : values) {
    ir::Ref in = trace_.add_input(parent.type_of(r));
    inputs_.push_back(in);
    bridge_input_of_[r.index()] = in;
  }
}

TracingContext::Val TracingContext::resumed_slot(uint32_t frame, uint16_t slot, uint64_t w) {
  PYR_CHECK(bridge_.has_value());
  const ir::Trace& parent = jit_.trace(bridge_->trace).trace;
  const ir::SnapshotTable& st = parent.snapshots();
  auto frames = st.frames_of(parent.op(bridge_->guard).snapshot);
  if (frame < frames.size())
    for (const ir::SnapEntry& e : st.entries(st.frame(frames[frame])))
      if (e.slot == slot) {
        if (e.ref.is_value()) return {w, bridge_input_of_[e.ref.index()]};
        if (e.ref.is_const()) {
          const ir::Const& c = parent.constant(e.ref);
          return {w, trace_.intern(c.type, c.bits)};
        }
        break;
      }
  abort(AbortReason::kBridgeState);
  return {w, ir::Ref()};
}

TracingContext::Val TracingContext::input(ir::Type type, uint64_t w) {
  PYR_CHECK_MSG(trace_.num_ops() == inputs_.size(), "inputs come before any other op");
  ir::Ref r = trace_.add_input(type);
  inputs_.push_back(r);
  return {w, r};
}

void TracingContext::start_loop() {
  std::vector<ir::Type> types;
  for (ir::Ref r : inputs_) types.push_back(trace_.type_of(r));
  target_ = jit_.new_target(types);
  trace_.emit(ir::Opcode::kLabel, std::span<const ir::Ref>(inputs_), target_);
}

TracingContext::Val TracingContext::binop(ir::Opcode op, Val a, Val b) {
  uint64_t x[2] = {a.w, b.w};
  uint64_t r = 0;
  bool ovf = false;
  ir::eval_pure(op, x, &r, &ovf);
  if (!recording()) return {r, ir::Ref()};
  if (a.ref.is_const() && b.ref.is_const())
    return {r, trace_.intern(*ir::fixed_result_type(op), r)};
  return {r, emit(op, {a.ref, b.ref})};
}

TracingContext::Val TracingContext::unop(ir::Opcode op, Val a) {
  uint64_t r = 0;
  bool ovf = false;
  ir::eval_pure(op, &a.w, &r, &ovf);
  if (!recording()) return {r, ir::Ref()};
  if (a.ref.is_const()) return {r, trace_.intern(*ir::fixed_result_type(op), r)};
  return {r, emit(op, {a.ref})};
}

bool TracingContext::add_overflows(Val a, Val b, Val* out) {
  uint64_t x[2] = {a.w, b.w};
  uint64_t r = 0;
  bool ovf = false;
  ir::eval_pure(ir::Opcode::kIntAddOvf, x, &r, &ovf);
  out->w = r;
  out->ref = ir::Ref();
  if (!recording()) return ovf;
  if (a.ref.is_const() && b.ref.is_const()) {
    out->ref = trace_.const_int(static_cast<int64_t>(r));
    return ovf;
  }
  // The guard must directly follow its *_ovf op, so any snapshot is taken
  // (and the side-effect rule checked) before the op is emitted.
  if (side_effect_) {
    abort(AbortReason::kSideEffectBeforeGuard);
    return ovf;
  }
  if (snapshot_ == ir::kNoSnapshot) take_snapshot(pc_);
  if (!recording()) return ovf;
  out->ref = emit(ir::Opcode::kIntAddOvf, {a.ref, b.ref});
  trace_.emit(ovf ? ir::Opcode::kGuardOverflow : ir::Opcode::kGuardNoOverflow, {}, ir::kNoDescr,
              snapshot_);
  return ovf;
}

void TracingContext::take_snapshot(uint32_t pc) {
  if (trace_.snapshots().num_snapshots() >= static_cast<size_t>(jit_.params().snapshot_limit)) {
    abort(AbortReason::kTooManySnapshots);
    return;
  }
  snapshot_ = trace_.add_snapshot(snap_);
}

void TracingContext::guard(ir::Opcode op, std::initializer_list<ir::Ref> args) {
  if (side_effect_) {
    abort(AbortReason::kSideEffectBeforeGuard);
    return;
  }
  if (snapshot_ == ir::kNoSnapshot) take_snapshot(pc_);
  if (!recording()) return;
  trace_.emit(op, args, ir::kNoDescr, snapshot_);
}

bool TracingContext::is_true(Val v) {
  bool t = v.w != 0;
  if (recording() && !v.ref.is_const())
    guard(t ? ir::Opcode::kGuardTrue : ir::Opcode::kGuardFalse, {v.ref});
  return t;
}

bool TracingContext::raised(bool pending) {
  if (!recording()) return pending;
  if (pending) {
    abort(AbortReason::kExceptionInTracing);
    return true;
  }
  PYR_CHECK_MSG(jit_.options().exception != nullptr,
                "cx.raised needs JitOptions::exception, the word guard_no_exception reads");
  guard(ir::Opcode::kGuardNoException, {});
  return false;
}

TracingContext::Val TracingContext::promote(Val v) {
  if (!recording() || v.ref.is_const()) return v;
  ir::Ref c = trace_.intern(trace_.type_of(v.ref), v.w);
  guard(ir::Opcode::kGuardValue, {v.ref, c});
  return {v.w, c};
}

TracingContext::Val TracingContext::alloc(const SizeSpec& s) {
  uint64_t w = s.allocate(s.size, s.class_value);
  if (!recording()) return {w, ir::Ref()};
  ir::DescrId d = intern_descr(ir::size_descr(s.name, s.size, s.class_value));
  jit_.register_allocator(d, s.allocate);
  return {w, emit(s.class_value ? ir::Opcode::kNewWithVtable : ir::Opcode::kNew, {}, d)};
}

ir::Ref TracingContext::record_call_op(ir::DescrId d, ir::Type result, ir::Effects effects,
                                       std::initializer_list<ir::Ref> args) {
  using ir::Opcode;
  bool pure = effects & ir::effect::kPure;
  Opcode op;
  switch (result) {
    case ir::Type::kInt: op = pure ? Opcode::kCallPureI : Opcode::kCallI; break;
    case ir::Type::kFloat: op = pure ? Opcode::kCallPureF : Opcode::kCallF; break;
    case ir::Type::kRef: op = pure ? Opcode::kCallPureR : Opcode::kCallR; break;
    default: op = Opcode::kCallN; break;
  }
  if (!recording()) return ir::Ref();
  ir::Ref r = emit(op, args, d);
  if (effects & (ir::effect::kWritesHeap | ir::effect::kCallsArbitrary |
                 ir::effect::kCanInvalidate | ir::effect::kForcesVirtuals))
    side_effect_ = true;
  return r;
}

void TracingContext::record_quasi_immutable(Val base, uint64_t address, ir::DescrId field) {
  trace_.emit(ir::Opcode::kQuasiimmutField, {base.ref}, field);
  guard(ir::Opcode::kGuardNotInvalidated, {});
  quasi_immutable_.push_back(address);
}

ir::DescrId TracingContext::intern_descr(const ir::Descr& d) {
  ir::DescrId id;
  ir::DescrTable::AddError e = trace_.descrs().add(d, &id);
  PYR_CHECK_MSG(e == ir::DescrTable::AddError::kOk,
                "a language spec conflicts with a descriptor of the same name");
  return id;
}

void TracingContext::begin_instruction(uint32_t pc) {
  if (!recording()) return;
  // A bridge around its loop's body records about as many ops as the
  // loop has (the recording's also hold debug_merge_points and loads the
  // optimizer forwards): one past three times the loop, as optimized, has
  // left it (see bridge_left_loop).
  if (bridge_ && summaries_ &&
      trace_.num_ops() > 3 * jit_.trace(jit_.trace(bridge_->trace).root).trace.num_ops()) {
    bridge_left_loop(kNoLoop);
    return;
  }
  if (trace_.num_ops() > static_cast<uint32_t>(jit_.params().trace_limit)) {
    if (!cuts_.empty() && !diverged_) finish_at(std::move(cuts_[0]));
    else abort(cuts_.empty() ? AbortReason::kTraceTooLong : AbortReason::kUnstablePath);
    return;
  }
  if (trace_.num_consts() > kMaxConstants) {
    abort(AbortReason::kTooManyConstants);
    return;
  }
  trace_.emit(ir::Opcode::kDebugMergePoint, {trace_.const_int(0), trace_.const_int(pc)});
  if (confirming_ && !follow_first_iteration(pc)) return;
  pc_ = pc;
  snap_.clear();
  hooks_.snapshot(snap_, pc);
  snapshot_ = ir::kNoSnapshot;
  side_effect_ = false;
}

void TracingContext::resume_point(uint32_t pc) {
  if (!recording()) return;
  pc_ = pc;
  snap_.clear();
  hooks_.snapshot(snap_, pc);
  snapshot_ = ir::kNoSnapshot;
  side_effect_ = false;
}

bool TracingContext::loop_header(const GreenKey& key, std::span<const Val> reds) {
  if (!recording()) return true;
  if (!bridge_ && key == key_) {
    // A location traced again after kUnrollLoop spans more iterations.
    if (++iterations_ < jit_.counters().cell(cell_).iterations) return false;
    return confirm_path(key, reds);
  }
  int32_t other = jit_.loop_at(key);
  if (other != kNoLoop && replay_inner_loop(other, key, reds)) return false;
  // An iteration after the first went elsewhere than the first.
  if (!cuts_.empty() && recording()) {
    abort(AbortReason::kUnstablePath);
    return true;
  }
  if (other != kNoLoop) {
    if (!recording()) return true;
    if (!bridge_ && jit_.retrace_exited_loop(cell_)) {
      abort(AbortReason::kExitedLoop);
      return true;
    }
    if (bridge_left_loop(other)) return true;
    return finish(key, reds, jit_.trace(other).target);
  }
  // An inner loop with no compiled code: it goes first (LuaJIT's rule);
  // this location backs off and is traced again later, when the inner
  // loop can be jumped to.
  if (bridge_left_loop(kNoLoop)) return true;
  abort(AbortReason::kInnerLoop);
  return true;
}

void TracingContext::loop_entry(const GreenKey& key, std::span<const Val> reds) {
  if (!recording() || (!bridge_ && key == key_)) return;
  int32_t other = jit_.loop_at(key);
  if (other != kNoLoop && replay_inner_loop(other, key, reds)) jit_.stats().loops_summarized_at_entry++;
}

bool TracingContext::replay_inner_loop(int32_t other, const GreenKey& key, std::span<const Val> reds) {
  const CompiledTrace& inner = jit_.trace(other);
  if (!inner.summary || (bridge_ && !jit_.bridges_may_summarize(jit_.trace(bridge_->trace).root)))
    return false;
  if (bridge_ && summaries_ == 0) {
    unsummarized_ = {trace_.num_ops(), quasi_immutable_.size(), key,
                     std::vector<Val>(reds.begin(), reds.end()), inner.target};
  }
  if (!replay_summary(*inner.summary, reds)) return false;
  summaries_++;
  return true;
}

// A loop recorded in an iteration that takes a rare path (primes_big's
// countdown where it wraps, once every d steps) makes a trace whose every
// run leaves at once, with the common path in a bridge that goes round
// and round without the loop optimizations. So a recording goes on over
// the next iterations until their paths (the instructions they run)
// repeat: the first two alike close it after the first (period 1); the
// first four alike in pairs (A B A B, a loop that alternates) close it
// after the second, and the location is traced over two iterations from
// then on (as after kUnrollLoop). Anything else aborts (kUnstablePath) and
// the location is traced again later; after loop_confirm such aborts, and
// for loops traced over several iterations, a recording closes after its
// first iteration(s) as they are. A second iteration that runs the
// first's instructions and then leaves the loop, or one that grows the
// trace past its limit before it went elsewhere, closes the recording
// after the first; one that reaches another loop's header (not a
// summarized inner loop) went elsewhere.
bool TracingContext::confirm_path(const GreenKey& key, std::span<const Val> reds) {
  if (!confirming_) return finish(key, reds, target_);
  LoopCell& cell = jit_.counters().cell(cell_);
  paths_.push_back(path_);
  path_ = 0;
  cuts_.push_back(CutPoint{trace_.num_ops(), quasi_immutable_.size(), key,
                           std::vector<Val>(reds.begin(), reds.end()), target_});
  size_t k = paths_.size();
  if (k == 2 && paths_[1] == paths_[0]) {
    jit_.stats().paths_repeated++;
    return finish_at(std::move(cuts_[0]));
  }
  if (k == 4 && paths_[3] == paths_[1]) {
    cell.iterations = 2;
    jit_.stats().paths_repeated++;
    jit_.stats().paths_alternated++;
    return finish_at(std::move(cuts_[1]));
  }
  if ((k == 3 && paths_[2] != paths_[0]) || k == 4) {
    abort(AbortReason::kUnstablePath);
    return true;
  }
  return false;
}

bool TracingContext::follow_first_iteration(uint32_t pc) {
  path_ = (path_ ^ pc) * 0x9E3779B97F4A7C15ull;
  if (cuts_.empty()) {
    first_pcs_.push_back(pc);
  } else if (cuts_.size() == 1 && !diverged_) {
    if (matched_ < first_pcs_.size() && first_pcs_[matched_] == pc) {
      matched_++;
    } else if (matched_ == first_pcs_.size()) {
      // The second iteration ran the first's instructions and then left
      // the loop instead of coming round: the first is the loop's path.
      finish_at(std::move(cuts_[0]));
      return false;
    } else {
      diverged_ = true;
    }
  }
  return true;
}

bool TracingContext::finish_at(CutPoint c) {
  cuts_.clear();
  trace_.truncate(c.num_ops);
  quasi_immutable_.resize(c.quasi_immutable);
  return finish(c.key, c.reds, c.target);
}

// A bridge goes on through the summaries of the inner loops it reaches
// (docs/jit.md, "Loop summaries") only while it stays in its own loop: one
// that comes round to its root loop's header is the path of that loop's
// body, through its inner loops, as one trace. One that leaves (it reaches
// another loop, compiled or not, or grows past three times its loop)
// would carry on through the rest of the outer body: a long trace for
// every guard that fails there, most of them run a few times
// (mandelbrot_big: 120 K ops recorded for 391 bridges, against 27 K). Such
// a bridge is cut back to where it reached its first summarized loop and
// ends there with the jump into it, as it would have without summaries.
// The interpreter goes on from where the recording is.
bool TracingContext::bridge_left_loop(int32_t reached) {
  if (!bridge_ || summaries_ == 0) return false;
  if (reached != kNoLoop && static_cast<uint32_t>(reached) == jit_.trace(bridge_->trace).root) return false;
  jit_.bridge_summaries_done(jit_.trace(bridge_->trace).root, /*kept=*/false);
  summaries_ = 0;
  finish_at(std::move(unsummarized_));
  return true;
}

bool TracingContext::replay_summary(const opt::LoopSummary& s, std::span<const Val> reds) {
  if (!jit_.params().loop_summaries || !hooks_.can_skip_loops() || side_effect_) return false;
  const ir::Trace& f = s.ops;
  if (reds.size() != f.num_inputs()) return false;
  std::vector<Val> vals(f.num_ops());
  for (uint32_t k = 0; k < reds.size(); k++) vals[k] = reds[k];
  auto val = [&](ir::Ref r) -> Val {
    if (!r.is_const()) return vals[r.index()];
    const ir::Const& c = f.constant(r);
    return {c.bits, trace_.intern(c.type, c.bits)};
  };
  bool stored = false;
  for (uint32_t i = f.num_inputs(); i < f.num_ops(); i++) {
    const ir::Op& op = f.op(i);
    auto args = f.args(i);
    using ir::Opcode;
    switch (op.opcode) {
      case Opcode::kGuardTrue:
      case Opcode::kGuardFalse:
      case Opcode::kGuardValue: {
        PYR_CHECK_MSG(!stored, "a summary's guard after its stores");
        Val a = val(args[0]);
        bool passes = op.opcode == Opcode::kGuardTrue    ? a.w != 0
                      : op.opcode == Opcode::kGuardFalse ? a.w == 0
                                                         : a.w == val(args[1]).w;
        if (!passes) return false;  // the interpreter runs the loop itself
        if (!a.ref.is_const()) {
          if (op.opcode == Opcode::kGuardValue) guard(op.opcode, {a.ref, val(args[1]).ref});
          else guard(op.opcode, {a.ref});
        }
        if (!recording()) return false;
        break;
      }
      case Opcode::kGetarrayitemRawI:
      case Opcode::kGetarrayitemGcI:
      case Opcode::kGetfieldRawI:
      case Opcode::kGetfieldGcI:
      case Opcode::kSetarrayitemRaw:
      case Opcode::kSetarrayitemGc:
      case Opcode::kSetfieldRaw:
      case Opcode::kSetfieldGc: {
        // Memory as the IR interpreter does it, and the op recorded.
        const ir::Descr& d = f.descr(op.descr);
        Val in[3];  // base, index for arrays, value for stores
        ir::Ref refs[3];
        size_t n = std::min<size_t>(args.size(), 3);
        for (size_t k = 0; k < n; k++) {
          in[k] = val(args[k]);
          refs[k] = in[k].ref;
        }
        uint64_t index = d.kind == ir::DescrKind::kArray ? in[1].w : 0;
        if (ir::op_effects(op.opcode) & ir::effect::kWritesHeap) {
          ir::store_item(d, in[0].w, index, in[n - 1].w);
          trace_.emit(op.opcode, std::span<const ir::Ref>(refs, n), op.descr);
          side_effect_ = true;
          stored = true;
        } else {
          vals[i] = {ir::load_item(d, in[0].w, index), trace_.emit(op.opcode, std::span<const ir::Ref>(refs, n), op.descr)};
        }
        break;
      }
      case Opcode::kFinish: {
        std::vector<TracedFrame> frames;
        size_t k = 0;
        for (const opt::LoopSummary::Frame& fr : s.frames) {
          TracedFrame t{fr.kind, fr.pc, fr.size, {}};
          for (uint16_t slot : fr.slots) {
            Val v = val(args[k++]);
            t.slots.push_back({slot, v.w, v.ref});
          }
          frames.push_back(std::move(t));
        }
        jit_.stats().loops_summarized++;
        hooks_.skip_to(frames);
        return true;
      }
      default: {
        PYR_CHECK_MSG(args.size() <= 2 && (ir::op_effects(op.opcode) & ir::effect::kPure),
                      "a summary holds pure ops, guards, loads and stores");
        uint64_t x[2] = {0, 0};
        bool all_const = true;
        for (size_t k = 0; k < args.size(); k++) {
          Val a = val(args[k]);
          x[k] = a.w;
          all_const &= a.ref.is_const();
        }
        uint64_t r = 0;
        bool ovf = false;
        PYR_CHECK(ir::eval_pure(op.opcode, x, &r, &ovf));
        if (all_const) {
          vals[i] = {r, trace_.intern(*ir::fixed_result_type(op.opcode), r)};
        } else {
          std::vector<ir::Ref> refs;
          for (ir::Ref a : args) refs.push_back(val(a).ref);
          vals[i] = {r, trace_.emit(op.opcode, std::span<const ir::Ref>(refs))};
        }
        break;
      }
    }
  }
  PYR_CHECK_MSG(false, "a summary ends with finish");
  return false;
}

bool TracingContext::finish(const GreenKey&, std::span<const Val> reds, ir::DescrId target) {
  const ir::Descr& t = trace_.descr(target);
  if (t.arg_types.size() != reds.size()) {
    abort(AbortReason::kBadLoop);
    return true;
  }
  std::vector<ir::Ref> args;
  for (const Val& v : reds) args.push_back(v.ref);
  trace_.emit(ir::Opcode::kJump, std::span<const ir::Ref>(args), target);
  // The recorded trace is verified in debug builds and under -X
  // jit-verify (which the forced-JIT tests pass), not in release runs:
  // it cost 2.4% of mandelbrot_big's JIT run (docs/jit.md).
#ifdef NDEBUG
  bool check = jit_.options().opt.verify_each;
#else
  bool check = true;
#endif
  if (check) {
    ir::VerifyError e = ir::verify(trace_);
    if (!e.ok()) {
      verify_error_ = e.to_string();
      abort(AbortReason::kVerifyFailed);
      return true;
    }
  }
  jit_.stats().ops_recorded += trace_.num_ops();
  state_ = State::kClosed;
  installed_ = bridge_ ? jit_.install_bridge(*bridge_, std::move(trace_), log_id_)
                       : jit_.install(cell_, std::move(trace_), target_, log_id_);
  trace_ = ir::Trace(jit_.descrs());
  if (installed_ == kNoLoop) {  // refused (backend, or unroll); the Jit counted the abort
    state_ = State::kAborted;
    abort_reason_ = bridge_ ? AbortReason::kBackendFailed : jit_.last_refusal();
    if (log::JitLog* l = jit_.jit_log(); l && log_id_ != UINT32_MAX && abort_reason_ == AbortReason::kUnrollLoop)
      l->trace_aborted(log_id_, abort_reason_, hooks_.position({key_.code, pc_}), 0);
    return true;
  }
  if (bridge_ && summaries_) jit_.bridge_summaries_done(jit_.trace(bridge_->trace).root, /*kept=*/true);
  for (uint64_t a : quasi_immutable_) jit_.depend_on_quasi_immutable(a, static_cast<uint32_t>(installed_));
  return true;
}

void TracingContext::abort(AbortReason why) {
  if (!recording()) return;
  state_ = State::kAborted;
  abort_reason_ = why;
  if (log::JitLog* l = jit_.jit_log(); l && log_id_ != UINT32_MAX)
    l->trace_aborted(log_id_, why, hooks_.position({key_.code, pc_}), trace_.num_ops());
  if (bridge_) jit_.record_bridge_abort(*bridge_, why);
  else jit_.record_abort(cell_, why);
}

}  // namespace pyrite::jit::trace
