// Raising and inspecting Python exceptions from C++ (docs/objects.md,
// "Errors"). Exceptions travel as values: a function that fails sets the
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
  Object* notes;       // __notes__ list or null (also reachable via the dict)
  bool suppress_context;
  uint8_t pad[7];
  // Per-subclass fields (StopIteration.value, OSError.errno, SyntaxError.msg,
  // ...) are ordinary attributes of the instance: exception types carry
  // instance attributes through maps like any class.
  Object* attrs_map;       // InstanceAttrs (type.h) for every exception type
  Object* attrs_storage;
};

// The thread's error state. One thread today.
struct ErrorState {
  Object* pending = nullptr;   // the exception being propagated, or null
};
ErrorState& error_state();

inline bool has_error() { return error_state().pending != nullptr; }
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
Value raise_memory_error();
// "unsupported operand type(s) for +: 'int' and 'str'"
Value raise_binary_type_error(BinaryOp op, Value a, Value b, bool inplace);
// The type's __name__ as UTF-8 (for messages).
std::string type_name(Value v);
std::string type_name_of(const Type* t);

// Makes an exception instance without raising it (null + error on failure).
Value new_exception(Type* type, const Value* args, size_t nargs);

bool is_exception_type(Value v);
bool is_exception(Value v);

}  // namespace pyrite::python
