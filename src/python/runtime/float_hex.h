// float.hex() and float.fromhex(). See docs/runtime.md, "Numbers".
#pragma once

#include <string>
#include <string_view>

#include "python/runtime/num_error.h"

namespace pyrite::python::runtime {

// float.hex(x): '0x1.8000000000000p+1', '0x0.0000000000001p-1022' for
// subnormals, '0x0.0p+0', 'inf', 'nan'.
std::string float_hex(double x);

// float.fromhex(s) for ASCII s (surrounding ASCII whitespace allowed),
// correctly rounded half-even. Errors: ValueError "invalid hexadecimal
// floating-point string", OverflowError "hexadecimal value too large to
// represent as a float".
NumResult<double> float_fromhex(std::string_view s);

}  // namespace pyrite::python::runtime
