// The object protocol: operations on any Value, dispatched through its
// type's slots with CPython's fallbacks and error messages (protocol.h,
// docs/objects.md "The object protocol").
#include "python/modules/codecs_module.h"  // issue_warning
#include "python/objects/protocol.h"

#include <cstring>
#include <vector>

#include "python/interp/interp.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/native.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

// ---- text ----------------------------------------------------------------------------

Value repr(Value v) {
  UnaryFn f = type_of(v)->slots.repr;
  if (!f) return raisef(exc::TypeError, "'%s' object has no __repr__", type_name(v).c_str());
  if (!enter_recursive_call(" while getting the repr of an object")) return {};
  Value r = f(v);
  leave_recursive_call();
  if (!r) return {};
  if (!is_str(r))
    return raisef(exc::TypeError, "__repr__ returned non-string (type %s)", type_name(r).c_str());
  return r;
}

Value str_of(Value v) {
  if (is_exact_str(v)) return v;
  UnaryFn f = type_of(v)->slots.str;
  if (!f) return repr(v);
  if (!enter_recursive_call(" while getting the str of an object")) return {};
  Value r = f(v);
  leave_recursive_call();
  if (!r) return {};
  if (!is_str(r))
    return raisef(exc::TypeError, "__str__ returned non-string (type %s)", type_name(r).c_str());
  return r;
}

Value ascii_of(Value v) {
  Value r = repr(v);
  if (!r) return {};
  Str* s = r.as<Str>();
  if (s->ascii) return r;
  std::string out;
  static const char kHex[] = "0123456789abcdef";
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c < 128) {
      out += char(c);
    } else if (c < 0x100) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c < 0x10000) {
      out += "\\u";
      for (int k = 12; k >= 0; k -= 4) out += kHex[(c >> k) & 15];
    } else {
      out += "\\U";
      for (int k = 28; k >= 0; k -= 4) out += kHex[(c >> k) & 15];
    }
  }
  return str_from_ascii(out);
}

Value format(Value v, Value spec) {
  if (!spec) spec = str_empty();
  if (!is_str(spec))
    return raisef(exc::TypeError, "format() argument 2 must be str, not %s",
                  type_name(spec).c_str());
  // Fast paths: format(s, '') is str(s) for exact str and int.
  if (spec.as<Str>()->length == 0 && is_exact_str(v)) return v;
  bool found = false;
  Value args[1] = {spec};
  Value r = call_special(v, names::__format__, args, 1, &found);
  if (!found && !r && !has_error())
    return raisef(exc::TypeError, "Type %s doesn't define __format__", type_name(v).c_str());
  if (!r) return {};
  if (!is_str(r))
    return raisef(exc::TypeError, "__format__ must return a str, not %s", type_name(r).c_str());
  return r;
}

std::string repr_utf8(Value v) {
  Value r = repr(v);
  if (r) return str_to_utf8(r.as<Str>());
  clear_error();
  char buf[128];
  std::snprintf(buf, sizeof buf, "<%s object at %p>", type_name(v).c_str(),
                reinterpret_cast<void*>(v.bits()));
  return buf;
}

static std::vector<uint64_t> g_repr_stack;

bool repr_enter(Value v) {
  for (uint64_t b : g_repr_stack)
    if (b == v.bits()) return true;
  g_repr_stack.push_back(v.bits());
  return false;
}

void repr_leave(Value v) {
  for (size_t i = g_repr_stack.size(); i > 0; i--) {
    if (g_repr_stack[i - 1] == v.bits()) {
      g_repr_stack.erase(g_repr_stack.begin() + ptrdiff_t(i - 1));
      return;
    }
  }
}

size_t repr_guard_count() { return g_repr_stack.size(); }
void repr_guards_truncate(size_t n) {
  if (n < g_repr_stack.size()) g_repr_stack.resize(n);
}

// ---- hashing and comparing --------------------------------------------------------------

int64_t hash(Value v) {
  if (v.is_small()) return hash_small_int(v.small_value());
  Type* t = type_of(v);
  if (t == types::str) return str_hash(v.as<Str>());
  HashFn f = t->slots.hash;
  if (!f) {
    raisef(exc::TypeError, "unhashable type: '%s'", type_name(v).c_str());
    return -1;
  }
  return f(v);
}

static CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return CompareOp::kGt;
    case CompareOp::kLe: return CompareOp::kGe;
    case CompareOp::kEq: return CompareOp::kEq;
    case CompareOp::kNe: return CompareOp::kNe;
    case CompareOp::kGt: return CompareOp::kLt;
    case CompareOp::kGe: return CompareOp::kLe;
  }
  return op;
}

static const char* compare_symbol(CompareOp op) {
  static const char* const kSyms[] = {"<", "<=", "==", "!=", ">", ">="};
  return kSyms[int(op)];
}

static Value do_compare(Value a, Value b, CompareOp op) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool checked_reverse = false;
  if (ta != tb && tb->slots.compare && is_subtype(tb, ta)) {
    checked_reverse = true;
    Value r = tb->slots.compare(b, a, swapped(op));
    if (!r || !r.is(not_implemented())) return r;
  }
  if (ta->slots.compare) {
    Value r = ta->slots.compare(a, b, op);
    if (!r || !r.is(not_implemented())) return r;
  }
  if (!checked_reverse && tb->slots.compare) {
    Value r = tb->slots.compare(b, a, swapped(op));
    if (!r || !r.is(not_implemented())) return r;
  }
  switch (op) {
    case CompareOp::kEq: return py_bool(a.is(b));
    case CompareOp::kNe: return py_bool(!a.is(b));
    default:
      return raisef(exc::TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    compare_symbol(op), type_name(a).c_str(), type_name(b).c_str());
  }
}

// errors.cpp: the builtin print (`print >> f` gets a hint in the message).
bool is_builtin_print(Value v);

Value compare(Value a, Value b, CompareOp op) {
  if (!enter_recursive_call(" in comparison")) return {};
  Value r = do_compare(a, b, op);
  leave_recursive_call();
  return r;
}

int compare_bool(Value a, Value b, CompareOp op) {
  Value r = compare(a, b, op);
  if (!r) return -1;
  if (r.is(singletons::true_)) return 1;
  if (r.is(singletons::false_)) return 0;
  return truth(r);
}

int equal(Value a, Value b) {
  if (a.is(b)) return 1;
  return compare_bool(a, b, CompareOp::kEq);
}

int truth(Value v) {
  if (v.is(singletons::true_)) return 1;
  if (v.is(singletons::false_) || v.is(singletons::none)) return 0;
  if (v.is_small()) return v.small_value() != 0;
  if (v.is_immediate_float()) return v.immediate_float_value() != 0;
  Type* t = v.object()->type;
  if (t->slots.bool_) return t->slots.bool_(v);
  if (t->slots.len) {
    int64_t n = t->slots.len(v);
    if (n < 0) return -1;
    return n != 0;
  }
  return 1;
}

// ---- numbers -------------------------------------------------------------------------------

static const char* const kBinarySymbols[] = {
#define PYR_BINARY_OP(e, d, r, i, s) s,
#include "python/objects/number_ops.def"
};

static Value binary_op1(BinaryOp op, Value a, Value b) {
  int i = int(op);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  BinaryFn slotv = ta->slots.binary[i];
  BinaryFn slotw = nullptr;
  if (tb != ta) {
    slotw = tb->slots.binary[i];
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(tb, ta)) {
      Value x = slotw(a, b);
      if (!x || !x.is(not_implemented())) return x;
      slotw = nullptr;
    }
    Value x = slotv(a, b);
    if (!x || !x.is(not_implemented())) return x;
  }
  if (slotw) return slotw(a, b);
  return not_implemented();
}

static bool is_sequence_kind(Value v) {
  Type* t = type_of(v);
  return t->has_flag(TypeFlag::kListSubclass) || t->has_flag(TypeFlag::kTupleSubclass) ||
         t->has_flag(TypeFlag::kStrSubclass) || t->has_flag(TypeFlag::kBytesSubclass) ||
         (types::bytearray && isinstance(v, types::bytearray));
}

static Value binary_error(BinaryOp op, Value a, Value b, bool inplace) {
  Type* ta = type_of(a);
  if (op == BinaryOp::kAdd) {
    const char* kind = nullptr;
    if (ta->has_flag(TypeFlag::kListSubclass)) kind = "list";
    else if (ta->has_flag(TypeFlag::kTupleSubclass)) kind = "tuple";
    else if (ta->has_flag(TypeFlag::kStrSubclass)) kind = "str";
    if (kind)
      return raisef(exc::TypeError, "can only concatenate %s (not \"%s\") to %s", kind,
                    type_name(b).c_str(), kind);
    if (ta->has_flag(TypeFlag::kBytesSubclass) || (types::bytearray && isinstance(a, types::bytearray)))
      return raisef(exc::TypeError, "can't concat %s to %s", type_name(b).c_str(),
                    type_name(a).c_str());
  }
  if (op == BinaryOp::kMul) {
    Value other;
    if (is_sequence_kind(a)) other = b;
    else if (is_sequence_kind(b)) other = a;
    if (other && !type_of(other)->slots.index)
      return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                    type_name(other).c_str());
  }
  const char* sym = kBinarySymbols[int(op)];
  if (op == BinaryOp::kPow && !inplace) sym = "** or pow()";
  if (!inplace && op == BinaryOp::kRshift && is_builtin_print(a))
    return raise_binary_type_error(op, a, b, inplace);
  return raisef(exc::TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
                inplace ? "=" : "", type_name(a).c_str(), type_name(b).c_str());
}

Value binary_op(BinaryOp op, Value a, Value b) {
  Value r = binary_op1(op, a, b);
  if (!r || !r.is(not_implemented())) return r;
  return binary_error(op, a, b, false);
}

Value inplace_op(BinaryOp op, Value a, Value b) {
  BinaryFn f = type_of(a)->slots.inplace[int(op)];
  if (f) {
    Value r = f(a, b);
    if (!r || !r.is(not_implemented())) return r;
  }
  Value r = binary_op1(op, a, b);
  if (!r || !r.is(not_implemented())) return r;
  return binary_error(op, a, b, true);
}

Value power(Value a, Value b, Value mod) {
  if (!mod || is_none(mod)) return binary_op(BinaryOp::kPow, a, b);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  Type* tc = type_of(mod);
  TernaryFn slotv = ta->slots.pow3;
  TernaryFn slotw = nullptr;
  if (tb != ta) {
    slotw = tb->slots.pow3;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(tb, ta)) {
      Value x = slotw(a, b, mod);
      if (!x || !x.is(not_implemented())) return x;
      slotw = nullptr;
    }
    Value x = slotv(a, b, mod);
    if (!x || !x.is(not_implemented())) return x;
  }
  if (slotw) {
    Value x = slotw(a, b, mod);
    if (!x || !x.is(not_implemented())) return x;
  }
  TernaryFn slotz = tc->slots.pow3;
  if (slotz && slotz != slotv && slotz != slotw) {
    Value x = slotz(a, b, mod);
    if (!x || !x.is(not_implemented())) return x;
  }
  return raisef(exc::TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                type_name(a).c_str(), type_name(b).c_str(), type_name(mod).c_str());
}

static Value unary(Value v, UnaryFn f, const char* what) {
  if (f) return f(v);
  return raisef(exc::TypeError, "bad operand type for %s: '%s'", what, type_name(v).c_str());
}
Value negative(Value v) { return unary(v, type_of(v)->slots.neg, "unary -"); }
Value positive(Value v) { return unary(v, type_of(v)->slots.pos, "unary +"); }
Value invert(Value v) { return unary(v, type_of(v)->slots.invert, "unary ~"); }
Value absolute(Value v) { return unary(v, type_of(v)->slots.abs, "abs()"); }

// The tail of CPython's DeprecationWarning for a dunder returning a strict subclass.
std::string subclass_return_deprecated(const char* base) {
  return std::string("The ability to return an instance of a strict subclass of ") + base +
         " is deprecated, and may be removed in a future version of Python.";
}

Value index(Value v) {
  if (is_exact_int(v)) return v;
  if (is_int(v)) return int_exact(v);  // an int subclass's __index__ is not called (as CPython)
  UnaryFn f = type_of(v)->slots.index;
  if (!f)
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer",
                  type_name(v).c_str());
  Value r = f(v);
  if (!r) return {};
  if (is_exact_int(r)) return r;
  if (!is_int(r))
    return raisef(exc::TypeError, "__index__ returned non-int (type %s)", type_name(r).c_str());
  // An int subclass: CPython warns (DeprecationWarning) and uses the value.
  if (!issue_warning(exc::DeprecationWarning,
                     "__index__ returned non-int (type " + type_name(r) + ").  " + subclass_return_deprecated("int"), 1))
    return {};
  return int_exact(r);
}

bool index_i64(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Value i = index(v);
  if (!i) return false;
  auto x = int_to_i64(i);
  if (!x) {
    raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", type_name(v).c_str());
    return false;
  }
  *out = *x;
  return true;
}

Value number_int(Value v) {
  if (is_exact_int(v)) return v;
  Type* t = type_of(v);
  if (t->slots.int_) {
    Value r = t->slots.int_(v);
    if (!r) return {};
    if (is_exact_int(r)) return r;
    if (!is_int(r))
      return raisef(exc::TypeError, "__int__ returned non-int (type %s)", type_name(r).c_str());
    if (!issue_warning(exc::DeprecationWarning,
                       "__int__ returned non-int (type " + type_name(r) + ").  " + subclass_return_deprecated("int"), 1))
      return {};
    return int_exact(r);
  }
  if (t->slots.index) return index(v);
  Value a[1] = {v};
  return type_call(types::int_, a, 1, nullptr);
}

Value number_float(Value v) {
  if (is_exact_float(v)) return v;
  Type* t = type_of(v);
  if (t->slots.float_) {
    Value r = t->slots.float_(v);
    if (!r) return {};
    if (!is_float(r))
      return raisef(exc::TypeError, "%s.__float__ returned non-float (type %s)",
                    type_name(v).c_str(), type_name(r).c_str());
    if (!is_exact_float(r)) {
      if (!issue_warning(exc::DeprecationWarning,
                         type_name(v) + ".__float__ returned non-float (type " + type_name(r) + ").  " +
                             subclass_return_deprecated("float"),
                         1))
        return {};
      return float_new(float_value(r));
    }
    return r;
  }
  Value a[1] = {v};
  return type_call(types::float_, a, 1, nullptr);
}

// ---- attributes ----------------------------------------------------------------------------

Value get_attr(Value obj, Str* name) {
  GetAttrFn f = type_of(obj)->slots.getattr;
  if (!f)
    return raisef(exc::AttributeError, "'%s' object has no attribute '%s'", type_name(obj).c_str(),
                  str_to_utf8(name).c_str());
  Value r = f(obj, name);
  // An AttributeError without a name (from __getattr__, __getattribute__
  // or a property) gets this lookup's name and object, for the
  // traceback's "Did you mean", as CPython's PyObject_GetAttr does.
  if (!r) [[unlikely]] add_attribute_error_context(obj, name);
  return r;
}

Value get_attr_or_null(Value obj, Str* name) {
  GetAttrFn f = type_of(obj)->slots.getattr;
  if (f == generic_getattr) return generic_getattr_or_null(obj, name);
  if (f == type_getattro) return type_getattr_or_null(obj.as<Type>(), name);
  Value r = get_attr(obj, name);
  if (!r && error_matches(exc::AttributeError)) clear_error();
  return r;
}

bool set_attr(Value obj, Str* name, Value v) {
  SetAttrFn f = type_of(obj)->slots.setattr;
  if (!f) {
    raisef(exc::TypeError, "'%s' object has no attributes (%s .%s)", type_name(obj).c_str(),
           v ? "assign to" : "del", str_to_utf8(name).c_str());
    return false;
  }
  return f(obj, name, v);
}

Value get_attr_str(Value obj, const char* name) { return get_attr(obj, intern(name)); }

// ---- calls ------------------------------------------------------------------------------------

Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  CallFn f = type_of(callable)->slots.call;
  if (!f)
    return raisef(exc::TypeError, "'%s' object is not callable", type_name(callable).c_str());
  if (kwnames && kwnames->length == 0) kwnames = nullptr;
  return f(callable, args, nargs, kwnames);
}

Value call0(Value callable) { return call(callable, nullptr, 0, nullptr); }
Value call1(Value callable, Value a) {
  Value args[1] = {a};
  return call(callable, args, 1, nullptr);
}
Value call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return call(callable, args, 2, nullptr);
}

// f found on type(self): call unbound when f is a plain function.
static Value call_found(Value f, Value self, const Value* args, size_t nargs) {
  if (type_of(f) == types::function) {
    std::vector<Value> buf(nargs + 1);
    buf[0] = self;
    for (size_t i = 0; i < nargs; i++) buf[i + 1] = args[i];
    return call(f, buf.data(), nargs + 1, nullptr);
  }
  if (DescrGetFn get = type_of(f)->slots.descr_get) {
    f = get(f, self, type_of(self));
    if (!f) return {};
  }
  return call(f, args, nargs, nullptr);
}

Value call_method(Value obj, Str* name, const Value* args, size_t nargs) {
  Type* t = type_of(obj);
  if (t->slots.getattr == generic_getattr) {
    Value f = type_lookup(t, name);
    if (f && type_of(f) == types::function &&
        !(t->attrs_offset != 0 && instance_attr_get(obj, name)))
      return call_found(f, obj, args, nargs);
  }
  Value m = get_attr(obj, name);
  if (!m) return {};
  return call(m, args, nargs, nullptr);
}

Value call_special(Value obj, Str* name, const Value* args, size_t nargs, bool* found) {
  Value f = type_lookup(type_of(obj), name);
  if (found) *found = bool(f);
  if (!f) return {};
  return call_found(f, obj, args, nargs);
}

Value call_tuple_dict(Value callable, Tuple* args, Dict* kwargs) {
  int64_t n = args ? args->length : 0;
  int64_t nkw = kwargs ? dict_size(kwargs) : 0;
  if (nkw == 0) return call(callable, args ? args->items() : nullptr, size_t(n), nullptr);
  // The flat argument array lives in a GC tuple, not in malloc'd memory:
  // the callee's pointer into it keeps it (and the values) alive while the
  // caller may already have dropped `args` and `kwargs`.
  Tuple* flat = tuple_new(n + nkw);
  if (!flat) return {};
  for (int64_t i = 0; i < n; i++) flat->items()[i] = args->at(i);
  Tuple* kwnames = tuple_new(nkw);
  if (!kwnames) return {};
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(kwargs, &pos, &key, &value) && k < nkw) {
    if (!is_str(key) && !takes_keyword_dict(callable))
      return raise(exc::TypeError, "keywords must be strings");
    kwnames->items()[k] = key;
    flat->items()[n + k] = value;
    k++;
  }
  return call(callable, flat->items(), size_t(n), kwnames);
}

bool is_callable(Value v) { return type_of(v)->slots.call != nullptr; }

// ---- containers and iteration ---------------------------------------------------------------

int64_t length(Value v) {
  LenFn f = type_of(v)->slots.len;
  if (!f) {
    raisef(exc::TypeError, "object of type '%s' has no len()", type_name(v).c_str());
    return -1;
  }
  return f(v);
}

Value get_item(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->slots.getitem) return t->slots.getitem(obj, key);
  if (t->has_flag(TypeFlag::kTypeSubclass)) {
    Type* cls = obj.as<Type>();
    // type[int], but not str[int] (CPython's special case).
    if (cls == types::type) return generic_alias_new(obj, key);
    Value f = type_getattr_or_null(cls, names::__class_getitem__);
    if (f) return call1(f, key);
    if (has_error()) return {};
    return raisef(exc::TypeError, "type '%s' is not subscriptable", type_name_of(cls).c_str());
  }
  return raisef(exc::TypeError, "'%s' object is not subscriptable", type_name(obj).c_str());
}

bool set_item(Value obj, Value key, Value v) {
  SetItemFn f = type_of(obj)->slots.setitem;
  if (f) return f(obj, key, v);
  if (v)
    raisef(exc::TypeError, "'%s' object does not support item assignment", type_name(obj).c_str());
  else
    raisef(exc::TypeError, "'%s' object doesn't support item deletion", type_name(obj).c_str());
  return false;
}

int contains(Value container, Value item) {
  ContainsFn f = type_of(container)->slots.contains;
  if (f) return f(container, item);
  Type* t = type_of(container);
  if (!t->slots.iter && !t->slots.getitem) {
    raisef(exc::TypeError, "argument of type '%s' is not iterable", type_name(container).c_str());
    return -1;
  }
  Value it = get_iter(container);
  if (!it) {
    // _PySequence_IterSearch: any TypeError from iter() (e.g. __iter__
    // returning a non-iterator) becomes "not iterable".
    if (error_matches(exc::TypeError)) {
      clear_error();
      raisef(exc::TypeError, "argument of type '%s' is not iterable", type_name(container).c_str());
    }
    return -1;
  }
  for (;;) {
    Value x = iter_next(it);
    if (!x) return has_error() ? -1 : 0;
    int r = equal(x, item);
    if (r != 0) return r;
  }
}

// The iterator of the __getitem__ protocol: seq[0], seq[1], ... until
// IndexError or StopIteration.
struct SeqIterator : Object {
  Value seq;  // null once exhausted
  int64_t index;
};
static gc::LayoutId g_seq_iter_layout;

static void trace_seq_iter(void* obj, gc::Visitor& v) {
  auto* it = static_cast<SeqIterator*>(obj);
  v.visit(it->type);
  visit_value(v, it->seq);
}

static Value seq_iter_next(Value self) {
  auto* it = self.as<SeqIterator>();
  if (!it->seq) return {};
  Value r = get_item(it->seq, int_from_i64(it->index));
  if (r) {
    it->index++;
    return r;
  }
  if (error_matches(exc::IndexError) || error_matches(exc::StopIteration)) {
    clear_error();
    it->seq = Value();
  }
  return {};
}
static Value seq_iter_iter(Value self) { return self; }
// len(seq) - index, NotImplemented when seq has no len (as CPython's).
static Value seq_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SeqIterator>();
  if (!it->seq) return int_from_i64(0);
  LenFn len = type_of(it->seq)->slots.len;
  if (!len) return not_implemented();
  int64_t n = len(it->seq);
  if (n < 0) return {};
  return int_from_i64(n >= it->index ? n - it->index : 0);
}
// (iter, (seq,), index), or (iter, ((),)) once exhausted.
static Value seq_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SeqIterator>();
  if (!it->seq) return iter_reduce("iter", tuple_empty());
  return iter_reduce("iter", it->seq, int_from_i64(it->index));
}
static Value seq_iter_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<SeqIterator>();
  int64_t index;
  if (!iter_state_index(args[0], &index)) return {};
  if (it->seq) it->index = index < 0 ? 0 : index;
  return none();
}
static const MethodDef kSeqIterMethods[] = {
    {"__length_hint__", seq_iter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", seq_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", seq_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

Value get_iter(Value v) {
  Type* t = type_of(v);
  if (t->slots.iter) {
    Value it = t->slots.iter(v);
    if (!it) return {};
    if (!type_of(it)->slots.next)
      return raisef(exc::TypeError, "iter() returned non-iterator of type '%s'",
                    type_name(it).c_str());
    return it;
  }
  if (t->slots.getitem && !t->has_flag(TypeFlag::kDictSubclass)) {
    auto* it = allocate<SeqIterator>(g_seq_iter_layout, types::seq_iterator);
    it->seq = v;
    return it;
  }
  return raisef(exc::TypeError, "'%s' object is not iterable", type_name(v).c_str());
}

Value iter_next(Value it) {
  UnaryFn f = type_of(it)->slots.next;
  if (!f) return raisef(exc::TypeError, "'%s' object is not an iterator", type_name(it).c_str());
  Value v = f(it);
  // A StopIteration (a generator's return value, a Python __next__) means
  // exhausted, as CPython's PyIter_Next.
  if (!v && error_matches(exc::StopIteration)) clear_error();
  return v;
}

// ---- isinstance / issubclass ---------------------------------------------------------------------

static bool is_type(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kTypeSubclass); }

static Value abstract_bases(Value cls) {
  Value b = get_attr_or_null(cls, names::__bases__);
  if (b && !is_tuple(b)) return Value();
  return b;
}

// issubclass over __bases__ for objects that are not types (abc's virtual classes).
static int abstract_issubclass(Value derived, Value cls) {
  for (;;) {
    if (derived.is(cls)) return 1;
    Value bases = abstract_bases(derived);
    if (!bases) return has_error() ? -1 : 0;
    Tuple* t = bases.as<Tuple>();
    if (t->length == 0) return 0;
    if (t->length == 1) {
      derived = t->at(0);
      continue;
    }
    for (int64_t i = 0; i < t->length; i++) {
      int r = abstract_issubclass(t->at(i), cls);
      if (r != 0) return r;
    }
    return 0;
  }
}

static int recursive_isinstance(Value inst, Value cls) {
  if (is_type(cls)) {
    if (isinstance(inst, cls.as<Type>())) return 1;
    // inst.__class__ through object's own descriptor is type(inst), which
    // was just tested: no attribute lookup needed.
    Type* t = type_of(inst);
    if (t->slots.getattr == generic_getattr) {
      static const Value object_class = type_lookup(types::object, names::__class__);
      if (type_lookup(t, names::__class__).is(object_class)) return 0;
    }
    Value c = get_attr_or_null(inst, names::__class__);
    if (!c) return has_error() ? -1 : 0;
    if (!c.is(type_of(inst)) && is_type(c)) return is_subtype(c.as<Type>(), cls.as<Type>());
    return 0;
  }
  Value b = abstract_bases(cls);
  if (!b) {
    if (!has_error())
      raise(exc::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  Value c = get_attr_or_null(inst, names::__class__);
  if (!c) return has_error() ? -1 : 0;
  return abstract_issubclass(c, cls);
}

int isinstance_full(Value obj, Value cls) {
  if (cls.is_object() && type_of(obj) == cls.object()) return 1;
  if (cls.is_object() && type_of(cls) == types::type) return recursive_isinstance(obj, cls);
  if (is_tuple(cls)) {
    if (!enter_recursive_call(" in __instancecheck__")) return -1;
    Tuple* t = cls.as<Tuple>();
    int r = 0;
    for (int64_t i = 0; i < t->length && r == 0; i++) r = isinstance_full(obj, t->at(i));
    leave_recursive_call();
    return r;
  }
  Value checker = lookup_special(cls, names::__instancecheck__);
  if (checker) {
    if (!enter_recursive_call(" in __instancecheck__")) return -1;
    Value r = call_found(checker, cls, &obj, 1);
    leave_recursive_call();
    if (!r) return -1;
    return truth(r);
  }
  return recursive_isinstance(obj, cls);
}

bool isinstance_check(Value obj, Value cls) { return isinstance_full(obj, cls) > 0; }

static int recursive_issubclass(Value derived, Value cls) {
  if (is_type(cls) && is_type(derived)) return is_subtype(derived.as<Type>(), cls.as<Type>());
  if (!abstract_bases(derived)) {
    if (!has_error()) raise(exc::TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!is_type(cls) && !abstract_bases(cls)) {
    if (!has_error())
      raise(exc::TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return abstract_issubclass(derived, cls);
}

int issubclass_full(Value derived, Value cls) {
  if (cls.is_object() && type_of(cls) == types::type) {
    if (derived.is(cls)) return 1;
    return recursive_issubclass(derived, cls);
  }
  if (is_tuple(cls)) {
    if (!enter_recursive_call(" in __subclasscheck__")) return -1;
    Tuple* t = cls.as<Tuple>();
    int r = 0;
    for (int64_t i = 0; i < t->length && r == 0; i++) r = issubclass_full(derived, t->at(i));
    leave_recursive_call();
    return r;
  }
  Value checker = lookup_special(cls, names::__subclasscheck__);
  if (checker) {
    if (!enter_recursive_call(" in __subclasscheck__")) return -1;
    Value r = call_found(checker, cls, &derived, 1);
    leave_recursive_call();
    if (!r) return -1;
    return truth(r);
  }
  return recursive_issubclass(derived, cls);
}

// ---- init -------------------------------------------------------------------------------------------

void init_protocol() {
  g_seq_iter_layout = register_object_layout("iterator", sizeof(SeqIterator), trace_seq_iter);
  TypeSpec s;
  s.name = "iterator";
  s.layout = g_seq_iter_layout;
  s.slots.iter = seq_iter_iter;
  s.slots.next = seq_iter_next;
  s.methods = kSeqIterMethods;
  make_builtin_type(&types::seq_iterator, s);
}

}  // namespace pyrite::python
