// The x86-64 backend against the IR interpreter (docs/jit_x64.md, "Tests"):
// random traces run through run_trace and as machine code; every Exit is
// compared whole (jumps included) and the memory buffer byte for byte.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "jit/opt/sink.h"
#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_random.h"
#include "jit/ir/ir_verify.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::x64 {
namespace {

using namespace ir;

// PYRITE_X64_SEEDS=N runs N times as many seeds (a long soak; the
// expectations below are minimums, so they hold for any N >= 1).
uint64_t seed_scale() {
  const char* v = std::getenv("PYRITE_X64_SEEDS");
  return v && std::atoi(v) > 0 ? static_cast<uint64_t>(std::atoi(v)) : 1;
}

struct DiffStats {
  int guard_exits = 0, finishes = 0, limits = 0;
};

// Runs `t` both ways on the same buffer (reset in between) and the same
// inputs; fails the test on any difference.
void run_both(const Trace& t, uint64_t seed, bool memory, uint64_t max_jumps, DiffStats* stats,
              uint8_t* fixed_memory = nullptr) {
  ASSERT_TRUE(verify(t).ok()) << "seed " << seed;
  CompileOptions co;
  co.count_jumps = true;
  CompileResult cr = compile(t, co);
  ASSERT_TRUE(cr.code) << "seed " << seed << ": " << cr.message << " at op " << cr.op << "\n"
                       << print_trace(t);
  for (int variant = 0; variant < 3; variant++) {
    alignas(8) uint8_t init[kRandomTraceMemoryBytes], local[kRandomTraceMemoryBytes],
        after_interp[kRandomTraceMemoryBytes];
    uint8_t* mem = fixed_memory ? fixed_memory : local;
    for (int k = 0; k < kRandomTraceMemoryBytes; k++)
      init[k] = static_cast<uint8_t>(k * 37 + seed * (variant + 1));
    std::vector<uint64_t> in;
    for (uint32_t k = 0; k < t.num_inputs(); k++) {
      uint64_t v = t.op(k).type == Type::kFloat
                       ? bits_of(double(k) * 1.25 - 2 + variant * 0.5)
                       : uint64_t(seed * 7 + k * 3 + variant);
      if (variant == 2 && t.op(k).type == Type::kInt) v = uint64_t(int64_t(k) - 1);
      in.push_back(v);
    }
    if (memory) in[0] = bits_of(mem);
    std::memcpy(mem, init, kRandomTraceMemoryBytes);
    Runtime rt;
    rt.max_jumps = max_jumps;
    reset_random_call_counter();
    Exit x1 = run_trace(t, in, rt);
    int64_t counter = random_call_counter();
    std::memcpy(after_interp, mem, kRandomTraceMemoryBytes);
    std::memcpy(mem, init, kRandomTraceMemoryBytes);
    reset_random_call_counter();
    Exit x2 = run(*cr.code, in, max_jumps);
    ASSERT_EQ(counter, random_call_counter()) << "seed " << seed;
    ASSERT_TRUE(x1 == x2) << "seed " << seed << " variant " << variant << ": interp "
                          << exit_kind_name(x1.kind) << " op " << x1.op << " jumps " << x1.jumps
                          << ", code " << exit_kind_name(x2.kind) << " op " << x2.op << " jumps "
                          << x2.jumps << "\n"
                          << print_trace(t, {.op_indexes = true});
    ASSERT_EQ(std::memcmp(mem, after_interp, kRandomTraceMemoryBytes), 0) << "seed " << seed << "\n"
                                                            << print_trace(t);
    stats->guard_exits += x1.kind == ExitKind::kGuardFailed;
    stats->finishes += x1.kind == ExitKind::kFinish;
    stats->limits += x1.kind == ExitKind::kIterationLimit;
  }
}

TEST(JitX64Diff, IntegerTraces) {
  DiffStats s;
  for (uint64_t seed = 1; seed <= 1500 * seed_scale(); seed++) {
    RandomTraceOptions o;
    o.loop = seed % 3 != 0;
    o.memory = false;
    o.num_float_inputs = 0;
    o.num_ops = 5 + static_cast<int>(seed % 70);
    Trace t = random_trace(seed, o);
    run_both(t, seed, false, 20, &s);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(s.guard_exits, 500);
  EXPECT_GT(s.finishes, 50);
  EXPECT_GT(s.limits, 20);
}

TEST(JitX64Diff, FloatAndMemoryTraces) {
  DiffStats s;
  for (uint64_t seed = 1; seed <= 1500 * seed_scale(); seed++) {
    RandomTraceOptions o;
    o.loop = seed % 3 != 0;
    o.memory = seed % 5 != 0;
    o.num_ops = 5 + static_cast<int>(seed % 90);
    Trace t = random_trace(seed * 7919, o);
    run_both(t, seed, o.memory, 20, &s);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(s.guard_exits, 500);
  EXPECT_GT(s.finishes, 50);
  EXPECT_GT(s.limits, 20);
}

// Traces through sink: guards whose store frames the exit does
// (resolve_exit against the IR interpreter's exits and memory).
TEST(JitX64Diff, StoreFramesAreDoneAtExits) {
  DiffStats s;
  int sunk = 0;
  for (uint64_t seed = 1; seed <= 1000 * seed_scale(); seed++) {
    RandomTraceOptions o;
    o.loop = seed % 3 != 0;
    o.memory = true;
    o.const_index_cells = 2 + static_cast<int>(seed % 6);
    o.num_ops = 5 + static_cast<int>(seed % 90);
    Trace t = opt::sink(random_trace(seed * 4099, o));
    sunk += print_trace(t).find("4294967295@") != std::string::npos;
    run_both(t, seed, true, 20, &s);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(sunk, 100);
  EXPECT_GT(s.guard_exits, 300);
}

// Memory through a big constant base (as BF's tape): the allocator caches
// the constant in a free register.
TEST(JitX64Diff, ConstantMemoryBase) {
  DiffStats s;
  alignas(8) static uint8_t buffer[kRandomTraceMemoryBytes];
  for (uint64_t seed = 1; seed <= 800 * seed_scale(); seed++) {
    RandomTraceOptions o;
    o.loop = seed % 3 != 0;
    o.const_memory = bits_of(buffer);
    o.calls = seed % 4 == 0;
    o.num_int_inputs = 1 + static_cast<int>(seed % 14);
    o.num_ops = 5 + static_cast<int>(seed % 90);
    Trace t = random_trace(seed * 31337, o);
    run_both(t, seed, true, 20, &s, buffer);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(s.guard_exits, 300);
  EXPECT_GT(s.finishes, 30);
  EXPECT_GT(s.limits, 20);
}

// Many live values: more label arguments than registers, wide snapshots,
// finish with every value; the allocator spills and reloads.
TEST(JitX64Diff, RegisterPressure) {
  DiffStats s;
  uint32_t max_spills = 0;
  for (uint64_t seed = 1; seed <= 600 * seed_scale(); seed++) {
    RandomTraceOptions o;
    o.loop = seed % 2 == 0;
    o.memory = seed % 3 != 0;
    o.num_int_inputs = 8 + static_cast<int>(seed % 20);
    o.num_float_inputs = 4 + static_cast<int>(seed % 16);
    o.snapshot_slots = 40;
    o.finish_all = true;
    o.num_ops = 8 + static_cast<int>(seed % 60);
    Trace t = random_trace(seed * 104729, o);
    run_both(t, seed, o.memory, 7, &s);
    if (HasFatalFailure()) return;
    CompileResult cr = compile(t);
    max_spills = std::max(max_spills, cr.code->spill_slots_used());
  }
  EXPECT_GT(max_spills, 20u);
  EXPECT_GT(s.guard_exits, 100);
  EXPECT_GT(s.finishes, 10);
  EXPECT_GT(s.limits, 10);
  printf("pressure: %d guard exits, %d finishes, %d iteration limits, max %u spill slots\n",
         s.guard_exits, s.finishes, s.limits, max_spills);
}

// C calls with 6 int + 2 float arguments, float results, a narrow int
// result, a void call with a side effect, all between live values.
TEST(JitX64Diff, Calls) {
  DiffStats s;
  for (uint64_t seed = 1; seed <= 1000 * seed_scale(); seed++) {
    RandomTraceOptions o;
    o.loop = seed % 3 != 0;
    o.memory = seed % 4 != 0;
    o.calls = true;
    o.num_int_inputs = 2 + static_cast<int>(seed % 12);
    o.num_float_inputs = 1 + static_cast<int>(seed % 9);
    o.snapshot_slots = 6 + static_cast<int>(seed % 20);
    o.finish_all = seed % 2 == 0;
    o.num_ops = 10 + static_cast<int>(seed % 100);
    Trace t = random_trace(seed * 15485863, o);
    run_both(t, seed, o.memory, 9, &s);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(s.guard_exits, 300);
  EXPECT_GT(s.finishes, 30);
  EXPECT_GT(s.limits, 20);
}

}  // namespace
}  // namespace pyrite::jit::x64
