// The _operator module: the functions of operator.py as builtins, and the
// itemgetter, attrgetter and methodcaller types (docs/modules.md,
// "_operator").
//
// operator.py has pure-Python versions of all of it, but they are
// observably different (Python functions with Python's argument messages,
// `index` through `__index__` lookups); CPython uses this module, so the
// messages, reprs and `__reduce__` results here are its C module's.
#include <cstring>
#include <string>
#include <vector>

#include "gc/heap.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

Type* g_itemgetter = nullptr;
Type* g_attrgetter = nullptr;
Type* g_methodcaller = nullptr;

// ---- functions ---------------------------------------------------------------------------------

#define PYR_OP_BINARY(name, expr)                                          \
  Value op_##name(Value, const Value* args, size_t nargs, Tuple*) {        \
    if (!check_nargs(#name, nargs, 2, 2)) return {};                       \
    Value a = args[0], b = args[1];                                        \
    return expr;                                                           \
  }

PYR_OP_BINARY(add, binary_op(BinaryOp::kAdd, a, b))
PYR_OP_BINARY(sub, binary_op(BinaryOp::kSub, a, b))
PYR_OP_BINARY(mul, binary_op(BinaryOp::kMul, a, b))
PYR_OP_BINARY(matmul, binary_op(BinaryOp::kMatMul, a, b))
PYR_OP_BINARY(floordiv, binary_op(BinaryOp::kFloorDiv, a, b))
PYR_OP_BINARY(truediv, binary_op(BinaryOp::kTrueDiv, a, b))
PYR_OP_BINARY(mod, binary_op(BinaryOp::kMod, a, b))
PYR_OP_BINARY(lshift, binary_op(BinaryOp::kLshift, a, b))
PYR_OP_BINARY(rshift, binary_op(BinaryOp::kRshift, a, b))
PYR_OP_BINARY(and_, binary_op(BinaryOp::kAnd, a, b))
PYR_OP_BINARY(xor, binary_op(BinaryOp::kXor, a, b))
PYR_OP_BINARY(or_, binary_op(BinaryOp::kOr, a, b))
PYR_OP_BINARY(pow, power(a, b, none()))
PYR_OP_BINARY(iadd, inplace_op(BinaryOp::kAdd, a, b))
PYR_OP_BINARY(isub, inplace_op(BinaryOp::kSub, a, b))
PYR_OP_BINARY(imul, inplace_op(BinaryOp::kMul, a, b))
PYR_OP_BINARY(imatmul, inplace_op(BinaryOp::kMatMul, a, b))
PYR_OP_BINARY(ifloordiv, inplace_op(BinaryOp::kFloorDiv, a, b))
PYR_OP_BINARY(itruediv, inplace_op(BinaryOp::kTrueDiv, a, b))
PYR_OP_BINARY(imod, inplace_op(BinaryOp::kMod, a, b))
PYR_OP_BINARY(ilshift, inplace_op(BinaryOp::kLshift, a, b))
PYR_OP_BINARY(irshift, inplace_op(BinaryOp::kRshift, a, b))
PYR_OP_BINARY(iand, inplace_op(BinaryOp::kAnd, a, b))
PYR_OP_BINARY(ixor, inplace_op(BinaryOp::kXor, a, b))
PYR_OP_BINARY(ior, inplace_op(BinaryOp::kOr, a, b))
PYR_OP_BINARY(ipow, inplace_op(BinaryOp::kPow, a, b))
PYR_OP_BINARY(lt, compare(a, b, CompareOp::kLt))
PYR_OP_BINARY(le, compare(a, b, CompareOp::kLe))
PYR_OP_BINARY(eq, compare(a, b, CompareOp::kEq))
PYR_OP_BINARY(ne, compare(a, b, CompareOp::kNe))
PYR_OP_BINARY(gt, compare(a, b, CompareOp::kGt))
PYR_OP_BINARY(ge, compare(a, b, CompareOp::kGe))
PYR_OP_BINARY(is_, py_bool(a.is(b)))
PYR_OP_BINARY(is_not, py_bool(!a.is(b)))
PYR_OP_BINARY(getitem, get_item(a, b))

Value op_delitem(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("delitem", nargs, 2, 2)) return {};
  if (!set_item(args[0], args[1], Value())) return {};
  return none();
}

Value op_setitem(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setitem", nargs, 3, 3)) return {};
  if (!set_item(args[0], args[1], args[2])) return {};
  return none();
}

Value op_contains(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("contains", nargs, 2, 2)) return {};
  int r = contains(args[0], args[1]);
  if (r < 0) return {};
  return py_bool(r);
}

// PySequence_Check: a __getitem__ that is not a dict's.
bool is_sequence(Value v) { return type_of(v)->slots.getitem && !is_dict(v); }

Value concat(const char* name, Value a, Value b, bool inplace) {
  (void)name;
  auto cant = [&]() {
    return raisef(exc::TypeError, "'%s' object can't be concatenated", type_name(a).c_str());
  };
  if (!is_sequence(a)) return cant();
  // The builtin sequences have sq_concat; for other classes CPython tries
  // `+` only when both operands are sequences, and reports its own error
  // when `+` is not implemented.
  bool builtin = is_str(a) || is_bytes(a) || is_bytearray(a) || is_list(a) || is_tuple(a);
  if (!builtin && !is_sequence(b)) return cant();
  Value r = inplace ? inplace_op(BinaryOp::kAdd, a, b) : binary_op(BinaryOp::kAdd, a, b);
  if (!r && !builtin && error_matches(exc::TypeError)) {
    Object* e = take_error();
    Value msg = str_of(e);
    if (msg && str_to_utf8(msg.as<Str>()).rfind("unsupported operand type(s) for +", 0) == 0)
      return cant();
    set_error(e);
  }
  return r;
}
Value op_concat(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("concat", nargs, 2, 2)) return {};
  return concat("concat", args[0], args[1], false);
}
Value op_iconcat(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("iconcat", nargs, 2, 2)) return {};
  return concat("iconcat", args[0], args[1], true);
}

// _PySequence_IterSearch: count the items equal to b, or find the first.
Value search(const char* name, Value seq, Value obj, bool want_index, size_t nargs) {
  if (!check_nargs(name, nargs, 2, 2)) return {};
  Value it = get_iter(seq);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raisef(exc::TypeError, "argument of type '%s' is not iterable", type_name(seq).c_str());
    }
    return {};
  }
  int64_t n = 0;
  for (;;) {
    Value item = iter_next(it);
    if (!item) {
      if (has_error()) return {};
      break;
    }
    int r = equal(item, obj);
    if (r < 0) return {};
    if (r) {
      if (want_index) return int_from_i64(n);
      n++;
    } else if (want_index) {
      n++;
    }
  }
  if (want_index) return raise(exc::ValueError, "sequence.index(x): x not in sequence");
  return int_from_i64(n);
}
Value op_countOf(Value, const Value* args, size_t nargs, Tuple*) {
  return search("countOf", nargs > 0 ? args[0] : Value(), nargs > 1 ? args[1] : Value(), false,
                nargs);
}
Value op_indexOf(Value, const Value* args, size_t nargs, Tuple*) {
  return search("indexOf", nargs > 0 ? args[0] : Value(), nargs > 1 ? args[1] : Value(), true,
                nargs);
}

Value op_truth(Value, const Value* args, size_t, Tuple*) {
  int r = truth(args[0]);
  if (r < 0) return {};
  return py_bool(r);
}
Value op_not_(Value, const Value* args, size_t, Tuple*) {
  int r = truth(args[0]);
  if (r < 0) return {};
  return py_bool(!r);
}
Value op_index(Value, const Value* args, size_t, Tuple*) { return index(args[0]); }
Value op_abs(Value, const Value* args, size_t, Tuple*) { return absolute(args[0]); }
Value op_neg(Value, const Value* args, size_t, Tuple*) { return negative(args[0]); }
Value op_pos(Value, const Value* args, size_t, Tuple*) { return positive(args[0]); }
Value op_inv(Value, const Value* args, size_t, Tuple*) { return invert(args[0]); }

Value op_length_hint(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("length_hint", nargs, 1, 2)) return {};
  int64_t dflt = 0;
  if (nargs > 1) {
    Value d = args[1];
    if (!is_int(d))
      return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer",
                    type_name(d).c_str());
    auto x = int_to_i64(d);
    if (!x) return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    dflt = *x;
  }
  int64_t n = length_hint(args[0], dflt);
  if (n < 0 && has_error()) return {};
  return int_from_i64(n);
}

Value op_call(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raisef(exc::TypeError, "call expected at least 1 argument, got %zu", nargs);
  return call(args[0], args + 1, nargs - 1, kwnames);
}

// Compares in time that depends only on the length of b.
bool timing_safe_equal(const uint8_t* a, int64_t len_a, const uint8_t* b, int64_t len_b) {
  volatile const uint8_t* left = len_a == len_b ? a : b;
  volatile uint8_t result = len_a == len_b ? 0 : 1;
  const uint8_t* right = b;
  for (int64_t i = 0; i < len_b; i++) result = result | uint8_t(left[i] ^ right[i]);
  return result == 0;
}

Value op_compare_digest(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_compare_digest", nargs, 2, 2)) return {};
  Value a = args[0], b = args[1];
  if (is_str(a) && is_str(b)) {
    std::string sa = str_to_utf8(a.as<Str>()), sb = str_to_utf8(b.as<Str>());
    auto ascii = [](const std::string& s) {
      for (unsigned char c : s)
        if (c >= 0x80) return false;
      return true;
    };
    if (!ascii(sa) || !ascii(sb))
      return raise(exc::TypeError, "comparing strings with non-ASCII characters is not supported");
    return py_bool(timing_safe_equal(reinterpret_cast<const uint8_t*>(sa.data()),
                                     int64_t(sa.size()),
                                     reinterpret_cast<const uint8_t*>(sb.data()),
                                     int64_t(sb.size())));
  }
  BufferView va, vb;
  bool ha = get_buffer(a, &va), hb = get_buffer(b, &vb);
  if (!ha && !hb)
    return raisef(exc::TypeError,
                  "unsupported operand types(s) or combination of types: '%s' and '%s'",
                  type_name(a).c_str(), type_name(b).c_str());
  if (!ha)
    return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(a).c_str());
  if (!hb)
    return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(b).c_str());
  return py_bool(timing_safe_equal(va.data, va.length, vb.data, vb.length));
}

// ---- itemgetter -------------------------------------------------------------------------------

struct ItemGetter : Object {
  Value item;       // the one item, or a tuple of them
  int64_t nitems;
};

void trace_itemgetter(void* p, gc::Visitor& v) {
  auto* g = static_cast<ItemGetter*>(p);
  v.visit(g->type);
  visit_value(v, g->item);
}

Value itemgetter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "itemgetter() takes no keyword arguments");
  if (nargs < 1) return raise(exc::TypeError, "itemgetter expected 1 argument, got 0");
  auto* g = static_cast<ItemGetter*>(alloc_instance(type));
  if (!g) return {};
  g->nitems = int64_t(nargs);
  if (nargs == 1) {
    g->item = args[0];
  } else {
    Tuple* t = tuple_from_array(args, int64_t(nargs));
    if (!t) return {};
    g->item = t;
  }
  return g;
}

Value itemgetter_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "itemgetter() takes no keyword arguments");
  if (!check_nargs("itemgetter", nargs, 1, 1)) return {};
  auto* g = self.as<ItemGetter>();
  Value obj = args[0];
  if (g->nitems == 1) {
    Value item = g->item;
    if (item.is_small() && is_exact_list(obj)) {
      int64_t i = item.small_value();
      List* l = obj.as<List>();
      if (i >= 0 && i < l->length) return list_get(l, i);
    }
    return get_item(obj, item);
  }
  Tuple* items = g->item.as<Tuple>();
  Tuple* result = tuple_new(g->nitems);
  if (!result) return {};
  for (int64_t i = 0; i < g->nitems; i++) {
    Value v = get_item(obj, items->at(i));
    if (!v) return {};
    result->items()[i] = v;
  }
  return result;
}

Value itemgetter_repr(Value self) {
  auto* g = self.as<ItemGetter>();
  if (repr_enter(self)) return str_from_ascii("operator.itemgetter(...)");
  Value r = repr(g->item);
  repr_leave(self);
  if (!r) return {};
  std::string s = str_to_utf8(r.as<Str>());
  if (g->nitems == 1) return str_from_utf8("operator.itemgetter(" + s + ")");
  return str_from_utf8("operator.itemgetter" + s);
}

Value itemgetter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* g = self.as<ItemGetter>();
  Value args = g->nitems == 1 ? Value(tuple_of({g->item})) : g->item;
  return tuple_of({Value(type_of(self)), args});
}

// ---- attrgetter -------------------------------------------------------------------------------

// Each attribute is a name, or a tuple of names for a dotted path.
struct AttrGetter : Object {
  Tuple* attrs;
};

void trace_attrgetter(void* p, gc::Visitor& v) {
  auto* g = static_cast<AttrGetter*>(p);
  v.visit(g->type);
  v.visit(g->attrs);
}

Value attrgetter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "attrgetter() takes no keyword arguments");
  if (nargs < 1) return raise(exc::TypeError, "attrgetter expected 1 argument, got 0");
  Tuple* attrs = tuple_new(int64_t(nargs));
  if (!attrs) return {};
  for (size_t i = 0; i < nargs; i++) {
    Value a = args[i];
    if (!is_str(a)) return raise(exc::TypeError, "attribute name must be a string");
    std::string name = str_to_utf8(a.as<Str>());
    if (name.find('.') == std::string::npos) {
      attrs->items()[i] = intern(name);
      continue;
    }
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
      size_t dot = name.find('.', start);
      parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    Tuple* path = tuple_new(int64_t(parts.size()));
    if (!path) return {};
    for (size_t k = 0; k < parts.size(); k++) path->items()[k] = intern(parts[k]);
    attrs->items()[i] = path;
  }
  auto* g = static_cast<AttrGetter*>(alloc_instance(type));
  if (!g) return {};
  g->attrs = attrs;
  return g;
}

Value get_path(Value obj, Value attr) {
  if (is_str(attr)) return get_attr(obj, attr.as<Str>());
  Tuple* path = attr.as<Tuple>();
  for (int64_t i = 0; i < path->length && obj; i++) obj = get_attr(obj, path->at(i).as<Str>());
  return obj;
}

Value attrgetter_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "attrgetter() takes no keyword arguments");
  if (!check_nargs("attrgetter", nargs, 1, 1)) return {};
  Tuple* attrs = self.as<AttrGetter>()->attrs;
  if (attrs->length == 1) return get_path(args[0], attrs->at(0));
  Tuple* result = tuple_new(attrs->length);
  if (!result) return {};
  for (int64_t i = 0; i < attrs->length; i++) {
    Value v = get_path(args[0], attrs->at(i));
    if (!v) return {};
    result->items()[i] = v;
  }
  return result;
}

// The dotted names again ("a.b"), as repr and __reduce__ show them.
Tuple* attrgetter_args(AttrGetter* g) {
  Tuple* t = tuple_new(g->attrs->length);
  if (!t) return nullptr;
  for (int64_t i = 0; i < g->attrs->length; i++) {
    Value a = g->attrs->at(i);
    if (is_str(a)) {
      t->items()[i] = a;
      continue;
    }
    Str* dot = str_from_ascii(".");
    Tuple* path = a.as<Tuple>();
    Str* joined = str_join(dot, path->items(), size_t(path->length));
    if (!joined) return nullptr;
    t->items()[i] = joined;
  }
  return t;
}

Value attrgetter_repr(Value self) {
  Tuple* args = attrgetter_args(self.as<AttrGetter>());
  if (!args) return {};
  if (repr_enter(self)) return str_from_ascii("operator.attrgetter(...)");
  Value r = args->length == 1 ? repr(args->at(0)) : repr(args);
  repr_leave(self);
  if (!r) return {};
  std::string s = str_to_utf8(r.as<Str>());
  if (args->length == 1) return str_from_utf8("operator.attrgetter(" + s + ")");
  return str_from_utf8("operator.attrgetter" + s);
}

Value attrgetter_reduce(Value self, const Value*, size_t, Tuple*) {
  Tuple* args = attrgetter_args(self.as<AttrGetter>());
  if (!args) return {};
  return tuple_of({Value(type_of(self)), Value(args)});
}

// ---- methodcaller -----------------------------------------------------------------------------

struct MethodCaller : Object {
  Str* name;
  Tuple* args;
  Dict* kwargs;
};

void trace_methodcaller(void* p, gc::Visitor& v) {
  auto* m = static_cast<MethodCaller*>(p);
  v.visit(m->type);
  v.visit(m->name);
  v.visit(m->args);
  v.visit(m->kwargs);
}

Value methodcaller_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1)
    return raise(exc::TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return raise(exc::TypeError, "method name must be a string");
  Tuple* rest = tuple_from_array(args + 1, int64_t(nargs - 1));
  if (!rest) return {};
  Dict* kw = dict_new();
  if (!kw) return {};
  int64_t nkw = kwnames ? kwnames->length : 0;
  for (int64_t i = 0; i < nkw; i++)
    if (!dict_set(kw, kwnames->at(i), args[nargs + size_t(i)])) return {};
  auto* m = static_cast<MethodCaller*>(alloc_instance(type));
  if (!m) return {};
  m->name = intern_str(args[0].as<Str>());
  m->args = rest;
  m->kwargs = kw;
  return m;
}

Value methodcaller_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "methodcaller() takes no keyword arguments");
  if (!check_nargs("methodcaller", nargs, 1, 1)) return {};
  auto* m = self.as<MethodCaller>();
  Value method = get_attr(args[0], m->name);
  if (!method) return {};
  return call_tuple_dict(method, m->args, m->kwargs);
}

Value methodcaller_repr(Value self) {
  auto* m = self.as<MethodCaller>();
  if (repr_enter(self)) return str_from_ascii("operator.methodcaller(...)");
  std::string s = "operator.methodcaller(";
  bool ok = true;
  auto add = [&](Value v) {
    Value r = repr(v);
    if (!r) {
      ok = false;
      return;
    }
    s += str_to_utf8(r.as<Str>());
  };
  add(m->name);
  for (int64_t i = 0; ok && i < m->args->length; i++) {
    s += ", ";
    add(m->args->at(i));
  }
  int64_t pos = 0;
  Value k, v;
  while (ok && dict_next(m->kwargs, &pos, &k, &v)) {
    s += ", ";
    s += str_to_utf8(k.as<Str>());
    s += "=";
    add(v);
  }
  repr_leave(self);
  if (!ok) return {};
  s += ")";
  return str_from_utf8(s);
}

// Without keywords: (type, (name, *args)); with them, the keywords go into
// a functools.partial of the type: (partial(type, name, **kw), args).
Value methodcaller_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* m = self.as<MethodCaller>();
  if (dict_size(m->kwargs) == 0) {
    Tuple* t = tuple_new(m->args->length + 1);
    if (!t) return {};
    t->items()[0] = m->name;
    for (int64_t i = 0; i < m->args->length; i++) t->items()[i + 1] = m->args->at(i);
    return tuple_of({Value(type_of(self)), Value(t)});
  }
  Value functools = import_module_level(intern("functools"), none(), none(), 0);
  if (!functools) return {};
  Value partial = get_attr_str(functools, "partial");
  if (!partial) return {};
  Value p = call_tuple_dict(partial, tuple_of({Value(type_of(self)), Value(m->name)}), m->kwargs);
  if (!p) return {};
  return tuple_of({p, Value(m->args)});
}

const MethodDef kItemGetterMethods[] = {
    {"__reduce__", itemgetter_reduce, MethodFlag::kNoArgs, "Return state information for pickling"},
    {nullptr, nullptr, 0},
};
const MethodDef kAttrGetterMethods[] = {
    {"__reduce__", attrgetter_reduce, MethodFlag::kNoArgs, "Return state information for pickling"},
    {nullptr, nullptr, 0},
};
const MethodDef kMethodCallerMethods[] = {
    {"__reduce__", methodcaller_reduce, MethodFlag::kNoArgs, "Return state information for pickling"},
    {nullptr, nullptr, 0},
};

const MethodDef kFunctions[] = {
    {"_compare_digest", op_compare_digest, MethodFlag::kVarArgs,
     "Return 'a == b', in time that depends on the length of b only."},
    {"abs", op_abs, MethodFlag::kOneArg, "Return abs(a)."},
    {"add", op_add, MethodFlag::kVarArgs, "Return a + b."},
    {"and_", op_and_, MethodFlag::kVarArgs, "Return a & b."},
    {"call", op_call, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Return obj(*args, **kwargs)."},
    {"concat", op_concat, MethodFlag::kVarArgs, "Return a + b, for sequences a and b."},
    {"contains", op_contains, MethodFlag::kVarArgs, "Return b in a."},
    {"countOf", op_countOf, MethodFlag::kVarArgs, "Return how many items of a equal b."},
    {"delitem", op_delitem, MethodFlag::kVarArgs, "Do del a[b]."},
    {"eq", op_eq, MethodFlag::kVarArgs, "Return a == b."},
    {"floordiv", op_floordiv, MethodFlag::kVarArgs, "Return a // b."},
    {"ge", op_ge, MethodFlag::kVarArgs, "Return a >= b."},
    {"getitem", op_getitem, MethodFlag::kVarArgs, "Return a[b]."},
    {"gt", op_gt, MethodFlag::kVarArgs, "Return a > b."},
    {"iadd", op_iadd, MethodFlag::kVarArgs, "Do a += b and return a."},
    {"iand", op_iand, MethodFlag::kVarArgs, "Do a &= b and return a."},
    {"iconcat", op_iconcat, MethodFlag::kVarArgs, "Do a += b for sequences and return a."},
    {"ifloordiv", op_ifloordiv, MethodFlag::kVarArgs, "Do a //= b and return a."},
    {"ilshift", op_ilshift, MethodFlag::kVarArgs, "Do a <<= b and return a."},
    {"imatmul", op_imatmul, MethodFlag::kVarArgs, "Do a @= b and return a."},
    {"imod", op_imod, MethodFlag::kVarArgs, "Do a %= b and return a."},
    {"imul", op_imul, MethodFlag::kVarArgs, "Do a *= b and return a."},
    {"index", op_index, MethodFlag::kOneArg, "Return a as an int (a.__index__())."},
    {"indexOf", op_indexOf, MethodFlag::kVarArgs, "Return the index of the first item of a equal to b."},
    {"inv", op_inv, MethodFlag::kOneArg, "Return ~a."},
    {"invert", op_inv, MethodFlag::kOneArg, "Return ~a."},
    {"ior", op_ior, MethodFlag::kVarArgs, "Do a |= b and return a."},
    {"ipow", op_ipow, MethodFlag::kVarArgs, "Do a **= b and return a."},
    {"irshift", op_irshift, MethodFlag::kVarArgs, "Do a >>= b and return a."},
    {"is_", op_is_, MethodFlag::kVarArgs, "Return a is b."},
    {"is_not", op_is_not, MethodFlag::kVarArgs, "Return a is not b."},
    {"isub", op_isub, MethodFlag::kVarArgs, "Do a -= b and return a."},
    {"itruediv", op_itruediv, MethodFlag::kVarArgs, "Do a /= b and return a."},
    {"ixor", op_ixor, MethodFlag::kVarArgs, "Do a ^= b and return a."},
    {"le", op_le, MethodFlag::kVarArgs, "Return a <= b."},
    {"length_hint", op_length_hint, MethodFlag::kVarArgs,
     "Return an estimate of the number of items in obj, or default."},
    {"lshift", op_lshift, MethodFlag::kVarArgs, "Return a << b."},
    {"lt", op_lt, MethodFlag::kVarArgs, "Return a < b."},
    {"matmul", op_matmul, MethodFlag::kVarArgs, "Return a @ b."},
    {"mod", op_mod, MethodFlag::kVarArgs, "Return a % b."},
    {"mul", op_mul, MethodFlag::kVarArgs, "Return a * b."},
    {"ne", op_ne, MethodFlag::kVarArgs, "Return a != b."},
    {"neg", op_neg, MethodFlag::kOneArg, "Return -a."},
    {"not_", op_not_, MethodFlag::kOneArg, "Return not a."},
    {"or_", op_or_, MethodFlag::kVarArgs, "Return a | b."},
    {"pos", op_pos, MethodFlag::kOneArg, "Return +a."},
    {"pow", op_pow, MethodFlag::kVarArgs, "Return a ** b."},
    {"rshift", op_rshift, MethodFlag::kVarArgs, "Return a >> b."},
    {"setitem", op_setitem, MethodFlag::kVarArgs, "Do a[b] = c."},
    {"sub", op_sub, MethodFlag::kVarArgs, "Return a - b."},
    {"truediv", op_truediv, MethodFlag::kVarArgs, "Return a / b."},
    {"truth", op_truth, MethodFlag::kOneArg, "Return True if a is true, else False."},
    {"xor", op_xor, MethodFlag::kVarArgs, "Return a ^ b."},
    {nullptr, nullptr, 0},
};

void make_type(Type** into, const char* name, size_t size, TraceFn trace, NewFn new_fn,
               CallFn call_fn, UnaryFn repr_fn, const MethodDef* methods, const char* doc) {
  gc::LayoutInfo info;
  info.name = name;
  info.trace = trace;
  info.fixed_size = size;
  TypeSpec spec;
  spec.name = name;
  spec.module = "operator";
  spec.layout = gc::register_layout(info);
  spec.instance_size = uint32_t(size);
  spec.trace = trace;
  spec.slots.new_ = new_fn;
  spec.slots.call = call_fn;
  spec.slots.repr = repr_fn;
  spec.methods = methods;
  spec.doc = doc;
  make_builtin_type(into, spec);
}

void make_types() {
  make_type(&g_itemgetter, "itemgetter", sizeof(ItemGetter), trace_itemgetter, itemgetter_new,
            itemgetter_call, itemgetter_repr, kItemGetterMethods,
            "itemgetter(item, ...) --> itemgetter object\n\n"
            "A callable that fetches the given item(s) from its operand.");
  make_type(&g_attrgetter, "attrgetter", sizeof(AttrGetter), trace_attrgetter, attrgetter_new,
            attrgetter_call, attrgetter_repr, kAttrGetterMethods,
            "attrgetter(attr, ...) --> attrgetter object\n\n"
            "A callable that fetches the given attribute(s), dotted names included, from its "
            "operand.");
  make_type(&g_methodcaller, "methodcaller", sizeof(MethodCaller), trace_methodcaller,
            methodcaller_new, methodcaller_call, methodcaller_repr, kMethodCallerMethods,
            "methodcaller(name, ...) --> methodcaller object\n\n"
            "A callable that calls the named method of its operand with the given arguments.");
}

}  // namespace

Module* make_operator_module() {
  if (!g_itemgetter) make_types();
  Module* m = module_new(intern("_operator"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Operator interface.\n\nThe operators of Python as functions: "
                             "operator.add(x, y) is x + y, and so on."));
  dict_set_str(m->dict, intern("itemgetter"), g_itemgetter);
  dict_set_str(m->dict, intern("attrgetter"), g_attrgetter);
  dict_set_str(m->dict, intern("methodcaller"), g_methodcaller);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_operator")));
  return m;
}

}  // namespace pyrite::python
