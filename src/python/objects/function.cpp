// Python functions and bound methods (docs/interp.md, "Functions").
#include "python/objects/function.h"

#include <memory>

#include "python/interp/pyrun.h"
#include "python/interp/runtime_ops.h"
#include "python/objects/cell.h"
#include "python/objects/native.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

gc::LayoutId kFunctionLayout;
gc::LayoutId kMethodLayout;

namespace {

uint64_t g_function_versions = 1;

void trace_function(void* p, gc::Visitor& v) {
  auto* f = static_cast<Function*>(p);
  v.visit(f->type);
  v.visit(f->code);
  v.visit(f->globals);
  v.visit(f->builtins);
  v.visit(f->name);
  v.visit(f->qualname);
  visit_value(v, f->module);
  v.visit(f->defaults);
  v.visit(f->kwdefaults);
  v.visit(f->closure);
  visit_value(v, f->doc);
  visit_value(v, f->annotations);
  v.visit(f->dict);
}

void trace_method(void* p, gc::Visitor& v) {
  auto* m = static_cast<Method*>(p);
  v.visit(m->type);
  visit_value(v, m->func);
  visit_value(v, m->self);
}

Function* fn(Value v) { return v.as<Function>(); }

Value function_call_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call_function(fn(self), args, nargs, kwnames);
}

Value function_repr(Value self) {
  return str_format("<function %s at %p>", str_to_utf8(fn(self)->qualname).c_str(), static_cast<void*>(self.object()));
}

Value function_descr_get(Value self, Value obj, Value type) {
  if (!obj || is_none(obj)) return self;
  return method_new(self, obj);
}

// ---- getsets ----
Value get_name(Value s) { return fn(s)->name; }
bool set_name(Value s, Value v) {
  if (!v || !is_str(v)) {
    raise(exc::TypeError, "__name__ must be set to a string object");
    return false;
  }
  fn(s)->name = v.as<Str>();
  return true;
}
Value get_qualname(Value s) { return fn(s)->qualname; }
bool set_qualname(Value s, Value v) {
  if (!v || !is_str(v)) {
    raise(exc::TypeError, "__qualname__ must be set to a string object");
    return false;
  }
  fn(s)->qualname = v.as<Str>();
  return true;
}
Value get_code(Value s) { return fn(s)->code; }
bool set_code(Value s, Value v) {
  if (!v || type_of(v) != types::code) {
    raise(exc::TypeError, "__code__ must be set to a code object");
    return false;
  }
  // The closure must fit the new code's free variables.
  int64_t nfree = v.as<Code>()->nfreevars;
  int64_t nclosure = fn(s)->closure ? fn(s)->closure->length : 0;
  if (nclosure != nfree) {
    raisef(exc::ValueError, "%s() requires a code object with %lld free vars, not %lld",
           str_to_utf8(fn(s)->name).c_str(), static_cast<long long>(nclosure), static_cast<long long>(nfree));
    return false;
  }
  fn(s)->code = v.as<Code>();
  fn(s)->version = g_function_versions++;
  return true;
}
Value get_defaults(Value s) { return fn(s)->defaults ? Value(fn(s)->defaults) : none(); }
bool set_defaults(Value s, Value v) {
  if (!v || is_none(v)) {
    fn(s)->defaults = nullptr;
  } else if (!is_tuple(v)) {
    raise(exc::TypeError, "__defaults__ must be set to a tuple object");
    return false;
  } else {
    fn(s)->defaults = v.as<Tuple>();
  }
  fn(s)->version = g_function_versions++;
  return true;
}
Value get_kwdefaults(Value s) { return fn(s)->kwdefaults ? Value(fn(s)->kwdefaults) : none(); }
bool set_kwdefaults(Value s, Value v) {
  if (!v || is_none(v)) {
    fn(s)->kwdefaults = nullptr;
  } else if (!is_dict(v)) {
    raise(exc::TypeError, "__kwdefaults__ must be set to a dict object");
    return false;
  } else {
    fn(s)->kwdefaults = v.as<Dict>();
  }
  return true;
}
Value get_closure(Value s) { return fn(s)->closure ? Value(fn(s)->closure) : none(); }
Value get_globals(Value s) { return fn(s)->globals; }
Value get_builtins(Value s) { return fn(s)->builtins; }
Value get_doc(Value s) { return fn(s)->doc ? fn(s)->doc : none(); }
bool set_doc(Value s, Value v) {
  fn(s)->doc = v ? v : none();
  return true;
}
Value get_module(Value s) { return fn(s)->module ? fn(s)->module : none(); }
bool set_module(Value s, Value v) {
  fn(s)->module = v ? v : none();
  return true;
}
Value get_annotations(Value s) {
  Function* f = fn(s);
  if (!f->annotations || is_none(f->annotations)) {
    f->annotations = dict_new();
  } else if (is_tuple(f->annotations)) {
    // MAKE_FUNCTION stores (name, value, ...) pairs; the dict is made on first use.
    Tuple* t = f->annotations.as<Tuple>();
    Dict* d = dict_new();
    for (int64_t i = 0; i + 1 < t->length; i += 2) {
      if (!dict_set(d, t->at(i), t->at(i + 1))) return {};
    }
    f->annotations = d;
  }
  return f->annotations;
}
bool set_annotations(Value s, Value v) {
  if (v && !is_none(v) && !is_dict(v)) {
    raise(exc::TypeError, "__annotations__ must be set to a dict object");
    return false;
  }
  fn(s)->annotations = v ? v : Value();
  return true;
}
Value get_dict(Value s) {
  if (!fn(s)->dict) fn(s)->dict = dict_new();
  return fn(s)->dict;
}
bool set_dict(Value s, Value v) {
  if (!v || !is_dict(v)) {
    raise(exc::TypeError, "__dict__ must be set to a dictionary");
    return false;
  }
  fn(s)->dict = v.as<Dict>();
  return true;
}

const GetSetDef kFunctionGetSets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__code__", get_code, set_code},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    // CPython's members (types.MemberDescriptorType is type(f.__globals__)).
    {"__closure__", get_closure, nullptr, nullptr, true},
    {"__globals__", get_globals, nullptr, nullptr, true},
    {"__builtins__", get_builtins, nullptr, nullptr, true},
    {"__doc__", get_doc, set_doc, nullptr, true},
    {"__module__", get_module, set_module, nullptr, true},
    {"__annotations__", get_annotations, set_annotations},
    {"__dict__", get_dict, set_dict},
    {nullptr, nullptr},
};

// Function attributes other than the getsets live in __dict__.
Value function_getattr(Value self, Str* name) {
  Value v = generic_getattr_or_null(self, name);
  if (v || has_error()) return v;
  if (Dict* d = fn(self)->dict) {
    Value x = dict_get_str(d, name);
    if (x || has_error()) return x;
  }
  return raisef(exc::AttributeError, "'function' object has no attribute '%s'", str_to_utf8(name).c_str());
}

bool function_setattr(Value self, Str* name, Value v) {
  Value descr = type_lookup(types::function, name);
  if (descr) return generic_setattr(self, name, v);
  if (!fn(self)->dict) fn(self)->dict = dict_new();
  if (v) return dict_set_str(fn(self)->dict, name, v);
  int r = dict_del_str(fn(self)->dict, name);
  if (r == 0) {
    raisef(exc::AttributeError, "'function' object has no attribute '%s'", str_to_utf8(name).c_str());
    return false;
  }
  return r > 0;
}

// ---- bound methods ----
Method* mt(Value v) { return v.as<Method>(); }

Value method_call_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? static_cast<size_t>(kwnames->length) : 0);
  Value small[8];
  std::unique_ptr<Value[]> big;
  Value* buf = small;
  if (total + 1 > 8) {
    big.reset(new Value[total + 1]);
    buf = big.get();
  }
  buf[0] = mt(self)->self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(mt(self)->func, buf, nargs + 1, kwnames);
}

Value method_repr(Value self) {
  Method* m = mt(self);
  // __qualname__, else __name__, else "?" (as CPython's method repr).
  auto func_name = [&]() -> std::string {
    for (const char* attr : {"__qualname__", "__name__"}) {
      Value n = get_attr_str(m->func, attr);
      if (n && is_str(n)) return str_to_utf8(n.as<Str>());
      clear_error();
    }
    return "?";
  };
  std::string name = func_name();
  Value r = repr(m->self);
  if (!r) return {};
  return str_format("<bound method %s of %s>", name.c_str(), str_to_utf8(r.as<Str>()).c_str());
}

Value method_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !is_method(b)) return not_implemented();
  bool eq = mt(a)->self.is(mt(b)->self);
  if (eq) {
    int r = equal(mt(a)->func, mt(b)->func);
    if (r < 0) return {};
    eq = r != 0;
  }
  return py_bool(op == CompareOp::kEq ? eq : !eq);
}

int64_t method_hash(Value self) {
  int64_t a = static_cast<int64_t>(mt(self)->self.bits() >> 4);
  int64_t b = hash(mt(self)->func);
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

Value method_getattr(Value self, Str* name) {
  Value v = generic_getattr_or_null(self, name);
  if (v || has_error()) return v;
  return get_attr(mt(self)->func, name);
}

Value get_func(Value s) { return mt(s)->func; }
Value get_self(Value s) { return mt(s)->self; }
Value get_method_doc(Value s) { return get_attr_str(mt(s)->func, "__doc__"); }

const GetSetDef kMethodGetSets[] = {
    {"__func__", get_func},
    {"__self__", get_self},
    {"__doc__", get_method_doc},
    {nullptr, nullptr},
};

}  // namespace

Function* function_new(Code* code, Dict* globals, Str* qualname) {
  auto* f = allocate<Function>(kFunctionLayout, types::function);
  f->code = code;
  f->globals = globals;
  f->name = code->name;
  f->qualname = qualname ? qualname : code->qualname;
  // The docstring is the first constant of a function whose body starts
  // with one (the compiler puts it there, or None).
  f->doc = code->consts->length > 0 && is_str(code->consts->at(0)) && (code->flags & 0x4000000) == 0
               ? code->consts->at(0)
               : none();
  f->version = g_function_versions++;
  static Str* const kName = intern("__name__");
  Value m = dict_get_str(globals, kName);
  f->module = m ? m : none();
  clear_error();
  return f;
}

namespace {

// function(code, globals, name=None, argdefs=None, closure=None)
Value function_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"code", "globals", "name", "argdefs", "closure", nullptr};
  Value code, globals, name, argdefs, closure;
  ArgSpec spec{"function", kNames, 2, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&code, &globals, &name, &argdefs, &closure})) return {};
  if (!code.is_object() || code.object()->type != types::code)
    return raisef(exc::TypeError, "function() argument 'code' must be code, not %s", type_name(code).c_str());
  if (!is_dict(globals))
    return raisef(exc::TypeError, "function() argument 'globals' must be dict, not %s", type_name(globals).c_str());
  if (name && !is_none(name) && !is_str(name)) return raise(exc::TypeError, "arg 3 (name) must be None or string");
  if (argdefs && !is_none(argdefs) && !is_tuple(argdefs))
    return raise(exc::TypeError, "arg 4 (defaults) must be None or tuple");
  Code* c = code.as<Code>();
  int64_t nfree = c->nfreevars;
  if (closure && !is_none(closure) && !is_tuple(closure))
    return raise(exc::TypeError, "arg 5 (closure) must be None or tuple");
  int64_t nclosure = closure && is_tuple(closure) ? closure.as<Tuple>()->length : 0;
  if (nfree && nclosure == 0 && !(closure && is_tuple(closure)))
    return raise(exc::TypeError, "arg 5 (closure) must be tuple");
  if (nfree != nclosure) {
    return raisef(exc::ValueError, "%s requires closure of length %lld, not %lld", str_to_utf8(c->name).c_str(),
                  (long long)nfree, (long long)nclosure);
  }
  for (int64_t i = 0; i < nclosure; i++) {
    Value cell = closure.as<Tuple>()->at(i);
    if (!cell.is_object() || cell.object()->type != types::cell)
      return raisef(exc::TypeError, "arg 5 (closure) expected cell, found %s", type_name(cell).c_str());
  }
  Function* f = function_new(c, globals.as<Dict>(), nullptr);
  f->builtins = builtins_for_globals(globals.as<Dict>());
  if (name && is_str(name)) f->name = name.as<Str>();
  if (argdefs && is_tuple(argdefs)) f->defaults = argdefs.as<Tuple>();
  if (nclosure) f->closure = closure.as<Tuple>();
  return f;
}

// method(function, instance, /): types.MethodType.
Value method_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length > 0) return raise(exc::TypeError, "method() takes no keyword arguments");
  if (nargs != 2) return raisef(exc::TypeError, "method expected 2 arguments, got %zu", nargs);
  if (!is_callable(args[0])) return raise(exc::TypeError, "first argument must be callable");
  if (is_none(args[1])) return raise(exc::TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

}  // namespace

Value method_new(Value func, Value self) {
  auto* m = allocate<Method>(kMethodLayout, types::method);
  m->func = func;
  m->self = self;
  return m;
}

void init_function() {
  kFunctionLayout = register_object_layout("function", sizeof(Function), trace_function);
  kMethodLayout = register_object_layout("method", sizeof(Method), trace_method);
  {
    TypeSpec spec;
    spec.name = "function";
    spec.layout = kFunctionLayout;
    spec.instance_size = sizeof(Function);
    spec.trace = trace_function;
    spec.slots.call = function_call_slot;
    spec.slots.repr = function_repr;
    spec.slots.descr_get = function_descr_get;
    spec.slots.getattr = function_getattr;
    spec.slots.setattr = function_setattr;
    spec.slots.new_ = function_new_slot;
    spec.getsets = kFunctionGetSets;
    make_builtin_type(&types::function, spec);
  }
  {
    TypeSpec spec;
    spec.name = "method";
    spec.layout = kMethodLayout;
    spec.instance_size = sizeof(Method);
    spec.trace = trace_method;
    spec.slots.call = method_call_slot;
    spec.slots.repr = method_repr;
    spec.slots.compare = method_compare;
    spec.slots.hash = method_hash;
    spec.slots.getattr = method_getattr;
    spec.slots.new_ = method_new_slot;
    spec.getsets = kMethodGetSets;
    make_builtin_type(&types::method, spec);
  }
}

}  // namespace pyrite::python
