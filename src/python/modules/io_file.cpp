// _io.FileIO: raw binary I/O over a file descriptor with the C library's
// open/read/write/lseek/fstat/close (docs/modules.md, "_io"). Errors are
// OSError subclasses from errno (raise_os_error); EINTR is retried; EAGAIN
// on a non-blocking descriptor makes read/write return None.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "python/modules/io.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"

namespace pyrite::python::io {

Type* g_fileio = nullptr;

namespace {

FileIO* fio(Value v) { return v.as<FileIO>(); }

bool fio_check_closed(FileIO* f) {
  if (f->fd < 0) {
    raise(exc::ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

bool fio_check_readable(FileIO* f) {
  if (!fio_check_closed(f)) return false;
  if (!f->readable) {
    raise_unsupported("File not open for reading");
    return false;
  }
  return true;
}

bool fio_check_writable(FileIO* f) {
  if (!fio_check_closed(f)) return false;
  if (!f->writable) {
    raise_unsupported("File not open for writing");
    return false;
  }
  return true;
}

Value fileio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* f = static_cast<FileIO*>(alloc_instance(type));
  f->fd = -1;
  f->seekable = -1;
  f->closefd = true;
  f->blksize = 0;
  gc::Heap::current()->register_finalizer(f);
  return f;
}

// Closes the descriptor if owned; the first errno, or 0.
int internal_close(FileIO* f) {
  int err = 0;
  if (f->fd >= 0) {
    int fd = f->fd;
    f->fd = -1;
    if (f->closefd && ::close(fd) < 0) err = errno;
  }
  return err;
}

bool fileio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"file", "mode", "closefd", "opener", nullptr};
  Value file, mode_v, closefd_v, opener;
  ArgSpec spec{"FileIO", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&file, &mode_v, &closefd_v, &opener})) return false;
  FileIO* f = fio(self);
  if (f->fd >= 0) {
    if (f->closefd) {
      internal_close(f);
    } else {
      f->fd = -1;
    }
  }
  bool closefd = true;
  if (closefd_v) {
    int t = truth(closefd_v);
    if (t < 0) return false;
    closefd = t;
  }
  int fd = -1;
  std::string path;
  Value name = file;
  if (is_int(file)) {
    int v;
    if (!arg_int(file, &v)) return false;
    if (v < 0) {
      raise(exc::ValueError, "negative file descriptor");
      return false;
    }
    fd = v;
  } else {
    Value p = file;
    if (!is_str(p) && !is_bytes(p)) {
      static Str* const kFspath = intern("__fspath__");
      if (lookup_special(p, kFspath)) {
        p = call_method(p, kFspath, nullptr, 0);
        if (!p) return false;
      }
      if (!is_str(p) && !is_bytes(p)) {
        raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(file).c_str());
        return false;
      }
    }
    path = is_str(p) ? str_to_utf8(p.as<Str>()) : std::string(p.as<Bytes>()->view());
    if (path.find('\0') != std::string::npos) {
      raise(exc::ValueError, "embedded null byte");
      return false;
    }
  }
  std::string mode = "r";
  if (mode_v) {
    if (!is_str(mode_v)) {
      raisef(exc::TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(mode_v).c_str());
      return false;
    }
    mode = str_to_utf8(mode_v.as<Str>());
  }
  bool rwa = false, plus = false;
  f->readable = f->writable = f->created = f->appending = false;
  int flags = 0;
  for (char c : mode) {
    switch (c) {
      case 'x':
      case 'r':
      case 'w':
      case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        if (c == 'x') {
          f->created = f->writable = true;
          flags |= O_EXCL | O_CREAT;
        } else if (c == 'r') {
          f->readable = true;
        } else if (c == 'w') {
          f->writable = true;
          flags |= O_CREAT | O_TRUNC;
        } else {
          f->writable = f->appending = true;
          flags |= O_APPEND | O_CREAT;
        }
        break;
      case 'b':
        break;
      case '+':
        if (plus) goto bad_mode;
        f->readable = f->writable = true;
        plus = true;
        break;
      default:
        raisef(exc::ValueError, "invalid mode: %s", mode.c_str());
        return false;
    }
  }
  if (!rwa) goto bad_mode;
  if (f->readable && f->writable)
    flags |= O_RDWR;
  else if (f->readable)
    flags |= O_RDONLY;
  else
    flags |= O_WRONLY;
  flags |= O_CLOEXEC;
  if (fd >= 0) {
    f->fd = fd;
    f->closefd = closefd;
  } else {
    f->closefd = true;
    if (!closefd) {
      raise(exc::ValueError, "Cannot use closefd=False with file name");
      return false;
    }
    if (!opener || is_none(opener)) {
      do {
        fd = ::open(path.c_str(), flags, 0666);
      } while (fd < 0 && errno == EINTR);
      if (fd < 0) {
        raise_os_error(errno, file);
        return false;
      }
    } else {
      Value a[2] = {name, Value::small(flags)};
      Value r = call(opener, a, 2);
      if (!r) return false;
      if (!is_int(r)) {
        raise(exc::TypeError, "expected integer from opener");
        return false;
      }
      int v;
      if (!arg_int(r, &v)) return false;
      if (v < 0) {
        raisef(exc::ValueError, "opener returned %d", v);
        return false;
      }
      fd = v;
    }
    f->fd = fd;
  }
  f->blksize = kDefaultBufferSize;
  {
    struct stat st;
    if (fstat(f->fd, &st) < 0) {
      int err = errno;
      // An invalid descriptor is reported; other fstat failures are ignored.
      if (err == EBADF) {
        raise_os_error(err);
        if (fd >= 0 && !is_int(file)) internal_close(f);
        return false;
      }
    } else {
      if (S_ISDIR(st.st_mode)) {
        int fdc = f->fd;
        raise_os_error(EISDIR, file);
        if (!is_int(file)) ::close(fdc);
        f->fd = -1;
        return false;
      }
      if (st.st_blksize > 1) f->blksize = st.st_blksize;
    }
  }
  static Str* const kName = intern("name");
  if (!set_attr(self, kName, name)) return false;
  if (f->appending) {
    if (lseek(f->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
      raise_os_error(errno, file);
      return false;
    }
  }
  f->seekable = -1;
  f->iobase_closed = false;
  return true;
bad_mode:
  raise(exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  return false;
}

}  // namespace

Value fileio_read_into(FileIO* f, uint8_t* data, int64_t n) {
  ssize_t r;
  do {
    r = ::read(f->fd, data, size_t(n));
  } while (r < 0 && errno == EINTR);
  if (r < 0) {
    if (errno == EAGAIN) return none();
    return raise_os_error(errno);
  }
  return int_from_i64(r);
}

Value fileio_write_from(FileIO* f, const uint8_t* data, int64_t n) {
  ssize_t r;
  do {
    r = ::write(f->fd, data, size_t(n));
  } while (r < 0 && errno == EINTR);
  if (r < 0) {
    if (errno == EAGAIN) return none();
    return raise_os_error(errno);
  }
  return int_from_i64(r);
}

namespace {

Value fileio_readall_impl(FileIO* f) {
  int64_t bufsize = kDefaultBufferSize;
  struct stat st;
  off_t pos = lseek(f->fd, 0, SEEK_CUR);
  if (fstat(f->fd, &st) == 0 && st.st_size > 0 && pos >= 0 && st.st_size >= pos) bufsize = st.st_size - pos + 1;
  std::string out;
  out.resize(size_t(bufsize));
  size_t used = 0;
  for (;;) {
    if (used >= out.size()) out.resize(out.size() + (out.size() >> 3) + kDefaultBufferSize);
    ssize_t r;
    do {
      r = ::read(f->fd, out.data() + used, out.size() - used);
    } while (r < 0 && errno == EINTR);
    if (r == 0) break;
    if (r < 0) {
      if (errno == EAGAIN) {
        if (used) break;
        return none();
      }
      return raise_os_error(errno);
    }
    used += size_t(r);
  }
  return bytes_from(out.data(), used);
}

Value fileio_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 0, 1)) return {};
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  if (!f->readable) return raise_unsupported("File not open for reading");
  int64_t size = -1;
  if (nargs && !size_arg(args[0], &size)) return {};
  if (size < 0) return fileio_readall_impl(f);
  Bytes* b = bytes_new_raw(size);
  if (!b) return {};
  Value r = fileio_read_into(f, b->data(), size);
  if (!r || is_none(r)) return r;
  int64_t n = r.small_value();
  if (n == size) return b;
  return bytes_from(b->data(), size_t(n));
}

Value fileio_readall(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  return fileio_readall_impl(f);
}

Value fileio_readinto(Value self, const Value* args, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  if (!f->readable) return raise_unsupported("File not open for reading");
  uint8_t* data;
  int64_t len;
  if (!writable_buffer(args[0], "readinto", &data, &len)) return {};
  return fileio_read_into(f, data, len);
}

Value fileio_write(Value self, const Value* args, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  if (!f->writable) return raise_unsupported("File not open for writing");
  BufferView view;
  if (!readable_buffer(args[0], &view)) return {};
  return fileio_write_from(f, view.data, view.length);
}

bool offset_arg(Value v, int64_t* out) {
  if (is_float(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  auto x = int_to_i64(i);
  if (!x) {
    raise(exc::OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = *x;
  return true;
}

Value fileio_seek(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("seek", nargs, 1, 2)) return {};
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  int64_t pos;
  if (!offset_arg(args[0], &pos)) return {};
  int whence = 0;
  if (nargs == 2 && !arg_int(args[1], &whence)) return {};
  off_t r = lseek(f->fd, off_t(pos), whence);
  if (f->seekable < 0) f->seekable = r >= 0;
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(r);
}

Value fileio_tell(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  off_t r = lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(r);
}

Value fileio_truncate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("truncate", nargs, 0, 1)) return {};
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  if (!f->writable) return raise_unsupported("File not open for writing");
  int64_t size;
  if (nargs == 0 || is_none(args[0])) {
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return raise_os_error(errno);
    size = r;
  } else if (!offset_arg(args[0], &size)) {
    return {};
  }
  int r;
  do {
    r = ftruncate(f->fd, off_t(size));
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(size);
}

Value fileio_close(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  // _RawIOBase.close first (flush, the closed flag), as CPython.
  Value r;
  if (!f->iobase_closed) {
    r = call_method(self, intern("flush"), nullptr, 0);
    f->iobase_closed = true;
  } else {
    r = none();
  }
  Object* flush_error = r ? nullptr : take_error();
  if (!f->closefd) {
    f->fd = -1;
  } else {
    int err = internal_close(f);
    if (err && !flush_error) return raise_os_error(err);
  }
  if (flush_error) {
    set_error(flush_error);
    return {};
  }
  return none();
}

Value fileio_seekable(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
  return py_bool(f->seekable);
}

Value fileio_readable(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  return py_bool(f->readable);
}

Value fileio_writable(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  return py_bool(f->writable);
}

Value fileio_fileno(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  return int_from_i64(f->fd);
}

Value fileio_isatty(Value self, const Value*, size_t, Tuple*) {
  FileIO* f = fio(self);
  if (!fio_check_closed(f)) return {};
  return py_bool(::isatty(f->fd));
}

Value fileio_dealloc_warn(Value, const Value*, size_t, Tuple*) { return none(); }

const char* mode_string(FileIO* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Value fileio_repr(Value self) {
  FileIO* f = fio(self);
  std::string tname = type_name_of(type_of(self));
  if (f->fd < 0) return str_format("<%s [closed]>", tname.c_str());
  static Str* const kName = intern("name");
  Value name = get_attr_or_null(self, kName);
  if (has_error()) return {};
  const char* closefd = f->closefd ? "True" : "False";
  if (!name) return str_format("<%s fd=%d mode='%s' closefd=%s>", tname.c_str(), f->fd, mode_string(f), closefd);
  if (repr_enter(self)) {
    return raisef(exc::RuntimeError, "reentrant call inside %s.__repr__", tname.c_str());
  }
  Value r = repr(name);
  repr_leave(self);
  if (!r) return {};
  return str_format("<%s name=%s mode='%s' closefd=%s>", tname.c_str(), str_to_utf8(r.as<Str>()).c_str(),
                    mode_string(f), closefd);
}

Value fileio_get_closed(Value self) { return py_bool(fio(self)->fd < 0); }
Value fileio_get_closefd(Value self) { return py_bool(fio(self)->closefd); }
Value fileio_get_mode(Value self) { return str_from_ascii(mode_string(fio(self))); }
Value fileio_get_blksize(Value self) { return int_from_i64(fio(self)->blksize); }
Value fileio_get_finalizing(Value self) { return py_bool(fio(self)->finalizing); }

const MethodDef kFileIOMethods[] = {
    {"read", fileio_read, MethodFlag::kVarArgs},
    {"readall", fileio_readall, MethodFlag::kNoArgs},
    {"readinto", fileio_readinto, MethodFlag::kOneArg},
    {"write", fileio_write, MethodFlag::kOneArg},
    {"seek", fileio_seek, MethodFlag::kVarArgs},
    {"tell", fileio_tell, MethodFlag::kNoArgs},
    {"truncate", fileio_truncate, MethodFlag::kVarArgs},
    {"close", fileio_close, MethodFlag::kNoArgs},
    {"seekable", fileio_seekable, MethodFlag::kNoArgs},
    {"readable", fileio_readable, MethodFlag::kNoArgs},
    {"writable", fileio_writable, MethodFlag::kNoArgs},
    {"fileno", fileio_fileno, MethodFlag::kNoArgs},
    {"isatty", fileio_isatty, MethodFlag::kNoArgs},
    {"_dealloc_warn", fileio_dealloc_warn, MethodFlag::kOneArg},
    {nullptr, nullptr, 0},
};
const GetSetDef kFileIOGetSets[] = {
    {"closed", fileio_get_closed, nullptr, "True if the file is closed"},
    {"closefd", fileio_get_closefd, nullptr, "True if the file descriptor will be closed by close()."},
    {"mode", fileio_get_mode, nullptr, "String giving the file mode"},
    {"_blksize", fileio_get_blksize},
    {"_finalizing", fileio_get_finalizing},
    {nullptr, nullptr},
};

void trace_fileio(void* p, gc::Visitor& v) { trace_iobase(p, v); }

}  // namespace

void make_file_type() {
  TypeSpec spec = io_type_spec("FileIO", g_rawiobase, sizeof(FileIO), trace_fileio);
  spec.slots.new_ = fileio_new;
  spec.slots.init = fileio_init;
  spec.slots.repr = fileio_repr;
  spec.methods = kFileIOMethods;
  spec.getsets = kFileIOGetSets;
  spec.doc = "Open a file.";
  make_builtin_type(&g_fileio, spec);
}

}  // namespace pyrite::python::io
