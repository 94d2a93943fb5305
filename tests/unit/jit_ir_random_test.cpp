// Random traces (docs/jit.md, "IR interpreter"): each verifies, its text is
// a fixpoint of print(parse(.)), and the parsed copy runs exactly like the
// original, memory included. The backend's differential tests reuse the
// generator the same way against machine code.
#include <gtest/gtest.h>

#include <cstring>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_random.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

TEST(JitIrRandom, VerifyRoundTripAndRunAlike) {
  int guard_exits = 0, finishes = 0, limits = 0;
  for (uint64_t seed = 1; seed <= 400; seed++) {
    RandomTraceOptions o;
    o.loop = seed % 3 != 0;
    o.memory = seed % 5 != 0;
    o.num_ops = 10 + static_cast<int>(seed % 60);
    Trace t = random_trace(seed, o);
    VerifyError e = verify(t);
    ASSERT_TRUE(e.ok()) << "seed " << seed << ": " << e.to_string() << "\n" << print_trace(t);

    std::string text = print_trace(t);
    ParseResult r = parse_trace(text);
    ASSERT_TRUE(r.ok()) << "seed " << seed << ": " << r.error.to_string() << "\n" << text;
    ASSERT_EQ(print_trace(*r.trace), text) << "seed " << seed;
    ASSERT_TRUE(verify(*r.trace).ok()) << "seed " << seed;

    alignas(8) uint8_t mem1[kRandomTraceMemoryBytes], mem2[kRandomTraceMemoryBytes];
    for (int k = 0; k < kRandomTraceMemoryBytes; k++) mem1[k] = mem2[k] = static_cast<uint8_t>(k * 37 + seed);
    std::vector<uint64_t> in1, in2;
    for (uint32_t k = 0; k < t.num_inputs(); k++) {
      uint64_t v = t.op(k).type == Type::kFloat ? bits_of(double(k) * 1.25 - 2) : uint64_t(seed * 7 + k);
      in1.push_back(v);
      in2.push_back(v);
    }
    if (o.memory) {
      in1[0] = bits_of(mem1);
      in2[0] = bits_of(mem2);
    }
    Runtime rt;
    rt.max_jumps = 50;
    Exit x1 = run_trace(t, in1, rt);
    Exit x2 = run_trace(*r.trace, in2, rt);
    ASSERT_EQ(x1.kind, x2.kind) << "seed " << seed;
    if (o.memory && x1.kind == ExitKind::kIterationLimit) {
      // The jump carries each run's own buffer address.
      ASSERT_EQ(x1.values[0].bits, in1[0]);
      ASSERT_EQ(x2.values[0].bits, in2[0]);
      x2.values[0] = x1.values[0];
    }
    ASSERT_TRUE(x1 == x2) << "seed " << seed << "\n" << text;
    ASSERT_EQ(std::memcmp(mem1, mem2, sizeof mem1), 0) << "seed " << seed;
    guard_exits += x1.kind == ExitKind::kGuardFailed;
    finishes += x1.kind == ExitKind::kFinish;
    limits += x1.kind == ExitKind::kIterationLimit;
  }
  // The generator exercises every way out.
  EXPECT_GT(guard_exits, 50);
  EXPECT_GT(finishes, 5);
  EXPECT_GT(limits, 5);
}

}  // namespace
}  // namespace pyrite::jit::ir
