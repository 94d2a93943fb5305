// Random trace generator (docs/jit.md, "IR interpreter").
//
// Invariant: every trace it returns verifies. It keeps pools of defined int
// and float values, draws operands from them or from a list of edge-case
// constants, pairs each *_ovf op with its guard, gives every guard a small
// snapshot of defined values, and clamps memory indexes with int_and so
// accesses stay in the caller's buffer.
#include "jit/ir/ir_random.h"

#include <algorithm>

#include <cstring>
#include <limits>
#include <vector>

namespace pyrite::jit::ir {

namespace {
uint64_t fbits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, 8);
  return b;
}
uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ull + (h >> 29); }
int64_t g_call_counter = 0;
}  // namespace

int64_t random_call_ints(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f,
                         double x, double y) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (uint64_t v : {uint64_t(a), uint64_t(b), uint64_t(c), uint64_t(d), uint64_t(e), uint64_t(f),
                     fbits(x), fbits(y)})
    h = mix(h, v);
  return static_cast<int64_t>(h);
}
double random_call_floats(double x, int64_t a, double y, double z) {
  return x * 0.5 + static_cast<double>(a & 0xffff) - y + z * 2.0;
}
int32_t random_call_narrow(int64_t a) { return static_cast<int32_t>(mix(7, uint64_t(a))); }
void random_call_count(int64_t a) {
  g_call_counter = static_cast<int64_t>(static_cast<uint64_t>(g_call_counter) * 3 + static_cast<uint64_t>(a));  // wraps
}
int64_t random_call_counter() { return g_call_counter; }
void reset_random_call_counter() { g_call_counter = 0; }

namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {  // splitmix64
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
  bool chance(uint32_t percent) { return below(100) < percent; }

 private:
  uint64_t s_;
};

constexpr int64_t kIntEdges[] = {0, 1, -1, 2, 3, 7, 63, 64, 65, 255, 256, -256, 1 << 20,
                                 std::numeric_limits<int64_t>::max(),
                                 std::numeric_limits<int64_t>::min(),
                                 std::numeric_limits<int32_t>::max(),
                                 std::numeric_limits<int32_t>::min()};
constexpr double kFloatEdges[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1e300, -1e-300, 9.2e18, -9.3e18,
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN()};

class Generator {
 public:
  Generator(uint64_t seed, const RandomTraceOptions& o)
      : rng_(seed), o_(o), t_(o.descrs), b_(t_),
        memory_(o.memory && (!o.input_types || o.const_memory != 0)) {}

  Trace run() {
    std::vector<Ref> inputs;
    if (o_.input_types) {
      for (Type ty : *o_.input_types) inputs.push_back(b_.input(ty));
    } else {
      if (o_.memory) base_ = b_.input(Type::kInt), inputs.push_back(base_);
      for (int k = 0; k < o_.num_int_inputs; k++) inputs.push_back(b_.input(Type::kInt));
      for (int k = 0; k < o_.num_float_inputs; k++) inputs.push_back(b_.input(Type::kFloat));
    }
    if (memory_) {
      auto& d = t_.descrs();
      mem_[0] = d.add_or_die(array_descr("mem_u8", 0, Type::kInt, 1, false));
      mem_[1] = d.add_or_die(array_descr("mem_s8", 0, Type::kInt, 1, true));
      mem_[2] = d.add_or_die(array_descr("mem_s16", 0, Type::kInt, 2, true));
      mem_[3] = d.add_or_die(array_descr("mem_u32", 0, Type::kInt, 4, false));
      mem_[4] = d.add_or_die(array_descr("mem_i64", 0, Type::kInt, 8, true));
      memf_ = d.add_or_die(array_descr("mem_f64", 0, Type::kFloat, 8));
    }
    if (o_.calls) {
      auto& d = t_.descrs();
      using effect::kWritesHeap;
      call_ints_ = d.add_or_die(call_descr(
          "random_call_ints", reinterpret_cast<uint64_t>(&random_call_ints),
          {Type::kInt, Type::kInt, Type::kInt, Type::kInt, Type::kInt, Type::kInt, Type::kFloat,
           Type::kFloat},
          Type::kInt, 0));
      call_floats_ = d.add_or_die(call_descr(
          "random_call_floats", reinterpret_cast<uint64_t>(&random_call_floats),
          {Type::kFloat, Type::kInt, Type::kFloat, Type::kFloat}, Type::kFloat, 0));
      call_narrow_ = d.add_or_die(call_descr("random_call_narrow",
                                             reinterpret_cast<uint64_t>(&random_call_narrow),
                                             {Type::kInt}, Type::kInt, 0, 4, true));
      call_count_ = d.add_or_die(call_descr("random_call_count",
                                            reinterpret_cast<uint64_t>(&random_call_count),
                                            {Type::kInt}, Type::kVoid, kWritesHeap));
    }
    if (o_.loop) t_.emit(Opcode::kLabel, std::span<const Ref>(inputs), o_.loop_target);
    for (Ref r : inputs) {
      if (r == base_) continue;
      if (t_.type_of(r) == Type::kInt) ints_.push_back(r);
      else if (t_.type_of(r) == Type::kFloat) floats_.push_back(r);
    }
    for (int k = 0; k < o_.num_ops; k++) step();
    if (o_.loop) {
      std::vector<Ref> args;
      for (Ref r : inputs) {
        if (r == base_) args.push_back(r);
        else args.push_back(t_.type_of(r) == Type::kInt ? pick_int_value() : pick_float_value());
      }
      t_.emit(Opcode::kJump, std::span<const Ref>(args), o_.loop_target);
    } else if (o_.jump_to != kNoDescr) {
      std::vector<Ref> args;
      for (Type ty : t_.descr(o_.jump_to).arg_types)
        args.push_back(ty == Type::kFloat ? pick_float() : ty == Type::kInt ? pick_int() : t_.const_ref(0));
      t_.emit(Opcode::kJump, std::span<const Ref>(args), o_.jump_to);
    } else if (o_.finish_all) {
      std::vector<Ref> args(ints_);
      args.insert(args.end(), floats_.begin(), floats_.end());
      t_.emit(Opcode::kFinish, std::span<const Ref>(args));
    } else {
      std::vector<Ref> args;
      for (int k = 0; k < 3; k++) args.push_back(pick_int());
      args.push_back(pick_float());
      t_.emit(Opcode::kFinish, std::span<const Ref>(args));
    }
    return std::move(t_);
  }

 private:
  Ref pick_int_value() { return ints_.empty() ? t_.const_int(1) : ints_[rng_.below(ints_.size())]; }
  Ref pick_float_value() { return floats_.empty() ? t_.const_float(1) : floats_[rng_.below(floats_.size())]; }
  Ref pick_int() {
    if (ints_.empty() || rng_.chance(25)) return t_.const_int(kIntEdges[rng_.below(std::size(kIntEdges))]);
    return pick_int_value();
  }
  Ref pick_float() {
    if (floats_.empty() || rng_.chance(25))
      return t_.const_float(kFloatEdges[rng_.below(std::size(kFloatEdges))]);
    return pick_float_value();
  }

  SnapshotId snapshot() {
    SnapshotBuilder sb;
    int frames = 1 + (rng_.chance(30) ? 1 : 0);
    for (int f = 0; f < frames; f++) {
      sb.push_frame(f, t_.num_ops(), o_.snapshot_slots);
      for (uint16_t slot = 0; slot < o_.snapshot_slots; slot++)
        if (rng_.chance(50)) sb.set(slot, rng_.chance(70) ? pick_int() : pick_float());
    }
    return t_.add_snapshot(sb);
  }

  void guard_on(Ref cond) { t_.emit(rng_.chance(50) ? Opcode::kGuardTrue : Opcode::kGuardFalse, {cond}, kNoDescr, snapshot()); }

  Ref index(int bytes) {  // an in-bounds item index for `bytes`-wide items
    if (o_.const_index_cells > 0)
      return b_.const_int(rng_.below(std::min(o_.const_index_cells, kRandomTraceMemoryBytes / bytes)));
    return b_.int_and(pick_int(), kRandomTraceMemoryBytes / bytes - 1);
  }

  void step() {
    static constexpr Opcode kIntBinary[] = {
        Opcode::kIntAdd,    Opcode::kIntSub,    Opcode::kIntMul,     Opcode::kIntAnd, Opcode::kIntOr,
        Opcode::kIntXor,    Opcode::kIntLshift, Opcode::kIntRshift,  Opcode::kIntUrshift,
        Opcode::kIntLt,     Opcode::kIntLe,     Opcode::kIntEq,      Opcode::kIntNe,  Opcode::kIntGt,
        Opcode::kIntGe,     Opcode::kUintLt,    Opcode::kUintLe,     Opcode::kUintGt, Opcode::kUintGe};
    static constexpr Opcode kIntUnary[] = {Opcode::kIntNeg, Opcode::kIntInvert, Opcode::kIntIsZero,
                                           Opcode::kIntIsTrue};
    static constexpr Opcode kFloatBinary[] = {Opcode::kFloatAdd, Opcode::kFloatSub, Opcode::kFloatMul,
                                              Opcode::kFloatTruediv};
    static constexpr Opcode kFloatCompare[] = {Opcode::kFloatLt, Opcode::kFloatLe, Opcode::kFloatEq,
                                               Opcode::kFloatNe, Opcode::kFloatGt, Opcode::kFloatGe};
    static constexpr Opcode kOvf[] = {Opcode::kIntAddOvf, Opcode::kIntSubOvf, Opcode::kIntMulOvf};
    if (o_.calls && rng_.chance(8)) {
      call();
      return;
    }
    uint32_t what = rng_.below(100);
    if (what < 35) {
      ints_.push_back(t_.emit(kIntBinary[rng_.below(std::size(kIntBinary))], {pick_int(), pick_int()}));
    } else if (what < 43) {
      ints_.push_back(t_.emit(kIntUnary[rng_.below(std::size(kIntUnary))], {pick_int()}));
    } else if (what < 53) {
      floats_.push_back(t_.emit(kFloatBinary[rng_.below(std::size(kFloatBinary))], {pick_float(), pick_float()}));
    } else if (what < 57) {
      floats_.push_back(t_.emit(rng_.chance(50) ? Opcode::kFloatNeg : Opcode::kFloatAbs, {pick_float()}));
    } else if (what < 62) {
      ints_.push_back(t_.emit(kFloatCompare[rng_.below(std::size(kFloatCompare))], {pick_float(), pick_float()}));
    } else if (what < 66) {
      if (rng_.chance(50)) floats_.push_back(b_.cast_int_to_float(pick_int()));
      else ints_.push_back(b_.cast_float_to_int(pick_float()));
    } else if (what < 74) {
      ints_.push_back(t_.emit(kOvf[rng_.below(std::size(kOvf))], {pick_int(), pick_int()}));
      t_.emit(rng_.chance(85) ? Opcode::kGuardNoOverflow : Opcode::kGuardOverflow, {}, kNoDescr, snapshot());
    } else if (what < 84) {
      Ref c = t_.emit(kIntBinary[9 + rng_.below(10)], {pick_int(), pick_int()});  // a compare
      ints_.push_back(c);
      guard_on(c);
    } else if (what < 87) {
      // guard_value against a value it often has: a constant it was just compared to
      t_.emit(Opcode::kGuardValue, {pick_int_value(), t_.const_int(kIntEdges[rng_.below(4)])}, kNoDescr, snapshot());
    } else if (memory_ && what < 94) {
      int k = rng_.below(6);
      if (k < 5) {
        int bytes = t_.descr(mem_[k]).size;
        ints_.push_back(b_.getarrayitem_raw_i(access_base(), index(bytes), mem_[k]));
      } else {
        floats_.push_back(b_.getarrayitem_raw_f(access_base(), index(8), memf_));
      }
    } else if (memory_) {
      int k = rng_.below(6);
      if (k < 5) {
        int bytes = t_.descr(mem_[k]).size;
        b_.setarrayitem_raw(access_base(), index(bytes), pick_int(), mem_[k]);
      } else {
        b_.setarrayitem_raw(access_base(), index(8), pick_float(), memf_);
      }
    } else {
      ints_.push_back(b_.int_add(pick_int(), pick_int()));
    }
  }

  void call() {
    switch (rng_.below(4)) {
      case 0: {
        std::vector<Ref> args;
        for (int k = 0; k < 6; k++) args.push_back(pick_int());
        args.push_back(pick_float());
        args.push_back(pick_float());
        ints_.push_back(t_.emit(Opcode::kCallI, std::span<const Ref>(args), call_ints_));
        break;
      }
      case 1:
        floats_.push_back(t_.emit(Opcode::kCallF, {pick_float(), pick_int(), pick_float(), pick_float()},
                                  call_floats_));
        break;
      case 2: ints_.push_back(t_.emit(Opcode::kCallI, {pick_int()}, call_narrow_)); break;
      default: t_.emit(Opcode::kCallN, {pick_int()}, call_count_); break;
    }
  }

  Rng rng_;
  RandomTraceOptions o_;
  Trace t_;
  Builder b_;
  Ref base_;
  // Accesses go through inputarg 0, or through the constant address the
  // options give (a JIT's tape or global: a big constant as the base).
  Ref access_base() { return o_.const_memory ? t_.const_int(static_cast<int64_t>(o_.const_memory)) : base_; }
  DescrId mem_[5] = {};
  DescrId memf_ = kNoDescr;
  bool memory_;
  DescrId call_ints_ = kNoDescr, call_floats_ = kNoDescr, call_narrow_ = kNoDescr,
          call_count_ = kNoDescr;
  std::vector<Ref> ints_, floats_;
};

}  // namespace

Trace random_trace(uint64_t seed, const RandomTraceOptions& options) {
  return Generator(seed, options).run();
}

}  // namespace pyrite::jit::ir
