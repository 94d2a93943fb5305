// BF's runtime: the tape and buffered I/O, the part of BF that is ordinary
// C++ called residually from handlers (docs/bf.md).
#pragma once

#include <cstdint>

#include "jit/ir/types.h"
#include "jit/trace/specs.h"

namespace pyrite::langs::bf {

// The tape: kTapeCells zeroed cells reserved at one fixed address (pages are
// committed only when touched), so a trace can hold its base as a constant.
// A program that moves outside it stops with an error, never a crash.
inline constexpr uint64_t kTapeCells = uint64_t{1} << 26;

struct Tape {
  uint8_t* base = nullptr;
  uint64_t size = 0;
};
Tape make_tape();
void free_tape(Tape& t);

// `.`: appends a byte to the output buffer (flushed when full and at exit).
void bf_putchar(int64_t byte);
// `,`: the next byte of stdin, 0 at end of input.
int64_t bf_getchar();
void bf_flush();

namespace effect = jit::ir::effect;
inline constexpr auto kPutChar = jit::trace::residual("bf_putchar", &bf_putchar, effect::kWritesHeap);
// Reading consumes input, so it is a side effect as much as writing.
inline constexpr auto kGetChar =
    jit::trace::residual("bf_getchar", &bf_getchar, effect::kReadsHeap | effect::kWritesHeap);
// A cell: an unsigned byte of raw memory at tape base + index.
inline constexpr jit::trace::ArraySpec<uint8_t> kCell{"cell", 0, false, 0};

}  // namespace pyrite::langs::bf
