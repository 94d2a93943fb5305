// Special methods and slots: the SlotDef table, slot wrappers of builtin
// types, the generic slots of heap types and their updates
// (docs/objects.md, "Types and slots").
//
// Invariant (heap types): each slot holds either a builtin's slot function,
// when every special method of that slot found along the MRO is a wrapper of
// that same function, or the generic function, which looks the method up on
// type(self) at every call and calls it. update_one recomputes one slot from
// the MRO and runs after class creation and after any class-attribute
// store or delete of a special-method name, in the class and all its
// subclasses (type_modified).
#include "python/objects/slots.h"

#include <vector>

#include "python/interp/interp.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

// ---- calling a special method ----------------------------------------------------

// f(self, *args, **kw) for f found on the type: plain functions are called
// unbound (no bound-method object); other descriptors are bound first.
static Value call_found(Value f, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(kwnames->length) : 0;
  if (type_of(f) == types::function) {
    Value small[8];
    std::vector<Value> big;
    Value* buf = small;
    if (nargs + nkw + 1 > 8) {
      big.resize(nargs + nkw + 1);
      buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < nargs + nkw; i++) buf[i + 1] = args[i];
    return call(f, buf, nargs + 1, kwnames);
  }
  DescrGetFn get = type_of(f)->slots.descr_get;
  if (get) {
    f = get(f, self, type_of(self));
    if (!f) return {};
  }
  return call(f, args, nargs, kwnames);
}

static Value call_dunder_kw(Value self, Str* name, const Value* args, size_t nargs,
                            Tuple* kwnames) {
  Value f = type_lookup(type_of(self), name);
  if (!f) {
    // CPython raises AttributeError(name) for a special method that went missing.
    raise_with(exc::AttributeError, name);
    return {};
  }
  return call_found(f, self, args, nargs, kwnames);
}

Value call_dunder(Value self, Str* name, const Value* args, size_t nargs) {
  return call_dunder_kw(self, name, args, nargs, nullptr);
}

// NotImplemented when the method is absent (binary operators).
static Value call_dunder_or_ni(Value self, Str* name, const Value* args, size_t nargs) {
  Value f = type_lookup(type_of(self), name);
  if (!f) return not_implemented();
  return call_found(f, self, args, nargs, nullptr);
}

// ---- generic slots ----------------------------------------------------------------------

static Value slot_repr(Value self) { return call_dunder(self, names::__repr__, nullptr, 0); }
static Value slot_str(Value self) { return call_dunder(self, names::__str__, nullptr, 0); }

static int64_t slot_hash(Value self) {
  Value f = type_lookup(type_of(self), names::__hash__);
  if (!f || is_none(f)) {
    raisef(exc::TypeError, "unhashable type: '%s'", type_name(self).c_str());
    return -1;
  }
  Value r = call_found(f, self, nullptr, 0, nullptr);
  if (!r) return -1;
  if (!is_int(r)) {
    raise(exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // A result that fits a machine word is the hash itself (str hashes use all
  // 64 bits, beyond the small ints); only larger ones are reduced by
  // hash(int), as CPython's slot does.
  int64_t h;
  if (r.is_small()) {
    h = r.small_value();
  } else if (auto w = int_to_i64(r)) {
    h = *w;
  } else {
    h = int_hash(r);
  }
  return h == -1 ? -2 : h;
}

static Str* compare_name(CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return names::__lt__;
    case CompareOp::kLe: return names::__le__;
    case CompareOp::kEq: return names::__eq__;
    case CompareOp::kNe: return names::__ne__;
    case CompareOp::kGt: return names::__gt__;
    case CompareOp::kGe: return names::__ge__;
  }
  return names::__eq__;
}

static Value slot_compare(Value a, Value b, CompareOp op) {
  Value f = type_lookup(type_of(a), compare_name(op));
  if (!f) return not_implemented();
  Type* ft = type_of(f);
  if (ft != types::function && ft != types::method_descriptor && ft != types::wrapper_descriptor) {
    // CPython's slot_tp_richcompare: a descriptor whose __get__ fails
    // (a property that raises) means NotImplemented, the error dropped;
    // functions and method descriptors are called unbound (a wrong-class
    // wrapper's TypeError stays).
    if (DescrGetFn get = ft->slots.descr_get) {
      f = get(f, a, type_of(a));
      if (!f) {
        clear_error();
        return not_implemented();
      }
    }
    return call(f, &b, 1);
  }
  Value args[2] = {a, b};
  return call(f, args, 2);
}

static Value slot_getattribute(Value self, Str* name) {
  Value args[1] = {name};
  return call_dunder(self, names::__getattribute__, args, 1);
}

Value slot_getattr_hook(Value self, Str* name) {
  Type* t = type_of(self);
  // As CPython, __getattr__ is looked up first: __getattribute__ may delete
  // it, and the one found is the one called.
  Value getattr = type_lookup(t, names::__getattr__);
  Value ga = type_lookup(t, names::__getattribute__);
  Value r;
  if (ga && type_of(ga) == types::wrapper_descriptor &&
      ga.as<WrapperDescriptor>()->fn == reinterpret_cast<void*>(&generic_getattr)) {
    r = generic_getattr(self, name);
  } else {
    Value args[1] = {name};
    r = ga ? call_found(ga, self, args, 1, nullptr) : generic_getattr(self, name);
  }
  if (r || !error_matches(exc::AttributeError)) return r;
  if (!getattr) return r;
  clear_error();
  Value args[1] = {name};
  return call_found(getattr, self, args, 1, nullptr);
}

static bool slot_setattr(Value self, Str* name, Value v) {
  Value r;
  if (v) {
    Value args[2] = {name, v};
    r = call_dunder(self, names::__setattr__, args, 2);
  } else {
    Value args[1] = {name};
    r = call_dunder(self, names::__delattr__, args, 1);
  }
  return bool(r);
}

static Value slot_descr_get(Value descr, Value obj, Value type) {
  Value f = type_lookup(type_of(descr), names::__get__);
  if (!f) return descr;
  Value args[2] = {obj ? obj : none(), type ? type : none()};
  return call_found(f, descr, args, 2, nullptr);
}

static bool slot_descr_set(Value descr, Value obj, Value v) {
  Value r;
  if (v) {
    Value args[2] = {obj, v};
    r = call_dunder(descr, names::__set__, args, 2);
  } else {
    Value args[1] = {obj};
    r = call_dunder(descr, names::__delete__, args, 1);
  }
  return bool(r);
}

// The call of an instance holds a level of the recursion depth, as CPython's
// tp_call does (so `A.__call__ = A()` ends in RecursionError, not a stack overflow).
static Value slot_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!enter_recursive_call(" while calling a Python object")) return {};
  Value r = call_dunder_kw(self, names::__call__, args, nargs, kwnames);
  leave_recursive_call();
  return r;
}

Value slot_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type, names::__new__);
  if (!f) {
    raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(type).c_str());
    return {};
  }
  // __new__ is a staticmethod: take the function out of it.
  DescrGetFn get = type_of(f)->slots.descr_get;
  if (get && type_of(f) != types::function) {
    f = get(f, Value(), type);
    if (!f) return {};
  }
  size_t nkw = kwnames ? size_t(kwnames->length) : 0;
  std::vector<Value> buf(nargs + nkw + 1);
  buf[0] = type;
  for (size_t i = 0; i < nargs + nkw; i++) buf[i + 1] = args[i];
  return call(f, buf.data(), nargs + 1, kwnames);
}

bool slot_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value r = call_dunder_kw(self, names::__init__, args, nargs, kwnames);
  if (!r) return false;
  if (!is_none(r)) {
    raisef(exc::TypeError, "__init__() should return None, not '%s'", type_name(r).c_str());
    return false;
  }
  return true;
}

static Value slot_iter(Value self) {
  Value f = type_lookup(type_of(self), names::__iter__);
  if (!f || is_none(f)) {
    raisef(exc::TypeError, "'%s' object is not iterable", type_name(self).c_str());
    return {};
  }
  return call_found(f, self, nullptr, 0, nullptr);
}

static Value slot_next(Value self) {
  Value r = call_dunder(self, names::__next__, nullptr, 0);
  if (!r && error_matches(exc::StopIteration)) clear_error();
  return r;
}

// Binary operators (CPython's SLOT1BINFULL): the slot serves both operand
// orders; the reflected method of a subclass right operand goes first when
// it overrides the left's.
static Str* const* const kBinaryNames[] = {
#define PYR_BINARY_OP(e, d, r, i, s) &names::d,
#include "python/objects/number_ops.def"
};
static Str* const* const kReflectedNames[] = {
#define PYR_BINARY_OP(e, d, r, i, s) &names::r,
#include "python/objects/number_ops.def"
};
static Str* const* const kInplaceNames[] = {
#define PYR_BINARY_OP(e, d, r, i, s) &names::i,
#include "python/objects/number_ops.def"
};

static bool method_is_overloaded(Type* left, Type* right, Str* name) {
  Value b = type_lookup(right, name);
  if (!b) return false;
  Value a = type_lookup(left, name);
  return !a || !(a == b);
}

template <int Op>
static Value slot_binary(Value a, Value b) {
  Str* fwd = *kBinaryNames[Op];
  Str* rev = *kReflectedNames[Op];
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  BinaryFn self_fn = &slot_binary<Op>;
  bool do_other = ta != tb && tb->slots.binary[Op] == self_fn;
  if (ta->slots.binary[Op] == self_fn) {
    if (do_other && is_subtype(tb, ta) && method_is_overloaded(ta, tb, rev)) {
      Value args[1] = {a};
      Value r = call_dunder_or_ni(b, rev, args, 1);
      if (!r || !r.is(not_implemented())) return r;
      do_other = false;
    }
    Value args[1] = {b};
    Value r = call_dunder_or_ni(a, fwd, args, 1);
    if (!r || !r.is(not_implemented()) || ta == tb) return r;
  }
  if (do_other) {
    Value args[1] = {a};
    return call_dunder_or_ni(b, rev, args, 1);
  }
  return not_implemented();
}

template <int Op>
static Value slot_inplace(Value a, Value b) {
  Value args[1] = {b};
  return call_dunder_or_ni(a, *kInplaceNames[Op], args, 1);
}

static Value slot_pow3(Value a, Value b, Value mod) {
  if (type_of(a)->slots.pow3 == &slot_pow3) {
    Value args[2] = {b, mod};
    return call_dunder_or_ni(a, names::__pow__, args, 2);
  }
  return not_implemented();
}

static Value slot_neg(Value self) { return call_dunder(self, names::__neg__, nullptr, 0); }
static Value slot_pos(Value self) { return call_dunder(self, names::__pos__, nullptr, 0); }
static Value slot_invert(Value self) { return call_dunder(self, names::__invert__, nullptr, 0); }
static Value slot_abs(Value self) { return call_dunder(self, names::__abs__, nullptr, 0); }
static Value slot_index(Value self) { return call_dunder(self, names::__index__, nullptr, 0); }
static Value slot_int(Value self) { return call_dunder(self, names::__int__, nullptr, 0); }
static Value slot_float(Value self) { return call_dunder(self, names::__float__, nullptr, 0); }

static int slot_bool(Value self) {
  Value r = call_dunder(self, names::__bool__, nullptr, 0);
  if (!r) return -1;
  if (r.is(singletons::true_)) return 1;
  if (r.is(singletons::false_)) return 0;
  raisef(exc::TypeError, "__bool__ should return bool, returned %s", type_name(r).c_str());
  return -1;
}

static int64_t slot_len(Value self) {
  Value r = call_dunder(self, names::__len__, nullptr, 0);
  if (!r) return -1;
  r = index(r);  // __len__ may return any object with __index__
  if (!r) return -1;
  auto v = int_to_i64(r);
  if (!v) {
    if (int_sign(r) < 0) {
      raise(exc::ValueError, "__len__() should return >= 0");
      return -1;
    }
    raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer",
           type_name(r).c_str());
    return -1;
  }
  if (*v < 0) {
    raise(exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  return *v;
}

static Value slot_getitem(Value self, Value key) {
  Value args[1] = {key};
  return call_dunder(self, names::__getitem__, args, 1);
}

static bool slot_setitem(Value self, Value key, Value v) {
  if (v) {
    Value args[2] = {key, v};
    return bool(call_dunder(self, names::__setitem__, args, 2));
  }
  Value args[1] = {key};
  return bool(call_dunder(self, names::__delitem__, args, 1));
}

static int slot_contains(Value self, Value item) {
  Value f = type_lookup(type_of(self), names::__contains__);
  if (!f || is_none(f)) {
    // __contains__ = None: not a container; fall back as the protocol does
    raisef(exc::TypeError, "'%s' object is not a container", type_name(self).c_str());
    return -1;
  }
  Value args[1] = {item};
  Value r = call_found(f, self, args, 1, nullptr);
  if (!r) return -1;
  return truth(r);
}

// ---- the table ----------------------------------------------------------------------------

#define OFF(field) PYR_SLOT_OFFSET(field)
#define BIN_OFF(op) static_cast<uint16_t>(offsetof(TypeSlots, binary) + sizeof(BinaryFn) * int(op))
#define INPL_OFF(op) static_cast<uint16_t>(offsetof(TypeSlots, inplace) + sizeof(BinaryFn) * int(op))
#define G(f) reinterpret_cast<void*>(f)

static const SlotDef kSlotDefs[] = {
    {"__repr__", OFF(repr), WrapperKind::kUnary, -1, G(slot_repr)},
    {"__str__", OFF(str), WrapperKind::kUnary, -1, G(slot_str)},
    {"__hash__", OFF(hash), WrapperKind::kHash, -1, G(slot_hash)},
    {"__lt__", OFF(compare), WrapperKind::kCompare, int8_t(CompareOp::kLt), G(slot_compare)},
    {"__le__", OFF(compare), WrapperKind::kCompare, int8_t(CompareOp::kLe), G(slot_compare)},
    {"__eq__", OFF(compare), WrapperKind::kCompare, int8_t(CompareOp::kEq), G(slot_compare)},
    {"__ne__", OFF(compare), WrapperKind::kCompare, int8_t(CompareOp::kNe), G(slot_compare)},
    {"__gt__", OFF(compare), WrapperKind::kCompare, int8_t(CompareOp::kGt), G(slot_compare)},
    {"__ge__", OFF(compare), WrapperKind::kCompare, int8_t(CompareOp::kGe), G(slot_compare)},
    {"__getattribute__", OFF(getattr), WrapperKind::kGetattr, -1, G(slot_getattribute)},
    {"__setattr__", OFF(setattr), WrapperKind::kSetattr, -1, G(slot_setattr)},
    {"__delattr__", OFF(setattr), WrapperKind::kDelattr, -1, G(slot_setattr)},
    {"__get__", OFF(descr_get), WrapperKind::kDescrGet, -1, G(slot_descr_get)},
    {"__set__", OFF(descr_set), WrapperKind::kDescrSet, -1, G(slot_descr_set)},
    {"__delete__", OFF(descr_set), WrapperKind::kDescrDelete, -1, G(slot_descr_set)},
    {"__call__", OFF(call), WrapperKind::kCall, -1, G(slot_call)},
    {"__init__", OFF(init), WrapperKind::kInit, -1, G(slot_tp_init)},
    {"__iter__", OFF(iter), WrapperKind::kUnary, -1, G(slot_iter)},
    {"__next__", OFF(next), WrapperKind::kNext, -1, G(slot_next)},
#define PYR_BINARY_OP(e, d, r, i, s)                                                        \
  {#d, BIN_OFF(BinaryOp::e), int(BinaryOp::e) == int(BinaryOp::kPow) ? WrapperKind::kPow      \
                                                                     : WrapperKind::kBinary,  \
   int8_t(BinaryOp::e), G(&slot_binary<int(BinaryOp::e)>)},                                  \
      {#r, BIN_OFF(BinaryOp::e),                                                             \
       int(BinaryOp::e) == int(BinaryOp::kPow) ? WrapperKind::kPowR : WrapperKind::kBinaryR,  \
       int8_t(BinaryOp::e), G(&slot_binary<int(BinaryOp::e)>)},                              \
      {#i, INPL_OFF(BinaryOp::e), WrapperKind::kBinary, int8_t(BinaryOp::e),                 \
       G(&slot_inplace<int(BinaryOp::e)>)},
#include "python/objects/number_ops.def"
    {"__neg__", OFF(neg), WrapperKind::kUnary, -1, G(slot_neg)},
    {"__pos__", OFF(pos), WrapperKind::kUnary, -1, G(slot_pos)},
    {"__invert__", OFF(invert), WrapperKind::kUnary, -1, G(slot_invert)},
    {"__abs__", OFF(abs), WrapperKind::kUnary, -1, G(slot_abs)},
    {"__bool__", OFF(bool_), WrapperKind::kInquiry, -1, G(slot_bool)},
    {"__index__", OFF(index), WrapperKind::kUnary, -1, G(slot_index)},
    {"__int__", OFF(int_), WrapperKind::kUnary, -1, G(slot_int)},
    {"__float__", OFF(float_), WrapperKind::kUnary, -1, G(slot_float)},
    {"__len__", OFF(len), WrapperKind::kLen, -1, G(slot_len)},
    {"__getitem__", OFF(getitem), WrapperKind::kBinary, -1, G(slot_getitem)},
    {"__setitem__", OFF(setitem), WrapperKind::kSetitem, -1, G(slot_setitem)},
    {"__delitem__", OFF(setitem), WrapperKind::kDelitem, -1, G(slot_setitem)},
    {"__contains__", OFF(contains), WrapperKind::kContains, -1, G(slot_contains)},
    {nullptr, 0, WrapperKind::kUnary, -1, nullptr},
};

const SlotDef* slot_defs() { return kSlotDefs; }

static constexpr size_t kNumSlotDefs = sizeof(kSlotDefs) / sizeof(kSlotDefs[0]) - 1;
static Str* g_def_names[kNumSlotDefs];

static Str* def_name(size_t i) {
  if (!g_def_names[i]) g_def_names[i] = intern(kSlotDefs[i].name);
  return g_def_names[i];
}

bool is_slot_name(Str* name) {
  if (name == names::__getattr__ || name == names::__new__) return true;
  for (size_t i = 0; i < kNumSlotDefs; i++)
    if (def_name(i) == name) return true;
  return false;
}

// ---- wrappers ------------------------------------------------------------------------------

static bool wrapper_nargs(size_t nargs, size_t want) {
  if (nargs == want) return true;
  raisef(exc::TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", nargs);
  return false;
}

Value call_slot_wrapper(WrapperDescriptor* w, Value self, const Value* args, size_t nargs,
                        Tuple* kwnames) {
  const SlotDef* d = w->def;
  if (kwnames && kwnames->length == 0) kwnames = nullptr;
  if (kwnames && d->kind != WrapperKind::kCall && d->kind != WrapperKind::kInit) {
    raisef(exc::TypeError, "wrapper %s() takes no keyword arguments", d->name);
    return {};
  }
  void* fn = w->fn;
  switch (d->kind) {
    case WrapperKind::kUnary:
      if (!wrapper_nargs(nargs, 0)) return {};
      return reinterpret_cast<UnaryFn>(fn)(self);
    case WrapperKind::kNext: {
      if (!wrapper_nargs(nargs, 0)) return {};
      Value r = reinterpret_cast<UnaryFn>(fn)(self);
      if (!r && !has_error()) return raise_stop_iteration(Value());
      return r;
    }
    case WrapperKind::kHash: {
      if (!wrapper_nargs(nargs, 0)) return {};
      int64_t h = reinterpret_cast<HashFn>(fn)(self);
      if (h == -1) return {};
      return int_from_i64(h);
    }
    case WrapperKind::kLen: {
      if (!wrapper_nargs(nargs, 0)) return {};
      int64_t n = reinterpret_cast<LenFn>(fn)(self);
      if (n < 0) return {};
      return int_from_i64(n);
    }
    case WrapperKind::kInquiry: {
      if (!wrapper_nargs(nargs, 0)) return {};
      int r = reinterpret_cast<InquiryFn>(fn)(self);
      if (r < 0) return {};
      return py_bool(r);
    }
    case WrapperKind::kBinary:
      if (!wrapper_nargs(nargs, 1)) return {};
      return reinterpret_cast<BinaryFn>(fn)(self, args[0]);
    case WrapperKind::kBinaryR:
      if (!wrapper_nargs(nargs, 1)) return {};
      return reinterpret_cast<BinaryFn>(fn)(args[0], self);
    case WrapperKind::kPow:
    case WrapperKind::kPowR: {
      if (nargs < 1 || nargs > 2) {
        raisef(exc::TypeError, "expected 1 or 2 arguments, got %zu", nargs);
        return {};
      }
      bool rev = d->kind == WrapperKind::kPowR;
      if (nargs == 2 && !is_none(args[1])) {
        TernaryFn p3 = w->owner->slots.pow3;
        if (!p3) return not_implemented();
        return rev ? p3(args[0], self, args[1]) : p3(self, args[0], args[1]);
      }
      auto f = reinterpret_cast<BinaryFn>(fn);
      return rev ? f(args[0], self) : f(self, args[0]);
    }
    case WrapperKind::kCompare:
      if (!wrapper_nargs(nargs, 1)) return {};
      return reinterpret_cast<CompareFn>(fn)(self, args[0], CompareOp(d->op));
    case WrapperKind::kGetattr:
      if (!wrapper_nargs(nargs, 1)) return {};
      if (!is_str(args[0])) {
        raisef(exc::TypeError, "attribute name must be string, not '%s'",
               type_name(args[0]).c_str());
        return {};
      }
      return reinterpret_cast<GetAttrFn>(fn)(self, args[0].as<Str>());
    case WrapperKind::kSetattr:
    case WrapperKind::kDelattr: {
      size_t want = d->kind == WrapperKind::kSetattr ? 2 : 1;
      if (!wrapper_nargs(nargs, want)) return {};
      if (!is_str(args[0])) {
        raisef(exc::TypeError, "attribute name must be string, not '%s'",
               type_name(args[0]).c_str());
        return {};
      }
      // CPython's hackcheck: object.__setattr__(int, 'x', 1) must not
      // bypass type's own __setattr__.
      Type* defining = type_of(self);
      while (defining && defining->is_heap_type()) defining = defining->base;
      if (defining && reinterpret_cast<void*>(defining->slots.setattr) != fn) {
        raisef(exc::TypeError, "can't apply this %s to %s object", d->name,
               type_name_of(defining).c_str());
        return {};
      }
      Value v = want == 2 ? args[1] : Value();
      if (!reinterpret_cast<SetAttrFn>(fn)(self, args[0].as<Str>(), v)) return {};
      return none();
    }
    case WrapperKind::kDescrGet: {
      if (nargs < 1 || nargs > 2) {
        raisef(exc::TypeError, "expected 1 or 2 arguments, got %zu", nargs);
        return {};
      }
      Value obj = is_none(args[0]) ? Value() : args[0];
      Value type = nargs == 2 && !is_none(args[1]) ? args[1] : Value();
      if (!obj && !type) {
        raise(exc::TypeError, "__get__(None, None) is invalid");
        return {};
      }
      return reinterpret_cast<DescrGetFn>(fn)(self, obj, type);
    }
    case WrapperKind::kDescrSet:
    case WrapperKind::kDescrDelete: {
      size_t want = d->kind == WrapperKind::kDescrSet ? 2 : 1;
      if (!wrapper_nargs(nargs, want)) return {};
      Value v = want == 2 ? args[1] : Value();
      if (!reinterpret_cast<DescrSetFn>(fn)(self, args[0], v)) return {};
      return none();
    }
    case WrapperKind::kCall:
      return reinterpret_cast<CallFn>(fn)(self, args, nargs, kwnames);
    case WrapperKind::kInit:
      if (!reinterpret_cast<InitFn>(fn)(self, args, nargs, kwnames)) return {};
      return none();
    case WrapperKind::kSetitem:
    case WrapperKind::kDelitem: {
      size_t want = d->kind == WrapperKind::kSetitem ? 2 : 1;
      if (!wrapper_nargs(nargs, want)) return {};
      Value v = want == 2 ? args[1] : Value();
      if (!reinterpret_cast<SetItemFn>(fn)(self, args[0], v)) return {};
      return none();
    }
    case WrapperKind::kContains: {
      if (!wrapper_nargs(nargs, 1)) return {};
      int r = reinterpret_cast<ContainsFn>(fn)(self, args[0]);
      if (r < 0) return {};
      return py_bool(r);
    }
  }
  return {};
}

void add_slot_wrappers(Type* t, const TypeSlots& own) {
  for (size_t i = 0; i < kNumSlotDefs; i++) {
    const SlotDef& d = kSlotDefs[i];
    void* fn = *reinterpret_cast<void* const*>(reinterpret_cast<const char*>(&own) + d.offset);
    if (!fn) continue;
    Str* name = def_name(i);
    if (dict_get_str(t->dict, name)) continue;
    dict_set_str(t->dict, name, new_wrapper_descriptor(&d, t, fn));
  }
  if (!own.hash && own.compare && !dict_get_str(t->dict, names::__hash__))
    dict_set_str(t->dict, names::__hash__, none());
}

// ---- slot updates of heap types ----------------------------------------------------------------

static void set_slot(Type* t, size_t offset, void* fn) {
  *reinterpret_cast<void**>(reinterpret_cast<char*>(&t->slots) + offset) = fn;
}

static void update_one(Type* t, uint16_t offset) {
  if (!t->is_heap_type()) return;
  if (offset == OFF(getattr)) {
    if (type_lookup(t, names::__getattr__)) {
      set_slot(t, offset, G(slot_getattr_hook));
      return;
    }
  }
  void* specific = nullptr;
  void* generic = nullptr;
  bool use_generic = false;
  bool any = false;
  bool hash_none = false;
  for (size_t i = 0; i < kNumSlotDefs; i++) {
    const SlotDef& d = kSlotDefs[i];
    if (d.offset != offset) continue;
    generic = d.generic;
    Value descr = type_lookup(t, def_name(i));
    if (!descr) continue;
    any = true;
    if (type_of(descr) == types::wrapper_descriptor) {
      auto* w = descr.as<WrapperDescriptor>();
      if (w->def->offset == offset && is_subtype(t, w->owner)) {
        if (specific && specific != w->fn) use_generic = true;
        specific = w->fn;
        continue;
      }
    }
    if (offset == OFF(hash) && is_none(descr)) {
      hash_none = true;
      continue;
    }
    use_generic = true;
  }
  void* fn;
  if (hash_none && !use_generic)
    fn = nullptr;
  else if (use_generic)
    fn = generic;
  else if (any)
    fn = specific;
  else
    fn = nullptr;
  set_slot(t, offset, fn);
}

static void update_new(Type* t) {
  if (!t->is_heap_type()) return;
  Value f = type_lookup(t, names::__new__);
  if (f && type_of(f) == types::builtin_function &&
      f.as<BuiltinFunction>()->def == &kTpNewDef) {
    // A builtin's __new__ (object.__new__, int.__new__, ...): the slot
    // keeps what it has, the inherited one or the previous value, as
    // CPython's update_one_slot does (test_descr's test_restored_object_new
    // and test_bad_new are its expected failures).
  } else {
    t->slots.new_ = f ? slot_tp_new : nullptr;
  }
}

void update_all_slots(Type* t) {
  uint16_t last = 0xffff;
  for (size_t i = 0; i < kNumSlotDefs; i++) {
    if (kSlotDefs[i].offset == last) continue;
    // Offsets shared by several names are adjacent in the table except
    // for binary/inplace, which update_one handles per offset anyway.
    last = kSlotDefs[i].offset;
    update_one(t, last);
  }
  // pow3 follows __pow__.
  {
    Value p = type_lookup(t, names::__pow__);
    if (p && type_of(p) == types::wrapper_descriptor &&
        p.as<WrapperDescriptor>()->def->offset == BIN_OFF(BinaryOp::kPow))
      t->slots.pow3 = p.as<WrapperDescriptor>()->owner->slots.pow3;
    else
      t->slots.pow3 = p ? slot_pow3 : nullptr;
  }
  update_new(t);
}

static void update_named_rec(Type* t, Str* name) {
  if (t->is_heap_type()) {
    if (name == names::__new__) {
      update_new(t);
    } else if (name == names::__getattr__) {
      update_one(t, OFF(getattr));
    } else {
      for (size_t i = 0; i < kNumSlotDefs; i++)
        if (def_name(i) == name) update_one(t, kSlotDefs[i].offset);
      if (name == names::__pow__) {
        Value p = type_lookup(t, names::__pow__);
        if (p && type_of(p) == types::wrapper_descriptor)
          t->slots.pow3 = p.as<WrapperDescriptor>()->owner->slots.pow3;
        else
          t->slots.pow3 = p ? slot_pow3 : nullptr;
      }
    }
  }
  for_each_subclass(t, [&](Type* s) { update_named_rec(s, name); });
}

void update_slots_named(Type* t, Str* name) { update_named_rec(t, name); }

// The generic function of each slot, indexed by offset / 8: the
// interpreter asks slot_is_python on hot paths.
namespace {
constexpr size_t kSlotCount = sizeof(TypeSlots) / sizeof(void*);
struct GenericTable {
  void* fn[kSlotCount] = {};
  GenericTable() {
    for (size_t i = 0; i < kNumSlotDefs; i++) fn[kSlotDefs[i].offset / sizeof(void*)] = kSlotDefs[i].generic;
    fn[OFF(new_) / sizeof(void*)] = G(slot_tp_new);
    fn[OFF(pow3) / sizeof(void*)] = G(slot_pow3);
  }
};
const GenericTable g_generic_table;
}  // namespace

bool slot_is_python(const Type* t, size_t offset) {
  void* fn = slot_at(t, offset);
  if (!fn) return false;
  if (offset == OFF(getattr) && fn == G(slot_getattr_hook)) return true;
  return g_generic_table.fn[offset / sizeof(void*)] == fn;
}

}  // namespace pyrite::python
