// float(str): Python's decimal float syntax to a correctly rounded double.
// See docs/runtime.md, "Numbers".
#pragma once

#include <optional>
#include <string_view>

namespace pyrite::python::runtime {

// Parses ASCII text (the caller maps Unicode digits and whitespace to ASCII
// first; surrounding ASCII whitespace is skipped here). Accepts
// [sign] digits[.digits][e[sign]digits] with single '_' only between digits,
// and inf/infinity/nan in any case. Overflow gives +-inf, underflow +-0.0.
// nullopt: invalid; the caller raises
// "could not convert string to float: '...'" with the original text.
std::optional<double> parse_float(std::string_view text);

}  // namespace pyrite::python::runtime
