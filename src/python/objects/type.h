// Types: making builtin types from specs, classes from class statements,
// the MRO, attribute lookup with version-tagged caches, slot updates
// (docs/objects.md, "Types").
#pragma once

#include <initializer_list>

#include "python/objects/native.h"
#include "python/objects/object.h"

namespace pyrite::python {

// What a builtin type's file declares; make_builtin_type builds the Type.
struct TypeSpec {
  const char* name;                  // "list"
  Type* base = nullptr;              // null: object
  gc::LayoutId layout = gc::kNoLayout;  // layout of instances
  uint32_t instance_size = 0;        // size of a new instance (fixed-size layouts)
  uint32_t flags = 0;                // TypeFlag bits (kBaseType if subclassable)
  TraceFn trace = nullptr;           // the C++ struct's trace (heap subclasses reuse it)
  TypeSlots slots;                   // unset slots are inherited from base
  const MethodDef* methods = nullptr;   // {nullptr}-terminated
  const GetSetDef* getsets = nullptr;   // {nullptr}-terminated
  const char* doc = nullptr;
  const char* module = nullptr;      // __module__ if not "builtins"
};

// Builds and readies a builtin type: dict with method/getset descriptors
// and wrappers for the special methods its slots implement, mro, slots
// inherited. `into` is the global it is stored in (rooted).
Type* make_builtin_type(Type** into, const TypeSpec& spec);

// Registers a GC layout for a builtin C++ struct.
gc::LayoutId register_object_layout(const char* name, size_t fixed_size, TraceFn trace,
                                    size_t (*size)(const void*) = nullptr);

// ---- lookup -------------------------------------------------------------------

// The attribute `name` found along type's MRO (no descriptors invoked), or
// null (no exception set). Cached per (type version, name).
Value type_lookup(Type* type, Str* name);
// As type_lookup with a C string (interned on first use by the caller's
// static: see intern.h); for special-method lookups from C++.
Value lookup_special(Value obj, Str* name);

// Called after any change to a type's dict, bases or mro: new version tag
// for the type and its subclasses, slots recomputed for heap types.
void type_modified(Type* type, Str* changed_name);

// ---- classes ----------------------------------------------------------------------

// type(name, bases, dict) and the class statement: the metaclass's __new__
// for `type` itself. Computes the MRO (C3), layout, slots, __slots__,
// calls __set_name__ and __init_subclass__.
Value type_new(Type* metatype, Value name, Value bases, Value dict, Tuple* kwnames,
               const Value* kwvalues);
// The C3 linearization; null with TypeError ("Cannot create a consistent
// method resolution order (MRO) for bases A, B") on failure.
Tuple* compute_mro(Type* type);

// Instance attribute storage of heap-type instances (docs/objects.md,
// "Maps"): at type->attrs_offset every such instance holds
//   struct InstanceAttrs { Map* map; Object* storage; }
// or a dict once materialized (map == null, storage = the Dict).
struct InstanceAttrs {
  Map* map;
  Object* storage;
};
inline InstanceAttrs* instance_attrs(Value obj) {
  Type* t = type_of(obj);
  if (t->attrs_offset == 0) return nullptr;
  return reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(obj.object()) + t->attrs_offset);
}

// The generic attribute protocol (object.__getattribute__ etc.).
Value generic_getattr(Value obj, Str* name);
// As generic_getattr but a missing attribute returns null with no
// exception set (hasattr, getattr with default, LOAD_METHOD's fallback).
Value generic_getattr_or_null(Value obj, Str* name);
bool generic_setattr(Value obj, Str* name, Value v);
// The instance's own attribute (map or dict), or null.
Value instance_attr_get(Value obj, Str* name);
bool instance_attr_set(Value obj, Str* name, Value v);  // v null: delete; false+KeyError-free: AttributeError raised by caller
// obj.__dict__ (materializes the dict from the map).
Value instance_dict(Value obj);

}  // namespace pyrite::python
