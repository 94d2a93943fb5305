// Trace selection: hot counters keyed by greens, with decay, abort backoff
// and blacklisting (docs/jit.md, "Trace selection").
//
// Invariants:
//   - One LoopCell per green key ever seen at a loop header; cells are never
//     removed, so a cell index names a location for the JIT's lifetime.
//   - A cell's count climbs by one per arrival and fires at `threshold`;
//     firing resets it to 0 and decays every other cell's count by
//     decay/1000 (PyPy's rule), so a location that is only occasionally
//     reached never fires.
//   - After an abort the count is set to minus a penalty (abort_backoff,
//     doubled per further abort, plus 0..15 of jitter so nested loops do
//     not abort in lock-step, as in LuaJIT); at max_aborts the cell is
//     blacklisted and never traced again.
//   - A cell with a compiled loop is entered, never counted.
//
// The direct-mapped cache in front of the exact map makes the common case
// (the same few loops, over and over) one hash, one compare, one increment,
// instead of a hash-map probe on every backward jump; with it, counting is
// within timing noise of --no-jit on tests/bf/primes.b.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "jit/params.h"

namespace pyrite::jit::trace {

// The greens of a loop header: what identifies a location in the traced
// program. A language packs its position into two words (BF: program id,
// pc; Python: code object, bytecode offset).
struct GreenKey {
  uint64_t code = 0;
  uint64_t pc = 0;
  bool operator==(const GreenKey&) const = default;
};

struct GreenKeyHash {
  size_t operator()(const GreenKey& k) const {
    uint64_t h = k.code * 0x9E3779B97F4A7C15ull ^ (k.pc + 0x632BE59BD9B4E019ull);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

inline constexpr int32_t kNoLoop = -1;

struct LoopCell {
  GreenKey key;
  int64_t count = 0;      // arrivals since the last reset (negative: backing off)
  int32_t loop = kNoLoop;  // the compiled loop entered here, if any
  uint32_t aborts = 0;
  uint32_t iterations = 1;  // loop iterations its trace spans (loop_unroll)
  uint32_t retraces = 0;    // recordings dropped for reaching another loop first (loop_retrace)
  uint32_t drops = 0;       // loops over several iterations dropped (loop_unroll_drop)
  uint32_t unstable = 0;    // recordings dropped as the next iteration took another path (loop_confirm)
  bool blacklisted = false;
};

enum class HotAction : uint8_t {
  kNone,   // keep interpreting
  kTrace,  // start recording here
  kEnter,  // a compiled loop starts here: enter it
};

class HotCounters {
 public:
  explicit HotCounters(const Params* params) : params_(params) {}

  // One arrival at a loop header; *cell_out names the location.
  HotAction tick(const GreenKey& key, uint32_t* cell_out) {
    uint32_t c = find_or_add(key);
    *cell_out = c;
    LoopCell& cell = cells_[c];
    if (cell.loop != kNoLoop) return HotAction::kEnter;
    if (cell.blacklisted) return HotAction::kNone;
    if (++cell.count < params_->threshold) return HotAction::kNone;
    cell.count = 0;
    decay_all(c);
    return HotAction::kTrace;
  }

  uint32_t find_or_add(const GreenKey& key) {
    CacheSlot& s = cache_[GreenKeyHash{}(key) & (kCacheSize - 1)];
    if (s.cell >= 0 && cells_[s.cell].key == key) return static_cast<uint32_t>(s.cell);
    uint32_t c = find_or_add_slow(key);
    s.cell = static_cast<int32_t>(c);
    return c;
  }
  // The cell of `key` if it was ever seen.
  const LoopCell* find(const GreenKey& key) const;

  // An abort of a recording that started at `cell`: back off or blacklist.
  // Returns true if the cell is now blacklisted.
  bool on_abort(uint32_t cell);
  void set_loop(uint32_t cell, int32_t loop) { cells_[cell].loop = loop; }

  LoopCell& cell(uint32_t c) { return cells_[c]; }
  const LoopCell& cell(uint32_t c) const { return cells_[c]; }
  size_t num_cells() const { return cells_.size(); }
  size_t num_blacklisted() const;

 private:
  static constexpr uint32_t kCacheSize = 256;
  struct CacheSlot {
    int32_t cell = -1;
  };
  uint32_t find_or_add_slow(const GreenKey& key);
  void decay_all(uint32_t except);

  const Params* params_;
  std::vector<LoopCell> cells_;
  std::unordered_map<GreenKey, uint32_t, GreenKeyHash> by_key_;
  CacheSlot cache_[kCacheSize];
  uint64_t jitter_state_ = 0x2545F4914F6CDD1Dull;
};

}  // namespace pyrite::jit::trace
