// cse (docs/jit_opt.md, "cse"): pure ops and guards deduplicated, facts
// from guards used afterwards, and nothing carried past a label.
#include <gtest/gtest.h>

#include <limits>

#include "jit/opt/cse.h"
#include "jit/opt/dce.h"
#include "jit/opt/fold.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;

Trace cse_dce(const Trace& t) { return dce(cse(t)); }

TEST(JitOptCse, PureOpsOnceWithCommutedOperands) {
  EXPECT_EQ(apply(cse_dce,
                  "[i0, i1, f2]\n"
                  "i3 = int_add(i0, i1)\n"
                  "i4 = int_add(i1, i0)\n"
                  "i5 = int_sub(i0, i1)\n"
                  "i6 = int_sub(i1, i0)\n"
                  "f7 = float_mul(f2, f2)\n"
                  "f8 = float_mul(f2, f2)\n"
                  "i9 = int_add(i3, i5)\n"
                  "i10 = int_add(i4, i5)\n"
                  "finish(i3, i4, i5, i6, f7, f8, i9, i10)\n"),
            "[i0, i1, f2]\n"
            "i3 = int_add(i0, i1)\n"
            "i4 = int_sub(i0, i1)\n"
            "i5 = int_sub(i1, i0)\n"
            "f6 = float_mul(f2, f2)\n"
            "i7 = int_add(i3, i4)\n"
            "finish(i3, i3, i4, i5, f6, f6, i7, i7)\n");
}

TEST(JitOptCse, PureCallsButNotOthers) {
  EXPECT_EQ(apply(cse,
                  "descr sq = call(fn=0x1000, args=(i), result=i, effects=(pure))\n"
                  "descr sqr = call(fn=0x1000, args=(i), result=i, effects=(pure, raises))\n"
                  "descr rd = call(fn=0x1000, args=(i), result=i, effects=(reads))\n"
                  "[i0]\n"
                  "i1 = call_pure_i(i0, descr=sq)\n"
                  "i2 = call_pure_i(i0, descr=sq)\n"
                  "i3 = call_pure_i(i0, descr=sqr)\n"
                  "i4 = call_pure_i(i0, descr=sqr)\n"
                  "i5 = call_i(i0, descr=rd)\n"
                  "i6 = call_i(i0, descr=rd)\n"
                  "finish(i1, i2, i3, i4, i5, i6)\n"),
            "descr sq = call(fn=0x1000, args=(i), result=i, effects=(pure))\n"
            "descr sqr = call(fn=0x1000, args=(i), result=i, effects=(pure, raises))\n"
            "descr rd = call(fn=0x1000, args=(i), result=i, effects=(reads))\n"
            "[i0]\n"
            "i1 = call_pure_i(i0, descr=sq)\n"
            "i2 = call_pure_i(i0, descr=sqr)\n"
            "i3 = call_pure_i(i0, descr=sqr)\n"
            "i4 = call_i(i0, descr=rd)\n"
            "i5 = call_i(i0, descr=rd)\n"
            "finish(i1, i1, i2, i3, i4, i5)\n");
}

TEST(JitOptCse, FloatAddOperandsAreNotSwapped) {
  // Regression (stress run, seed 3085): with two NaN operands addsd and
  // eval_pure return the first one's, so float_add(a, b) is not
  // float_add(b, a) bit for bit and the two must not be merged.
  const char* text =
      "[f0]\n"
      "f1 = float_neg(f0)\n"
      "f2 = float_add(f1, f0)\n"
      "f3 = float_add(f0, f1)\n"
      "f4 = float_mul(f0, f1)\n"
      "f5 = float_mul(f1, f0)\n"
      "finish(f2, f3, f4, f5)\n";
  EXPECT_EQ(apply(cse, text), print_trace(testing::parse_ok(text)));
  Trace t = testing::parse_ok(text);
  testing::expect_same_run(t, cse(t), {bits_of(std::numeric_limits<double>::quiet_NaN())}, {}, 0, "NaN");
}

TEST(JitOptCse, RepeatedGuardsGo) {
  EXPECT_EQ(apply(cse_dce,
                  "descr cls = field(offset=0, type=i, size=8)\n"
                  "[i0, i1, p2, i3]\n"
                  "i4 = int_lt(i0, i1)\n"
                  "guard_true(i4) [0@1/1: 0=i0]\n"
                  "i5 = int_lt(i0, i1)\n"
                  "guard_true(i5) [0@2/1: 0=i0]\n"
                  "i6 = int_ge(i0, i1)\n"
                  "guard_false(i6) [0@3/1: 0=i0]\n"
                  "i7 = int_gt(i1, i0)\n"
                  "guard_true(i7) [0@4/1: 0=i0]\n"
                  "guard_class(p2, 17, descr=cls) [0@5/1: 0=i0]\n"
                  "guard_nonnull(p2) [0@6/1: 0=i0]\n"
                  "guard_class(p2, 17, descr=cls) [0@7/1: 0=i0]\n"
                  "guard_true(i3) [0@8/1: 0=i0]\n"
                  "guard_true(i3) [0@9/1: 0=i0]\n"
                  "guard_not_invalidated() [0@10/1: 0=i0]\n"
                  "guard_not_invalidated() [0@11/1: 0=i0]\n"
                  "finish(i4, i6)\n"),
            "descr cls = field(offset=0, type=i, size=8, signed)\n"
            "[i0, i1, p2, i3]\n"
            "i4 = int_lt(i0, i1)\n"
            "guard_true(i4) [0@1/1: 0=i0]\n"
            "guard_class(p2, 17, descr=cls) [0@5/1: 0=i0]\n"
            "guard_true(i3) [0@8/1: 0=i0]\n"
            "guard_not_invalidated() [0@10/1: 0=i0]\n"
            "finish(1, 0)\n");
}

TEST(JitOptCse, GuardValueMakesTheValueConstantInOpsAndSnapshots) {
  EXPECT_EQ(apply(cse,
                  "[i0, i1]\n"
                  "i2 = int_add(i0, i1)\n"
                  "guard_value(i2, 10) [0@1/2: 0=i2]\n"
                  "i3 = int_add(i0, i1)\n"
                  "guard_true(i1) [0@2/2: 0=i2 1=i3]\n"
                  "guard_value(i3, 10) [0@3/2: 0=i2]\n"
                  "guard_false(i0) [0@4/2: 0=i0]\n"
                  "finish(i3, i0)\n"),
            "[i0, i1]\n"
            "i2 = int_add(i0, i1)\n"
            "guard_value(i2, 10) [0@1/2: 0=i2]\n"
            "guard_true(i1) [0@2/2: 0=10 1=10]\n"
            "guard_false(i0) [0@4/2: 0=i0]\n"
            "finish(10, 0)\n");
}

TEST(JitOptCse, DifferentGuardsStay) {
  // Different classes, a compare of other operands, a guard_not_invalidated
  // after a call that may invalidate: none of them is implied.
  const char* text =
      "descr cls = field(offset=0, type=i, size=8)\n"
      "descr inv = call(fn=0x1000, args=(), result=v, effects=(invalidates))\n"
      "[i0, i1, p2]\n"
      "guard_class(p2, 17, descr=cls) [0@1/1: 0=i0]\n"
      "guard_class(p2, 18, descr=cls) [0@2/1: 0=i0]\n"
      "i3 = int_lt(i0, i1)\n"
      "guard_true(i3) [0@3/1: 0=i0]\n"
      "i4 = int_le(i0, i1)\n"
      "guard_true(i4) [0@4/1: 0=i0]\n"
      "guard_not_invalidated() [0@5/1: 0=i0]\n"
      "call_n(descr=inv)\n"
      "guard_not_invalidated() [0@6/1: 0=i0]\n"
      "finish(i0)\n";
  EXPECT_EQ(apply(cse, text), print_trace(testing::parse_ok(text)));
}

TEST(JitOptCse, NothingCrossesALabel) {
  EXPECT_EQ(apply(cse,
                  "[i0, i1]\n"
                  "label(i0, i1)\n"
                  "i2 = int_add(i0, i1)\n"
                  "guard_value(i0, 3) [0@1/1: 0=i0]\n"
                  "i3 = int_add(i2, 1)\n"
                  "label(i0, i3)\n"
                  "i4 = int_add(i0, i3)\n"
                  "i5 = int_add(i0, 1)\n"
                  "jump(i5, i4)\n"),
            "[i0, i1]\n"
            "label(i0, i1)\n"
            "i2 = int_add(i0, i1)\n"
            "guard_value(i0, 3) [0@1/1: 0=i0]\n"
            "i3 = int_add(i2, 1)\n"
            "i4 = same_as(3)\n"
            "label(i4, i3)\n"
            "i5 = int_add(i3, i4)\n"
            "i6 = int_add(i4, 1)\n"
            "jump(i6, i5)\n");
}

TEST(JitOptCse, RandomTracesRunAlike) {
  testing::expect_pass_preserves_random_traces(cse, 300, true);
  testing::expect_pass_preserves_random_traces(cse, 300, false);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return dce(cse(fold(t))); }, 300, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
