// dce (docs/jit_opt.md, "dce"): unused removable ops go; guards, stores,
// calls with effects, *_ovf ops and whatever a kept snapshot lists stay,
// except stores overwritten before anything could see them.
#include <gtest/gtest.h>

#include "jit/opt/dce.h"
#include "jit/opt/fold.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;

TEST(JitOptDce, UnusedPureOpsAndLoadsGoWhatSnapshotsNeedStays) {
  EXPECT_EQ(apply(dce,
                  "descr f = field(offset=8, type=i, size=8, signed)\n"
                  "descr pure = call(fn=0x1000, args=(i), result=i, effects=(pure))\n"
                  "descr wr = call(fn=0x1000, args=(i), result=i, effects=(writes))\n"
                  "descr sz = size(size=16)\n"
                  "[p0, i1]\n"
                  "i2 = int_add(i1, 1)\n"                 // unused: goes
                  "i3 = getfield_gc_i(p0, descr=f)\n"     // unused load: goes
                  "i4 = int_mul(i1, 3)\n"                 // only in a snapshot: stays
                  "i5 = int_sub(i4, 1)\n"                 // only in a virtual of a snapshot: stays
                  "i6 = call_pure_i(i1, descr=pure)\n"    // unused pure call: goes
                  "i7 = call_i(i1, descr=wr)\n"           // writes: stays
                  "p8 = new(descr=sz)\n"                  // unused allocation: goes
                  "i9 = int_add_ovf(i1, 2)\n"             // read by its guard: stays
                  "guard_no_overflow() [0@1/2: 0=i4 1=v0 | v0=new(sz) f=i5]\n"
                  "setfield_gc(p0, i1, descr=f)\n"
                  "finish(i1)\n"),
            "descr wr = call(fn=0x1000, args=(i), result=i, effects=(writes))\n"
            "descr sz = size(size=16)\n"
            "descr f = field(offset=8, type=i, size=8, signed)\n"
            "[p0, i1]\n"
            "i2 = int_mul(i1, 3)\n"
            "i3 = int_sub(i2, 1)\n"
            "i4 = call_i(i1, descr=wr)\n"
            "i5 = int_add_ovf(i1, 2)\n"
            "guard_no_overflow() [0@1/2: 0=i2 1=v0 | v0=new(sz) f=i3]\n"
            "setfield_gc(p0, i1, descr=f)\n"
            "finish(i1)\n");
}

TEST(JitOptDce, LabelOperandsAndWhatTheLoopCarriesStay) {
  // i3 is used only by the jump, i2 only through i3: both stay; i4 goes.
  EXPECT_EQ(apply(dce,
                  "[i0, i1]\n"
                  "label(i0, i1)\n"
                  "i2 = int_add(i1, 1)\n"
                  "i3 = int_mul(i2, 2)\n"
                  "i4 = int_sub(i0, 1)\n"
                  "jump(i0, i3)\n"),
            "[i0, i1]\n"
            "label(i0, i1)\n"
            "i2 = int_add(i1, 1)\n"
            "i3 = int_mul(i2, 2)\n"
            "jump(i0, i3)\n");
}

TEST(JitOptDce, FoldThenDceLeavesNoDeadChains) {
  // Folding leaves the ops it replaced behind; dce removes the whole chain.
  EXPECT_EQ(print_trace(dce(fold(testing::parse_ok("[i0]\n"
                                                   "i1 = int_add(i0, 5)\n"
                                                   "i2 = int_add(i1, -5)\n"
                                                   "i3 = int_is_zero(i2)\n"
                                                   "i4 = int_is_zero(i3)\n"
                                                   "guard_true(i4) [0@0/1: 0=i2]\n"
                                                   "finish(i2)\n")))),
            "[i0]\n"
            "i1 = int_is_true(i0)\n"
            "guard_true(i1) [0@0/1: 0=i0]\n"
            "finish(i0)\n");
}

TEST(JitOptDce, StoresOverwrittenBeforeAnythingSeesThemGo) {
  // The cell at i0 is stored three times: the first goes (the second
  // overwrites it, with only a store elsewhere and a pure op between); the
  // second stays (a guard's exit would see it); the third stays (the
  // finish). The cell at i0+1 is stored, read back by a load that may
  // alias (i0 + i1), and stored again: both stay. The cell at i0+2 is
  // stored, then a load of i0+3 (no alias), then stored again: the first
  // goes.
  EXPECT_EQ(apply(dce,
                  "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
                  "[i0, i1]\n"
                  "setarrayitem_raw(4096, i0, 1, descr=cell)\n"
                  "i2 = int_add(i0, 1)\n"
                  "setarrayitem_raw(4096, i2, 5, descr=cell)\n"
                  "setarrayitem_raw(4096, i0, 2, descr=cell)\n"
                  "guard_true(i1) [0@1/1: 0=i0]\n"
                  "i3 = int_add(i0, i1)\n"
                  "i4 = getarrayitem_raw_i(4096, i3, descr=cell)\n"
                  "setarrayitem_raw(4096, i2, i4, descr=cell)\n"
                  "i5 = int_add(i0, 2)\n"
                  "setarrayitem_raw(4096, i5, 7, descr=cell)\n"
                  "i6 = int_add(i0, 3)\n"
                  "i7 = getarrayitem_raw_i(4096, i6, descr=cell)\n"
                  "setarrayitem_raw(4096, i5, i7, descr=cell)\n"
                  "setarrayitem_raw(4096, i0, 3, descr=cell)\n"
                  "finish()\n"),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1]\n"
            "i2 = int_add(i0, 1)\n"
            "setarrayitem_raw(4096, i2, 5, descr=cell)\n"
            "setarrayitem_raw(4096, i0, 2, descr=cell)\n"
            "guard_true(i1) [0@1/1: 0=i0]\n"
            "i3 = int_add(i0, i1)\n"
            "i4 = getarrayitem_raw_i(4096, i3, descr=cell)\n"
            "setarrayitem_raw(4096, i2, i4, descr=cell)\n"
            "i5 = int_add(i0, 2)\n"
            "i6 = int_add(i0, 3)\n"
            "i7 = getarrayitem_raw_i(4096, i6, descr=cell)\n"
            "setarrayitem_raw(4096, i5, i7, descr=cell)\n"
            "setarrayitem_raw(4096, i0, 3, descr=cell)\n"
            "finish()\n");
}

TEST(JitOptDce, RandomTracesRunAlike) {
  testing::expect_pass_preserves_random_traces(dce, 300, true);
  testing::expect_pass_preserves_random_traces(dce, 300, false);
}

}  // namespace
}  // namespace pyrite::jit::opt
