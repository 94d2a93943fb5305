// The sys module: CPython 3.11's attributes and functions that a program
// can observe (argv, path, the standard streams, flags, float_info and the
// other struct sequences, exit, recursion limit, exc_info, getsizeof...);
// docs/modules.md, "sys".
#include <pthread.h>
#include <unistd.h>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "python/interp/eval.h"
#include "python/interp/generator.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "gc/heap.h"
#include "python/modules/codecs_module.h"
#include "python/modules/io.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/frame_object.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/namespace.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/set.h"
#include "python/objects/str.h"
#include "python/objects/structseq.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/objects/traceback.h"

namespace pyrite::python {

bool g_finalizing = false;
bool g_module_teardown = false;

#if defined(__clang__)
#define PYR_COMPILER_NAME "Clang " __clang_version__
#elif defined(__GNUC__)
#define PYR_COMPILER_NAME "GCC " __VERSION__
#else
#define PYR_COMPILER_NAME "unknown compiler"
#endif

namespace {

Dict* g_sys_dict_for_unraisable = nullptr;  // sys.__dict__ (the module holds it)

// What the functions below keep: the trace and profile functions, the
// asynchronous generator hooks, the switch interval (a rooted dict).
Dict* g_state = nullptr;

Value state_get(const char* key) {
  Value v = dict_get_str(g_state, intern(key));
  return v ? v : none();
}
bool state_set(const char* key, Value v) { return dict_set_str(g_state, intern(key), v); }

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
  Value h = handled_exception(thread_state());
  if (!h) return tuple_of({none(), none(), none()});
  Value tb = exception_traceback(h);
  return tuple_of({type_of(h), h, tb ? tb : none()});
}

Value sys_exception(Value, const Value*, size_t, Tuple*) {
  Value h = handled_exception(thread_state());
  return h ? h : none();
}

Value sys_intern(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "intern() argument must be str, not %s", type_name(args[0]).c_str());
  }
  if (!is_exact_str(args[0])) return raisef(exc::TypeError, "can't intern %s", type_name(args[0]).c_str());
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

// The audit hooks sys.addaudithook added, in order (a list in g_state).
List* audit_hooks() {
  Value l = dict_get_str(g_state, intern("audit_hooks"));
  return l ? l.as<List>() : nullptr;
}

// Calls every hook with (event, args); the first error stops and is the
// result. Pyrite's own C++ code raises no events: the hooks see those of
// sys.audit calls (the Python stdlib's and the program's).
bool run_audit_hooks(Value event, Tuple* args) {
  List* hooks = audit_hooks();
  if (!hooks) return true;
  for (int64_t i = 0; i < hooks->length; i++) {
    Value call_args[2] = {event, args};
    if (!call(list_get(hooks, i), call_args, 2)) return false;
  }
  return true;
}

Value sys_audit(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs == 0) return raise(exc::TypeError, "audit() missing 1 required positional argument: 'event'");
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "expected str for argument 'event', not %s", type_name(args[0]).c_str());
  }
  List* hooks = audit_hooks();
  if (!hooks || hooks->length == 0) return none();
  Tuple* rest = tuple_from_array(args + 1, int64_t(nargs - 1));
  if (!rest) return {};
  return run_audit_hooks(args[0], rest) ? none() : Value();
}

// addaudithook(hook): the hooks already added see "sys.addaudithook"
// first; one that raises an Exception vetoes the new hook silently.
Value sys_addaudithook(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"hook", nullptr};
  Value hook;
  if (!parse_args({"addaudithook", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&hook})) return {};
  if (!run_audit_hooks(intern("sys.addaudithook"), tuple_new(0))) {
    if (error_matches(exc::Exception)) {
      clear_error();
      return none();
    }
    return {};
  }
  List* hooks = audit_hooks();
  if (!hooks) {
    hooks = list_new();
    if (!state_set("audit_hooks", hooks)) return {};
  }
  list_append(hooks, hook);
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

// sys.call_tracing(func, args): func(*args) (tracing is never suspended
// in Pyrite, so there is nothing to turn back on).
Value sys_call_tracing(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "call_tracing expected 2 arguments, got %zu", nargs);
  if (!is_tuple(args[1])) {
    return raisef(exc::TypeError, "call_tracing() argument 2 must be tuple, not %s", type_name(args[1]).c_str());
  }
  return call_tuple_dict(args[0], args[1].as<Tuple>(), nullptr);
}

// settrace/setprofile keep the function for gettrace/getprofile (the
// threading and bdb modules read it back); Pyrite's interpreter calls
// neither (docs/modules.md, "sys").
Value sys_settrace(Value, const Value* args, size_t, Tuple*) {
  return state_set("trace", args[0]) ? none() : Value();
}
Value sys_gettrace(Value, const Value*, size_t, Tuple*) { return state_get("trace"); }
Value sys_setprofile(Value, const Value* args, size_t, Tuple*) {
  return state_set("profile", args[0]) ? none() : Value();
}
Value sys_getprofile(Value, const Value*, size_t, Tuple*) { return state_get("profile"); }

// CPython adds its GC header (16 bytes) to the __sizeof__ of objects its
// collector tracks: instances of classes, type objects made by class
// statements, and every builtin type but the atomic ones.
bool tracked_by_cpython_gc(Value v) {
  Type* t = type_of(v);
  if (t->is_heap_type()) return true;
  if (t->has_flag(TypeFlag::kTypeSubclass)) return v.as<Type>()->is_heap_type();
  static const char* const kAtomic[] = {"object", "int", "bool", "float", "complex", "str", "bytes",
                                        "bytearray", "range", "NoneType", "ellipsis", "NotImplementedType",
                                        "code", nullptr};
  std::string name = type_name_of(t);
  for (const char* const* a = kAtomic; *a; a++)
    if (name == *a) return false;
  return true;
}

// CPython 3.11 keeps the __dict__ of instances of most classes in two words
// before the object ("managed dict"): classes with a __dict__ whose
// instances are not of variable size (int, tuple, bytes subclasses).
bool managed_dict(Value v) {
  Type* t = type_of(v);
  if (!t->is_heap_type()) return false;
  static Str* const kDict = intern("__dict__");
  if (!type_lookup(t, kDict)) return false;
  return !isinstance(v, types::int_) && !isinstance(v, types::tuple) && !isinstance(v, types::bytes);
}

Value sys_getsizeof(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"object", "default", nullptr};
  Value obj, dflt;
  if (!parse_args({"getsizeof", kNames, 1, 0}, args, nargs, kwnames, {&obj, &dflt})) return {};
  static Str* const kSizeof = intern("__sizeof__");
  // Looked up on the type and bound (a descriptor's __get__ runs); a
  // TypeError, "doesn't define" included, gives the default when there is one.
  bool found = false;
  Value r = call_special(obj, kSizeof, nullptr, 0, &found);
  if (!found && !has_error())
    raisef(exc::TypeError, "Type %s doesn't define __sizeof__", type_name(obj).c_str());
  if (!r) {
    if (dflt && error_matches(exc::TypeError)) {
      clear_error();
      return dflt;
    }
    return {};
  }
  int64_t size = 0;
  if (!is_int(r)) return raise(exc::TypeError, "an integer is required");
  auto n = int_to_i64(r);
  if (!n) {
    return raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", type_name(r).c_str());
  }
  size = *n;
  if (size < 0) return raise(exc::ValueError, "__sizeof__() should return >= 0");
  if (tracked_by_cpython_gc(obj)) size += 16;
  if (managed_dict(obj)) size += 16;
  return int_from_i64(size);
}

// The objects allocated on the heap and not yet found dead by a collection.
Value sys_getallocatedblocks(Value, const Value*, size_t, Tuple*) {
  int64_t n = 0;
  gc::Heap::current()->for_each_object([&](void*, size_t) { n++; });
  return int_from_i64(n);
}

Value sys_is_finalizing(Value, const Value*, size_t, Tuple*) { return py_bool(g_finalizing); }

// The switch interval is kept and reported; with one thread it decides
// nothing.
Value sys_getswitchinterval(Value, const Value*, size_t, Tuple*) { return state_get("switchinterval"); }
Value sys_setswitchinterval(Value, const Value* args, size_t, Tuple*) {
  double d = 0;
  if (!float_as_double(args[0], &d)) return {};
  if (d <= 0.0) return raise(exc::ValueError, "switch interval must be strictly positive");
  return state_set("switchinterval", float_new(d)) ? none() : Value();
}

// dlopen flags: kept for the day extension modules load (RTLD_NOW).
Value sys_getdlopenflags(Value, const Value*, size_t, Tuple*) { return state_get("dlopenflags"); }
Value sys_setdlopenflags(Value, const Value* args, size_t, Tuple*) {
  int flags = 0;
  if (!arg_int(args[0], &flags)) return {};
  return state_set("dlopenflags", Value::small(flags)) ? none() : Value();
}

Value sys_get_coroutine_origin_tracking_depth(Value, const Value*, size_t, Tuple*) {
  return Value::small(coroutine_origin_tracking_depth());
}
Value sys_set_coroutine_origin_tracking_depth(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"depth", nullptr};
  Value v;
  if (!parse_args({"set_coroutine_origin_tracking_depth", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&v}))
    return {};
  int depth = 0;
  if (!arg_int(v, &depth)) return {};
  if (depth < 0) return raise(exc::ValueError, "depth must be >= 0");
  set_coroutine_origin_tracking_depth(depth);  // generator.cpp records cr_origin
  return none();
}

// Pyrite's method caches are invalidated precisely, so there is nothing to
// clear.
Value sys_clear_type_cache(Value, const Value*, size_t, Tuple*) { return none(); }

// ---- unraisable exceptions ----

Type* g_unraisable_args_type = nullptr;

const StructSeqField kUnraisableFields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},
    {"object", "Object causing the exception"},
};
const StructSeqDesc kUnraisableDesc = {"UnraisableHookArgs", nullptr,
                                       "Type used to pass arguments to sys.unraisablehook.", kUnraisableFields, 5, 5};

// Writes text to sys.stderr, or to the process's stderr when there is no
// sys.stderr (nothing when it is None).
void write_stderr(Value file, const std::string& text) {
  if (!file) {
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
    return;
  }
  if (is_none(file)) return;
  static Str* const kWrite = intern("write");
  Value s = str_from_utf8(text);
  if (!call_method(file, kWrite, &s, 1)) clear_error();
}

// The default hook (CPython's write_unraisable_exc_file): "<err_msg>:
// <repr(object)>" (err_msg defaults to "Exception ignored in"), then the
// traceback exc_tb and "module.Type: str(value)" (no chained exceptions,
// no notes, the module left out for builtins and __main__).
void default_unraisable(Value exc_type, Value exc_value, Value exc_tb, Value err_msg, Value object) {
  Value file = get_sys_attr("stderr");
  if (!file) clear_error();
  std::string msg = err_msg && !is_none(err_msg) && is_str(err_msg) ? str_to_utf8(err_msg.as<Str>()) : "";
  if (object && !is_none(object)) {
    Value r = repr(object);
    std::string rs = r ? str_to_utf8(r.as<Str>()) : "<object repr() failed>";
    if (!r) clear_error();
    write_stderr(file, (msg.empty() ? std::string("Exception ignored in") : msg) + ": " + rs + "\n");
  } else if (!msg.empty()) {
    write_stderr(file, msg + ":\n");
  }
  std::string text = exc_tb && !is_none(exc_tb) ? format_traceback(exc_tb, !g_module_teardown) : "";
  if (exc_type && !is_none(exc_type)) {
    static Str* const kModule = intern("__module__");
    static Str* const kQualname = intern("__qualname__");
    Value module = get_attr_or_null(exc_type, kModule);
    if (!module || !is_str(module)) {
      clear_error();
      text += "<unknown>";
    } else {
      std::string m = str_to_utf8(module.as<Str>());
      if (m != "builtins" && m != "__main__") text += m + ".";
    }
    Value qualname = isinstance(exc_type, types::type) ? get_attr_or_null(exc_type, kQualname) : Value();
    if (!qualname || !is_str(qualname)) {
      clear_error();
      text += "<unknown>";
    } else {
      text += str_to_utf8(qualname.as<Str>());
    }
    if (exc_value && !is_none(exc_value)) {
      Value sv = str_of(exc_value);
      if (!sv) clear_error();
      text += ": " + (sv ? str_to_utf8(sv.as<Str>()) : std::string("<exception str() failed>"));
    }
    text += "\n";
  }
  write_stderr(file, text);
  static Str* const kFlush = intern("flush");
  if (file && !is_none(file) && !call_method(file, kFlush, nullptr, 0)) clear_error();
}

Value sys_unraisablehook(Value, const Value* args, size_t, Tuple*) {
  Value a = args[0];
  if (!g_unraisable_args_type || !a.is_object() || type_of(a) != g_unraisable_args_type) {
    return raise(exc::TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
  }
  Tuple* t = a.as<Tuple>();
  default_unraisable(struct_seq_get(t, 0), struct_seq_get(t, 1), struct_seq_get(t, 2), struct_seq_get(t, 3),
                     struct_seq_get(t, 4));
  return none();
}

bool g_ignore_environment = false;  // -E / -I: PYTHONBREAKPOINT is not read

// sys.breakpointhook(*args, **kws): the callable named by PYTHONBREAKPOINT
// ("module.attr", a builtin's name; pdb.set_trace when unset or empty; "0"
// disables it) called with the arguments; a name that cannot be imported
// is a RuntimeWarning and no call.
Value sys_breakpointhook(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* env = g_ignore_environment ? nullptr : std::getenv("PYTHONBREAKPOINT");
  std::string spec = env ? env : "";
  if (spec == "0") return none();
  std::string module_path = "pdb", attr = "set_trace";
  if (!spec.empty()) {
    size_t dot = spec.rfind('.');
    module_path = dot == std::string::npos ? "builtins" : spec.substr(0, dot);
    attr = dot == std::string::npos ? spec : spec.substr(dot + 1);
  }
  Value hook;
  Value imported = module_path.empty() ? Value() : import_module_level(str_from_utf8(module_path), none(), none(), 0);
  if (imported) {
    Value module = dict_get(sys_modules(), str_from_utf8(module_path));
    if (!module) module = imported;
    hook = get_attr(module, str_from_utf8(attr));
    if (!hook && !error_matches(exc::AttributeError)) return {};
  } else if (module_path.empty() || error_matches(exc::ImportError)) {
    hook = Value();
  } else {
    return {};
  }
  if (!hook) {
    clear_error();
    if (!issue_warning(exc::RuntimeWarning, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + spec + "\"", 1)) return {};
    return none();
  }
  return call(hook, args, nargs, kwnames);
}

Value current_thread_ident() { return int_from_u64(static_cast<uint64_t>(pthread_self())); }

// {thread id: the frame that called}; the only thread is the caller's.
Value sys_current_frames(Value, const Value*, size_t, Tuple*) {
  Dict* d = dict_new();
  Frame* f = thread_state().frame;
  if (f && !dict_set(d, current_thread_ident(), frame_object_for(f))) return {};
  return d;
}

Value sys_current_exceptions(Value, const Value*, size_t, Tuple*) {
  Value info = sys_exc_info(Value(), nullptr, 0, nullptr);
  if (!info) return {};
  Dict* d = dict_new();
  if (!dict_set(d, current_thread_ident(), info)) return {};
  return d;
}

// get_asyncgen_hooks/set_asyncgen_hooks (the state is the async generators', generator.h).
const StructSeqField kAsyncgenHooksFields[] = {
    {"firstiter", "Hook to intercept first iteration"},
    {"finalizer", "Hook to intercept finalization"},
};
const StructSeqDesc kAsyncgenHooksDesc = {"asyncgen_hooks", nullptr, "", kAsyncgenHooksFields, 2, 2};
Type* g_asyncgen_hooks_type = nullptr;

Value sys_get_asyncgen_hooks(Value, const Value*, size_t, Tuple*) {
  if (!g_asyncgen_hooks_type) make_struct_seq_type(&g_asyncgen_hooks_type, &kAsyncgenHooksDesc);
  Value firstiter, finalizer;
  asyncgen_hooks(&firstiter, &finalizer);
  Tuple* t = struct_seq_new(g_asyncgen_hooks_type);
  struct_seq_set(t, 0, firstiter ? firstiter : none());
  struct_seq_set(t, 1, finalizer ? finalizer : none());
  return t;
}

// set_asyncgen_hooks(firstiter=..., finalizer=...): an argument left out keeps its hook, None removes it.
Value sys_set_asyncgen_hooks(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(kwnames->length) : 0;
  if (nargs + nkw > 2) return raisef(exc::TypeError, "function takes at most 2 arguments (%zu given)", nargs + nkw);
  Value given[2];
  for (size_t i = 0; i < nargs; i++) given[i] = args[i];
  for (size_t i = 0; i < nkw; i++) {
    std::string key = str_to_utf8(kwnames->at(int64_t(i)).as<Str>());
    int k = key == "firstiter" ? 0 : key == "finalizer" ? 1 : -1;
    if (k < 0) return raisef(exc::TypeError, "'%s' is an invalid keyword argument for this function", key.c_str());
    if (given[k])
      return raisef(exc::TypeError, "argument for function given by name ('%s') and position (%d)", key.c_str(), k + 1);
    given[k] = args[nargs + i];
  }
  Value firstiter, finalizer;
  asyncgen_hooks(&firstiter, &finalizer);
  const char* names[2] = {"finalizer", "firstiter"};
  Value* slots[2] = {&firstiter, &finalizer};
  // CPython checks the finalizer first.
  for (int k : {1, 0}) {
    Value v = given[k];
    if (!v) continue;
    if (!is_none(v) && !is_callable(v))
      return raisef(exc::TypeError, "callable %s expected, got %s", names[1 - k], type_name(v).c_str());
  }
  for (int k = 0; k < 2; k++)
    if (given[k]) *slots[k] = is_none(given[k]) ? Value() : given[k];
  set_asyncgen_hooks(firstiter, finalizer);
  return none();
}

const MethodDef kSysFunctions[] = {
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, MethodFlag::kNoArgs},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, MethodFlag::kVarArgs | MethodFlag::kKeywords},
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
    {"addaudithook", sys_addaudithook, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, MethodFlag::kNoArgs},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, MethodFlag::kNoArgs},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"_getframe", sys_getframe, MethodFlag::kVarArgs},
    {"call_tracing", sys_call_tracing, MethodFlag::kVarArgs},
    {"settrace", sys_settrace, MethodFlag::kOneArg},
    {"gettrace", sys_gettrace, MethodFlag::kNoArgs},
    {"setprofile", sys_setprofile, MethodFlag::kOneArg},
    {"getprofile", sys_getprofile, MethodFlag::kNoArgs},
    {"getsizeof", sys_getsizeof, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kTupleArgs},
    {"getallocatedblocks", sys_getallocatedblocks, MethodFlag::kNoArgs},
    {"is_finalizing", sys_is_finalizing, MethodFlag::kNoArgs},
    {"getswitchinterval", sys_getswitchinterval, MethodFlag::kNoArgs},
    {"setswitchinterval", sys_setswitchinterval, MethodFlag::kOneArg},
    {"getdlopenflags", sys_getdlopenflags, MethodFlag::kNoArgs},
    {"setdlopenflags", sys_setdlopenflags, MethodFlag::kOneArg},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, MethodFlag::kNoArgs},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth,
     MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"_clear_type_cache", sys_clear_type_cache, MethodFlag::kNoArgs},
    {"_current_frames", sys_current_frames, MethodFlag::kNoArgs},
    {"_current_exceptions", sys_current_exceptions, MethodFlag::kNoArgs},
    {"unraisablehook", sys_unraisablehook, MethodFlag::kOneArg},
    {"breakpointhook", sys_breakpointhook, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {nullptr, nullptr, 0},
};

void set(Dict* d, const char* name, Value v) { dict_set_str(d, intern(name), v); }

// ---- the struct sequences: sys.flags, float_info, int_info, hash_info, thread_info ----

Type* g_flags_type = nullptr;
Type* g_float_info_type = nullptr;
Type* g_int_info_type = nullptr;
Type* g_hash_info_type = nullptr;
Type* g_thread_info_type = nullptr;

const StructSeqField kFlagsFields[] = {
    {"debug", "-d"},
    {"inspect", "-i"},
    {"interactive", "-i"},
    {"optimize", "-O or -OO"},
    {"dont_write_bytecode", "-B"},
    {"no_user_site", "-s"},
    {"no_site", "-S"},
    {"ignore_environment", "-E"},
    {"verbose", "-v"},
    {"bytes_warning", "-b"},
    {"quiet", "-q"},
    {"hash_randomization", "-R"},
    {"isolated", "-I"},
    {"dev_mode", "-X dev"},
    {"utf8_mode", "-X utf8"},
    {"warn_default_encoding", "-X warn_default_encoding"},
    {"safe_path", "-P"},
    {"int_max_str_digits", "-X int_max_str_digits"},
};
const StructSeqDesc kFlagsDesc = {"flags", "sys", "Flags provided through command line arguments or environment vars.",
                                  kFlagsFields, 18, 18};

const StructSeqField kFloatInfoFields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
};
const StructSeqDesc kFloatInfoDesc = {"float_info", "sys",
                                      "A named tuple holding information about the float type.",
                                      kFloatInfoFields, 11, 11};

const StructSeqField kIntInfoFields[] = {
    {"bits_per_digit", "size of a digit in bits"},
    {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for int_max_str_digits"},
};
const StructSeqDesc kIntInfoDesc = {"int_info", "sys",
                                    "A named tuple that holds information about Python's internal representation of "
                                    "integers.",
                                    kIntInfoFields, 4, 4};

const StructSeqField kHashInfoFields[] = {
    {"width", "width of the type used for hashing, in bits"},
    {"modulus", "prime number giving the modulus on which the hash function is based"},
    {"inf", "value to be used for hash of a positive infinity"},
    {"nan", "value to be used for hash of a nan"},
    {"imag", "multiplier used for the imaginary part of a complex number"},
    {"algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"},
    {"hash_bits", "internal output size of hash algorithm"},
    {"seed_bits", "seed size of hash algorithm"},
    {"cutoff", "small string optimization cutoff"},
};
const StructSeqDesc kHashInfoDesc = {"hash_info", "sys",
                                     "A named tuple providing parameters used for computing hashes.",
                                     kHashInfoFields, 9, 9};

const StructSeqField kThreadInfoFields[] = {
    {"name", "name of the thread implementation"},
    {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"},
};
const StructSeqDesc kThreadInfoDesc = {"thread_info", "sys",
                                       "A named tuple holding information about the thread implementation.",
                                       kThreadInfoFields, 3, 3};

Value refuse_new(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

// Made once; sys.flags cannot be instantiated from Python, as in CPython.
Type* make_sys_struct_seq(Type** into, const StructSeqDesc* desc) {
  if (*into) return *into;
  Type* t = make_struct_seq_type(into, desc);
  if (desc != &kFlagsDesc) return t;
  t->slots.new_ = refuse_new;
  dict_del_str(t->dict, intern("__new__"));
  type_modified(t, nullptr);
  return t;
}

Value make_flags(const RunOptions& o) {
  const RunOptions::Flags& f = o.flags;
  Tuple* t = struct_seq_new(make_sys_struct_seq(&g_flags_type, &kFlagsDesc));
  const Value items[] = {Value::small(f.debug), Value::small(f.inspect), Value::small(f.interactive),
                         Value::small(o.optimize), Value::small(f.dont_write_bytecode), Value::small(f.no_user_site),
                         Value::small(f.no_site), Value::small(f.ignore_environment), Value::small(f.verbose),
                         Value::small(f.bytes_warning), Value::small(f.quiet), Value::small(f.hash_randomization),
                         Value::small(f.isolated), py_bool(f.dev_mode), Value::small(f.utf8_mode),
                         Value::small(f.warn_default_encoding), py_bool(f.safe_path),
                         Value::small(f.int_max_str_digits)};
  for (int k = 0; k < 18; k++) struct_seq_set(t, k, items[k]);
  return t;
}

Value make_struct(Type** into, const StructSeqDesc* desc, std::initializer_list<Value> items) {
  Tuple* t = struct_seq_new(make_sys_struct_seq(into, desc));
  int k = 0;
  for (Value v : items) struct_seq_set(t, k++, v);
  return t;
}

// The version of the C library's threads, as confstr reports it ("NPTL 2.36").
Value thread_library_version() {
  char buf[128];
  size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, sizeof buf);
  if (n == 0 || n > sizeof buf) return none();
  return str_from_utf8(buf);
}

const char* const kStdlibModuleNames[] = {
#define PYR_STDLIB_MODULE(name) #name,
#include "python/modules/stdlib_module_names.def"
#undef PYR_STDLIB_MODULE
};

List* string_list(const std::vector<std::string>& items) {
  List* l = list_new();
  for (const std::string& s : items) list_append(l, str_from_utf8(s));
  return l;
}

}  // namespace

void write_unraisable_error(Value object, const char* err_msg) {
  Object* e = take_error();
  if (!e) return;
  // Raised by C++ code outside any frame's instruction (a generator's
  // close() refused by the generator): the running frame's line, as
  // CPython's _PyTraceBack_FromFrame here.
  Frame* f = thread_state().frame;
  if (!exception_traceback(e) && f && f->lasti >= 0) {
    auto lasti = static_cast<uint32_t>(f->lasti);
    const compile::LocationEntry* loc = f->code->location_at(lasti);
    traceback_add(e, frame_object_for(f), f->code, static_cast<int>(lasti) * 2, loc ? loc->line : -1,
                  loc ? loc->end_line : -1, loc ? loc->col : -1, loc ? loc->end_col : -1, f->code->filename,
                  f->code->name);
    clear_error();
  }
  Value hook = g_sys_dict_for_unraisable ? dict_get_str(g_sys_dict_for_unraisable, intern("unraisablehook")) : Value();
  if (!hook || is_none(hook) || !g_unraisable_args_type) {
    Value tb = exception_traceback(e);
    default_unraisable(type_of(e), e, tb ? tb : none(), err_msg ? str_from_utf8(err_msg) : none(),
                       object ? object : none());
    return;
  }
  Tuple* args = struct_seq_new(g_unraisable_args_type);
  Value tb = exception_traceback(e);
  struct_seq_set(args, 0, type_of(e));
  struct_seq_set(args, 1, e);
  struct_seq_set(args, 2, tb ? tb : none());
  struct_seq_set(args, 3, err_msg ? Value(str_from_utf8(err_msg)) : none());
  struct_seq_set(args, 4, object ? object : none());
  Value a = args;
  if (!call(hook, &a, 1)) {
    // The hook's own error is reported with the default hook, naming it.
    Object* hook_error = take_error();
    Value hook_tb = exception_traceback(hook_error);
    default_unraisable(type_of(hook_error), hook_error, hook_tb ? hook_tb : none(),
                       str_from_ascii("Exception ignored in sys.unraisablehook"), hook);
  }
  clear_error();
}

Module* make_sys_module(const RunOptions& options) {
  Module* m = module_new(intern("sys"));
  Dict* d = m->dict;
  if (!g_state) {
    g_state = dict_new();
    gc::add_root(reinterpret_cast<void**>(&g_state));
  }
  state_set("switchinterval", float_new(0.005));
  state_set("dlopenflags", Value::small(2));  // RTLD_NOW
  const RunOptions::Flags& flags = options.flags;
  for (const MethodDef* def = kSysFunctions; def->name; def++) {
    set(d, def->name, new_builtin_function(def, m));
  }
  set(d, "argv", string_list(options.argv));
  std::vector<std::string> path;
  // -P, -I and PYTHONSAFEPATH leave out the script's folder.
  if (!flags.safe_path) path.push_back(options.script_dir);
  if (const char* pp = flags.ignore_environment ? nullptr : std::getenv("PYTHONPATH")) {
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
  bool unbuffered = options.unbuffered;  // -u or PYTHONUNBUFFERED (main.cpp)
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
  set(d, "__unraisablehook__", dict_get_str(d, intern("unraisablehook")));
  set(d, "__breakpointhook__", dict_get_str(d, intern("breakpointhook")));
  g_ignore_environment = options.flags.ignore_environment;
  if (!g_unraisable_args_type) make_struct_seq_type(&g_unraisable_args_type, &kUnraisableDesc);
  g_sys_dict_for_unraisable = d;
  set(d, "maxsize", int_from_i64(INT64_MAX));
  set(d, "maxunicode", int_from_i64(0x10FFFF));
  set(d, "byteorder", intern("little"));
  set(d, "platform", intern("linux"));
  // CPython's layout, "VERSION (BUILD, DATE, TIME) [COMPILER]", which the
  // platform module parses; the build names Pyrite.
  set(d, "version", str_from_ascii("3.11.2 (Pyrite 0.1.0, " __DATE__ ", " __TIME__ ") [" PYR_COMPILER_NAME "]"));
  set(d, "hexversion", int_from_i64(0x030B02F0));
  set(d, "version_info", tuple_of({Value::small(3), Value::small(11), Value::small(2), intern("final"), Value::small(0)}));
  set(d, "executable", str_from_utf8(options.executable));
  set(d, "dont_write_bytecode", py_bool(true));
  set(d, "orig_argv", string_list(options.orig_argv));
  // Pyrite runs CPython's standard library from its installation in /usr.
  set(d, "prefix", intern("/usr"));
  set(d, "exec_prefix", intern("/usr"));
  set(d, "base_prefix", intern("/usr"));
  set(d, "base_exec_prefix", intern("/usr"));
  set(d, "platlibdir", intern("lib"));
  set(d, "_stdlib_dir", intern("/usr/lib/python3.11"));
  set(d, "_base_executable", str_from_utf8(options.executable));
  set(d, "_home", none());
  set(d, "_framework", intern(""));
  set(d, "pycache_prefix", none());
  set(d, "abiflags", intern(""));
  set(d, "api_version", Value::small(1013));
  set(d, "float_repr_style", intern("short"));
  set(d, "_git", tuple_of({intern("Pyrite"), intern(""), intern("")}));
  set(d, "copyright", str_from_ascii("Pyrite runs the Python 3.11 language and standard library.\n"
                                     "Python: Copyright (c) 2001-2023 Python Software Foundation.\n"
                                     "All Rights Reserved."));
  Dict* xoptions = dict_new();
  for (const auto& [name, value] : options.xoptions)
    dict_set(xoptions, str_from_utf8(name), value ? str_from_utf8(*value) : py_bool(true));
  set(d, "_xoptions", xoptions);
  set(d, "flags", make_flags(options));
  if (flags.int_max_str_digits >= 0) set_int_max_str_digits(static_cast<size_t>(flags.int_max_str_digits));
  set(d, "float_info", make_struct(&g_float_info_type, &kFloatInfoDesc,
                                   {float_new(DBL_MAX), Value::small(DBL_MAX_EXP), Value::small(DBL_MAX_10_EXP),
                                    float_new(DBL_MIN), Value::small(DBL_MIN_EXP), Value::small(DBL_MIN_10_EXP),
                                    Value::small(DBL_DIG), Value::small(DBL_MANT_DIG), float_new(DBL_EPSILON),
                                    Value::small(FLT_RADIX), Value::small(1)}));
  // int.__sizeof__ reports CPython's layout (30-bit digits in 4 bytes), so
  // int_info describes that layout.
  set(d, "int_info", make_struct(&g_int_info_type, &kIntInfoDesc,
                                 {Value::small(30), Value::small(4), Value::small(4300), Value::small(640)}));
  // Numbers hash as CPython's; str and bytes by FNV-1a with a fixed key.
  set(d, "hash_info", make_struct(&g_hash_info_type, &kHashInfoDesc,
                                  {Value::small(64), int_from_i64((int64_t{1} << 61) - 1), Value::small(314159),
                                   Value::small(0), Value::small(1000003), intern("fnv"), Value::small(64),
                                   Value::small(0), Value::small(0)}));
  // Locks are Pyrite's own (no second thread runs): no lock kind to name.
  set(d, "thread_info", make_struct(&g_thread_info_type, &kThreadInfoDesc,
                                    {intern("pthread"), none(), thread_library_version()}));
  Set* stdlib_names = set_new(types::frozenset);
  for (const char* name : kStdlibModuleNames) set_add(stdlib_names, intern(name));
  set(d, "stdlib_module_names", stdlib_names);
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
