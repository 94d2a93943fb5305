// What the posix module's files share: CPython's path and fd argument
// converters, errno errors with filenames, stat results (docs/modules.md,
// "posix").
#pragma once

#include <dirent.h>

#include <string>

#include <sys/stat.h>

#include "python/objects/object.h"

namespace pyrite::python {
struct Module;
}

namespace pyrite::python::posix {

// A path argument after CPython's path_converter: a str or bytes path (or
// a PathLike's __fspath__()), an fd when allowed, or None when nullable.
struct PathArg {
  Value object;        // the str/bytes path, the int fd, or null (None given)
  std::string narrow;  // the path's bytes (UTF-8 with surrogateescape for str)
  int fd = -1;         // >= 0 when an fd was given
  bool is_bytes = false;
  bool is_none() const { return !object; }
  const char* c_str() const { return narrow.c_str(); }
};

// fn/arg name the argument in messages ("stat: path should be string,
// bytes, os.PathLike or integer, not float").
bool convert_path(const char* fn, const char* arg, Value v, bool allow_fd, bool nullable,
                  PathArg* out);
// PyUnicode_FSConverter: a str, bytes or PathLike's bytes (messages
// without the function's name, "embedded null byte").
bool fs_converter(Value v, std::string* out);
// os.fspath(v): str or bytes, through __fspath__ (null + TypeError).
Value fspath(Value v);
// An fd argument ("i" after _PyLong_AsInt, and "fd is greater than maximum").
bool convert_fd(Value v, int* out);
// Argument Clinic's `int` (_PyLong_AsInt: "Python int too large to convert
// to C int"); PyArg_ParseTuple's "i" is arg_int (native.h).
bool arg_cint(Value v, int* out);
// dir_fd=None or an int ("argument should be integer or None, not float").
bool convert_dir_fd(Value v, int* out);

// Bytes from the file system as the path's type: str (UTF-8,
// surrogateescape) unless `as_bytes`.
Value fs_decode(const char* p, size_t n, bool as_bytes);
inline Value fs_decode(const std::string& s, bool as_bytes) { return fs_decode(s.data(), s.size(), as_bytes); }

// OSError-family from errno; path errors carry the path (and a second one).
Value raise_errno(int err);
Value raise_path_error(int err, const PathArg& p);
Value raise_path_error2(int err, const PathArg& a, const PathArg& b);
// The directory stream of listdir/scandir: a dup of p.fd (the caller's
// descriptor stays open) or opendir(p); null with the errno error raised.
DIR* open_dir(const PathArg& p);

// os.stat_result from a struct stat (stat.cpp of CPython's _pystat_fromstructstat).
Value stat_result_from(const struct ::stat& st);
Type* stat_result_type();

// Py_off_t arguments (64 bits through __index__).
bool arg_off(Value v, int64_t* out);
// PyObject_AsFileDescriptor: an int or an object's fileno(), not negative.
bool file_descriptor(Value v, int* out);

// pread/pwrite/readv/writev, sendfile, locks, memfd, eventfd (posix_fdio.cpp).
bool add_fdio_functions(Module* m);
// The process functions (posix_process.cpp): fork, exec*, wait*, times...
bool add_process_functions(Module* m);
// The register_at_fork hooks, for a fork made outside os.fork
// (_posixsubprocess with a preexec_fn).
void run_before_fork_hooks();
void run_after_fork_hooks(bool in_child);
// sysconf & co., credentials, sessions, terminals (posix_sysinfo.cpp).
bool add_sysinfo_functions(Module* m);
// A uid or gid argument (what: "uid" or "gid"; -1 is (uid_t)-1).
bool id_arg(Value v, const char* what, uint32_t* out);

// scandir and DirEntry (posix_scandir.cpp); the types are made on first import.
void make_scandir_types();
Value posix_scandir(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Type* dir_entry_type();
Type* scandir_iterator_type();

}  // namespace pyrite::python::posix
