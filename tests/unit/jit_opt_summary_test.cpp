// Loop summaries (docs/jit_opt.md, "Loop summaries"): the summary of a
// recorded loop, checked as text, against the loop itself under the IR
// interpreter (memory and exit state, for every entry value of the
// counter), and on the loops it must refuse.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_printer.h"
#include "jit/opt/summary.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::parse_ok;

// BF's `[->+<]` as the recorder closes it, with the tape base an inputarg
// (i0) so that the tests give it their own memory.
const char* kMoveLoop =
    "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
    "descr loop = target(args=(i, i))\n"
    "[i0, i1]\n"
    "label(i0, i1, descr=loop)\n"
    "debug_merge_point(0, 1)\n"
    "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
    "i3 = int_add(i2, 255)\n"
    "setarrayitem_raw(i0, i1, i3, descr=cell)\n"
    "debug_merge_point(0, 2)\n"
    "i4 = int_add(i1, 1)\n"
    "i5 = uint_lt(i4, 64)\n"
    "guard_true(i5) [0@2/1: 0=i1]\n"
    "debug_merge_point(0, 3)\n"
    "i6 = getarrayitem_raw_i(i0, i4, descr=cell)\n"
    "i7 = int_add(i6, 1)\n"
    "setarrayitem_raw(i0, i4, i7, descr=cell)\n"
    "debug_merge_point(0, 4)\n"
    "i8 = int_add(i4, -1)\n"
    "i9 = uint_lt(i8, 64)\n"
    "guard_true(i9) [0@4/1: 0=i4]\n"
    "debug_merge_point(0, 5)\n"
    "i10 = getarrayitem_raw_i(i0, i8, descr=cell)\n"
    "guard_true(i10) [0@5/1: 0=i8]\n"
    "jump(i0, i8, descr=loop)\n";

std::string print_summary(const LoopSummary& s) {
  std::string out = print_trace(s.ops);
  for (const LoopSummary::Frame& f : s.frames) {
    out += "exit frame " + std::to_string(f.kind) + "@" + std::to_string(f.pc) + "/" +
           std::to_string(f.size) + ":";
    for (uint16_t slot : f.slots) out += " " + std::to_string(slot);
    out += "\n";
  }
  return out;
}

TEST(JitOptSummary, MoveLoopIsAddAndClear) {
  std::optional<LoopSummary> s = summarize(parse_ok(kMoveLoop));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(print_summary(*s),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1]\n"
            "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
            "i3 = int_add(i1, 1)\n"
            "i4 = uint_lt(i3, 64)\n"
            "guard_true(i4) [0@5/1:]\n"
            "i5 = getarrayitem_raw_i(i0, i3, descr=cell)\n"
            "i6 = uint_lt(i1, 64)\n"
            "guard_true(i6) [0@5/1:]\n"
            // T = x0 (the counter steps by -1), the other cell gains T
            "guard_true(i2) [0@5/1:]\n"
            "setarrayitem_raw(i0, i1, 0, descr=cell)\n"
            "i7 = int_add(i5, i2)\n"
            "setarrayitem_raw(i0, i3, i7, descr=cell)\n"
            "finish(i1)\n"
            "exit frame 0@5/1: 0\n");
}

// Runs `loop` from its label with the tape at `memory` and the pointer at
// `ptr`, then the summary from the same state, and compares the memory
// and the exit (the summary's finish values are the exit's slot values).
void expect_summary_runs_like_loop(const Trace& loop, const LoopSummary& s, std::vector<uint8_t> memory,
                                   uint64_t ptr, const std::string& what) {
  alignas(8) static uint8_t mem[64];
  std::memcpy(mem, memory.data(), sizeof mem);
  std::vector<uint64_t> in{bits_of(mem), ptr};
  Runtime rt;
  rt.max_jumps = 1 << 20;
  Exit a = run_trace(loop, in, rt);
  uint8_t after_loop[64];
  std::memcpy(after_loop, mem, sizeof mem);
  std::memcpy(mem, memory.data(), sizeof mem);
  Exit b = run_trace(s.ops, in, rt);
  ASSERT_EQ(a.kind, ExitKind::kGuardFailed) << what;
  ASSERT_EQ(b.kind, ExitKind::kFinish) << what;
  ASSERT_EQ(a.frames.size(), s.frames.size()) << what;
  size_t k = 0;
  for (size_t f = 0; f < s.frames.size(); f++) {
    EXPECT_EQ(a.frames[f].pc, s.frames[f].pc) << what;
    for (uint16_t slot : s.frames[f].slots) {
      const ExitSlot* found = nullptr;
      for (const ExitSlot& e : a.frames[f].slots)
        if (e.slot == slot) found = &e;
      ASSERT_NE(found, nullptr) << what;
      EXPECT_EQ(found->value.bits, b.values[k++].bits) << what << " slot " << slot;
    }
  }
  EXPECT_EQ(0, std::memcmp(after_loop, mem, sizeof mem)) << what << ": memory differs";
}

TEST(JitOptSummary, MoveLoopRunsLikeTheLoopForEveryCounter) {
  Trace loop = parse_ok(kMoveLoop);
  std::optional<LoopSummary> s = summarize(loop);
  ASSERT_TRUE(s.has_value());
  for (int x = 1; x < 256; x++)
    for (int y : {0, 1, 200, 255}) {
      std::vector<uint8_t> memory(64, 0);
      memory[10] = static_cast<uint8_t>(x);
      memory[11] = static_cast<uint8_t>(y);
      expect_summary_runs_like_loop(loop, *s, memory, 10, std::to_string(x) + ", " + std::to_string(y));
      if (::testing::Test::HasFailure()) return;
    }
}

// Generated BF loops: a counter stepping by an odd amount, other cells
// (left and right of it) gaining constants, some set to a constant, the
// pointer back where it began; recorded as the BF recorder does.
std::string generated_loop(std::mt19937& rng, int* counter_step) {
  std::string body;
  int n = 1;
  auto fresh = [&] { return "i" + std::to_string(++n); };
  auto cell_add = [&](const std::string& index, int k) {
    std::string v = fresh(), w = fresh();
    body += v + " = getarrayitem_raw_i(i0, " + index + ", descr=cell)\n";
    body += w + " = int_add(" + v + ", " + std::to_string(k & 255) + ")\n";
    body += "setarrayitem_raw(i0, " + index + ", " + w + ", descr=cell)\n";
  };
  auto move_to = [&](std::string& at, int d) {
    std::string p = fresh(), ok = fresh();
    body += p + " = int_add(" + at + ", " + std::to_string(d) + ")\n";
    body += ok + " = uint_lt(" + p + ", 64)\n";
    body += "guard_true(" + ok + ") [0@2/1: 0=" + at + "]\n";
    at = p;
  };
  int step = std::uniform_int_distribution<int>(0, 127)(rng) * 2 + 1;
  *counter_step = step;
  std::string at = "i1";
  cell_add(at, step);
  int pos = 0;
  int others = std::uniform_int_distribution<int>(0, 3)(rng);
  for (int k = 0; k < others; k++) {
    int d = std::uniform_int_distribution<int>(-3, 3)(rng);
    if (d == 0) d = 1;
    move_to(at, d);
    pos += d;
    if (pos == 0) continue;  // back on the counter: just a move
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
      body += "setarrayitem_raw(i0, " + at + ", " + std::to_string(std::uniform_int_distribution<int>(0, 255)(rng)) +
              ", descr=cell)\n";
    } else {
      cell_add(at, std::uniform_int_distribution<int>(1, 255)(rng));
    }
  }
  if (pos != 0) move_to(at, -pos);
  std::string t = fresh();
  body += t + " = getarrayitem_raw_i(i0, " + at + ", descr=cell)\n";
  body += "guard_true(" + t + ") [0@9/1: 0=" + at + "]\n";
  return "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
         "descr loop = target(args=(i, i))\n"
         "[i0, i1]\n"
         "label(i0, i1, descr=loop)\n" +
         body + "jump(i0, " + at + ", descr=loop)\n";
}

TEST(JitOptSummary, GeneratedLoopsRunLikeTheLoop) {
  std::mt19937 rng(20261203);
  for (int trial = 0; trial < 200; trial++) {
    int step = 0;
    std::string text = generated_loop(rng, &step);
    Trace loop = parse_ok(text);
    std::optional<LoopSummary> s = summarize(loop);
    ASSERT_TRUE(s.has_value()) << text;
    for (int x = 1; x < 256; x += 1 + trial % 7) {
      std::vector<uint8_t> memory(64);
      for (uint8_t& m : memory) m = static_cast<uint8_t>(rng());
      memory[20] = static_cast<uint8_t>(x);
      expect_summary_runs_like_loop(loop, *s, memory, 20, text + "counter " + std::to_string(x));
      if (::testing::Test::HasFailure()) return;
    }
  }
}

// A loop recorded with `body` between its label and its jump.
std::string loop_with(const std::string& body, const std::string& jump_args = "i0, i1") {
  return "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
         "descr cell2 = array(offset=0, type=i, size=1, unsigned)\n"
         "descr loop = target(args=(i, i))\n"
         "descr f = call(fn=0x1000, args=(i), result=v, effects=(writes))\n"
         "[i0, i1]\n"
         "label(i0, i1, descr=loop)\n" +
         body + "jump(" + jump_args + ", descr=loop)\n";
}

TEST(JitOptSummary, RefusesLoopsWithoutAClosedForm) {
  const char* kCountDown =
      "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
      "i3 = int_add(i2, 255)\n"
      "setarrayitem_raw(i0, i1, i3, descr=cell)\n";
  const char* kTest =
      "i9 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
      "guard_true(i9) [0@5/1: 0=i1]\n";
  // The countdown alone is summarized (BF's `[-]`).
  EXPECT_TRUE(summarize(parse_ok(loop_with(std::string(kCountDown) + kTest))).has_value());
  struct Case {
    const char* what;
    std::string text;
  } cases[] = {
      {"even step",
       loop_with("i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                 "i3 = int_add(i2, 254)\n"
                 "setarrayitem_raw(i0, i1, i3, descr=cell)\n" +
                 std::string(kTest))},
      {"the pointer moves (a scan loop)",
       loop_with("i2 = int_add(i1, 1)\n"
                 "i3 = getarrayitem_raw_i(i0, i2, descr=cell)\n"
                 "guard_true(i3) [0@5/1: 0=i2]\n",
                 "i0, i2")},
      {"a cell gains another cell's value",
       loop_with(std::string(kCountDown) +
                 "i4 = int_add(i1, 1)\n"
                 "i5 = getarrayitem_raw_i(i0, i4, descr=cell)\n"
                 "i6 = int_add(i1, 2)\n"
                 "i7 = getarrayitem_raw_i(i0, i6, descr=cell)\n"
                 "i8 = int_add(i5, i7)\n"
                 "setarrayitem_raw(i0, i4, i8, descr=cell)\n" +
                 kTest)},
      {"a call",
       loop_with(std::string(kCountDown) + "call_n(i1, descr=f)\n" + kTest)},
      {"a store after the exit test",
       loop_with(std::string(kCountDown) + kTest + "setarrayitem_raw(i0, 5, 1, descr=cell)\n")},
      {"two exit tests (a loop recorded over two iterations)",
       loop_with(std::string(kCountDown) + kTest +
                 "i12 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                 "i13 = int_add(i12, 255)\n"
                 "setarrayitem_raw(i0, i1, i13, descr=cell)\n"
                 "i14 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                 "guard_true(i14) [0@5/1: 0=i1]\n")},
      {"the exit tests a cell that does not count",
       loop_with(std::string(kCountDown) +
                 "i4 = int_add(i1, 1)\n"
                 "i5 = getarrayitem_raw_i(i0, i4, descr=cell)\n"
                 "guard_true(i5) [0@5/1: 0=i1]\n")},
      {"the exit goes on at zero",
       loop_with(std::string(kCountDown) +
                 "i9 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                 "guard_false(i9) [0@5/1: 0=i1]\n")},
      {"two raw descrs (might alias)",
       loop_with(std::string(kCountDown) +
                 "i4 = getarrayitem_raw_i(i0, 3, descr=cell2)\n"
                 "i5 = int_add(i4, 1)\n"
                 "setarrayitem_raw(i0, 3, i5, descr=cell2)\n" +
                 kTest)},
      {"two index roots (might alias)",
       loop_with(std::string(kCountDown) +
                 "i4 = getarrayitem_raw_i(i0, i0, descr=cell)\n"
                 "i5 = int_add(i4, 1)\n"
                 "setarrayitem_raw(i0, i0, i5, descr=cell)\n" +
                 kTest)},
      {"a red changes",
       loop_with(std::string(kCountDown) + kTest, "i1, i1")},
      {"the exit state holds a cell",
       loop_with(std::string(kCountDown) +
                 "i9 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
                 "guard_true(i9) [0@5/1: 0=i9]\n")},
  };
  for (const Case& c : cases) {
    Trace t = parse_ok(c.text);
    EXPECT_FALSE(summarize(t).has_value()) << c.what << "\n" << c.text;
  }
}

}  // namespace
}  // namespace pyrite::jit::opt
