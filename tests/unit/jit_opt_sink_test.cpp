// sink (docs/jit_opt.md, "sink"): stores moved past guards into store
// frames, as before/after text, and traces run alike before and after
// (the IR interpreter does a failing guard's store frames), alone and
// after the passes it follows.
#include <gtest/gtest.h>

#include <cstring>

#include "jit/opt/cse.h"
#include "jit/opt/dce.h"
#include "jit/opt/fold.h"
#include "jit/opt/heap.h"
#include "jit/opt/peel.h"
#include "jit/opt/sink.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::parse_ok;

const char* kDescrs =
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "descr f = field(offset=8, type=i, size=8, signed)\n";

TEST(JitOptSink, OverwrittenStoresGoPastGuardsIntoTheirSnapshots) {
  // BF's cell written twice around a guard: the guard carries the first
  // store, only the second is emitted; a store nothing overwrites stays
  // before the guard it meets.
  EXPECT_EQ(testing::apply(sink, std::string(kDescrs) +
                                     "[i0, i1, i2]\n"
                                     "setarrayitem_raw(i0, 3, i1, descr=cell)\n"
                                     "guard_true(i1) [0@1/1: 0=i2]\n"
                                     "setarrayitem_raw(i0, 4, 7, descr=cell)\n"
                                     "setarrayitem_raw(i0, 3, i2, descr=cell)\n"
                                     "guard_false(i2) [0@2/1: 0=i2]\n"
                                     "finish(i2)\n"),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1, i2]\n"
            "guard_true(i1) [0@1/1: 0=i2 | 4294967295@0/3: 0=i0 1=3 2=i1]\n"
            "setarrayitem_raw(i0, 4, 7, descr=cell)\n"
            "setarrayitem_raw(i0, 3, i2, descr=cell)\n"
            "guard_false(i2) [0@2/1: 0=i2]\n"
            "finish(i2)\n");
}

TEST(JitOptSink, LoadsThatMayAliasAndHeapReadingGuardsFlushFirst) {
  EXPECT_EQ(testing::apply(sink, std::string(kDescrs) +
                                     "[p0, p1, i2]\n"
                                     "setfield_gc(p0, i2, descr=f)\n"
                                     "guard_true(i2) [0@1/1: 0=i2]\n"
                                     "setfield_gc(p0, 7, descr=f)\n"
                                     "i3 = getfield_gc_i(p1, descr=f)\n"  // p1 may be p0
                                     "setfield_gc(p0, i3, descr=f)\n"
                                     "guard_class(p0, 1, descr=f) [0@2/1: 0=i2]\n"  // reads the heap
                                     "finish(i3)\n"),
            "descr f = field(offset=8, type=i, size=8, signed)\n"
            "[p0, p1, i2]\n"
            "guard_true(i2) [0@1/1: 0=i2 | 4294967294@1/2: 0=p0 1=i2]\n"
            "setfield_gc(p0, 7, descr=f)\n"
            "i3 = getfield_gc_i(p1, descr=f)\n"
            "setfield_gc(p0, i3, descr=f)\n"
            "guard_class(p0, 1, descr=f) [0@2/1: 0=i2]\n"
            "finish(i3)\n");
}

// A peeled loop's preamble that leaves cell 5 at 0, up to its body label.
#define SCRATCH_PREAMBLE \
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n" \
    "descr loop = target(args=(i, i))\n" \
    "descr body = target(args=(i, i))\n" \
    "[i0, i1]\n" \
    "label(i0, i1, descr=loop)\n" \
    "setarrayitem_raw(i0, 5, 0, descr=cell)\n" \
    "guard_true(i1) [0@1/1: 0=i1]\n" \
    "label(i0, i1, descr=body)\n"

// A peeled loop whose preamble leaves cell 5 at 0 and whose body sets it
// to 1 and back to 0 at every iteration (BF's scratch cells).
const char* kScratchLoop =
    SCRATCH_PREAMBLE
    "setarrayitem_raw(i0, 5, 1, descr=cell)\n"
    "i2 = int_sub(i1, 1)\n"
    "guard_true(i2) [0@2/1: 0=i2]\n"
    "setarrayitem_raw(i0, 5, 256, descr=cell)\n"
    "jump(i0, i2, descr=body)\n";

// `out` runs like `t` for 1, 2, 3 and 10 iterations (inputs: memory, n).
void expect_loop_runs_alike(const Trace& t, const Trace& out) {
  for (uint64_t n : {1, 2, 3, 10}) {
    std::vector<uint8_t> memory(kRandomTraceMemoryBytes, 9);
    testing::expect_same_run(t, out, {0, n}, memory, 50, "n = " + std::to_string(n));
  }
}

TEST(JitOptSink, StoresOfWhatTheBodyEntersWithGo) {
  // The 1 goes into the guard's store frame; the 256 (0 as a byte) is
  // what every iteration finds there already: not stored at all.
  std::string out = testing::apply(sink, kScratchLoop);
  std::string body = out.substr(out.rfind("label("));
  EXPECT_EQ(body,
            "label(i0, i1, descr=body)\n"
            "i2 = int_sub(i1, 1)\n"
            "guard_true(i2) [0@2/1: 0=i2 | 4294967295@0/3: 0=i0 1=5 2=1]\n"
            "jump(i0, i2, descr=body)\n");
  Trace t = parse_ok(kScratchLoop);
  expect_loop_runs_alike(t, sink(t));
}

TEST(JitOptSink, AFactTheBodyBreaksIsNotUsed) {
  // The body would drop its store of 0 (the preamble's value, before a
  // load that needs it done), but later stores 7 on the main path: the
  // next iteration would not enter with 0. sink runs again without it.
  const char* text =
      SCRATCH_PREAMBLE
      "setarrayitem_raw(i0, 5, 0, descr=cell)\n"
      "i2 = getarrayitem_raw_i(i0, 5, descr=cell)\n"
      "i3 = int_sub(i1, 1)\n"
      "guard_true(i3) [0@2/1: 0=i3]\n"
      "setarrayitem_raw(i0, 5, 7, descr=cell)\n"
      "jump(i0, i3, descr=body)\n";
  Trace t = parse_ok(text);
  Trace out = sink(t);
  std::string body = print_trace(out).substr(print_trace(out).rfind("label("));
  EXPECT_NE(body.find("setarrayitem_raw(i0, 5, 0, descr=cell)"), std::string::npos) << body;
  expect_loop_runs_alike(t, out);
}

TEST(JitOptSink, RandomTracesRunAlike) {
  // Memory at a few constant cells, so that stores overwrite each other
  // across guards and sink has work; and the usual traces.
  int sunk = 0;
  for (uint64_t seed = 1; seed <= 400; seed++) {
    RandomTraceOptions o;
    o.const_index_cells = 2 + static_cast<int>(seed % 6);
    sunk += print_trace(sink(random_trace(seed, o))).find("4294967295@") != std::string::npos;
  }
  EXPECT_GT(sunk, 20);
  for (int cells : {3, 8}) {
    testing::expect_pass_preserves_random_traces(sink, 400, true, cells);
    testing::expect_pass_preserves_random_traces(sink, 400, false, cells);
    testing::expect_pass_preserves_random_traces([](const Trace& t) { return dce(sink(heap(fold(t)))); }, 400,
                                                 true, cells);
    testing::expect_pass_preserves_random_traces([](const Trace& t) { return dce(sink(heap(cse(peel(t))))); },
                                                 400, true, cells);
  }
  testing::expect_pass_preserves_random_traces(sink, 200, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
