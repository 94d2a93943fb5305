// _io.BytesIO and _io.StringIO: in-memory binary and text streams
// (docs/modules.md, "_io"). Their contents live in a private GC Bytes used
// as a growable array (bytes for BytesIO, char32_t code points for
// StringIO); `string_size` is the logical size, which may be less than the
// capacity. Writing past the end pads with zero bytes / '\0', as CPython.
#include <cstring>

#include "python/modules/io.h"
#include "python/objects/dict.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str_methods.h"
#include "python/objects/tuple.h"

namespace pyrite::python::io {

Type* g_bytesio = nullptr;
Type* g_stringio = nullptr;

namespace {

// Capacity growth shared by both: at least `need` units of `unit` bytes.
bool ensure_capacity(Object* owner, Bytes** field, int64_t need, int64_t unit, int64_t used) {
  int64_t cap = *field ? (*field)->length / unit : 0;
  if (need <= cap) return true;
  int64_t n = cap < 16 ? 16 : cap;
  while (n < need) n += n / 2 + 8;
  Bytes* nb = bytes_new_raw(n * unit);
  if (!nb) return false;
  if (*field && used) std::memcpy(nb->data(), (*field)->data(), size_t(used * unit));
  gc::store_ref(owner, field, nb);
  return true;
}

bool seek_args(const char* name, const Value* args, size_t nargs, int64_t* pos, int* whence) {
  if (!check_nargs(name, nargs, 1, 2)) return false;
  if (!arg_ssize(args[0], pos)) return false;
  *whence = 0;
  if (nargs == 2 && !arg_int(args[1], whence)) return false;
  return true;
}

// ---- BytesIO -------------------------------------------------------------------------------

void trace_bytesio(void* p, gc::Visitor& v) {
  trace_iobase(p, v);
  v.visit(static_cast<BytesIO*>(p)->buf);
}

BytesIO* bio(Value v) { return v.as<BytesIO>(); }

bool bio_check(BytesIO* b) {
  if (b->iobase_closed || !b->buf) {
    if (!b->buf) {
      raise(exc::ValueError, "I/O operation on closed file.");
      return false;
    }
  }
  return true;
}

bool bio_check_exports(BytesIO* b) {
  if (b->exports > 0) {
    raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

uint8_t* bio_data(BytesIO* b) { return b->buf->data(); }

Value bytesio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* b = static_cast<BytesIO*>(alloc_instance(type));
  Bytes* buf = bytes_new_raw(0);
  if (!buf) return {};
  gc::store_ref(b, &b->buf, buf);
  return b;
}

int64_t bio_write(BytesIO* b, const uint8_t* p, int64_t n) {
  if (n == 0) return 0;
  int64_t end = b->pos + n;
  if (!ensure_capacity(b, &b->buf, end, 1, b->string_size)) return -1;
  if (b->pos > b->string_size) std::memset(bio_data(b) + b->string_size, 0, size_t(b->pos - b->string_size));
  std::memcpy(bio_data(b) + b->pos, p, size_t(n));
  b->pos = end;
  if (end > b->string_size) b->string_size = end;
  return n;
}

bool bytesio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"initial_bytes", nullptr};
  Value initial;
  ArgSpec spec{"BytesIO", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&initial})) return false;
  BytesIO* b = bio(self);
  if (!bio_check_exports(b)) return false;
  b->string_size = 0;
  b->pos = 0;
  if (initial && !is_none(initial)) {
    BufferView view;
    if (!readable_buffer(initial, &view)) return false;
    std::string copy(reinterpret_cast<const char*>(view.data), size_t(view.length));
    if (bio_write(b, reinterpret_cast<const uint8_t*>(copy.data()), int64_t(copy.size())) < 0) return false;
    b->pos = 0;
  }
  return true;
}

Value bytesio_getvalue(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  return bytes_from(bio_data(b), size_t(b->string_size));
}

Value bytesio_getbuffer(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  // TODO(#6): a view sharing the buffer (CPython's exports); this one is a snapshot.
  Value copy = bytes_from(bio_data(b), size_t(b->string_size));
  return call1(types::memoryview, copy);
}

Value bytesio_true(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(bio(self))) return {};
  return py_bool(true);
}
Value bytesio_isatty(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(bio(self))) return {};
  return py_bool(false);
}
Value bytesio_flush(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(bio(self))) return {};
  return none();
}
Value bytesio_tell(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  return int_from_i64(b->pos);
}

int64_t bio_avail(BytesIO* b, int64_t size) {
  int64_t avail = b->string_size > b->pos ? b->string_size - b->pos : 0;
  if (size < 0 || size > avail) size = avail;
  return size;
}

Value bytesio_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 0, 1)) return {};
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  int64_t size = -1;
  if (nargs && !size_arg(args[0], &size)) return {};
  size = bio_avail(b, size);
  Value r = bytes_from(bio_data(b) + b->pos, size_t(size));
  b->pos += size;
  return r;
}

Value bytesio_readinto(Value self, const Value* args, size_t, Tuple*) {
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  uint8_t* data;
  int64_t len;
  if (!writable_buffer(args[0], "readinto", &data, &len)) return {};
  int64_t n = bio_avail(b, len);
  std::memcpy(data, bio_data(b) + b->pos, size_t(n));
  b->pos += n;
  return int_from_i64(n);
}

int64_t bio_line_length(BytesIO* b, int64_t limit) {
  int64_t avail = bio_avail(b, -1);
  if (limit >= 0 && limit < avail) avail = limit;
  const uint8_t* start = bio_data(b) + b->pos;
  const void* nl = std::memchr(start, '\n', size_t(avail));
  return nl ? int64_t(static_cast<const uint8_t*>(nl) - start) + 1 : avail;
}

Value bytesio_readline(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readline", nargs, 0, 1)) return {};
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  int64_t size = -1;
  if (nargs && !size_arg(args[0], &size)) return {};
  int64_t n = bio_line_length(b, size);
  Value r = bytes_from(bio_data(b) + b->pos, size_t(n));
  b->pos += n;
  return r;
}

Value bytesio_readlines(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readlines", nargs, 0, 1)) return {};
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  int64_t hint = -1;
  if (nargs && !size_arg(args[0], &hint)) return {};
  List* l = list_new();
  int64_t total = 0;
  for (;;) {
    int64_t n = bio_line_length(b, -1);
    if (n == 0) break;
    if (!list_append(l, bytes_from(bio_data(b) + b->pos, size_t(n)))) return {};
    b->pos += n;
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return l;
}

Value bytesio_next(Value self) {
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  int64_t n = bio_line_length(b, -1);
  if (n == 0) return {};
  Value r = bytes_from(bio_data(b) + b->pos, size_t(n));
  b->pos += n;
  return r;
}

Value bytesio_iter(Value self) { return self; }

Value bytesio_write(Value self, const Value* args, size_t, Tuple*) {
  BytesIO* b = bio(self);
  if (!bio_check(b) || !bio_check_exports(b)) return {};
  BufferView view;
  if (!readable_buffer(args[0], &view)) return {};
  if (view.length == 0) return Value::small(0);
  std::string copy(reinterpret_cast<const char*>(view.data), size_t(view.length));
  int64_t n = bio_write(b, reinterpret_cast<const uint8_t*>(copy.data()), int64_t(copy.size()));
  if (n < 0) return {};
  return int_from_i64(n);
}

Value bytesio_seek(Value self, const Value* args, size_t nargs, Tuple*) {
  int64_t pos;
  int whence;
  if (!seek_args("seek", args, nargs, &pos, &whence)) return {};
  BytesIO* b = bio(self);
  if (!bio_check(b)) return {};
  if (pos < 0 && whence == 0) return raisef(exc::ValueError, "negative seek value %lld", (long long)pos);
  if (whence == 1) {
    pos = pos > INT64_MAX - b->pos ? INT64_MAX : pos + b->pos;
  } else if (whence == 2) {
    pos = pos > INT64_MAX - b->string_size ? INT64_MAX : pos + b->string_size;
  } else if (whence != 0) {
    return raisef(exc::ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  }
  if (pos < 0) pos = 0;
  b->pos = pos;
  return int_from_i64(pos);
}

Value bytesio_truncate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("truncate", nargs, 0, 1)) return {};
  BytesIO* b = bio(self);
  if (!bio_check(b) || !bio_check_exports(b)) return {};
  int64_t size = b->pos;
  if (nargs && !is_none(args[0]) && !arg_ssize(args[0], &size)) return {};
  if (size < 0) return raisef(exc::ValueError, "negative size value %lld", (long long)size);
  if (size < b->string_size) b->string_size = size;
  return int_from_i64(size);
}

Value bytesio_close(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = bio(self);
  if (!bio_check_exports(b)) return {};
  b->buf = nullptr;
  b->iobase_closed = true;
  return none();
}

Value bytesio_get_closed(Value self) { return py_bool(bio(self)->buf == nullptr); }

Value bytesio_getstate(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = bio(self);
  Value v = bytesio_getvalue(self, nullptr, 0, nullptr);
  if (!v) return {};
  Value d = instance_dict(self);
  if (!d) return {};
  Value dcopy = call_m(d, "copy");
  if (!dcopy) return {};
  return tuple_of({v, int_from_i64(b->pos), dcopy});
}

Value bytesio_setstate(Value self, const Value* args, size_t, Tuple*) {
  Value state = args[0];
  if (!is_tuple(state) || state.as<Tuple>()->length < 3) {
    return raisef(exc::TypeError, "%s.__setstate__ argument should be 3-tuple, got %s",
                  type_name(self).c_str(), type_name(state).c_str());
  }
  Tuple* t = state.as<Tuple>();
  BytesIO* b = bio(self);
  if (!bio_check_exports(b)) return {};
  b->string_size = 0;
  b->pos = 0;
  BufferView view;
  if (!readable_buffer(t->items()[0], &view)) return {};
  std::string copy(reinterpret_cast<const char*>(view.data), size_t(view.length));
  if (bio_write(b, reinterpret_cast<const uint8_t*>(copy.data()), int64_t(copy.size())) < 0) return {};
  Value pos = t->items()[1];
  if (!is_int(pos)) {
    return raisef(exc::TypeError, "second item of state must be an integer, not %s", type_name(pos).c_str());
  }
  int64_t p;
  if (!arg_ssize(pos, &p)) return {};
  if (p < 0) return raise(exc::ValueError, "position value cannot be negative");
  b->pos = p;
  Value d = t->items()[2];
  if (!is_none(d)) {
    if (!is_dict(d)) {
      return raisef(exc::TypeError, "third item of state should be a dict, got a %s", type_name(d).c_str());
    }
    Value mine = instance_dict(self);
    if (!mine || !call_m(mine, "update", {d})) return {};
  }
  return none();
}

Value bytesio_sizeof(Value self, const Value*, size_t, Tuple*) {
  BytesIO* b = bio(self);
  int64_t n = int64_t(sizeof(BytesIO));
  if (b->buf) n += b->buf->length + 1 + 33;
  return int_from_i64(n);
}

const MethodDef kBytesIOMethods[] = {
    {"readable", bytesio_true, MethodFlag::kNoArgs},
    {"seekable", bytesio_true, MethodFlag::kNoArgs},
    {"writable", bytesio_true, MethodFlag::kNoArgs},
    {"close", bytesio_close, MethodFlag::kNoArgs},
    {"flush", bytesio_flush, MethodFlag::kNoArgs},
    {"isatty", bytesio_isatty, MethodFlag::kNoArgs},
    {"tell", bytesio_tell, MethodFlag::kNoArgs},
    {"write", bytesio_write, MethodFlag::kOneArg},
    {"read", bytesio_read, MethodFlag::kVarArgs},
    {"read1", bytesio_read, MethodFlag::kVarArgs},
    {"readinto", bytesio_readinto, MethodFlag::kOneArg},
    {"readline", bytesio_readline, MethodFlag::kVarArgs},
    {"readlines", bytesio_readlines, MethodFlag::kVarArgs},
    {"getbuffer", bytesio_getbuffer, MethodFlag::kNoArgs},
    {"getvalue", bytesio_getvalue, MethodFlag::kNoArgs},
    {"seek", bytesio_seek, MethodFlag::kVarArgs},
    {"truncate", bytesio_truncate, MethodFlag::kVarArgs},
    {"__getstate__", bytesio_getstate, MethodFlag::kNoArgs},
    {"__setstate__", bytesio_setstate, MethodFlag::kOneArg},
    {"__sizeof__", bytesio_sizeof, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kBytesIOGetSets[] = {
    {"closed", bytesio_get_closed, nullptr, "True if the file is closed."},
    {nullptr, nullptr},
};

// ---- StringIO ------------------------------------------------------------------------------

void trace_stringio(void* p, gc::Visitor& v) {
  trace_iobase(p, v);
  auto* s = static_cast<StringIO*>(p);
  v.visit(s->buf);
  v.visit(s->decoder);
  v.visit(s->readnl);
  v.visit(s->writenl);
}

StringIO* sio(Value v) { return v.as<StringIO>(); }
char32_t* sdata(StringIO* s) { return reinterpret_cast<char32_t*>(reinterpret_cast<Bytes*>(s->buf)->data()); }

bool sio_check(StringIO* s) {
  if (!s->ok) {
    raise(exc::ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (s->closed) {
    raise(exc::ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

Value stringio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* s = static_cast<StringIO*>(alloc_instance(type));
  return s;
}

// Appends the (already translated) code points at pos.
bool sio_write_cps(StringIO* s, const char32_t* p, int64_t n) {
  if (n == 0) return true;
  int64_t end = s->pos + n;
  if (!ensure_capacity(s, reinterpret_cast<Bytes**>(&s->buf), end, 4, s->string_size)) return false;
  char32_t* d = sdata(s);
  for (int64_t i = s->string_size; i < s->pos; i++) d[i] = 0;
  std::memcpy(d + s->pos, p, size_t(n) * 4);
  s->pos = end;
  if (end > s->string_size) s->string_size = end;
  return true;
}

// write(): the newline decoder (newline=None or ''), then newline
// translation for '\r' and '\r\n'.
bool sio_write(StringIO* s, Value text) {
  Str* str = text.as<Str>();
  if (str->length == 0) return true;
  Value decoded = text;
  if (s->decoder) {
    decoded = nldecoder_decode(s->decoder, text, true);
    if (!decoded) return false;
  }
  std::u32string cps = str_to_u32(decoded.as<Str>());
  if (s->writenl) {
    std::u32string nl = str_to_u32(reinterpret_cast<Str*>(s->writenl));
    std::u32string out;
    for (char32_t c : cps) {
      if (c == '\n')
        out += nl;
      else
        out += c;
    }
    cps.swap(out);
  }
  return sio_write_cps(s, cps.data(), int64_t(cps.size()));
}

bool stringio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"initial_value", "newline", nullptr};
  Value initial, newline;
  ArgSpec spec{"StringIO", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&initial, &newline})) return false;
  StringIO* s = sio(self);
  Str* nl = nullptr;
  if (newline && !is_none(newline)) {
    if (!is_str(newline)) {
      raisef(exc::TypeError, "newline must be str or None, not %s", type_name(newline).c_str());
      return false;
    }
    nl = newline.as<Str>();
    std::string n = str_to_utf8(nl);
    if (n != "" && n != "\n" && n != "\r" && n != "\r\n") {
      Value r = repr(newline);
      if (r) raisef(exc::ValueError, "illegal newline value: %s", str_to_utf8(r.as<Str>()).c_str());
      return false;
    }
  } else if (!newline) {
    nl = intern("\n");
  }
  if (initial && !is_none(initial) && !is_str(initial)) {
    raisef(exc::TypeError, "initial_value must be str or None, not %s", type_name(initial).c_str());
    return false;
  }
  s->ok = false;
  s->closed = false;
  gc::store_ref(s, &s->readnl, static_cast<Object*>(nl && nl->length ? nl : nullptr));
  s->readuniversal = !nl || nl->length == 0;
  s->readtranslate = !nl;
  Object* writenl = nullptr;
  if (nl && nl->length && nl->at(0) == '\r') writenl = nl;
  gc::store_ref(s, &s->writenl, writenl);
  Object* dec = nullptr;
  if (s->readuniversal) {
    Value d = nldecoder_new(none(), s->readtranslate, str_from_ascii("strict"));
    if (!d) return false;
    dec = d.object();
  }
  gc::store_ref(s, &s->decoder, dec);
  s->string_size = 0;
  s->pos = 0;
  s->ok = true;
  if (initial && !is_none(initial) && initial.as<Str>()->length) {
    if (!sio_write(s, initial)) return false;
    s->pos = 0;
  }
  return true;
}

Str* sio_slice(StringIO* s, int64_t start, int64_t n) {
  return str_from_code_points(sdata(s) + start, size_t(n));
}

Value stringio_getvalue(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = sio(self);
  if (!sio_check(s)) return {};
  if (!s->string_size) return str_empty();
  return sio_slice(s, 0, s->string_size);
}

Value stringio_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 0, 1)) return {};
  StringIO* s = sio(self);
  int64_t size = -1;
  if (nargs && !size_arg(args[0], &size)) return {};
  if (!sio_check(s)) return {};
  int64_t avail = s->string_size > s->pos ? s->string_size - s->pos : 0;
  if (size < 0 || size > avail) size = avail;
  if (size == 0) return str_empty();
  Value r = sio_slice(s, s->pos, size);
  s->pos += size;
  return r;
}

// Length of the line at pos (CPython's _PyIO_find_line_ending over the buffer).
int64_t sio_line_length(StringIO* s, int64_t limit) {
  int64_t avail = s->string_size > s->pos ? s->string_size - s->pos : 0;
  if (limit >= 0 && limit < avail) avail = limit;
  const char32_t* p = sdata(s) + s->pos;
  if (s->readtranslate || (!s->readuniversal && !s->readnl)) {
    for (int64_t i = 0; i < avail; i++)
      if (p[i] == '\n') return i + 1;
    return avail;
  }
  if (s->readuniversal) {
    for (int64_t i = 0; i < avail; i++) {
      if (p[i] == '\n') return i + 1;
      if (p[i] == '\r') return (i + 1 < avail && p[i + 1] == '\n') ? i + 2 : i + 1;
    }
    return avail;
  }
  Str* nl = reinterpret_cast<Str*>(s->readnl);
  int64_t k = nl->length;
  for (int64_t i = 0; i + k <= avail; i++) {
    bool match = true;
    for (int64_t j = 0; j < k; j++)
      if (p[i + j] != nl->at(j)) {
        match = false;
        break;
      }
    if (match) return i + k;
  }
  return avail;
}

Value stringio_readline(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readline", nargs, 0, 1)) return {};
  StringIO* s = sio(self);
  int64_t size = -1;
  if (nargs && !size_arg(args[0], &size)) return {};
  if (!sio_check(s)) return {};
  int64_t n = sio_line_length(s, size);
  if (n == 0) return str_empty();
  Value r = sio_slice(s, s->pos, n);
  s->pos += n;
  return r;
}

Value stringio_next(Value self) {
  StringIO* s = sio(self);
  if (!sio_check(s)) return {};
  Value line;
  if (type_of(self) == g_stringio) {
    int64_t n = sio_line_length(s, -1);
    if (n == 0) return {};
    line = sio_slice(s, s->pos, n);
    s->pos += n;
    return line;
  }
  line = call_m(self, "readline");
  if (!line) return {};
  if (!is_str(line)) {
    return raisef(exc::OSError, "readline() should have returned a str object, not '%s'", type_name(line).c_str());
  }
  if (line.as<Str>()->length == 0) return {};
  return line;
}

Value stringio_write(Value self, const Value* args, size_t, Tuple*) {
  StringIO* s = sio(self);
  if (!s->ok) return raise(exc::ValueError, "I/O operation on uninitialized object");
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "string argument expected, got '%s'", type_name(args[0]).c_str());
  }
  if (!sio_check(s)) return {};
  int64_t n = args[0].as<Str>()->length;
  if (n > 0 && !sio_write(s, args[0])) return {};
  return int_from_i64(n);
}

Value stringio_tell(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = sio(self);
  if (!sio_check(s)) return {};
  return int_from_i64(s->pos);
}

Value stringio_seek(Value self, const Value* args, size_t nargs, Tuple*) {
  int64_t pos;
  int whence;
  if (!seek_args("seek", args, nargs, &pos, &whence)) return {};
  StringIO* s = sio(self);
  if (!sio_check(s)) return {};
  if (whence != 0 && whence != 1 && whence != 2)
    return raisef(exc::ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence);
  if (pos < 0 && whence == 0) return raisef(exc::ValueError, "Negative seek position %lld", (long long)pos);
  if (whence != 0 && pos != 0) return raise(exc::OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 1) pos = s->pos;
  if (whence == 2) pos = s->string_size;
  s->pos = pos;
  return int_from_i64(pos);
}

Value stringio_truncate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("truncate", nargs, 0, 1)) return {};
  StringIO* s = sio(self);
  if (!sio_check(s)) return {};
  int64_t size = s->pos;
  if (nargs && !is_none(args[0]) && !arg_ssize(args[0], &size)) return {};
  if (size < 0) return raisef(exc::ValueError, "Negative size value %lld", (long long)size);
  if (size < s->string_size) s->string_size = size;
  return int_from_i64(size);
}

Value stringio_true(Value self, const Value*, size_t, Tuple*) {
  if (!sio_check(sio(self))) return {};
  return py_bool(true);
}

Value stringio_close(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = sio(self);
  s->closed = true;
  s->iobase_closed = true;
  s->buf = nullptr;
  s->string_size = 0;
  return none();
}

Value stringio_get_closed(Value self) {
  StringIO* s = sio(self);
  if (!s->ok) return raise(exc::ValueError, "I/O operation on uninitialized object");
  return py_bool(s->closed);
}
Value stringio_get_line_buffering(Value self) {
  if (!sio_check(sio(self))) return {};
  return py_bool(false);
}
Value stringio_get_newlines(Value self) {
  StringIO* s = sio(self);
  if (!sio_check(s)) return {};
  if (!s->decoder) return none();
  return nldecoder_newlines(s->decoder);
}

Value stringio_getstate(Value self, const Value*, size_t, Tuple*) {
  StringIO* s = sio(self);
  Value v = stringio_getvalue(self, nullptr, 0, nullptr);
  if (!v) return {};
  Value d = instance_dict(self);
  if (!d) return {};
  Value dcopy = call_m(d, "copy");
  if (!dcopy) return {};
  Value nl = s->readtranslate ? none() : s->readnl ? Value(s->readnl) : Value(str_empty());
  return tuple_of({v, nl, int_from_i64(s->pos), dcopy});
}

Value stringio_setstate(Value self, const Value* args, size_t, Tuple*) {
  StringIO* s = sio(self);
  if (s->closed) return raise(exc::ValueError, "I/O operation on closed file");
  Value state = args[0];
  if (!is_tuple(state) || state.as<Tuple>()->length < 4) {
    return raisef(exc::TypeError, "%s.__setstate__ argument should be 4-tuple, got %s",
                  type_name(self).c_str(), type_name(state).c_str());
  }
  Tuple* t = state.as<Tuple>();
  Value init_args[2] = {none(), t->items()[1]};
  if (!stringio_init(self, init_args, 2, nullptr)) return {};
  Value v = t->items()[0];
  if (!is_str(v)) return raise(exc::TypeError, "initial_value must be str");
  std::u32string cps = str_to_u32(v.as<Str>());
  s->string_size = 0;
  s->pos = 0;
  if (!sio_write_cps(s, cps.data(), int64_t(cps.size()))) return {};
  Value pos = t->items()[2];
  if (!is_int(pos)) return raise(exc::TypeError, "third item of state must be an integer");
  int64_t p;
  if (!arg_ssize(pos, &p)) return {};
  if (p < 0) return raise(exc::ValueError, "position value cannot be negative");
  s->pos = p;
  Value d = t->items()[3];
  if (!is_none(d)) {
    if (!is_dict(d)) {
      return raisef(exc::TypeError, "fourth item of state should be a dict, got a %s", type_name(d).c_str());
    }
    Value mine = instance_dict(self);
    if (!mine || !call_m(mine, "update", {d})) return {};
  }
  return none();
}

const MethodDef kStringIOMethods[] = {
    {"close", stringio_close, MethodFlag::kNoArgs},
    {"getvalue", stringio_getvalue, MethodFlag::kNoArgs},
    {"read", stringio_read, MethodFlag::kVarArgs},
    {"readline", stringio_readline, MethodFlag::kVarArgs},
    {"tell", stringio_tell, MethodFlag::kNoArgs},
    {"truncate", stringio_truncate, MethodFlag::kVarArgs},
    {"seek", stringio_seek, MethodFlag::kVarArgs},
    {"write", stringio_write, MethodFlag::kOneArg},
    {"seekable", stringio_true, MethodFlag::kNoArgs},
    {"readable", stringio_true, MethodFlag::kNoArgs},
    {"writable", stringio_true, MethodFlag::kNoArgs},
    {"__getstate__", stringio_getstate, MethodFlag::kNoArgs},
    {"__setstate__", stringio_setstate, MethodFlag::kOneArg},
    {nullptr, nullptr, 0},
};
const GetSetDef kStringIOGetSets[] = {
    {"closed", stringio_get_closed},
    {"newlines", stringio_get_newlines},
    {"line_buffering", stringio_get_line_buffering},
    {nullptr, nullptr},
};

}  // namespace

void make_bytes_types() {
  {
    TypeSpec spec = io_type_spec("BytesIO", g_bufferediobase, sizeof(BytesIO), trace_bytesio);
    spec.slots.new_ = bytesio_new;
    spec.slots.init = bytesio_init;
    spec.slots.iter = bytesio_iter;
    spec.slots.next = bytesio_next;
    spec.methods = kBytesIOMethods;
    spec.getsets = kBytesIOGetSets;
    spec.doc = "Buffered I/O implementation using an in-memory bytes buffer.";
    make_builtin_type(&g_bytesio, spec);
  }
  {
    TypeSpec spec = io_type_spec("StringIO", g_textiobase, sizeof(StringIO), trace_stringio);
    spec.slots.new_ = stringio_new;
    spec.slots.init = stringio_init;
    spec.slots.next = stringio_next;
    spec.methods = kStringIOMethods;
    spec.getsets = kStringIOGetSets;
    spec.doc = "Text I/O implementation using an in-memory buffer.";
    make_builtin_type(&g_stringio, spec);
  }
}

}  // namespace pyrite::python::io
