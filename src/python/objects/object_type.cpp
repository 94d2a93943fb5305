// `object`: the root type, and the generic attribute protocol every
// instance uses (object.__getattribute__/__setattr__/__delattr__)
// (docs/objects.md, "Types and slots").
#include <string>

#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/map.h"
#include "python/objects/protocol.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

static gc::LayoutId g_object_layout;

// ---- generic attribute access -------------------------------------------------------

static inline bool is_data_descriptor(Value d) { return type_of(d)->slots.descr_set != nullptr; }

// The lookup shared by generic_getattr and its _or_null form; *missing is
// set when nothing was found (no exception raised then).
static Value generic_getattr_impl(Value obj, Str* name, bool* missing) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  DescrGetFn get = nullptr;
  if (descr) {
    get = type_of(descr)->slots.descr_get;
    if (get && is_data_descriptor(descr)) return get(descr, obj, t);
  }
  if (t->attrs_offset != 0) {
    Value v = instance_attr_get(obj, name);
    if (v) return v;
    if (has_error()) return {};
  }
  if (descr) {
    if (get) return get(descr, obj, t);
    return descr;
  }
  *missing = true;
  return {};
}

Value generic_getattr(Value obj, Str* name) {
  bool missing = false;
  Value v = generic_getattr_impl(obj, name, &missing);
  if (missing) return raise_attribute_error(obj, name);
  return v;
}

// Null without an exception when the attribute is missing; AttributeErrors
// raised by descriptors are cleared too (getattr with a default, hasattr).
Value generic_getattr_or_null(Value obj, Str* name) {
  bool missing = false;
  Value v = generic_getattr_impl(obj, name, &missing);
  if (!v && !missing && error_matches(exc::AttributeError)) clear_error();
  return v;
}

bool generic_setattr(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  if (descr) {
    DescrSetFn set = type_of(descr)->slots.descr_set;
    if (set) return set(descr, obj, v);
  }
  if (t->attrs_offset == 0) {
    std::string n = str_to_utf8(name);
    if (descr)
      raisef(exc::AttributeError, "'%s' object attribute '%s' is read-only",
             type_name(obj).c_str(), n.c_str());
    else
      raisef(exc::AttributeError, "'%s' object has no attribute '%s'", type_name(obj).c_str(),
             n.c_str());
    return false;
  }
  if (instance_attr_set(obj, name, v)) return true;
  if (!has_error()) raise_attribute_error(obj, name);
  return false;
}

// ---- object's slots ------------------------------------------------------------------

static Value object_repr(Value self) {
  Type* t = type_of(self);
  Value mod = type_module(t);
  std::string q = type_qualname_utf8(t);
  if (mod && is_str(mod)) {
    std::string m = str_to_utf8(mod.as<Str>());
    if (m != "builtins")
      return str_format("<%s.%s object at %p>", m.c_str(), q.c_str(),
                        reinterpret_cast<void*>(self.bits()));
  }
  if (!mod) clear_error();
  return str_format("<%s object at %p>", q.c_str(), reinterpret_cast<void*>(self.bits()));
}

static Value object_str(Value self) { return repr(self); }

static int64_t object_hash(Value self) { return identity_hash(self); }

static Value object_compare(Value a, Value b, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return a.is(b) ? py_bool(true) : not_implemented();
    case CompareOp::kNe: {
      // Inverts __eq__ unless it returns NotImplemented.
      CompareFn eq = type_of(a)->slots.compare;
      if (!eq) return not_implemented();
      Value r = eq(a, b, CompareOp::kEq);
      if (!r || r.is(not_implemented())) return r;
      int t = truth(r);
      if (t < 0) return {};
      return py_bool(!t);
    }
    default:
      return not_implemented();
  }
}

static bool excess_args(size_t nargs, Tuple* kwnames) {
  return nargs > 0 || (kwnames && kwnames->length > 0);
}

static bool object_init(Value self, const Value* args, size_t nargs, Tuple* kwnames);

static Value object_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  (void)args;
  if (excess_args(nargs, kwnames)) {
    if (type->slots.new_ != object_new) {
      raise(exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
      return {};
    }
    if (type->slots.init == object_init) {
      raisef(exc::TypeError, "%s() takes no arguments", type_name_of(type).c_str());
      return {};
    }
  }
  if (type->has_flag(TypeFlag::kAbstract)) {
    Value am = type_getattr_or_null(type, names::__abstractmethods__);
    std::string list;
    int count = 0;
    if (am) {
      // sorted names, joined by ", "
      Value lst = call1(types::list, am);
      if (lst) {
        Value sorted_fn = get_attr_str(lst, "sort");
        if (sorted_fn && call0(sorted_fn)) {
          for_each(lst, [&](Value x) {
            if (count++) list += ", ";
            list += is_str(x) ? str_to_utf8(x.as<Str>()) : repr_utf8(x);
            return true;
          });
        }
      }
      if (has_error()) return {};
    }
    raisef(exc::TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
           type_name_of(type).c_str(), count == 1 ? "" : "s", list.c_str());
    return {};
  }
  if (type_is_var_size(type)) {
    raisef(exc::TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
           type_name_of(type).c_str(), type_name_of(type->native_base).c_str());
    return {};
  }
  return alloc_instance(type);
}

static bool object_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  (void)args;
  if (excess_args(nargs, kwnames)) {
    Type* type = type_of(self);
    if (type->slots.init != object_init) {
      raise(exc::TypeError,
            "object.__init__() takes exactly one argument (the instance to initialize)");
      return false;
    }
    if (type->slots.new_ == object_new) {
      raisef(exc::TypeError,
             "%s.__init__() takes exactly one argument (the instance to initialize)",
             type_name_of(type).c_str());
      return false;
    }
  }
  return true;
}

// ---- __class__ ------------------------------------------------------------------------

static Value object_get_class(Value self) { return type_of(self); }

// A __weakref__ slot is part of CPython's layout (tp_weaklistoffset) though
// Pyrite's weak references need no room in the instance.
static bool has_weakref_slot(Type* t) { return bool(type_lookup(t, names::__weakref__)); }

// t's instances are laid out as its base's (CPython's compatible_with_tp_base).
static bool same_layout_as_base(Type* t) {
  Type* p = t->base;
  return p && t->instance_size == p->instance_size && t->attrs_offset == p->attrs_offset &&
         t->instance_layout == p->instance_layout && t->native_base == p->native_base &&
         has_weakref_slot(t) == has_weakref_slot(p);
}

// Whether an instance of b may become one of a (CPython's
// compatible_for_assignment): past the classes that add nothing to the
// layout, the same class, or two classes of the same base that add the same
// (sorted) __slots__, the same dict and weakref slots.
static bool same_slot_layout(Type* a, Type* b) {
  while (same_layout_as_base(a)) a = a->base;
  while (same_layout_as_base(b)) b = b->base;
  if (a == b) return true;
  if (a->base != b->base || !a->is_heap_type() || !b->is_heap_type()) return false;
  if (a->instance_size != b->instance_size || a->attrs_offset != b->attrs_offset ||
      a->instance_layout != b->instance_layout || a->native_base != b->native_base ||
      has_weakref_slot(a) != has_weakref_slot(b))
    return false;
  Tuple* x = a->slot_names;
  Tuple* y = b->slot_names;
  int64_t nx = x ? x->length : 0, ny = y ? y->length : 0;
  if (nx != ny) return false;
  for (int64_t i = 0; i < nx; i++)
    if (!str_equal(x->at(i).as<Str>(), y->at(i).as<Str>())) return false;
  return true;
}

static bool object_set_class(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete __class__ attribute");
    return false;
  }
  if (!v.is_object() || !type_of(v)->has_flag(TypeFlag::kTypeSubclass)) {
    raisef(exc::TypeError, "__class__ must be set to a class, not '%s' object",
           type_name(v).c_str());
    return false;
  }
  Type* nt = v.as<Type>();
  Type* ot = type_of(self);
  bool modules = types::module && is_subtype(nt, types::module) && is_subtype(ot, types::module);
  if (!modules && (!nt->is_heap_type() || !ot->is_heap_type())) {
    raise(exc::TypeError,
          "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
  }
  if (!same_slot_layout(nt, ot)) {
    raisef(exc::TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
           type_name_of(nt).c_str(), type_name_of(ot).c_str());
    return false;
  }
  // Maps belong to one type: move the attributes to a dict first.
  if (instance_attrs(self) && !instance_materialize_dict(self)) return false;
  gc::write_barrier(self.object(), &self.object()->type, nt);
  self.object()->type = nt;
  return true;
}

// ---- methods ---------------------------------------------------------------------------

static Value object_format(Value self, const Value* args, size_t, Tuple*) {
  Value spec = args[0];
  if (!is_str(spec)) {
    raisef(exc::TypeError, "__format__() argument must be str, not %s", type_name(spec).c_str());
    return {};
  }
  if (spec.as<Str>()->length > 0) {
    raisef(exc::TypeError, "unsupported format string passed to %s.__format__",
           type_name(self).c_str());
    return {};
  }
  return str_of(self);
}

static Value object_init_subclass(Value, const Value*, size_t, Tuple*) { return none(); }
static Value object_subclasshook(Value, const Value*, size_t, Tuple*) { return not_implemented(); }

static Value object_sizeof(Value self, const Value*, size_t, Tuple*) {
  if (self.is_small()) return Value::small(28);  // CPython's size of a one-digit int
  if (self.is_immediate_float()) return Value::small(24);
  return Value::small(int64_t(gc::Heap::current()->object_size(self.object())));
}

// Names of the instance dict and the class's MRO dicts, as a list.
static Value object_dir(Value self, const Value*, size_t, Tuple*) {
  Dict* acc = dict_new();
  if (!acc) return {};
  Value d = get_attr_or_null(self, names::__dict__);
  if (d && is_dict(d)) {
    if (!dict_update(acc, d)) return {};
  } else if (has_error()) {
    return {};
  }
  Value cls = get_attr_or_null(self, names::__class__);
  if (has_error()) return {};
  if (cls && type_of(cls)->has_flag(TypeFlag::kTypeSubclass)) {
    Tuple* mro = cls.as<Type>()->mro;
    for (int64_t i = mro ? mro->length - 1 : -1; i >= 0; i--) {
      Type* t = mro->at(i).as<Type>();
      if (t->dict && !dict_update(acc, t->dict)) return {};
    }
  }
  Value a[1] = {acc};
  return type_call(types::list, a, 1, nullptr);
}

// ---- pickling support (copy, copyreg, pickle) ---------------------------------------

static Value copyreg_attr(const char* name) {
  Value m = import_module_level(intern("copyreg"), none(), none(), 0);
  if (!m) return {};
  return get_attr_str(m, name);
}

// object.__getstate__'s default: the instance dict (None when empty) and,
// with __slots__, (dict, {slot: value}).
static Value object_getstate_default(Value self, bool required) {
  Type* t = type_of(self);
  if (required && t->native_base != types::object && !is_exception(self)) {
    return raisef(exc::TypeError, "cannot pickle '%s' object", type_name(self).c_str());
  }
  Value state = none();
  if (InstanceAttrs* a = instance_attrs(self)) {
    bool empty = !a->storage || (a->map && a->map->count == 0);
    if (!empty) {
      Dict* d = instance_materialize_dict(self);
      if (!d) return {};
      if (dict_size(d) > 0) state = d;
    }
  }
  Value slotnames_fn = copyreg_attr("_slotnames");
  if (!slotnames_fn) return {};
  Value names_v = call1(slotnames_fn, t);
  if (!names_v) return {};
  if (!is_none(names_v)) {
    Dict* slots = dict_new();
    if (!slots) return {};
    bool ok = for_each(names_v, [&](Value n) {
      if (!is_str(n)) {
        raise(exc::TypeError, "copyreg._slotnames didn't return a list or None");
        return false;
      }
      Value v = get_attr_or_null(self, n.as<Str>());
      if (!v) return !has_error();
      return dict_set(slots, n, v);
    });
    if (!ok) return {};
    if (dict_size(slots) > 0) state = tuple_of({state, slots});
  }
  return state;
}

static Value object_getstate(Value self, const Value*, size_t, Tuple*) {
  return object_getstate_default(self, false);
}

static Value reduce_newobj(Value self) {
  Type* t = type_of(self);
  if (!t->slots.new_) return raisef(exc::TypeError, "cannot pickle '%s' object", type_name(self).c_str());
  Value args = tuple_empty();
  Value kwargs;
  bool hasargs = false;
  bool found = false;
  Value r = call_special(self, intern("__getnewargs_ex__"), nullptr, 0, &found);
  if (found) {
    if (!r) return {};
    if (!is_tuple(r))
      return raisef(exc::TypeError, "__getnewargs_ex__ should return a tuple, not '%s'",
                    type_name(r).c_str());
    if (r.as<Tuple>()->length != 2)
      return raisef(exc::ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                    static_cast<long long>(r.as<Tuple>()->length));
    args = r.as<Tuple>()->at(0);
    kwargs = r.as<Tuple>()->at(1);
    if (!is_tuple(args))
      return raisef(exc::TypeError,
                    "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                    type_name(args).c_str());
    if (!is_dict(kwargs))
      return raisef(exc::TypeError,
                    "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                    type_name(kwargs).c_str());
    hasargs = true;
  } else {
    r = call_special(self, intern("__getnewargs__"), nullptr, 0, &found);
    if (found) {
      if (!r) return {};
      if (!is_tuple(r))
        return raisef(exc::TypeError, "__getnewargs__ should return a tuple, not '%s'",
                      type_name(r).c_str());
      args = r;
      hasargs = true;
    }
  }
  Value newobj, newargs;
  if (!kwargs || (is_dict(kwargs) && dict_size(kwargs.as<Dict>()) == 0)) {
    newobj = copyreg_attr("__newobj__");
    if (!newobj) return {};
    Tuple* a = args.as<Tuple>();
    Tuple* na = tuple_new(a->length + 1);
    if (!na) return {};
    na->items()[0] = t;
    for (int64_t i = 0; i < a->length; i++) na->items()[i + 1] = a->at(i);
    newargs = na;
  } else {
    newobj = copyreg_attr("__newobj_ex__");
    if (!newobj) return {};
    newargs = tuple_of({t, args, kwargs});
  }
  bool is_list = t->has_flag(TypeFlag::kListSubclass);
  bool is_dict_t = t->has_flag(TypeFlag::kDictSubclass);
  Value state;
  Value getstate = type_lookup(t, intern("__getstate__"));
  Value own = type_lookup(types::object, intern("__getstate__"));
  if (getstate && !(getstate == own)) {
    state = call_method(self, intern("__getstate__"), nullptr, 0);
  } else {
    state = object_getstate_default(self, !hasargs && !is_list && !is_dict_t);
  }
  if (!state) return {};
  Value listitems = none(), dictitems = none();
  if (is_list) {
    listitems = get_iter(self);
    if (!listitems) return {};
  }
  if (is_dict_t) {
    Value items = call_method(self, names::items, nullptr, 0);
    if (!items) return {};
    dictitems = get_iter(items);
    if (!dictitems) return {};
  }
  return tuple_of({newobj, newargs, state, listitems, dictitems});
}

static Value common_reduce(Value self, int64_t proto) {
  if (proto >= 2) return reduce_newobj(self);
  Value f = copyreg_attr("_reduce_ex");
  if (!f) return {};
  return call2(f, self, Value::small(proto));
}

static Value object_reduce(Value self, const Value*, size_t, Tuple*) {
  return common_reduce(self, 0);
}

static Value object_reduce_ex(Value self, const Value* args, size_t, Tuple*) {
  int64_t proto;
  if (!index_i64(args[0], &proto)) return {};
  Value cls_reduce = type_lookup(type_of(self), names::__reduce__);
  Value obj_reduce = type_lookup(types::object, names::__reduce__);
  if (cls_reduce && !(cls_reduce == obj_reduce)) {
    return call_method(self, names::__reduce__, nullptr, 0);
  }
  return common_reduce(self, proto);
}

static const MethodDef kObjectMethods[] = {
    {"__format__", object_format, MethodFlag::kOneArg, "Default object formatter."},
    {"__init_subclass__", object_init_subclass, MethodFlag::kNoArgs | MethodFlag::kClass,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, MethodFlag::kVarArgs | MethodFlag::kClass,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", object_sizeof, MethodFlag::kNoArgs, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, MethodFlag::kNoArgs, "Default dir() implementation."},
    {"__reduce_ex__", object_reduce_ex, MethodFlag::kOneArg, "Helper for pickle."},
    {"__reduce__", object_reduce, MethodFlag::kNoArgs, "Helper for pickle."},
    {"__getstate__", object_getstate, MethodFlag::kNoArgs, "Helper for pickle."},
    {nullptr, nullptr, 0},
};

static const GetSetDef kObjectGetSets[] = {
    {"__class__", object_get_class, object_set_class},
    {nullptr, nullptr},
};

// The __dict__ descriptor of the nearest builtin base that has one, for an
// instance of a class that also derives from a builtin with its own dict (a
// metaclass's instances are classes, a ModuleType subclass's are modules):
// CPython's get_builtin_base_with_dict. Null if none.
static Value builtin_dict_descriptor(Value self) {
  for (Type* t = type_of(self); t && t != types::object; t = t->base) {
    if (t->is_heap_type()) continue;
    Value d = dict_get_str(t->dict, names::__dict__);
    if (d) return d;
  }
  return {};
}

// The __dict__ descriptor classes without __slots__ get (type_new).
static Value instance_dict_get(Value self) {
  if (Value d = builtin_dict_descriptor(self)) {
    DescrGetFn get = type_of(d)->slots.descr_get;
    if (get) return get(d, self, type_of(self));
  }
  return instance_dict(self);
}
static bool instance_dict_set(Value self, Value v) {
  if (Value d = builtin_dict_descriptor(self)) {
    DescrSetFn set = type_of(d)->slots.descr_set;
    if (!set) {
      raisef(exc::TypeError, "this __dict__ descriptor does not support '%s' objects",
             type_name(self).c_str());
      return false;
    }
    return set(d, self, v);
  }
  if (!v) {
    // del obj.__dict__: CPython drops the dict and makes an empty one on
    // the next use; here the instance starts again from its class's root map.
    if (InstanceAttrs* a = instance_attrs(self)) {
      a->map = nullptr;
      a->storage = nullptr;
      return true;
    }
  }
  return instance_set_dict(self, v);
}
extern const GetSetDef kInstanceDictGetSet = {"__dict__", instance_dict_get, instance_dict_set,
                                              "dictionary for instance variables (if defined)"};
static Value weakref_get(Value) { return none(); }
extern const GetSetDef kInstanceWeakrefGetSet = {"__weakref__", weakref_get, nullptr,
                                                 "list of weak references to the object (if defined)"};

static void trace_object(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

// Exposed for type_new's "is __init__ object's" checks.
NewFn object_new_fn() { return object_new; }
InitFn object_init_fn() { return object_init; }

void init_object_type() {
  g_object_layout = register_object_layout("object", sizeof(Object), trace_object);
  TypeSpec s;
  s.name = "object";
  s.layout = g_object_layout;
  s.flags = TypeFlag::kBaseType;
  s.slots.repr = object_repr;
  s.slots.str = object_str;
  s.slots.hash = object_hash;
  s.slots.compare = object_compare;
  s.slots.getattr = generic_getattr;
  s.slots.setattr = generic_setattr;
  s.slots.new_ = object_new;
  s.slots.init = object_init;
  s.methods = kObjectMethods;
  s.getsets = kObjectGetSets;
  s.doc = "object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";
  make_builtin_type(&types::object, s);
  init_type_type();
}

}  // namespace pyrite::python
