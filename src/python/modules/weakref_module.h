// Weak references for other C++ modules (_abc's sets of weak references to
// classes); the objects are _weakref's own (weakref_module.cpp).
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

// Whether weakref.ref(v) can be made (CPython's tp_weaklistoffset != 0).
bool weakref_can_reference(Value v);
// weakref.ref(target, callback): callback null or None for none (the
// target's shared callback-less ref then). TypeError "cannot create weak
// reference to 'T' object" when it cannot be referenced.
Value weakref_new(Value target, Value callback);
// The referent of a weakref.ref (or of a subclass), null once it died.
Object* weakref_referent(Value ref);

}  // namespace pyrite::python
