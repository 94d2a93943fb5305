// Module objects (docs/interp.md, "Modules and imports").
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Module : Object {
  Dict* dict;
  Object* attrs_map;      // InstanceAttrs slot for subclasses of module (unused: modules keep attributes in dict)
  Object* attrs_storage;
};

extern gc::LayoutId kModuleLayout;

inline bool is_module(Value v) { return v.is_object() && type_of(v)->native_base == types::module; }

// A new module with __name__ (and __doc__ None, __package__/__loader__/__spec__ None).
Module* module_new(Str* name);
void init_module();

}  // namespace pyrite::python
