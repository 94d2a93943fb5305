// Class creation: type.__new__ (the class statement and three-argument
// type()). Metaclass calculation, base validation and the instance layout,
// __slots__, the MRO, slots, __set_name__ and __init_subclass__
// (docs/objects.md, "Types and slots" and "Heap instances").
#include <algorithm>
#include <string>
#include <vector>

#include "python/interp/interp.h"
#include "python/objects/cell.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

extern const GetSetDef kInstanceDictGetSet;
extern const GetSetDef kInstanceWeakrefGetSet;

Type* calculate_metaclass(Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < bases->length; i++) {
    Type* tmp = type_of(bases->at(i));
    if (is_subtype(winner, tmp)) continue;
    if (is_subtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    raise(exc::TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
          "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// The nearest ancestor that adds to the instance layout (CPython's
// solid_base): a class adding __slots__ members, or a builtin with its own
// struct. Classes that only add a __dict__ share their base's solid base.
static Type* solid_base(Type* t) {
  for (;;) {
    if (t->is_heap_type()) {
      if (t->slot_names && t->slot_names->length > 0) return t;
      t = t->base;
      continue;
    }
    if (t->base && t->base->instance_layout == t->instance_layout &&
        t->base->instance_size == t->instance_size)
      t = t->base;
    else
      return t;
  }
}

static Type* best_base(Tuple* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (int64_t i = 0; i < bases->length; i++) {
    Value bv = bases->at(i);
    if (!bv.is_object() || !type_of(bv)->has_flag(TypeFlag::kTypeSubclass)) {
      raise(exc::TypeError, "bases must be types");
      return nullptr;
    }
    Type* b = bv.as<Type>();
    if (!b->has_flag(TypeFlag::kBaseType)) {
      raisef(exc::TypeError, "type '%s' is not an acceptable base type", type_name_of(b).c_str());
      return nullptr;
    }
    Type* candidate = solid_base(b);
    if (!winner) {
      winner = candidate;
      base = b;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      raise(exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

Type* best_base_of(Tuple* bases) { return best_base(bases); }

Tuple* invoke_mro(Type* t) {
  Type* metatype = type_of(t);
  if (metatype == types::type) return compute_mro(t);
  Value m = type_lookup(metatype, names::mro);
  if (!m || m == type_lookup(types::type, names::mro)) return compute_mro(t);
  Value r = call_method(t, names::mro, nullptr, 0);
  if (!r) return nullptr;
  Value a[1] = {r};
  Value tup = type_call(types::tuple, a, 1, nullptr);
  if (!tup) return nullptr;
  Tuple* mro = tup.as<Tuple>();
  // CPython's mro_check: instances of t must be usable by every entry's code.
  Type* solid = solid_base(t);
  for (int64_t i = 0; i < mro->length; i++) {
    Value e = mro->at(i);
    if (!e.is_object() || !type_of(e)->has_flag(TypeFlag::kTypeSubclass))
      return raisef(exc::TypeError, "mro() returned a non-class ('%s')", type_name(e).c_str()), nullptr;
    Type* b = e.as<Type>();
    if (!is_subtype(solid, solid_base(b)))
      return raisef(exc::TypeError, "mro() returned base with unsuitable layout ('%s')",
                    type_name_of(b).c_str()),
             nullptr;
  }
  return mro;
}
Type* solid_base_of(Type* t) { return solid_base(t); }

static std::string mangle(const std::string& cls, const std::string& name) {
  if (name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0) return name;
  if (name.find('.') != std::string::npos) return name;
  size_t i = 0;
  while (i < cls.size() && cls[i] == '_') i++;
  if (i == cls.size()) return name;
  return "_" + cls.substr(i) + name;
}

static bool is_identifier(const Str* s) { return runtime::str_isidentifier(str_to_u32(s)); }

// Wraps a plain function found in the namespace under `name` in
// staticmethod/classmethod (__new__; __init_subclass__, __class_getitem__).
static bool wrap_implicit(Dict* dict, Str* name, Type* wrapper) {
  Value f = dict_get_str(dict, name);
  if (!f) return !has_error();
  if (type_of(f) != types::function) return true;
  Value a[1] = {f};
  Value w = type_call(wrapper, a, 1, nullptr);
  if (!w) return false;
  return dict_set_str(dict, name, w);
}

static bool set_names(Type* t) {
  Dict* copy = dict_copy(t->dict);
  if (!copy) return false;
  int64_t i = 0;
  Value key, value;
  while (dict_next(copy, &i, &key, &value)) {
    Value f = type_lookup(type_of(value), names::__set_name__);
    if (!f) continue;
    Value args[2] = {t, key};
    Value bound = f;
    DescrGetFn get = type_of(f)->slots.descr_get;
    if (get) {
      bound = get(f, value, type_of(value));
      if (!bound) return false;
    }
    if (!call(bound, args, 2, nullptr)) {
      // 3.11 wraps the error (removed in 3.12).
      Object* cause = take_error();
      Value r = raisef(exc::RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'",
                       type_name(value).c_str(), repr_utf8(key).c_str(),
                       type_name_of(t).c_str());
      (void)r;
      Object* err = take_error();
      exception_set_cause(err, cause);
      exception_set_context(err, cause);
      set_error(err);
      return false;
    }
  }
  return true;
}

bool str_check_encodable(Str* s) {
  if (s->ascii) return true;
  static Str* const kEncode = intern("encode");
  return bool(call_method(s, kEncode, nullptr, 0));
}

static bool init_subclass(Type* t, Tuple* kwnames, const Value* kwvalues) {
  // super(t, t).__init_subclass__(**kwargs): the classes after t in its MRO
  // (which a metaclass's mro() may leave t out of).
  Tuple* mro = t->mro;
  int64_t start = 0;
  while (start < mro->length && mro->at(start).as<Type>() != t) start++;
  if (start == mro->length) {
    raise(exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return false;
  }
  for (int64_t i = start + 1; i < mro->length; i++) {
    Type* b = mro->at(i).as<Type>();
    Value f = dict_get_str(b->dict, names::__init_subclass__);
    if (!f) {
      if (has_error()) return false;
      continue;
    }
    DescrGetFn get = type_of(f)->slots.descr_get;
    if (get) {
      f = get(f, Value(), t);
      if (!f) return false;
    }
    size_t nkw = kwnames ? size_t(kwnames->length) : 0;
    return bool(call(f, kwvalues, 0, nkw ? kwnames : nullptr));
  }
  return true;
}

Value type_new(Type* metatype, Value name_v, Value bases_v, Value dict_v, Tuple* kwnames,
               const Value* kwvalues) {
  Tuple* bases = bases_v.as<Tuple>();
  Dict* ns = dict_v.as<Dict>();
  for (int64_t i = 0; i < bases->length; i++) {
    Value b = bases->at(i);
    if (!b.is_object() || !type_of(b)->has_flag(TypeFlag::kTypeSubclass)) {
      Value me = get_attr_or_null(b, names::__mro_entries__);
      if (me)
        return raise(exc::TypeError,
                     "type() doesn't support MRO entry resolution; use types.new_class()");
      if (has_error()) return {};
    }
  }
  // The metaclass: the most derived of metatype and the bases' metaclasses.
  Type* winner = calculate_metaclass(metatype, bases);
  if (!winner) return {};
  if (winner != metatype) {
    Value f = type_lookup(winner, names::__new__);
    if (f && !(type_of(f) == types::builtin_function &&
               f.as<BuiltinFunction>()->def == &kTpNewDef &&
               f.as<BuiltinFunction>()->self.as<Type>() == types::type)) {
      size_t nkw = kwnames ? size_t(kwnames->length) : 0;
      std::vector<Value> a{name_v, bases_v, dict_v};
      for (size_t i = 0; i < nkw; i++) a.push_back(kwvalues[i]);
      return winner->slots.new_(winner, a.data(), 3, nkw ? kwnames : nullptr);
    }
    metatype = winner;
  }
  if (bases->length == 0) bases = tuple_of({Value(types::object)});
  if (!bases) return {};
  Type* base = best_base(bases);
  if (!base) return {};

  Str* name = name_v.as<Str>();
  if (!str_check_encodable(name)) return {};
  std::string name_utf8 = str_to_utf8(name);
  if (name_utf8.find('\0') != std::string::npos)
    return raise(exc::ValueError, "type name must not contain null characters");

  // A copy of the namespace in its iteration order (an OrderedDict's may
  // differ from its dict's), as CPython's PyDict_Copy.
  Dict* dict;
  if (type_of(ns)->slots.iter == types::dict->slots.iter) {
    dict = dict_copy(ns);
  } else {
    dict = dict_new();
    if (dict && !dict_merge_from(dict, ns)) return {};
  }
  if (!dict) return {};

  // __slots__
  Value slots_v = dict_get_str(dict, names::__slots__);
  if (!slots_v && has_error()) return {};
  bool var_size = type_is_var_size(base);
  // Classes (instances of metaclasses) keep their attributes in their own
  // dict, like CPython's type with its tp_dictoffset.
  bool base_has_dict = base->attrs_offset != 0 || base->has_flag(TypeFlag::kTypeSubclass);
  bool add_dict = false;
  bool add_weak = false;
  std::vector<Str*> slot_list;
  // A builtin base with its own weak list (type, set, module, deque, ...)
  // needs no __weakref__ slot (CPython: tp_weaklistoffset already set).
  Type* native = base;
  while (native && native->is_heap_type()) native = native->base;
  bool native_weak = native && native->has_flag(TypeFlag::kWeakrefable);
  if (!slots_v) {
    add_dict = !base_has_dict;
    add_weak = !var_size && !native_weak;  // int, tuple and bytes subclasses get no __weakref__
  } else {
    Tuple* items;
    if (is_str(slots_v)) {
      items = tuple_of({slots_v});
    } else {
      Value a[1] = {slots_v};
      Value t = type_call(types::tuple, a, 1, nullptr);
      if (!t) return {};
      items = t.as<Tuple>();
    }
    if (!items) return {};
    for (int64_t i = 0; i < items->length; i++) {
      Value s = items->at(i);
      if (!is_str(s))
        return raisef(exc::TypeError, "__slots__ items must be strings, not '%s'",
                      type_name(s).c_str());
      if (!is_identifier(s.as<Str>())) return raise(exc::TypeError, "__slots__ must be identifiers");
      std::string sn = str_to_utf8(s.as<Str>());
      if (sn == "__dict__") {
        if (base_has_dict || add_dict)
          return raise(exc::TypeError, "__dict__ slot disallowed: we already got one");
        add_dict = true;
        continue;
      }
      if (sn == "__weakref__") {
        // CPython: allowed once, and only when the base has no weakref
        // slot yet (its __weakref__ descriptor) and no items.
        // A builtin base with its own weak list counts as one.
        if (add_weak || var_size || native_weak || type_lookup(base, names::__weakref__))
          return raise(exc::TypeError,
                       "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        add_weak = true;
        continue;
      }
      Str* m = intern(mangle(name_utf8, sn));
      bool dup = false;
      for (Str* o : slot_list) dup |= o == m;  // CPython accepts duplicates
      if (dup) continue;
      // __qualname__ and __classcell__ are taken out of the namespace
      // below: no class variables.
      if (m != names::__qualname__ && m != names::__classcell__) {
        Value cv = dict_get_str(dict, m);
        if (cv) return raisef(exc::ValueError, "'%s' in __slots__ conflicts with class variable", sn.c_str());
        if (has_error()) return {};
      }
      slot_list.push_back(m);
    }
    // In code-point order, as CPython's (the offsets and the member
    // descriptors follow it, so __class__ assignment between classes with
    // the same slots in another order keeps every value in its place).
    std::stable_sort(slot_list.begin(), slot_list.end(),
                     [](Str* a, Str* b) { return str_to_utf8(a) < str_to_utf8(b); });
    // Secondary bases may provide the dict or the weakref slot (CPython's
    // type_new_slots_impl).
    if (bases->length > 1) {
      for (int64_t i = 0; i < bases->length; i++) {
        Type* b = bases->at(i).as<Type>();
        if (b == base) continue;
        if (!base_has_dict && !add_dict && b->attrs_offset != 0) add_dict = true;
        if (!add_weak && !var_size && !type_lookup(base, names::__weakref__) &&
            type_lookup(b, names::__weakref__))
          add_weak = true;
      }
    }
    if (!slot_list.empty() && var_size)
      return raisef(exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                    type_name_of(base).c_str());
  }

  // The type object itself: an instance of the metaclass.
  Type* t;
  if (metatype == types::type) {
    t = allocate<Type>(kTypeLayout, types::type);
  } else {
    t = static_cast<Type*>(alloc_instance(metatype));
  }
  constexpr uint32_t kCollectionFlags = TypeFlag::kSequence | TypeFlag::kMapping;
  t->flags = TypeFlag::kHeapType | TypeFlag::kBaseType |
             (base->flags & TypeFlag::kInherited & ~kCollectionFlags);
  t->name = name;
  t->base = base;
  t->bases = bases;
  t->dict = dict;
  t->native_base = base->native_base;
  t->native_trace = base->native_trace;

  // Qualified name.
  Value qn = dict_get_str(dict, names::__qualname__);
  if (qn) {
    if (!is_str(qn))
      return raisef(exc::TypeError, "type __qualname__ must be a str, not %s",
                    type_name(qn).c_str());
    t->qualname = qn.as<Str>();
    if (dict_del_str(dict, names::__qualname__) < 0) return {};
  } else {
    if (has_error()) return {};
    t->qualname = name;
  }

  // Layout (type.cpp, "Heap instances").
  Value classcell_member;
  if (var_size) {
    t->instance_size = base->instance_size;
    if (add_dict) {
      t->attrs_offset = -1;
      t->instance_layout = heap_instance_layout();
    } else {
      t->attrs_offset = base->attrs_offset;
      t->instance_layout = base->instance_layout;
    }
  } else {
    uint32_t size = base->instance_size;
    t->instance_layout = heap_instance_layout();
    if (!slot_list.empty()) {
      Tuple* sn = tuple_new(int64_t(slot_list.size()));
      if (!sn) return {};
      for (size_t i = 0; i < slot_list.size(); i++) {
        sn->items()[i] = slot_list[i];
        Value md = new_member_descriptor(slot_list[i], t, size);
        // A __classcell__ slot's descriptor goes in once the namespace's
        // __classcell__ has been taken out (below).
        if (slot_list[i] == names::__classcell__) classcell_member = md;
        else if (!dict_set_str(dict, slot_list[i], md)) return {};
        size += sizeof(Value);
      }
      t->slot_names = sn;
    }
    if (add_dict) {
      t->attrs_offset = int32_t(size);
      size += sizeof(InstanceAttrs);
    } else {
      t->attrs_offset = base->attrs_offset;
    }
    t->instance_size = size;
  }
  if (t->attrs_offset) t->flags |= TypeFlag::kHasInstanceAttrs;

  // __dict__ and __weakref__ descriptors (when the base has none).
  if (add_dict && !type_lookup(base, names::__dict__)) {
    if (!dict_get_str(dict, names::__dict__) &&
        !dict_set_str(dict, names::__dict__, new_getset_descriptor(&kInstanceDictGetSet, t)))
      return {};
  }
  if (add_weak && !type_lookup(base, names::__weakref__)) {
    if (!dict_get_str(dict, names::__weakref__) &&
        !dict_set_str(dict, names::__weakref__, new_getset_descriptor(&kInstanceWeakrefGetSet, t)))
      return {};
  }

  // __module__ from the caller's globals, __doc__, implicit static/classmethods.
  if (!dict_get_str(dict, names::__module__)) {
    if (has_error()) return {};
    Dict* g = current_globals();
    if (g) {
      Value mn = dict_get_str(g, names::__name__);
      if (mn && !dict_set_str(dict, names::__module__, mn)) return {};
    }
  }
  if (Value doc = dict_get_str(dict, names::__doc__)) {
    // CPython keeps a str __doc__ as UTF-8 too (tp_doc).
    if (is_str(doc) && !str_check_encodable(doc.as<Str>())) return {};
  } else if (has_error() || !dict_set_str(dict, names::__doc__, none())) {
    return {};
  }
  if (!wrap_implicit(dict, names::__new__, types::staticmethod)) return {};
  if (!wrap_implicit(dict, names::__init_subclass__, types::classmethod)) return {};
  if (!wrap_implicit(dict, names::__class_getitem__, types::classmethod)) return {};
  // __eq__ without __hash__: instances are unhashable.
  if (dict_get_str(dict, names::__eq__) && !dict_get_str(dict, names::__hash__)) {
    if (!dict_set_str(dict, names::__hash__, none())) return {};
  }

  // __classcell__: the cell zero-argument super() reads __class__ from;
  // set before the MRO, so a metaclass's mro() can call the methods.
  Value cc = dict_get_str(dict, names::__classcell__);
  if (cc) {
    if (type_of(cc) != types::cell)
      return raisef(exc::TypeError, "__classcell__ must be a nonlocal cell, not %s",
                    repr_utf8(type_of(cc)).c_str());
    Cell* c = cc.as<Cell>();
    gc::write_barrier(c, &c->value, t);
    c->value = t;
    if (dict_del_str(dict, names::__classcell__) < 0) return {};
  } else if (has_error()) {
    return {};
  }
  if (classcell_member && !dict_set_str(dict, names::__classcell__, classcell_member)) return {};

  // The MRO (a metaclass may override mro()).
  Tuple* mro = invoke_mro(t);
  if (!mro) return {};
  t->mro = mro;
  // Sequence / mapping for `match`: the first class of the MRO that is one
  // or the other decides (CPython's inherit_patma_flags); an ABC's
  // __abc_tpflags__ adds its flag later, in _abc._abc_init.
  for (int64_t i = 1; i < mro->length; i++) {
    uint32_t f = mro->at(i).as<Type>()->flags & kCollectionFlags;
    if (f) {
      t->flags |= f;
      break;
    }
  }

  // Slots: start from the base's, then recompute every one from the MRO.
  t->slots = base->slots;
  t->version = next_type_version();
  update_all_slots(t);
  for (int64_t i = 0; i < bases->length; i++) type_add_subclass(bases->at(i).as<Type>(), t);

  // __abstractmethods__ given in the namespace.
  Value am = dict_get_str(dict, names::__abstractmethods__);
  if (am) {
    int abstract = truth(am);
    if (abstract < 0) return {};
    if (abstract) t->flags |= TypeFlag::kAbstract;
  }

  if (!set_names(t)) return {};
  if (!init_subclass(t, kwnames, kwvalues)) return {};
  return t;
}

}  // namespace pyrite::python
