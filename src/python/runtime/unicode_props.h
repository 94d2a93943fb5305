// Unicode character properties as CPython 3.11's str methods define them
// (isalpha, isdigit, isspace, isprintable, ...), per code point and per string.
// Backed by ICU; docs/runtime.md "Text" lists where ICU's newer data differs.
//
// Text is a sequence of code points: char32_t values 0..0x10FFFF, lone
// surrogates 0xD800..0xDFFF included (a Python str may hold them). Strings
// come in as std::u32string_view. Values past 0x10FFFF have no properties.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pyrite::python::runtime {

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

// --- one code point --------------------------------------------------------

bool is_alpha(char32_t c);      // general category Lu Ll Lt Lm Lo
bool is_decimal(char32_t c);    // Nd (Numeric_Type=Decimal)
bool is_digit(char32_t c);      // Numeric_Type Decimal or Digit
bool is_numeric(char32_t c);    // any Numeric_Type (Unihan numerics included)
bool is_alnum(char32_t c);      // alpha, decimal, digit or numeric
// CPython's whitespace: bidirectional class WS, B or S, or category Zs.
// That includes 0x1C..0x1F and 0x85 but not U+200B or U+FEFF.
bool is_space(char32_t c);
// Not in Cc Cf Cs Co Cn Zl Zp Zs, except that ' ' is printable.
bool is_printable(char32_t c);
bool is_upper(char32_t c);      // derived property Uppercase
bool is_lower(char32_t c);      // derived property Lowercase
bool is_title(char32_t c);      // category Lt
bool is_cased(char32_t c);      // derived property Cased
bool is_case_ignorable(char32_t c);
bool is_xid_start(char32_t c);
bool is_xid_continue(char32_t c);
// The characters str.splitlines() splits on:
// \n \v \f \r \x1c \x1d \x1e \x85 \u2028 \u2029.
bool is_linebreak(char32_t c);

// unicodedata.decimal / digit / numeric; -1 / nullopt when the character
// has no such value (numeric values can be negative: U+0F33 is -1/2).
// decimal_value is what int() and float() use to read non-ASCII digits
// such as U+0663.
int decimal_value(char32_t c);
int digit_value(char32_t c);
std::optional<double> numeric_value(char32_t c);

// unicodedata.name(): "LATIN SMALL LETTER A", "CJK UNIFIED IDEOGRAPH-4E00",
// "HANGUL SYLLABLE GA"; nullopt for characters without a name (controls,
// surrogates, private use, unassigned). Used by the namereplace handler.
std::optional<std::string> char_name(char32_t c);
// The character a \N{...} escape names, as CPython 3.11's unicode_escape
// codec (and unicodedata.lookup without named sequences) finds it: names and
// all NameAliases.txt aliases case-insensitively, "HANGUL SYLLABLE ..." and
// "CJK UNIFIED IDEOGRAPH-<hex>" only in upper case, no Tangut ideographs and
// nothing newer than Unicode 14.
std::optional<char32_t> char_from_name(std::string_view name);

// --- a whole string, with CPython's rules for the empty string ---------------
// All of these are false for "" (isascii is true).

bool str_isalpha(std::u32string_view s);
bool str_isdecimal(std::u32string_view s);
bool str_isdigit(std::u32string_view s);
bool str_isnumeric(std::u32string_view s);
bool str_isalnum(std::u32string_view s);
bool str_isspace(std::u32string_view s);
bool str_isprintable(std::u32string_view s);  // true for ""
bool str_isascii(std::u32string_view s);      // true for ""
// At least one cased character, and no uppercase/titlecase one (islower)
// or no lowercase one (isupper).
bool str_islower(std::u32string_view s);
bool str_isupper(std::u32string_view s);
// Uppercase/titlecase characters only after uncased ones, lowercase only
// after cased ones, and at least one cased character.
bool str_istitle(std::u32string_view s);
// XID_Start or '_', then XID_Continue; false for "". Keywords are the
// caller's business (str.isidentifier does not reject them).
bool str_isidentifier(std::u32string_view s);

// What int(), float() and complex() parse instead of a non-ASCII str
// (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII): characters below
// 0x7F kept, other whitespace -> ' ', decimal digits -> '0'..'9'; at the
// first other character the result ends with '?' so that parsing fails.
std::string decimal_and_space_to_ascii(std::u32string_view s);

}  // namespace pyrite::python::runtime
