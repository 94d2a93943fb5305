// The _pyrite module: what Pyrite's own Python modules under lib/ need from
// the interpreter to stand in for CPython's C modules (docs/modules.md,
// "_datetime"). Not a CPython module; nothing else imports it.
#include "python/interp/pyrun.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// builtin_type(cls, name): makes a class behave as a C type of CPython
// does where a Python class differs observably: messages name it by `name`
// (CPython's tp_name, "datetime.date") rather than by __name__, and its
// attributes can no longer be set or deleted (an immutable type). Its
// subclasses stay ordinary classes.
Value pyrite_builtin_type(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("builtin_type", nargs, 2, 2)) return Value();
  if (!args[0].is_object() || !type_of(args[0])->has_flag(TypeFlag::kTypeSubclass)) {
    return raisef(exc::TypeError, "builtin_type() argument 1 must be type, not %s", type_name(args[0]).c_str());
  }
  if (!is_str(args[1])) {
    return raisef(exc::TypeError, "builtin_type() argument 2 must be str, not %s", type_name(args[1]).c_str());
  }
  Type* t = args[0].as<Type>();
  if (!t->is_heap_type()) return raisef(exc::TypeError, "builtin_type() needs a class, not a builtin type");
  Str* name = args[1].as<Str>();
  gc::write_barrier(t, &t->tp_name, name);
  t->tp_name = name;
  t->flags |= TypeFlag::kImmutable;
  return none();
}

// hide_from_tracebacks(code): the frames running `code` add no traceback
// entry, as the C functions a lib/ module stands in for have no frames in
// CPython (lib/_asyncio.py: Future.result re-raising, a task's step).
Value pyrite_hide_from_tracebacks(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("hide_from_tracebacks", nargs, 1, 1)) return Value();
  if (!args[0].is_object() || type_of(args[0]) != types::code) {
    return raisef(exc::TypeError, "hide_from_tracebacks() argument must be code, not %s", type_name(args[0]).c_str());
  }
  args[0].as<Code>()->flags |= kCodeHiddenFromTracebacks;
  return none();
}

const MethodDef kFunctions[] = {
    {"builtin_type", pyrite_builtin_type, MethodFlag::kVarArgs},
    {"hide_from_tracebacks", pyrite_hide_from_tracebacks, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_pyrite_module() {
  Module* m = module_new(intern("_pyrite"));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_pyrite")));
  return m;
}

}  // namespace pyrite::python
