// Block management for the bump allocator (docs/base.md).
#include "base/arena.h"

#include <cstdlib>

namespace pyrite::base {

Arena::~Arena() {
  while (blocks_) {
    Block* next = blocks_->next;
    std::free(blocks_);
    blocks_ = next;
  }
}

void* Arena::allocate_slow(size_t size, size_t align) {
  // Large requests get a block of their own so a big array does not waste
  // the rest of the current block.
  size_t need = sizeof(Block) + size + align;
  size_t block_size = need > kBlockSize / 4 ? need : kBlockSize;
  auto* b = static_cast<Block*>(std::malloc(block_size));
  if (!b) throw std::bad_alloc();
  total_ += block_size;
  b->next = blocks_;
  blocks_ = b;
  char* start = reinterpret_cast<char*>(b + 1);
  uintptr_t p = (reinterpret_cast<uintptr_t>(start) + (align - 1)) & ~(uintptr_t(align) - 1);
  if (block_size == kBlockSize) {
    cur_ = reinterpret_cast<char*>(p + size);
    end_ = reinterpret_cast<char*>(b) + block_size;
  }
  return reinterpret_cast<void*>(p);
}

}  // namespace pyrite::base
