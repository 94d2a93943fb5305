// Executable memory for compiled traces (docs/jit_x64.md, "W^X").
#include "jit/x64/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "base/check.h"

namespace pyrite::jit::x64 {

namespace {
std::atomic<size_t> g_live_blocks{0};
std::atomic<size_t> g_live_bytes{0};

size_t page_size() {
  static const size_t p = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return p;
}
}  // namespace

CodeBlock::CodeBlock(size_t size) {
  size_t p = page_size();
  size_ = (size + p - 1) / p * p;
  if (size_ == 0) size_ = p;
  void* m = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  PYR_CHECK(m != MAP_FAILED);
  base_ = static_cast<uint8_t*>(m);
  g_live_blocks++;
  g_live_bytes += size_;
}

CodeBlock::~CodeBlock() {
  if (!base_) return;
  munmap(base_, size_);
  g_live_blocks--;
  g_live_bytes -= size_;
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

void CodeBlock::write(size_t offset, std::span<const uint8_t> bytes) {
  PYR_CHECK(!executable_ && offset + bytes.size() <= size_);
  std::memcpy(base_ + offset, bytes.data(), bytes.size());
}

void CodeBlock::protect(size_t offset, size_t length, bool exec) {
  size_t p = page_size();
  size_t first = offset / p * p;
  size_t last = (offset + length + p - 1) / p * p;
  int prot = exec ? (PROT_READ | PROT_EXEC) : (PROT_READ | PROT_WRITE);
  PYR_CHECK(mprotect(base_ + first, last - first, prot) == 0);
}

void CodeBlock::seal() {
  PYR_CHECK(!executable_);
  protect(0, size_, true);
  executable_ = true;
}

void CodeBlock::patch(size_t offset, std::span<const uint8_t> bytes) {
  PYR_CHECK(executable_ && offset + bytes.size() <= size_);
  protect(offset, bytes.size(), false);
  std::memcpy(base_ + offset, bytes.data(), bytes.size());
  protect(offset, bytes.size(), true);
  // x86 keeps instruction fetch coherent with data writes on one core;
  // the mprotect calls serialize for the (single) thread that runs code.
}

size_t CodeBlock::live_blocks() { return g_live_blocks; }
size_t CodeBlock::live_bytes() { return g_live_bytes; }

}  // namespace pyrite::jit::x64
