// The _signal module: Python-level signal handlers, run by the interpreter
// at its safe points (the JUMP_BACKWARD check of gc_hooks_pending, and
// sleeps/pauses interrupted by EINTR), SIGINT raising KeyboardInterrupt by
// default, as CPython 3.11 on Linux (docs/modules.md, "_signal").
//
// The C handler only records the signal (tripped[], g_signal_tripped) and
// writes its number to the wakeup fd; everything else happens between
// bytecodes in run_signal_handlers, as CPython's PyErr_CheckSignals.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "python/interp/eval.h"
#include "python/interp/frame.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/frame_object.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/set.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

volatile sig_atomic_t g_signal_tripped = 0;

namespace {

constexpr int kNsig = 65;  // Py_NSIG on Linux

volatile sig_atomic_t g_tripped[kNsig];
volatile sig_atomic_t g_wakeup_fd = -1;
bool g_warn_on_full_buffer = true;

// handlers[signum]: the Python handler, SIG_DFL (0), SIG_IGN (1) or None.
Tuple* g_handlers = nullptr;
Value g_default_int_handler;
Type* g_itimer_error = nullptr;

void c_handler(int signum) {
  int saved = errno;
  if (signum > 0 && signum < kNsig) g_tripped[signum] = 1;
  g_signal_tripped = 1;
  int fd = g_wakeup_fd;
  if (fd >= 0) {
    unsigned char b = static_cast<unsigned char>(signum);
    ssize_t r = write(fd, &b, 1);
    (void)r;
  }
  errno = saved;
}

bool install(int signum, void (*fn)(int)) {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_ONSTACK;
  return sigaction(signum, &sa, nullptr) == 0;
}

Value f_default_int_handler(Value, const Value*, size_t, Tuple*) {
  return raise_object(exc::KeyboardInterrupt, none());
}

const MethodDef kDefaultIntHandler = {"default_int_handler", f_default_int_handler,
                                      MethodFlag::kVarArgs,
                                      "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."};

// The signal number argument: an int ("i") within range(1, NSIG).
bool signum_arg(Value v, int* out, bool check_range = true) {
  if (!arg_int(v, out)) return false;
  if (check_range && (*out < 1 || *out >= kNsig)) {
    raise(exc::ValueError, "signal number out of range");
    return false;
  }
  return true;
}

bool is_handler_int(Value h, int64_t which) {
  if (!is_exact_int(h)) return false;
  auto v = int_to_i64(h);
  return v && *v == which;
}

void write_unraisable_none() {
  Object* e = take_error();
  Value file = get_sys_attr("stderr");
  if (!file) clear_error();
  if (file && !is_none(file)) {
    Value text = str_from_ascii("Exception ignored in: None\n");
    if (!call_method(file, intern("write"), &text, 1)) clear_error();
  }
  print_exception(e, file ? file : Value());
  clear_error();
}

}  // namespace

void init_signals() {
  if (g_handlers) return;
  gc::add_root(reinterpret_cast<void**>(&g_handlers));
  gc::add_root(reinterpret_cast<void**>(&g_default_int_handler));
  g_default_int_handler = new_builtin_function(&kDefaultIntHandler, Value(), intern("_signal"));
  g_handlers = tuple_new(kNsig);
  for (int i = 0; i < kNsig; i++) g_handlers->items()[i] = none();
  for (int i = 1; i < kNsig; i++) {
    struct sigaction old;
    if (sigaction(i, nullptr, &old) != 0) continue;
    if (old.sa_handler == SIG_DFL) g_handlers->items()[i] = Value::small(0);
    else if (old.sa_handler == SIG_IGN) g_handlers->items()[i] = Value::small(1);
  }
  // SIGINT raises KeyboardInterrupt unless the process ignores it.
  struct sigaction old;
  if (sigaction(SIGINT, nullptr, &old) == 0 && old.sa_handler == SIG_DFL && install(SIGINT, c_handler)) {
    g_handlers->items()[SIGINT] = g_default_int_handler;
  }
}

bool run_signal_handlers() {
  if (!g_signal_tripped || !g_handlers) return true;
  g_signal_tripped = 0;
  for (int i = 1; i < kNsig; i++) {
    if (!g_tripped[i]) continue;
    g_tripped[i] = 0;
    Value h = g_handlers->at(i);
    if (!h || is_none(h) || is_handler_int(h, 0) || is_handler_int(h, 1)) {
      raisef(exc::OSError, "Signal %d ignored due to race condition", i);
      write_unraisable_none();
      continue;
    }
    Frame* f = thread_state().frame;
    Value frame = f ? frame_object_for(f) : none();
    if (!frame) return false;
    Value args[2] = {Value::small(i), frame};
    if (!call(h, args, 2)) {
      g_signal_tripped = 1;  // the others run at the next check
      return false;
    }
  }
  return true;
}

bool simulate_signal(int signum) {
  init_signals();
  if (signum < 1 || signum >= kNsig) return true;
  Value h = g_handlers->at(signum);
  if (!h || is_none(h) || is_handler_int(h, 0) || is_handler_int(h, 1)) return true;
  g_tripped[signum] = 1;
  g_signal_tripped = 1;
  return run_signal_handlers();
}

bool run_signal_handlers_at_safe_point() {
  if (!g_signal_tripped) return true;
  return run_signal_handlers();
}

namespace {

Value f_signal(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("signal", kwnames) || !check_nargs("signal", nargs, 2, 2)) return {};
  int signum;
  if (!signum_arg(args[0], &signum)) return {};
  Value handler = args[1];
  void (*fn)(int);
  if (is_callable(handler)) fn = c_handler;
  else if (is_handler_int(handler, 1)) fn = SIG_IGN;
  else if (is_handler_int(handler, 0)) fn = SIG_DFL;
  else return raise(exc::TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  if (!run_signal_handlers()) return {};
  if (!install(signum, fn)) return raise_os_error(errno);
  Value old = g_handlers->at(signum);
  gc::write_barrier(g_handlers, &g_handlers->items()[signum], handler.is_object() ? handler.object() : nullptr);
  g_handlers->items()[signum] = handler;
  return old ? old : none();
}

Value f_getsignal(Value, const Value* args, size_t, Tuple*) {
  int signum;
  if (!signum_arg(args[0], &signum)) return {};
  Value h = g_handlers->at(signum);
  return h ? h : none();
}

Value f_raise_signal(Value, const Value* args, size_t, Tuple*) {
  int signum;
  if (!signum_arg(args[0], &signum, false)) return {};
  if (::raise(signum) != 0) return raise_os_error(errno);
  if (!run_signal_handlers()) return {};
  return none();
}

Value f_strsignal(Value, const Value* args, size_t, Tuple*) {
  int signum;
  if (!signum_arg(args[0], &signum)) return {};
  const char* s = strsignal(signum);
  if (!s || std::strstr(s, "Unknown signal")) return none();
  return str_from_utf8(s);
}

Value f_valid_signals(Value, const Value*, size_t, Tuple*) {
  sigset_t all;
  sigfillset(&all);
  Set* s = set_new();
  for (int i = 1; i < kNsig; i++) {
    if (sigismember(&all, i) == 1 && !set_add(s, Value::small(i))) return {};
  }
  return s;
}

Value f_alarm(Value, const Value* args, size_t, Tuple*) {
  int secs;
  if (!arg_int(args[0], &secs)) return {};
  return int_from_i64(alarm(unsigned(secs)));
}

Value f_pause(Value, const Value*, size_t, Tuple*) {
  pause();
  if (!run_signal_handlers()) return {};
  return none();
}

Value f_siginterrupt(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("siginterrupt", kwnames) || !check_nargs("siginterrupt", nargs, 2, 2)) return {};
  int signum, flag;
  if (!signum_arg(args[0], &signum) || !arg_int(args[1], &flag)) return {};
  struct sigaction act;
  if (sigaction(signum, nullptr, &act) != 0) return raise_os_error(errno);
  if (flag) act.sa_flags &= ~SA_RESTART;
  else act.sa_flags |= SA_RESTART;
  if (sigaction(signum, &act, nullptr) != 0) return raise_os_error(errno);
  return none();
}

Value f_set_wakeup_fd(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"fd", "warn_on_full_buffer", nullptr};
  Value fdv, warn;
  if (!parse_args(ArgSpec{"set_wakeup_fd", kParams, 1, 0, 1, true}, args, nargs, kwnames, {&fdv, &warn})) return {};
  int fd;
  if (!arg_int(fdv, &fd)) return {};
  if (fd != -1) {
    struct stat st;
    if (fstat(fd, &st) != 0) return raise_os_error(errno);
    int fl = fcntl(fd, F_GETFL);
    if (fl == -1) return raise_os_error(errno);
    if (!(fl & O_NONBLOCK)) return raisef(exc::ValueError, "the fd %d must be in non-blocking mode", fd);
  }
  int old = g_wakeup_fd;
  g_wakeup_fd = fd;
  if (warn) {
    int t = truth(warn);
    if (t < 0) return {};
    g_warn_on_full_buffer = t;
  }
  return Value::small(old);
}

bool timeval_arg(Value v, struct timeval* tv) {
  double d;
  if (!float_as_double(v, &d)) return false;
  if (d < 0) d = 0;
  tv->tv_sec = time_t(d);
  tv->tv_usec = long((d - double(tv->tv_sec)) * 1e6);
  if (d > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) tv->tv_usec = 1;
  return true;
}

double tv_seconds(const struct timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6; }

Value itimer_tuple(const struct itimerval& v) {
  return tuple_of({float_new(tv_seconds(v.it_value)), float_new(tv_seconds(v.it_interval))});
}

Value f_setitimer(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setitimer", kwnames) || !check_nargs("setitimer", nargs, 2, 3)) return {};
  int which;
  if (!arg_int(args[0], &which)) return {};
  struct itimerval nv = {}, old = {};
  if (!timeval_arg(args[1], &nv.it_value)) return {};
  if (nargs == 3 && !timeval_arg(args[2], &nv.it_interval)) return {};
  if (setitimer(which, &nv, &old) != 0) {
    int err = errno;
    Value a[2] = {Value::small(err), str_from_utf8(std::strerror(err))};
    Value e = new_exception(g_itimer_error, a, 2);
    if (e) set_error(e.object());
    return {};
  }
  return itimer_tuple(old);
}

Value f_getitimer(Value, const Value* args, size_t, Tuple*) {
  int which;
  if (!arg_int(args[0], &which)) return {};
  struct itimerval old = {};
  if (getitimer(which, &old) != 0) {
    int err = errno;
    Value a[2] = {Value::small(err), str_from_utf8(std::strerror(err))};
    Value e = new_exception(g_itimer_error, a, 2);
    if (e) set_error(e.object());
    return {};
  }
  return itimer_tuple(old);
}

bool sigset_arg(Value v, sigset_t* set) {
  sigemptyset(set);
  return for_each(v, [&](Value x) {
    int n;
    if (!arg_int(x, &n)) return false;
    if (n < 1 || n >= kNsig) {
      raisef(exc::ValueError, "signal number %d out of range [1; %d]", n, kNsig - 1);
      return false;
    }
    sigaddset(set, n);
    return true;
  });
}

Value sigset_to_set(const sigset_t& s) {
  Set* out = set_new();
  for (int i = 1; i < kNsig; i++) {
    if (sigismember(&s, i) == 1 && !set_add(out, Value::small(i))) return {};
  }
  return out;
}

Value f_pthread_sigmask(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pthread_sigmask", kwnames) || !check_nargs("pthread_sigmask", nargs, 2, 2)) return {};
  int how;
  if (!arg_int(args[0], &how)) return {};
  sigset_t set, old;
  if (!sigset_arg(args[1], &set)) return {};
  int err = pthread_sigmask(how, &set, &old);
  if (err) return raise_os_error(err);
  if (!run_signal_handlers()) return {};
  return sigset_to_set(old);
}

Value f_sigpending(Value, const Value*, size_t, Tuple*) {
  sigset_t s;
  if (sigpending(&s) != 0) return raise_os_error(errno);
  return sigset_to_set(s);
}

Value f_pthread_kill(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pthread_kill", kwnames) || !check_nargs("pthread_kill", nargs, 2, 2)) return {};
  auto tid = int_to_i64(args[0]);
  if (!tid && !is_int(args[0])) return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]).c_str());
  int signum;
  if (!arg_int(args[1], &signum)) return {};
  uint64_t t = tid ? uint64_t(*tid) : 0;
  int err = pthread_kill(pthread_t(t), signum);
  if (err) return raise_os_error(err);
  if (!run_signal_handlers()) return {};
  return none();
}

Value f_sigwait(Value, const Value* args, size_t, Tuple*) {
  sigset_t set;
  if (!sigset_arg(args[0], &set)) return {};
  int sig = 0;
  int err = sigwait(&set, &sig);
  if (err) return raise_os_error(err);
  return Value::small(sig);
}

Value f_pidfd_send_signal(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pidfd_send_signal", kwnames) || !check_nargs("pidfd_send_signal", nargs, 2, 4)) return {};
  int pidfd, signum, flags = 0;
  if (!arg_int(args[0], &pidfd) || !arg_int(args[1], &signum)) return {};
  if (nargs > 2 && !is_none(args[2])) return raise(exc::TypeError, "siginfo must be None");
  if (nargs > 3 && !arg_int(args[3], &flags)) return {};
  if (syscall(SYS_pidfd_send_signal, pidfd, signum, nullptr, flags) < 0) return raise_os_error(errno);
  return none();
}

constexpr uint32_t kFast = MethodFlag::kVarArgs | MethodFlag::kKeywords;

const MethodDef kFunctions[] = {
    {"sigwait", f_sigwait, MethodFlag::kOneArg,
     "Wait for a signal.\n\nSuspend execution of the calling thread until the delivery of one of the\nsignals specified in the signal set sigset.  The function accepts the signal\nand returns the signal number."},
    {"pidfd_send_signal", f_pidfd_send_signal, kFast,
     "Send a signal to a process referred to by a pid file descriptor."},
    {"signal", f_signal, kFast,
     "Set the action for the given signal.\n\nThe action can be SIG_DFL, SIG_IGN, or a callable Python object.\nThe previous action is returned.  See getsignal() for possible return values.\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame."},
    {"getsignal", f_getsignal, MethodFlag::kOneArg,
     "Return the current action for the given signal.\n\nThe return value can be:\n  SIG_IGN -- if the signal is being ignored\n  SIG_DFL -- if the default action for the signal is in effect\n  None    -- if an unknown handler is in effect\n  anything else -- the callable Python object used as a handler"},
    {"raise_signal", f_raise_signal, MethodFlag::kOneArg, "Send a signal to the executing process."},
    {"strsignal", f_strsignal, MethodFlag::kOneArg,
     "Return the system description of the given signal.\n\nReturns the description of signal *signalnum*, such as \"Interrupt\"\nfor :const:`SIGINT`. Returns :const:`None` if *signalnum* has no\ndescription. Raises :exc:`ValueError` if *signalnum* is invalid."},
    {"valid_signals", f_valid_signals, MethodFlag::kNoArgs,
     "Return a set of valid signal numbers on this platform.\n\nThe signal numbers returned by this function can be safely passed to\nfunctions like `pthread_sigmask`."},
    {"alarm", f_alarm, MethodFlag::kOneArg, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", f_pause, MethodFlag::kNoArgs, "Wait until a signal arrives."},
    {"siginterrupt", f_siginterrupt, kFast,
     "Change system call restart behaviour.\n\nIf flag is False, system calls will be restarted when interrupted by\nsignal sig, else system calls will be interrupted."},
    {"set_wakeup_fd", f_set_wakeup_fd, kFast,
     "set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\nSets the fd to be written to (with the signal number) when a signal\ncomes in.  A library can use this to wakeup select or poll.\nThe previous fd or -1 is returned.\n\nThe fd must be non-blocking."},
    {"setitimer", f_setitimer, kFast,
     "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\nThe timer will fire after value seconds and after that every interval seconds.\nThe itimer can be cleared by setting seconds to zero.\n\nReturns old values as a tuple: (delay, interval)."},
    {"getitimer", f_getitimer, MethodFlag::kOneArg, "Returns current value of given itimer."},
    {"pthread_sigmask", f_pthread_sigmask, kFast, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", f_sigpending, MethodFlag::kNoArgs,
     "Examine pending signals.\n\nReturns a set of signal numbers that are pending for delivery to\nthe calling thread."},
    {"pthread_kill", f_pthread_kill, kFast, "Send a signal to a thread."},
    {nullptr, nullptr, 0},
};

struct Const {
  const char* name;
  int value;
};
const Const kConstants[] = {
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", kNsig}, {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
    {"SIG_SETMASK", SIG_SETMASK}, {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF}, {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP}, {"SIGIOT", SIGIOT}, {"SIGABRT", SIGABRT}, {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGBUS", SIGBUS}, {"SIGSEGV", SIGSEGV}, {"SIGSYS", SIGSYS}, {"SIGPIPE", SIGPIPE},
    {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2},
    {"SIGCLD", SIGCHLD}, {"SIGCHLD", SIGCHLD}, {"SIGPWR", SIGPWR}, {"SIGIO", SIGIO}, {"SIGURG", SIGURG},
    {"SIGWINCH", SIGWINCH}, {"SIGPOLL", SIGPOLL}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
    {"SIGCONT", SIGCONT}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGSTKFLT", SIGSTKFLT},
};

}  // namespace

Module* make_signal_module() {
  init_signals();
  Module* m = module_new(intern("_signal"));
  Str* name = intern("_signal");
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\n"
                             "alarm() -- cause SIGALRM after a specified time [Unix only]\n"
                             "setitimer() -- cause a signal (described below) after a specified\n"
                             "               float time and the timer may restart then [Unix only]\n"
                             "getitimer() -- get current value of timer [Unix only]\n"
                             "signal() -- set the action for a given signal\n"
                             "getsignal() -- get the signal action for a given signal\n"
                             "pause() -- wait until a signal arrives [Unix only]\n"
                             "default_int_handler() -- default SIGINT handler\n\n"
                             "signal constants:\n"
                             "SIG_DFL -- used to refer to the system default handler\n"
                             "SIG_IGN -- used to ignore the signal\n"
                             "NSIG -- number of defined signals\n"
                             "SIGINT, SIGTERM, etc. -- signal numbers\n\n"
                             "itimer constants:\n"
                             "ITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n"
                             "               expiration\n"
                             "ITIMER_VIRTUAL -- decrements only when the process is executing,\n"
                             "               and delivers SIGVTALRM upon expiration\n"
                             "ITIMER_PROF -- decrements both when the process is executing and\n"
                             "               when the system is executing on behalf of the process.\n"
                             "               Coupled with ITIMER_VIRTUAL, this timer is usually\n"
                             "               used to profile the code executed by the process.\n"
                             "               A signal handler will be called when the timer expires.\n\n"
                             "*** IMPORTANT NOTICE ***\n"
                             "A signal handler function is called with two arguments:\n"
                             "the first is the signal number, the second is the interrupted stack frame."));
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  }
  dict_set_str(m->dict, intern("default_int_handler"), g_default_int_handler);
  for (const Const& c : kConstants) dict_set_str(m->dict, intern(c.name), Value::small(c.value));
  dict_set_str(m->dict, intern("SIGRTMIN"), Value::small(SIGRTMIN));
  dict_set_str(m->dict, intern("SIGRTMAX"), Value::small(SIGRTMAX));
  if (!g_itimer_error) {
    gc::add_root(reinterpret_cast<void**>(&g_itimer_error));
    Value args[3] = {str_from_ascii("ItimerError"), tuple_of({exc::OSError}), dict_new()};
    dict_set_str(args[2].as<Dict>(), intern("__module__"), str_from_ascii("signal"));
    Value t = call(types::type, args, 3);
    if (!t) return nullptr;
    g_itimer_error = t.as<Type>();
  }
  dict_set_str(m->dict, intern("ItimerError"), g_itimer_error);
  return m;
}

}  // namespace pyrite::python
