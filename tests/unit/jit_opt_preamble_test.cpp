// preamble (docs/jit_opt.md, "preamble"): a trace that jumps to a peeled
// loop takes the loop's preamble in and jumps to its body label; the
// passes after it then optimize that preamble with what the trace knows.
#include <gtest/gtest.h>

#include "jit/opt/pipeline.h"
#include "jit/opt/preamble.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::count_labels;
using testing::parse_ok;

// A peeled BF-like loop `[-]` on the cell at i0 of a tape at 4096: the
// preamble runs one iteration and leaves the cell's value to the body.
constexpr const char* kLoop =
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "descr loop = target(args=(i))\n"
    "descr loop_body = target(args=(i, i))\n"
    "[i0]\n"
    "label(i0, descr=loop)\n"
    "i1 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
    "guard_true(i1) [0@1/1: 0=i0]\n"
    "i2 = int_add(i1, 255)\n"
    "i3 = int_and(i2, 255)\n"
    "setarrayitem_raw(4096, i0, i2, descr=cell)\n"
    "label(i0, i3, descr=loop_body)\n"
    "guard_true(i3) [0@1/1: 0=i0]\n"
    "i4 = int_add(i3, 255)\n"
    "i5 = int_and(i4, 255)\n"
    "setarrayitem_raw(4096, i0, i4, descr=cell)\n"
    "jump(i0, i5, descr=loop_body)\n";

// A bridge that sets the cell at i0 + 1 to 7 and enters the loop there.
constexpr const char* kBridge =
    "[i0]\n"
    "i1 = int_add(i0, 1)\n"
    "setarrayitem_raw(4096, i1, 7, descr=cell)\n"
    "jump(i1, descr=loop)\n";

struct Pair {
  Trace loop, bridge;
};

Pair parse_pair(const char* loop, const char* bridge) {
  Trace l = parse_ok(loop);
  ParseResult b = parse_trace(bridge, nullptr, l.shared_descrs());
  EXPECT_TRUE(b.ok()) << b.error.to_string();
  return {std::move(l), b.ok() ? std::move(*b.trace) : Trace()};
}

TEST(JitOptPreamble, TheJumpBecomesThePreambleAndAJumpToTheBody) {
  Pair p = parse_pair(kLoop, kBridge);
  Trace out = inline_preamble(p.bridge, p.loop, 100);
  EXPECT_TRUE(verify(out).ok()) << verify(out).to_string();
  EXPECT_EQ(print_trace(out),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "descr loop_body = target(args=(i, i))\n"
            "[i0]\n"
            "i1 = int_add(i0, 1)\n"
            "setarrayitem_raw(4096, i1, 7, descr=cell)\n"
            "i2 = getarrayitem_raw_i(4096, i1, descr=cell)\n"
            "guard_true(i2) [0@1/1: 0=i1]\n"
            "i3 = int_add(i2, 255)\n"
            "i4 = int_and(i3, 255)\n"
            "setarrayitem_raw(4096, i1, i3, descr=cell)\n"
            "jump(i1, i4, descr=loop_body)\n");
}

TEST(JitOptPreamble, TheBridgePipelineFoldsThePreambleWithWhatTheBridgeStored) {
  Pair p = parse_pair(kLoop, kBridge);
  Options o;
  o.jump_target = &p.loop;
  o.preamble_max_ops = 100;
  o.verify_each = true;
  // The load sees the 7 just stored: the guard holds, the cell's next
  // value is 7 + 255 (stored as a byte: 6), the body gets 6, and the
  // bridge's store of 7 is dead.
  EXPECT_EQ(print_trace(optimize_bridge(p.bridge, o)),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "descr loop_body = target(args=(i, i))\n"
            "[i0]\n"
            "i1 = int_add(i0, 1)\n"
            "setarrayitem_raw(4096, i1, 262, descr=cell)\n"
            "jump(i1, 6, descr=loop_body)\n");
  // Without a target (or with the pass off) the jump stays as it is.
  o.jump_target = nullptr;
  EXPECT_EQ(count_labels(p.bridge), 0);
  Trace same = optimize_bridge(p.bridge, o);
  EXPECT_EQ(same.op(same.num_ops() - 1).descr, p.bridge.op(p.bridge.num_ops() - 1).descr);
}

TEST(JitOptPreamble, RefusesWhatItCannotEnter) {
  Pair p = parse_pair(kLoop, kBridge);
  std::string unchanged = print_trace(p.bridge);
  // A preamble longer than max_ops (it has 5 ops).
  EXPECT_EQ(print_trace(inline_preamble(p.bridge, p.loop, 4)), unchanged);
  EXPECT_NE(print_trace(inline_preamble(p.bridge, p.loop, 5)), unchanged);
  // A loop that was not peeled: no body label to enter.
  Pair unpeeled = parse_pair(
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "descr loop = target(args=(i))\n"
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "i1 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
      "guard_true(i1) [0@1/1: 0=i0]\n"
      "jump(i0, descr=loop)\n",
      kBridge);
  EXPECT_EQ(print_trace(inline_preamble(unpeeled.bridge, unpeeled.loop, 100)), print_trace(unpeeled.bridge));
  EXPECT_FALSE(body_label_after(unpeeled.loop, 1).has_value());
  EXPECT_EQ(body_label_after(p.loop, 1), std::optional<uint32_t>(7));
  // A preamble that read a quasi-immutable field: its guard_not_invalidated
  // checks the loop's own flag, so the copy would miss an invalidation.
  Pair quasi = parse_pair(
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "descr loop = target(args=(i))\n"
      "descr loop_body = target(args=(i))\n"
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "guard_not_invalidated() [0@1/1: 0=i0]\n"
      "label(i0, descr=loop_body)\n"
      "i1 = getarrayitem_raw_i(4096, i0, descr=cell)\n"
      "guard_true(i1) [0@1/1: 0=i0]\n"
      "jump(i0, descr=loop_body)\n",
      kBridge);
  EXPECT_EQ(print_trace(inline_preamble(quasi.bridge, quasi.loop, 100)), print_trace(quasi.bridge));
  // A jump to the trace's own label is its loop, not an entry elsewhere.
  Trace self = parse_ok(kLoop);
  EXPECT_EQ(print_trace(inline_preamble(self, self, 100)), print_trace(self));
}

}  // namespace
}  // namespace pyrite::jit::opt
