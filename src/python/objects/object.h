// The object model's core: Object (every heap object), Type (a Python class,
// builtin or not) and its slot table (docs/objects.md).
//
// Every heap object starts with the GC's 16-byte header; its second word is
// the object's type, so `type_of` is one load and the JIT's class guard one
// compare. Each builtin type is a C++ struct deriving from Object in its
// own file, with a GC layout whose trace hook visits the type word and
// every reference the struct holds.
//
// Types dispatch through slots (C++ function pointers) like CPython's tp_*
// fields: a builtin type fills them with its native code and exposes them
// to Python as special methods (`int.__add__`); a class that defines a
// special method in Python gets the slot that looks the method up and calls
// it. The interpreter's handlers test for that slot to push the Python
// method's frame instead of recursing (a continuation frame, docs/interp.md).
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/heap.h"
#include "python/objects/value.h"

namespace pyrite::python {

struct Type;
struct Str;
struct Tuple;
struct Dict;
struct Map;

struct Object {
  uint64_t gc_word;  // the GC's (gc::Header::gc_word); never written here
  Type* type;        // gc::Header::language_word
};
static_assert(sizeof(Object) == sizeof(gc::Header));
static_assert(offsetof(Object, type) == offsetof(gc::Header, language_word));

// Rich comparison operators, in COMPARE_OP's arg order.
enum class CompareOp : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };

enum class BinaryOp : uint8_t {
#define PYR_BINARY_OP(e, d, r, i, s) e,
#include "python/objects/number_ops.def"
  kCount
};
inline constexpr int kBinaryOpCount = static_cast<int>(BinaryOp::kCount);

// Slot signatures. Conventions shared by every slot and runtime function:
// a null Value (or false, or -1) means an exception is pending in the
// thread state; binary slots may return NotImplemented; `next` returns
// null *without* a pending exception when the iterator is exhausted.
using UnaryFn = Value (*)(Value self);
using BinaryFn = Value (*)(Value a, Value b);
using TernaryFn = Value (*)(Value a, Value b, Value c);
using InquiryFn = int (*)(Value self);                  // 0/1, -1 error
using LenFn = int64_t (*)(Value self);                  // -1 error
using HashFn = int64_t (*)(Value self);                 // -1 error (never a valid hash)
using CompareFn = Value (*)(Value a, Value b, CompareOp op);
using GetAttrFn = Value (*)(Value self, Str* name);
using SetAttrFn = bool (*)(Value self, Str* name, Value v);   // v null: delete
using DescrGetFn = Value (*)(Value descr, Value obj, Value type);  // obj null: via the class
using DescrSetFn = bool (*)(Value descr, Value obj, Value v);      // v null: delete
using SetItemFn = bool (*)(Value self, Value key, Value v);        // v null: delete
using ContainsFn = int (*)(Value self, Value item);
// Calls: positional args, then the values of the keyword args named by
// kwnames (null when there are none); nargs counts only the positionals.
using CallFn = Value (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
using NewFn = Value (*)(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
using InitFn = bool (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
using TraceFn = void (*)(void* obj, gc::Visitor& v);

struct TypeSlots {
  UnaryFn repr = nullptr;
  UnaryFn str = nullptr;
  HashFn hash = nullptr;          // null: unhashable
  CompareFn compare = nullptr;
  GetAttrFn getattr = nullptr;
  SetAttrFn setattr = nullptr;
  DescrGetFn descr_get = nullptr;
  DescrSetFn descr_set = nullptr;
  CallFn call = nullptr;
  NewFn new_ = nullptr;
  InitFn init = nullptr;
  UnaryFn iter = nullptr;
  UnaryFn next = nullptr;
  // numbers
  BinaryFn binary[kBinaryOpCount] = {};
  BinaryFn inplace[kBinaryOpCount] = {};
  TernaryFn pow3 = nullptr;       // pow(a, b, mod)
  UnaryFn neg = nullptr, pos = nullptr, invert = nullptr, abs = nullptr;
  InquiryFn bool_ = nullptr;
  UnaryFn index = nullptr;        // __index__: returns an exact int
  UnaryFn int_ = nullptr;         // __int__
  UnaryFn float_ = nullptr;       // __float__
  // containers
  LenFn len = nullptr;
  BinaryFn getitem = nullptr;
  SetItemFn setitem = nullptr;
  ContainsFn contains = nullptr;
};

namespace TypeFlag {
inline constexpr uint32_t kHeapType = 1 << 0;      // made by a class statement or type()
inline constexpr uint32_t kBaseType = 1 << 1;      // may be subclassed
inline constexpr uint32_t kAbstract = 1 << 2;
inline constexpr uint32_t kHasInstanceAttrs = 1 << 3;  // instances carry a map + storage (no __slots__ only)
inline constexpr uint32_t kReady = 1 << 4;
inline constexpr uint32_t kImmutable = 1 << 5;     // builtin: setting attributes is a TypeError
// builtin: instances may be weakly referenced (CPython's tp_weaklistoffset != 0);
// not inherited by flag, weakref_module.cpp walks the bases.
inline constexpr uint32_t kWeakrefable = 1 << 6;
// Fast subclass tests for the hot builtin families (CPython's tp_flags bits).
inline constexpr uint32_t kIntSubclass = 1 << 8;
inline constexpr uint32_t kStrSubclass = 1 << 9;
inline constexpr uint32_t kTupleSubclass = 1 << 10;
inline constexpr uint32_t kListSubclass = 1 << 11;
inline constexpr uint32_t kDictSubclass = 1 << 12;
inline constexpr uint32_t kTypeSubclass = 1 << 13;
inline constexpr uint32_t kExceptionSubclass = 1 << 14;   // BaseException and below
inline constexpr uint32_t kBytesSubclass = 1 << 15;
inline constexpr uint32_t kFloatSubclass = 1 << 16;
// What `match` takes as a sequence / mapping (CPython's Py_TPFLAGS_SEQUENCE
// and _MAPPING): list, tuple, range, memoryview, array, deque / dict,
// mappingproxy, classes that inherit it, ABCs whose __abc_tpflags__ sets it
// (collections.abc.Sequence and Mapping; _abc._abc_init) and classes
// registered with such an ABC (_abc._abc_register; abc_module.cpp).
inline constexpr uint32_t kSequence = 1 << 17;
inline constexpr uint32_t kMapping = 1 << 18;
// The inherited-flag mask: subclasses get these from their bases.
inline constexpr uint32_t kInherited = 0xffff00;
}  // namespace TypeFlag

// A type object (Python's `type` and every class). Builtin types are made
// once at startup from a TypeSpec (type.h); classes by build_class/type().
struct Type : Object {
  Str* name;            // __name__
  Str* qualname;        // __qualname__
  Type* base;           // __base__ (null only for object)
  Tuple* bases;         // __bases__
  Tuple* mro;           // __mro__
  Dict* dict;           // __dict__ (a real dict; exposed read-only as a mappingproxy)
  Object* subclasses;   // weak list of direct subclasses (type.cpp)
  Map* instance_map;    // the empty map instances start with (kHasInstanceAttrs)
  Tuple* slot_names;    // __slots__ members stored inline, or null
  // Version tag: changes whenever this type's or any base's dict, bases or
  // slots change; caches keyed on (type, version) stay valid while equal.
  // 0 = not assigned (caching disabled for this type until reassigned).
  uint64_t version;
  uint32_t flags;
  gc::LayoutId instance_layout;  // layout of new instances
  uint32_t instance_size;        // bytes of a new instance (fixed-size layouts)
  int32_t attrs_offset;          // offset of the InstanceAttrs tail, 0 = none
  Type* native_base;             // nearest builtin ancestor (self for builtins)
  TraceFn native_trace;          // trace hook of native_base's C++ struct
  const char* doc;
  // The name in messages ("'itertools.count' object ...", CPython's
  // tp_name): "module.name" for builtin types of a module other than
  // builtins, else null (use name).
  Str* tp_name;
  TypeSlots slots;

  bool has_flag(uint32_t f) const { return (flags & f) != 0; }
  bool is_heap_type() const { return has_flag(TypeFlag::kHeapType); }
};

// ---- builtin types ------------------------------------------------------------
// One global per builtin type, rooted for the GC; made by init_types()
// (type.cpp) in dependency order. builtin_types.def is the list.
namespace types {
#define PYR_BUILTIN_TYPE(cname, pyname) extern Type* cname;
#include "python/objects/builtin_types.def"
}  // namespace types

// ---- values and their types ----------------------------------------------------

inline Type* type_of(Value v) {
  if (v.is_small()) return types::int_;
  if (v.is_immediate_float()) return types::float_;
  return v.object()->type;
}

// True for `t` and its subclasses (a walk of t's mro).
bool is_subtype(const Type* t, const Type* base);
inline bool isinstance(Value v, const Type* t) {
  Type* vt = type_of(v);
  return vt == t || is_subtype(vt, t);
}

// ---- singletons ------------------------------------------------------------------
// None, True, False, NotImplemented, Ellipsis: made once, rooted.
namespace singletons {
extern Object* none;
extern Object* true_;
extern Object* false_;
extern Object* not_implemented;
extern Object* ellipsis;
}  // namespace singletons
inline Value none() { return singletons::none; }
inline Value not_implemented() { return singletons::not_implemented; }
inline Value py_bool(bool b) { return b ? singletons::true_ : singletons::false_; }
inline bool is_none(Value v) { return v.is(singletons::none); }

// ---- allocation --------------------------------------------------------------------
// Objects are allocated zeroed with their type set. A failed allocation of a
// fixed-size object is fatal (the heap cannot hold 16 more bytes); variable
// sizes go through try_allocate, whose nullptr the caller turns into
// MemoryError (`[1] * 10**12`).

[[noreturn]] void fatal_out_of_memory(size_t bytes);

template <class T>
inline T* try_allocate(gc::LayoutId layout, Type* type, size_t bytes) {
  auto* o = static_cast<T*>(gc::allocate(layout, bytes));
  if (o) o->type = type;
  return o;
}
template <class T>
inline T* allocate(gc::LayoutId layout, Type* type, size_t bytes = sizeof(T)) {
  T* o = try_allocate<T>(layout, type, bytes);
  if (!o) fatal_out_of_memory(bytes);
  return o;
}

// Reports a Value to the GC if it is an object (trace hooks).
inline void visit_value(gc::Visitor& v, Value x) {
  if (x.is_object()) v.visit(x.object());
}

}  // namespace pyrite::python
