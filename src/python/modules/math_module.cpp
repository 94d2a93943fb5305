// The math module: CPython 3.11's functions and constants (docs/modules.md,
// "math").
//
// Where CPython calls the C library (sqrt, exp, the trigonometric and
// hyperbolic functions, erf, cbrt, pow on finite operands...) this file calls
// the same libm, so results are bit-identical on the same machine; the
// special values and errno are then judged as CPython's math_1/math_2 do.
// Where CPython computes for itself (gamma and lgamma by Lanczos' formula,
// fsum, hypot/dist, log of huge ints, remainder) the arithmetic below makes
// the same sequence of correctly rounded operations. Integer functions
// (factorial, comb, perm, gcd, lcm, isqrt) are exact over GMP.
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include <math.h>

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
#include "python/runtime/bigint.h"

namespace pyrite::python {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kTau = 6.283185307179586476925286766559005768;

// GMP scratch with scope lifetime (GMP memory never enters the GC heap).
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

// An exact int (or subclass) read through GMP; valid while `v` lives.
struct IntRead {
  mpz_t scratch;
  mpz_srcptr z;
  explicit IntRead(Value v) {
    mpz_init(scratch);
    z = int_as_mpz(v, scratch);
  }
  ~IntRead() { mpz_clear(scratch); }
  IntRead(const IntRead&) = delete;
  IntRead& operator=(const IntRead&) = delete;
};

Value domain_error() { return raise(exc::ValueError, "math domain error"); }
Value range_error() { return raise(exc::OverflowError, "math range error"); }

// CPython's is_error(): what a libm errno means. Underflow (ERANGE with a
// result near zero) is not an error. True with an exception pending.
bool errno_is_error(double r) {
  if (errno == EDOM) {
    domain_error();
    return true;
  }
  if (errno == ERANGE) {
    if (std::fabs(r) < 1.5) return false;
    range_error();
    return true;
  }
  raisef(exc::ValueError, "%s", std::strerror(errno));
  return true;
}

// PyFloat_AsDouble (float.h): a float's value, else __float__, else
// __index__; "must be real number, not str" otherwise.
inline bool as_double(Value v, double* out) { return float_as_double(v, out); }

// ---- one float argument (CPython's math_1) -----------------------------------------------
// A NaN from a non-NaN is a domain error; an infinity from a finite value is
// an overflow (can_overflow) or a singularity (domain error).

Value math_1(Value arg, double (*fn)(double), bool can_overflow) {
  double x;
  if (!as_double(arg, &x)) return {};
  errno = 0;
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  if (std::isfinite(r) && errno && errno_is_error(r)) return {};
  return float_new(r);
}

template <double (*F)(double), bool kCanOverflow>
Value unary(Value, const Value* args, size_t, Tuple*) {
  return math_1(args[0], F, kCanOverflow);
}

// log1p(-0.0) is -0.0 everywhere (CPython guards against platforms that lose the sign).
double log1p_signed(double x) { return x == 0.0 ? x : ::log1p(x); }

// ---- gamma and lgamma ------------------------------------------------------------------------
// CPython computes these itself (not libm's tgamma/lgamma): Lanczos'
// approximation with g = 6.024680040776729583740234375 and 13 terms (the
// coefficients of Boost's lanczos13m53), the sum evaluated as a rational
// function, in 1/x past 5 so it does not overflow, and the reflection
// formula for negative arguments. The functions report errors through
// errno like libm (math_1a judges them).

constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// The denominator x (x+1) ... (x+11) expanded: coefficients of x^0 .. x^12.
constexpr double kLanczosDen[kLanczosN] = {
    0.0,        39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0,  357423.0,   32670.0,     1925.0,      66.0,        1.0,
};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// Gamma(n) for n = 1 .. 23: exact doubles.
constexpr int kExactGammas = 23;
constexpr double kGammaIntegral[kExactGammas] = {
    1.0, 1.0, 2.0, 6.0,
    24.0, 120.0, 720.0, 5040.0,
    40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN - 1; i >= 0; i--) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x) for finite x, exact at the integers and half-integers.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  double r;
  switch (int(std::round(2.0 * y))) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // not -sin(pi (y - 1)): +0.0 at y = 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

double gamma_fn(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= kExactGammas) return kGammaIntegral[int(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) errno = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sin_pi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // The rounding error of y, scaled: a correction term for the power below.
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double half_power = std::pow(y, absx / 2.0 - 0.25);
      r /= half_power;
      r /= half_power;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double half_power = std::pow(y, absx / 2.0 - 0.25);
      r *= half_power;
      r *= half_power;
    }
  }
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double lgamma_fn(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

// CPython's math_1a: the function reports its own errors through errno.
template <double (*F)(double)>
Value unary_errno(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  errno = 0;
  double r = F(x);
  if (errno && errno_is_error(r)) return {};
  return float_new(r);
}

// ---- logarithms --------------------------------------------------------------------------
// Finite positive arguments go to libm; 0 and negatives are domain errors
// (through errno, as CPython's m_log); inf and nan pass through.

template <double (*F)(double)>
double log_checked(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return F(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

// An int too large for a double as x * 2**e with x in [0.5, 1), x rounded
// to 53 bits half-even (CPython's _PyLong_Frexp).
double int_frexp(mpz_srcptr v, int64_t* e) {
  uint64_t bits = mpz_sizeinbase(v, 2);
  Mpz top;
  // 55 bits: 53 kept, a rounding bit and a sticky bit, which the
  // conversion of the 55-bit integer to double then rounds half-even.
  uint64_t shift = bits - 55;
  mpz_tdiv_q_2exp(top.z, v, shift);
  uint64_t m = mpz_get_ui(top.z);
  if (mpz_scan1(v, 0) < shift) m |= 1;
  double x = std::ldexp(double(m), -55);
  if (x == 1.0) {
    x = 0.5;
    bits++;
  }
  *e = int64_t(bits);
  return x;
}

// CPython's loghelper: ints are taken exactly (nonpositive ones are domain
// errors, huge ones through their binary exponent); other numbers go
// through math_1.
Value log_helper(Value arg, double (*fn)(double)) {
  if (is_int(arg)) {
    if (int_sign(arg) <= 0) return domain_error();
    double x;
    if (int_to_double(arg, &x)) return float_new(fn(x));
    if (!error_matches(exc::OverflowError)) return {};
    clear_error();
    IntRead v(arg);
    int64_t e;
    double m = int_frexp(v.z, &e);
    return float_new(fn(m) + fn(2.0) * double(e));
  }
  return math_1(arg, fn, false);
}

Value math_log(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1 || nargs > 2) return raise(exc::TypeError, "math.log requires 1 to 2 arguments");
  Value num = log_helper(args[0], log_checked<::log>);
  if (!num || nargs == 1) return num;
  Value den = log_helper(args[1], log_checked<::log>);
  if (!den) return {};
  return binary_op(BinaryOp::kTrueDiv, num, den);
}

Value math_log2(Value, const Value* args, size_t, Tuple*) {
  return log_helper(args[0], log_checked<::log2>);
}
Value math_log10(Value, const Value* args, size_t, Tuple*) {
  return log_helper(args[0], log_checked<::log10>);
}

// ---- two float arguments (CPython's math_2) ----------------------------------------------

bool two_doubles(const char* name, const Value* args, size_t nargs, double* x, double* y) {
  return check_nargs(name, nargs, 2, 2) && as_double(args[0], x) && as_double(args[1], y);
}

Value math_2(const char* name, const Value* args, size_t nargs, double (*fn)(double, double)) {
  double x, y;
  if (!two_doubles(name, args, nargs, &x, &y)) return {};
  errno = 0;
  double r = fn(x, y);
  if (std::isnan(r)) {
    errno = !std::isnan(x) && !std::isnan(y) ? EDOM : 0;
  } else if (std::isinf(r)) {
    errno = std::isfinite(x) && std::isfinite(y) ? ERANGE : 0;
  }
  if (errno && errno_is_error(r)) return {};
  return float_new(r);
}

// C99's atan2 special values, made explicit as CPython does.
double atan2_checked(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (std::isinf(y)) {
    if (std::isinf(x)) return std::copysign(x > 0 ? 0.25 * kPi : 0.75 * kPi, y);
    return std::copysign(0.5 * kPi, y);
  }
  if (std::isinf(x) || y == 0.0) {
    if (std::copysign(1.0, x) == 1.0) return std::copysign(0.0, y);
    return std::copysign(kPi, y);
  }
  return ::atan2(y, x);
}

// IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even.
// The result is exact, so libm's agrees with CPython's own algorithm.
double remainder_checked(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return NAN;
    return ::remainder(x, y);
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) return NAN;
  return x;  // x finite, y infinite
}

Value math_atan2(Value, const Value* args, size_t nargs, Tuple*) {
  return math_2("atan2", args, nargs, atan2_checked);
}
Value math_copysign(Value, const Value* args, size_t nargs, Tuple*) {
  return math_2("copysign", args, nargs, ::copysign);
}
Value math_remainder(Value, const Value* args, size_t nargs, Tuple*) {
  return math_2("remainder", args, nargs, remainder_checked);
}

Value math_fmod(Value, const Value* args, size_t nargs, Tuple*) {
  double x, y;
  if (!two_doubles("fmod", args, nargs, &x, &y)) return {};
  if (std::isinf(y) && std::isfinite(x)) return float_new(x);
  errno = 0;
  double r = ::fmod(x, y);
  if (std::isnan(r)) errno = !std::isnan(x) && !std::isnan(y) ? EDOM : 0;
  if (errno && errno_is_error(r)) return {};
  return float_new(r);
}

// pow with C99's special values decided here (platform libms disagree);
// libm computes finite ** finite.
Value math_pow(Value, const Value* args, size_t nargs, Tuple*) {
  double x, y;
  if (!two_doubles("pow", args, nargs, &x, &y)) return {};
  double r = 0.0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    errno = 0;
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0)
        r = odd_y ? x : std::fabs(x);
      else if (y == 0.0)
        r = 1.0;
      else
        r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y infinite
      if (std::fabs(x) == 1.0)
        r = 1.0;
      else if (y > 0.0 && std::fabs(x) > 1.0)
        r = y;
      else if (y < 0.0 && std::fabs(x) < 1.0)
        r = -y;
      else
        r = 0.0;
    }
  } else {
    errno = 0;
    r = ::pow(x, y);
    if (std::isnan(r))
      errno = EDOM;
    else if (std::isinf(r))
      errno = x == 0.0 ? EDOM : ERANGE;  // 0 ** negative, or an overflow
  }
  if (errno && errno_is_error(r)) return {};
  return float_new(r);
}

Value math_nextafter(Value, const Value* args, size_t nargs, Tuple*) {
  double x, y;
  if (!two_doubles("nextafter", args, nargs, &x, &y)) return {};
  return float_new(::nextafter(x, y));
}

// ---- rounding to ints --------------------------------------------------------------------

// ceil and floor ask the type for __ceil__/__floor__ (not for exact floats)
// and return what it returns; otherwise the number as a float, rounded.
Value round_to_int(Value arg, const char* special, double (*fn)(double)) {
  if (!is_exact_float(arg)) {
    bool found = false;
    Value r = call_special(arg, intern(special), nullptr, 0, &found);
    if (found || has_error()) return r;
  }
  double x;
  if (!as_double(arg, &x)) return {};
  return int_from_double(fn(x));
}

Value math_ceil(Value, const Value* args, size_t, Tuple*) {
  return round_to_int(args[0], "__ceil__", ::ceil);
}
Value math_floor(Value, const Value* args, size_t, Tuple*) {
  return round_to_int(args[0], "__floor__", ::floor);
}

Value math_trunc(Value, const Value* args, size_t, Tuple*) {
  Value x = args[0];
  if (is_exact_float(x)) return int_from_double(float_value(x));
  bool found = false;
  Value r = call_special(x, intern("__trunc__"), nullptr, 0, &found);
  if (found || has_error()) return r;
  return raisef(exc::TypeError, "type %s doesn't define __trunc__ method", type_name(x).c_str());
}

// ---- float decomposition -----------------------------------------------------------------

Value math_fabs(Value, const Value* args, size_t, Tuple*) { return math_1(args[0], ::fabs, false); }

Value math_frexp(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  int e = 0;
  if (!std::isnan(x) && !std::isinf(x) && x != 0.0) x = std::frexp(x, &e);
  return tuple_of({float_new(x), int_from_i64(e)});
}

Value math_ldexp(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("ldexp", nargs, 2, 2)) return {};
  double x;
  if (!as_double(args[0], &x)) return {};
  if (!is_int(args[1])) return raise(exc::TypeError, "Expected an int as second argument to ldexp.");
  // An exponent beyond a C long acts as LONG_MIN or LONG_MAX.
  int64_t e;
  if (auto small = int_to_i64(args[1]))
    e = *small;
  else
    e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  double r;
  errno = 0;
  if (x == 0.0 || !std::isfinite(x)) {
    r = x;
  } else if (e > INT_MAX) {
    r = std::copysign(HUGE_VAL, x);
    errno = ERANGE;
  } else if (e < INT_MIN) {
    r = std::copysign(0.0, x);
  } else {
    r = std::ldexp(x, int(e));
    if (std::isinf(r)) errno = ERANGE;
  }
  if (errno && errno_is_error(r)) return {};
  return float_new(r);
}

Value math_modf(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  if (std::isinf(x)) return tuple_of({float_new(std::copysign(0.0, x)), float_new(x)});
  if (std::isnan(x)) return tuple_of({float_new(x), float_new(x)});
  double whole;
  double frac = std::modf(x, &whole);
  return tuple_of({float_new(frac), float_new(whole)});
}

Value math_degrees(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  return float_new(x * (180.0 / kPi));
}
Value math_radians(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  return float_new(x * (kPi / 180.0));
}

template <bool (*Pred)(double)>
Value classify(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  return py_bool(Pred(x));
}
bool is_finite(double x) { return std::isfinite(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_nan(double x) { return std::isnan(x); }

Value math_isclose(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"a", "b", "rel_tol", "abs_tol"};
  Value a[4];
  if (!parse_args({"isclose", kNames, 2, 0, 2, true}, args, nargs, kwnames,
                  {&a[0], &a[1], &a[2], &a[3]}))
    return {};
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!as_double(a[0], &x) || !as_double(a[1], &y)) return {};
  if (a[2] && !as_double(a[2], &rel_tol)) return {};
  if (a[3] && !as_double(a[3], &abs_tol)) return {};
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(exc::ValueError, "tolerances must be non-negative");
  if (x == y) return py_bool(true);
  if (std::isinf(x) || std::isinf(y)) return py_bool(false);
  double diff = std::fabs(y - x);
  return py_bool(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) ||
                 diff <= abs_tol);
}

Value math_ulp(Value, const Value* args, size_t, Tuple*) {
  double x;
  if (!as_double(args[0], &x)) return {};
  if (std::isnan(x)) return float_new(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_new(x);
  double up = ::nextafter(x, HUGE_VAL);
  if (std::isinf(up)) return float_new(x - ::nextafter(x, -HUGE_VAL));  // x is DBL_MAX
  return float_new(up - x);
}

// ---- fsum ----------------------------------------------------------------------------------
// Shewchuk's exact summation. The partials are non-overlapping doubles in
// increasing magnitude whose exact sum is the sum so far; adding x walks
// them with two-sum steps, keeping only the nonzero low parts. The result
// is the exact sum rounded once: the partials are added from the top until
// a step is inexact, then a half-way case is decided by the sign of the
// next partial below (CPython's correction, so fsum([1e-16, 1, 1e16])
// rounds up). Infinities and NaNs are summed apart (inf - inf is a
// ValueError); a finite input whose partial sum overflows is an
// OverflowError. CPython 3.11 returns +0.0 for an all-zero sum.

class ExactSum {
 public:
  // False: "intermediate overflow" (x finite, the exact sum past DBL_MAX).
  bool add(double x) {
    double original = x;
    size_t kept = 0;
    for (double y : partials_) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials_[kept++] = lo;
      x = hi;
    }
    partials_.resize(kept);
    if (x == 0.0) return true;
    if (std::isfinite(x)) {
      partials_.push_back(x);
      return true;
    }
    if (std::isfinite(original)) return false;
    if (std::isinf(original)) inf_sum_ += original;
    special_sum_ += original;
    partials_.clear();
    return true;
  }
  bool has_special() const { return special_sum_ != 0.0; }
  bool inf_minus_inf() const { return std::isnan(inf_sum_); }
  double special() const { return special_sum_; }

  double rounded() const {
    size_t n = partials_.size();
    if (n == 0) return 0.0;
    double hi = partials_[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials_[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials_[n - 1] < 0.0) || (lo > 0.0 && partials_[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
    return hi;
  }

 private:
  std::vector<double> partials_;
  double special_sum_ = 0.0;
  double inf_sum_ = 0.0;
};

Value math_fsum(Value, const Value* args, size_t, Tuple*) {
  Value it = get_iter(args[0]);
  if (!it) return {};
  ExactSum sum;
  while (Value item = iter_next(it)) {
    double x;
    if (!as_double(item, &x)) return {};
    if (!sum.add(x)) return raise(exc::OverflowError, "intermediate overflow in fsum");
  }
  if (has_error()) return {};
  if (sum.has_special()) {
    if (sum.inf_minus_inf()) return raise(exc::ValueError, "-inf + inf in fsum");
    return float_new(sum.special());
  }
  return float_new(sum.rounded());
}

// ---- hypot and dist ----------------------------------------------------------------------
// The Euclidean norm of absolute values with max the largest: scaled by a
// power of two so the largest is in [0.5, 1), each square split exactly
// into hi + lo (fma), the squares summed with their rounding errors kept
// apart, then a square root with one Newton correction computed from the
// exact residual. NaN only when no infinity is present.

struct DoubleLength {
  double hi, lo;
};
DoubleLength fast_two_sum(double a, double b) {  // |a| >= |b|
  double x = a + b;
  return {x, (a - x) + b};
}
DoubleLength exact_product(double x, double y) {
  double z = x * y;
  return {z, std::fma(x, y, -z)};
}

double vector_norm(std::vector<double>& v, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  size_t n = v.size();
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // ldexp(1.0, -max_e) would overflow: scale subnormals up first.
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * vector_norm(v, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : v) {
    x *= scale;
    DoubleLength pr = exact_product(x, x);
    DoubleLength sm = fast_two_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength pr = exact_product(-h, h);
  DoubleLength sm = fast_two_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value math_hypot(Value, const Value* args, size_t nargs, Tuple*) {
  std::vector<double> v(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; i++) {
    double x;
    if (!as_double(args[i], &x)) return {};
    x = std::fabs(x);
    v[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_new(vector_norm(v, max, found_nan));
}

Value math_dist(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("dist", nargs, 2, 2)) return {};
  Value p = args[0], q = args[1];
  if (!is_tuple(p) && !(p = tuple_from_iterable(p))) return {};
  if (!is_tuple(q) && !(q = tuple_from_iterable(q))) return {};
  Tuple* pt = p.as<Tuple>();
  Tuple* qt = q.as<Tuple>();
  if (pt->length != qt->length) {
    return raise(exc::ValueError, "both points must have the same number of dimensions");
  }
  std::vector<double> v(size_t(pt->length));
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < pt->length; i++) {
    double px, qx;
    if (!as_double(pt->at(i), &px) || !as_double(qt->at(i), &qx)) return {};
    double x = std::fabs(px - qx);
    v[size_t(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_new(vector_norm(v, max, found_nan));
}

// ---- integer functions -------------------------------------------------------------------

// factorial's argument: an index that fits a C long, else CPython's errors.
bool factorial_arg(Value arg, uint64_t* n) {
  Value i = index(arg);
  if (!i) return false;
  auto v = int_to_i64(i);
  if (!v && int_sign(i) > 0) {
    raisef(exc::OverflowError, "factorial() argument should not exceed %lld", (long long)LONG_MAX);
    return false;
  }
  if (!v || *v < 0) {
    raise(exc::ValueError, "factorial() not defined for negative values");
    return false;
  }
  *n = uint64_t(*v);
  return true;
}

Value math_factorial(Value, const Value* args, size_t, Tuple*) {
  uint64_t n;
  if (!factorial_arg(args[0], &n)) return {};
  if (n <= 20) {
    uint64_t f = 1;
    for (uint64_t k = 2; k <= n; k++) f *= k;
    return int_from_u64(f);
  }
  Mpz r;
  mpz_fac_ui(r.z, n);
  return int_from_mpz(r.z);
}

Value math_isqrt(Value, const Value* args, size_t, Tuple*) {
  Value n = index(args[0]);
  if (!n) return {};
  int sign = int_sign(n);
  if (sign < 0) return raise(exc::ValueError, "isqrt() argument must be nonnegative");
  if (sign == 0) return Value::small(0);
  IntRead v(n);
  Mpz r;
  mpz_sqrt(r.z, v.z);
  return int_from_mpz(r.z);
}

Value math_gcd(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs == 0) return Value::small(0);
  Value first = index(args[0]);
  if (!first) return {};
  if (nargs == 1) return absolute(first);
  Mpz g;
  {
    IntRead v(first);
    mpz_abs(g.z, v.z);
  }
  for (size_t i = 1; i < nargs; i++) {
    Value x = index(args[i]);
    if (!x) return {};
    if (mpz_cmp_ui(g.z, 1) == 0) continue;  // only the remaining arguments' types are checked
    IntRead v(x);
    mpz_gcd(g.z, g.z, v.z);
  }
  return int_from_mpz(g.z);
}

Value math_lcm(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs == 0) return Value::small(1);
  Value first = index(args[0]);
  if (!first) return {};
  if (nargs == 1) return absolute(first);
  Mpz l;
  {
    IntRead v(first);
    mpz_abs(l.z, v.z);
  }
  for (size_t i = 1; i < nargs; i++) {
    Value x = index(args[i]);
    if (!x) return {};
    if (mpz_sgn(l.z) == 0) continue;
    IntRead v(x);
    mpz_lcm(l.z, l.z, v.z);
  }
  return int_from_mpz(l.z);
}

// n and k of comb and perm: exact non-negative ints, checked in CPython's order.
bool comb_args(const Value* args, Value* n, Value* k) {
  *n = index(args[0]);
  if (!*n) return false;
  *k = index(args[1]);
  if (!*k) return false;
  if (int_sign(*n) < 0) {
    raise(exc::ValueError, "n must be a non-negative integer");
    return false;
  }
  if (int_sign(*k) < 0) {
    raise(exc::ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value math_comb(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("comb", nargs, 2, 2)) return {};
  Value n, k;
  if (!comb_args(args, &n, &k)) return {};
  IntRead nv(n), kv(k);
  if (mpz_cmp(kv.z, nv.z) > 0) return Value::small(0);
  Mpz kk;
  mpz_sub(kk.z, nv.z, kv.z);  // n - k
  if (mpz_cmp(kk.z, kv.z) > 0) mpz_set(kk.z, kv.z);
  // min(k, n - k) must fit a C long long (only reachable for n past it).
  if (!mpz_fits_slong_p(kk.z)) {
    return raisef(exc::OverflowError, "min(n - k, k) must not exceed %lld", (long long)LLONG_MAX);
  }
  Mpz r;
  mpz_bin_ui(r.z, nv.z, mpz_get_ui(kk.z));
  return int_from_mpz(r.z);
}

Value math_perm(Value module, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("perm", nargs, 1, 2)) return {};
  if (nargs == 1 || is_none(args[1])) return math_factorial(module, args, 1, kwnames);
  Value n, k;
  if (!comb_args(args, &n, &k)) return {};
  IntRead nv(n), kv(k);
  if (mpz_fits_slong_p(nv.z)) {
    if (mpz_cmp(kv.z, nv.z) > 0) return Value::small(0);
  } else if (!mpz_fits_slong_p(kv.z)) {
    return raisef(exc::OverflowError, "k must not exceed %lld", (long long)LLONG_MAX);
  } else if (mpz_cmp(kv.z, nv.z) > 0) {
    return Value::small(0);
  }
  unsigned long kk = mpz_get_ui(kv.z);
  Mpz r, f;
  mpz_bin_ui(r.z, nv.z, kk);  // n! / (n-k)! = C(n, k) k!
  mpz_fac_ui(f.z, kk);
  mpz_mul(r.z, r.z, f.z);
  return int_from_mpz(r.z);
}

// prod: start * x0 * x1 * ... left to right, exactly as the * operator
// computes it (CPython's machine-word and double fast paths give the same
// values, so they are only speed here).
Value math_prod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"iterable", "start"};
  Value a[2];
  if (!parse_args({"prod", kNames, 1, 1, 1, true}, args, nargs, kwnames, {&a[0], &a[1]})) return {};
  Value result = a[1] ? a[1] : Value::small(1);
  Value it = get_iter(a[0]);
  if (!it) return {};
  while (Value item = iter_next(it)) {
    int64_t p;
    if (result.is_small() && item.is_small() &&
        !__builtin_mul_overflow(result.small_value(), item.small_value(), &p)) {
      result = int_from_i64(p);
      continue;
    }
    if (is_exact_float(result) && is_exact_float(item)) {
      result = float_new(float_value(result) * float_value(item));
      continue;
    }
    result = binary_op(BinaryOp::kMul, result, item);
    if (!result) return {};
  }
  if (has_error()) return {};
  return result;
}

// ---- the module --------------------------------------------------------------------------

constexpr uint32_t kO = MethodFlag::kOneArg;
constexpr uint32_t kFast = MethodFlag::kVarArgs;
constexpr uint32_t kFastKw = MethodFlag::kVarArgs | MethodFlag::kKeywords;

// clang-format off
const MethodDef kFunctions[] = {
    {"acos", unary<::acos, false>, kO, "Return the arc cosine (measured in radians) of x."},
    {"acosh", unary<::acosh, false>, kO, "Return the inverse hyperbolic cosine of x."},
    {"asin", unary<::asin, false>, kO, "Return the arc sine (measured in radians) of x."},
    {"asinh", unary<::asinh, false>, kO, "Return the inverse hyperbolic sine of x."},
    {"atan", unary<::atan, false>, kO, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, kFast, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", unary<::atanh, false>, kO, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", unary<::cbrt, false>, kO, "Return the cube root of x."},
    {"ceil", math_ceil, kO, "Return the ceiling of x as an Integral."},
    {"comb", math_comb, kFast, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, kFast, "Return a float with the magnitude of x and the sign of y."},
    {"cos", unary<::cos, false>, kO, "Return the cosine of x (measured in radians)."},
    {"cosh", unary<::cosh, true>, kO, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, kO, "Convert angle x from radians to degrees."},
    {"dist", math_dist, kFast, "Return the Euclidean distance between two points p and q."},
    {"erf", unary<::erf, false>, kO, "Error function at x."},
    {"erfc", unary<::erfc, false>, kO, "Complementary error function at x."},
    {"exp", unary<::exp, true>, kO, "Return e raised to the power of x."},
    {"exp2", unary<::exp2, true>, kO, "Return 2 raised to the power of x."},
    {"expm1", unary<::expm1, true>, kO, "Return exp(x)-1, accurate even for small x."},
    {"fabs", math_fabs, kO, "Return the absolute value of the float x."},
    {"factorial", math_factorial, kO, "Find n!."},
    {"floor", math_floor, kO, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, kFast, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, kO, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, kO, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", unary_errno<gamma_fn>, kO, "Gamma function at x."},
    {"gcd", math_gcd, kFast, "Greatest Common Divisor."},
    {"hypot", math_hypot, kFast, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, kFastKw, "Determine whether two floating point numbers are close in value."},
    {"isfinite", classify<is_finite>, kO, "Return True if x is neither an infinity nor a NaN."},
    {"isinf", classify<is_inf>, kO, "Return True if x is a positive or negative infinity."},
    {"isnan", classify<is_nan>, kO, "Return True if x is a NaN (not a number)."},
    {"isqrt", math_isqrt, kO, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, kFast, "Least Common Multiple."},
    {"ldexp", math_ldexp, kFast, "Return x * (2**i)."},
    {"lgamma", unary_errno<lgamma_fn>, kO, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, kFast | MethodFlag::kTupleArgs, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, kO, "Return the base 10 logarithm of x."},
    {"log1p", unary<log1p_signed, false>, kO, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, kO, "Return the base 2 logarithm of x."},
    {"modf", math_modf, kO, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, kFast, "Return the next floating-point value after x towards y."},
    {"perm", math_perm, kFast, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, kFast, "Return x**y (x to the power of y)."},
    {"prod", math_prod, kFastKw, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, kO, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, kFast, "Difference between x and the closest integer multiple of y."},
    {"sin", unary<::sin, false>, kO, "Return the sine of x (measured in radians)."},
    {"sinh", unary<::sinh, true>, kO, "Return the hyperbolic sine of x."},
    {"sqrt", unary<::sqrt, false>, kO, "Return the square root of x."},
    {"tan", unary<::tan, false>, kO, "Return the tangent of x (measured in radians)."},
    {"tanh", unary<::tanh, false>, kO, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, kO, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, kO, "Return the value of the least significant bit of the float x."},
    {nullptr, nullptr, 0},
};
// clang-format on

}  // namespace

Module* make_math_module() {
  Module* m = module_new(intern("math"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("This module provides access to the mathematical functions\n"
                             "defined by the C standard."));
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("math")));
  }
  dict_set_str(m->dict, intern("pi"), float_new(kPi));
  dict_set_str(m->dict, intern("e"), float_new(kE));
  dict_set_str(m->dict, intern("tau"), float_new(kTau));
  dict_set_str(m->dict, intern("inf"), float_new(HUGE_VAL));
  dict_set_str(m->dict, intern("nan"), float_new(NAN));
  return m;
}

}  // namespace pyrite::python
