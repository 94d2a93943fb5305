// The dispatch loop's entry point (docs/interp.md, "The dispatch loop").
#pragma once

#include "python/interp/thread_state.h"

namespace pyrite::python {

// Runs `entry` (already pushed and filled) until it returns, yields (a
// generator frame) or raises. Null: an exception is pending.
// throw_pending: the frame resumes by raising the pending exception at its
// current instruction (generator.throw()).
Value run(ThreadState& ts, Frame* entry, bool throw_pending = false);

// sys.<name> (null + error when sys or the attribute is missing).
Value get_sys_attr(const char* name);

}  // namespace pyrite::python
