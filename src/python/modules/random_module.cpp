// The _random module: the Mersenne Twister behind random.Random, with
// CPython 3.11's seeding, state tuple and bit extraction (docs/modules.md,
// "_random").
//
// MT19937 is Matsumoto and Nishimura's generator: 624 32-bit words
// regenerated a block at a time and tempered on output. Everything Python
// can observe — the words a seed produces, the 625-tuple of getstate(), the
// order in which getrandbits consumes words — is CPython's, so a seeded
// sequence is the same number for number.
#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include <sys/random.h>
#include <unistd.h>

#include "gc/heap.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// ---- the generator ---------------------------------------------------------------------------

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

// A new object's state is all zeros with index 0, as CPython's
// PyType_GenericNew leaves it: random() on an unseeded generator is 0.0.
struct RandomObject : Object {
  uint32_t state[kN];
  int32_t index;  // next word of state to temper; kN: regenerate first
  int32_t pad;
};

uint32_t twist(uint32_t a, uint32_t b, uint32_t far) {
  uint32_t y = (a & kUpperMask) | (b & kLowerMask);
  return far ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
}

uint32_t next_word(RandomObject* r) {
  uint32_t* mt = r->state;
  if (r->index >= kN) {
    int k = 0;
    for (; k < kN - kM; k++) mt[k] = twist(mt[k], mt[k + 1], mt[k + kM]);
    for (; k < kN - 1; k++) mt[k] = twist(mt[k], mt[k + 1], mt[k + kM - kN]);
    mt[kN - 1] = twist(mt[kN - 1], mt[0], mt[kM - 1]);
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

void init_genrand(RandomObject* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < kN; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
  r->index = kN;
}

// The reference init_by_array: any number of 32-bit key words mixed into
// the state (CPython seeds every int this way, least significant word
// first).
void init_by_array(RandomObject* r, const uint32_t* key, size_t n) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218U);
  size_t i = 1, j = 0;
  for (size_t k = kN > n ? kN : n; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + uint32_t(j);
    i++;
    j++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= n) j = 0;
  }
  for (size_t k = kN - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
    i++;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;
}

// ---- the type --------------------------------------------------------------------------------

Type* g_random = nullptr;

void trace_random(void* p, gc::Visitor& v) { v.visit(static_cast<RandomObject*>(p)->type); }

// seed(None): 624 words from the OS; without them, the time and the pid.
void seed_from_os(RandomObject* r) {
  uint32_t key[kN];
  size_t got = 0;
  auto* bytes = reinterpret_cast<char*>(key);
  while (got < sizeof(key)) {
    ssize_t n = getrandom(bytes + got, sizeof(key) - got, GRND_NONBLOCK);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      break;
    }
    got += size_t(n);
  }
  if (got == sizeof(key)) {
    init_by_array(r, key, kN);
    return;
  }
  struct timespec now, mono;
  clock_gettime(CLOCK_REALTIME, &now);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  uint64_t wall = uint64_t(now.tv_sec) * 1000000000u + uint64_t(now.tv_nsec);
  uint64_t up = uint64_t(mono.tv_sec) * 1000000000u + uint64_t(mono.tv_nsec);
  uint32_t fallback[5] = {uint32_t(wall), uint32_t(wall >> 32), uint32_t(getpid()), uint32_t(up),
                          uint32_t(up >> 32)};
  init_by_array(r, fallback, 5);
}

// CPython's random_seed: None from the OS; an int by its absolute value
// (int.__abs__ even for subclasses that override it); anything else by its
// hash as an unsigned 64-bit number. The number's 32-bit words, least
// significant first (at least one), are the key.
bool seed(RandomObject* r, Value arg) {
  if (!arg || is_none(arg)) {
    seed_from_os(r);
    return true;
  }
  mpz_t n;
  mpz_init(n);
  if (is_int(arg)) {
    mpz_t scratch;
    mpz_init(scratch);
    mpz_abs(n, int_as_mpz(arg, scratch));
    mpz_clear(scratch);
  } else {
    int64_t h = hash(arg);
    if (h == -1 && has_error()) {
      mpz_clear(n);
      return false;
    }
    mpz_import(n, 1, -1, sizeof(uint64_t), 0, 0, &h);  // the hash's bits as size_t
  }
  size_t words = mpz_sgn(n) == 0 ? 1 : (mpz_sizeinbase(n, 2) + 31) / 32;
  std::vector<uint32_t> key(words, 0);
  mpz_export(key.data(), nullptr, -1, sizeof(uint32_t), 0, 0, n);
  mpz_clear(n);
  init_by_array(r, key.data(), words);
  return true;
}

Value random_new(Type* type, const Value*, size_t, Tuple*) { return alloc_instance(type); }

bool random_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(self);
  if ((t == g_random || t->slots.init == g_random->slots.init) && kwnames && kwnames->length) {
    raise(exc::TypeError, "Random() takes no keyword arguments");
    return false;
  }
  if (nargs > 1) {
    raise(exc::TypeError, "Random() requires 0 or 1 argument");
    return false;
  }
  return seed(self.as<RandomObject>(), nargs ? args[0] : Value());
}

Value random_random(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RandomObject>();
  uint32_t a = next_word(r) >> 5;
  uint32_t b = next_word(r) >> 6;
  return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value random_seed(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("seed", nargs, 0, 1)) return {};
  if (!seed(self.as<RandomObject>(), nargs ? args[0] : Value())) return {};
  return none();
}

Value random_getstate(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RandomObject>();
  Tuple* t = tuple_new(kN + 1);
  if (!t) return {};
  for (int i = 0; i < kN; i++) t->items()[i] = int_from_u64(r->state[i]);
  t->items()[kN] = int_from_i64(r->index);
  return t;
}

// PyLong_AsUnsignedLong: an int (no __index__) in [0, 2**64).
bool unsigned_long_arg(Value v, uint64_t* out) {
  if (!is_int(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    raise(exc::OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(v, scratch);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  *out = fits ? mpz_get_ui(z) : 0;
  mpz_clear(scratch);
  if (!fits) raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
  return fits;
}

Value random_setstate(Value self, const Value* args, size_t, Tuple*) {
  Value state = args[0];
  if (!is_tuple(state)) return raise(exc::TypeError, "state vector must be a tuple");
  Tuple* t = state.as<Tuple>();
  if (t->length != kN + 1) return raise(exc::ValueError, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; i++) {
    uint64_t w;
    if (!unsigned_long_arg(t->at(i), &w)) return {};
    words[i] = uint32_t(w);
  }
  Value i = index(t->at(kN));
  if (!i) return {};
  auto idx = int_to_i64(i);
  if (!idx) return raise(exc::OverflowError, "Python int too large to convert to C long");
  if (*idx < 0 || *idx > kN) return raise(exc::ValueError, "invalid state");
  auto* r = self.as<RandomObject>();
  r->index = int32_t(*idx);
  std::memcpy(r->state, words, sizeof(words));
  return none();
}

// getrandbits(k): k <= 32 from one word's top bits; otherwise whole words
// from the least significant end, the last one's top k % 32 bits.
Value random_getrandbits(Value self, const Value* args, size_t, Tuple*) {
  Value kv = index(args[0]);
  if (!kv) return {};
  auto k64 = int_to_i64(kv);
  if (!k64 || *k64 > INT32_MAX || *k64 < INT32_MIN)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  int64_t k = *k64;
  if (k < 0) return raise(exc::ValueError, "number of bits must be non-negative");
  auto* r = self.as<RandomObject>();
  if (k == 0) return Value::small(0);
  if (k <= 32) return int_from_u64(next_word(r) >> (32 - k));
  size_t words = size_t((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  for (size_t i = 0; i < words; i++, k -= 32) {
    uint32_t x = next_word(r);
    if (k < 32) x >>= (32 - k);
    w[i] = x;
  }
  mpz_t n;
  mpz_init(n);
  mpz_import(n, words, -1, sizeof(uint32_t), 0, 0, w.data());
  Value result = int_from_mpz(n);
  mpz_clear(n);
  return result;
}

const MethodDef kRandomMethods[] = {
    {"random", random_random, MethodFlag::kNoArgs, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, MethodFlag::kVarArgs,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the "
     "current time and the process identifier."},
    {"getstate", random_getstate, MethodFlag::kNoArgs,
     "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, MethodFlag::kOneArg,
     "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, MethodFlag::kOneArg,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {nullptr, nullptr, 0},
};

void make_random_type() {
  gc::LayoutInfo info;
  info.name = "_random.Random";
  info.trace = trace_random;
  info.fixed_size = sizeof(RandomObject);
  TypeSpec spec;
  spec.name = "Random";
  spec.module = "_random";
  spec.layout = gc::register_layout(info);
  spec.instance_size = sizeof(RandomObject);
  spec.flags = TypeFlag::kBaseType;
  spec.trace = trace_random;
  spec.slots.new_ = random_new;
  spec.slots.init = random_init;
  spec.methods = kRandomMethods;
  spec.doc = "Random() -> create a random number generator with its own internal state.";
  make_builtin_type(&g_random, spec);
}

}  // namespace

Module* make_random_module() {
  if (!g_random) make_random_type();
  Module* m = module_new(intern("_random"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("Module implements the Mersenne Twister random number generator."));
  dict_set_str(m->dict, intern("Random"), g_random);
  return m;
}

}  // namespace pyrite::python
