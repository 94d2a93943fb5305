// The built-in codecs and error handlers (docs/runtime.md, "Text").
//
// Each direction is one loop: the codec scans forward, and at a failure
// produces a CodecError (range + reason); the handler then either stops the
// loop or says what to emit and where to resume. Encoders group failing
// characters into runs the way CPython's do (ascii, latin-1 and utf-8 take
// the whole run of unencodable characters; utf-16 and utf-32 one character),
// because the run is visible in the error's start/end and in what 'replace'
// writes.
#include "python/runtime/codecs.h"

#include <cstdint>
#include <cstdio>

#include "base/check.h"
#include "python/runtime/escape.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python::runtime {

namespace {

constexpr char kUnknownDecodeHandler[] =
    "don't know how to handle UnicodeDecodeError in error callback";

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

// Width of a code unit for the fixed-width codecs; 1 otherwise.
int unit_size(Codec c) {
  switch (c) {
    case Codec::kUtf16:
    case Codec::kUtf16Le:
    case Codec::kUtf16Be:
      return 2;
    case Codec::kUtf32:
    case Codec::kUtf32Le:
    case Codec::kUtf32Be:
      return 4;
    default:
      return 1;
  }
}

bool big_endian(Codec c) { return c == Codec::kUtf16Be || c == Codec::kUtf32Be; }

void append_unit(uint32_t v, int size, bool big, std::string* out) {
  for (int i = 0; i < size; ++i) {
    int shift = big ? 8 * (size - 1 - i) : 8 * i;
    out->push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

uint32_t read_unit(const unsigned char* p, int size, bool big) {
  uint32_t v = 0;
  for (int i = 0; i < size; ++i) {
    int shift = big ? 8 * (size - 1 - i) : 8 * i;
    v |= static_cast<uint32_t>(p[i]) << shift;
  }
  return v;
}

void append_hex_escape(char32_t c, std::string* out) {
  char buf[16];
  if (c <= 0xFF)
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
  else if (c <= 0xFFFF)
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
  out->append(buf);
}

// ---------------------------------------------------------------------------
// Encoding

class Encoder {
 public:
  Encoder(Codec codec, std::u32string_view text, ErrorHandler handler,
          const CustomEncodeHandler* custom)
      : codec_(codec), text_(text), handler_(handler), custom_(custom) {
    unit_ = unit_size(codec);
    // The BOM forms write the machine's (little endian) order after a BOM.
    big_ = big_endian(codec);
    if (codec == Codec::kUtf16 || codec == Codec::kUtf32) {
      append_unit(0xFEFF, unit_, false, &result_.bytes);
    }
  }

  EncodeResult run() {
    size_t pos = 0;
    while (pos < text_.size()) {
      char32_t c = text_[pos];
      if (c < 0x80 && unit_ == 1) {
        result_.bytes.push_back(static_cast<char>(c));
        ++pos;
        continue;
      }
      if (encodable(c)) {
        put(c);
        ++pos;
        continue;
      }
      size_t end = pos + 1;
      if (unit_ == 1)
        while (end < text_.size() && !encodable(text_[end])) ++end;
      if (!handle(pos, end, &pos)) return std::move(result_);
    }
    return std::move(result_);
  }

 private:
  bool encodable(char32_t c) const {
    switch (codec_) {
      case Codec::kAscii:
        return c < 0x80;
      case Codec::kLatin1:
        return c < 0x100;
      default:
        return !is_surrogate(c);
    }
  }

  const char* reason() const {
    switch (codec_) {
      case Codec::kAscii:
        return "ordinal not in range(128)";
      case Codec::kLatin1:
        return "ordinal not in range(256)";
      default:
        return "surrogates not allowed";
    }
  }

  // Writes a character the codec can represent (or, for surrogatepass, a
  // surrogate in a UTF form).
  void put(char32_t c) {
    std::string* out = &result_.bytes;
    if (unit_ == 1) {
      if (codec_ == Codec::kUtf8)
        append_utf8(c, out);
      else
        out->push_back(static_cast<char>(c));
    } else if (unit_ == 4 || c < 0x10000) {
      append_unit(c, unit_, big_, out);
    } else {
      append_unit(0xD800 + ((c - 0x10000) >> 10), 2, big_, out);
      append_unit(0xDC00 + ((c - 0x10000) & 0x3FF), 2, big_, out);
    }
  }

  void put_ascii(const std::string& s) {
    for (char ch : s) put(static_cast<unsigned char>(ch));
  }

  bool fail(size_t start, size_t end, CodecStatus status = CodecStatus::kUnicodeError) {
    result_.status = status;
    result_.error = CodecError{codec_error_name(codec_), start, end, reason()};
    return false;
  }

  // Handles the failing run [start, end); sets *resume and returns true to
  // go on, or records the failure and returns false.
  bool handle(size_t start, size_t end, size_t* resume) {
    *resume = end;
    switch (handler_) {
      case ErrorHandler::kStrict:
        return fail(start, end);
      case ErrorHandler::kIgnore:
        return true;
      case ErrorHandler::kReplace:
        for (size_t i = start; i < end; ++i) put('?');
        return true;
      case ErrorHandler::kBackslashReplace:
        for (size_t i = start; i < end; ++i) {
          std::string esc;
          append_hex_escape(text_[i], &esc);
          put_ascii(esc);
        }
        return true;
      case ErrorHandler::kXmlCharRefReplace:
        for (size_t i = start; i < end; ++i)
          put_ascii("&#" + std::to_string(static_cast<uint32_t>(text_[i])) + ";");
        return true;
      case ErrorHandler::kNameReplace:
        for (size_t i = start; i < end; ++i) {
          std::string esc;
          if (auto name = char_name(text_[i]))
            esc = "\\N{" + *name + "}";
          else
            append_hex_escape(text_[i], &esc);
          put_ascii(esc);
        }
        return true;
      case ErrorHandler::kSurrogateEscape:
        // The handler gives bytes; a UTF-16/32 encoder rejects any byte
        // string that is not whole code units, and one byte never is.
        if (unit_ != 1) return fail(start, end);
        for (size_t i = start; i < end; ++i) {
          char32_t c = text_[i];
          // From the first character that is not an escaped byte, the
          // handler sees the rest of the run and rejects it.
          if (c < 0xDC80 || c > 0xDCFF) return fail(i, end);
          result_.bytes.push_back(static_cast<char>(c - 0xDC00));
        }
        return true;
      case ErrorHandler::kSurrogatePass:
        if (codec_ == Codec::kAscii || codec_ == Codec::kLatin1) return fail(start, end);
        for (size_t i = start; i < end; ++i) {
          if (!is_surrogate(text_[i])) return fail(start, end);
        }
        for (size_t i = start; i < end; ++i) {
          if (unit_ == 1)
            append_utf8(text_[i], &result_.bytes);
          else
            append_unit(text_[i], unit_, big_, &result_.bytes);
        }
        return true;
      case ErrorHandler::kCustom:
        return handle_custom(start, end, resume);
    }
    PYR_UNREACHABLE();
  }

  bool handle_custom(size_t start, size_t end, size_t* resume) {
    PYR_CHECK(custom_ != nullptr);
    EncodeReplacement rep;
    CodecError error{codec_error_name(codec_), start, end, reason()};
    if (!(*custom_)(error, &rep)) return fail(start, end, CodecStatus::kCallbackFailed);
    if (rep.is_bytes) {
      if (rep.bytes.size() % unit_ != 0) return fail(start, end);
      result_.bytes += rep.bytes;
    } else {
      // A str replacement must itself encode: ASCII for the UTF codecs,
      // the codec's range for ascii/latin-1; otherwise the original error.
      for (char32_t c : rep.text) {
        bool ok = unit_ == 1 && codec_ != Codec::kUtf8 ? encodable(c) : c < 0x80;
        if (!ok) return fail(start, end);
      }
      for (char32_t c : rep.text) put(c);
    }
    PYR_CHECK(rep.resume <= text_.size());
    *resume = rep.resume;
    return true;
  }

  Codec codec_;
  std::u32string_view text_;
  ErrorHandler handler_;
  const CustomEncodeHandler* custom_;
  int unit_ = 1;
  bool big_ = false;
  EncodeResult result_;
};

// ---------------------------------------------------------------------------
// Decoding

// Outcome of decoding at one position.
struct Step {
  size_t next = 0;         // where the next character starts (success)
  bool has_char = false;   // success with one character (escape codecs
  char32_t c = 0;          // may instead have appended text themselves)
  size_t start = SIZE_MAX;  // failure range start when not the step's own
  const char* reason = nullptr;  // failure: [start, end) and why
  size_t end = 0;
  bool incomplete = false;  // failure only because the input ended early
};

class Decoder {
 public:
  Decoder(Codec codec, std::string_view bytes, ErrorHandler handler, bool final,
          const CustomDecodeHandler* custom)
      : codec_(codec),
        p_(reinterpret_cast<const unsigned char*>(bytes.data())),
        n_(bytes.size()),
        handler_(handler),
        final_(final),
        custom_(custom) {}

  DecodeResult run() {
    size_t pos = 0;
    if (!resolve_bom(&pos)) {
      result_.resolved = codec_;
      result_.consumed = 0;
      return std::move(result_);
    }
    result_.resolved = codec_;
    result_.text.reserve(n_ / unit_size(codec_));
    // ASCII is the same in the byte-oriented codecs; copy runs of it
    // without dispatching per byte.
    bool ascii_fast = codec_ == Codec::kUtf8 || codec_ == Codec::kAscii ||
                      codec_ == Codec::kLatin1 || codec_ == Codec::kRawUnicodeEscape;
    while (pos < n_) {
      if (ascii_fast && p_[pos] < 0x80 && p_[pos] != '\\') {
        size_t end = pos + 1;
        while (end < n_ && p_[end] < 0x80 && p_[end] != '\\') ++end;
        result_.text.append(p_ + pos, p_ + end);
        pos = end;
        continue;
      }
      Step s = step(pos);
      if (!s.reason) {
        if (s.has_char) result_.text.push_back(s.c);
        pos = s.next;
        continue;
      }
      size_t start = s.start != SIZE_MAX ? s.start : pos;
      if (s.incomplete && !final_) {
        pos = start;
        break;
      }
      if (!handle(start, s.end, s.reason, &pos)) {
        result_.consumed = pos;
        result_.warning = std::move(warning_);
        return std::move(result_);
      }
    }
    result_.consumed = pos;
    result_.warning = std::move(warning_);
    return std::move(result_);
  }

 private:
  // For utf-16/utf-32: picks the byte order from a BOM (skipping it) or
  // little endian. Returns false when more bytes are needed to tell.
  bool resolve_bom(size_t* pos) {
    if (codec_ != Codec::kUtf16 && codec_ != Codec::kUtf32) return true;
    bool wide = codec_ == Codec::kUtf32;
    size_t size = wide ? 4 : 2;
    if (n_ < size && !final_) return false;
    Codec le = wide ? Codec::kUtf32Le : Codec::kUtf16Le;
    Codec be = wide ? Codec::kUtf32Be : Codec::kUtf16Be;
    codec_ = le;
    if (n_ >= size) {
      uint32_t mark_le = read_unit(p_, static_cast<int>(size), false);
      if (mark_le == 0xFEFF) {
        *pos = size;
      } else if (read_unit(p_, static_cast<int>(size), true) == 0xFEFF) {
        codec_ = be;
        *pos = size;
      }
    }
    return true;
  }

  static bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }

  // Decodes at pos (kUtf16/kUtf32 are resolved to a byte order by now).
  Step step(size_t pos) {
    const unsigned char* p = p_ + pos;
    size_t left = n_ - pos;
    switch (codec_) {
      case Codec::kAscii:
        if (p[0] < 0x80) return ok(pos + 1, p[0]);
        return bad(pos + 1, "ordinal not in range(128)");
      case Codec::kLatin1:
        return ok(pos + 1, p[0]);
      case Codec::kUtf8:
        return step_utf8(pos, p, left);
      case Codec::kUtf16Le:
      case Codec::kUtf16Be:
        return step_utf16(pos, p, left);
      case Codec::kUtf32Le:
      case Codec::kUtf32Be:
        return step_utf32(pos, p, left);
      case Codec::kUnicodeEscape:
        return step_unicode_escape(pos);
      case Codec::kRawUnicodeEscape:
        return step_raw_unicode_escape(pos);
      case Codec::kUtf16:
      case Codec::kUtf32:
        break;
    }
    PYR_UNREACHABLE();
  }

  static Step ok(size_t next, char32_t c) {
    Step s;
    s.next = next;
    s.has_char = true;
    s.c = c;
    return s;
  }

  // Success after appending any text directly.
  static Step emitted(size_t next) {
    Step s;
    s.next = next;
    return s;
  }

  static Step bad(size_t end, const char* reason, bool incomplete = false) {
    Step s;
    s.end = end;
    s.reason = reason;
    s.incomplete = incomplete;
    return s;
  }

  // The maximal-subpart rule: the error covers the lead byte and the
  // continuation bytes that were valid so far.
  Step step_utf8(size_t pos, const unsigned char* p, size_t left) const {
    unsigned char b = p[0];
    if (b < 0x80) return ok(pos + 1, b);
    int len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b < 0xC2) return bad(pos + 1, "invalid start byte");
    if (b < 0xE0) {
      len = 2;
    } else if (b < 0xF0) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;   // no overlong forms
      if (b == 0xED) hi = 0x9F;   // no surrogates
    } else if (b < 0xF5) {
      len = 4;
      if (b == 0xF0) lo = 0x90;   // no overlong forms
      if (b == 0xF4) hi = 0x8F;   // nothing past U+10FFFF
    } else {
      return bad(pos + 1, "invalid start byte");
    }
    char32_t c = b & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
      if (static_cast<size_t>(i) >= left) return bad(n_, "unexpected end of data", true);
      unsigned char x = p[i];
      bool good = i == 1 ? (x >= lo && x <= hi) : cont(x);
      if (!good) return bad(pos + i, "invalid continuation byte");
      c = (c << 6) | (x & 0x3F);
    }
    return ok(pos + len, c);
  }

  Step step_utf16(size_t pos, const unsigned char* p, size_t left) const {
    bool big = big_endian(codec_);
    if (left < 2) return bad(n_, "truncated data", true);
    uint32_t u = read_unit(p, 2, big);
    if (u < 0xD800 || u > 0xDFFF) return ok(pos + 2, u);
    if (u >= 0xDC00) return bad(pos + 2, "illegal encoding");
    if (left < 4) return bad(n_, "unexpected end of data", true);
    uint32_t u2 = read_unit(p + 2, 2, big);
    if (u2 < 0xDC00 || u2 > 0xDFFF) return bad(pos + 2, "illegal UTF-16 surrogate");
    return ok(pos + 4, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
  }

  Step step_utf32(size_t pos, const unsigned char* p, size_t left) const {
    if (left < 4) return bad(n_, "truncated data", true);
    uint32_t u = read_unit(p, 4, big_endian(codec_));
    if (u > kMaxCodePoint) return bad(pos + 4, "code point not in range(0x110000)");
    if (is_surrogate(u))
      return bad(pos + 4, "code point in surrogate code point range(0xd800, 0xe000)");
    return ok(pos + 4, u);
  }

  static int hex_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // `digits` hex digits from s; the error ends at the first non-digit.
  Step hex_escape(size_t s, int digits, const char* truncated, const char* too_big) const {
    uint32_t v = 0;
    for (int i = 0; i < digits; ++i, ++s) {
      if (s >= n_) return bad(n_, truncated, true);
      int d = hex_digit(p_[s]);
      if (d < 0) return bad(s, truncated);
      v = v * 16 + static_cast<uint32_t>(d);
    }
    if (v > kMaxCodePoint) return bad(s, too_big);
    return ok(s, v);
  }

  Step step_unicode_escape(size_t pos) {
    const unsigned char* p = p_ + pos;
    if (p[0] != '\\') return ok(pos + 1, p[0]);
    if (pos + 1 >= n_) return bad(n_, "\\ at end of string", true);
    unsigned char c = p[1];
    size_t s = pos + 2;
    switch (c) {
      case '\n': return emitted(s);  // line continuation
      case '\\': case '\'': case '"': return ok(s, c);
      case 'a': return ok(s, 7);
      case 'b': return ok(s, 8);
      case 't': return ok(s, 9);
      case 'n': return ok(s, 10);
      case 'v': return ok(s, 11);
      case 'f': return ok(s, 12);
      case 'r': return ok(s, 13);
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        char32_t v = c - '0';
        for (int i = 0; i < 2 && s < n_ && p_[s] >= '0' && p_[s] <= '7'; ++i) v = v * 8 + (p_[s++] - '0');
        if (v > 0377 && warning_.empty())
          warning_ = "invalid octal escape sequence '\\" +
                     std::string(reinterpret_cast<const char*>(p_ + s - 3), 3) + "'";
        return ok(s, v);
      }
      case 'x': return hex_escape(s, 2, kTruncatedHex2, "");
      case 'u': return hex_escape(s, 4, kTruncatedHex4, "");
      case 'U': return hex_escape(s, 8, kTruncatedHex8, "illegal Unicode character");
      case 'N': {
        const char* malformed = "malformed \\N character escape";
        if (s >= n_) return bad(n_, malformed, true);
        if (p_[s] != '{') return bad(s, malformed);
        size_t name_start = ++s;
        while (s < n_ && p_[s] != '}') ++s;
        if (s >= n_) return bad(n_, malformed, true);
        if (s == name_start) return bad(s, malformed);
        std::string_view name(reinterpret_cast<const char*>(p_ + name_start), s - name_start);
        ++s;
        if (auto cp = char_from_name(name)) return ok(s, *cp);
        return bad(s, "unknown Unicode character name");
      }
      default:
        // Kept as written, with a DeprecationWarning for the first one.
        if (warning_.empty()) {
          warning_ = "invalid escape sequence '\\";
          append_utf8(c, &warning_);
          warning_ += "'";
        }
        result_.text.push_back('\\');
        return ok(s, c);
    }
  }

  // \u and \U count only after an odd number of backslashes; the others
  // stand for themselves.
  Step step_raw_unicode_escape(size_t pos) {
    if (p_[pos] != '\\') return ok(pos + 1, p_[pos]);
    size_t s = pos;
    while (s < n_ && p_[s] == '\\') ++s;
    size_t run = s - pos;
    if (run % 2 == 1 && s == n_ && !final_) {
      // A 'u' may follow in the next chunk.
      result_.text.append(run - 1, U'\\');
      Step r = bad(n_, kTruncatedHex4, true);
      r.start = s - 1;
      return r;
    }
    bool escape = run % 2 == 1 && s < n_ && (p_[s] == 'u' || p_[s] == 'U');
    result_.text.append(escape ? run - 1 : run, U'\\');
    if (!escape) return emitted(s);
    Step r = p_[s] == 'u' ? hex_escape(s + 1, 4, kTruncatedHex4, "")
                          : hex_escape(s + 1, 8, kTruncatedHex8,
                                       "\\Uxxxxxxxx out of range");
    if (r.reason) r.start = s - 1;
    return r;
  }

  bool fail(size_t start, size_t end, const char* reason,
            CodecStatus status = CodecStatus::kUnicodeError) {
    result_.status = status;
    result_.error = CodecError{codec_error_name(codec_), start, end, reason};
    return false;
  }

  bool handle(size_t start, size_t end, const char* reason, size_t* resume) {
    *resume = end;
    switch (handler_) {
      case ErrorHandler::kStrict:
        return fail(start, end, reason);
      case ErrorHandler::kIgnore:
        return true;
      case ErrorHandler::kReplace:
        result_.text.push_back(0xFFFD);
        return true;
      case ErrorHandler::kBackslashReplace:
        for (size_t i = start; i < end; ++i) {
          std::string esc;
          append_hex_escape(p_[i], &esc);
          for (char ch : esc) result_.text.push_back(static_cast<unsigned char>(ch));
        }
        return true;
      case ErrorHandler::kXmlCharRefReplace:
      case ErrorHandler::kNameReplace:
        result_.status = CodecStatus::kTypeError;
        result_.error = CodecError{codec_error_name(codec_), start, end, kUnknownDecodeHandler};
        return false;
      case ErrorHandler::kSurrogateEscape: {
        // At most four bytes per call, and only bytes >= 0x80; decoding
        // resumes right after the escaped ones.
        size_t i = start;
        while (i < end && i - start < 4 && p_[i] >= 0x80) {
          result_.text.push_back(0xDC00 + p_[i]);
          ++i;
        }
        if (i == start) return fail(start, end, reason);
        *resume = i;
        return true;
      }
      case ErrorHandler::kSurrogatePass:
        return surrogate_pass(start, end, reason, resume);
      case ErrorHandler::kCustom: {
        PYR_CHECK(custom_ != nullptr);
        DecodeReplacement rep;
        CodecError error{codec_error_name(codec_), start, end, reason};
        if (!(*custom_)(error, &rep)) return fail(start, end, reason, CodecStatus::kCallbackFailed);
        PYR_CHECK(rep.resume <= n_);
        result_.text += rep.text;
        *resume = rep.resume;
        return true;
      }
    }
    PYR_UNREACHABLE();
  }

  // The bytes at `start` must be one surrogate in the codec's UTF form.
  bool surrogate_pass(size_t start, size_t end, const char* reason, size_t* resume) {
    const unsigned char* p = p_ + start;
    size_t left = n_ - start;
    char32_t c = 0;
    size_t size = 0;
    if (codec_ == Codec::kUtf8) {
      if (left >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && cont(p[2])) {
        c = 0xD000 | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        size = 3;
      }
    } else if (unit_size(codec_) > 1) {
      size = static_cast<size_t>(unit_size(codec_));
      if (left >= size) c = read_unit(p, static_cast<int>(size), big_endian(codec_));
    }
    if (size == 0 || left < size || !is_surrogate(c)) return fail(start, end, reason);
    result_.text.push_back(c);
    *resume = start + size;
    return true;
  }

  Codec codec_;
  const unsigned char* p_;
  size_t n_;
  ErrorHandler handler_;
  bool final_;
  const CustomDecodeHandler* custom_;
  DecodeResult result_;
  std::string warning_;
};

// encodings.normalize_encoding after codecs.lookup's ASCII lowercasing.
std::string normalize_name(std::u32string_view name) {
  std::string out;
  bool punct = false;
  for (char32_t c : name) {
    if (c >= 'A' && c <= 'Z') c += 32;
    if (is_alnum(c) || c == '.') {
      if (punct && !out.empty()) out.push_back('_');
      if (c < 0x80) out.push_back(static_cast<char>(c));
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

struct Alias {
  const char* name;
  Codec codec;
};

// encodings' module names for the codecs above.
constexpr Alias kModules[] = {
    {"utf_8", Codec::kUtf8},         {"utf_16", Codec::kUtf16},
    {"utf_16_le", Codec::kUtf16Le},  {"utf_16_be", Codec::kUtf16Be},
    {"utf_32", Codec::kUtf32},       {"utf_32_le", Codec::kUtf32Le},
    {"utf_32_be", Codec::kUtf32Be},  {"latin_1", Codec::kLatin1},
    {"ascii", Codec::kAscii},        {"unicode_escape", Codec::kUnicodeEscape},
    {"raw_unicode_escape", Codec::kRawUnicodeEscape},
};

// Their entries in encodings.aliases.
constexpr Alias kAliases[] = {
    {"u8", Codec::kUtf8},
    {"utf", Codec::kUtf8},
    {"utf8", Codec::kUtf8},
    {"utf8_ucs2", Codec::kUtf8},
    {"utf8_ucs4", Codec::kUtf8},
    {"cp65001", Codec::kUtf8},
    {"u16", Codec::kUtf16},
    {"utf16", Codec::kUtf16},
    {"utf_16le", Codec::kUtf16Le},
    {"unicodelittleunmarked", Codec::kUtf16Le},
    {"utf_16be", Codec::kUtf16Be},
    {"unicodebigunmarked", Codec::kUtf16Be},
    {"u32", Codec::kUtf32},
    {"utf32", Codec::kUtf32},
    {"utf_32le", Codec::kUtf32Le},
    {"utf_32be", Codec::kUtf32Be},
    {"8859", Codec::kLatin1},
    {"cp819", Codec::kLatin1},
    {"csisolatin1", Codec::kLatin1},
    {"ibm819", Codec::kLatin1},
    {"iso8859", Codec::kLatin1},
    {"iso8859_1", Codec::kLatin1},
    {"iso_8859_1", Codec::kLatin1},
    {"iso_8859_1_1987", Codec::kLatin1},
    {"iso_ir_100", Codec::kLatin1},
    {"l1", Codec::kLatin1},
    {"latin", Codec::kLatin1},
    {"latin1", Codec::kLatin1},
    {"646", Codec::kAscii},
    {"ansi_x3.4_1968", Codec::kAscii},
    {"ansi_x3.4_1986", Codec::kAscii},
    {"ansi_x3_4_1968", Codec::kAscii},
    {"cp367", Codec::kAscii},
    {"csascii", Codec::kAscii},
    {"ibm367", Codec::kAscii},
    {"iso646_us", Codec::kAscii},
    {"iso_646.irv_1991", Codec::kAscii},
    {"iso_ir_6", Codec::kAscii},
    {"us", Codec::kAscii},
    {"us_ascii", Codec::kAscii},
};

template <size_t N>
std::optional<Codec> find(const Alias (&table)[N], std::string_view key) {
  for (const auto& a : table)
    if (key == a.name) return a.codec;
  return std::nullopt;
}

}  // namespace

std::optional<Codec> lookup_codec(std::u32string_view name) {
  std::string norm = normalize_name(name);
  // encodings.search_function: the alias table, then the alias table with
  // '.' read as '_', then the name itself as a module (never one with '.').
  if (auto c = find(kAliases, norm)) return c;
  std::string dotless = norm;
  for (char& ch : dotless)
    if (ch == '.') ch = '_';
  if (auto c = find(kAliases, dotless)) return c;
  if (norm.find('.') != std::string::npos) return std::nullopt;
  return find(kModules, norm);
}

std::optional<Codec> lookup_codec(std::string_view ascii_name) {
  std::u32string wide(ascii_name.begin(), ascii_name.end());
  for (auto& c : wide) c &= 0xFF;
  return lookup_codec(std::u32string_view(wide));
}

std::string unknown_encoding_message(std::u32string_view name) {
  return "unknown encoding: " + to_utf8(name);
}

const char* codec_error_name(Codec codec) {
  switch (codec) {
    case Codec::kUtf8: return "utf-8";
    case Codec::kUtf16: return "utf-16";
    case Codec::kUtf16Le: return "utf-16-le";
    case Codec::kUtf16Be: return "utf-16-be";
    case Codec::kUtf32: return "utf-32";
    case Codec::kUtf32Le: return "utf-32-le";
    case Codec::kUtf32Be: return "utf-32-be";
    case Codec::kLatin1: return "latin-1";
    case Codec::kAscii: return "ascii";
    case Codec::kUnicodeEscape: return "unicodeescape";
    case Codec::kRawUnicodeEscape: return "rawunicodeescape";
  }
  PYR_UNREACHABLE();
}

const char* codec_info_name(Codec codec) {
  switch (codec) {
    case Codec::kLatin1: return "iso8859-1";
    case Codec::kUnicodeEscape: return "unicode-escape";
    case Codec::kRawUnicodeEscape: return "raw-unicode-escape";
    default: return codec_error_name(codec);
  }
}

std::optional<ErrorHandler> lookup_error_handler(std::string_view name) {
  static constexpr std::pair<std::string_view, ErrorHandler> kHandlers[] = {
      {"strict", ErrorHandler::kStrict},
      {"ignore", ErrorHandler::kIgnore},
      {"replace", ErrorHandler::kReplace},
      {"backslashreplace", ErrorHandler::kBackslashReplace},
      {"xmlcharrefreplace", ErrorHandler::kXmlCharRefReplace},
      {"namereplace", ErrorHandler::kNameReplace},
      {"surrogateescape", ErrorHandler::kSurrogateEscape},
      {"surrogatepass", ErrorHandler::kSurrogatePass},
  };
  for (const auto& [n, h] : kHandlers)
    if (n == name) return h;
  return std::nullopt;
}

std::string unknown_error_handler_message(std::string_view name) {
  return "unknown error handler name '" + std::string(name) + "'";
}

EncodeResult encode(Codec codec, std::u32string_view text, ErrorHandler handler,
                    const CustomEncodeHandler* custom) {
  if (codec == Codec::kUnicodeEscape) return {CodecStatus::kOk, unicode_escape_encode(text), {}};
  if (codec == Codec::kRawUnicodeEscape) return {CodecStatus::kOk, raw_unicode_escape_encode(text), {}};
  return Encoder(codec, text, handler, custom).run();
}

DecodeResult decode(Codec codec, std::string_view bytes, ErrorHandler handler, bool final,
                    const CustomDecodeHandler* custom) {
  return Decoder(codec, bytes, handler, final, custom).run();
}

bool is_fast_path_codec_name(std::u32string_view name) {
  // CPython's own normalizer here sees UTF-8 bytes, so only ASCII letters and
  // digits count as alphanumeric.
  std::u32string ascii(name);
  for (auto& c : ascii)
    if (c >= 0x80) c = ' ';
  std::string n = normalize_name(ascii);
  for (const char* fast : {"utf_8", "utf8", "utf_16", "utf16", "utf_32", "utf32", "ascii",
                           "us_ascii", "latin1", "latin_1", "iso_8859_1", "iso8859_1"})
    if (n == fast) return true;
  return false;
}

std::string codec_failed_message(bool decoding, std::u32string_view name,
                                 std::string_view exception_type, std::string_view message) {
  return std::string(decoding ? "decoding" : "encoding") + " with '" + to_utf8(name) +
         "' codec failed (" + std::string(exception_type) + ": " + std::string(message) + ")";
}

std::string encode_error_message(const CodecError& error, std::u32string_view text) {
  std::string out = "'" + std::string(error.encoding) + "' codec can't encode ";
  if (error.end == error.start + 1 && error.start < text.size()) {
    out += "character '";
    append_hex_escape(text[error.start], &out);
    out += "' in position " + std::to_string(error.start);
  } else {
    out += "characters in position " + std::to_string(error.start) + "-" +
           std::to_string(error.end - 1);
  }
  return out + ": " + error.reason;
}

std::string decode_error_message(const CodecError& error, std::string_view bytes) {
  std::string out = "'" + std::string(error.encoding) + "' codec can't decode ";
  if (error.end == error.start + 1 && error.start < bytes.size()) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(bytes[error.start]));
    out += "byte " + std::string(buf) + " in position " + std::to_string(error.start);
  } else {
    out += "bytes in position " + std::to_string(error.start) + "-" +
           std::to_string(error.end - 1);
  }
  return out + ": " + error.reason;
}

void append_utf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(c, &out);
  return out;
}

}  // namespace pyrite::python::runtime
