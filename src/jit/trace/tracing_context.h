// The tracing context: handlers compiled with it are the trace recorder
// (docs/jit.md, "The execution-context contract"). Every operation executes
// concretely, exactly as the concrete context does, and also records its
// IR op; so the program runs for real while it is traced, and an abort at
// any point leaves the interpreter's state correct.
//
// Invariants:
//   - A Val's word is what the concrete context would have computed; its
//     Ref is the IR value (or constant) that computes it in the trace.
//   - Operations whose operands are all constants fold at record time
//     (through eval_pure, the IR interpreter's own semantics): nothing is
//     recorded and the result is a constant.
//   - Every guard gets the snapshot of the current resume point: the start
//     of the instruction (begin_instruction) or a point the handler
//     declared (resume_point) after a side effect. A guard after an
//     undeclared side effect within one instruction would resume the
//     interpreter before that effect, repeating it; the recorder refuses
//     it (AbortReason::kSideEffectBeforeGuard), in every build.
//   - Once recording stops (closed or aborted) the context keeps executing
//     concretely and records nothing more.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "jit/ir/ir.h"
#include "jit/ir/ir_interp.h"
#include "jit/trace/jit.h"
#include "jit/trace/specs.h"

namespace pyrite::jit::trace {

class TracingContext {
 public:
  struct Val {
    uint64_t w = 0;
    ir::Ref ref;
  };
  static constexpr bool kTracing = true;

  enum class State : uint8_t {
    kRecording,
    kClosed,    // the trace was installed (it closed its loop or jumped into another)
    kAborted,
  };

  // Starts a recording at loop cell `cell` (the location whose counter fired).
  TracingContext(Jit& jit, uint32_t cell, FrameHooks& hooks);
  // Starts a bridge recording from `origin`'s guard: the inputargs are its
  // failargs, and the language builds its tracing frame with resumed_slot.
  TracingContext(Jit& jit, BridgeOrigin origin, FrameHooks& hooks);

  // ---- starting: the reds become inputargs, then the entry label ----
  Val input(ir::Type type, uint64_t w);
  void start_loop();
  // Bridges: the value of slot `slot` of frame `frame` (outermost first) in
  // the guard's snapshot, as the bridge sees it (an inputarg or a
  // constant), with `w` its concrete word. A slot the snapshot did not list
  // cannot be traced into a bridge: the recording aborts (kBridgeState) and
  // the result is a plain word.
  Val resumed_slot(uint32_t frame, uint16_t slot, uint64_t w);
  bool is_bridge() const { return bridge_.has_value(); }

  // ---- constants and words ----
  Val const_int(int64_t v) { return {static_cast<uint64_t>(v), trace_.const_int(v)}; }
  Val const_float(double v) { return {to_word(v), trace_.const_float(v)}; }
  Val const_ref(const void* p) { return {to_word(p), trace_.const_ref(to_word(p))}; }
  static uint64_t word(Val v) { return v.w; }

  // ---- arithmetic and compares (context_ops.def) ----
#define PYR_CX_INT_BINOP(m, op, expr) \
  Val m(Val a, Val b) { return binop(ir::Opcode::k##op, a, b); }
#define PYR_CX_INT_UNOP(m, op, expr) \
  Val m(Val a) { return unop(ir::Opcode::k##op, a); }
#define PYR_CX_FLOAT_BINOP(m, op, expr) \
  Val m(Val a, Val b) { return binop(ir::Opcode::k##op, a, b); }
#define PYR_CX_FLOAT_CMP(m, op, expr) \
  Val m(Val a, Val b) { return binop(ir::Opcode::k##op, a, b); }
#include "jit/trace/context_ops.def"
#undef PYR_CX_INT_BINOP
#undef PYR_CX_INT_UNOP
#undef PYR_CX_FLOAT_BINOP
#undef PYR_CX_FLOAT_CMP

  // int_add_ovf plus the overflow guard of the direction taken.
  bool add_overflows(Val a, Val b, Val* out);

  // ---- branches: a guard for the direction taken ----
  bool is_true(Val v);
  // After a call that may raise: `pending` is whether the language now has
  // an exception pending (it knows how to tell). Recorded as
  // guard_no_exception, which reads JitOptions::exception; a call that
  // did raise while recording aborts it (kExceptionInTracing: the
  // exception path is not traced). Returns `pending`.
  bool raised(bool pending);
  // ---- hints ----
  // guard_value: from here on `v` is a trace constant.
  Val promote(Val v);

  // ---- memory ----
  template <class T>
  Val load_item(const ArraySpec<T>& s, Val base, Val index) {
    T x;
    std::memcpy(&x, reinterpret_cast<const char*>(base.w + s.offset + index.w * sizeof(T)), sizeof(T));
    uint64_t w = to_word(x);
    if (!recording()) return {w, ir::Ref()};
    if ((s.flags & ir::DescrFlag::kImmutable) && base.ref.is_const() && index.ref.is_const())
      return {w, trace_.intern(ir_type_of<T>(), w)};
    ir::DescrId d = array_descr_of<T>(s);
    ir::Opcode op = load_op<T>(s.gc, /*array=*/true);
    return {w, emit(op, {base.ref, index.ref}, d)};
  }
  template <class T>
  void store_item(const ArraySpec<T>& s, Val base, Val index, Val v) {
    T x = from_word<T>(v.w);
    std::memcpy(reinterpret_cast<char*>(base.w + s.offset + index.w * sizeof(T)), &x, sizeof(T));
    if (!recording()) return;
    emit(s.gc ? ir::Opcode::kSetarrayitemGc : ir::Opcode::kSetarrayitemRaw,
         {base.ref, index.ref, v.ref}, array_descr_of<T>(s));
    side_effect_ = true;
  }
  template <class T>
  Val load_field(const FieldSpec<T>& s, Val base) {
    T x;
    std::memcpy(&x, reinterpret_cast<const char*>(base.w + s.offset), sizeof(T));
    uint64_t w = to_word(x);
    if (!recording()) return {w, ir::Ref()};
    if ((s.flags & ir::DescrFlag::kImmutable) && base.ref.is_const())
      return {w, trace_.intern(ir_type_of<T>(), w)};
    if ((s.flags & ir::DescrFlag::kQuasiImmutable) && s.gc && base.ref.is_const()) {
      // The value now becomes a constant of the trace, which depends on the
      // field staying unchanged: quasiimmut_field + guard_not_invalidated,
      // and the JIT invalidates the trace when the field is written.
      record_quasi_immutable(base, base.w + s.offset, field_descr_of<T>(s));
      if (recording()) return {w, trace_.intern(ir_type_of<T>(), w)};
      return {w, ir::Ref()};
    }
    return {w, emit(load_op<T>(s.gc, /*array=*/false), {base.ref}, field_descr_of<T>(s))};
  }
  template <class T>
  void store_field(const FieldSpec<T>& s, Val base, Val v) {
    T x = from_word<T>(v.w);
    std::memcpy(reinterpret_cast<char*>(base.w + s.offset), &x, sizeof(T));
    if (s.flags & ir::DescrFlag::kQuasiImmutable) {
      jit_.quasi_immutable_written(base.w + s.offset);
      abort(AbortReason::kForceQuasiImmutable);
    }
    if (!recording()) return;
    emit(s.gc ? ir::Opcode::kSetfieldGc : ir::Opcode::kSetfieldRaw, {base.ref, v.ref},
         field_descr_of<T>(s));
    side_effect_ = true;
  }

  // ---- calls and allocation ----
  // A pure (elidable) call whose arguments are all constants is made now
  // and becomes a constant; any other call is made now and recorded as a
  // residual call_* (call_pure_* when pure). Effects that the interpreter
  // could observe (writes, arbitrary code) start a side-effect region: a
  // guard may follow only after the handler declares a resume_point.
  template <class R, class... A, class... V>
  auto call(const CallSpec<R, A...>& s, V... args) {
    static_assert(sizeof...(A) == sizeof...(V), "argument count differs from the CallSpec");
    if constexpr (std::is_void_v<R>) {
      s.fn(from_word<A>(args.w)...);
      if (recording()) record_call(s, ir::Type::kVoid, 0, {args.ref...});
    } else {
      R r = s.fn(from_word<A>(args.w)...);
      uint64_t w = to_word<R>(r);
      if (!recording()) return Val{w, ir::Ref()};
      bool all_const = (true && ... && args.ref.is_const());
      if ((s.effects & ir::effect::kPure) && all_const) return Val{w, trace_.intern(ir_type_of<R>(), w)};
      return Val{w, record_call(s, ir_type_of<R>(), w, {args.ref...})};
    }
  }
  Val alloc(const SizeSpec& s);

  // ---- the recorder's hooks ----
  bool stopped() const { return state_ != State::kRecording; }
  bool recording() const { return state_ == State::kRecording; }
  // The dispatch loop calls this before each instruction: the resume point
  // for its guards, and the trace-length limit.
  void begin_instruction(uint32_t pc);
  // A handler that has performed a side effect and may still guard declares
  // where the interpreter resumes (with the frame state as it is now).
  void resume_point(uint32_t pc);
  // The loop header: closes the loop when `key` is where recording began,
  // ends the trace with a jump into another compiled loop, or aborts.
  // Returns true (stop the dispatch loop) unless recording had already
  // stopped... in which case it also returns true.
  bool loop_header(const GreenKey& key, std::span<const Val> reds);
  // The loop at `key` is entered from outside, at its header (BF: a '['
  // whose cell is not zero; the back edge calls loop_header instead). When
  // that loop is compiled with a summary, its whole run is recorded as the
  // summary here, and the frame moved to its exit (FrameHooks::skip_to),
  // as loop_header would one iteration later: the trace then does not
  // depend on how many iterations the inner loop runs (an inner loop that
  // ran once while recording would otherwise be recorded inline, and the
  // trace would hold only while it runs exactly once). Otherwise nothing.
  void loop_entry(const GreenKey& key, std::span<const Val> reds);
  void abort(AbortReason why);

  State state() const { return state_; }
  AbortReason abort_reason() const { return abort_reason_; }
  const std::string& verify_error() const { return verify_error_; }
  // The trace so far (after kClosed: moved into the JIT; see Jit::loop).
  const ir::Trace& trace() const { return trace_; }
  // The installed trace's id (a loop's or a bridge's; see Jit::trace).
  int32_t installed_loop() const { return installed_; }
  uint32_t cell() const { return cell_; }

 private:
  ir::Ref emit(ir::Opcode op, std::initializer_list<ir::Ref> args, ir::DescrId d = ir::kNoDescr) {
    return trace_.emit(op, args, d);
  }
  Val binop(ir::Opcode op, Val a, Val b);
  Val unop(ir::Opcode op, Val a);
  void guard(ir::Opcode op, std::initializer_list<ir::Ref> args);
  void take_snapshot(uint32_t pc);
  bool finish(const GreenKey& key, std::span<const Val> reds, ir::DescrId target);
  // Whether a bridge that recorded inner loops' summaries has left its
  // root loop, reaching `reached` (a loop, or kNoLoop for none): then it is
  // cut back to where it met the first summarized loop and ends with the
  // jump into that loop, and this returns true.
  bool bridge_left_loop(int32_t reached);
  // Performs and records the run of a loop from its header (`reds` its
  // label's values) through its summary, then moves the language to the
  // loop's exit (FrameHooks::skip_to). False, with nothing stored, when
  // the language cannot skip loops or a guard of the summary fails now.
  bool replay_summary(const opt::LoopSummary& s, std::span<const Val> reds);
  // Replays compiled loop `other`'s summary, if it has one and this
  // recording may (bridges: Jit::bridges_may_summarize); whether it did.
  bool replay_inner_loop(int32_t other, const GreenKey& key, std::span<const Val> reds);

  template <class T>
  static ir::Opcode load_op(bool gc, bool array) {
    constexpr ir::Type t = ir_type_of<T>();
    using ir::Opcode;
    if (array) {
      if (gc) return t == ir::Type::kFloat ? Opcode::kGetarrayitemGcF
                     : t == ir::Type::kRef ? Opcode::kGetarrayitemGcR : Opcode::kGetarrayitemGcI;
      return t == ir::Type::kFloat ? Opcode::kGetarrayitemRawF : Opcode::kGetarrayitemRawI;
    }
    if (gc) return t == ir::Type::kFloat ? Opcode::kGetfieldGcF
                   : t == ir::Type::kRef ? Opcode::kGetfieldGcR : Opcode::kGetfieldGcI;
    return t == ir::Type::kFloat ? Opcode::kGetfieldRawF : Opcode::kGetfieldRawI;
  }
  // A spec's descriptor, built and interned once per recording: every
  // access recorded asks (building a Descr with its name string and
  // interning it each time was 1% of mandelbrot_big's run). Keyed by the
  // spec's contents, not its address (a spec may be a temporary); the name
  // by pointer, so a spec's name must be a string that outlives the JIT (a
  // literal, as specs.h's are).
  struct SpecKey {
    const char* name;
    int32_t offset;
    uint8_t flags, gc, array, size, is_signed;
    ir::Type type;
    bool operator==(const SpecKey&) const = default;
  };
  template <class T>
  static SpecKey spec_key(const char* name, int32_t offset, uint8_t flags, bool gc, bool array) {
    return SpecKey{name, offset, flags, gc, array, sizeof(T), std::is_signed_v<T>, ir_type_of<T>()};
  }
  // The descriptor for `k`, made by `make` (an ir::Descr) the first time.
  template <class Make>
  ir::DescrId cached_descr(const SpecKey& k, Make&& make) {
    for (const auto& [key, id] : spec_descrs_)
      if (key == k) return id;
    ir::DescrId d = intern_descr(make());
    spec_descrs_.push_back({k, d});
    return d;
  }
  template <class T>
  ir::DescrId array_descr_of(const ArraySpec<T>& s) {
    return cached_descr(spec_key<T>(s.name, s.offset, s.flags, s.gc, true), [&] {
      return ir::array_descr(s.name, s.offset, ir_type_of<T>(), sizeof(T), std::is_signed_v<T>, -1, s.flags);
    });
  }
  template <class T>
  ir::DescrId field_descr_of(const FieldSpec<T>& s) {
    return cached_descr(spec_key<T>(s.name, s.offset, s.flags, s.gc, false), [&] {
      return ir::field_descr(s.name, s.offset, ir_type_of<T>(), sizeof(T), std::is_signed_v<T>, s.flags);
    });
  }
  template <class R, class... A>
  ir::Ref record_call(const CallSpec<R, A...>& s, ir::Type result, uint64_t w,
                      std::initializer_list<ir::Ref> args) {
    uint8_t size = 8;
    bool is_signed = true;
    if constexpr (std::is_integral_v<R>) {
      size = sizeof(R);
      is_signed = std::is_signed_v<R>;
    }
    ir::DescrId d = intern_descr(ir::call_descr(s.name, reinterpret_cast<uint64_t>(s.fn),
                                                {ir_type_of<A>()...}, result, s.effects, size,
                                                is_signed));
    return record_call_op(d, result, s.effects, args);
  }
  ir::Ref record_call_op(ir::DescrId d, ir::Type result, ir::Effects effects,
                         std::initializer_list<ir::Ref> args);
  ir::DescrId intern_descr(const ir::Descr& d);
  void record_quasi_immutable(Val base, uint64_t address, ir::DescrId field);

  // Ops a recording's trace has room for from the start (it grows past):
  // BF's recordings are mostly 50-500 ops, and growing the op and argument
  // vectors op by op copied them about ten times each.
  static constexpr size_t kRecordingOps = 512;
  Jit& jit_;
  FrameHooks& hooks_;
  uint32_t cell_;
  uint32_t iterations_ = 0;  // arrivals at the loop's own header while recording
  uint32_t summaries_ = 0;     // inner loop runs recorded as their summary
  // A point a recording may be cut back to and end at, with a jump to
  // `target` carrying `reds`: a bridge's state at its first summary (where
  // it would have ended without summaries; see bridge_left_loop), and a
  // loop recording's iterations while it records the next ones to confirm
  // their path (see confirm_path).
  struct CutPoint {
    uint32_t num_ops = 0;
    size_t quasi_immutable = 0;
    GreenKey key;
    std::vector<Val> reds;
    ir::DescrId target = ir::kNoDescr;
  };
  CutPoint unsummarized_;
  // Cuts the recording back to `c` and closes it there.
  bool finish_at(CutPoint c);
  // The path of the iteration being recorded: a hash of the pcs its
  // instructions start at (recordings that confirm their path).
  uint64_t path_ = 0;
  // While a loop recording goes on to see its path repeat (confirm_path,
  // loop_confirm): where each iteration recorded so far ended, and its path.
  std::vector<CutPoint> cuts_;
  std::vector<uint64_t> paths_;
  bool confirming_ = false;  // a loop recording that confirms its path (loop_confirm)
  // The first iteration's instructions, and how many of them the second
  // has run in the same order (until it runs another: diverged_).
  std::vector<uint32_t> first_pcs_;
  size_t matched_ = 0;
  bool diverged_ = false;
  // At each instruction while confirming: false when the recording closed.
  bool follow_first_iteration(uint32_t pc);
  // At the loop's own header: whether the recording closes now (returns
  // true, having closed or aborted it) or goes on over one more iteration.
  bool confirm_path(const GreenKey& key, std::span<const Val> reds);
  GreenKey key_;
  ir::Trace trace_;
  ir::DescrId target_ = ir::kNoDescr;
  std::vector<ir::Ref> inputs_;
  ir::SnapshotBuilder snap_;
  ir::SnapshotId snapshot_ = ir::kNoSnapshot;
  uint32_t pc_ = 0;
  bool side_effect_ = false;
  State state_ = State::kRecording;
  AbortReason abort_reason_ = AbortReason::kCount;
  int32_t installed_ = kNoLoop;
  std::string verify_error_;
  std::optional<BridgeOrigin> bridge_;
  std::vector<uint64_t> quasi_immutable_;
  std::vector<std::pair<SpecKey, ir::DescrId>> spec_descrs_;  // array_descr_of / field_descr_of
  uint32_t log_id_ = UINT32_MAX;  // the recording's id in the JIT log  // field addresses the trace relies on
  std::vector<ir::Ref> bridge_input_of_;  // bridges: parent op index -> inputarg
};

}  // namespace pyrite::jit::trace
