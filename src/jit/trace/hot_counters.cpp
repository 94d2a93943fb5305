// Hot counters: the slow paths of trace selection (docs/jit.md, "Trace selection").
#include "jit/trace/hot_counters.h"

namespace pyrite::jit::trace {

uint32_t HotCounters::find_or_add_slow(const GreenKey& key) {
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return it->second;
  uint32_t c = static_cast<uint32_t>(cells_.size());
  cells_.push_back(LoopCell{key});
  by_key_.emplace(key, c);
  return c;
}

const LoopCell* HotCounters::find(const GreenKey& key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &cells_[it->second];
}

void HotCounters::decay_all(uint32_t except) {
  int64_t keep = 1000 - params_->decay;
  if (keep >= 1000) return;
  for (uint32_t i = 0; i < cells_.size(); i++)
    if (i != except && cells_[i].count > 0) cells_[i].count = cells_[i].count * keep / 1000;
}

bool HotCounters::on_abort(uint32_t c) {
  LoopCell& cell = cells_[c];
  cell.aborts++;
  if (cell.aborts >= static_cast<uint64_t>(params_->max_aborts)) {
    cell.blacklisted = true;
    return true;
  }
  // xorshift64: deterministic jitter, so runs are reproducible.
  jitter_state_ ^= jitter_state_ << 13;
  jitter_state_ ^= jitter_state_ >> 7;
  jitter_state_ ^= jitter_state_ << 17;
  uint32_t shift = cell.aborts - 1 < 20 ? cell.aborts - 1 : 20;
  int64_t penalty = (params_->abort_backoff << shift) + static_cast<int64_t>(jitter_state_ & 15);
  cell.count = -penalty;
  return false;
}

size_t HotCounters::num_blacklisted() const {
  size_t n = 0;
  for (const LoopCell& c : cells_) n += c.blacklisted;
  return n;
}

}  // namespace pyrite::jit::trace
