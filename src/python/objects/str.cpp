// str: the compact representation, construction, hashing, comparison, interning
// and the str type's slots (docs/objects.md, "str, bytes, bytearray,
// memoryview"). The methods live in str_methods.cpp, % formatting and
// str.format in str_format.cpp.
//
// Invariant: a Str's kind is the narrowest that holds its largest code
// point (1: < 256, 2: < 65536, 4: otherwise), so two equal strings always
// have the same kind and equality compares bytes. The text is followed by
// one zero code unit so ascii data is also a C string.
//
// Hash: 64-bit FNV-1a over the code points (as 32-bit values, whatever the
// kind, so equal text hashes equally) with a fixed seed, then a murmur3
// finalizer. CPython randomizes str hashes per process; Pyrite uses a fixed
// seed (programs may not depend on either).
#include "python/objects/str.h"
#include "python/objects/str_methods.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <vector>

#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/interp/interp.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

namespace {

constexpr size_t kHeaderBytes = sizeof(Str);

void trace_str(void* obj, gc::Visitor& v) { v.visit(static_cast<Str*>(obj)->type); }

size_t str_bytes(int64_t length, int kind) { return kHeaderBytes + size_t(length + 1) * size_t(kind); }

size_t size_str(const void* obj) {
  auto* s = static_cast<const Str*>(obj);
  return str_bytes(s->length, s->kind);
}

gc::LayoutId register_str_layout() {
  gc::LayoutInfo info;
  info.name = "str";
  info.trace = trace_str;
  info.size = size_str;
  return gc::register_layout(info);
}

int kind_for(char32_t max_cp) { return max_cp < 0x100 ? 1 : max_cp < 0x10000 ? 2 : 4; }

void store_cp(uint8_t* data, int kind, int64_t i, char32_t c) {
  switch (kind) {
    case 1: data[i] = uint8_t(c); break;
    case 2: reinterpret_cast<char16_t*>(data)[i] = char16_t(c); break;
    default: reinterpret_cast<char32_t*>(data)[i] = c; break;
  }
}

// ---- the UTF-8 decoder for C++-made text --------------------------------------
// Lenient: surrogates in 3-byte form are kept (surrogatepass), a malformed
// byte becomes U+FFFD. Text from Python source and from the codecs is valid.

// Decodes one code point at p (p < end); advances p.
char32_t decode_one(const unsigned char*& p, const unsigned char* end) {
  unsigned char b = *p;
  if (b < 0x80) {
    p++;
    return b;
  }
  int n;
  char32_t c;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 1;
    c = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 2;
    c = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 3;
    c = b & 0x07;
  } else {
    p++;
    return 0xFFFD;
  }
  if (end - p <= n) {
    p++;
    return 0xFFFD;
  }
  for (int i = 1; i <= n; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      p++;
      return 0xFFFD;
    }
    c = (c << 6) | (p[i] & 0x3F);
  }
  if ((n == 2 && c < 0x800) || (n == 3 && (c < 0x10000 || c > 0x10FFFF))) {
    p++;
    return 0xFFFD;
  }
  p += n + 1;
  return c;
}

// ---- hashing ------------------------------------------------------------------

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull ^ 0x5079726974650000ull;  // fixed seed "Pyrite"
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

inline uint64_t hash_step(uint64_t h, char32_t c) { return (h ^ uint64_t(c)) * kFnvPrime; }

int64_t hash_finish(uint64_t h, int64_t length) {
  if (length == 0) return 0;  // as CPython: hash("") == 0
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

template <class T>
uint64_t hash_units(const T* p, int64_t n) {
  uint64_t h = kFnvOffset;
  for (int64_t i = 0; i < n; i++) h = hash_step(h, char32_t(p[i]));
  return h;
}

uint64_t hash_raw(const Str* s) {
  switch (s->kind) {
    case 1: return hash_units(s->data(), s->length);
    case 2: return hash_units(reinterpret_cast<const char16_t*>(s->data()), s->length);
    default: return hash_units(reinterpret_cast<const char32_t*>(s->data()), s->length);
  }
}

// ---- interning ------------------------------------------------------------------
// Open addressing over Str*, keyed by str_hash and text. The strings are
// immortal: a root callback reports every one.

struct InternTable {
  std::vector<Str*> slots = std::vector<Str*>(1024, nullptr);
  size_t used = 0;
  bool rooted = false;
};

InternTable& interned() {
  static InternTable* t = new InternTable();
  return *t;
}

Str* char_cache[256];
bool char_cache_rooted = false;

void visit_interned(gc::Visitor& v, void*) {
  for (Str* s : interned().slots) v.visit(s);
}

void visit_char_cache(gc::Visitor& v, void*) {
  for (Str* s : char_cache) v.visit(s);
}

void intern_grow(InternTable& t) {
  std::vector<Str*> old = std::move(t.slots);
  t.slots.assign(old.size() * 2, nullptr);
  size_t mask = t.slots.size() - 1;
  for (Str* s : old) {
    if (!s) continue;
    size_t i = size_t(s->hash) & mask;
    while (t.slots[i]) i = (i + 1) & mask;
    t.slots[i] = s;
  }
}

// Equality of a Str with UTF-8 text (decoded on the fly).
bool equal_utf8(const Str* s, std::string_view utf8) {
  if (s->ascii) return s->ascii_view() == utf8;
  auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  auto* end = p + utf8.size();
  int64_t i = 0;
  while (p < end) {
    if (i >= s->length || decode_one(p, end) != s->at(i)) return false;
    i++;
  }
  return i == s->length;
}

Str* intern_insert(Str* s) {
  InternTable& t = interned();
  if (!t.rooted) {
    gc::Heap::current()->add_root_callback(visit_interned, nullptr);
    t.rooted = true;
  }
  if ((t.used + 1) * 2 > t.slots.size()) intern_grow(t);
  size_t mask = t.slots.size() - 1;
  size_t i = size_t(str_hash(s)) & mask;
  while (t.slots[i]) i = (i + 1) & mask;
  t.slots[i] = s;
  t.used++;
  s->interned = 1;
  return s;
}

}  // namespace

gc::LayoutId kStrLayout = register_str_layout();

// ---- construction ----------------------------------------------------------------

Str* str_new_raw(int64_t length, int kind) {
  if (length < 0 || uint64_t(length) > (gc::kMaxObjectSize / 4)) {
    raise_memory_error();
    return nullptr;
  }
  auto* s = try_allocate<Str>(kStrLayout, types::str, str_bytes(length, kind));
  if (!s) {
    raise_memory_error();
    return nullptr;
  }
  s->length = length;
  s->hash = -1;
  s->kind = uint8_t(kind);
  s->ascii = 0;
  return s;
}

namespace {

// Sets the ascii flag of a freshly filled string.
Str* finish(Str* s) {
  if (s->kind != 1) return s;
  const uint8_t* d = s->data();
  uint8_t any = 0;
  for (int64_t i = 0; i < s->length; i++) any |= d[i];
  s->ascii = (any & 0x80) == 0;
  return s;
}

}  // namespace

Str* str_empty() {
  static Str* empty = nullptr;
  if (!empty) {
    empty = str_new_raw(0, 1);
    empty->ascii = 1;
    intern_insert(empty);
  }
  return empty;
}

Str* str_char(char32_t c) {
  if (c < 256) {
    if (char_cache[c]) return char_cache[c];
    if (!char_cache_rooted) {
      gc::Heap::current()->add_root_callback(visit_char_cache, nullptr);
      char_cache_rooted = true;
    }
    Str* s = str_new_raw(1, 1);
    s->data()[0] = uint8_t(c);
    s->ascii = c < 128;
    char_cache[c] = s;
    return s;
  }
  int kind = kind_for(c);
  Str* s = str_new_raw(1, kind);
  if (!s) return nullptr;
  store_cp(s->data(), kind, 0, c);
  return s;
}

Str* str_from_ascii(std::string_view ascii) {
  if (ascii.empty()) return str_empty();
  if (ascii.size() == 1) return str_char(static_cast<unsigned char>(ascii[0]));
  Str* s = str_new_raw(int64_t(ascii.size()), 1);
  if (!s) return nullptr;
  memcpy(s->data(), ascii.data(), ascii.size());
  s->ascii = 1;
  return s;
}

Str* str_from_latin1(const uint8_t* p, size_t n) {
  if (n == 0) return str_empty();
  if (n == 1) return str_char(p[0]);
  Str* s = str_new_raw(int64_t(n), 1);
  if (!s) return nullptr;
  memcpy(s->data(), p, n);
  return finish(s);
}

Str* str_from_code_points(const char32_t* cps, size_t n) {
  if (n == 0) return str_empty();
  if (n == 1) return str_char(cps[0]);
  char32_t max = 0;
  for (size_t i = 0; i < n; i++) max = cps[i] > max ? cps[i] : max;
  int kind = kind_for(max);
  Str* s = str_new_raw(int64_t(n), kind);
  if (!s) return nullptr;
  uint8_t* d = s->data();
  switch (kind) {
    case 1:
      for (size_t i = 0; i < n; i++) d[i] = uint8_t(cps[i]);
      s->ascii = max < 128;
      break;
    case 2:
      for (size_t i = 0; i < n; i++) reinterpret_cast<char16_t*>(d)[i] = char16_t(cps[i]);
      break;
    default: memcpy(d, cps, n * 4); break;
  }
  return s;
}

Str* str_from_u32(std::u32string_view cps) { return str_from_code_points(cps.data(), cps.size()); }

Str* str_from_utf8(std::string_view utf8) {
  auto* begin = reinterpret_cast<const unsigned char*>(utf8.data());
  auto* end = begin + utf8.size();
  // Pass 1: length and widest code point; the all-ASCII case copies.
  const unsigned char* p = begin;
  while (p < end && *p < 0x80) p++;
  if (p == end) return str_from_ascii(utf8);
  int64_t length = p - begin;
  char32_t max = 0x7F;
  while (p < end) {
    char32_t c = decode_one(p, end);
    max = c > max ? c : max;
    length++;
  }
  if (length == 1) {
    p = begin;
    return str_char(decode_one(p, end));
  }
  int kind = kind_for(max);
  Str* s = str_new_raw(length, kind);
  if (!s) return nullptr;
  uint8_t* d = s->data();
  p = begin;
  for (int64_t i = 0; i < length; i++) store_cp(d, kind, i, decode_one(p, end));
  return s;
}

std::string str_to_utf8(const Str* s) {
  if (s->ascii) return std::string(s->ascii_view());
  std::string out;
  out.reserve(size_t(s->length) * (s->kind == 1 ? 2 : 3));
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c < 0x80) {
      out.push_back(char(c));
    } else if (c < 0x800) {
      out.push_back(char(0xC0 | (c >> 6)));
      out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(char(0xE0 | (c >> 12)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(char(0x80 | (c & 0x3F)));
    } else {
      out.push_back(char(0xF0 | (c >> 18)));
      out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(char(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::u32string str_to_u32(const Str* s) {
  std::u32string out;
  out.resize(size_t(s->length));
  const uint8_t* d = s->data();
  switch (s->kind) {
    case 1:
      for (int64_t i = 0; i < s->length; i++) out[size_t(i)] = d[i];
      break;
    case 2:
      for (int64_t i = 0; i < s->length; i++) out[size_t(i)] = reinterpret_cast<const char16_t*>(d)[i];
      break;
    default: memcpy(out.data(), d, size_t(s->length) * 4); break;
  }
  return out;
}

Str* str_substr(Str* s, int64_t start, int64_t stop) {
  if (start == 0 && stop == s->length && is_exact_str(s)) return s;
  int64_t n = stop - start;
  if (n <= 0) return str_empty();
  if (n == 1) return str_char(s->at(start));
  if (s->kind == 1) return str_from_latin1(s->data() + start, size_t(n));
  // Narrow if the slice's widest code point allows.
  char32_t max = 0;
  for (int64_t i = start; i < stop; i++) max = s->at(i) > max ? s->at(i) : max;
  int kind = kind_for(max);
  Str* r = str_new_raw(n, kind);
  if (!r) return nullptr;
  if (kind == s->kind) {
    memcpy(r->data(), s->data() + start * kind, size_t(n) * size_t(kind));
  } else {
    for (int64_t i = 0; i < n; i++) store_cp(r->data(), kind, i, s->at(start + i));
    finish(r);
  }
  return r;
}

Str* str_new_subtype(Type* type, Str* s) {
  if (type == types::str) {
    return str_substr(s, 0, s->length);
  }
  auto* r = alloc_var_instance<Str>(type, str_bytes(s->length, s->kind));
  if (!r) return nullptr;
  r->length = s->length;
  r->hash = -1;
  r->kind = s->kind;
  r->ascii = s->ascii;
  memcpy(r->data(), s->data(), size_t(s->length) * s->kind);
  return r;
}

// ---- equality, hashing, ordering -------------------------------------------------

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->length != b->length || a->kind != b->kind) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return memcmp(a->data(), b->data(), size_t(a->length) * a->kind) == 0;
}

int64_t str_hash(Str* s) {
  if (s->hash == -1) s->hash = hash_finish(hash_raw(s), s->length);
  return s->hash;
}

int64_t hash_latin1(const uint8_t* p, size_t n) { return hash_finish(hash_units(p, int64_t(n)), int64_t(n)); }

int str_compare(const Str* a, const Str* b) {
  int64_t n = a->length < b->length ? a->length : b->length;
  if (a->kind == 1 && b->kind == 1) {
    int c = memcmp(a->data(), b->data(), size_t(n));
    if (c != 0) return c;
  } else {
    for (int64_t i = 0; i < n; i++) {
      char32_t x = a->at(i), y = b->at(i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

Str* str_concat(Str* a, Str* b) {
  if (b->length == 0 && is_exact_str(a)) return a;
  if (a->length == 0 && is_exact_str(b)) return b;
  if (a->length > (int64_t(1) << 60) - b->length) {
    raise(exc::OverflowError, "strings are too large to concat");
    return nullptr;
  }
  int kind = a->kind > b->kind ? a->kind : b->kind;
  int64_t n = a->length + b->length;
  Str* s = str_new_raw(n, kind);
  if (!s) return nullptr;
  uint8_t* d = s->data();
  if (a->kind == kind) {
    memcpy(d, a->data(), size_t(a->length) * kind);
  } else {
    for (int64_t i = 0; i < a->length; i++) store_cp(d, kind, i, a->at(i));
  }
  if (b->kind == kind) {
    memcpy(d + a->length * kind, b->data(), size_t(b->length) * kind);
  } else {
    for (int64_t i = 0; i < b->length; i++) store_cp(d, kind, a->length + i, b->at(i));
  }
  s->ascii = a->ascii && b->ascii;
  return s;
}

int64_t str_find(const Str* s, const Str* sub, int64_t start, int64_t end) {
  int64_t m = sub->length;
  if (end > s->length) end = s->length;
  if (start < 0) start = 0;
  if (end - start < m) return -1;
  if (m == 0) return start;
  if (sub->kind > s->kind) return -1;  // a wider char can't occur in s
  if (s->kind == 1) {
    const uint8_t* d = s->data();
    const uint8_t* p = sub->data();
    const uint8_t* hay = d + start;
    size_t hay_len = size_t(end - start);
    while (hay_len >= size_t(m)) {
      auto* hit = static_cast<const uint8_t*>(memchr(hay, p[0], hay_len - size_t(m) + 1));
      if (!hit) return -1;
      if (memcmp(hit, p, size_t(m)) == 0) return hit - d;
      hay_len -= size_t(hit - hay) + 1;
      hay = hit + 1;
    }
    return -1;
  }
  char32_t first = sub->at(0);
  for (int64_t i = start; i + m <= end; i++) {
    if (s->at(i) != first) continue;
    int64_t j = 1;
    while (j < m && s->at(i + j) == sub->at(j)) j++;
    if (j == m) return i;
  }
  return -1;
}

Str* str_join(Str* sep, const Value* items, size_t n) {
  if (n == 0) return str_empty();
  if (n == 1 && is_exact_str(items[0])) return items[0].as<Str>();
  int kind = sep->kind;
  int64_t total = 0;
  bool ascii = sep->ascii || n == 1;
  for (size_t i = 0; i < n; i++) {
    if (!is_str(items[i])) {
      raisef(exc::TypeError, "sequence item %zu: expected str instance, %s found", i,
             type_name(items[i]).c_str());
      return nullptr;
    }
    Str* s = items[i].as<Str>();
    kind = s->kind > kind ? s->kind : kind;
    ascii = ascii && s->ascii;
    total += s->length;
    if (total > (int64_t(1) << 60)) {
      raise(exc::OverflowError, "join() result is too long for a Python string");
      return nullptr;
    }
  }
  total += sep->length * int64_t(n - 1);
  Str* r = str_new_raw(total, kind);
  if (!r) return nullptr;
  uint8_t* d = r->data();
  int64_t pos = 0;
  auto put = [&](const Str* s) {
    if (s->kind == kind) {
      memcpy(d + pos * kind, s->data(), size_t(s->length) * kind);
    } else {
      for (int64_t i = 0; i < s->length; i++) store_cp(d, kind, pos + i, s->at(i));
    }
    pos += s->length;
  };
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && sep->length) put(sep);
    put(items[i].as<Str>());
  }
  r->ascii = ascii;
  if (kind == 1 && !ascii) finish(r);
  return r;
}

// ---- interning ----------------------------------------------------------------------

Str* intern(std::string_view utf8) {
  InternTable& t = interned();
  auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  auto* end = p + utf8.size();
  uint64_t h = kFnvOffset;
  int64_t n = 0;
  while (p < end) {
    h = hash_step(h, decode_one(p, end));
    n++;
  }
  int64_t hash = hash_finish(h, n);
  size_t mask = t.slots.size() - 1;
  for (size_t i = size_t(hash) & mask; t.slots[i]; i = (i + 1) & mask) {
    Str* s = t.slots[i];
    if (s->hash == hash && s->length == n && equal_utf8(s, utf8)) return s;
  }
  Str* s = str_from_utf8(utf8);
  if (!s) return nullptr;
  if (s->length <= 1) {  // cached singletons: intern them as they are
    if (s->interned) return s;
  }
  return intern_insert(s);
}

Str* intern_str(Str* s) {
  if (s->interned) return s;
  InternTable& t = interned();
  int64_t hash = str_hash(s);
  size_t mask = t.slots.size() - 1;
  for (size_t i = size_t(hash) & mask; t.slots[i]; i = (i + 1) & mask) {
    if (str_equal(t.slots[i], s)) return t.slots[i];
  }
  if (!is_exact_str(s)) {
    s = str_substr(s, 0, s->length);
    if (!s) return nullptr;
    if (s->interned) return s;
  }
  return intern_insert(s);
}

Str* str_format(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return str_empty();
  if (size_t(n) < sizeof buf) return str_from_utf8(std::string_view(buf, size_t(n)));
  std::string big(size_t(n) + 1, '\0');
  va_start(ap, fmt);
  vsnprintf(big.data(), big.size(), fmt, ap);
  va_end(ap);
  big.resize(size_t(n));
  return str_from_utf8(big);
}


// ---- slots -----------------------------------------------------------------------------

namespace {

Value str_repr_slot(Value self) { return str_repr(self.as<Str>()); }

Value str_str_slot(Value self) {
  if (is_exact_str(self)) return self;
  return str_substr(self.as<Str>(), 0, self.as<Str>()->length);
}

int64_t str_hash_slot(Value self) { return str_hash(self.as<Str>()); }

Value str_compare_slot(Value a, Value b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return not_implemented();
  Str* x = a.as<Str>();
  Str* y = b.as<Str>();
  switch (op) {
    case CompareOp::kEq: return py_bool(str_equal(x, y));
    case CompareOp::kNe: return py_bool(!str_equal(x, y));
    default: break;
  }
  int c = str_compare(x, y);
  switch (op) {
    case CompareOp::kLt: return py_bool(c < 0);
    case CompareOp::kLe: return py_bool(c <= 0);
    case CompareOp::kGt: return py_bool(c > 0);
    default: return py_bool(c >= 0);
  }
}

// The other operand's own slot for `op` (CPython tries the right operand's
// number slot before the sequence concat/repeat raises), or NotImplemented.
Value try_other(BinaryOp op, Value a, Value b) {
  Type* t = type_of(b);
  BinaryFn f = t->slots.binary[int(op)];
  if (!f || t->native_base == types::str) return not_implemented();
  return f(a, b);
}

Value str_add_slot(Value a, Value b) {
  if (!is_str(a)) return not_implemented();
  if (is_str(b)) return str_concat(a.as<Str>(), b.as<Str>());
  Value r = try_other(BinaryOp::kAdd, a, b);
  if (!r.is(not_implemented())) return r;
  return raisef(exc::TypeError, "can only concatenate str (not \"%s\") to str", type_name(b).c_str());
}

Value str_repeat(Str* s, Value count) {
  int64_t n;
  if (!index_i64(count, &n)) return {};
  if (n <= 0 || s->length == 0) return str_empty();
  if (n == 1 && is_exact_str(s)) return s;
  if (s->length > INT64_MAX / n) return raise(exc::OverflowError, "repeated string is too long");
  int64_t total = s->length * n;
  Str* r = str_new_raw(total, s->kind);
  if (!r) return {};
  size_t unit = size_t(s->length) * s->kind;
  uint8_t* d = r->data();
  if (unit == 1) {
    memset(d, s->data()[0], size_t(n));
  } else {
    memcpy(d, s->data(), unit);
    size_t done = unit, all = unit * size_t(n);
    while (done < all) {  // doubling copies
      size_t c = done < all - done ? done : all - done;
      memcpy(d + done, d, c);
      done += c;
    }
  }
  r->ascii = s->ascii;
  return r;
}

Value str_mul_slot(Value a, Value b) {
  if (is_str(a)) {
    if (has_index(b)) return str_repeat(a.as<Str>(), b);
    Value r = try_other(BinaryOp::kMul, a, b);
    if (!r.is(not_implemented())) return r;
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                  type_name(b).c_str());
  }
  if (!is_str(b)) return not_implemented();
  if (has_index(a)) return str_repeat(b.as<Str>(), a);
  return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                type_name(a).c_str());
}

int64_t str_len_slot(Value self) { return self.as<Str>()->length; }

Value str_getitem_slot(Value self, Value key) {
  Str* s = self.as<Str>();
  if (key.is_small()) {
    int64_t i = key.small_value();
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length) return raise(exc::IndexError, "string index out of range");
    return str_char(s->at(i));
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), s->length, &start, &stop, &step);
    if (n < 0) return {};
    if (step == 1) return str_substr(s, start, start + n);
    if (n == 0) return str_empty();
    std::u32string out(size_t(n), U'\0');
    for (int64_t i = 0, j = start; i < n; i++, j += step) out[size_t(i)] = s->at(j);
    return str_from_u32(out);
  }
  if (!has_index(key)) {
    return raisef(exc::TypeError, "string indices must be integers, not '%s'", type_name(key).c_str());
  }
  int64_t i;
  if (!index_i64(key, &i)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      return raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key).c_str());
    }
    return {};
  }
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return raise(exc::IndexError, "string index out of range");
  return str_char(s->at(i));
}

int str_contains_slot(Value self, Value item) {
  if (!is_str(item)) {
    raisef(exc::TypeError, "'in <string>' requires string as left operand, not %s",
           type_name(item).c_str());
    return -1;
  }
  Str* s = self.as<Str>();
  return str_find(s, item.as<Str>(), 0, s->length) >= 0;
}

// ---- iterators: str_ascii_iterator and str_iterator ----

struct StrIterator : Object {
  Str* str;
  int64_t index;
};

gc::LayoutId kStrIteratorLayout = 0;

void trace_str_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<StrIterator*>(obj);
  v.visit(it->type);
  v.visit(it->str);
}

Value str_iter_slot(Value self) {
  Str* s = self.as<Str>();
  auto* it = allocate<StrIterator>(kStrIteratorLayout,
                                   s->ascii ? types::str_ascii_iterator : types::str_iterator);
  it->str = s;
  it->index = 0;
  return it;
}

Value str_iterator_iter(Value self) { return self; }

Value str_iterator_next(Value self) {
  auto* it = self.as<StrIterator>();
  if (!it->str) return {};
  if (it->index >= it->str->length) {
    it->str = nullptr;
    return {};
  }
  return str_char(it->str->at(it->index++));
}

Value str_iterator_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<StrIterator>();
  return Value::small(it->str ? it->str->length - it->index : 0);
}

Value str_iterator_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<StrIterator>();
  Value iter_fn = get_attr(Value(builtins_module()), intern("iter"));
  if (!iter_fn) return {};
  if (!it->str) return tuple_of({iter_fn, tuple_of({str_empty()})});
  return tuple_of({iter_fn, tuple_of({it->str}), Value::small(it->index)});
}

Value str_iterator_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<StrIterator>();
  int64_t i;
  if (!iter_state_index(args[0], &i)) return {};
  if (it->str) {
    if (i < 0) i = 0;
    if (i > it->str->length) i = it->str->length;
    it->index = i;
  }
  return none();
}

const MethodDef kStrIteratorMethods[] = {
    {"__length_hint__", str_iterator_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", str_iterator_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", str_iterator_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

// str(object='') and str(bytes_or_buffer, encoding='utf-8', errors='strict').
Value str_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"object", "encoding", "errors", nullptr};
  Value object, encoding, errors;
  if (!parse_args(ArgSpec{"str", kParams, 0, 0}, args, nargs, kwnames, {&object, &encoding, &errors})) {
    return {};
  }
  Value result;
  if (!object) {
    result = str_empty();
  } else if (!encoding && !errors) {
    result = str_of(object);
  } else {
    result = str_decode_object(object, encoding, errors);
  }
  if (!result) return {};
  if (type == types::str) return result;
  return str_new_subtype(type, result.as<Str>());
}

}  // namespace

void str_fill_slots(TypeSlots* slots) {
  slots->repr = str_repr_slot;
  slots->str = str_str_slot;
  slots->hash = str_hash_slot;
  slots->compare = str_compare_slot;
  slots->new_ = str_new_slot;
  slots->iter = str_iter_slot;
  slots->binary[int(BinaryOp::kAdd)] = str_add_slot;
  slots->binary[int(BinaryOp::kMul)] = str_mul_slot;
  slots->binary[int(BinaryOp::kMod)] = str_mod;
  slots->len = str_len_slot;
  slots->getitem = str_getitem_slot;
  slots->contains = str_contains_slot;
}

// ---- the str type ---------------------------------------------------------------------

void init_str() {
  TypeSpec spec;
  spec.name = "str";
  spec.layout = kStrLayout;
  spec.instance_size = sizeof(Str);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kStrSubclass;
  spec.trace = trace_str;
  str_fill_slots(&spec.slots);
  spec.methods = str_method_defs();
  spec.doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
      "Create a new string object from the given object. If encoding or\n"
      "errors is specified, then the object must expose a data buffer\n"
      "that will be decoded using the given encoding and error handler.\n"
      "Otherwise, returns the result of object.__str__() (if defined)\n"
      "or repr(object).\nencoding defaults to sys.getdefaultencoding().\n"
      "errors defaults to 'strict'.";
  // Strings made before the type existed (names interned while the first
  // types were built) have a null type word: fill it in.
  Type* t = make_builtin_type(&types::str, spec);
  gc::Heap::current()->for_each_object([t](void* obj, size_t) {
    auto* h = static_cast<gc::Header*>(obj);
    if (gc::LayoutId(h->gc_word >> gc::kLayoutShift) == kStrLayout && h->language_word == nullptr) {
      h->language_word = t;
    }
  });

  kStrIteratorLayout = register_object_layout("str_iterator", sizeof(StrIterator), trace_str_iterator);
  for (Type** into : {&types::str_iterator, &types::str_ascii_iterator}) {
    TypeSpec it;
    it.name = into == &types::str_iterator ? "str_iterator" : "str_ascii_iterator";
    it.layout = kStrIteratorLayout;
    it.instance_size = sizeof(StrIterator);
    it.trace = trace_str_iterator;
    it.slots.iter = str_iterator_iter;
    it.slots.next = str_iterator_next;
    it.methods = kStrIteratorMethods;
    make_builtin_type(into, it);
  }
}

}  // namespace pyrite::python
