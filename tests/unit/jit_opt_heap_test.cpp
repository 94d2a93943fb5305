// heap (docs/jit_opt.md, "heap"): load/store forwarding, redundant loads
// and stores, lazy stores and dead stores, aliasing, calls, arraylen_gc.
#include <gtest/gtest.h>

#include "jit/opt/dce.h"
#include "jit/opt/fold.h"
#include "jit/opt/heap.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;

const char* kDescrs =
    "descr f = field(offset=8, type=i, size=8, signed)\n"
    "descr g = field(offset=16, type=i, size=8, signed)\n"
    "descr imm = field(offset=24, type=i, size=8, signed, immutable)\n"
    "descr arr = array(offset=8, type=i, size=8, signed, length=0)\n"
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "descr sbyte = array(offset=0, type=i, size=1, signed)\n"
    "descr word = array(offset=0, type=i, size=8, signed)\n"
    "descr wr = call(fn=0x1000, args=(i), result=v, effects=(writes))\n"
    "descr rd = call(fn=0x1000, args=(i), result=i, effects=(reads))\n";

std::string heap_text(const std::string& body) { return testing::apply(heap, kDescrs + body); }
std::string with(const std::string& descrs, const std::string& body) { return descrs + body; }

TEST(JitOptHeap, RepeatedLoadsAndStoreToLoadForwarding) {
  EXPECT_EQ(heap_text("[p0, p1, i2]\n"
                      "i3 = getfield_gc_i(p0, descr=f)\n"
                      "i4 = getfield_gc_i(p0, descr=f)\n"
                      "setfield_gc(p1, i2, descr=g)\n"
                      "i5 = getfield_gc_i(p1, descr=g)\n"
                      "i6 = getfield_gc_i(p0, descr=f)\n"   // g's store cannot touch f
                      "finish(i3, i4, i5, i6)\n"),
            with("descr f = field(offset=8, type=i, size=8, signed)\n"
                 "descr g = field(offset=16, type=i, size=8, signed)\n",
                 "[p0, p1, i2]\n"
                 "i3 = getfield_gc_i(p0, descr=f)\n"
                 "setfield_gc(p1, i2, descr=g)\n"
                 "finish(i3, i3, i2, i3)\n"));
}

TEST(JitOptHeap, StoreToAnotherObjectOfTheSameFieldMayAlias) {
  EXPECT_EQ(heap_text("[p0, p1, i2]\n"
                      "i3 = getfield_gc_i(p0, descr=f)\n"
                      "setfield_gc(p1, i2, descr=f)\n"
                      "i4 = getfield_gc_i(p0, descr=f)\n"
                      "finish(i3, i4)\n"),
            with("descr f = field(offset=8, type=i, size=8, signed)\n",
                 "[p0, p1, i2]\n"
                 "i3 = getfield_gc_i(p0, descr=f)\n"
                 "setfield_gc(p1, i2, descr=f)\n"
                 "i4 = getfield_gc_i(p0, descr=f)\n"
                 "finish(i3, i4)\n"));
}

TEST(JitOptHeap, ConstantIndexesAndOffsetsOfOneRootDoNotAlias) {
  EXPECT_EQ(heap_text("[p0, i1, i2]\n"
                      "i3 = getarrayitem_gc_i(p0, 0, descr=arr)\n"
                      "setarrayitem_gc(p0, 1, i2, descr=arr)\n"
                      "i4 = getarrayitem_gc_i(p0, 0, descr=arr)\n"
                      "i5 = int_add(i1, 1)\n"
                      "i6 = getarrayitem_gc_i(p0, i5, descr=arr)\n"
                      "setarrayitem_gc(p0, i1, i2, descr=arr)\n"      // i1 vs i1+1: different
                      "i7 = getarrayitem_gc_i(p0, i5, descr=arr)\n"
                      "i8 = getarrayitem_gc_i(p0, 0, descr=arr)\n"    // i1 may be 0
                      "finish(i3, i4, i6, i7, i8)\n"),
            with("descr arr = array(offset=8, type=i, size=8, signed, length=0)\n",
                 "[p0, i1, i2]\n"
                 "i3 = getarrayitem_gc_i(p0, 0, descr=arr)\n"
                 "i4 = int_add(i1, 1)\n"                              // the store waits...
                 "setarrayitem_gc(p0, 1, i2, descr=arr)\n"            // ...for a load that may alias it
                 "i5 = getarrayitem_gc_i(p0, i4, descr=arr)\n"
                 "setarrayitem_gc(p0, i1, i2, descr=arr)\n"
                 "i6 = getarrayitem_gc_i(p0, 0, descr=arr)\n"
                 "finish(i3, i3, i5, i5, i6)\n"));
}

TEST(JitOptHeap, NarrowStoresAreTruncatedWhenForwarded) {
  EXPECT_EQ(heap_text("[i0, i1, i2]\n"
                      "setarrayitem_raw(i0, i1, i2, descr=cell)\n"
                      "i3 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                      "i4 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                      "setarrayitem_raw(i0, 7, 300, descr=cell)\n"
                      "i5 = getarrayitem_raw_i(i0, 7, descr=cell)\n"
                      "setarrayitem_raw(i0, 9, 255, descr=sbyte)\n"
                      "i6 = getarrayitem_raw_i(i0, 9, descr=sbyte)\n"
                      "finish(i3, i4, i5, i6)\n"),
            with("descr cell = array(offset=0, type=i, size=1, unsigned)\n"
                 "descr sbyte = array(offset=0, type=i, size=1, signed)\n",
                 "[i0, i1, i2]\n"
                 "i3 = int_and(i2, 255)\n"
                 "setarrayitem_raw(i0, i1, i2, descr=cell)\n"
                 "setarrayitem_raw(i0, 7, 300, descr=cell)\n"
                 "setarrayitem_raw(i0, 9, 255, descr=sbyte)\n"
                 "finish(i3, i3, 44, -1)\n"));
}

TEST(JitOptHeap, RawDescrsOverlapUnlessTheirBytesDiffer) {
  // A word store covers bytes 0..7: the byte load at 3 sees it, the one at 8 does not.
  EXPECT_EQ(heap_text("[i0, i1]\n"
                      "i2 = getarrayitem_raw_i(i0, 3, descr=cell)\n"
                      "i3 = getarrayitem_raw_i(i0, 8, descr=cell)\n"
                      "setarrayitem_raw(i0, 0, i1, descr=word)\n"
                      "i4 = getarrayitem_raw_i(i0, 3, descr=cell)\n"
                      "i5 = getarrayitem_raw_i(i0, 8, descr=cell)\n"
                      "finish(i2, i3, i4, i5)\n"),
            with("descr cell = array(offset=0, type=i, size=1, unsigned)\n"
                 "descr word = array(offset=0, type=i, size=8, signed)\n",
                 "[i0, i1]\n"
                 "i2 = getarrayitem_raw_i(i0, 3, descr=cell)\n"
                 "i3 = getarrayitem_raw_i(i0, 8, descr=cell)\n"
                 "setarrayitem_raw(i0, 0, i1, descr=word)\n"
                 "i4 = getarrayitem_raw_i(i0, 3, descr=cell)\n"
                 "finish(i2, i3, i4, i3)\n"));
}

TEST(JitOptHeap, DeadStoresGoButStoresBeforeGuardsStay) {
  EXPECT_EQ(heap_text("[p0, i1, i2]\n"
                      "setfield_gc(p0, i1, descr=f)\n"
                      "setfield_gc(p0, i2, descr=f)\n"      // the first store is dead
                      "guard_true(i1) [0@1/1: 0=i1]\n"      // the interpreter may read f: flushed
                      "setfield_gc(p0, i1, descr=f)\n"
                      "i3 = int_add(i1, 1)\n"
                      "setfield_gc(p0, i3, descr=f)\n"
                      "finish(i3)\n"),
            with("descr f = field(offset=8, type=i, size=8, signed)\n",
                 "[p0, i1, i2]\n"
                 "setfield_gc(p0, i2, descr=f)\n"
                 "guard_true(i1) [0@1/1: 0=i1]\n"
                 "i3 = int_add(i1, 1)\n"
                 "setfield_gc(p0, i3, descr=f)\n"
                 "finish(i3)\n"));
}

TEST(JitOptHeap, StoringTheKnownValueIsRedundant) {
  EXPECT_EQ(heap_text("[p0, i1]\n"
                      "i2 = getfield_gc_i(p0, descr=f)\n"
                      "setfield_gc(p0, i2, descr=f)\n"
                      "setfield_gc(p0, i1, descr=g)\n"
                      "guard_true(i1) [0@1/1: 0=i1]\n"
                      "setfield_gc(p0, i1, descr=g)\n"
                      "finish(i2)\n"),
            with("descr f = field(offset=8, type=i, size=8, signed)\n"
                 "descr g = field(offset=16, type=i, size=8, signed)\n",
                 "[p0, i1]\n"
                 "i2 = getfield_gc_i(p0, descr=f)\n"
                 "setfield_gc(p0, i1, descr=g)\n"
                 "guard_true(i1) [0@1/1: 0=i1]\n"
                 "finish(i2)\n"));
}

TEST(JitOptHeap, CallsInvalidateByTheirEffects) {
  EXPECT_EQ(heap_text("[p0, i1]\n"
                      "i2 = getfield_gc_i(p0, descr=f)\n"
                      "i3 = getfield_gc_i(p0, descr=imm)\n"
                      "i4 = arraylen_gc(p0, descr=arr)\n"
                      "setfield_gc(p0, i1, descr=g)\n"
                      "i5 = call_i(i1, descr=rd)\n"         // reads: store flushed before it, cache kept
                      "i6 = getfield_gc_i(p0, descr=f)\n"
                      "call_n(i1, descr=wr)\n"              // writes: f and g are gone, imm and the length stay
                      "i7 = getfield_gc_i(p0, descr=f)\n"
                      "i8 = getfield_gc_i(p0, descr=g)\n"
                      "i9 = getfield_gc_i(p0, descr=imm)\n"
                      "i10 = arraylen_gc(p0, descr=arr)\n"
                      "finish(i2, i3, i4, i5, i6, i7, i8, i9, i10)\n"),
            with("descr f = field(offset=8, type=i, size=8, signed)\n"
                 "descr imm = field(offset=24, type=i, size=8, signed, immutable)\n"
                 "descr arr = array(offset=8, type=i, size=8, signed, length=0)\n"
                 "descr g = field(offset=16, type=i, size=8, signed)\n"
                 "descr rd = call(fn=0x1000, args=(i), result=i, effects=(reads))\n"
                 "descr wr = call(fn=0x1000, args=(i), result=v, effects=(writes))\n",
                 "[p0, i1]\n"
                 "i2 = getfield_gc_i(p0, descr=f)\n"
                 "i3 = getfield_gc_i(p0, descr=imm)\n"
                 "i4 = arraylen_gc(p0, descr=arr)\n"
                 "setfield_gc(p0, i1, descr=g)\n"
                 "i5 = call_i(i1, descr=rd)\n"
                 "call_n(i1, descr=wr)\n"
                 "i6 = getfield_gc_i(p0, descr=f)\n"
                 "i7 = getfield_gc_i(p0, descr=g)\n"
                 "finish(i2, i3, i4, i5, i2, i6, i7, i3, i4)\n"));
}

TEST(JitOptHeap, PendingStoresFlushBeforeAnAliasingLoadAndBeforeOverflowOps) {
  EXPECT_EQ(heap_text("[p0, p1, i2]\n"
                      "setfield_gc(p0, i2, descr=f)\n"
                      "i3 = getfield_gc_i(p1, descr=f)\n"   // may be p0's: the store goes first
                      "setfield_gc(p0, i3, descr=g)\n"
                      "i4 = int_add_ovf(i3, 1)\n"
                      "guard_no_overflow() [0@1/1: 0=i2]\n"
                      "finish(i4)\n"),
            with("descr f = field(offset=8, type=i, size=8, signed)\n"
                 "descr g = field(offset=16, type=i, size=8, signed)\n",
                 "[p0, p1, i2]\n"
                 "setfield_gc(p0, i2, descr=f)\n"
                 "i3 = getfield_gc_i(p1, descr=f)\n"
                 "setfield_gc(p0, i3, descr=g)\n"
                 "i4 = int_add_ovf(i3, 1)\n"
                 "guard_no_overflow() [0@1/1: 0=i2]\n"
                 "finish(i4)\n"));
}

TEST(JitOptHeap, RandomTracesRunAlike) {
  testing::expect_pass_preserves_random_traces(heap, 400, true);
  testing::expect_pass_preserves_random_traces(heap, 400, false);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return dce(heap(fold(t))); }, 400, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
