// The runtime functions the handlers call residually (docs/interp.md,
// "Handlers and contexts"): everything an instruction does beyond its fast
// path. Plain C++ over Values; null / false / -1 means an exception is
// pending, as everywhere in the runtime.
#pragma once

#include <cstdint>
#include <string>

#include "python/interp/frame.h"
#include "python/interp/thread_state.h"
#include "python/objects/bytes.h"
#include "python/objects/cell.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/function.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/range.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/map.h"
#include "python/objects/native.h"
#include "python/objects/object.h"

namespace pyrite::python {

struct Function;

// ---- names ----
void raise_unbound_local(Code* code, uint32_t slot);
void raise_unbound_deref(Code* code, uint32_t slot);
Value cell_get(Value cell);
Value load_global(Dict* globals, Dict* builtins, Str* name);
// LOAD_GLOBAL through the instruction's GlobalSite (docs/interp.md,
// "Globals"): two cell loads when the site was filled for the frame's
// globals and builtins; else fills it (module dicts only) or looks the name
// up. Null + NameError when the name is bound in neither.
Value load_global_site_miss(Frame* f, uint32_t site, uint32_t name_index);
[[gnu::always_inline]] inline Value load_global_site(Frame* f, uint32_t site, uint32_t name_index) {
  GlobalSite* s = f->code->global_sites->at(site);
  if (s->globals == f->globals && s->builtins == f->builtins) [[likely]] {
    if (Value v = s->global->value) return v;
    if (Value v = s->builtin->value) return v;
  }
  return load_global_site_miss(f, site, name_index);
}
Value load_name(Frame* f, Str* name);
bool store_name(Frame* f, Str* name, Value v);
bool delete_name(Frame* f, Str* name);
bool delete_global(Dict* globals, Str* name);
Value load_classderef(Frame* f, uint32_t slot);

// ---- attributes and operators ----
// Inline caches of LOAD_ATTR and LOAD_METHOD (docs/interp.md, "Attribute
// caches"), in the instruction's 4 cache units. A cache is valid for the
// type version it holds (a type's version changes with its dict or any
// base's) and for instances whose attributes use the map with the held id
// (same id, same names at the same indexes); an instance without attribute
// storage counts as map id 0, one in dict mode as kNoMapId (never cached).
// instance_attrs for an object of type t, with the fixed-offset case inline.
[[gnu::always_inline]] inline InstanceAttrs* attrs_of(Object* o, Type* t) {
  int32_t off = t->attrs_offset;
  if (off > 0) [[likely]]
    return reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(o) + off);
  return off ? var_instance_attrs(o) : nullptr;
}
inline uint32_t cache_map_id(Value obj) {
  if (!obj.is_object()) return 0;
  InstanceAttrs* a = attrs_of(obj.object(), obj.object()->type);
  if (!a) return 0;
  if (a->map) return a->map->id;
  if (a->storage) return kNoMapId;
  Map* root = obj.object()->type->instance_map;  // a fresh instance: the root map
  return root ? root->id : kNoMapId;
}
// The __slots__ member at byte `offset` of obj (kSlotMemberId caches).
inline Value* slot_member(Value obj, uint32_t offset) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.object()) + offset);
}
// LOAD_ATTR: [version, map id, index]: the instance attribute at `index`;
// [version, kSlotMemberId, offset]: the __slots__ member at that offset
// (null when unset: the generic path raises AttributeError).
inline Value load_attr_cached(Value obj, const uint32_t* cache) {
  if (!obj.is_object()) return {};
  Type* t = obj.object()->type;
  if (t->version != cache[0] || cache[0] == 0) return {};
  if (cache[1] == kSlotMemberId) return *slot_member(obj, cache[2]);
  InstanceAttrs* a = attrs_of(obj.object(), t);
  if (!a || !a->map || a->map->id != cache[1]) return {};
  return reinterpret_cast<InstanceStorage*>(a->storage)->items()[cache[2]];
}
// A LOAD_ATTR cache miss resolved in one go when obj.name is an instance
// attribute in a map slot (no data descriptor on the type) or a set
// __slots__ member: the value, with the cache refilled; else null and
// nothing raised (the generic path runs). Polymorphic sites miss often.
Value load_attr_and_fill(Value obj, Str* name, uint32_t* cache);
// STORE_ATTR's miss in one go, likewise: obj.name = v stored into an
// existing map slot or a __slots__ member and the cache refilled; false,
// with nothing done, for the generic path.
bool store_attr_and_fill(Value obj, Str* name, Value v, uint32_t* cache);
// STORE_ATTR: [version, map id, index]: an existing instance attribute in a
// map slot (the type's setattr generic, no data descriptor for the name);
// [version, kSlotMemberId, offset]: a __slots__ member.
inline bool store_attr_cached(Value obj, Value v, const uint32_t* cache) {
  if (!obj.is_object()) return false;
  Type* t = obj.object()->type;
  if (t->version != cache[0] || cache[0] == 0) return false;
  if (cache[1] == kSlotMemberId) {
    Value* slot = slot_member(obj, cache[2]);
    gc::write_barrier(obj.object(), slot, v.is_object() ? v.object() : nullptr);
    *slot = v;
    return true;
  }
  InstanceAttrs* a = attrs_of(obj.object(), t);
  if (!a || !a->map || a->map->id != cache[1]) return false;
  auto* storage = reinterpret_cast<InstanceStorage*>(a->storage);
  Value* slot = &storage->items()[cache[2]];
  gc::write_barrier(storage, slot, v.is_object() ? v.object() : nullptr);
  *slot = v;
  return true;
}
// After a generic obj.name = v succeeded: caches the map slot it added.
void fill_store_attr_cache(Value obj, Str* name, uint32_t* cache);
// LOAD_METHOD: [version, map id, method (2 units)]: the method found on the
// type, not shadowed by an instance attribute; called with obj as self.
inline Value load_method_cached(Value obj, const uint32_t* cache) {
  Type* t = type_of(obj);
  if (t->version != cache[0] || cache[0] == 0 || cache_map_id(obj) != cache[1]) return {};
  uint64_t bits = uint64_t(cache[2]) | uint64_t(cache[3]) << 32;
  return Value::from_bits(bits);
}
void fill_method_cache(Value obj, Value method, uint32_t* cache);

// The method `name` of obj for CALL: returns the function and sets *self to
// obj when it can skip making a bound method, else returns the attribute
// and leaves *self null.
Value lookup_method(Value obj, Str* name, Value* self);
Value binary_or_inplace(uint32_t arg, Value a, Value b);
// After a failed next(): true if the pending error was StopIteration (now
// cleared), false if another error is pending.
bool clear_stop_iteration();

// ---- subscripts and iteration of the builtin sequences, inline ----
// Each handles the common case without a call through the type's slots and
// says when it did not (then the generic path runs, and raises if needed).

// list[i], tuple[i], bytes[i] or bytearray[i] for a small int i in range,
// or d[k] of an exact dict
// holding k when k is a small int or an exact str: 1 with *out the item,
// 0 when not that case (nothing raised), -1 with an exception pending (an
// __eq__ of a colliding key raised).
[[gnu::always_inline]] inline int subscr_fast(Value obj, Value key, Value* out) {
  if (!obj.is_object()) return 0;
  Type* t = obj.object()->type;
  if (t == types::dict) {
    if (!key.is_small() && !is_exact_str(key)) return 0;
    Value v = dict_get(obj.as<Dict>(), key);
    if (v) {
      *out = v;
      return 1;
    }
    return has_error_pending() ? -1 : 0;
  }
  if (!key.is_small()) return 0;
  int64_t i = key.small_value();
  if (t == types::list) {
    auto* l = obj.as<List>();
    if (i < 0) i += l->length;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->length)) return 0;
    *out = list_item(l, i);
    return 1;
  }
  if (t == types::tuple) {
    auto* tu = obj.as<Tuple>();
    if (i < 0) i += tu->length;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(tu->length)) return 0;
    *out = tu->items()[i];
    return 1;
  }
  if (t == types::bytes) {
    auto* b = obj.as<Bytes>();
    if (i < 0) i += b->length;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(b->length)) return 0;
    *out = Value::small(b->data()[i]);
    return 1;
  }
  if (t == types::bytearray) {
    auto* a = obj.as<ByteArray>();
    if (i < 0) i += a->length;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(a->length)) return 0;
    *out = Value::small(a->data()[i]);
    return 1;
  }
  return 0;
}

// list[i] = v for a small int i in range when v fits the list's strategy,
// or bytearray[i] = v for a small int v in range(256): true when stored.
[[gnu::always_inline]] inline bool store_subscr_fast(Value obj, Value key, Value v) {
  if (!key.is_small() || !obj.is_object()) return false;
  if (obj.object()->type != types::list) {
    if (obj.object()->type != types::bytearray || !v.is_small()) return false;
    auto* a = obj.as<ByteArray>();
    int64_t i = key.small_value();
    int64_t byte = v.small_value();
    if (i < 0) i += a->length;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(a->length) || static_cast<uint64_t>(byte) > 255) {
      return false;
    }
    a->data()[i] = static_cast<uint8_t>(byte);
    return true;
  }
  auto* l = obj.as<List>();
  int64_t i = key.small_value();
  if (i < 0) i += l->length;
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->length)) return false;
  if (l->strategy == ListStrategy::kObject) {
    Value* slot = l->storage->values() + i;
    gc::write_barrier(l->storage, slot, v.is_object() ? v.object() : nullptr);
    *slot = v;
    return true;
  }
  if (l->strategy == ListStrategy::kInt && v.is_small()) {
    l->storage->ints()[i] = v.small_value();
    return true;
  }
  if (l->strategy == ListStrategy::kFloat && is_exact_float(v)) {
    double d = float_value(v);
    if (d != d) return false;  // NaNs stay boxed (list.cpp): the slow path switches the strategy
    l->storage->floats()[i] = d;
    return true;
  }
  return false;
}

// The next item of a list, tuple or range iterator: true when handled, with
// *out the item or null at the end (the iterator is then exhausted).
[[gnu::always_inline]] inline bool iter_next_fast(Value it, Value* out) {
  if (!it.is_object()) return false;
  Type* t = it.object()->type;
  if (t == types::range_iterator) {
    auto* r = it.as<RangeIterator>();
    if (r->remaining <= 0) {
      *out = Value();
      return true;
    }
    int64_t v = r->next;
    if (!Value::fits_small(v)) return false;
    r->next += r->step;
    r->remaining--;
    *out = Value::small(v);
    return true;
  }
  if (t == types::list_iterator) {
    auto* li = it.as<ListIterator>();
    List* l = li->seq;
    if (!l) {
      *out = Value();
      return true;
    }
    int64_t i = li->index;
    if (i >= l->length) {
      li->seq = nullptr;
      *out = Value();
      return true;
    }
    *out = list_item(l, i);
    li->index = i + 1;
    return true;
  }
  if (t == types::tuple_iterator) {
    auto* ti = it.as<TupleIterator>();
    Tuple* tu = ti->seq;
    if (!tu) {
      *out = Value();
      return true;
    }
    if (ti->index >= tu->length) {
      ti->seq = nullptr;
      *out = Value();
      return true;
    }
    *out = tu->items()[ti->index++];
    return true;
  }
  return false;
}

// a == b (op 2) or a != b (op 3) for two exact strs: 1 or 0 for the
// answer, -1 when not that case.
[[gnu::always_inline]] inline int str_equality_fast(Value a, Value b, uint32_t op) {
  if ((op != 2 && op != 3) || !is_exact_str(a) || !is_exact_str(b)) return -1;
  return str_equal(a.as<Str>(), b.as<Str>()) == (op == 2);
}

// UNPACK_SEQUENCE n of an exact tuple of n items: the items written to
// out[0..n) last first; false when not that case.
[[gnu::always_inline]] inline bool unpack_tuple_fast(Value seq, uint32_t n, Value* out) {
  if (!seq.is_object() || seq.object()->type != types::tuple) return false;
  auto* t = seq.as<Tuple>();
  if (t->length != int64_t(n)) return false;
  const Value* items = t->items();
  for (uint32_t i = 0; i < n; i++) out[n - 1 - i] = items[i];
  return true;
}

// ---- calls ----
// CALL of a builtin function, or of a method descriptor on an instance of
// exactly its owner type, with an argument count its flags accept and no
// keywords: what call_from_code does (native.h: the recursion level CPython
// 3.11 takes or, at a warm site of a specialized kind, does not take), with
// the common case inline. Everything else goes to call_from_code.
[[gnu::always_inline]] inline Value call_native_inline(Value callable, const Value* args, size_t n,
                                                       const Code* caller) {
  const MethodDef* def;
  Value self;
  const Value* fargs = args;
  size_t fn_n = n;
  if (callable.object()->type == types::builtin_function) {
    auto* f = callable.as<BuiltinFunction>();
    def = f->def;
    self = f->self;
  } else {
    auto* d = callable.as<MethodDescriptor>();
    if (n == 0 || type_of(args[0]) != d->owner) return call_from_code(callable, args, n, nullptr, caller);
    def = d->def;
    self = args[0];
    fargs = args + 1;
    fn_n = n - 1;
  }
  uint32_t fl = def->flags;
  if (((fl & MethodFlag::kNoArgs) && fn_n != 0) || ((fl & MethodFlag::kOneArg) && fn_n != 1))
    return call_from_code(callable, args, n, nullptr, caller);
  if (is_warm(caller) && specialized_when_warm(def)) return def->fn(self, fargs, fn_n, nullptr);
  ThreadState& ts = thread_state();
  if (ts.depth + 1 > ts.recursion_limit) return call_from_code(callable, args, n, nullptr, caller);
  ts.depth++;
  Value r = def->fn(self, fargs, fn_n, nullptr);
  ts.depth--;
  return r;
}
// Binds args to a new frame for `func` (CPython's messages for bad calls)
// and links it as the innermost frame. Null with an exception pending.
Frame* push_function_frame(ThreadState& ts, Function* func, const Value* args, size_t nargs,
                           Tuple* kwnames);
// The common call, inline: a frame for `func` when the call passes exactly
// its `exact_argc` positional values (args[0..n)), linked as the innermost
// frame with the kPush continuation. Null, with nothing raised, when the
// call needs more binding or the recursion limit or the VM stack is reached:
// push_function_frame then binds it (or raises).
[[gnu::always_inline]] inline Frame* push_exact_frame(ThreadState& ts, Function* func, const Value* args, int n) {
  Code* code = func->code;
  if (code->exact_argc != n || ts.depth >= ts.recursion_limit) return nullptr;
  size_t nslots = size_t(code->nlocalsplus + code->stacksize);
  size_t size = sizeof(Frame) + nslots * sizeof(Value);
  if (size > size_t(ts.vm_limit - ts.vm_top)) return nullptr;
  auto* f = reinterpret_cast<Frame*>(ts.vm_top);
  ts.vm_top += size;
  f->code = code;
  f->func = func;
  f->globals = func->globals;
  f->builtins = func->builtins;
  f->locals = Value();
  f->previous = ts.frame;
  f->generator = nullptr;
  f->frame_object = nullptr;
  f->extra = Value();
  f->pc = 0;
  f->stack_depth = 0;
  f->cont = Continuation::kPush;
  f->on_vm_stack = 1;
  f->pad = 0;
  f->lasti = -1;
  // Every slot is written before the frame is linked: the collector visits
  // them all (frame.h).
  Value* s = f->slots();
  for (int i = 0; i < n; i++) s[i] = args[i];
  for (size_t i = size_t(n); i < nslots; i++) {
    s[i] = Value();
    asm("");  // a few stores: not a memset call
  }
  ts.frame = f;
  ts.depth++;
  warm_up(code);
  return f;
}
// True when calling `callable` is instantiating a class whose __new__ is
// object's and whose __init__ is a Python function (the kInit continuation).
bool is_python_class_call(Value callable);
// Allocates the instance (*instance) and pushes __init__'s frame bound to
// it. Returns null without an error when no __init__ call is needed.
Frame* push_init_frame(ThreadState& ts, Type* cls, const Value* args, size_t nargs, Tuple* kwnames,
                       Value* instance);
// A frame for a Python method with `self` prepended to args (the
// continuation paths), linked as the innermost frame; null + error.
Frame* push_method_frame(ThreadState& ts, Function* func, Value self, const Value* args, size_t nargs,
                         Tuple* kwnames = nullptr);
// The Python function implementing the special method of `t` whose slot is
// at `slot_offset` (offsetof(TypeSlots, ...)), when that slot is the generic
// one that calls Python code and the method is a plain function; else null.
Function* python_dunder(Type* t, size_t slot_offset, Str* name);
// The getter of a property found on type(obj) for `name` when it is a plain
// Python function and obj's attribute lookup is the generic one; else null.
Function* python_property_getter(Value obj, Str* name);
// The interned special-method names of a BINARY_OP arg (mod 13) and a
// COMPARE_OP arg.
Str* binary_dunder_name(uint32_t base_op);
Str* compare_dunder_name(uint32_t op);
// Finishing a continuation after the dunder returned NotImplemented.
Value binary_not_implemented(uint32_t arg, Value a, Value b);
Value compare_reflected(Value a, Value b, CompareOp op);
// GET_ITER's check of what __iter__ returned.
bool check_iterator(Value it);
// Python function call from C++: a nested dispatch loop.
Value call_function(Function* func, const Value* args, size_t nargs, Tuple* kwnames);

// ---- building ----
Value make_function(Frame* f, uint32_t flags, Value code, Value* items);
Value build_map(Value* items, uint32_t n);
Value build_const_key_map(Value* values, uint32_t n, Value keys);
Value build_string(Value* items, uint32_t n);
Value build_slice(Value* items, uint32_t n);
Value format_value(Value v, uint32_t flags, Value spec);
bool unpack_sequence(Value seq, uint32_t n, Value* out);           // out[0] = last item
bool unpack_ex(Value seq, uint32_t before, uint32_t after, Value* out);
bool dict_merge_call(Value func, Value dict, Value other);
// "module.qualname()" as CPython names a callable in call errors.
std::string function_str(Value func);          // DICT_MERGE's errors name the function
bool list_extend_value(Value list, Value iterable);
bool set_update_value(Value set, Value iterable);
bool list_append_value(Value list, Value v);
bool set_add_value(Value set, Value v);
bool map_add_value(Value dict, Value k, Value v);
Value list_to_tuple(Value list);
Value build_list(Value* items, uint32_t n);
Value build_set(Value* items, uint32_t n);
bool setup_annotations(Frame* f);
Value call_function_ex(Value func, Value args, Value kwargs);

// ---- exceptions ----
// Sets exc.__context__ to the exception being handled (unless it is exc),
// cutting the chain where it would loop back to exc (CPython's rule when
// raising).
void link_context(ThreadState& ts, Object* exc);
// RAISE_VARARGS: 0 re-raises the handled exception; 1 raises exc; 2 exc from cause.
void do_raise(ThreadState& ts, Value exc, Value cause, int n);
// CHECK_EXC_MATCH's test: 1, 0, -1.
int exception_match(Value exc, Value type);
bool check_eg_match(Value eg, Value type, Value* rest, Value* match);
// with: [mgr] -> [__exit__, __enter__()]
bool before_with(Value mgr, Value* exit, Value* enter_result, bool async);

// ---- imports ----
Value import_name(Frame* f, Str* name, Value fromlist, Value level);
Value import_from(Value module, Str* name);
bool import_star(Frame* f, Value module);

// ---- iteration, generators ----
Value get_iter_value(Value v);
Value get_yield_from_iter(Code* code, Value v);

// ---- small residual steps of the handlers (handlers.h) ----
void raise_system_error(const char* message);
Value cell_new_value(Value v);          // MAKE_CELL
void cell_set(Value cell, Value v);     // STORE_DEREF / DELETE_DEREF (v null)
Value build_tuple(Value* items, uint32_t n);
Value load_build_class(Dict* builtins);
bool print_expr(Value v);               // sys.displayhook(v)
void raise_init_returned(Value v);      // "__init__() should return None, not '...'"
void set_error_value(Value exc);        // makes exc the pending exception
// WITH_EXCEPT_START: exit(type(e), e, e.__traceback__).
Value call_exit_with_exception(Value exit, Value e);
// JUMP_BACKWARD's safe point: the queued finalizers and weak callbacks.
void run_gc_hooks_at_safe_point();

// ---- pattern matching ----
Value match_class(Value subject, Value cls, uint32_t npos, Value names);
int match_mapping(Value subject);
int match_sequence(Value subject);
Value match_keys(Value subject, Value keys);
Value copy_dict_without_keys(Value subject, Value keys);
Value get_len(Value v);

}  // namespace pyrite::python
