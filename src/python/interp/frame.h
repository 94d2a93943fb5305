// Frames on the VM stack (docs/interp.md, "Frames").
//
// A frame is a header followed by its slots: the fast locals (varnames,
// cells, free variables: code->nlocalsplus) and then the value stack
// (code->stacksize). Frames are pushed on one contiguous VM stack per
// thread; a generator's frame lives inside the generator object and is
// linked into the chain while it runs. A Python-to-Python call pushes a
// frame and the same dispatch loop continues with it: no C++ recursion.
//
//   +-----------------+--------------------------+--------------------+
//   | Frame header    | localsplus[nlocalsplus]  | stack[stacksize]   |
//   +-----------------+--------------------------+--------------------+
//                     ^ slots()                  ^ stack_base()
//
// GC: every slot of a live frame is visited (all slots are zeroed when the
// frame is pushed, so slots above the stack pointer hold values that were
// kept alive since they were pushed: harmless, and no stack pointer has
// to be published before each allocation).
#pragma once

#include <cstdint>

#include "python/objects/code.h"
#include "python/objects/object.h"

namespace pyrite::python {

struct Function;

// What the caller does with a frame's return value (DESIGN.md,
// "continuation kinds"): the frame was pushed from inside an instruction
// of the caller, which resumes according to this kind.
enum class Continuation : uint8_t {
  kPush,          // an ordinary call: push the result (CALL, __getitem__, property getters)
  kEntry,         // the frame was entered from C++: return the result from run()
  kInit,          // __init__ during instantiation: result must be None; push the new instance (extra)
  kDiscard,       // ignore the result (__setitem__)
  kForIter,       // __next__ of FOR_ITER: push the item; StopIteration ends the loop (extra = jump target)
  kGetIter,       // __iter__ of GET_ITER: the result must be an iterator
  kBinary,        // a BINARY_OP dunder: NotImplemented falls back (extra = the op arg); operands stay on the caller's stack
  kCompare,       // a COMPARE_OP dunder: NotImplemented tries the reflected one (extra = the op)
};

struct Frame {
  Code* code;
  Function* func;      // null for module, class and exec bodies
  Dict* globals;
  Dict* builtins;
  Value locals;        // the locals mapping of non-optimized code, else null
  Frame* previous;     // the caller (or the frame below, for C++ entries)
  Object* generator;   // the generator owning this frame, or null
  Object* frame_object;  // the Python-visible frame object, made lazily
  Value extra;         // continuation data (the instance for kInit)
  uint32_t pc;         // unit offset of the current/next instruction
  uint32_t stack_depth;  // saved value-stack depth when not executing
  Continuation cont;
  uint8_t on_vm_stack; // 1: pushed on the VM stack (popped on return)
  uint16_t pad;
  int32_t lasti;       // offset of the last instruction started (tracebacks)

  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
  Value* stack_base() { return slots() + code->nlocalsplus; }
  static size_t size_for(const Code* c) {
    return sizeof(Frame) + size_t(c->nlocalsplus + c->stacksize) * sizeof(Value);
  }
};
static_assert(sizeof(Frame) % 8 == 0);

void visit_frame(Frame* f, gc::Visitor& v);

}  // namespace pyrite::python
