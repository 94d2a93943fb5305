// BF's interpreter, written once as handlers over an execution context
// (docs/bf.md; the contract: docs/jit.md). Compiled with ConcreteContext it
// is the interpreter; with TracingContext it is the trace recorder.
//
// The frame state is the pc (a green: the position in the program) and the
// tape pointer (the only red). Cells live in tape memory, which the trace
// reads and writes for real, so a snapshot needs only pc and pointer.
// Handlers touch values only through `cx`: every branch on a cell or the
// pointer is `cx.is_true`, which the recorder turns into a guard.
#pragma once

#include <cstdint>
#include <span>

#include "jit/trace/hot_counters.h"
#include "langs/bf/program.h"
#include "langs/bf/runtime.h"

namespace pyrite::langs::bf {

template <class Cx>
struct Frame {
  typename Cx::Val ptr;  // the tape index
};

enum class Event : uint8_t {
  kNext,   // go on with `pc`
  kJit,    // the context stopped the dispatch loop at `pc` (see the driver)
  kError,  // the move at `pc` left the tape; the frame is as before it
  kEnd,
};

// The loop whose body starts at `pc`, for the hot counters.
inline jit::trace::GreenKey green_key(const Program& p, uint32_t pc) {
  return {reinterpret_cast<uint64_t>(&p), pc};
}

// ---- handlers ----------------------------------------------------------------

template <class Cx>
inline void op_add(Cx& cx, const Tape& t, Frame<Cx>& f, const Insn& in) {
  auto base = cx.const_int(reinterpret_cast<int64_t>(t.base));
  auto cell = cx.load_item(kCell, base, f.ptr);
  cx.store_item(kCell, base, f.ptr, cx.add(cell, cx.const_int(in.arg)));
}

template <class Cx>
inline Event op_move(Cx& cx, const Tape& t, Frame<Cx>& f, const Insn& in) {
  auto p = cx.add(f.ptr, cx.const_int(in.arg));
  // One unsigned compare catches both edges: left of 0 wraps to a huge index.
  if (!cx.is_true(cx.ult(p, cx.const_int(static_cast<int64_t>(t.size))))) return Event::kError;
  f.ptr = p;
  return Event::kNext;
}

// '[': a loop entered from outside when its cell is not zero (the
// recorder may then take the loop's whole run as its summary, and move
// `pc` to its exit).
template <class Cx>
inline void op_jz(Cx& cx, const Program& prog, const Tape& t, Frame<Cx>& f, const Insn& in,
                  uint32_t& pc) {
  auto cell = cx.load_item(kCell, cx.const_int(reinterpret_cast<int64_t>(t.base)), f.ptr);
  if (!cx.is_true(cell)) {
    pc = static_cast<uint32_t>(in.arg);
    return;
  }
  pc++;
  cx.loop_entry(green_key(prog, pc), std::span(&f.ptr, 1));
}

// ']': the backward jump, so the loop header.
template <class Cx>
inline Event op_jnz(Cx& cx, const Program& prog, const Tape& t, Frame<Cx>& f, const Insn& in,
                    uint32_t& pc) {
  auto cell = cx.load_item(kCell, cx.const_int(reinterpret_cast<int64_t>(t.base)), f.ptr);
  if (!cx.is_true(cell)) {
    pc++;
    return Event::kNext;
  }
  pc = static_cast<uint32_t>(in.arg);
  if (cx.loop_header(green_key(prog, pc), std::span(&f.ptr, 1))) return Event::kJit;
  return Event::kNext;
}

template <class Cx>
inline void op_out(Cx& cx, const Tape& t, Frame<Cx>& f) {
  auto cell = cx.load_item(kCell, cx.const_int(reinterpret_cast<int64_t>(t.base)), f.ptr);
  cx.call(kPutChar, cell);
}

template <class Cx>
inline void op_in(Cx& cx, const Tape& t, Frame<Cx>& f) {
  auto byte = cx.call(kGetChar);
  cx.store_item(kCell, cx.const_int(reinterpret_cast<int64_t>(t.base)), f.ptr, byte);
}

// ---- the dispatch loop -----------------------------------------------------------

// Runs from `pc` until the program ends, a move leaves the tape, or the
// context stops it (a hot loop header; for the recorder, a closed or
// aborted trace). Computed goto: one indirect jump per instruction.
template <class Cx>
Event run(Cx& cx, const Program& prog, const Tape& t, Frame<Cx>& f, uint32_t& pc) {
  static const void* const kLabels[] = {&&add, &&move, &&jz, &&jnz, &&out, &&in, &&end};
  static_assert(sizeof(kLabels) / sizeof(kLabels[0]) == static_cast<int>(BfOp::kEnd) + 1);
  const Insn* code = prog.code.data();
  Event ev;
#define PYR_BF_DISPATCH()                                    \
  do {                                                       \
    if (cx.stopped()) return Event::kJit;                    \
    cx.begin_instruction(pc);                                \
    goto* kLabels[static_cast<int>(code[pc].op)];            \
  } while (0)

  PYR_BF_DISPATCH();
add:
  op_add(cx, t, f, code[pc]);
  pc++;
  PYR_BF_DISPATCH();
move:
  ev = op_move(cx, t, f, code[pc]);
  if (ev != Event::kNext) return ev;
  pc++;
  PYR_BF_DISPATCH();
jz:
  op_jz(cx, prog, t, f, code[pc], pc);
  PYR_BF_DISPATCH();
jnz:
  ev = op_jnz(cx, prog, t, f, code[pc], pc);
  if (ev != Event::kNext) return ev;
  PYR_BF_DISPATCH();
out:
  op_out(cx, t, f);
  pc++;
  PYR_BF_DISPATCH();
in:
  op_in(cx, t, f);
  pc++;
  PYR_BF_DISPATCH();
end:
  return Event::kEnd;
#undef PYR_BF_DISPATCH
}

}  // namespace pyrite::langs::bf
