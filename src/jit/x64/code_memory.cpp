// Executable memory for compiled traces: one pool, first-fit with a bump
// top, W^X by mprotect of the pages being written, batched per install
// (docs/jit_x64.md, "Code memory").
#include "jit/x64/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>
#include <vector>
#include <map>
#include <mutex>

#include "base/check.h"

namespace pyrite::jit::x64 {

namespace {

size_t page_size() {
  static const size_t p = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return p;
}

class Pool {
 public:
  uint8_t* allocate(size_t size) {
    std::lock_guard<std::mutex> g(mu_);
    if (!arena_) {
      void* m = mmap(nullptr, kArenaBytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
      PYR_CHECK_MSG(m != MAP_FAILED, "cannot reserve the code pool");
      arena_ = static_cast<uint8_t*>(m);
    }
    live_blocks_++;
    live_bytes_ += size;
    // First fit among the freed ranges below the top.
    for (auto it = free_.begin(); it != free_.end(); ++it) {
      if (it->second < size) continue;
      size_t offset = it->first, rest = it->second - size;
      free_.erase(it);
      if (rest) free_[offset + size] = rest;
      return arena_ + offset;
    }
    PYR_CHECK_MSG(top_ + size <= kArenaBytes, "the code pool is full");
    size_t offset = top_;
    top_ += size;
    return arena_ + offset;
  }

  void release(uint8_t* p, size_t size) {
    seal_pending();  // pages given back below must not be sealed later
    std::lock_guard<std::mutex> g(mu_);
    live_blocks_--;
    live_bytes_ -= size;
    size_t offset = static_cast<size_t>(p - arena_);
    // Coalesce with the free neighbours.
    auto next = free_.lower_bound(offset);
    if (next != free_.end() && next->first == offset + size) {
      size += next->second;
      next = free_.erase(next);
    }
    if (next != free_.begin()) {
      auto prev = std::prev(next);
      if (prev->first + prev->second == offset) {
        offset = prev->first;
        size += prev->second;
        free_.erase(prev);
      }
    }
    if (offset + size == top_) {
      // The top moves down; whole pages above it go back to the OS.
      top_ = offset;
      size_t ps = page_size();
      size_t first = (top_ + ps - 1) / ps * ps, last = mapped_top_;
      if (last > first) {
        PYR_CHECK(madvise(arena_ + first, last - first, MADV_DONTNEED) == 0);
        PYR_CHECK(mprotect(arena_ + first, last - first, PROT_NONE) == 0);
        mapped_top_ = first;
      }
      return;
    }
    free_[offset] = size;
  }

  // RW or RX for the pages holding [p, p + n). In a batch, RX waits for
  // its end, and pages already made RW in it are not touched again.
  void protect(uint8_t* p, size_t n, bool exec) {
    size_t ps = page_size();
    size_t first = static_cast<size_t>(p - arena_) / ps * ps;
    size_t last = (static_cast<size_t>(p - arena_) + n + ps - 1) / ps * ps;
    if (batch_depth_ > 0) {
      if (exec) return;
      for (const auto& [lo, hi] : pending_)
        if (lo <= first && last <= hi) return;
      pending_.emplace_back(first, last);
    }
    int prot = exec ? (PROT_READ | PROT_EXEC) : (PROT_READ | PROT_WRITE);
    PYR_CHECK(mprotect(arena_ + first, last - first, prot) == 0);
    std::lock_guard<std::mutex> g(mu_);
    if (last > mapped_top_) mapped_top_ = last;
  }

  void begin_batch() { batch_depth_++; }
  void end_batch() {
    if (--batch_depth_ == 0) seal_pending();
  }
  // Turns the batch's RW pages RX: sorted, adjacent or overlapping ranges merged.
  void seal_pending() {
    if (pending_.empty()) return;
    std::sort(pending_.begin(), pending_.end());
    size_t lo = pending_[0].first, hi = pending_[0].second;
    auto seal = [&] { PYR_CHECK(mprotect(arena_ + lo, hi - lo, PROT_READ | PROT_EXEC) == 0); };
    for (size_t k = 1; k < pending_.size(); k++) {
      if (pending_[k].first <= hi) {
        hi = std::max(hi, pending_[k].second);
        continue;
      }
      seal();
      lo = pending_[k].first, hi = pending_[k].second;
    }
    seal();
    pending_.clear();
  }

  size_t live_blocks() const { return live_blocks_; }
  size_t live_bytes() const { return live_bytes_; }
  size_t top_bytes() const { return mapped_top_; }

 private:
  std::mutex mu_;
  uint8_t* arena_ = nullptr;
  size_t top_ = 0;         // bump pointer: everything above is free
  size_t mapped_top_ = 0;  // pages below it have been made accessible
  std::map<size_t, size_t> free_;  // offset -> size, below top_, coalesced
  size_t live_blocks_ = 0, live_bytes_ = 0;
  int batch_depth_ = 0;
  std::vector<std::pair<size_t, size_t>> pending_;  // RW page ranges of the open batch
};

Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: code may outlive static destructors
  return *p;
}

}  // namespace

CodeBlock::CodeBlock(size_t size) {
  size_ = (std::max<size_t>(size, 1) + kCodeAlign - 1) / kCodeAlign * kCodeAlign;
  base_ = pool().allocate(size_);
}

CodeBlock::~CodeBlock() {
  if (base_) pool().release(base_, size_);
}

CodeBlock::CodeBlock(CodeBlock&& o) noexcept
    : base_(o.base_), size_(o.size_), executable_(o.executable_) {
  o.base_ = nullptr;
  o.size_ = 0;
}

CodeBlock& CodeBlock::operator=(CodeBlock&& o) noexcept {
  if (this != &o) {
    this->~CodeBlock();
    base_ = o.base_;
    size_ = o.size_;
    executable_ = o.executable_;
    o.base_ = nullptr;
    o.size_ = 0;
  }
  return *this;
}

void CodeBlock::fill(std::span<const uint8_t> bytes) {
  PYR_CHECK(!executable_ && bytes.size() <= size_);
  pool().protect(base_, size_, false);
  std::memcpy(base_, bytes.data(), bytes.size());
  // Alignment padding: int3, never executed.
  std::memset(base_ + bytes.size(), 0xCC, size_ - bytes.size());
  pool().protect(base_, size_, true);
  executable_ = true;
}

void CodeBlock::patch(size_t offset, std::span<const uint8_t> bytes) {
  PYR_CHECK(executable_ && offset + bytes.size() <= size_);
  pool().protect(base_ + offset, bytes.size(), false);
  std::memcpy(base_ + offset, bytes.data(), bytes.size());
  pool().protect(base_ + offset, bytes.size(), true);
  // x86 keeps instruction fetch coherent with data writes on one core;
  // the mprotect calls serialize for the (single) thread that runs code.
}

CodeWriteBatch::CodeWriteBatch() { pool().begin_batch(); }
CodeWriteBatch::~CodeWriteBatch() { pool().end_batch(); }

size_t CodeBlock::live_blocks() { return pool().live_blocks(); }
size_t CodeBlock::live_bytes() { return pool().live_bytes(); }
size_t CodeBlock::pool_top_bytes() { return pool().top_bytes(); }

}  // namespace pyrite::jit::x64
