// Case mapping of Python strs as CPython 3.11 does it: lower (with the
// Final_Sigma rule), upper, casefold, title, capitalize, swapcase, using
// full (multi-code-point) mappings from ICU. docs/runtime.md, "Text".
//
// Text is a sequence of code points (char32_t, lone surrogates allowed; they
// map to themselves) taken as std::u32string_view, returned as std::u32string.
#pragma once

#include <string>
#include <string_view>

namespace pyrite::python::runtime {

// Full mappings of one code point, appended to `out` (1 to 3 code points).
// No context: U+03A3 lowercases to U+03C3 here; str_lower applies the
// Final_Sigma rule. Titlecase is the character's own titlecase mapping
// ('ǆ' -> 'ǅ', 'ß' -> "Ss").
void append_lower(char32_t c, std::u32string* out);
void append_upper(char32_t c, std::u32string* out);
void append_title(char32_t c, std::u32string* out);
void append_casefold(char32_t c, std::u32string* out);

// str.lower(): full lowercase; U+03A3 becomes final sigma U+03C2 when it
// follows a cased character (skipping case-ignorable ones) and is not
// followed by one (again skipping case-ignorable ones).
std::u32string str_lower(std::u32string_view s);
std::u32string str_upper(std::u32string_view s);
std::u32string str_casefold(std::u32string_view s);
// str.title(): titlecase after an uncased character, lowercase (with the
// sigma rule) after a cased one. "Cased" is the Unicode property, so
// "they're" becomes "They'Re" exactly as in CPython.
std::u32string str_title(std::u32string_view s);
// str.capitalize() (3.8+): titlecase the first character, lowercase the rest.
std::u32string str_capitalize(std::u32string_view s);
// str.swapcase(): uppercase characters lowered (sigma rule included),
// lowercase ones uppered, others kept.
std::u32string str_swapcase(std::u32string_view s);

}  // namespace pyrite::python::runtime
