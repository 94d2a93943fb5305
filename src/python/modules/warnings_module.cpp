// The _warnings module: warn, warn_explicit, filters, _defaultaction,
// _onceregistry and _filters_mutated, which warnings.py takes in place of
// its pure-Python versions, as CPython 3.11's C module behaves (plain-string
// default filters, a registry version starting at 0, the "once" registry)
// (docs/modules.md, "_warnings").
#include "python/interp/eval.h"
#include "python/interp/frame.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// The module state, rooted: CPython's WarningsState.
List* g_filters = nullptr;
Dict* g_once_registry = nullptr;
Str* g_default_action = nullptr;
int64_t g_filters_version = 0;

void init_state() {
  if (g_filters) return;
  gc::add_root(reinterpret_cast<void**>(&g_filters));
  gc::add_root(reinterpret_cast<void**>(&g_once_registry));
  gc::add_root(reinterpret_cast<void**>(&g_default_action));
  g_default_action = intern("default");
  g_once_registry = dict_new();
  g_filters = list_new();
  // CPython's release-build defaults (init_filters).
  list_append(g_filters, tuple_of({intern("default"), none(), exc::DeprecationWarning, intern("__main__"),
                                   Value::small(0)}));
  for (Type* t : {exc::DeprecationWarning, exc::PendingDeprecationWarning, exc::ImportWarning,
                  exc::ResourceWarning}) {
    list_append(g_filters, tuple_of({intern("ignore"), none(), t, none(), Value::small(0)}));
  }
}

// warnings.<name> when the warnings module is imported (CPython's
// get_warnings_attr without importing), else null without error.
Value warnings_attr(const char* name) {
  static Str* const kWarnings = intern("warnings");
  Value m = dict_get(sys_modules(), kWarnings);
  if (!m) return {};
  Value v = get_attr_or_null(m, intern(name));
  if (!v && has_error()) clear_error();
  return v;
}

Value get_filters() {
  Value f = warnings_attr("filters");
  if (!f) return g_filters;
  if (!is_list(f)) return raise(exc::ValueError, "warnings.filters must be a list");
  return f;
}

Value get_default_action() {
  Value a = warnings_attr("defaultaction");
  if (!a) return g_default_action;
  if (!is_str(a)) {
    return raisef(exc::TypeError, "warnings.defaultaction must be a string, not '%s'", type_name(a).c_str());
  }
  return a;
}

Value get_once_registry() {
  Value r = warnings_attr("onceregistry");
  if (!r) return g_once_registry;
  if (!is_dict(r)) {
    return raisef(exc::TypeError, "warnings.onceregistry must be a dict, not '%s'", type_name(r).c_str());
  }
  return r;
}

// check_matched: None matches anything, a str must equal, else obj.match(arg).
int check_matched(Value obj, Value arg) {
  if (is_none(obj)) return 1;
  if (is_exact_str(obj)) {
    if (!is_str(arg)) {
      raisef(exc::TypeError, "Can't compare %s and %s", type_name(obj).c_str(), type_name(arg).c_str());
      return -1;
    }
    return str_equal(obj.as<Str>(), arg.as<Str>()) ? 1 : 0;
  }
  static Str* const kMatch = intern("match");
  Value r = call_method(obj, kMatch, &arg, 1);
  if (!r) return -1;
  return truth(r);
}

// The action of the first matching filter (and that filter), else the default.
Value get_filter(Value category, Value text, int64_t lineno, Value module, Value* item) {
  Value filters = get_filters();
  if (!filters) return {};
  List* l = filters.as<List>();
  for (int64_t i = 0; i < list_size(l); i++) {
    Value f = list_get(l, i);
    if (!is_tuple(f) || f.as<Tuple>()->length != 5) {
      return raisef(exc::ValueError, "warnings.filters item %lld isn't a 5-tuple", static_cast<long long>(i));
    }
    Tuple* t = f.as<Tuple>();
    Value action = t->at(0);
    if (!is_str(action)) {
      return raisef(exc::TypeError, "action must be a string, not '%s'", type_name(action).c_str());
    }
    int good_msg = check_matched(t->at(1), text);
    if (good_msg < 0) return {};
    int good_mod = check_matched(t->at(3), module);
    if (good_mod < 0) return {};
    int is_sub = issubclass_full(category, t->at(2));
    if (is_sub < 0) return {};
    int64_t ln;
    if (!index_i64(t->at(4), &ln)) return {};
    if (good_msg && is_sub && good_mod && (ln == 0 || lineno == ln)) {
      *item = f;
      return action;
    }
  }
  *item = none();
  return get_default_action();
}

int already_warned(Dict* registry, Value key, bool should_set) {
  static Str* const kVersion = intern("version");
  Value v = dict_get(registry, kVersion);
  if (has_error()) return -1;
  auto n = v && is_exact_int(v) ? int_to_i64(v) : std::nullopt;
  if (!n || *n != g_filters_version) {
    dict_clear(registry);
    if (!dict_set(registry, kVersion, int_from_i64(g_filters_version))) return -1;
  } else {
    Value w = dict_get(registry, key);
    if (has_error()) return -1;
    if (w) {
      int rc = truth(w);
      if (rc != 0) return rc;
    }
  }
  if (should_set) return dict_set(registry, key, py_bool(true)) ? 0 : -1;
  return 0;
}

int update_registry(Dict* registry, Value text, Value category, bool add_zero) {
  Value key = add_zero ? Value(tuple_of({text, category, Value::small(0)})) : Value(tuple_of({text, category}));
  return already_warned(registry, key, true);
}

// "file.py" -> "file" (CPython's normalize_module).
Value normalize_module(Value filename) {
  Str* s = filename.as<Str>();
  int64_t n = s->length;
  if (n >= 3 && s->at(n - 3) == '.' && s->at(n - 2) == 'p' && s->at(n - 1) == 'y') return str_substr(s, 0, n - 3);
  return filename;
}

// The C show_warning, for when the warnings module is not imported.
bool show_warning_direct(Value filename, int64_t lineno, Value text, Value category) {
  static Str* const kName = intern("__name__");
  static Str* const kWrite = intern("write");
  Value name = get_attr(category, kName);
  if (!name) return false;
  Value file = get_sys_attr("stderr");
  if (!file) {
    clear_error();
    return true;
  }
  if (is_none(file)) return true;
  Value ftext = str_of(filename), ntext = str_of(name), ttext = str_of(text);
  if (!ftext || !ntext || !ttext) return false;
  std::string line = str_to_utf8(ftext.as<Str>()) + ":" + std::to_string(lineno) + ": " +
                     str_to_utf8(ntext.as<Str>()) + ": " + str_to_utf8(ttext.as<Str>()) + "\n";
  std::string src;
  if (source_line(str_to_utf8(ftext.as<Str>()), int(lineno), &src)) {
    size_t b = src.find_first_not_of(" \t\f");
    if (b != std::string::npos) line += "  " + src.substr(b) + "\n";
  }
  Value arg = str_from_utf8(line);
  return bool(call_method(file, kWrite, &arg, 1));
}

bool call_show_warning(Value category, Value text, Value message, Value filename, int64_t lineno, Value source) {
  Value show = warnings_attr("_showwarnmsg");
  if (!show) return show_warning_direct(filename, lineno, text, category);
  if (!is_callable(show)) {
    raise(exc::TypeError, "warnings._showwarnmsg() must be set to a callable");
    return false;
  }
  Value cls = warnings_attr("WarningMessage");
  if (!cls) {
    raise(exc::RuntimeError, "unable to get warnings.WarningMessage");
    return false;
  }
  Value args[7] = {message, category, filename, int_from_i64(lineno), none(), none(), source ? source : none()};
  Value msg = call(cls, args, 7);
  if (!msg) return false;
  return bool(call1(show, msg));
}

Value warn_explicit(Value category, Value message, Value filename, int64_t lineno, Value module, Value registry,
                    Value source) {
  if (!module) module = normalize_module(filename);
  if (!module) return {};
  Value text = message;
  if (isinstance(message, exc::Warning)) {
    text = str_of(message);
    if (!text) return {};
    category = type_of(message);
  } else {
    message = call1(category, message);
    if (!message) return {};
  }
  Value key = tuple_of({text, category, int_from_i64(lineno)});
  Dict* reg = registry && is_dict(registry) ? registry.as<Dict>() : nullptr;
  if (reg) {
    int w = already_warned(reg, key, false);
    if (w < 0) return {};
    if (w > 0) return none();
  }
  Value item;
  Value action = get_filter(category, text, lineno, module, &item);
  if (!action) return {};
  std::string act = str_to_utf8(action.as<Str>());
  if (act == "error") {
    set_error(message.object());
    return {};
  }
  if (act == "ignore") return none();
  int rc = 0;
  if (act != "always") {
    if (reg && !dict_set(reg, key, py_bool(true))) return {};
    if (act == "once") {
      Value once = reg ? Value(reg) : get_once_registry();
      if (!once) return {};
      rc = update_registry(once.as<Dict>(), text, category, false);
    } else if (act == "module") {
      if (reg) rc = update_registry(reg, text, category, false);
    } else if (act != "default") {
      Value ar = repr(action), ir = repr(item);
      if (!ar || !ir) return {};
      return raisef(exc::RuntimeError, "Unrecognized action (%s) in warnings.filters:\n %s",
                    str_to_utf8(ar.as<Str>()).c_str(), str_to_utf8(ir.as<Str>()).c_str());
    }
  }
  if (rc < 0) return {};
  if (rc == 0 && !call_show_warning(category, text, message, filename, lineno, source)) return {};
  return none();
}

bool is_internal_frame(Frame* f) {
  if (!f) return false;
  std::string name = str_to_utf8(f->code->filename);
  return name.find("importlib") != std::string::npos && name.find("_bootstrap") != std::string::npos;
}

Frame* next_external_frame(Frame* f) {
  do {
    f = f->previous;
  } while (f && is_internal_frame(f));
  return f;
}

int frame_line(Frame* f) {
  int32_t lasti = f->lasti;
  return lasti >= 0 ? f->code->line_at(static_cast<uint32_t>(lasti)) : f->code->firstlineno;
}

// CPython's get_category.
Value get_category(Value message, Value category) {
  int is_warning = isinstance_full(message, exc::Warning);
  if (is_warning < 0) return {};
  if (is_warning) return type_of(message);
  if (!category || is_none(category)) return exc::UserWarning;
  int sub = isinstance(category, types::type) ? issubclass_full(category, exc::Warning) : 0;
  if (sub < 0) return {};
  if (!sub) {
    return raisef(exc::TypeError, "category must be a Warning subclass, not '%s'", type_name(category).c_str());
  }
  return category;
}

Value do_warn(Value message, Value category, int64_t stacklevel, Value source) {
  category = get_category(message, category);
  if (!category) return {};
  Frame* f = thread_state().frame;
  if (stacklevel <= 0 || is_internal_frame(f)) {
    while (--stacklevel > 0 && f) f = f->previous;
  } else {
    while (--stacklevel > 0 && f) f = next_external_frame(f);
  }
  Dict* globals;
  Value filename;
  int64_t lineno;
  if (!f) {
    globals = builtin_module("sys").as<Module>()->dict;
    filename = intern("sys");
    lineno = 1;
  } else {
    globals = f->globals;
    filename = f->code->filename;
    lineno = frame_line(f);
  }
  static Str* const kRegistry = intern("__warningregistry__");
  static Str* const kName = intern("__name__");
  Value registry = dict_get(globals, kRegistry);
  if (!registry) {
    if (has_error()) return {};
    registry = dict_new();
    if (!dict_set(globals, kRegistry, registry)) return {};
  }
  Value module = dict_get(globals, kName);
  if (!module || !(is_none(module) || is_str(module))) {
    if (has_error()) return {};
    module = str_from_ascii("<string>");
  }
  return warn_explicit(category, message, filename, lineno, module, registry, source);
}

Value f_warn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"message", "category", "stacklevel", "source", nullptr};
  Value message, category, stacklevel, source;
  if (!parse_args(ArgSpec{"warn", kParams, 1, 0, -1, true}, args, nargs, kwnames,
                  {&message, &category, &stacklevel, &source})) {
    return {};
  }
  int64_t level = 1;
  if (stacklevel && !arg_ssize(stacklevel, &level)) return {};
  return do_warn(message, category, level, source && !is_none(source) ? source : Value());
}

Value f_warn_explicit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"message", "category", "filename", "lineno", "module",
                                        "registry", "module_globals", "source", nullptr};
  Value message, category, filename, lineno, module, registry, module_globals, source;
  if (!parse_args(ArgSpec{"warn_explicit", kParams, 4, 0, -1, true}, args, nargs, kwnames,
                  {&message, &category, &filename, &lineno, &module, &registry, &module_globals, &source})) {
    return {};
  }
  if (!is_str(filename)) {
    return raisef(exc::TypeError, "warn_explicit() argument 3 must be str, not %s",
                  is_none(filename) ? "None" : type_name(filename).c_str());
  }
  int line;
  if (!arg_int(lineno, &line)) return {};
  if (registry && !is_none(registry) && !is_dict(registry)) {
    return raise(exc::TypeError, "'registry' must be a dict or None");
  }
  if (module_globals && !is_none(module_globals) && !is_dict(module_globals)) {
    return raisef(exc::TypeError, "module_globals must be a dict, not '%s'", type_name(module_globals).c_str());
  }
  return warn_explicit(category, message, filename, line, module, registry, source && !is_none(source) ? source : Value());
}

Value f_filters_mutated(Value, const Value*, size_t, Tuple*) {
  g_filters_version++;
  return none();
}

const MethodDef kFunctions[] = {
    {"warn", f_warn, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", f_warn_explicit, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Low-level interface to warnings functionality."},
    {"_filters_mutated", f_filters_mutated, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_warnings_module() {
  init_state();
  Module* m = module_new(intern("_warnings"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."));
  Str* name = intern("_warnings");
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  }
  dict_set_str(m->dict, intern("filters"), g_filters);
  dict_set_str(m->dict, intern("_onceregistry"), g_once_registry);
  dict_set_str(m->dict, intern("_defaultaction"), g_default_action);
  return m;
}

}  // namespace pyrite::python
