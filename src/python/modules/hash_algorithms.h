// MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4) as incremental hash states
// for the _md5, _sha1, _sha256 and _sha512 modules (docs/modules.md,
// "_md5, _sha1, _sha256, _sha512").
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace pyrite::python::hashes {

enum class Algorithm : uint8_t { kMd5, kSha1, kSha224, kSha256, kSha384, kSha512 };

// Everything one running hash needs, copyable with memcpy (the hash
// objects keep it inline): the chaining words, the pending partial block
// and the message length in bytes.
struct State {
  Algorithm algorithm;
  uint8_t buffered;          // bytes in `block`
  uint8_t pad[6];
  uint64_t length_lo;        // message length in bytes (128 bits for SHA-384/512)
  uint64_t length_hi;
  uint64_t h[8];             // 32-bit algorithms use the low halves
  uint8_t block[128];
};

void init(State* s, Algorithm a);
void update(State* s, const uint8_t* p, size_t n);
// Writes digest_size(a) bytes; the state is not changed.
void digest(const State* s, uint8_t* out);
int digest_size(Algorithm a);
int block_size(Algorithm a);
const char* name(Algorithm a);

}  // namespace pyrite::python::hashes
