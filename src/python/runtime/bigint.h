// Big-integer algorithms over GMP mpz with Python's semantics: text
// conversion with the int_max_str_digits limit, correctly rounded conversion
// and division to float, floor division, pow with modulus, bytes, hashing,
// shifts. See docs/runtime.md, "Numbers".
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/runtime/num_error.h"

namespace pyrite::python::runtime::bigint {

// sys.int_info.default_max_str_digits; 0 means "no limit" everywhere below.
inline constexpr size_t kDefaultMaxStrDigits = 4300;

// str(v). ValueError "Exceeds the limit (N digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit" when v
// has more than max_digits decimal digits.
NumResult<std::string> to_decimal(mpz_srcptr v, size_t max_digits);

// bin() / oct() / hex() for base 2, 8, 16: '-0x1f', '0b0'. No limit applies.
std::string to_base(mpz_srcptr v, int base);

// int(text, base) for ASCII text (the caller maps Unicode digits and spaces
// to ASCII). base is 0 or 2..36. On failure the error is one of:
//  - kValueError with an empty message: an invalid literal; the caller raises
//    invalid_literal_message(base, repr(original text));
//  - ValueError "int() base must be >= 2 and <= 36, or 0";
//  - ValueError "Exceeds the limit (N digits) for integer string conversion:
//    value has M digits; use ..." (bases that are not powers of two).
NumError parse_int(std::string_view text, int base, size_t max_digits, mpz_ptr out);
std::string invalid_literal_message(int base, std::string_view text_repr);

// float(v), correctly rounded (ties to even); OverflowError "int too large
// to convert to float".
NumResult<double> to_double(mpz_srcptr v);

// a / b correctly rounded however large a and b are. ZeroDivisionError
// "division by zero"; OverflowError "integer division result too large for a
// float".
NumResult<double> true_divide(mpz_srcptr a, mpz_srcptr b);

// a // b and a % b with Python's signs (the remainder takes b's sign).
// ZeroDivisionError: "integer division or modulo by zero" for // and divmod,
// "integer modulo by zero" for %.
NumError floor_divide(mpz_ptr q, mpz_srcptr a, mpz_srcptr b);
NumError modulo(mpz_ptr r, mpz_srcptr a, mpz_srcptr b);
NumError divmod(mpz_ptr q, mpz_ptr r, mpz_srcptr a, mpz_srcptr b);

// pow(base, exp, mod); a negative exp uses the inverse of base modulo mod.
// The result has mod's sign. ValueError "pow() 3rd argument cannot be 0",
// "base is not invertible for the given modulus".
NumError pow_mod(mpz_ptr out, mpz_srcptr base, mpz_srcptr exp, mpz_srcptr mod);

// int.to_bytes / int.from_bytes. OverflowError "int too big to convert",
// "can't convert negative int to unsigned".
NumError to_bytes(mpz_srcptr v, size_t length, bool little_endian, bool is_signed,
                  std::vector<uint8_t>* out);
void from_bytes(mpz_ptr out, const uint8_t* data, size_t length, bool little_endian, bool is_signed);

uint64_t bit_length(mpz_srcptr v);  // int.bit_length()
uint64_t bit_count(mpz_srcptr v);   // int.bit_count(): ones in |v|

// hash(v): sign * (|v| mod 2^61-1), -1 -> -2; equals hash_int64 on int64s.
int64_t hash_mpz(mpz_srcptr v);

// a << n and a >> n (floor: -1 >> 5 == -1). ValueError "negative shift
// count"; a left shift whose result would exceed 2^37 bits gives
// kMemoryError (CPython raises MemoryError). Counts that do not fit int64 are
// the caller's: "too many digits in integer" for <<, 0 or -1 for >>.
NumError lshift(mpz_ptr out, mpz_srcptr a, int64_t n);
NumError rshift(mpz_ptr out, mpz_srcptr a, int64_t n);

// int(x) for a float: truncates toward zero. ValueError "cannot convert
// float NaN to integer", OverflowError "cannot convert float infinity to
// integer".
NumError from_double(mpz_ptr out, double x);

// float.as_integer_ratio(): num/den in lowest terms, den a power of two.
// OverflowError "cannot convert Infinity to integer ratio", ValueError
// "cannot convert NaN to integer ratio".
NumError as_integer_ratio(double x, mpz_ptr num, mpz_ptr den);

// The exact order of v and a non-NaN double (int == float, int < float
// with no rounding): -1, 0 or 1. NaN compares unordered; the caller checks.
int compare_with_double(mpz_srcptr v, double x);

// round(v, ndigits) for an int: v itself when ndigits >= 0, otherwise the
// nearest multiple of 10^-ndigits, ties to even (round(25, -1) == 20).
void round_int(mpz_ptr out, mpz_srcptr v, int64_t ndigits);

// base ** e for e >= 0 (a negative e is float pow, the caller's). A result
// past 2^37 bits gives kMemoryError.
NumError pow(mpz_ptr out, mpz_srcptr base, uint64_t e);

// int64 fast paths with Python semantics. Precondition b != 0.
// floor_divide_i64 returns false when the quotient overflows (INT64_MIN // -1).
bool floor_divide_i64(int64_t a, int64_t b, int64_t* q);
int64_t modulo_i64(int64_t a, int64_t b);
// a >> n for n >= 0, floor semantics, any n.
int64_t rshift_i64(int64_t a, uint64_t n);

}  // namespace pyrite::python::runtime::bigint
