// Correctly rounded assembly of a double from a wide binary significand:
// the shared last step of float.fromhex, int -> float and int / int. See
// docs/runtime.md, "Numbers".
#pragma once

#include <cstdint>

namespace pyrite::python::runtime {

// The double nearest to (m + s) * 2^e, ties to even, where 0 <= s < 1 and s
// is nonzero exactly when sticky is set (the bits below m that callers
// dropped). Handles subnormal results. Returns false on overflow (the
// rounded value reaches 2^1024); *out is then unset.
bool compose_double(uint64_t m, bool sticky, int64_t e, double* out);

}  // namespace pyrite::python::runtime
