// The sys module: what programs need to run (argv, path, modules, the
// standard streams, exit, recursion limit, exc_info, implementation);
// docs/interp.md, "The sys module". More comes with the stdlib issue.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "python/interp/eval.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/modules/io.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/frame_object.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/namespace.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/objects/traceback.h"

namespace pyrite::python {

namespace {

// ---- functions ----

Value sys_exit(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("exit", nargs, 0, 1)) return {};
  // A tuple argument becomes the exception's args, as CPython raises it.
  Value e = !nargs                ? call0(exc::SystemExit)
            : is_exact_tuple(args[0]) ? call_tuple_dict(exc::SystemExit, args[0].as<Tuple>(), nullptr)
                                      : call1(exc::SystemExit, args[0]);
  if (!e) return {};
  set_error(e.object());
  return {};
}

Value sys_getrecursionlimit(Value, const Value*, size_t, Tuple*) {
  return int_from_i64(thread_state().recursion_limit);
}

Value sys_setrecursionlimit(Value, const Value* args, size_t, Tuple*) {
  if (!is_int(args[0])) {
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]).c_str());
  }
  auto n = int_to_i64(args[0]);
  if (!n || *n > 0x7fffffff) return raise(exc::OverflowError, "Python int too large to convert to C int");
  if (*n < 1) return raise(exc::ValueError, "recursion limit must be greater or equal than 1");
  ThreadState& ts = thread_state();
  if (*n <= ts.depth) {
    return raisef(exc::RecursionError,
                  "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                  static_cast<long long>(*n), ts.depth);
  }
  ts.recursion_limit = static_cast<int>(*n);
  return none();
}

Value sys_exc_info(Value, const Value*, size_t, Tuple*) {
  Value h = thread_state().handled;
  if (!h) return tuple_of({none(), none(), none()});
  Value tb = exception_traceback(h);
  return tuple_of({type_of(h), h, tb ? tb : none()});
}

Value sys_exception(Value, const Value*, size_t, Tuple*) {
  Value h = thread_state().handled;
  return h ? h : none();
}

Value sys_intern(Value, const Value* args, size_t, Tuple*) {
  if (!is_exact_str(args[0])) {
    return raisef(exc::TypeError, "intern() argument must be str, not %s", type_name(args[0]).c_str());
  }
  return intern_str(args[0].as<Str>());
}

Value sys_excepthook(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("excepthook", nargs, 3, 3)) return {};
  Value err = get_sys_attr("stderr");
  if (!err) clear_error();
  print_exception(args[1], err);
  return none();
}

Value sys_displayhook(Value, const Value* args, size_t, Tuple*) {
  Value v = args[0];
  if (is_none(v)) return none();
  Value b = builtins_module();
  static Str* const kUnderscore = intern("_");
  if (!set_attr(b, kUnderscore, none())) return {};
  Value r = repr(v);
  if (!r) return {};
  Value out = get_sys_attr("stdout");
  if (!out) return {};
  static Str* const kWrite = intern("write");
  Value nl = str_from_ascii("\n");
  if (!call_method(out, kWrite, &r, 1) || !call_method(out, kWrite, &nl, 1)) return {};
  if (!set_attr(b, kUnderscore, v)) return {};
  return none();
}

Value sys_getdefaultencoding(Value, const Value*, size_t, Tuple*) { return intern("utf-8"); }

// The file system's encoding is UTF-8 with surrogateescape, as CPython's
// in a UTF-8 locale (posix converts paths and the environment so).
Value sys_getfilesystemencoding(Value, const Value*, size_t, Tuple*) { return intern("utf-8"); }
Value sys_getfilesystemencodeerrors(Value, const Value*, size_t, Tuple*) {
  return intern("surrogateescape");
}

// sys.audit(event, *args): no audit hooks can be added, so an event goes
// nowhere (CPython, hookless, does not even check the event's type).
Value sys_audit(Value, const Value*, size_t nargs, Tuple*) {
  if (nargs == 0) return raise(exc::TypeError, "audit() missing 1 required positional argument: 'event'");
  return none();
}

Value sys_get_int_max_str_digits(Value, const Value*, size_t, Tuple*) {
  return int_from_i64(static_cast<int64_t>(int_max_str_digits()));
}

Value sys_set_int_max_str_digits(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"maxdigits", nullptr};
  Value v;
  ArgSpec spec{"set_int_max_str_digits", kNames, 1, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&v})) return {};
  auto n = int_to_i64(v);
  if (!n) return raise(exc::OverflowError, "Python int too large to convert to C int");
  if (*n != 0 && *n < 640) return raise(exc::ValueError, "maxdigits must be 0 or larger than 640");
  set_int_max_str_digits(static_cast<size_t>(*n));
  return none();
}

Value sys_getframe(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_getframe", nargs, 0, 1)) return {};
  int64_t depth = 0;
  if (nargs && !int_to_index(args[0], &depth)) return {};
  Frame* f = thread_state().frame;
  for (; f && depth > 0; depth--) f = f->previous;
  if (!f) return raise(exc::ValueError, "call stack is not deep enough");
  return frame_object_for(f);
}

const MethodDef kSysFunctions[] = {
    {"exit", sys_exit, MethodFlag::kVarArgs},
    {"getrecursionlimit", sys_getrecursionlimit, MethodFlag::kNoArgs},
    {"setrecursionlimit", sys_setrecursionlimit, MethodFlag::kOneArg},
    {"exc_info", sys_exc_info, MethodFlag::kNoArgs},
    {"exception", sys_exception, MethodFlag::kNoArgs},
    {"intern", sys_intern, MethodFlag::kOneArg},
    {"excepthook", sys_excepthook, MethodFlag::kVarArgs},
    {"displayhook", sys_displayhook, MethodFlag::kOneArg},
    {"getdefaultencoding", sys_getdefaultencoding, MethodFlag::kNoArgs},
    {"getfilesystemencoding", sys_getfilesystemencoding, MethodFlag::kNoArgs},
    {"audit", sys_audit, MethodFlag::kVarArgs},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, MethodFlag::kNoArgs},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, MethodFlag::kNoArgs},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"_getframe", sys_getframe, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

void set(Dict* d, const char* name, Value v) { dict_set_str(d, intern(name), v); }

List* string_list(const std::vector<std::string>& items) {
  List* l = list_new();
  for (const std::string& s : items) list_append(l, str_from_utf8(s));
  return l;
}

}  // namespace

Module* make_sys_module(const RunOptions& options) {
  Module* m = module_new(intern("sys"));
  Dict* d = m->dict;
  for (const MethodDef* def = kSysFunctions; def->name; def++) {
    set(d, def->name, new_builtin_function(def, m));
  }
  set(d, "argv", string_list(options.argv));
  std::vector<std::string> path;
  path.push_back(options.script_dir);
  if (const char* pp = std::getenv("PYTHONPATH")) {
    std::string s(pp);
    size_t start = 0;
    while (start <= s.size()) {
      size_t colon = s.find(':', start);
      std::string item = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!item.empty()) path.push_back(item);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  path.push_back(PYRITE_LIB_DIR);
  path.push_back("/usr/lib/python3.11");
  set(d, "path", string_list(path));
  // The standard streams: _io objects as CPython's create_stdio makes them.
  const char* unbuffered_env = std::getenv("PYTHONUNBUFFERED");
  bool unbuffered = options.unbuffered || (unbuffered_env && *unbuffered_env);
  if (!builtin_module("_io")) {
    std::fprintf(stderr, "pyrite: cannot make the _io module\n");
    std::abort();
  }
  const char* names[3][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
  for (int fd = 0; fd < 3; fd++) {
    Value stream = io::make_std_stream(fd, fd != 0, unbuffered);
    if (!stream) {
      // An invalid descriptor (closed at start-up) gives None, as in CPython.
      clear_error();
      stream = none();
    }
    set(d, names[fd][0], stream);
    set(d, names[fd][1], stream);
  }
  set(d, "__excepthook__", dict_get_str(d, intern("excepthook")));
  set(d, "__displayhook__", dict_get_str(d, intern("displayhook")));
  set(d, "maxsize", int_from_i64(INT64_MAX));
  set(d, "maxunicode", int_from_i64(0x10FFFF));
  set(d, "byteorder", intern("little"));
  set(d, "platform", intern("linux"));
  set(d, "version", str_from_ascii("3.11.2 (Pyrite 0.1.0)"));
  set(d, "hexversion", int_from_i64(0x030B02F0));
  set(d, "version_info", tuple_of({Value::small(3), Value::small(11), Value::small(2), intern("final"), Value::small(0)}));
  set(d, "executable", str_from_utf8(options.executable));
  set(d, "dont_write_bytecode", py_bool(true));
  // PYTHONWARNINGS and -W options (the warnings module reads this list).
  List* warnoptions = list_new();
  for (const std::string& w : options.warnoptions) list_append(warnoptions, str_from_utf8(w));
  set(d, "warnoptions", warnoptions);
  set(d, "builtin_module_names", builtin_module_names());
  // sys.implementation: name 'pyrite', cache_tag None (DESIGN.md).
  Value impl = namespace_new({{"name", intern("pyrite")},
                              {"cache_tag", none()},
                              {"version", dict_get_str(d, intern("version_info"))},
                              {"hexversion", dict_get_str(d, intern("hexversion"))},
                              {"_multiarch", intern("x86_64-linux-gnu")}});
  set(d, "implementation", impl);
  return m;
}

}  // namespace pyrite::python
