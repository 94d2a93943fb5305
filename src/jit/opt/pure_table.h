// A table of pure ops by opcode, descr and operands (cse.h; bounds uses it
// for the ops it emits itself).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// A pure op's key: opcode, descr and operands (ops of at most two
// operands; cse keeps calls with more in a std::map of vectors).
struct PureKey {
  uint32_t op_descr[2];
  uint32_t a, b;
  bool operator==(const PureKey&) const = default;
};

// Open addressing, linear probing; clear() is O(1) (a generation stamp).
class PureTable {
 public:
  ir::Ref* find(const PureKey& k) {
    if (slots_.empty()) return nullptr;
    for (size_t i = hash(k) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.gen != gen_) return nullptr;
      if (s.key == k) return &s.value;
    }
  }
  // Sets k's value (replacing it if present).
  void put(const PureKey& k, ir::Ref v) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    for (size_t i = hash(k) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.gen != gen_) {
        s = Slot{k, v, gen_};
        used_++;
        return;
      }
      if (s.key == k) {
        s.value = v;
        return;
      }
    }
  }
  void clear() {
    gen_++;
    used_ = 0;
  }

 private:
  struct Slot {
    PureKey key;
    ir::Ref value;
    uint32_t gen = 0;
  };
  static size_t hash(const PureKey& k) {
    uint64_t h = (uint64_t{k.op_descr[0]} << 32 | k.op_descr[1]) * 0x9e3779b97f4a7c15ull;
    h ^= (uint64_t{k.a} << 32 | k.b) * 0xc2b2ae3d27d4eb4full;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    uint32_t old_gen = gen_;
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    gen_ = 1;
    used_ = 0;
    for (const Slot& s : old)
      if (s.gen == old_gen) put(s.key, s.value);
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0, used_ = 0;
  uint32_t gen_ = 1;
};

}  // namespace pyrite::jit::opt
