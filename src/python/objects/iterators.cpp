// Builtin iterators: enumerate, zip, map, filter, reversed, the callable
// iterator, and length_hint (docs/objects.md, "Containers"). The sequence
// iterator of the __getitem__ protocol is core's (protocol.cpp).
#include "python/objects/iterators.h"

#include <optional>

#include "python/interp/interp.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

Value iter_self(Value self) { return self; }

int64_t length_hint(Value v, int64_t dflt) {
  Type* t = type_of(v);
  if (t->slots.len) {
    int64_t n = t->slots.len(v);
    if (n >= 0) return n;
    if (!error_matches(exc::TypeError)) return -1;
    clear_error();
  }
  Value m = type_lookup(t, names::__length_hint__);
  if (!m) return dflt;
  bool found = false;
  Value r = call_special(v, names::__length_hint__, nullptr, 0, &found);
  if (!r) {
    if (!has_error()) return dflt;
    // As CPython: a TypeError from __length_hint__ itself (repeat(x)'s
    // "len() of unsized object") also means "no hint".
    if (error_matches(exc::TypeError)) {
      clear_error();
      return dflt;
    }
    return -1;
  }
  if (r.is(not_implemented())) return dflt;
  if (!is_int(r)) {
    raisef(exc::TypeError, "__length_hint__ must be an integer, not %s", type_name(r).c_str());
    return -1;
  }
  int64_t n;
  if (!int_to_index(r, &n)) return -1;
  if (n < 0) {
    raise(exc::ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

Value class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  return generic_class_getitem(cls, args, nargs, kwnames);
}

namespace {

// ---- layouts ---------------------------------------------------------------------------------

struct Enumerate : Object {
  Value it;
  Value index;   // an int (small or big)
};

struct Zip : Object {
  Tuple* iters;  // null once exhausted
  bool strict;
  uint8_t pad[7];
};

struct MapObject : Object {
  Value func;
  Tuple* iters;
};

struct Filter : Object {
  Value func;  // None: truth of the item
  Value it;
};

struct Reversed : Object {
  Value seq;     // null once exhausted
  int64_t index;
};

struct CallableIterator : Object {
  Value callable;  // null once exhausted
  Value sentinel;
};

void trace_enumerate(void* obj, gc::Visitor& v) {
  auto* o = static_cast<Enumerate*>(obj);
  v.visit(o->type);
  visit_value(v, o->it);
  visit_value(v, o->index);
}
void trace_zip(void* obj, gc::Visitor& v) {
  auto* o = static_cast<Zip*>(obj);
  v.visit(o->type);
  v.visit(o->iters);
}
void trace_map(void* obj, gc::Visitor& v) {
  auto* o = static_cast<MapObject*>(obj);
  v.visit(o->type);
  visit_value(v, o->func);
  v.visit(o->iters);
}
void trace_filter(void* obj, gc::Visitor& v) {
  auto* o = static_cast<Filter*>(obj);
  v.visit(o->type);
  visit_value(v, o->func);
  visit_value(v, o->it);
}
void trace_reversed(void* obj, gc::Visitor& v) {
  auto* o = static_cast<Reversed*>(obj);
  v.visit(o->type);
  visit_value(v, o->seq);
}
void trace_callable_iterator(void* obj, gc::Visitor& v) {
  auto* o = static_cast<CallableIterator*>(obj);
  v.visit(o->type);
  visit_value(v, o->callable);
  visit_value(v, o->sentinel);
}

gc::LayoutId layout(const char* name, void (*trace)(void*, gc::Visitor&), size_t size) {
  return gc::register_layout(gc::LayoutInfo{name, trace, size});
}

gc::LayoutId g_enumerate_layout = layout("enumerate", trace_enumerate, sizeof(Enumerate));
gc::LayoutId g_zip_layout = layout("zip", trace_zip, sizeof(Zip));
gc::LayoutId g_map_layout = layout("map", trace_map, sizeof(MapObject));
gc::LayoutId g_filter_layout = layout("filter", trace_filter, sizeof(Filter));
gc::LayoutId g_reversed_layout = layout("reversed", trace_reversed, sizeof(Reversed));
gc::LayoutId g_callable_iterator_layout =
    layout("callable_iterator", trace_callable_iterator, sizeof(CallableIterator));

template <class T>
T* new_instance(Type* type) {
  return static_cast<T*>(alloc_instance(type));
}

// map and filter refuse keywords unless a subclass's own __init__ may take
// them (CPython checks tp_init against the builtin's).
bool no_kwargs_unless_init(Type* type, Type* builtin, const char* fname, Tuple* kwnames) {
  if (type != builtin && type->slots.init != builtin->slots.init) return true;
  if (kwnames && kwnames->length) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

bool no_kwargs(const char* fname, Tuple* kwnames) {
  if (kwnames && kwnames->length) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

// ---- enumerate -------------------------------------------------------------------------------

Value enumerate_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"iterable", "start", nullptr};
  if (nargs == 0 && !(kwnames && kwnames->length)) {
    return raise(exc::TypeError, "enumerate() missing required argument 'iterable'");
  }
  Value iterable, start;
  ArgSpec spec{"enumerate", kParams, 1, 0, -1};
  if (!parse_args(spec, args, nargs, kwnames, {&iterable, &start})) return {};
  Value index = Value::small(0);
  if (start) {
    index = start.is_small() ? start : python::index(start);
    if (!index) return {};
  }
  Value it = get_iter(iterable);
  if (!it) return {};
  auto* e = new_instance<Enumerate>(type);
  e->it = it;
  e->index = index;
  return e;
}

Value enumerate_next(Value self) {
  auto* e = self.as<Enumerate>();
  Value item = iter_next(e->it);
  if (!item) return {};
  Value i = e->index;
  Value next = i.is_small() ? int_from_i64(i.small_value() + 1)
                            : int_binary(BinaryOp::kAdd, i, Value::small(1));
  if (!next) return {};
  e->index = next;
  return tuple_of({i, item});
}

// ---- zip -------------------------------------------------------------------------------------

Value zip_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->length; i++) {
      Value name = kwnames->at(i);
      if (is_str(name) && str_equal(name.as<Str>(), intern("strict"))) {
        int t = truth(args[nargs + i]);
        if (t < 0) return {};
        strict = t;
      } else {
        return raisef(exc::TypeError, "'%s' is an invalid keyword argument for zip()",
                      str_to_utf8(name.as<Str>()).c_str());
      }
    }
  }
  Tuple* iters = tuple_new(int64_t(nargs));
  if (!iters) return {};
  for (size_t i = 0; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (!it) return {};
    iters->items()[i] = it;
  }
  auto* z = new_instance<Zip>(type);
  z->iters = iters;
  z->strict = strict;
  return z;
}

Value zip_next(Value self) {
  auto* z = self.as<Zip>();
  Tuple* iters = z->iters;
  if (!iters || iters->length == 0) return {};
  int64_t n = iters->length;
  Tuple* result = tuple_new(n);
  if (!result) return {};
  for (int64_t i = 0; i < n; i++) {
    Value item = iter_next(iters->at(i));
    if (item) {
      result->items()[i] = item;
      continue;
    }
    if (has_error()) return {};
    z->iters = nullptr;
    if (!z->strict) return {};
    if (i > 0) {
      return raisef(exc::ValueError, "zip() argument %lld is shorter than argument%s%lld",
                    (long long)(i + 1), i == 1 ? " " : "s 1-", (long long)i);
    }
    for (int64_t j = 1; j < n; j++) {
      Value extra = iter_next(iters->at(j));
      if (extra) {
        return raisef(exc::ValueError, "zip() argument %lld is longer than argument%s%lld",
                      (long long)(j + 1), j == 1 ? " " : "s 1-", (long long)j);
      }
      if (has_error()) return {};
    }
    return {};
  }
  return result;
}

// ---- map -------------------------------------------------------------------------------------

Value map_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs_unless_init(type, types::map_, "map", kwnames)) return {};
  if (nargs < 2) return raise(exc::TypeError, "map() must have at least two arguments.");
  Tuple* iters = tuple_new(int64_t(nargs - 1));
  if (!iters) return {};
  for (size_t i = 1; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (!it) return {};
    iters->items()[i - 1] = it;
  }
  auto* m = new_instance<MapObject>(type);
  m->func = args[0];
  m->iters = iters;
  return m;
}

Value map_next(Value self) {
  auto* m = self.as<MapObject>();
  int64_t n = m->iters->length;
  Tuple* items = tuple_new(n);
  if (!items) return {};
  for (int64_t i = 0; i < n; i++) {
    Value x = iter_next(m->iters->at(i));
    if (!x) return {};
    items->items()[i] = x;
  }
  return call(m->func, items->items(), size_t(n));
}

// ---- filter ----------------------------------------------------------------------------------

Value filter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs_unless_init(type, types::filter, "filter", kwnames)) return {};
  if (nargs != 2) return raisef(exc::TypeError, "filter expected 2 arguments, got %zu", nargs);
  Value it = get_iter(args[1]);
  if (!it) return {};
  auto* f = new_instance<Filter>(type);
  f->func = args[0];
  f->it = it;
  return f;
}

Value filter_next(Value self) {
  auto* f = self.as<Filter>();
  bool plain = is_none(f->func) || f->func.is(types::bool_);
  for (;;) {
    Value item = iter_next(f->it);
    if (!item) return {};
    int ok;
    if (plain) {
      ok = truth(item);
    } else {
      Value r = call1(f->func, item);
      if (!r) return {};
      ok = truth(r);
    }
    if (ok < 0) return {};
    if (ok) return item;
  }
}

// ---- pickling of enumerate, zip, map and filter (CPython's __reduce__) -----------------------

Value enumerate_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* e = self.as<Enumerate>();
  return tuple_of({Value(type_of(self)), tuple_of({e->it, e->index})});
}

Value zip_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* z = self.as<Zip>();
  Value iters = z->iters ? Value(z->iters) : Value(tuple_empty());
  if (z->strict) return tuple_of({Value(type_of(self)), iters, py_bool(true)});
  return tuple_of({Value(type_of(self)), iters});
}

Value zip_setstate(Value self, const Value* args, size_t, Tuple*) {
  int t = truth(args[0]);
  if (t < 0) return {};
  self.as<Zip>()->strict = t;
  return none();
}

Value map_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* m = self.as<MapObject>();
  Tuple* args = tuple_new(m->iters->length + 1);
  if (!args) return {};
  args->items()[0] = m->func;
  for (int64_t i = 0; i < m->iters->length; i++) args->items()[i + 1] = m->iters->at(i);
  return tuple_of({Value(type_of(self)), Value(args)});
}

Value filter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* f = self.as<Filter>();
  return tuple_of({Value(type_of(self)), tuple_of({f->func, f->it})});
}

const MethodDef kEnumerateMethods[] = {
    {"__reduce__", enumerate_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__class_getitem__", class_getitem, MethodFlag::kOneArg | MethodFlag::kClass, "See PEP 585"},
    {nullptr, nullptr, 0},
};
const MethodDef kZipMethods[] = {
    {"__reduce__", zip_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", zip_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};
const MethodDef kMapMethods[] = {
    {"__reduce__", map_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};
const MethodDef kFilterMethods[] = {
    {"__reduce__", filter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

// ---- reversed --------------------------------------------------------------------------------

Value reversed_of(Type* type, Value seq) {
  Value rev = type_lookup(type_of(seq), names::__reversed__);
  if (rev && is_none(rev)) {
    return raisef(exc::TypeError, "'%s' object is not reversible", type_name(seq).c_str());
  }
  if (rev) {
    bool found = false;
    return call_special(seq, names::__reversed__, nullptr, 0, &found);
  }
  Type* t = type_of(seq);
  if (!t->slots.getitem || is_subtype(t, types::dict) || t == types::dict) {
    return raisef(exc::TypeError, "'%s' object is not reversible", type_name(seq).c_str());
  }
  int64_t n = length(seq);
  if (n < 0) return {};
  auto* r = new_instance<Reversed>(type);
  r->seq = seq;
  r->index = n - 1;
  return r;
}

Value reversed_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == types::reversed && !no_kwargs("reversed", kwnames)) return {};
  if (nargs != 1) return raisef(exc::TypeError, "reversed expected 1 argument, got %zu", nargs);
  return reversed_of(type, args[0]);
}

Value reversed_next(Value self) {
  auto* r = self.as<Reversed>();
  if (!r->seq) return {};
  if (r->index >= 0) {
    Value item = get_item(r->seq, Value::small(r->index));
    if (item) {
      r->index--;
      return item;
    }
    if (!error_matches(exc::IndexError) && !error_matches(exc::StopIteration)) return {};
    clear_error();
  }
  r->index = -1;
  r->seq = Value();
  return {};
}

Value reversed_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Reversed>();
  if (!r->seq) return tuple_of({Value(type_of(self)), tuple_of({Value(tuple_empty())})});
  return tuple_of({Value(type_of(self)), tuple_of({r->seq}), int_from_i64(r->index)});
}

Value reversed_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* r = self.as<Reversed>();
  int64_t index;
  if (!iter_state_index(args[0], &index)) return {};
  if (r->seq) {
    int64_t n = length(r->seq);
    if (n < 0) return {};
    if (index < -1) index = -1;
    else if (n - 1 < index) index = n - 1;
    r->index = index;
  }
  return none();
}

Value callable_iterator_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<CallableIterator>();
  if (c->callable && c->sentinel) return builtin_reduce("iter", tuple_of({c->callable, c->sentinel}));
  return iter_reduce("iter", tuple_empty());
}

Value reversed_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Reversed>();
  if (!r->seq) return Value::small(0);
  int64_t n = length(r->seq);
  if (n < 0) return {};
  int64_t pos = r->index + 1;
  return Value::small(n < pos ? 0 : pos);
}

// ---- the callable iterator -------------------------------------------------------------------

Value callable_iterator_next(Value self) {
  auto* c = self.as<CallableIterator>();
  if (!c->callable) return {};
  Value r = call0(c->callable);
  if (!r) {
    if (error_matches(exc::StopIteration)) {
      clear_error();
      c->callable = Value();
    }
    return {};
  }
  int e = equal(r, c->sentinel);
  if (e < 0) return {};
  if (e) {
    c->callable = Value();
    return {};
  }
  return r;
}

// ---- types -----------------------------------------------------------------------------------

const MethodDef kReversedMethods[] = {
    {"__length_hint__", reversed_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reversed_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", reversed_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

const MethodDef kCallableIteratorMethods[] = {
    {"__reduce__", callable_iterator_reduce, MethodFlag::kNoArgs,
     "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

void make_iter_type(Type** into, const char* name, gc::LayoutId layout, uint32_t size,
                    TraceFn trace, NewFn new_fn, UnaryFn next, const MethodDef* methods,
                    const char* doc, bool base) {
  TypeSpec spec;
  spec.name = name;
  spec.layout = layout;
  spec.instance_size = size;
  spec.flags = TypeFlag::kImmutable | (base ? TypeFlag::kBaseType : 0);
  spec.trace = trace;
  spec.slots.iter = iter_self;
  spec.slots.next = next;
  spec.slots.new_ = new_fn;
  spec.methods = methods;
  spec.doc = doc;
  make_builtin_type(into, spec);
}

}  // namespace

Value reversed_new(Value seq) { return reversed_of(types::reversed, seq); }

Value builtin_reduce(const char* fn, Tuple* args, Value state) {
  Module* b = builtins_module();
  Value f = b ? dict_get_str(b->dict, intern(fn)) : Value();
  if (!f) {
    if (!has_error()) raisef(exc::AttributeError, "module 'builtins' has no attribute '%s'", fn);
    return {};
  }
  if (!args) return {};
  return state ? tuple_of({f, Value(args), state}) : tuple_of({f, Value(args)});
}

Value iter_reduce(const char* fn, Value arg, Value state) {
  return builtin_reduce(fn, tuple_of({arg}), state);
}

Value iter_reduce_drained(Value copy) {
  List* items = list_new();
  for (;;) {
    Value v = iter_next(copy);
    if (!v) {
      if (has_error()) return {};
      break;
    }
    if (!list_append(items, v)) return {};
  }
  return iter_reduce("iter", items);
}

bool iter_state_index(Value state, int64_t* out) {
  if (!is_int(state)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  std::optional<int64_t> i = int_to_i64(state);
  if (!i) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = *i;
  return true;
}

Value callable_iterator_new(Value callable, Value sentinel) {
  auto* c = allocate<CallableIterator>(g_callable_iterator_layout, types::callable_iterator);
  c->callable = callable;
  c->sentinel = sentinel;
  return c;
}

void init_iterators() {
  make_iter_type(&types::enumerate, "enumerate", g_enumerate_layout, sizeof(Enumerate),
                 trace_enumerate, enumerate_new, enumerate_next, kEnumerateMethods,
                 "Return an enumerate object.\n\n  iterable\n    an object supporting "
                 "iteration\n\nThe enumerate object yields pairs containing a count (from start, "
                 "which\ndefaults to zero) and a value yielded by the iterable argument.\n\n"
                 "enumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, "
                 "seq[1]), (2, seq[2]), ...",
                 true);
  make_iter_type(&types::zip, "zip", g_zip_layout, sizeof(Zip), trace_zip, zip_new, zip_next,
                 kZipMethods,
                 "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
                 "   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, "
                 "1), ('c', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number "
                 "of iterables\npassed as positional arguments to zip().  The i-th element in "
                 "every tuple\ncomes from the i-th iterable argument to zip().  This continues "
                 "until the\nshortest argument is exhausted.\n\nIf strict is true and one of the "
                 "arguments is exhausted before the others,\nraise a ValueError.",
                 true);
  make_iter_type(&types::map_, "map", g_map_layout, sizeof(MapObject), trace_map, map_new,
                 map_next, kMapMethods,
                 "map(func, *iterables) --> map object\n\nMake an iterator that computes the "
                 "function using arguments from\neach of the iterables.  Stops when the shortest "
                 "iterable is exhausted.",
                 true);
  make_iter_type(&types::filter, "filter", g_filter_layout, sizeof(Filter), trace_filter,
                 filter_new, filter_next, kFilterMethods,
                 "filter(function or None, iterable) --> filter object\n\nReturn an iterator "
                 "yielding those items of iterable for which function(item)\nis true. If "
                 "function is None, return the items that are true.",
                 true);
  make_iter_type(&types::reversed, "reversed", g_reversed_layout, sizeof(Reversed),
                 trace_reversed, reversed_new_slot, reversed_next, kReversedMethods,
                 "Return a reverse iterator over the values of the given sequence.", true);
  make_iter_type(&types::callable_iterator, "callable_iterator", g_callable_iterator_layout,
                 sizeof(CallableIterator), trace_callable_iterator, nullptr,
                 callable_iterator_next, kCallableIteratorMethods, nullptr, false);
}

}  // namespace pyrite::python
