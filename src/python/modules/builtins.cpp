// The builtins module's namespace and its functions about attributes,
// numbers, text and I/O (docs/objects.md, "Exceptions and builtins");
// builtins.h lists the other topic files.
#include "python/modules/builtins.h"

#include <gmp.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "python/objects/errors.h"  // first: protocol.h's for_each needs has_error_pending
#include "python/interp/eval.h"
#include "python/interp/interp.h"
#include "python/modules/io.h"
#include "python/interp/pyrun.h"
#include "python/objects/module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

Str* name(const char* s) { return intern(s); }

bool is_small_or_exact_str(Value v) { return is_str(v); }

bool check_attr_name(Value n) {
  if (is_small_or_exact_str(n)) return true;
  raisef(exc::TypeError, "attribute name must be string, not '%s'", type_name(n).c_str());
  return false;
}

// ---- attributes -----------------------------------------------------------------------

Value b_getattr(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getattr", kw) || !check_nargs("getattr", nargs, 2, 3)) return Value();
  if (!check_attr_name(args[1])) return Value();
  if (nargs == 2) return get_attr(args[0], args[1].as<Str>());
  Value v = get_attr_or_null(args[0], args[1].as<Str>());
  if (v) return v;
  if (has_error()) return Value();
  return args[2];
}

Value b_setattr(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setattr", kw) || !check_nargs("setattr", nargs, 3, 3)) return Value();
  if (!check_attr_name(args[1])) return Value();
  if (!set_attr(args[0], args[1].as<Str>(), args[2])) return Value();
  return none();
}

Value b_delattr(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("delattr", kw) || !check_nargs("delattr", nargs, 2, 2)) return Value();
  if (!check_attr_name(args[1])) return Value();
  if (!set_attr(args[0], args[1].as<Str>(), Value())) return Value();
  return none();
}

Value b_hasattr(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("hasattr", kw) || !check_nargs("hasattr", nargs, 2, 2)) return Value();
  if (!check_attr_name(args[1])) return Value();
  Value v = get_attr_or_null(args[0], args[1].as<Str>());
  if (v) return py_bool(true);
  if (has_error()) return Value();
  return py_bool(false);
}

// ---- identity, hashing, types ----------------------------------------------------------

Value b_id(Value, const Value* args, size_t, Tuple*) {
  // The object's address; a small int's tagged word is odd, so it never
  // collides with an object's, and equal small ints share their id.
  return int_from_u64(args[0].bits());
}

Value b_hash(Value, const Value* args, size_t, Tuple*) {
  int64_t h = hash(args[0]);
  if (h == -1 && has_error()) return Value();
  return int_from_i64(h);
}

Value b_callable(Value, const Value* args, size_t, Tuple*) { return py_bool(is_callable(args[0])); }

Value b_len(Value, const Value* args, size_t, Tuple*) {
  int64_t n = length(args[0]);
  if (n < 0) return Value();
  return int_from_i64(n);
}

Value b_isinstance(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("isinstance", kw) || !check_nargs("isinstance", nargs, 2, 2)) return Value();
  int r = isinstance_full(args[0], args[1]);
  if (r < 0) return Value();
  return py_bool(r != 0);
}

Value b_issubclass(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("issubclass", kw) || !check_nargs("issubclass", nargs, 2, 2)) return Value();
  int r = issubclass_full(args[0], args[1]);
  if (r < 0) return Value();
  return py_bool(r != 0);
}

// ---- text ---------------------------------------------------------------------------------

Value b_repr(Value, const Value* args, size_t, Tuple*) { return repr(args[0]); }
Value b_ascii(Value, const Value* args, size_t, Tuple*) { return ascii_of(args[0]); }

Value b_format(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("format", kw) || !check_nargs("format", nargs, 1, 2)) return Value();
  Value v = args[0];
  Value spec = nargs > 1 ? args[1] : Value();
  if (!spec) {
    spec = str_empty();
  } else if (!is_str(spec)) {
    return raisef(exc::TypeError, "format() argument 2 must be str, not %s", type_name(spec).c_str());
  }
  return format(v, spec);
}

Value b_chr(Value, const Value* args, size_t, Tuple*) {
  Value i = index(args[0]);
  if (!i) return Value();
  auto v = int_to_i64(i);
  if (!v || *v > INT32_MAX || *v < INT32_MIN) {
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  }
  if (*v < 0 || *v > 0x10ffff) return raise(exc::ValueError, "chr() arg not in range(0x110000)");
  return str_char(static_cast<char32_t>(*v));
}

Value b_ord(Value, const Value* args, size_t, Tuple*) {
  Value c = args[0];
  int64_t n;
  if (is_str(c)) {
    Str* s = c.as<Str>();
    if (s->length == 1) return Value::small(s->at(0));
    n = s->length;
  } else if (is_bytes(c)) {
    Bytes* b = c.as<Bytes>();
    if (b->length == 1) return Value::small(b->data()[0]);
    n = b->length;
  } else if (is_bytearray(c)) {
    ByteArray* b = c.as<ByteArray>();
    if (b->length == 1) return Value::small(b->data()[0]);
    n = b->length;
  } else {
    return raisef(exc::TypeError, "ord() expected string of length 1, but %s found",
                  type_name(c).c_str());
  }
  return raisef(exc::TypeError, "ord() expected a character, but string of length %lld found",
                static_cast<long long>(n));
}

// bin/oct/hex: the int's digits in `base` behind `prefix`.
Value int_in_base(Value v, int base, const char* prefix) {
  Value i = index(v);
  if (!i) return Value();
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  std::string digits(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(digits.data(), base, z);
  digits.resize(std::strlen(digits.c_str()));
  mpz_clear(scratch);
  std::string out;
  if (!digits.empty() && digits[0] == '-') {
    out = std::string("-") + prefix + digits.substr(1);
  } else {
    out = prefix + digits;
  }
  return str_from_ascii(out);
}

Value b_bin(Value, const Value* args, size_t, Tuple*) { return int_in_base(args[0], 2, "0b"); }
Value b_oct(Value, const Value* args, size_t, Tuple*) { return int_in_base(args[0], 8, "0o"); }
Value b_hex(Value, const Value* args, size_t, Tuple*) { return int_in_base(args[0], 16, "0x"); }

// ---- numbers ----------------------------------------------------------------------------

Value b_abs(Value, const Value* args, size_t, Tuple*) { return absolute(args[0]); }

Value b_divmod(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("divmod", kw) || !check_nargs("divmod", nargs, 2, 2)) return Value();
  Value a = args[0], b = args[1];
  static Str* divmod_name = name("__divmod__");
  static Str* rdivmod_name = name("__rdivmod__");
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  // The reflected method first when b's type is a proper subclass of a's.
  bool b_first = ta != tb && is_subtype(tb, ta);
  for (int pass = 0; pass < 2; pass++) {
    bool use_b = (pass == 0) == b_first;
    if (use_b && ta == tb) continue;
    bool found = false;
    Value r = use_b ? call_special(b, rdivmod_name, &a, 1, &found)
                    : call_special(a, divmod_name, &b, 1, &found);
    if (!found) {
      if (has_error()) return Value();
      continue;
    }
    if (!r) return Value();
    if (!r.is(not_implemented())) return r;
  }
  return raisef(exc::TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                type_name(a).c_str(), type_name(b).c_str());
}

Value b_pow(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"base", "exp", "mod", nullptr};
  Value base, exp, mod;
  if (!parse_args({"pow", kNames, 2, 0}, args, nargs, kw, {&base, &exp, &mod})) return Value();
  return power(base, exp, mod ? mod : none());
}

Value b_round(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"number", "ndigits", nullptr};
  Value number, ndigits;
  if (!parse_args({"round", kNames, 1, 0}, args, nargs, kw, {&number, &ndigits})) return Value();
  static Str* round_name = name("__round__");
  bool found = false;
  Value r = (ndigits && !is_none(ndigits)) ? call_special(number, round_name, &ndigits, 1, &found)
                                            : call_special(number, round_name, nullptr, 0, &found);
  if (!found) {
    if (has_error()) return Value();
    return raisef(exc::TypeError, "type %s doesn't define __round__ method", type_name(number).c_str());
  }
  return r;
}

// ---- I/O ------------------------------------------------------------------------------------

// sys.<which>, or null before (or without) the interpreter's sys module.
Value sys_stream(const char* which) {
  if (!builtin_module("sys")) return Value();
  Value f = get_sys_attr(which);
  if (!f) clear_error();
  return f;
}

bool write_str(Value file, Value s) {
  if (!file) {
    std::string u = str_to_utf8(s.as<Str>());
    std::fwrite(u.data(), 1, u.size(), stdout);
    return true;
  }
  int direct = io::textio_try_write(file, s);
  if (direct) return direct > 0;
  static Str* write = name("write");
  return static_cast<bool>(call_method(file, write, &s, 1));
}

Value b_print(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"sep", "end", "file", "flush", nullptr};
  Value sep, end, file, flush;
  if (kw && kw->length > 0) {
    if (!parse_args({"print", kNames, 0, 0, 0}, args + nargs, 0, kw, {&sep, &end, &file, &flush}))
      return Value();
  }
  bool do_flush = false;
  if (flush) {
    int t = truth(flush);
    if (t < 0) return Value();
    do_flush = t != 0;
  }
  if (!print_values(args, nargs, sep, end, file, do_flush)) return Value();
  return none();
}

Value b_input(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("input", kw) || !check_nargs("input", nargs, 0, 1)) return Value();
  Value out = sys_stream("stdout");
  Value in = sys_stream("stdin");
  static Str* flush = name("flush");
  static Str* readline = name("readline");
  if (nargs == 1) {
    Value p = str_of(args[0]);
    if (!p) return Value();
    if (out && is_none(out)) return raise(exc::RuntimeError, "input(): lost sys.stdout");
    if (!write_str(out, p)) return Value();
  }
  if (out && !is_none(out)) {
    if (!call_method(out, flush, nullptr, 0)) clear_error();
  } else {
    std::fflush(stdout);
  }
  if (in && is_none(in)) return raise(exc::RuntimeError, "input(): lost sys.stdin");
  std::string line;
  if (in) {
    Value l = call_method(in, readline, nullptr, 0);
    if (!l) return Value();
    if (!is_str(l)) return raise(exc::TypeError, "object.readline() returned non-string");
    line = str_to_utf8(l.as<Str>());
    if (line.empty()) return raise(exc::EOFError, "EOF when reading a line");
  } else {
    if (!std::getline(std::cin, line)) return raise(exc::EOFError, "EOF when reading a line");
    line += "\n";
  }
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return str_from_utf8(line);
}

const MethodDef kBuiltinFunctions[] = {
    {"abs", b_abs, MethodFlag::kOneArg, "Return the absolute value of the argument."},
    {"ascii", b_ascii, MethodFlag::kOneArg,
     "Return an ASCII-only representation of an object."},
    {"bin", b_bin, MethodFlag::kOneArg, "Return the binary representation of an integer."},
    {"callable", b_callable, MethodFlag::kOneArg,
     "Return whether the object is callable (i.e., some kind of function)."},
    {"chr", b_chr, MethodFlag::kOneArg,
     "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"delattr", b_delattr, MethodFlag::kVarArgs, "Deletes the named attribute from the given object."},
    {"divmod", b_divmod, MethodFlag::kVarArgs, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"format", b_format, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return value.__format__(format_spec)"},
    {"getattr", b_getattr, MethodFlag::kVarArgs, "getattr(object, name[, default]) -> value"},
    {"hasattr", b_hasattr, MethodFlag::kVarArgs,
     "Return whether the object has an attribute with the given name."},
    {"hash", b_hash, MethodFlag::kOneArg, "Return the hash value for the given object."},
    {"hex", b_hex, MethodFlag::kOneArg, "Return the hexadecimal representation of an integer."},
    {"id", b_id, MethodFlag::kOneArg, "Return the identity of an object."},
    {"input", b_input, MethodFlag::kVarArgs, "Read a string from standard input."},
    {"isinstance", b_isinstance, MethodFlag::kVarArgs,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", b_issubclass, MethodFlag::kVarArgs,
     "Return whether 'cls' is derived from another class or is the same class."},
    {"len", b_len, MethodFlag::kOneArg | MethodFlag::kOwnInstruction, "Return the number of items in a container."},
    {"oct", b_oct, MethodFlag::kOneArg, "Return the octal representation of an integer."},
    {"ord", b_ord, MethodFlag::kOneArg, "Return the Unicode code point for a one-character string."},
    {"pow", b_pow, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", b_print, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kTupleArgs,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", b_repr, MethodFlag::kOneArg, "Return the canonical string representation of the object."},
    {"round", b_round, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Round a number to a given precision in decimal digits."},
    {"setattr", b_setattr, MethodFlag::kVarArgs,
     "Sets the named attribute on the given object to the specified value."},
    {nullptr, nullptr, 0},
};

// Builtin functions are bound to the builtins module (len.__self__), which
// the interpreter makes before it asks for the dict.
void add_functions(Dict* d, const MethodDef* defs, Str* module) {
  Module* self = builtins_module();
  for (const MethodDef* m = defs; m->name; m++) {
    dict_set_str(d, intern(m->name), new_builtin_function(m, self ? Value(self) : Value(), module));
  }
}

}  // namespace

bool print_values(const Value* values, size_t n, Value sep, Value end, Value file, bool flush) {
  if (sep && !is_none(sep) && !is_str(sep)) {
    raisef(exc::TypeError, "sep must be None or a string, not %s", type_name(sep).c_str());
    return false;
  }
  if (end && !is_none(end) && !is_str(end)) {
    raisef(exc::TypeError, "end must be None or a string, not %s", type_name(end).c_str());
    return false;
  }
  if (!file || is_none(file)) {
    file = sys_stream("stdout");
    // sys.stdout = None: print() does nothing.
    if (file && is_none(file)) return true;
  }
  static Value space = intern(" ");
  static Value newline = intern("\n");
  Value s = (sep && !is_none(sep)) ? sep : space;
  Value e = (end && !is_none(end)) ? end : newline;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && !write_str(file, s)) return false;
    Value text = is_exact_str(values[i]) ? values[i] : str_of(values[i]);
    if (!text) return false;
    if (!write_str(file, text)) return false;
  }
  if (!write_str(file, e)) return false;
  if (flush) {
    if (file) {
      static Str* flush_name = name("flush");
      if (!call_method(file, flush_name, nullptr, 0)) return false;
    } else {
      std::fflush(stdout);
    }
  }
  return true;
}

namespace {

// exit and quit: CPython's site adds them as _sitebuiltins.Quitter objects,
// whose repr says how to leave and whose call raises SystemExit(code).
struct Quitter : Object {
  Str* name;
};

Type* g_quitter_type = nullptr;
gc::LayoutId g_quitter_layout = gc::kNoLayout;

void quitter_trace(void* p, gc::Visitor& v) {
  auto* q = static_cast<Quitter*>(p);
  v.visit(q->type);
  v.visit(q->name);
}

Value quitter_repr(Value self) {
  return str_format("Use %s() or Ctrl-D (i.e. EOF) to exit",
                    str_to_utf8(self.as<Quitter>()->name).c_str());
}

Value quitter_call(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"code", nullptr};
  Value code;
  if (!parse_args({"__call__", kNames, 0, 0}, args, nargs, kw, {&code})) return Value();
  return raise_with(exc::SystemExit, code ? code : none());
}

Value make_quitter(const char* name) {
  if (!g_quitter_type) {
    g_quitter_layout = register_object_layout("Quitter", sizeof(Quitter), quitter_trace);
    TypeSpec spec;
    spec.name = "Quitter";
    spec.layout = g_quitter_layout;
    spec.instance_size = sizeof(Quitter);
    spec.trace = quitter_trace;
    spec.slots.repr = quitter_repr;
    spec.slots.call = quitter_call;
    spec.module = "_sitebuiltins";
    spec.python_class_name = true;
    make_builtin_type(&g_quitter_type, spec);
  }
  auto* q = allocate<Quitter>(g_quitter_layout, g_quitter_type);
  q->name = intern(name);
  return q;
}

// builtins.__dict__'s order in CPython 3.11 (after site.py); names not
// listed go after these.
const char* const kOrder[] = {
    "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__",
    "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile",
    "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash",
    "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max",
    "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted",
    "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview",
    "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float",
    "frozenset", "property", "int", "list", "map", "object", "range", "reversed", "set", "slice",
    "staticmethod", "str", "super", "tuple", "type", "zip", "__debug__", "BaseException",
    "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
    "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError",
    "ImportError", "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError",
    "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError",
    "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError",
    "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
    "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning",
    "SyntaxWarning", "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError",
    "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError",
    "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
    "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError",
    "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError",
    "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError", "open", "quit",
    "exit",
};

}  // namespace

Dict* make_builtins_dict() {
  // Everything goes into `all` first, then into the result in CPython's order.
  Dict* all = dict_new();
  Str* module = intern("builtins");
  dict_set_str(all, intern("__name__"), module);
  dict_set_str(all, intern("__doc__"),
               str_from_utf8("Built-in functions, types, exceptions, and other objects.\n\n"
                             "This module provides direct access to all 'built-in'\n"
                             "identifiers of Python; for example, builtins.len is\n"
                             "the full name for the built-in function len().\n\n"
                             "This module is not normally accessed explicitly by most\n"
                             "applications, but can be useful in modules that provide\n"
                             "objects with the same name as a built-in value, but in\n"
                             "which the built-in of that name is also needed."));
  dict_set_str(all, intern("__package__"), str_empty());
  dict_set_str(all, intern("__loader__"), none());
  dict_set_str(all, intern("__spec__"), none());
  add_functions(all, kBuiltinFunctions, module);
  add_functions(all, kBuiltinIterFunctions, module);
  add_functions(all, kBuiltinCodeFunctions, module);
  dict_set_str(all, intern("quit"), make_quitter("quit"));
  dict_set_str(all, intern("exit"), make_quitter("exit"));
  // Constants.
  dict_set_str(all, intern("None"), none());
  dict_set_str(all, intern("Ellipsis"), singletons::ellipsis);
  dict_set_str(all, intern("NotImplemented"), not_implemented());
  dict_set_str(all, intern("False"), py_bool(false));
  dict_set_str(all, intern("True"), py_bool(true));
  dict_set_str(all, intern("__debug__"), py_bool(true));
  // Types, by their Python names.
  struct Entry {
    const char* name;
    Type* type;
  };
  const Entry kTypes[] = {
      {"bool", types::bool_},           {"bytearray", types::bytearray},
      {"bytes", types::bytes},          {"classmethod", types::classmethod},
      {"complex", types::complex},      {"dict", types::dict},
      {"enumerate", types::enumerate},  {"filter", types::filter},
      {"float", types::float_},         {"frozenset", types::frozenset},
      {"property", types::property},    {"int", types::int_},
      {"list", types::list},            {"map", types::map_},
      {"memoryview", types::memoryview}, {"object", types::object},
      {"range", types::range},          {"reversed", types::reversed},
      {"set", types::set},              {"slice", types::slice},
      {"staticmethod", types::staticmethod}, {"str", types::str},
      {"super", types::super_},         {"tuple", types::tuple},
      {"type", types::type},            {"zip", types::zip},
  };
  for (const Entry& e : kTypes) {
    if (e.type) dict_set_str(all, intern(e.name), e.type);
  }
#define PYR_EXCEPTION(cname, parent, doc) \
  if (exc::cname) dict_set_str(all, intern(#cname), exc::cname);
#include "python/objects/exceptions.def"
  dict_set_str(all, intern("EnvironmentError"), exc::OSError);
  dict_set_str(all, intern("IOError"), exc::OSError);

  Dict* d = dict_new(dict_size(all));
  for (const char* n : kOrder) {
    Str* key = intern(n);
    Value v = dict_get_str(all, key);
    if (!v) continue;
    dict_set_str(d, key, v);
  }
  int64_t i = 0;
  Value k, v;
  while (dict_next(all, &i, &k, &v)) {
    if (!dict_get(d, k)) dict_set(d, k, v);
  }
  return d;
}

}  // namespace pyrite::python
