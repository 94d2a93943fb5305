// The _contextvars module: Context, ContextVar, Token and copy_context as
// CPython 3.11 has them (PEP 567); docs/modules.md, "_contextvars".
//
// A Context maps ContextVars to values. Its mapping is never changed in
// place: ContextVar.set and reset give the context a new dict (copy on
// write), so a copy_context() taken earlier, and an iterator over the
// context, keep seeing the mapping of their moment, as CPython's immutable
// HAMT makes them. The process has one thread, so "the current context" is
// one rooted global, made empty on first use; Context.run makes the context
// current for the duration of the call and restores the previous one.
#include <cstdio>
#include <string>

#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

struct Context : Object {
  Dict* vars;      // never mutated once the context has published it
  Object* prev;    // the context that was current when run() entered this one
  bool entered;
};

struct ContextVar : Object {
  Str* name;
  Value default_;  // null: no default
};

struct Token : Object {
  Context* ctx;
  ContextVar* var;
  Value old_value;  // null: the variable had no value (Token.MISSING)
  bool used;
};

// keys(), values(), items() and iter(ctx): one-shot iterators over a
// snapshot of the mapping; `kind` 0 keys, 1 values, 2 items.
struct ContextIter : Object {
  Dict* vars;
  int64_t pos;
  int kind;
};

Type* g_context = nullptr;
Type* g_var = nullptr;
Type* g_token = nullptr;
Type* g_missing_type = nullptr;
Type* g_iter_types[3] = {nullptr, nullptr, nullptr};
Object* g_missing = nullptr;  // Token.MISSING
Context* g_current = nullptr;  // the current context (of the only thread)

void trace_context(void* p, gc::Visitor& v) {
  auto* c = static_cast<Context*>(p);
  v.visit(c->type);
  v.visit(c->vars);
  v.visit(c->prev);
}
void trace_var(void* p, gc::Visitor& v) {
  auto* c = static_cast<ContextVar*>(p);
  v.visit(c->type);
  v.visit(c->name);
  visit_value(v, c->default_);
}
void trace_token(void* p, gc::Visitor& v) {
  auto* t = static_cast<Token*>(p);
  v.visit(t->type);
  v.visit(t->ctx);
  v.visit(t->var);
  visit_value(v, t->old_value);
}
void trace_iter(void* p, gc::Visitor& v) {
  auto* it = static_cast<ContextIter*>(p);
  v.visit(it->type);
  v.visit(it->vars);
}
void trace_missing(void* p, gc::Visitor& v) { v.visit(static_cast<Object*>(p)->type); }

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

Context* new_context(Dict* vars) {
  auto* c = static_cast<Context*>(alloc_instance(g_context));
  if (!c) return nullptr;
  c->vars = vars;
  return c;
}

Context* current_context() {
  if (!g_current) g_current = new_context(dict_new());
  return g_current;
}

bool is_var(Value v) { return v.is_object() && type_of(v) == g_var; }

bool check_var_key(Value key) {
  if (is_var(key)) return true;
  raisef(exc::TypeError, "a ContextVar key was expected, got %s", repr_utf8(key).c_str());
  return false;
}

// Sets (v non-null) or removes var in ctx by giving ctx a new mapping.
bool context_assign(Context* ctx, ContextVar* var, Value v) {
  Dict* vars = dict_copy(ctx->vars);
  if (!vars) return false;
  if (v) {
    if (!dict_set(vars, var, v)) return false;
  } else if (dict_del(vars, var) < 0) {
    return false;
  }
  ctx->vars = vars;
  return true;
}

// ---- Context ----

Value context_new(Type*, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->length)) return raise(exc::TypeError, "Context() does not accept any arguments");
  Context* c = new_context(dict_new());
  return c ? Value(c) : Value();
}

Value context_run(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(exc::TypeError, "run() missing 1 required positional argument");
  auto* ctx = self.as<Context>();
  if (ctx->entered) {
    return raisef(exc::RuntimeError, "cannot enter context: %s is already entered", repr_utf8(self).c_str());
  }
  ctx->prev = current_context();
  ctx->entered = true;
  g_current = ctx;
  Value r = call(args[0], args + 1, nargs - 1, kwnames);
  g_current = static_cast<Context*>(ctx->prev);
  ctx->prev = nullptr;
  ctx->entered = false;
  return r;
}

Value context_copy(Value self, const Value*, size_t, Tuple*) {
  Context* c = new_context(self.as<Context>()->vars);
  return c ? Value(c) : Value();
}

Value context_get(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1) return raisef(exc::TypeError, "get expected at least 1 argument, got %zu", nargs);
  if (nargs > 2) return raisef(exc::TypeError, "get expected at most 2 arguments, got %zu", nargs);
  if (!check_var_key(args[0])) return {};
  Value v = dict_get(self.as<Context>()->vars, args[0]);
  if (v) return v;
  return nargs == 2 ? args[1] : none();
}

Value context_getitem(Value self, Value key) {
  if (!check_var_key(key)) return {};
  Value v = dict_get(self.as<Context>()->vars, key);
  if (!v) {
    if (!has_error()) raise_with(exc::KeyError, key);
    return {};
  }
  return v;
}

int context_contains(Value self, Value key) {
  if (!check_var_key(key)) return -1;
  return dict_get(self.as<Context>()->vars, key) ? 1 : 0;
}

int64_t context_len(Value self) { return dict_size(self.as<Context>()->vars); }

Value new_iter(Context* ctx, int kind) {
  auto* it = static_cast<ContextIter*>(alloc_instance(g_iter_types[kind]));
  if (!it) return {};
  it->vars = ctx->vars;
  it->kind = kind;
  return it;
}

Value context_iter(Value self) { return new_iter(self.as<Context>(), 0); }
Value context_keys(Value self, const Value*, size_t, Tuple*) { return new_iter(self.as<Context>(), 0); }
Value context_values(Value self, const Value*, size_t, Tuple*) { return new_iter(self.as<Context>(), 1); }
Value context_items(Value self, const Value*, size_t, Tuple*) { return new_iter(self.as<Context>(), 2); }

// Two contexts are equal when they map the same variables to equal values.
Value context_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !b.is_object() || type_of(b) != g_context) {
    return not_implemented();
  }
  Value eq = compare(a.as<Context>()->vars, b.as<Context>()->vars, op);
  return eq;
}

// ---- the iterators ----

Value iter_self(Value self) { return self; }

Value iter_next(Value self) {
  auto* it = self.as<ContextIter>();
  Value key, value;
  if (!dict_next(it->vars, &it->pos, &key, &value)) return {};
  if (it->kind == 0) return key;
  if (it->kind == 1) return value;
  return tuple_of({key, value});
}

int64_t iter_len(Value self) { return dict_size(self.as<ContextIter>()->vars); }

// ---- ContextVar ----

Value var_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  // PyArg_ParseTupleAndKeywords("O|$O:ContextVar") and its messages.
  size_t nkw = kwnames ? size_t(kwnames->length) : 0;
  if (nargs + nkw > 2) return raisef(exc::TypeError, "ContextVar() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs > 1) return raisef(exc::TypeError, "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
  if (nargs < 1) return raise(exc::TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
  Value name = args[0], dflt;
  static Str* const kDefault = intern("default");
  for (size_t i = 0; i < nkw; i++) {
    Str* k = kwnames->at(int64_t(i)).as<Str>();
    if (!str_equal(k, kDefault)) {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for ContextVar()", str_to_utf8(k).c_str());
    }
    dflt = args[nargs + i];
  }
  if (!is_str(name)) return raise(exc::TypeError, "context variable name must be a str");
  auto* v = static_cast<ContextVar*>(alloc_instance(g_var));
  if (!v) return {};
  v->name = name.as<Str>();
  v->default_ = dflt;
  return v;
}

Value var_get(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs > 1) return raisef(exc::TypeError, "get expected at most 1 argument, got %zu", nargs);
  auto* var = self.as<ContextVar>();
  Value v = dict_get(current_context()->vars, self);
  if (v) return v;
  if (has_error()) return {};
  if (nargs == 1) return args[0];
  if (var->default_) return var->default_;
  raise_with(exc::LookupError, self);
  return {};
}

Value var_set(Value self, const Value* args, size_t, Tuple*) {
  Context* ctx = current_context();
  auto* var = self.as<ContextVar>();
  Value old = dict_get(ctx->vars, self);
  if (!old && has_error()) return {};
  auto* tok = static_cast<Token*>(alloc_instance(g_token));
  if (!tok) return {};
  tok->ctx = ctx;
  tok->var = var;
  tok->old_value = old;
  if (!context_assign(ctx, var, args[0])) return {};
  return tok;
}

Value var_reset(Value self, const Value* args, size_t, Tuple*) {
  Value t = args[0];
  if (!t.is_object() || type_of(t) != g_token) {
    return raisef(exc::TypeError, "expected an instance of Token, got %s", repr_utf8(t).c_str());
  }
  auto* tok = t.as<Token>();
  if (tok->used) return raisef(exc::RuntimeError, "%s has already been used once", repr_utf8(t).c_str());
  if (Value(tok->var) != self) {
    return raisef(exc::ValueError, "%s was created by a different ContextVar", repr_utf8(t).c_str());
  }
  Context* ctx = current_context();
  if (tok->ctx != ctx) return raisef(exc::ValueError, "%s was created in a different Context", repr_utf8(t).c_str());
  tok->used = true;
  if (!tok->old_value && !dict_get(ctx->vars, self)) return none();
  if (!context_assign(ctx, self.as<ContextVar>(), tok->old_value)) return {};
  return none();
}

Value var_repr(Value self) {
  auto* var = self.as<ContextVar>();
  Value name = repr(var->name);
  if (!name) return {};
  std::string s = "<ContextVar name=" + str_to_utf8(name.as<Str>());
  if (var->default_) {
    Value d = repr(var->default_);
    if (!d) return {};
    s += " default=" + str_to_utf8(d.as<Str>());
  }
  return str_from_utf8(s + " at " + address(var) + ">");
}

Value var_name(Value self) { return self.as<ContextVar>()->name; }
// name is a read-only member in CPython, whose message differs from a getset's.
bool var_name_set(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

// ---- Token ----

Value token_new(Type*, const Value*, size_t, Tuple*) {
  return raise(exc::RuntimeError, "Tokens can only be created by ContextVars");
}

Value token_repr(Value self) {
  auto* tok = self.as<Token>();
  std::string var = repr_utf8(tok->var);
  if (has_error()) return {};
  return str_from_utf8(std::string("<Token") + (tok->used ? " used" : "") + " var=" + var + " at " +
                       address(tok) + ">");
}

Value token_var(Value self) { return self.as<Token>()->var; }
Value token_old_value(Value self) {
  Value v = self.as<Token>()->old_value;
  return v ? v : Value(g_missing);
}

Value missing_repr(Value) { return str_from_ascii("<Token.MISSING>"); }
Value missing_new(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

// ---- module functions ----

Value copy_context(Value, const Value*, size_t nargs, Tuple*) {
  if (nargs) return raisef(exc::TypeError, "_contextvars.copy_context() takes no arguments (%zu given)", nargs);
  Context* c = new_context(current_context()->vars);
  return c ? Value(c) : Value();
}

const MethodDef kContextMethods[] = {
    {"run", context_run, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"copy", context_copy, MethodFlag::kNoArgs, "Return a shallow copy of the context object."},
    {"get", context_get, MethodFlag::kVarArgs,
     "Return the value for `key` if `key` has the value in the context object.\n\n"
     "If `key` does not exist, return `default`. If `default` is not given,\nreturn None."},
    {"keys", context_keys, MethodFlag::kNoArgs, "Return a list of all variables in the context object."},
    {"values", context_values, MethodFlag::kNoArgs,
     "Return a list of all variables' values in the context object."},
    {"items", context_items, MethodFlag::kNoArgs,
     "Return all variables and their values in the context object.\n\n"
     "The result is returned as a list of 2-tuples (variable, value)."},
    {nullptr, nullptr, 0},
};

const MethodDef kVarMethods[] = {
    {"get", var_get, MethodFlag::kVarArgs,
     "Return a value for the context variable for the current context.\n\n"
     "If there is no value for the variable in the current context, the method will:\n"
     " * return the value of the default argument of the method, if provided; or\n"
     " * return the default value for the context variable, if it was created\n   with one; or\n"
     " * raise a LookupError."},
    {"set", var_set, MethodFlag::kOneArg,
     "Call to set a new value for the context variable in the current context.\n\n"
     "The required value argument is the new value for the context variable.\n\n"
     "Returns a Token object that can be used to restore the variable to its previous\n"
     "value via the `ContextVar.reset()` method."},
    {"reset", var_reset, MethodFlag::kOneArg,
     "Reset the context variable.\n\n"
     "The variable is reset to the value it had before the `ContextVar.set()` that\n"
     "created the token was used."},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const GetSetDef kVarGetSets[] = {
    {"name", var_name, var_name_set},
    {nullptr, nullptr},
};

const MethodDef kTokenMethods[] = {
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const GetSetDef kTokenGetSets[] = {
    {"var", token_var},
    {"old_value", token_old_value},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"copy_context", copy_context, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

void make_types() {
  {
    TypeSpec spec;
    spec.name = "Context";
    spec.module = "_contextvars";
    spec.layout = register_object_layout("_contextvars.Context", sizeof(Context), trace_context);
    spec.instance_size = sizeof(Context);
    spec.trace = trace_context;
    spec.slots.new_ = context_new;
    spec.slots.compare = context_compare;
    spec.slots.iter = context_iter;
    spec.slots.len = context_len;
    spec.slots.getitem = context_getitem;
    spec.slots.contains = context_contains;
    spec.methods = kContextMethods;
    make_builtin_type(&g_context, spec);
  }
  {
    TypeSpec spec;
    spec.name = "ContextVar";
    spec.module = "_contextvars";
    spec.layout = register_object_layout("_contextvars.ContextVar", sizeof(ContextVar), trace_var);
    spec.instance_size = sizeof(ContextVar);
    spec.trace = trace_var;
    spec.slots.new_ = var_new;
    spec.slots.repr = var_repr;
    spec.methods = kVarMethods;
    spec.getsets = kVarGetSets;
    make_builtin_type(&g_var, spec);
  }
  {
    TypeSpec spec;
    spec.name = "Token.MISSING";
    spec.layout = register_object_layout("Token.MISSING", sizeof(Object), trace_missing);
    spec.instance_size = sizeof(Object);
    spec.trace = trace_missing;
    spec.slots.new_ = missing_new;
    spec.slots.repr = missing_repr;
    make_builtin_type(&g_missing_type, spec);
    g_missing = alloc_instance(g_missing_type);
    gc::add_root(reinterpret_cast<void**>(&g_missing));
  }
  {
    TypeSpec spec;
    spec.name = "Token";
    spec.module = "_contextvars";
    spec.layout = register_object_layout("_contextvars.Token", sizeof(Token), trace_token);
    spec.instance_size = sizeof(Token);
    spec.trace = trace_token;
    spec.slots.new_ = token_new;
    spec.slots.repr = token_repr;
    spec.methods = kTokenMethods;
    spec.getsets = kTokenGetSets;
    make_builtin_type(&g_token, spec);
    dict_set_str(g_token->dict, intern("MISSING"), g_missing);
    type_modified(g_token, nullptr);
  }
  static const char* const kIterNames[3] = {"keys", "values", "items"};
  gc::LayoutId layout = register_object_layout("_contextvars iterator", sizeof(ContextIter), trace_iter);
  for (int k = 0; k < 3; k++) {
    TypeSpec spec;
    spec.name = kIterNames[k];
    spec.layout = layout;
    spec.instance_size = sizeof(ContextIter);
    spec.trace = trace_iter;
    spec.slots.iter = iter_self;
    spec.slots.next = iter_next;
    spec.slots.len = iter_len;
    make_builtin_type(&g_iter_types[k], spec);
  }
  gc::add_root(reinterpret_cast<void**>(&g_current));
}

}  // namespace

Module* make_contextvars_module() {
  if (!g_context) make_types();
  Module* m = module_new(intern("_contextvars"));
  dict_set_str(m->dict, intern("Context"), g_context);
  dict_set_str(m->dict, intern("ContextVar"), g_var);
  dict_set_str(m->dict, intern("Token"), g_token);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_contextvars")));
  return m;
}

}  // namespace pyrite::python
