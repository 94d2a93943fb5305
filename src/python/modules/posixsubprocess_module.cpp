// The _posixsubprocess module: fork_exec, the fork-and-exec step behind
// subprocess.Popen on POSIX, with CPython 3.11's signature and its protocol
// for reporting a failure in the child (docs/modules_net.md, "_posixsubprocess").
//
// Everything the child needs (argv, envp, the executable candidates, the
// descriptors to keep) is converted to C data before fork(), so between
// fork and exec the child makes only async-signal-safe calls, unless the
// caller gave a preexec_fn: that one runs Python code in the child, as in
// CPython. A child that cannot get to exec writes
// "ExceptionName:hex errno:message" to errpipe_write and exits with 255;
// subprocess.py turns that into the exception ("noexec" as the message
// marks an error before exec, from chdir and the like, so the parent names
// cwd instead of the program).
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "python/modules/posix_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

namespace {

// A NULL-terminated char* array over owned strings (argv, envp).
struct CStrings {
  std::vector<std::string> owned;
  std::vector<char*> ptrs;
  char** get() {
    ptrs.clear();
    for (auto& s : owned) ptrs.push_back(s.data());
    ptrs.push_back(nullptr);
    return ptrs.data();
  }
};

// A sequence of str/bytes/PathLike as file-system bytes.
bool fs_sequence(Value seq, const char* not_sequence, CStrings* out) {
  Tuple* items = sequence_fast(seq, not_sequence);
  if (!items) return false;
  for (int64_t i = 0; i < items->length; i++) {
    std::string s;
    if (!posix::fs_converter(items->at(i), &s)) return false;
    out->owned.push_back(std::move(s));
  }
  return true;
}

// fds_to_keep: a tuple of sorted non-negative ints below INT_MAX.
bool read_fds_to_keep(Tuple* t, std::vector<int>* out) {
  long prev = -1;
  for (int64_t i = 0; i < t->length; i++) {
    Value v = t->at(i);
    auto n = is_int(v) ? int_to_i64(v) : std::nullopt;
    if (!n || *n < 0 || *n >= 0x7fffffff || *n <= prev) {
      raise(exc::ValueError, "bad value(s) in fds_to_keep");
      return false;
    }
    prev = long(*n);
    out->push_back(int(*n));
  }
  return true;
}

// ---- the child ---------------------------------------------------------------------------------

void write_all(int fd, const char* p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= size_t(w);
  }
}

void write_str(int fd, const char* s) {
  size_t n = 0;
  while (s[n]) n++;
  write_all(fd, s, n);
}

bool set_inheritable(int fd) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return false;
  if (!(flags & FD_CLOEXEC)) return true;
  return fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0;
}

// Closes every descriptor from 3 up that fds_to_keep does not list (sorted).
void close_other_fds(const std::vector<int>& keep) {
  unsigned lo = 3;
  for (int fd : keep) {
    if (unsigned(fd) < lo) continue;
    if (unsigned(fd) > lo) close_range(lo, unsigned(fd) - 1, 0);
    lo = unsigned(fd) + 1;
  }
  close_range(lo, ~0U, 0);
}

struct ChildPlan {
  char** argv;
  std::vector<std::string>* executables;
  char** envp;           // null: inherit
  const char* cwd;       // null: stay
  bool close_fds;
  const std::vector<int>* fds_to_keep;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  bool restore_signals, call_setsid;
  int pgid_to_set;
  bool set_gid, set_uid, set_groups;
  gid_t gid;
  uid_t uid;
  std::vector<gid_t>* groups;
  int child_umask;
  Value preexec_fn;      // null: none
};

[[noreturn]] void run_child(const ChildPlan& c) {
  int saved_errno = 0;
  bool reached_preexec = false;
  const char* err_msg = nullptr;
  int p2cread = c.p2cread, c2pwrite = c.c2pwrite, errwrite = c.errwrite;

  for (int fd : *c.fds_to_keep)
    if (fd != c.errpipe_write && !set_inheritable(fd)) goto error;
  // The parent's ends of the pipes.
  if (c.p2cwrite != -1) close(c.p2cwrite);
  if (c.c2pread != -1) close(c.c2pread);
  if (c.errread != -1) close(c.errread);
  close(c.errpipe_read);
  // The stdout and stderr sources must not be overwritten by the dup2s before them.
  if (c2pwrite == 0) {
    c2pwrite = dup(c2pwrite);
    if (c2pwrite < 0 || !set_inheritable(c2pwrite)) goto error;
  }
  while (errwrite == 0 || errwrite == 1) {
    errwrite = dup(errwrite);
    if (errwrite < 0 || !set_inheritable(errwrite)) goto error;
  }
  // dup2 leaves the target inheritable; a descriptor already in place only needs the flag.
  if (p2cread == 0) {
    if (!set_inheritable(p2cread)) goto error;
  } else if (p2cread != -1 && dup2(p2cread, 0) < 0) {
    goto error;
  }
  if (c2pwrite == 1) {
    if (!set_inheritable(c2pwrite)) goto error;
  } else if (c2pwrite != -1 && dup2(c2pwrite, 1) < 0) {
    goto error;
  }
  if (errwrite == 2) {
    if (!set_inheritable(errwrite)) goto error;
  } else if (errwrite != -1 && dup2(errwrite, 2) < 0) {
    goto error;
  }
  if (c.cwd && chdir(c.cwd) < 0) goto error;
  if (c.child_umask >= 0) umask(mode_t(c.child_umask));
  if (c.restore_signals) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (c.call_setsid && setsid() < 0) goto error;
  if (c.pgid_to_set >= 0 && setpgid(0, c.pgid_to_set) < 0) goto error;
  if (c.set_groups && setgroups(c.groups->size(), c.groups->data()) < 0) goto error;
  if (c.set_gid && setregid(c.gid, c.gid) < 0) goto error;
  if (c.set_uid && setreuid(c.uid, c.uid) < 0) goto error;

  reached_preexec = true;
  if (c.preexec_fn) {
    Value r = call0(c.preexec_fn);
    if (!r) {
      // The exception is not printed: formatting it could need what the fork left broken.
      clear_error();
      err_msg = "Exception occurred in preexec_fn.";
      errno = 0;
      goto error;
    }
  }
  if (c.close_fds) close_other_fds(*c.fds_to_keep);

  // os._execvpe's search: the first error other than "not there" wins.
  for (auto& exe : *c.executables) {
    if (c.envp)
      execve(exe.c_str(), c.argv, c.envp);
    else
      execv(exe.c_str(), c.argv);
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  if (saved_errno == 0) saved_errno = errno;
  errno = saved_errno;

error:
  saved_errno = errno;
  if (saved_errno) {
    char hex[2 * sizeof(int) + 1];
    char* cur = hex + sizeof(hex);
    unsigned e = unsigned(saved_errno);
    while (e && cur != hex) {
      *--cur = "0123456789abcdef"[e % 16];
      e /= 16;
    }
    write_str(c.errpipe_write, "OSError:");
    write_all(c.errpipe_write, cur, size_t(hex + sizeof(hex) - cur));
    write_str(c.errpipe_write, ":");
    if (!reached_preexec) write_str(c.errpipe_write, "noexec");
  } else if (err_msg) {
    write_str(c.errpipe_write, "SubprocessError:0:");
    write_str(c.errpipe_write, err_msg);
  }
  _exit(255);
}

// ---- fork_exec ---------------------------------------------------------------------------------

bool int_arg(Value v, int* out) { return posix::arg_cint(v, out); }

Value fork_exec(Value, const Value* a, size_t nargs, Tuple*) {
  if (nargs != 23)
    return raisef(exc::TypeError, "fork_exec() takes exactly 23 arguments (%zu given)", nargs);
  int close_fds = truth(a[2]);
  if (close_fds < 0) return {};
  if (!is_tuple(a[3]))
    return raisef(exc::TypeError, "fork_exec() argument 4 must be tuple, not %s", type_name(a[3]).c_str());
  int fds[8];
  for (int i = 0; i < 8; i++)
    if (!int_arg(a[6 + i], &fds[i])) return {};
  int restore_signals = truth(a[14]), call_setsid = truth(a[15]);
  if (restore_signals < 0 || call_setsid < 0) return {};
  int pgid_to_set, child_umask;
  if (!int_arg(a[16], &pgid_to_set) || !int_arg(a[20], &child_umask)) return {};
  if (truth(a[22]) < 0) return {};  // allow_vfork: fork() is used either way

  if (close_fds && fds[7] < 3) return raise(exc::ValueError, "errpipe_write must be >= 3");
  std::vector<int> keep;
  if (!read_fds_to_keep(a[3].as<Tuple>(), &keep)) return {};

  CStrings argv, envp, exes;
  bool have_args = !is_none(a[0]);
  if (have_args && !fs_sequence(a[0], "argv must be a tuple", &argv)) return {};
  if (!fs_sequence(a[1], "executable_list must be a sequence", &exes)) return {};
  bool have_env = !is_none(a[5]);
  if (have_env && !fs_sequence(a[5], "envp must be a sequence", &envp)) return {};
  std::string cwd;
  bool have_cwd = !is_none(a[4]);
  if (have_cwd && !posix::fs_converter(a[4], &cwd)) return {};

  ChildPlan plan{};
  plan.set_gid = !is_none(a[17]);
  plan.set_groups = !is_none(a[18]);
  plan.set_uid = !is_none(a[19]);
  uint32_t id = 0;
  if (plan.set_gid) {
    if (!posix::id_arg(a[17], "gid", &id)) return {};
    plan.gid = gid_t(id);
  }
  std::vector<gid_t> groups;
  if (plan.set_groups) {
    Tuple* g = sequence_fast(a[18], "setgroups argument must be a sequence");
    if (!g) return {};
    for (int64_t i = 0; i < g->length; i++) {
      if (!posix::id_arg(g->at(i), "gid", &id)) return {};
      groups.push_back(gid_t(id));
    }
  }
  if (plan.set_uid) {
    if (!posix::id_arg(a[19], "uid", &id)) return {};
    plan.uid = uid_t(id);
  }

  plan.argv = have_args ? argv.get() : nullptr;
  char* no_args[] = {nullptr};
  if (!plan.argv) plan.argv = no_args;
  plan.executables = &exes.owned;
  plan.envp = have_env ? envp.get() : nullptr;
  plan.cwd = have_cwd ? cwd.c_str() : nullptr;
  plan.close_fds = close_fds;
  plan.fds_to_keep = &keep;
  plan.p2cread = fds[0], plan.p2cwrite = fds[1], plan.c2pread = fds[2], plan.c2pwrite = fds[3];
  plan.errread = fds[4], plan.errwrite = fds[5], plan.errpipe_read = fds[6], plan.errpipe_write = fds[7];
  plan.restore_signals = restore_signals;
  plan.call_setsid = call_setsid;
  plan.pgid_to_set = pgid_to_set;
  plan.groups = &groups;
  plan.child_umask = child_umask;
  plan.preexec_fn = is_none(a[21]) ? Value() : a[21];

  // With a preexec_fn the child runs Python code, so the os.register_at_fork
  // hooks run around the fork, as in CPython.
  if (plan.preexec_fn) posix::run_before_fork_hooks();
  pid_t pid = fork();
  if (pid == 0) {
    if (plan.preexec_fn) posix::run_after_fork_hooks(true);
    run_child(plan);
  }
  int err = errno;
  if (plan.preexec_fn) posix::run_after_fork_hooks(false);
  if (pid < 0) return posix::raise_errno(err);
  return int_from_i64(pid);
}

const MethodDef kFunctions[] = {
    {"fork_exec", fork_exec, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "Spawn a fresh new child process.\n\nFork a child process, close parent file descriptors as "
     "appropriate in the\nchild and duplicate the few that are needed before calling exec() in "
     "the\nchild process."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_posixsubprocess_module() {
  Module* m = module_new(intern("_posixsubprocess"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("A POSIX helper for the subprocess module."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_posixsubprocess")));
  return m;
}

}  // namespace pyrite::python
