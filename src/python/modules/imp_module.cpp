// The _imp module: what importlib's pure-Python bootstrap asks of the
// interpreter (docs/modules.md, "_imp").
//
// Pyrite imports with its own C++ machinery (interp/import.cpp); this
// module exists so that `import importlib` (and so inspect, unittest, ...)
// can run importlib._bootstrap._setup over it. Builtin modules are the C++
// modules of builtin_module(); there are no frozen modules and no
// extension modules (extension_suffixes() is empty, so importlib never
// looks for .so files). Importing it installs sys.meta_path for importlib's
// own entry points (importlib.import_module, util.find_spec, reload).
#include "python/interp/pyrun.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

namespace {

int64_t g_lock_count = 0;  // the import lock is re-entrant; one interpreter thread runs at a time

Value imp_lock_held(Value, const Value*, size_t, Tuple*) { return py_bool(g_lock_count > 0); }

Value imp_acquire_lock(Value, const Value*, size_t, Tuple*) {
  g_lock_count++;
  return none();
}

Value imp_release_lock(Value, const Value*, size_t, Tuple*) {
  if (g_lock_count == 0) return raise(exc::RuntimeError, "not holding the import lock");
  g_lock_count--;
  return none();
}

bool is_builtin_name(Str* name) {
  Tuple* names = builtin_module_names();
  for (int64_t i = 0; i < names->length; i++)
    if (str_equal(names->items()[i].as<Str>(), name)) return true;
  return false;
}

Value imp_is_builtin(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "is_builtin() argument must be str, not %s", type_name(args[0]).c_str());
  }
  Str* name = args[0].as<Str>();
  if (!is_builtin_name(name)) return int_from_i64(0);
  // sys and builtins cannot be initialized again: CPython answers -1.
  std::string n = str_to_utf8(name);
  return int_from_i64(n == "sys" || n == "builtins" ? -1 : 1);
}

// create_builtin(spec): the module named spec.name, made once (a second
// call returns the module already in sys.modules), or None if there is no
// such builtin module.
Value imp_create_builtin(Value, const Value* args, size_t, Tuple*) {
  static Str* const name_attr = intern("name");
  Value name = get_attr(args[0], name_attr);
  if (!name) return Value();
  if (!is_str(name)) {
    return raisef(exc::TypeError, "name must be string, not %s", type_name(name).c_str());
  }
  Value existing = dict_get(sys_modules(), name);
  if (existing) return existing;
  if (has_error()) return Value();
  if (!is_builtin_name(name.as<Str>())) return none();
  Value m = builtin_module(str_to_utf8(name.as<Str>()));
  if (!m && !has_error()) return none();
  return m;
}

Value imp_exec_builtin(Value, const Value*, size_t, Tuple*) { return int_from_i64(0); }

Value imp_create_dynamic(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("create_dynamic", nargs, 1, 2)) return Value();
  static Str* const name_attr = intern("name");
  Value name = get_attr(args[0], name_attr);
  if (!name) return Value();
  Value r = repr(name);
  if (!r) return Value();
  return raisef(exc::ImportError, "Pyrite cannot load extension module %s", str_to_utf8(r.as<Str>()).c_str());
}

Value imp_is_frozen(Value, const Value*, size_t, Tuple*) { return py_bool(false); }

Value imp_find_frozen(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "withdata", nullptr};
  Value name, withdata;
  if (!parse_args({"find_frozen", kNames, 1, 1, 1}, args, nargs, kwnames, {&name, &withdata})) return Value();
  if (!is_str(name)) {
    return raisef(exc::TypeError, "find_frozen() argument 1 must be str, not %s", type_name(name).c_str());
  }
  return none();
}

Value no_frozen(Value name) {
  Value r = repr(name);
  if (!r) return Value();
  return raisef(exc::ImportError, "No such frozen object named %s", str_to_utf8(r.as<Str>()).c_str());
}

Value imp_get_frozen_object(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("get_frozen_object", nargs, 1, 2)) return Value();
  return no_frozen(args[0]);
}

Value imp_is_frozen_package(Value, const Value* args, size_t, Tuple*) { return no_frozen(args[0]); }

Value imp_init_frozen(Value, const Value*, size_t, Tuple*) { return none(); }

Value imp_frozen_module_names(Value, const Value*, size_t, Tuple*) { return tuple_empty(); }

Value imp_override_frozen(Value, const Value*, size_t, Tuple*) { return none(); }

Value imp_extension_suffixes(Value, const Value*, size_t, Tuple*) { return list_new(0); }

// _fix_co_filename(code, path): sets co_filename of code and its nested
// code objects to path, when it differs.
void fix_filename(Code* c, Str* old_name, Str* path) {
  if (!str_equal(c->filename, old_name)) return;
  gc::write_barrier(c, &c->filename, path);
  c->filename = path;
  for (int64_t i = 0; i < c->consts->length; i++) {
    Value k = c->consts->items()[i];
    if (k.is_object() && type_of(k) == types::code) fix_filename(k.as<Code>(), old_name, path);
  }
}

Value imp_fix_co_filename(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_fix_co_filename", nargs, 2, 2)) return Value();
  if (!args[0].is_object() || type_of(args[0]) != types::code) {
    return raisef(exc::TypeError, "_fix_co_filename() argument 1 must be code, not %s",
                  type_name(args[0]).c_str());
  }
  if (!is_str(args[1])) {
    return raisef(exc::TypeError, "_fix_co_filename() argument 2 must be str, not %s",
                  type_name(args[1]).c_str());
  }
  Code* c = args[0].as<Code>();
  Str* path = args[1].as<Str>();
  if (!str_equal(c->filename, path)) fix_filename(c, c->filename, path);
  return none();
}

const MethodDef kFunctions[] = {
    {"lock_held", imp_lock_held, MethodFlag::kNoArgs},
    {"acquire_lock", imp_acquire_lock, MethodFlag::kNoArgs},
    {"release_lock", imp_release_lock, MethodFlag::kNoArgs},
    {"is_builtin", imp_is_builtin, MethodFlag::kOneArg},
    {"create_builtin", imp_create_builtin, MethodFlag::kOneArg},
    {"exec_builtin", imp_exec_builtin, MethodFlag::kOneArg},
    {"create_dynamic", imp_create_dynamic, MethodFlag::kVarArgs},
    {"exec_dynamic", imp_exec_builtin, MethodFlag::kOneArg},
    {"is_frozen", imp_is_frozen, MethodFlag::kOneArg},
    {"find_frozen", imp_find_frozen, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"get_frozen_object", imp_get_frozen_object, MethodFlag::kVarArgs},
    {"is_frozen_package", imp_is_frozen_package, MethodFlag::kOneArg},
    {"init_frozen", imp_init_frozen, MethodFlag::kOneArg},
    {"_frozen_module_names", imp_frozen_module_names, MethodFlag::kNoArgs},
    {"_override_frozen_modules_for_tests", imp_override_frozen, MethodFlag::kOneArg},
    {"extension_suffixes", imp_extension_suffixes, MethodFlag::kNoArgs},
    {"_fix_co_filename", imp_fix_co_filename, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

// sys.meta_path, sys.path_hooks and sys.path_importer_cache for importlib's
// entry points (lib/_pyrite_import.py, MetaPathFinder), unless present.
bool install_meta_path() {
  Value sys_mod = builtin_module("sys");
  if (!sys_mod) return false;
  Dict* sys_dict = sys_mod.as<Module>()->dict;
  if (dict_get_str(sys_dict, intern("meta_path"))) return true;
  if (has_error()) return false;
  Value helpers = import_module_level(intern("_pyrite_import"), none(), tuple_empty(), 0);
  if (!helpers) return false;
  Value finder = get_attr(helpers, intern("MetaPathFinder"));
  if (!finder) return false;
  Value hook = get_attr(helpers, intern("path_hook_for_FileFinder"));
  if (!hook) return false;
  List* meta_path = list_new(1);
  if (!list_append(meta_path, finder)) return false;
  List* path_hooks = list_new(1);
  if (!list_append(path_hooks, hook)) return false;
  return dict_set_str(sys_dict, intern("meta_path"), meta_path) &&
         dict_set_str(sys_dict, intern("path_hooks"), path_hooks) &&
         dict_set_str(sys_dict, intern("path_importer_cache"), dict_new());
}

}  // namespace

Module* make_imp_module() {
  if (!install_meta_path()) return nullptr;
  Module* m = module_new(intern("_imp"));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_imp")));
  dict_set_str(m->dict, intern("check_hash_based_pycs"), intern("default"));
  return m;
}

}  // namespace pyrite::python
