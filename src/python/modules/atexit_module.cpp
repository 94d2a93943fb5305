// The atexit module: callbacks run at interpreter exit, last registered
// first, their errors reported as "Exception ignored in atexit callback"
// (docs/modules.md, "atexit").
#include "python/interp/eval.h"
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

namespace {

// (func, args, kwargs) tuples in registration order; None where one was
// unregistered while the callbacks run (the run skips it, as CPython's
// NULL slots).
List* g_callbacks = nullptr;

List* callbacks() {
  if (!g_callbacks) {
    gc::add_root(reinterpret_cast<void**>(&g_callbacks));
    g_callbacks = list_new();
  }
  return g_callbacks;
}

// _PyErr_WriteUnraisableMsg("in atexit callback", func) through the default
// sys.unraisablehook: the line and the traceback on sys.stderr.
void report_unraisable(Value func) {
  write_unraisable_error(func, "Exception ignored in atexit callback");
  clear_error();
}

Value f_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(exc::TypeError, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise(exc::TypeError, "the first argument must be callable");
  Tuple* rest = tuple_from_array(args + 1, int64_t(nargs - 1));
  Value kwargs = none();
  if (kwnames && kwnames->length) {
    Dict* d = dict_new();
    for (int64_t i = 0; i < kwnames->length; i++) {
      if (!dict_set(d, kwnames->at(i), args[nargs + size_t(i)])) return {};
    }
    kwargs = d;
  }
  if (!list_append(callbacks(), tuple_of({args[0], rest, kwargs}))) return {};
  return args[0];
}

Value f_unregister(Value, const Value* args, size_t, Tuple*) {
  List* l = callbacks();
  for (int64_t i = 0; i < list_size(l); i++) {
    Value cb = list_get(l, i);
    if (is_none(cb)) continue;
    int eq = equal(cb.as<Tuple>()->at(0), args[0]);
    if (eq < 0) return {};
    if (eq && i < list_size(l)) {
      if (!list_set(l, i, none())) return {};
    }
  }
  return none();
}

Value f_run_exitfuncs(Value, const Value*, size_t, Tuple*) {
  run_atexit_callbacks();
  return none();
}

Value f_clear(Value, const Value*, size_t, Tuple*) {
  list_clear(callbacks());
  return none();
}

Value f_ncallbacks(Value, const Value*, size_t, Tuple*) {
  // CPython counts the slots of unregistered callbacks too.
  return Value::small(list_size(callbacks()));
}

const MethodDef kFunctions[] = {
    {"register", f_register, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program termination\n\n    func - function to be called at exit\n    args - optional arguments to pass to func\n    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a decorator."},
    {"unregister", f_unregister, MethodFlag::kOneArg,
     "unregister(func) -> None\n\nUnregister an exit function which was previously registered using\natexit.register\n\n    func - function to be unregistered"},
    {"_run_exitfuncs", f_run_exitfuncs, MethodFlag::kNoArgs,
     "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\nIf a callback raises an exception, it is logged with sys.unraisablehook."},
    {"_clear", f_clear, MethodFlag::kNoArgs, "_clear() -> None\n\nClear the list of previously registered exit functions."},
    {"_ncallbacks", f_ncallbacks, MethodFlag::kNoArgs, "_ncallbacks() -> int\n\nReturn the number of registered exit functions."},
    {nullptr, nullptr, 0},
};

}  // namespace

void run_atexit_callbacks() {
  if (!g_callbacks) return;
  List* l = g_callbacks;
  // Callbacks registered while these run are dropped with the rest.
  for (int64_t i = list_size(l) - 1; i >= 0; i--) {
    if (i >= list_size(l)) continue;
    Value cb = list_get(l, i);
    if (is_none(cb)) continue;
    Tuple* t = cb.as<Tuple>();
    Value func = t->at(0);
    Value kwargs = t->at(2);
    Value r = call_tuple_dict(func, t->at(1).as<Tuple>(), is_none(kwargs) ? nullptr : kwargs.as<Dict>());
    if (!r) report_unraisable(func);
  }
  list_clear(l);
}

Module* make_atexit_module() {
  callbacks();
  Module* m = module_new(intern("atexit"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"));
  Str* name = intern("atexit");
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  }
  return m;
}

}  // namespace pyrite::python
