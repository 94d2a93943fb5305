// The posix module's questions about the system and the process's
// credentials: sysconf/confstr/pathconf with their name tables, load,
// random bytes, CPU affinity, priorities, user and group ids, sessions,
// terminals (docs/modules.md, "posix").
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <pty.h>
#include <utmp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "python/modules/posix_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/set.h"
#include "python/objects/str.h"
#include "python/objects/structseq.h"
#include "python/objects/tuple.h"

namespace pyrite::python::posix {

namespace {

// ---- sysconf, confstr, pathconf ---------------------------------------------------------------

struct ConfName {
  const char* name;
  int value;
};

#define PYR_SYSCONF_NAMES 1
#define PYR_CONFSTR_NAMES 2
#define PYR_PATHCONF_NAMES 3

const ConfName kSysconfNames[] = {
#define PYR_NAMES_OF PYR_SYSCONF_NAMES
#include "python/modules/posix_conf_names.inc"
#undef PYR_NAMES_OF
};
const ConfName kConfstrNames[] = {
#define PYR_NAMES_OF PYR_CONFSTR_NAMES
#include "python/modules/posix_conf_names.inc"
#undef PYR_NAMES_OF
};
const ConfName kPathconfNames[] = {
#define PYR_NAMES_OF PYR_PATHCONF_NAMES
#include "python/modules/posix_conf_names.inc"
#undef PYR_NAMES_OF
};

// conv_confname: an int as it is, a str looked up in the table.
template <size_t N>
bool conf_name(Value v, const ConfName (&table)[N], int* out) {
  if (is_int(v)) return arg_cint(v, out);
  if (!is_str(v)) {
    raise(exc::TypeError, "configuration names must be strings or integers");
    return false;
  }
  std::string s = str_to_utf8(v.as<Str>());
  for (const ConfName& c : table) {
    if (s == c.name) {
      *out = c.value;
      return true;
    }
  }
  raise(exc::ValueError, "unrecognized configuration name");
  return false;
}

template <size_t N>
Dict* names_dict(const ConfName (&table)[N]) {
  Dict* d = dict_new();
  for (const ConfName& c : table) dict_set_str(d, intern(c.name), Value::small(c.value));
  return d;
}

Value posix_sysconf(Value, const Value* args, size_t, Tuple*) {
  int name;
  if (!conf_name(args[0], kSysconfNames, &name)) return {};
  errno = 0;
  long r = sysconf(name);
  if (r == -1 && errno != 0) return raise_errno(errno);
  return int_from_i64(r);
}

Value posix_confstr(Value, const Value* args, size_t, Tuple*) {
  int name;
  if (!conf_name(args[0], kConfstrNames, &name)) return {};
  errno = 0;
  size_t n = confstr(name, nullptr, 0);
  if (n == 0) {
    if (errno) return raise_errno(errno);
    return none();
  }
  std::string buf(n, '\0');
  confstr(name, buf.data(), n);
  return str_from_utf8(std::string_view(buf.data(), n - 1));
}

Value posix_pathconf(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "name", nullptr};
  Value path, name_arg;
  if (!parse_args({"pathconf", kNames, 2, 0, -1, true}, args, nargs, kwnames, {&path, &name_arg}))
    return {};
  PathArg p;
  int name;
  if (!convert_path("pathconf", "path", path, true, false, &p) ||
      !conf_name(name_arg, kPathconfNames, &name))
    return {};
  errno = 0;
  long r = p.fd >= 0 ? fpathconf(p.fd, name) : pathconf(p.c_str(), name);
  if (r == -1 && errno != 0) return raise_path_error(errno, p);
  return int_from_i64(r);
}

Value posix_fpathconf(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("fpathconf", nargs, 2, 2)) return {};
  int fd, name;
  if (!arg_cint(args[0], &fd) || !conf_name(args[1], kPathconfNames, &name)) return {};
  errno = 0;
  long r = fpathconf(fd, name);
  if (r == -1 && errno != 0) return raise_errno(errno);
  return int_from_i64(r);
}

// ---- load, randomness, scheduling, priorities -------------------------------------------------

Value posix_getloadavg(Value, const Value*, size_t, Tuple*) {
  double load[3];
  if (getloadavg(load, 3) != 3) return raise(exc::OSError, "Load averages are unobtainable");
  return tuple_of({float_new(load[0]), float_new(load[1]), float_new(load[2])});
}

Value posix_getrandom(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"size", "flags", nullptr};
  Value size_arg, flags_arg;
  if (!parse_args({"getrandom", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&size_arg, &flags_arg}))
    return {};
  int64_t size;
  int flags = 0;
  if (!arg_ssize(size_arg, &size) || (flags_arg && !arg_cint(flags_arg, &flags))) return {};
  if (size < 0) return raise_errno(EINVAL);
  Bytes* b = bytes_new_raw(size);
  if (!b) return {};
  ssize_t n;
  do n = getrandom(b->data(), size_t(size), unsigned(flags));
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  if (n != size) return bytes_from(b->data(), size_t(n));
  return b;
}

Value posix_sched_getaffinity(Value, const Value* args, size_t, Tuple*) {
  int pid;
  if (!arg_int(args[0], &pid)) return {};
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(pid, sizeof(set), &set) != 0) return raise_errno(errno);
  Set* out = set_new();
  if (!out) return {};
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (CPU_ISSET(cpu, &set) && !set_add(out, Value::small(cpu))) return {};
  }
  return out;
}

Value posix_sched_yield(Value, const Value*, size_t, Tuple*) {
  if (sched_yield() != 0) return raise_errno(errno);
  return none();
}

Value posix_nice(Value, const Value* args, size_t, Tuple*) {
  int inc;
  if (!arg_cint(args[0], &inc)) return {};
  errno = 0;
  int r = nice(inc);
  if (r == -1 && errno != 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_getpriority(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("getpriority", nargs, 2, 2)) return {};
  int which, who;
  if (!arg_cint(args[0], &which) || !arg_cint(args[1], &who)) return {};
  errno = 0;
  int r = getpriority(which, id_t(who));
  if (r == -1 && errno != 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_setpriority(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setpriority", nargs, 3, 3)) return {};
  int which, who, prio;
  if (!arg_cint(args[0], &which) || !arg_cint(args[1], &who) || !arg_cint(args[2], &prio)) return {};
  if (setpriority(which, id_t(who), prio) != 0) return raise_errno(errno);
  return none();
}

// ---- users, groups, sessions ------------------------------------------------------------------

Value posix_getgroups(Value, const Value*, size_t, Tuple*) {
  int n = getgroups(0, nullptr);
  if (n < 0) return raise_errno(errno);
  std::vector<gid_t> groups(size_t(n) + 1);
  n = getgroups(int(groups.size()), groups.data());
  if (n < 0) return raise_errno(errno);
  List* out = list_new();
  for (int i = 0; i < n; i++) list_append(out, int_from_u64(groups[size_t(i)]));
  return out;
}

template <int (*F)(uid_t*, uid_t*, uid_t*)>
Value res_ids(Value, const Value*, size_t, Tuple*) {
  uid_t r, e, s;
  if (F(&r, &e, &s) != 0) return raise_errno(errno);
  return tuple_of({int_from_u64(r), int_from_u64(e), int_from_u64(s)});
}

int getresgid_as_uid(uid_t* r, uid_t* e, uid_t* s) { return getresgid(r, e, s); }

// setuid, setgid, seteuid, setegid: one id.
template <int (*F)(uint32_t), bool kGroup>
Value set_one_id(Value, const Value* args, size_t, Tuple*) {
  uint32_t id;
  if (!id_arg(args[0], kGroup ? "gid" : "uid", &id)) return {};
  if (F(id) != 0) return raise_errno(errno);
  return none();
}
int do_setuid(uint32_t id) { return setuid(id); }
int do_setgid(uint32_t id) { return setgid(id); }
int do_seteuid(uint32_t id) { return seteuid(id); }
int do_setegid(uint32_t id) { return setegid(id); }

// setreuid/setregid (two ids) and setresuid/setresgid (three); -1 keeps one.
Value posix_setreuid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setreuid", nargs, 2, 2)) return {};
  uint32_t r, e;
  if (!id_arg(args[0], "uid", &r) || !id_arg(args[1], "uid", &e)) return {};
  if (setreuid(r, e) != 0) return raise_errno(errno);
  return none();
}

Value posix_setregid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setregid", nargs, 2, 2)) return {};
  uint32_t r, e;
  if (!id_arg(args[0], "gid", &r) || !id_arg(args[1], "gid", &e)) return {};
  if (setregid(r, e) != 0) return raise_errno(errno);
  return none();
}

Value posix_setresuid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setresuid", nargs, 3, 3)) return {};
  uint32_t r, e, sv;
  if (!id_arg(args[0], "uid", &r) || !id_arg(args[1], "uid", &e) || !id_arg(args[2], "uid", &sv)) return {};
  if (setresuid(r, e, sv) != 0) return raise_errno(errno);
  return none();
}

Value posix_setresgid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setresgid", nargs, 3, 3)) return {};
  uint32_t r, e, sv;
  if (!id_arg(args[0], "gid", &r) || !id_arg(args[1], "gid", &e) || !id_arg(args[2], "gid", &sv)) return {};
  if (setresgid(r, e, sv) != 0) return raise_errno(errno);
  return none();
}

Value posix_setgroups(Value, const Value* args, size_t, Tuple*) {
  Tuple* items = sequence_fast(args[0], "setgroups argument must be a sequence");
  if (!items) return {};
  std::vector<gid_t> groups;
  for (int64_t i = 0; i < items->length; i++) {
    uint32_t g;
    if (!id_arg(items->at(i), "gid", &g)) return {};
    groups.push_back(g);
  }
  if (setgroups(groups.size(), groups.data()) != 0) return raise_errno(errno);
  return none();
}

Value posix_chroot(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  if (!parse_args({"chroot", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&path})) return {};
  PathArg p;
  if (!convert_path("chroot", "path", path, false, false, &p)) return {};
  if (chroot(p.c_str()) != 0) return raise_path_error(errno, p);
  return none();
}

Value posix_tcgetpgrp(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  pid_t r = tcgetpgrp(fd);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_tcsetpgrp(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("tcsetpgrp", nargs, 2, 2)) return {};
  int fd, pgid;
  if (!arg_cint(args[0], &fd) || !arg_int(args[1], &pgid)) return {};
  if (tcsetpgrp(fd, pgid) != 0) return raise_errno(errno);
  return none();
}

Value posix_getpgid(Value, const Value* args, size_t, Tuple*) {
  int pid;
  if (!arg_int(args[0], &pid)) return {};
  pid_t r = getpgid(pid);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_setpgid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setpgid", nargs, 2, 2)) return {};
  int pid, pgrp;
  if (!arg_int(args[0], &pid) || !arg_int(args[1], &pgrp)) return {};
  if (setpgid(pid, pgrp) != 0) return raise_errno(errno);
  return none();
}

Value posix_setpgrp(Value, const Value*, size_t, Tuple*) {
  if (setpgid(0, 0) != 0) return raise_errno(errno);
  return none();
}

Value posix_getsid(Value, const Value* args, size_t, Tuple*) {
  int pid;
  if (!arg_int(args[0], &pid)) return {};
  pid_t r = getsid(pid);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_killpg(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("killpg", nargs, 2, 2)) return {};
  int pgid, sig;
  if (!arg_int(args[0], &pgid) || !arg_cint(args[1], &sig)) return {};
  if (killpg(pgid, sig) != 0) return raise_errno(errno);
  return none();
}

// ---- terminals, misc ----------------------------------------------------------------------------

Value posix_ttyname(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  char buf[256];
  int err = ttyname_r(fd, buf, sizeof(buf));
  if (err != 0) return raise_errno(err);
  return fs_decode(buf, std::strlen(buf), false);
}

// openpty(): (master, slave), both not inheritable, as CPython's.
Value posix_openpty(Value, const Value*, size_t, Tuple*) {
  int master = -1, slave = -1;
  if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return raise_errno(errno);
  for (int fd : {master, slave}) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 || fcntl(fd, F_SETFD, flags | FD_CLOEXEC) < 0) {
      int err = errno;
      close(master);
      close(slave);
      return raise_errno(err);
    }
  }
  return tuple_of({Value::small(master), Value::small(slave)});
}

// login_tty(fd): fd becomes the controlling terminal and the standard
// streams of a new session.
Value posix_login_tty(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!file_descriptor(args[0], &fd)) return {};  // an int or fileno(), not negative
  if (login_tty(fd) != 0) return raise_errno(errno);
  return none();
}

Value posix_ctermid(Value, const Value*, size_t, Tuple*) {
  char buf[L_ctermid];
  const char* r = ctermid(buf);
  if (!r) return raise_errno(errno);
  return fs_decode(r, std::strlen(r), false);
}

Value posix_getlogin(Value, const Value*, size_t, Tuple*) {
  errno = 0;
  const char* name = getlogin();
  if (!name) {
    if (errno) return raise_errno(errno);
    return raise(exc::OSError, "unable to determine login name");
  }
  return fs_decode(name, std::strlen(name), false);
}

Value posix_abort(Value, const Value*, size_t, Tuple*) { std::abort(); }

Value posix_sync(Value, const Value*, size_t, Tuple*) {
  sync();
  return none();
}

// ---- device numbers ---------------------------------------------------------------------------

bool dev_arg(Value v, uint64_t* out) {
  Value i = index(v);
  if (!i) return false;
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  bool ok = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
  if (ok) *out = mpz_get_ui(z);
  mpz_clear(scratch);
  if (!ok) raise(exc::OverflowError, "Python int too large to convert to C dev_t");
  return ok;
}

Value posix_major(Value, const Value* args, size_t, Tuple*) {
  uint64_t dev;
  if (!dev_arg(args[0], &dev)) return {};
  return int_from_u64(major(dev));
}

Value posix_minor(Value, const Value* args, size_t, Tuple*) {
  uint64_t dev;
  if (!dev_arg(args[0], &dev)) return {};
  return int_from_u64(minor(dev));
}

Value posix_makedev(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("makedev", nargs, 2, 2)) return {};
  int ma, mi;
  if (!arg_cint(args[0], &ma) || !arg_cint(args[1], &mi)) return {};
  return int_from_u64(makedev(unsigned(ma), unsigned(mi)));
}

using namespace MethodFlag;
constexpr uint32_t kKw = kVarArgs | kKeywords;

// clang-format off
const MethodDef kFunctions[] = {
    {"sysconf", posix_sysconf, kOneArg, "An integer system limit or option, by name or number."},
    {"confstr", posix_confstr, kOneArg, "A string system configuration value, by name or number."},
    {"pathconf", posix_pathconf, kKw, "A limit of the file system at path (or fd), by name or number."},
    {"fpathconf", posix_fpathconf, kVarArgs, "A limit of the file system of an fd, by name or number."},
    {"getloadavg", posix_getloadavg, kNoArgs, "The 1, 5 and 15 minute load averages."},
    {"getrandom", posix_getrandom, kKw, "Up to size random bytes from getrandom(2)."},
    {"sched_getaffinity", posix_sched_getaffinity, kOneArg, "The set of CPUs the process pid (0: this one) may run on."},
    {"sched_yield", posix_sched_yield, kNoArgs, "Let other threads run."},
    {"nice", posix_nice, kOneArg, "Add to the process's niceness; returns the new value."},
    {"getpriority", posix_getpriority, kVarArgs, "The scheduling priority of a process, group or user."},
    {"setpriority", posix_setpriority, kVarArgs, "Set the scheduling priority of a process, group or user."},
    {"getgroups", posix_getgroups, kNoArgs, "The supplementary group ids."},
    {"getresuid", res_ids<getresuid>, kNoArgs, "The real, effective and saved user ids."},
    {"getresgid", res_ids<getresgid_as_uid>, kNoArgs, "The real, effective and saved group ids."},
    {"setuid", set_one_id<do_setuid, false>, kOneArg, "Set the user id."},
    {"setgid", set_one_id<do_setgid, true>, kOneArg, "Set the group id."},
    {"seteuid", set_one_id<do_seteuid, false>, kOneArg, "Set the effective user id."},
    {"setegid", set_one_id<do_setegid, true>, kOneArg, "Set the effective group id."},
    {"setreuid", posix_setreuid, kVarArgs, "Set the real and effective user ids."},
    {"setregid", posix_setregid, kVarArgs, "Set the real and effective group ids."},
    {"setresuid", posix_setresuid, kVarArgs, "Set the real, effective and saved user ids."},
    {"setresgid", posix_setresgid, kVarArgs, "Set the real, effective and saved group ids."},
    {"setgroups", posix_setgroups, kOneArg, "Set the supplementary group ids."},
    {"chroot", posix_chroot, kKw, "Make path the process's root directory."},
    {"tcgetpgrp", posix_tcgetpgrp, kOneArg, "The foreground process group of the terminal on fd."},
    {"tcsetpgrp", posix_tcsetpgrp, kVarArgs, "Set the foreground process group of the terminal on fd."},
    {"getpgid", posix_getpgid, kOneArg, "The process group of a process."},
    {"setpgid", posix_setpgid, kVarArgs, "Move a process into a process group."},
    {"setpgrp", posix_setpgrp, kNoArgs, "Make this process the leader of a new process group."},
    {"getsid", posix_getsid, kOneArg, "The session id of a process."},
    {"killpg", posix_killpg, kVarArgs, "Send a signal to a process group."},
    {"ttyname", posix_ttyname, kOneArg, "The terminal device's name of a descriptor."},
    {"openpty", posix_openpty, kNoArgs, "Open a pseudo-terminal pair: (master_fd, slave_fd)."},
    {"login_tty", posix_login_tty, kOneArg, "Make fd the controlling terminal and standard streams of a new session."},
    {"ctermid", posix_ctermid, kNoArgs, "The name of the controlling terminal."},
    {"getlogin", posix_getlogin, kNoArgs, "The name of the user logged in on the controlling terminal."},
    {"abort", posix_abort, kNoArgs, "End the process at once with SIGABRT."},
    {"sync", posix_sync, kNoArgs, "Flush every file system's buffers."},
    {"major", posix_major, kOneArg, "The major number of a device number."},
    {"minor", posix_minor, kOneArg, "The minor number of a device number."},
    {"makedev", posix_makedev, kVarArgs, "A device number from major and minor numbers."},
    {nullptr, nullptr, 0},
};
// clang-format on

}  // namespace

bool add_sysinfo_functions(Module* m) {
  Str* modname = intern("posix");
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, modname));
  dict_set_str(m->dict, intern("sysconf_names"), names_dict(kSysconfNames));
  dict_set_str(m->dict, intern("confstr_names"), names_dict(kConfstrNames));
  dict_set_str(m->dict, intern("pathconf_names"), names_dict(kPathconfNames));
  return true;
}

}  // namespace pyrite::python::posix
