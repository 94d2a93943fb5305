// The _weakref module: weak references over the collector's weak slots
// (docs/interp.md, "Weak references").
//
// A ref holds its referent in a slot registered with the heap as weak: the
// collector nulls it when the referent dies and, for refs with a callback,
// queues the layout's weak_cleared hook, which the interpreter runs at its
// next safe point (run_gc_hooks) by calling callback(ref).
#include <cstdio>

#include "python/interp/pyrun.h"
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

namespace pyrite::python {

namespace {

struct WeakRef : Object {
  Object* referent;   // weak: nulled by the collector
  Value callback;
  int64_t hash;       // -1 until computed
  InstanceAttrs attrs;  // subclasses of ref may carry attributes
};

gc::LayoutId g_ref_layout;
Type* g_ref_type = nullptr;

void trace_ref(void* p, gc::Visitor& v) {
  auto* r = static_cast<WeakRef*>(p);
  v.visit(r->type);
  // referent is weak: not visited.
  visit_value(v, r->callback);
}

// The collector cleared the slot of a ref with a callback.
void ref_cleared(void* owner, void**) {
  auto* r = static_cast<WeakRef*>(owner);
  Value cb = r->callback;
  r->callback = Value();
  if (!cb || is_none(cb)) return;
  Value arg = r;
  if (!call(cb, &arg, 1)) {
    Object* e = take_error();
    std::fflush(stdout);
    std::string where = repr_utf8(cb);
    std::fprintf(stderr, "Exception ignored in: %s\n", where.c_str());
    std::string text = format_exception(e);
    std::fwrite(text.data(), 1, text.size(), stderr);
    clear_error();
  }
}

// Which objects can be referenced weakly: as CPython, instances of classes
// (unless __slots__ leaves out __weakref__), functions, types, sets,
// generators, modules, methods, code objects.
bool weakrefable(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  // TODO(#3): refuse instances of classes whose __slots__ leave out __weakref__.
  if (t->is_heap_type()) return true;
  return t == types::function || t == types::type || t == types::set || t == types::frozenset ||
         t == types::module || t == types::method || t == types::code || t->has_flag(TypeFlag::kTypeSubclass) ||
         t->name == intern("generator") || t->name == intern("coroutine") || t == g_ref_type;
}

WeakRef* wr(Value v) { return v.as<WeakRef>(); }

Value ref_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) {
    return raisef(exc::TypeError, "%s() takes no keyword arguments", str_to_utf8(type->name).c_str());
  }
  if (nargs < 1 || nargs > 2) {
    return raisef(exc::TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
  }
  Value target = args[0];
  if (!weakrefable(target)) {
    return raisef(exc::TypeError, "cannot create weak reference to '%s' object", type_name(target).c_str());
  }
  Value cb = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
  auto* r = reinterpret_cast<WeakRef*>(alloc_instance(type));
  r->referent = target.object();
  r->callback = cb;
  r->hash = -1;
  gc::Heap::current()->add_weak(reinterpret_cast<void**>(&r->referent), r, /*notify=*/true);
  return r;
}

bool ref_init(Value, const Value*, size_t, Tuple*) { return true; }

Value ref_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("weakref", nargs, 0, 0) || !check_no_kwargs("weakref", kwnames)) return {};
  Object* o = wr(self)->referent;
  return o ? Value(o) : none();
}

Value ref_repr(Value self) {
  Object* o = wr(self)->referent;
  if (!o) return str_format("<weakref at %p; dead>", static_cast<void*>(self.object()));
  Value name = get_attr_or_null(o, intern("__name__"));
  clear_error();
  if (name && is_str(name)) {
    return str_format("<weakref at %p; to '%s' at %p (%s)>", static_cast<void*>(self.object()), type_name(o).c_str(),
                      static_cast<void*>(o), str_to_utf8(name.as<Str>()).c_str());
  }
  return str_format("<weakref at %p; to '%s' at %p>", static_cast<void*>(self.object()), type_name(o).c_str(),
                    static_cast<void*>(o));
}

int64_t ref_hash(Value self) {
  WeakRef* r = wr(self);
  if (r->hash != -1) return r->hash;
  if (!r->referent) {
    raise(exc::TypeError, "weak object has gone away");
    return -1;
  }
  r->hash = hash(r->referent);
  return r->hash;
}

Value ref_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !isinstance(b, g_ref_type)) return not_implemented();
  Object* x = wr(a)->referent;
  Object* y = wr(b)->referent;
  if (!x || !y) {
    bool same = a.is(b);
    return py_bool(op == CompareOp::kEq ? same : !same);
  }
  return compare(x, y, op);
}

Value ref_callback_get(Value self) { return wr(self)->callback ? wr(self)->callback : none(); }

const GetSetDef kRefGetSets[] = {
    {"__callback__", ref_callback_get},
    {nullptr, nullptr},
};

// ---- module functions ----
int64_t count_refs(Value target) {
  int64_t n = 0;
  gc::Heap::current()->for_each_object([&](void* p, size_t) {
    auto* o = static_cast<Object*>(p);
    if (o->type && isinstance(Value(o), g_ref_type) && static_cast<WeakRef*>(o)->referent == target.object()) n++;
  });
  return n;
}

Value w_getweakrefcount(Value, const Value* args, size_t, Tuple*) {
  if (!weakrefable(args[0])) return Value::small(0);
  return int_from_i64(count_refs(args[0]));
}

Value w_getweakrefs(Value, const Value* args, size_t, Tuple*) {
  List* l = list_new();
  if (!weakrefable(args[0])) return l;
  std::vector<Object*> found;
  gc::Heap::current()->for_each_object([&](void* p, size_t) {
    auto* o = static_cast<Object*>(p);
    if (o->type && isinstance(Value(o), g_ref_type) && static_cast<WeakRef*>(o)->referent == args[0].object()) {
      found.push_back(o);
    }
  });
  for (Object* o : found) {
    if (!list_append(l, o)) return {};
  }
  return l;
}

Value w_remove_dead_weakref(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_remove_dead_weakref", nargs, 2, 2)) return {};
  if (!is_dict(args[0])) return raise(exc::TypeError, "not a dict");
  Value v = dict_get(args[0].as<Dict>(), args[1]);
  if (!v) return has_error() ? Value() : none();
  if (isinstance(v, g_ref_type) && !wr(v)->referent) {
    if (dict_del(args[0].as<Dict>(), args[1]) < 0) return {};
  }
  return none();
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", w_getweakrefcount, MethodFlag::kOneArg},
    {"getweakrefs", w_getweakrefs, MethodFlag::kOneArg},
    {"_remove_dead_weakref", w_remove_dead_weakref, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_weakref_module() {
  if (!g_ref_type) {
    gc::LayoutInfo info;
    info.name = "weakref";
    info.trace = trace_ref;
    info.fixed_size = sizeof(WeakRef);
    info.weak_cleared = ref_cleared;
    g_ref_layout = gc::register_layout(info);
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
    make_builtin_type(&g_ref_type, spec);
  }
  Module* m = module_new(intern("_weakref"));
  for (const MethodDef* def = kWeakrefFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m));
  }
  dict_set_str(m->dict, intern("ref"), g_ref_type);
  dict_set_str(m->dict, intern("ReferenceType"), g_ref_type);
  return m;
}

}  // namespace pyrite::python
