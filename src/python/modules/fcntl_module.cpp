// The fcntl module: fcntl, ioctl, flock and lockf on file descriptors, and
// the constants of <fcntl.h> and <sys/file.h> for Linux; docs/modules.md,
// "fcntl".
//
// A buffer argument is copied into a local 1024-byte buffer, the call
// works on the copy, and the copy's bytes are the result (CPython's
// contract); ioctl with a mutable buffer and mutate_flag writes the result
// back into the caller's buffer instead.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "python/interp/pyrun.h"
#include "python/modules/posix_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"

namespace pyrite::python {

namespace {

constexpr size_t kBufferSize = 1024;

// An int taken modulo 2**32 (the "I" format, PyLong_AsUnsignedLongMask).
bool uint_mask(Value v, int* out) {
  Value i = index(v);
  if (!i) return false;
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  unsigned long low = mpz_get_ui(z);  // the magnitude's low bits
  bool negative = mpz_sgn(z) < 0;
  mpz_clear(scratch);
  uint32_t u = static_cast<uint32_t>(negative ? 0UL - low : low);
  *out = static_cast<int>(u);
  return true;
}

// A read-only "s#" argument: a str (as UTF-8) or a read-only bytes-like
// object. False without an exception when `v` is neither.
bool readonly_bytes(Value v, std::string* out) {
  if (is_str(v)) {
    *out = str_to_utf8(v.as<Str>());
    return true;
  }
  BufferView view;
  if (!get_buffer(v, &view) || !view.readonly) return false;
  out->assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
  return true;
}

Value fcntl_fcntl(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2 || nargs > 3) {
    return raisef(exc::TypeError, "fcntl expected %s, got %zu", nargs < 2 ? "at least 2 arguments" : "at most 3 arguments",
                  nargs);
  }
  int fd = 0, cmd = 0;
  if (!posix::file_descriptor(args[0], &fd) || !arg_int(args[1], &cmd)) return {};
  int int_arg = 0;
  if (nargs == 3) {
    std::string data;
    if (readonly_bytes(args[2], &data)) {
      if (data.size() > kBufferSize) return raise(exc::ValueError, "fcntl string arg too long");
      char buf[kBufferSize];
      std::memcpy(buf, data.data(), data.size());
      int r;
      do r = fcntl(fd, cmd, buf);
      while (r < 0 && errno == EINTR);
      if (r < 0) return raise_os_error(errno);
      return bytes_from(buf, data.size());
    }
    // The "I" format: __index__, then the value modulo 2**32.
    if (!uint_mask(args[2], &int_arg)) return {};
  }
  int r;
  do r = fcntl(fd, cmd, int_arg);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(r);
}

Value fcntl_ioctl(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2 || nargs > 4) {
    return raisef(exc::TypeError, "ioctl expected %s, got %zu", nargs < 2 ? "at least 2 arguments" : "at most 4 arguments",
                  nargs);
  }
  int fd = 0;
  if (!posix::file_descriptor(args[0], &fd)) return {};
  // The request is an unsigned int, taken modulo 2**32 as the "I" format does.
  int request = 0;
  if (!uint_mask(args[1], &request)) return {};
  auto code = static_cast<unsigned int>(request);
  bool mutate = true;
  if (nargs == 4) {
    int t = truth(args[3]);
    if (t < 0) return {};
    mutate = t;
  }
  if (nargs >= 3) {
    BufferView view;
    if (get_buffer(args[2], &view) && !view.readonly) {
      auto* data = const_cast<uint8_t*>(view.data);
      size_t len = size_t(view.length);
      if (mutate && len > kBufferSize) {
        // Large mutable buffers are handed to the kernel directly.
        int r = ioctl(fd, code, data);
        if (r < 0) return raise_os_error(errno);
        return int_from_i64(r);
      }
      if (len > kBufferSize) return raise(exc::ValueError, "ioctl string arg too long");
      char buf[kBufferSize + 1];
      std::memcpy(buf, data, len);
      buf[len] = '\0';
      int r = ioctl(fd, code, buf);
      if (r < 0) return raise_os_error(errno);
      if (mutate) {
        std::memcpy(data, buf, len);
        return int_from_i64(r);
      }
      return bytes_from(buf, len);
    }
    std::string ro;
    if (readonly_bytes(args[2], &ro)) {
      if (ro.size() > kBufferSize) return raise(exc::ValueError, "ioctl string arg too long");
      char buf[kBufferSize + 1];
      std::memcpy(buf, ro.data(), ro.size());
      buf[ro.size()] = '\0';
      int r = ioctl(fd, code, buf);
      if (r < 0) return raise_os_error(errno);
      return bytes_from(buf, ro.size());
    }
  }
  int int_arg = 0;
  if (nargs >= 3 && !arg_int(args[2], &int_arg)) return {};
  int r = ioctl(fd, code, int_arg);
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(r);
}

Value fcntl_flock(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "flock expected 2 arguments, got %zu", nargs);
  int fd = 0, op = 0;
  if (!posix::file_descriptor(args[0], &fd) || !arg_int(args[1], &op)) return {};
  int r;
  do r = flock(fd, op);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_os_error(errno);
  return none();
}

// lockf(fd, cmd, len=0, start=0, whence=0) as CPython makes it: an fcntl
// record lock (F_SETLK with LOCK_NB, F_SETLKW without) of the range.
Value fcntl_lockf(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2 || nargs > 5) {
    return raisef(exc::TypeError, "lockf expected %s, got %zu", nargs < 2 ? "at least 2 arguments" : "at most 5 arguments",
                  nargs);
  }
  int fd = 0, cmd = 0, whence = 0;
  int64_t len = 0, start = 0;
  if (!posix::file_descriptor(args[0], &fd) || !arg_int(args[1], &cmd)) return {};
  if (nargs > 2 && !posix::arg_off(args[2], &len)) return {};
  if (nargs > 3 && !posix::arg_off(args[3], &start)) return {};
  if (nargs > 4 && !arg_int(args[4], &whence)) return {};
  struct flock l;
  std::memset(&l, 0, sizeof l);
  if (cmd == LOCK_UN) {
    l.l_type = F_UNLCK;
  } else if (cmd & LOCK_SH) {
    l.l_type = F_RDLCK;
  } else if (cmd & LOCK_EX) {
    l.l_type = F_WRLCK;
  } else {
    return raise(exc::ValueError, "unrecognized lockf argument");
  }
  l.l_start = start;
  l.l_len = len;
  l.l_whence = static_cast<short>(whence);
  int r;
  do r = fcntl(fd, (cmd & LOCK_NB) ? F_SETLK : F_SETLKW, &l);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_os_error(errno);
  return none();
}

const MethodDef kFunctions[] = {
    {"fcntl", fcntl_fcntl, MethodFlag::kVarArgs,
     "fcntl(fd, cmd, arg=0, /)\n--\n\nPerforms the operation cmd on the file descriptor fd."},
    {"ioctl", fcntl_ioctl, MethodFlag::kVarArgs,
     "ioctl(fd, request, arg=0, mutate_flag=True, /)\n--\n\nPerforms the device operation request on fd."},
    {"flock", fcntl_flock, MethodFlag::kVarArgs,
     "flock(fd, operation, /)\n--\n\nTakes or releases a whole-file lock (flock(2))."},
    {"lockf", fcntl_lockf, MethodFlag::kVarArgs,
     "lockf(fd, cmd, len=0, start=0, whence=0, /)\n--\n\nTakes or releases a record lock of a byte range."},
    {nullptr, nullptr, 0},
};

#define PYR_FCNTL_CONSTANT(name) {#name, name}
const struct {
  const char* name;
  long value;
} kConstants[] = {
    PYR_FCNTL_CONSTANT(LOCK_SH), PYR_FCNTL_CONSTANT(LOCK_EX), PYR_FCNTL_CONSTANT(LOCK_NB),
    PYR_FCNTL_CONSTANT(LOCK_UN), PYR_FCNTL_CONSTANT(LOCK_MAND), PYR_FCNTL_CONSTANT(LOCK_READ),
    PYR_FCNTL_CONSTANT(LOCK_WRITE), PYR_FCNTL_CONSTANT(LOCK_RW), PYR_FCNTL_CONSTANT(F_DUPFD),
    PYR_FCNTL_CONSTANT(F_DUPFD_CLOEXEC), PYR_FCNTL_CONSTANT(F_GETFD), PYR_FCNTL_CONSTANT(F_SETFD),
    PYR_FCNTL_CONSTANT(F_GETFL), PYR_FCNTL_CONSTANT(F_SETFL), PYR_FCNTL_CONSTANT(F_GETLK),
    PYR_FCNTL_CONSTANT(F_SETLK), PYR_FCNTL_CONSTANT(F_SETLKW), PYR_FCNTL_CONSTANT(F_OFD_GETLK),
    PYR_FCNTL_CONSTANT(F_OFD_SETLK), PYR_FCNTL_CONSTANT(F_OFD_SETLKW), PYR_FCNTL_CONSTANT(F_GETOWN),
    PYR_FCNTL_CONSTANT(F_SETOWN), PYR_FCNTL_CONSTANT(F_GETSIG), PYR_FCNTL_CONSTANT(F_SETSIG),
    PYR_FCNTL_CONSTANT(F_RDLCK), PYR_FCNTL_CONSTANT(F_WRLCK), PYR_FCNTL_CONSTANT(F_UNLCK),
    PYR_FCNTL_CONSTANT(F_GETLK64), PYR_FCNTL_CONSTANT(F_SETLK64), PYR_FCNTL_CONSTANT(F_SETLKW64),
    PYR_FCNTL_CONSTANT(FASYNC), PYR_FCNTL_CONSTANT(F_SETLEASE), PYR_FCNTL_CONSTANT(F_GETLEASE),
    PYR_FCNTL_CONSTANT(F_NOTIFY), PYR_FCNTL_CONSTANT(F_EXLCK), PYR_FCNTL_CONSTANT(F_SHLCK),
    PYR_FCNTL_CONSTANT(DN_ACCESS), PYR_FCNTL_CONSTANT(DN_MODIFY), PYR_FCNTL_CONSTANT(DN_CREATE),
    PYR_FCNTL_CONSTANT(DN_DELETE), PYR_FCNTL_CONSTANT(DN_RENAME), PYR_FCNTL_CONSTANT(DN_ATTRIB),
    PYR_FCNTL_CONSTANT(DN_MULTISHOT), PYR_FCNTL_CONSTANT(FD_CLOEXEC), PYR_FCNTL_CONSTANT(F_GETPIPE_SZ),
    PYR_FCNTL_CONSTANT(F_SETPIPE_SZ), PYR_FCNTL_CONSTANT(F_ADD_SEALS), PYR_FCNTL_CONSTANT(F_GET_SEALS),
    PYR_FCNTL_CONSTANT(F_SEAL_SEAL), PYR_FCNTL_CONSTANT(F_SEAL_SHRINK), PYR_FCNTL_CONSTANT(F_SEAL_GROW),
    PYR_FCNTL_CONSTANT(F_SEAL_WRITE),
};
#undef PYR_FCNTL_CONSTANT

}  // namespace

Module* make_fcntl_module() {
  Module* m = module_new(intern("fcntl"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_ascii("File descriptor control: fcntl(), ioctl(), flock() and lockf() of the C library."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("fcntl")));
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  return m;
}

}  // namespace pyrite::python
