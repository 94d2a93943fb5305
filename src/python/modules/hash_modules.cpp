// The _md5, _sha1, _sha256 and _sha512 modules: hashlib's builtin
// constructors when _hashlib (OpenSSL) is absent, and random.py's
// sha512 (docs/modules.md, "_md5, _sha1, _sha256, _sha512").
//
// One hash object type per algorithm (`_sha512.sha384` ...), each a GC
// object with the algorithm state (hash_algorithms.h) inline; the
// constructors and methods take arguments and report errors as CPython
// 3.11's Argument Clinic versions do.
#include "gc/heap.h"
#include "python/modules/hash_algorithms.h"
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

using hashes::Algorithm;

struct HashObject : Object {
  hashes::State state;
};

constexpr int kAlgorithms = 6;
Type* g_types[kAlgorithms] = {};
gc::LayoutId g_layout = gc::kNoLayout;

void trace_hash(void* p, gc::Visitor& v) { v.visit(static_cast<HashObject*>(p)->type); }

HashObject* as_hash(Value v) { return static_cast<HashObject*>(v.as<Object>()); }

// GET_BUFFER_VIEW_OR_ERROUT: str is refused by name, else any buffer.
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

Value hash_update(Value self, const Value* args, size_t, Tuple*) {
  BufferView b;
  if (!data_of(args[0], &b)) return {};
  hashes::update(&as_hash(self)->state, b.data, size_t(b.length));
  return none();
}

Value hash_digest(Value self, const Value*, size_t, Tuple*) {
  uint8_t out[64];
  const hashes::State& s = as_hash(self)->state;
  hashes::digest(&s, out);
  return bytes_from(out, size_t(hashes::digest_size(s.algorithm)));
}

Value hash_hexdigest(Value self, const Value*, size_t, Tuple*) {
  uint8_t out[64];
  const hashes::State& s = as_hash(self)->state;
  hashes::digest(&s, out);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (int i = 0; i < hashes::digest_size(s.algorithm); i++) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 15];
  }
  return str_from_ascii(hex);
}

Value hash_copy(Value self, const Value*, size_t, Tuple*) {
  auto* h = static_cast<HashObject*>(alloc_instance(type_of(self)));
  if (!h) return {};
  h->state = as_hash(self)->state;
  return h;
}

Value hash_get_name(Value self) { return str_from_ascii(hashes::name(as_hash(self)->state.algorithm)); }
Value hash_get_digest_size(Value self) {
  return Value::small(hashes::digest_size(as_hash(self)->state.algorithm));
}
Value hash_get_block_size(Value self) {
  return Value::small(hashes::block_size(as_hash(self)->state.algorithm));
}

Value hash_new_refused(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

const MethodDef kHashMethods[] = {
    {"copy", hash_copy, MethodFlag::kNoArgs, "Return a copy of the hash object."},
    {"digest", hash_digest, MethodFlag::kNoArgs, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, MethodFlag::kNoArgs,
     "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_update, MethodFlag::kOneArg, "Update this hash object's state with the provided string."},
    {nullptr, nullptr, 0},
};

const GetSetDef kHashGetSets[] = {
    {"name", hash_get_name, nullptr, nullptr},
    {"digest_size", hash_get_digest_size, nullptr, nullptr},
    {"block_size", hash_get_block_size, nullptr, nullptr},
    {nullptr, nullptr},
};

// _sha256 and _sha512 declare digest_size as a read-only member.
bool readonly_member(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}
const GetSetDef kSha2GetSets[] = {
    {"name", hash_get_name, nullptr, nullptr},
    {"digest_size", hash_get_digest_size, readonly_member, nullptr},
    {"block_size", hash_get_block_size, nullptr, nullptr},
    {nullptr, nullptr},
};

struct AlgorithmInfo {
  Algorithm algorithm;
  const char* module;
  const char* type_alias;   // the module's XxxType name, or null
};
const AlgorithmInfo kInfo[kAlgorithms] = {
    {Algorithm::kMd5, "_md5", "MD5Type"},
    {Algorithm::kSha1, "_sha1", "SHA1Type"},
    {Algorithm::kSha224, "_sha256", "SHA224Type"},
    {Algorithm::kSha256, "_sha256", "SHA256Type"},
    {Algorithm::kSha384, "_sha512", nullptr},
    {Algorithm::kSha512, "_sha512", "SHA384Type"},   // sic: 3.11 names the sha512 type so
};

Type* type_for(Algorithm a) {
  int i = int(a);
  if (!g_types[i]) {
    if (g_layout == gc::kNoLayout) {
      gc::LayoutInfo info;
      info.name = "hash object";
      info.trace = trace_hash;
      info.fixed_size = sizeof(HashObject);
      g_layout = gc::register_layout(info);
    }
    TypeSpec spec;
    spec.name = hashes::name(a);
    spec.module = kInfo[i].module;
    spec.layout = g_layout;
    spec.instance_size = sizeof(HashObject);
    spec.trace = trace_hash;
    spec.slots.new_ = hash_new_refused;
    spec.methods = kHashMethods;
    spec.getsets = a == Algorithm::kMd5 || a == Algorithm::kSha1 ? kHashGetSets : kSha2GetSets;
    make_builtin_type(&g_types[i], spec);
  }
  return g_types[i];
}

// The constructor: name(string=b'', *, usedforsecurity=True).
template <Algorithm kAlg>
Value construct(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"string", "usedforsecurity", nullptr};
  Value string, usedforsecurity;
  ArgSpec spec{hashes::name(kAlg), kNames, 0, 0, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&string, &usedforsecurity})) return {};
  if (usedforsecurity && truth(usedforsecurity) < 0) return {};
  BufferView b;
  if (string && !data_of(string, &b)) return {};
  auto* h = static_cast<HashObject*>(alloc_instance(type_for(kAlg)));
  if (!h) return {};
  hashes::init(&h->state, kAlg);
  if (string) hashes::update(&h->state, b.data, size_t(b.length));
  return h;
}

constexpr uint32_t kArgs = MethodFlag::kVarArgs | MethodFlag::kKeywords;
const MethodDef kMd5Functions[] = {
    {"md5", construct<Algorithm::kMd5>, kArgs, "Return a new MD5 hash object; optionally initialized with a string."},
    {nullptr, nullptr, 0},
};
const MethodDef kSha1Functions[] = {
    {"sha1", construct<Algorithm::kSha1>, kArgs, "Return a new SHA1 hash object; optionally initialized with a string."},
    {nullptr, nullptr, 0},
};
const MethodDef kSha256Functions[] = {
    {"sha256", construct<Algorithm::kSha256>, kArgs, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha224", construct<Algorithm::kSha224>, kArgs, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {nullptr, nullptr, 0},
};
const MethodDef kSha512Functions[] = {
    {"sha512", construct<Algorithm::kSha512>, kArgs, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", construct<Algorithm::kSha384>, kArgs, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {nullptr, nullptr, 0},
};

Module* make_hash_module(const char* name, const MethodDef* functions,
                         std::initializer_list<Algorithm> algorithms) {
  Module* m = module_new(intern(name));
  dict_set_str(m->dict, intern("__doc__"), none());
  for (Algorithm a : algorithms) {
    Type* t = type_for(a);
    if (kInfo[int(a)].type_alias) dict_set_str(m->dict, intern(kInfo[int(a)].type_alias), t);
  }
  for (const MethodDef* def = functions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern(name)));
  return m;
}

}  // namespace

Module* make_md5_module() { return make_hash_module("_md5", kMd5Functions, {Algorithm::kMd5}); }
Module* make_sha1_module() { return make_hash_module("_sha1", kSha1Functions, {Algorithm::kSha1}); }
Module* make_sha256_module() {
  return make_hash_module("_sha256", kSha256Functions, {Algorithm::kSha224, Algorithm::kSha256});
}
Module* make_sha512_module() {
  return make_hash_module("_sha512", kSha512Functions, {Algorithm::kSha384, Algorithm::kSha512});
}

}  // namespace pyrite::python
