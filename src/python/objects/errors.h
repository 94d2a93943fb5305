// Raising and inspecting Python exceptions from C++ (docs/objects.md,
// "Errors and exceptions"). Exceptions travel as values: a function that fails sets the
// pending exception here and returns null / false / -1; no C++ exception
// ever crosses interpreter code.
#pragma once

#include <string_view>

#include "python/objects/object.h"

namespace pyrite::python {

// The exception types (exceptions.def), rooted globals.
namespace exc {
#define PYR_EXCEPTION(cname, parent, doc) extern Type* cname;
#include "python/objects/exceptions.def"
}  // namespace exc

// The instance layout of BaseException and every exception class.
struct BaseExceptionObject : Object {
  Tuple* args;
  Object* traceback;   // a Traceback or null (None)
  Object* context;     // __context__ or null
  Object* cause;       // __cause__ or null
  Object* notes;       // unused: __notes__ is an ordinary instance attribute, as in 3.11
  bool suppress_context;
  uint8_t pad[7];
  // Per-subclass fields (StopIteration.value, OSError.errno, SyntaxError.msg,
  // ...) live in `fields`, exposed as getset descriptors of their class like
  // CPython's member descriptors (so they stay out of __dict__); which index
  // holds what is private to exceptions.cpp. Null reads as None.
  static constexpr int kFieldCount = 8;
  Value fields[kFieldCount];
  // Everything else is an ordinary instance attribute: every exception type
  // carries instance attributes through maps (type->attrs_offset points here).
  Object* attrs_map;       // InstanceAttrs (type.h) for every exception type
  Object* attrs_storage;
};

// The thread's error state. One thread today.
struct ErrorState {
  Object* pending = nullptr;   // the exception being propagated, or null
};
ErrorState& error_state();

inline bool has_error() { return error_state().pending != nullptr; }
bool has_error_pending();   // = has_error() (protocol.h's for_each uses it)
// Takes the pending exception (null if none) and clears it.
Object* take_error();
void clear_error();
// Sets `exc` (an exception instance) as pending, replacing any.
void set_error(Object* exc);
// True if the pending exception is an instance of `t`.
bool error_matches(Type* t);

// Raise `type(message)`; all return null so `return raise(...)` reads well
// in Value-returning code. The message is UTF-8.
Value raise(Type* type, std::string_view message);
Value raisef(Type* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
// Raise `type(*args)` with arbitrary args (e.g. KeyError(key)).
Value raise_with(Type* type, Value arg);
// CPython's PyErr_SetObject: a tuple value becomes the args, None no args,
// anything else the one arg (sys.exit((1, 2)) raises SystemExit(1, 2)).
Value raise_object(Type* type, Value value);
Value raise_memory_error();
// "unsupported operand type(s) for +: 'int' and 'str'"
Value raise_binary_type_error(BinaryOp op, Value a, Value b, bool inplace);
// The type's __name__ as UTF-8 (for messages).
std::string type_name(Value v);
std::string type_name_of(const Type* t);

// Makes an exception instance without raising it (null + error on failure).
Value new_exception(Type* type, const Value* args, size_t nargs);
// As new_exception with keyword args: type(*args, **kw). Builtin types run
// their __new__/__init__ slots directly; heap types go through type_call.
Value exception_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
// True once init_exceptions() has made the types.
bool exceptions_ready();
// True for instances of BaseExceptionGroup and its subclasses.
bool is_exception_group(Value v);
// __suppress_context__
bool exception_suppress_context(Value exc);

bool is_exception_type(Value v);
bool is_exception(Value v);

// Builds every type of exceptions.def (exceptions.cpp); init.cpp calls it
// right after the core types exist. Raising before it aborts with the
// message instead of recursing.
void init_exceptions();

// ---- helpers for the interpreter and the runtime -------------------------------

// raise StopIteration(value) (generator return, `next` on an exhausted
// generator); null or None means no args (CPython's _PyGen_SetStopIterationValue).
Value raise_stop_iteration(Value value);
// The value a StopIteration carries (its `value`), None if absent.
Value stop_iteration_value(Value exc);
// Sets the pending exception from a raise statement's operand: an instance,
// or a class which is instantiated with no args. TypeError "exceptions must
// derive from BaseException" otherwise. cause is the `from` operand (null:
// none given; None allowed). Returns false (always: an exception is now pending).
bool raise_value(Value exc_or_type, Value cause);

// `except T:` — does the exception instance `exc` match `type_or_tuple`?
// 1/0, or -1 with TypeError "catching classes that do not inherit from
// BaseException is not allowed".
int exception_matches(Value exc, Value type_or_tuple);
// As exception_matches for `except* T:`, which also rejects ExceptionGroup
// types ("catching ExceptionGroup with except* is not allowed. Use except
// instead."): -1 on error.
int check_except_star_type(Value type_or_tuple);
// `except* T` splitting (CPython's exception_group_match): `exc` is the
// exception being handled. On return *match is what the clause handles
// (None if nothing) and *rest what it does not (None if nothing); a naked
// exception matching T is wrapped in ExceptionGroup("", [exc]). -1 on error.
int exception_group_match(Value exc, Value type, Value* match, Value* rest);
// The end of a try/except* statement: given the original exception and the
// list of exceptions raised or re-raised by its clauses (raised: those
// raised anew; re-raised ones are identical objects from the original
// group), the exception to propagate, or None. (CPython's
// _PyExc_PrepReraiseStar.) Null on error.
Value prep_reraise_star(Value orig, Value raised_list);

// Field access for the runtime (all tolerate non-exceptions by returning null).
Tuple* exception_args(Value exc);
Value exception_traceback(Value exc);          // null if none
void exception_set_traceback(Value exc, Value tb);   // null/None clears
Value exception_context(Value exc);            // null if none
void exception_set_context(Value exc, Value ctx);    // null/None clears
Value exception_cause(Value exc);              // null if none
void exception_set_cause(Value exc, Value cause);    // also sets __suppress_context__
// The raw fields of AttributeError (name, obj) and NameError (name): null
// when unset (the traceback printer's "Did you mean" needs the difference).
bool attribute_error_fields(Value exc, Value* name, Value* obj);
Value name_error_name(Value exc);
// SystemExit.code (None if absent) for the process exit status.
Value system_exit_code(Value exc);

// Builds SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
// end_offset)) for the compiler; offsets are 1-based columns as in CPython;
// text may be empty (then None). Returns the instance (not raised).
Value new_syntax_error(Type* type, std::string_view msg, std::string_view filename, int lineno,
                       int offset, std::string_view text, int end_lineno, int end_offset);
// raise OSError-family from errno with strerror text; filename optional
// (null: none). Picks the subclass by errno as OSError(...) does.
Value raise_os_error(int err, Value filename = Value(), Value filename2 = Value());
// KeyError(key), AttributeError with name/obj set ("'T' object has no
// attribute 'x'"), NameError with name ("name 'x' is not defined").
Value raise_key_error(Value key);
Value raise_attribute_error(Value obj, Str* name);
Value raise_name_error(Str* name);
// CPython 3.11's set_attribute_error_context: when the pending exception is
// an AttributeError whose name and obj are unset, sets them to (name, obj)
// so the uncaught printer can offer "Did you mean". get_attr's failure path
// should call it (modules, __getattr__ hooks and other raisers then get
// suggestions too).
void add_attribute_error_context(Value obj, Str* name);

}  // namespace pyrite::python
