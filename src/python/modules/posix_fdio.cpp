// The posix module's less common descriptor I/O: positioned and vectored
// reads and writes, sendfile and copy_file_range, sync and locking calls,
// memfd and eventfd (docs/modules.md, "posix").
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <unistd.h>

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

namespace pyrite::python::posix {

namespace {

// ---- more descriptor I/O ----------------------------------------------------------------------------

Value posix_pread(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("pread", nargs, 3, 3)) return {};
  int fd;
  int64_t n, off;
  if (!arg_cint(args[0], &fd) || !arg_ssize(args[1], &n) || !arg_off(args[2], &off)) return {};
  if (n < 0) return raise_errno(EINVAL);
  std::string buf(size_t(n), '\0');
  ssize_t r;
  do r = pread(fd, buf.data(), size_t(n), off);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return bytes_from(buf.data(), size_t(r));
}

bool buffer_arg(Value v, BufferView* view) {
  if (get_buffer(v, view)) return true;
  if (!has_error())
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
  return false;
}

Value posix_pwrite(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("pwrite", nargs, 3, 3)) return {};
  int fd;
  int64_t off;
  BufferView view;
  if (!arg_cint(args[0], &fd) || !buffer_arg(args[1], &view) || !arg_off(args[2], &off)) return {};
  ssize_t r;
  do r = pwrite(fd, view.data, size_t(view.length), off);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

// writev(fd, buffers): the buffers' bytes in one call.
Value posix_writev(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("writev", nargs, 2, 2)) return {};
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  Tuple* items = sequence_fast(args[1], "writev() arg 2 must be a sequence");
  if (!items) return {};
  std::vector<iovec> iov;
  for (int64_t i = 0; i < items->length; i++) {
    BufferView view;
    if (!buffer_arg(items->at(i), &view)) return {};
    iov.push_back({const_cast<uint8_t*>(view.data), size_t(view.length)});
  }
  ssize_t r;
  do r = writev(fd, iov.data(), int(iov.size()));
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

// readv(fd, buffers): fills writable buffers (bytearray, writable memoryview) in order.
Value posix_readv(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readv", nargs, 2, 2)) return {};
  int fd;
  if (!arg_cint(args[0], &fd)) return {};
  Tuple* items = sequence_fast(args[1], "readv() arg 2 must be a sequence");
  if (!items) return {};
  std::vector<iovec> iov;
  for (int64_t i = 0; i < items->length; i++) {
    BufferView view;
    if (!buffer_arg(items->at(i), &view)) return {};
    if (view.readonly) return raise(exc::BufferError, "Object is not writable.");
    iov.push_back({const_cast<uint8_t*>(view.data), size_t(view.length)});
  }
  ssize_t r;
  do r = readv(fd, iov.data(), int(iov.size()));
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

Value posix_sendfile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"out_fd", "in_fd", "offset", "count", nullptr};
  Value out_arg, in_arg, off_arg, count_arg;
  if (!parse_args({"sendfile", kNames, 4, 0, -1, true}, args, nargs, kwnames,
                  {&out_arg, &in_arg, &off_arg, &count_arg}))
    return {};
  int out_fd, in_fd;
  int64_t count, off = 0;
  bool have_off = !is_none(off_arg);
  if (!arg_cint(out_arg, &out_fd) || !arg_cint(in_arg, &in_fd) || (have_off && !arg_off(off_arg, &off)) ||
      !arg_ssize(count_arg, &count))
    return {};
  if (count < 0) return raise_errno(EINVAL);
  off_t o = off;
  ssize_t r;
  do r = sendfile(out_fd, in_fd, have_off ? &o : nullptr, size_t(count));
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

Value posix_fdatasync(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"fdatasync", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!file_descriptor(fd_arg, &fd)) return {};
  if (fdatasync(fd) != 0) return raise_errno(errno);
  return none();
}

Value posix_fchdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"fchdir", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!file_descriptor(fd_arg, &fd)) return {};
  if (fchdir(fd) != 0) return raise_errno(errno);
  return none();
}

// ---- kernel objects and advice -----------------------------------------------------------------

Value posix_lockf(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("lockf", nargs, 3, 3)) return {};
  int fd, cmd;
  int64_t len;
  if (!arg_cint(args[0], &fd) || !arg_cint(args[1], &cmd) || !arg_off(args[2], &len)) return {};
  if (lockf(fd, cmd, len) != 0) return raise_errno(errno);
  return none();
}

// posix_fadvise and posix_fallocate return the error instead of setting errno.
Value posix_posix_fadvise(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("posix_fadvise", nargs, 4, 4)) return {};
  int fd, advice;
  int64_t off, len;
  if (!arg_cint(args[0], &fd) || !arg_off(args[1], &off) || !arg_off(args[2], &len) ||
      !arg_cint(args[3], &advice))
    return {};
  int err;
  do err = posix_fadvise(fd, off, len, advice);
  while (err == EINTR);
  if (err != 0) return raise_errno(err);
  return none();
}

Value posix_posix_fallocate(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("posix_fallocate", nargs, 3, 3)) return {};
  int fd;
  int64_t off, len;
  if (!arg_cint(args[0], &fd) || !arg_off(args[1], &off) || !arg_off(args[2], &len)) return {};
  int err;
  do err = posix_fallocate(fd, off, len);
  while (err == EINTR);
  if (err != 0) return raise_errno(err);
  return none();
}

Value posix_memfd_create(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"name", "flags", nullptr};
  Value name_arg, flags_arg;
  if (!parse_args({"memfd_create", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&name_arg, &flags_arg}))
    return {};
  std::string name;
  int flags = MFD_CLOEXEC;
  if (!fs_converter(name_arg, &name) || (flags_arg && !arg_cint(flags_arg, &flags))) return {};
  int fd = memfd_create(name.c_str(), unsigned(flags));
  if (fd < 0) return raise_errno(errno);
  return Value::small(fd);
}

Value posix_eventfd(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"initval", "flags", nullptr};
  Value init_arg, flags_arg;
  if (!parse_args({"eventfd", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&init_arg, &flags_arg}))
    return {};
  int64_t init;
  int flags = EFD_CLOEXEC;
  if (!arg_ssize(init_arg, &init) || (flags_arg && !arg_cint(flags_arg, &flags))) return {};
  if (init < 0) return raise(exc::ValueError, "value must be positive");
  if (init > int64_t(UINT32_MAX))
    return raise(exc::OverflowError, "Python int too large to convert to C unsigned int");
  int fd = eventfd(unsigned(init), flags);
  if (fd < 0) return raise_errno(errno);
  return Value::small(fd);
}

Value posix_eventfd_read(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"eventfd_read", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!file_descriptor(fd_arg, &fd)) return {};
  eventfd_t value;
  int r;
  do r = eventfd_read(fd, &value);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_u64(value);
}

Value posix_eventfd_write(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", "value", nullptr};
  Value fd_arg, value_arg;
  if (!parse_args({"eventfd_write", kNames, 2, 0, -1, true}, args, nargs, kwnames, {&fd_arg, &value_arg}))
    return {};
  int fd;
  uint64_t value;
  if (!file_descriptor(fd_arg, &fd)) return {};
  Value i = index(value_arg);
  if (!i) return {};
  if (int_sign(i) < 0) return raise(exc::OverflowError, "can't convert negative int to unsigned");
  auto v = int_to_i64(i);
  if (!v) return raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
  value = uint64_t(*v);
  int r;
  do r = eventfd_write(fd, value);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return none();
}

Value posix_copy_file_range(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"src", "dst", "count", "offset_src", "offset_dst", nullptr};
  Value src_arg, dst_arg, count_arg, osrc_arg, odst_arg;
  if (!parse_args({"copy_file_range", kNames, 3, 0, -1, true}, args, nargs, kwnames,
                  {&src_arg, &dst_arg, &count_arg, &osrc_arg, &odst_arg}))
    return {};
  int src, dst;
  int64_t count, osrc = 0, odst = 0;
  bool have_src = osrc_arg && !is_none(osrc_arg), have_dst = odst_arg && !is_none(odst_arg);
  if (!arg_cint(src_arg, &src) || !arg_cint(dst_arg, &dst) || !arg_ssize(count_arg, &count) ||
      (have_src && !arg_off(osrc_arg, &osrc)) || (have_dst && !arg_off(odst_arg, &odst)))
    return {};
  if (count < 0) return raise(exc::ValueError, "negative value for 'count' not allowed");
  loff_t a = osrc, b = odst;
  ssize_t r;
  do r = copy_file_range(src, have_src ? &a : nullptr, dst, have_dst ? &b : nullptr, size_t(count), 0);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

using namespace MethodFlag;
constexpr uint32_t kKw = kVarArgs | kKeywords;
constexpr uint32_t kPos = kVarArgs;

// clang-format off
const MethodDef kFunctions[] = {
    {"pread", posix_pread, kPos, "Read up to length bytes at offset, leaving the file position alone."},
    {"pwrite", posix_pwrite, kPos, "Write bytes at offset, leaving the file position alone."},
    {"readv", posix_readv, kPos, "Read into a sequence of writable buffers; returns the bytes read."},
    {"writev", posix_writev, kPos, "Write a sequence of buffers at once; returns the bytes written."},
    {"sendfile", posix_sendfile, kKw, "Copy count bytes from in_fd (at offset, or its position when None) to out_fd."},
    {"fdatasync", posix_fdatasync, kKw, "Flush an fd's data (not all its metadata) to the device."},
    {"fchdir", posix_fchdir, kKw, "Make the directory open as fd the current directory."},
    {"lockf", posix_lockf, kPos, "Apply, test or remove a POSIX lock on an open file."},
    {"posix_fadvise", posix_posix_fadvise, kPos, "Tell the kernel how a range of a file will be accessed."},
    {"posix_fallocate", posix_posix_fallocate, kPos, "Reserve disk space for a range of a file."},
    {"memfd_create", posix_memfd_create, kKw, "A new anonymous file in memory; returns its descriptor."},
    {"eventfd", posix_eventfd, kKw, "A new event counter descriptor."},
    {"eventfd_read", posix_eventfd_read, kKw, "Read (and reset, or decrement) an event counter."},
    {"eventfd_write", posix_eventfd_write, kKw, "Add to an event counter."},
    {"copy_file_range", posix_copy_file_range, kKw, "Copy count bytes between descriptors inside the kernel."},
    {nullptr, nullptr, 0},
};
// clang-format on

}  // namespace

bool add_fdio_functions(Module* m) {
  Str* modname = intern("posix");
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, modname));
  return true;
}

}  // namespace pyrite::python::posix
