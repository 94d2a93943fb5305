// Running programs (docs/interp.md, "Running programs"): start-up, the sys
// module, __build_class__, executing files and source, the top level's
// handling of uncaught exceptions and SystemExit.
#include "python/interp/pyrun.h"

#include <unistd.h>


#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/arena.h"
#include "base/stack.h"
#include "python/compile/compiler.h"
#include "python/interp/code_cache.h"
#include "python/interp/eval.h"
#include "python/interp/generator.h"
#include "python/interp/interp.h"
#include "python/interp/thread_state.h"
#include "python/modules/io.h"
#include "python/objects/cell.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/frame_object.h"
#include "python/objects/function.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/parse/parser.h"
#include "python/parse/syntax_error.h"

namespace pyrite::python {

Dict* make_builtins_dict();
Module* make_sys_module(const RunOptions& options);

namespace {

Module* g_builtins = nullptr;
Module* g_sys = nullptr;
Dict* g_modules = nullptr;
Value g_default_import;
std::vector<Object*> g_initializing;

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

// A SyntaxError object from the front end's report.
void raise_syntax_error(const parse::SyntaxError& e) {
  Type* t = e.type == "IndentationError" ? exc::IndentationError
            : e.type == "TabError"       ? exc::TabError
            : e.type == "ValueError"     ? exc::ValueError
                                         : exc::SyntaxError;
  if (t == exc::ValueError) {
    raise(t, e.msg);
    return;
  }
  Value exc = new_syntax_error(t, e.msg, e.filename, e.lineno, e.offset, e.text.empty() ? e.text : e.text + "\n",
                               e.end_lineno, e.end_offset);
  if (exc) set_error(exc.object());
}

bool emit_compile_warnings(const std::vector<parse::CompileWarning>& warnings) {
  if (warnings.empty()) return true;
  static Str* const kWarnings = intern("warnings");
  static Str* const kWarnExplicit = intern("warn_explicit");
  for (const parse::CompileWarning& w : warnings) {
    Type* category =
        w.category == parse::CompileWarning::Category::kSyntax ? exc::SyntaxWarning : exc::DeprecationWarning;
    Value m = import_module_level(kWarnings, none(), none(), 0);
    if (!m) return false;
    Value fn = get_attr(m, kWarnExplicit);
    if (!fn) return false;
    Str* msg = str_from_utf8(w.where.msg);
    Str* filename = str_from_utf8(w.where.filename);
    if (!msg || !filename) return false;
    Value args[4] = {msg, category, filename, int_from_i64(w.where.lineno)};
    if (call(fn, args, 4, nullptr)) continue;
    // The filters made it an error: a SyntaxError at its place instead.
    if (!error_matches(category)) return false;
    clear_error();
    raise_syntax_error(w.where);
    return false;
  }
  return true;
}

Value compile_source(std::string_view source, std::string_view filename, std::string_view mode, int flags,
                     bool dont_inherit, int optimize, bool source_is_str) {
  base::Arena arena;
  parse::SyntaxError error;
  parse::ParseOptions options;
  options.source_is_bytes = !source_is_str;
  if (mode == "eval") options.mode = parse::Mode::kEval;
  else if (mode == "single") options.mode = parse::Mode::kSingle;
  options.int_max_str_digits = int_max_str_digits();
  std::vector<parse::CompileWarning> warnings;
  options.warnings = &warnings;
  ast::ModNode* mod = parse::parse(source, filename, options, arena, &error);
  if (!mod) {
    raise_syntax_error(error);
    return {};
  }
  if (!emit_compile_warnings(warnings)) return {};
  compile::CompileOptions copts;
  copts.optimize = optimize < 0 ? 0 : optimize;
  copts.interactive = mode == "single";
  copts.source = source;
  warnings.clear();
  copts.warnings = &warnings;
  auto unit = compile::compile_module(mod, filename, arena, &error, copts);
  if (!unit) {
    raise_syntax_error(error);
    return {};
  }
  if (!emit_compile_warnings(warnings)) return {};
  register_source(std::string(filename), std::string(source));
  Code* c = code_from_unit(*unit);
  return c ? Value(c) : Value();
}

Dict* builtins_for_globals(Dict* globals) {
  static Str* const kBuiltins = intern("__builtins__");
  Value b = dict_get_str(globals, kBuiltins);
  if (!b) clear_error();
  if (b && is_module(b)) return b.as<Module>()->dict;
  if (b && is_dict(b)) return b.as<Dict>();
  // None there: the running code's builtins (CPython's
  // _PyEval_BuiltinsFromGlobals). TODO(#6): another object there is
  // CPython's builtins too (LOAD_GLOBAL then fails with its TypeError);
  // frames hold a dict, so it is ignored.
  return current_builtins();
}

Value eval_code(Code* code, Dict* globals, Value locals) {
  ThreadState& ts = thread_state();
  static Str* const kBuiltins = intern("__builtins__");
  Value b = dict_get_str(globals, kBuiltins);
  if (!b) {
    if (has_error()) return {};
    dict_set_str(globals, kBuiltins, g_builtins->dict);
  }
  // Before the new frame is the current one (builtins_for_globals may
  // fall back to the running code's builtins).
  Dict* builtins = builtins_for_globals(globals);
  Frame* f = push_frame(ts, code);
  if (!f) return {};
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals ? locals : Value(globals);
  f->cont = Continuation::kEntry;
  Frame* saved = f->previous;
  Value r = run(ts, f);
  ts.frame = saved;
  return r;
}

Dict* sys_modules() { return g_modules; }
Module* builtins_module() { return g_builtins; }

Value get_sys_attr(const char* name) {
  Value v = dict_get_str(g_sys->dict, intern(name));
  if (!v && !has_error()) raisef(exc::RuntimeError, "lost sys.%s", name);
  return v;
}

bool is_default_import(Value import_fn) { return import_fn.is(g_default_import); }

bool module_initializing(Value module) {
  for (Object* o : g_initializing) {
    if (Value(o).is(module)) return true;
  }
  return false;
}

// Modules written in C++, made on first import.
const struct {
  const char* name;
  Module* (*make)();
} kModules[] = {{"gc", make_gc_module}, {"_weakref", make_weakref_module},
                {"_thread", make_thread_module}, {"_collections", make_collections_module},
                {"itertools", make_itertools_module}, {"math", make_math_module},
                {"time", make_time_module},
                {"_random", make_random_module}, {"posix", make_posix_module},
                {"errno", make_errno_module},
                {"_sre", make_sre_module}, {"_io", make_io_module},
                {"_struct", make_struct_module}, {"_codecs", make_codecs_module},
                {"_string", make_string_module}, {"atexit", make_atexit_module},
                {"marshal", make_marshal_module}, {"_warnings", make_warnings_module},
                {"_signal", make_signal_module},
                {"_operator", make_operator_module},
                {"_heapq", make_heapq_module}, {"_bisect", make_bisect_module},
                {"_abc", make_abc_module},
                {"_functools", make_functools_module},
                {"_md5", make_md5_module}, {"_sha1", make_sha1_module},
                {"_sha256", make_sha256_module}, {"_sha512", make_sha512_module},
                {"binascii", make_binascii_module}, {"array", make_array_module},
                {"_sha3", make_sha3_module}, {"_blake2", make_blake2_module},
                {"_ast", make_ast_module}, {"_imp", make_imp_module},
                {"zlib", make_zlib_module},
                {"unicodedata", make_unicodedata_module},
                {"_json", make_json_module},
                {"_contextvars", make_contextvars_module}, {"_stat", make_stat_module},
                {"_locale", make_locale_module}, {"fcntl", make_fcntl_module},
                {"faulthandler", make_faulthandler_module}, {"pwd", make_pwd_module},
                {"grp", make_grp_module}, {"resource", make_resource_module},
                {"termios", make_termios_module},
                {"select", make_select_module},
                {"_posixsubprocess", make_posixsubprocess_module},
                {"_socket", make_socket_module}, {"_ssl", make_ssl_module},
                {"_pyrite", make_pyrite_module}};

Tuple* builtin_module_names() {
  std::vector<std::string> names = {"builtins", "sys"};
  for (const auto& m : kModules) names.push_back(m.name);
  std::sort(names.begin(), names.end());
  Tuple* t = tuple_new(int64_t(names.size()));
  for (size_t i = 0; i < names.size(); i++) t->items()[i] = intern(names[i]);
  return t;
}

Value builtin_module(const std::string& name) {
  if (name == "sys") return g_sys;
  if (name == "builtins") return g_builtins;
  for (const auto& m : kModules) {
    if (name != m.name) continue;
    Module* mod = m.make();
    if (!mod) return {};
    if (!dict_set(g_modules, str_from_utf8(name), mod)) return {};
    return mod;
  }
  return {};
}

Dict* current_globals() {
  Frame* f = thread_state().frame;
  return f ? f->globals : nullptr;
}
Dict* current_builtins() {
  Frame* f = thread_state().frame;
  return f ? f->builtins : g_builtins->dict;
}
Value current_locals() {
  Frame* f = thread_state().frame;
  if (!f) return {};
  if (f->locals) return f->locals;
  // A function: one dict per frame (kept by its frame object), refreshed
  // from the fast locals at each call, so exec() can add names to it.
  auto* fo = frame_object_for(f).as<FrameObject>();
  if (!fo->locals || !is_dict(fo->locals)) fo->locals = dict_new();
  Dict* d = fo->locals.as<Dict>();
  Value fresh = frame_locals(f);
  if (!fresh) return {};
  Code* c = f->code;
  for (int i = 0; i < c->nlocalsplus; i++) {
    Value name = c->localsplus_names->at(i);
    Value v = dict_get(fresh.as<Dict>(), name);
    if (v) {
      if (!dict_set(d, name, v)) return {};
    } else if (dict_del(d, name) < 0) {
      return {};
    }
  }
  return d;
}

bool enter_recursive_call(const char* where) {
  ThreadState& ts = thread_state();
  if (++ts.depth > ts.recursion_limit || base::stack_exhausted()) {
    ts.depth--;
    raisef(exc::RecursionError, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}
void leave_recursive_call() { thread_state().depth--; }

bool current_frame_super_args(Value* type, Value* self) {
  Frame* f = thread_state().frame;
  if (!f || !f->func) {
    raise(exc::RuntimeError, "super(): no arguments");
    return false;
  }
  Code* c = f->code;
  if (c->argcount == 0) {
    raise(exc::RuntimeError, "super(): no arguments");
    return false;
  }
  Value first = f->slots()[0];
  if (first && (c->slot_kind(0) & compile::SlotKind::kCell) && type_of(first) == types::cell) {
    first = first.as<Cell>()->value;
  }
  if (!first) {
    raise(exc::RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  static Str* const kClass = intern("__class__");
  for (int i = 0; i < c->nlocalsplus; i++) {
    if (!(c->slot_kind(i) & compile::SlotKind::kFree)) continue;
    if (!c->localsplus_names->at(i).is(kClass)) continue;
    Value cell = f->slots()[i];
    Value cls = cell && type_of(cell) == types::cell ? cell.as<Cell>()->value : Value();
    if (!cls) {
      raise(exc::RuntimeError, "super(): empty __class__ cell");
      return false;
    }
    if (!type_of(cls)->has_flag(TypeFlag::kTypeSubclass)) {
      raise(exc::RuntimeError, "super(): __class__ is not a type");
      return false;
    }
    *type = cls;
    *self = first;
    return true;
  }
  raise(exc::RuntimeError, "super(): __class__ cell not found");
  return false;
}

// ---- __build_class__ -------------------------------------------------------------

Value build_class(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) return raise(exc::TypeError, "__build_class__: not enough arguments");
  Value func = args[0], name = args[1];
  if (!is_function(func)) return raise(exc::TypeError, "__build_class__: func must be a function");
  if (!is_str(name)) return raise(exc::TypeError, "__build_class__: name is not a string");
  Tuple* orig_bases = tuple_from_array(args + 2, static_cast<int64_t>(nargs - 2));
  // PEP 560: __mro_entries__.
  List* resolved = list_new();
  bool changed = false;
  static Str* const kMroEntries = intern("__mro_entries__");
  for (int64_t i = 0; i < orig_bases->length; i++) {
    Value b = orig_bases->at(i);
    if (!type_of(b)->has_flag(TypeFlag::kTypeSubclass)) {
      Value me = get_attr_or_null(b, kMroEntries);
      if (me) {
        Value r = call1(me, orig_bases);
        if (!r) return {};
        if (!is_tuple(r)) return raise(exc::TypeError, "__mro_entries__ must return a tuple");
        for (int64_t j = 0; j < r.as<Tuple>()->length; j++) list_append(resolved, r.as<Tuple>()->at(j));
        changed = true;
        continue;
      }
      if (has_error()) return {};
    }
    list_append(resolved, b);
  }
  Tuple* bases = changed ? list_as_tuple(resolved) : orig_bases;
  // Keywords: metaclass=... and the rest for __prepare__/the metaclass.
  Value meta;
  Dict* kw = dict_new();
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->length) : 0;
  static Str* const kMetaclass = intern("metaclass");
  for (size_t i = 0; i < nkw; i++) {
    Value k = kwnames->at(static_cast<int64_t>(i));
    if (str_equal(k.as<Str>(), kMetaclass)) {
      meta = args[nargs + i];
    } else if (!dict_set(kw, k, args[nargs + i])) {
      return {};
    }
  }
  bool is_class = false;
  if (!meta) {
    meta = bases->length ? Value(type_of(bases->at(0))) : Value(types::type);
    is_class = true;
  } else {
    is_class = type_of(meta)->has_flag(TypeFlag::kTypeSubclass);
  }
  if (is_class) {
    // The most derived metaclass of meta and the bases' types.
    Type* winner = meta.as<Type>();
    for (int64_t i = 0; i < bases->length; i++) {
      Type* bt = type_of(bases->at(i));
      if (is_subtype(winner, bt)) continue;
      if (is_subtype(bt, winner)) {
        winner = bt;
        continue;
      }
      return raise(exc::TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                   "metaclasses of all its bases");
    }
    meta = winner;
  }
  // __prepare__
  Value ns;
  static Str* const kPrepare = intern("__prepare__");
  Value prepare = get_attr_or_null(meta, kPrepare);
  if (prepare) {
    Value pargs[2] = {name, bases};
    Tuple* knames = nullptr;
    std::vector<Value> all(pargs, pargs + 2);
    if (dict_size(kw)) {
      knames = tuple_new(dict_size(kw));
      int64_t i = 0, j = 0;
      Value k, v;
      while (dict_next(kw, &i, &k, &v)) {
        knames->items()[j++] = k;
        all.push_back(v);
      }
    }
    ns = call(prepare, all.data(), 2, knames);
    if (!ns) return {};
  } else {
    if (has_error()) return {};
    ns = dict_new();
  }
  if (!is_dict(ns) && !type_of(ns)->slots.getitem) {
    return raisef(exc::TypeError, "%s.__prepare__() must return a mapping, not %s",
                  is_class ? str_to_utf8(meta.as<Type>()->name).c_str() : "<metaclass>", type_name(ns).c_str());
  }
  // Run the body with the namespace as its locals.
  Function* fn = func.as<Function>();
  ThreadState& ts = thread_state();
  Frame* f = push_frame(ts, fn->code);
  if (!f) return {};
  f->func = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->locals = ns;
  f->cont = Continuation::kEntry;
  Frame* saved = f->previous;
  Value cell = run(ts, f);
  ts.frame = saved;
  if (!cell) return {};
  if (changed) {
    static Str* const kOrigBases = intern("__orig_bases__");
    if (!set_item(ns, kOrigBases, orig_bases)) return {};
  }
  std::vector<Value> margs = {name, bases, ns};
  Tuple* knames = nullptr;
  if (dict_size(kw)) {
    knames = tuple_new(dict_size(kw));
    int64_t i = 0, j = 0;
    Value k, v;
    while (dict_next(kw, &i, &k, &v)) {
      knames->items()[j++] = k;
      margs.push_back(v);
    }
  }
  Value cls = call(meta, margs.data(), 3, knames);
  if (!cls) return {};
  // Checked only when the metaclass made a class (as CPython).
  if (type_of(cell) == types::cell && cls.is_object() && type_of(cls)->has_flag(TypeFlag::kTypeSubclass)) {
    Value inner = cell.as<Cell>()->value;
    if (!inner.is(cls)) {
      if (!inner) {
        return raisef(exc::RuntimeError, "__class__ not set defining '%s' as %s. Was __classcell__ propagated to type.__new__?",
                      str_to_utf8(name.as<Str>()).c_str(), repr_utf8(cls).c_str());
      }
      return raisef(exc::TypeError, "__class__ set to %s defining '%s' as %s", repr_utf8(inner).c_str(),
                    str_to_utf8(name.as<Str>()).c_str(), repr_utf8(cls).c_str());
    }
  }
  return cls;
}

// ---- running files ----------------------------------------------------------------

namespace {

// An imported module's code: from the bytecode cache when it holds this
// source's unit (docs/bytecode_cache.md), else parsed and compiled, and
// the unit cached for the next run.
Value compile_module_file(const std::string& path, const std::string& source, const SourceStamp& stamp) {
  std::string storage;
  if (auto cached = code_cache_load(path, stamp, &storage)) {
    register_source(path, source);
    Code* c = code_from_unit(*cached);
    return c ? Value(c) : Value();
  }
  base::Arena arena;
  parse::SyntaxError error;
  parse::ParseOptions options;
  options.int_max_str_digits = int_max_str_digits();
  std::vector<parse::CompileWarning> warnings;
  options.warnings = &warnings;
  ast::ModNode* mod = parse::parse(source, path, options, arena, &error);
  if (!mod) {
    raise_syntax_error(error);
    return {};
  }
  if (!emit_compile_warnings(warnings)) return {};
  compile::CompileOptions copts;
  copts.source = source;
  warnings.clear();
  copts.warnings = &warnings;
  auto unit = compile::compile_module(mod, path, arena, &error, copts);
  if (!unit) {
    raise_syntax_error(error);
    return {};
  }
  if (!emit_compile_warnings(warnings)) return {};
  code_cache_store(path, stamp, *unit);
  register_source(path, source);
  Code* c = code_from_unit(*unit);
  return c ? Value(c) : Value();
}

}  // namespace

bool run_file_in(const std::string& path, Dict* globals) {
  // The stamp before the read: a source changed meanwhile no longer matches
  // the stamp its cache records, and the next import compiles it again.
  SourceStamp stamp = source_stamp(path);
  std::string source;
  if (!read_file(path, &source)) {
    raisef(exc::OSError, "could not read %s", path.c_str());
    return false;
  }
  Value code = compile_module_file(path, source, stamp);
  if (!code) return false;
  Value mod = dict_get_str(g_modules, dict_get_str(globals, intern("__name__")).as<Str>());
  if (mod) g_initializing.push_back(mod.object());
  Value r = eval_code(code.as<Code>(), globals, globals);
  if (mod) g_initializing.pop_back();
  return static_cast<bool>(r);
}

namespace {

// Flushes sys.stdout and sys.stderr, then the original streams if they
// were replaced (CPython flushes those when they are finalized). Errors are
// cleared, except with `at_exit` (CPython's flush_std_files): a failing
// sys.stdout that is not closed is reported as unraisable ("Exception
// ignored in: <its repr>") and the result is false (exit status 120).
bool flush_std_streams(bool at_exit = false) {
  static Str* const kFlush = intern("flush");
  static Str* const kClosed = intern("closed");
  bool ok = true;
  Value done[2] = {};
  int i = 0;
  for (const char* name : {"stdout", "stderr", "__stdout__", "__stderr__"}) {
    Value s = dict_get_str(g_sys->dict, intern(name));
    if (i >= 2 && s && (s.is(done[0]) || s.is(done[1]))) continue;
    if (i < 2) done[i] = s;
    bool is_stdout = i == 0;
    i++;
    if (!s || is_none(s)) continue;
    if (at_exit) {
      Value closed = get_attr_or_null(s, kClosed);
      int c = closed ? truth(closed) : 0;
      clear_error();
      if (c > 0) continue;
    }
    if (call_method(s, kFlush, nullptr, 0)) continue;
    if (!at_exit || !is_stdout) {
      clear_error();
      continue;
    }
    Object* e = take_error();
    std::string r = repr_utf8(s);
    clear_error();
    Value err = dict_get_str(g_sys->dict, intern("stderr"));
    if (err && !is_none(err) && !call_method(err, kFlush, nullptr, 0)) clear_error();
    std::fprintf(stderr, "Exception ignored in: %s\n", r.c_str());
    print_exception(e, Value());
    ok = false;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  return ok;
}

// An uncaught KeyboardInterrupt ends the process by SIGINT after the
// cleanup, as CPython's exit_sigint (the shell sees the signal).
bool g_unhandled_keyboard_interrupt = false;

// The exit status for an uncaught exception (printing it unless SystemExit).
int handle_uncaught() {
  Object* e = take_error();
  if (isinstance(Value(e), exc::SystemExit)) {
    static Str* const kCode = intern("code");
    Value code = get_attr(e, kCode);
    if (!code) {
      clear_error();
      return 1;
    }
    if (is_none(code)) return 0;
    if (is_int(code)) {
      auto v = int_to_i64(code);
      return v ? static_cast<int>(*v & 0xff) : 1;
    }
    flush_std_streams();
    Value s = str_of(code);
    if (!s) {
      clear_error();
      return 1;
    }
    std::string text = str_to_utf8(s.as<Str>()) + "\n";
    Value err = dict_get_str(g_sys->dict, intern("stderr"));
    static Str* const kWrite = intern("write");
    Value arg = str_from_utf8(text);
    if (!err || is_none(err) || !call_method(err, kWrite, &arg, 1)) {
      clear_error();
      std::fwrite(text.data(), 1, text.size(), stderr);
    }
    return 1;
  }
  flush_std_streams();
  g_unhandled_keyboard_interrupt = isinstance(Value(e), exc::KeyboardInterrupt);
  Value hook = dict_get_str(g_sys->dict, intern("excepthook"));
  Value args[3] = {type_of(Value(e)), e, exception_traceback(e) ? exception_traceback(e) : none()};
  if (!hook || !call(hook, args, 3)) {
    clear_error();
    print_exception(e, Value());
  }
  return 1;
}

int finish(bool ok) {
  int status = ok ? 0 : handle_uncaught();
  run_atexit_callbacks();
  g_finalizing = true;
  flush_std_streams();
  run_gc_hooks();
  clear_error();
  // What CPython's module teardown would finalize of the generators still
  // alive: a suspended one's finally, an unawaited coroutine's warning
  // (docs/interp.md, "Finalization of generators"). TODO(#6): __del__
  // objects alike, in CPython's module order.
  if (queue_generators_at_exit()) {
    g_module_teardown = true;
    run_gc_hooks();
    clear_error();
    g_module_teardown = false;
  }
  if (!flush_std_streams(true)) status = 120;
  io::flush_at_exit();
  if (g_unhandled_keyboard_interrupt) {
    std::signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    status = 130;  // if the signal is blocked
  }
  return status;
}

}  // namespace

int run_main_file(const std::string& source, const std::string& display_path) {
  Module* main = module_new(intern("__main__"));
  dict_set(g_modules, intern("__main__"), main);
  dict_set_str(main->dict, intern("__file__"), str_from_utf8(display_path));
  dict_set_str(main->dict, intern("__builtins__"), g_builtins);
  // Syntax errors of the main script print as CPython prints them.
  base::Arena arena;
  parse::SyntaxError error;
  parse::ParseOptions options;
  options.source_is_bytes = true;
  options.script_file = true;
  options.int_max_str_digits = int_max_str_digits();
  std::vector<parse::CompileWarning> warnings;
  options.warnings = &warnings;
  ast::ModNode* mod = parse::parse(source, display_path, options, arena, &error);
  if (mod && !emit_compile_warnings(warnings)) return finish(false);
  std::unique_ptr<compile::CodeUnit> unit;
  if (mod) {
    compile::CompileOptions copts;
    copts.source = source;
    warnings.clear();
    copts.warnings = &warnings;
    unit = compile::compile_module(mod, display_path, arena, &error, copts);
    if (unit && !emit_compile_warnings(warnings)) return finish(false);
  }
  if (!unit) {
    std::string report = parse::format_syntax_error(error);
    std::fwrite(report.data(), 1, report.size(), stderr);
    return 1;
  }
  register_source(display_path, source);
  Code* code = code_from_unit(*unit);
  if (!code) return finish(false);
  Value r = eval_code(code, main->dict, main->dict);
  return finish(static_cast<bool>(r));
}

int run_main_source(const std::string& source, const std::string& filename) {
  Module* main = module_new(intern("__main__"));
  dict_set(g_modules, intern("__main__"), main);
  dict_set_str(main->dict, intern("__builtins__"), g_builtins);
  Value code = compile_source(source, filename, "exec", 0, true, 0);
  if (!code) return finish(false);
  Value r = eval_code(code.as<Code>(), main->dict, main->dict);
  return finish(static_cast<bool>(r));
}

int run_main_module(const std::string& name) {
  std::string file;
  bool package = false;
  std::string modname = name;
  // Failures print as CPython's runpy: "<executable>: <message>".
  Value exe = dict_get_str(g_sys->dict, intern("executable"));
  std::string executable = exe && is_str(exe) ? str_to_utf8(exe.as<Str>()) : "pyrite";
  if (!find_module_file(modname, &file, &package)) {
    Object* e = take_error();
    if (isinstance(Value(e), exc::ImportError) && !isinstance(Value(e), exc::ModuleNotFoundError)) {
      Value msg = str_of(e);
      clear_error();
      std::fprintf(stderr, "%s: Error while finding module specification for '%s' (%s: %s)\n", executable.c_str(),
                   name.c_str(), type_name(e).c_str(), msg ? str_to_utf8(msg.as<Str>()).c_str() : "");
    } else {
      clear_error();
      std::fprintf(stderr, "%s: No module named %s\n", executable.c_str(), name.c_str());
    }
    return 1;
  }
  if (package) {
    modname = name + ".__main__";
    if (!find_module_file(modname, &file, &package)) {
      clear_error();
      std::fprintf(stderr, "%s: No module named %s.__main__; '%s' is a package and cannot be directly executed\n",
                   executable.c_str(), name.c_str(), name.c_str());
      return 1;
    }
  }
  std::string source;
  if (!read_file(file, &source)) {
    std::fprintf(stderr, "pyrite: can't read %s\n", file.c_str());
    return 1;
  }
  // sys.argv[0] is the module's file.
  Value argv = dict_get_str(g_sys->dict, intern("argv"));
  if (argv && is_list(argv) && list_size(argv.as<List>()) > 0) list_set(argv.as<List>(), 0, str_from_utf8(file));
  size_t dot = modname.rfind('.');
  Module* main = module_new(intern("__main__"));
  dict_set(g_modules, intern("__main__"), main);
  dict_set_str(main->dict, intern("__file__"), str_from_utf8(file));
  dict_set_str(main->dict, intern("__builtins__"), g_builtins);
  dict_set_str(main->dict, intern("__package__"),
               str_from_utf8(dot == std::string::npos ? "" : modname.substr(0, dot)));
  if (!set_main_module_spec(main, modname, file)) return finish(false);
  Value code = compile_source(source, file, "exec", 0, true, 0);
  if (!code) return finish(false);
  Value r = eval_code(code.as<Code>(), main->dict, main->dict);
  return finish(static_cast<bool>(r));
}

namespace {
bool g_dev_mode = false;
}  // namespace

bool dev_mode() { return g_dev_mode; }

void init_interpreter(const RunOptions& options) {
  static bool done = false;
  if (done) return;
  done = true;
  g_dev_mode = options.flags.dev_mode;
  init_runtime();
  init_thread_state();
  if (options.gc_stress) gc::set_stress(true, options.gc_stress_interval);
  if (options.gc_verify) gc::Heap::current()->set_verify_collections(true);
  g_modules = dict_new();
  gc::add_root(reinterpret_cast<void**>(&g_modules));
  g_builtins = module_new(intern("builtins"));
  gc::add_root(reinterpret_cast<void**>(&g_builtins));
  Dict* b = make_builtins_dict();
  dict_update(g_builtins->dict, b);
  g_default_import = dict_get_str(g_builtins->dict, intern("__import__"));
  gc::add_root(reinterpret_cast<void**>(&g_default_import));
  g_sys = make_sys_module(options);
  gc::add_root(reinterpret_cast<void**>(&g_sys));
  dict_set(g_modules, intern("sys"), g_sys);
  dict_set(g_modules, intern("builtins"), g_builtins);
  dict_set_str(g_sys->dict, intern("modules"), g_modules);
  // builtins.open is io.open (make_sys_module made the _io module: the
  // standard streams are its objects).
  Value io = dict_get_str(g_modules, intern("_io"));
  if (io) dict_set_str(g_builtins->dict, intern("open"), dict_get_str(io.as<Module>()->dict, intern("open")));
  init_signals();
  // As CPython, import warnings at start-up when there are -W options, so
  // that they apply from the start.
  if (!options.warnoptions.empty() && !import_module_level(intern("warnings"), none(), tuple_empty(), 0)) {
    clear_error();
  }
}

}  // namespace pyrite::python
