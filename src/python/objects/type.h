// Types: making builtin types from specs, classes from class statements,
// the MRO, attribute lookup with version-tagged caches, slot updates
// (docs/objects.md, "Types").
#pragma once

#include <initializer_list>
#include <string>

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
  // With a module, the name messages use (CPython's tp_name) is
  // "module.name", as for CPython's C types; types CPython writes in Python
  // (heap types there) say only their name.
  bool python_class_name = false;
  // Offset of an InstanceAttrs inside the C++ struct (exceptions), 0: none.
  // Builtin subtypes inherit their base's.
  int32_t attrs_offset = 0;
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
// True if `s` encodes to UTF-8 (no lone surrogates); else false with
// UnicodeEncodeError, as CPython's PyUnicode_AsUTF8 for type names and docs.
bool str_check_encodable(Str* s);
// The C3 linearization; null with TypeError ("Cannot create a consistent
// method resolution order (MRO) for bases A, B") on failure.
Tuple* compute_mro(Type* type);
// The MRO a class gets (CPython's mro_invoke): its metaclass's mro() when the
// metaclass is not `type` and overrides it, checked (every entry a class with
// a layout compatible with t's); else compute_mro. May run Python code.
Tuple* invoke_mro(Type* t);

// Instance attribute storage of heap-type instances (docs/objects.md,
// "Maps"): at type->attrs_offset every such instance holds
//   struct InstanceAttrs { Map* map; Object* storage; }
// or a dict once materialized (map == null, storage = the Dict).
struct InstanceAttrs {
  Map* map;
  Object* storage;
};
// attrs_offset > 0: at that offset (fixed-size structs); < 0: at the end of
// a variable-size object (var_instance_attrs); 0: the instance has none.
InstanceAttrs* var_instance_attrs(Object* o);
inline InstanceAttrs* instance_attrs(Value obj) {
  if (!obj.is_object()) return nullptr;
  Type* t = obj.object()->type;
  if (t->attrs_offset == 0) return nullptr;
  if (t->attrs_offset < 0) return var_instance_attrs(obj.object());
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

// ---- more of the core API (docs/objects.md, "Types and slots") -------------------

// Interned special-method and attribute names: names::__init__ etc.
namespace names {
#define PYR_NAME(n) extern Str* n;
#include "python/objects/special_names.def"
}  // namespace names

extern gc::LayoutId kTypeLayout;

// Allocating an instance of `t`, which may be a heap subtype of the builtin
// that owns the C++ struct (`class L(list)`): always allocate through these
// in a builtin's __new__, so the instance gets t's layout and room for
// __slots__ and instance attributes.
//   fixed-size structs: alloc_instance(t) gives t->instance_size bytes.
//   variable-size ones (str, tuple, int, bytes): alloc_var_instance(t,
//   native_bytes) adds the attrs tail for heap subtypes (at
//   round16(native size of the object), computed by the layout's size hook).
// Null + MemoryError on failure (fixed size: fatal, like allocate<T>).
Object* alloc_instance(Type* t);
Object* try_alloc_var_instance(Type* t, size_t native_bytes);
template <class T>
inline T* alloc_var_instance(Type* t, size_t native_bytes) {
  return static_cast<T*>(try_alloc_var_instance(t, native_bytes));
}

// True if the type's instances are variable-size (str, int, tuple, bytes).
bool type_is_var_size(const Type* t);

// The builtin's type `T.__new__` check: "T.__new__(X): X is not a subtype of
// T"; also "X is not a type object". Returns the type or null.
Type* check_new_subtype(Value arg, Type* base, const char* where);

// type's getattr (type.__getattribute__): metaclass data descriptors, then
// the class's MRO (descriptors bound with obj = null), then the metaclass.
Value type_getattro(Value type, Str* name);
Value type_getattr_or_null(Type* t, Str* name);
// Sets / deletes a class attribute (TypeError for builtin types).
bool type_setattro(Value type, Str* name, Value v);
// `cls.__name__` etc. as UTF-8.
std::string type_qualname_utf8(const Type* t);
// The __module__ of a type ("builtins" for builtins without one).
Value type_module(Type* t);

// The read-only view of a class's __dict__ (type.__dict__).
struct MappingProxy : Object {
  Value mapping;
};
Value mappingproxy_new(Value mapping);

// The heap-instance layout shared by all instances of classes (type.cpp).
gc::LayoutId heap_instance_layout();

// Weak list of direct subclasses.
void type_add_subclass(Type* base, Type* sub);
void type_remove_subclass(Type* base, Type* sub);
// Calls f(Type*) for each live direct subclass.
template <class F>
void for_each_subclass(Type* t, F&& f);

// Fresh version tag (never 0).
uint64_t next_type_version();

// The metaclass `type(name, bases, ns, **kw)` should use: the most derived
// of meta and the bases' metaclasses; TypeError "metaclass conflict: ..." if
// none is. Null + error.
Type* calculate_metaclass(Type* meta, Tuple* bases);

// Identity hash of an object (object.__hash__).
int64_t identity_hash(Value v);

// ---- inline implementations -------------------------------------------------------

struct SubclassList : Object {
  int64_t count;
  int64_t capacity;
  // Type* items[capacity] follows (weak slots)
  Type** items() { return reinterpret_cast<Type**>(this + 1); }
};

template <class F>
void for_each_subclass(Type* t, F&& f) {
  auto* list = reinterpret_cast<SubclassList*>(t->subclasses);
  if (!list) return;
  for (int64_t i = 0; i < list->count; i++) {
    Type* s = list->items()[i];
    if (s) f(s);
  }
}

}  // namespace pyrite::python
