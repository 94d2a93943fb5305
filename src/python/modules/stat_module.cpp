// The _stat module: the file mode constants of <sys/stat.h>, the S_IS*
// tests, S_IMODE/S_IFMT and filemode, which the stat module takes over
// from its pure-Python versions; docs/modules.md, "_stat".
#include <sys/stat.h>

#include <cstdint>
#include <string>

#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/str.h"

namespace pyrite::python {

namespace {

// A mode is a C mode_t: a non-negative int below 2**32 (CPython's
// _PyLong_AsMode_t and its three messages).
bool to_mode(Value v, uint32_t* out) {
  if (!is_int(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    raise(exc::OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(v, scratch);
  bool fits = mpz_fits_ulong_p(z);
  unsigned long n = fits ? mpz_get_ui(z) : 0;
  mpz_clear(scratch);
  if (!fits) {
    raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  if (n > UINT32_MAX) {
    raise(exc::OverflowError, "mode out of range");
    return false;
  }
  *out = static_cast<uint32_t>(n);
  return true;
}

// The file type bits; Linux has no doors, event ports or whiteouts, whose
// S_IF* constants are 0 and whose tests are always false.
constexpr uint32_t kTypeMask = S_IFMT;

template <uint32_t kType>
Value is_type(Value, const Value* args, size_t, Tuple*) {
  uint32_t mode = 0;
  if (!to_mode(args[0], &mode)) return {};
  return py_bool(kType != 0 && (mode & kTypeMask) == kType);
}

Value stat_imode(Value, const Value* args, size_t, Tuple*) {
  uint32_t mode = 0;
  if (!to_mode(args[0], &mode)) return {};
  return int_from_i64(mode & 07777);
}

Value stat_ifmt(Value, const Value* args, size_t, Tuple*) {
  uint32_t mode = 0;
  if (!to_mode(args[0], &mode)) return {};
  return int_from_i64(mode & kTypeMask);
}

char type_char(uint32_t mode) {
  switch (mode & kTypeMask) {
    case S_IFREG: return '-';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFBLK: return 'b';
    case S_IFCHR: return 'c';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '?';
  }
}

// One rwx triplet; `special` (setuid, setgid, sticky) shows in the x place
// as `set` with execute permission, `unset` without.
void triplet(std::string* s, uint32_t mode, uint32_t r, uint32_t w, uint32_t x, uint32_t special, char set,
             char unset) {
  *s += (mode & r) ? 'r' : '-';
  *s += (mode & w) ? 'w' : '-';
  if (mode & special) *s += (mode & x) ? set : unset;
  else *s += (mode & x) ? 'x' : '-';
}

Value stat_filemode(Value, const Value* args, size_t, Tuple*) {
  uint32_t mode = 0;
  if (!to_mode(args[0], &mode)) return {};
  std::string s(1, type_char(mode));
  triplet(&s, mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's', 'S');
  triplet(&s, mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's', 'S');
  triplet(&s, mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't', 'T');
  return str_from_ascii(s);
}

const MethodDef kFunctions[] = {
    {"S_ISDIR", is_type<S_IFDIR>, MethodFlag::kOneArg, "S_ISDIR(mode) -> bool\n\nWhether mode is a directory's."},
    {"S_ISCHR", is_type<S_IFCHR>, MethodFlag::kOneArg,
     "S_ISCHR(mode) -> bool\n\nWhether mode is a character device's."},
    {"S_ISBLK", is_type<S_IFBLK>, MethodFlag::kOneArg, "S_ISBLK(mode) -> bool\n\nWhether mode is a block device's."},
    {"S_ISREG", is_type<S_IFREG>, MethodFlag::kOneArg,
     "S_ISREG(mode) -> bool\n\nWhether mode is a regular file's."},
    {"S_ISFIFO", is_type<S_IFIFO>, MethodFlag::kOneArg,
     "S_ISFIFO(mode) -> bool\n\nWhether mode is a FIFO's (named pipe)."},
    {"S_ISLNK", is_type<S_IFLNK>, MethodFlag::kOneArg,
     "S_ISLNK(mode) -> bool\n\nWhether mode is a symbolic link's."},
    {"S_ISSOCK", is_type<S_IFSOCK>, MethodFlag::kOneArg, "S_ISSOCK(mode) -> bool\n\nWhether mode is a socket's."},
    {"S_ISDOOR", is_type<0>, MethodFlag::kOneArg, "S_ISDOOR(mode) -> bool\n\nWhether mode is a door's (never on Linux)."},
    {"S_ISPORT", is_type<0>, MethodFlag::kOneArg,
     "S_ISPORT(mode) -> bool\n\nWhether mode is an event port's (never on Linux)."},
    {"S_ISWHT", is_type<0>, MethodFlag::kOneArg,
     "S_ISWHT(mode) -> bool\n\nWhether mode is a whiteout's (never on Linux)."},
    {"S_IMODE", stat_imode, MethodFlag::kOneArg, "The permission bits of mode (what os.chmod() sets)."},
    {"S_IFMT", stat_ifmt, MethodFlag::kOneArg, "The file type bits of mode."},
    {"filemode", stat_filemode, MethodFlag::kOneArg, "The mode as ls shows it: '-rwxr-xr-x'."},
    {nullptr, nullptr, 0},
};

const struct {
  const char* name;
  int64_t value;
} kConstants[] = {
    {"S_IFDIR", S_IFDIR},   {"S_IFCHR", S_IFCHR},   {"S_IFBLK", S_IFBLK},   {"S_IFREG", S_IFREG},
    {"S_IFIFO", S_IFIFO},   {"S_IFLNK", S_IFLNK},   {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", 0},
    {"S_IFPORT", 0},        {"S_IFWHT", 0},         {"S_ISUID", S_ISUID},   {"S_ISGID", S_ISGID},
    {"S_ISVTX", S_ISVTX},   {"S_ENFMT", S_ISGID},   {"S_IREAD", S_IRUSR},   {"S_IWRITE", S_IWUSR},
    {"S_IEXEC", S_IXUSR},   {"S_IRWXU", S_IRWXU},   {"S_IRUSR", S_IRUSR},   {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR},   {"S_IRWXG", S_IRWXG},   {"S_IRGRP", S_IRGRP},   {"S_IWGRP", S_IWGRP},
    {"S_IXGRP", S_IXGRP},   {"S_IRWXO", S_IRWXO},   {"S_IROTH", S_IROTH},   {"S_IWOTH", S_IWOTH},
    {"S_IXOTH", S_IXOTH},
    // BSD file flags (chflags), with the BSD values.
    {"UF_NODUMP", 0x1},     {"UF_IMMUTABLE", 0x2},  {"UF_APPEND", 0x4},     {"UF_OPAQUE", 0x8},
    {"UF_NOUNLINK", 0x10},  {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},  {"SF_ARCHIVED", 0x10000},
    {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000}, {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    // Indices into os.stat()'s tuple.
    {"ST_MODE", 0},         {"ST_INO", 1},          {"ST_DEV", 2},          {"ST_NLINK", 3},
    {"ST_UID", 4},          {"ST_GID", 5},          {"ST_SIZE", 6},         {"ST_ATIME", 7},
    {"ST_MTIME", 8},        {"ST_CTIME", 9},
};

}  // namespace

Module* make_stat_module() {
  Module* m = module_new(intern("_stat"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_ascii("The file mode constants and tests of <sys/stat.h> (used by the stat module)."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_stat")));
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  return m;
}

}  // namespace pyrite::python
