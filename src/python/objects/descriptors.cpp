// property, classmethod, staticmethod, super and types.GenericAlias
// (descriptors.h, docs/objects.md "Types and slots").
#include "python/objects/descriptors.h"

// Offsets of the InstanceAttrs fields of these structs (derived from Object,
// so not standard-layout; GCC and Clang lay them out predictably).
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

#include <string>
#include <vector>

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/function.h"
#include "python/objects/init.h"
#include "python/objects/map.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

// The interpreter's zero-argument super() support (interp/pyrun.cpp): the
// __class__ cell's value and the first argument of the innermost frame.
bool current_frame_super_args(Value* type, Value* self);

static gc::LayoutId g_property_layout, g_funcwrapper_layout, g_super_layout, g_alias_layout;

static void visit_attrs(gc::Visitor& v, const InstanceAttrs& a) {
  v.visit(a.map);
  v.visit(a.storage);
}

// ---- property ------------------------------------------------------------------------

static void trace_property(void* obj, gc::Visitor& v) {
  auto* p = static_cast<Property*>(obj);
  v.visit(p->type);
  visit_value(v, p->fget);
  visit_value(v, p->fset);
  visit_value(v, p->fdel);
  visit_value(v, p->doc);
  visit_value(v, p->name);
}

static Property* P(Value v) { return v.as<Property>(); }

static std::string property_name_part(Property* p) {
  if (p->name && is_str(p->name)) return "property " + repr_utf8(p->name) + " ";
  return "property ";
}

static Value property_new(Type* t, const Value*, size_t, Tuple*) { return alloc_instance(t); }

static bool property_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"fget", "fset", "fdel", "doc", nullptr};
  Value fget, fset, fdel, doc;
  if (!parse_args({"property", kParams, 0, 0}, args, nargs, kwnames, {&fget, &fset, &fdel, &doc}))
    return false;
  Property* p = P(self);
  auto norm = [](Value v) { return v && !is_none(v) ? v : Value(); };
  p->fget = norm(fget);
  p->fset = norm(fset);
  p->fdel = norm(fdel);
  p->doc = norm(doc);
  p->getter_doc = false;
  // No doc given: the getter's. Subclasses keep it in their instance
  // __dict__, where the class's own __doc__ cannot shadow it (3.11).
  if (!p->doc && p->fget) {
    Value d = get_attr_or_null(p->fget, names::__doc__);
    if (!d) {
      if (has_error()) return false;
      return true;
    }
    if (type_of(self) == types::property) {
      p->doc = is_none(d) ? Value() : d;
    } else if (!set_attr(self, names::__doc__, d)) {
      return false;
    }
    p->getter_doc = true;
  }
  return true;
}

static Value property_get(Value self, Value obj, Value type) {
  (void)type;
  if (!obj) return self;
  Property* p = P(self);
  if (!p->fget)
    return raisef(exc::AttributeError, "%sof %s object has no getter",
                  property_name_part(p).c_str(), repr_utf8(type_of(obj)->qualname).c_str());
  return call1(p->fget, obj);
}

static bool property_set(Value self, Value obj, Value v) {
  Property* p = P(self);
  Value f = v ? p->fset : p->fdel;
  if (!f) {
    raisef(exc::AttributeError, "%sof %s object has no %s", property_name_part(p).c_str(),
           repr_utf8(type_of(obj)->qualname).c_str(), v ? "setter" : "deleter");
    return false;
  }
  Value r = v ? call2(f, obj, v) : call1(f, obj);
  return bool(r);
}

// getter/setter/deleter: a copy of the property with one function replaced.
static Value property_copy(Value self, Value fget, Value fset, Value fdel) {
  Property* p = P(self);
  // The new getter (or the old one) supplies the doc again when the old
  // doc came from the getter.
  Value get = fget ? fget : p->fget;
  Value doc = p->getter_doc && get ? none() : (p->doc ? p->doc : none());
  Value args[4] = {fget ? fget : (p->fget ? p->fget : none()),
                   fset ? fset : (p->fset ? p->fset : none()),
                   fdel ? fdel : (p->fdel ? p->fdel : none()), doc};
  Value np = call(type_of(self), args, 4, nullptr);
  if (!np) return {};
  if (isinstance(np, types::property)) P(np)->name = p->name;
  return np;
}
static Value property_getter(Value self, const Value* args, size_t, Tuple*) {
  return property_copy(self, args[0], Value(), Value());
}
static Value property_setter(Value self, const Value* args, size_t, Tuple*) {
  return property_copy(self, Value(), args[0], Value());
}
static Value property_deleter(Value self, const Value* args, size_t, Tuple*) {
  return property_copy(self, Value(), Value(), args[0]);
}
static Value property_set_name(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2)
    return raisef(exc::TypeError, "__set_name__() takes 2 positional arguments but %zu were given", nargs);
  P(self)->name = args[1];
  return none();
}

static Value or_none(Value v) { return v ? v : none(); }
static Value property_fget(Value self) { return or_none(P(self)->fget); }
static Value property_fset(Value self) { return or_none(P(self)->fset); }
static Value property_fdel(Value self) { return or_none(P(self)->fdel); }
static Value property_doc(Value self) {
  Property* p = P(self);
  if (type_of(self) != types::property) {
    Value d = instance_attr_get(self, names::__doc__);
    if (d) return d;
  }
  return or_none(p->doc);
}
static bool property_set_doc(Value self, Value v) {
  if (type_of(self) != types::property) return instance_attr_set(self, names::__doc__, v) || v;
  P(self)->doc = v;
  return true;
}
static Value is_abstract(Value f) {
  if (!f) return py_bool(false);
  Value a = get_attr_or_null(f, names::__isabstractmethod__);
  if (!a) return has_error() ? Value() : py_bool(false);
  int t = truth(a);
  if (t < 0) return {};
  return py_bool(t);
}
static Value property_isabstract(Value self) {
  Property* p = P(self);
  for (Value f : {p->fget, p->fset, p->fdel}) {
    Value r = is_abstract(f);
    if (!r || r.is(singletons::true_)) return r;
  }
  return py_bool(false);
}

static const MethodDef kPropertyMethods[] = {
    {"getter", property_getter, MethodFlag::kOneArg, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, MethodFlag::kOneArg, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, MethodFlag::kOneArg, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, MethodFlag::kVarArgs, "Method to set name of a property."},
    {nullptr, nullptr, 0},
};
static const GetSetDef kPropertyGetSets[] = {
    {"fget", property_fget, nullptr, nullptr, true},
    {"fset", property_fset, nullptr, nullptr, true},
    {"fdel", property_fdel, nullptr, nullptr, true},
    {"__doc__", property_doc, property_set_doc, nullptr, true},
    {"__isabstractmethod__", property_isabstract},
    {nullptr, nullptr},
};

// ---- classmethod / staticmethod ----------------------------------------------------------

static void trace_funcwrapper(void* obj, gc::Visitor& v) {
  auto* w = static_cast<FuncWrapper*>(obj);
  v.visit(w->type);
  visit_value(v, w->func);
  visit_attrs(v, w->attrs);
}

static FuncWrapper* W(Value v) { return v.as<FuncWrapper>(); }

static Value funcwrapper_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* n = is_subtype(t, types::classmethod) ? "classmethod" : "staticmethod";
  if (!check_no_kwargs(n, kwnames)) return {};
  if (!check_nargs(n, nargs, 1, 1)) return {};
  return alloc_instance(t);
}

// functools.update_wrapper's attributes, copied into the wrapper's __dict__.
static bool copy_wrapped_attrs(Value self, Value func) {
  static const char* const kAttrs[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                       "__annotations__"};
  for (const char* a : kAttrs) {
    Str* n = intern(a);
    Value v = get_attr_or_null(func, n);
    if (!v) {
      if (has_error()) return false;
      continue;
    }
    if (!instance_attr_set(self, n, v) && has_error()) return false;
  }
  return true;
}

static bool funcwrapper_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  (void)kwnames;
  if (nargs != 1) return true;
  W(self)->func = args[0];
  return copy_wrapped_attrs(self, args[0]);
}

Value staticmethod_new(Value func) {
  auto* w = static_cast<FuncWrapper*>(alloc_instance(types::staticmethod));
  w->func = func;
  // Builtin static methods are wrapped while the types are being made.
  if (type_of(func) == types::builtin_function) return w;
  if (!copy_wrapped_attrs(w, func)) return {};
  return w;
}

Value classmethod_new(Value func) {
  auto* w = static_cast<FuncWrapper*>(alloc_instance(types::classmethod));
  w->func = func;
  if (!copy_wrapped_attrs(w, func)) return {};
  return w;
}

static Value classmethod_get(Value self, Value obj, Value type) {
  FuncWrapper* w = W(self);
  if (!w->func) return raise(exc::RuntimeError, "uninitialized classmethod object");
  if (!type) type = type_of(obj);
  // 3.9-3.12 chain through the wrapped object's __get__.
  DescrGetFn get = type_of(w->func)->slots.descr_get;
  if (get) return get(w->func, type, type);
  return method_new(w->func, type);
}

static Value staticmethod_get(Value self, Value, Value) {
  FuncWrapper* w = W(self);
  if (!w->func) return raise(exc::RuntimeError, "uninitialized staticmethod object");
  return w->func;
}

static Value staticmethod_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(W(self)->func, args, nargs, kwnames);
}

static Value funcwrapper_repr(Value self) {
  const char* n = isinstance(self, types::classmethod) ? "classmethod" : "staticmethod";
  Value f = W(self)->func;
  return str_format("<%s(%s)>", n, f ? repr_utf8(f).c_str() : "NULL");
}

static Value fw_func(Value self) { return or_none(W(self)->func); }
static Value fw_isabstract(Value self) { return is_abstract(W(self)->func); }
static Value fw_dict(Value self) { return instance_dict(self); }
static bool fw_set_dict(Value self, Value v) { return instance_set_dict(self, v); }

static const GetSetDef kFuncWrapperGetSets[] = {
    {"__func__", fw_func},
    {"__wrapped__", fw_func},
    {"__isabstractmethod__", fw_isabstract},
    {"__dict__", fw_dict, fw_set_dict},
    {nullptr, nullptr},
};

// ---- super ----------------------------------------------------------------------------------

static void trace_super(void* obj, gc::Visitor& v) {
  auto* s = static_cast<Super*>(obj);
  v.visit(s->type);
  v.visit(s->obj_type);
  visit_value(v, s->obj);
}

static Super* S(Value v) { return v.as<Super>(); }

// The type to start the MRO search from: obj itself if it is a subclass
// of type (super(C, cls) in a classmethod), else obj's class.
static Type* supercheck(Type* type, Value obj) {
  if (obj.is_object() && type_of(obj)->has_flag(TypeFlag::kTypeSubclass) &&
      is_subtype(obj.as<Type>(), type))
    return obj.as<Type>();
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  Value cls = get_attr_or_null(obj, names::__class__);
  if (cls && cls.is_object() && type_of(cls)->has_flag(TypeFlag::kTypeSubclass) &&
      cls.as<Type>() != type_of(obj) && is_subtype(cls.as<Type>(), type))
    return cls.as<Type>();
  if (!cls && has_error()) return nullptr;
  raise(exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

static Value super_new(Type* t, const Value*, size_t, Tuple*) { return alloc_instance(t); }

static bool super_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("super", kwnames)) return false;
  if (!check_nargs("super", nargs, 0, 2)) return false;
  Value type, obj;
  if (nargs == 0) {
    if (!current_frame_super_args(&type, &obj)) return false;
  } else {
    type = args[0];
    if (nargs == 2 && !is_none(args[1])) obj = args[1];
  }
  if (!type.is_object() || !type_of(type)->has_flag(TypeFlag::kTypeSubclass)) {
    raisef(exc::TypeError, "super() argument 1 must be a type, not %s", type_name(type).c_str());
    return false;
  }
  Type* obj_type = nullptr;
  if (obj) {
    obj_type = supercheck(type.as<Type>(), obj);
    if (!obj_type) return false;
  }
  Super* s = S(self);
  s->type = type.as<Type>();
  s->obj = obj;
  s->obj_type = obj_type;
  return true;
}

static Value super_getattro(Value self, Str* name) {
  Super* s = S(self);
  Type* start = s->obj_type;
  if (start && name != names::__class__) {
    Tuple* mro = start->mro;
    int64_t n = mro ? mro->length : 0;
    int64_t i = 0;
    while (i + 1 < n && mro->at(i).object() != s->type) i++;
    for (i++; i < n; i++) {
      Type* t = mro->at(i).as<Type>();
      if (!t->dict) continue;
      Value res = dict_get_str(t->dict, name);
      if (!res) {
        if (has_error()) return {};
        continue;
      }
      DescrGetFn get = type_of(res)->slots.descr_get;
      if (get) return get(res, s->obj.is(start) ? Value() : s->obj, start);
      return res;
    }
  }
  return generic_getattr(self, name);
}

static Value super_get(Value self, Value obj, Value) {
  Super* s = S(self);
  if (!obj || s->obj) return self;
  Value args[2] = {s->type, obj};
  return type_call(type_of(self), args, 2, nullptr);
}

static Value super_repr(Value self) {
  Super* s = S(self);
  std::string t = s->type ? type_name_of(s->type) : "NULL";
  if (s->obj_type)
    return str_format("<super: <class '%s'>, <%s object>>", t.c_str(),
                      type_name_of(s->obj_type).c_str());
  return str_format("<super: <class '%s'>, NULL>", t.c_str());
}

static Value super_thisclass(Value self) { return S(self)->type ? Value(S(self)->type) : none(); }
static Value super_self(Value self) { return or_none(S(self)->obj); }
static Value super_self_class(Value self) {
  return S(self)->obj_type ? Value(S(self)->obj_type) : none();
}

static const GetSetDef kSuperGetSets[] = {
    {"__thisclass__", super_thisclass},
    {"__self__", super_self},
    {"__self_class__", super_self_class},
    {nullptr, nullptr},
};

// ---- GenericAlias -----------------------------------------------------------------------------

static void trace_alias(void* obj, gc::Visitor& v) {
  auto* a = static_cast<GenericAlias*>(obj);
  v.visit(a->type);
  visit_value(v, a->origin);
  v.visit(a->args);
  visit_value(v, a->parameters);
}

static GenericAlias* A(Value v) { return v.as<GenericAlias>(); }

Value generic_alias_new(Value origin, Value args) {
  Tuple* t = is_tuple(args) ? args.as<Tuple>() : tuple_of({args});
  if (!t) return {};
  auto* a = allocate<GenericAlias>(g_alias_layout, types::generic_alias);
  a->origin = origin;
  a->args = t;
  return a;
}

Value generic_class_getitem(Value cls, const Value* args, size_t, Tuple*) {
  return generic_alias_new(cls, args[0]);
}

static Value alias_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("GenericAlias", kwnames)) return {};
  if (!check_nargs("GenericAlias", nargs, 2, 2)) return {};
  if (type == types::generic_alias) return generic_alias_new(args[0], args[1]);
  // A subclass's instance (its own size, a __dict__).
  Tuple* t = is_tuple(args[1]) ? args[1].as<Tuple>() : tuple_of({args[1]});
  if (!t) return {};
  Object* obj = alloc_instance(type);
  if (!obj) return {};
  auto* a = static_cast<GenericAlias*>(obj);
  a->origin = args[0];
  a->args = t;
  return obj;
}

static bool alias_arg_repr(Value v, std::string* out) {
  if (v.is(singletons::ellipsis)) {
    *out += "...";
    return true;
  }
  if (isinstance(v, types::generic_alias)) {
    Value r = repr(v);
    if (!r) return false;
    *out += str_to_utf8(r.as<Str>());
    return true;
  }
  // Objects with __origin__ and __args__ (typing's aliases) use their repr.
  Value origin = get_attr_or_null(v, intern("__origin__"));
  if (has_error()) return false;
  if (origin) {
    Value a = get_attr_or_null(v, intern("__args__"));
    if (has_error()) return false;
    if (a) {
      Value r = repr(v);
      if (!r) return false;
      *out += str_to_utf8(r.as<Str>());
      return true;
    }
  }
  Value qn = get_attr_or_null(v, names::__qualname__);
  if (has_error()) return false;
  Value mod = qn ? get_attr_or_null(v, names::__module__) : Value();
  if (has_error()) return false;
  if (qn && mod && is_str(qn) && is_str(mod)) {
    std::string m = str_to_utf8(mod.as<Str>());
    if (m != "builtins") *out += m + ".";
    *out += str_to_utf8(qn.as<Str>());
    return true;
  }
  Value r = repr(v);
  if (!r) return false;
  *out += str_to_utf8(r.as<Str>());
  return true;
}

static Value alias_repr(Value self) {
  GenericAlias* a = A(self);
  std::string out = a->starred ? "*" : "";
  if (!alias_arg_repr(a->origin, &out)) return {};
  out += "[";
  for (int64_t i = 0; i < a->args->length; i++) {
    if (i) out += ", ";
    if (!alias_arg_repr(a->args->at(i), &out)) return {};
  }
  if (a->args->length == 0) out += "()";
  out += "]";
  return str_from_utf8(out);
}

static Value alias_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value r = call(A(self)->origin, args, nargs, kwnames);
  if (!r) return {};
  // Like CPython, try to record the alias on the instance; ignore failures.
  Value b = r;
  if (!set_attr(b, intern("__orig_class__"), self)) {
    if (error_matches(exc::AttributeError) || error_matches(exc::TypeError))
      clear_error();
    else
      return {};
  }
  return r;
}

// Everything but a few names comes from the origin (CPython's
// ga_getattro): list[int].append is list.append.
static Value alias_getattro(Value self, Str* name) {
  static const char* const kOwn[] = {"__class__", "__origin__", "__args__", "__unpacked__",
                                     "__parameters__", "__typing_unpacked_tuple_args__",
                                     "__mro_entries__", "__reduce_ex__", "__reduce__",
                                     "__copy__", "__deepcopy__"};
  std::string n = str_to_utf8(name);
  for (const char* o : kOwn)
    if (n == o) return generic_getattr(self, name);
  return get_attr(A(self)->origin, name);
}

static Value alias_instancecheck(Value, const Value*, size_t, Tuple*) {
  return raise(exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
static Value alias_subclasscheck(Value, const Value*, size_t, Tuple*) {
  return raise(exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static Value alias_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !isinstance(b, types::generic_alias))
    return not_implemented();
  if (A(a)->starred != A(b)->starred) return py_bool(op == CompareOp::kNe);
  int e = equal(A(a)->origin, A(b)->origin);
  if (e < 0) return {};
  if (e) {
    e = equal(A(a)->args, A(b)->args);
    if (e < 0) return {};
  }
  return py_bool(op == CompareOp::kEq ? e : !e);
}

static int64_t alias_hash(Value self) {
  int64_t h0 = hash(A(self)->origin);
  if (h0 == -1) return -1;
  int64_t h1 = hash(A(self)->args);
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

static Value alias_origin(Value self) { return A(self)->origin; }
static Value alias_args(Value self) { return A(self)->args; }
static Value alias_parameters(Value self) {
  GenericAlias* a = A(self);
  if (!a->parameters) a->parameters = tuple_empty();
  return a->parameters;
}
static Value alias_unpacked(Value self) { return py_bool(A(self)->starred); }
// tuple[int, str] starred: its arguments (typing's unpacking), else None.
static Value alias_unpacked_tuple_args(Value self) {
  GenericAlias* a = A(self);
  if (a->starred && a->origin.is(types::tuple)) return a->args;
  return none();
}
// iter(list[int]) gives one item, the starred alias *list[int] (so
// `*tuple[int, ...]` works in subscripts), as CPython 3.11.
// TODO(#6): CPython's iterator type is generic_alias_iterator; this is a tuple_iterator.
static Value alias_iter(Value self) {
  GenericAlias* a = A(self);
  Value starred = generic_alias_new(a->origin, a->args);
  if (!starred) return {};
  A(starred)->starred = true;
  return get_iter(tuple_of({starred}));
}
static Value alias_mro_entries(Value self, const Value*, size_t, Tuple*) {
  return tuple_of({A(self)->origin});
}
// CPython's ga_reduce: (type(self), (origin, args)). TODO(#6): a starred
// alias reduces to next(iter(GenericAlias(origin, args))) there, which
// needs the generic_alias_iterator type (its own reduce); refused for now.
static Value alias_reduce(Value self, const Value*, size_t, Tuple*) {
  GenericAlias* a = A(self);
  if (a->starred)
    return raisef(exc::TypeError, "cannot pickle '%s' object", type_name(self).c_str());
  Tuple* args = tuple_of({a->origin, a->args});
  if (!args) return {};
  return tuple_of({type_of(self), args});
}
static Value alias_getitem(Value self, Value) {
  return raisef(exc::TypeError, "%s is not a generic class", repr_utf8(self).c_str());
}

static const MethodDef kAliasMethods[] = {
    {"__mro_entries__", alias_mro_entries, MethodFlag::kOneArg},
    {"__instancecheck__", alias_instancecheck, MethodFlag::kOneArg},
    {"__subclasscheck__", alias_subclasscheck, MethodFlag::kOneArg},
    {"__reduce__", alias_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
static const GetSetDef kAliasGetSets[] = {
    {"__origin__", alias_origin},
    {"__args__", alias_args},
    {"__parameters__", alias_parameters},
    {"__unpacked__", alias_unpacked},
    {"__typing_unpacked_tuple_args__", alias_unpacked_tuple_args},
    {nullptr, nullptr},
};


// ---- types.UnionType (int | str) ---------------------------------------------------------

static gc::LayoutId g_union_layout;

struct UnionObject : Object {
  Tuple* args;
};

static void trace_union(void* obj, gc::Visitor& v) {
  auto* u = static_cast<UnionObject*>(obj);
  v.visit(u->type);
  v.visit(u->args);
}

static bool is_unionable(Value v) {
  if (is_none(v)) return true;
  if (v.is_object() && type_of(v)->has_flag(TypeFlag::kTypeSubclass)) return true;
  Type* t = type_of(v);
  return t == types::union_type || isinstance(v, types::generic_alias);
}

// Flattens unions, maps None to NoneType, drops duplicates; one argument
// left is returned as itself.
Value union_new(Value a, Value b) {
  if (!is_unionable(a) || !is_unionable(b)) return not_implemented();
  std::vector<Value> items;
  for (Value x : {a, b}) {
    if (type_of(x) == types::union_type) {
      Tuple* t = x.as<UnionObject>()->args;
      for (int64_t i = 0; i < t->length; i++) items.push_back(t->at(i));
    } else {
      items.push_back(is_none(x) ? Value(types::none_type) : x);
    }
  }
  std::vector<Value> uniq;
  for (Value x : items) {
    bool dup = false;
    for (Value y : uniq) {
      int e = (x.is(y)) ? 1 : (isinstance(x, types::generic_alias) && isinstance(y, types::generic_alias)
                                   ? equal(x, y)
                                   : 0);
      if (e < 0) return {};
      if (e) {
        dup = true;
        break;
      }
    }
    if (!dup) uniq.push_back(x);
  }
  if (uniq.size() == 1) return uniq[0];
  Tuple* t = tuple_from_array(uniq.data(), int64_t(uniq.size()));
  if (!t) return {};
  auto* u = allocate<UnionObject>(g_union_layout, types::union_type);
  u->args = t;
  return u;
}

static Value union_or(Value a, Value b) { return union_new(a, b); }

static Value union_repr(Value self) {
  Tuple* t = self.as<UnionObject>()->args;
  std::string out;
  for (int64_t i = 0; i < t->length; i++) {
    if (i) out += " | ";
    Value x = t->at(i);
    if (x.is(types::none_type)) {
      out += "None";
    } else if (!alias_arg_repr(x, &out)) {
      return {};
    }
  }
  return str_from_utf8(out);
}

static Value union_args(Value self) { return self.as<UnionObject>()->args; }
static Value union_parameters(Value) { return tuple_empty(); }

static Value union_check(Value self, Value arg, bool sub) {
  Tuple* t = self.as<UnionObject>()->args;
  for (int64_t i = 0; i < t->length; i++) {
    Value c = t->at(i);
    if (isinstance(c, types::generic_alias))
      return raisef(exc::TypeError, "%s() argument 2 cannot be a parameterized generic",
                    sub ? "issubclass" : "isinstance");
    int r = sub ? issubclass_full(arg, c) : isinstance_full(arg, c);
    if (r < 0) return {};
    if (r) return py_bool(true);
  }
  return py_bool(false);
}
static Value union_instancecheck(Value self, const Value* args, size_t, Tuple*) {
  return union_check(self, args[0], false);
}
static Value union_subclasscheck(Value self, const Value* args, size_t, Tuple*) {
  return union_check(self, args[0], true);
}

static Value union_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || type_of(b) != types::union_type)
    return not_implemented();
  Tuple* x = a.as<UnionObject>()->args;
  Tuple* y = b.as<UnionObject>()->args;
  // Equal as sets.
  auto subset = [](Tuple* p, Tuple* q) -> int {
    for (int64_t i = 0; i < p->length; i++) {
      bool found = false;
      for (int64_t j = 0; j < q->length && !found; j++) {
        int e = equal(p->at(i), q->at(j));
        if (e < 0) return -1;
        found = e;
      }
      if (!found) return 0;
    }
    return 1;
  };
  int r = subset(x, y);
  if (r > 0) r = subset(y, x);
  if (r < 0) return {};
  return py_bool(op == CompareOp::kEq ? r : !r);
}

// hash(frozenset(args)), as CPython (and typing.Union) computes it.
static int64_t union_hash(Value self) {
  Value a[1] = {self.as<UnionObject>()->args};
  Value fs = type_call(types::frozenset, a, 1, nullptr);
  if (!fs) return -1;
  return hash(fs);
}

static Value union_getitem(Value self, Value) {
  return raisef(exc::TypeError, "%s is not a generic class", repr_utf8(self).c_str());
}

static const MethodDef kUnionMethods[] = {
    {"__instancecheck__", union_instancecheck, MethodFlag::kOneArg},
    {"__subclasscheck__", union_subclasscheck, MethodFlag::kOneArg},
    {nullptr, nullptr, 0},
};
static const GetSetDef kUnionGetSets[] = {
    {"__args__", union_args},
    {"__parameters__", union_parameters},
    {nullptr, nullptr},
};

// ---- init --------------------------------------------------------------------------------------

void init_descriptors() {
  g_property_layout = register_object_layout("property", sizeof(Property), trace_property);
  g_funcwrapper_layout =
      register_object_layout("classmethod", sizeof(FuncWrapper), trace_funcwrapper);
  g_super_layout = register_object_layout("super", sizeof(Super), trace_super);
  g_alias_layout = register_object_layout("GenericAlias", sizeof(GenericAlias), trace_alias);
  {
    TypeSpec s;
    s.name = "property";
    s.layout = g_property_layout;
    s.flags = TypeFlag::kBaseType;
    s.slots.new_ = property_new;
    s.slots.init = property_init;
    s.slots.descr_get = property_get;
    s.slots.descr_set = property_set;
    s.methods = kPropertyMethods;
    s.getsets = kPropertyGetSets;
    s.doc = "Property attribute.";
    make_builtin_type(&types::property, s);
  }
  {
    TypeSpec s;
    s.name = "classmethod";
    s.layout = g_funcwrapper_layout;
    s.flags = TypeFlag::kBaseType;
    s.attrs_offset = int32_t(offsetof(FuncWrapper, attrs));
    s.slots.new_ = funcwrapper_new;
    s.slots.init = funcwrapper_init;
    s.slots.descr_get = classmethod_get;
    s.slots.repr = funcwrapper_repr;
    s.getsets = kFuncWrapperGetSets;
    s.doc = "classmethod(function) -> method\n\nConvert a function to be a class method.";
    make_builtin_type(&types::classmethod, s);
  }
  {
    TypeSpec s;
    s.name = "staticmethod";
    s.layout = g_funcwrapper_layout;
    s.flags = TypeFlag::kBaseType;
    s.attrs_offset = int32_t(offsetof(FuncWrapper, attrs));
    s.slots.new_ = funcwrapper_new;
    s.slots.init = funcwrapper_init;
    s.slots.descr_get = staticmethod_get;
    s.slots.call = staticmethod_call;
    s.slots.repr = funcwrapper_repr;
    s.getsets = kFuncWrapperGetSets;
    s.doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.";
    make_builtin_type(&types::staticmethod, s);
  }
  {
    TypeSpec s;
    s.name = "super";
    s.layout = g_super_layout;
    s.flags = TypeFlag::kBaseType;
    s.slots.new_ = super_new;
    s.slots.init = super_init;
    s.slots.getattr = super_getattro;
    s.slots.descr_get = super_get;
    s.slots.repr = super_repr;
    s.getsets = kSuperGetSets;
    s.doc = "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)";
    make_builtin_type(&types::super_, s);
  }
  {
    TypeSpec s;
    s.name = "GenericAlias";
    s.module = "types";
    s.layout = g_alias_layout;
    s.flags = TypeFlag::kBaseType;
    s.slots.new_ = alias_new;
    s.slots.repr = alias_repr;
    s.slots.call = alias_call;
    s.slots.getattr = alias_getattro;
    s.slots.compare = alias_compare;
    s.slots.hash = alias_hash;
    s.slots.getitem = alias_getitem;
    s.slots.iter = alias_iter;
    s.slots.binary[int(BinaryOp::kOr)] = union_or;
    s.methods = kAliasMethods;
    s.getsets = kAliasGetSets;
    make_builtin_type(&types::generic_alias, s);
  }
  g_union_layout = register_object_layout("UnionType", sizeof(UnionObject), trace_union);
  {
    TypeSpec s;
    s.name = "UnionType";
    s.module = "types";
    s.layout = g_union_layout;
    s.slots.repr = union_repr;
    s.slots.compare = union_compare;
    s.slots.hash = union_hash;
    s.slots.getitem = union_getitem;
    s.slots.binary[int(BinaryOp::kOr)] = union_or;
    s.methods = kUnionMethods;
    s.getsets = kUnionGetSets;
    make_builtin_type(&types::union_type, s);
  }
}

}  // namespace pyrite::python
