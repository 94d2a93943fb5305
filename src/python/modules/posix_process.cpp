// The posix module's process functions: ids, fork and exec, wait and the
// wait-status macros, times, kill, system, register_at_fork (docs/modules.md,
// "posix").
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#include "python/modules/posix_module.h"
#include "python/interp/pyrun.h"
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

const StructSeqField kTimesFields[] = {{"user", "CPU time in user mode"},
                                       {"system", "CPU time in the kernel"},
                                       {"children_user", "the waited-for children's user time"},
                                       {"children_system", "the waited-for children's kernel time"},
                                       {"elapsed", "real time since a fixed point in the past"}};
const StructSeqDesc kTimesDesc = {
    "times_result", "posix",
    "What times() returns: five floats, user and system time, "
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

const StructSeqField kWaitidFields[] = {{"si_pid", nullptr}, {"si_uid", nullptr}, {"si_signo", nullptr},
                                        {"si_status", nullptr}, {"si_code", nullptr}};
const StructSeqDesc kWaitidDesc = {
    "waitid_result", "posix",
    "What waitid() returns: the siginfo fields (si_pid, si_uid, si_signo, "
    "si_status, si_code), as a tuple or by name.",
    kWaitidFields, 5, 5};
Type* g_waitid_result = nullptr;

// waitid(idtype, id, options): None when WNOHANG found no child ready.
Value posix_waitid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("waitid", nargs, 3, 3)) return {};
  int idtype, id, options;
  if (!arg_cint(args[0], &idtype) || !arg_int(args[1], &id) || !arg_cint(args[2], &options)) return {};
  siginfo_t info;
  std::memset(&info, 0, sizeof(info));
  int r;
  do r = waitid(idtype_t(idtype), id_t(id), &info, options);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  if (info.si_pid == 0) return none();
  Tuple* t = struct_seq_new(g_waitid_result);
  if (!t) return {};
  struct_seq_set(t, 0, Value::small(info.si_pid));
  struct_seq_set(t, 1, int_from_u64(info.si_uid));
  struct_seq_set(t, 2, Value::small(info.si_signo));
  struct_seq_set(t, 3, Value::small(info.si_status));
  struct_seq_set(t, 4, Value::small(info.si_code));
  return t;
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

// pidfd_open(pid, flags=0): a descriptor for the process (asyncio's PidfdChildWatcher).
Value posix_pidfd_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"pid", "flags", nullptr};
  Value pid_arg, flags_arg;
  if (!parse_args({"pidfd_open", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&pid_arg, &flags_arg})) return {};
  int64_t pid, flags = 0;
  if (!index_i64(pid_arg, &pid)) return {};
  if (pid > INT32_MAX) return raise(exc::OverflowError, "signed integer is greater than maximum");
  if (pid < INT32_MIN) return raise(exc::OverflowError, "signed integer is less than minimum");
  if (flags_arg) {
    if (!index_i64(flags_arg, &flags)) return {};
    if (flags < 0) return raise(exc::ValueError, "value must be positive");
    if (flags > UINT32_MAX) return raise(exc::OverflowError, "Python int too large for C unsigned int");
  }
  long fd = syscall(SYS_pidfd_open, pid_t(pid), unsigned(flags));
  if (fd < 0) return raise_errno(errno);
  return Value::small(fd);
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
  // CPython's eval breaker runs the handler of a signal sent to this
  // process right after the call returns.
  if (!run_signal_handlers()) return {};
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
    {"getpid", id_function<getpid>, kNoArgs, "This process's id."},
    {"getppid", id_function<getppid>, kNoArgs, "The parent process's id."},
    {"getuid", id_function<getuid>, kNoArgs, "The real user id."},
    {"geteuid", id_function<geteuid>, kNoArgs, "The effective user id."},
    {"getgid", id_function<getgid>, kNoArgs, "The real group id."},
    {"getegid", id_function<getegid>, kNoArgs, "The effective group id."},
    {"getpgrp", posix_getpgrp, kNoArgs, "This process's group id."},
    {"setsid", posix_setsid, kNoArgs, "Start a new session with this process as its leader."},
    {"times", posix_times, kNoArgs, "The process's CPU times and the elapsed time, in seconds (times_result)."},
    {"waitpid", posix_waitpid, kVarArgs, "Wait for a child; returns (pid, status)."},
    {"wait", posix_wait, kNoArgs, "Wait for any child; returns (pid, status)."},
    {"waitid", posix_waitid, kVarArgs, "Wait for children as waitid(2); a waitid_result, or None."},
    {"WIFEXITED", posix_WIFEXITED, kKw, "Whether the wait status is a normal exit."},
    {"WIFSIGNALED", posix_WIFSIGNALED, kKw, "Whether the wait status is a death by signal."},
    {"WIFSTOPPED", posix_WIFSTOPPED, kKw, "Whether the wait status is a stop."},
    {"WIFCONTINUED", posix_WIFCONTINUED, kKw, "Whether the wait status is a continuation after a stop."},
    {"WCOREDUMP", posix_WCOREDUMP, kKw, "Whether the process in the wait status dumped core."},
    {"WEXITSTATUS", posix_WEXITSTATUS, kKw, "The exit code in a wait status."},
    {"WTERMSIG", posix_WTERMSIG, kKw, "The signal that ended the process in a wait status."},
    {"WSTOPSIG", posix_WSTOPSIG, kKw, "The signal that stopped the process in a wait status."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, kKw, "A wait status as an exit code (negative signal numbers for signals)."},
    {"register_at_fork", posix_register_at_fork, kKw, "Add callables to run before fork() and after it, in the parent or the child."},
    {"pidfd_open", posix_pidfd_open, kKw, "Return a file descriptor referring to the process *pid*."},
    {"fork", posix_fork, kNoArgs, "Make a child process; returns 0 in the child and its pid in the parent."},
    {"execv", posix_execv, kVarArgs, "Replace this process by a program with arguments argv."},
    {"execve", posix_execve, kKw, "Replace this process by a program with arguments argv and environment env."},
    {"_exit", posix__exit, kKw, "End the process at once with the status, without cleanup."},
    {"kill", posix_kill, kVarArgs, "Send a signal to a process."},
    {"system", posix_system, kKw, "Run a shell command; returns its wait status."},
    {nullptr, nullptr, 0},
};
// clang-format on

}  // namespace

void run_before_fork_hooks() { run_fork_hooks(g_before_fork, true); }
void run_after_fork_hooks(bool in_child) { run_fork_hooks(in_child ? g_after_in_child : g_after_in_parent, false); }

bool add_process_functions(Module* m) {
  if (!g_times_result) {
    make_struct_seq_type(&g_times_result, &kTimesDesc);
    make_struct_seq_type(&g_waitid_result, &kWaitidDesc);
  }
  Str* modname = intern("posix");
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, modname));
  dict_set_str(m->dict, intern("times_result"), g_times_result);
  dict_set_str(m->dict, intern("waitid_result"), g_waitid_result);
  return true;
}

}  // namespace pyrite::python::posix
