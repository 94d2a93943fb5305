// UTF-8 and Unicode character services for the front end (docs/frontend.md):
// strict UTF-8 checking that reports errors the way Python's 'utf-8' codec
// words them, code point encoding, and the character properties the
// tokenizer and literal decoder need (backed by ICU).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pyrite::python::parse::unicode {

// A decoding failure as Python's UnicodeDecodeError describes it: the bad
// byte range [start, end) and the reason ("invalid start byte", ...).
struct DecodeError {
  size_t start = 0;
  size_t end = 0;
  const char* reason = "";
};

// Validates `s` as strict UTF-8 (no surrogates, no overlong forms, nothing
// past U+10FFFF). Returns false and fills `*error` with the first failure,
// using the maximal-subpart rule Python's decoder follows.
bool check_utf8(std::string_view s, DecodeError* error);

// "'utf-8' codec can't decode byte 0xe9 in position 3: invalid start byte"
// (or "bytes in position 3-4" for longer ranges).
std::string decode_error_message(std::string_view codec, std::string_view bytes,
                                 const DecodeError& error);

// Decodes the code point at `p` from UTF-8 that was already validated (also
// accepts the 3-byte encoding of surrogates). Returns its length in bytes.
int decode_one(const unsigned char* p, const unsigned char* end, uint32_t* cp);

// Appends `cp` as UTF-8; surrogates get the generalized 3-byte form so that
// any Python str survives the trip.
void append_utf8(std::string* out, uint32_t cp);
int utf8_length(uint32_t cp);
char* write_utf8(char* out, uint32_t cp);

bool is_xid_start(uint32_t cp);
bool is_xid_continue(uint32_t cp);
// Python's str.isprintable() for one character.
bool is_printable(uint32_t cp);

// \N{name}: Unicode character names (case-insensitive) and name aliases.
bool lookup_name(std::string_view name, uint32_t* cp);

// NFKC normalization of valid UTF-8. Returns false when `utf8` is already
// normalized (the common case), leaving `*out` untouched.
bool normalize_nfkc(std::string_view utf8, std::string* out);

}  // namespace pyrite::python::parse::unicode
