// repr() and ascii() of strs and bytes, and the unicode_escape /
// raw_unicode_escape encoders, exactly as CPython 3.11 writes them.
// docs/runtime.md, "Text".
//
// Text is a sequence of code points (char32_t, lone surrogates allowed) taken
// as std::u32string_view; a repr that keeps printable non-ASCII characters is
// returned as std::u32string, pure-ASCII results as std::string.
#pragma once

#include <string>
#include <string_view>

namespace pyrite::python::runtime {

// repr(str): single quotes unless the text has a ' and no ", in which case
// double quotes; escapes the chosen quote, \\, \t, \n, \r; \xNN for other
// characters below 0x20 and 0x7F; keeps printable characters (isprintable);
// others become \xNN (up to 0xFF), \uNNNN or \UNNNNNNNN (lone surrogates too).
std::u32string repr_str(std::u32string_view s);

// ascii(str): repr_str with every non-ASCII character escaped as
// \xNN / \uNNNN / \UNNNNNNNN.
std::string ascii_str(std::u32string_view s);

// repr(bytes): b'...' with the same quote rule, \\ \t \n \r and the quote
// escaped, \xNN for bytes below 0x20 or from 0x7F.
std::string repr_bytes(std::string_view bytes);
// repr(bytearray): "bytearray(b'...')" with the same quote choice, except
// that CPython escapes ' even inside double quotes: bytearray(b"\'").
std::string repr_bytearray(std::string_view bytes);

// str.encode('unicode_escape'): \\ \t \n \r escaped, \xNN below 0x20 and
// from 0x7F to 0xFF, \uNNNN, \UNNNNNNNN; quotes are not escaped.
std::string unicode_escape_encode(std::u32string_view s);
// str.encode('raw_unicode_escape'): characters up to 0xFF as themselves
// (one byte each), others \uNNNN / \UNNNNNNNN.
std::string raw_unicode_escape_encode(std::u32string_view s);

}  // namespace pyrite::python::runtime
