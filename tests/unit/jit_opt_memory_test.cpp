// The memory passes (heap, peel) against the IR interpreter on random
// traces made of what random_trace lacks (docs/jit_opt.md, "What is
// tested"): raw fields and arrays of several widths and offsets over one
// buffer, two base values that may point into each other, indexes that are
// constants, inputs or input + constant, calls that write or only read the
// buffer, and guards on loaded values, in loops and straight traces.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "jit/ir/ir.h"
#include "jit/opt/heap.h"
#include "jit/opt/peel.h"
#include "jit/opt/pipeline.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;

void bump(int64_t address) { (*reinterpret_cast<uint8_t*>(address))++; }
int64_t peek(int64_t address) { return *reinterpret_cast<int8_t*>(address); }

class MemoryTraceGen {
 public:
  MemoryTraceGen(uint64_t seed, bool loop) : s_(seed * 0x9e3779b97f4a7c15ull + 1), loop_(loop), b_(t_) {}

  Trace run() {
    DescrTable& d = t_.descrs();
    arrays_ = {d.add_or_die(array_descr("u8", 0, Type::kInt, 1, false)),
               d.add_or_die(array_descr("u8_at1", 1, Type::kInt, 1, false)),
               d.add_or_die(array_descr("s16", 16, Type::kInt, 2, true)),
               d.add_or_die(array_descr("i64", 32, Type::kInt, 8, true))};
    fields_ = {d.add_or_die(field_descr("f64", 8, Type::kInt, 8, true)),
               d.add_or_die(field_descr("u32", 10, Type::kInt, 4, false)),
               d.add_or_die(field_descr("ro", 160, Type::kInt, 4, true, DescrFlag::kImmutable))};  // nothing writes there
    bump_ = d.add_or_die(call_descr("bump", reinterpret_cast<uint64_t>(&bump), {Type::kInt}, Type::kVoid,
                                    effect::kWritesHeap));
    peek_ = d.add_or_die(call_descr("peek", reinterpret_cast<uint64_t>(&peek), {Type::kInt}, Type::kInt,
                                    effect::kReadsHeap));
    Ref base = b_.input(Type::kInt), i1 = b_.input(Type::kInt), i2 = b_.input(Type::kInt);
    Ref args[3] = {base, i1, i2};
    if (loop_) t_.emit(Opcode::kLabel, std::span<const Ref>(args, 3));
    base_ = base;
    base2_ = b_.int_add(base, 8);
    idx_ = {i1, i2, b_.int_add(i1, 1), b_.int_add(i1, 3), b_.int_add(i2, 2)};
    vals_ = {i1, i2};
    int n = 8 + below(30);
    for (int k = 0; k < n; k++) step();
    if (loop_) {
      Ref j[3] = {base, below(2) ? i1 : b_.int_and(b_.int_add(i1, 1), 7),
                  below(2) ? i2 : b_.int_and(vals_[below(vals_.size())], 7)};
      t_.emit(Opcode::kJump, std::span<const Ref>(j, 3));
    } else {
      Ref f[2] = {vals_[below(vals_.size())], vals_[below(vals_.size())]};
      t_.emit(Opcode::kFinish, std::span<const Ref>(f, 2));
    }
    return std::move(t_);
  }

 private:
  uint32_t below(uint32_t n) {
    s_ = s_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((s_ >> 33) % n);
  }
  Ref index() { return below(3) == 0 ? t_.const_int(below(8)) : idx_[below(idx_.size())]; }
  Ref base() { return below(4) == 0 ? base2_ : base_; }
  Ref value() {
    static constexpr int64_t kConsts[] = {0, 1, -1, 300, 65535, -129};
    return below(4) == 0 ? t_.const_int(kConsts[below(6)]) : vals_[below(vals_.size())];
  }
  SnapshotId snapshot() {
    SnapshotBuilder sb;
    sb.push_frame(0, t_.num_ops(), 4);
    for (uint16_t slot = 0; slot < 4; slot++)
      if (below(2)) sb.set(slot, vals_[below(vals_.size())]);
    return t_.add_snapshot(sb);
  }
  void step() {
    switch (below(9)) {
      case 0: case 1: {
        vals_.push_back(b_.getarrayitem_raw_i(base(), index(), arrays_[below(arrays_.size())]));
        break;
      }
      case 2: vals_.push_back(b_.getfield_raw_i(base(), fields_[below(fields_.size())])); break;
      case 3: case 4: b_.setarrayitem_raw(base(), index(), value(), arrays_[below(arrays_.size())]); break;
      case 5: b_.setfield_raw(base(), value(), fields_[below(2)]); break;  // never the immutable one
      case 6: {
        Ref addr = b_.int_add(base_, static_cast<int64_t>(below(48)));
        if (below(2)) b_.call_n(addr, bump_);
        else vals_.push_back(b_.call_i(addr, peek_));
        break;
      }
      case 7: {
        Ref c = b_.int_lt(vals_[below(vals_.size())], t_.const_int(static_cast<int64_t>(below(200)) - 50));
        t_.emit(below(2) ? Opcode::kGuardTrue : Opcode::kGuardFalse, {c}, kNoDescr, snapshot());
        break;
      }
      default: vals_.push_back(b_.int_add(vals_[below(vals_.size())], value())); break;
    }
  }

  uint64_t s_;
  bool loop_;
  Trace t_;
  Builder b_;
  std::vector<DescrId> arrays_, fields_;
  DescrId bump_, peek_;
  Ref base_, base2_;
  std::vector<Ref> idx_, vals_;
};

template <class Pass>
void expect_pass_preserves_memory_traces(Pass pass, uint64_t seeds) {
  for (uint64_t seed = 1; seed <= seeds; seed++) {
    for (bool loop : {true, false}) {
      Trace t = MemoryTraceGen(seed, loop).run();
      ASSERT_TRUE(verify(t).ok()) << verify(t).to_string() << "\n" << print_trace(t);
      Trace out = pass(t);
      ASSERT_TRUE(verify(out).ok()) << "seed " << seed << ": " << verify(out).to_string() << "\n"
                                    << print_trace(t) << "---\n" << print_trace(out);
      for (uint64_t run = 0; run < 4; run++) {
        std::vector<uint8_t> memory(192);
        for (size_t b = 0; b < memory.size(); b++) memory[b] = static_cast<uint8_t>((b * 29 + seed * 7 + run * 3) % (run == 3 ? 2 : 251));
        std::vector<uint64_t> inputs = {0, (seed + run) % 8, (seed * 3 + run) % 8};
        testing::expect_same_run(t, out, inputs, memory, 1 + run * 4,
                                 "seed " + std::to_string(seed) + " run " + std::to_string(run) + "\n" +
                                     print_trace(t) + "---\n" + print_trace(out));
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
}

TEST(JitOptMemory, HeapPreservesRandomMemoryTraces) { expect_pass_preserves_memory_traces(heap, 1500); }

TEST(JitOptMemory, PeelPreservesRandomMemoryLoops) { expect_pass_preserves_memory_traces(peel, 1500); }

TEST(JitOptMemory, PipelinePreservesRandomMemoryTraces) {
  Options o;
  o.verify_each = true;
  expect_pass_preserves_memory_traces([&](const Trace& t) { return optimize(t, o); }, 1500);
}

}  // namespace
}  // namespace pyrite::jit::opt
