// The posix module's process functions: ids, fork and exec, wait and the
// wait-status macros, times, kill, system, register_at_fork (docs/modules.md,
// "posix").
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#include "python/modules/posix_module.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/structseq.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python::posix {

namespace {

// ---- ids ----------------------------------------------------------------------------------------

template <auto F>
Value id_function(Value, const Value*, size_t, Tuple*) {
  return int_from_i64(int64_t(F()));
}

// ---- times --------------------------------------------------------------------------------------

const StructSeqField kTimesFields[] = {{"user", "user time"},
                                       {"system", "system time"},
                                       {"children_user", "user time of children"},
                                       {"children_system", "system time of children"},
                                       {"elapsed", "elapsed time since an arbitrary point in the past"}};
const StructSeqDesc kTimesDesc = {
    "times_result", "posix",
    "times_result: Result from os.times().\n\nA tuple of five floats: user and system time, "
    "the same for the children, and elapsed real time.",
    kTimesFields, 5, 5};
Type* g_times_result = nullptr;

Value posix_times(Value, const Value*, size_t, Tuple*) {
  struct tms t;
  clock_t c = times(&t);
  if (c == clock_t(-1)) return raise_errno(errno);
  double ticks = double(sysconf(_SC_CLK_TCK));
  Tuple* r = struct_seq_new(g_times_result);
  if (!r) return {};
  double v[5] = {double(t.tms_utime) / ticks, double(t.tms_stime) / ticks, double(t.tms_cutime) / ticks,
                 double(t.tms_cstime) / ticks, double(c) / ticks};
  for (int i = 0; i < 5; i++) struct_seq_set(r, i, float_new(v[i]));
  return r;
}

// ---- wait ---------------------------------------------------------------------------------------

// The W*(status) functions: one keyword-or-positional "i" argument named status.
bool status_arg(const char* fn, const Value* args, size_t nargs, Tuple* kwnames, int* status) {
  static const char* const kNames[] = {"status", nullptr};
  Value s;
  if (!parse_args({fn, kNames, 1, 0, -1, true}, args, nargs, kwnames, {&s})) return false;
  return arg_cint(s, status);
}

#define PYR_WAIT_BOOL(NAME, EXPR)                                                   \
  Value posix_##NAME(Value, const Value* args, size_t nargs, Tuple* kwnames) {     \
    int status;                                                                     \
    if (!status_arg(#NAME, args, nargs, kwnames, &status)) return {};               \
    return py_bool(EXPR(status));                                                   \
  }
#define PYR_WAIT_INT(NAME, EXPR)                                                    \
  Value posix_##NAME(Value, const Value* args, size_t nargs, Tuple* kwnames) {     \
    int status;                                                                     \
    if (!status_arg(#NAME, args, nargs, kwnames, &status)) return {};               \
    return Value::small(EXPR(status));                                              \
  }
PYR_WAIT_BOOL(WIFEXITED, WIFEXITED)
PYR_WAIT_BOOL(WIFSIGNALED, WIFSIGNALED)
PYR_WAIT_BOOL(WIFSTOPPED, WIFSTOPPED)
PYR_WAIT_BOOL(WIFCONTINUED, WIFCONTINUED)
PYR_WAIT_BOOL(WCOREDUMP, WCOREDUMP)
PYR_WAIT_INT(WEXITSTATUS, WEXITSTATUS)
PYR_WAIT_INT(WTERMSIG, WTERMSIG)
PYR_WAIT_INT(WSTOPSIG, WSTOPSIG)
#undef PYR_WAIT_BOOL
#undef PYR_WAIT_INT

Value posix_waitstatus_to_exitcode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  int status;
  if (!status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status)) return {};
  if (WIFEXITED(status)) return Value::small(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return Value::small(-WTERMSIG(status));
  if (WIFSTOPPED(status))
    return raisef(exc::ValueError, "process stopped by delivery of signal %d", WSTOPSIG(status));
  return raisef(exc::ValueError, "invalid wait status: %d", status);
}

// PyArg_ParseTuple's count message: "waitpid() takes exactly 2 arguments (1 given)".
bool parse_tuple_count(const char* fn, size_t nargs, size_t n) {
  if (nargs == n) return true;
  raisef(exc::TypeError, "%s() takes exactly %zu argument%s (%zu given)", fn, n, n == 1 ? "" : "s", nargs);
  return false;
}

Value posix_waitpid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!parse_tuple_count("waitpid", nargs, 2)) return {};
  int pid, options;
  if (!arg_int(args[0], &pid) || !arg_int(args[1], &options)) return {};
  int status = 0;
  pid_t r;
  do r = waitpid(pid, &status, options);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return tuple_of({Value::small(r), Value::small(status)});
}

Value posix_wait(Value, const Value*, size_t, Tuple*) {
  int status = 0;
  pid_t r;
  do r = wait(&status);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return tuple_of({Value::small(r), Value::small(status)});
}

// ---- fork and exec ------------------------------------------------------------------------------

// register_at_fork's callables, called in CPython's order: `before` last
// registered first, the `after` ones first registered first.
List* g_before_fork = nullptr;
List* g_after_in_child = nullptr;
List* g_after_in_parent = nullptr;

void run_fork_hooks(List* hooks, bool reverse) {
  if (!hooks) return;
  int64_t n = hooks->length;
  for (int64_t j = 0; j < n; j++) {
    Value f = list_get(hooks, reverse ? n - 1 - j : j);
    if (!f) continue;
    Value r = call0(f);
    if (!r) {
      // CPython reports and ignores errors of the hooks.
      Value e = take_error();
      (void)e;
    }
  }
}

Value posix_register_at_fork(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"before", "after_in_child", "after_in_parent", nullptr};
  if (nargs > 0) return raise(exc::TypeError, "register_at_fork() takes no positional arguments");
  Value before, child, parent;
  if (!parse_args({"register_at_fork", kNames, 0, 0, 0, true}, args, nargs, kwnames,
                  {&before, &child, &parent}))
    return {};
  if (!before && !child && !parent)
    return raise(exc::TypeError, "At least one argument is required.");
  struct {
    Value v;
    const char* name;
  } checks[] = {{before, "before"}, {child, "after_in_child"}, {parent, "after_in_parent"}};
  for (auto& c : checks) {
    if (c.v && !is_none(c.v) && !is_callable(c.v))
      return raisef(exc::TypeError, "'%s' must be callable, not %s", c.name, type_name(c.v).c_str());
  }
  auto add = [](List** into, Value v) {
    if (!v || is_none(v)) return true;
    if (!*into) {
      *into = list_new();
      gc::Heap::current()->add_root(reinterpret_cast<void**>(into));
    }
    return list_append(*into, v);
  };
  if (!add(&g_before_fork, before) || !add(&g_after_in_child, child) ||
      !add(&g_after_in_parent, parent))
    return {};
  return none();
}

Value posix_fork(Value, const Value*, size_t, Tuple*) {
  run_fork_hooks(g_before_fork, true);
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    run_fork_hooks(g_after_in_parent, false);
    return raise_errno(err);
  }
  run_fork_hooks(pid == 0 ? g_after_in_child : g_after_in_parent, false);
  return Value::small(pid);
}

// argv/env items: str or bytes (or PathLike) through the fs encoding.
bool fs_item(Value v, std::string* out) { return fs_converter(v, out); }

bool argv_list(const char* fn, Value argv, std::vector<std::string>* out) {
  if (!is_list(argv) && !is_tuple(argv)) {
    raisef(exc::TypeError, "%s() arg 2 must be a tuple or list", fn);
    return false;
  }
  Tuple* items = sequence_fast(argv, "");
  if (!items) return false;
  if (items->length == 0) {
    raisef(exc::ValueError, "%s() arg 2 must not be empty", fn);
    return false;
  }
  for (int64_t i = 0; i < items->length; i++) {
    std::string s;
    if (!fs_item(items->at(i), &s)) return false;
    if (i == 0 && s.empty()) {
      raisef(exc::ValueError, "%s() arg 2 first element cannot be empty", fn);
      return false;
    }
    out->push_back(std::move(s));
  }
  return true;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

Value posix_execv(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("execv", nargs, 2, 2)) return {};
  PathArg p;
  if (!convert_path("execv", "path", args[0], false, false, &p)) return {};
  std::vector<std::string> argv;
  if (!argv_list("execv", args[1], &argv)) return {};
  std::fflush(nullptr);
  auto cargv = c_strings(argv);
  execv(p.c_str(), cargv.data());
  return raise_errno(errno);
}

Value posix_execve(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "argv", "env", nullptr};
  Value path, argv_arg, env_arg;
  if (!parse_args({"execve", kNames, 3, 0, -1, true}, args, nargs, kwnames, {&path, &argv_arg, &env_arg}))
    return {};
  PathArg p;
  if (!convert_path("execve", "path", path, true, false, &p)) return {};
  std::vector<std::string> argv;
  if (!argv_list("execve", argv_arg, &argv)) return {};
  // PyMapping_Check: anything with __getitem__ (a list passes, then has no keys()).
  static Str* keys_name = intern("keys");
  if (!is_list(env_arg) && !lookup_special(env_arg, intern("__getitem__")))
    return raise(exc::TypeError, "execve: environment must be a mapping object");
  Value keys = call_method(env_arg, keys_name, nullptr, 0);
  if (!keys) return {};
  std::vector<std::string> env;
  bool ok = for_each(keys, [&](Value k) {
    Value v = get_item(env_arg, k);
    if (!v) return false;
    std::string ks, vs;
    if (!fs_item(k, &ks) || !fs_item(v, &vs)) return false;
    if (ks.empty() || ks.find('=') != std::string::npos) {
      raise(exc::ValueError, "illegal environment variable name");
      return false;
    }
    env.push_back(ks + "=" + vs);
    return true;
  });
  if (!ok) return {};
  std::fflush(nullptr);
  auto cargv = c_strings(argv);
  auto cenv = c_strings(env);
  if (p.fd >= 0) fexecve(p.fd, cargv.data(), cenv.data());
  else execve(p.c_str(), cargv.data(), cenv.data());
  return raise_path_error(errno, p);
}

Value posix__exit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"status", nullptr};
  Value s;
  if (!parse_args({"_exit", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&s})) return {};
  int status;
  if (!arg_cint(s, &status)) return {};
  _exit(status);
}

Value posix_kill(Value, const Value* args, size_t nargs, Tuple*) {
  if (!parse_tuple_count("kill", nargs, 2)) return {};
  int pid, sig;
  if (!arg_int(args[0], &pid) || !arg_int(args[1], &sig)) return {};
  if (kill(pid, sig) != 0) return raise_errno(errno);
  return none();
}

Value posix_system(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"command", nullptr};
  Value cmd;
  if (!parse_args({"system", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&cmd})) return {};
  std::string command;
  if (!fs_converter(cmd, &command)) return {};
  std::fflush(nullptr);
  return Value::small(system(command.c_str()));
}

Value posix_getpgrp(Value, const Value*, size_t, Tuple*) { return Value::small(getpgrp()); }

Value posix_setsid(Value, const Value*, size_t, Tuple*) {
  if (setsid() < 0) return raise_errno(errno);
  return none();
}

using namespace MethodFlag;
constexpr uint32_t kKw = kVarArgs | kKeywords;

// clang-format off
const MethodDef kFunctions[] = {
    {"getpid", id_function<getpid>, kNoArgs, "Return the current process id."},
    {"getppid", id_function<getppid>, kNoArgs, "Return the parent's process id."},
    {"getuid", id_function<getuid>, kNoArgs, "Return the current process's user id."},
    {"geteuid", id_function<geteuid>, kNoArgs, "Return the current process's effective user id."},
    {"getgid", id_function<getgid>, kNoArgs, "Return the current process's group id."},
    {"getegid", id_function<getegid>, kNoArgs, "Return the current process's effective group id."},
    {"getpgrp", posix_getpgrp, kNoArgs, "Return the current process group id."},
    {"setsid", posix_setsid, kNoArgs, "Call the system call setsid()."},
    {"times", posix_times, kNoArgs, "Return a collection containing process timing information."},
    {"waitpid", posix_waitpid, kVarArgs, "Wait for completion of a given child process."},
    {"wait", posix_wait, kNoArgs, "Wait for completion of a child process."},
    {"WIFEXITED", posix_WIFEXITED, kKw, "Return True if the process returning status exited via the exit() system call."},
    {"WIFSIGNALED", posix_WIFSIGNALED, kKw, "Return True if the process returning status was terminated by a signal."},
    {"WIFSTOPPED", posix_WIFSTOPPED, kKw, "Return True if the process returning status was stopped."},
    {"WIFCONTINUED", posix_WIFCONTINUED, kKw, "Return True if a particular process was continued from a job control stop."},
    {"WCOREDUMP", posix_WCOREDUMP, kKw, "Return True if the process returning status was dumped to a core file."},
    {"WEXITSTATUS", posix_WEXITSTATUS, kKw, "Return the process return code from status."},
    {"WTERMSIG", posix_WTERMSIG, kKw, "Return the signal that terminated the process that provided the status value."},
    {"WSTOPSIG", posix_WSTOPSIG, kKw, "Return the signal that stopped the process that provided the status value."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, kKw, "Convert a wait status to an exit code."},
    {"register_at_fork", posix_register_at_fork, kKw, "Register callables to be called when forking a new process."},
    {"fork", posix_fork, kNoArgs, "Fork a child process."},
    {"execv", posix_execv, kVarArgs, "Execute an executable path with arguments, replacing current process."},
    {"execve", posix_execve, kKw, "Execute an executable path with arguments, replacing current process."},
    {"_exit", posix__exit, kKw, "Exit to the system with specified status, without normal exit processing."},
    {"kill", posix_kill, kVarArgs, "Kill a process with a signal."},
    {"system", posix_system, kKw, "Execute the command in a subshell."},
    {nullptr, nullptr, 0},
};
// clang-format on

}  // namespace

bool add_process_functions(Module* m) {
  if (!g_times_result) make_struct_seq_type(&g_times_result, &kTimesDesc);
  Str* modname = intern("posix");
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, modname));
  dict_set_str(m->dict, intern("times_result"), g_times_result);
  return true;
}

}  // namespace pyrite::python::posix
