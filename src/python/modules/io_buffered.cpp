// _io.BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair
// (docs/modules.md, "_io"), as _pyio specifies them with CPython's
// messages. One struct serves the three single-stream classes; which
// methods a class has decides what it can do.
//
// Invariant: the read buffer holds raw bytes [rpos, rend) read ahead and not
// yet returned, the write buffer bytes [0, wlen) accepted and not yet
// written; at most one is non-empty. So the logical position is
// raw.tell() - (rend - rpos) + wlen. BufferedRandom seeks the raw stream
// back over the read-ahead before it writes and flushes before it reads.
// An exact FileIO raw stream is read and written through its descriptor
// directly (same calls, no method lookups): print() to a pipe goes through
// here.
#include <cstring>

#include "python/modules/io.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/tuple.h"

namespace pyrite::python::io {

Type* g_buffered_reader = nullptr;
Type* g_buffered_writer = nullptr;
Type* g_buffered_random = nullptr;
Type* g_buffered_rwpair = nullptr;

namespace {

void trace_buffered(void* p, gc::Visitor& v) {
  trace_iobase(p, v);
  auto* b = static_cast<Buffered*>(p);
  visit_value(v, b->raw);
  v.visit(b->rbuf);
  v.visit(b->wbuf);
}

Buffered* buf(Value v) { return v.as<Buffered>(); }

Value buffered_new(Type* type, const Value*, size_t, Tuple*) {
  auto* b = static_cast<Buffered*>(alloc_instance(type));
  gc::Heap::current()->register_finalizer(b);
  return b;
}

bool check_init(Buffered* b) {
  if (!b->ok) {
    if (b->detached) {
      raise(exc::ValueError, "raw stream has been detached");
    } else {
      raise(exc::ValueError, "I/O operation on uninitialized object");
    }
    return false;
  }
  return true;
}

// raw.closed (-1 error).
int raw_closed(Buffered* b) {
  if (b->raw_is_fileio) return b->raw.as<FileIO>()->fd < 0;
  return is_closed(b->raw);
}

bool check_open(Buffered* b, const char* msg) {
  if (!check_init(b)) return false;
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c) {
    // A read buffer may still be served after close (CPython checks the
    // buffer first only for peek/read); all other paths raise.
    raise(exc::ValueError, msg);
    return false;
  }
  return true;
}

bool init_common(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* fname,
                 bool readable, bool writable) {
  static const char* const kNames[] = {"raw", "buffer_size", nullptr};
  Value raw, size_v;
  ArgSpec spec{fname, kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&raw, &size_v})) return false;
  Buffered* b = buf(self);
  b->ok = false;
  b->detached = false;
  if (readable && writable && !check_seekable(raw)) return false;
  if (readable && !check_readable(raw)) return false;
  if (writable && !check_writable(raw)) return false;
  int64_t size = kDefaultBufferSize;
  if (size_v && !arg_ssize(size_v, &size)) return false;
  if (size <= 0) {
    raise(exc::ValueError, "buffer size must be strictly positive");
    return false;
  }
  b->raw = raw;
  gc::write_barrier(b, &b->raw, raw.is_object() ? raw.object() : nullptr);
  b->buffer_size = size;
  b->readable = readable;
  b->writable = writable;
  b->raw_is_fileio = type_of(raw) == g_fileio;
  Bytes* rb = readable ? bytes_new_raw(size) : nullptr;
  Bytes* wb = writable ? bytes_new_raw(size) : nullptr;
  if ((readable && !rb) || (writable && !wb)) return false;
  gc::store_ref(b, &b->rbuf, rb);
  gc::store_ref(b, &b->wbuf, wb);
  b->rpos = b->rend = b->wlen = 0;
  b->ok = true;
  if (writable) register_exit_flush(b);
  set_wrapped(raw, true);
  return true;
}

bool reader_init(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return init_common(self, args, nargs, kw, "BufferedReader", true, false);
}
bool writer_init(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return init_common(self, args, nargs, kw, "BufferedWriter", false, true);
}
bool random_init(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return init_common(self, args, nargs, kw, "BufferedRandom", true, true);
}

// ---- raw calls ---------------------------------------------------------------------------------

// Reads at most n bytes into data: the count, -2 for "would block" (None),
// -1 on error.
int64_t raw_read(Buffered* b, uint8_t* data, int64_t n) {
  Value r;
  if (b->raw_is_fileio) {
    FileIO* f = b->raw.as<FileIO>();
    if (f->fd < 0) {
      raise(exc::ValueError, "I/O operation on closed file");
      return -1;
    }
    if (!f->readable) {
      raise_unsupported("File not open for reading");
      return -1;
    }
    r = fileio_read_into(f, data, n);
    if (!r) return -1;
    if (is_none(r)) return -2;
    return r.small_value();
  }
  ByteArray* ba = bytearray_new(nullptr, 0);
  if (!bytearray_resize(ba, n)) return -1;
  if (n) std::memset(ba->data(), 0, size_t(n));
  Value mv = call1(types::memoryview, ba);
  if (!mv) return -1;
  r = call_m(b->raw, "readinto", {mv});
  if (!r) return -1;
  if (is_none(r)) return -2;
  int64_t got;
  if (!arg_ssize(r, &got)) return -1;
  if (got < 0 || got > n) {
    raisef(exc::OSError, "raw readinto() returned invalid length %lld (should have been between 0 and %lld)",
           (long long)got, (long long)n);
    return -1;
  }
  if (got) std::memcpy(data, ba->data(), size_t(got));
  return got;
}

// Writes at most n bytes: the count, -2 would block, -1 error.
int64_t raw_write(Buffered* b, const uint8_t* data, int64_t n) {
  Value r;
  if (b->raw_is_fileio) {
    FileIO* f = b->raw.as<FileIO>();
    if (f->fd < 0) {
      raise(exc::ValueError, "I/O operation on closed file");
      return -1;
    }
    if (!f->writable) {
      raise_unsupported("File not open for writing");
      return -1;
    }
    r = fileio_write_from(f, data, n);
  } else {
    Value chunk = bytes_from(data, size_t(n));
    Value mv = call1(types::memoryview, chunk);
    if (!mv) return -1;
    r = call_m(b->raw, "write", {mv});
  }
  if (!r) return -1;
  if (is_none(r)) return -2;
  int64_t got;
  if (!arg_ssize(r, &got)) return -1;
  if (got < 0 || got > n) {
    raisef(exc::OSError, "raw write() returned invalid length %lld (should have been between 0 and %lld)",
           (long long)got, (long long)n);
    return -1;
  }
  return got;
}

Value raw_tell_value(Buffered* b) { return call_m(b->raw, "tell"); }

bool raw_tell(Buffered* b, int64_t* out) {
  Value r = raw_tell_value(b);
  if (!r) return false;
  if (!arg_ssize(r, out)) return false;
  if (*out < 0) {
    raisef(exc::OSError, "Raw stream returned invalid position %lld", (long long)*out);
    return false;
  }
  return true;
}

bool raw_seek(Buffered* b, int64_t target, int whence, int64_t* out) {
  Value r = call_m(b->raw, "seek", {int_from_i64(target), Value::small(whence)});
  if (!r) return false;
  int64_t n;
  if (!arg_ssize(r, &n)) return false;
  if (n < 0) {
    raisef(exc::OSError, "Raw stream returned invalid position %lld", (long long)n);
    return false;
  }
  if (out) *out = n;
  return true;
}

// ---- the write buffer ------------------------------------------------------------------------

// Writes the whole write buffer out (BlockingIOError if the raw stream
// would block part-way; what was written is dropped from the buffer).
bool flush_writes(Buffered* b) {
  int64_t done = 0;
  while (done < b->wlen) {
    int64_t n = raw_write(b, b->wbuf->data() + done, b->wlen - done);
    if (n == -1) {
      if (done) {
        std::memmove(b->wbuf->data(), b->wbuf->data() + done, size_t(b->wlen - done));
        b->wlen -= done;
      }
      return false;
    }
    if (n == -2) {
      std::memmove(b->wbuf->data(), b->wbuf->data() + done, size_t(b->wlen - done));
      b->wlen -= done;
      raise_blocking(EAGAIN, "write could not complete without blocking", 0);
      return false;
    }
    done += n;
  }
  b->wlen = 0;
  return true;
}

// Drops the read-ahead, moving the raw stream back over it (before a write
// or a raw seek relative to the current position).
bool undo_readahead(Buffered* b) {
  int64_t ahead = b->rend - b->rpos;
  b->rpos = b->rend = 0;
  if (ahead > 0) return raw_seek(b, -ahead, 1, nullptr);
  return true;
}

// ---- reading -----------------------------------------------------------------------------------

// Refills the read buffer with one raw read: bytes read, 0 at EOF, -2 would
// block, -1 error.
int64_t fill_buffer(Buffered* b) {
  b->rpos = b->rend = 0;
  int64_t n = raw_read(b, b->rbuf->data(), b->buffer_size);
  if (n > 0) b->rend = n;
  return n;
}

bool prepare_read(Buffered* b, const char* closed_msg) {
  if (!check_open(b, closed_msg)) return false;
  if (b->writable && b->wlen && !flush_writes(b)) return false;
  return true;
}

Value read_all(Buffered* b) {
  std::string out(reinterpret_cast<const char*>(b->rbuf->data() + b->rpos), size_t(b->rend - b->rpos));
  b->rpos = b->rend = 0;
  static Str* const kReadall = intern("readall");
  Value readall = b->raw_is_fileio ? Value() : get_attr_or_null(b->raw, kReadall);
  if (has_error()) return {};
  if (b->raw_is_fileio || readall) {
    Value data = b->raw_is_fileio ? call_m(b->raw, "readall") : call0(readall);
    if (!data) return {};
    if (is_none(data)) {
      if (out.empty()) return data;
    } else {
      if (!is_bytes(data)) return raise(exc::TypeError, "readall() should return bytes");
      out.append(data.as<Bytes>()->view());
    }
    return bytes_from(out);
  }
  for (;;) {
    Value data = call_m(b->raw, "read");
    if (!data) return {};
    if (is_none(data)) {
      if (out.empty()) return data;
      break;
    }
    if (!is_bytes(data)) return raise(exc::TypeError, "read() should return bytes");
    std::string_view v = data.as<Bytes>()->view();
    if (v.empty()) break;
    out.append(v);
  }
  return bytes_from(out);
}

Value buffered_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 0, 1)) return {};
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  int64_t n = -1;
  if (nargs && !size_arg(args[0], &n)) return {};
  if (n < -1) return raise(exc::ValueError, "read length must be non-negative or -1");
  if (!prepare_read(b, "read of closed file")) return {};
  if (n == -1) return read_all(b);
  int64_t have = b->rend - b->rpos;
  if (n <= have) {
    Value r = bytes_from(b->rbuf->data() + b->rpos, size_t(n));
    b->rpos += n;
    return r;
  }
  // CPython's _bufferedreader_read_generic: whole blocks straight into the
  // result, then the last partial block through the buffer.
  std::string out(reinterpret_cast<const char*>(b->rbuf->data() + b->rpos), size_t(have));
  b->rpos = b->rend = 0;
  int64_t remaining = n - have;
  auto finish = [&](int64_t status) -> Value {
    if (status == -2 && out.empty()) return none();
    return bytes_from(out);
  };
  while (remaining > 0) {
    int64_t r = remaining - remaining % b->buffer_size;
    if (r == 0) break;
    size_t at = out.size();
    out.resize(at + size_t(r));
    int64_t got = raw_read(b, reinterpret_cast<uint8_t*>(out.data() + at), r);
    if (got == -1) return {};
    out.resize(at + size_t(got > 0 ? got : 0));
    if (got == 0 || got == -2) return finish(got);
    remaining -= got;
  }
  while (remaining > 0) {
    int64_t got = fill_buffer(b);
    if (got == -1) return {};
    if (got == 0 || got == -2) return finish(got);
    int64_t take = got < remaining ? got : remaining;
    out.append(reinterpret_cast<const char*>(b->rbuf->data()), size_t(take));
    b->rpos = take;
    remaining -= take;
  }
  return bytes_from(out);
}

Value buffered_read1(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read1", nargs, 0, 1)) return {};
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  int64_t n = -1;
  if (nargs && !size_arg(args[0], &n)) return {};
  if (n < 0) n = b->buffer_size;
  if (!prepare_read(b, "read of closed file")) return {};
  if (n == 0) return bytes_empty();
  int64_t have = b->rend - b->rpos;
  if (have == 0) {
    if (n > b->buffer_size) {
      Bytes* r = bytes_new_raw(n);
      if (!r) return {};
      int64_t got = raw_read(b, r->data(), n);
      if (got == -1) return {};
      if (got == -2) return none();
      return bytes_from(r->data(), size_t(got));
    }
    int64_t got = fill_buffer(b);
    if (got == -1) return {};
    if (got == -2) return none();
    have = b->rend - b->rpos;
  }
  if (n > have) n = have;
  Value r = bytes_from(b->rbuf->data() + b->rpos, size_t(n));
  b->rpos += n;
  return r;
}

Value readinto_impl(Value self, Value target, bool one, const char* fname) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  uint8_t* data;
  int64_t len;
  if (!writable_buffer(target, fname, &data, &len)) return {};
  if (!prepare_read(b, "readinto of closed file")) return {};
  int64_t written = 0;
  int64_t have = b->rend - b->rpos;
  int64_t take = have < len ? have : len;
  std::memcpy(data, b->rbuf->data() + b->rpos, size_t(take));
  b->rpos += take;
  written = take;
  while (written < len) {
    if (one && written > 0) break;
    int64_t remaining = len - written;
    int64_t got;
    if (remaining > b->buffer_size) {
      got = raw_read(b, data + written, remaining);
      if (got == -1) return {};
      if (got == -2) {
        if (!written) return none();
        break;
      }
      if (got == 0) break;
      written += got;
      // The target may have moved if raw Python code resized it: re-fetch.
      if (!writable_buffer(target, fname, &data, &len)) return {};
      continue;
    }
    got = fill_buffer(b);
    if (got == -1) return {};
    if (got == -2) {
      if (!written) return none();
      break;
    }
    if (got == 0) break;
    if (!writable_buffer(target, fname, &data, &len)) return {};
    int64_t t = got < len - written ? got : len - written;
    std::memcpy(data + written, b->rbuf->data(), size_t(t));
    b->rpos = t;
    written += t;
    if (one) break;
  }
  return int_from_i64(written);
}

Value buffered_readinto(Value self, const Value* args, size_t, Tuple*) {
  return readinto_impl(self, args[0], false, "readinto");
}
Value buffered_readinto1(Value self, const Value* args, size_t, Tuple*) {
  return readinto_impl(self, args[0], true, "readinto1");
}

Value buffered_peek(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("peek", nargs, 0, 1)) return {};
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  if (nargs) {
    int64_t ignored;
    if (!arg_ssize(args[0], &ignored)) return {};
  }
  if (!prepare_read(b, "peek of closed file")) return {};
  if (b->rend == b->rpos) {
    int64_t got = fill_buffer(b);
    if (got == -1) return {};
  }
  return bytes_from(b->rbuf->data() + b->rpos, size_t(b->rend - b->rpos));
}

Value readline_impl(Buffered* b, int64_t limit) {
  if (!prepare_read(b, "readline of closed file")) return {};
  std::string out;
  for (;;) {
    int64_t have = b->rend - b->rpos;
    if (limit >= 0 && have > limit - int64_t(out.size())) have = limit - int64_t(out.size());
    const uint8_t* start = b->rbuf->data() + b->rpos;
    const void* nl = std::memchr(start, '\n', size_t(have));
    if (nl) {
      int64_t k = int64_t(static_cast<const uint8_t*>(nl) - start) + 1;
      out.append(reinterpret_cast<const char*>(start), size_t(k));
      b->rpos += k;
      break;
    }
    out.append(reinterpret_cast<const char*>(start), size_t(have));
    b->rpos += have;
    if (limit >= 0 && int64_t(out.size()) >= limit) break;
    int64_t got = fill_buffer(b);
    if (got == -1) return {};
    if (got <= 0) break;
  }
  return bytes_from(out);
}

Value buffered_readline(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readline", nargs, 0, 1)) return {};
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  int64_t limit = -1;
  if (nargs && !size_arg(args[0], &limit)) return {};
  return readline_impl(b, limit);
}

Value buffered_next(Value self) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  Value line;
  if (type_of(self) == g_buffered_reader || type_of(self) == g_buffered_random) {
    line = readline_impl(b, -1);
  } else {
    line = call_m(self, "readline");
  }
  if (!line) return {};
  int64_t n = length(line);
  if (n <= 0) return {};
  return line;
}

// ---- writing -----------------------------------------------------------------------------------

bool write_bytes(Buffered* b, const uint8_t* data, int64_t n) {
  if (b->readable && b->rend > b->rpos && !undo_readahead(b)) return false;
  b->rpos = b->rend = 0;
  if (n <= b->buffer_size - b->wlen) {
    std::memcpy(b->wbuf->data() + b->wlen, data, size_t(n));
    b->wlen += n;
    return true;
  }
  if (!flush_writes(b)) return false;
  int64_t done = 0;
  while (n - done > b->buffer_size) {
    int64_t w = raw_write(b, data + done, n - done);
    if (w == -1) return false;
    if (w == -2) {
      // Keep what fits in the buffer, as CPython does.
      int64_t keep = n - done < b->buffer_size ? n - done : b->buffer_size;
      std::memcpy(b->wbuf->data(), data + done, size_t(keep));
      b->wlen = keep;
      raise_blocking(EAGAIN, "write could not complete without blocking", done + keep);
      return false;
    }
    done += w;
  }
  std::memcpy(b->wbuf->data(), data + done, size_t(n - done));
  b->wlen = n - done;
  return true;
}

Value buffered_write(Value self, const Value* args, size_t, Tuple*) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  BufferView view;
  if (!readable_buffer(args[0], &view)) return {};
  if (!check_open(b, "write to closed file")) return {};
  // Copy when the source is Python-mutable and a raw write may run code.
  if (!b->raw_is_fileio && !view.readonly) {
    std::string copy(reinterpret_cast<const char*>(view.data), size_t(view.length));
    if (!write_bytes(b, reinterpret_cast<const uint8_t*>(copy.data()), int64_t(copy.size()))) return {};
  } else if (!write_bytes(b, view.data, view.length)) {
    return {};
  }
  return int_from_i64(view.length);
}

Value buffered_flush(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  if (!b->writable) {
    // BufferedReader.flush: the raw stream's.
    return call_m(b->raw, "flush");
  }
  if (!check_open(b, "flush of closed file")) return {};
  if (!flush_writes(b)) return {};
  if (b->readable && b->rend > b->rpos && !undo_readahead(b)) return {};
  return none();
}

// ---- positioning -----------------------------------------------------------------------------

Value buffered_tell(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  int64_t pos;
  if (!raw_tell(b, &pos)) return {};
  pos = pos - (b->rend - b->rpos) + b->wlen;
  if (pos < 0) pos = 0;
  return int_from_i64(pos);
}

Value buffered_seek(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("seek", nargs, 1, 2)) return {};
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  Value target_v = args[0];
  int whence = 0;
  if (nargs == 2 && !arg_int(args[1], &whence)) return {};
  // SEEK_DATA and SEEK_HOLE (3, 4) go to the raw stream, as in CPython on Linux.
  if (whence < 0 || whence > 4) return raisef(exc::ValueError, "whence value %d unsupported", whence);
  if (!check_open(b, "seek of closed file")) return {};
  if (!check_seekable(b->raw)) return {};
  Value ti = index(target_v);
  if (!ti) return {};
  int64_t target;
  if (!arg_ssize(ti, &target)) return {};
  // Within the read buffer: move in it.
  if (whence < 2 && b->readable && b->rend > b->rpos && b->wlen == 0) {
    int64_t current;
    if (!raw_tell(b, &current)) return {};
    int64_t start = current - b->rend;           // raw offset of rbuf[0]
    int64_t here = current - (b->rend - b->rpos);
    int64_t offset = whence == 0 ? target - here : target;
    if (offset >= -b->rpos && offset <= b->rend - b->rpos) {
      b->rpos += offset;
      return int_from_i64(start + b->rpos);
    }
  }
  if (b->writable && b->wlen && !flush_writes(b)) return {};
  if (whence == 1) target -= b->rend - b->rpos;
  b->rpos = b->rend = 0;
  int64_t n;
  if (!raw_seek(b, target, whence, &n)) return {};
  return int_from_i64(n);
}

Value buffered_truncate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("truncate", nargs, 0, 1)) return {};
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  if (!check_open(b, "truncate of closed file")) return {};
  if (!b->writable) return raise_unsupported("truncate");
  if (!flush_writes(b)) return {};
  if (b->readable && b->rend > b->rpos && !undo_readahead(b)) return {};
  Value pos = nargs ? args[0] : none();
  Value r = call_m(b->raw, "truncate", {pos});
  return r;
}

// ---- the rest ----------------------------------------------------------------------------------

Value buffered_close(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  int c = raw_closed(b);
  if (c < 0) return {};
  if (c) return none();
  Value r = call_m(self, "flush");
  Object* flush_error = r ? nullptr : take_error();
  b->rpos = b->rend = 0;
  Value cr = call_m(b->raw, "close");
  if (!cr) {
    if (flush_error) {
      Object* close_error = take_error();
      exception_set_context(close_error, flush_error);
      set_error(close_error);
    }
    return {};
  }
  if (flush_error) {
    set_error(flush_error);
    return {};
  }
  return none();
}

Value buffered_detach(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  if (!call_m(self, "flush")) return {};
  Value raw = b->raw;
  set_wrapped(raw, false);
  b->raw = none();
  b->ok = false;
  b->detached = true;
  return raw;
}

Value delegate(Value self, const char* name) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  return call_m(b->raw, name);
}

Value buffered_seekable(Value self, const Value*, size_t, Tuple*) { return delegate(self, "seekable"); }
Value buffered_readable(Value self, const Value*, size_t, Tuple*) { return delegate(self, "readable"); }
Value buffered_writable(Value self, const Value*, size_t, Tuple*) { return delegate(self, "writable"); }
Value buffered_fileno(Value self, const Value*, size_t, Tuple*) { return delegate(self, "fileno"); }
Value buffered_isatty(Value self, const Value*, size_t, Tuple*) { return delegate(self, "isatty"); }

Value buffered_dealloc_warn(Value self, const Value* args, size_t, Tuple*) {
  Buffered* b = buf(self);
  if (b->ok && b->raw) {
    if (!call_m(b->raw, "_dealloc_warn", {args[0]})) clear_error();
  }
  return none();
}

Value buffered_sizeof(Value self, const Value*, size_t, Tuple*) {
  Buffered* b = buf(self);
  return int_from_i64(int64_t(type_of(self)->instance_size) + (b->ok ? b->buffer_size : 0));
}

Value buffered_repr(Value self) {
  std::string tname = type_name_of(type_of(self));
  Buffered* b = buf(self);
  static Str* const kName = intern("name");
  Value name = b->ok ? get_attr_or_null(self, kName) : Value();
  if (!name) {
    if (has_error()) {
      if (!error_matches(exc::ValueError) && !error_matches(exc::AttributeError)) return {};
      clear_error();
    }
    return str_format("<%s>", tname.c_str());
  }
  if (repr_enter(self)) return raisef(exc::RuntimeError, "reentrant call inside %s.__repr__", tname.c_str());
  Value r = repr(name);
  repr_leave(self);
  if (!r) return {};
  return str_format("<%s name=%s>", tname.c_str(), str_to_utf8(r.as<Str>()).c_str());
}

Value buffered_get_raw(Value self) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  return b->raw;
}
Value buffered_get_closed(Value self) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  static Str* const kClosed = intern("closed");
  return get_attr(b->raw, kClosed);
}
Value buffered_get_name(Value self) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  static Str* const kName = intern("name");
  return get_attr(b->raw, kName);
}
Value buffered_get_mode(Value self) {
  Buffered* b = buf(self);
  if (!check_init(b)) return {};
  static Str* const kMode = intern("mode");
  return get_attr(b->raw, kMode);
}
Value buffered_get_finalizing(Value self) { return py_bool(buf(self)->finalizing); }

#define PYR_BUFFERED_COMMON                                                 \
  {"detach", buffered_detach, MethodFlag::kNoArgs},                         \
      {"flush", buffered_flush, MethodFlag::kNoArgs},                       \
      {"close", buffered_close, MethodFlag::kNoArgs},                       \
      {"seekable", buffered_seekable, MethodFlag::kNoArgs},                 \
      {"fileno", buffered_fileno, MethodFlag::kNoArgs},                     \
      {"isatty", buffered_isatty, MethodFlag::kNoArgs},                     \
      {"_dealloc_warn", buffered_dealloc_warn, MethodFlag::kOneArg},        \
      {"seek", buffered_seek, MethodFlag::kVarArgs},                        \
      {"truncate", buffered_truncate, MethodFlag::kVarArgs},                \
      {"tell", buffered_tell, MethodFlag::kNoArgs},                         \
      {"__sizeof__", buffered_sizeof, MethodFlag::kNoArgs}

#define PYR_BUFFERED_READ                                                   \
  {"readable", buffered_readable, MethodFlag::kNoArgs},                     \
      {"read", buffered_read, MethodFlag::kVarArgs},                        \
      {"peek", buffered_peek, MethodFlag::kVarArgs},                        \
      {"read1", buffered_read1, MethodFlag::kVarArgs},                      \
      {"readinto", buffered_readinto, MethodFlag::kOneArg},                 \
      {"readinto1", buffered_readinto1, MethodFlag::kOneArg},               \
      {"readline", buffered_readline, MethodFlag::kVarArgs}

#define PYR_BUFFERED_WRITE                                                  \
  {"writable", buffered_writable, MethodFlag::kNoArgs},                     \
      {"write", buffered_write, MethodFlag::kOneArg}

const MethodDef kReaderMethods[] = {PYR_BUFFERED_COMMON, PYR_BUFFERED_READ, {nullptr, nullptr, 0}};
const MethodDef kWriterMethods[] = {PYR_BUFFERED_COMMON, PYR_BUFFERED_WRITE, {nullptr, nullptr, 0}};
const MethodDef kRandomMethods[] = {PYR_BUFFERED_COMMON, PYR_BUFFERED_READ, PYR_BUFFERED_WRITE,
                                    {nullptr, nullptr, 0}};

const GetSetDef kBufferedGetSets[] = {
    {"raw", buffered_get_raw},
    {"closed", buffered_get_closed},
    {"name", buffered_get_name},
    {"mode", buffered_get_mode},
    {"_finalizing", buffered_get_finalizing},
    {nullptr, nullptr},
};

// ---- BufferedRWPair ------------------------------------------------------------------------

void trace_rwpair(void* p, gc::Visitor& v) {
  trace_iobase(p, v);
  auto* r = static_cast<BufferedRWPair*>(p);
  visit_value(v, r->reader);
  visit_value(v, r->writer);
}

BufferedRWPair* pair(Value v) { return v.as<BufferedRWPair>(); }

Value rwpair_new(Type* type, const Value*, size_t, Tuple*) {
  auto* p = static_cast<BufferedRWPair*>(alloc_instance(type));
  gc::Heap::current()->register_finalizer(p);
  return p;
}

bool rwpair_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length && type_of(self) == g_buffered_rwpair) {
    raise(exc::TypeError, "BufferedRWPair() takes no keyword arguments");
    return false;
  }
  if (!check_nargs("BufferedRWPair", nargs, 2, 3)) return false;
  if (!check_readable(args[0]) || !check_writable(args[1])) return false;
  Value size = nargs == 3 ? args[2] : Value::small(kDefaultBufferSize);
  Value ra[2] = {args[0], size};
  Value reader = type_call(g_buffered_reader, ra, 2, nullptr);
  if (!reader) return false;
  Value wa[2] = {args[1], size};
  Value writer = type_call(g_buffered_writer, wa, 2, nullptr);
  if (!writer) return false;
  BufferedRWPair* p = pair(self);
  p->reader = reader;
  gc::write_barrier(p, &p->reader, reader.object());
  p->writer = writer;
  gc::write_barrier(p, &p->writer, writer.object());
  return true;
}

Value pair_side(Value self, bool writer) {
  BufferedRWPair* p = pair(self);
  Value v = writer ? p->writer : p->reader;
  if (!v) {
    raise(exc::ValueError, "I/O operation on uninitialized object");
    return {};
  }
  return v;
}

Value pair_call(Value self, bool writer, const char* name, const Value* args, size_t nargs) {
  Value side = pair_side(self, writer);
  if (!side) return {};
  return call_method(side, intern(name), args, nargs);
}

Value rwpair_read(Value s, const Value* a, size_t n, Tuple*) { return pair_call(s, false, "read", a, n); }
Value rwpair_peek(Value s, const Value* a, size_t n, Tuple*) { return pair_call(s, false, "peek", a, n); }
Value rwpair_read1(Value s, const Value* a, size_t n, Tuple*) { return pair_call(s, false, "read1", a, n); }
Value rwpair_readinto(Value s, const Value* a, size_t n, Tuple*) { return pair_call(s, false, "readinto", a, n); }
Value rwpair_readinto1(Value s, const Value* a, size_t n, Tuple*) {
  return pair_call(s, false, "readinto1", a, n);
}
Value rwpair_write(Value s, const Value* a, size_t n, Tuple*) { return pair_call(s, true, "write", a, n); }
Value rwpair_flush(Value s, const Value* a, size_t n, Tuple*) { return pair_call(s, true, "flush", a, n); }
Value rwpair_readable(Value s, const Value* a, size_t n, Tuple*) {
  return pair_call(s, false, "readable", a, n);
}
Value rwpair_writable(Value s, const Value* a, size_t n, Tuple*) {
  return pair_call(s, true, "writable", a, n);
}

Value rwpair_close(Value self, const Value*, size_t, Tuple*) {
  Value r = pair_call(self, true, "close", nullptr, 0);
  Object* werr = r ? nullptr : take_error();
  Value r2 = pair_call(self, false, "close", nullptr, 0);
  if (!r2) {
    if (werr) {
      Object* e = take_error();
      exception_set_context(e, werr);
      set_error(e);
    }
    return {};
  }
  if (werr) {
    set_error(werr);
    return {};
  }
  return r2;
}

Value rwpair_isatty(Value self, const Value*, size_t, Tuple*) {
  Value r = pair_call(self, true, "isatty", nullptr, 0);
  if (!r) return {};
  if (!r.is(py_bool(false))) return r;
  return pair_call(self, false, "isatty", nullptr, 0);
}

Value rwpair_get_closed(Value self) {
  Value w = pair_side(self, true);
  if (!w) return raise(exc::RuntimeError, "the BufferedRWPair object is being garbage-collected");
  static Str* const kClosed = intern("closed");
  return get_attr(w, kClosed);
}

const MethodDef kRWPairMethods[] = {
    {"read", rwpair_read, MethodFlag::kVarArgs},
    {"peek", rwpair_peek, MethodFlag::kVarArgs},
    {"read1", rwpair_read1, MethodFlag::kVarArgs},
    {"readinto", rwpair_readinto, MethodFlag::kVarArgs},
    {"readinto1", rwpair_readinto1, MethodFlag::kVarArgs},
    {"write", rwpair_write, MethodFlag::kVarArgs},
    {"flush", rwpair_flush, MethodFlag::kVarArgs},
    {"readable", rwpair_readable, MethodFlag::kVarArgs},
    {"writable", rwpair_writable, MethodFlag::kVarArgs},
    {"close", rwpair_close, MethodFlag::kNoArgs},
    {"isatty", rwpair_isatty, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kRWPairGetSets[] = {
    {"closed", rwpair_get_closed},
    {nullptr, nullptr},
};

}  // namespace

void make_buffered_types() {
  struct Row {
    Type** into;
    const char* name;
    InitFn init;
    const MethodDef* methods;
    const char* doc;
  };
  const Row rows[] = {
      {&g_buffered_reader, "BufferedReader", reader_init, kReaderMethods, "Create a new buffered reader using the given readable raw IO object."},
      {&g_buffered_writer, "BufferedWriter", writer_init, kWriterMethods, "A buffer for a writeable sequential RawIO object."},
      {&g_buffered_random, "BufferedRandom", random_init, kRandomMethods, "A buffered interface to random access streams."},
  };
  for (const Row& r : rows) {
    TypeSpec spec = io_type_spec(r.name, g_bufferediobase, sizeof(Buffered), trace_buffered);
    spec.slots.new_ = buffered_new;
    spec.slots.init = r.init;
    spec.slots.repr = buffered_repr;
    if (r.into != &g_buffered_writer) spec.slots.next = buffered_next;
    spec.methods = r.methods;
    spec.getsets = kBufferedGetSets;
    spec.doc = r.doc;
    make_builtin_type(r.into, spec);
  }
  TypeSpec spec = io_type_spec("BufferedRWPair", g_bufferediobase, sizeof(BufferedRWPair), trace_rwpair);
  spec.slots.new_ = rwpair_new;
  spec.slots.init = rwpair_init;
  spec.methods = kRWPairMethods;
  spec.getsets = kRWPairGetSets;
  spec.doc = "A buffered reader and writer object together.";
  make_builtin_type(&g_buffered_rwpair, spec);
}

}  // namespace pyrite::python::io

namespace pyrite::python::io {

bool is_exact_buffered_writer(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  return t == g_buffered_writer || t == g_buffered_random;
}

bool buffered_write_fast(Value buffer, const uint8_t* data, int64_t n) {
  Buffered* b = buf(buffer);
  if (!check_init(b) || !check_open(b, "write to closed file")) return false;
  return write_bytes(b, data, n);
}

bool buffered_flush_fast(Value buffer) { return static_cast<bool>(buffered_flush(buffer, nullptr, 0, nullptr)); }

int buffered_fast_closed(Value buffer) {
  if (!buffer.is_object()) return -1;
  Type* t = type_of(buffer);
  if (t != g_buffered_writer && t != g_buffered_random && t != g_buffered_reader) return -1;
  Buffered* b = buf(buffer);
  if (!b->ok || !b->raw_is_fileio) return -1;
  return b->raw.as<FileIO>()->fd < 0;
}

}  // namespace pyrite::python::io
