// Executable memory for compiled traces (docs/jit_x64.md, "Code memory").
//
// All code lives in one pool: an address range reserved once (kArenaBytes,
// PROT_NONE, so it costs no memory until used) and handed out by first-fit
// over a free list with a bump pointer at the top. Every block is within
// rel32 reach of every other, so traces jump into each other with a plain
// `jmp rel32`.
//
// Invariants: no page of the pool is ever writable and executable at once.
// A block is written with the pages it touches turned RW (mprotect) and
// then RX again (at the end of the enclosing CodeWriteBatch, if any); a page shared with a neighbouring block is not executed
// meanwhile (one thread runs compiled code, and compiling or patching is
// never done from inside it). Freeing a block returns its bytes to the free
// list (coalesced with its neighbours); when the free space reaches the top
// of the pool the whole pages above the new top are given back to the OS
// (madvise DONTNEED, PROT_NONE).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace pyrite::jit::x64 {

// The reserved range: every trace's code fits in it (compile aborts if it
// fills up; 1 GiB of machine code is far beyond any run so far).
inline constexpr size_t kArenaBytes = size_t(1) << 30;
inline constexpr size_t kCodeAlign = 16;

class CodeBlock {
 public:
  CodeBlock() = default;
  // Takes at least `size` bytes from the pool, not yet executable.
  explicit CodeBlock(size_t size);
  ~CodeBlock();
  CodeBlock(CodeBlock&& o) noexcept;
  CodeBlock& operator=(CodeBlock&& o) noexcept;
  CodeBlock(const CodeBlock&) = delete;
  CodeBlock& operator=(const CodeBlock&) = delete;

  uint8_t* data() const { return base_; }
  size_t size() const { return size_; }          // rounded up to kCodeAlign
  bool executable() const { return executable_; }
  bool contains(const void* p) const {
    auto a = static_cast<const uint8_t*>(p);
    return a >= base_ && a < base_ + size_;
  }

  // Writes the whole code once (pages RW, copy, RX): the block is sealed.
  void fill(std::span<const uint8_t> bytes);
  // Writes `bytes` at `offset` of a sealed block: RW, copy, RX again.
  void patch(size_t offset, std::span<const uint8_t> bytes);

  // Live blocks and their bytes in this process (tests check for leaks),
  // and the pool's pages in use (the bump top, rounded to pages).
  static size_t live_blocks();
  static size_t live_bytes();
  static size_t pool_top_bytes();

 private:
  uint8_t* base_ = nullptr;
  size_t size_ = 0;
  bool executable_ = false;
};

// While a CodeWriteBatch lives (on the thread that compiles), fill and
// patch leave the pages they write RW, not executable, and the batch's end
// turns them all RX in as few mprotect calls as the ranges allow: a
// bridge's compile, its glue and the patch of its parent's guard toggle
// each page once instead of once per write. Nothing may run compiled code
// while a batch is open (the JIT opens one around an install, which runs
// no trace). Batches nest; the outermost one seals.
class CodeWriteBatch {
 public:
  CodeWriteBatch();
  ~CodeWriteBatch();
  CodeWriteBatch(const CodeWriteBatch&) = delete;
  CodeWriteBatch& operator=(const CodeWriteBatch&) = delete;
};

}  // namespace pyrite::jit::x64
