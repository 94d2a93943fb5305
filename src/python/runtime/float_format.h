// Float to text: repr, format() presentation types, %-conversions, and
// round(x, n). See docs/runtime.md, "Numbers".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/runtime/format_spec.h"
#include "python/runtime/num_error.h"

namespace pyrite::python::runtime {

// repr(x) / str(x): the shortest digits that round-trip, laid out as CPython
// does (exponent form when the decimal exponent is < -4 or >= 16).
std::string repr_double(double x);

// format(x, spec) for the types e E f F g G n % and none. The spec comes
// from parse_format_spec(..., type_name, 0, '>'); type_name (the object's
// type, e.g. a float subclass) appears in "Unknown format code".
NumResult<std::string> format_float(double x, const FormatSpec& spec, std::string_view type_name = "float");

// '%e' '%E' '%f' '%F' '%g' '%G' of the % operator. The only error is
// ValueError "precision too big" (past INT_MAX), shared with format_float.
NumResult<std::string> percent_format_float(double x, const PercentSpec& spec);

// round(x, ndigits): the exact binary value rounded half-even to ndigits
// decimal places (round(2.675, 2) == 2.67). inf/nan come back unchanged;
// OverflowError "rounded value too large to represent" when rounding up
// leaves the double range.
NumResult<double> round_double(double x, int64_t ndigits);

// round(x) before the caller converts to int: nearest, ties to even.
double round_half_even(double x);

}  // namespace pyrite::python::runtime
