// The faulthandler module: on SIGSEGV, SIGFPE, SIGABRT, SIGBUS and SIGILL
// print "Fatal Python error" and the Python stack, then die of the signal;
// dump the stack on demand, on a user signal (register) or after a timeout
// (dump_traceback_later's watchdog thread); docs/modules.md, "faulthandler".
//
// The fatal handlers run on an alternate signal stack (a stack overflow is
// one of the faults) and only read memory and call write(2): the frame
// chain of the thread state, each frame's code and line table. Strings are
// written as CPython writes them there: ASCII, other code points escaped
// (\xNN, \uNNNN, \UNNNNNNNN), truncated after 500 characters.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <ctime>

#include "gc/heap.h"
#include "python/interp/eval.h"
#include "python/interp/frame.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"

namespace pyrite::python {

namespace {

constexpr int kMaxFrames = 100;
constexpr int64_t kMaxStringLength = 500;

struct FatalSignal {
  int signum;
  const char* name;
  bool installed;
  struct sigaction previous;
};

FatalSignal g_signals[] = {
    {SIGBUS, "Bus error", false, {}},
    {SIGILL, "Illegal instruction", false, {}},
    {SIGFPE, "Floating point exception", false, {}},
    {SIGABRT, "Aborted", false, {}},
    {SIGSEGV, "Segmentation fault", false, {}},
};

// register()'s user signals, by number.
struct UserSignal {
  bool enabled;
  bool all_threads;
  bool chain;
  int fd;
  struct sigaction previous;
};
UserSignal g_user[NSIG];
Object* g_user_files[NSIG];  // rooted: the files the user signals write to

// dump_traceback_later's watchdog: one thread waiting on a condition for
// the timeout or a cancel.
struct Watchdog {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t cond;
  pthread_t thread;
  bool running = false;
  bool cancel = false;
  int64_t timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  int fd = 2;
  unsigned long main_thread = 0;
  Object* file = nullptr;  // rooted
};
Watchdog g_watchdog;

bool g_enabled = false;
int g_fd = 2;
bool g_all_threads = true;
Object* g_file = nullptr;  // the file enable() writes to, kept open while enabled
void* g_alt_stack = nullptr;

// ---- async-signal-safe writing ----

void put(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    s += w;
    n -= size_t(w);
  }
}
void put(int fd, const char* s) { put(fd, s, std::strlen(s)); }

void put_decimal(int fd, long v) {
  char buf[24];
  int i = sizeof buf;
  bool neg = v < 0;
  unsigned long u = neg ? 0UL - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
  do {
    buf[--i] = char('0' + u % 10);
    u /= 10;
  } while (u);
  if (neg) buf[--i] = '-';
  put(fd, buf + i, sizeof buf - size_t(i));
}

void put_hex(int fd, unsigned long v, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; i--) {
    buf[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  put(fd, buf, size_t(width));
}

void put_str(int fd, const Str* s) {
  if (!s) {
    put(fd, "???");
    return;
  }
  int64_t n = s->length < kMaxStringLength ? s->length : kMaxStringLength;
  for (int64_t i = 0; i < n; i++) {
    char32_t c = s->at(i);
    if (c >= ' ' && c < 0x7f) {
      char ch = char(c);
      put(fd, &ch, 1);
    } else if (c < 0x100) {
      put(fd, "\\x");
      put_hex(fd, c, 2);
    } else if (c < 0x10000) {
      put(fd, "\\u");
      put_hex(fd, c, 4);
    } else {
      put(fd, "\\U");
      put_hex(fd, c, 8);
    }
  }
  if (s->length > kMaxStringLength) put(fd, "...");
}

void dump_frames(int fd) {
  Frame* f = thread_state().frame;
  if (!f) {
    put(fd, "  <no Python frame>\n");
    return;
  }
  for (int depth = 0; f; f = f->previous, depth++) {
    if (depth >= kMaxFrames) {
      put(fd, "  ...\n");
      break;
    }
    Code* code = f->code;
    if (!code) continue;
    put(fd, "  File \"");
    put_str(fd, code->filename);
    put(fd, "\", line ");
    int line = f->lasti >= 0 ? code->line_at(static_cast<uint32_t>(f->lasti)) : code->firstlineno;
    if (line >= 0) put_decimal(fd, line);
    else put(fd, "???");
    put(fd, " in ");
    put_str(fd, code->name);
    put(fd, "\n");
  }
}

// The header of another thread's stack (the watchdog dumps the main thread's).
void dump_thread_header(int fd, unsigned long ident, bool current) {
  put(fd, current ? "Current thread 0x" : "Thread 0x");
  put_hex(fd, ident, int(sizeof(unsigned long) * 2));
  put(fd, " (most recent call first):\n");
}

void dump_traceback(int fd, bool all_threads) {
  if (all_threads) {
    // The only thread is the current one.
    put(fd, "Current thread 0x");
    put_hex(fd, static_cast<unsigned long>(pthread_self()), int(sizeof(unsigned long) * 2));
    put(fd, " (most recent call first):\n");
  } else {
    put(fd, "Stack (most recent call first):\n");
  }
  dump_frames(fd);
}

void fatal_handler(int signum) {
  int saved_errno = errno;
  FatalSignal* sig = nullptr;
  for (FatalSignal& s : g_signals)
    if (s.signum == signum) sig = &s;
  if (!sig || !g_enabled) return;
  // The previous handler comes back first, so that the signal raised again
  // below (or a fault repeated on return) ends the process.
  sigaction(signum, &sig->previous, nullptr);
  sig->installed = false;
  int fd = g_fd;
  put(fd, "Fatal Python error: ");
  put(fd, sig->name);
  put(fd, "\n\n");
  dump_traceback(fd, g_all_threads);
  errno = saved_errno;
  ::raise(signum);
}

void user_handler(int signum) {
  int saved_errno = errno;
  UserSignal& u = g_user[signum];
  if (!u.enabled) return;
  dump_traceback(u.fd, u.all_threads);
  if (u.chain) {
    // The previous handler runs on the signal raised again; then ours is
    // put back.
    struct sigaction ours;
    sigaction(signum, &u.previous, &ours);
    ::raise(signum);
    sigaction(signum, &ours, nullptr);
  }
  errno = saved_errno;
}

void uninstall() {
  for (FatalSignal& s : g_signals) {
    if (!s.installed) continue;
    sigaction(s.signum, &s.previous, nullptr);
    s.installed = false;
  }
}

bool install_alt_stack() {
  if (!g_alt_stack) {
    size_t size = SIGSTKSZ * 2 + 65536;
    g_alt_stack = std::malloc(size);
    if (!g_alt_stack) {
      raise_memory_error();
      return false;
    }
    stack_t ss;
    ss.ss_sp = g_alt_stack;
    ss.ss_size = size;
    ss.ss_flags = 0;
    if (sigaltstack(&ss, nullptr) != 0) {
      std::free(g_alt_stack);
      g_alt_stack = nullptr;
      raise_os_error(errno);
      return false;
    }
  }
  return true;
}

bool install() {
  if (!install_alt_stack()) return false;
  for (FatalSignal& s : g_signals) {
    if (s.installed) continue;
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = fatal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER | SA_ONSTACK;
    if (sigaction(s.signum, &action, &s.previous) != 0) {
      int err = errno;
      uninstall();
      raise_os_error(err);
      return false;
    }
    s.installed = true;
  }
  return true;
}

// The file argument: an int descriptor, or a file object (sys.stderr when
// None or absent) whose fileno() is taken and which is flushed.
bool file_argument(Value file, int* fd, Value* keep) {
  *keep = Value();
  if (file && is_int(file)) {
    int v = 0;
    if (!arg_int(file, &v)) return false;
    if (v < 0) {
      raise(exc::ValueError, "file is not a valid file descripter");  // sic, CPython 3.11
      return false;
    }
    *fd = v;
    return true;
  }
  if (!file || is_none(file)) {
    file = get_sys_attr("stderr");
    if (!file) {
      clear_error();
      raise(exc::RuntimeError, "unable to get sys.stderr");
      return false;
    }
    if (is_none(file)) {
      raise(exc::RuntimeError, "sys.stderr is None");
      return false;
    }
  }
  static Str* const kFileno = intern("fileno");
  static Str* const kFlush = intern("flush");
  Value r = call_method(file, kFileno, nullptr, 0);
  if (!r) return false;
  int v = -1;
  if (!is_int(r) || !arg_int(r, &v) || v < 0) {
    if (has_error()) clear_error();
    raise(exc::RuntimeError, "file.fileno() is not a valid file descriptor");
    return false;
  }
  if (!call_method(file, kFlush, nullptr, 0)) clear_error();
  *fd = v;
  *keep = file;
  return true;
}

Value fh_enable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"file", "all_threads", nullptr};
  Value file, all;
  if (!parse_args({"enable", kNames, 0, 0}, args, nargs, kwnames, {&file, &all})) return {};
  int fd = 2;
  Value keep;
  if (!file_argument(file, &fd, &keep)) return {};
  bool all_threads = true;
  if (all) {
    int t = truth(all);
    if (t < 0) return {};
    all_threads = t;
  }
  if (!install()) return {};
  g_fd = fd;
  g_all_threads = all_threads;
  g_file = keep ? keep.object() : nullptr;
  g_enabled = true;
  return none();
}

Value fh_disable(Value, const Value*, size_t, Tuple*) {
  if (!g_enabled) return py_bool(false);
  uninstall();
  g_enabled = false;
  g_file = nullptr;
  return py_bool(true);
}

Value fh_is_enabled(Value, const Value*, size_t, Tuple*) { return py_bool(g_enabled); }

bool check_signum(Value v, int* signum) {
  if (!arg_int(v, signum)) return false;
  for (const FatalSignal& s : g_signals) {
    if (s.signum == *signum) {
      raisef(exc::RuntimeError, "signal %d cannot be registered, use enable() instead", *signum);
      return false;
    }
  }
  if (*signum < 1 || *signum >= NSIG) {
    raise(exc::ValueError, "signal number out of range");
    return false;
  }
  return true;
}

Value fh_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"signum", "file", "all_threads", "chain", nullptr};
  Value sig_v, file, all, chain_v;
  if (!parse_args({"register", kNames, 1, 0}, args, nargs, kwnames, {&sig_v, &file, &all, &chain_v})) return {};
  int signum = 0;
  if (!check_signum(sig_v, &signum)) return {};
  int fd = 2;
  Value keep;
  if (!file_argument(file, &fd, &keep)) return {};
  bool all_threads = true, chain = false;
  if (all) {
    int t = truth(all);
    if (t < 0) return {};
    all_threads = t;
  }
  if (chain_v) {
    int t = truth(chain_v);
    if (t < 0) return {};
    chain = t;
  }
  UserSignal& u = g_user[signum];
  if (!u.enabled) {
    if (!install_alt_stack()) return {};
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = user_handler;
    sigemptyset(&action.sa_mask);
    // Without chain, an interrupted system call restarts; with it the
    // previous handler decides (CPython's flags).
    action.sa_flags = SA_ONSTACK | (chain ? SA_NODEFER : SA_RESTART);
    if (sigaction(signum, &action, &u.previous) != 0) return raise_os_error(errno);
  }
  u.fd = fd;
  u.all_threads = all_threads;
  u.chain = chain;
  u.enabled = true;
  g_user_files[signum] = keep ? keep.object() : nullptr;
  return none();
}

Value fh_unregister(Value, const Value* args, size_t, Tuple*) {
  int signum = 0;
  if (!check_signum(args[0], &signum)) return {};
  UserSignal& u = g_user[signum];
  if (!u.enabled) return py_bool(false);
  sigaction(signum, &u.previous, nullptr);
  u.enabled = false;
  g_user_files[signum] = nullptr;
  return py_bool(true);
}

// ---- dump_traceback_later ----

void put_timeout(int fd, int64_t us) {
  int64_t sec = us / 1000000, frac = us % 1000000;
  put(fd, "Timeout (");
  put_decimal(fd, long(sec / 3600));
  char buf[8];
  std::snprintf(buf, sizeof buf, ":%02ld", long(sec / 60 % 60));
  put(fd, buf);
  std::snprintf(buf, sizeof buf, ":%02ld", long(sec % 60));
  put(fd, buf);
  if (frac) {
    char f[12];
    std::snprintf(f, sizeof f, ".%06ld", long(frac));
    put(fd, f);
  }
  put(fd, ")!\n");
}

void* watchdog_main(void*) {
  Watchdog& w = g_watchdog;
  pthread_mutex_lock(&w.mutex);
  for (;;) {
    timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t ns = deadline.tv_nsec + (w.timeout_us % 1000000) * 1000;
    deadline.tv_sec += time_t(w.timeout_us / 1000000 + ns / 1000000000);
    deadline.tv_nsec = long(ns % 1000000000);
    int r = 0;
    while (!w.cancel && r != ETIMEDOUT) r = pthread_cond_timedwait(&w.cond, &w.mutex, &deadline);
    if (w.cancel) break;
    put_timeout(w.fd, w.timeout_us);
    dump_thread_header(w.fd, w.main_thread, false);
    dump_frames(w.fd);
    if (w.exit) _exit(1);
    if (!w.repeat) break;
  }
  pthread_mutex_unlock(&w.mutex);
  return nullptr;
}

// A forked child has no watchdog thread: forget the parent's (its mutex
// may have been held by that thread at the fork).
void watchdog_after_fork_in_child() {
  Watchdog& w = g_watchdog;
  pthread_mutex_init(&w.mutex, nullptr);
  w.running = false;
  w.cancel = false;
  w.file = nullptr;
}

void cancel_watchdog() {
  Watchdog& w = g_watchdog;
  if (!w.running) return;
  pthread_mutex_lock(&w.mutex);
  w.cancel = true;
  pthread_cond_signal(&w.cond);
  pthread_mutex_unlock(&w.mutex);
  pthread_join(w.thread, nullptr);
  w.running = false;
  w.file = nullptr;
}

// The timeout in microseconds, as CPython converts it (float or int seconds,
// rounded to nanoseconds first).
bool timeout_argument(Value v, int64_t* us) {
  double seconds = 0;
  if (is_float(v)) {
    seconds = float_value(v);
  } else {
    Value i = index(v);
    if (!i) return false;
    if (!int_to_double(i, &seconds)) {
      clear_error();
      seconds = HUGE_VAL;
    }
  }
  double ns = seconds * 1e9;
  if (!(std::fabs(ns) < 9.2e18)) {
    if (std::isnan(seconds)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
    } else {
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    return false;
  }
  // Rounded up to the nanosecond, then to the microsecond, as CPython.
  auto whole_ns = static_cast<int64_t>(std::ceil(ns));
  int64_t t = whole_ns > 0 ? (whole_ns + 999) / 1000 : whole_ns / 1000;
  if (t <= 0) {
    raise(exc::ValueError, "timeout must be greater than 0");
    return false;
  }
  *us = t;
  return true;
}

Value fh_dump_traceback_later(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"timeout", "repeat", "file", "exit", nullptr};
  Value timeout_v, repeat_v, file, exit_v;
  if (!parse_args({"dump_traceback_later", kNames, 1, 0}, args, nargs, kwnames, {&timeout_v, &repeat_v, &file, &exit_v}))
    return {};
  int64_t us = 0;
  if (!timeout_argument(timeout_v, &us)) return {};
  bool repeat = false, exit = false;
  if (repeat_v) {
    int t = truth(repeat_v);
    if (t < 0) return {};
    repeat = t;
  }
  int fd = 2;
  Value keep;
  if (!file_argument(file, &fd, &keep)) return {};
  if (exit_v) {
    int t = truth(exit_v);
    if (t < 0) return {};
    exit = t;
  }
  cancel_watchdog();
  Watchdog& w = g_watchdog;
  static bool cond_ready = false;
  if (!cond_ready) {
    pthread_atfork(nullptr, nullptr, watchdog_after_fork_in_child);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w.cond, &attr);
    pthread_condattr_destroy(&attr);
    cond_ready = true;
  }
  w.cancel = false;
  w.timeout_us = us;
  w.repeat = repeat;
  w.exit = exit;
  w.fd = fd;
  w.main_thread = static_cast<unsigned long>(pthread_self());
  w.file = keep ? keep.object() : nullptr;
  // The watchdog must not take the process's signals.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  int err = pthread_create(&w.thread, nullptr, watchdog_main, nullptr);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (err) {
    w.file = nullptr;
    return raise(exc::RuntimeError, "unable to start watchdog thread");
  }
  w.running = true;
  return none();
}

Value fh_cancel_dump_traceback_later(Value, const Value*, size_t, Tuple*) {
  cancel_watchdog();
  return none();
}

Value fh_dump_traceback(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"file", "all_threads", nullptr};
  Value file, all;
  if (!parse_args({"dump_traceback", kNames, 0, 0}, args, nargs, kwnames, {&file, &all})) return {};
  int fd = 2;
  Value keep;
  if (!file_argument(file, &fd, &keep)) return {};
  bool all_threads = true;
  if (all) {
    int t = truth(all);
    if (t < 0) return {};
    all_threads = t;
  }
  dump_traceback(fd, all_threads);
  return none();
}

// ---- the faults the module's own tests provoke ----

Value fh_sigsegv(Value, const Value*, size_t, Tuple*) {
  ::raise(SIGSEGV);
  return none();
}
Value fh_sigabrt(Value, const Value*, size_t, Tuple*) { std::abort(); }
Value fh_sigfpe(Value, const Value*, size_t, Tuple*) {
  ::raise(SIGFPE);
  return none();
}
Value fh_read_null(Value, const Value*, size_t, Tuple*) {
  volatile int* p = nullptr;
  return int_from_i64(*p);
}

const MethodDef kFunctions[] = {
    {"enable", fh_enable, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "enable(file=sys.stderr, all_threads=True): print the Python traceback on a fatal signal."},
    {"disable", fh_disable, MethodFlag::kNoArgs, "disable(): stop handling fatal signals; True if it was enabled."},
    {"is_enabled", fh_is_enabled, MethodFlag::kNoArgs, "is_enabled()->bool: whether the fatal handlers are on."},
    {"dump_traceback", fh_dump_traceback, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "dump_traceback(file=sys.stderr, all_threads=True): write the Python stack to file."},
    {"register", fh_register, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "register(signum, file=sys.stderr, all_threads=True, chain=False): dump the stack on signal signum."},
    {"unregister", fh_unregister, MethodFlag::kOneArg,
     "unregister(signum): undo register(); True if the signal was registered."},
    {"dump_traceback_later", fh_dump_traceback_later, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False): dump the stack after timeout "
     "seconds (each timeout with repeat), then exit with exit."},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later, MethodFlag::kNoArgs,
     "cancel_dump_traceback_later(): cancel the previous dump_traceback_later()."},
    {"_sigsegv", fh_sigsegv, MethodFlag::kVarArgs, "Raise a SIGSEGV signal."},
    {"_sigabrt", fh_sigabrt, MethodFlag::kNoArgs, "Abort the process (SIGABRT)."},
    {"_sigfpe", fh_sigfpe, MethodFlag::kNoArgs, "Raise a SIGFPE signal."},
    {"_read_null", fh_read_null, MethodFlag::kNoArgs, "Read from the NULL pointer."},
    {nullptr, nullptr, 0},
};

}  // namespace

// -X faulthandler, PYTHONFAULTHANDLER and -X dev: enable() at start-up,
// writing to sys.stderr.
bool enable_faulthandler_at_startup() {
  return fh_enable(Value(), nullptr, 0, nullptr) ? true : false;
}

Module* make_faulthandler_module() {
  static bool rooted = false;
  if (!rooted) {
    gc::add_root(reinterpret_cast<void**>(&g_file));
    gc::add_root(reinterpret_cast<void**>(&g_watchdog.file));
    for (Object*& f : g_user_files) gc::add_root(reinterpret_cast<void**>(&f));
    rooted = true;
  }
  Module* m = module_new(intern("faulthandler"));
  dict_set_str(m->dict, intern("__doc__"), str_from_ascii("faulthandler module."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("faulthandler")));
  return m;
}

}  // namespace pyrite::python
