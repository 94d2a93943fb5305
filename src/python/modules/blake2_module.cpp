// The _blake2 module: BLAKE2b and BLAKE2s (RFC 7693) with keys, salts,
// personalization and tree parameters (docs/modules.md, "_sha3 and
// _blake2").
//
// One template over the word type: BLAKE2b is 64-bit words, 12 rounds,
// rotations 32/24/16/63 and a 128-byte block; BLAKE2s 32-bit words, 10
// rounds, 16/12/8/7 and 64 bytes. Their IVs are SHA-512's and SHA-256's
// (computed the same way as in hash_algorithms.cpp: fractional parts of
// square roots of the first primes). The last block is kept buffered until
// the digest, which compresses it with the final flag on a copy.
#include <gmp.h>

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

// RFC 7693's message schedule.
const uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

uint64_t g_iv64[8];
uint32_t g_iv32[8];
bool g_ready = false;

uint64_t sqrt_fraction(unsigned p, unsigned bits) {
  mpz_t x, r;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, 2 * bits);
  mpz_init(r);
  mpz_sqrt(r, x);
  mpz_fdiv_r_2exp(r, r, bits);
  uint64_t v = 0;
  mpz_export(&v, nullptr, -1, sizeof(v), 0, 0, r);
  mpz_clear(x);
  mpz_clear(r);
  return v;
}

void compute_ivs() {
  const unsigned primes[8] = {2, 3, 5, 7, 11, 13, 17, 19};
  for (int i = 0; i < 8; i++) {
    g_iv64[i] = sqrt_fraction(primes[i], 64);
    g_iv32[i] = uint32_t(sqrt_fraction(primes[i], 32));
  }
  g_ready = true;
}

template <class W>
struct Traits;
template <>
struct Traits<uint64_t> {
  static constexpr int kRounds = 12, kBlock = 128, kMaxDigest = 64, kSalt = 16;
  static constexpr int kR1 = 32, kR2 = 24, kR3 = 16, kR4 = 63;
  static const uint64_t* iv() { return g_iv64; }
  static constexpr const char* kName = "blake2b";
  static constexpr uint64_t kMaxNodeOffset = ~uint64_t(0);
};
template <>
struct Traits<uint32_t> {
  static constexpr int kRounds = 10, kBlock = 64, kMaxDigest = 32, kSalt = 8;
  static constexpr int kR1 = 16, kR2 = 12, kR3 = 8, kR4 = 7;
  static const uint32_t* iv() { return g_iv32; }
  static constexpr const char* kName = "blake2s";
  static constexpr uint64_t kMaxNodeOffset = (uint64_t(1) << 48) - 1;
};

template <class W>
inline W rotr(W x, int n) {
  return (x >> n) | (x << (8 * sizeof(W) - n));
}

template <class W>
W load_word(const uint8_t* p) {
  W w = 0;
  for (size_t i = 0; i < sizeof(W); i++) w |= W(p[i]) << (8 * i);
  return w;
}

// The state both variants keep inline in their objects (BLAKE2s uses the
// low halves of the 64-bit slots).
struct State {
  uint64_t h[8];
  uint64_t t[2];        // bytes compressed so far (128-bit counter)
  uint8_t buf[128];
  int32_t buflen;
  int32_t digest_size;
  bool last_node;
};

template <class W>
void compress(State* s, const uint8_t* block, bool last) {
  using T = Traits<W>;
  W m[16], v[16], h[8];
  for (int i = 0; i < 16; i++) m[i] = load_word<W>(block + i * sizeof(W));
  for (int i = 0; i < 8; i++) h[i] = W(s->h[i]);
  for (int i = 0; i < 8; i++) {
    v[i] = h[i];
    v[i + 8] = T::iv()[i];
  }
  v[12] ^= W(s->t[0]);
  v[13] ^= sizeof(W) == 8 ? W(s->t[1]) : W(s->t[0] >> 32);
  if (last) {
    v[14] = ~v[14];
    if (s->last_node) v[15] = ~v[15];
  }
  auto g = [&](int a, int b, int c, int d, W x, W y) {
    v[a] = v[a] + v[b] + x;
    v[d] = rotr<W>(v[d] ^ v[a], T::kR1);
    v[c] = v[c] + v[d];
    v[b] = rotr<W>(v[b] ^ v[c], T::kR2);
    v[a] = v[a] + v[b] + y;
    v[d] = rotr<W>(v[d] ^ v[a], T::kR3);
    v[c] = v[c] + v[d];
    v[b] = rotr<W>(v[b] ^ v[c], T::kR4);
  };
  for (int r = 0; r < T::kRounds; r++) {
    const uint8_t* s8 = kSigma[r % 10];
    g(0, 4, 8, 12, m[s8[0]], m[s8[1]]);
    g(1, 5, 9, 13, m[s8[2]], m[s8[3]]);
    g(2, 6, 10, 14, m[s8[4]], m[s8[5]]);
    g(3, 7, 11, 15, m[s8[6]], m[s8[7]]);
    g(0, 5, 10, 15, m[s8[8]], m[s8[9]]);
    g(1, 6, 11, 12, m[s8[10]], m[s8[11]]);
    g(2, 7, 8, 13, m[s8[12]], m[s8[13]]);
    g(3, 4, 9, 14, m[s8[14]], m[s8[15]]);
  }
  for (int i = 0; i < 8; i++) s->h[i] = W(h[i] ^ v[i] ^ v[i + 8]);
}

template <class W>
void add_counter(State* s, uint64_t n) {
  if (sizeof(W) == 8) {
    s->t[0] += n;
    if (s->t[0] < n) s->t[1]++;
  } else {
    s->t[0] = (s->t[0] + n) & 0xffffffffffffffffull;
  }
}

template <class W>
void update(State* s, const uint8_t* p, size_t n) {
  constexpr int kBlock = Traits<W>::kBlock;
  while (n > 0) {
    if (s->buflen == kBlock) {   // a full buffered block and more data: compress it
      add_counter<W>(s, kBlock);
      compress<W>(s, s->buf, false);
      s->buflen = 0;
    }
    size_t take = size_t(kBlock - s->buflen) < n ? size_t(kBlock - s->buflen) : n;
    std::memcpy(s->buf + s->buflen, p, take);
    s->buflen += int32_t(take);
    p += take;
    n -= take;
  }
}

template <class W>
std::string final_digest(const State* in) {
  State s = *in;
  constexpr int kBlock = Traits<W>::kBlock;
  add_counter<W>(&s, uint64_t(s.buflen));
  std::memset(s.buf + s.buflen, 0, size_t(kBlock - s.buflen));
  compress<W>(&s, s.buf, true);
  std::string out;
  for (int i = 0; i < s.digest_size; i++)
    out += char(uint8_t(W(s.h[i / sizeof(W)]) >> (8 * (i % sizeof(W)))));
  return out;
}

struct Blake2Object : Object {
  State state;
  bool is_b;
};

Type* g_blake2b = nullptr;
Type* g_blake2s = nullptr;

void trace_blake2(void* p, gc::Visitor& v) { v.visit(static_cast<Blake2Object*>(p)->type); }
Blake2Object* as_b2(Value v) { return static_cast<Blake2Object*>(v.as<Object>()); }

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

bool bytes_param(Value v, BufferView* out) {
  if (!get_buffer(v, out)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
  }
  return true;
}

bool int_param(Value v, int* out) { return arg_int(v, out); }

// _PyLong_UnsignedLong(Long)_Converter: "value must be positive" for
// negatives; the caller checks the range.
bool unsigned_param(Value v, uint64_t* out, bool long_long) {
  if (!is_int(v) && !type_of(v)->slots.index) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  if (int_sign(i) < 0) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  if (fits) *out = mpz_get_ui(z);
  mpz_clear(scratch);
  if (!fits) {
    raise(exc::OverflowError,
          long_long ? "int too big to convert" : "Python int too large to convert to C unsigned long");
    return false;
  }
  return true;
}

template <class W>
Value blake2_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  using T = Traits<W>;
  static const char* const kNames[] = {"",          "digest_size", "key",        "salt",
                                       "person",    "fanout",      "depth",      "leaf_size",
                                       "node_offset", "node_depth", "inner_size", "last_node",
                                       "usedforsecurity", nullptr};
  Value data, digest_size_v, key_v, salt_v, person_v, fanout_v, depth_v, leaf_v, offset_v,
      node_depth_v, inner_v, last_v, security_v;
  ArgSpec spec{T::kName, kNames, 0, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames,
                  {&data, &digest_size_v, &key_v, &salt_v, &person_v, &fanout_v, &depth_v, &leaf_v,
                   &offset_v, &node_depth_v, &inner_v, &last_v, &security_v}))
    return {};
  int digest_size = T::kMaxDigest, fanout = 1, depth = 1, node_depth = 0, inner = 0;
  uint64_t leaf = 0, offset = 0;
  BufferView key{}, salt{}, person{};
  if (digest_size_v && !int_param(digest_size_v, &digest_size)) return {};
  if (key_v && !bytes_param(key_v, &key)) return {};
  if (salt_v && !bytes_param(salt_v, &salt)) return {};
  if (person_v && !bytes_param(person_v, &person)) return {};
  if (fanout_v && !int_param(fanout_v, &fanout)) return {};
  if (depth_v && !int_param(depth_v, &depth)) return {};
  if (leaf_v && !unsigned_param(leaf_v, &leaf, false)) return {};
  if (offset_v && !unsigned_param(offset_v, &offset, true)) return {};
  if (node_depth_v && !int_param(node_depth_v, &node_depth)) return {};
  if (inner_v && !int_param(inner_v, &inner)) return {};
  int last_node = 0;
  if (last_v && (last_node = truth(last_v)) < 0) return {};
  if (security_v && truth(security_v) < 0) return {};
  if (digest_size <= 0 || digest_size > T::kMaxDigest)
    return raisef(exc::ValueError, "digest_size must be between 1 and %d bytes", T::kMaxDigest);
  if (salt.length > T::kSalt)
    return raisef(exc::ValueError, "maximum salt length is %d bytes", T::kSalt);
  if (person.length > T::kSalt)
    return raisef(exc::ValueError, "maximum person length is %d bytes", T::kSalt);
  if (fanout < 0 || fanout > 255) return raise(exc::ValueError, "fanout must be between 0 and 255");
  if (depth <= 0 || depth > 255) return raise(exc::ValueError, "depth must be between 1 and 255");
  if (leaf > 0xffffffffull) return raise(exc::OverflowError, "leaf_size is too large");
  if (offset > T::kMaxNodeOffset) return raise(exc::OverflowError, "node_offset is too large");
  if (node_depth < 0 || node_depth > 255)
    return raise(exc::ValueError, "node_depth must be between 0 and 255");
  if (inner < 0 || inner > T::kMaxDigest)
    return raisef(exc::ValueError, "inner_size must be between 0 and is %d", T::kMaxDigest);
  if (key.length > T::kMaxDigest)
    return raisef(exc::ValueError, "maximum key length is %d bytes", T::kMaxDigest);
  BufferView d{};
  if (data && !data_of(data, &d)) return {};
  if (!g_ready) compute_ivs();
  // The parameter block, little-endian, XORed into the IV.
  uint8_t p[64] = {};
  p[0] = uint8_t(digest_size);
  p[1] = uint8_t(key.length);
  p[2] = uint8_t(fanout);
  p[3] = uint8_t(depth);
  for (int i = 0; i < 4; i++) p[4 + i] = uint8_t(leaf >> (8 * i));
  int salt_at, person_at;
  if (sizeof(W) == 8) {
    for (int i = 0; i < 8; i++) p[8 + i] = uint8_t(offset >> (8 * i));
    p[16] = uint8_t(node_depth);
    p[17] = uint8_t(inner);
    salt_at = 32;
    person_at = 48;
  } else {
    for (int i = 0; i < 6; i++) p[8 + i] = uint8_t(offset >> (8 * i));
    p[14] = uint8_t(node_depth);
    p[15] = uint8_t(inner);
    salt_at = 16;
    person_at = 24;
  }
  if (salt.length) std::memcpy(p + salt_at, salt.data, size_t(salt.length));
  if (person.length) std::memcpy(p + person_at, person.data, size_t(person.length));
  auto* o = static_cast<Blake2Object*>(alloc_instance(type));
  if (!o) return {};
  std::memset(&o->state, 0, sizeof(o->state));
  o->is_b = sizeof(W) == 8;
  for (int i = 0; i < 8; i++) o->state.h[i] = W(T::iv()[i] ^ load_word<W>(p + i * sizeof(W)));
  o->state.digest_size = digest_size;
  o->state.last_node = last_node != 0;
  if (key.length) {
    uint8_t block[T::kBlock] = {};
    std::memcpy(block, key.data, size_t(key.length));
    update<W>(&o->state, block, T::kBlock);
  }
  if (data) update<W>(&o->state, d.data, size_t(d.length));
  return o;
}

Value b2_update(Value self, const Value* args, size_t, Tuple*) {
  BufferView b;
  if (!data_of(args[0], &b)) return {};
  Blake2Object* o = as_b2(self);
  if (o->is_b) update<uint64_t>(&o->state, b.data, size_t(b.length));
  else update<uint32_t>(&o->state, b.data, size_t(b.length));
  return none();
}

std::string digest_of(Blake2Object* o) {
  return o->is_b ? final_digest<uint64_t>(&o->state) : final_digest<uint32_t>(&o->state);
}

Value b2_digest(Value self, const Value*, size_t, Tuple*) { return bytes_from(digest_of(as_b2(self))); }
Value b2_hexdigest(Value self, const Value*, size_t, Tuple*) {
  static const char kHex[] = "0123456789abcdef";
  std::string h;
  for (unsigned char c : digest_of(as_b2(self))) {
    h += kHex[c >> 4];
    h += kHex[c & 15];
  }
  return str_from_ascii(h);
}
Value b2_copy(Value self, const Value*, size_t, Tuple*) {
  auto* o = static_cast<Blake2Object*>(alloc_instance(type_of(self)));
  if (!o) return {};
  o->state = as_b2(self)->state;
  o->is_b = as_b2(self)->is_b;
  return o;
}
Value b2_name(Value self) { return str_from_ascii(as_b2(self)->is_b ? "blake2b" : "blake2s"); }
Value b2_digest_size(Value self) { return Value::small(as_b2(self)->state.digest_size); }
Value b2_block_size(Value self) { return Value::small(as_b2(self)->is_b ? 128 : 64); }

const MethodDef kMethods[] = {
    {"copy", b2_copy, MethodFlag::kNoArgs, "Return a copy of the hash object."},
    {"digest", b2_digest, MethodFlag::kNoArgs, "Return the digest value as a bytes object."},
    {"hexdigest", b2_hexdigest, MethodFlag::kNoArgs, "Return the digest value as a string of hexadecimal digits."},
    {"update", b2_update, MethodFlag::kOneArg, "Update this hash object's state with the provided bytes-like object."},
    {nullptr, nullptr, 0},
};
const GetSetDef kGetSets[] = {
    {"name", b2_name, nullptr, nullptr},
    {"digest_size", b2_digest_size, nullptr, nullptr},
    {"block_size", b2_block_size, nullptr, nullptr},
    {nullptr, nullptr},
};

void make_types() {
  gc::LayoutInfo info;
  info.name = "_blake2 hash";
  info.trace = trace_blake2;
  info.fixed_size = sizeof(Blake2Object);
  gc::LayoutId layout = gc::register_layout(info);
  for (int b = 0; b < 2; b++) {
    TypeSpec spec;
    spec.name = b ? "blake2b" : "blake2s";
    spec.module = "_blake2";
    spec.layout = layout;
    spec.instance_size = sizeof(Blake2Object);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_blake2;
    spec.slots.new_ = b ? blake2_new<uint64_t> : blake2_new<uint32_t>;
    spec.methods = kMethods;
    spec.getsets = kGetSets;
    Type* t = make_builtin_type(b ? &g_blake2b : &g_blake2s, spec);
    int salt = b ? 16 : 8, max = b ? 64 : 32;
    dict_set_str(t->dict, intern("SALT_SIZE"), Value::small(salt));
    dict_set_str(t->dict, intern("PERSON_SIZE"), Value::small(salt));
    dict_set_str(t->dict, intern("MAX_KEY_SIZE"), Value::small(max));
    dict_set_str(t->dict, intern("MAX_DIGEST_SIZE"), Value::small(max));
    type_modified(t, nullptr);
  }
}

}  // namespace

Module* make_blake2_module() {
  if (!g_blake2b) make_types();
  Module* m = module_new(intern("_blake2"));
  dict_set_str(m->dict, intern("__doc__"), none());
  dict_set_str(m->dict, intern("blake2b"), g_blake2b);
  dict_set_str(m->dict, intern("blake2s"), g_blake2s);
  const struct { const char* name; int value; } kConstants[] = {
      {"BLAKE2B_SALT_SIZE", 16}, {"BLAKE2B_PERSON_SIZE", 16}, {"BLAKE2B_MAX_KEY_SIZE", 64},
      {"BLAKE2B_MAX_DIGEST_SIZE", 64}, {"BLAKE2S_SALT_SIZE", 8}, {"BLAKE2S_PERSON_SIZE", 8},
      {"BLAKE2S_MAX_KEY_SIZE", 32}, {"BLAKE2S_MAX_DIGEST_SIZE", 32},
  };
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), Value::small(c.value));
  return m;
}

}  // namespace pyrite::python
