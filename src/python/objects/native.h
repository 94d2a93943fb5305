// Native (C++) callables exposed to Python: builtin functions, method
// descriptors, getset descriptors, slot wrappers (docs/objects.md,
// "Native code").
//
// A builtin type lists its methods in a MethodDef table and its computed
// attributes in a GetSetDef table; make_builtin_type (type.h) turns them
// into descriptors in the type's dict. Calling convention everywhere:
// positional args, then the values of keyword args named by kwnames.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "python/objects/object.h"

namespace pyrite::python {

struct Code;

// self is the bound object for methods, the module (or null) for functions,
// the class for classmethods.
using NativeFn = Value (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);

namespace MethodFlag {
// How many positional args the function accepts before it is called (the
// descriptor checks and raises CPython's "x() takes exactly one argument (2
// given)" so the function need not); kwnames are then always null unless
// kKeywords is set.
inline constexpr uint32_t kNoArgs = 1 << 0;     // "takes no arguments (N given)"
inline constexpr uint32_t kOneArg = 1 << 1;     // "takes exactly one argument (N given)"
inline constexpr uint32_t kVarArgs = 1 << 2;    // any positional count, no keywords unless kKeywords
inline constexpr uint32_t kKeywords = 1 << 3;   // accepts keywords (kwnames may be non-null)
inline constexpr uint32_t kClass = 1 << 4;      // classmethod: self is the class
inline constexpr uint32_t kStatic = 1 << 5;     // staticmethod: self is null
// How CPython 3.11 calls it, for the recursion depth (docs/interp.md,
// "Recursion depth"). A warm CALL site of a METH_FASTCALL function skips the
// recursion check every other call of a native makes; the kNoArgs and
// kOneArg functions (METH_NOARGS, METH_O) keep it, and so do:
inline constexpr uint32_t kTupleArgs = 1 << 6;   // METH_VARARGS (max, print, str.find)
// ...while these METH_O functions have an instruction of their own that
// skips the check: len, list.append.
inline constexpr uint32_t kOwnInstruction = 1 << 7;
}  // namespace MethodFlag

struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags;
  const char* doc = nullptr;
};

using GetterFn = Value (*)(Value self);
using SetterFn = bool (*)(Value self, Value v);  // v null: delete
struct GetSetDef {
  const char* name;
  GetterFn get;
  SetterFn set = nullptr;  // null: read-only ("attribute 'x' of 'T' objects is not writable")
  const char* doc = nullptr;
  // Shown as a member_descriptor, as CPython's PyMemberDef attributes
  // (complex.real, property.fget); read-only ones say "readonly attribute".
  bool member = false;
};

// A builtin function object (`len`, `print`) or a method bound to its self
// (`[].append`): builtin_function_or_method.
struct BuiltinFunction : Object {
  const MethodDef* def;
  Value self;       // null for plain functions
  Object* module;   // __module__ name (a Str) or null
  Type* owner;      // methods bound by a descriptor: the type that defines them (for messages)
};

// An unbound method of a builtin type (`list.append`): method_descriptor.
// Also classmethod_descriptor (kClass).
struct MethodDescriptor : Object {
  const MethodDef* def;
  Type* owner;
};

struct GetSetDescriptor : Object {
  const GetSetDef* def;
  Type* owner;
};

// A __slots__ member: the value lives in the instance at `offset`.
struct MemberDescriptor : Object {
  Str* name;
  Type* owner;
  uint32_t offset;
  const GetSetDef* def;  // a builtin type's member (GetSetDef::member), or null: a __slots__ slot
};

// Builtin docstrings may start with CPython's internal signature,
// "name(params)\n--\n\n" (name: the last dotted component of `name`):
// __doc__ is the rest (None if empty), __text_signature__ "(params)" (None
// without one). CPython's _PyType_GetDocFromInternalDoc and
// _PyType_GetTextSignatureFromInternalDoc.
Value doc_without_signature(const char* name, const char* doc);
Value text_signature_from_doc(const char* name, const char* doc);

Value new_builtin_function(const MethodDef* def, Value self, Object* module = nullptr);
Value new_method_descriptor(const MethodDef* def, Type* owner);
Value new_getset_descriptor(const GetSetDef* def, Type* owner);

// Calls a MethodDef after checking the arg count against its flags.
Value call_method_def(const MethodDef* def, Value self, const Value* args, size_t nargs,
                      Tuple* kwnames);

// ---- the recursion depth of native calls ------------------------------------------------
// Every call of a native callable (builtin function, method descriptor, slot
// wrapper, a type without a CPython vectorcall) holds one level of the
// recursion depth while it runs, as in CPython 3.11, whose C functions check
// the limit on entry ("maximum recursion depth exceeded while calling a
// Python object"). The exceptions are CPython's specialized instructions.

// The CALL instruction's call of `callable` (not a Python function) from
// code `caller`. Once `caller` is warm (thread_state.h, is_warm), CPython
// 3.11 has specialized the site into an instruction that skips the check
// for a METH_FASTCALL builtin function or method descriptor (of exactly
// the owner type), len, list.append and str(x): those take no level here.
Value call_from_code(Value callable, const Value* args, size_t nargs, Tuple* kwnames,
                     const Code* caller);
// Whether a warm CALL site of `def` is one of those specialized instructions
// (no recursion level); the interpreter's inline call path asks it too.
inline bool specialized_when_warm(const MethodDef* def) {
  uint32_t fl = def->flags;
  if (fl & MethodFlag::kOwnInstruction) return true;
  return !(fl & (MethodFlag::kNoArgs | MethodFlag::kOneArg | MethodFlag::kTupleArgs));
}
// The recursion level of a call of type t with nargs positional args: the
// message suffix of its RecursionError, or null for no level (the types
// with a CPython vectorcall: list, tuple, dict, set, frozenset, float, bool,
// map, filter, enumerate, type(x)). range() has no call level, but compares
// its arguments: " in comparison".
const char* type_call_depth_check(Type* t, size_t nargs);


// ---- slot wrappers (slots.cpp) ------------------------------------------------------
// `int.__add__`: a builtin type's slot exposed as a special method
// (wrapper_descriptor); `(1).__add__` binds it to an instance (method-wrapper).
struct SlotDef;  // slots.h
struct WrapperDescriptor : Object {
  const SlotDef* def;
  Type* owner;
  void* fn;          // the owner's slot function the wrapper calls
};
struct MethodWrapper : Object {
  WrapperDescriptor* descr;
  Value self;
};

// staticmethod-like builtin `T.__new__(T, ...)` of a builtin type: a
// BuiltinFunction with this def and self = the type.
extern const MethodDef kTpNewDef;

// A slot wrapper for `def` (slots.h) calling `fn`, owned by `owner`.
Value new_wrapper_descriptor(const SlotDef* def, Type* owner, void* fn);

// A `__slots__` member descriptor for `name` stored at `offset` of instances of owner.
Value new_member_descriptor(Str* name, Type* owner, uint32_t offset);
// A member_descriptor for a builtin type's GetSetDef with `member` set.
Value new_member_descriptor(const GetSetDef* def, Type* owner);
// classmethod_descriptor for a kClass MethodDef.
Value new_classmethod_descriptor(const MethodDef* def, Type* owner);

// True when CPython 3.11 hands `f(**kwargs)`'s dict to `callable` as it is
// (a METH_VARARGS builtin function or bound method: its keys need not be
// strings, "'{0}'.format(**{1: 2})" works), false when it unpacks the dict
// into keyword names ("keywords must be strings").
bool takes_keyword_dict(Value callable);

// Argument-count messages shared by descriptors: "f() takes exactly one argument (2 given)".
bool check_method_args(const char* qualname, uint32_t flags, size_t nargs, Tuple* kwnames);
// The display name of a MethodDef bound to self ("list.append" or "len").
std::string method_qualname(const MethodDef* def, Value self, bool is_method);

// ---- argument parsing for native functions ----------------------------------------
// ParseArgs binds positional and keyword args to named parameters with
// CPython's messages (`func() missing required argument 'x' (pos 1)`,
// `func() takes at most 2 arguments (3 given)`, `'x' is an invalid keyword
// argument for func()`, `argument for func() given by name ('x') and
// position (1)`). Unfilled optional outputs stay null.
//   static const char* const kParams[] = {"sep", "end", nullptr};
//   Value sep, end;
//   if (!parse_args("print", args, nargs, kwnames, kParams, 0, 0, {&sep, &end})) return {};
struct ArgSpec {
  const char* fname;                 // for messages: "print"
  const char* const* names;          // null-terminated; "" for positional-only unnamed
  int required;                      // the first `required` are required
  int positional_only;               // the first N can't be given by keyword
  int keyword_only_from = -1;        // index of the first keyword-only param, -1 none
  // Argument Clinic's checks and order (_PyArg_UnpackKeywords) instead:
  // the total count first ("f() takes at most 2 arguments (3 given)",
  // "keyword arguments" when none is positional), then the positional
  // count ("takes exactly/at most N positional arguments"), each missing
  // required parameter in order, names given twice, unknown names last.
  bool clinic = false;
};
bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<Value*> out);
// The converters of three argument formats, with CPython's messages:
// "n" (Py_ssize_t: __index__, OverflowError past int64), "l" (C long,
// 64 bits here: __index__, then the C long range check) and "i" (C int:
// "l"'s checks, then the C int range).
bool arg_ssize(Value v, int64_t* out);
bool arg_long(Value v, long* out);
bool arg_int(Value v, int* out);
// Raise CPython's messages for the simple flag checks.
bool check_no_kwargs(const char* fname, Tuple* kwnames);   // "f() takes no keyword arguments"
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);  // "f expected at most 2 arguments, got 3"

}  // namespace pyrite::python
