// BF's runtime: tape memory and buffered I/O (docs/bf.md).
#include "langs/bf/runtime.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>

#include "base/check.h"

namespace pyrite::langs::bf {

namespace {
constexpr size_t kOutSize = 1 << 16;
unsigned char out_buf[kOutSize];
size_t out_len = 0;
int stdin_is_tty = -1;
}  // namespace

Tape make_tape() {
  void* p = mmap(nullptr, kTapeCells, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  PYR_CHECK_MSG(p != MAP_FAILED, "cannot reserve the BF tape");
  return Tape{static_cast<uint8_t*>(p), kTapeCells};
}

void free_tape(Tape& t) {
  if (t.base) munmap(t.base, t.size);
  t = Tape{};
}

void bf_flush() {
  size_t done = 0;
  while (done < out_len) {
    ssize_t n = write(1, out_buf + done, out_len - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  out_len = 0;
}

void bf_putchar(int64_t byte) {
  if (out_len == kOutSize) bf_flush();
  out_buf[out_len++] = static_cast<unsigned char>(byte);
}

int64_t bf_getchar() {
  // An interactive user sees the prompt before typing the answer.
  if (stdin_is_tty < 0) stdin_is_tty = isatty(0);
  if (stdin_is_tty && out_len) bf_flush();
  int c = std::getchar();
  return c == EOF ? 0 : c;
}

}  // namespace pyrite::langs::bf
