// Imports of Python source: finding modules on sys.path and package
// __path__s, executing them once, relative imports, `from ... import`
// (docs/interp.md, "Modules and imports").
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "python/interp/eval.h"
#include "python/interp/interp.h"
#include "python/interp/runtime_ops.h"
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

std::string utf8(Value v) { return is_str(v) ? str_to_utf8(v.as<Str>()) : std::string(); }

bool is_file(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Value raise_not_found(const std::string& name) {
  raisef(exc::ModuleNotFoundError, "No module named '%s'", name.c_str());
  Object* e = take_error();
  set_attr(e, intern("name"), str_from_utf8(name));
  clear_error();
  set_error(e);
  return {};
}

bool is_dir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Looks for `leaf` in each directory of `path` (a list of str): a package
// (leaf/__init__.py) or module (leaf.py) in the first directory that has
// one; directories named leaf without __init__.py are collected in
// *namespace_dirs (PEP 420), used only when nothing else is found.
bool find_source(Value path, const std::string& leaf, std::string* file, bool* package,
                 std::vector<std::string>* namespace_dirs) {
  if (!path || !is_list(path)) return false;
  List* l = path.as<List>();
  for (int64_t i = 0; i < list_size(l); i++) {
    Value d = list_get(l, i);
    if (!is_str(d)) continue;
    std::string dir = utf8(d);
    if (dir.empty()) dir = ".";
    std::string pkg = dir + "/" + leaf + "/__init__.py";
    if (is_file(pkg)) {
      *file = pkg;
      *package = true;
      return true;
    }
    std::string mod = dir + "/" + leaf + ".py";
    if (is_file(mod)) {
      *file = mod;
      *package = false;
      return true;
    }
    if (is_dir(dir + "/" + leaf)) namespace_dirs->push_back(dir + "/" + leaf);
  }
  return false;
}

Value import_one(const std::string& fullname);

// module.__spec__: a ModuleSpec from lib/_pyrite_import.py (None while that
// module itself loads).
bool set_spec(Module* mod, const std::string& name, Value origin, bool package, Value search_locations) {
  static bool loading = false;
  static Str* const kSpec = intern("__spec__");
  if (loading) return dict_set_str(mod->dict, kSpec, none());
  loading = true;
  Value helpers = import_one("_pyrite_import");
  loading = false;
  if (!helpers) return false;
  static Str* const kSpecFor = intern("spec_for");
  Value make = get_attr(helpers, kSpecFor);
  if (!make) return false;
  Value args[4] = {str_from_utf8(name), origin, py_bool(package), search_locations ? search_locations : none()};
  Value spec = call(make, args, 4);
  if (!spec || !dict_set_str(mod->dict, kSpec, spec)) return false;
  // importlib's loader once importlib is loaded (None before), also as __loader__.
  static Str* const kLoader = intern("loader");
  static Str* const kDunderLoader = intern("__loader__");
  Value loader = get_attr(spec, kLoader);
  return loader && (is_none(loader) || dict_set_str(mod->dict, kDunderLoader, loader));
}

// Set once the package importlib has been imported: modules then get
// importlib's loaders (lib/_pyrite_import.py, importlib_ready).
bool g_importlib_ready = false;

// Calls _pyrite_import.<fn>(args...).
bool call_import_helper(const char* fn, Value* args, size_t nargs) {
  Value helpers = import_one("_pyrite_import");
  if (!helpers) return false;
  Value f = get_attr(helpers, intern(fn));
  return f && call(f, args, nargs);
}

// Imports the module `fullname` whose parent (if any) is already imported.
Value import_one(const std::string& fullname) {
  Dict* modules = sys_modules();
  Str* key = str_from_utf8(fullname);
  Value m = dict_get(modules, key);
  if (m || has_error()) {
    if (m && is_none(m)) {
      return raisef(exc::ModuleNotFoundError, "import of %s halted; None in sys.modules", fullname.c_str());
    }
    return m;
  }
  if (Value b = builtin_module(fullname)) {
    if (g_importlib_ready && !call_import_helper("builtin_imported", &b, 1)) return {};
    return b;
  }
  if (has_error()) return {};
  size_t dot = fullname.rfind('.');
  Value search_path;
  std::string leaf = fullname;
  Value parent;
  if (dot != std::string::npos) {
    parent = dict_get(modules, str_from_utf8(fullname.substr(0, dot)));
    if (!parent) return raise_not_found(fullname);
    leaf = fullname.substr(dot + 1);
    search_path = get_attr_or_null(parent, intern("__path__"));
    if (!search_path) {
      if (has_error()) return {};
      raisef(exc::ModuleNotFoundError, "No module named '%s'; '%s' is not a package", fullname.c_str(),
             fullname.substr(0, dot).c_str());
      Object* e = take_error();
      set_attr(e, intern("name"), str_from_utf8(fullname));
      clear_error();
      set_error(e);
      return {};
    }
  } else {
    search_path = get_sys_attr("path");
    if (!search_path) return {};
  }
  std::string file;
  bool package = false;
  std::vector<std::string> namespace_dirs;
  if (!find_source(search_path, leaf, &file, &package, &namespace_dirs)) {
    if (namespace_dirs.empty()) return raise_not_found(fullname);
    // A namespace package: no code, only a __path__.
    Module* ns = module_new(key);
    dict_set_str(ns->dict, intern("__file__"), none());
    dict_set_str(ns->dict, intern("__package__"), key);
    List* p = list_new();
    for (const std::string& d : namespace_dirs) list_append(p, str_from_utf8(d));
    dict_set_str(ns->dict, intern("__path__"), p);
    if (!set_spec(ns, fullname, none(), true, p)) return {};
    if (!dict_set(modules, key, ns)) return {};
    if (parent && !set_attr(parent, intern(leaf), ns)) return {};
    return ns;
  }
  Module* mod = module_new(key);
  Dict* d = mod->dict;
  dict_set_str(d, intern("__file__"), str_from_utf8(file));
  std::string pkgname = package ? fullname : (dot == std::string::npos ? "" : fullname.substr(0, dot));
  dict_set_str(d, intern("__package__"), str_from_utf8(pkgname));
  Value search;
  if (package) {
    List* p = list_new();
    list_append(p, str_from_utf8(file.substr(0, file.rfind('/'))));
    dict_set_str(d, intern("__path__"), p);
    search = p;
  }
  if (!set_spec(mod, fullname, str_from_utf8(file), package, search)) return {};
  // An imported module's globals hold the builtins dict (CPython: importlib's
  // exec() puts PyEval_GetBuiltins() there); only __main__ gets the module.
  dict_set_str(d, intern("__builtins__"), builtins_module()->dict);
  if (!dict_set(modules, key, mod)) return {};
  if (!run_file_in(file, d)) {
    Object* e = take_error();
    dict_del(modules, key);
    clear_error();
    set_error(e);
    return {};
  }
  // The module may have replaced itself in sys.modules.
  Value final_mod = dict_get(modules, key);
  if (!final_mod) {
    if (has_error()) return {};
    return raisef(exc::ImportError, "Loaded module %s not found in sys.modules", fullname.c_str());
  }
  if (parent && !set_attr(parent, intern(leaf), final_mod)) return {};
  if (!g_importlib_ready && package && fullname == "importlib") {
    g_importlib_ready = true;
    if (!call_import_helper("importlib_ready", nullptr, 0)) return {};
  }
  return final_mod;
}

// The absolute name for a relative import of `name` at `level` from code
// running with `globals`.
bool resolve_name(const std::string& name, Value globals, int level, std::string* out) {
  if (level == 0) {
    *out = name;
    return true;
  }
  Dict* g = is_dict(globals) ? globals.as<Dict>() : nullptr;
  std::string package;
  Value pkg = g ? dict_get_str(g, intern("__package__")) : Value();
  if (pkg && is_str(pkg)) {
    package = utf8(pkg);
  } else if (g) {
    Value n = dict_get_str(g, intern("__name__"));
    if (!n || !is_str(n)) {
      raise(exc::KeyError, "'__name__' not in globals");
      return false;
    }
    package = utf8(n);
    if (!dict_get_str(g, intern("__path__"))) {
      size_t dot = package.rfind('.');
      package = dot == std::string::npos ? "" : package.substr(0, dot);
    }
  }
  if (package.empty()) {
    raise(exc::ImportError, "attempted relative import with no known parent package");
    return false;
  }
  std::string base = package;
  for (int i = 1; i < level; i++) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(exc::ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = name.empty() ? base : base + "." + name;
  return true;
}

}  // namespace

bool set_main_module_spec(Module* main, const std::string& modname, const std::string& file) {
  return set_spec(main, modname, str_from_utf8(file), false, Value());
}

bool find_module_file(const std::string& fullname, std::string* file, bool* package) {
  size_t dot = fullname.rfind('.');
  Value search_path;
  if (dot != std::string::npos) {
    Str* parent_name = str_from_utf8(fullname.substr(0, dot));
    if (!import_module_level(parent_name, none(), none(), 0)) return false;
    Value parent = dict_get(sys_modules(), parent_name);
    if (!parent) {
      if (!has_error()) raise_not_found(fullname.substr(0, dot));
      return false;
    }
    search_path = get_attr_or_null(parent, intern("__path__"));
    if (!search_path) {
      if (!has_error()) {
        raisef(exc::ModuleNotFoundError, "No module named '%s'; '%s' is not a package", fullname.c_str(),
               fullname.substr(0, dot).c_str());
      }
      return false;
    }
  } else {
    search_path = get_sys_attr("path");
    if (!search_path) return false;
  }
  std::vector<std::string> namespace_dirs;
  std::string leaf = dot == std::string::npos ? fullname : fullname.substr(dot + 1);
  if (!find_source(search_path, leaf, file, package, &namespace_dirs)) {
    raise_not_found(fullname);
    return false;
  }
  return true;
}

namespace {

// After a failed import of a fromlist submodule: clears the error if it is
// the ModuleNotFoundError for that very module (CPython's _handle_fromlist
// ignores it), and keeps any other, such as a missing module the
// submodule itself imports.
void forget_missing_submodule(const std::string& submodule) {
  if (!error_matches(exc::ModuleNotFoundError)) return;
  Object* e = take_error();
  Value name = get_attr_or_null(Value(e), intern("name"));
  if (!name) clear_error();
  if (name && is_str(name) && utf8(name) == submodule) return;
  set_error(e);
}

}  // namespace

Value import_module_level(Str* name, Value globals, Value fromlist, int level) {
  std::string n = str_to_utf8(name);
  if (level < 0) return raise(exc::ValueError, "level must be >= 0");
  if (n.empty() && level == 0) return raise(exc::ValueError, "Empty module name");
  std::string full;
  if (!resolve_name(n, globals, level, &full)) return {};
  // Import every prefix, parents first.
  Value m;
  size_t pos = 0;
  for (;;) {
    size_t dot = full.find('.', pos);
    std::string prefix = dot == std::string::npos ? full : full.substr(0, dot);
    m = import_one(prefix);
    if (!m) return {};
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  bool has_fromlist = fromlist && !is_none(fromlist) && truth(fromlist) > 0;
  if (!has_fromlist) {
    if (level == 0 || n.empty()) {
      if (level == 0) {
        size_t dot = full.find('.');
        return dot == std::string::npos ? m : dict_get(sys_modules(), str_from_utf8(full.substr(0, dot)));
      }
      return m;
    }
    // `from . import x` has a fromlist; `import .a` is not syntax: the
    // top-level name of the relative part.
    size_t cut = full.size() - n.size();
    std::string top = full.substr(0, cut + n.find('.'));
    return dict_get(sys_modules(), str_from_utf8(top));
  }
  // A package's fromlist may name submodules.
  if (get_attr_or_null(m, intern("__path__"))) {
    bool ok = for_each(fromlist, [&](Value item) {
      if (!is_str(item)) {
        raisef(exc::TypeError, "Item in %s.__all__ must be str, not %s", full.c_str(), type_name(item).c_str());
        return false;
      }
      std::string s = utf8(item);
      if (s == "*") {
        Value all = get_attr_or_null(m, intern("__all__"));
        if (!all) return !has_error();
        return for_each(all, [&](Value sub) {
          if (!is_str(sub) || get_attr_or_null(m, sub.as<Str>())) return !has_error();
          Value r = import_one(full + "." + utf8(sub));
          if (!r) forget_missing_submodule(full + "." + utf8(sub));
          return !has_error();
        });
      }
      if (get_attr_or_null(m, item.as<Str>())) return true;
      if (has_error()) return false;
      Value r = import_one(full + "." + s);
      // `from pkg import name` of a missing name: import_from reports it.
      if (!r) forget_missing_submodule(full + "." + s);
      return !has_error();
    });
    if (!ok) return {};
  } else if (has_error()) {
    return {};
  }
  return m;
}

Value import_name(Frame* f, Str* name, Value fromlist, Value level) {
  static Str* const kImport = intern("__import__");
  Value imp = dict_get_str(f->builtins, kImport);
  if (!imp) {
    if (!has_error()) raise(exc::ImportError, "__import__ not found");
    return {};
  }
  if (!is_default_import(imp)) {
    Value args[5] = {name, f->globals, f->locals ? f->locals : none(), fromlist, level};
    return call(imp, args, 5);
  }
  return import_module_level(name, f->globals, fromlist, static_cast<int>(level.small_value()));
}

Value import_from(Value module, Str* name) {
  Value v = get_attr_or_null(module, name);
  if (v || has_error()) return v;
  Value modname = get_attr_or_null(module, intern("__name__"));
  clear_error();
  std::string mn = modname && is_str(modname) ? utf8(modname) : "<unknown module name>";
  if (modname && is_str(modname)) {
    Value sub = dict_get(sys_modules(), str_from_utf8(mn + "." + str_to_utf8(name)));
    if (sub) return sub;
  }
  Value file = get_attr_or_null(module, intern("__file__"));
  clear_error();
  std::string where = file && is_str(file) ? " (" + utf8(file) + ")" : " (unknown location)";
  if (module_initializing(module)) {
    raisef(exc::ImportError,
           "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import)%s",
           str_to_utf8(name).c_str(), mn.c_str(), where.c_str());
  } else {
    raisef(exc::ImportError, "cannot import name '%s' from '%s'%s", str_to_utf8(name).c_str(), mn.c_str(),
           where.c_str());
  }
  Object* e = take_error();
  set_attr(e, intern("name"), modname ? modname : Value(none()));
  clear_error();
  set_error(e);
  return {};
}

bool import_star(Frame* f, Value module) {
  Value locals = f->locals;
  if (!locals) {
    raise(exc::SystemError, "no locals found during 'import *'");
    return false;
  }
  Value all = get_attr_or_null(module, intern("__all__"));
  bool skip_private = false;
  if (!all) {
    if (has_error()) return false;
    Value d = get_attr_or_null(module, intern("__dict__"));
    if (!d) {
      if (!has_error()) raise(exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    static Str* const kKeys = intern("keys");
    all = call_method(d, kKeys, nullptr, 0);
    if (!all) return false;
    skip_private = true;
  }
  return for_each(all, [&](Value name) {
    if (!is_str(name)) {
      raisef(exc::TypeError, "Item in %s.__all__ must be str, not %s", repr_utf8(module).c_str(),
             type_name(name).c_str());
      return false;
    }
    if (skip_private && str_to_utf8(name.as<Str>()).starts_with("_")) return true;
    Value v = get_attr(module, name.as<Str>());
    return v && set_item(locals, name, v);
  });
}

}  // namespace pyrite::python
