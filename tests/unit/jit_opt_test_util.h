// Shared by the optimizer's tests (docs/jit_opt.md): before/after text and
// the differential check of an optimized trace against its original under
// the IR interpreter.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_random.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::opt::testing {

inline ir::Trace parse_ok(const std::string& text, const ir::Symbols* symbols = nullptr) {
  ir::ParseResult r = ir::parse_trace(text, symbols);
  EXPECT_TRUE(r.ok()) << r.error.to_string() << "\n" << text;
  if (!r.ok()) return ir::Trace();
  ir::VerifyError e = ir::verify(*r.trace);
  EXPECT_TRUE(e.ok()) << e.to_string();
  return std::move(*r.trace);
}

// The pass's output as text, after checking that it verifies.
template <class Pass>
std::string apply(Pass pass, const std::string& text, const ir::Symbols* symbols = nullptr) {
  ir::Trace in = parse_ok(text, symbols);
  ir::Trace out = pass(in);
  ir::VerifyError e = ir::verify(out);
  EXPECT_TRUE(e.ok()) << e.to_string() << "\n" << ir::print_trace(out, {symbols});
  return ir::print_trace(out, {symbols});
}

inline int count_labels(const ir::Trace& t) {
  int n = 0;
  for (uint32_t i = 0; i < t.num_ops(); i++) n += t.op(i).opcode == ir::Opcode::kLabel;
  return n;
}

inline int count_ops(const ir::Trace& t, ir::Opcode op) {
  int n = 0;
  for (uint32_t i = 0; i < t.num_ops(); i++) n += t.op(i).opcode == op;
  return n;
}

// Ops that emit code: not inputs, labels or debug_merge_points.
inline int count_code_ops(const ir::Trace& t) {
  int n = 0;
  for (uint32_t i = t.num_inputs(); i < t.num_ops(); i++) {
    ir::Opcode o = t.op(i).opcode;
    n += o != ir::Opcode::kLabel && o != ir::Opcode::kDebugMergePoint;
  }
  return n;
}

// Runs `original` and `optimized` on the same inputs (input 0 the address
// of a fresh copy of `memory` when `memory` is not empty) and expects the
// same exit: kind, guard frames and virtuals, finish/jump values, memory.
// A peeled loop (one more label) runs its preamble without a jump, so it
// gets one jump less to reach the same iteration.
inline void expect_same_run(const ir::Trace& original, const ir::Trace& optimized,
                            std::vector<uint64_t> inputs, const std::vector<uint8_t>& memory,
                            uint64_t max_jumps, const std::string& what) {
  // One buffer for both runs (restored in between), so addresses agree.
  alignas(8) static uint8_t mem[512];
  uint8_t mem_a[512];
  std::memset(mem, 0, sizeof mem);
  if (!memory.empty()) std::memcpy(mem, memory.data(), memory.size());
  std::vector<uint64_t> in_a = inputs, in_b = inputs;
  if (!memory.empty()) in_a[0] = in_b[0] = ir::bits_of(mem);
  ir::Runtime rt_a, rt_b;
  rt_a.max_jumps = max_jumps;
  int extra = count_labels(optimized) - count_labels(original);
  rt_b.max_jumps = max_jumps >= static_cast<uint64_t>(extra) ? max_jumps - extra : 0;
  ir::Exit a = ir::run_trace(original, in_a, rt_a);
  std::memcpy(mem_a, mem, sizeof mem);
  std::memset(mem, 0, sizeof mem);
  if (!memory.empty()) std::memcpy(mem, memory.data(), memory.size());
  ir::Exit b = ir::run_trace(optimized, in_b, rt_b);
  ASSERT_EQ(ir::exit_kind_name(a.kind), std::string(ir::exit_kind_name(b.kind))) << what;
  EXPECT_EQ(a.frames, b.frames) << what;
  EXPECT_EQ(a.virtuals, b.virtuals) << what;
  EXPECT_EQ(a.target, b.target) << what;
  ASSERT_LE(a.values.size(), b.values.size()) << what;
  for (size_t k = 0; k < a.values.size(); k++) {
    EXPECT_EQ(a.values[k], b.values[k]) << what << " value " << k;
  }
  if (a.kind != ir::ExitKind::kIterationLimit) {
    EXPECT_EQ(a.values.size(), b.values.size()) << what;
  }
  if (!memory.empty()) {
    EXPECT_EQ(0, std::memcmp(mem_a, mem, sizeof mem)) << what << ": memory differs";
  }
}

// The property every pass must have: for random traces (loops and
// straight traces), the pass's output verifies and runs like its input.
template <class Pass>
void expect_pass_preserves_random_traces(Pass pass, uint64_t seeds, bool loops, int const_index_cells = 0) {
  for (uint64_t seed = 1; seed <= seeds; seed++) {
    ir::RandomTraceOptions o;
    o.loop = loops;
    o.const_index_cells = const_index_cells;
    ir::Trace t = ir::random_trace(seed, o);
    ir::Trace out = pass(t);
    ir::VerifyError e = ir::verify(out);
    ASSERT_TRUE(e.ok()) << "seed " << seed << ": " << e.to_string() << "\n"
                        << ir::print_trace(t) << "---\n" << ir::print_trace(out);
    for (uint64_t run = 0; run < 4; run++) {
      std::vector<uint64_t> inputs(t.num_inputs());
      uint64_t s = seed * 7919 + run;
      for (uint32_t k = 0; k < t.num_inputs(); k++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t v = s >> 20;
        if (run == 1) v = k;  // small values often pass the generated guards
        if (t.op(k).type == ir::Type::kFloat) v = ir::bits_of(static_cast<double>(static_cast<int64_t>(v % 2000) - 1000) / 8);
        inputs[k] = v;
      }
      std::vector<uint8_t> memory(ir::kRandomTraceMemoryBytes);
      for (size_t b = 0; b < memory.size(); b++) memory[b] = static_cast<uint8_t>((b * 37 + seed + run) & (run == 2 ? 1 : 255));
      std::string what = "seed " + std::to_string(seed) + " run " + std::to_string(run) + "\n" +
                         ir::print_trace(t) + "---\n" + ir::print_trace(out);
      expect_same_run(t, out, inputs, memory, 1 + run * 3, what);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

}  // namespace pyrite::jit::opt::testing
