// The marshal module: CPython 3.11's serialization format (versions 0-4)
// for None, bools, ints, floats, complex, str, bytes, tuples, lists, dicts,
// sets, frozensets, Ellipsis and StopIteration (docs/modules.md, "marshal").
//
// From version 3 CPython marks an object with FLAG_REF, and later
// occurrences become TYPE_REF back-references, when its reference count is
// above one. Pyrite has no reference counts; the writer first counts the
// occurrences inside the value and flags an object when it occurs twice,
// when CPython always holds it elsewhere (small ints, interned and one-char
// strs, empty tuple/str/bytes), or when it is of a kind that is normally a
// constant or bound to a name (ints, floats, complex, str, bytes, tuples;
// lists, dicts and sets bound to a variable of the calling frame).
#include <gmp.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "python/interp/frame.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/objects/bytes.h"
#include "python/objects/complex.h"
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
#include "python/objects/tuple.h"
#include "python/runtime/codecs.h"

namespace pyrite::python {

namespace {

constexpr int kVersion = 4;
constexpr int kMaxDepth = 2000;
constexpr unsigned char kFlagRef = 0x80;

// Type codes.
constexpr char kNull = '0', kNone = 'N', kFalse = 'F', kTrue = 'T', kStopIter = 'S', kEllipsis = '.',
               kInt = 'i', kInt64 = 'I', kFloat = 'f', kBinaryFloat = 'g', kComplex = 'x',
               kBinaryComplex = 'y', kLong = 'l', kString = 's', kInterned = 't', kRef = 'r', kTuple = '(',
               kList = '[', kDict = '{', kCode = 'c', kUnicode = 'u', kSet = '<', kFrozenSet = '>',
               kAscii = 'a', kAsciiInterned = 'A', kSmallTuple = ')', kShortAscii = 'z',
               kShortAsciiInterned = 'Z';

// ---- writing ------------------------------------------------------------------------------

bool is_container_kind(Value v) {
  return is_exact_list(v) || is_exact_dict(v) || is_exact_set(v) || is_exact_frozenset(v);
}

// Objects CPython always holds elsewhere (their count is never one).
bool always_shared(Value v) {
  if (v.is_small()) {
    int64_t i = v.small_value();
    return i >= -5 && i <= 256;
  }
  if (is_exact_str(v)) {
    Str* s = v.as<Str>();
    return s->interned || s->length == 0 || (s->length == 1 && s->at(0) < 256);
  }
  if (is_exact_bytes(v)) return v.as<Bytes>()->view().size() <= 1;
  if (is_exact_tuple(v)) return v.as<Tuple>()->length == 0;
  return false;
}

class Writer {
 public:
  explicit Writer(int version) : version_(version) {}

  // Counts occurrences (first pass, version >= 3 only).
  void count(Value v, int depth) {
    if (depth > kMaxDepth || !v.is_object() || v.is(none()) || v.is(singletons::ellipsis)) return;
    Object* o = v.object();
    if (++counts_[o] > 1) return;
    if (is_exact_tuple(v) || is_exact_list(v)) {
      int64_t n = length(v);
      for (int64_t i = 0; i < n; i++) count(is_exact_tuple(v) ? v.as<Tuple>()->at(i) : list_get(v.as<List>(), i), depth + 1);
    } else if (is_exact_dict(v)) {
      int64_t i = 0;
      Value k, val;
      while (dict_next(v.as<Dict>(), &i, &k, &val)) {
        count(k, depth + 1);
        count(val, depth + 1);
      }
    } else if (is_exact_set(v) || is_exact_frozenset(v)) {
      for_each(v, [&](Value x) {
        count(x, depth + 1);
        return true;
      });
      clear_error();
    }
  }

  bool write(Value v, bool top) {
    if (++depth_ > kMaxDepth) {
      raise(exc::ValueError, "object too deeply nested to marshal");
      return false;
    }
    bool ok = write_inner(v, top);
    depth_--;
    return ok;
  }

  std::string out;

 private:
  bool write_inner(Value v, bool top) {
    if (v.is(none())) return byte(kNone);
    if (v.is(exc::StopIteration)) return byte(kStopIter);
    if (v.is(singletons::ellipsis)) return byte(kEllipsis);
    if (v.is(singletons::false_)) return byte(kFalse);
    if (v.is(singletons::true_)) return byte(kTrue);
    unsigned char flag = 0;
    if (version_ >= 3 && shared(v, top)) {
      Object* o = v.is_object() ? v.object() : nullptr;
      if (o) {
        auto it = refs_.find(o);
        if (it != refs_.end()) {
          byte(kRef);
          long32(it->second);
          return true;
        }
        refs_[o] = int32_t(next_ref_++);
      } else {
        // An immediate int or float: equal ones are one object, as equal
        // constants of a code object are in CPython.
        uint64_t key;
        std::memcpy(&key, &v, sizeof key);
        auto it = immediate_refs_.find(key);
        if (it != immediate_refs_.end()) {
          byte(kRef);
          long32(it->second);
          return true;
        }
        immediate_refs_[key] = int32_t(next_ref_++);
      }
      flag = kFlagRef;
    }
    return write_complex(v, flag);
  }

  // CPython's compiler interns str constants made only of name characters.
  bool interned(Str* s) {
    if (s->interned) return true;
    if (!consts_.count(key_of(s))) return false;
    for (int64_t i = 0; i < s->length; i++) {
      char32_t c = s->at(i);
      if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
  }

  bool shared(Value v, bool top) {
    if (always_shared(v)) return true;
    if (!v.is_object()) return consts_.count(key_of(v)) != 0;
    auto it = counts_.find(v.object());
    if (it != counts_.end() && it->second > 1) return true;
    (void)top;
    if (bound_.count(v.object())) return true;
    if (is_container_kind(v)) return false;
    return consts_.count(key_of(v)) != 0;
  }

  bool byte(char c) {
    out.push_back(c);
    return true;
  }
  void type(char c, unsigned char flag) { out.push_back(char(static_cast<unsigned char>(c) | flag)); }
  void long32(int64_t x) {
    uint32_t u = static_cast<uint32_t>(x);
    for (int i = 0; i < 4; i++) out.push_back(char((u >> (8 * i)) & 0xFF));
  }
  void pstring(std::string_view s) {
    long32(int64_t(s.size()));
    out.append(s);
  }
  void double_bytes(double d) {
    uint64_t u;
    std::memcpy(&u, &d, 8);
    for (int i = 0; i < 8; i++) out.push_back(char((u >> (8 * i)) & 0xFF));
  }
  void double_text(double d) {
    char buf[64];
    if (std::isnan(d)) std::snprintf(buf, sizeof buf, "nan");
    else if (std::isinf(d)) std::snprintf(buf, sizeof buf, d < 0 ? "-inf" : "inf");
    else std::snprintf(buf, sizeof buf, "%.17g", d);
    size_t n = std::strlen(buf);
    out.push_back(char(n));
    out.append(buf, n);
  }

  bool write_int(Value v, unsigned char flag) {
    auto small = int_to_i64(v);
    if (small && *small >= INT32_MIN && *small <= INT32_MAX) {
      type(kInt, flag);
      long32(*small);
      return true;
    }
    type(kLong, flag);
    mpz_t scratch;
    mpz_init(scratch);
    mpz_srcptr z = int_as_mpz(v, scratch);
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    size_t n = 0;
    std::string digits((mpz_sizeinbase(a, 2) + 14) / 15 * 2 + 2, '\0');
    mpz_export(digits.data(), &n, -1, 2, -1, 1, a);
    long32(mpz_sgn(z) < 0 ? -int64_t(n) : int64_t(n));
    out.append(digits.data(), n * 2);
    mpz_clear(a);
    mpz_clear(scratch);
    return true;
  }

  bool write_complex(Value v, unsigned char flag) {
    if (is_exact_int(v)) return write_int(v, flag);
    if (is_exact_float(v)) {
      if (version_ > 1) {
        type(kBinaryFloat, flag);
        double_bytes(float_value(v));
      } else {
        type(kFloat, flag);
        double_text(float_value(v));
      }
      return true;
    }
    if (v.is_object() && type_of(v) == types::complex) {
      auto* c = v.as<Complex>();
      if (version_ > 1) {
        type(kBinaryComplex, flag);
        double_bytes(c->real);
        double_bytes(c->imag);
      } else {
        type(kComplex, flag);
        double_text(c->real);
        double_text(c->imag);
      }
      return true;
    }
    if (is_exact_bytes(v)) {
      type(kString, flag);
      pstring(v.as<Bytes>()->view());
      return true;
    }
    if (is_exact_str(v)) {
      Str* s = v.as<Str>();
      if (version_ >= 4 && s->ascii) {
        if (s->length < 256) {
          type(interned(s) ? kShortAsciiInterned : kShortAscii, flag);
          out.push_back(char(s->length));
          out.append(s->ascii_view());
        } else {
          type(interned(s) ? kAsciiInterned : kAscii, flag);
          pstring(s->ascii_view());
        }
        return true;
      }
      type(version_ >= 3 && interned(s) ? kInterned : kUnicode, flag);
      pstring(runtime::to_utf8(str_to_u32(s)));
      return true;
    }
    if (is_exact_tuple(v)) {
      Tuple* t = v.as<Tuple>();
      if (version_ >= 4 && t->length < 256) {
        type(kSmallTuple, flag);
        out.push_back(char(t->length));
      } else {
        type(kTuple, flag);
        long32(t->length);
      }
      for (int64_t i = 0; i < t->length; i++)
        if (!write(t->at(i), false)) return false;
      return true;
    }
    if (is_exact_list(v)) {
      List* l = v.as<List>();
      type(kList, flag);
      int64_t n = list_size(l);
      long32(n);
      for (int64_t i = 0; i < n && i < list_size(l); i++)
        if (!write(list_get(l, i), false)) return false;
      return true;
    }
    if (is_exact_dict(v)) {
      type(kDict, flag);
      int64_t i = 0;
      Value k, val;
      while (dict_next(v.as<Dict>(), &i, &k, &val)) {
        if (!write(k, false) || !write(val, false)) return false;
      }
      return byte(kNull);
    }
    if (is_exact_set(v) || is_exact_frozenset(v)) {
      type(is_exact_set(v) ? kSet : kFrozenSet, flag);
      long32(length(v));
      return for_each(v, [&](Value x) { return write(x, false); });
    }
    BufferView view;
    if (v.is_object() && !is_str(v) && get_buffer(v, &view)) {
      type(kString, flag);
      pstring(std::string_view(reinterpret_cast<const char*>(view.data), size_t(view.length)));
      return true;
    }
    raise(exc::ValueError, "unmarshallable object");
    return false;
  }

  int version_;
  int depth_ = 0;
  std::unordered_map<Object*, int> counts_;

 public:
  // Objects bound to a variable of the calling frame (its fast locals, its
  // locals and globals dicts): CPython's count of such an object is above one.
  // Walks the frames of the running calls: objects bound to their variables
  // (fast locals, locals and globals dicts) and their code's constants
  // (through constant tuples and frozensets).
  void collect_bound() {
    auto add_const = [&](auto& self, Value x) -> void {
      if (!x) return;
      consts_.insert(key_of(x));
      if (is_exact_tuple(x)) {
        Tuple* t = x.as<Tuple>();
        for (int64_t i = 0; i < t->length; i++) self(self, t->at(i));
      } else if (is_exact_frozenset(x)) {
        for_each(x, [&](Value y) {
          self(self, y);
          return true;
        });
        clear_error();
      }
    };
    for (Frame* f = thread_state().frame; f; f = f->previous) {
      auto add = [&](Value x) {
        if (x && x.is_object()) bound_.insert(x.object());
      };
      for (int i = 0; i < f->code->nlocalsplus; i++) add(f->slots()[i]);
      for (Value d : {f->locals, Value(f->globals)}) {
        if (!d || !is_dict(d)) continue;
        int64_t i = 0;
        Value k, val;
        while (dict_next(d.as<Dict>(), &i, &k, &val)) add(val);
      }
      Tuple* c = f->code->consts;
      for (int64_t i = 0; c && i < c->length; i++) add_const(add_const, c->at(i));
    }
  }

 private:
  static uint64_t key_of(Value v) {
    uint64_t key;
    std::memcpy(&key, &v, sizeof key);
    return key;
  }
  std::unordered_set<Object*> bound_;
  std::unordered_set<uint64_t> consts_;
  std::unordered_map<Object*, int32_t> refs_;
  std::unordered_map<uint64_t, int32_t> immediate_refs_;
  size_t next_ref_ = 0;
};

Value dumps_value(Value v, int version) {
  Writer w(version);
  if (version >= 3) {
    w.count(v, 0);
    w.collect_bound();
  }
  if (!w.write(v, true)) return {};
  return bytes_from(w.out);
}

// ---- reading ------------------------------------------------------------------------------

class Reader {
 public:
  // Either a buffer, or a file read through its read() method.
  Reader(std::string_view data) : data_(data) {}
  explicit Reader(Value file) : file_(file) {}

  Value read_object() {
    Value v = read(true);
    if (!v && !has_error()) raise(exc::TypeError, "NULL object in marshal data for object");
    return v;
  }

  size_t pos() const { return pos_; }

 private:
  // n bytes, or null with "marshal data too short".
  const char* take(size_t n) {
    if (file_) {
      static Str* const kRead = intern("read");
      Value arg = int_from_i64(int64_t(n));
      Value r = call_method(file_, kRead, &arg, 1);
      if (!r) return nullptr;
      if (!is_bytes(r)) {
        raisef(exc::TypeError, "file.read() returned not bytes but %s", type_name(r).c_str());
        return nullptr;
      }
      std::string_view got = r.as<Bytes>()->view();
      if (got.size() != n) {
        if (got.size() > n) raisef(exc::ValueError, "read() returned too much data: %zu bytes requested, %zu returned", n, got.size());
        else raise(exc::EOFError, "EOF read where not expected");
        return nullptr;
      }
      buf_.assign(got);
      return buf_.data();
    }
    if (data_.size() - pos_ < n) {
      raise(exc::EOFError, "marshal data too short");
      return nullptr;
    }
    const char* p = data_.data() + pos_;
    pos_ += n;
    return p;
  }
  bool u8(int* out) {
    const char* p = take(1);
    if (!p) return false;
    *out = static_cast<unsigned char>(p[0]);
    return true;
  }
  bool i32(int64_t* out) {
    const char* p = take(4);
    if (!p) return false;
    uint32_t u = 0;
    for (int i = 0; i < 4; i++) u |= uint32_t(static_cast<unsigned char>(p[i])) << (8 * i);
    *out = int32_t(u);
    return true;
  }
  bool f64(double* out) {
    const char* p = take(8);
    if (!p) return false;
    uint64_t u = 0;
    for (int i = 0; i < 8; i++) u |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    std::memcpy(out, &u, 8);
    return true;
  }
  bool text_double(double* out) {
    int n;
    if (!u8(&n)) return false;
    const char* p = take(size_t(n));
    if (!p) return false;
    Value s = str_from_ascii(std::string_view(p, size_t(n)));
    Value f = float_from_str(s.as<Str>());
    if (!f) return false;
    *out = float_value(f);
    return true;
  }
  bool sized(int64_t* n, const char* what) {
    if (!i32(n)) return false;
    if (*n < 0) {
      raisef(exc::ValueError, "bad marshal data (%s size out of range)", what);
      return false;
    }
    return true;
  }

  // Registers v in the reference list when flagged.
  Value ref(Value v, bool flag) {
    if (v && flag && !list_append(refs_, v)) return {};
    return v;
  }

  Value read(bool top) {
    int code;
    if (file_ || pos_ < data_.size()) {
      if (!u8(&code)) {
        if (error_matches(exc::EOFError)) {
          clear_error();
          raise(exc::EOFError, "EOF read where object expected");
        }
        return {};
      }
    } else {
      raise(exc::EOFError, "EOF read where object expected");
      return {};
    }
    if (++depth_ > kMaxDepth) {
      depth_--;
      raise(exc::ValueError, "recursion limit exceeded");
      return {};
    }
    Value v = read_code(code, top);
    depth_--;
    return v;
  }

  Value read_code(int code, bool) {
    bool flag = code & kFlagRef;
    char t = char(code & ~kFlagRef);
    switch (t) {
      case kNull: return {};
      case kNone: return none();
      case kStopIter: return exc::StopIteration;
      case kEllipsis: return singletons::ellipsis;
      case kFalse: return singletons::false_;
      case kTrue: return singletons::true_;
      case kInt: {
        int64_t x;
        if (!i32(&x)) return {};
        return ref(int_from_i64(x), flag);
      }
      case kInt64: {
        const char* p = take(8);
        if (!p) return {};
        uint64_t u = 0;
        for (int i = 0; i < 8; i++) u |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
        return ref(int_from_i64(int64_t(u)), flag);
      }
      case kLong: return ref(read_long(), flag);
      case kFloat: {
        double d;
        if (!text_double(&d)) return {};
        return ref(float_new(d), flag);
      }
      case kBinaryFloat: {
        double d;
        if (!f64(&d)) return {};
        return ref(float_new(d), flag);
      }
      case kComplex: {
        double re, im;
        if (!text_double(&re) || !text_double(&im)) return {};
        return ref(complex_new(re, im), flag);
      }
      case kBinaryComplex: {
        double re, im;
        if (!f64(&re) || !f64(&im)) return {};
        return ref(complex_new(re, im), flag);
      }
      case kString: {
        int64_t n;
        if (!sized(&n, "bytes object")) return {};
        const char* p = take(size_t(n));
        if (!p) return {};
        return ref(bytes_from(p, size_t(n)), flag);
      }
      case kAsciiInterned:
      case kAscii:
      case kShortAsciiInterned:
      case kShortAscii: {
        int64_t n;
        if (t == kAscii || t == kAsciiInterned) {
          if (!sized(&n, "string")) return {};
        } else {
          int b;
          if (!u8(&b)) return {};
          n = b;
        }
        const char* p = take(size_t(n));
        if (!p) return {};
        Value s = str_from_latin1(reinterpret_cast<const uint8_t*>(p), size_t(n));
        if (s && (t == kAsciiInterned || t == kShortAsciiInterned)) s = intern_str(s.as<Str>());
        return ref(s, flag);
      }
      case kInterned:
      case kUnicode: {
        int64_t n;
        if (!sized(&n, "string")) return {};
        const char* p = take(size_t(n));
        if (!p) return {};
        runtime::DecodeResult r = runtime::decode(runtime::Codec::kUtf8, std::string_view(p, size_t(n)),
                                                  runtime::ErrorHandler::kSurrogatePass);
        if (r.status != runtime::CodecStatus::kOk) {
          Value args[5] = {str_from_ascii("utf-8"), bytes_from(p, size_t(n)), int_from_i64(int64_t(r.error.start)),
                           int_from_i64(int64_t(r.error.end)), str_from_utf8(r.error.reason)};
          Value e = new_exception(exc::UnicodeDecodeError, args, 5);
          if (e) set_error(e.object());
          return {};
        }
        Value s = str_from_u32(r.text);
        if (s && t == kInterned) s = intern_str(s.as<Str>());
        return ref(s, flag);
      }
      case kSmallTuple:
      case kTuple: {
        int64_t n;
        if (t == kSmallTuple) {
          int b;
          if (!u8(&b)) return {};
          n = b;
        } else if (!sized(&n, "tuple")) {
          return {};
        }
        int64_t slot = -1;
        if (flag) {
          slot = list_size(refs_);
          if (!list_append(refs_, none())) return {};
        }
        Tuple* tup = tuple_new(n);
        for (int64_t i = 0; i < n; i++) {
          Value x = read(false);
          if (!x) {
            if (!has_error()) raise(exc::TypeError, "NULL object in marshal data for tuple");
            return {};
          }
          tup->items()[i] = x;
        }
        if (slot >= 0 && !list_set(refs_, slot, tup)) return {};
        return tup;
      }
      case kList: {
        int64_t n;
        if (!sized(&n, "list")) return {};
        List* l = list_new(n);
        if (!ref(l, flag)) return {};
        for (int64_t i = 0; i < n; i++) {
          Value x = read(false);
          if (!x) {
            if (!has_error()) raise(exc::TypeError, "NULL object in marshal data for list");
            return {};
          }
          if (!list_append(l, x)) return {};
        }
        return l;
      }
      case kDict: {
        Dict* d = dict_new();
        if (!ref(d, flag)) return {};
        for (;;) {
          Value k = read(false);
          if (!k) break;
          Value v = read(false);
          if (!v) break;
          if (!dict_set(d, k, v)) return {};
        }
        if (has_error()) return {};
        return d;
      }
      case kSet:
      case kFrozenSet: {
        int64_t n;
        if (!sized(&n, "set")) return {};
        bool frozen = t == kFrozenSet;
        int64_t slot = -1;
        Set* s = set_new(frozen ? types::frozenset : types::set);
        if (flag) {
          if (frozen) {
            slot = list_size(refs_);
            if (!list_append(refs_, none())) return {};
          } else if (!ref(s, flag)) {
            return {};
          }
        }
        for (int64_t i = 0; i < n; i++) {
          Value x = read(false);
          if (!x) {
            if (!has_error()) raise(exc::TypeError, "NULL object in marshal data for set");
            return {};
          }
          if (!set_add(s, x)) return {};
        }
        if (slot >= 0 && !list_set(refs_, slot, s)) return {};
        return s;
      }
      case kRef: {
        int64_t n;
        if (!i32(&n)) return {};
        if (n < 0 || n >= list_size(refs_) || is_none(list_get(refs_, n))) {
          return raise(exc::ValueError, "bad marshal data (invalid reference)");
        }
        return list_get(refs_, n);
      }
      case kCode:
        return raise(exc::ValueError, "bad marshal data (code objects are not supported by Pyrite)");
      default:
        return raise(exc::ValueError, "bad marshal data (unknown type code)");
    }
  }

  Value read_long() {
    int64_t n;
    if (!i32(&n)) return {};
    if (n == 0) return Value::small(0);
    if (n < -INT32_MAX || n > INT32_MAX) return raise(exc::ValueError, "bad marshal data (long size out of range)");
    int64_t count = n < 0 ? -n : n;
    std::string digits;
    for (int64_t i = 0; i < count; i++) {
      const char* p = take(2);
      if (!p) return {};
      int16_t md = int16_t(uint16_t(static_cast<unsigned char>(p[0])) | uint16_t(static_cast<unsigned char>(p[1])) << 8);
      if (md < 0) return raise(exc::ValueError, "bad marshal data (digit out of range in long)");
      // The top digit of a CPython digit pair must be nonzero.
      if (md == 0 && i == count - 1) return raise(exc::ValueError, "bad marshal data (unnormalized long data)");
      digits.append(p, 2);
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, size_t(count), -1, 2, -1, 1, digits.data());
    if (n < 0) mpz_neg(z, z);
    Value v = int_from_mpz(z);
    mpz_clear(z);
    return v;
  }

  std::string_view data_;
  size_t pos_ = 0;
  Value file_;
  std::string buf_;
  int depth_ = 0;
  List* refs_ = list_new();
};

// ---- the module functions -----------------------------------------------------------------

bool version_arg(const Value* args, size_t nargs, size_t pos, int* out) {
  *out = kVersion;
  if (nargs <= pos) return true;
  return arg_int(args[pos], out);
}

Value f_dumps(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("marshal.dumps", kwnames) || !check_nargs("dumps", nargs, 1, 2)) return {};
  int version;
  if (!version_arg(args, nargs, 1, &version)) return {};
  return dumps_value(args[0], version);
}

Value f_dump(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("marshal.dump", kwnames) || !check_nargs("dump", nargs, 2, 3)) return {};
  int version;
  if (!version_arg(args, nargs, 2, &version)) return {};
  Value b = dumps_value(args[0], version);
  if (!b) return {};
  static Str* const kWrite = intern("write");
  if (!call_method(args[1], kWrite, &b, 1)) return {};
  return none();
}

Value f_loads(Value, const Value* args, size_t, Tuple*) {
  BufferView view;
  if (!get_buffer(args[0], &view)) {
    return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]).c_str());
  }
  std::string copy(reinterpret_cast<const char*>(view.data), size_t(view.length));
  Reader r{std::string_view(copy)};
  return r.read_object();
}

Value f_load(Value, const Value* args, size_t, Tuple*) {
  // CPython first reads zero bytes to check that the file gives bytes.
  static Str* const kRead = intern("read");
  Value zero = Value::small(0);
  Value probe = call_method(args[0], kRead, &zero, 1);
  if (!probe) return {};
  if (!is_bytes(probe)) {
    return raisef(exc::TypeError, "file.read() returned not bytes but %s", type_name(probe).c_str());
  }
  Reader r(args[0]);
  return r.read_object();
}

const MethodDef kFunctions[] = {
    {"dump", f_dump, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Write the value on the open file.\n\n  value\n    Must be a supported type.\n  file\n    Must be a writeable binary file.\n  version\n    Indicates the data format that dump should use.\n  /\n\nIf the value has (or contains an object that has) an unsupported type, a\nValueError exception is raised - but garbage data will also be written\nto the file. The object will not be properly read back by load()."},
    {"load", f_load, MethodFlag::kOneArg,
     "Read one value from the open file and return it.\n\n  file\n    Must be readable binary file.\n\nIf no valid value is read (e.g. because the data has a different Python\nversion's incompatible marshal format), raise EOFError, ValueError or\nTypeError.\n\nNote: If an object containing an unsupported type was marshalled with\ndump(), load() will substitute None for the unmarshallable type."},
    {"dumps", f_dumps, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return the bytes object that would be written to a file by dump(value, file).\n\n  value\n    Must be a supported type.\n  version\n    Indicates the data format that dumps should use.\n  /\n\nRaise a ValueError exception if value has (or contains an object that has) an\nunsupported type."},
    {"loads", f_loads, MethodFlag::kOneArg,
     "Convert the bytes-like object to a value.\n\n  bytes\n  /\n\nIf no valid value is found, raise EOFError, ValueError or TypeError.  Extra\nbytes in the input are ignored."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_marshal_module() {
  Module* m = module_new(intern("marshal"));
  Str* name = intern("marshal");
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  }
  dict_set_str(m->dict, intern("version"), Value::small(kVersion));
  return m;
}

}  // namespace pyrite::python
