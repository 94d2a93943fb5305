// Python's float /, //, %, divmod and ** (signs, -0.0, errors). See
// docs/runtime.md, "Numbers".
#pragma once

#include "python/runtime/num_error.h"

namespace pyrite::python::runtime {

// x / y; ZeroDivisionError "float division by zero".
NumResult<double> float_div(double x, double y);
// x % y with the sign of y; ZeroDivisionError "float modulo".
NumResult<double> float_mod(double x, double y);
// x // y; ZeroDivisionError "float floor division by zero".
NumResult<double> float_floordiv(double x, double y);

struct FloatDivmod {
  double quotient = 0;
  double remainder = 0;
};
// divmod(x, y); ZeroDivisionError "float divmod()".
NumResult<FloatDivmod> float_divmod(double x, double y);

// x ** y. A negative finite base with a non-integral exponent has a complex
// result: needs_complex is set and the caller computes the complex power.
// Errors: ZeroDivisionError "0.0 cannot be raised to a negative power",
// OverflowError "(34, 'Numerical result out of range')".
struct FloatPow {
  double value = 0;
  bool needs_complex = false;
};
NumResult<FloatPow> float_pow(double x, double y);

}  // namespace pyrite::python::runtime
