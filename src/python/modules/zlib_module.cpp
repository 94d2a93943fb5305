// The zlib module over the system's zlib: compress/decompress, the
// streaming Compress and Decompress objects, adler32/crc32 and the
// constants, as CPython 3.11's (docs/modules.md, "zlib").
//
// Output grows in the blocks CPython's output buffer hands to zlib (32 KiB,
// 64 KiB, 256 KiB, ...), because with Decompress.decompress(max_length)
// how much input inflate() consumes, and so unconsumed_tail, depends on
// how much room each call had. A stream object owns its z_stream (zlib's
// memory is malloc'd); a finalizer ends it when the object dies.
#include <zlib.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

constexpr int kDefBufSize = 16 * 1024;
constexpr int kDefMemLevel = 8;

Type* g_error = nullptr;       // zlib.error
Type* g_compress = nullptr;    // zlib.Compress
Type* g_decompress = nullptr;  // zlib.Decompress

// A Compress or Decompress object.
struct ZStream : Object {
  z_stream zst;
  bool initialised;
  bool eof;               // Decompress: the end of the stream was seen
  bool compress;          // which kind (the finalizer ends the right one)
  Value unused_data;      // bytes
  Value unconsumed_tail;  // bytes
  Value zdict;            // null or the dictionary object
};

void trace_zstream(void* p, gc::Visitor& v) {
  auto* z = static_cast<ZStream*>(p);
  v.visit(z->type);
  visit_value(v, z->unused_data);
  visit_value(v, z->unconsumed_tail);
  visit_value(v, z->zdict);
}

void finalize_zstream(void* p) {
  auto* z = static_cast<ZStream*>(p);
  if (!z->initialised) return;
  z->initialised = false;
  if (z->compress) {
    deflateEnd(&z->zst);
  } else {
    inflateEnd(&z->zst);
  }
}

ZStream* as_stream(Value v) { return static_cast<ZStream*>(v.as<Object>()); }

void set_field(ZStream* z, Value* field, Value v) {
  gc::write_barrier(z, field, v.is_object() ? v.object() : nullptr);
  *field = v;
}

// CPython's zlib_error: zlib's own message when it has one, else a
// description of the code.
Value zlib_error(const z_stream& zst, int err, const char* msg) {
  const char* zmsg = nullptr;
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (!zmsg) zmsg = zst.msg;
  if (!zmsg) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
    }
  }
  if (!zmsg) return raisef(g_error, "Error %d %s", err, msg);
  return raisef(g_error, "Error %d %s: %.200s", err, msg, zmsg);
}

// ---- output blocks ------------------------------------------------------------------------------

constexpr int64_t kKiB = 1024, kMiB = 1024 * 1024;
constexpr int64_t kBlockSizes[] = {32 * kKiB,  64 * kKiB,  256 * kKiB, 1 * kMiB,   4 * kMiB,
                                   8 * kMiB,   16 * kMiB,  16 * kMiB,  32 * kMiB,  32 * kMiB,
                                   32 * kMiB,  32 * kMiB,  64 * kMiB,  64 * kMiB,  128 * kMiB,
                                   128 * kMiB, 256 * kMiB};

// The output of one call, grown block by block up to `max` bytes (-1: no
// limit).
class Output {
 public:
  // The first block is `init` bytes, or the table's first bounded by max.
  Output(int64_t max, int64_t init = -1) : max_(max) {
    int64_t first = init >= 0 ? init : kBlockSizes[0];
    if (init < 0 && max >= 0 && first > max) first = max;
    grow_by(first);
  }
  // Gives zlib the room left, adding a block when it is full. False when
  // the limit is reached (nothing to give).
  bool arrange(z_stream* zst) {
    if (avail_ == 0) {
      int64_t used = int64_t(buf_.size());
      if (max_ >= 0 && used >= max_) return false;
      int64_t size = kBlockSizes[blocks_ < std::size(kBlockSizes) ? blocks_ : std::size(kBlockSizes) - 1];
      if (max_ >= 0 && size > max_ - used) size = max_ - used;
      grow_by(size);
    }
    zst->next_out = reinterpret_cast<Bytef*>(buf_.data()) + (buf_.size() - avail_);
    zst->avail_out = uInt(avail_);
    return true;
  }
  // After zlib ran: how much of the room it used.
  void took(const z_stream& zst) { avail_ = zst.avail_out; }
  Value finish() { return bytes_from(buf_.data(), buf_.size() - avail_); }

 private:
  void grow_by(int64_t n) {
    buf_.resize(buf_.size() - avail_ + size_t(n));
    avail_ = size_t(n);
    blocks_++;
  }
  std::string buf_;
  size_t avail_ = 0;   // unused bytes at the end of buf_
  size_t blocks_ = 0;
  int64_t max_;
};

// ---- arguments ----------------------------------------------------------------------------------

// The Py_buffer converter.
bool buffer_arg(Value v, BufferView* out) {
  if (!get_buffer(v, out)) {
    if (type_of(v) == types::memoryview) {
      raise(exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
      return false;
    }
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
  }
  return true;
}

// The "unsigned int(bitwise=True)" converter: any int, modulo 2**32.
bool uint_mask_arg(Value v, uint32_t* out) {
  if (!is_int(v) && !type_of(v)->slots.index) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  mpz_t scratch, r;
  mpz_init(scratch);
  mpz_init(r);
  mpz_fdiv_r_2exp(r, int_as_mpz(i, scratch), 32);
  *out = uint32_t(mpz_get_ui(r));
  mpz_clear(r);
  mpz_clear(scratch);
  return true;
}

// An int argument with a default.
bool int_or(Value v, int dflt, int* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  return arg_int(v, out);
}

bool ssize_or(Value v, int64_t dflt, int64_t* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  return arg_ssize(v, out);
}

void set_input(z_stream* zst, const BufferView& b) {
  zst->next_in = const_cast<Bytef*>(b.data);
  zst->avail_in = uInt(b.length);
}

bool too_long(const BufferView& b) {
  if (uint64_t(b.length) > UINT_MAX) {
    raise(exc::OverflowError, "Size does not fit in an unsigned int");
    return true;
  }
  return false;
}

// ---- module functions ---------------------------------------------------------------------------

Value zlib_compress(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "level", "wbits", nullptr};
  Value data, level_v, wbits_v;
  ArgSpec spec{"compress", kNames, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &level_v, &wbits_v})) return {};
  BufferView b;
  if (!buffer_arg(data, &b)) return {};
  int level, wbits;
  if (!int_or(level_v, Z_DEFAULT_COMPRESSION, &level) || !int_or(wbits_v, MAX_WBITS, &wbits))
    return {};
  if (too_long(b)) return {};
  z_stream zst{};
  int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return raise(g_error, "Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&zst);
    return zlib_error(zst, err, "while compressing data");
  }
  set_input(&zst, b);
  Output out(-1);
  do {
    out.arrange(&zst);
    err = deflate(&zst, Z_FINISH);
    out.took(zst);
    if (err == Z_STREAM_ERROR) {
      deflateEnd(&zst);
      return zlib_error(zst, err, "while compressing data");
    }
  } while (zst.avail_out == 0);
  err = deflateEnd(&zst);
  if (err != Z_OK) return zlib_error(zst, err, "while finishing compression");
  return out.finish();
}

Value zlib_decompress(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "wbits", "bufsize", nullptr};
  Value data, wbits_v, bufsize_v;
  ArgSpec spec{"decompress", kNames, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &wbits_v, &bufsize_v})) return {};
  BufferView b;
  if (!buffer_arg(data, &b)) return {};
  int wbits;
  int64_t bufsize;
  if (!int_or(wbits_v, MAX_WBITS, &wbits) || !ssize_or(bufsize_v, kDefBufSize, &bufsize)) return {};
  if (bufsize < 0) return raise(exc::ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  if (too_long(b)) return {};
  z_stream zst{};
  set_input(&zst, b);
  int err = inflateInit2(&zst, wbits);
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&zst);
    return zlib_error(zst, err, "while preparing to decompress data");
  }
  Output out(-1, bufsize);
  do {
    out.arrange(&zst);
    err = inflate(&zst, Z_FINISH);
    out.took(zst);
    if (err == Z_MEM_ERROR) {
      inflateEnd(&zst);
      return raise(exc::MemoryError, "Out of memory while decompressing data");
    }
    if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
      inflateEnd(&zst);
      return zlib_error(zst, err, "while decompressing data");
    }
  } while (zst.avail_out == 0 && err != Z_STREAM_END);
  if (err != Z_STREAM_END) {
    inflateEnd(&zst);
    return zlib_error(zst, err, "while decompressing data");
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) return zlib_error(zst, err, "while finishing decompression");
  return out.finish();
}

ZStream* new_stream(Type* t, bool compress) {
  auto* z = static_cast<ZStream*>(alloc_instance(t));
  if (!z) return nullptr;
  z->zst = z_stream{};
  z->initialised = false;
  z->eof = false;
  z->compress = compress;
  z->unused_data = bytes_empty();
  z->unconsumed_tail = bytes_empty();
  z->zdict = Value();
  gc::Heap::current()->register_finalizer(z);
  return z;
}

Value zlib_compressobj(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict",
                                       nullptr};
  Value lv, mv, wv, memv, sv, zdict;
  ArgSpec spec{"compressobj", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&lv, &mv, &wv, &memv, &sv, &zdict})) return {};
  int level, method, wbits, mem_level, strategy;
  if (!int_or(lv, Z_DEFAULT_COMPRESSION, &level) || !int_or(mv, Z_DEFLATED, &method) ||
      !int_or(wv, MAX_WBITS, &wbits) || !int_or(memv, kDefMemLevel, &mem_level) ||
      !int_or(sv, Z_DEFAULT_STRATEGY, &strategy))
    return {};
  BufferView zb;
  bool has_zdict = bool(zdict);  // None is refused as not a buffer
  if (has_zdict) {
    if (!buffer_arg(zdict, &zb)) return {};
    if (uint64_t(zb.length) > UINT_MAX) {
      return raise(exc::OverflowError, "zdict length does not fit in an unsigned int");
    }
  }
  ZStream* z = new_stream(g_compress, true);
  if (!z) return {};
  int err = deflateInit2(&z->zst, level, method, wbits, mem_level, strategy);
  switch (err) {
    case Z_OK:
      z->initialised = true;
      if (has_zdict) {
        err = deflateSetDictionary(&z->zst, zb.data, uInt(zb.length));
        if (err != Z_OK) return raise(exc::ValueError, "Invalid dictionary");
      }
      return z;
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Can't allocate memory for compression object");
    case Z_STREAM_ERROR:
      return raise(exc::ValueError, "Invalid initialization option");
    default:
      return zlib_error(z->zst, err, "while creating compression object");
  }
}

bool set_inflate_zdict(ZStream* z) {
  BufferView zb;
  if (!get_buffer(z->zdict, &zb)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(z->zdict).c_str());
    return false;
  }
  if (uint64_t(zb.length) > UINT_MAX) {
    raise(exc::OverflowError, "zdict length does not fit in an unsigned int");
    return false;
  }
  int err = inflateSetDictionary(&z->zst, zb.data, uInt(zb.length));
  if (err != Z_OK) {
    zlib_error(z->zst, err, "while setting zdict");
    return false;
  }
  return true;
}

Value zlib_decompressobj(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"wbits", "zdict", nullptr};
  Value wv, zdict;
  ArgSpec spec{"decompressobj", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&wv, &zdict})) return {};
  int wbits;
  if (!int_or(wv, MAX_WBITS, &wbits)) return {};
  if (zdict) {
    BufferView probe;
    if (!get_buffer(zdict, &probe)) {
      return raise(exc::TypeError, "zdict argument must support the buffer protocol");
    }
  }
  ZStream* z = new_stream(g_decompress, false);
  if (!z) return {};
  if (zdict) set_field(z, &z->zdict, zdict);
  int err = inflateInit2(&z->zst, wbits);
  switch (err) {
    case Z_OK:
      z->initialised = true;
      if (zdict && wbits < 0 && !set_inflate_zdict(z)) return {};
      return z;
    case Z_STREAM_ERROR:
      return raise(exc::ValueError, "Invalid initialization option");
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Can't allocate memory for decompression object");
    default:
      return zlib_error(z->zst, err, "while creating decompression object");
  }
}

Value zlib_adler32(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("adler32", kwnames) || !check_nargs("adler32", nargs, 1, 2)) return {};
  BufferView b;
  if (!buffer_arg(args[0], &b)) return {};
  uint32_t value = 1;
  if (nargs > 1 && !uint_mask_arg(args[1], &value)) return {};
  uLong v = adler32_z(value, b.data, size_t(b.length));
  return int_from_u64(v & 0xffffffffu);
}

Value zlib_crc32(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("crc32", kwnames) || !check_nargs("crc32", nargs, 1, 2)) return {};
  BufferView b;
  if (!buffer_arg(args[0], &b)) return {};
  uint32_t value = 0;
  if (nargs > 1 && !uint_mask_arg(args[1], &value)) return {};
  uLong v = crc32_z(value, b.data, size_t(b.length));
  return int_from_u64(v & 0xffffffffu);
}

// ---- Compress -----------------------------------------------------------------------------------

// The methods take a defining class in CPython, so Argument Clinic parses
// their arguments even when they are positional-only.
bool positional_only(const char* fname, int required, int total, const Value* args, size_t nargs,
                     Tuple* kwnames, std::initializer_list<Value*> out) {
  static const char* const kNames[] = {"", "", nullptr};
  ArgSpec spec{fname, kNames + (2 - total), required, total};
  spec.clinic = true;
  return parse_args(spec, args, nargs, kwnames, out);
}

// copy() and __copy__(): only positional arguments are refused.
bool no_args(const char* fname, size_t nargs) {
  if (nargs == 0) return true;
  raisef(exc::TypeError, "%s() takes no arguments", fname);
  return false;
}

Value compress_compress(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value data;
  if (!positional_only("compress", 1, 1, args, nargs, kwnames, {&data})) return {};
  ZStream* z = as_stream(self);
  BufferView b;
  if (!buffer_arg(data, &b)) return {};
  if (too_long(b)) return {};
  set_input(&z->zst, b);
  Output out(-1);
  do {
    out.arrange(&z->zst);
    int err = deflate(&z->zst, Z_NO_FLUSH);
    out.took(z->zst);
    if (err == Z_STREAM_ERROR) return zlib_error(z->zst, err, "while compressing data");
  } while (z->zst.avail_out == 0);
  return out.finish();
}

Value compress_flush(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value mode_v;
  if (!positional_only("flush", 0, 1, args, nargs, kwnames, {&mode_v})) return {};
  ZStream* z = as_stream(self);
  int mode;
  if (!int_or(mode_v, Z_FINISH, &mode)) return {};
  if (mode == Z_NO_FLUSH) return bytes_empty();
  z->zst.avail_in = 0;
  Output out(-1);
  int err;
  do {
    out.arrange(&z->zst);
    err = deflate(&z->zst, mode);
    out.took(z->zst);
    if (err == Z_STREAM_ERROR) return zlib_error(z->zst, err, "while flushing");
  } while (z->zst.avail_out == 0);
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(&z->zst);
    if (err != Z_OK) return zlib_error(z->zst, err, "while finishing compression");
    z->initialised = false;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(z->zst, err, "while flushing");
  }
  return out.finish();
}

// Copies the Python-visible fields; the caller copied the z_stream.
void copy_fields(ZStream* to, ZStream* from) {
  set_field(to, &to->unused_data, from->unused_data);
  set_field(to, &to->unconsumed_tail, from->unconsumed_tail);
  set_field(to, &to->zdict, from->zdict);
  to->eof = from->eof;
}

Value compress_copy_named(const char* fname, Value self, size_t nargs) {
  if (!no_args(fname, nargs)) return {};
  ZStream* z = as_stream(self);
  if (!z->initialised) return raise(exc::ValueError, "Inconsistent stream state");
  ZStream* c = new_stream(g_compress, true);
  if (!c) return {};
  int err = deflateCopy(&c->zst, &z->zst);
  switch (err) {
    case Z_OK: break;
    case Z_STREAM_ERROR: return raise(exc::ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR: return raise(exc::MemoryError, "Can't allocate memory for compression object");
    default: return zlib_error(z->zst, err, "while copying compression object");
  }
  c->initialised = true;
  copy_fields(c, z);
  return c;
}

Value compress_copy(Value self, const Value*, size_t nargs, Tuple*) {
  return compress_copy_named("copy", self, nargs);
}

Value compress_copy_dunder(Value self, const Value*, size_t nargs, Tuple*) {
  return compress_copy_named("__copy__", self, nargs);
}

Value compress_deepcopy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value memo;
  if (!positional_only("__deepcopy__", 1, 1, args, nargs, kwnames, {&memo})) return {};
  return compress_copy_named("__deepcopy__", self, 0);
}

// ---- Decompress ---------------------------------------------------------------------------------

// CPython's save_unconsumed_input.
void save_unconsumed_input(ZStream* z, int err) {
  if (err == Z_STREAM_END && z->zst.avail_in > 0) {
    // What follows the end of the stream goes to unused_data.
    Bytes* old = z->unused_data.as<Bytes>();
    std::string joined(old->view());
    joined.append(reinterpret_cast<const char*>(z->zst.next_in), z->zst.avail_in);
    set_field(z, &z->unused_data, bytes_from(joined));
    z->zst.avail_in = 0;
  }
  if (z->zst.avail_in > 0 || z->unconsumed_tail.as<Bytes>()->length > 0) {
    // The output limit was reached (keep the rest) or everything was read
    // (clear the tail).
    set_field(z, &z->unconsumed_tail, bytes_from(z->zst.next_in, z->zst.avail_in));
  }
}

Value decompress_decompress(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "max_length", nullptr};
  Value data, max_v;
  ArgSpec spec{"decompress", kNames, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &max_v})) return {};
  ZStream* z = as_stream(self);
  BufferView b;
  if (!buffer_arg(data, &b)) return {};
  int64_t max_length;
  if (!ssize_or(max_v, 0, &max_length)) return {};
  if (max_length < 0) return raise(exc::ValueError, "max_length must be non-negative");
  if (too_long(b)) return {};
  int64_t limit = max_length == 0 ? INT64_MAX : max_length;
  set_input(&z->zst, b);
  Output out(limit);
  int err = Z_OK;
  do {
    if (!out.arrange(&z->zst)) break;  // the limit: keep the rest
    err = inflate(&z->zst, Z_SYNC_FLUSH);
    out.took(z->zst);
    if (err == Z_NEED_DICT && z->zdict) {
      if (!set_inflate_zdict(z)) return {};
      continue;
    }
    if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) break;
  } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
  save_unconsumed_input(z, err);
  if (err == Z_STREAM_END) {
    z->eof = true;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(z->zst, err, "while decompressing data");
  }
  return out.finish();
}

Value decompress_flush(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value length_v;
  if (!positional_only("flush", 0, 1, args, nargs, kwnames, {&length_v})) return {};
  ZStream* z = as_stream(self);
  int64_t length;
  if (!ssize_or(length_v, kDefBufSize, &length)) return {};
  if (length <= 0) return raise(exc::ValueError, "length must be greater than zero");
  Value tail = z->unconsumed_tail;  // kept alive while zlib reads it
  Bytes* t = tail.as<Bytes>();
  z->zst.next_in = const_cast<Bytef*>(t->data());
  z->zst.avail_in = uInt(t->length);
  Output out(-1, length);
  int err = Z_OK;
  do {
    out.arrange(&z->zst);
    err = inflate(&z->zst, Z_FINISH);
    out.took(z->zst);
    if (err == Z_NEED_DICT && z->zdict) {
      if (!set_inflate_zdict(z)) return {};
      continue;
    }
    if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) break;
  } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
  save_unconsumed_input(z, err);
  if (err == Z_STREAM_END) {
    z->eof = true;
    z->initialised = false;
    err = inflateEnd(&z->zst);
    if (err != Z_OK) return zlib_error(z->zst, err, "while finishing decompression");
  }
  return out.finish();
}

Value decompress_copy_named(const char* fname, Value self, size_t nargs) {
  if (!no_args(fname, nargs)) return {};
  ZStream* z = as_stream(self);
  if (!z->initialised) return raise(exc::ValueError, "Inconsistent stream state");
  ZStream* c = new_stream(g_decompress, false);
  if (!c) return {};
  int err = inflateCopy(&c->zst, &z->zst);
  switch (err) {
    case Z_OK: break;
    case Z_STREAM_ERROR: return raise(exc::ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Can't allocate memory for decompression object");
    default: return zlib_error(z->zst, err, "while copying decompression object");
  }
  c->initialised = true;
  copy_fields(c, z);
  return c;
}

Value decompress_copy(Value self, const Value*, size_t nargs, Tuple*) {
  return decompress_copy_named("copy", self, nargs);
}

Value decompress_copy_dunder(Value self, const Value*, size_t nargs, Tuple*) {
  return decompress_copy_named("__copy__", self, nargs);
}

Value decompress_deepcopy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value memo;
  if (!positional_only("__deepcopy__", 1, 1, args, nargs, kwnames, {&memo})) return {};
  return decompress_copy_named("__deepcopy__", self, 0);
}

Value get_unused_data(Value self) { return as_stream(self)->unused_data; }
Value get_unconsumed_tail(Value self) { return as_stream(self)->unconsumed_tail; }
Value get_eof(Value self) { return py_bool(as_stream(self)->eof); }

bool readonly_member(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

Value no_instances(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

constexpr uint32_t kArgs = MethodFlag::kVarArgs | MethodFlag::kKeywords;

const MethodDef kCompressMethods[] = {
    {"compress", compress_compress, kArgs, "Returns a bytes object containing compressed data."},
    {"flush", compress_flush, kArgs,
     "Return a bytes object containing any remaining compressed data."},
    {"copy", compress_copy, kArgs, "Return a copy of the compression object."},
    {"__copy__", compress_copy_dunder, kArgs, nullptr},
    {"__deepcopy__", compress_deepcopy, kArgs, nullptr},
    {nullptr, nullptr, 0},
};

const MethodDef kDecompressMethods[] = {
    {"decompress", decompress_decompress, kArgs,
     "Return a bytes object containing the decompressed version of the data."},
    {"flush", decompress_flush, kArgs,
     "Return a bytes object containing any remaining decompressed data."},
    {"copy", decompress_copy, kArgs, "Return a copy of the decompression object."},
    {"__copy__", decompress_copy_dunder, kArgs, nullptr},
    {"__deepcopy__", decompress_deepcopy, kArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kDecompressGetSets[] = {
    {"unused_data", get_unused_data, readonly_member, nullptr},
    {"unconsumed_tail", get_unconsumed_tail, readonly_member, nullptr},
    {"eof", get_eof, readonly_member, nullptr},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"adler32", zlib_adler32, MethodFlag::kVarArgs, "Compute an Adler-32 checksum of data."},
    {"compress", zlib_compress, kArgs, "Returns a bytes object containing compressed data."},
    {"compressobj", zlib_compressobj, kArgs, "Return a compressor object."},
    {"crc32", zlib_crc32, MethodFlag::kVarArgs, "Compute a CRC-32 checksum of data."},
    {"decompress", zlib_decompress, kArgs,
     "Returns a bytes object containing the uncompressed data."},
    {"decompressobj", zlib_decompressobj, kArgs, "Return a decompressor object."},
    {nullptr, nullptr, 0},
};

Type* make_stream_type(Type** into, const char* name, const MethodDef* methods,
                       const GetSetDef* getsets) {
  static gc::LayoutId layout = gc::kNoLayout;
  if (layout == gc::kNoLayout) {
    gc::LayoutInfo info;
    info.name = "zlib stream";
    info.trace = trace_zstream;
    info.fixed_size = sizeof(ZStream);
    info.finalize = finalize_zstream;
    layout = gc::register_layout(info);
  }
  TypeSpec spec;
  spec.name = name;
  spec.module = "zlib";
  spec.layout = layout;
  spec.instance_size = sizeof(ZStream);
  spec.trace = trace_zstream;
  spec.slots.new_ = no_instances;
  spec.methods = methods;
  spec.getsets = getsets;
  return make_builtin_type(into, spec);
}

Type* make_error_class() {
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("zlib"));
  Value t = type_new(types::type, intern("error"), tuple_of({Value(exc::Exception)}), d, nullptr,
                     nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make zlib.error\n");
    std::abort();
  }
  return t.as<Type>();
}

}  // namespace

Module* make_zlib_module() {
  if (!g_error) {
    g_error = make_error_class();
    gc::add_root(reinterpret_cast<void**>(&g_error));
    make_stream_type(&g_compress, "Compress", kCompressMethods, nullptr);
    make_stream_type(&g_decompress, "Decompress", kDecompressMethods, kDecompressGetSets);
  }
  Module* m = module_new(intern("zlib"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("The functions in this module allow compression and decompression "
                             "using the zlib library, which is based on GNU zip."));
  dict_set_str(m->dict, intern("error"), g_error);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("zlib")));
  struct Constant {
    const char* name;
    int value;
  };
  static const Constant kConstants[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", kDefMemLevel},
      {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (const Constant& c : kConstants) dict_set_str(m->dict, intern(c.name), Value::small(c.value));
  dict_set_str(m->dict, intern("ZLIB_VERSION"), str_from_utf8(ZLIB_VERSION));
  dict_set_str(m->dict, intern("ZLIB_RUNTIME_VERSION"), str_from_utf8(zlibVersion()));
  dict_set_str(m->dict, intern("__version__"), str_from_utf8("1.0"));
  return m;
}

}  // namespace pyrite::python
