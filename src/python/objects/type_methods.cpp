// `type` as a Python object: calling a class, class attribute access and
// assignment, type's attributes and methods, and mappingproxy (the
// read-only view of a class's __dict__) (docs/objects.md, "Types and slots").
#include <string>
#include <vector>

#include "python/interp/interp.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

static gc::LayoutId g_mappingproxy_layout;

// ---- names -------------------------------------------------------------------------

std::string type_qualname_utf8(const Type* t) {
  if (t->qualname) return str_to_utf8(t->qualname);
  if (t->name) return str_to_utf8(t->name);
  return "?";
}

Value type_module(Type* t) {
  if (t->dict) {
    Value m = dict_get_str(t->dict, names::__module__);
    // A builtin's dict may hold a __module__ descriptor for its instances
    // (type itself, functions): the type's own module is then builtins.
    if (m && (t->is_heap_type() || is_str(m))) return m;
    if (has_error()) return {};
  }
  if (t->is_heap_type()) return raise(exc::AttributeError, "__module__");
  return intern("builtins");
}

static Value type_repr(Value self) {
  Type* t = self.as<Type>();
  Value mod = type_module(t);
  if (!mod) clear_error();
  std::string q = type_qualname_utf8(t);
  if (mod && is_str(mod)) {
    std::string m = str_to_utf8(mod.as<Str>());
    if (m != "builtins") return str_format("<class '%s.%s'>", m.c_str(), q.c_str());
  }
  return str_format("<class '%s'>", q.c_str());
}

// ---- calling -----------------------------------------------------------------------

Value type_call(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(kwnames->length) : 0;
  if (t == types::type) {
    if (nargs == 1 && nkw == 0) return type_of(args[0]);
    if (nargs != 3) return raise(exc::TypeError, "type() takes 1 or 3 arguments");
  }
  if (!t->slots.new_)
    return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
  Value obj = t->slots.new_(t, args, nargs, kwnames);
  if (!obj) return {};
  if (!isinstance(obj, t)) return obj;
  Type* ot = type_of(obj);
  if (ot->slots.init && !ot->slots.init(obj, args, nargs, kwnames)) return {};
  return obj;
}

static Value type_call_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = self.as<Type>();
  const char* check = type_call_depth_check(t, nargs);
  if (!check) return type_call(t, args, nargs, kwnames);
  if (!enter_recursive_call(check)) return {};
  Value r = type_call(t, args, nargs, kwnames);
  leave_recursive_call();
  return r;
}

static Value type_new_slot(Type* metatype, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 3)
    return raisef(exc::TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "type.__new__() argument 1 must be str, not %s",
                  type_name(args[0]).c_str());
  if (!is_tuple(args[1]))
    return raisef(exc::TypeError, "type.__new__() argument 2 must be tuple, not %s",
                  type_name(args[1]).c_str());
  if (!is_dict(args[2]))
    return raisef(exc::TypeError, "type.__new__() argument 3 must be dict, not %s",
                  type_name(args[2]).c_str());
  return type_new(metatype, args[0], args[1], args[2], kwnames, args + 3);
}

static bool type_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  (void)self;
  (void)args;
  size_t nkw = kwnames ? size_t(kwnames->length) : 0;
  if (nargs == 1 && nkw != 0) {
    raise(exc::TypeError, "type.__init__() takes no keyword arguments");
    return false;
  }
  if (nargs != 1 && nargs != 3) {
    raise(exc::TypeError, "type.__init__() takes 1 or 3 arguments");
    return false;
  }
  return true;
}

// ---- attributes --------------------------------------------------------------------

static Value type_getattr_impl(Type* t, Str* name, bool* missing) {
  Type* meta = type_of(t);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    meta_get = type_of(meta_attr)->slots.descr_get;
    if (meta_get && type_of(meta_attr)->slots.descr_set) return meta_get(meta_attr, t, meta);
  }
  Value attr = type_lookup(t, name);
  if (attr) {
    DescrGetFn get = type_of(attr)->slots.descr_get;
    if (get) return get(attr, Value(), t);
    return attr;
  }
  if (meta_attr) {
    if (meta_get) return meta_get(meta_attr, t, meta);
    return meta_attr;
  }
  *missing = true;
  return {};
}

Value type_getattro(Value type, Str* name) {
  bool missing = false;
  Value v = type_getattr_impl(type.as<Type>(), name, &missing);
  if (missing) return raise_attribute_error(type, name);
  return v;
}

Value type_getattr_or_null(Type* t, Str* name) {
  bool missing = false;
  Value v = type_getattr_impl(t, name, &missing);
  if (!v && !missing && error_matches(exc::AttributeError)) clear_error();
  return v;
}

bool type_setattro(Value type, Str* name, Value v) {
  Type* t = type.as<Type>();
  if (!t->is_heap_type() || t->has_flag(TypeFlag::kImmutable)) {
    raisef(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'",
           str_to_utf8(name).c_str(), type_name_of(t).c_str());
    return false;
  }
  if (!name->interned && is_exact_str(name)) name = intern_str(name);
  Type* meta = type_of(t);
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr) {
    DescrSetFn set = type_of(meta_attr)->slots.descr_set;
    if (set) return set(meta_attr, t, v);
  }
  if (v) {
    if (!dict_set_str(t->dict, name, v)) return false;
  } else {
    int r = dict_del_str(t->dict, name);
    if (r < 0) return false;
    if (r == 0) {
      raise_attribute_error(t, name);
      return false;
    }
  }
  type_modified(t, name);
  return true;
}

// ---- getsets ------------------------------------------------------------------------

static Type* T(Value v) { return v.as<Type>(); }

static bool check_heap_set(Type* t, const char* attr, Value v) {
  if (!t->is_heap_type()) {
    raisef(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", attr,
           type_name_of(t).c_str());
    return false;
  }
  if (!v) {
    raisef(exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr,
           type_name_of(t).c_str());
    return false;
  }
  return true;
}

static Value type_get_name(Value self) {
  Type* t = T(self);
  if (t->name) return t->name;
  return str_empty();
}
static bool type_set_name(Value self, Value v) {
  Type* t = T(self);
  if (!check_heap_set(t, "__name__", v)) return false;
  if (!is_str(v)) {
    raisef(exc::TypeError, "can only assign string to %s.__name__, not '%s'",
           type_name_of(t).c_str(), type_name(v).c_str());
    return false;
  }
  if (!str_check_encodable(v.as<Str>())) return false;
  std::string s = str_to_utf8(v.as<Str>());
  if (s.find('\0') != std::string::npos) {
    raise(exc::ValueError, "type name must not contain null characters");
    return false;
  }
  gc::store_ref<Str>(t, &t->name, v.as<Str>());
  t->version = next_type_version();
  return true;
}
static Value type_get_qualname(Value self) {
  Type* t = T(self);
  return t->qualname ? Value(t->qualname) : type_get_name(self);
}
static bool type_set_qualname(Value self, Value v) {
  Type* t = T(self);
  if (!check_heap_set(t, "__qualname__", v)) return false;
  if (!is_str(v)) {
    raisef(exc::TypeError, "can only assign string to %s.__qualname__, not '%s'",
           type_name_of(t).c_str(), type_name(v).c_str());
    return false;
  }
  gc::store_ref<Str>(t, &t->qualname, v.as<Str>());
  return true;
}
static Value type_get_module(Value self) { return type_module(T(self)); }
static bool type_set_module(Value self, Value v) {
  Type* t = T(self);
  if (!check_heap_set(t, "__module__", v)) return false;
  if (!dict_set_str(t->dict, names::__module__, v)) return false;
  type_modified(t, names::__module__);
  return true;
}
static Value type_get_bases(Value self) { return T(self)->bases; }

// A class whose MRO mro_hierarchy replaced, the new MRO and the old one
// (kept alive by the `keep` list: the vector is not scanned by the GC).
struct MroChange {
  Type* type;
  Tuple* new_mro;
  Tuple* old_mro;
};

// Recomputes the MRO of t and then of its subclasses, depth first (after
// __bases__ changed), recording each change in `done` (CPython's
// mro_hierarchy). A metaclass's mro() runs for each and may assign
// __bases__ itself: a class whose MRO changed meanwhile keeps that one and
// its subclasses are left alone. False with the exception of an mro().
static bool mro_hierarchy(Type* t, std::vector<MroChange>& done, List* keep) {
  Tuple* old_mro = t->mro;
  Tuple* mro = invoke_mro(t);
  if (!mro) return false;
  if (t->mro != old_mro) return true;  // reentered
  gc::store_ref<Tuple>(t, &t->mro, mro);
  type_modified(t, nullptr);
  if (old_mro && !list_append(keep, old_mro)) return false;
  done.push_back({t, mro, old_mro});
  // A snapshot: an mro() may change the subclass lists.
  int64_t n = 0;
  for_each_subclass(t, [&](Type*) { n++; });
  if (n == 0) return true;
  Tuple* subs = tuple_new(n);
  if (!subs) return false;
  int64_t i = 0;
  for_each_subclass(t, [&](Type* s) {
    if (i < n) subs->items()[i++] = s;
  });
  subs->length = i;
  for (int64_t k = 0; k < subs->length; k++)
    if (!mro_hierarchy(subs->at(k).as<Type>(), done, keep)) return false;
  return true;
}

Type* best_base_of(Tuple* bases);  // type_new.cpp
Type* solid_base_of(Type* t);

static bool type_set_bases(Value self, Value v) {
  Type* t = T(self);
  if (!check_heap_set(t, "__bases__", v)) return false;
  if (!is_tuple(v)) {
    raisef(exc::TypeError, "can only assign tuple to %s.__bases__, not %s",
           type_name_of(t).c_str(), type_name(v).c_str());
    return false;
  }
  Tuple* nb = v.as<Tuple>();
  if (nb->length == 0) {
    raisef(exc::TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
           type_name_of(t).c_str());
    return false;
  }
  for (int64_t i = 0; i < nb->length; i++) {
    Value b = nb->at(i);
    if (!b.is_object() || !type_of(b)->has_flag(TypeFlag::kTypeSubclass)) {
      raisef(exc::TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
             type_name_of(t).c_str(), type_name(b).c_str());
      return false;
    }
    // Through the MRO, and through the base chain, which an mro() that
    // assigns __bases__ (reentering here) may have changed before the MROs.
    Type* bt = b.as<Type>();
    bool cycle = is_subtype(bt, t);
    if (!cycle && bt->mro)
      for (Type* p = bt; p && !cycle; p = p->base) cycle = p == t;
    if (cycle) {
      raise(exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return false;
    }
  }
  Type* new_base = best_base_of(nb);
  if (!new_base) return false;
  Type* old_base = t->base;
  if (solid_base_of(new_base) != solid_base_of(old_base) ||
      new_base->native_base != old_base->native_base ||
      new_base->attrs_offset != old_base->attrs_offset) {
    raisef(exc::TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
           type_name_of(new_base).c_str(), type_name_of(old_base).c_str());
    return false;
  }
  Tuple* old_bases = t->bases;
  gc::store_ref<Tuple>(t, &t->bases, nb);
  gc::store_ref<Type>(t, &t->base, new_base);
  std::vector<MroChange> done;
  List* keep = list_new();
  if (!keep) return false;
  if (!mro_hierarchy(t, done, keep)) {
    // Undo, latest first; a class whose MRO an mro() replaced again keeps it.
    for (size_t i = done.size(); i-- > 0;) {
      MroChange& c = done[i];
      if (c.type->mro == c.new_mro) {
        gc::store_ref<Tuple>(c.type, &c.type->mro, c.old_mro);
        type_modified(c.type, nullptr);
      }
    }
    if (t->bases == nb) {
      gc::store_ref<Tuple>(t, &t->bases, old_bases);
      gc::store_ref<Type>(t, &t->base, old_base);
    }
    return false;
  }
  // An mro() that assigned t's __bases__ again has done the rest.
  if (t->bases != nb) return true;
  for (int64_t i = 0; i < old_bases->length; i++)
    type_remove_subclass(old_bases->at(i).as<Type>(), t);
  for (int64_t i = 0; i < nb->length; i++) type_add_subclass(nb->at(i).as<Type>(), t);
  type_modified(t, nullptr);
  // Every slot may have changed, in the subclasses too.
  std::vector<Type*> todo{t};
  while (!todo.empty()) {
    Type* x = todo.back();
    todo.pop_back();
    update_all_slots(x);
    for_each_subclass(x, [&](Type* s) { todo.push_back(s); });
  }
  return true;
}
static Value type_get_base(Value self) {
  Type* b = T(self)->base;
  return b ? Value(b) : none();
}
static Value type_get_mro(Value self) {
  Tuple* m = T(self)->mro;
  return m ? Value(m) : none();
}
static Value type_get_dict(Value self) { return mappingproxy_new(T(self)->dict); }
static Value type_get_doc(Value self) {
  Type* t = T(self);
  // A builtin's dict may hold a __doc__ descriptor for its instances
  // (property): the type's own doc is the spec's.
  if (!t->is_heap_type() && t->doc) return doc_without_signature(str_to_utf8(t->name).c_str(), t->doc);
  Value d = dict_get_str(t->dict, names::__doc__);
  if (!d) {
    if (has_error()) return {};
    return none();
  }
  DescrGetFn get = type_of(d)->slots.descr_get;
  if (get) return get(d, Value(), t);
  return d;
}
static bool type_set_doc(Value self, Value v) {
  Type* t = T(self);
  if (!check_heap_set(t, "__doc__", v)) return false;
  if (!dict_set_str(t->dict, names::__doc__, v)) return false;
  type_modified(t, names::__doc__);
  return true;
}
static Value type_get_abstractmethods(Value self) {
  Type* t = T(self);
  // type itself has the descriptor but no abstract methods.
  Value v = t == types::type ? Value() : dict_get_str(t->dict, names::__abstractmethods__);
  if (!v) {
    if (has_error()) return {};
    return raise(exc::AttributeError, "__abstractmethods__");
  }
  return v;
}
static bool type_set_abstractmethods(Value self, Value v) {
  Type* t = T(self);
  int abstract = 0;
  if (v) {
    abstract = truth(v);
    if (abstract < 0) return false;
    if (!dict_set_str(t->dict, names::__abstractmethods__, v)) return false;
  } else {
    int r = dict_del_str(t->dict, names::__abstractmethods__);
    if (r < 0) return false;
    if (r == 0) {
      raise(exc::AttributeError, "__abstractmethods__");
      return false;
    }
  }
  type_modified(t, names::__abstractmethods__);
  if (abstract)
    t->flags |= TypeFlag::kAbstract;
  else
    t->flags &= ~TypeFlag::kAbstract;
  return true;
}
static Value type_get_annotations(Value self) {
  Type* t = T(self);
  if (!t->is_heap_type())
    return raisef(exc::AttributeError, "type object '%s' has no attribute '__annotations__'",
                  type_name_of(t).c_str());
  Value a = dict_get_str(t->dict, names::__annotations__);
  if (a) {
    DescrGetFn get = type_of(a)->slots.descr_get;
    if (get) return get(a, Value(), t);
    return a;
  }
  if (has_error()) return {};
  Dict* d = dict_new();
  if (!d || !dict_set_str(t->dict, names::__annotations__, d)) return {};
  type_modified(t, names::__annotations__);
  return d;
}
static bool type_set_annotations(Value self, Value v) {
  Type* t = T(self);
  if (!t->is_heap_type()) {
    raisef(exc::TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
           type_name_of(t).c_str());
    return false;
  }
  if (v) {
    if (!dict_set_str(t->dict, names::__annotations__, v)) return false;
  } else {
    int r = dict_del_str(t->dict, names::__annotations__);
    if (r < 0) return false;
    if (r == 0) {
      raise(exc::AttributeError, "__annotations__");
      return false;
    }
  }
  type_modified(t, names::__annotations__);
  return true;
}
static Value type_get_basicsize(Value self) { return Value::small(T(self)->instance_size); }
// __flags__ in CPython's tp_flags bits (copyreg and the tests read HEAPTYPE,
// BASETYPE, IS_ABSTRACT and the fast-subclass bits).
static Value type_get_flags(Value self) {
  Type* t = T(self);
  uint64_t f = (uint64_t(1) << 18) | (uint64_t(1) << 12);  // HAVE_VERSION_TAG, READY
  if (t->is_heap_type()) f |= (uint64_t(1) << 9) | (uint64_t(1) << 14);  // HEAPTYPE, HAVE_GC
  if (t->has_flag(TypeFlag::kImmutable)) f |= uint64_t(1) << 8;  // IMMUTABLETYPE
  if (t->has_flag(TypeFlag::kBaseType)) f |= uint64_t(1) << 10;
  if (t->has_flag(TypeFlag::kAbstract)) f |= uint64_t(1) << 20;
  if (t->has_flag(TypeFlag::kSequence)) f |= uint64_t(1) << 5;
  if (t->has_flag(TypeFlag::kMapping)) f |= uint64_t(1) << 6;
  static const std::pair<uint32_t, int> kSubclassBits[] = {
      {TypeFlag::kIntSubclass, 24},   {TypeFlag::kListSubclass, 25},
      {TypeFlag::kTupleSubclass, 26}, {TypeFlag::kBytesSubclass, 27},
      {TypeFlag::kStrSubclass, 28},   {TypeFlag::kDictSubclass, 29},
      {TypeFlag::kExceptionSubclass, 30}, {TypeFlag::kTypeSubclass, 31}};
  for (auto [flag, bit] : kSubclassBits)
    if (t->has_flag(flag)) f |= uint64_t(1) << bit;
  return int_from_u64(f);
}
// From a builtin's doc ("object()\n--\n\n..."), or a class's str __doc__
// (CPython reads the tp_doc a class statement copied from it).
static Value type_get_text_signature(Value self) {
  Type* t = T(self);
  std::string name = str_to_utf8(t->name);
  if (!t->is_heap_type()) return text_signature_from_doc(name.c_str(), t->doc);
  Value d = dict_get_str(t->dict, names::__doc__);
  if (!d) return has_error() ? Value() : none();
  if (!is_str(d)) return none();
  return text_signature_from_doc(name.c_str(), str_to_utf8(d.as<Str>()).c_str());
}
// __itemsize__: CPython's tp_itemsize, the size of one item of a
// variable-size instance, inherited by subclasses. Pyrite's layouts differ;
// the value reported is CPython's (64-bit), which code reads to size things.
static Value type_get_itemsize(Value self) {
  Type* t = T(self);
  if (t->has_flag(TypeFlag::kIntSubclass)) return Value::small(4);
  if (t->has_flag(TypeFlag::kBytesSubclass)) return Value::small(1);
  if (t->has_flag(TypeFlag::kTupleSubclass)) return Value::small(8);
  if (t->has_flag(TypeFlag::kTypeSubclass)) return Value::small(40);
  for (Type* b = t; b; b = b->base) {
    if (b == types::memoryview) return Value::small(8);
    if (b == types::code) return Value::small(2);
  }
  return Value::small(0);
}

static const GetSetDef kTypeGetSets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__bases__", type_get_bases, type_set_bases},
    {"__base__", type_get_base},
    {"__mro__", type_get_mro},
    {"__module__", type_get_module, type_set_module},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
    {"__dict__", type_get_dict},
    {"__doc__", type_get_doc, type_set_doc},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {"__basicsize__", type_get_basicsize},
    {"__itemsize__", type_get_itemsize},
    {"__flags__", type_get_flags},
    {"__text_signature__", type_get_text_signature},
    {nullptr, nullptr},
};

// ---- methods -------------------------------------------------------------------------

static Value type_mro_method(Value self, const Value*, size_t, Tuple*) {
  Tuple* m = compute_mro(T(self));
  if (!m) return {};
  Value a[1] = {m};
  return type_call(types::list, a, 1, nullptr);
}

static Value type_subclasses(Value self, const Value*, size_t, Tuple*) {
  Tuple* t = nullptr;
  int64_t n = 0;
  for_each_subclass(T(self), [&](Type*) { n++; });
  t = tuple_new(n);
  if (!t) return {};
  int64_t i = 0;
  for_each_subclass(T(self), [&](Type* s) {
    if (i < n) t->items()[i++] = s;
  });
  t->length = i;
  Value a[1] = {t};
  return type_call(types::list, a, 1, nullptr);
}

static Value type_instancecheck(Value self, const Value* args, size_t, Tuple*) {
  Value inst = args[0];
  if (isinstance(inst, T(self))) return py_bool(true);
  // isinstance also honours a __class__ that differs from type(inst).
  Value cls = get_attr_or_null(inst, names::__class__);
  if (!cls) {
    if (has_error()) return {};
    return py_bool(false);
  }
  if (cls.is_object() && type_of(cls)->has_flag(TypeFlag::kTypeSubclass) &&
      cls.as<Type>() != type_of(inst))
    return py_bool(is_subtype(cls.as<Type>(), T(self)));
  return py_bool(false);
}

static Value type_subclasscheck(Value self, const Value* args, size_t, Tuple*) {
  Value sub = args[0];
  if (!sub.is_object() || !type_of(sub)->has_flag(TypeFlag::kTypeSubclass)) {
    // CPython accepts objects with __bases__ (abstract classes).
    Value b = get_attr_or_null(sub, names::__bases__);
    if (!b || !is_tuple(b)) {
      if (has_error()) return {};
      return raise(exc::TypeError, "issubclass() arg 1 must be a class");
    }
    int r = issubclass_full(sub, self);
    if (r < 0) return {};
    return py_bool(r);
  }
  return py_bool(is_subtype(sub.as<Type>(), T(self)));
}

static Value type_prepare(Value, const Value*, size_t, Tuple*) { return dict_new(); }

static Value type_dir(Value self, const Value*, size_t, Tuple*) {
  Dict* acc = dict_new();
  if (!acc) return {};
  Tuple* mro = T(self)->mro;
  for (int64_t i = mro ? mro->length - 1 : -1; i >= 0; i--) {
    Type* t = mro->at(i).as<Type>();
    if (t->dict && !dict_update(acc, t->dict)) return {};
  }
  Value a[1] = {acc};
  return type_call(types::list, a, 1, nullptr);
}

static Value type_sizeof(Value self, const Value*, size_t, Tuple*) {
  return Value::small(int64_t(sizeof(Type)) + (T(self)->is_heap_type() ? 0 : 0));
}

static const MethodDef kTypeMethods[] = {
    {"mro", type_mro_method, MethodFlag::kNoArgs, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, MethodFlag::kNoArgs,
     "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, MethodFlag::kOneArg,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, MethodFlag::kOneArg,
     "Check if a class is a subclass."},
    {"__prepare__", type_prepare,
     MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kClass,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__dir__", type_dir, MethodFlag::kNoArgs, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, MethodFlag::kNoArgs, "Return memory consumption of the type object."},
    {nullptr, nullptr, 0},
};

// ---- mappingproxy ------------------------------------------------------------------------

static void trace_mappingproxy(void* obj, gc::Visitor& v) {
  auto* p = static_cast<MappingProxy*>(obj);
  v.visit(p->type);
  visit_value(v, p->mapping);
}

Value mappingproxy_new(Value mapping) {
  auto* p = allocate<MappingProxy>(g_mappingproxy_layout, types::mappingproxy);
  p->mapping = mapping;
  return p;
}

static Value MP(Value self) { return self.as<MappingProxy>()->mapping; }

static Value mappingproxy_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"mapping", nullptr};
  Value mapping;
  if (!parse_args({"mappingproxy", kParams, 1, 0}, args, nargs, kwnames, {&mapping})) return {};
  if (!type_of(mapping)->slots.getitem || is_tuple(mapping) ||
      type_of(mapping)->has_flag(TypeFlag::kListSubclass))
    return raisef(exc::TypeError, "mappingproxy() argument must be a mapping, not %s",
                  type_name(mapping).c_str());
  return mappingproxy_new(mapping);
}
static Value mappingproxy_getitem(Value self, Value key) { return get_item(MP(self), key); }
static int mappingproxy_contains(Value self, Value key) { return contains(MP(self), key); }
static int64_t mappingproxy_len(Value self) { return length(MP(self)); }
static Value mappingproxy_iter(Value self) { return get_iter(MP(self)); }
static Value mappingproxy_repr(Value self) {
  Value r = repr(MP(self));
  if (!r) return {};
  return str_format("mappingproxy(%s)", str_to_utf8(r.as<Str>()).c_str());
}
static Value mappingproxy_str(Value self) { return str_of(MP(self)); }
static Value mappingproxy_compare(Value a, Value b, CompareOp op) {
  return compare(MP(a), b, op);
}
static Value mappingproxy_or(Value a, Value b) {
  if (type_of(a) == types::mappingproxy) a = MP(a);
  if (type_of(b) == types::mappingproxy) b = MP(b);
  return binary_op(BinaryOp::kOr, a, b);
}
static Value mappingproxy_ior(Value a, Value b) {
  return raisef(exc::TypeError, "'|=' is not supported by %s; use '|' instead",
                type_name(a).c_str());
  (void)b;
}
static Value mappingproxy_get(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("get", nargs, 1, 2)) return {};
  Value a[2] = {args[0], nargs > 1 ? args[1] : none()};
  return call_method(MP(self), names::get, a, 2);
}
static Value mappingproxy_keys(Value self, const Value*, size_t, Tuple*) {
  return call_method(MP(self), names::keys, nullptr, 0);
}
static Value mappingproxy_values(Value self, const Value*, size_t, Tuple*) {
  return call_method(MP(self), names::values, nullptr, 0);
}
static Value mappingproxy_items(Value self, const Value*, size_t, Tuple*) {
  return call_method(MP(self), names::items, nullptr, 0);
}
static Value mappingproxy_copy(Value self, const Value*, size_t, Tuple*) {
  return call_method(MP(self), names::copy, nullptr, 0);
}
static Value mappingproxy_reversed(Value self, const Value*, size_t, Tuple*) {
  Value a[1] = {MP(self)};
  Value rev = get_attr_str(MP(self), "__reversed__");
  if (!rev) return {};
  (void)a;
  return call0(rev);
}

static const MethodDef kMappingProxyMethods[] = {
    {"get", mappingproxy_get, MethodFlag::kVarArgs},
    {"keys", mappingproxy_keys, MethodFlag::kNoArgs},
    {"values", mappingproxy_values, MethodFlag::kNoArgs},
    {"items", mappingproxy_items, MethodFlag::kNoArgs},
    {"copy", mappingproxy_copy, MethodFlag::kNoArgs},
    {"__reversed__", mappingproxy_reversed, MethodFlag::kNoArgs},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

// ---- init ---------------------------------------------------------------------------------

void init_type_type() {
  TypeSpec s;
  s.name = "type";
  s.layout = kTypeLayout;
  s.instance_size = sizeof(Type);
  s.flags = TypeFlag::kBaseType;
  s.slots.repr = type_repr;
  s.slots.call = type_call_slot;
  s.slots.getattr = type_getattro;
  s.slots.setattr = type_setattro;
  s.slots.new_ = type_new_slot;
  s.slots.init = type_init;
  s.slots.binary[int(BinaryOp::kOr)] = union_new;
  s.methods = kTypeMethods;
  s.getsets = kTypeGetSets;
  s.doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  make_builtin_type(&types::type, s);

  g_mappingproxy_layout =
      register_object_layout("mappingproxy", sizeof(MappingProxy), trace_mappingproxy);
  TypeSpec m;
  m.name = "mappingproxy";
  m.layout = g_mappingproxy_layout;
  m.slots.new_ = mappingproxy_new_slot;
  m.slots.getitem = mappingproxy_getitem;
  m.slots.contains = mappingproxy_contains;
  m.slots.len = mappingproxy_len;
  m.slots.iter = mappingproxy_iter;
  m.slots.repr = mappingproxy_repr;
  m.slots.str = mappingproxy_str;
  m.slots.compare = mappingproxy_compare;
  m.slots.binary[int(BinaryOp::kOr)] = mappingproxy_or;
  m.slots.inplace[int(BinaryOp::kOr)] = mappingproxy_ior;
  m.methods = kMappingProxyMethods;
  make_builtin_type(&types::mappingproxy, m);
}

}  // namespace pyrite::python
