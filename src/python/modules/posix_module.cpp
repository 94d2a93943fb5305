// The posix module: the system calls os.py is written over — paths, files
// and descriptors, the environment, stat results and constants
// (docs/modules.md, "posix"). Processes are posix_process.cpp, scandir
// posix_scandir.cpp.
//
// Arguments are converted as CPython's Argument Clinic converters do
// (path_t with fds and dir_fd, "i" fds, Py_off_t), so os.py and the
// pure-Python stdlib above it see the same values and the same errors.
#include "python/modules/posix_module.h"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <sysexits.h>
#include <unistd.h>

#include <linux/memfd.h>

#include "python/interp/pyrun.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/str_methods.h"
#include "python/objects/structseq.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

extern char** environ;

namespace pyrite::python {

namespace posix {

// ---- conversions ---------------------------------------------------------------------------

Value fs_decode(const char* p, size_t n, bool as_bytes) {
  if (as_bytes) return bytes_from(p, n);
  static Str* utf8 = intern("utf-8");
  static Str* escape = intern("surrogateescape");
  return str_decode_bytes(reinterpret_cast<const uint8_t*>(p), n, utf8, escape);
}

// str -> the file system's bytes (UTF-8, surrogateescape).
bool fs_encode(Str* s, std::string* out) {
  if (s->ascii) {
    out->assign(s->ascii_view());
    return true;
  }
  static Str* utf8 = intern("utf-8");
  static Str* escape = intern("surrogateescape");
  Value b = str_encode(s, utf8, escape);
  if (!b) return false;
  out->assign(b.as<Bytes>()->view());
  return true;
}

Value fspath(Value v) {
  if (is_str(v) || is_bytes(v)) return v;
  static Str* name = intern("__fspath__");
  Value fn = type_lookup(type_of(v), name);
  if (!fn) {
    return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s",
                  type_name(v).c_str());
  }
  bool found = false;
  Value r = call_special(v, name, nullptr, 0, &found);
  if (!r) return {};
  if (!is_str(r) && !is_bytes(r)) {
    return raisef(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                  type_name(v).c_str(), type_name(r).c_str());
  }
  return r;
}

bool convert_fd(Value v, int* out) {
  if (is_float(v)) {
    raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n || *n > INT_MAX) {
    if (!n && int_sign(i) < 0) {
      raise(exc::OverflowError, "fd is less than minimum");
      return false;
    }
    if (!n || *n > INT_MAX) {
      raise(exc::OverflowError, "fd is greater than maximum");
      return false;
    }
  }
  if (*n < INT_MIN) {
    raise(exc::OverflowError, "fd is less than minimum");
    return false;
  }
  *out = int(*n);
  return true;
}

bool arg_cint(Value v, int* out) {
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n || *n > INT_MAX || *n < INT_MIN) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(*n);
  return true;
}

// _Py_Uid_Converter / _Py_Gid_Converter, simplified: an int that fits, -1
// meaning "unchanged".
bool id_arg(Value v, const char* what, uint32_t* out) {
  if (!is_int(v)) {
    raisef(exc::TypeError, "%s should be integer, not %s", what, type_name(v).c_str());
    return false;
  }
  // CPython's messages: past a C long "greater than maximum", any other
  // value that is not a uid_t (or -1) "less than minimum".
  auto n = int_to_i64(v);
  if (!n || *n < -1 || *n > int64_t(UINT32_MAX) - 1) {
    raisef(exc::OverflowError, "%s is %s", what,
           !n && int_sign(v) > 0 ? "greater than maximum" : "less than minimum");
    return false;
  }
  *out = uint32_t(*n);
  return true;
}

bool convert_dir_fd(Value v, int* out) {
  *out = AT_FDCWD;
  if (!v || is_none(v)) return true;
  if (!is_int(v) && !lookup_special(v, intern("__index__"))) {
    raisef(exc::TypeError, "argument should be integer or None, not %s", type_name(v).c_str());
    return false;
  }
  return convert_fd(v, out);
}

bool convert_path(const char* fn, const char* arg, Value v, bool allow_fd, bool nullable,
                  PathArg* out) {
  auto wrong_type = [&](Value bad) {
    const char* allowed = allow_fd && nullable ? "string, bytes, os.PathLike, integer or None"
                          : allow_fd           ? "string, bytes, os.PathLike or integer"
                          : nullable           ? "string, bytes, os.PathLike or None"
                                               : "string, bytes or os.PathLike";
    raisef(exc::TypeError, "%s: %s should be %s, not %s", fn, arg, allowed, type_name(bad).c_str());
    return false;
  };
  if (is_none(v)) {
    if (!nullable) return wrong_type(v);
    out->object = Value();
    out->narrow = ".";
    return true;
  }
  bool is_index = allow_fd && (is_int(v) || lookup_special(v, intern("__index__")));
  if (is_index && !is_str(v) && !is_bytes(v)) {
    if (!convert_fd(v, &out->fd)) return false;
    out->object = v;
    return true;
  }
  Value p = v;
  if (!is_str(v) && !is_bytes(v)) {
    static Str* name = intern("__fspath__");
    if (!type_lookup(type_of(v), name)) return wrong_type(v);
    bool found = false;
    p = call_special(v, name, nullptr, 0, &found);
    if (!p) return false;
    if (!is_str(p) && !is_bytes(p)) {
      raisef(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
             type_name(v).c_str(), type_name(p).c_str());
      return false;
    }
  }
  out->object = p;
  if (is_str(p)) {
    if (!fs_encode(p.as<Str>(), &out->narrow)) return false;
    if (out->narrow.find('\0') != std::string::npos) {
      raise(exc::ValueError, "embedded null byte");
      return false;
    }
  } else {
    out->is_bytes = true;
    out->narrow.assign(p.as<Bytes>()->view());
    if (out->narrow.find('\0') != std::string::npos) {
      raisef(exc::ValueError, "%s: embedded null character in %s", fn, arg);
      return false;
    }
  }
  return true;
}

bool fs_converter(Value v, std::string* out) {
  Value p = fspath(v);
  if (!p) return false;
  if (is_str(p)) {
    if (!fs_encode(p.as<Str>(), out)) return false;
  } else {
    out->assign(p.as<Bytes>()->view());
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

Value raise_errno(int err) { return raise_os_error(err); }

Value raise_path_error(int err, const PathArg& p) {
  return raise_os_error(err, p.object ? p.object : none());
}

Value raise_path_error2(int err, const PathArg& a, const PathArg& b) {
  return raise_os_error(err, a.object ? a.object : none(), b.object ? b.object : none());
}

// Py_off_t: through __index__, 64 bits.
bool arg_off(Value v, int64_t* out) {
  if (is_float(v)) {
    raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n) {
    raise(exc::OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = *n;
  return true;
}

namespace {

// A follow_symlinks= / effective_ids= style flag: any object's truth.
bool arg_bool(Value v, bool dflt, bool* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  int t = truth(v);
  if (t < 0) return false;
  *out = t;
  return true;
}


// "fn: cannot use dir_fd and fd together" and friends: CPython's checks of
// an fd path against dir_fd / follow_symlinks.
bool check_fd_combos(const char* fn, const PathArg& p, int dir_fd, bool follow) {
  if (p.fd >= 0 && dir_fd != AT_FDCWD) {
    raisef(exc::ValueError, "%s: can't specify dir_fd without matching path", fn);
    return false;
  }
  if (p.fd >= 0 && !follow) {
    raisef(exc::ValueError, "%s: cannot use fd and follow_symlinks together", fn);
    return false;
  }
  return true;
}

// ---- stat -------------------------------------------------------------------------------------

const StructSeqField kStatFields[] = {
    {"st_mode", "file type and permission bits"},
    {"st_ino", "inode number"},
    {"st_dev", "the device the file is on"},
    {"st_nlink", "hard link count"},
    {"st_uid", "owner's user id"},
    {"st_gid", "owner's group id"},
    {"st_size", "size in bytes"},
    {nullptr, "last access, whole seconds"},
    {nullptr, "last modification, whole seconds"},
    {nullptr, "last status change, whole seconds"},
    {"st_atime", "last access, seconds as a float"},
    {"st_mtime", "last modification, seconds as a float"},
    {"st_ctime", "last status change, seconds as a float"},
    {"st_atime_ns", "last access, nanoseconds"},
    {"st_mtime_ns", "last modification, nanoseconds"},
    {"st_ctime_ns", "last status change, nanoseconds"},
    {"st_blksize", "preferred I/O block size"},
    {"st_blocks", "512-byte blocks allocated"},
    {"st_rdev", "the device number, for a device file"},
};

// A stat_result built from a sequence takes its float times from the int
// ones when they are missing (CPython's statresult_new).
void stat_after_new(Tuple* t) {
  for (int k = 7; k <= 9; k++)
    if (is_none(struct_seq_get(t, k + 3))) struct_seq_set(t, k + 3, struct_seq_get(t, k));
}

const StructSeqDesc kStatDesc = {
    "stat_result", "os",
    "What stat(), lstat() and fstat() return.\n\n"
    "A tuple of 10 integers (mode, inode, device, links, uid, gid, size and the\n"
    "access, modification and change times in whole seconds); the other fields,\n"
    "float and nanosecond times among them, are attributes only.",
    kStatFields, 19, 10, stat_after_new};

const StructSeqField kTerminalFields[] = {{"columns", "width in characters"},
                                          {"lines", "height in lines"}};
const StructSeqDesc kTerminalDesc = {"terminal_size", "os",
                                     "The size of a terminal window: (columns, lines).",
                                     kTerminalFields, 2, 2};

const StructSeqField kUnameFields[] = {{"sysname", "the kernel's name"},
                                       {"nodename", "the machine's network name"},
                                       {"release", "the kernel's release"},
                                       {"version", "the kernel's version"},
                                       {"machine", "the hardware type"}};
const StructSeqDesc kUnameDesc = {
    "uname_result", "posix",
    "What uname() returns: five strings naming the system.",
    kUnameFields, 5, 5};

const StructSeqField kStatvfsFields[] = {
    {"f_bsize", nullptr},  {"f_frsize", nullptr}, {"f_blocks", nullptr}, {"f_bfree", nullptr},
    {"f_bavail", nullptr}, {"f_files", nullptr},  {"f_ffree", nullptr},  {"f_favail", nullptr},
    {"f_flag", nullptr},   {"f_namemax", nullptr}, {"f_fsid", nullptr}};
const StructSeqDesc kStatvfsDesc = {
    "statvfs_result", "os",
    "What statvfs() and fstatvfs() return: the ten statvfs fields; "
    "f_fsid is an attribute only.",
    kStatvfsFields, 11, 10};

Type* g_stat_result = nullptr;
Type* g_terminal_size = nullptr;
Type* g_uname_result = nullptr;
Type* g_statvfs_result = nullptr;

Value time_fields(Tuple* t, int k, int64_t sec, int64_t nsec) {
  struct_seq_set(t, k, int_from_i64(sec));
  struct_seq_set(t, k + 3, float_new(double(sec) + double(nsec) * 1e-9));
  mpz_t z;
  mpz_init_set_si(z, sec);
  mpz_mul_ui(z, z, 1000000000u);
  if (nsec >= 0) mpz_add_ui(z, z, uint64_t(nsec));
  else mpz_sub_ui(z, z, uint64_t(-nsec));
  Value ns = int_from_mpz(z);
  mpz_clear(z);
  if (!ns) return {};
  struct_seq_set(t, k + 6, ns);
  return t;
}

Value do_stat(const char* fn, const PathArg& p, int dir_fd, bool follow) {
  if (!check_fd_combos(fn, p, dir_fd, follow)) return {};
  struct stat st;
  int r;
  if (p.fd >= 0) r = fstat(p.fd, &st);
  else r = fstatat(dir_fd, p.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return raise_path_error(errno, p);
  return stat_result_from(st);
}

Value posix_stat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "dir_fd", "follow_symlinks", nullptr};
  Value path, dir_fd_arg, follow_arg;
  if (!parse_args({"stat", kNames, 1, 0, 1, true}, args, nargs, kwnames,
                  {&path, &dir_fd_arg, &follow_arg}))
    return {};
  PathArg p;
  int dir_fd;
  bool follow;
  if (!convert_path("stat", "path", path, true, false, &p) || !convert_dir_fd(dir_fd_arg, &dir_fd) ||
      !arg_bool(follow_arg, true, &follow))
    return {};
  return do_stat("stat", p, dir_fd, follow);
}

Value posix_lstat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "dir_fd", nullptr};
  Value path, dir_fd_arg;
  if (!parse_args({"lstat", kNames, 1, 0, 1, true}, args, nargs, kwnames, {&path, &dir_fd_arg}))
    return {};
  PathArg p;
  int dir_fd;
  if (!convert_path("lstat", "path", path, false, false, &p) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  return do_stat("lstat", p, dir_fd, false);
}

Value posix_fstat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"fstat", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!arg_cint(fd_arg, &fd)) return {};
  struct stat st;
  if (fstat(fd, &st) != 0) return raise_errno(errno);
  return stat_result_from(st);
}

Value statvfs_result_from(const struct statvfs& st) {
  Tuple* t = struct_seq_new(g_statvfs_result);
  if (!t) return {};
  uint64_t v[11] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree,  st.f_bavail, st.f_files,
                    st.f_ffree, st.f_favail, st.f_flag,   st.f_namemax, st.f_fsid};
  for (int i = 0; i < 11; i++) struct_seq_set(t, i, int_from_u64(v[i]));
  return t;
}

Value posix_statvfs(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  if (!parse_args({"statvfs", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&path})) return {};
  PathArg p;
  if (!convert_path("statvfs", "path", path, true, false, &p)) return {};
  struct statvfs st;
  int r;
  do r = p.fd >= 0 ? fstatvfs(p.fd, &st) : statvfs(p.c_str(), &st);
  while (r != 0 && errno == EINTR);
  if (r != 0) return raise_path_error(errno, p);
  return statvfs_result_from(st);
}

Value posix_fstatvfs(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  struct statvfs st;
  int r;
  do r = fstatvfs(fd, &st);
  while (r != 0 && errno == EINTR);
  if (r != 0) return raise_errno(errno);
  return statvfs_result_from(st);
}

// ---- paths --------------------------------------------------------------------------------------

Value posix_getcwd_impl(bool as_bytes) {
  std::vector<char> buf(1024);
  while (!getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) return raise_errno(errno);
    buf.resize(buf.size() * 2);
  }
  return fs_decode(buf.data(), std::strlen(buf.data()), as_bytes);
}
Value posix_getcwd(Value, const Value*, size_t, Tuple*) { return posix_getcwd_impl(false); }
Value posix_getcwdb(Value, const Value*, size_t, Tuple*) { return posix_getcwd_impl(true); }

Value posix_chdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  if (!parse_args({"chdir", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&path})) return {};
  PathArg p;
  if (!convert_path("chdir", "path", path, true, false, &p)) return {};
  int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.c_str());
  if (r != 0) return raise_path_error(errno, p);
  return none();
}

}  // namespace

DIR* open_dir(const PathArg& p) {
  if (p.fd < 0) {
    DIR* dir = opendir(p.c_str());
    if (!dir) raise_path_error(errno, p);
    return dir;
  }
  int fd = dup(p.fd);
  if (fd < 0) {
    raise_errno(errno);
    return nullptr;
  }
  DIR* dir = fdopendir(fd);
  if (!dir) {
    int err = errno;
    close(fd);
    raise_path_error(err, p);
  }
  return dir;
}

namespace {

Value posix_listdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  if (!parse_args({"listdir", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&path})) return {};
  PathArg p;
  if (!convert_path("listdir", "path", path ? path : none(), true, true, &p)) return {};
  DIR* dir = open_dir(p);
  if (!dir) return {};
  List* out = list_new();
  for (;;) {
    errno = 0;
    dirent* e = readdir(dir);
    if (!e) {
      if (errno != 0) {
        int err = errno;
        closedir(dir);
        return raise_path_error(err, p);
      }
      break;
    }
    const char* n = e->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    Value name = fs_decode(n, std::strlen(n), p.is_bytes);
    if (!name || !list_append(out, name)) {
      closedir(dir);
      return {};
    }
  }
  if (p.fd >= 0) rewinddir(dir);
  closedir(dir);
  return out;
}

Value posix_mkdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "mode", "dir_fd", nullptr};
  Value path, mode_arg, dir_fd_arg;
  if (!parse_args({"mkdir", kNames, 1, 0, 2, true}, args, nargs, kwnames,
                  {&path, &mode_arg, &dir_fd_arg}))
    return {};
  PathArg p;
  int mode = 0777, dir_fd;
  if (!convert_path("mkdir", "path", path, false, false, &p) ||
      (mode_arg && !arg_cint(mode_arg, &mode)) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  if (mkdirat(dir_fd, p.c_str(), mode_t(mode)) != 0) return raise_path_error(errno, p);
  return none();
}

// rmdir, unlink and remove: unlinkat with or without AT_REMOVEDIR.
template <int kFlags>
Value unlink_like(const char* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "dir_fd", nullptr};
  Value path, dir_fd_arg;
  if (!parse_args({fn, kNames, 1, 0, 1, true}, args, nargs, kwnames, {&path, &dir_fd_arg})) return {};
  PathArg p;
  int dir_fd;
  if (!convert_path(fn, "path", path, false, false, &p) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  if (unlinkat(dir_fd, p.c_str(), kFlags) != 0) return raise_path_error(errno, p);
  return none();
}
Value posix_rmdir(Value, const Value* a, size_t n, Tuple* k) { return unlink_like<AT_REMOVEDIR>("rmdir", a, n, k); }
Value posix_unlink(Value, const Value* a, size_t n, Tuple* k) { return unlink_like<0>("unlink", a, n, k); }
Value posix_remove(Value, const Value* a, size_t n, Tuple* k) { return unlink_like<0>("remove", a, n, k); }

Value rename_like(const char* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", nullptr};
  Value src, dst, sfd_arg, dfd_arg;
  if (!parse_args({fn, kNames, 2, 0, 2, true}, args, nargs, kwnames, {&src, &dst, &sfd_arg, &dfd_arg}))
    return {};
  PathArg a, b;
  int sfd, dfd;
  if (!convert_path(fn, "src", src, false, false, &a) || !convert_path(fn, "dst", dst, false, false, &b) ||
      !convert_dir_fd(sfd_arg, &sfd) || !convert_dir_fd(dfd_arg, &dfd))
    return {};
  if (renameat(sfd, a.c_str(), dfd, b.c_str()) != 0) return raise_path_error2(errno, a, b);
  return none();
}
Value posix_rename(Value, const Value* a, size_t n, Tuple* k) { return rename_like("rename", a, n, k); }
Value posix_replace(Value, const Value* a, size_t n, Tuple* k) { return rename_like("replace", a, n, k); }

Value posix_link(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks",
                                       nullptr};
  Value src, dst, sfd_arg, dfd_arg, follow_arg;
  if (!parse_args({"link", kNames, 2, 0, 2, true}, args, nargs, kwnames,
                  {&src, &dst, &sfd_arg, &dfd_arg, &follow_arg}))
    return {};
  PathArg a, b;
  int sfd, dfd;
  bool follow;
  if (!convert_path("link", "src", src, false, false, &a) ||
      !convert_path("link", "dst", dst, false, false, &b) || !convert_dir_fd(sfd_arg, &sfd) ||
      !convert_dir_fd(dfd_arg, &dfd) || !arg_bool(follow_arg, true, &follow))
    return {};
  if (linkat(sfd, a.c_str(), dfd, b.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) != 0)
    return raise_path_error2(errno, a, b);
  return none();
}

Value posix_symlink(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"src", "dst", "target_is_directory", "dir_fd", nullptr};
  Value src, dst, isdir, dir_fd_arg;
  if (!parse_args({"symlink", kNames, 2, 0, 3, true}, args, nargs, kwnames,
                  {&src, &dst, &isdir, &dir_fd_arg}))
    return {};
  PathArg a, b;
  int dir_fd;
  if (!convert_path("symlink", "src", src, false, false, &a) ||
      !convert_path("symlink", "dst", dst, false, false, &b) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  if (symlinkat(a.c_str(), dir_fd, b.c_str()) != 0) return raise_path_error2(errno, a, b);
  return none();
}

Value posix_readlink(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "dir_fd", nullptr};
  Value path, dir_fd_arg;
  if (!parse_args({"readlink", kNames, 1, 0, 1, true}, args, nargs, kwnames, {&path, &dir_fd_arg}))
    return {};
  PathArg p;
  int dir_fd;
  if (!convert_path("readlink", "path", path, false, false, &p) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  std::vector<char> buf(PATH_MAX + 1);
  ssize_t n = readlinkat(dir_fd, p.c_str(), buf.data(), buf.size());
  if (n < 0) return raise_path_error(errno, p);
  return fs_decode(buf.data(), size_t(n), p.is_bytes);
}

Value posix_access(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks",
                                       nullptr};
  Value path, mode_arg, dir_fd_arg, eff_arg, follow_arg;
  if (!parse_args({"access", kNames, 2, 0, 2, true}, args, nargs, kwnames,
                  {&path, &mode_arg, &dir_fd_arg, &eff_arg, &follow_arg}))
    return {};
  PathArg p;
  int mode, dir_fd;
  bool eff, follow;
  if (!convert_path("access", "path", path, false, false, &p) || !arg_cint(mode_arg, &mode) ||
      !convert_dir_fd(dir_fd_arg, &dir_fd) || !arg_bool(eff_arg, false, &eff) ||
      !arg_bool(follow_arg, true, &follow))
    return {};
  int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return py_bool(faccessat(dir_fd, p.c_str(), mode, flags) == 0);
}

Value posix_chmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "mode", "dir_fd", "follow_symlinks", nullptr};
  Value path, mode_arg, dir_fd_arg, follow_arg;
  if (!parse_args({"chmod", kNames, 2, 0, 2, true}, args, nargs, kwnames,
                  {&path, &mode_arg, &dir_fd_arg, &follow_arg}))
    return {};
  PathArg p;
  int mode, dir_fd;
  bool follow;
  if (!convert_path("chmod", "path", path, true, false, &p) || !arg_cint(mode_arg, &mode) ||
      !convert_dir_fd(dir_fd_arg, &dir_fd) || !arg_bool(follow_arg, true, &follow) ||
      !check_fd_combos("chmod", p, dir_fd, follow))
    return {};
  int r = p.fd >= 0 ? fchmod(p.fd, mode_t(mode))
                    : fchmodat(dir_fd, p.c_str(), mode_t(mode), follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return raise_path_error(errno, p);
  return none();
}

Value posix_fchmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", "mode", nullptr};
  Value fd_arg, mode_arg;
  if (!parse_args({"fchmod", kNames, 2, 0, -1, true}, args, nargs, kwnames, {&fd_arg, &mode_arg}))
    return {};
  int fd, mode;
  if (!arg_cint(fd_arg, &fd) || !arg_cint(mode_arg, &mode)) return {};
  if (fchmod(fd, mode_t(mode)) != 0) return raise_errno(errno);
  return none();
}

Value posix_umask(Value, const Value* args, size_t, Tuple*) {
  int mask;
  if (!arg_cint(args[0], &mask)) return {};
  return Value::small(umask(mode_t(mask)));
}

Value posix_truncate(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "length", nullptr};
  Value path, len_arg;
  if (!parse_args({"truncate", kNames, 2, 0, -1, true}, args, nargs, kwnames, {&path, &len_arg}))
    return {};
  PathArg p;
  int64_t len;
  if (!convert_path("truncate", "path", path, true, false, &p) || !arg_off(len_arg, &len)) return {};
  int r = p.fd >= 0 ? ftruncate(p.fd, len) : truncate(p.c_str(), len);
  if (r != 0) return raise_path_error(errno, p);
  return none();
}

// utime's times=(atime, mtime) seconds: floats floored to nanoseconds.
bool seconds_to_timespec(Value v, timespec* ts) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double sec = std::floor(d);
    double ns = std::floor((d - sec) * 1e9);
    if (ns >= 1e9) {
      ns -= 1e9;
      sec += 1;
    }
    if (!(sec >= -9.2e18 && sec <= 9.2e18)) {
      raise(exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    ts->tv_sec = time_t(sec);
    ts->tv_nsec = long(ns);
    return true;
  }
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n) {
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  ts->tv_sec = *n;
  ts->tv_nsec = 0;
  return true;
}

bool ns_to_timespec(Value v, timespec* ts) {
  Value i = index(v);
  if (!i) return false;
  mpz_t z, q, r;
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr src = int_as_mpz(i, scratch);
  mpz_inits(z, q, r, nullptr);
  mpz_set(z, src);
  mpz_fdiv_qr_ui(q, r, z, 1000000000u);
  bool ok = mpz_fits_slong_p(q);
  ts->tv_sec = ok ? mpz_get_si(q) : 0;
  ts->tv_nsec = long(mpz_get_ui(r));
  mpz_clears(z, q, r, scratch, nullptr);
  if (!ok) raise(exc::OverflowError, "timestamp out of range for platform time_t");
  return ok;
}

Value posix_utime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", nullptr};
  Value path, times_arg, ns_arg, dir_fd_arg, follow_arg;
  if (!parse_args({"utime", kNames, 1, 0, 2, true}, args, nargs, kwnames,
                  {&path, &times_arg, &ns_arg, &dir_fd_arg, &follow_arg}))
    return {};
  PathArg p;
  int dir_fd;
  bool follow;
  if (!convert_path("utime", "path", path, true, false, &p) || !convert_dir_fd(dir_fd_arg, &dir_fd) ||
      !arg_bool(follow_arg, true, &follow))
    return {};
  bool have_times = times_arg && !is_none(times_arg);
  if (have_times && ns_arg)
    return raise(exc::ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  timespec ts[2];
  timespec* tsp = nullptr;
  if (have_times) {
    if (!is_tuple(times_arg) || times_arg.as<Tuple>()->length != 2)
      return raise(exc::TypeError, "utime: 'times' must be either a tuple of two ints or None");
    Tuple* t = times_arg.as<Tuple>();
    if (!seconds_to_timespec(t->at(0), &ts[0]) || !seconds_to_timespec(t->at(1), &ts[1])) return {};
    tsp = ts;
  } else if (ns_arg) {
    if (!is_tuple(ns_arg) || ns_arg.as<Tuple>()->length != 2)
      return raise(exc::TypeError, "utime: 'ns' must be a tuple of two ints");
    Tuple* t = ns_arg.as<Tuple>();
    if (!ns_to_timespec(t->at(0), &ts[0]) || !ns_to_timespec(t->at(1), &ts[1])) return {};
    tsp = ts;
  }
  if (!check_fd_combos("utime", p, dir_fd, follow)) return {};
  int r = p.fd >= 0 ? futimens(p.fd, tsp)
                    : utimensat(dir_fd, p.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  // CPython reports utime's errors without the filename.
  if (r != 0) return raise_errno(errno);
  return none();
}

// ---- file descriptors -------------------------------------------------------------------------

Value posix_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "flags", "mode", "dir_fd", nullptr};
  Value path, flags_arg, mode_arg, dir_fd_arg;
  if (!parse_args({"open", kNames, 2, 0, 3, true}, args, nargs, kwnames,
                  {&path, &flags_arg, &mode_arg, &dir_fd_arg}))
    return {};
  PathArg p;
  int flags, mode = 0777, dir_fd;
  if (!convert_path("open", "path", path, false, false, &p) || !arg_cint(flags_arg, &flags) ||
      (mode_arg && !arg_cint(mode_arg, &mode)) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  int fd;
  do fd = openat(dir_fd, p.c_str(), flags | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return raise_path_error(errno, p);
  return Value::small(fd);
}

Value posix_close(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"close", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!arg_cint(fd_arg, &fd)) return {};
  if (close(fd) != 0 && errno != EINTR) return raise_errno(errno);
  return none();
}

Value posix_closerange(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("closerange", nargs, 2, 2)) return {};
  int lo, hi;
  if (!arg_cint(args[0], &lo) || !arg_cint(args[1], &hi)) return {};
  for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) close(fd);
  return none();
}

Value posix_dup(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_dup2(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", "fd2", "inheritable", nullptr};
  Value fd_arg, fd2_arg, inh_arg;
  if (!parse_args({"dup2", kNames, 2, 0, -1, true}, args, nargs, kwnames, {&fd_arg, &fd2_arg, &inh_arg}))
    return {};
  int fd, fd2;
  bool inheritable;
  if (!arg_cint(fd_arg, &fd) || !arg_cint(fd2_arg, &fd2) || !arg_bool(inh_arg, true, &inheritable))
    return {};
  int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

Value posix_lseek(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("lseek", nargs, 3, 3)) return {};
  int fd, how;
  int64_t pos;
  if (!arg_cint(args[0], &fd) || !arg_off(args[1], &pos) || !arg_cint(args[2], &how)) return {};
  off_t r = lseek(fd, pos, how);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

Value posix_read(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 2, 2)) return {};
  int fd;
  int64_t n;
  if (!arg_cint(args[0], &fd) || !arg_ssize(args[1], &n)) return {};
  if (n < 0) return raise_errno(EINVAL);
  std::string buf(size_t(n), '\0');
  ssize_t r;
  do r = read(fd, buf.data(), size_t(n));
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return bytes_from(buf.data(), size_t(r));
}

Value posix_write(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("write", nargs, 2, 2)) return {};
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  BufferView view;
  if (!get_buffer(args[1], &view)) {
    if (has_error()) return {};
    return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(args[1]).c_str());
  }
  ssize_t r;
  do r = write(fd, view.data, size_t(view.length));
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

Value posix_pipe(Value, const Value*, size_t, Tuple*) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return raise_errno(errno);
  return tuple_of({Value::small(fds[0]), Value::small(fds[1])});
}

Value posix_pipe2(Value, const Value* args, size_t, Tuple*) {
  int flags;
  if (!arg_cint(args[0], &flags)) return {};
  int fds[2];
  if (pipe2(fds, flags) != 0) return raise_errno(errno);
  return tuple_of({Value::small(fds[0]), Value::small(fds[1])});
}

}  // namespace

// PyObject_AsFileDescriptor: an int, or an object's fileno().
bool file_descriptor(Value v, int* out) {
  if (!is_int(v)) {
    static Str* name = intern("fileno");
    Value fn = get_attr_or_null(v, name);
    if (!fn) {
      if (has_error()) return false;
      raise(exc::TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    v = call0(fn);
    if (!v) return false;
    if (!is_int(v)) {
      raise(exc::TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  if (!arg_cint(v, out)) return false;
  if (*out < 0) {
    raisef(exc::ValueError, "file descriptor cannot be a negative integer (%d)", *out);
    return false;
  }
  return true;
}

namespace {

Value posix_fsync(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"fsync", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!file_descriptor(fd_arg, &fd)) return {};
  if (fsync(fd) != 0) return raise_errno(errno);
  return none();
}

Value posix_ftruncate(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("ftruncate", nargs, 2, 2)) return {};
  int fd;
  int64_t len;
  if (!arg_cint(args[0], &fd) || !arg_off(args[1], &len)) return {};
  if (ftruncate(fd, len) != 0) return raise_errno(errno);
  return none();
}

Value posix_isatty(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  return py_bool(isatty(fd));
}

Value posix_device_encoding(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"device_encoding", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg}))
    return {};
  int fd;
  if (!arg_cint(fd_arg, &fd)) return {};
  if (!isatty(fd)) return none();
  return intern("UTF-8");
}

Value posix_get_inheritable(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_errno(errno);
  return py_bool(!(flags & FD_CLOEXEC));
}

Value posix_set_inheritable(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("set_inheritable", nargs, 2, 2)) return {};
  int fd, inheritable;
  if (!arg_cint(args[0], &fd) || !arg_cint(args[1], &inheritable)) return {};
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_errno(errno);
  flags = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  if (fcntl(fd, F_SETFD, flags) < 0) return raise_errno(errno);
  return none();
}

Value posix_get_blocking(Value, const Value* args, size_t, Tuple*) {
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_errno(errno);
  return py_bool(!(flags & O_NONBLOCK));
}

Value posix_set_blocking(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("set_blocking", nargs, 2, 2)) return {};
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  int blocking = truth(args[1]);
  if (blocking < 0) return {};
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_errno(errno);
  flags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (fcntl(fd, F_SETFL, flags) < 0) return raise_errno(errno);
  return none();
}

Value posix_get_terminal_size(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("get_terminal_size", nargs, 0, 1)) return {};
  int fd = STDOUT_FILENO;
  if (nargs == 1 && !arg_cint(args[0], &fd)) return {};
  winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) != 0) return raise_errno(errno);
  Tuple* t = struct_seq_new(g_terminal_size);
  if (!t) return {};
  struct_seq_set(t, 0, Value::small(w.ws_col));
  struct_seq_set(t, 1, Value::small(w.ws_row));
  return t;
}

// ---- owners, special files ----------------------------------------------------------------------

Value posix_chown(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", nullptr};
  Value path, uid_arg, gid_arg, dir_fd_arg, follow_arg;
  if (!parse_args({"chown", kNames, 3, 0, 3, true}, args, nargs, kwnames,
                  {&path, &uid_arg, &gid_arg, &dir_fd_arg, &follow_arg}))
    return {};
  PathArg p;
  uint32_t uid, gid;
  int dir_fd;
  bool follow;
  if (!convert_path("chown", "path", path, true, false, &p) || !id_arg(uid_arg, "uid", &uid) ||
      !id_arg(gid_arg, "gid", &gid) || !convert_dir_fd(dir_fd_arg, &dir_fd) ||
      !arg_bool(follow_arg, true, &follow) || !check_fd_combos("chown", p, dir_fd, follow))
    return {};
  int r = p.fd >= 0 ? fchown(p.fd, uid, gid)
                    : fchownat(dir_fd, p.c_str(), uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return raise_path_error(errno, p);
  return none();
}

Value posix_lchown(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "uid", "gid", nullptr};
  Value path, uid_arg, gid_arg;
  if (!parse_args({"lchown", kNames, 3, 0, -1, true}, args, nargs, kwnames, {&path, &uid_arg, &gid_arg}))
    return {};
  PathArg p;
  uint32_t uid, gid;
  if (!convert_path("lchown", "path", path, false, false, &p) || !id_arg(uid_arg, "uid", &uid) ||
      !id_arg(gid_arg, "gid", &gid))
    return {};
  if (lchown(p.c_str(), uid, gid) != 0) return raise_path_error(errno, p);
  return none();
}

Value posix_fchown(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", "uid", "gid", nullptr};
  Value fd_arg, uid_arg, gid_arg;
  if (!parse_args({"fchown", kNames, 3, 0, -1, true}, args, nargs, kwnames, {&fd_arg, &uid_arg, &gid_arg}))
    return {};
  int fd;
  uint32_t uid, gid;
  if (!arg_cint(fd_arg, &fd) || !id_arg(uid_arg, "uid", &uid) || !id_arg(gid_arg, "gid", &gid)) return {};
  if (fchown(fd, uid, gid) != 0) return raise_errno(errno);
  return none();
}

Value posix_mkfifo(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "mode", "dir_fd", nullptr};
  Value path, mode_arg, dir_fd_arg;
  if (!parse_args({"mkfifo", kNames, 1, 0, 2, true}, args, nargs, kwnames, {&path, &mode_arg, &dir_fd_arg}))
    return {};
  PathArg p;
  int mode = 0666, dir_fd;
  if (!convert_path("mkfifo", "path", path, false, false, &p) || (mode_arg && !arg_cint(mode_arg, &mode)) ||
      !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  if (mkfifoat(dir_fd, p.c_str(), mode_t(mode)) != 0) return raise_path_error(errno, p);
  return none();
}

Value posix_mknod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", "mode", "device", "dir_fd", nullptr};
  Value path, mode_arg, dev_arg, dir_fd_arg;
  if (!parse_args({"mknod", kNames, 1, 0, 3, true}, args, nargs, kwnames,
                  {&path, &mode_arg, &dev_arg, &dir_fd_arg}))
    return {};
  PathArg p;
  int mode = 0600, dir_fd;
  int64_t dev = 0;
  if (!convert_path("mknod", "path", path, false, false, &p) || (mode_arg && !arg_cint(mode_arg, &mode)) ||
      (dev_arg && !arg_off(dev_arg, &dev)) || !convert_dir_fd(dir_fd_arg, &dir_fd))
    return {};
  if (mknodat(dir_fd, p.c_str(), mode_t(mode), dev_t(dev)) != 0) return raise_path_error(errno, p);
  return none();
}

// ---- the environment, misc ----------------------------------------------------------------------

Value posix_putenv(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("putenv", nargs, 2, 2)) return {};
  std::string name, value;
  if (!fs_converter(args[0], &name) || !fs_converter(args[1], &value)) return {};
  if (name.find('=') != std::string::npos)
    return raise(exc::ValueError, "illegal environment variable name");
  if (setenv(name.c_str(), value.c_str(), 1) != 0) return raise_errno(errno);
  return none();
}

Value posix_unsetenv(Value, const Value* args, size_t, Tuple*) {
  std::string name;
  if (!fs_converter(args[0], &name)) return {};
  if (unsetenv(name.c_str()) != 0) return raise_errno(errno);
  return none();
}

Value posix_strerror(Value, const Value* args, size_t, Tuple*) {
  int code;
  if (!arg_cint(args[0], &code)) return {};
  return str_from_utf8(std::strerror(code));
}

Value posix_urandom(Value, const Value* args, size_t, Tuple*) {
  int64_t n;
  if (!arg_ssize(args[0], &n)) return {};
  if (n < 0) return raise(exc::ValueError, "negative argument not allowed");
  Bytes* b = bytes_new_raw(n);
  if (!b) return {};
  int64_t done = 0;
  while (done < n) {
    ssize_t r = getrandom(b->data() + done, size_t(n - done), 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return raise_errno(errno);
    }
    done += r;
  }
  return b;
}

Value posix_fspath(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  if (!parse_args({"fspath", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&path})) return {};
  return fspath(path);
}

Value posix_cpu_count(Value, const Value*, size_t, Tuple*) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return none();
  return Value::small(n);
}

Value posix_uname(Value, const Value*, size_t, Tuple*) {
  struct utsname u;
  if (::uname(&u) != 0) return raise_errno(errno);
  Tuple* t = struct_seq_new(g_uname_result);
  if (!t) return {};
  const char* fields[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  for (int i = 0; i < 5; i++) {
    Value s = fs_decode(fields[i], std::strlen(fields[i]), false);
    if (!s) return {};
    struct_seq_set(t, i, s);
  }
  return t;
}

// ---- the module -------------------------------------------------------------------------------

using namespace MethodFlag;
constexpr uint32_t kKw = kVarArgs | kKeywords;
constexpr uint32_t kPos = kVarArgs;

// clang-format off
const MethodDef kFunctions[] = {
    {"stat", posix_stat, kKw, "stat(path) of a path or an fd: a stat_result; dir_fd and follow_symlinks as fstatat."},
    {"lstat", posix_lstat, kKw, "As stat() without following a final symbolic link."},
    {"fstat", posix_fstat, kKw, "The stat_result of an open file descriptor."},
    {"statvfs", posix_statvfs, kKw, "The file system's statistics (statvfs_result) for a path or an fd."},
    {"fstatvfs", posix_fstatvfs, kOneArg, "The file system's statistics (statvfs_result) for an fd."},
    {"getcwd", posix_getcwd, kNoArgs, "The current directory as str."},
    {"getcwdb", posix_getcwdb, kNoArgs, "The current directory as bytes."},
    {"chdir", posix_chdir, kKw, "Make path (or the directory open as an fd) the current directory."},
    {"listdir", posix_listdir, kKw, "The names in a directory, without '.' and '..', as str or bytes like the path."},
    {"scandir", posix_scandir, kKw, "An iterator of DirEntry objects for a directory (default '.')."},
    {"mkdir", posix_mkdir, kKw, "Make a directory with the given mode (less the umask)."},
    {"rmdir", posix_rmdir, kKw, "Remove an empty directory."},
    {"unlink", posix_unlink, kKw, "Remove a file; the same as remove()."},
    {"remove", posix_remove, kKw, "Remove a file; the same as unlink()."},
    {"rename", posix_rename, kKw, "Rename src to dst."},
    {"replace", posix_replace, kKw, "Rename src to dst, replacing dst if it exists."},
    {"link", posix_link, kKw, "Make dst a hard link to src."},
    {"symlink", posix_symlink, kKw, "Make dst a symbolic link whose target is src."},
    {"readlink", posix_readlink, kKw, "The target of a symbolic link, as str or bytes like the path."},
    {"access", posix_access, kKw, "Whether the real (or effective) ids may access path in the given mode."},
    {"chmod", posix_chmod, kKw, "Set a path's (or an fd's) permission bits."},
    {"fchmod", posix_fchmod, kKw, "Set the permission bits of an open file."},
    {"chown", posix_chown, kKw, "Set a path's (or an fd's) owner and group; -1 leaves one unchanged."},
    {"lchown", posix_lchown, kKw, "As chown() without following a final symbolic link."},
    {"fchown", posix_fchown, kKw, "Set the owner and group of an open file."},
    {"mkfifo", posix_mkfifo, kKw, "Make a named pipe."},
    {"mknod", posix_mknod, kKw, "Make a file system node (file, device, fifo...)."},
    {"umask", posix_umask, kOneArg, "Set the file creation mask; returns the previous one."},
    {"truncate", posix_truncate, kKw, "Cut or extend a file (path or fd) to length bytes."},
    {"ftruncate", posix_ftruncate, kPos, "Cut or extend an open file to length bytes."},
    {"utime", posix_utime, kKw, "Set a file's access and modification times (times in seconds, or ns), or now."},
    {"open", posix_open, kKw, "Open a file and return its descriptor (close-on-exec)."},
    {"close", posix_close, kKw, "Close a file descriptor."},
    {"closerange", posix_closerange, kPos, "Close every descriptor from fd_low up to fd_high, ignoring errors."},
    {"dup", posix_dup, kOneArg, "A new (close-on-exec) descriptor for the same open file."},
    {"dup2", posix_dup2, kKw, "Make fd2 a copy of fd; returns fd2."},
    {"lseek", posix_lseek, kPos, "Move a descriptor's file position; returns the new position."},
    {"read", posix_read, kPos, "Read up to length bytes from a descriptor."},
    {"write", posix_write, kPos, "Write a bytes-like object to a descriptor; returns the count written."},
    {"pipe", posix_pipe, kNoArgs, "A new pipe: (read end, write end), both close-on-exec."},
    {"pipe2", posix_pipe2, kOneArg, "A new pipe with the given O_* flags."},
    {"fsync", posix_fsync, kKw, "Flush an fd (or an object with fileno()) to the device."},
    {"isatty", posix_isatty, kOneArg, "Whether the descriptor is a terminal."},
    {"device_encoding", posix_device_encoding, kKw, "The encoding of a terminal descriptor, None for other files."},
    {"get_inheritable", posix_get_inheritable, kOneArg, "Whether child processes inherit the descriptor."},
    {"set_inheritable", posix_set_inheritable, kPos, "Set whether child processes inherit the descriptor."},
    {"get_blocking", posix_get_blocking, kOneArg, "Whether the descriptor is in blocking mode."},
    {"set_blocking", posix_set_blocking, kPos, "Set the descriptor's blocking mode."},
    {"get_terminal_size", posix_get_terminal_size, kPos, "The (columns, lines) of the terminal on fd (default stdout)."},
    {"putenv", posix_putenv, kPos, "Set a variable of the process environment."},
    {"unsetenv", posix_unsetenv, kOneArg, "Remove a variable from the process environment."},
    {"strerror", posix_strerror, kOneArg, "The system's message for an error number."},
    {"urandom", posix_urandom, kOneArg, "size random bytes from the kernel."},
    {"fspath", posix_fspath, kKw, "The str or bytes a path object stands for (its __fspath__())."},
    {"cpu_count", posix_cpu_count, kNoArgs, "The number of online CPUs, or None."},
    {"uname", posix_uname, kNoArgs, "The system's name, node, release, version and machine (uname_result)."},
    {nullptr, nullptr, 0},
};
// clang-format on

struct IntConstant {
  const char* name;
  long value;
};

const IntConstant kConstants[] = {
#include "python/modules/posix_constants.inc"
    // waitid's id types are an enum in glibc, not macros.
    {"P_ALL", P_ALL},
    {"P_PID", P_PID},
    {"P_PGID", P_PGID},
    {"P_PIDFD", P_PIDFD},
};

// What os.py's supports_dir_fd / supports_fd / supports_follow_symlinks
// are computed from: the *at and f* variants this module calls.
const char* const kHaveFunctions[] = {
    "HAVE_EVENTFD", "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
    "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FEXECVE", "HAVE_FPATHCONF", "HAVE_FSTATAT",
    "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LCHOWN", "HAVE_LINKAT", "HAVE_LSTAT",
    "HAVE_MEMFD_CREATE", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT",
    "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
};

Dict* make_environ() {
  Dict* d = dict_new();
  for (char** e = environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Value k = bytes_from(*e, size_t(eq - *e));
    Value v = bytes_from(eq + 1, std::strlen(eq + 1));
    if (!k || !v) return nullptr;
    if (dict_get(d, k)) continue;
    if (!dict_set(d, k, v)) return nullptr;
  }
  return d;
}

}  // namespace

Value stat_result_from(const struct stat& st) {
  Tuple* t = struct_seq_new(g_stat_result);
  if (!t) return {};
  struct_seq_set(t, 0, Value::small(st.st_mode));
  struct_seq_set(t, 1, int_from_u64(st.st_ino));
  struct_seq_set(t, 2, int_from_u64(st.st_dev));
  struct_seq_set(t, 3, int_from_u64(st.st_nlink));
  struct_seq_set(t, 4, int_from_u64(st.st_uid));
  struct_seq_set(t, 5, int_from_u64(st.st_gid));
  struct_seq_set(t, 6, int_from_i64(st.st_size));
  if (!time_fields(t, 7, st.st_atim.tv_sec, st.st_atim.tv_nsec) ||
      !time_fields(t, 8, st.st_mtim.tv_sec, st.st_mtim.tv_nsec) ||
      !time_fields(t, 9, st.st_ctim.tv_sec, st.st_ctim.tv_nsec))
    return {};
  struct_seq_set(t, 16, int_from_i64(st.st_blksize));
  struct_seq_set(t, 17, int_from_i64(st.st_blocks));
  struct_seq_set(t, 18, int_from_u64(st.st_rdev));
  return t;
}

Type* stat_result_type() { return g_stat_result; }

}  // namespace posix

Module* make_posix_module() {
  using namespace posix;
  if (!g_stat_result) {
    make_struct_seq_type(&g_stat_result, &kStatDesc);
    make_struct_seq_type(&g_terminal_size, &kTerminalDesc);
    make_struct_seq_type(&g_uname_result, &kUnameDesc);
    make_struct_seq_type(&g_statvfs_result, &kStatvfsDesc);
    make_scandir_types();
  }
  Module* m = module_new(intern("posix"));
  Str* modname = intern("posix");
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("The operating system's primitives that the os module is written "
                             "over (POSIX)."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, modname));
  if (!add_process_functions(m) || !add_sysinfo_functions(m) || !add_fdio_functions(m)) return nullptr;
  for (const IntConstant& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  List* have = list_new();
  for (const char* h : kHaveFunctions) list_append(have, intern(h));
  dict_set_str(m->dict, intern("_have_functions"), have);
  Dict* env = make_environ();
  if (!env) return nullptr;
  dict_set_str(m->dict, intern("environ"), env);
  dict_set_str(m->dict, intern("error"), exc::OSError);
  dict_set_str(m->dict, intern("stat_result"), g_stat_result);
  dict_set_str(m->dict, intern("terminal_size"), g_terminal_size);
  dict_set_str(m->dict, intern("uname_result"), g_uname_result);
  dict_set_str(m->dict, intern("statvfs_result"), g_statvfs_result);
  dict_set_str(m->dict, intern("DirEntry"), dir_entry_type());
  return m;
}

}  // namespace pyrite::python
