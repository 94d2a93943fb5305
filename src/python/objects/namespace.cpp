// types.SimpleNamespace: an object whose attributes are its keyword
// arguments (docs/objects.md, "SimpleNamespace"); sys.implementation is one.
#include "python/objects/namespace.h"

#include <string>

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/map.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

struct Namespace : Object {
  InstanceAttrs attrs;
};

gc::LayoutId g_namespace_layout;
Type* g_namespace_type = nullptr;

void trace_namespace(void* p, gc::Visitor& v) {
  auto* n = static_cast<Namespace*>(p);
  v.visit(n->type);
  v.visit(n->attrs.map);
  v.visit(n->attrs.storage);
}

Value ns_new(Type* type, const Value*, size_t, Tuple*) { return alloc_instance(type); }

// SimpleNamespace(**kwargs): the keyword values follow the positional ones.
Value ns_init_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 0) return raise(exc::TypeError, "no positional arguments expected");
  for (int64_t i = 0; kwnames && i < kwnames->length; i++) {
    if (!set_attr(self, kwnames->at(i).as<Str>(), args[nargs + i])) return {};
  }
  return none();
}

bool ns_init_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return bool(ns_init_method(self, args, nargs, kwnames));
}

Value ns_repr(Value self) {
  Type* t = type_of(self);
  std::string name = t == g_namespace_type ? "namespace" : str_to_utf8(t->name);
  if (repr_enter(self)) return str_from_utf8(name + "(...)");
  Value d = instance_dict(self);
  if (!d) {
    repr_leave(self);
    return {};
  }
  std::string out = name + "(";
  bool first = true;
  int64_t i = 0;
  Value k, v;
  while (dict_next(d.as<Dict>(), &i, &k, &v)) {
    if (!is_str(k) || k.as<Str>()->length == 0) continue;
    Value r = repr(v);
    if (!r) {
      repr_leave(self);
      return {};
    }
    if (!first) out += ", ";
    first = false;
    out += str_to_utf8(k.as<Str>()) + "=" + str_to_utf8(r.as<Str>());
  }
  repr_leave(self);
  return str_from_utf8(out + ")");
}

Value ns_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !is_subtype(type_of(a), g_namespace_type) ||
      !is_subtype(type_of(b), g_namespace_type))
    return not_implemented();
  Value da = instance_dict(a);
  Value db = da ? instance_dict(b) : Value();
  if (!db) return {};
  return compare(da, db, op);
}

Value ns_reduce(Value self, const Value*, size_t, Tuple*) {
  Value d = instance_dict(self);
  if (!d) return {};
  Tuple* empty = tuple_new(0);
  if (!empty) return {};
  Tuple* r = tuple_of({type_of(self), empty, d});
  return r ? Value(r) : Value();
}

Value ns_get_dict(Value self) { return instance_dict(self); }

const MethodDef kNamespaceMethods[] = {
    {"__reduce__", ns_reduce, MethodFlag::kNoArgs, "Return state information for pickling"},
    {nullptr, nullptr, 0},
};

const GetSetDef kNamespaceGetSets[] = {
    {"__dict__", ns_get_dict, nullptr, nullptr, true},  // CPython's read-only member
    {nullptr, nullptr},
};

}  // namespace

Type* simple_namespace_type() { return g_namespace_type; }

Value namespace_new(std::initializer_list<std::pair<const char*, Value>> attrs) {
  Value ns = alloc_instance(g_namespace_type);
  for (const auto& [name, value] : attrs) {
    if (!set_attr(ns, intern(name), value)) return {};
  }
  return ns;
}

void init_namespace() {
  g_namespace_layout = register_object_layout("SimpleNamespace", sizeof(Namespace), trace_namespace);
  TypeSpec spec;
  spec.name = "SimpleNamespace";
  spec.module = "types";
  spec.layout = g_namespace_layout;
  spec.instance_size = sizeof(Namespace);
  spec.trace = trace_namespace;
  spec.flags = TypeFlag::kBaseType;
  spec.attrs_offset = int32_t(offsetof(Namespace, attrs));
  spec.slots.new_ = ns_new;
  spec.slots.init = ns_init_slot;
  spec.slots.repr = ns_repr;
  spec.slots.compare = ns_compare;
  spec.methods = kNamespaceMethods;
  spec.getsets = kNamespaceGetSets;
  spec.doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)";
  make_builtin_type(&g_namespace_type, spec);
}

}  // namespace pyrite::python
