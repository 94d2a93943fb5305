// The interpreter's per-thread state: the VM stack, the frame chain, the
// recursion depth and the handled-exception stack (docs/interp.md).
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/check.h"
#include "python/interp/frame.h"

namespace pyrite::python {

struct ThreadState {
  // The VM stack: frames are bump-allocated in [vm_base, vm_limit).
  char* vm_base = nullptr;
  char* vm_top = nullptr;
  char* vm_limit = nullptr;
  Frame* frame = nullptr;       // the innermost running frame
  // The recursion depth, counted as CPython 3.11 counts it (docs/interp.md,
  // "Recursion depth"): Python frames, calls of native callables, and the
  // C++ recursion guards (enter_recursive_call).
  int depth = 0;
  int recursion_limit = 1000;
  // The exception being handled (sys.exc_info()): a stack, one entry per
  // active except/finally block, kept as the value stack of the frames
  // (PUSH_EXC_INFO saves the previous one there) plus this top. `handled`
  // belongs to the innermost running generator (or, outside generators, to
  // the whole stack); `handled_outer` is what its resumers handle, seen
  // when the generator handles nothing itself (CPython's exc_info chain).
  Value handled;                // null: none
  Value handled_outer;          // null: none
  // Set by -X options.
  bool stress = false;
};

extern ThreadState g_thread_state;

// The exception sys.exc_info() reports: the innermost generator's own, or
// its resumers'.
inline Value handled_exception(const ThreadState& ts) { return ts.handled ? ts.handled : ts.handled_outer; }
inline ThreadState& thread_state() { return g_thread_state; }
void init_thread_state();

// CPython 3.11 specializes a code object's instructions from its 8th
// execution or loop iteration on (RESUME, JUMP_BACKWARD); a warm CALL site
// of some native functions then skips the recursion check (native.h,
// call_native_specialized). Code::warmth counts up to kWarmAfter.
inline constexpr int32_t kWarmAfter = 8;
inline void warm_up(Code* code) {
  if (code->warmth < kWarmAfter) code->warmth++;
}
inline bool is_warm(const Code* code) { return code->warmth >= kWarmAfter; }

// Pushes a zeroed frame for `code` on the VM stack and makes it the
// innermost one (ts.frame); null + RecursionError when the stack is
// exhausted. pop_frame makes its previous frame the innermost again.
Frame* push_frame(ThreadState& ts, Code* code);

void frame_object_detach(Frame* f);  // frame_object.h
inline void pop_frame(ThreadState& ts, Frame* f) {
  // An __init__ frame of C(...) also holds the level of the call of C
  // (push_init_frame).
  ts.depth -= f->cont == Continuation::kInit ? 2 : 1;
  // Detach while f is still linked: copying its locals allocates, and the
  // collector must still see f's slots as roots.
  if (__builtin_expect(f->frame_object != nullptr, 0)) frame_object_detach(f);
  ts.frame = f->previous;
  if (f->on_vm_stack) {
    PYR_DCHECK(reinterpret_cast<char*>(f) + Frame::size_for(f->code) == ts.vm_top);
    ts.vm_top = reinterpret_cast<char*>(f);
  }
}

// A C++ exception (std::bad_alloc: a std::string or std::vector grown past
// the memory limit) unwinds the C++ code under an instruction up to the
// dispatch loop, which raises MemoryError there. The state that C++ code
// keeps balanced is the same before every instruction of one run() as at
// its entry, captured here: the recursion depth (beyond the frames) and the
// repr guards (protocol.h, repr_enter).
struct UnwindPoint {
  int depth;
  size_t repr_guards;
};
UnwindPoint unwind_point(const ThreadState& ts);
// After the unwinding, under an instruction of `frame` in the run() entered
// at `entry`: unlinks the frames the instruction linked, restores the VM
// stack top, the depth and the repr guards.
void recover_from_unwinding(ThreadState& ts, Frame* frame, Frame* entry, UnwindPoint at_entry);

}  // namespace pyrite::python
