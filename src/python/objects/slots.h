// Special methods and slots (docs/objects.md, "Types and slots").
//
// One table (SlotDef) links each special-method name to the TypeSlots field
// that implements it, how a wrapper calls that field (`int.__add__(1, 2)`),
// and the generic function a heap type's slot gets when the method is
// written in Python (it looks the method up on the type and calls it).
//
// Several names share a field: __add__ and __radd__ (binary[kAdd] handles
// both operand orders, as CPython's nb_add), the six comparisons (compare),
// __setattr__/__delattr__, __set__/__delete__, __setitem__/__delitem__,
// __getattribute__/__getattr__.
#pragma once

#include <cstddef>

#include "python/objects/object.h"

namespace pyrite::python {

enum class WrapperKind : uint8_t {
  kUnary,       // f(self)
  kNext,        // f(self), null without error -> StopIteration
  kHash,        // f(self) -> int
  kLen,         // f(self) -> int
  kInquiry,     // f(self) -> bool
  kBinary,      // f(self, other)
  kBinaryR,     // f(other, self)
  kPow,         // f(self, other) or pow3(self, other, mod)
  kPowR,        // f(other, self)
  kCompare,     // f(self, other, op)
  kGetattr,     // f(self, name)
  kSetattr,     // f(self, name, value)
  kDelattr,     // f(self, name, null)
  kDescrGet,    // f(self, obj, type)
  kDescrSet,    // f(self, obj, value)
  kDescrDelete, // f(self, obj, null)
  kCall,        // f(self, args, kwnames)
  kInit,        // f(self, args, kwnames) -> None
  kSetitem,     // f(self, key, value)
  kDelitem,     // f(self, key, null)
  kContains,    // f(self, item) -> bool
};

struct SlotDef {
  const char* name;      // "__add__"
  uint16_t offset;       // offsetof(TypeSlots, ...) of the function pointer
  WrapperKind kind;
  int8_t op;             // CompareOp for kCompare, BinaryOp for binary kinds, else -1
  void* generic;         // the heap-type slot function that calls the Python method
};

// The table, terminated by {nullptr}.
const SlotDef* slot_defs();

#define PYR_SLOT_OFFSET(field) static_cast<uint16_t>(offsetof(::pyrite::python::TypeSlots, field))

// The slot function at `offset` of t's slots.
inline void* slot_at(const Type* t, size_t offset) {
  return *reinterpret_cast<void* const*>(reinterpret_cast<const char*>(&t->slots) + offset);
}

// True if t's slot at `offset` is the generic function that calls a method
// written in Python (the interpreter then pushes a frame for that method
// instead of calling the slot: docs/interp.md, continuation frames). The
// method itself is type_lookup(t, name).
bool slot_is_python(const Type* t, size_t offset);

// Builtin types: put wrappers for the slots `t` implements itself into its
// dict (make_builtin_type). `own` are the slots the spec set.
void add_slot_wrappers(Type* t, const TypeSlots& own);
// Heap types: compute every slot from the MRO's dicts (type_new), or only
// the ones named `name` (setattr on the class, in t and its subclasses).
void update_all_slots(Type* t);
void update_slots_named(Type* t, Str* name);
// True if `name` is one of the special-method names of the table.
bool is_slot_name(Str* name);

// Calls the special method `name` of type(self) with self prepended: the
// generic slots' helper (also for protocol code). Null + error when absent
// (AttributeError) or when the call fails.
Value call_dunder(Value self, Str* name, const Value* args, size_t nargs);

// Calls a slot wrapper (`int.__add__(1, 2)` has self = 1, args = [2]).
struct WrapperDescriptor;
Value call_slot_wrapper(WrapperDescriptor* w, Value self, const Value* args, size_t nargs,
                        Tuple* kwnames);

// The heap-type slots that protocol.cpp and type_new refer to.
Value slot_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
bool slot_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value slot_getattr_hook(Value self, Str* name);

}  // namespace pyrite::python
