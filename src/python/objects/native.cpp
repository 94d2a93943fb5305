// Native callables: builtin functions and bound builtin methods, method,
// classmethod, getset and member descriptors, slot wrappers, and argument
// parsing with CPython's messages (docs/objects.md, "Native code").
#include "python/objects/native.h"

#include <climits>
#include <cstring>

#include "python/interp/interp.h"
#include "python/interp/thread_state.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

static gc::LayoutId g_builtin_function_layout, g_method_descr_layout, g_getset_layout,
    g_member_layout, g_wrapper_layout, g_method_wrapper_layout;

// ---- construction --------------------------------------------------------------

Value new_builtin_function(const MethodDef* def, Value self, Object* module) {
  auto* f = allocate<BuiltinFunction>(g_builtin_function_layout, types::builtin_function);
  f->def = def;
  f->self = self;
  f->module = module;
  return f;
}

static Value bind_method(const MethodDef* def, Value self, Type* owner) {
  auto* f = allocate<BuiltinFunction>(g_builtin_function_layout, types::builtin_function);
  f->def = def;
  f->self = self;
  f->owner = owner;
  return f;
}

Value new_method_descriptor(const MethodDef* def, Type* owner) {
  auto* d = allocate<MethodDescriptor>(g_method_descr_layout, types::method_descriptor);
  d->def = def;
  d->owner = owner;
  return d;
}

Value new_classmethod_descriptor(const MethodDef* def, Type* owner) {
  auto* d = allocate<MethodDescriptor>(g_method_descr_layout, types::classmethod_descriptor);
  d->def = def;
  d->owner = owner;
  return d;
}

Value new_getset_descriptor(const GetSetDef* def, Type* owner) {
  auto* d = allocate<GetSetDescriptor>(g_getset_layout, types::getset_descriptor);
  d->def = def;
  d->owner = owner;
  return d;
}

Value new_member_descriptor(Str* name, Type* owner, uint32_t offset) {
  auto* d = allocate<MemberDescriptor>(g_member_layout, types::member_descriptor);
  d->name = name;
  d->owner = owner;
  d->offset = offset;
  d->def = nullptr;
  return d;
}

Value new_member_descriptor(const GetSetDef* def, Type* owner) {
  auto* d = allocate<MemberDescriptor>(g_member_layout, types::member_descriptor);
  d->name = intern(def->name);
  d->owner = owner;
  d->offset = 0;
  d->def = def;
  return d;
}

// ---- argument checks ---------------------------------------------------------------

static std::string qual(const Type* owner, const char* name) {
  if (!owner) return name;
  return type_qualname_utf8(owner) + "." + name;  // CPython: type.__qualname__ + "." + name
}

std::string method_qualname(const MethodDef* def, Value self, bool is_method) {
  if (!is_method || !self) return def->name;
  Type* t = (def->flags & MethodFlag::kClass) && self.is_object() &&
                    type_of(self)->has_flag(TypeFlag::kTypeSubclass)
                ? self.as<Type>()
                : type_of(self);
  return qual(t, def->name);
}

bool check_method_args(const char* qualname, uint32_t flags, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length > 0 && !(flags & MethodFlag::kKeywords)) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", qualname);
    return false;
  }
  if ((flags & MethodFlag::kNoArgs) && nargs != 0) {
    raisef(exc::TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
    return false;
  }
  if ((flags & MethodFlag::kOneArg) && nargs != 1) {
    raisef(exc::TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
    return false;
  }
  return true;
}

// One level of the recursion depth while a native call runs (native.h).
static bool enter_native_call() {
  ThreadState& ts = thread_state();
  if (__builtin_expect(++ts.depth > ts.recursion_limit, 0)) {
    ts.depth--;
    raise(exc::RecursionError, "maximum recursion depth exceeded while calling a Python object");
    return false;
  }
  return true;
}
static void leave_native_call() { thread_state().depth--; }

// The argument-count checks of the def's flags (CPython makes them before
// it checks the recursion depth).
[[gnu::noinline]] static void raise_def_args(const MethodDef* def, Value self, Type* owner, size_t nargs,
                                             Tuple* kwnames) {
  uint32_t fl = def->flags;
  {
    std::string q = owner ? qual(owner, def->name) : std::string(def->name);
    if (!owner && (fl & MethodFlag::kClass) && self.is_object() &&
        type_of(self)->has_flag(TypeFlag::kTypeSubclass))
      q = type_qualname_utf8(self.as<Type>()) + "." + def->name;
    // A module's function is "math.sqrt()" (_PyObject_FunctionStr), except
    // in builtins and through METH_VARARGS' tp_call ("log()").
    if (!owner && !(fl & (MethodFlag::kClass | MethodFlag::kTupleArgs)) && is_module(self)) {
      Value name = dict_get_str(self.as<Module>()->dict, intern("__name__"));
      if (name && is_str(name) && str_to_utf8(name.as<Str>()) != "builtins")
        q = str_to_utf8(name.as<Str>()) + "." + def->name;
    }
    check_method_args(q.c_str(), fl, nargs, kwnames);
  }
}
static inline bool check_def_args(const MethodDef* def, Value self, Type* owner, size_t nargs,
                                  Tuple* kwnames) {
  uint32_t fl = def->flags;
  if ((kwnames && !(fl & MethodFlag::kKeywords)) ||
      ((fl & MethodFlag::kNoArgs) && nargs != 0) || ((fl & MethodFlag::kOneArg) && nargs != 1)) [[unlikely]] {
    raise_def_args(def, self, owner, nargs, kwnames);
    return false;
  }
  return true;
}

static Value call_def(const MethodDef* def, Value self, Type* owner, const Value* args,
                      size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length == 0) kwnames = nullptr;
  if (!check_def_args(def, self, owner, nargs, kwnames)) return {};
  if (!enter_native_call()) return {};
  Value r = def->fn(self, args, nargs, kwnames);
  leave_native_call();
  return r;
}

Value call_method_def(const MethodDef* def, Value self, const Value* args, size_t nargs,
                      Tuple* kwnames) {
  Type* owner = nullptr;
  if (self && !(def->flags & MethodFlag::kStatic)) {
    owner = (def->flags & MethodFlag::kClass) ? nullptr : type_of(self);
  }
  return call_def(def, self, owner, args, nargs, kwnames);
}

bool takes_keyword_dict(Value callable) {
  return callable.is_object() && callable.object()->type == types::builtin_function &&
         (callable.as<BuiltinFunction>()->def->flags & MethodFlag::kTupleArgs);
}

bool check_no_kwargs(const char* fname, Tuple* kwnames) {
  if (kwnames && kwnames->length > 0) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max)
    raisef(exc::TypeError, "%s expected %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s",
           nargs);
  else if (nargs < min)
    raisef(exc::TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
           min == 1 ? "" : "s", nargs);
  else
    raisef(exc::TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
           max == 1 ? "" : "s", nargs);
  return false;
}

static bool name_is(Str* s, const char* name) {
  size_t n = std::strlen(name);
  if (!s->ascii || size_t(s->length) != n) return false;
  return std::memcmp(s->data(), name, n) == 0;
}

static bool kw_is(Value kw, const char* name) { return is_str(kw) && name_is(kw.as<Str>(), name); }

// parse_args with ArgSpec::clinic set; outs are already cleared.
static bool parse_args_clinic(const ArgSpec& spec, const Value* args, size_t nargs,
                              Tuple* kwnames, Value* const* outs, int count) {
  const char* fname = spec.fname;
  const char* const* names = spec.names;
  int posonly = spec.positional_only;
  int required = spec.required;
  int max_pos = spec.keyword_only_from >= 0 ? spec.keyword_only_from : count;
  int64_t nkw = kwnames ? kwnames->length : 0;
  if (nkw == 0 && int(nargs) >= required && int(nargs) <= max_pos) {
    for (size_t i = 0; i < nargs; i++) *outs[i] = args[i];
    return true;
  }
  if (int64_t(nargs) + nkw > count) {
    raisef(exc::TypeError, "%s() takes at most %d %sargument%s (%lld given)", fname, count,
           nargs == 0 ? "keyword " : "", count == 1 ? "" : "s", (long long)(nargs + nkw));
    return false;
  }
  if (int(nargs) > max_pos) {
    raisef(exc::TypeError, "%s() takes %s %d positional argument%s (%zu given)", fname,
           required < max_pos ? "at most" : "exactly", max_pos, max_pos == 1 ? "" : "s", nargs);
    return false;
  }
  int min_posonly = posonly < required ? posonly : required;
  if (int(nargs) < min_posonly) {
    raisef(exc::TypeError, "%s() takes %s %d positional argument%s (%zu given)", fname,
           min_posonly < max_pos ? "at least" : "exactly", min_posonly,
           min_posonly == 1 ? "" : "s", nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; i++) *outs[i] = args[i];
  int64_t left = nkw;
  for (int i = int(nargs) > posonly ? int(nargs) : posonly; i < count; i++) {
    for (int64_t k = 0; k < nkw && left; k++) {
      if (kw_is(kwnames->at(k), names[i])) {
        *outs[i] = args[nargs + size_t(k)];
        left--;
        break;
      }
    }
    if (!*outs[i] && i < required) {
      raisef(exc::TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i],
             i + 1);
      return false;
    }
  }
  if (left == 0) return true;
  for (int i = posonly; i < int(nargs); i++) {
    for (int64_t k = 0; k < nkw; k++) {
      if (kw_is(kwnames->at(k), names[i])) {
        raisef(exc::TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
               names[i], i + 1);
        return false;
      }
    }
  }
  for (int64_t k = 0; k < nkw; k++) {
    Value kw = kwnames->at(k);
    if (!is_str(kw)) {
      raise(exc::TypeError, "keywords must be strings");
      return false;
    }
    bool known = false;
    for (int i = posonly; i < count; i++) known = known || kw_is(kw, names[i]);
    if (!known) {
      raisef(exc::TypeError, "'%s' is an invalid keyword argument for %s()",
             str_to_utf8(kw.as<Str>()).c_str(), fname);
      return false;
    }
  }
  raisef(exc::TypeError, "invalid keyword argument for %s()", fname);
  return false;
}

bool parse_args(const ArgSpec& spec, const Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<Value*> out) {
  size_t nparams = out.size();
  Value* const* outs = out.begin();
  for (size_t i = 0; i < nparams; i++) *outs[i] = Value();
  if (spec.clinic) return parse_args_clinic(spec, args, nargs, kwnames, outs, int(nparams));
  size_t max_pos = spec.keyword_only_from >= 0 ? size_t(spec.keyword_only_from) : nparams;
  if (nargs > max_pos) {
    if (spec.keyword_only_from >= 0)
      raisef(exc::TypeError, "%s() takes at most %zu positional argument%s (%zu given)",
             spec.fname, max_pos, max_pos == 1 ? "" : "s", nargs);
    else if (size_t(spec.required) == max_pos)
      raisef(exc::TypeError, "%s() takes exactly %zu argument%s (%zu given)", spec.fname, max_pos,
             max_pos == 1 ? "" : "s", nargs);
    else
      raisef(exc::TypeError, "%s() takes at most %zu argument%s (%zu given)", spec.fname, max_pos,
             max_pos == 1 ? "" : "s", nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; i++) *outs[i] = args[i];
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->length; k++) {
      // Only a takes_keyword_dict callable can be given a name that is not a str.
      if (!is_str(kwnames->at(k))) {
        raise(exc::TypeError, "keywords must be strings");
        return false;
      }
      Str* kw = kwnames->at(k).as<Str>();
      size_t found = nparams;
      for (size_t i = size_t(spec.positional_only); i < nparams; i++) {
        if (spec.names[i] && spec.names[i][0] && name_is(kw, spec.names[i])) {
          found = i;
          break;
        }
      }
      if (found == nparams) {
        raisef(exc::TypeError, "'%s' is an invalid keyword argument for %s()",
               str_to_utf8(kw).c_str(), spec.fname);
        return false;
      }
      if (found < nargs) {
        raisef(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)",
               spec.fname, spec.names[found], found + 1);
        return false;
      }
      *outs[found] = args[nargs + size_t(k)];
    }
  }
  for (int i = 0; i < spec.required && size_t(i) < nparams; i++) {
    if (!*outs[i]) {
      if (spec.names[i] && spec.names[i][0])
        raisef(exc::TypeError, "%s() missing required argument '%s' (pos %d)", spec.fname,
               spec.names[i], i + 1);
      else
        raisef(exc::TypeError, "%s() takes at least %d positional argument%s (%zu given)",
               spec.fname, spec.required, spec.required == 1 ? "" : "s", nargs);
      return false;
    }
  }
  return true;
}

bool arg_ssize(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Value i = index(v);
  return i && int_to_index(i, out);
}

bool arg_long(Value v, long* out) {
  Value i = index(v);
  if (!i) return false;
  auto x = int_to_i64(i);
  if (!x) {
    raise(exc::OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = long(*x);
  return true;
}

bool arg_int(Value v, int* out) {
  long x;
  if (!arg_long(v, &x)) return false;
  if (x > INT_MAX) {
    raise(exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (x < INT_MIN) {
    raise(exc::OverflowError, "signed integer is less than minimum");
    return false;
  }
  *out = int(x);
  return true;
}

// ---- builtin_function_or_method ------------------------------------------------------

static void trace_builtin_function(void* obj, gc::Visitor& v) {
  auto* f = static_cast<BuiltinFunction*>(obj);
  v.visit(f->type);
  visit_value(v, f->self);
  v.visit(f->module);
  v.visit(f->owner);
}

static Value builtin_function_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* f = self.as<BuiltinFunction>();
  // CPython calls a bound METH_VARARGS method through its tp_call, whose
  // messages name the bare method: "find() takes no keyword arguments".
  Type* owner = (f->def->flags & MethodFlag::kTupleArgs) ? nullptr : f->owner;
  return call_def(f->def, f->self, owner, args, nargs, kwnames);
}

static bool is_bound_method(const BuiltinFunction* f) {
  return f->self && !(f->self.is_object() && f->self.object()->type == types::module &&
                      !f->owner);
}

// A builtin type's static method (str.maketrans): no __self__, but its
// type shows in the repr and __qualname__ as CPython's.
static Type* static_owner(const BuiltinFunction* f) {
  return (f->def->flags & MethodFlag::kStatic) && !f->self ? f->owner : nullptr;
}

static Value builtin_function_repr(Value self) {
  auto* f = self.as<BuiltinFunction>();
  if (Type* t = static_owner(f))
    return str_format("<built-in method %s of type object at %p>", f->def->name, static_cast<void*>(t));
  if (!is_bound_method(f)) return str_format("<built-in function %s>", f->def->name);
  Value s = f->self;
  return str_format("<built-in method %s of %s object at %p>", f->def->name,
                    type_name(s).c_str(), reinterpret_cast<void*>(s.bits()));
}

static Value bf_name(Value self) { return str_from_utf8(self.as<BuiltinFunction>()->def->name); }
static Value bf_qualname(Value self) {
  auto* f = self.as<BuiltinFunction>();
  if (Type* st = static_owner(f)) return str_format("%s.%s", type_qualname_utf8(st).c_str(), f->def->name);
  if (!is_bound_method(f)) return str_from_utf8(f->def->name);
  Type* t = f->owner;
  if (!t) {
    t = type_of(f->self);
    if (f->self.is_object() && t->has_flag(TypeFlag::kTypeSubclass)) t = f->self.as<Type>();
  }
  return str_format("%s.%s", type_qualname_utf8(t).c_str(), f->def->name);
}
static Value bf_self(Value self) {
  auto* f = self.as<BuiltinFunction>();
  return f->self ? f->self : none();
}
static Value bf_module(Value self) {
  auto* f = self.as<BuiltinFunction>();
  return f->module ? Value(f->module) : none();
}
// "name(" at the start of doc: the "(" of the signature, else null.
static const char* find_signature(const char* name, const char* doc) {
  if (!doc) return nullptr;
  if (const char* dot = std::strrchr(name, '.')) name = dot + 1;
  size_t n = std::strlen(name);
  if (std::strncmp(doc, name, n) != 0 || doc[n] != '(') return nullptr;
  return doc + n;
}

// Past the ")\n--\n\n" that ends a signature; null if a blank line comes first.
static const char* skip_signature(const char* doc) {
  static const char kEnd[] = ")\n--\n\n";
  for (; *doc; doc++) {
    if (std::strncmp(doc, kEnd, sizeof(kEnd) - 1) == 0) return doc + sizeof(kEnd) - 1;
    if (doc[0] == '\n' && doc[1] == '\n') return nullptr;
  }
  return nullptr;
}

Value doc_without_signature(const char* name, const char* doc) {
  if (!doc) return none();
  if (const char* sig = find_signature(name, doc))
    if (const char* rest = skip_signature(sig)) doc = rest;
  return *doc ? Value(str_from_utf8(doc)) : none();
}

Value text_signature_from_doc(const char* name, const char* doc) {
  const char* start = find_signature(name, doc);
  const char* end = start ? skip_signature(start) : nullptr;
  if (!end) return none();
  end -= 5;  // just past the ')'
  return str_from_utf8(std::string_view(start, size_t(end - start)));
}

static Value def_doc(const MethodDef* def) { return doc_without_signature(def->name, def->doc); }
static Value def_text_signature(const MethodDef* def) { return text_signature_from_doc(def->name, def->doc); }
static Value bf_doc(Value self) { return def_doc(self.as<BuiltinFunction>()->def); }
static Value bf_text_signature(Value self) { return def_text_signature(self.as<BuiltinFunction>()->def); }
static Value no_text_signature(Value) { return none(); }

static Value builtin_function_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || type_of(b) != types::builtin_function)
    return not_implemented();
  auto* x = a.as<BuiltinFunction>();
  auto* y = b.as<BuiltinFunction>();
  bool eq = x->def == y->def && x->self == y->self;
  return py_bool(op == CompareOp::kEq ? eq : !eq);
}
static int64_t builtin_function_hash(Value self) {
  auto* f = self.as<BuiltinFunction>();
  int64_t h = identity_hash(Value::from_bits(reinterpret_cast<uint64_t>(f->def) & ~uint64_t(15)));
  if (f->self) h ^= identity_hash(f->self);
  return h == -1 ? -2 : h;
}

// __reduce__: pickle saves a function by its name (save_global finds it in
// its module); a bound method as getattr(self, name), as CPython's
// meth_reduce does.
static Value builtin_function_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* f = self.as<BuiltinFunction>();
  Str* name = intern(f->def->name);
  if (!f->self || (f->self.is_object() && f->self.object()->type == types::module)) return name;
  Value getattr_fn = dict_get_str(current_builtins(), intern("getattr"));
  if (!getattr_fn) return raise(exc::AttributeError, "getattr");
  return tuple_of({getattr_fn, Value(tuple_of({f->self, Value(name)}))});
}

static const MethodDef kBuiltinFunctionMethods[] = {
    {"__reduce__", builtin_function_reduce, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

static const GetSetDef kBuiltinFunctionGetSets[] = {
    {"__name__", bf_name},
    {"__qualname__", bf_qualname},
    {"__self__", bf_self},
    {"__module__", bf_module},
    {"__doc__", bf_doc},
    {"__text_signature__", bf_text_signature},
    {nullptr, nullptr},
};

// ---- method_descriptor, classmethod_descriptor --------------------------------------------

static void trace_method_descr(void* obj, gc::Visitor& v) {
  auto* d = static_cast<MethodDescriptor*>(obj);
  v.visit(d->type);
  v.visit(d->owner);
}

static Value method_descr_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<MethodDescriptor>();
  if (!obj) return descr;
  (void)type;
  if (!isinstance(obj, d->owner)) {
    raisef(exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
           d->def->name, type_name_of(d->owner).c_str(), type_name(obj).c_str());
    return {};
  }
  return bind_method(d->def, obj, d->owner);
}

static Value method_descr_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* d = self.as<MethodDescriptor>();
  if (nargs == 0) {
    raisef(exc::TypeError, "unbound method %s() needs an argument",
           qual(d->owner, d->def->name).c_str());
    return {};
  }
  if (!isinstance(args[0], d->owner)) {
    raisef(exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
           d->def->name, type_name_of(d->owner).c_str(), type_name(args[0]).c_str());
    return {};
  }
  return call_def(d->def, args[0], d->owner, args + 1, nargs - 1, kwnames);
}

// ---- CPython's specialized calls ------------------------------------------------------------

// The call as CPython's specialized instruction makes it (native.h,
// call_from_code); false when CPython would not have specialized it.
static bool call_native_specialized(Value callable, const Value* args, size_t nargs,
                                    Tuple* kwnames, Value* result) {
  if (!callable.is_object()) return false;
  Type* t = callable.object()->type;
  if (kwnames && kwnames->length == 0) kwnames = nullptr;
  const MethodDef* def;
  Value self;
  Type* owner;
  if (t == types::builtin_function) {
    auto* f = callable.as<BuiltinFunction>();
    def = f->def;
    self = f->self;
    owner = f->owner;
  } else if (t == types::method_descriptor) {
    auto* d = callable.as<MethodDescriptor>();
    // CPython specializes a descriptor call for an instance of exactly the owner.
    if (nargs == 0 || type_of(args[0]) != d->owner) return false;
    def = d->def;
    self = args[0];
    owner = d->owner;
    args++;
    nargs--;
  } else if (t == types::type && callable.is(types::str) && nargs == 1 && !kwnames) {
    // str(x): no call level, only str()'s own check.
    *result = str_of(args[0]);
    return true;
  } else {
    return false;
  }
  if (!specialized_when_warm(def)) return false;
  *result = check_def_args(def, self, owner, nargs, kwnames) ? def->fn(self, args, nargs, kwnames)
                                                              : Value();
  return true;
}

Value call_from_code(Value callable, const Value* args, size_t nargs, Tuple* kwnames,
                     const Code* caller) {
  Value r;
  if (is_warm(caller) && call_native_specialized(callable, args, nargs, kwnames, &r)) return r;
  return call(callable, args, nargs, kwnames);
}

const char* type_call_depth_check(Type* t, size_t nargs) {
  static const char kCall[] = " while calling a Python object";
  if (t == types::type) return nargs == 1 ? nullptr : kCall;
  if (t == types::range) return " in comparison";
  bool vectorcall = t == types::list || t == types::tuple || t == types::dict ||
                    t == types::set || t == types::frozenset || t == types::float_ ||
                    t == types::bool_ || t == types::map_ || t == types::filter ||
                    t == types::enumerate;
  return vectorcall ? nullptr : kCall;
}

static Value classmethod_descr_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<MethodDescriptor>();
  Value cls = type ? type : Value(type_of(obj));
  if (!cls.is_object() || !type_of(cls)->has_flag(TypeFlag::kTypeSubclass)) {
    raisef(exc::TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
           d->def->name, type_name_of(d->owner).c_str(), type_name(cls).c_str());
    return {};
  }
  if (!is_subtype(cls.as<Type>(), d->owner)) {
    raisef(exc::TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'",
           d->def->name, type_name_of(d->owner).c_str(), type_name_of(cls.as<Type>()).c_str());
    return {};
  }
  return bind_method(d->def, cls, nullptr);
}

static Value classmethod_descr_call(Value self, const Value* args, size_t nargs,
                                    Tuple* kwnames) {
  auto* d = self.as<MethodDescriptor>();
  if (nargs == 0) {
    raisef(exc::TypeError, "descriptor '%s' of '%s' object needs an argument", d->def->name,
           type_name_of(d->owner).c_str());
    return {};
  }
  Value bound = classmethod_descr_get(self, Value(), args[0]);
  if (!bound) return {};
  return call(bound, args + 1, nargs - 1, kwnames);
}

static Value method_descr_repr(Value self) {
  auto* d = self.as<MethodDescriptor>();
  return str_format("<method '%s' of '%s' objects>", d->def->name,
                    type_name_of(d->owner).c_str());
}
static Value md_name(Value self) { return str_from_utf8(self.as<MethodDescriptor>()->def->name); }
static Value md_qualname(Value self) {
  auto* d = self.as<MethodDescriptor>();
  return str_format("%s.%s", type_qualname_utf8(d->owner).c_str(), d->def->name);
}
static Value md_objclass(Value self) { return self.as<MethodDescriptor>()->owner; }
static Value md_doc(Value self) { return def_doc(self.as<MethodDescriptor>()->def); }
static Value md_text_signature(Value self) { return def_text_signature(self.as<MethodDescriptor>()->def); }

static const GetSetDef kMethodDescrGetSets[] = {
    {"__name__", md_name},   {"__qualname__", md_qualname}, {"__objclass__", md_objclass},
    {"__doc__", md_doc},     {"__text_signature__", md_text_signature},
    {nullptr, nullptr},
};

// ---- getset_descriptor ------------------------------------------------------------------

static void trace_getset(void* obj, gc::Visitor& v) {
  auto* d = static_cast<GetSetDescriptor*>(obj);
  v.visit(d->type);
  v.visit(d->owner);
}

[[gnu::noinline]] static void raise_descr_check(const char* name, Type* owner, Value obj) {
  raisef(exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
         type_name_of(owner).c_str(), type_name(obj).c_str());
}
static inline bool descr_check(const char* name, Type* owner, Value obj) {
  if (isinstance(obj, owner)) [[likely]] return true;
  raise_descr_check(name, owner, obj);
  return false;
}

static Value getset_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<GetSetDescriptor>();
  (void)type;
  if (!obj) return descr;
  if (!descr_check(d->def->name, d->owner, obj)) return {};
  if (!d->def->get) {
    raisef(exc::AttributeError, "attribute '%s' of '%s' objects is not readable", d->def->name,
           type_name_of(d->owner).c_str());
    return {};
  }
  return d->def->get(obj);
}

static bool getset_set(Value descr, Value obj, Value v) {
  auto* d = descr.as<GetSetDescriptor>();
  if (!descr_check(d->def->name, d->owner, obj)) return false;
  if (!d->def->set) {
    raisef(exc::AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name,
           type_name_of(d->owner).c_str());
    return false;
  }
  return d->def->set(obj, v);
}

static Value getset_repr(Value self) {
  auto* d = self.as<GetSetDescriptor>();
  return str_format("<attribute '%s' of '%s' objects>", d->def->name,
                    type_name_of(d->owner).c_str());
}
static Value gs_name(Value self) { return str_from_utf8(self.as<GetSetDescriptor>()->def->name); }
static Value gs_qualname(Value self) {
  auto* d = self.as<GetSetDescriptor>();
  return str_format("%s.%s", type_qualname_utf8(d->owner).c_str(), d->def->name);
}
static Value gs_objclass(Value self) { return self.as<GetSetDescriptor>()->owner; }
static Value gs_doc(Value self) {
  auto* d = self.as<GetSetDescriptor>();
  return d->def->doc ? Value(str_from_utf8(d->def->doc)) : none();
}

static const GetSetDef kGetSetDescrGetSets[] = {
    {"__name__", gs_name}, {"__qualname__", gs_qualname}, {"__objclass__", gs_objclass},
    {"__doc__", gs_doc},   {nullptr, nullptr},
};

// ---- member_descriptor (__slots__) ----------------------------------------------------------

static void trace_member(void* obj, gc::Visitor& v) {
  auto* d = static_cast<MemberDescriptor*>(obj);
  v.visit(d->type);
  v.visit(d->name);
  v.visit(d->owner);
}

static Value member_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<MemberDescriptor>();
  (void)type;
  if (!obj) return descr;
  if (!isinstance(obj, d->owner) && !descr_check(str_to_utf8(d->name).c_str(), d->owner, obj)) return {};
  if (d->def) return d->def->get(obj);
  Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.object()) + d->offset);
  if (!v) return raise_attribute_error(obj, d->name);
  return v;
}

static bool member_set(Value descr, Value obj, Value v) {
  auto* d = descr.as<MemberDescriptor>();
  if (!isinstance(obj, d->owner) && !descr_check(str_to_utf8(d->name).c_str(), d->owner, obj)) return false;
  if (d->def) {
    if (!d->def->set) {
      raise(exc::AttributeError, "readonly attribute");
      return false;
    }
    return d->def->set(obj, v);
  }
  auto* slot = reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.object()) + d->offset);
  if (!v && !*slot) {
    raise_with(exc::AttributeError, d->name);  // CPython: AttributeError: y
    return false;
  }
  gc::write_barrier(obj.object(), slot, v.is_object() ? v.object() : nullptr);
  *slot = v;
  return true;
}

static Value member_repr(Value self) {
  auto* d = self.as<MemberDescriptor>();
  return str_format("<member '%s' of '%s' objects>", str_to_utf8(d->name).c_str(),
                    type_name_of(d->owner).c_str());
}
static Value mb_name(Value self) { return self.as<MemberDescriptor>()->name; }
static Value mb_qualname(Value self) {
  auto* d = self.as<MemberDescriptor>();
  return str_format("%s.%s", type_qualname_utf8(d->owner).c_str(), str_to_utf8(d->name).c_str());
}
static Value mb_objclass(Value self) { return self.as<MemberDescriptor>()->owner; }
static Value mb_doc(Value) { return none(); }
static Value member_doc(Value self) {
  auto* d = self.as<MemberDescriptor>();
  return d->def && d->def->doc ? Value(str_from_utf8(d->def->doc)) : none();
}

static const GetSetDef kMemberGetSets[] = {
    {"__name__", mb_name}, {"__qualname__", mb_qualname}, {"__objclass__", mb_objclass},
    {"__doc__", member_doc},   {nullptr, nullptr},
};

// ---- wrapper_descriptor and method-wrapper ------------------------------------------------

static void trace_wrapper(void* obj, gc::Visitor& v) {
  auto* d = static_cast<WrapperDescriptor*>(obj);
  v.visit(d->type);
  v.visit(d->owner);
}
static void trace_method_wrapper(void* obj, gc::Visitor& v) {
  auto* d = static_cast<MethodWrapper*>(obj);
  v.visit(d->type);
  v.visit(d->descr);
  visit_value(v, d->self);
}

static Value wrapper_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<WrapperDescriptor>();
  (void)type;
  if (!obj) return descr;
  if (!descr_check(d->def->name, d->owner, obj)) return {};
  auto* m = allocate<MethodWrapper>(g_method_wrapper_layout, types::method_wrapper);
  m->descr = d;
  m->self = obj;
  return m;
}

// Slot wrappers have no CPython vectorcall: the depth is checked before the
// arguments.
static Value wrapper_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* d = self.as<WrapperDescriptor>();
  if (!enter_native_call()) return {};
  Value r;
  if (nargs == 0) {
    raisef(exc::TypeError, "descriptor '%s' of '%s' object needs an argument", d->def->name,
           type_name_of(d->owner).c_str());
  } else if (!isinstance(args[0], d->owner)) {
    raisef(exc::TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
           d->def->name, type_name_of(d->owner).c_str(), type_name(args[0]).c_str());
  } else {
    r = call_slot_wrapper(d, args[0], args + 1, nargs - 1, kwnames);
  }
  leave_native_call();
  return r;
}

static Value method_wrapper_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* m = self.as<MethodWrapper>();
  if (!enter_native_call()) return {};
  Value r = call_slot_wrapper(m->descr, m->self, args, nargs, kwnames);
  leave_native_call();
  return r;
}

static Value wrapper_repr(Value self) {
  auto* d = self.as<WrapperDescriptor>();
  return str_format("<slot wrapper '%s' of '%s' objects>", d->def->name,
                    type_name_of(d->owner).c_str());
}
static Value method_wrapper_repr(Value self) {
  auto* m = self.as<MethodWrapper>();
  return str_format("<method-wrapper '%s' of %s object at %p>", m->descr->def->name,
                    type_name(m->self).c_str(), reinterpret_cast<void*>(m->self.bits()));
}
static Value wd_name(Value self) { return str_from_utf8(self.as<WrapperDescriptor>()->def->name); }
static Value wd_qualname(Value self) {
  auto* d = self.as<WrapperDescriptor>();
  return str_format("%s.%s", type_qualname_utf8(d->owner).c_str(), d->def->name);
}
static Value wd_objclass(Value self) { return self.as<WrapperDescriptor>()->owner; }
static Value mw_name(Value self) {
  return str_from_utf8(self.as<MethodWrapper>()->descr->def->name);
}
static Value mw_qualname(Value self) {
  auto* d = self.as<MethodWrapper>()->descr;
  return str_format("%s.%s", type_qualname_utf8(d->owner).c_str(), d->def->name);
}
static Value mw_self(Value self) { return self.as<MethodWrapper>()->self; }
static Value mw_objclass(Value self) { return self.as<MethodWrapper>()->descr->owner; }

static Value method_wrapper_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || type_of(b) != types::method_wrapper)
    return not_implemented();
  auto* x = a.as<MethodWrapper>();
  auto* y = b.as<MethodWrapper>();
  bool eq = x->descr == y->descr && x->self == y->self;
  return py_bool(op == CompareOp::kEq ? eq : !eq);
}
static int64_t method_wrapper_hash(Value self) {
  auto* m = self.as<MethodWrapper>();
  int64_t h = identity_hash(m->descr) ^ identity_hash(m->self);
  return h == -1 ? -2 : h;
}

static const GetSetDef kWrapperGetSets[] = {
    {"__name__", wd_name},        {"__qualname__", wd_qualname}, {"__objclass__", wd_objclass},
    {"__doc__", mb_doc},          {"__text_signature__", no_text_signature},
    {nullptr, nullptr},
};
static const GetSetDef kMethodWrapperGetSets[] = {
    {"__name__", mw_name},        {"__qualname__", mw_qualname}, {"__self__", mw_self},
    {"__objclass__", mw_objclass}, {"__doc__", mb_doc},        {"__text_signature__", no_text_signature},
    {nullptr, nullptr},
};

// ---- T.__new__ of builtin types ------------------------------------------------------------

static Value tp_new_wrapper(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* owner = self.as<Type>();
  std::string on = type_name_of(owner);
  if (nargs == 0) {
    raisef(exc::TypeError, "%s.__new__(): not enough arguments", on.c_str());
    return {};
  }
  Type* sub = check_new_subtype(args[0], owner, nullptr);
  if (!sub) return {};
  // The most derived builtin base of sub must use owner's __new__: calling
  // object.__new__(int) would make an int without its value.
  Type* staticbase = sub;
  while (staticbase && staticbase->is_heap_type()) staticbase = staticbase->base;
  if (staticbase && staticbase->slots.new_ != owner->slots.new_) {
    std::string sn = type_name_of(sub);
    std::string bn = type_name_of(staticbase);
    raisef(exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", on.c_str(), sn.c_str(),
           bn.c_str());
    return {};
  }
  return owner->slots.new_(sub, args + 1, nargs - 1, kwnames);
}

const MethodDef kTpNewDef = {"__new__", tp_new_wrapper, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kTupleArgs,
                             "Create and return a new object.  See help(type) for accurate signature."};

// ---- init -----------------------------------------------------------------------------------

void init_native() {
  g_builtin_function_layout = register_object_layout(
      "builtin_function_or_method", sizeof(BuiltinFunction), trace_builtin_function);
  g_method_descr_layout =
      register_object_layout("method_descriptor", sizeof(MethodDescriptor), trace_method_descr);
  g_getset_layout =
      register_object_layout("getset_descriptor", sizeof(GetSetDescriptor), trace_getset);
  g_member_layout =
      register_object_layout("member_descriptor", sizeof(MemberDescriptor), trace_member);
  g_wrapper_layout =
      register_object_layout("wrapper_descriptor", sizeof(WrapperDescriptor), trace_wrapper);
  g_method_wrapper_layout =
      register_object_layout("method-wrapper", sizeof(MethodWrapper), trace_method_wrapper);

  {
    TypeSpec s;
    s.name = "builtin_function_or_method";
    s.layout = g_builtin_function_layout;
    s.slots.call = builtin_function_call;
    s.slots.repr = builtin_function_repr;
    s.slots.compare = builtin_function_compare;
    s.slots.hash = builtin_function_hash;
    s.getsets = kBuiltinFunctionGetSets;
    s.methods = kBuiltinFunctionMethods;
    make_builtin_type(&types::builtin_function, s);
  }
  {
    TypeSpec s;
    s.name = "method_descriptor";
    s.layout = g_method_descr_layout;
    s.slots.call = method_descr_call;
    s.slots.descr_get = method_descr_get;
    s.slots.repr = method_descr_repr;
    s.getsets = kMethodDescrGetSets;
    make_builtin_type(&types::method_descriptor, s);
  }
  {
    TypeSpec s;
    s.name = "classmethod_descriptor";
    s.layout = g_method_descr_layout;
    s.slots.call = classmethod_descr_call;
    s.slots.descr_get = classmethod_descr_get;
    s.slots.repr = method_descr_repr;
    s.getsets = kMethodDescrGetSets;
    make_builtin_type(&types::classmethod_descriptor, s);
  }
  {
    TypeSpec s;
    s.name = "getset_descriptor";
    s.layout = g_getset_layout;
    s.slots.descr_get = getset_get;
    s.slots.descr_set = getset_set;
    s.slots.repr = getset_repr;
    s.getsets = kGetSetDescrGetSets;
    make_builtin_type(&types::getset_descriptor, s);
  }
  {
    TypeSpec s;
    s.name = "member_descriptor";
    s.layout = g_member_layout;
    s.slots.descr_get = member_get;
    s.slots.descr_set = member_set;
    s.slots.repr = member_repr;
    s.getsets = kMemberGetSets;
    make_builtin_type(&types::member_descriptor, s);
  }
  {
    TypeSpec s;
    s.name = "wrapper_descriptor";
    s.layout = g_wrapper_layout;
    s.slots.call = wrapper_call;
    s.slots.descr_get = wrapper_get;
    s.slots.repr = wrapper_repr;
    s.getsets = kWrapperGetSets;
    make_builtin_type(&types::wrapper_descriptor, s);
  }
  {
    TypeSpec s;
    s.name = "method-wrapper";
    s.layout = g_method_wrapper_layout;
    s.slots.call = method_wrapper_call;
    s.slots.repr = method_wrapper_repr;
    s.slots.compare = method_wrapper_compare;
    s.slots.hash = method_wrapper_hash;
    s.getsets = kMethodWrapperGetSets;
    make_builtin_type(&types::method_wrapper, s);
  }
}

// Used by slots.cpp to make wrapper descriptors.
Value new_wrapper_descriptor(const SlotDef* def, Type* owner, void* fn) {
  auto* d = allocate<WrapperDescriptor>(g_wrapper_layout, types::wrapper_descriptor);
  d->def = def;
  d->owner = owner;
  d->fn = fn;
  return d;
}

}  // namespace pyrite::python
