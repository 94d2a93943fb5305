// Executable memory for compiled traces (docs/jit_x64.md, "W^X").
//
// Invariants: every page of a CodeBlock is writable or executable, never
// both. A block is filled while RW and then sealed RX; patching (a guard's
// exit redirected to a bridge) flips the touched pages to RW, writes, and
// flips them back. One mmap per block, unmapped by the destructor: a
// loop's code is freed exactly when its CompiledTrace is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace pyrite::jit::x64 {

class CodeBlock {
 public:
  CodeBlock() = default;
  // Maps at least `size` bytes, RW (not yet executable). Aborts on failure.
  explicit CodeBlock(size_t size);
  ~CodeBlock();
  CodeBlock(CodeBlock&& o) noexcept;
  CodeBlock& operator=(CodeBlock&& o) noexcept;
  CodeBlock(const CodeBlock&) = delete;
  CodeBlock& operator=(const CodeBlock&) = delete;

  uint8_t* data() const { return base_; }
  size_t size() const { return size_; }          // the mapping (whole pages)
  bool executable() const { return executable_; }
  bool contains(const void* p) const {
    auto a = static_cast<const uint8_t*>(p);
    return a >= base_ && a < base_ + size_;
  }

  // Copies `bytes` to the block's start while it is still writable.
  void write(size_t offset, std::span<const uint8_t> bytes);
  // RW -> RX (done once after the first write).
  void seal();
  // Writes `bytes` at `offset` of a sealed block: RW, copy, RX again.
  void patch(size_t offset, std::span<const uint8_t> bytes);

  // Live blocks and mapped bytes in this process (tests check for leaks).
  static size_t live_blocks();
  static size_t live_bytes();

 private:
  void protect(size_t offset, size_t length, bool exec);
  uint8_t* base_ = nullptr;
  size_t size_ = 0;
  bool executable_ = false;
};

}  // namespace pyrite::jit::x64
