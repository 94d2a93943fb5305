// The _functools module: reduce, cmp_to_key (KeyWrapper), partial and the
// lru_cache wrapper, as CPython 3.11's C versions, which functools.py uses
// in place of its pure-Python fallbacks (docs/modules.md, "_functools").
//
// The fallbacks differ observably (partial's repr and flattening, the
// wrapper's type, cmp_to_key's signature), so these follow the C code:
// partial(partial(f, 1), 2) flattens into partial(f, 1, 2) unless the inner
// one has instance attributes; the LRU wrapper hashes its key once per
// call and keeps a doubly linked list of links, most recent last, evicting
// the oldest in place when full.
#include <cstddef>
#include <string>

#include "gc/heap.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/function.h"
#include "python/objects/int.h"
#include "python/objects/map.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

Type* g_partial = nullptr;
Type* g_keywrapper = nullptr;
Type* g_lru_wrapper = nullptr;
Type* g_lru_elem = nullptr;
Object* g_kwd_mark = nullptr;   // separates positional and keyword args in keys

void visit_attrs(gc::Visitor& v, InstanceAttrs& a) {
  v.visit(a.map);
  v.visit(a.storage);
}

// An object's instance attributes exist (CPython: its __dict__ pointer is set).
bool has_instance_attrs(Value obj) {
  InstanceAttrs* a = instance_attrs(obj);
  if (!a || !a->storage) return false;
  Value d = instance_dict(obj);
  return d && is_dict(d) && dict_size(d.as<Dict>()) > 0;
}

// ---- reduce -----------------------------------------------------------------------------------

Value fn_reduce(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2) return raisef(exc::TypeError, "reduce expected at least 2 arguments, got %zu", nargs);
  if (nargs > 3) return raisef(exc::TypeError, "reduce expected at most 3 arguments, got %zu", nargs);
  Value func = args[0];
  Value result = nargs == 3 ? args[2] : Value();
  Value it = get_iter(args[1]);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise(exc::TypeError, "reduce() arg 2 must support iteration");
    }
    return {};
  }
  for (;;) {
    Value item = iter_next(it);
    if (!item) {
      if (has_error()) return {};
      break;
    }
    if (!result) {
      result = item;
      continue;
    }
    result = call2(func, result, item);
    if (!result) return {};
  }
  if (!result) return raise(exc::TypeError, "reduce() of empty iterable with no initial value");
  return result;
}

// ---- cmp_to_key ----------------------------------------------------------------------------

struct KeyWrapper : Object {
  Value cmp;
  Value object;   // null for the wrapper cmp_to_key returns
};

void trace_keywrapper(void* p, gc::Visitor& v) {
  auto* k = static_cast<KeyWrapper*>(p);
  v.visit(k->type);
  visit_value(v, k->cmp);
  visit_value(v, k->object);
}

KeyWrapper* new_keywrapper(Value cmp, Value object) {
  auto* k = static_cast<KeyWrapper*>(alloc_instance(g_keywrapper));
  if (!k) return nullptr;
  k->cmp = cmp;
  k->object = object;
  return k;
}

Value keywrapper_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"obj", nullptr};
  Value obj;
  ArgSpec spec{"K", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&obj})) return {};
  return new_keywrapper(self.as<KeyWrapper>()->cmp, obj);
}

Value keywrapper_compare(Value a, Value b, CompareOp op) {
  if (type_of(b) != type_of(a)) return raise(exc::TypeError, "other argument must be K instance");
  auto* x = a.as<KeyWrapper>();
  auto* y = b.as<KeyWrapper>();
  if (!x->object || !y->object) return raise(exc::AttributeError, "object");
  Value res = call2(x->cmp, x->object, y->object);
  if (!res) return {};
  return compare(res, Value::small(0), op);
}

Value keywrapper_get_obj(Value self) {
  Value o = self.as<KeyWrapper>()->object;
  if (!o) return raise(exc::AttributeError, "obj");
  return o;
}
bool keywrapper_set_obj(Value self, Value v) {
  self.as<KeyWrapper>()->object = v;
  return true;
}

Value fn_cmp_to_key(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"mycmp", nullptr};
  Value cmp;
  ArgSpec spec{"cmp_to_key", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&cmp})) return {};
  return new_keywrapper(cmp, Value());
}

const GetSetDef kKeyWrapperGetSets[] = {
    {"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."},
    {nullptr, nullptr},
};

// ---- partial --------------------------------------------------------------------------------

struct Partial : Object {
  Value fn;
  Tuple* args;
  Dict* kw;
  InstanceAttrs attrs;
};

void trace_partial(void* p, gc::Visitor& v) {
  auto* pt = static_cast<Partial*>(p);
  v.visit(pt->type);
  visit_value(v, pt->fn);
  v.visit(pt->args);
  v.visit(pt->kw);
  visit_attrs(v, pt->attrs);
}

Value partial_call(Value self, const Value* args, size_t nargs, Tuple* kwnames);

Value partial_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "type 'partial' takes at least one argument");
  Value func = args[0];
  Tuple* pargs = nullptr;
  Dict* pkw = nullptr;
  if (func.is_object() && type_of(func)->slots.call == partial_call && !has_instance_attrs(func)) {
    auto* inner = func.as<Partial>();
    pargs = inner->args;
    pkw = inner->kw;
    func = inner->fn;
  }
  if (!is_callable(func)) return raise(exc::TypeError, "the first argument must be callable");
  int64_t n = int64_t(nargs) - 1;
  int64_t pn = pargs ? pargs->length : 0;
  Tuple* all = tuple_new(pn + n);
  if (!all) return {};
  for (int64_t i = 0; i < pn; i++) all->items()[i] = pargs->at(i);
  for (int64_t i = 0; i < n; i++) all->items()[pn + i] = args[1 + i];
  Dict* kw = pkw ? dict_copy(pkw) : dict_new();
  if (!kw) return {};
  int64_t nkw = kwnames ? kwnames->length : 0;
  for (int64_t i = 0; i < nkw; i++)
    if (!dict_set(kw, kwnames->at(i), args[nargs + size_t(i)])) return {};
  auto* p = static_cast<Partial*>(alloc_instance(type));
  if (!p) return {};
  p->fn = func;
  p->args = all;
  p->kw = kw;
  return p;
}

// func(*self.args, *args, **{**self.keywords, **kwargs})
Value partial_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* p = self.as<Partial>();
  int64_t pn = p->args->length;
  int64_t nkw = kwnames ? kwnames->length : 0;
  if (dict_size(p->kw) == 0) {
    if (pn == 0) return call(p->fn, args, nargs, kwnames);
    Tuple* all = tuple_new(pn + int64_t(nargs) + nkw);
    if (!all) return {};
    for (int64_t i = 0; i < pn; i++) all->items()[i] = p->args->at(i);
    for (int64_t i = 0; i < int64_t(nargs) + nkw; i++) all->items()[pn + i] = args[i];
    return call(p->fn, all->items(), size_t(pn) + nargs, kwnames);
  }
  Dict* kw = dict_copy(p->kw);
  if (!kw) return {};
  for (int64_t i = 0; i < nkw; i++)
    if (!dict_set(kw, kwnames->at(i), args[nargs + size_t(i)])) return {};
  int64_t total_kw = dict_size(kw);
  Tuple* names = tuple_new(total_kw);
  Tuple* all = tuple_new(pn + int64_t(nargs) + total_kw);
  if (!names || !all) return {};
  for (int64_t i = 0; i < pn; i++) all->items()[i] = p->args->at(i);
  for (int64_t i = 0; i < int64_t(nargs); i++) all->items()[pn + i] = args[i];
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(kw, &pos, &key, &value)) {
    names->items()[k] = key;
    all->items()[pn + int64_t(nargs) + k] = value;
    k++;
  }
  return call(p->fn, all->items(), size_t(pn) + nargs, names);
}

Value partial_repr(Value self) {
  auto* p = self.as<Partial>();
  if (repr_enter(self)) return str_from_ascii("...");
  std::string arglist;
  bool ok = true;
  for (int64_t i = 0; ok && i < p->args->length; i++) {
    Value r = repr(p->args->at(i));
    if (!r) ok = false;
    else arglist += ", " + str_to_utf8(r.as<Str>());
  }
  int64_t pos = 0;
  Value key, value;
  while (ok && dict_next(p->kw, &pos, &key, &value)) {
    Value ks = str_of(key);
    Value vr = ks ? repr(value) : Value();
    if (!vr) ok = false;
    else arglist += ", " + str_to_utf8(ks.as<Str>()) + "=" + str_to_utf8(vr.as<Str>());
  }
  Value fr = ok ? repr(p->fn) : Value();
  repr_leave(self);
  if (!fr) return {};
  // CPython 3.11 prints the type's tp_name: "functools.partial", or a
  // subclass's bare __name__.
  return str_from_utf8(type_name_of(type_of(self)) + "(" + str_to_utf8(fr.as<Str>()) + arglist + ")");
}

Value partial_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* p = self.as<Partial>();
  Value dict = none();
  if (has_instance_attrs(self)) dict = instance_dict(self);
  if (!dict) return {};
  return tuple_of({Value(type_of(self)), Value(tuple_of({p->fn})),
                   Value(tuple_of({p->fn, Value(p->args), Value(p->kw), dict}))});
}

Value partial_setstate(Value self, const Value* args, size_t, Tuple*) {
  Value state = args[0];
  if (!is_tuple(state) || state.as<Tuple>()->length != 4)
    return raise(exc::TypeError, "invalid partial state");
  Tuple* t = state.as<Tuple>();
  Value fn = t->at(0), fnargs = t->at(1), kw = t->at(2), dict = t->at(3);
  if (!is_callable(fn) || !is_tuple(fnargs) || (!is_none(kw) && !is_dict(kw)))
    return raise(exc::TypeError, "invalid partial state");
  if (!is_exact_tuple(fnargs)) {
    fnargs = tuple_from_iterable(fnargs);
    if (!fnargs) return {};
  }
  Dict* kwd;
  if (is_none(kw)) kwd = dict_new();
  else if (!is_exact_dict(kw)) kwd = dict_copy(kw.as<Dict>());
  else kwd = kw.as<Dict>();
  if (!kwd) return {};
  auto* p = self.as<Partial>();
  // The instance dict: replaced by `dict` (None: emptied).
  Value cur = instance_dict(self);
  if (!cur) return {};
  if (is_dict(cur)) dict_clear(cur.as<Dict>());
  if (!is_none(dict)) {
    if (!is_dict(dict)) return raise(exc::TypeError, "setting partial object's dictionary to a non-dict");
    if (!dict_update(cur.as<Dict>(), dict)) return {};
  }
  p->fn = fn;
  p->args = fnargs.as<Tuple>();
  p->kw = kwd;
  return none();
}

Value partial_get_func(Value self) { return self.as<Partial>()->fn; }
Value partial_get_args(Value self) { return self.as<Partial>()->args; }
Value partial_get_keywords(Value self) { return self.as<Partial>()->kw; }
Value get_dict(Value self) { return instance_dict(self); }
bool set_dict(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "cannot delete __dict__");
    return false;
  }
  if (!is_dict(v)) {
    raisef(exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v).c_str());
    return false;
  }
  return instance_set_dict(self, v);
}

bool readonly_attribute(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

const MethodDef kPartialMethods[] = {
    {"__reduce__", partial_reduce, MethodFlag::kNoArgs, nullptr},
    {"__setstate__", partial_setstate, MethodFlag::kOneArg, nullptr},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const GetSetDef kPartialGetSets[] = {
    {"func", partial_get_func, readonly_attribute, "function object to use in future partial calls"},
    {"args", partial_get_args, readonly_attribute, "tuple of arguments to future partial calls"},
    {"keywords", partial_get_keywords, readonly_attribute,
     "dictionary of keyword arguments to future partial calls"},
    {"__dict__", get_dict, set_dict, nullptr},
    {nullptr, nullptr},
};

// ---- the lru_cache wrapper ----------------------------------------------------------------------

// A cache entry and a node of the recency list (root's next is the oldest).
struct LruElem : Object {
  LruElem* prev;
  LruElem* next;
  int64_t hash;
  Value key;
  Value result;
};

void trace_lru_elem(void* p, gc::Visitor& v) {
  auto* e = static_cast<LruElem*>(p);
  v.visit(e->type);
  v.visit(e->prev);
  v.visit(e->next);
  visit_value(v, e->key);
  visit_value(v, e->result);
}

enum class LruKind : int32_t { kInfinite, kUncached, kBounded };

struct LruWrapper : Object {
  Value func;
  Dict* cache;
  LruElem* root;      // sentinel of the recency list
  Value cache_info_type;
  int64_t hits;
  int64_t misses;
  int64_t maxsize;    // -1: unbounded
  LruKind kind;
  int32_t typed;
  InstanceAttrs attrs;
};

void trace_lru_wrapper(void* p, gc::Visitor& v) {
  auto* w = static_cast<LruWrapper*>(p);
  v.visit(w->type);
  visit_value(v, w->func);
  v.visit(w->cache);
  v.visit(w->root);
  visit_value(v, w->cache_info_type);
  visit_attrs(v, w->attrs);
}

LruElem* new_elem() {
  auto* e = static_cast<LruElem*>(alloc_instance(g_lru_elem));
  if (!e) return nullptr;
  e->prev = e->next = nullptr;
  e->hash = 0;
  return e;
}

void extract_link(LruElem* link) {
  link->prev->next = link->next;
  link->next->prev = link->prev;
}

void append_link(LruWrapper* w, LruElem* link) {
  LruElem* root = w->root;
  LruElem* last = root->prev;
  last->next = root->prev = link;
  link->prev = last;
  link->next = root;
}

Value lru_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"user_function", "maxsize", "typed", "cache_info_type",
                                       nullptr};
  Value func, maxsize_v, typed_v, info_type;
  ArgSpec spec{"lru_cache", kNames, 4, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&func, &maxsize_v, &typed_v, &info_type})) return {};
  int typed = truth(typed_v);
  if (typed < 0) return {};
  if (!is_callable(func)) return raise(exc::TypeError, "the first argument must be callable");
  int64_t maxsize;
  LruKind kind;
  if (is_none(maxsize_v)) {
    kind = LruKind::kInfinite;
    maxsize = -1;
  } else if (is_int(maxsize_v) || type_of(maxsize_v)->slots.index) {
    Value i = index(maxsize_v);
    if (!i) return {};
    auto m = int_to_i64(i);
    if (!m) return raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer",
                          type_name(maxsize_v).c_str());
    maxsize = *m < 0 ? 0 : *m;
    kind = maxsize == 0 ? LruKind::kUncached : LruKind::kBounded;
  } else {
    return raise(exc::TypeError, "maxsize should be integer or None");
  }
  Dict* cache = dict_new();
  LruElem* root = new_elem();
  if (!cache || !root) return {};
  root->prev = root->next = root;
  auto* w = static_cast<LruWrapper*>(alloc_instance(type));
  if (!w) return {};
  w->func = func;
  w->cache = cache;
  w->root = root;
  w->cache_info_type = info_type;
  w->hits = w->misses = 0;
  w->maxsize = maxsize;
  w->kind = kind;
  w->typed = typed;
  return w;
}

// CPython's lru_cache_make_key: a lone str or int argument is its own key;
// otherwise a tuple of the args, then the mark and keyword pairs, then
// (typed) the types of the values.
Value make_key(LruWrapper* w, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t nkw = kwnames ? kwnames->length : 0;
  if (!w->typed && nkw == 0) {
    if (nargs == 1 && (is_exact_str(args[0]) || is_exact_int(args[0]))) return args[0];
    return tuple_from_array(args, int64_t(nargs));
  }
  int64_t size = int64_t(nargs);
  if (nkw) size += nkw * 2 + 1;
  if (w->typed) size += int64_t(nargs) + nkw;
  Tuple* key = tuple_new(size);
  if (!key) return {};
  int64_t k = 0;
  for (size_t i = 0; i < nargs; i++) key->items()[k++] = args[i];
  if (nkw) {
    key->items()[k++] = g_kwd_mark;
    for (int64_t i = 0; i < nkw; i++) {
      key->items()[k++] = kwnames->at(i);
      key->items()[k++] = args[nargs + size_t(i)];
    }
  }
  if (w->typed) {
    for (size_t i = 0; i < nargs; i++) key->items()[k++] = type_of(args[i]);
    for (int64_t i = 0; i < nkw; i++) key->items()[k++] = type_of(args[nargs + size_t(i)]);
  }
  return key;
}

Value lru_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* w = self.as<LruWrapper>();
  if (w->kind == LruKind::kUncached) {
    w->misses++;
    return call(w->func, args, nargs, kwnames);
  }
  Value key = make_key(w, args, nargs, kwnames);
  if (!key) return {};
  int64_t h = hash(key);
  if (h == -1 && has_error()) return {};
  Value found = dict_get_hashed(w->cache, key, h);
  if (found) {
    w->hits++;
    if (w->kind == LruKind::kInfinite) return found;
    LruElem* link = static_cast<LruElem*>(found.as<Object>());
    extract_link(link);
    append_link(w, link);
    return link->result;
  }
  if (has_error()) return {};
  w->misses++;
  Value result = call(w->func, args, nargs, kwnames);
  if (!result) return {};
  if (w->kind == LruKind::kInfinite) {
    if (!dict_set_hashed(w->cache, key, result, h)) return {};
    return result;
  }
  Value again = dict_get_hashed(w->cache, key, h);
  if (again) return result;   // added by the call itself
  if (has_error()) return {};
  if (dict_size(w->cache) < w->maxsize || w->root->next == w->root) {
    LruElem* link = new_elem();
    if (!link) return {};
    link->hash = h;
    link->key = key;
    link->result = result;
    if (!dict_set_hashed(w->cache, key, link, h)) return {};
    append_link(w, link);
    return result;
  }
  // Full: reuse the oldest link for the new entry.
  LruElem* link = w->root->next;
  extract_link(link);
  int r = dict_del_hashed(w->cache, link->key, link->hash);
  if (r < 0) {
    if (!error_matches(exc::KeyError)) return {};
    clear_error();
    r = 0;
  }
  if (r == 0) return result;   // removed meanwhile: the link is an orphan
  link->hash = h;
  link->key = key;
  link->result = result;
  if (!dict_set_hashed(w->cache, key, link, h)) return {};
  append_link(w, link);
  return result;
}

Value lru_descr_get(Value self, Value obj, Value) {
  if (!obj || is_none(obj)) return self;
  return method_new(self, obj);
}

Value lru_cache_info(Value self, const Value*, size_t, Tuple*) {
  auto* w = self.as<LruWrapper>();
  Value argv[4] = {int_from_i64(w->hits), int_from_i64(w->misses),
                   w->maxsize == -1 ? none() : int_from_i64(w->maxsize),
                   int_from_i64(dict_size(w->cache))};
  return call(w->cache_info_type, argv, 4);
}

Value lru_cache_clear(Value self, const Value*, size_t, Tuple*) {
  auto* w = self.as<LruWrapper>();
  w->hits = w->misses = 0;
  w->root->prev = w->root->next = w->root;
  dict_clear(w->cache);
  return none();
}

Value lru_reduce(Value self, const Value*, size_t, Tuple*) { return get_attr_str(self, "__qualname__"); }
Value lru_copy(Value self, const Value*, size_t, Tuple*) { return self; }
Value lru_deepcopy(Value self, const Value*, size_t, Tuple*) { return self; }

const MethodDef kLruMethods[] = {
    {"cache_info", lru_cache_info, MethodFlag::kNoArgs, nullptr},
    {"cache_clear", lru_cache_clear, MethodFlag::kNoArgs, nullptr},
    {"__reduce__", lru_reduce, MethodFlag::kNoArgs, nullptr},
    {"__copy__", lru_copy, MethodFlag::kNoArgs, nullptr},
    {"__deepcopy__", lru_deepcopy, MethodFlag::kOneArg, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kLruGetSets[] = {
    {"__dict__", get_dict, set_dict, nullptr},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"cmp_to_key", fn_cmp_to_key, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Convert a cmp= function into a key= function."},
    {"reduce", fn_reduce, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments "
     "cumulatively to the items of an iterable, from left to right, reducing it to one value."},
    {nullptr, nullptr, 0},
};

template <class T>
gc::LayoutId layout_for(const char* name, TraceFn trace) {
  gc::LayoutInfo info;
  info.name = name;
  info.trace = trace;
  info.fixed_size = sizeof(T);
  return gc::register_layout(info);
}

// offsetof on a struct deriving from Object is conditionally supported;
// GCC and Clang lay it out like a standard-layout struct.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr int32_t kPartialAttrs = static_cast<int32_t>(offsetof(Partial, attrs));
constexpr int32_t kLruAttrs = static_cast<int32_t>(offsetof(LruWrapper, attrs));
#pragma GCC diagnostic pop

void make_types() {
  {
    TypeSpec spec;
    spec.name = "partial";
    spec.module = "functools";
    spec.layout = layout_for<Partial>("functools.partial", trace_partial);
    spec.instance_size = sizeof(Partial);
    spec.flags = TypeFlag::kBaseType | TypeFlag::kWeakrefable;
    spec.trace = trace_partial;
    spec.attrs_offset = kPartialAttrs;
    spec.slots.new_ = partial_new;
    spec.slots.call = partial_call;
    spec.slots.repr = partial_repr;
    spec.methods = kPartialMethods;
    spec.getsets = kPartialGetSets;
    spec.doc = "partial(func, *args, **keywords)\n\nA callable that calls func with these "
               "arguments first, then the ones it is called with.";
    make_builtin_type(&g_partial, spec);
  }
  {
    TypeSpec spec;
    spec.name = "KeyWrapper";
    spec.module = "functools";
    spec.layout = layout_for<KeyWrapper>("functools.KeyWrapper", trace_keywrapper);
    spec.instance_size = sizeof(KeyWrapper);
    spec.trace = trace_keywrapper;
    spec.slots.call = keywrapper_call;
    spec.slots.compare = keywrapper_compare;
    spec.getsets = kKeyWrapperGetSets;
    make_builtin_type(&g_keywrapper, spec);
  }
  {
    TypeSpec spec;
    spec.name = "_lru_list_elem";
    spec.module = "functools";
    spec.layout = layout_for<LruElem>("functools._lru_list_elem", trace_lru_elem);
    spec.instance_size = sizeof(LruElem);
    spec.trace = trace_lru_elem;
    make_builtin_type(&g_lru_elem, spec);
  }
  {
    TypeSpec spec;
    spec.name = "_lru_cache_wrapper";
    spec.module = "functools";
    spec.layout = layout_for<LruWrapper>("functools._lru_cache_wrapper", trace_lru_wrapper);
    spec.instance_size = sizeof(LruWrapper);
    spec.flags = TypeFlag::kWeakrefable;
    spec.trace = trace_lru_wrapper;
    spec.attrs_offset = kLruAttrs;
    spec.slots.new_ = lru_new;
    spec.slots.call = lru_call;
    spec.slots.descr_get = lru_descr_get;
    spec.methods = kLruMethods;
    spec.getsets = kLruGetSets;
    spec.doc = "_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)\n\n"
               "A callable that caches the results of user_function: maxsize None for an "
               "unbounded cache, 0 for none, n for the n most recent; typed keeps arguments of "
               "different types apart; cache_info() returns a cache_info_type instance.";
    make_builtin_type(&g_lru_wrapper, spec);
  }
  g_kwd_mark = alloc_instance(types::object);
  gc::add_root(reinterpret_cast<void**>(&g_kwd_mark));
}

}  // namespace

Module* make_functools_module() {
  if (!g_partial) make_types();
  Module* m = module_new(intern("_functools"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("Tools that operate on functions."));
  dict_set_str(m->dict, intern("partial"), g_partial);
  dict_set_str(m->dict, intern("KeyWrapper"), g_keywrapper);
  dict_set_str(m->dict, intern("_lru_cache_wrapper"), g_lru_wrapper);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_functools")));
  return m;
}

}  // namespace pyrite::python
