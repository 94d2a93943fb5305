// The runtime side of the instructions (docs/interp.md, "Handlers and
// contexts"): what the handlers call residually beyond their fast paths.
#include "python/interp/runtime_ops.h"

#include <string>

#include "python/interp/eval.h"
#include "python/interp/generator.h"
#include "python/interp/pyrun.h"
#include "python/objects/cell.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/function.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/objects/set.h"

namespace pyrite::python {

namespace {

std::string utf8(Value s) { return is_str(s) ? str_to_utf8(s.as<Str>()) : std::string("?"); }

Str* slot_name(Code* code, uint32_t slot) { return code->localsplus_names->at(slot).as<Str>(); }

}  // namespace

// ---- names ---------------------------------------------------------------------

void raise_unbound_local(Code* code, uint32_t slot) {
  raisef(exc::UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
         str_to_utf8(slot_name(code, slot)).c_str());
}

void raise_unbound_deref(Code* code, uint32_t slot) {
  if (code->slot_kind(static_cast<int>(slot)) & compile::SlotKind::kFree) {
    raisef(exc::NameError,
           "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
           str_to_utf8(slot_name(code, slot)).c_str());
  } else {
    raise_unbound_local(code, slot);
  }
}

Value cell_get(Value cell) { return cell.as<Cell>()->value; }

Value load_global(Dict* globals, Dict* builtins, Str* name) {
  if (globals->type != types::dict || builtins->type != types::dict) {
    // CPython's slow path: subscripting, so a dict subclass's __getitem__
    // and __missing__ answer.
    Value v = get_item(globals, name);
    if (v || !error_matches(exc::KeyError)) return v;
    clear_error();
    v = get_item(builtins, name);
    if (v || !error_matches(exc::KeyError)) return v;
    clear_error();
    return raise_name_error(name);
  }
  Value v = dict_get_str(globals, name);
  if (v || has_error()) return v;
  v = dict_get_str(builtins, name);
  if (v || has_error()) return v;
  return raise_name_error(name);
}

Value load_global_site_miss(Frame* f, uint32_t site, uint32_t name_index) {
  Str* name = f->code->names->at(name_index).as<Str>();
  Dict* globals = f->globals;
  Dict* builtins = f->builtins;
  if (globals->cells && builtins->cells && globals->type == types::dict && builtins->type == types::dict) {
    GlobalSite* s = f->code->global_sites->at(site);
    if (s->globals != globals || s->builtins != builtins) {
      Cell* g = dict_cell_of(globals, name);
      Cell* b = g ? dict_cell_of(builtins, name) : nullptr;
      if (!b) return {};
      s = f->code->global_sites->at(site);  // reloaded: allocation may have collected
      s->globals = globals;
      s->builtins = builtins;
      s->global = g;
      s->builtin = b;
    }
    if (Value v = s->global->value) return v;
    if (Value v = s->builtin->value) return v;
    return raise_name_error(name);
  }
  return load_global(globals, builtins, name);
}

void raise_system_error(const char* message) { raise(exc::SystemError, message); }

Value cell_new_value(Value v) { return cell_new(v); }

void cell_set(Value cell, Value v) {
  Cell* c = cell.as<Cell>();
  gc::write_barrier(c, &c->value, v.is_object() ? v.object() : nullptr);
  c->value = v;
}

Value build_tuple(Value* items, uint32_t n) {
  Tuple* t = tuple_from_array(items, n);
  return t ? Value(t) : Value();
}

Value load_build_class(Dict* builtins) {
  static Str* const kBuildClass = intern("__build_class__");
  Value v = dict_get_str(builtins, kBuildClass);
  if (!v && !has_error()) raise(exc::NameError, "__build_class__ not found");
  return v;
}

bool print_expr(Value v) {
  Value hook = get_sys_attr("displayhook");
  return hook && call1(hook, v);
}

void raise_init_returned(Value v) {
  raisef(exc::TypeError, "__init__() should return None, not '%s'", type_name(v).c_str());
}

void set_error_value(Value exc) { set_error(exc.object()); }

Value call_exit_with_exception(Value exit, Value e) {
  Value tb = exception_traceback(e);
  Value args[3] = {type_of(e), e, tb ? tb : none()};
  return call(exit, args, 3);
}

void run_gc_hooks_at_safe_point() {
  run_gc_hooks();
  clear_error();
}

Value load_name(Frame* f, Str* name) {
  Value locals = f->locals;
  if (!locals) return raisef(exc::SystemError, "no locals when loading '%s'", str_to_utf8(name).c_str());
  Value v;
  if (is_exact_dict(locals)) {
    v = dict_get_str(locals.as<Dict>(), name);
    if (v || has_error()) return v;
  } else {
    v = get_item(locals, name);
    if (v) return v;
    if (!error_matches(exc::KeyError)) return {};
    clear_error();
  }
  // Globals as a dict (no __missing__), builtins subscripted unless a dict (CPython's LOAD_NAME).
  v = dict_get_str(f->globals, name);
  if (v || has_error()) return v;
  if (f->builtins->type == types::dict) {
    v = dict_get_str(f->builtins, name);
    if (v || has_error()) return v;
  } else {
    v = get_item(f->builtins, name);
    if (v || !error_matches(exc::KeyError)) return v;
    clear_error();
  }
  return raise_name_error(name);
}

bool store_name(Frame* f, Str* name, Value v) {
  Value locals = f->locals;
  if (!locals) {
    raisef(exc::SystemError, "no locals found when storing '%s'", str_to_utf8(name).c_str());
    return false;
  }
  if (is_exact_dict(locals)) return dict_set_str(locals.as<Dict>(), name, v);
  return set_item(locals, name, v);
}

bool delete_name(Frame* f, Str* name) {
  Value locals = f->locals;
  if (!locals) {
    raisef(exc::SystemError, "no locals when deleting '%s'", str_to_utf8(name).c_str());
    return false;
  }
  if (is_exact_dict(locals)) {
    int r = dict_del_str(locals.as<Dict>(), name);
    if (r < 0) return false;
    if (r == 0) {
      raise_name_error(name);
      return false;
    }
    return true;
  }
  if (set_item(locals, name, Value())) return true;
  if (error_matches(exc::KeyError)) {
    clear_error();
    raise_name_error(name);
  }
  return false;
}

bool delete_global(Dict* globals, Str* name) {
  int r = dict_del_str(globals, name);
  if (r < 0) return false;
  if (r == 0) {
    raise_name_error(name);
    return false;
  }
  return true;
}

Value load_classderef(Frame* f, uint32_t slot) {
  Str* name = slot_name(f->code, slot);
  Value locals = f->locals;
  if (locals) {
    Value v;
    if (is_exact_dict(locals)) {
      v = dict_get_str(locals.as<Dict>(), name);
      if (v || has_error()) return v;
    } else {
      v = get_item(locals, name);
      if (v) return v;
      if (!error_matches(exc::KeyError)) return {};
      clear_error();
    }
  }
  Value v = f->slots()[slot].as<Cell>()->value;
  if (!v) {
    raise_unbound_deref(f->code, slot);
    return {};
  }
  return v;
}

// ---- attributes and operators ----------------------------------------------------

bool store_attr_and_fill(Value obj, Str* name, Value v, uint32_t* cache) {
  if (!obj.is_object()) return false;
  Type* t = obj.object()->type;
  if (t->slots.setattr != generic_setattr || t->version == 0 || t->version >= kNoMapId) return false;
  Value descr = type_lookup(t, name);
  Value* slot;
  Object* holder;
  if (descr && type_of(descr) == types::member_descriptor) {
    auto* m = descr.as<MemberDescriptor>();
    if (m->def || !is_subtype(t, m->owner)) return false;
    slot = slot_member(obj, m->offset);
    holder = obj.object();
    cache[1] = kSlotMemberId;
    cache[2] = m->offset;
  } else {
    if (descr && type_of(descr)->slots.descr_set) return false;  // a data descriptor: generic path
    InstanceAttrs* a = instance_attrs(obj);
    if (!a || !a->map || a->map->id == kNoMapId) return false;
    int32_t i = map_index(a->map, name);
    if (i < 0) return false;  // a new attribute: the generic path moves to the next map
    auto* storage = reinterpret_cast<InstanceStorage*>(a->storage);
    slot = &storage->items()[i];
    holder = storage;
    cache[1] = a->map->id;
    cache[2] = uint32_t(i);
  }
  cache[0] = uint32_t(t->version);
  gc::write_barrier(holder, slot, v.is_object() ? v.object() : nullptr);
  *slot = v;
  return true;
}

Value load_attr_and_fill(Value obj, Str* name, uint32_t* cache) {
  if (!obj.is_object()) return {};
  Type* t = obj.object()->type;
  if (t->slots.getattr != generic_getattr || t->version == 0 || t->version >= kNoMapId) return {};
  Value descr = type_lookup(t, name);
  if (descr) {
    Type* dt = type_of(descr);
    if (dt == types::member_descriptor) {
      auto* m = descr.as<MemberDescriptor>();
      if (m->def || !is_subtype(t, m->owner)) return {};
      Value v = *slot_member(obj, m->offset);
      if (!v) return {};  // unset: the generic path raises
      cache[0] = uint32_t(t->version);
      cache[1] = kSlotMemberId;
      cache[2] = m->offset;
      return v;
    }
    if (dt->slots.descr_set) return {};  // another data descriptor wins: generic path
  }
  InstanceAttrs* a = instance_attrs(obj);
  if (!a || !a->map || a->map->id == kNoMapId) return {};
  int32_t i = map_index(a->map, name);
  if (i < 0) return {};
  cache[0] = uint32_t(t->version);
  cache[1] = a->map->id;
  cache[2] = uint32_t(i);
  return reinterpret_cast<InstanceStorage*>(a->storage)->items()[i];
}
void fill_store_attr_cache(Value obj, Str* name, uint32_t* cache) {
  // Existing slots and __slots__ members were stored by store_attr_and_fill;
  // what is left to cache is the map slot a generic store just added.
  if (!obj.is_object()) return;
  Type* t = obj.object()->type;
  if (t->slots.setattr != generic_setattr || t->version == 0 || t->version >= kNoMapId) return;
  InstanceAttrs* a = instance_attrs(obj);
  if (!a || !a->map || a->map->id == kNoMapId) return;
  Value descr = type_lookup(t, name);
  if (descr && type_of(descr)->slots.descr_set) return;
  int32_t i = map_index(a->map, name);
  if (i < 0) return;
  cache[0] = uint32_t(t->version);
  cache[1] = a->map->id;
  cache[2] = uint32_t(i);
}

void fill_method_cache(Value obj, Value method, uint32_t* cache) {
  Type* t = type_of(obj);
  if (t->version == 0 || t->version >= kNoMapId) return;
  uint32_t map_id = cache_map_id(obj);
  if (map_id == kNoMapId) return;
  cache[0] = uint32_t(t->version);
  cache[1] = map_id;
  cache[2] = uint32_t(method.bits());
  cache[3] = uint32_t(method.bits() >> 32);
}

Value lookup_method(Value obj, Str* name, Value* self) {
  *self = Value();
  Type* t = type_of(obj);
  if (t->slots.getattr == generic_getattr) {
    Value descr = type_lookup(t, name);
    if (descr && (is_function(descr) || type_of(descr) == types::method_descriptor)) {
      // Skip the bound method unless an instance attribute shadows it.
      if (!instance_attrs(obj) || !instance_attr_get(obj, name)) {
        if (has_error()) return {};
        *self = obj;
        return descr;
      }
    }
  }
  return get_attr(obj, name);
}

Value binary_or_inplace(uint32_t arg, Value a, Value b) {
  if (arg >= compile::kInplaceOffset) {
    return inplace_op(static_cast<BinaryOp>(arg - compile::kInplaceOffset), a, b);
  }
  return binary_op(static_cast<BinaryOp>(arg), a, b);
}

Str* binary_dunder_name(uint32_t base_op) {
  static Str* const kNames[] = {
#define PYR_BINARY_OP(e, d, r, i, s) intern(#d),
#include "python/objects/number_ops.def"
  };
  return kNames[base_op];
}

Str* compare_dunder_name(uint32_t op) {
  static Str* const kNames[] = {intern("__lt__"), intern("__le__"), intern("__eq__"),
                                intern("__ne__"), intern("__gt__"), intern("__ge__")};
  return kNames[op];
}

bool clear_stop_iteration() {
  if (!error_matches(exc::StopIteration)) return false;
  clear_error();
  return true;
}

// ---- building ------------------------------------------------------------------------

Value make_function(Frame* f, uint32_t flags, Value code, Value* items) {
  Function* fn = function_new(code.as<Code>(), f->globals, nullptr);
  fn->builtins = f->builtins;
  int i = 0;
  if (flags & compile::MakeFunction::kDefaults) fn->defaults = items[i++].as<Tuple>();
  if (flags & compile::MakeFunction::kKwDefaults) fn->kwdefaults = items[i++].as<Dict>();
  if (flags & compile::MakeFunction::kAnnotations) fn->annotations = items[i++];
  if (flags & compile::MakeFunction::kClosure) fn->closure = items[i++].as<Tuple>();
  return fn;
}

Value build_list(Value* items, uint32_t n) {
  List* l = list_from_array(items, n);
  return l ? Value(l) : Value();
}

Value build_set(Value* items, uint32_t n) {
  Set* s = set_new();
  for (uint32_t i = 0; i < n; i++) {
    if (!set_add_value(s, items[i])) return {};
  }
  return s;
}

Value build_map(Value* items, uint32_t n) {
  Dict* d = dict_new(n);
  for (uint32_t i = 0; i < n; i++) {
    if (!dict_set(d, items[2 * i], items[2 * i + 1])) return {};
  }
  return d;
}

Value build_const_key_map(Value* values, uint32_t n, Value keys) {
  Dict* d = dict_new(n);
  Tuple* k = keys.as<Tuple>();
  for (uint32_t i = 0; i < n; i++) {
    if (!dict_set(d, k->at(i), values[i])) return {};
  }
  return d;
}

Value build_string(Value* items, uint32_t n) {
  Str* empty = str_empty();
  return str_join(empty, items, n);
}

Value build_slice(Value* items, uint32_t n) {
  return slice_new(items[0], items[1], n == 3 ? items[2] : none());
}

Value format_value(Value v, uint32_t flags, Value spec) {
  switch (flags & 3) {
    case 1: v = str_of(v); break;
    case 2: v = repr(v); break;
    case 3: v = ascii_of(v); break;
    default: break;
  }
  if (!v) return {};
  if (!spec && is_exact_str(v)) return v;
  return format(v, spec ? spec : Value(str_empty()));
}

bool list_append_value(Value list, Value v) { return list_append(list.as<List>(), v); }
bool list_extend_value(Value list, Value iterable) {
  if (list_extend(list.as<List>(), iterable)) return true;
  if (error_matches(exc::TypeError) && !type_of(iterable)->slots.iter && !type_of(iterable)->slots.getitem) {
    clear_error();
    raisef(exc::TypeError, "Value after * must be an iterable, not %s", type_name(iterable).c_str());
  }
  return false;
}
bool set_add_value(Value set, Value v) { return set_add(set.as<Set>(), v); }
bool set_update_value(Value set, Value iterable) {
  return set_update(set.as<Set>(), iterable);
}
bool map_add_value(Value dict, Value k, Value v) { return dict_set(dict.as<Dict>(), k, v); }

Value list_to_tuple(Value list) {
  Tuple* t = list_as_tuple(list.as<List>());
  return t ? Value(t) : Value();
}

// f(**a): `other` must be a mapping; DICT_MERGE (func given) also rejects
// duplicate keywords.
std::string function_str(Value func) {
  static Str* const kQualname = intern("__qualname__");
  static Str* const kModule = intern("__module__");
  // CPython's _PyObject_FunctionStr: "module.qualname()", "qualname()"
  // for builtins, str(func) without a __qualname__ ("None").
  auto text = [](Value v) -> std::string {
    Value t = str_of(v);
    if (!t) {
      clear_error();
      return "?";
    }
    return utf8(t);
  };
  Value q = get_attr_or_null(func, kQualname);
  if (!q) {
    clear_error();
    return text(func);
  }
  Value m = get_attr_or_null(func, kModule);
  clear_error();
  if (m && !is_none(m) && !(is_str(m) && utf8(m) == "builtins")) return text(m) + "." + text(q) + "()";
  return text(q) + "()";
}

// "f() got multiple values for keyword argument 'k'" (str(k) for any key).
static bool raise_multiple_values(Value func, Value key) {
  Value text = str_of(key);
  if (!text) return false;
  raisef(exc::TypeError, "%s got multiple values for keyword argument '%s'", function_str(func).c_str(),
         utf8(text).c_str());
  return false;
}

bool dict_merge_call(Value func, Value dict, Value other) {
  Dict* d = dict.as<Dict>();
  auto func_name = [&]() -> std::string { return function_str(func); };
  if (is_dict(other)) {
    int64_t i = 0;
    Value k, v;
    Dict* o = other.as<Dict>();
    while (dict_next(o, &i, &k, &v)) {
      // Keys that are not strings are the call's to refuse (call_tuple_dict).
      if (func) {
        Value existing = dict_get(d, k);
        if (existing) return raise_multiple_values(func, k);
        if (has_error()) return false;
      }
      if (!dict_set(d, k, v)) return false;
    }
    return true;
  }
  Value keys_fn = get_attr_or_null(other, intern("keys"));
  if (!keys_fn) {
    if (has_error()) return false;
    if (func) {
      raisef(exc::TypeError, "%s argument after ** must be a mapping, not %s", func_name().c_str(),
             type_name(other).c_str());
    } else {
      raisef(exc::TypeError, "'%s' object is not a mapping", type_name(other).c_str());
    }
    return false;
  }
  Value keys = call0(keys_fn);
  if (!keys) return false;
  return for_each(keys, [&](Value k) {
    if (func) {
      if (dict_get(d, k)) return raise_multiple_values(func, k);
      if (has_error()) return false;
    }
    Value v = get_item(other, k);
    return v && dict_set(d, k, v);
  });
}

bool unpack_sequence(Value seq, uint32_t n, Value* out) {
  if (is_exact_tuple(seq) || is_exact_list(seq)) {
    int64_t len = is_exact_tuple(seq) ? seq.as<Tuple>()->length : list_size(seq.as<List>());
    if (len == n) {
      for (uint32_t i = 0; i < n; i++) {
        out[n - 1 - i] = is_exact_tuple(seq) ? seq.as<Tuple>()->at(i) : list_get(seq.as<List>(), i);
      }
      return true;
    }
    if (len < n) {
      raisef(exc::ValueError, "not enough values to unpack (expected %u, got %lld)", n, static_cast<long long>(len));
    } else {
      raisef(exc::ValueError, "too many values to unpack (expected %u)", n);
    }
    return false;
  }
  Value it = get_iter(seq);
  if (!it) {
    if (error_matches(exc::TypeError) && !type_of(seq)->slots.iter && !type_of(seq)->slots.getitem) {
      clear_error();
      raisef(exc::TypeError, "cannot unpack non-iterable %s object", type_name(seq).c_str());
    }
    return false;
  }
  for (uint32_t i = 0; i < n; i++) {
    Value x = iter_next(it);
    if (!x) {
      if (!has_error()) raisef(exc::ValueError, "not enough values to unpack (expected %u, got %u)", n, i);
      return false;
    }
    out[n - 1 - i] = x;
  }
  Value extra = iter_next(it);
  if (extra) {
    raisef(exc::ValueError, "too many values to unpack (expected %u)", n);
    return false;
  }
  return !has_error();
}

bool unpack_ex(Value seq, uint32_t before, uint32_t after, Value* out) {
  Value it = get_iter(seq);
  if (!it) {
    if (error_matches(exc::TypeError) && !type_of(seq)->slots.iter && !type_of(seq)->slots.getitem) {
      clear_error();
      raisef(exc::TypeError, "cannot unpack non-iterable %s object", type_name(seq).c_str());
    }
    return false;
  }
  uint32_t total = before + after + 1;
  for (uint32_t i = 0; i < before; i++) {
    Value x = iter_next(it);
    if (!x) {
      if (!has_error()) {
        raisef(exc::ValueError, "not enough values to unpack (expected at least %u, got %u)", before + after, i);
      }
      return false;
    }
    out[total - 1 - i] = x;
  }
  List* rest = list_from_iterable(it);
  if (!rest) return false;
  int64_t n = list_size(rest);
  if (n < after) {
    raisef(exc::ValueError, "not enough values to unpack (expected at least %u, got %lld)", before + after,
           static_cast<long long>(before + n));
    return false;
  }
  for (uint32_t i = 0; i < after; i++) out[after - 1 - i] = list_get(rest, n - after + i);
  List* star = list_slice(rest, 0, n - after);
  if (!star) return false;
  out[after] = star;
  return true;
}

bool setup_annotations(Frame* f) {
  static Str* const kAnn = intern("__annotations__");
  Value locals = f->locals;
  if (is_exact_dict(locals)) {
    Value v = dict_get_str(locals.as<Dict>(), kAnn);
    if (v || has_error()) return !has_error();
    return dict_set_str(locals.as<Dict>(), kAnn, dict_new());
  }
  Value v = get_item(locals, kAnn);
  if (v) return true;
  if (!error_matches(exc::KeyError)) return false;
  clear_error();
  return set_item(locals, kAnn, dict_new());
}

Value call_function_ex(Value func, Value args, Value kwargs) {
  Tuple* t;
  if (is_exact_tuple(args)) {
    t = args.as<Tuple>();
  } else {
    if (!type_of(args)->slots.iter && !type_of(args)->slots.getitem) {
      return raisef(exc::TypeError, "%s argument after * must be an iterable, not %s", function_str(func).c_str(),
                    type_name(args).c_str());
    }
    List* l = list_from_iterable(args);
    if (!l) return {};
    t = list_as_tuple(l);
    if (!t) return {};
  }
  Dict* kw = nullptr;
  if (kwargs) {
    if (is_exact_dict(kwargs)) {
      kw = kwargs.as<Dict>();
    } else {
      kw = dict_new();
      if (!dict_merge_call(func, kw, kwargs)) return {};
    }
  }
  return call_tuple_dict(func, t, kw);
}

// ---- exceptions -------------------------------------------------------------------------

void link_context(ThreadState& ts, Object* exc) {
  Value handled = handled_exception(ts);
  if (!handled || handled.is(Value(exc))) return;
  auto* e = reinterpret_cast<BaseExceptionObject*>(exc);
  // Cut a cycle: if exc is already in the handled exception's context
  // chain, the link to it is removed (Floyd's check bounds the walk).
  auto* o = reinterpret_cast<BaseExceptionObject*>(handled.object());
  auto* slow = o;
  bool step = false;
  while (o && o->context) {
    if (o->context == exc) {
      o->context = nullptr;
      break;
    }
    o = reinterpret_cast<BaseExceptionObject*>(o->context);
    if (step) slow = reinterpret_cast<BaseExceptionObject*>(slow->context);
    step = !step;
    if (o == slow) break;
  }
  e->context = handled.object();
}

void do_raise(ThreadState& ts, Value e, Value cause, int n) {
  if (n == 0) {
    Value handled = handled_exception(ts);
    if (!handled) {
      raise(exc::RuntimeError, "No active exception to reraise");
      return;
    }
    set_error(handled.object());
    return;
  }
  Value instance;
  if (is_exception_type(e)) {
    instance = call0(e);
    if (!instance) return;
    if (!is_exception(instance)) {
      raisef(exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
             repr_utf8(e).c_str(), repr_utf8(Value(type_of(instance))).c_str());
      return;
    }
  } else if (is_exception(e)) {
    instance = e;
  } else {
    raise(exc::TypeError, "exceptions must derive from BaseException");
    return;
  }
  if (n == 2) {
    Value c;
    if (is_exception_type(cause)) {
      c = call0(cause);
      if (!c) return;
    } else if (is_exception(cause) || is_none(cause)) {
      c = cause;
    } else {
      raise(exc::TypeError, "exception causes must derive from BaseException");
      return;
    }
    auto* eo = instance.as<BaseExceptionObject>();
    eo->cause = is_none(c) ? nullptr : c.object();
    eo->suppress_context = true;
  }
  link_context(ts, instance.object());
  set_error(instance.object());
}

int exception_match(Value exc, Value type) { return exception_matches(exc, type); }

bool check_eg_match(Value eg, Value type, Value* rest, Value* match) {
  if (check_except_star_type(type) < 0) return false;
  Value m, r;
  if (exception_group_match(eg, type, &m, &r) < 0) return false;
  *match = m ? m : none();
  *rest = r ? r : none();
  return true;
}

bool before_with(Value mgr, Value* exit, Value* enter_result, bool async) {
  static Str* const kEnter = intern("__enter__");
  static Str* const kExit = intern("__exit__");
  static Str* const kAEnter = intern("__aenter__");
  static Str* const kAExit = intern("__aexit__");
  Str* enter_name = async ? kAEnter : kEnter;
  Str* exit_name = async ? kAExit : kExit;
  Type* t = type_of(mgr);
  Value enter = type_lookup(t, enter_name);
  if (!enter) {
    raisef(exc::TypeError, async ? "'%s' object does not support the asynchronous context manager protocol"
                                 : "'%s' object does not support the context manager protocol",
           type_name(mgr).c_str());
    return false;
  }
  Value ex = type_lookup(t, exit_name);
  if (!ex) {
    raisef(exc::TypeError,
           async ? "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                 : "'%s' object does not support the context manager protocol (missed __exit__ method)",
           type_name(mgr).c_str());
    return false;
  }
  // Bind both through the descriptor protocol.
  Value bound_exit = type_of(ex)->slots.descr_get ? type_of(ex)->slots.descr_get(ex, mgr, t) : ex;
  if (!bound_exit) return false;
  Value bound_enter = type_of(enter)->slots.descr_get ? type_of(enter)->slots.descr_get(enter, mgr, t) : enter;
  if (!bound_enter) return false;
  Value r = call0(bound_enter);
  if (!r) return false;
  *exit = bound_exit;
  *enter_result = r;
  return true;
}

// ---- iteration ----------------------------------------------------------------------------

Value get_iter_value(Value v) { return get_iter(v); }

Value get_yield_from_iter(Code* code, Value v) {
  if (is_generator_like(v)) {
    auto* g = v.as<Generator>();
    if (static_cast<GenKind>(g->kind) == GenKind::kCoroutine &&
        !(code->flags & (compile::CodeFlag::kCoroutine | compile::CodeFlag::kIterableCoroutine))) {
      return raise(exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return v;
  }
  return get_iter(v);
}

Value get_len(Value v) {
  int64_t n = length(v);
  if (n < 0) return {};
  return int_from_i64(n);  // (a range's length can pass the small-int range)
}

}  // namespace pyrite::python
