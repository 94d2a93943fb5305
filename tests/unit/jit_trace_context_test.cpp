// The tracing context (docs/jit.md, "The execution-context contract"): a toy
// interpreter written once over Cx, recorded into IR text; guards in both
// directions, promote, folding, calls, loop closing, aborts, blacklisting,
// and guard failure resuming the interpreter with the right state.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_printer.h"
#include "jit/log/jitlog.h"
#include "jit/trace/concrete_context.h"
#include "jit/trace/tracing_context.h"

namespace pyrite::jit::trace {
namespace {

using ir::Type;

// ---- a toy language: `while i < n: acc += i; i += step(i)` ----------------
// Frame slots: 0 = i, 1 = acc, 2 = n. Instructions: 0 acc += i; 1 i += 1 (or
// += 2 when bit 2 of i is set and `odd_skip` is set: a data-dependent
// branch that goes both ways as i grows);
// 2 if i < n goto 0 (the loop header) else end.
template <class Cx>
struct ToyFrame {
  typename Cx::Val i, acc, n;
};
enum ToyEvent { kToyEnd, kToyJit, kToyError };
constexpr GreenKey kToyLoop{7, 0};

template <class Cx>
ToyEvent toy_run(Cx& cx, ToyFrame<Cx>& f, uint32_t& pc, bool odd_skip) {
  for (;;) {
    if (cx.stopped()) return kToyJit;
    cx.begin_instruction(pc);
    switch (pc) {
      case 0:
        f.acc = cx.add(f.acc, f.i);
        pc = 1;
        break;
      case 1:
        if (odd_skip && cx.is_true(cx.bit_and(f.i, cx.const_int(4))))
          f.i = cx.add(f.i, cx.const_int(2));
        else
          f.i = cx.add(f.i, cx.const_int(1));
        pc = 2;
        break;
      case 2:
        if (!cx.is_true(cx.lt(f.i, f.n))) return kToyEnd;
        pc = 0;
        {
          typename Cx::Val reds[] = {f.i, f.acc, f.n};
          if (cx.loop_header(kToyLoop, reds)) return kToyJit;
        }
        break;
    }
  }
}

class ToyHooks : public FrameHooks {
 public:
  ToyFrame<ConcreteContext>* frame = nullptr;
  ToyFrame<TracingContext>* tracing = nullptr;
  uint32_t* pc = nullptr;
  int resumes = 0;
  uint32_t last_resume_pc = 0;
  void snapshot(ir::SnapshotBuilder& b, uint32_t at) override {
    b.push_frame(0, at, 3);
    b.set(0, tracing->i.ref);
    b.set(1, tracing->acc.ref);
    b.set(2, tracing->n.ref);
  }
  void resume(const ir::Exit& e, std::span<const uint64_t> entry) override {
    resumes++;
    *pc = last_resume_pc = e.frames.at(0).pc;
    ConcreteContext::Val* slots[] = {&frame->i, &frame->acc, &frame->n};
    for (int k = 0; k < 3; k++) slots[k]->w = entry[k];
    for (const ir::ExitSlot& s : e.frames.at(0).slots) slots[s.slot]->w = s.value.bits;
  }
};

// Runs a toy program from pc 0 over the frame `f` to its end, as a
// language's driver does: the interpreter, recordings of loops and of
// bridges, and compiled code. `run(cx, frame, pc)` is the program's
// dispatch loop over either context. Returns kToyEnd or kToyError.
template <class Run>
ToyEvent drive(Jit* jit, ToyFrame<ConcreteContext>& f, ToyHooks& hooks, Run run) {
  ConcreteContext cx(jit);
  uint32_t pc = 0;
  hooks.frame = &f;
  hooks.pc = &pc;
  std::optional<BridgeOrigin> bridge;
  for (;;) {
    if (!bridge) {
      ToyEvent ev = run(cx, f, pc);
      if (ev != kToyJit) return ev;
      if (cx.action() == HotAction::kEnter) {
        uint64_t reds[] = {f.i.w, f.acc.w, f.n.w};
        bridge = jit->execute(static_cast<uint32_t>(jit->counters().cell(cx.cell()).loop), reds, hooks);
        continue;
      }
    }
    std::optional<TracingContext> tcx;
    ToyFrame<TracingContext> tf;
    if (bridge) {
      tcx.emplace(*jit, std::move(*bridge), hooks);
      bridge.reset();
      tf.i = tcx->resumed_slot(0, 0, f.i.w);
      tf.acc = tcx->resumed_slot(0, 1, f.acc.w);
      tf.n = tcx->resumed_slot(0, 2, f.n.w);
    } else {
      tcx.emplace(*jit, cx.cell(), hooks);
      tf.i = tcx->input(Type::kInt, f.i.w);
      tf.acc = tcx->input(Type::kInt, f.acc.w);
      tf.n = tcx->input(Type::kInt, f.n.w);
      tcx->start_loop();
    }
    hooks.tracing = &tf;
    ToyEvent ev = run(*tcx, tf, pc);
    f = {{tf.i.w}, {tf.acc.w}, {tf.n.w}};
    if (ev != kToyJit) {
      tcx->abort(AbortReason::kLeftLoop);  // (no-op if it had stopped already)
      return ev;
    }
  }
}

// Runs the toy program to the end, with `jit` (or none); returns acc.
int64_t toy_program(Jit* jit, int64_t n, bool odd_skip, ToyHooks* hooks_out = nullptr) {
  ToyFrame<ConcreteContext> f{{0}, {0}, {static_cast<uint64_t>(n)}};
  ToyHooks hooks;
  drive(jit, f, hooks, [&](auto& cx, auto& frame, uint32_t& pc) { return toy_run(cx, frame, pc, odd_skip); });
  if (hooks_out) *hooks_out = hooks;
  return static_cast<int64_t>(f.acc.w);
}

int64_t expected_acc(int64_t n, bool odd_skip) {
  int64_t i = 0, acc = 0;
  while (true) {
    acc += i;
    i += (odd_skip && (i & 4)) ? 2 : 1;
    if (!(i < n)) return acc;
  }
}

Params threshold(int64_t t) {
  Params p;
  p.threshold = t;
  return p;
}

// Traces installed as recorded (no optimizer passes), run by the IR
// interpreter: for tests of what the recorder emits.
JitOptions as_recorded() {
  JitOptions o;
  o.opt.enabled = 0;
  o.machine_code = false;
  return o;
}

TEST(JitTraceContext, ToyLoopRecordsExpectedIr) {
  Jit jit(threshold(1), as_recorded());
  EXPECT_EQ(toy_program(&jit, 100, false), expected_acc(100, false));
  ASSERT_EQ(jit.num_loops(), 1u);
  EXPECT_EQ(ir::print_trace(jit.loop(0).trace),
            "descr loop0 = target(args=(i, i, i))\n"
            "[i0, i1, i2]\n"
            "label(i0, i1, i2, descr=loop0)\n"
            "debug_merge_point(0, 0)\n"
            "i3 = int_add(i1, i0)\n"
            "debug_merge_point(0, 1)\n"
            "i4 = int_add(i0, 1)\n"
            "debug_merge_point(0, 2)\n"
            "i5 = int_lt(i4, i2)\n"
            "guard_true(i5) [0@2/3: 0=i4 1=i3 2=i2]\n"
            "jump(i4, i3, i2, descr=loop0)\n");
  EXPECT_EQ(jit.stats().traces_recorded, 1u);
  EXPECT_EQ(jit.stats().guard_failures, 1u);  // the loop's exit
}

TEST(JitTraceContext, GuardFailureResumesInterpreterWithTheRightState) {
  for (int64_t t : {1, 2, 5, 50}) {
    for (bool skip : {false, true}) {
      Jit jit(threshold(t));
      ToyHooks hooks;
      EXPECT_EQ(toy_program(&jit, 1000, skip, &hooks), expected_acc(1000, skip))
          << "threshold " << t << " skip " << skip;
      EXPECT_GE(hooks.resumes, 1);
    }
  }
}

TEST(JitTraceContext, DataDependentBranchGuardsTheDirectionTaken) {
  // Recording starts with i == 1: `i & 4` is 0, so guard_false; rounds
  // with bit 2 set fail that guard and resume the interpreter at
  // instruction 1.
  Jit jit(threshold(1));
  ToyHooks hooks;
  EXPECT_EQ(toy_program(&jit, 1000, true, &hooks), expected_acc(1000, true));
  ASSERT_GE(jit.num_loops(), 1u);
  std::string text = ir::print_trace(jit.loop(0).trace);
  EXPECT_NE(text.find("i4 = int_and(i0, 4)\nguard_false(i4) [0@1/3: 0=i0 1=i3 2=i2]\n"),
            std::string::npos)
      << text;
  EXPECT_GT(jit.stats().guard_failures, 1u);
}

TEST(JitTraceContext, HotGuardGetsABridgeThatJumpsBackIntoTheLoop) {
  // The loop is recorded with bit 2 of i clear; rounds with it set fail
  // guard_false until trace_eagerness failures, then a bridge is recorded
  // from that guard: i += 2, the loop test, and a jump to the loop's label.
  // Later failures run the bridge instead of resuming the interpreter.
  Params p = threshold(1);
  p.trace_eagerness = 3;
  Jit jit(p, as_recorded());
  ToyHooks hooks;
  EXPECT_EQ(toy_program(&jit, 1000, true, &hooks), expected_acc(1000, true));
  ASSERT_EQ(jit.num_loops(), 1u);
  ASSERT_EQ(jit.stats().bridges_recorded, 1u);
  const CompiledTrace& b = jit.trace(1);
  EXPECT_EQ(b.kind, TraceKind::kBridge);
  EXPECT_EQ(b.parent, 0);
  EXPECT_EQ(ir::op_name(jit.loop(0).trace.op(b.parent_guard).opcode), std::string("guard_false"));
  EXPECT_EQ(ir::print_trace(b.trace),
            "descr loop0 = target(args=(i, i, i))\n"
            "[i0, i1, i2]\n"
            "debug_merge_point(0, 1)\n"
            "i3 = int_and(i0, 4)\n"
            "guard_true(i3) [0@1/3: 0=i0 1=i1 2=i2]\n"
            "i4 = int_add(i0, 2)\n"
            "debug_merge_point(0, 2)\n"
            "i5 = int_lt(i4, i2)\n"
            "guard_true(i5) [0@2/3: 0=i4 1=i1 2=i2]\n"
            "jump(i4, i1, i2, descr=loop0)\n");
  // i runs to 1000 in blocks of 8 (0 1 2 3 4 6): 250 rounds with bit 2
  // set. Only the first 3 failures and the loop's final exit resume the
  // interpreter; the bridge takes the rest.
  EXPECT_GE(jit.stats().bridges_entered, 245u);
  EXPECT_LE(hooks.resumes, 5);
}

TEST(JitTraceContext, BridgesInMachineCodeTakeTheFailuresToo) {
  // The same program optimized and compiled: the bridge is patched into
  // its guard, so later failures never come back to C++.
  for (int64_t n : {10, 100, 1000, 5000}) {
    Params p = threshold(1);
    p.trace_eagerness = 3;
    Jit jit(p);
    ToyHooks hooks;
    EXPECT_EQ(toy_program(&jit, n, true, &hooks), expected_acc(n, true)) << n;
    if (n >= 100) {
      // Peeling made two copies of the guard: the preamble's and the
      // body's; the bridge enters the body with the preamble copied in
      // (opt/preamble.h), a third. Each copy fails trace_eagerness times;
      // the first gets a bridge and the others share it (the same resume
      // state); then only the loop's final exit resumes the interpreter.
      EXPECT_EQ(jit.stats().bridges_recorded, 1u) << n;
      EXPECT_GE(jit.stats().bridges_shared, 1u) << n;
      EXPECT_LE(hooks.resumes, 3 * 3 + 1) << n << jit.stats_text();
      ASSERT_NE(jit.loop(0).code, nullptr);
    }
  }
}

TEST(JitTraceContext, BridgeRecordingsThatAbortBackOffTheirGuard) {
  // The loop's exit guard fails once per run of the program. Every bridge
  // recorded from it leaves the loop (kLeftLoop) and aborts: the first at
  // the 2nd failure (trace_eagerness), the next after twice as many more,
  // and then never again (max_aborts = 2).
  Params p = threshold(1);
  p.trace_eagerness = 2;
  p.max_aborts = 2;
  Jit jit(p);
  for (int run = 1; run <= 20; run++) {
    EXPECT_EQ(toy_program(&jit, 50, false), expected_acc(50, false));
    uint64_t expected_started = run < 2 ? 0 : run < 6 ? 1 : 2;
    EXPECT_EQ(jit.stats().bridges_started, expected_started) << "run " << run;
  }
  EXPECT_EQ(jit.stats().aborts[static_cast<int>(AbortReason::kLeftLoop)], 2u);
  EXPECT_EQ(jit.stats().bridges_recorded, 0u);
  EXPECT_EQ(jit.num_loops(), 1u);
}

// A direct recording, without a dispatch loop: a hooks object with one slot.
class OneSlotHooks : public FrameHooks {
 public:
  TracingContext::Val* slot = nullptr;
  void snapshot(ir::SnapshotBuilder& b, uint32_t pc) override {
    b.push_frame(0, pc, 1);
    b.set(0, slot->ref);
  }
  void resume(const ir::Exit&, std::span<const uint64_t>) override {}
};

struct Recording {
  Jit jit;
  OneSlotHooks hooks;
  uint32_t cell;
  TracingContext cx;
  TracingContext::Val x;
  explicit Recording(Params p = {}, uint64_t x0 = 5)
      : jit(p, as_recorded()), cell(jit.counters().find_or_add({1, 1})), cx(jit, cell, hooks) {
    x = cx.input(Type::kInt, x0);
    hooks.slot = &x;
    cx.start_loop();
    cx.begin_instruction(0);
  }
  std::string text() { return ir::print_trace(cx.trace()); }
};

TEST(JitTraceContext, GuardsBothDirections) {
  Recording r;
  EXPECT_TRUE(r.cx.is_true(r.cx.gt(r.x, r.cx.const_int(3))));
  EXPECT_FALSE(r.cx.is_true(r.cx.lt(r.x, r.cx.const_int(3))));
  EXPECT_EQ(r.text(),
            "descr loop0 = target(args=(i))\n"
            "[i0]\n"
            "label(i0, descr=loop0)\n"
            "debug_merge_point(0, 0)\n"
            "i1 = int_gt(i0, 3)\n"
            "guard_true(i1) [0@0/1: 0=i0]\n"
            "i2 = int_lt(i0, 3)\n"
            "guard_false(i2) [0@0/1: 0=i0]\n");
  // Both guards share one snapshot: no side effect between them.
  EXPECT_EQ(r.cx.trace().op(4).snapshot, r.cx.trace().op(6).snapshot);
}

TEST(JitTraceContext, PromoteMakesAConstantAndFoldsWhatFollows) {
  Recording r;
  auto c = r.cx.promote(r.x);
  auto y = r.cx.mul(r.cx.add(c, r.cx.const_int(1)), r.cx.const_int(7));
  EXPECT_EQ(y.w, 42u);
  EXPECT_TRUE(y.ref.is_const());
  EXPECT_TRUE(r.cx.is_true(y));  // a constant: no guard
  EXPECT_EQ(r.text(),
            "descr loop0 = target(args=(i))\n"
            "[i0]\n"
            "label(i0, descr=loop0)\n"
            "debug_merge_point(0, 0)\n"
            "guard_value(i0, 5) [0@0/1: 0=i0]\n");
}

int64_t square(int64_t v) { return v * v; }
int64_t calls_made = 0;
void note(int64_t v) { calls_made += v; }
constexpr auto kSquare = residual("square", &square, ir::effect::kPure);
constexpr auto kNote = residual("note", &note, ir::effect::kWritesHeap);

TEST(JitTraceContext, ElidableCallsFoldOnConstantsResidualCallsAreRecorded) {
  Recording r;
  auto folded = r.cx.call(kSquare, r.cx.const_int(9));
  EXPECT_EQ(folded.w, 81u);
  EXPECT_TRUE(folded.ref.is_const());
  auto recorded = r.cx.call(kSquare, r.x);
  EXPECT_EQ(recorded.w, 25u);
  calls_made = 0;
  r.cx.call(kNote, recorded);
  EXPECT_EQ(calls_made, 25);  // executed once, now, for real
  ir::Symbols s;
  s.add("square", reinterpret_cast<uint64_t>(&square));
  s.add("note", reinterpret_cast<uint64_t>(&note));
  ir::PrintOptions o;
  o.symbols = &s;
  std::string text = ir::print_trace(r.cx.trace(), o);
  EXPECT_NE(text.find("i1 = call_pure_i(i0, descr=square)\ncall_n(i1, descr=note)\n"),
            std::string::npos)
      << text;
}

uint64_t test_allocate(uint32_t size, uint64_t) {
  static uint64_t arena[64];
  static uint32_t used = 0;
  uint64_t* p = arena + used;
  used += (size + 7) / 8;
  return reinterpret_cast<uint64_t>(p);
}

struct Point {
  int64_t x;
  int64_t y;
};

TEST(JitTraceContext, AllocationAndFieldsAreRecordedImmutableFieldsFold) {
  Recording r;
  constexpr SizeSpec kPoint{"point", sizeof(Point), 0, &test_allocate};
  constexpr FieldSpec<int64_t> kX{"x", offsetof(Point, x), true, 0};
  constexpr FieldSpec<int64_t> kY{"y", offsetof(Point, y), true, ir::DescrFlag::kImmutable};
  auto p = r.cx.alloc(kPoint);
  r.cx.store_field(kX, p, r.x);
  EXPECT_EQ(reinterpret_cast<Point*>(p.w)->x, 5);
  auto x = r.cx.load_field(kX, p);
  EXPECT_EQ(x.w, 5u);
  // An immutable field of a constant object folds to its value.
  static const Point kOrigin{1, 42};
  auto y = r.cx.load_field(kY, r.cx.const_ref(&kOrigin));
  EXPECT_EQ(y.w, 42u);
  EXPECT_TRUE(y.ref.is_const());
  std::string text = r.text();
  EXPECT_NE(text.find("p1 = new(descr=point)\nsetfield_gc(p1, i0, descr=x)\n"
                      "i2 = getfield_gc_i(p1, descr=x)\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("descr=y"), std::string::npos) << text;
}

TEST(JitTraceContext, GuardAfterUndeclaredSideEffectAborts) {
  Recording r;
  uint8_t mem[16] = {};
  constexpr ArraySpec<uint8_t> kByte{"byte", 0, false, 0};
  auto base = r.cx.const_int(reinterpret_cast<int64_t>(mem));
  r.cx.store_item(kByte, base, r.cx.const_int(3), r.x);
  EXPECT_EQ(mem[3], 5);
  r.cx.is_true(r.x);
  EXPECT_EQ(r.cx.state(), TracingContext::State::kAborted);
  EXPECT_EQ(r.cx.abort_reason(), AbortReason::kSideEffectBeforeGuard);
  EXPECT_EQ(r.jit.stats().aborts[static_cast<int>(AbortReason::kSideEffectBeforeGuard)], 1u);
}

TEST(JitTraceContext, DeclaredResumePointAllowsAGuardAfterASideEffect) {
  Recording r;
  uint8_t mem[16] = {};
  constexpr ArraySpec<uint8_t> kByte{"byte", 0, false, 0};
  auto base = r.cx.const_int(reinterpret_cast<int64_t>(mem));
  r.cx.store_item(kByte, base, r.cx.const_int(3), r.x);
  r.cx.resume_point(1);
  EXPECT_TRUE(r.cx.is_true(r.x));
  EXPECT_EQ(r.cx.state(), TracingContext::State::kRecording);
  EXPECT_NE(r.text().find("guard_true(i0) [0@1/1: 0=i0]"), std::string::npos) << r.text();
}

TEST(JitTraceContext, TraceTooLongAborts) {
  Params p;
  p.trace_limit = 20;
  Recording r(p);
  for (uint32_t pc = 1; pc < 100 && r.cx.recording(); pc++) {
    r.x = r.cx.add(r.x, r.cx.const_int(1));
    r.cx.begin_instruction(pc);
  }
  EXPECT_EQ(r.cx.abort_reason(), AbortReason::kTraceTooLong);
  // The context kept computing concretely after the abort.
  auto y = r.cx.add(r.x, r.cx.const_int(1));
  EXPECT_EQ(y.w, r.x.w + 1);
}

// Loops that close at their first arrival back at their header, without
// recording more iterations to confirm their path (loop_confirm).
Params unconfirmed() {
  Params p;
  p.loop_confirm = 0;
  return p;
}

TEST(JitTraceContext, LoopClosesOnlyAtItsOwnGreens) {
  Recording r(unconfirmed());
  TracingContext::Val reds[] = {r.cx.add(r.x, r.cx.const_int(1))};
  // Another location with no compiled loop: the inner loop goes first.
  Recording other;
  TracingContext::Val oreds[] = {other.x};
  EXPECT_TRUE(other.cx.loop_header({99, 99}, oreds));
  EXPECT_EQ(other.cx.abort_reason(), AbortReason::kInnerLoop);
  EXPECT_TRUE(r.cx.loop_header({1, 1}, reds));
  EXPECT_EQ(r.cx.state(), TracingContext::State::kClosed);
  ASSERT_EQ(r.jit.num_loops(), 1u);
  ir::Exit e = ir::run_trace_at(r.jit.loop(0).trace, r.jit.loop(0).label,
                                std::vector<uint64_t>{5}, [] {
                                  ir::Runtime rt;
                                  rt.max_jumps = 10;
                                  return rt;
                                }());
  EXPECT_EQ(e.kind, ir::ExitKind::kIterationLimit);
  // x + 1 per iteration, from 5: e.jumps jumps taken, and the operands of
  // the one refused at the cap.
  EXPECT_EQ(e.values.at(0).as_int(), 5 + static_cast<int64_t>(e.jumps) + 1);
}

// Iterations through instructions `pcs`, one instruction each, x + 1 at
// each; the header after each. Returns what the last loop_header returned.
bool iterate(Recording& r, std::initializer_list<std::vector<uint32_t>> iterations) {
  bool closed = false;
  for (const std::vector<uint32_t>& pcs : iterations) {
    for (uint32_t pc : pcs) {
      r.cx.begin_instruction(pc);
      r.x = r.cx.add(r.x, r.cx.const_int(1));
    }
    TracingContext::Val reds[] = {r.x};
    closed = r.cx.loop_header({1, 1}, reds);
  }
  return closed;
}

// The trace of iterate()'s first iteration, (0 1), closed alone.
const char* const kFirstIterationAlone =
    "descr loop0 = target(args=(i))\n"
    "[i0]\n"
    "label(i0, descr=loop0)\n"
    "debug_merge_point(0, 0)\n"
    "debug_merge_point(0, 1)\n"
    "i1 = int_add(i0, 1)\n"
    "jump(i1, descr=loop0)\n";

TEST(JitTraceContext, LoopClosesWhenTheNextIterationTakesItsPath) {
  // The first iteration (it began at begin_instruction(0)) runs 0 1; the
  // next one too: the trace is the first alone.
  Recording r;
  EXPECT_FALSE(iterate(r, {{1}}));
  EXPECT_TRUE(iterate(r, {{0, 1}}));
  ASSERT_EQ(r.cx.state(), TracingContext::State::kClosed);
  ASSERT_EQ(r.jit.num_loops(), 1u);
  EXPECT_EQ(ir::print_trace(r.jit.loop(0).trace), kFirstIterationAlone);
  EXPECT_EQ(r.jit.counters().cell(r.cell).iterations, 1u);
}

TEST(JitTraceContext, LoopThatAlternatesClosesOverTwoIterations) {
  // Paths A = (0 1), B = (0 2): A B A B closes after A B, and the location
  // is traced over two iterations from then on.
  Recording r;
  EXPECT_TRUE(iterate(r, {{1}, {0, 2}, {0, 1}, {0, 2}}));
  ASSERT_EQ(r.cx.state(), TracingContext::State::kClosed);
  ASSERT_EQ(r.jit.num_loops(), 1u);
  EXPECT_EQ(ir::print_trace(r.jit.loop(0).trace),
            "descr loop0 = target(args=(i))\n"
            "[i0]\n"
            "label(i0, descr=loop0)\n"
            "debug_merge_point(0, 0)\n"
            "debug_merge_point(0, 1)\n"
            "i1 = int_add(i0, 1)\n"
            "debug_merge_point(0, 0)\n"
            "i2 = int_add(i1, 1)\n"
            "debug_merge_point(0, 2)\n"
            "i3 = int_add(i2, 1)\n"
            "jump(i3, descr=loop0)\n");
  EXPECT_EQ(r.jit.counters().cell(r.cell).iterations, 2u);
}

TEST(JitTraceContext, LoopWhosePathDoesNotRepeatIsTracedAgain) {
  // A B C, and A B A C: a rare path somewhere; the recording aborts and
  // the location counts it (after loop_confirm of those, a recording
  // closes after its first iteration).
  for (bool fourth : {false, true}) {
    Recording r;
    bool stopped = fourth ? iterate(r, {{1}, {0, 2}, {0, 1}, {0, 3}}) : iterate(r, {{1}, {0, 2}, {0, 3}});
    EXPECT_TRUE(stopped);
    EXPECT_EQ(r.cx.state(), TracingContext::State::kAborted);
    EXPECT_EQ(r.cx.abort_reason(), AbortReason::kUnstablePath);
    EXPECT_EQ(r.jit.counters().cell(r.cell).unstable, 1u);
    EXPECT_EQ(r.jit.num_loops(), 0u);
  }
  // A location with loop_confirm aborts of its own closes at once.
  Params p;
  p.loop_confirm = 1;
  Jit jit(p, as_recorded());
  OneSlotHooks hooks;
  uint32_t cell = jit.counters().find_or_add({1, 1});
  jit.counters().cell(cell).unstable = 1;
  TracingContext cx(jit, cell, hooks);
  TracingContext::Val x = cx.input(Type::kInt, 5);
  hooks.slot = &x;
  cx.start_loop();
  cx.begin_instruction(0);
  TracingContext::Val reds[] = {cx.add(x, cx.const_int(1))};
  EXPECT_TRUE(cx.loop_header({1, 1}, reds));
  EXPECT_EQ(cx.state(), TracingContext::State::kClosed);
}

TEST(JitTraceContext, LoopWhoseNextIterationLeavesClosesAfterTheFirst) {
  // The second iteration runs the first's instructions (0 1), then goes on
  // at 7 (it left the loop): the trace is the first iteration. One that
  // goes elsewhere before (0 2) and reaches another loop's header went
  // elsewhere: traced again.
  Recording r;
  EXPECT_FALSE(iterate(r, {{1}}));
  r.cx.begin_instruction(0);
  r.cx.begin_instruction(1);
  r.cx.begin_instruction(7);
  EXPECT_EQ(r.cx.state(), TracingContext::State::kClosed);
  ASSERT_EQ(r.jit.num_loops(), 1u);
  EXPECT_EQ(ir::print_trace(r.jit.loop(0).trace), kFirstIterationAlone);
  Recording s;
  EXPECT_FALSE(iterate(s, {{1}}));
  s.cx.begin_instruction(0);
  s.cx.begin_instruction(2);
  TracingContext::Val reds[] = {s.x};
  EXPECT_TRUE(s.cx.loop_header({1, 2}, reds));
  EXPECT_EQ(s.cx.abort_reason(), AbortReason::kUnstablePath);
}

TEST(JitTraceContext, RepeatedAbortsBackOffThenBlacklist) {
  Params p;
  p.threshold = 1;
  p.max_aborts = 3;
  p.abort_backoff = 4;
  HotCounters h(&p);
  uint32_t cell;
  GreenKey k{3, 4};
  ASSERT_EQ(h.tick(k, &cell), HotAction::kTrace);
  EXPECT_FALSE(h.on_abort(cell));
  // Backing off: at least abort_backoff arrivals before the next attempt.
  int waited = 0;
  while (h.tick(k, &cell) != HotAction::kTrace) waited++;
  EXPECT_GE(waited, 4);
  EXPECT_FALSE(h.on_abort(cell));
  int waited2 = 0;
  while (h.tick(k, &cell) != HotAction::kTrace) waited2++;
  EXPECT_GE(waited2, 8);  // doubled
  EXPECT_TRUE(h.on_abort(cell));
  for (int i = 0; i < 10000; i++) ASSERT_EQ(h.tick(k, &cell), HotAction::kNone);
  EXPECT_EQ(h.num_blacklisted(), 1u);
}

TEST(JitTraceContext, DecayKeepsRarelyReachedLocationsCold) {
  Params p;
  p.threshold = 10;
  p.decay = 500;
  HotCounters h(&p);
  uint32_t cell;
  int fired_cold = 0;
  for (int round = 0; round < 100; round++) {
    for (int i = 0; i < 10; i++) h.tick({1, 1}, &cell);  // hot: fires every round
    if (h.tick({2, 2}, &cell) == HotAction::kTrace) fired_cold++;
  }
  EXPECT_EQ(fired_cold, 0);
}

bool same_float_result(uint64_t x, uint64_t y) {
  double dx, dy;
  std::memcpy(&dx, &x, sizeof dx);
  std::memcpy(&dy, &y, sizeof dy);
  return x == y || (std::isnan(dx) && std::isnan(dy));
}

TEST(JitTraceContext, ConcreteOpsAgreeWithTheIrInterpreter) {
  std::mt19937_64 rng(17);
  const uint64_t edge[] = {0, 1, 63, 64, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull};
  Jit jit;
  OneSlotHooks hooks;
  TracingContext t(jit, jit.counters().find_or_add({0, 0}), hooks);
  for (int k = 0; k < 2000; k++) {
    uint64_t a = k < 49 ? edge[k % 7] : rng(), b = k < 49 ? edge[k / 7] : rng() >> (rng() % 64);
    ConcreteContext::Val ca{a}, cb{b};
    TracingContext::Val ta{a, ir::Ref()}, tb{b, ir::Ref()};
    t.abort(AbortReason::kNotYetImplemented);  // compute only
#define PYR_CX_INT_BINOP(m, op, expr) \
    EXPECT_EQ(ConcreteContext::m(ca, cb).w, t.m(ta, tb).w) << #m << " " << a << " " << b;
#define PYR_CX_INT_UNOP(m, op, expr) EXPECT_EQ(ConcreteContext::m(ca).w, t.m(ta).w) << #m;
// A NaN result's sign and payload depend on operand order, which the
// compiler may swap (x86 keeps the first NaN operand): any NaN agrees.
#define PYR_CX_FLOAT_BINOP(m, op, expr) \
    EXPECT_TRUE(same_float_result(ConcreteContext::m(ca, cb).w, t.m(ta, tb).w)) << #m;
#define PYR_CX_FLOAT_CMP(m, op, expr) EXPECT_EQ(ConcreteContext::m(ca, cb).w, t.m(ta, tb).w) << #m;
#include "jit/trace/context_ops.def"
#undef PYR_CX_INT_BINOP
#undef PYR_CX_INT_UNOP
#undef PYR_CX_FLOAT_BINOP
#undef PYR_CX_FLOAT_CMP
  }
}

}  // namespace
// ---- quasi-immutable fields: `while i < n: acc += cfg.step; i += 1; if i == k: cfg.step = 3`
struct Config {
  int64_t step;
};
constexpr FieldSpec<int64_t> kStep{"step", offsetof(Config, step), true, ir::DescrFlag::kQuasiImmutable};
constexpr GreenKey kQuasiLoop{8, 0};

template <class Cx>
ToyEvent quasi_run(Cx& cx, ToyFrame<Cx>& f, uint32_t& pc, Config* cfg, int64_t k) {
  for (;;) {
    if (cx.stopped()) return kToyJit;
    cx.begin_instruction(pc);
    switch (pc) {
      case 0:
        f.acc = cx.add(f.acc, cx.load_field(kStep, cx.const_ref(cfg)));
        f.i = cx.add(f.i, cx.const_int(1));
        pc = 1;
        break;
      case 1:
        if (cx.is_true(cx.eq(f.i, cx.const_int(k)))) cx.store_field(kStep, cx.const_ref(cfg), cx.const_int(3));
        pc = 2;
        break;
      case 2:
        if (!cx.is_true(cx.lt(f.i, f.n))) return kToyEnd;
        pc = 0;
        {
          typename Cx::Val reds[] = {f.i, f.acc, f.n};
          if (cx.loop_header(kQuasiLoop, reds)) return kToyJit;
        }
        break;
    }
  }
}

int64_t quasi_program(Jit& jit, Config* cfg, int64_t n, int64_t k) {
  ToyFrame<ConcreteContext> f{{0}, {0}, {static_cast<uint64_t>(n)}};
  ToyHooks hooks;
  drive(&jit, f, hooks, [&](auto& cx, auto& frame, uint32_t& pc) { return quasi_run(cx, frame, pc, cfg, k); });
  return static_cast<int64_t>(f.acc.w);
}

// The IR a JIT log recorded for its trace `id` as recorded (the freed
// trace's own IR is gone).
std::string recorded_ir(const std::string& log, uint32_t id) {
  std::string key = "{\"event\":\"ir\",";
  std::string trace = "\"trace\":" + std::to_string(id) + ",\"pass\":\"recorded\"";
  for (size_t at = log.find(key); at != std::string::npos; at = log.find(key, at + 1)) {
    size_t end = log.find('\n', at);
    std::string line = log.substr(at, end - at);
    if (line.find(trace) == std::string::npos) continue;
    size_t text = line.find("\"text\":\"");
    std::string out;
    for (size_t i = text + 8; i < line.size() && line[i] != '"'; i++) {
      if (line[i] == '\\') {
        i++;
        out += line[i] == 'n' ? '\n' : line[i];
      } else {
        out += line[i];
      }
    }
    return out;
  }
  return "";
}

TEST(JitTraceContext, QuasiImmutableFieldFoldsAndItsWriteInvalidatesTheLoop) {
  Config cfg{1};
  Jit jit(threshold(1));
  char* buffer = nullptr;
  size_t size = 0;
  FILE* mem = open_memstream(&buffer, &size);
  {
    log::JitLog log(mem, "toy", "quasi");
    jit.set_log(&log);
    // 100 rounds of step 1, then 100 of step 3.
    EXPECT_EQ(quasi_program(jit, &cfg, 200, 100), 100 * 1 + 100 * 3);
    jit.set_log(nullptr);
  }
  std::fclose(mem);
  std::string text(buffer, size);
  std::free(buffer);
  ASSERT_EQ(jit.num_loops(), 2u);
  std::string first = recorded_ir(text, jit.loop(0).log_id);
  // The read became the constant 1, guarded by guard_not_invalidated.
  EXPECT_NE(first.find("quasiimmut_field(ConstPtr("), std::string::npos) << first;
  EXPECT_NE(first.find("guard_not_invalidated() ["), std::string::npos) << first;
  EXPECT_NE(first.find("int_add(i1, 1)"), std::string::npos) << first;
  EXPECT_EQ(first.find("getfield"), std::string::npos) << first;
  EXPECT_TRUE(jit.loop(0).invalidated);
  EXPECT_EQ(jit.stats().invalidations, 1u);
  // Traced again after the write, with the new constant.
  std::string second = recorded_ir(text, jit.loop(1).log_id);
  EXPECT_NE(second.find("int_add(i1, 3)"), std::string::npos) << second;
  EXPECT_FALSE(jit.loop(1).invalidated);
  // The invalidated loop's code was freed at the next entry into machine
  // code (nothing jumps into it).
  ASSERT_NE(jit.loop(1).code, nullptr);
  EXPECT_TRUE(jit.loop(0).freed);
  EXPECT_EQ(jit.loop(0).code, nullptr);
  EXPECT_EQ(jit.num_freed_trees(), 1u);
}

// Loop A counts; loop B's trace ends by jumping into A. Both are
// installed by hand (never run) in `jit`; returns their ids.
std::pair<int32_t, int32_t> install_a_and_b_into_it(Jit& jit) {
  Type int_type[] = {Type::kInt};
  ir::DescrId ta = jit.new_target(int_type), tb = jit.new_target(int_type);
  ir::Trace a(jit.descrs());
  {
    ir::Builder b(a);
    ir::Ref i0 = b.input(Type::kInt);
    b.label(i0, ta);
    b.jump(b.int_add(i0, 1), ta);
  }
  ir::Trace bt(jit.descrs());
  {
    ir::Builder b(bt);
    ir::Ref i0 = b.input(Type::kInt);
    b.label(i0, tb);
    b.jump(b.int_sub(i0, 1), ta);
  }
  int32_t la = jit.install(jit.counters().find_or_add({50, 1}), std::move(a), ta);
  int32_t lb = jit.install(jit.counters().find_or_add({50, 2}), std::move(bt), tb);
  return {la, lb};
}

TEST(JitTraceContext, InvalidatedLoopIsKeptWhileAnotherTreeJumpsIntoItInTheIrInterpreter) {
  // The IR interpreter backend counts no jumps between trees: collect()
  // looks for them in the live traces instead (B would find A's label
  // gone, or run a freed trace).
  JitOptions o;
  o.machine_code = false;
  Jit jit(threshold(1), o);
  auto [la, lb] = install_a_and_b_into_it(jit);
  ASSERT_GE(la, 0);
  ASSERT_GE(lb, 0);
  jit.depend_on_quasi_immutable(0x1000, la);
  jit.depend_on_quasi_immutable(0x2000, lb);
  jit.quasi_immutable_written(0x1000);
  EXPECT_EQ(jit.collect(), 0u);  // B still jumps into it
  EXPECT_FALSE(jit.trace(la).freed);
  jit.quasi_immutable_written(0x2000);
  EXPECT_EQ(jit.collect(), 2u);  // B, then A with nothing jumping in
  EXPECT_TRUE(jit.trace(la).freed);
  EXPECT_TRUE(jit.trace(lb).freed);
}

TEST(JitTraceContext, InvalidatedLoopIsKeptWhileAnotherTreeJumpsIntoIt) {
  // A and B compiled to machine code.
  Jit jit(threshold(1));
  auto [la, lb] = install_a_and_b_into_it(jit);
  ASSERT_GE(la, 0);
  ASSERT_GE(lb, 0);
  EXPECT_EQ(jit.trace(la).incoming, 1u);  // B jumps into A
  uint64_t qa = 0x1000, qb = 0x2000;       // quasi-immutable field addresses
  jit.depend_on_quasi_immutable(qa, la);
  jit.depend_on_quasi_immutable(qb, lb);
  size_t blocks = x64::CodeBlock::live_blocks();
  jit.quasi_immutable_written(qa);
  EXPECT_TRUE(jit.trace(la).invalidated);
  EXPECT_EQ(jit.counters().find({50, 1})->loop, kNoLoop);  // unlinked at once
  EXPECT_EQ(jit.collect(), 0u);           // B still jumps into it
  EXPECT_FALSE(jit.trace(la).freed);
  jit.quasi_immutable_written(qb);
  EXPECT_EQ(jit.collect(), 2u);           // B, then A with nothing jumping in
  EXPECT_TRUE(jit.trace(la).freed);
  EXPECT_TRUE(jit.trace(lb).freed);
  EXPECT_EQ(jit.trace(la).code, nullptr);
  EXPECT_EQ(x64::CodeBlock::live_blocks(), blocks - 2);
  EXPECT_EQ(jit.num_freed_trees(), 2u);
}

TEST(JitTraceContext, WritingAQuasiImmutableFieldWhileRecordingAborts) {
  Recording r;
  Config cfg{1};
  r.cx.store_field(kStep, r.cx.const_ref(&cfg), r.cx.const_int(2));
  EXPECT_EQ(cfg.step, 2);
  EXPECT_EQ(r.cx.state(), TracingContext::State::kAborted);
  EXPECT_EQ(r.cx.abort_reason(), AbortReason::kForceQuasiImmutable);
}

// ---- raising calls: `while i < n: acc += 1000 / (k - i); i += 1`, and the
// division by zero at i == k stops the program with an error ---------------
uint64_t g_exception = 0;  // the toy's "exception pending" word
int64_t g_divisions = 0;
int64_t checked_div(int64_t a, int64_t b) {
  g_divisions++;
  if (b == 0) {
    g_exception = 1;
    return 0;
  }
  return a / b;
}
constexpr auto kCheckedDiv = residual("checked_div", &checked_div, ir::effect::kMayRaise);
constexpr GreenKey kDivLoop{9, 0};

template <class Cx>
ToyEvent div_run(Cx& cx, ToyFrame<Cx>& f, uint32_t& pc, int64_t k) {
  for (;;) {
    if (cx.stopped()) return kToyJit;
    cx.begin_instruction(pc);
    switch (pc) {
      case 0: {
        auto q = cx.call(kCheckedDiv, cx.const_int(1000), cx.sub(cx.const_int(k), f.i));
        if (cx.raised(g_exception != 0)) return kToyError;
        f.acc = cx.add(f.acc, q);
        f.i = cx.add(f.i, cx.const_int(1));
        pc = 1;
        break;
      }
      case 1:
        if (!cx.is_true(cx.lt(f.i, f.n))) return kToyEnd;
        pc = 0;
        {
          typename Cx::Val reds[] = {f.i, f.acc, f.n};
          if (cx.loop_header(kDivLoop, reds)) return kToyJit;
        }
        break;
    }
  }
}

// Runs the program; returns acc, or -1 after the division error.
int64_t div_program(Jit& jit, int64_t n, int64_t k) {
  g_exception = 0;
  ToyFrame<ConcreteContext> f{{0}, {0}, {static_cast<uint64_t>(n)}};
  ToyHooks hooks;
  ToyEvent ev = drive(&jit, f, hooks, [&](auto& cx, auto& frame, uint32_t& pc) { return div_run(cx, frame, pc, k); });
  return ev == kToyError ? -1 : static_cast<int64_t>(f.acc.w);
}

TEST(JitTraceContext, RaisingCallIsFollowedByGuardNoException) {
  for (bool machine_code : {false, true}) {
    JitOptions o;
    o.machine_code = machine_code;
    o.exception = &g_exception;
    Jit jit(threshold(1), o);
    // No error: 1000/(50-i) summed for i in 0..29.
    int64_t expected = 0;
    for (int64_t i = 0; i < 30; i++) expected += 1000 / (50 - i);
    EXPECT_EQ(div_program(jit, 30, 50), expected);
    ASSERT_EQ(jit.num_loops(), 1u);
    if (!machine_code) {
      std::string text = ir::print_trace(jit.loop(0).trace);
      EXPECT_NE(text.find("effects=(raises)"), std::string::npos) << text;
      EXPECT_NE(text.find(", descr=checked_div)\nguard_no_exception() ["), std::string::npos) << text;
    }
    // The division by zero at i == 20 happens in the trace: its
    // guard_no_exception fails, the interpreter resumes at the call, which
    // raises again, and the program stops with its error.
    Jit jit2(threshold(1), o);
    g_divisions = 0;
    EXPECT_EQ(div_program(jit2, 30, 20), -1) << machine_code;
    EXPECT_EQ(g_divisions, 22) << machine_code;  // 20 good ones, the raising one twice
    EXPECT_GE(jit2.stats().guard_failures, 1u);
  }
}

TEST(JitTraceContext, CallThatRaisesWhileRecordingAborts) {
  JitOptions o;
  o.exception = &g_exception;
  Jit jit(threshold(1), o);
  // k == 1: the first iteration is interpreted, the second (recorded) raises.
  EXPECT_EQ(div_program(jit, 30, 1), -1);
  EXPECT_EQ(jit.stats().aborts[static_cast<int>(AbortReason::kExceptionInTracing)], 1u);
  EXPECT_EQ(jit.num_loops(), 0u);
}

}  // namespace pyrite::jit::trace
