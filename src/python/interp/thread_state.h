// The interpreter's per-thread state: the VM stack, the frame chain, the
// recursion depth and the handled-exception stack (docs/interp.md).
#pragma once

#include <cstddef>
#include <cstdint>

#include "python/interp/frame.h"

namespace pyrite::python {

struct ThreadState {
  // The VM stack: frames are bump-allocated in [vm_base, vm_limit).
  char* vm_base = nullptr;
  char* vm_top = nullptr;
  char* vm_limit = nullptr;
  Frame* frame = nullptr;       // the innermost running frame
  int depth = 0;                // Python frames + C++ recursion guards
  int recursion_limit = 1000;
  // The exception being handled (sys.exc_info()): a stack, one entry per
  // active except/finally block, kept as the value stack of the frames
  // (PUSH_EXC_INFO saves the previous one there) plus this top.
  Value handled;                // null: none
  // Set by -X options.
  bool stress = false;
};

ThreadState& thread_state();
void init_thread_state();

// Pushes a zeroed frame for `code` on the VM stack and makes it the
// innermost one (ts.frame); null + RecursionError when the stack is
// exhausted. pop_frame makes its previous frame the innermost again.
Frame* push_frame(ThreadState& ts, Code* code);
void pop_frame(ThreadState& ts, Frame* f);

}  // namespace pyrite::python
