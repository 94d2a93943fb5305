// The _sha3 module: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202), the
// hash types hashlib expects next to the MD5/SHA-1/SHA-2 ones
// (docs/modules.md, "_sha3 and _blake2").
//
// Keccak-f[1600] on 25 little-endian 64-bit lanes; the round constants
// and rotation offsets are computed from FIPS 202's definitions (the rc
// LFSR, the (x, y) -> (y, 2x + 3y) walk) rather than copied as tables.
// The sponge absorbs `rate` bytes per permutation and pads with the
// domain suffix (0x06 for SHA-3, 0x1f for SHAKE) and a final 0x80.
#include <cstring>
#include <string>

#include "gc/heap.h"
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
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

uint64_t g_rc[24];
int g_rot[25];
bool g_ready = false;

bool rc_bit(int t) {
  if (t % 255 == 0) return true;
  unsigned r = 1;
  for (int i = 1; i <= t % 255; i++) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;   // R[0], R[4], R[5], R[6] ^= R[8]; drop R[8]
  }
  return r & 1;
}

void compute_constants() {
  for (int i = 0; i < 24; i++) {
    uint64_t rc = 0;
    for (int j = 0; j <= 6; j++)
      if (rc_bit(j + 7 * i)) rc |= uint64_t(1) << ((1 << j) - 1);
    g_rc[i] = rc;
  }
  g_rot[0] = 0;
  int x = 1, y = 0;
  for (int t = 0; t < 24; t++) {
    g_rot[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
    int nx = y, ny = (2 * x + 3 * y) % 5;
    x = nx;
    y = ny;
  }
  g_ready = true;
}

inline uint64_t rotl(uint64_t v, int n) { return n ? (v << n) | (v >> (64 - n)) : v; }

void keccak_f(uint64_t* a) {
  for (int round = 0; round < 24; round++) {
    uint64_t c[5], d[5], b[25];
    for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; x++) d[x] = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
    for (int i = 0; i < 25; i++) a[i] ^= d[i % 5];
    for (int x = 0; x < 5; x++)
      for (int y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], g_rot[x + 5 * y]);
    for (int x = 0; x < 5; x++)
      for (int y = 0; y < 5; y++)
        a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
    a[0] ^= g_rc[round];
  }
}

struct Variant {
  const char* name;
  int digest_size;   // 0 for SHAKE
  int rate;          // bytes
  uint8_t suffix;
};
const Variant kVariants[] = {
    {"sha3_224", 28, 144, 0x06}, {"sha3_256", 32, 136, 0x06}, {"sha3_384", 48, 104, 0x06},
    {"sha3_512", 64, 72, 0x06},  {"shake_128", 0, 168, 0x1f}, {"shake_256", 0, 136, 0x1f},
};
constexpr int kVariantCount = 6;
Type* g_types[kVariantCount] = {};

struct Sha3Object : Object {
  int32_t variant;
  int32_t pos;        // bytes absorbed into the current block
  uint64_t lanes[25];
};

void trace_sha3(void* p, gc::Visitor& v) { v.visit(static_cast<Sha3Object*>(p)->type); }

Sha3Object* as_sha3(Value v) { return static_cast<Sha3Object*>(v.as<Object>()); }

void absorb(Sha3Object* s, const uint8_t* p, size_t n) {
  int rate = kVariants[s->variant].rate;
  for (size_t i = 0; i < n; i++) {
    s->lanes[s->pos / 8] ^= uint64_t(p[i]) << (8 * (s->pos % 8));
    if (++s->pos == rate) {
      keccak_f(s->lanes);
      s->pos = 0;
    }
  }
}

// Pads a copy of the state and squeezes n bytes out of it.
std::string squeeze(const Sha3Object* s, size_t n) {
  uint64_t a[25];
  std::memcpy(a, s->lanes, sizeof(a));
  const Variant& v = kVariants[s->variant];
  a[s->pos / 8] ^= uint64_t(v.suffix) << (8 * (s->pos % 8));
  a[(v.rate - 1) / 8] ^= uint64_t(0x80) << (8 * ((v.rate - 1) % 8));
  keccak_f(a);
  std::string out;
  out.reserve(n);
  for (;;) {
    for (int i = 0; i < v.rate && out.size() < n; i++) out += char(uint8_t(a[i / 8] >> (8 * (i % 8))));
    if (out.size() >= n) break;
    keccak_f(a);
  }
  return out;
}

bool data_of(Value v, BufferView* out) {
  if (is_str(v)) {
    raise(exc::TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!get_buffer(v, out)) {
    raise(exc::TypeError, "object supporting the buffer API required");
    return false;
  }
  return true;
}

// sha3_224(data=b'', /, *, usedforsecurity=True) for every variant: CPython
// 3.11 shares one Clinic function, so every message says sha3_224().
Value sha3_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "usedforsecurity", nullptr};
  Value data, usedforsecurity;
  ArgSpec spec{"sha3_224", kNames, 0, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &usedforsecurity})) return {};
  if (usedforsecurity && truth(usedforsecurity) < 0) return {};
  BufferView b;
  if (data && !data_of(data, &b)) return {};
  if (!g_ready) compute_constants();
  int variant = 0;
  for (Type* t = type; t; t = t->base) {
    bool found = false;
    for (int i = 0; i < kVariantCount; i++)
      if (g_types[i] == t) {
        variant = i;
        found = true;
      }
    if (found) break;
  }
  auto* s = static_cast<Sha3Object*>(alloc_instance(type));
  if (!s) return {};
  s->variant = variant;
  s->pos = 0;
  std::memset(s->lanes, 0, sizeof(s->lanes));
  if (data) absorb(s, b.data, size_t(b.length));
  return s;
}

Value sha3_update(Value self, const Value* args, size_t, Tuple*) {
  BufferView b;
  if (!data_of(args[0], &b)) return {};
  absorb(as_sha3(self), b.data, size_t(b.length));
  return none();
}

Value sha3_copy(Value self, const Value*, size_t, Tuple*) {
  auto* s = static_cast<Sha3Object*>(alloc_instance(type_of(self)));
  if (!s) return {};
  s->variant = as_sha3(self)->variant;
  s->pos = as_sha3(self)->pos;
  std::memcpy(s->lanes, as_sha3(self)->lanes, sizeof(s->lanes));
  return s;
}

Value hex_of(const std::string& d) {
  static const char kHex[] = "0123456789abcdef";
  std::string h;
  for (unsigned char c : d) {
    h += kHex[c >> 4];
    h += kHex[c & 15];
  }
  return str_from_ascii(h);
}

Value sha3_digest(Value self, const Value*, size_t, Tuple*) {
  Sha3Object* s = as_sha3(self);
  return bytes_from(squeeze(s, size_t(kVariants[s->variant].digest_size)));
}
Value sha3_hexdigest(Value self, const Value*, size_t, Tuple*) {
  Sha3Object* s = as_sha3(self);
  return hex_of(squeeze(s, size_t(kVariants[s->variant].digest_size)));
}

// SHAKE's length: _PyLong_UnsignedLong_Converter.
bool length_arg(Value v, uint64_t* out) {
  if (!is_int(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  auto x = int_to_i64(v);
  if (!x) {
    raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = uint64_t(*x);
  return true;
}

Value shake_digest(Value self, const Value* args, size_t, Tuple*) {
  uint64_t n;
  if (!length_arg(args[0], &n)) return {};
  if (n >= (uint64_t(1) << 29)) return raise(exc::ValueError, "length is too large");
  return bytes_from(squeeze(as_sha3(self), size_t(n)));
}
Value shake_hexdigest(Value self, const Value* args, size_t, Tuple*) {
  uint64_t n;
  if (!length_arg(args[0], &n)) return {};
  if (n >= (uint64_t(1) << 29)) return raise(exc::ValueError, "length is too large");
  return hex_of(squeeze(as_sha3(self), size_t(n)));
}

Value get_name(Value self) { return str_from_ascii(kVariants[as_sha3(self)->variant].name); }
Value get_digest_size(Value self) { return Value::small(kVariants[as_sha3(self)->variant].digest_size); }
Value get_block_size(Value self) { return Value::small(kVariants[as_sha3(self)->variant].rate); }
Value get_capacity_bits(Value self) { return Value::small(1600 - kVariants[as_sha3(self)->variant].rate * 8); }
Value get_rate_bits(Value self) { return Value::small(kVariants[as_sha3(self)->variant].rate * 8); }
Value get_suffix(Value self) {
  uint8_t s = kVariants[as_sha3(self)->variant].suffix;
  return bytes_from(&s, 1);
}

const MethodDef kSha3Methods[] = {
    {"copy", sha3_copy, MethodFlag::kNoArgs, "Return a copy of the hash object."},
    {"digest", sha3_digest, MethodFlag::kNoArgs, "Return the digest value as a bytes object."},
    {"hexdigest", sha3_hexdigest, MethodFlag::kNoArgs, "Return the digest value as a string of hexadecimal digits."},
    {"update", sha3_update, MethodFlag::kOneArg, "Update this hash object's state with the provided bytes-like object."},
    {nullptr, nullptr, 0},
};
const MethodDef kShakeMethods[] = {
    {"copy", sha3_copy, MethodFlag::kNoArgs, "Return a copy of the hash object."},
    {"digest", shake_digest, MethodFlag::kOneArg, "Return the digest value as a bytes object."},
    {"hexdigest", shake_hexdigest, MethodFlag::kOneArg, "Return the digest value as a string of hexadecimal digits."},
    {"update", sha3_update, MethodFlag::kOneArg, "Update this hash object's state with the provided bytes-like object."},
    {nullptr, nullptr, 0},
};
const GetSetDef kGetSets[] = {
    {"name", get_name, nullptr, nullptr},
    {"digest_size", get_digest_size, nullptr, nullptr},
    {"block_size", get_block_size, nullptr, nullptr},
    {"_capacity_bits", get_capacity_bits, nullptr, nullptr},
    {"_rate_bits", get_rate_bits, nullptr, nullptr},
    {"_suffix", get_suffix, nullptr, nullptr},
    {nullptr, nullptr},
};

void make_types() {
  gc::LayoutInfo info;
  info.name = "_sha3 hash";
  info.trace = trace_sha3;
  info.fixed_size = sizeof(Sha3Object);
  gc::LayoutId layout = gc::register_layout(info);
  for (int i = 0; i < kVariantCount; i++) {
    TypeSpec spec;
    spec.name = kVariants[i].name;
    spec.module = "_sha3";
    spec.layout = layout;
    spec.instance_size = sizeof(Sha3Object);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_sha3;
    spec.slots.new_ = sha3_new;
    spec.methods = kVariants[i].digest_size ? kSha3Methods : kShakeMethods;
    spec.getsets = kGetSets;
    make_builtin_type(&g_types[i], spec);
  }
}

}  // namespace

Module* make_sha3_module() {
  if (!g_types[0]) make_types();
  Module* m = module_new(intern("_sha3"));
  dict_set_str(m->dict, intern("__doc__"), none());
  for (int i = 0; i < kVariantCount; i++) dict_set_str(m->dict, intern(kVariants[i].name), g_types[i]);
  dict_set_str(m->dict, intern("keccakopt"), Value::small(0));
  dict_set_str(m->dict, intern("implementation"), intern("tiny_sha3"));
  return m;
}

}  // namespace pyrite::python
