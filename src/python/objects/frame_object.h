// Frame objects: the Python view of a frame (sys._getframe(), tb_frame,
// gi_frame), made on demand (docs/interp.md, "Frame objects").
//
// While its frame runs, a frame object reads it (`live`); when the frame
// returns, pop_frame detaches the object, which keeps a copy of what
// introspection needs (locals, line, globals).
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Frame;
struct Code;

struct FrameObject : Object {
  Frame* live;        // the running frame, or null once it has returned
  Code* code;
  Dict* globals;
  Dict* builtins;
  Value locals;       // after detaching: the final locals (a dict), or the mapping
  Value back;         // f_back captured at detach time (a frame object or null)
  Value trace;        // f_trace
  Value final;        // after detaching, when locals() had made `locals`: the final
                      // locals, merged into it whenever f_locals is read (as CPython)
  int32_t lasti;      // after detaching
  int32_t pad;
};

extern Type* frame_type;

// The frame object of `f`, made on first use.
Value frame_object_for(Frame* f);
// Called when `f` returns: the object stops reading the frame.
void frame_object_detach(Frame* f);
// A dict snapshot of a live frame's locals (f_locals, locals()).
Value frame_locals(Frame* f);

void init_frame_object();

}  // namespace pyrite::python
