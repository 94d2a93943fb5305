// The optimizer pipeline (docs/jit_opt.md, "pipeline"): options, verify
// after each pass, the observer, and the property every pipeline must
// have: optimized random traces and recorded BF traces verify and run
// exactly like the originals under the IR interpreter.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jit/opt/pipeline.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;

std::string with_tape(std::string text, uint64_t tape) {
  std::string addr = std::to_string(tape);
  for (size_t p; (p = text.find("TAPE")) != std::string::npos;) text.replace(p, 4, addr);
  return text;
}

// Recorded by `pyrite-bf -X jit-threshold=1 -X jittrace tests/bf/primes.b`
// (tape address replaced by TAPE): the loop at pc 88, `[->>>>>>+>>+<<<<<<<<]`.
const char* kBfLoop =
    "descr loop9 = target(args=(i))\n"
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "[i0]\n"
    "label(i0, descr=loop9)\n"
    "debug_merge_point(0, 88)\n"
    "i1 = getarrayitem_raw_i(TAPE, i0, descr=cell)\n"
    "i2 = int_add(i1, 255)\n"
    "setarrayitem_raw(TAPE, i0, i2, descr=cell)\n"
    "debug_merge_point(0, 89)\n"
    "i3 = int_add(i0, 6)\n"
    "i4 = uint_lt(i3, 67108864)\n"
    "guard_true(i4) [0@89/1: 0=i0]\n"
    "debug_merge_point(0, 90)\n"
    "i5 = getarrayitem_raw_i(TAPE, i3, descr=cell)\n"
    "i6 = int_add(i5, 1)\n"
    "setarrayitem_raw(TAPE, i3, i6, descr=cell)\n"
    "debug_merge_point(0, 91)\n"
    "i7 = int_add(i3, 2)\n"
    "i8 = uint_lt(i7, 67108864)\n"
    "guard_true(i8) [0@91/1: 0=i3]\n"
    "debug_merge_point(0, 92)\n"
    "i9 = getarrayitem_raw_i(TAPE, i7, descr=cell)\n"
    "i10 = int_add(i9, 1)\n"
    "setarrayitem_raw(TAPE, i7, i10, descr=cell)\n"
    "debug_merge_point(0, 93)\n"
    "i11 = int_add(i7, -8)\n"
    "i12 = uint_lt(i11, 67108864)\n"
    "guard_true(i12) [0@93/1: 0=i7]\n"
    "debug_merge_point(0, 94)\n"
    "i13 = getarrayitem_raw_i(TAPE, i11, descr=cell)\n"
    "guard_true(i13) [0@94/1: 0=i11]\n"
    "jump(i11, descr=loop9)\n";

// The same program's loop at pc 387, which ends in a jump into another
// loop (loop2): optimized as a straight trace, no peeling.
const char* kBfJumpOut =
    "descr loop4 = target(args=(i))\n"
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "descr loop2 = target(args=(i))\n"
    "[i0]\n"
    "label(i0, descr=loop4)\n"
    "i1 = getarrayitem_raw_i(TAPE, i0, descr=cell)\n"
    "i2 = int_add(i1, 255)\n"
    "setarrayitem_raw(TAPE, i0, i2, descr=cell)\n"
    "i3 = int_add(i0, -5)\n"
    "i4 = uint_lt(i3, 67108864)\n"
    "guard_true(i4) [0@388/1: 0=i0]\n"
    "i5 = getarrayitem_raw_i(TAPE, i3, descr=cell)\n"
    "i6 = int_add(i5, 1)\n"
    "setarrayitem_raw(TAPE, i3, i6, descr=cell)\n"
    "i7 = int_add(i3, 5)\n"
    "i8 = uint_lt(i7, 67108864)\n"
    "guard_true(i8) [0@390/1: 0=i3]\n"
    "i9 = getarrayitem_raw_i(TAPE, i7, descr=cell)\n"
    "guard_false(i9) [0@391/1: 0=i7]\n"
    "i10 = int_add(i7, -1)\n"
    "i11 = uint_lt(i10, 67108864)\n"
    "guard_true(i11) [0@392/1: 0=i7]\n"
    "i12 = getarrayitem_raw_i(TAPE, i10, descr=cell)\n"
    "i13 = int_add(i12, 246)\n"
    "setarrayitem_raw(TAPE, i10, i13, descr=cell)\n"
    "i14 = int_add(i10, -1)\n"
    "i15 = uint_lt(i14, 67108864)\n"
    "guard_true(i15) [0@394/1: 0=i10]\n"
    "i16 = getarrayitem_raw_i(TAPE, i14, descr=cell)\n"
    "guard_false(i16) [0@395/1: 0=i14]\n"
    "i17 = getarrayitem_raw_i(TAPE, i14, descr=cell)\n"
    "i18 = int_add(i17, 1)\n"
    "setarrayitem_raw(TAPE, i14, i18, descr=cell)\n"
    "i19 = int_add(i14, 1)\n"
    "i20 = uint_lt(i19, 67108864)\n"
    "guard_true(i20) [0@399/1: 0=i14]\n"
    "i21 = getarrayitem_raw_i(TAPE, i19, descr=cell)\n"
    "guard_true(i21) [0@400/1: 0=i19]\n"
    "i22 = int_add(i19, -1)\n"
    "i23 = uint_lt(i22, 67108864)\n"
    "guard_true(i23) [0@401/1: 0=i19]\n"
    "i24 = getarrayitem_raw_i(TAPE, i22, descr=cell)\n"
    "guard_true(i24) [0@402/1: 0=i22]\n"
    "i25 = getarrayitem_raw_i(TAPE, i22, descr=cell)\n"
    "i26 = int_add(i25, 255)\n"
    "setarrayitem_raw(TAPE, i22, i26, descr=cell)\n"
    "i27 = getarrayitem_raw_i(TAPE, i22, descr=cell)\n"
    "guard_false(i27) [0@404/1: 0=i22]\n"
    "i28 = int_add(i22, 1)\n"
    "i29 = uint_lt(i28, 67108864)\n"
    "guard_true(i29) [0@405/1: 0=i22]\n"
    "i30 = getarrayitem_raw_i(TAPE, i28, descr=cell)\n"
    "guard_true(i30) [0@406/1: 0=i28]\n"
    "i31 = getarrayitem_raw_i(TAPE, i28, descr=cell)\n"
    "i32 = int_add(i31, 255)\n"
    "setarrayitem_raw(TAPE, i28, i32, descr=cell)\n"
    "i33 = getarrayitem_raw_i(TAPE, i28, descr=cell)\n"
    "guard_true(i33) [0@408/1: 0=i28]\n"
    "jump(i28, descr=loop2)\n";

// Recorded by `pyrite-bf -X jitlog` from bench/bf/loop_big.b: its first
// loop (pc 27, `[->[-]-[->...`), merge points dropped, tape address TAPE.
const char* kBfLoopBig =
    "descr loop0 = target(args=(i))\n"
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "[i0]\n"
    "label(i0, descr=loop0)\n"
    "i1 = getarrayitem_raw_i(TAPE, i0, descr=cell)\n"
    "i2 = int_add(i1, 255)\n"
    "setarrayitem_raw(TAPE, i0, i2, descr=cell)\n"
    "i3 = int_add(i0, 4)\n"
    "i4 = uint_lt(i3, 67108864)\n"
    "guard_true(i4) [0@28/1: 0=i0]\n"
    "i5 = getarrayitem_raw_i(TAPE, i3, descr=cell)\n"
    "guard_false(i5) [0@29/1: 0=i3]\n"
    "i6 = getarrayitem_raw_i(TAPE, i3, descr=cell)\n"
    "i7 = int_add(i6, 1)\n"
    "setarrayitem_raw(TAPE, i3, i7, descr=cell)\n"
    "i8 = int_add(i3, -1)\n"
    "i9 = uint_lt(i8, 67108864)\n"
    "guard_true(i9) [0@33/1: 0=i3]\n"
    "i10 = getarrayitem_raw_i(TAPE, i8, descr=cell)\n"
    "guard_true(i10) [0@34/1: 0=i8]\n"
    "i11 = getarrayitem_raw_i(TAPE, i8, descr=cell)\n"
    "i12 = int_add(i11, 255)\n"
    "setarrayitem_raw(TAPE, i8, i12, descr=cell)\n"
    "i13 = int_add(i8, 1)\n"
    "i14 = uint_lt(i13, 67108864)\n"
    "guard_true(i14) [0@36/1: 0=i8]\n"
    "i15 = getarrayitem_raw_i(TAPE, i13, descr=cell)\n"
    "i16 = int_add(i15, 255)\n"
    "setarrayitem_raw(TAPE, i13, i16, descr=cell)\n"
    "i17 = int_add(i13, -1)\n"
    "i18 = uint_lt(i17, 67108864)\n"
    "guard_true(i18) [0@38/1: 0=i13]\n"
    "i19 = getarrayitem_raw_i(TAPE, i17, descr=cell)\n"
    "guard_false(i19) [0@39/1: 0=i17]\n"
    "i20 = int_add(i17, 1)\n"
    "i21 = uint_lt(i20, 67108864)\n"
    "guard_true(i21) [0@40/1: 0=i17]\n"
    "i22 = getarrayitem_raw_i(TAPE, i20, descr=cell)\n"
    "guard_false(i22) [0@41/1: 0=i20]\n"
    "i23 = int_add(i20, 1)\n"
    "i24 = uint_lt(i23, 67108864)\n"
    "guard_true(i24) [0@47/1: 0=i20]\n"
    "i25 = getarrayitem_raw_i(TAPE, i23, descr=cell)\n"
    "guard_false(i25) [0@48/1: 0=i23]\n"
    "i26 = int_add(i23, 1)\n"
    "i27 = uint_lt(i26, 67108864)\n"
    "guard_true(i27) [0@51/1: 0=i23]\n"
    "i28 = getarrayitem_raw_i(TAPE, i26, descr=cell)\n"
    "guard_false(i28) [0@52/1: 0=i26]\n"
    "i29 = int_add(i26, -3)\n"
    "i30 = uint_lt(i29, 67108864)\n"
    "guard_true(i30) [0@55/1: 0=i26]\n"
    "i31 = getarrayitem_raw_i(TAPE, i29, descr=cell)\n"
    "guard_false(i31) [0@56/1: 0=i29]\n"
    "i32 = int_add(i29, 3)\n"
    "i33 = uint_lt(i32, 67108864)\n"
    "guard_true(i33) [0@64/1: 0=i29]\n"
    "i34 = getarrayitem_raw_i(TAPE, i32, descr=cell)\n"
    "guard_false(i34) [0@65/1: 0=i32]\n"
    "i35 = int_add(i32, -1)\n"
    "i36 = uint_lt(i35, 67108864)\n"
    "guard_true(i36) [0@71/1: 0=i32]\n"
    "i37 = getarrayitem_raw_i(TAPE, i35, descr=cell)\n"
    "guard_false(i37) [0@72/1: 0=i35]\n"
    "i38 = int_add(i35, -3)\n"
    "i39 = uint_lt(i38, 67108864)\n"
    "guard_true(i39) [0@80/1: 0=i35]\n"
    "i40 = getarrayitem_raw_i(TAPE, i38, descr=cell)\n"
    "i41 = int_add(i40, 7)\n"
    "setarrayitem_raw(TAPE, i38, i41, descr=cell)\n"
    "i42 = int_add(i38, -2)\n"
    "i43 = uint_lt(i42, 67108864)\n"
    "guard_true(i43) [0@82/1: 0=i38]\n"
    "i44 = getarrayitem_raw_i(TAPE, i42, descr=cell)\n"
    "guard_true(i44) [0@83/1: 0=i42]\n"
    "jump(i42, descr=loop0)\n";

Options checked() {
  Options o;
  o.verify_each = true;
  return o;
}

TEST(JitOptPipeline, BfLoopBodyKeepsOnlyTheCellArithmeticAndStores) {
  Trace t = testing::parse_ok(with_tape(kBfLoop, 4096));
  Options without_counted = checked();
  without_counted.set(Pass::kCounted, false);  // the body as one iteration (the next test has it closed)
  Trace out = optimize(t, without_counted);
  // The body: the pointer and its three offsets are invariant, so the
  // bounds checks are gone; the three cells travel as label operands, so
  // no load is left; what remains is three adds, three stores, the loop
  // condition and the truncation of the two carried cells. The counter
  // enters the body in [1, 255] (the loop runs only on a non-zero cell), so
  // bounds knows `(c + 255) & 255` is `c - 1`. The moves between the
  // cells (pcs 89, 91, 93) leave no op, and no merge point.
  EXPECT_EQ(print_trace(out).substr(print_trace(out).find("label(i0, i3")),
            "label(i0, i3, i7, i12, i13, i14, descr=loop9_body)\n"
            "debug_merge_point(0, 88)\n"
            "i15 = int_add(i12, 255)\n"
            "debug_merge_point(0, 90)\n"
            "i16 = int_add(i13, 1)\n"
            "debug_merge_point(0, 92)\n"
            "i17 = int_add(i14, 1)\n"
            "debug_merge_point(0, 94)\n"
            "i18 = int_add(i12, -1)\n"
            "setarrayitem_raw(4096, i0, i15, descr=cell)\n"
            "setarrayitem_raw(4096, i3, i16, descr=cell)\n"
            "setarrayitem_raw(4096, i7, i17, descr=cell)\n"
            "guard_true(i18) [0@94/1: 0=i0]\n"
            "i19 = int_and(i16, 255)\n"
            "i20 = int_and(i17, 255)\n"
            "jump(i0, i3, i7, i18, i19, i20, descr=loop9_body)\n");
  EXPECT_EQ(testing::count_code_ops(t) - 1, 20);  // the recorded iteration (without its jump)
  int body_loads = 0;
  for (uint32_t i = *out.loop_label(); i < out.num_ops(); i++)
    body_loads += out.op(i).opcode == Opcode::kGetarrayitemRawI;
  EXPECT_EQ(body_loads, 0);
}

TEST(JitOptPipeline, BfMoveLoopBodyIsClosed) {
  // With counted, the same body runs once per entry: the counter's trip
  // count (t = cell - 1, no mask: the cell is in [1, 255]), the three
  // cells advanced by t (the counter itself is then 1, a constant), then
  // the iteration whose guard fails.
  Trace t = testing::parse_ok(with_tape(kBfLoop, 4096));
  Trace out = optimize(t, checked());
  std::string body = print_trace(out).substr(print_trace(out).find("label(i0, i3"));
  EXPECT_EQ(body.substr(0, body.find("debug_merge_point")),
            "label(i0, i3, i7, i12, i13, i14, descr=loop9_body)\n"
            "i15 = int_add(i12, -1)\n"
            "i16 = int_add(i13, i15)\n"
            "i17 = int_and(i16, 255)\n"
            "i18 = int_add(i14, i15)\n"
            "i19 = int_and(i18, 255)\n");
  EXPECT_EQ(testing::count_ops(out, Opcode::kSetarrayitemRaw), 6);  // preamble and body: three each
}

TEST(JitOptPipeline, BfJumpOutTraceLosesItsRepeatedLoadsAndChecks) {
  Trace t = testing::parse_ok(with_tape(kBfJumpOut, 4096));
  Trace out = optimize(t, checked());
  EXPECT_EQ(testing::count_labels(out), 1);  // not a loop of its own: no peeling
  // Recorded: 13 loads, 7 bounds checks; the repeated cell loads become one
  // per cell; after the checks of i0 - 5 and i0 (the first two), i0 is in
  // [5, N - 1], so bounds proves the checks of i0 - 1 and i0 - 2.
  EXPECT_EQ(testing::count_ops(t, Opcode::kGetarrayitemRawI), 13);
  EXPECT_EQ(testing::count_ops(out, Opcode::kGetarrayitemRawI), 4);
  EXPECT_EQ(testing::count_ops(t, Opcode::kUintLt), 7);
  EXPECT_EQ(testing::count_ops(out, Opcode::kUintLt), 2);  // bounds: the others are implied
  EXPECT_EQ(testing::count_ops(t, Opcode::kSetarrayitemRaw), 6);
  // Two of them are overwritten before the end: sink moves those into the
  // store frames of the guards they passed; the other four stay.
  EXPECT_EQ(testing::count_ops(out, Opcode::kSetarrayitemRaw), 4);
  EXPECT_LT(testing::count_code_ops(out), testing::count_code_ops(t) * 2 / 3);
}

TEST(JitOptPipeline, BfLabelConstantsFoldAndLeaveTheLabel) {
  Trace t = testing::parse_ok(with_tape(kBfLoopBig, 4096));
  Trace out = optimize(t, checked());
  std::string text = print_trace(out);
  std::string body = text.substr(text.rfind("label("));
  // Peel carries the cells at p+4 and p+3 into the body; the preamble
  // leaves both 0 (p+4 tested zero, p+3 counted down to zero), and so does
  // every body iteration: bounds makes both operands 0 after the label, so
  // the body's guard_false on p+4 goes and its guard_true on p+3 always
  // fails; phis drops the two operands (8 before these passes, now 6).
  EXPECT_EQ(body.substr(0, body.find('\n')), "label(i0, i3, i6, i17, i22, i23, descr=loop0_body2)");
  EXPECT_EQ(text.find("same_as"), std::string::npos) << text;
  EXPECT_NE(body.find("guard_always_fails() [0@34/1: 0=i6"), std::string::npos) << body;
  EXPECT_EQ(body.find("@29/"), std::string::npos) << body;
}

TEST(JitOptPipeline, BfTracesRunLikeTheRecordedOnes) {
  alignas(8) static uint8_t tape[256];
  for (const char* text : {kBfLoop, kBfJumpOut, kBfLoopBig}) {
    Trace t = testing::parse_ok(with_tape(text, bits_of(tape)));
    Trace out = optimize(t, checked());
    // Tapes that exit through different guards at different iterations.
    for (int pattern = 0; pattern < 40; pattern++) {
      std::vector<uint8_t> mem(256);
      for (int k = 0; k < 256; k++) mem[k] = static_cast<uint8_t>((k * 7 + pattern) % (pattern % 5 + 2));
      mem[100] = static_cast<uint8_t>(pattern % 9);
      for (uint64_t jumps : {0, 1, 3, 20}) {
        // expect_same_run puts the memory at input 0; here the tape is a constant.
        std::memcpy(tape, mem.data(), 256);
        Runtime rt_a;
        rt_a.max_jumps = jumps;
        uint64_t in[1] = {100};
        Exit a = run_trace(t, in, rt_a);
        std::vector<uint8_t> after_a(tape, tape + 256);
        std::memcpy(tape, mem.data(), 256);
        Runtime rt_b;
        rt_b.max_jumps = jumps == 0 || testing::count_labels(out) == 1 ? jumps : jumps - 1;
        Exit b = run_trace(out, in, rt_b);
        std::vector<uint8_t> after_b(tape, tape + 256);
        std::string what = "pattern " + std::to_string(pattern) + " jumps " + std::to_string(jumps);
        if (a.kind == ExitKind::kIterationLimit && b.kind != ExitKind::kIterationLimit) {
          // counted ran the remaining iterations of a counted loop at
          // once: the recorded loop, given the jumps to get there, ends the same.
          std::memcpy(tape, mem.data(), 256);
          Runtime rt_all;
          rt_all.max_jumps = 100000;
          a = run_trace(t, in, rt_all);
          after_a.assign(tape, tape + 256);
        }
        if (jumps == 0 && testing::count_labels(out) > 1 && a.kind == ExitKind::kIterationLimit) continue;
        ASSERT_EQ(a.kind, b.kind) << what;
        EXPECT_EQ(a.frames, b.frames) << what;
        if (a.kind != ExitKind::kGuardFailed) {
          ASSERT_LE(a.values.size(), b.values.size()) << what;
          for (size_t k = 0; k < a.values.size(); k++) EXPECT_EQ(a.values[k], b.values[k]) << what;
        }
        EXPECT_EQ(after_a, after_b) << what;
      }
    }
  }
}

TEST(JitOptPipeline, RandomTracesRunAlike) {
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return optimize(t, checked()); }, 500, true);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return optimize_bridge(t, checked()); }, 500,
                                               false);
  // Straight traces through optimize (it must not peel them).
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return optimize(t, checked()); }, 200, false);
}

TEST(JitOptPipeline, ObserverSeesEveryPassInOrder) {
  Trace t = testing::parse_ok(with_tape(kBfLoop, 4096));
  std::vector<std::string> seen;
  Options o = checked();
  o.observer = [&](const char* name, const Trace& tr) {
    seen.push_back(name);
    EXPECT_TRUE(verify(tr).ok()) << name;
  };
  optimize(t, o);
  EXPECT_EQ(seen, (std::vector<std::string>{"input", "cse", "heap", "peel", "bounds", "phis", "counted", "sink",
                                            "dce"}));
  seen.clear();
  optimize_bridge(t, o);
  EXPECT_EQ(seen, (std::vector<std::string>{"input", "cse", "heap", "bounds", "dce"}));
  // With cse off, fold takes its place.
  seen.clear();
  ASSERT_TRUE(set_passes(o, "fold,heap,dce"));
  optimize_bridge(t, o);
  EXPECT_EQ(seen, (std::vector<std::string>{"input", "fold", "heap", "dce"}));
}

TEST(JitOptPipeline, PassesCanBeSwitchedOff) {
  Options o;
  EXPECT_TRUE(set_passes(o, "fold,dce"));
  EXPECT_TRUE(o.on(Pass::kFold));
  EXPECT_FALSE(o.on(Pass::kPeel));
  EXPECT_FALSE(set_passes(o, "fold,unroll"));
  EXPECT_TRUE(set_passes(o, "none"));
  Trace t = testing::parse_ok(with_tape(kBfLoop, 4096));
  EXPECT_EQ(print_trace(optimize(t, o)), print_trace(t));
  EXPECT_TRUE(set_passes(o, "all"));
  EXPECT_TRUE(o.on(Pass::kPeel));
  EXPECT_STREQ(pass_name(Pass::kHeap), "heap");
  o.set(Pass::kPeel, false);
  EXPECT_EQ(testing::count_labels(optimize(t, o)), 1);
}

TEST(JitOptPipeline, VerifyEachFailsLoudly) {
  // A jump whose arity does not match its label: verify_each stops the
  // process naming where the invalid trace was seen; without it the passes
  // run (and dce passes the defect through).
  Trace bad;
  Ref x = bad.add_input(Type::kInt);
  bad.emit(Opcode::kLabel, {x});
  bad.emit(Opcode::kJump, {x, x});
  Options o = checked();
  EXPECT_DEATH(optimize_bridge(bad, o), "given to the optimizer does not verify: kJumpArity");
  o.verify_each = false;
  o.enabled = 0;
  o.set(Pass::kDce, true);
  EXPECT_EQ(verify(optimize_bridge(bad, o)).code, VerifyErrorCode::kJumpArity);
}

}  // namespace
}  // namespace pyrite::jit::opt
