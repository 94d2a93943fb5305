// The _weakref module: weak references and proxies over the collector's
// weak slots (docs/interp.md, "Weak references").
//
// Every object that has weak references gets a WeakList, found by the
// object's address in a table: the list is CPython's per-object weakref
// list, in CPython's order (the basic ref, the basic proxy, then the others
// newest first), so getweakrefs, the reuse of `ref(o)`/`proxy(o)` without a
// callback, and the order of callbacks are CPython's. All its slots are
// weak; only the slot to the referent notifies, so one hook per dead
// referent (list_cleared) calls the callbacks of the refs still alive, at
// the interpreter's next safe point. A table entry whose list has lost its
// referent is stale: the address may already hold a new object, so lookups
// check the list's referent before trusting the entry.
#include <cstdio>
#include <unordered_map>

#include "python/interp/eval.h"
#include "python/interp/pyrun.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/function.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/set.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/modules/weakref_module.h"

namespace pyrite::python {

namespace {

// A ref (ReferenceType and its subclasses) or a proxy.
struct WeakRef : Object {
  Object* referent;   // weak: nulled by the collector
  Value callback;     // null once called (or when there was none)
  int64_t hash;       // -1 until computed
};

// The weak references to one object. Every slot is weak; `others` are the
// refs and proxies with a callback or of a subclass, in creation order
// (CPython's list has them newest first).
struct WeakList : Object {
  Object* referent;     // weak, notifies: list_cleared runs when it dies
  uintptr_t key;        // the referent's address: the table key
  Object* basic_ref;    // the exact ref without callback, which ref(o) returns again
  Object* basic_proxy;  // the proxy without callback, which proxy(o) returns again
  int64_t count;
  int64_t capacity;
  Object** others() { return reinterpret_cast<Object**>(this + 1); }
};

gc::LayoutId g_ref_layout;
gc::LayoutId g_list_layout;
Type* g_ref_type = nullptr;
Type* g_proxy_type = nullptr;
Type* g_callable_proxy_type = nullptr;

// referent address -> its WeakList (rooted by visit_lists).
std::unordered_map<uintptr_t, WeakList*>& lists() {
  static auto* table = new std::unordered_map<uintptr_t, WeakList*>();
  return *table;
}

void visit_lists(gc::Visitor& v, void*) {
  for (auto& [key, list] : lists()) v.visit(list);
}

void trace_ref(void* p, gc::Visitor& v) {
  auto* r = static_cast<WeakRef*>(p);
  v.visit(r->type);
  // referent is weak: not visited.
  visit_value(v, r->callback);
}

// Everything in a WeakList is weak.
void trace_list(void* p, gc::Visitor& v) { v.visit(static_cast<WeakList*>(p)->type); }

size_t list_size(const void* p) {
  return sizeof(WeakList) + size_t(static_cast<const WeakList*>(p)->capacity) * sizeof(Object*);
}

WeakRef* wr(Value v) { return v.as<WeakRef>(); }

bool is_proxy(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.object()->type;
  return t == g_proxy_type || t == g_callable_proxy_type;
}

// CPython's tp_name: the name of a class, "module.name" for a builtin type
// outside builtins ("weakref.ProxyType").
std::string tp_name(Type* t) { return type_name_of(t); }  // "weakref.ReferenceType" (tp_name)

// ---- which objects can be referenced weakly ----------------------------------------

// Whether `slots` (a class's __slots__) names __weakref__.
bool slots_name_weakref(Value slots) {
  static Str* const kWeakref = intern("__weakref__");
  if (is_str(slots)) return str_equal(slots.as<Str>(), kWeakref);
  if (is_tuple(slots) || is_list(slots)) {
    Tuple* items = is_tuple(slots) ? slots.as<Tuple>() : nullptr;
    int64_t n = items ? items->length : length(slots);
    for (int64_t i = 0; i < n; i++) {
      Value s = items ? items->at(i) : get_item(slots, Value::small(i));
      if (!s) {
        clear_error();
        return true;
      }
      if (is_str(s) && str_equal(s.as<Str>(), kWeakref)) return true;
    }
    return false;
  }
  return true;  // an iterator consumed by the class statement: cannot tell
}

// CPython's rule (tp_weaklistoffset): builtin types that have a weakref list,
// and classes along the base chain that add one: a class without __slots__,
// or whose __slots__ name __weakref__, unless its instances are
// variable-size with items (subclasses of int, tuple, bytes).
bool type_weakrefable(Type* t) {
  for (; t; t = t->base) {
    if (!t->is_heap_type()) {
      return (t->flags & TypeFlag::kWeakrefable) || t == types::function || t == types::builtin_function || t == types::method ||
             t == types::type || t == types::set || t == types::frozenset || t == types::module ||
             t == types::code || t == types::memoryview || t == types::generic_alias ||
             t->name == intern("generator") || t->name == intern("coroutine") ||
             t->name == intern("async_generator") ||
             (t->tp_name && str_equal(t->tp_name, intern("re.Pattern")));
    }
    Type* native = t->native_base;
    if (native == types::int_ || native == types::tuple || native == types::bytes) continue;
    Value slots = t->dict ? dict_get_str(t->dict, intern("__slots__")) : Value();
    if (!slots) {
      clear_error();
      return true;
    }
    if (slots_name_weakref(slots)) return true;
  }
  return false;
}

bool weakrefable(Value v) { return v.is_object() && type_weakrefable(type_of(v)); }

Value cannot_reference(Value target) {
  return raisef(exc::TypeError, "cannot create weak reference to '%s' object",
                tp_name(type_of(target)).c_str());
}

// ---- weak lists ----------------------------------------------------------------------

// The list of `target`, or null; drops a stale entry.
WeakList* find_list(Object* target) {
  auto& table = lists();
  auto it = table.find(reinterpret_cast<uintptr_t>(target));
  if (it == table.end()) return nullptr;
  if (it->second->referent != target) {
    table.erase(it);
    return nullptr;
  }
  return it->second;
}

WeakList* new_list(int64_t capacity) {
  // Never exposed to Python; typed `object` for tools that walk the heap.
  auto* l = allocate<WeakList>(g_list_layout, types::object, sizeof(WeakList) + size_t(capacity) * sizeof(Object*));
  l->capacity = capacity;
  return l;
}

// Makes `l` the list of `target` and registers its slots.
void install_list(WeakList* l, Object* target) {
  gc::Heap* heap = gc::Heap::current();
  l->referent = target;
  l->key = reinterpret_cast<uintptr_t>(target);
  heap->add_weak(reinterpret_cast<void**>(&l->referent), l, /*notify=*/true);
  lists()[l->key] = l;
}

WeakList* list_for(Object* target) {
  if (WeakList* l = find_list(target)) return l;
  WeakList* l = new_list(4);
  if (!l) return nullptr;
  install_list(l, target);
  return l;
}

void set_weak(WeakList* l, Object** slot, Object* ref) {
  *slot = ref;
  gc::Heap::current()->add_weak(reinterpret_cast<void**>(slot), l);
}

// Appends to `others`; when full, the live entries move to a list twice
// their number (the old list is unregistered and dropped).
bool add_other(WeakList* l, Object* ref) {
  if (l->count < l->capacity) {
    set_weak(l, &l->others()[l->count++], ref);
    return true;
  }
  int64_t live = 0;
  for (int64_t i = 0; i < l->count; i++) live += l->others()[i] != nullptr;
  WeakList* nl = new_list(std::max<int64_t>(4, (live + 1) * 2));
  if (!nl) return false;
  gc::Heap* heap = gc::Heap::current();
  Object* target = l->referent;
  heap->remove_weak(reinterpret_cast<void**>(&l->referent));
  l->referent = nullptr;
  for (Object** slot : {&l->basic_ref, &l->basic_proxy}) {
    if (*slot) set_weak(nl, slot == &l->basic_ref ? &nl->basic_ref : &nl->basic_proxy, *slot);
    heap->remove_weak(reinterpret_cast<void**>(slot));
    *slot = nullptr;
  }
  for (int64_t i = 0; i < l->count; i++) {
    Object* o = l->others()[i];
    heap->remove_weak(reinterpret_cast<void**>(&l->others()[i]));
    l->others()[i] = nullptr;
    if (o) set_weak(nl, &nl->others()[nl->count++], o);
  }
  set_weak(nl, &nl->others()[nl->count++], ref);
  install_list(nl, target);
  return true;
}

// The refs and proxies of `l` in CPython's order.
template <class F>
void for_each_ref(WeakList* l, F&& f) {
  if (l->basic_ref) f(l->basic_ref);
  if (l->basic_proxy) f(l->basic_proxy);
  for (int64_t i = l->count - 1; i >= 0; i--)
    if (Object* o = l->others()[i]) f(o);
}

// Reports the pending exception of a callback as CPython's
// PyErr_WriteUnraisable: "Exception ignored in: <callback>" and the
// traceback, to sys.stderr (nothing when it is None).
void write_unraisable(Value where) { write_unraisable_error(where); }

// Calls the callbacks of the refs of `l` that are still alive, in list
// order. Each callback is cleared before it is called, as when CPython
// frees an object.
void call_callbacks(WeakList* l) {
  List* pending = nullptr;
  bool ok = true;
  for_each_ref(l, [&](Object* o) {
    if (!ok || !static_cast<WeakRef*>(o)->callback) return;
    if (!pending) pending = list_new();
    ok = pending && list_append(pending, o);
  });
  if (!ok || !pending) return;
  for (int64_t i = 0; i < pending->length; i++) {
    Value ref = list_get(pending, i);
    WeakRef* r = wr(ref);
    Value cb = r->callback;
    r->callback = Value();
    if (!cb) continue;
    if (!call(cb, &ref, 1)) write_unraisable(cb);
  }
}

// The referent of `l` died: its table entry goes, its callbacks run. An
// exception pending in the interrupted code is kept.
void list_cleared(void* owner, void**) {
  auto* l = static_cast<WeakList*>(owner);
  auto& table = lists();
  auto it = table.find(l->key);
  if (it != table.end() && it->second == l) table.erase(it);
  Object* saved = take_error();
  call_callbacks(l);
  clear_error();
  if (saved) set_error(saved);
}

// ---- making refs and proxies ---------------------------------------------------------

WeakRef* new_weak(Type* type, Object* target, Value callback) {
  auto* r = reinterpret_cast<WeakRef*>(alloc_instance(type));
  if (!r) return nullptr;
  r->referent = target;
  r->callback = callback;
  r->hash = -1;
  gc::Heap::current()->add_weak(reinterpret_cast<void**>(&r->referent), r);
  return r;
}

// ref.__new__(type, object, callback=None): a callback-less exact ref is
// shared (CPython returns the existing one).
Value ref_new(Type* type, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__new__", nargs, 1, 2)) return {};
  Value target = args[0];
  if (!weakrefable(target)) return cannot_reference(target);
  Value cb = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
  WeakList* l = list_for(target.object());
  if (!l) return {};
  bool basic = !cb && type == g_ref_type;
  if (basic && l->basic_ref) return l->basic_ref;
  WeakRef* r = new_weak(type, target.object(), cb);
  if (!r) return {};
  if (basic) {
    set_weak(l, &l->basic_ref, r);
  } else if (!add_other(l, r)) {
    return {};
  }
  return r;
}

bool ref_init(Value, const Value*, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs("ref", kwnames) && check_nargs("__init__", nargs, 1, 2);
}

// _weakref.proxy(object, callback=None)
Value w_proxy(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("proxy", kwnames) || !check_nargs("proxy", nargs, 1, 2)) return {};
  Value target = args[0];
  if (!weakrefable(target)) return cannot_reference(target);
  Value cb = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
  WeakList* l = list_for(target.object());
  if (!l) return {};
  if (!cb && l->basic_proxy) return l->basic_proxy;
  Type* type = is_callable(target) ? g_callable_proxy_type : g_proxy_type;
  WeakRef* p = new_weak(type, target.object(), cb);
  if (!p) return {};
  if (!cb) {
    set_weak(l, &l->basic_proxy, p);
  } else if (!add_other(l, p)) {
    return {};
  }
  return p;
}

// ---- ReferenceType ---------------------------------------------------------------------

Value ref_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("weakref", kwnames) || !check_nargs("weakref", nargs, 0, 0)) return {};
  Object* o = wr(self)->referent;
  return o ? Value(o) : none();
}

Value ref_repr(Value self) {
  Object* o = wr(self)->referent;
  if (!o) return str_format("<weakref at %p; dead>", static_cast<void*>(self.object()));
  Value keep = o;  // a local: __name__ may run code that drops the referent
  Value name = get_attr_or_null(keep, names::__name__);
  if (!name && has_error()) return {};
  std::string tn = tp_name(type_of(keep));
  if (name && is_str(name)) {
    return str_format("<weakref at %p; to '%s' at %p (%s)>", static_cast<void*>(self.object()), tn.c_str(),
                      static_cast<void*>(keep.object()), str_to_utf8(name.as<Str>()).c_str());
  }
  return str_format("<weakref at %p; to '%s' at %p>", static_cast<void*>(self.object()), tn.c_str(),
                    static_cast<void*>(keep.object()));
}

// The referent's hash, kept once computed (so it survives the referent).
int64_t ref_hash(Value self) {
  WeakRef* r = wr(self);
  if (r->hash != -1) return r->hash;
  if (!r->referent) {
    raise(exc::TypeError, "weak object has gone away");
    return -1;
  }
  int64_t h = hash(r->referent);
  if (h == -1) return -1;
  r->hash = h;
  return h;
}

// == and != between refs: the referents' when both are alive, else identity.
Value ref_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !isinstance(a, g_ref_type) || !isinstance(b, g_ref_type))
    return not_implemented();
  Object* x = wr(a)->referent;
  Object* y = wr(b)->referent;
  if (!x || !y) {
    bool same = a.is(b);
    return py_bool(op == CompareOp::kEq ? same : !same);
  }
  Value keep_x = x, keep_y = y;
  return compare(keep_x, keep_y, op);
}

Value weak_callback_get(Value self) { return wr(self)->callback ? wr(self)->callback : none(); }

const GetSetDef kRefGetSets[] = {
    {"__callback__", weak_callback_get},
    {nullptr, nullptr},
};

const MethodDef kRefMethods[] = {
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass, "See PEP 585"},
    {nullptr, nullptr, 0},
};

// ---- ProxyType, CallableProxyType ------------------------------------------------------
// Every operation goes to the referent (both operands of a binary operator
// are unwrapped), or raises ReferenceError once it is gone.

Value dead_proxy() { return raise(exc::ReferenceError, "weakly-referenced object no longer exists"); }

// The referent of a proxy (ReferenceError when dead); other values as they are.
Value unwrap(Value v) {
  if (!is_proxy(v)) return v;
  Object* o = wr(v)->referent;
  return o ? Value(o) : dead_proxy();
}

template <BinaryOp kOp>
Value proxy_binary(Value a, Value b) {
  Value x = unwrap(a);
  if (!x) return {};
  Value y = unwrap(b);
  if (!y) return {};
  return binary_op(kOp, x, y);
}

template <BinaryOp kOp>
Value proxy_inplace(Value a, Value b) {
  Value x = unwrap(a);
  if (!x) return {};
  Value y = unwrap(b);
  if (!y) return {};
  return inplace_op(kOp, x, y);
}

Value proxy_pow3(Value a, Value b, Value c) {
  Value x = unwrap(a);
  if (!x) return {};
  Value y = unwrap(b);
  if (!y) return {};
  Value z = unwrap(c);
  if (!z) return {};
  return power(x, y, z);
}

template <Value (*kFn)(Value)>
Value proxy_unary(Value self) {
  Value o = unwrap(self);
  return o ? kFn(o) : Value();
}

Value proxy_compare(Value a, Value b, CompareOp op) {
  Value x = unwrap(a);
  if (!x) return {};
  Value y = unwrap(b);
  if (!y) return {};
  return compare(x, y, op);
}

Value proxy_getattr(Value self, Str* name) {
  Value o = unwrap(self);
  return o ? get_attr(o, name) : Value();
}

bool proxy_setattr(Value self, Str* name, Value v) {
  Value o = unwrap(self);
  return o && set_attr(o, name, v);
}

Value proxy_repr(Value self) {
  Object* o = wr(self)->referent;
  Value shown = o ? Value(o) : none();
  return str_format("<weakproxy at %p to %s at %p>", static_cast<void*>(self.object()),
                    tp_name(type_of(shown)).c_str(), static_cast<void*>(shown.object()));
}

int64_t proxy_hash(Value self) {
  raisef(exc::TypeError, "unhashable type: '%s'", tp_name(type_of(self)).c_str());
  return -1;
}

int proxy_bool(Value self) {
  Value o = unwrap(self);
  return o ? truth(o) : -1;
}

int64_t proxy_len(Value self) {
  Value o = unwrap(self);
  return o ? length(o) : -1;
}

Value proxy_getitem(Value self, Value key) {
  Value o = unwrap(self);
  return o ? get_item(o, key) : Value();
}

bool proxy_setitem(Value self, Value key, Value v) {
  Value o = unwrap(self);
  return o && set_item(o, key, v);
}

int proxy_contains(Value self, Value item) {
  Value o = unwrap(self);
  return o ? contains(o, item) : -1;
}

Value proxy_iter(Value self) {
  Value o = unwrap(self);
  return o ? get_iter(o) : Value();
}

Value proxy_next(Value self) {
  Value o = unwrap(self);
  if (!o) return {};
  if (!type_of(o)->slots.next) {
    return raisef(exc::TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                  tp_name(type_of(o)).c_str());
  }
  return iter_next(o);
}

Value proxy_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value o = unwrap(self);
  return o ? call(o, args, nargs, kwnames) : Value();
}

// divmod() has no slot: the builtin looks these up on the type.
Value divmod_of(Value a, Value b) {
  Value builtins = builtin_module("builtins");
  Value fn = builtins ? get_attr_str(builtins, "divmod") : Value();
  if (!fn) return {};
  Value args[2] = {a, b};
  return call(fn, args, 2);
}

Value proxy_divmod(Value self, const Value* args, size_t, Tuple*) {
  Value x = unwrap(self);
  if (!x) return {};
  Value y = unwrap(args[0]);
  return y ? divmod_of(x, y) : Value();
}

Value proxy_rdivmod(Value self, const Value* args, size_t, Tuple*) {
  Value x = unwrap(self);
  if (!x) return {};
  Value y = unwrap(args[0]);
  return y ? divmod_of(y, x) : Value();
}

Value call_method_of_referent(Value self, const char* method) {
  Value o = unwrap(self);
  return o ? call_method(o, intern(method), nullptr, 0) : Value();
}

Value proxy_bytes(Value self, const Value*, size_t, Tuple*) { return call_method_of_referent(self, "__bytes__"); }
Value proxy_reversed(Value self, const Value*, size_t, Tuple*) {
  return call_method_of_referent(self, "__reversed__");
}

const MethodDef kProxyMethods[] = {
    {"__divmod__", proxy_divmod, MethodFlag::kOneArg, "Return divmod(self, value)."},
    {"__rdivmod__", proxy_rdivmod, MethodFlag::kOneArg, "Return divmod(value, self)."},
    {"__bytes__", proxy_bytes, MethodFlag::kNoArgs},
    {"__reversed__", proxy_reversed, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

// CallableProxyType has no __bytes__ or __reversed__ (as in CPython).
const MethodDef kCallableProxyMethods[] = {
    {"__divmod__", proxy_divmod, MethodFlag::kOneArg, "Return divmod(self, value)."},
    {"__rdivmod__", proxy_rdivmod, MethodFlag::kOneArg, "Return divmod(value, self)."},
    {nullptr, nullptr, 0},
};

TypeSlots proxy_slots() {
  TypeSlots s;
  s.repr = proxy_repr;
  s.str = proxy_unary<str_of>;
  s.hash = proxy_hash;
  s.compare = proxy_compare;
  s.getattr = proxy_getattr;
  s.setattr = proxy_setattr;
  s.iter = proxy_iter;
  s.next = proxy_next;
#define PYR_BINARY_OP(e, d, r, i, sym)                                              \
  s.binary[static_cast<int>(BinaryOp::e)] = proxy_binary<BinaryOp::e>;          \
  s.inplace[static_cast<int>(BinaryOp::e)] = proxy_inplace<BinaryOp::e>;
#include "python/objects/number_ops.def"
  s.pow3 = proxy_pow3;
  s.neg = proxy_unary<negative>;
  s.pos = proxy_unary<positive>;
  s.invert = proxy_unary<invert>;
  s.abs = proxy_unary<absolute>;
  s.bool_ = proxy_bool;
  s.index = proxy_unary<index>;
  s.int_ = proxy_unary<number_int>;
  s.float_ = proxy_unary<number_float>;
  s.len = proxy_len;
  s.getitem = proxy_getitem;
  s.setitem = proxy_setitem;
  s.contains = proxy_contains;
  return s;
}

// ---- module functions ----------------------------------------------------------------

Value w_getweakrefcount(Value, const Value* args, size_t, Tuple*) {
  int64_t n = 0;
  if (args[0].is_object())
    if (WeakList* l = find_list(args[0].object())) for_each_ref(l, [&](Object*) { n++; });
  return Value::small(n);
}

Value w_getweakrefs(Value, const Value* args, size_t, Tuple*) {
  List* out = list_new();
  if (!out) return {};
  WeakList* l = args[0].is_object() ? find_list(args[0].object()) : nullptr;
  if (!l) return out;
  bool ok = true;
  for_each_ref(l, [&](Object* o) { ok = ok && list_append(out, o); });
  return ok ? Value(out) : Value();
}

// Deletes dct[key] if it is a dead weak reference (WeakValueDictionary);
// a missing key is not an error.
Value w_remove_dead_weakref(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_remove_dead_weakref", nargs, 2, 2)) return {};
  if (!is_dict(args[0])) {
    return raisef(exc::TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                  type_name(args[0]).c_str());
  }
  Value v = dict_get(args[0].as<Dict>(), args[1]);
  if (!v) return has_error() ? Value() : none();
  if (!isinstance(v, g_ref_type) && !is_proxy(v)) return raise(exc::TypeError, "not a weakref");
  if (!wr(v)->referent && dict_del(args[0].as<Dict>(), args[1]) < 0) return {};
  return none();
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", w_getweakrefcount, MethodFlag::kOneArg,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", w_getweakrefs, MethodFlag::kOneArg,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", w_remove_dead_weakref, MethodFlag::kVarArgs,
     "Atomically remove key from dict if it points to a dead weakref."},
    {"proxy", w_proxy, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Create a proxy object that weakly references 'object'."},
    {nullptr, nullptr, 0},
};

void make_types() {
  gc::LayoutInfo info;
  info.name = "weakref";
  info.trace = trace_ref;
  info.fixed_size = sizeof(WeakRef);
  g_ref_layout = gc::register_layout(info);
  gc::LayoutInfo list_info;
  list_info.name = "weakref list";
  list_info.trace = trace_list;
  list_info.size = list_size;
  list_info.weak_cleared = list_cleared;
  g_list_layout = gc::register_layout(list_info);
  gc::Heap::current()->add_root_callback(visit_lists, nullptr);

  TypeSpec spec;
  spec.name = "ReferenceType";
  spec.module = "weakref";
  spec.layout = g_ref_layout;
  spec.instance_size = sizeof(WeakRef);
  spec.flags = TypeFlag::kBaseType;
  spec.trace = trace_ref;
  spec.slots.new_ = ref_new;
  spec.slots.init = ref_init;
  spec.slots.call = ref_call;
  spec.slots.repr = ref_repr;
  spec.slots.hash = ref_hash;
  spec.slots.compare = ref_compare;
  spec.getsets = kRefGetSets;
  spec.methods = kRefMethods;
  make_builtin_type(&g_ref_type, spec);

  for (Type** into : {&g_proxy_type, &g_callable_proxy_type}) {
    bool callable = into == &g_callable_proxy_type;
    TypeSpec p;
    p.name = callable ? "CallableProxyType" : "ProxyType";
    p.module = "weakref";
    p.layout = g_ref_layout;
    p.instance_size = sizeof(WeakRef);
    p.trace = trace_ref;
    p.slots = proxy_slots();
    if (callable) p.slots.call = proxy_call;
    p.getsets = kRefGetSets;
    p.methods = callable ? kCallableProxyMethods : kProxyMethods;
    Type* t = make_builtin_type(into, p);
    // Proxies are made only by proxy(); hash(p) fails with CPython's
    // message while the class says __hash__ = None, as CPython's.
    t->slots.new_ = nullptr;
    t->slots.init = nullptr;
    dict_set_str(t->dict, names::__hash__, none());
  }
}

}  // namespace

bool weakref_can_reference(Value v) { return weakrefable(v); }

Value weakref_new(Value target, Value callback) {
  if (!g_ref_type) make_types();
  Value args[2] = {target, callback ? callback : none()};
  return ref_new(g_ref_type, args, 2, nullptr);
}

Object* weakref_referent(Value ref) { return wr(ref)->referent; }

Module* make_weakref_module() {
  if (!g_ref_type) make_types();
  Module* m = module_new(intern("_weakref"));
  for (const MethodDef* def = kWeakrefFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m));
  }
  dict_set_str(m->dict, intern("ref"), g_ref_type);
  dict_set_str(m->dict, intern("ReferenceType"), g_ref_type);
  dict_set_str(m->dict, intern("ProxyType"), g_proxy_type);
  dict_set_str(m->dict, intern("CallableProxyType"), g_callable_proxy_type);
  return m;
}

}  // namespace pyrite::python
