// Blocks, lines and the block space (docs/gc.md; invariants in block.h).
#include "gc/block.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <functional>

#include "base/check.h"

namespace pyrite::gc {

uintptr_t Block::find_object(uintptr_t addr) const {
  size_t g = granule_of(addr);
  if (g < kFirstGranule) return 0;
  size_t w = g >> 6;
  uint64_t bits = starts[w] & (~uint64_t(0) >> (63 - (g & 63)));
  // A small object spans at most kLargeThreshold / 16 granules, so the
  // search never needs to look further back than that.
  size_t floor = g >= kLargeThreshold / kGranule ? (g - kLargeThreshold / kGranule) >> 6 : 0;
  while (bits == 0) {
    if (w == floor) return 0;
    bits = starts[--w];
  }
  size_t s = w * 64 + 63 - size_t(__builtin_clzll(bits));
  uintptr_t obj = base() + (s << kGranuleShift);
  size_t size = header_small_size(reinterpret_cast<const Header*>(obj));
  return addr < obj + size ? obj : 0;
}

bool Block::next_hole(uintptr_t* begin, uintptr_t* end) {
  size_t i = alloc_line;
  while (i < kLinesPerBlock && line_marks[i]) i++;
  if (i == kLinesPerBlock) {
    alloc_line = uint16_t(i);
    return false;
  }
  size_t j = i + 1;
  while (j < kLinesPerBlock && !line_marks[j]) j++;
  alloc_line = uint16_t(j);
  *begin = base() + (i << kLineShift);
  *end = base() + (j << kLineShift);
  return true;
}

BlockSpace::~BlockSpace() {
  for (uintptr_t c : chunks_) munmap(reinterpret_cast<void*>(c), kChunkSize);
}

bool BlockSpace::map_chunk() {
  void* raw = mmap(nullptr, 2 * kChunkSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
  if (raw == MAP_FAILED) return false;
  uintptr_t r = reinterpret_cast<uintptr_t>(raw);
  uintptr_t base = (r + kChunkSize - 1) & ~(kChunkSize - 1);
  if (base > r) munmap(raw, base - r);
  uintptr_t tail = base + kChunkSize;
  if (r + 2 * kChunkSize > tail) munmap(reinterpret_cast<void*>(tail), r + 2 * kChunkSize - tail);
  chunks_.insert(std::lower_bound(chunks_.begin(), chunks_.end(), base), base);
  for (size_t i = kBlocksPerChunk; i-- > 0;)
    zeroed_.push_back(reinterpret_cast<Block*>(base + i * kBlockSize));
  return true;
}

Block* BlockSpace::take_recyclable() {
  if (recyclable_.empty()) return nullptr;
  Block* b = recyclable_.back();
  recyclable_.pop_back();
  return b;
}

Block* BlockSpace::take_free() {
  if (free_.empty()) return nullptr;
  Block* b = free_.back();
  free_.pop_back();
  b->alloc_line = uint16_t(kFirstLine);
  b->fresh = 0;
  in_use_.push_back(b);
  return b;
}

Block* BlockSpace::take_fresh() {
  if (zeroed_.empty() && !map_chunk()) return nullptr;
  Block* b = zeroed_.back();
  zeroed_.pop_back();
  committed_blocks_++;
  b->free_lines = uint32_t(kUsableLines);
  b->alloc_line = uint16_t(kFirstLine);
  b->fresh = 1;
  in_use_.push_back(b);
  return b;
}

Block* BlockSpace::block_containing(uintptr_t addr) const {
  uintptr_t chunk = addr & ~(kChunkSize - 1);
  if (!std::binary_search(chunks_.begin(), chunks_.end(), chunk)) return nullptr;
  return Block::of(addr);
}

void BlockSpace::clear_line_marks() {
  for (Block* b : in_use_) std::memset(b->line_marks + kFirstLine, 0, kUsableLines);
}

// Keeps `reserve` committed free blocks (what the mutator will need before
// the next collection) and gives the rest back to the OS, lowest addresses
// kept, adjacent blocks returned with one call.
void BlockSpace::release_free(size_t reserve) {
  if (free_.size() <= reserve) return;
  std::sort(free_.begin(), free_.end(), std::greater<Block*>());
  size_t excess = free_.size() - reserve;
  std::vector<Block*> give_back(free_.begin(), free_.begin() + excess);
  free_.erase(free_.begin(), free_.begin() + excess);
  for (size_t i = 0; i < give_back.size();) {
    size_t j = i + 1;
    while (j < give_back.size() && give_back[j]->base() + kBlockSize == give_back[j - 1]->base()) j++;
    madvise(give_back[j - 1], (j - i) * kBlockSize, MADV_DONTNEED);
    i = j;
  }
  committed_blocks_ -= give_back.size();
  zeroed_.insert(zeroed_.end(), give_back.begin(), give_back.end());
}

BlockSpace::SweepResult BlockSpace::sweep(bool poison, size_t reserve) {
  SweepResult r;
  recyclable_.clear();
  size_t kept = 0;
  for (Block* b : in_use_) {
    for (size_t w = 0; w < kBitmapWords; w++) {
      uint64_t dead = b->starts[w] & ~b->marks[w];
      if (poison) {
        while (dead) {
          size_t g = w * 64 + size_t(__builtin_ctzll(dead));
          dead &= dead - 1;
          auto* h = reinterpret_cast<Header*>(b->base() + (g << kGranuleShift));
          std::memset(h, 0xdb, header_small_size(h));
        }
      }
      b->starts[w] &= b->marks[w];
      b->marks[w] = 0;
    }
    size_t free_lines = 0;
    for (size_t i = kFirstLine; i < kLinesPerBlock; i++) free_lines += b->line_marks[i] == 0;
    b->free_lines = uint32_t(free_lines);
    b->alloc_line = uint16_t(kFirstLine);
    b->fresh = 0;
    r.live_lines += kUsableLines - free_lines;
    if (free_lines == kUsableLines) {
      free_.push_back(b);
      r.free_blocks++;
      continue;
    }
    if (free_lines > 0) recyclable_.push_back(b);
    in_use_[kept++] = b;
  }
  in_use_.resize(kept);
  // Allocate into the emptiest recyclable blocks last, fullest first: the
  // allocator pops from the back, and small holes fill before big ones
  // would be broken up. (Order only affects fragmentation, not safety.)
  std::sort(recyclable_.begin(), recyclable_.end(),
            [](const Block* a, const Block* b) { return a->free_lines > b->free_lines; });
  release_free(reserve);
  return r;
}

}  // namespace pyrite::gc
