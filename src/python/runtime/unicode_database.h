// What the unicodedata module reports per character (category,
// bidirectional, combining, mirrored, east_asian_width, decomposition) and
// Unicode normalization, as CPython 3.11 answers. docs/runtime.md, "Text".
//
// Text is a sequence of code points (char32_t, lone surrogates allowed)
// taken as std::u32string_view, returned as std::u32string. Data comes from
// ICU; for characters that are unassigned to CPython (category Cn) the
// answers are CPython's defaults: bidirectional "", east_asian_width "F".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pyrite::python::runtime {

const char* unicode_category(char32_t c);          // "Lu", "Cn", ...
const char* unicode_bidirectional(char32_t c);     // "L", "AL", "NSM", ... or ""
int unicode_combining(char32_t c);                 // canonical combining class
bool unicode_mirrored(char32_t c);
const char* unicode_east_asian_width(char32_t c);  // "F" "H" "W" "Na" "A" "N"
// "0065 0301", "<compat> 0066 0069", "" (none; Hangul syllables too, whose
// decomposition is algorithmic and which CPython reports as "").
std::string unicode_decomposition(char32_t c);

enum class NormalForm { kNFC, kNFD, kNFKC, kNFKD };
// "NFC", "NFD", "NFKC", "NFKD"; nullopt otherwise (CPython: ValueError
// "invalid normalization form").
std::optional<NormalForm> lookup_normal_form(std::string_view name);
// unicodedata.normalize / is_normalized. Lone surrogates are left alone and
// never paired.
std::u32string unicode_normalize(NormalForm form, std::u32string_view text);
bool unicode_is_normalized(NormalForm form, std::u32string_view text);

}  // namespace pyrite::python::runtime
