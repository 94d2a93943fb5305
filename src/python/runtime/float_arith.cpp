// Python's float /, //, %, divmod and **. See docs/runtime.md, "Numbers".
//
// The remainder comes from fmod, which is exact; the quotient is derived from
// it ((x - r) / y is then nearly integral) and snapped with floor, so
// q * y + r == x as closely as doubles allow and the signs follow Python.
#include "python/runtime/float_arith.h"

#include <cmath>

namespace pyrite::python::runtime {

NumResult<double> float_div(double x, double y) {
  if (y == 0) return NumError::zero_div("float division by zero");
  return x / y;
}

NumResult<double> float_mod(double x, double y) {
  if (y == 0) return NumError::zero_div("float modulo");
  double r = std::fmod(x, y);
  if (r != 0) {
    if ((y < 0) != (r < 0)) r += y;
  } else {
    r = std::copysign(0.0, y);
  }
  return r;
}

namespace {

FloatDivmod divmod_nonzero(double x, double y) {
  double r = std::fmod(x, y);
  double q = (x - r) / y;
  if (r != 0) {
    if ((y < 0) != (r < 0)) {
      r += y;
      q -= 1.0;
    }
  } else {
    r = std::copysign(0.0, y);
  }
  if (q != 0) {
    double f = std::floor(q);
    if (q - f > 0.5) f += 1.0;
    q = f;
  } else {
    q = std::copysign(0.0, x / y);
  }
  return {q, r};
}

}  // namespace

NumResult<double> float_floordiv(double x, double y) {
  if (y == 0) return NumError::zero_div("float floor division by zero");
  return divmod_nonzero(x, y).quotient;
}

NumResult<FloatDivmod> float_divmod(double x, double y) {
  if (y == 0) return NumError::zero_div("float divmod()");
  return divmod_nonzero(x, y);
}

namespace {

bool is_odd_integer(double y) { return std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0; }

}  // namespace

NumResult<FloatPow> float_pow(double x, double y) {
  FloatPow out;
  if (y == 0) {
    out.value = 1.0;
    return out;
  }
  if (std::isnan(x)) {
    out.value = x;
    return out;
  }
  if (std::isnan(y)) {
    out.value = x == 1.0 ? 1.0 : y;
    return out;
  }
  if (std::isinf(y)) {
    double ax = std::fabs(x);
    out.value = ax == 1.0 ? 1.0 : (y > 0) == (ax > 1.0) ? HUGE_VAL : 0.0;
    return out;
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0) out.value = odd ? x : std::fabs(x);
    else out.value = odd ? std::copysign(0.0, x) : 0.0;
    return out;
  }
  if (x == 0) {
    if (y < 0) return NumError::zero_div("0.0 cannot be raised to a negative power");
    out.value = is_odd_integer(y) ? x : 0.0;
    return out;
  }
  bool negate = false;
  if (x < 0) {
    if (y != std::floor(y)) {
      out.needs_complex = true;
      return out;
    }
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) {
    out.value = negate ? -1.0 : 1.0;
    return out;
  }
  double r = std::pow(x, y);
  if (std::isinf(r)) return NumError::overflow("(34, 'Numerical result out of range')");
  out.value = negate ? -r : r;
  return out;
}

}  // namespace pyrite::python::runtime
