// counted (docs/jit_opt.md, "counted"): counted loops in closed form,
// checked on hand-written loops (before/after text, loops it must leave
// alone) and on generated counted loops run through the IR interpreter
// before and after the pass, for every entry value of the tested counter.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "jit/opt/counted.h"
#include "jit/opt/peel.h"
#include "jit/opt/phis.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;
using testing::count_ops;
using testing::expect_same_run;
using testing::parse_ok;

// BF's `[->+<]` as peel leaves it: the cell at i1 counts down to zero,
// the one at i1+1 counts up; both stores go to addresses fixed in the loop.
const char* kMoveLoop =
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "descr loop = target(args=(i, i, i))\n"
    "descr loop_body = target(args=(i, i, i, i, i))\n"
    "[i0, i1, i2]\n"
    "label(i0, i1, i2, descr=loop)\n"
    "i3 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
    "i4 = int_add(i1, 1)\n"
    "i5 = getarrayitem_raw_i(i0, i4, descr=cell)\n"
    "i6 = int_add(i3, 255)\n"
    "i7 = int_add(i5, 1)\n"
    "setarrayitem_raw(i0, i1, i6, descr=cell)\n"
    "setarrayitem_raw(i0, i4, i7, descr=cell)\n"
    "i8 = int_and(i6, 255)\n"
    "guard_true(i8) [0@5/2: 0=i1]\n"
    "i9 = int_and(i7, 255)\n"
    "label(i0, i1, i4, i8, i9, descr=loop_body)\n"
    "debug_merge_point(0, 2)\n"
    "i10 = int_add(i8, 255)\n"
    "i11 = int_add(i9, 1)\n"
    "setarrayitem_raw(i0, i1, i10, descr=cell)\n"
    "i12 = int_and(i10, 255)\n"
    "setarrayitem_raw(i0, i4, i11, descr=cell)\n"
    "guard_true(i12) [0@5/2: 0=i1 1=i11]\n"
    "i13 = int_and(i11, 255)\n"
    "jump(i0, i1, i4, i12, i13, descr=loop_body)\n";

TEST(JitOptCounted, MoveLoopBecomesOneIteration) {
  EXPECT_EQ(apply(counted, kMoveLoop),
            "descr loop = target(args=(i, i, i))\n"
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "descr loop_body = target(args=(i, i, i, i, i))\n"
            "[i0, i1, i2]\n"
            "label(i0, i1, i2, descr=loop)\n"
            "i3 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
            "i4 = int_add(i1, 1)\n"
            "i5 = getarrayitem_raw_i(i0, i4, descr=cell)\n"
            "i6 = int_add(i3, 255)\n"
            "i7 = int_add(i5, 1)\n"
            "setarrayitem_raw(i0, i1, i6, descr=cell)\n"
            "setarrayitem_raw(i0, i4, i7, descr=cell)\n"
            "i8 = int_and(i6, 255)\n"
            "guard_true(i8) [0@5/2: 0=i1]\n"
            "i9 = int_and(i7, 255)\n"
            "label(i0, i1, i4, i8, i9, descr=loop_body)\n"
            // t = i8 + 255 (mod 256): the cell's value less one
            "i10 = int_add(i8, 255)\n"
            "i11 = int_and(i10, 255)\n"
            "i12 = int_sub(i8, i11)\n"
            "i13 = int_and(i12, 255)\n"
            "i14 = int_add(i9, i11)\n"
            "i15 = int_and(i14, 255)\n"
            "debug_merge_point(0, 2)\n"
            "i16 = int_add(i13, 255)\n"
            "i17 = int_add(i15, 1)\n"
            "setarrayitem_raw(i0, i1, i16, descr=cell)\n"
            "i18 = int_and(i16, 255)\n"
            "setarrayitem_raw(i0, i4, i17, descr=cell)\n"
            "guard_true(i18) [0@5/2: 0=i1 1=i17]\n"
            "i19 = int_and(i17, 255)\n"
            "jump(i0, i1, i4, i18, i19, descr=loop_body)\n");
}

TEST(JitOptCounted, MoveLoopRunsLikeTheLoopForEveryCellValue) {
  Trace in = parse_ok(kMoveLoop);
  Trace out = counted(in);
  ASSERT_EQ(count_ops(out, Opcode::kIntSub), 1);
  for (int a = 0; a < 256; a++) {
    for (int b : {0, 1, 7, 200, 255}) {
      std::vector<uint8_t> memory(16, 0);
      memory[3] = static_cast<uint8_t>(a);
      memory[4] = static_cast<uint8_t>(b);
      expect_same_run(in, out, {0, 3, 0}, memory, 1000,
                      "cells " + std::to_string(a) + ", " + std::to_string(b));
      if (::testing::Test::HasFailure()) return;
    }
  }
}

// mandelbrot's hottest loop after peel: two cells count down together and
// the loop leaves when either reaches zero; a third cell gets 1 before the
// first guard and 0 (256) after it.
// Two cells at i1 and i2 entering a peeled body as phis i3 and i4.
#define TWO_COUNTER_LOOP_START                                 \
  "descr cell = array(offset=0, type=i, size=1, unsigned)\n"   \
  "descr loop = target(args=(i, i, i))\n"                      \
  "descr loop_body = target(args=(i, i, i))\n"                 \
  "[i0, i1, i2]\n"                                             \
  "label(i0, i1, i2, descr=loop)\n"                            \
  "i3 = int_and(i1, 255)\n"                                    \
  "i4 = int_and(i2, 255)\n"                                    \
  "label(i0, i3, i4, descr=loop_body)\n"

// Runs `in` and `out` (its counted form) from every cell value a at i1
// and every few b at i2 (b steps by 1 + a % spread), and compares them;
// with `at_once`, `out` must also leave without going round.
void expect_pairs_run_alike(const Trace& in, const Trace& out, int spread, bool at_once = false);

const char* kTwoGuardLoop =
    TWO_COUNTER_LOOP_START
    "i5 = int_add(i3, 255)\n"
    "i6 = int_add(i4, 255)\n"
    "i7 = int_and(i6, 255)\n"
    "setarrayitem_raw(i0, 0, i5, descr=cell)\n"
    "setarrayitem_raw(i0, 1, i6, descr=cell)\n"
    "setarrayitem_raw(i0, 2, 1, descr=cell)\n"
    "guard_true(i7) [0@5/2: 0=i0 1=i5]\n"
    "setarrayitem_raw(i0, 2, 256, descr=cell)\n"
    "i8 = int_and(i5, 255)\n"
    "guard_true(i8) [0@7/2: 0=i0 1=i7]\n"
    "jump(i0, i8, i7, descr=loop_body)\n";

TEST(JitOptCounted, TwoGuardLoopRunsLikeTheLoopForEveryCellValue) {
  Trace in = parse_ok(kTwoGuardLoop);
  Trace out = counted(in);
  ASSERT_TRUE(verify(out).ok());
  ASSERT_EQ(count_ops(out, Opcode::kUintLt), 1) << print_trace(out);
  expect_pairs_run_alike(in, out, 5);
}

// primes_big's countdown after peel: two cells count down and the loop
// leaves when either reaches zero; cell 3 is stored only after the first
// guard, a varying value and then 7, which the preamble stored there too:
// whatever the iterations skipped, it holds 7 when the kept one begins.
std::string settled_loop(const std::string& preamble_store, const std::string& last_store) {
  return "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
         "descr f = call(fn=0x1000, args=(i), result=v, effects=(writes))\n"
         "descr loop = target(args=(i, i, i))\n"
         "descr loop_body = target(args=(i, i, i))\n"
         "[i0, i1, i2]\n"
         "label(i0, i1, i2, descr=loop)\n" +
         preamble_store +
         "i3 = int_and(i1, 255)\n"
         "i4 = int_and(i2, 255)\n"
         "label(i0, i3, i4, descr=loop_body)\n"
         "i5 = int_add(i3, 255)\n"
         "i6 = int_and(i5, 255)\n"
         "i7 = int_add(i4, 255)\n"
         "i8 = int_and(i7, 255)\n"
         "setarrayitem_raw(i0, 1, i6, descr=cell)\n"
         "guard_true(i6) [0@1/2: 0=i0]\n"
         "setarrayitem_raw(i0, 3, i8, descr=cell)\n"
         "guard_true(i8) [0@1/2: 0=i0]\n" +
         last_store + "jump(i0, i6, i8, descr=loop_body)\n";
}

TEST(JitOptCounted, SettledStoresMayFollowTheFirstGuard) {
  Trace in = parse_ok(settled_loop("setarrayitem_raw(i0, 3, 7, descr=cell)\n",
                                   "setarrayitem_raw(i0, 3, 7, descr=cell)\n"));
  Trace out = counted(in);
  ASSERT_TRUE(verify(out).ok());
  ASSERT_EQ(count_ops(out, Opcode::kUintLt), 1) << print_trace(out);
  expect_pairs_run_alike(in, out, 7);
}

// loop_big's toggling loop traced over two iterations: a cell counts down
// and the loop leaves when it is zero; cell 3 gets a counter's value after
// the guard, which the preamble stored there too, and the label and the
// jump pass it as read back: whenever the body begins, cell 3 holds phi i5.
std::string tracked_loop(const std::string& label_value) {
  return "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
         "descr loop = target(args=(i, i, i))\n"
         "descr loop_body = target(args=(i, i, i))\n"
         "[i0, i1, i2]\n"
         "label(i0, i1, i2, descr=loop)\n"
         "i3 = int_and(i1, 255)\n"
         "i4 = int_add(i2, 5)\n"
         "setarrayitem_raw(i0, 3, i4, descr=cell)\n"
         "i5 = " + label_value + "\n"
         "label(i0, i3, i5, descr=loop_body)\n"
         "i6 = int_add(i3, 255)\n"
         "i7 = int_and(i6, 255)\n"
         "setarrayitem_raw(i0, 1, i7, descr=cell)\n"
         "guard_true(i7) [0@1/2: 0=i0 1=i7]\n"
         "i8 = int_add(i5, 3)\n"
         "setarrayitem_raw(i0, 3, i8, descr=cell)\n"
         "i9 = int_and(i8, 255)\n"
         "jump(i0, i7, i9, descr=loop_body)\n";
}

TEST(JitOptCounted, TrackedStoresMayFollowTheFirstGuard) {
  Trace in = parse_ok(tracked_loop("int_and(i4, 255)"));
  Trace out = counted(in);
  ASSERT_TRUE(verify(out).ok());
  ASSERT_NE(print_trace(out), print_trace(in));
  expect_pairs_run_alike(in, out, 7);
  // The label's phi is not cell 3 read back: not counted.
  Trace other = parse_ok(tracked_loop("int_and(i2, 255)"));
  EXPECT_EQ(print_trace(counted(other)), print_trace(other));
}

// A countdown by one unrolled over `u` iterations (kUnrollLoop): the
// counter steps by -u and each copy tests it less 1, 2, ..., u; with u
// even, only some copies can meet zero, depending on the entry value.
std::string unrolled_countdown(int u) {
  std::string t =
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "descr loop = target(args=(i, i))\n"
      "descr loop_body = target(args=(i, i))\n"
      "[i0, i1]\n"
      "label(i0, i1, descr=loop)\n"
      "i2 = int_and(i1, 255)\n"
      "label(i0, i2, descr=loop_body)\n";
  int v = 3;
  for (int j = 1; j <= u; j++) {
    t += "i" + std::to_string(v) + " = int_add(i2, " + std::to_string(256 - j) + ")\n";
    t += "i" + std::to_string(v + 1) + " = int_and(i" + std::to_string(v) + ", 255)\n";
    t += "setarrayitem_raw(i0, 0, i" + std::to_string(v + 1) + ", descr=cell)\n";
    t += "guard_true(i" + std::to_string(v + 1) + ") [0@" + std::to_string(j) + "/2: 0=i0 1=i" +
         std::to_string(v + 1) + "]\n";
    v += 2;
  }
  return t + "jump(i0, i" + std::to_string(v - 1) + ", descr=loop_body)\n";
}

// The closed form skips every iteration but the one that leaves: `out`
// leaves through a guard without going round once.
void expect_leaves_at_once(const Trace& out, std::vector<uint64_t> inputs, const std::string& what) {
  alignas(8) static uint8_t mem[64];
  std::memset(mem, 0, sizeof mem);
  inputs[0] = bits_of(mem);
  Runtime rt;
  rt.max_jumps = 0;
  Exit e = run_trace(out, inputs, rt);
  EXPECT_EQ(exit_kind_name(e.kind), std::string(exit_kind_name(ExitKind::kGuardFailed))) << what;
}

void expect_pairs_run_alike(const Trace& in, const Trace& out, int spread, bool at_once) {
  for (int a = 0; a < 256; a++) {
    for (int b = 0; b < 256; b += 1 + (a % spread)) {
      std::vector<uint8_t> memory(16, 0);
      std::string what = "cells " + std::to_string(a) + ", " + std::to_string(b);
      expect_same_run(in, out, {0, static_cast<uint64_t>(a), static_cast<uint64_t>(b)}, memory, 1000, what);
      if (at_once) expect_leaves_at_once(out, {0, static_cast<uint64_t>(a), static_cast<uint64_t>(b)}, what);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(JitOptCounted, EvenStepsCountTheGuardsThatMeetZero) {
  for (int u : {2, 3, 4, 6}) {
    Trace in = parse_ok(unrolled_countdown(u));
    Trace out = counted(in);
    ASSERT_TRUE(verify(out).ok());
    ASSERT_NE(print_trace(out), print_trace(in)) << u;
    for (int a = 0; a < 256; a++) {
      std::vector<uint8_t> memory(16, 0);
      expect_same_run(in, out, {0, static_cast<uint64_t>(a)}, memory, 1000,
                      "unrolled " + std::to_string(u) + ", cell " + std::to_string(a) + "\n" + print_trace(out));
      expect_leaves_at_once(out, {0, static_cast<uint64_t>(a)}, "unrolled " + std::to_string(u) + ", cell " + std::to_string(a));
      if (::testing::Test::HasFailure()) return;
    }
  }
  // A cell counting up by 2 never meets zero from an odd value: the other
  // guard, a countdown by one, ends the loop then.
  Trace in = parse_ok(
      TWO_COUNTER_LOOP_START
      "i5 = int_add(i3, 2)\n"
      "i6 = int_and(i5, 255)\n"
      "i7 = int_add(i4, 255)\n"
      "i8 = int_and(i7, 255)\n"
      "setarrayitem_raw(i0, 1, i6, descr=cell)\n"
      "setarrayitem_raw(i0, 2, i8, descr=cell)\n"
      "guard_true(i6) [0@1/2: 0=i0 1=i6]\n"
      "guard_true(i8) [0@2/2: 0=i0 1=i8]\n"
      "jump(i0, i6, i8, descr=loop_body)\n");
  Trace out = counted(in);
  ASSERT_EQ(count_ops(out, Opcode::kUintLt), 1) << print_trace(out);
  expect_pairs_run_alike(in, out, 5, /*at_once=*/true);
}

// What the pass must leave alone: the copy must equal the input.
void expect_unchanged(const std::string& text) {
  Trace in = parse_ok(text);
  EXPECT_EQ(print_trace(counted(in)), print_trace(in));
}

std::string loop_with_body(const std::string& descrs, const std::string& body, const std::string& jump) {
  return "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
         "descr loop = target(args=(i, i))\n"
         "descr loop_body = target(args=(i, i))\n" +
         descrs +
         "[i0, i1]\n"
         "label(i0, i1, descr=loop)\n"
         "i2 = int_and(i1, 255)\n"
         "label(i0, i2, descr=loop_body)\n" +
         body + jump;
}

TEST(JitOptCounted, LeavesLoopsItCannotCountAlone) {
  // A step of zero (256 at width 8).
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 256)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
  // A load sees what earlier iterations stored.
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "i5 = getarrayitem_raw_i(i0, 1, descr=cell)\n"
                                  "i6 = int_add(i5, 1)\n"
                                  "setarrayitem_raw(i0, 2, i6, descr=cell)\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
  // A store after the guard does not happen in the last iteration.
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n"
                                  "setarrayitem_raw(i0, 2, i4, descr=cell)\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
  // A store whose address moves with a counter.
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "setarrayitem_raw(i0, i3, 1, descr=cell)\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
  // The loop goes on while the counter is zero.
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "guard_false(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
  // Two guards.
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "i5 = int_lt(i4, 100)\n"
                                  "guard_true(i5) [0@1/2: 0=i0]\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
  // Two counted guards, but a store between them to where no store
  // before the first goes, neither settled nor tracked: the last
  // iteration may skip it.
  expect_unchanged(settled_loop("", ""));
  // Cell 3, stored only after the first guard, is not settled: the
  // preamble stores another value there, or something after its store
  // may write it, or the body's last store there varies.
  const std::string seven = "setarrayitem_raw(i0, 3, 7, descr=cell)\n";
  expect_unchanged(settled_loop("setarrayitem_raw(i0, 3, 6, descr=cell)\n", seven));
  expect_unchanged(settled_loop(seven + "setarrayitem_raw(i0, i2, 7, descr=cell)\n", seven));
  expect_unchanged(settled_loop(seven + "call_n(i1, descr=f)\n", seven));
  expect_unchanged(settled_loop("", seven));
  expect_unchanged(settled_loop(seven, "setarrayitem_raw(i0, 3, i6, descr=cell)\n"));
  expect_unchanged(settled_loop(seven, "setarrayitem_raw(i0, i8, 7, descr=cell)\n" + seven +
                                           "setarrayitem_raw(i0, i6, 1, descr=cell)\n"));
  // The counter is narrower than what the guard tests.
  expect_unchanged(loop_with_body("",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "i5 = int_and(i3, 15)\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i5, descr=loop_body)\n"));
  // A call.
  expect_unchanged(loop_with_body("descr f = call(fn=0x1000, args=(i), result=v, effects=(writes))\n",
                                  "i3 = int_add(i2, 255)\n"
                                  "i4 = int_and(i3, 255)\n"
                                  "call_n(i4, descr=f)\n"
                                  "guard_true(i4) [0@1/2: 0=i0]\n",
                                  "jump(i0, i4, descr=loop_body)\n"));
}

TEST(JitOptCounted, NarrowCounterMustEnterInRange) {
  // i1 enters unmasked: with t = 0 the counter would be masked where the
  // loop would have used it as it came.
  expect_unchanged(
      "descr loop = target(args=(i))\n"
      "descr loop_body = target(args=(i))\n"
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "i1 = int_add(i0, 1)\n"
      "label(i1, descr=loop_body)\n"
      "i2 = int_add(i1, 255)\n"
      "i3 = int_and(i2, 255)\n"
      "guard_true(i3) [0@1/1: 0=i1]\n"
      "jump(i3, descr=loop_body)\n");
}

// A generated counted loop: `n` cells at memory[0..n) (widths 8, 16 or 64
// bits, stored as 1, 2 or 8 bytes), counter 0 tested through one of the
// guard forms, stores of counters and of values computed from them, some
// to the same cell twice, failargs of counters and body values.
struct Generated {
  std::string text;
  int width0;
};

Generated generate(uint64_t seed) {
  uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
  auto next = [&](uint64_t bound) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return (s >> 33) % bound;
  };
  int n = 1 + static_cast<int>(next(4));
  // One guard on counter 0, or (every other loop of 2+ counters) a second
  // on counter 1 after a store that repeats an earlier one.
  int guards = n >= 2 && next(2) == 0 ? 2 : 1;
  int widths[4];
  for (int k = 0; k < n; k++) widths[k] = k == 0 ? (next(4) == 0 ? 64 : next(3) == 0 ? 16 : 8) : (next(3) == 0 ? 16 : 8);
  auto mask = [](int w) { return w == 64 ? std::string("-1") : std::to_string((1ull << w) - 1); };
  uint64_t steps[4];
  for (int k = 0; k < n; k++) {
    uint64_t m = widths[k] == 64 ? ~0ull : (1ull << widths[k]) - 1;
    steps[k] = next(m < 1000 ? m + 1 : 1000) & m;
    if (k < guards) steps[k] |= 1;
    if (k == 0 && widths[k] == 64) steps[k] = m;  // count down by one: a trip count the test can run
  }
  std::string t;
  // Cells at byte offsets 0, 8, 16, 24 with the item size of their width.
  for (int k = 0; k < n; k++) {
    int size = widths[k] / 8;
    t += "descr c" + std::to_string(k) + " = array(offset=" + std::to_string(8 * k) + ", type=i, size=" +
         std::to_string(size) + ", unsigned)\n";
  }
  std::string types = "i";
  for (int k = 0; k < n; k++) types += ", i";
  t += "descr loop = target(args=(" + types + "))\n";
  t += "descr loop_body = target(args=(" + types + "))\n";
  // Inputs: i0 the memory, then the counters' entry values.
  t += "[i0";
  for (int k = 0; k < n; k++) t += ", i" + std::to_string(k + 1);
  t += "]\nlabel(i0";
  for (int k = 0; k < n; k++) t += ", i" + std::to_string(k + 1);
  t += ", descr=loop)\n";
  int v = n + 1;
  std::vector<int> phi(n);
  for (int k = 0; k < n; k++) {
    if (widths[k] == 64) {
      phi[k] = k + 1;
      continue;
    }
    phi[k] = v;
    t += "i" + std::to_string(v++) + " = int_and(i" + std::to_string(k + 1) + ", " + mask(widths[k]) + ")\n";
  }
  // A 64-bit counter enters as it came: the label needs distinct values.
  t += "label(i0";
  for (int k = 0; k < n; k++) t += ", i" + std::to_string(phi[k]);
  t += ", descr=loop_body)\n";
  std::vector<int> sum(n), next_v(n);
  for (int k = 0; k < n; k++) {
    sum[k] = v;
    t += "i" + std::to_string(v++) + " = int_add(i" + std::to_string(phi[k]) + ", " +
         std::to_string(static_cast<int64_t>(steps[k])) + ")\n";
  }
  // Stores: each cell once or twice, sometimes of a value computed from a counter.
  for (int k = 0; k < n; k++) {
    int times = 1 + static_cast<int>(next(2));
    for (int r = 0; r < times; r++) {
      int value = sum[k];
      if (next(3) == 0) {
        value = v;
        t += "i" + std::to_string(v++) + " = int_mul(i" + std::to_string(sum[next(n)]) + ", 3)\n";
      }
      t += "setarrayitem_raw(i0, 0, i" + std::to_string(value) + ", descr=c" + std::to_string(k) + ")\n";
    }
  }
  for (int k = 0; k < n; k++) {
    if (widths[k] == 64) {
      next_v[k] = sum[k];
      continue;
    }
    next_v[k] = v;
    t += "i" + std::to_string(v++) + " = int_and(i" + std::to_string(sum[k]) + ", " + mask(widths[k]) + ")\n";
  }
  std::string fail = " [0@9/" + std::to_string(n + 1) + ": 0=i0";
  for (int k = 0; k < n; k++) fail += " " + std::to_string(k + 1) + "=i" + std::to_string(k == 0 ? sum[k] : next_v[k]);
  fail += "]\n";
  for (int g = 0; g < guards; g++) {
    if (g > 0) {
      int k = static_cast<int>(next(n));
      t += "setarrayitem_raw(i0, 0, i" + std::to_string(next_v[k]) + ", descr=c" + std::to_string(k) + ")\n";
    }
    switch (next(3)) {
      case 0:
        t += "guard_true(i" + std::to_string(next_v[g]) + ")" + fail;
        break;
      case 1:
        t += "i" + std::to_string(v) + " = int_ne(i" + std::to_string(next_v[g]) + ", 0)\n";
        t += "guard_true(i" + std::to_string(v++) + ")" + fail;
        break;
      default:
        t += "i" + std::to_string(v) + " = int_eq(0, i" + std::to_string(next_v[g]) + ")\n";
        t += "guard_false(i" + std::to_string(v++) + ")" + fail;
        break;
    }
  }
  t += "jump(i0";
  for (int k = 0; k < n; k++) t += ", i" + std::to_string(next_v[k]);
  t += ", descr=loop_body)\n";
  return {t, widths[0]};
}

TEST(JitOptCounted, GeneratedCountedLoopsRunLikeTheLoop) {
  for (uint64_t seed = 1; seed <= 300; seed++) {
    Generated g = generate(seed);
    Trace in = parse_ok(g.text);
    Trace out = counted(in);
    ASSERT_TRUE(verify(out).ok()) << g.text;
    // Every generated loop is counted: the loop's int_and/add ops are
    // followed by the closed form (an int_and at width 8/16, or a sub / neg).
    ASSERT_NE(print_trace(out), print_trace(in)) << "seed " << seed << "\n" << g.text;
    std::vector<uint64_t> entries;
    if (g.width0 == 64) {
      entries = {1, 2, 3, 100, 300};
    } else if (g.width0 == 16) {
      entries = {0, 1, 2, 65535, 40000, 12345};
    } else {
      for (uint64_t e = 0; e < 256; e += 1 + seed % 7) entries.push_back(e);
    }
    for (uint64_t e : entries) {
      std::vector<uint64_t> inputs(in.num_inputs());
      for (uint32_t k = 1; k < inputs.size(); k++) inputs[k] = (e * (k + 3) + seed) & 0xFFFF;
      inputs[1] = e;
      std::vector<uint8_t> memory(64, 0);
      expect_same_run(in, out, inputs, memory, 70000,
                      "seed " + std::to_string(seed) + " entry " + std::to_string(e) + "\n" + g.text + "---\n" +
                          print_trace(out));
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(JitOptCounted, PreservesRandomPeeledLoops) {
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return counted(phis(peel(t))); }, 300, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
