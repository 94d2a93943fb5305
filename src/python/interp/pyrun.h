// Running programs: start-up of the runtime, the sys and builtins modules,
// executing a file as __main__ or as an imported module, the top-level
// handling of uncaught exceptions (docs/interp.md, "Running programs").
#pragma once

#include <csignal>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "python/objects/object.h"

namespace pyrite::python {

struct Module;

struct RunOptions {
  std::vector<std::string> argv;   // sys.argv
  std::string script_dir;          // sys.path[0] ("" for -c)
  bool gc_stress = false;
  uint32_t gc_stress_interval = 1;  // -X gc-stress=N: collect at every N-th allocation
  bool gc_verify = false;          // -X gc-verify: the heap verifier around every collection
  int optimize = 0;
  // -u or PYTHONUNBUFFERED: stdout and stderr write through to their descriptors.
  bool unbuffered = false;
  std::string executable;          // sys.executable
  std::vector<std::string> warnoptions;  // sys.warnoptions: PYTHONWARNINGS, then -W options
  // sys.flags: the command-line options and environment variables as
  // CPython 3.11 records them (sys.cpp).
  struct Flags {
    int debug = 0, inspect = 0, interactive = 0, dont_write_bytecode = 0, no_user_site = 0, no_site = 0,
        ignore_environment = 0, verbose = 0, bytes_warning = 0, quiet = 0, hash_randomization = 0,
        isolated = 0, utf8_mode = 0, warn_default_encoding = 0;
    bool dev_mode = false, safe_path = false;
    int int_max_str_digits = -1;  // -X int_max_str_digits / PYTHONINTMAXSTRDIGITS; -1: not given
  } flags;
  std::vector<std::string> orig_argv;  // sys.orig_argv: the process's whole argv
  // sys._xoptions: -X name (value-less: True) and -X name=value, in order.
  std::vector<std::pair<std::string, std::optional<std::string>>> xoptions;
};

// Initializes everything (heap, types, builtins, sys). Idempotent.
void init_interpreter(const RunOptions& options);
// -X dev / PYTHONDEVMODE (sys.flags.dev_mode): the extra run-time checks.
bool dev_mode();

// Runs a file as __main__ / a source string as -c; returns the process exit
// status (1 after printing an uncaught exception's traceback, SystemExit's
// code, 0 otherwise).
int run_main_file(const std::string& source, const std::string& path);
int run_main_source(const std::string& source, const std::string& filename);
// -m NAME: imports NAME's parent packages, then runs NAME's file (a
// package's __main__) as __main__ with sys.argv[0] its path.
int run_main_module(const std::string& name);
// Where the module `fullname` would be loaded from, importing its parent
// packages: its file, and whether it is a package. False + ImportError.
bool find_module_file(const std::string& fullname, std::string* file, bool* package);
// __main__.__spec__ of `-m modname` (the module found in `file`), as runpy's.
bool set_main_module_spec(Module* main, const std::string& modname, const std::string& file);

// Executes `path` with `globals` (import). False with an exception pending.
bool run_file_in(const std::string& path, Dict* globals);

// sys.modules (never null after init).
Dict* sys_modules();
// A module implemented in C++ (sys, builtins, gc, ...), made on first
// import; null without error when `name` is not one.
Value builtin_module(const std::string& name);
// The builtins a function or frame with these globals uses: the dict (or
// the module's dict) under "__builtins__", else the running code's
// (call it before pushing the frame it is for).
Dict* builtins_for_globals(Dict* globals);
bool is_default_import(Value import_fn);
// True while the module's code is still executing (circular imports).
bool module_initializing(Value module);
// Import entry point of __import__ and IMPORT_NAME.
Value import_module_level(Str* name, Value globals, Value fromlist, int level);
// Runs queued weak-reference callbacks and __del__ finalizers (safe points
// of the dispatch loop, gc.collect(), exit). Returns how many ran.
size_t run_gc_hooks();
// Set by the C signal handler (modules/signal_module.cpp); the safe points
// that run the GC hooks also run the Python signal handlers.
extern volatile sig_atomic_t g_signal_tripped;
inline bool gc_hooks_pending() {
  return gc::Heap::current()->hooks_pending() || g_signal_tripped;
}
// SIGINT -> KeyboardInterrupt and the handler table (start-up).
void init_signals();
// Runs the Python handlers of the signals that arrived (PyErr_CheckSignals);
// false with the exception a handler raised.
bool run_signal_handlers();
bool run_signal_handlers_at_safe_point();
// _thread.interrupt_main(signum): the signal's Python handler runs as if it
// had arrived (nothing for SIG_DFL/SIG_IGN); false with its exception.
bool simulate_signal(int signum);
namespace parse {
struct SyntaxError;
struct CompileWarning;
}
// Raises what the front end reported: SyntaxError, IndentationError,
// TabError (with location and text), or ValueError.
void raise_syntax_error(const parse::SyntaxError& e);
// Issues the front end's warnings (warnings.warn_explicit, in order); one
// the filters make an error becomes a SyntaxError at its place (false).
bool emit_compile_warnings(const std::vector<parse::CompileWarning>& warnings);
Module* make_gc_module();
Module* make_weakref_module();
Module* make_thread_module();
Module* make_collections_module();
Module* make_itertools_module();
Module* make_math_module();
Module* make_time_module();
Module* make_random_module();
Module* make_posix_module();
Module* make_errno_module();
// sys.builtin_module_names: builtins, sys and the modules above, sorted.
Tuple* builtin_module_names();
Module* make_sre_module();
Module* make_io_module();
Module* make_codecs_module();
Module* make_string_module();
Module* make_atexit_module();
Module* make_marshal_module();
Module* make_warnings_module();
Module* make_signal_module();
// Runs the atexit callbacks, last registered first, and forgets them.
void run_atexit_callbacks();
Module* make_struct_module();
Module* make_operator_module();
Module* make_heapq_module();
Module* make_bisect_module();
Module* make_abc_module();
Module* make_functools_module();
Module* make_md5_module();
Module* make_sha1_module();
Module* make_sha256_module();
Module* make_sha512_module();
Module* make_binascii_module();
Module* make_array_module();
Module* make_sha3_module();
Module* make_blake2_module();
Module* make_ast_module();
Module* make_imp_module();
Module* make_socket_module();
Module* make_posixsubprocess_module();
Module* make_select_module();
Module* make_zlib_module();
Module* make_ssl_module();
Module* make_unicodedata_module();
Module* make_json_module();
Module* make_contextvars_module();
Module* make_stat_module();
Module* make_locale_module();
Module* make_fcntl_module();
Module* make_faulthandler_module();
Module* make_pwd_module();
Module* make_grp_module();
Module* make_resource_module();
Module* make_termios_module();
Module* make_pyrite_module();  // Pyrite's own hooks for lib/ (modules/pyrite_module.cpp)
// -X faulthandler, PYTHONFAULTHANDLER, -X dev: faulthandler.enable() at start-up.
bool enable_faulthandler_at_startup();
// sys.is_finalizing(): set once the atexit callbacks have run at exit.
extern bool g_finalizing;
// Set while the generators still alive at exit are finalized (finish): the
// stand-in for CPython's module teardown, where sys.modules is already
// empty, so the default unraisable hook prints tracebacks without source
// lines (CPython cannot import io to read them then).
extern bool g_module_teardown;
// builtins.__build_class__(func, name, *bases, metaclass=..., **kwds).
Value build_class(Value self, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace pyrite::python
