// bounds and phis (docs/jit_opt.md, "bounds", "phis"): before/after text
// for every rule, the ranges that must not be assumed (wraparound, label
// operands the body changes), and random traces made of what bounds
// reasons about (pointer + offset checks, narrow loads, masks, edge
// constants, overflow ops, compares of values with constants) run
// against the original under the IR interpreter.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "jit/opt/bounds.h"
#include "jit/opt/dce.h"
#include "jit/opt/peel.h"
#include "jit/opt/phis.h"
#include "jit/opt/pipeline.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;

Trace bounds_only(const Trace& t) { return bounds(t); }
Trace bounds_dce(const Trace& t) { return dce(bounds(t)); }

TEST(JitOptBounds, ChecksOfOffsetsBetweenTwoCheckedOnesGo) {
  // After p + 4 < N and p - 2 < N (unsigned), p is in [2, N - 5]: every
  // p + k for k in [-2, 4] is in [0, N - 1]; p + 5 and p - 3 are not.
  EXPECT_EQ(apply(bounds_dce,
                  "[i0]\n"
                  "i1 = int_add(i0, 4)\n"
                  "i2 = uint_lt(i1, 1000)\n"
                  "guard_true(i2) [0@1/1: 0=i0]\n"
                  "i3 = int_add(i0, -2)\n"
                  "i4 = uint_lt(i3, 1000)\n"
                  "guard_true(i4) [0@2/1: 0=i0]\n"
                  "i5 = int_add(i0, 1)\n"
                  "i6 = uint_lt(i5, 1000)\n"
                  "guard_true(i6) [0@3/1: 0=i0]\n"
                  "i7 = uint_lt(i0, 1000)\n"
                  "guard_true(i7) [0@4/1: 0=i0]\n"
                  "i8 = int_add(i0, -1)\n"
                  "i9 = uint_lt(i8, 1000)\n"
                  "guard_true(i9) [0@5/1: 0=i0]\n"
                  "i10 = int_add(i0, 5)\n"
                  "i11 = uint_lt(i10, 1000)\n"
                  "guard_true(i11) [0@6/1: 0=i0]\n"
                  "i12 = int_add(i0, -3)\n"
                  "i13 = uint_lt(i12, 1000)\n"
                  "guard_true(i13) [0@7/1: 0=i0]\n"
                  "finish(i0)\n"),
            "[i0]\n"
            "i1 = int_add(i0, 4)\n"
            "i2 = uint_lt(i1, 1000)\n"
            "guard_true(i2) [0@1/1: 0=i0]\n"
            "i3 = int_add(i0, -2)\n"
            "i4 = uint_lt(i3, 1000)\n"
            "guard_true(i4) [0@2/1: 0=i0]\n"
            "i5 = int_add(i0, 5)\n"
            "i6 = uint_lt(i5, 1000)\n"
            "guard_true(i6) [0@6/1: 0=i0]\n"
            "i7 = int_add(i0, -3)\n"
            "i8 = uint_lt(i7, 1000)\n"
            "guard_true(i8) [0@7/1: 0=i0]\n"
            "finish(i0)\n");
}

TEST(JitOptBounds, NarrowLoadsAndMasks) {
  // A 1-byte unsigned item is in [0, 255]: int_and(x, 255) is x, and so is
  // int_and(x + 1, 511); x < 256 holds; a signed byte is in [-128, 127].
  EXPECT_EQ(apply(bounds_dce,
                  "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
                  "descr s8 = array(offset=0, type=i, size=1, signed)\n"
                  "[i0, i1]\n"
                  "i2 = getarrayitem_raw_i(i0, i1, descr=u8)\n"
                  "i3 = int_and(i2, 255)\n"
                  "i4 = int_add(i2, 1)\n"
                  "i5 = int_and(i4, 511)\n"
                  "i6 = int_and(i4, 255)\n"
                  "i7 = int_lt(i2, 256)\n"
                  "guard_true(i7) [0@1/1: 0=i1]\n"
                  "i8 = getarrayitem_raw_i(i0, i1, descr=s8)\n"
                  "i9 = int_ge(i8, -128)\n"
                  "guard_true(i9) [0@2/1: 0=i1]\n"
                  "i10 = int_lt(i8, 0)\n"
                  "guard_false(i10) [0@3/1: 0=i1]\n"
                  "i11 = int_is_true(i4)\n"
                  "finish(i3, i5, i6, i11)\n"),
            "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
            "descr s8 = array(offset=0, type=i, size=1, signed)\n"
            "[i0, i1]\n"
            "i2 = getarrayitem_raw_i(i0, i1, descr=u8)\n"
            "i3 = int_add(i2, 1)\n"
            "i4 = int_and(i3, 255)\n"
            "i5 = getarrayitem_raw_i(i0, i1, descr=s8)\n"
            "i6 = int_lt(i5, 0)\n"
            "guard_false(i6) [0@3/1: 0=i1]\n"
            "finish(i2, i3, i4, 1)\n");
}

TEST(JitOptBounds, AMaskWithinOneAlignedBlockIsASubtraction) {
  // A BF cell c != 0 decremented: c + 255 is in [256, 510], one block of
  // 256, so its low byte is c - 1; incremented again it is c, which the
  // guard already proved non-zero. A block at 0 is the mask identity (an
  // earlier rule); a range over two blocks keeps its mask.
  EXPECT_EQ(apply(bounds_dce,
                  "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
                  "[i0, i1]\n"
                  "i2 = getarrayitem_raw_i(i0, i1, descr=u8)\n"
                  "guard_true(i2) [0@1/1: 0=i1]\n"
                  "i3 = int_add(i2, 255)\n"
                  "i4 = int_and(i3, 255)\n"
                  "guard_true(i4) [0@2/1: 0=i1]\n"
                  "i5 = int_add(i4, 1)\n"
                  "i6 = int_and(i5, 255)\n"
                  "guard_true(i6) [0@3/1: 0=i1]\n"
                  "i7 = getarrayitem_raw_i(i0, 0, descr=u8)\n"
                  "i8 = int_add(i7, 255)\n"
                  "i9 = int_and(i8, 255)\n"
                  "i10 = int_sub(i7, 300)\n"
                  "i11 = int_and(i10, 255)\n"
                  "finish(i6, i9, i11)\n"),
            "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1]\n"
            "i2 = getarrayitem_raw_i(i0, i1, descr=u8)\n"
            "guard_true(i2) [0@1/1: 0=i1]\n"
            "i3 = int_add(i2, -1)\n"
            "guard_true(i3) [0@2/1: 0=i1]\n"
            "i4 = getarrayitem_raw_i(i0, 0, descr=u8)\n"
            "i5 = int_add(i4, 255)\n"
            "i6 = int_and(i5, 255)\n"
            "i7 = int_add(i4, -300)\n"
            "i8 = int_and(i7, 255)\n"
            "finish(i2, i6, i8)\n");
}

TEST(JitOptBounds, GuardsTheRangesRefuteAlwaysFail) {
  EXPECT_EQ(apply(bounds_only,
                  "[i0]\n"
                  "i1 = int_lt(i0, 10)\n"
                  "guard_true(i1) [0@1/1: 0=i0]\n"
                  "i2 = int_gt(i0, 20)\n"
                  "guard_true(i2) [0@2/1: 0=i0]\n"
                  "finish(i0)\n"),
            "[i0]\n"
            "i1 = int_lt(i0, 10)\n"
            "guard_true(i1) [0@1/1: 0=i0]\n"
            "guard_always_fails() [0@2/1: 0=i0]\n"
            "finish(i0)\n");
}

TEST(JitOptBounds, AGuardMakesAValueAConstant) {
  // 5 <= x <= 5 after two guards; guard_value on a known value goes.
  EXPECT_EQ(apply(bounds_dce,
                  "[i0]\n"
                  "i1 = int_le(i0, 5)\n"
                  "guard_true(i1) [0@1/1: 0=i0]\n"
                  "i2 = int_ge(i0, 5)\n"
                  "guard_true(i2) [0@2/1: 0=i0]\n"
                  "i3 = int_mul(i0, 3)\n"
                  "guard_value(i0, 5) [0@3/1: 0=i0]\n"
                  "finish(i3)\n"),
            "[i0]\n"
            "i1 = int_le(i0, 5)\n"
            "guard_true(i1) [0@1/1: 0=i0]\n"
            "i2 = int_ge(i0, 5)\n"
            "guard_true(i2) [0@2/1: 0=i0]\n"
            "finish(15)\n");
}

TEST(JitOptBounds, OverflowOpsThatCannotOverflowArePlain) {
  EXPECT_EQ(apply(bounds_dce,
                  "[i0, i1]\n"
                  "i2 = uint_lt(i0, 1000)\n"
                  "guard_true(i2) [0@1/1: 0=i0]\n"
                  "i3 = int_add_ovf(i0, 1)\n"
                  "guard_no_overflow() [0@2/1: 0=i0]\n"
                  "i4 = int_mul_ovf(i3, i0)\n"
                  "guard_no_overflow() [0@3/1: 0=i0]\n"
                  "i5 = int_mul_ovf(i1, i0)\n"
                  "guard_no_overflow() [0@4/1: 0=i0]\n"
                  "i6 = int_sub_ovf(i3, 1)\n"
                  "guard_overflow() [0@5/1: 0=i0]\n"
                  "finish(i4, i5, i6)\n"),
            "[i0, i1]\n"
            "i2 = uint_lt(i0, 1000)\n"
            "guard_true(i2) [0@1/1: 0=i0]\n"
            "i3 = int_add(i0, 1)\n"
            "i4 = int_mul(i3, i0)\n"
            "i5 = int_mul_ovf(i1, i0)\n"
            "guard_no_overflow() [0@4/1: 0=i0]\n"
            "guard_always_fails() [0@5/1: 0=i0]\n"
            "finish(i4, i5, i0)\n");
}

TEST(JitOptBounds, NoRangeAcrossWraparound) {
  // x in [1, 2^63 - 1]: x + 100 may wrap to a negative word, so x + 100 > 0
  // is not known; x + 100 as a root + offset is still exact, so after the
  // guard x is in [1, 2^63 - 101] (and x + 100 cannot overflow); x * 4
  // may wrap, so x * 4 > 0 is not known either.
  EXPECT_EQ(apply(bounds_dce,
                  "[i0]\n"
                  "i1 = int_gt(i0, 0)\n"
                  "guard_true(i1) [0@1/1: 0=i0]\n"
                  "i2 = int_add(i0, 100)\n"
                  "i3 = int_gt(i2, 0)\n"
                  "guard_true(i3) [0@2/1: 0=i0]\n"
                  "i4 = int_le(i0, 9223372036854775707)\n"
                  "i5 = int_add_ovf(i0, 100)\n"
                  "guard_no_overflow() [0@3/1: 0=i0]\n"
                  "i6 = int_mul(i0, 4)\n"
                  "i7 = int_gt(i6, 0)\n"
                  "finish(i4, i5, i7)\n"),
            "[i0]\n"
            "i1 = int_gt(i0, 0)\n"
            "guard_true(i1) [0@1/1: 0=i0]\n"
            "i2 = int_add(i0, 100)\n"
            "i3 = int_gt(i2, 0)\n"
            "guard_true(i3) [0@2/1: 0=i0]\n"
            "i4 = int_mul(i0, 4)\n"
            "i5 = int_gt(i4, 0)\n"
            "finish(1, i2, i5)\n");  // the plain add of int_add_ovf is i2 again
  // Unsigned: x <u 10 says nothing about y when y may be negative (huge).
  EXPECT_EQ(apply(bounds_dce,
                  "[i0, i1]\n"
                  "i2 = uint_lt(i0, i1)\n"
                  "guard_true(i2) [0@1/1: 0=i0]\n"
                  "i3 = int_lt(i0, 0)\n"
                  "i4 = uint_ge(i0, 10)\n"
                  "guard_false(i4) [0@2/1: 0=i0]\n"
                  "i5 = int_lt(i0, 0)\n"
                  "finish(i3, i5)\n"),
            "[i0, i1]\n"
            "i2 = uint_lt(i0, i1)\n"
            "guard_true(i2) [0@1/1: 0=i0]\n"
            "i3 = int_lt(i0, 0)\n"
            "i4 = uint_ge(i0, 10)\n"
            "guard_false(i4) [0@2/1: 0=i0]\n"
            "finish(i3, 0)\n");
}

// A peeled loop whose counter starts at 0 and grows: the preamble knows
// i < 100 at its end, the body does not (each iteration adds 1), so the
// body's check stays; the invariant n's range from the preamble holds in
// the body; the operand that is 0 on entry and on the back edge is 0.
const char* kPeeled =
    "[i0, i1, i2]\n"
    "label(i0, i1, i2)\n"
    "i3 = uint_lt(i0, 100)\n"
    "guard_true(i3) [0@1/3: 0=i0]\n"
    "i4 = int_lt(i1, 50)\n"
    "guard_true(i4) [0@2/3: 0=i0]\n"
    "i5 = int_ge(i1, 0)\n"
    "guard_true(i5) [0@3/3: 0=i0]\n"
    "i6 = int_add(i0, 1)\n"
    "i7 = same_as(0)\n"
    "label(i6, i1, i7)\n"
    "i8 = uint_lt(i6, 100)\n"
    "guard_true(i8) [0@1/3: 0=i6]\n"
    "i9 = int_lt(i1, 60)\n"
    "guard_true(i9) [0@2/3: 0=i6]\n"
    "guard_false(i7) [0@4/3: 0=i6]\n"
    "i10 = int_add(i6, 1)\n"
    "jump(i10, i1, 0)\n";

TEST(JitOptBounds, BodyLabelOperandsKeepOnlyWhatTheBackEdgeKeeps) {
  EXPECT_EQ(apply(bounds_dce, kPeeled),
            "[i0, i1, i2]\n"
            "label(i0, i1, i2)\n"
            "i3 = uint_lt(i0, 100)\n"
            "guard_true(i3) [0@1/3: 0=i0]\n"
            "i4 = int_lt(i1, 50)\n"
            "guard_true(i4) [0@2/3: 0=i0]\n"
            "i5 = int_ge(i1, 0)\n"
            "guard_true(i5) [0@3/3: 0=i0]\n"
            "i6 = int_add(i0, 1)\n"
            "i7 = same_as(0)\n"
            "label(i6, i1, i7)\n"
            "i8 = uint_lt(i6, 100)\n"
            "guard_true(i8) [0@1/3: 0=i6]\n"
            "i9 = int_add(i6, 1)\n"
            "jump(i9, i1, 0)\n");
  // Then phis drops the operand nobody reads (the loop's own slots stay:
  // this trace's entry label has three, so nothing goes).
  EXPECT_EQ(apply([](const Trace& t) { return phis(bounds_dce(t)); }, kPeeled),
            apply(bounds_dce, kPeeled));
}

TEST(JitOptBounds, ABodyChangeBreaksTheAssumption) {
  // The preamble passes 0 for i2, the body passes 1: i2 is not a constant
  // after the label, and guard_false(i2) stays. The same for a range: the
  // preamble proves i1 in [0, 9], the body doubles it.
  const char* text =
      "[i0, i1, i2]\n"
      "label(i0, i1, i2)\n"
      "i3 = uint_lt(i1, 10)\n"
      "guard_true(i3) [0@1/3: 0=i0]\n"
      "i4 = same_as(0)\n"
      "label(i0, i1, i4)\n"
      "guard_false(i4) [0@2/3: 0=i0]\n"
      "i5 = uint_lt(i1, 10)\n"
      "guard_true(i5) [0@3/3: 0=i0]\n"
      "i6 = int_mul(i1, 2)\n"
      "jump(i0, i6, 1)\n";
  EXPECT_EQ(apply(bounds_only, text), print_trace(testing::parse_ok(text)));
}

TEST(JitOptBounds, ACarriedByteKeepsItsRangeAroundTheLoop) {
  // A BF cell carried in a label operand: int_and(x, 255) on entry and on
  // the back edge, so after the label x is in [0, 255] and the body's
  // int_and(x, 255) of it is x.
  EXPECT_EQ(apply(bounds_dce,
                  "[i0, i1]\n"
                  "label(i0, i1)\n"
                  "i2 = int_and(i1, 255)\n"
                  "label(i0, i2)\n"
                  "i3 = int_and(i2, 255)\n"
                  "i4 = int_add(i3, 1)\n"
                  "i5 = int_and(i4, 255)\n"
                  "guard_true(i5) [0@1/2: 0=i0]\n"
                  "jump(i0, i5)\n"),
            "[i0, i1]\n"
            "label(i0, i1)\n"
            "i2 = int_and(i1, 255)\n"
            "label(i0, i2)\n"
            "i3 = int_add(i2, 1)\n"
            "i4 = int_and(i3, 255)\n"
            "guard_true(i4) [0@1/2: 0=i0]\n"
            "jump(i0, i4)\n");
}

TEST(JitOptBounds, NothingCrossesAnEntryLabel) {
  // The first label is entered by other traces with any values.
  const char* text =
      "[i0]\n"
      "i1 = uint_lt(i0, 10)\n"
      "guard_true(i1) [0@1/1: 0=i0]\n"
      "label(i0)\n"
      "i2 = uint_lt(i0, 10)\n"
      "guard_true(i2) [0@2/1: 0=i0]\n"
      "i3 = int_add(i0, 1)\n"
      "jump(i3)\n";
  EXPECT_EQ(apply(bounds_only, text), print_trace(testing::parse_ok(text)));
}

TEST(JitOptBounds, FailargRangesAreWhatHoldsBeforeTheGuard) {
  Trace parent = testing::parse_ok(
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "[i0, i1]\n"
      "i2 = int_add(i0, 4)\n"
      "i3 = uint_lt(i2, 1000)\n"
      "guard_true(i3) [0@1/2: 0=i0]\n"
      "i4 = int_add(i0, -2)\n"
      "i5 = uint_lt(i4, 1000)\n"
      "guard_true(i5) [0@2/2: 0=i0]\n"
      "i6 = getarrayitem_raw_i(0x1000, i0, descr=cell)\n"
      "i7 = int_lt(i1, 10)\n"
      "guard_true(i7) [0@3/2: 0=i0 1=i6]\n"
      "finish(i0)\n");
  // At the first guard nothing is known; at the last one i0 is in
  // [2, 995] and the byte in [0, 255], but i1 < 10 is the guard's own
  // condition, false when it fails.
  EXPECT_EQ(failarg_ranges(parent, 4), (std::vector<IntRange>{IntRange{}}));
  EXPECT_EQ(failarg_ranges(parent, 10), (std::vector<IntRange>{{2, 995}, {0, 255}}));
  EXPECT_TRUE(failarg_ranges(parent, 3).empty());  // not a guard
  std::vector<std::vector<IntRange>> all = failarg_ranges_of_all(parent);
  ASSERT_EQ(all.size(), parent.num_ops());
  for (uint32_t i = 0; i < parent.num_ops(); i++) EXPECT_EQ(all[i], failarg_ranges(parent, i)) << "op " << i;
  // A bridge from that guard knows its inputs: its checks of i0 + 3 and
  // i0 - 1 go, i0 + 5 stays.
  std::vector<IntRange> in = failarg_ranges(parent, 10);
  EXPECT_EQ(apply([&](const Trace& t) { return dce(bounds(t, in)); },
                  "[i0, i1]\n"
                  "i2 = int_add(i0, 3)\n"
                  "i3 = uint_lt(i2, 1000)\n"
                  "guard_true(i3) [0@4/1: 0=i0]\n"
                  "i4 = int_add(i0, -1)\n"
                  "i5 = uint_lt(i4, 1000)\n"
                  "guard_true(i5) [0@5/1: 0=i0]\n"
                  "i6 = int_add(i0, 5)\n"
                  "i7 = uint_lt(i6, 1000)\n"
                  "guard_true(i7) [0@6/1: 0=i0]\n"
                  "i8 = int_lt(i1, 256)\n"
                  "finish(i0, i8)\n"),
            "[i0, i1]\n"
            "i2 = int_add(i0, 5)\n"
            "i3 = uint_lt(i2, 1000)\n"
            "guard_true(i3) [0@6/1: 0=i0]\n"
            "finish(i0, 1)\n");
  // Through the bridge pipeline, as the Jit would call it.
  Options o;
  o.input_ranges = in;
  Trace bridge = testing::parse_ok("[i0, i1]\ni2 = int_lt(i0, 1000)\nfinish(i2)\n");
  EXPECT_EQ(print_trace(optimize_bridge(bridge, o)), "[i0, i1]\nfinish(1)\n");
  // A bridge's own guards pass its input ranges down: the bridge of a
  // bridge knows i0 in [2, 995] without a check of its own.
  Trace child = testing::parse_ok(
      "[i0, i1]\n"
      "i2 = int_add(i1, 1)\n"
      "i3 = int_lt(i2, 7)\n"
      "guard_true(i3) [0@7/2: 0=i0 1=i1]\n"
      "finish(i0)\n");
  EXPECT_EQ(failarg_ranges(child, 4), (std::vector<IntRange>{IntRange{}, IntRange{}}));
  EXPECT_EQ(failarg_ranges(child, 4, in), (std::vector<IntRange>{{2, 995}, {0, 255}}));
}

TEST(JitOptPhis, DeadBodyLabelOperandsLeaveTheLabelAndTheJump) {
  EXPECT_EQ(apply([](const Trace& t) { return dce(phis(t)); },
                  "descr loop = target(args=(i, i))\n"
                  "descr body = target(args=(i, i, i, i))\n"
                  "[i0, i1]\n"
                  "label(i0, i1, descr=loop)\n"
                  "i2 = int_add(i0, 1)\n"
                  "i3 = int_add(i1, 1)\n"
                  "i4 = same_as(0)\n"
                  "label(i2, i1, i3, i4, descr=body)\n"
                  "i5 = int_add(i2, 1)\n"
                  "guard_true(i5) [0@1/1: 0=i1]\n"
                  "i6 = int_add(i3, 1)\n"
                  "jump(i5, i1, i6, 0, descr=body)\n"),
            // i3 feeds only its own slot on the back edge, i4 nothing: both
            // go; i1 stays (a loop slot, and the snapshot reads it).
            "descr loop = target(args=(i, i))\n"
            "descr body2 = target(args=(i, i))\n"
            "[i0, i1]\n"
            "label(i0, i1, descr=loop)\n"
            "i2 = int_add(i0, 1)\n"
            "label(i2, i1, descr=body2)\n"
            "i3 = int_add(i2, 1)\n"
            "guard_true(i3) [0@1/1: 0=i1]\n"
            "jump(i3, i1, descr=body2)\n");
  // An operand passed on into a live slot is live.
  const char* chain =
      "descr loop = target(args=(i))\n"
      "descr body = target(args=(i, i, i))\n"
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "i1 = int_add(i0, 1)\n"
      "i2 = int_add(i0, 2)\n"
      "label(i0, i1, i2, descr=body)\n"
      "guard_true(i1) [0@1/1: 0=i0]\n"
      "jump(i0, i2, i2, descr=body)\n";
  EXPECT_EQ(apply(phis, chain), print_trace(testing::parse_ok(chain)));
}

TEST(JitOptPipeline, BridgesRunCseAfterHeap) {
  // A load heap forwards makes the second guard a duplicate of the first.
  EXPECT_EQ(apply([](const Trace& t) { return optimize_bridge(t); },
                  "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
                  "[i0, i1]\n"
                  "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                  "guard_false(i2) [0@78/1: 0=i1]\n"
                  "i3 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                  "guard_false(i3) [0@79/1: 0=i1]\n"
                  "finish(i1)\n"),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1]\n"
            "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
            "guard_false(i2) [0@78/1: 0=i1]\n"
            "finish(i1)\n");
}

// Random traces of what bounds reasons about.
class BoundsTraceGen {
 public:
  BoundsTraceGen(uint64_t seed, bool loop) : s_(seed * 0x9e3779b97f4a7c15ull + 7), loop_(loop) {}

  // peeled: a preamble, a second label and a body generated apart from
  // the preamble (what peel makes is one iteration twice; a body that
  // differs is what makes bounds' back-edge check necessary).
  std::string run(bool peeled = false) {
    text_ =
        "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
        "descr s8 = array(offset=0, type=i, size=1, signed)\n"
        "descr u16 = array(offset=0, type=i, size=2, unsigned)\n"
        "[i0, i1, i2, i3]\n";
    next_ = 4;
    if (loop_) text_ += "label(i0, i1, i2, i3)\n";
    state_ = {"i1", "i2", "i3"};
    block();
    if (peeled) {
      std::vector<std::string> next = carried();
      for (std::string& v : next)  // label operands: distinct values
        if (v[0] != 'i' || std::count(next.begin(), next.end(), v) > 1 || v == "i0") v = op("same_as", v);
      text_ += "label(i0, " + next[0] + ", " + next[1] + ", " + next[2] + ")\n";
      state_ = next;
      block();
    }
    if (loop_) {
      std::vector<std::string> next = carried();
      text_ += "jump(i0, " + next[0] + ", " + next[1] + ", " + next[2] + ")\n";
    } else {
      text_ += "finish(" + pick() + ", " + pick() + ", " + pick() + ")\n";
    }
    return text_;
  }

 private:
  void block() {
    vals_ = state_;
    ptrs_ = {state_[0]};
    int n = 6 + static_cast<int>(below(30));
    for (int k = 0; k < n; k++) step();
  }
  // The values for the loop's state at the end of a block.
  std::vector<std::string> carried() {
    static const char* steps[] = {"0", "1", "-1", "2", "3"};
    std::string p = below(4) ? op("int_add", state_[0], steps[below(5)]) : state_[0];
    // The loop's state changes so that what the preamble proved about
    // it may not hold in later iterations (doubling, shifting, counting).
    static const char* carry[] = {"int_add", "int_sub", "int_mul", "int_lshift", "int_xor", "int_and"};
    static const char* small[] = {"1", "2", "3", "-1", "7"};
    std::string q = below(2) ? op(carry[below(6)], state_[1], small[below(5)])
                             : below(2) ? pick() : below(2) ? state_[1] : konst();
    std::string r = below(2) ? state_[2] : below(2) ? konst() : pick();
    return {p, q, r};
  }
  uint64_t below(uint64_t n) {
    s_ = s_ * 6364136223846793005ull + 1442695040888963407ull;
    return (s_ >> 33) % n;
  }
  std::string pick() { return vals_[below(vals_.size())]; }
  std::string konst() {
    static const char* c[] = {"0", "1", "-1", "2", "3", "5", "7", "63", "64", "100", "127", "128", "255", "256",
                              "-128", "-256", "65535", "4294967296", "9223372036854775807",
                              "-9223372036854775808", "9223372036854775806", "-9223372036854775807"};
    return c[below(sizeof c / sizeof c[0])];
  }
  std::string operand() { return below(3) ? pick() : konst(); }
  std::string op(const std::string& name, const std::string& a, const std::string& b = "") {
    std::string v = "i" + std::to_string(next_++);
    text_ += v + " = " + name + "(" + a + (b.empty() ? "" : ", " + b) + ")\n";
    vals_.push_back(v);
    return v;
  }
  void guard(const std::string& name, const std::string& x) {
    text_ += name + "(" + x + ") [0@" + std::to_string(pc_++) + "/3: 0=" + ptrs_[0] + " 1=" + pick() + "]\n";
  }
  void step() {
    static const char* cmps[] = {"int_lt", "int_le", "int_gt", "int_ge", "int_eq", "int_ne",
                                 "uint_lt", "uint_le", "uint_gt", "uint_ge"};
    static const char* arith[] = {"int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor",
                                  "int_rshift", "int_urshift", "int_lshift"};
    static const char* masks[] = {"255", "127", "63", "511", "65535", "-1", "1", "-256"};
    switch (below(12)) {
      case 0:
      case 1: {  // a bounds check on the pointer plus an offset
        static const char* offs[] = {"-3", "-2", "-1", "1", "2", "3", "4", "5", "-9223372036854775807",
                                     "9223372036854775807"};
        std::string p = ptrs_[below(ptrs_.size())];
        std::string q = below(5) ? op("int_add", p, offs[below(10)]) : p;
        static const char* lim[] = {"64", "200", "1000"};
        std::string c = op(below(4) ? "uint_lt" : "uint_le", q, lim[below(3)]);
        guard("guard_true", c);
        if (below(2)) ptrs_.push_back(q);
        break;
      }
      case 2: {  // a narrow load
        static const char* d[] = {"u8", "s8", "u16"};
        std::string idx = op("int_and", pick(), "127");
        std::string v = "i" + std::to_string(next_++);
        text_ += v + " = getarrayitem_raw_i(i0, " + idx + ", descr=" + d[below(3)] + ")\n";
        vals_.push_back(v);
        break;
      }
      case 3: op("int_and", pick(), masks[below(8)]); break;
      case 4: op(arith[below(9)], pick(), operand()); break;
      case 5: {  // a compare and a guard on it
        std::string c = op(cmps[below(10)], pick(), operand());
        guard(below(2) ? "guard_true" : "guard_false", c);
        break;
      }
      case 6: {
        static const char* ovf[] = {"int_add_ovf", "int_sub_ovf", "int_mul_ovf"};
        op(ovf[below(3)], pick(), operand());
        text_ += std::string(below(4) ? "guard_no_overflow" : "guard_overflow") + "() [0@" +
                 std::to_string(pc_++) + "/3: 0=" + pick() + "]\n";
        break;
      }
      case 7: {
        static const char* un[] = {"int_is_true", "int_is_zero", "int_neg"};
        std::string v = op(un[below(3)], pick());
        if (below(2)) guard(below(2) ? "guard_true" : "guard_false", v);
        break;
      }
      case 8: {  // a store of a value (the tape)
        std::string idx = op("int_and", pick(), "127");
        text_ += "setarrayitem_raw(i0, " + idx + ", " + pick() + ", descr=u8)\n";
        break;
      }
      case 9: {  // a guard on the loop's state against a small constant
        static const char* small[] = {"0", "1", "2", "3", "4", "7", "8", "16", "100"};
        std::string c = op(cmps[below(10)], state_[below(3)], small[below(9)]);
        guard(below(3) ? "guard_true" : "guard_false", c);
        break;
      }
      default: op(cmps[below(10)], pick(), operand()); break;
    }
  }

  uint64_t s_;
  bool loop_;
  std::string text_;
  int next_ = 4, pc_ = 1;
  std::vector<std::string> vals_, ptrs_, state_;
};

template <class Pass>
void expect_preserves_bounds_traces(Pass pass, uint64_t seeds, bool loop, bool peeled = false) {
  for (uint64_t seed = 1; seed <= seeds; seed++) {
    std::string text = BoundsTraceGen(seed, loop).run(peeled);
    Trace t = testing::parse_ok(text);
    if (::testing::Test::HasFailure()) return;
    Trace out = pass(t);
    VerifyError e = verify(out);
    ASSERT_TRUE(e.ok()) << "seed " << seed << ": " << e.to_string() << "\n" << text << "---\n" << print_trace(out);
    for (uint64_t run = 0; run < 6; run++) {
      uint64_t s = seed * 31 + run;
      static const uint64_t edge[] = {0, 1, 2, 5, 63, 64, 100, 127, 128, 255, 256, 999, 1000,
                                      uint64_t{1} << 63, ~uint64_t{0}, (uint64_t{1} << 63) - 1};
      std::vector<uint64_t> in(4);
      for (int k = 1; k < 4; k++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        in[k] = run < 2 ? (s >> 40) % 8 : edge[(s >> 33) % 16];
      }
      std::vector<uint8_t> mem(kRandomTraceMemoryBytes);
      for (size_t b = 0; b < mem.size(); b++) mem[b] = static_cast<uint8_t>((b * 53 + seed + run) & (run & 1 ? 3 : 255));
      std::string what = "seed " + std::to_string(seed) + " run " + std::to_string(run) + "\n" + text + "---\n" +
                         print_trace(out);
      testing::expect_same_run(t, out, in, mem, 1 + run * 2, what);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

// PYRITE_OPT_SEEDS=N multiplies the seed counts (soak runs).
uint64_t seeds(uint64_t n) {
  const char* s = std::getenv("PYRITE_OPT_SEEDS");
  return s ? n * std::max(1, std::atoi(s)) : n;
}

TEST(JitOptBounds, RandomBoundsTracesRunAlike) {
  expect_preserves_bounds_traces([](const Trace& t) { return bounds(t); }, seeds(1500), false);
  expect_preserves_bounds_traces([](const Trace& t) { return bounds(t); }, seeds(1500), true);
  // Hand-made preamble and body (they differ): the back-edge check.
  expect_preserves_bounds_traces([](const Trace& t) { return phis(bounds(t)); }, seeds(3000), true, true);
  // Peeled, so the body label's assumptions are exercised.
  expect_preserves_bounds_traces([](const Trace& t) { return phis(bounds(peel(t))); }, seeds(1500), true);
  Options o;
  o.verify_each = true;
  expect_preserves_bounds_traces([&](const Trace& t) { return optimize(t, o); }, seeds(1500), true);
  expect_preserves_bounds_traces([&](const Trace& t) { return optimize_bridge(t, o); }, seeds(1000), false);
}

// Every guard exit of an optimized random trace: the failargs' values are
// within failarg_ranges of that guard (what a bridge will assume). With
// `known_inputs`, a bridge optimized knowing its three int inputs are in
// [0, 7] (runs then take only such inputs), and failarg_ranges told so, as
// the Jit does for a bridge's own guards.
void expect_failargs_within_ranges(bool loop, uint64_t count, bool known_inputs = false) {
  Options o;
  std::vector<IntRange> input_ranges;
  if (known_inputs) input_ranges = {IntRange{}, {0, 7}, {0, 7}, {0, 7}};
  o.input_ranges = input_ranges;
  for (uint64_t seed = 1; seed <= count; seed++) {
    Trace t = testing::parse_ok(BoundsTraceGen(seed, loop).run());
    Trace opt = loop ? optimize(t, o) : optimize_bridge(t, o);
    for (uint64_t run = 0; run < (known_inputs ? 3 : 6); run++) {
      uint64_t s = seed * 131 + run;
      static const uint64_t edge[] = {0, 1, 2, 5, 63, 64, 100, 127, 128, 255, 256, 999, 1000,
                                      uint64_t{1} << 63, ~uint64_t{0}, (uint64_t{1} << 63) - 1};
      alignas(8) static uint8_t mem[kRandomTraceMemoryBytes];
      for (size_t b = 0; b < sizeof mem; b++) mem[b] = static_cast<uint8_t>((b * 29 + seed + run) & (run & 1 ? 3 : 255));
      std::vector<uint64_t> in(4);
      in[0] = bits_of(mem);
      for (int k = 1; k < 4; k++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        in[k] = run < 3 ? (s >> 40) % 8 : edge[(s >> 33) % 16];
      }
      Runtime rt;
      rt.max_jumps = 1 + run * 2;
      Exit e = run_trace(opt, in, rt);
      if (e.kind != ExitKind::kGuardFailed) continue;
      std::vector<IntRange> ranges = failarg_ranges(opt, e.op, input_ranges);
      // The Jit takes them from one run over all guards.
      ASSERT_EQ(failarg_ranges_of_all(opt, input_ranges)[e.op], ranges) << "seed " << seed << "\n" << print_trace(opt);
      std::vector<Ref> vals = opt.snapshot_values(opt.op(e.op).snapshot);
      ASSERT_EQ(ranges.size(), vals.size());
      // Frames and entries in snapshot order; match each value entry to its failarg.
      const SnapshotTable& st = opt.snapshots();
      auto fids = st.frames_of(opt.op(e.op).snapshot);
      // Store frames (sink) come last and are done, not shown, by the exit.
      size_t language_frames = 0;
      while (language_frames < fids.size() && !is_store_frame(st.frame(fids[language_frames]).kind)) language_frames++;
      ASSERT_EQ(language_frames, e.frames.size());
      for (size_t f = 0; f < language_frames; f++) {
        for (const SnapEntry& en : st.entries(st.frame(fids[f]))) {
          if (!en.ref.is_value()) continue;
          size_t k = std::find(vals.begin(), vals.end(), en.ref) - vals.begin();
          for (const ExitSlot& sl : e.frames[f].slots) {
            if (sl.slot != en.slot || sl.value.type != Type::kInt) continue;
            int64_t v = sl.value.as_int();
            EXPECT_TRUE(ranges[k].lo <= v && v <= ranges[k].hi)
                << "seed " << seed << " run " << run << " guard " << e.op << " value " << v << " not in ["
                << ranges[k].lo << ", " << ranges[k].hi << "]\n"
                << print_trace(opt);
            if (::testing::Test::HasFailure()) return;
          }
        }
      }
    }
  }
}

TEST(JitOptBounds, FailargRangesHoldWhenGuardsFail) {
  expect_failargs_within_ranges(false, seeds(1500));
  expect_failargs_within_ranges(true, seeds(1500));
  expect_failargs_within_ranges(false, seeds(1500), /*known_inputs=*/true);
}

TEST(JitOptBounds, RandomTracesRunAlike) {
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return bounds(t); }, 500, true);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return bounds(t); }, 300, false);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return phis(bounds(peel(t))); }, 500, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
