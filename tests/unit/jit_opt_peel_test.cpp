// peel (docs/jit_opt.md, "peel"): the preamble once, then a body that
// reuses what the preamble computed on loop-invariant values, carries
// cells across the back edge, and drops guards the preamble passed.
#include <gtest/gtest.h>

#include "jit/opt/dce.h"
#include "jit/opt/peel.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;

TEST(JitOptPeel, InvariantWorkRunsOnceAndTravelsAsLabelOperands) {
  EXPECT_EQ(apply(peel,
                  "descr f = field(offset=8, type=i, size=8, signed)\n"
                  "descr loop = target(args=(r, i))\n"
                  "[p0, i1]\n"
                  "label(p0, i1, descr=loop)\n"
                  "guard_nonnull(p0) [0@1/2: 0=p0 1=i1]\n"
                  "i2 = getfield_gc_i(p0, descr=f)\n"
                  "i3 = int_mul(i2, 3)\n"
                  "i4 = int_add(i1, i3)\n"
                  "i5 = int_lt(i4, 100)\n"
                  "guard_true(i5) [0@2/2: 0=p0 1=i4]\n"
                  "jump(p0, i4, descr=loop)\n"),
            "descr loop = target(args=(r, i))\n"
            "descr f = field(offset=8, type=i, size=8, signed)\n"
            "descr loop_body = target(args=(r, i, i))\n"
            "[p0, i1]\n"
            "label(p0, i1, descr=loop)\n"
            "guard_nonnull(p0) [0@1/2: 0=p0 1=i1]\n"
            "i2 = getfield_gc_i(p0, descr=f)\n"
            "i3 = int_mul(i2, 3)\n"
            "i4 = int_add(i1, i3)\n"
            "i5 = int_lt(i4, 100)\n"
            "guard_true(i5) [0@2/2: 0=p0 1=i4]\n"
            "label(p0, i4, i3, descr=loop_body)\n"
            "i6 = int_add(i4, i3)\n"
            "i7 = int_lt(i6, 100)\n"
            "guard_true(i7) [0@2/2: 0=p0 1=i6]\n"
            "jump(p0, i6, i3, descr=loop_body)\n");
}

TEST(JitOptPeel, LoadsOfWrittenLocationsAndAfterCallsAreNotInvariant) {
  EXPECT_EQ(apply(peel,
                  "descr f = field(offset=8, type=i, size=8, signed)\n"
                  "descr g = field(offset=16, type=i, size=8, signed)\n"
                  "descr imm = field(offset=24, type=i, size=8, signed, immutable)\n"
                  "descr wr = call(fn=0x1000, args=(i), result=v, effects=(writes))\n"
                  "[p0, p1, i2]\n"
                  "label(p0, p1, i2)\n"
                  "i3 = getfield_gc_i(p0, descr=f)\n"   // p1.f may be p0.f
                  "i4 = getfield_gc_i(p0, descr=g)\n"   // the call may write it
                  "i5 = getfield_gc_i(p0, descr=imm)\n" // immutable: invariant
                  "i6 = int_add(i2, i3)\n"
                  "i7 = int_add(i6, i4)\n"
                  "i8 = int_add(i7, i5)\n"
                  "setfield_gc(p1, i8, descr=f)\n"
                  "call_n(i8, descr=wr)\n"
                  "jump(p0, p1, i8)\n"),
            "descr f = field(offset=8, type=i, size=8, signed)\n"
            "descr g = field(offset=16, type=i, size=8, signed)\n"
            "descr imm = field(offset=24, type=i, size=8, signed, immutable)\n"
            "descr wr = call(fn=0x1000, args=(i), result=v, effects=(writes))\n"
            "[p0, p1, i2]\n"
            "label(p0, p1, i2)\n"
            "i3 = getfield_gc_i(p0, descr=f)\n"
            "i4 = getfield_gc_i(p0, descr=g)\n"
            "i5 = getfield_gc_i(p0, descr=imm)\n"
            "i6 = int_add(i2, i3)\n"
            "i7 = int_add(i6, i4)\n"
            "i8 = int_add(i7, i5)\n"
            "setfield_gc(p1, i8, descr=f)\n"
            "call_n(i8, descr=wr)\n"
            "label(p0, p1, i8, i5)\n"
            "i9 = getfield_gc_i(p0, descr=f)\n"
            "i10 = getfield_gc_i(p0, descr=g)\n"
            "i11 = int_add(i8, i9)\n"
            "i12 = int_add(i11, i10)\n"
            "i13 = int_add(i12, i5)\n"
            "setfield_gc(p1, i13, descr=f)\n"
            "call_n(i13, descr=wr)\n"
            "jump(p0, p1, i13, i5)\n");
}

TEST(JitOptPeel, BfCellsTravelAcrossTheBackEdge) {
  // [->+<] after fold/cse/heap: the pointer i0 is invariant, so are the
  // bounds checks; the two cells become phis and only the stores remain.
  EXPECT_EQ(apply(peel,
                  "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
                  "descr loop0 = target(args=(i))\n"
                  "[i0]\n"
                  "label(i0, descr=loop0)\n"
                  "i1 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
                  "i2 = int_add(i1, 255)\n"
                  "i3 = int_add(i0, 1)\n"
                  "i4 = uint_lt(i3, 67108864)\n"
                  "setarrayitem_raw(4096, i0, i2, descr=cell)\n"
                  "guard_true(i4) [0@1/1: 0=i0]\n"
                  "i5 = getarrayitem_raw_i(4096, i3, descr=cell)\n"
                  "i6 = int_add(i5, 1)\n"
                  "i7 = uint_lt(i0, 67108864)\n"
                  "setarrayitem_raw(4096, i3, i6, descr=cell)\n"
                  "guard_true(i7) [0@3/1: 0=i3]\n"
                  "i8 = int_and(i2, 255)\n"
                  "guard_true(i8) [0@4/1: 0=i0]\n"
                  "jump(i0, descr=loop0)\n"),
            "descr loop0 = target(args=(i))\n"
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "descr loop0_body = target(args=(i, i, i, i))\n"
            "[i0]\n"
            "label(i0, descr=loop0)\n"
            "i1 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
            "i2 = int_add(i1, 255)\n"
            "i3 = int_add(i0, 1)\n"
            "i4 = uint_lt(i3, 67108864)\n"
            "setarrayitem_raw(4096, i0, i2, descr=cell)\n"
            "guard_true(i4) [0@1/1: 0=i0]\n"
            "i5 = getarrayitem_raw_i(4096, i3, descr=cell)\n"
            "i6 = int_add(i5, 1)\n"
            "i7 = uint_lt(i0, 67108864)\n"
            "setarrayitem_raw(4096, i3, i6, descr=cell)\n"
            "guard_true(i7) [0@3/1: 0=i3]\n"
            "i8 = int_and(i2, 255)\n"
            "guard_true(i8) [0@4/1: 0=i0]\n"
            "i9 = int_and(i2, 255)\n"
            "i10 = int_and(i6, 255)\n"
            "label(i0, i3, i9, i10, descr=loop0_body)\n"
            "i11 = int_add(i9, 255)\n"
            "setarrayitem_raw(4096, i0, i11, descr=cell)\n"
            "i12 = int_add(i10, 1)\n"
            "setarrayitem_raw(4096, i3, i12, descr=cell)\n"
            "i13 = int_and(i11, 255)\n"
            "guard_true(i13) [0@4/1: 0=i0]\n"
            "i14 = int_and(i11, 255)\n"
            "i15 = int_and(i12, 255)\n"
            "jump(i0, i3, i14, i15, descr=loop0_body)\n");
}

TEST(JitOptPeel, AStoreThroughAnUnknownIndexStopsTheCarry) {
  EXPECT_EQ(apply(peel,
                  "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
                  "[i0, i1]\n"
                  "label(i0, i1)\n"
                  "i2 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
                  "setarrayitem_raw(4096, i1, 7, descr=cell)\n"
                  "i3 = int_add(i2, 1)\n"
                  "setarrayitem_raw(4096, i0, i3, descr=cell)\n"
                  "i4 = int_add(i1, 1)\n"
                  "jump(i0, i4)\n"),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1]\n"
            "label(i0, i1)\n"
            "i2 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
            "setarrayitem_raw(4096, i1, 7, descr=cell)\n"
            "i3 = int_add(i2, 1)\n"
            "setarrayitem_raw(4096, i0, i3, descr=cell)\n"
            "i4 = int_add(i1, 1)\n"
            "label(i0, i4)\n"
            "i5 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
            "setarrayitem_raw(4096, i4, 7, descr=cell)\n"
            "i6 = int_add(i5, 1)\n"
            "setarrayitem_raw(4096, i0, i6, descr=cell)\n"
            "i7 = int_add(i4, 1)\n"
            "jump(i0, i7)\n");
}

TEST(JitOptPeel, OtherShapesAreLeftAlone) {
  const char* straight =
      "[i0]\n"
      "i1 = int_add(i0, 1)\n"
      "finish(i1)\n";
  EXPECT_EQ(apply(peel, straight), print_trace(testing::parse_ok(straight)));
  const char* jump_out =
      "descr other = target(args=(i))\n"
      "descr loop = target(args=(i))\n"
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "i1 = int_add(i0, 1)\n"
      "jump(i1, descr=other)\n";
  EXPECT_EQ(apply(peel, jump_out), print_trace(testing::parse_ok(jump_out)));
}

TEST(JitOptPeel, RandomLoopsRunAlike) {
  testing::expect_pass_preserves_random_traces(peel, 500, true);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return dce(peel(t)); }, 500, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
