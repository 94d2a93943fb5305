// The built-in text codecs (utf-8, utf-16, utf-32, latin-1, ascii,
// unicode_escape, raw_unicode_escape) with Python's error handlers, codec
// name lookup and the wording of Unicode errors, as CPython 3.11 has them.
// docs/runtime.md, "Text".
//
// Text is a sequence of code points (char32_t, lone surrogates allowed) taken
// as std::u32string_view / returned as std::u32string; bytes are std::string
// (any byte values). Failures are returned as values, never thrown: a result
// says whether to raise UnicodeEncodeError/UnicodeDecodeError (with the
// encoding, start, end and reason Python would report), a TypeError, or
// nothing because a custom handler's Python exception is already pending.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pyrite::python::runtime {

// CPython's reasons for a short \x, \u or \U escape, shared by the codecs
// and the front end's string literals. (The X placeholders are split across
// literals only so that the source never spells a run of three.)
inline constexpr const char* kTruncatedHex2 = "truncated \\xXX escape";
inline constexpr const char* kTruncatedHex4 = "truncated \\uXX" "XX escape";
inline constexpr const char* kTruncatedHex8 = "truncated \\UXX" "XX" "XX" "XX escape";

enum class Codec : uint8_t {
  kUtf8,
  kUtf16,    // encode: BOM + little endian; decode: BOM decides, else little
  kUtf16Le,
  kUtf16Be,
  kUtf32,    // as kUtf16
  kUtf32Le,
  kUtf32Be,
  kLatin1,
  kAscii,
  // Python-literal escapes: encoding never fails; decoding understands
  // \\ \' \" \a \b \f \n \r \t \v \<newline> \ooo \xHH \uHHHH \UHHHHHHHH \N{name}
  // (unicode_escape) or only \uHHHH and \UHHHHHHHH after an odd number of
  // backslashes (raw_unicode_escape); other bytes are latin-1.
  kUnicodeEscape,
  kRawUnicodeEscape,
};

// codecs.lookup for the codecs above: lowercases ASCII letters, then
// normalizes as encodings.normalize_encoding does (runs of characters other
// than alphanumerics and '.' become one '_'; non-ASCII alphanumerics are
// dropped) and resolves encodings.aliases: "UTF8", "utf_8", "U8", "latin1",
// "iso-8859-1", "L1", "utf-16LE", "646", "cp65001", ... nullopt when the name
// is not one of these codecs (it may still be another Python codec, which is
// the caller's business; if there is none, raise LookupError with
// unknown_encoding_message).
std::optional<Codec> lookup_codec(std::u32string_view name);
std::optional<Codec> lookup_codec(std::string_view ascii_name);
// "unknown encoding: x", UTF-8.
std::string unknown_encoding_message(std::u32string_view name);

// The name Unicode errors carry: "utf-8", "utf-16-le", "latin-1", "ascii",
// "unicodeescape", "rawunicodeescape".
const char* codec_error_name(Codec codec);
// codecs.lookup(name).name: as above, except "iso8859-1" for latin-1 and
// "unicode-escape" / "raw-unicode-escape".
const char* codec_info_name(Codec codec);

enum class ErrorHandler : uint8_t {
  kStrict,
  kIgnore,
  kReplace,
  kBackslashReplace,
  kXmlCharRefReplace,  // encoding only
  kNameReplace,        // encoding only
  kSurrogateEscape,
  kSurrogatePass,
  kCustom,             // a handler registered by codecs.register_error
};

// The built-in handler names; nullopt for anything else (a registered
// custom handler, or LookupError "unknown error handler name 'x'" — see
// unknown_error_handler_message).
std::optional<ErrorHandler> lookup_error_handler(std::string_view name);
std::string unknown_error_handler_message(std::string_view name);

enum class CodecStatus : uint8_t {
  kOk,
  kUnicodeError,      // raise UnicodeEncodeError / UnicodeDecodeError from `error`
  kTypeError,         // raise TypeError(error.reason): handler can't decode
                      // (wrapped unless is_fast_path_codec_name)
  kCallbackFailed,    // a custom handler returned false: its exception is pending
};

// One failure: the input range [start, end) (code points when encoding,
// bytes when decoding) and Python's reason text.
struct CodecError {
  const char* encoding = "";
  size_t start = 0;
  size_t end = 0;
  const char* reason = "";
};

// What a custom error handler returns: text (or bytes, when encoding) to put
// in place of the failing range and the input position to go on from,
// already made non-negative and checked against the input length by the
// handler's adapter (CPython raises IndexError for an out-of-range one).
struct EncodeReplacement {
  bool is_bytes = false;
  std::u32string text;
  std::string bytes;
  size_t resume = 0;
};
struct DecodeReplacement {
  std::u32string text;
  size_t resume = 0;
};
using CustomEncodeHandler = std::function<bool(const CodecError&, EncodeReplacement*)>;
using CustomDecodeHandler = std::function<bool(const CodecError&, DecodeReplacement*)>;

struct EncodeResult {
  CodecStatus status = CodecStatus::kOk;
  std::string bytes;   // the output so far when status != kOk
  CodecError error;
};

struct DecodeResult {
  CodecStatus status = CodecStatus::kOk;
  std::u32string text;
  // Bytes used. Less than the input only when final is false and the input
  // ends inside a character (an incremental decoder keeps the rest).
  size_t consumed = 0;
  // kUtf16/kUtf32 resolved by the BOM (or to little endian without one) once
  // enough bytes were seen; the codec itself otherwise. An incremental
  // decoder continues with this codec.
  Codec resolved = Codec::kUtf8;
  CodecError error;
  // unicode_escape: the DeprecationWarning CPython issues for the first
  // unknown escape ("invalid escape sequence '\\q'", "invalid octal escape
  // sequence '\\777'"), UTF-8; empty when there is none.
  std::string warning;
};

// `custom` is used only with ErrorHandler::kCustom (and must then be set).
EncodeResult encode(Codec codec, std::u32string_view text, ErrorHandler handler,
                    const CustomEncodeHandler* custom = nullptr);
DecodeResult decode(Codec codec, std::string_view bytes, ErrorHandler handler,
                    bool final = true, const CustomDecodeHandler* custom = nullptr);

// bytes.decode / str.encode call the codec directly when the name
// normalizes to utf_8, utf8, utf_16, utf16, utf_32, utf32, ascii, us_ascii,
// latin1, latin_1, iso_8859_1 or iso8859_1. Other spellings (and
// codecs.decode/encode always) go through the codec registry, where CPython
// 3.11 rewraps a TypeError such as kTypeError's: see codec_failed_message.
bool is_fast_path_codec_name(std::u32string_view name);
// "decoding with 'utf-16-le' codec failed (TypeError: don't know how to
// handle UnicodeDecodeError in error callback)"; `name` as the user spelled it.
std::string codec_failed_message(bool decoding, std::u32string_view name,
                                 std::string_view exception_type, std::string_view message);

// str(UnicodeEncodeError) / str(UnicodeDecodeError), UTF-8:
//   'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)
//   'ascii' codec can't encode characters in position 1-3: ordinal not in range(128)
//   'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
//   'utf-8' codec can't decode bytes in position 2-3: unexpected end of data
// `text` / `bytes` is the whole input the error's positions refer to.
std::string encode_error_message(const CodecError& error, std::u32string_view text);
std::string decode_error_message(const CodecError& error, std::string_view bytes);

// Code points to UTF-8 with surrogates written as three bytes (what
// 'surrogatepass' produces); for messages and C++ callers, never fails.
void append_utf8(char32_t c, std::string* out);
std::string to_utf8(std::u32string_view text);

}  // namespace pyrite::python::runtime
