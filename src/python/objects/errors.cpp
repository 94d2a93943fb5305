// The pending-exception state and the raise helpers every runtime file uses
// (docs/objects.md, "Exceptions and builtins").
//
// Raising must never recurse without bound: making the exception object
// allocates (the message str, the args tuple, the instance), and those
// allocations only ever fail fatally for fixed sizes, so a raise raises
// nothing else; a raise before init_exceptions() (no types yet) aborts with
// the message, as does a raise nested deeper than kMaxRaiseDepth.
#include "python/objects/errors.h"  // first: protocol.h's for_each needs has_error_pending

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

constexpr int kMaxRaiseDepth = 16;
int raise_depth = 0;

[[noreturn]] void fatal_raise(const char* why, std::string_view message) {
  std::fprintf(stderr, "Fatal Python error: %s: %.*s\n", why, static_cast<int>(message.size()),
               message.data());
  std::abort();
}

struct RaiseDepth {
  RaiseDepth(std::string_view message) {
    if (++raise_depth > kMaxRaiseDepth) fatal_raise("recursive raise", message);
  }
  ~RaiseDepth() { raise_depth--; }
};

}  // namespace

ErrorState& error_state() {
  static ErrorState state;
  return state;
}

bool has_error_pending() { return error_state().pending != nullptr; }

Object* take_error() {
  ErrorState& s = error_state();
  Object* e = s.pending;
  s.pending = nullptr;
  return e;
}

void clear_error() { error_state().pending = nullptr; }

void set_error(Object* exc) { error_state().pending = exc; }

bool error_matches(Type* t) {
  Object* e = error_state().pending;
  return e != nullptr && t != nullptr && isinstance(Value(e), t);
}

// ---- raising ------------------------------------------------------------------

Value new_exception(Type* type, const Value* args, size_t nargs) {
  return exception_construct(type, args, nargs, nullptr);
}

Value raise(Type* type, std::string_view message) {
  if (type == nullptr || !exceptions_ready()) fatal_raise("exception raised before init", message);
  RaiseDepth depth(message);
  Str* s = str_from_utf8(message);
  if (!s) return Value();  // MemoryError already pending
  Value arg = s;
  Value e = new_exception(type, &arg, 1);
  if (e) set_error(e.object());
  return Value();
}

Value raisef(Type* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char buf[512];
  va_list ap2;
  va_copy(ap2, ap);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  std::string message;
  if (n >= 0 && static_cast<size_t>(n) < sizeof buf) {
    message.assign(buf, static_cast<size_t>(n));
  } else if (n >= 0) {
    message.resize(static_cast<size_t>(n));
    std::vsnprintf(message.data(), message.size() + 1, fmt, ap2);
  }
  va_end(ap2);
  return raise(type, message);
}

Value raise_with(Type* type, Value arg) {
  if (type == nullptr || !exceptions_ready()) fatal_raise("exception raised before init", "raise_with");
  RaiseDepth depth("raise_with");
  Value e = arg ? new_exception(type, &arg, 1) : new_exception(type, nullptr, 0);
  if (e) set_error(e.object());
  return Value();
}

Value raise_object(Type* type, Value value) {
  if (type == nullptr || !exceptions_ready()) fatal_raise("exception raised before init", "raise_object");
  RaiseDepth depth("raise_object");
  Value e;
  if (!value || is_none(value)) {
    e = new_exception(type, nullptr, 0);
  } else if (is_tuple(value)) {
    Tuple* t = value.as<Tuple>();
    e = new_exception(type, t->items(), static_cast<size_t>(t->length));
  } else {
    e = new_exception(type, &value, 1);
  }
  if (e) set_error(e.object());
  return Value();
}

Value raise_memory_error() {
  if (exc::MemoryError == nullptr || !exceptions_ready()) fatal_raise("out of memory", "before init");
  RaiseDepth depth("MemoryError");
  Value e = new_exception(exc::MemoryError, nullptr, 0);
  if (e) set_error(e.object());
  return Value();
}

// `print >> f` (Python 2's redirection): CPython's TypeError adds a hint.
bool is_builtin_print(Value v) {
  return v.is_object() && type_of(v) == types::builtin_function &&
         std::strcmp(v.as<BuiltinFunction>()->def->name, "print") == 0;
}

Value raise_binary_type_error(BinaryOp op, Value a, Value b, bool inplace) {
  static const char* const kSymbols[] = {
#define PYR_BINARY_OP(e, d, r, i, s) s,
#include "python/objects/number_ops.def"
  };
  std::string sym = kSymbols[static_cast<int>(op)];
  if (inplace) {
    sym += "=";
  } else if (op == BinaryOp::kPow) {
    sym += " or pow()";
  }
  if (!inplace && op == BinaryOp::kRshift && is_builtin_print(a))
    return raisef(exc::TypeError,
                  "unsupported operand type(s) for >>: '%s' and '%s'. Did you mean \"print(<message>, "
                  "file=<output_stream>)\"?",
                  type_name(a).c_str(), type_name(b).c_str());
  return raisef(exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym.c_str(),
                type_name(a).c_str(), type_name(b).c_str());
}

std::string type_name_of(const Type* t) {
  if (t == nullptr || t->name == nullptr) return "?";
  return str_to_utf8(t->tp_name ? t->tp_name : t->name);
}

std::string type_name(Value v) {
  if (!v) return "NULL";
  return type_name_of(type_of(v));
}

bool is_exception_type(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  if (!t->has_flag(TypeFlag::kTypeSubclass)) return false;
  return v.as<Type>()->has_flag(TypeFlag::kExceptionSubclass);
}

bool is_exception(Value v) {
  return v.is_object() && type_of(v)->has_flag(TypeFlag::kExceptionSubclass);
}

}  // namespace pyrite::python
