// The binascii module: base64, hex, uuencode and quoted-printable
// conversions and the CRC-32 / CRC-CCITT checksums, as CPython 3.11's
// (docs/modules.md, "binascii").
//
// The decoders follow CPython's loops character for character, since what
// they accept is observable: base64 skips non-alphabet characters and stops
// at the first complete pad (unless strict_mode), uudecode pads a short
// line with zero bytes, quoted-printable passes malformed escapes through.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gc/heap.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

Type* g_error = nullptr;        // binascii.Error (ValueError)
Type* g_incomplete = nullptr;   // binascii.Incomplete (Exception)

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value fail(const char* msg) { return raise(g_error, msg); }

// ascii_buffer_converter: an ASCII str or any buffer. The bytes go to
// `out` (str data must be copied; buffers too, as decoding may run no
// Python code but the copy keeps the view simple).
bool ascii_data(Value v, std::string* out) {
  if (is_str(v)) {
    std::string s = str_to_utf8(v.as<Str>());
    for (unsigned char c : s)
      if (c >= 0x80) {
        raise(exc::ValueError, "string argument should contain only ASCII characters");
        return false;
      }
    *out = std::move(s);
    return true;
  }
  BufferView b;
  if (!get_buffer(v, &b)) {
    raisef(exc::TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
           type_name(v).c_str());
    return false;
  }
  out->assign(reinterpret_cast<const char*>(b.data), size_t(b.length));
  return true;
}

// The "y*" converter.
bool binary_data(Value v, std::string* out) {
  BufferView b;
  if (!get_buffer(v, &b)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
  }
  out->assign(reinterpret_cast<const char*>(b.data), size_t(b.length));
  return true;
}

Value to_bytes(const std::string& s) { return bytes_from(s); }

// ---- uuencode -----------------------------------------------------------------------------------

Value a2b_uu(Value, const Value* args, size_t, Tuple*) {
  std::string in;
  if (!ascii_data(args[0], &in)) return {};
  // The first byte is the length; an empty line reads C's terminating NUL.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(in.c_str());
  int64_t ascii_len = int64_t(in.size());
  int64_t bin_len = (p[0] - ' ') & 077;
  p++;
  ascii_len--;
  std::string out;
  uint32_t leftchar = 0;
  int leftbits = 0;
  for (; bin_len > 0; ascii_len--, p++) {
    unsigned char ch = ascii_len > 0 ? *p : 0;
    if (ch == '\n' || ch == '\r' || ascii_len <= 0) {
      ch = 0;
    } else {
      if (ch < ' ' || ch > ' ' + 64) return fail("Illegal char");
      ch = (ch - ' ') & 077;
    }
    leftchar = (leftchar << 6) | ch;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out += char((leftchar >> leftbits) & 0xff);
      leftchar &= (1u << leftbits) - 1;
      bin_len--;
    }
  }
  while (ascii_len-- > 0) {
    unsigned char ch = *p++;
    if (ch != ' ' && ch != ' ' + 64 && ch != '\n' && ch != '\r') return fail("Trailing garbage");
  }
  return to_bytes(out);
}

Value b2a_uu(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "backtick", nullptr};
  Value data, backtick_v;
  ArgSpec spec{"b2a_uu", kNames, 1, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &backtick_v})) return {};
  int backtick = 0;
  if (backtick_v && (backtick = truth(backtick_v)) < 0) return {};
  std::string in;
  if (!binary_data(data, &in)) return {};
  if (in.size() > 45) return fail("At most 45 bytes at once");
  std::string out;
  int64_t bin_len = int64_t(in.size());
  out += (backtick && !bin_len) ? '`' : char(' ' + bin_len);
  uint32_t leftchar = 0;
  int leftbits = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(in.data());
  for (; bin_len > 0 || leftbits != 0; bin_len--, p++) {
    leftchar = bin_len > 0 ? (leftchar << 8) | *p : leftchar << 8;
    leftbits += 8;
    while (leftbits >= 6) {
      unsigned ch = (leftchar >> (leftbits - 6)) & 0x3f;
      leftbits -= 6;
      out += (backtick && !ch) ? '`' : char(ch + ' ');
    }
  }
  out += '\n';
  return to_bytes(out);
}

// ---- base64 ------------------------------------------------------------------------------------

int base64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Value a2b_base64(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "strict_mode", nullptr};
  Value data, strict_v;
  ArgSpec spec{"a2b_base64", kNames, 1, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &strict_v})) return {};
  int strict = 0;
  if (strict_v && (strict = truth(strict_v)) < 0) return {};
  std::string in;
  if (!ascii_data(data, &in)) return {};
  if (strict && !in.empty() && in[0] == '=') return fail("Leading padding not allowed");
  std::string out;
  int quad_pos = 0, pads = 0;
  bool padding_started = false;
  unsigned leftchar = 0;
  for (size_t i = 0; i < in.size(); i++) {
    unsigned char ch = static_cast<unsigned char>(in[i]);
    if (ch == '=') {
      padding_started = true;
      if (strict && quad_pos == 0) return fail("Excess padding not allowed");
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < in.size()) return fail("Excess data after padding");
        return to_bytes(out);
      }
      continue;
    }
    int v = base64_value(ch);
    if (v < 0) {
      if (strict) return fail("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return fail("Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0:
        quad_pos = 1;
        leftchar = unsigned(v);
        break;
      case 1:
        quad_pos = 2;
        out += char((leftchar << 2) | (unsigned(v) >> 4));
        leftchar = unsigned(v) & 0x0f;
        break;
      case 2:
        quad_pos = 3;
        out += char((leftchar << 4) | (unsigned(v) >> 2));
        leftchar = unsigned(v) & 0x03;
        break;
      default:
        quad_pos = 0;
        out += char((leftchar << 6) | unsigned(v));
        leftchar = 0;
        break;
    }
  }
  if (quad_pos == 1)
    return raisef(g_error,
                  "Invalid base64-encoded string: number of data characters (%zu) cannot be 1 "
                  "more than a multiple of 4",
                  out.size() / 3 * 4 + 1);
  if (quad_pos != 0) return fail("Incorrect padding");
  return to_bytes(out);
}

Value b2a_base64(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "newline", nullptr};
  Value data, newline_v;
  ArgSpec spec{"b2a_base64", kNames, 1, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &newline_v})) return {};
  int newline = 1;
  if (newline_v && (newline = truth(newline_v)) < 0) return {};
  std::string in;
  if (!binary_data(data, &in)) return {};
  std::string out;
  out.reserve(in.size() / 3 * 4 + 5);
  size_t i = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(in.data());
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t v = uint32_t(p[i]) << 16 | uint32_t(p[i + 1]) << 8 | p[i + 2];
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (in.size() - i == 1) {
    uint32_t v = uint32_t(p[i]) << 16;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += "==";
  } else if (in.size() - i == 2) {
    uint32_t v = uint32_t(p[i]) << 16 | uint32_t(p[i + 1]) << 8;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += '=';
  }
  if (newline) out += '\n';
  return to_bytes(out);
}

// ---- checksums -------------------------------------------------------------------------------

// The "unsigned int(bitwise=True)" converter: any int, taken modulo 2**32.
bool crc_arg(Value v, uint32_t* out) {
  if (!is_int(v) && !type_of(v)->slots.index) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  mpz_t scratch, r;
  mpz_init(scratch);
  mpz_init(r);
  mpz_fdiv_r_2exp(r, int_as_mpz(i, scratch), 32);
  *out = uint32_t(mpz_get_ui(r));
  mpz_clear(r);
  mpz_clear(scratch);
  return true;
}

uint32_t g_crc32_table[256];
uint16_t g_crc_hqx_table[256];

void make_crc_tables() {
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    g_crc32_table[n] = c;
    uint32_t h = n << 8;
    for (int k = 0; k < 8; k++) h = (h & 0x8000) ? (h << 1) ^ 0x1021 : h << 1;
    g_crc_hqx_table[n] = uint16_t(h);
  }
}

Value crc32(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("crc32", nargs, 1, 2)) return {};
  std::string in;
  if (!binary_data(args[0], &in)) return {};
  uint32_t crc = 0;
  if (nargs > 1 && !crc_arg(args[1], &crc)) return {};
  crc = ~crc;
  for (unsigned char c : in) crc = g_crc32_table[(crc ^ c) & 0xff] ^ (crc >> 8);
  return int_from_u64(~crc);
}

Value crc_hqx(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("crc_hqx", nargs, 2, 2)) return {};
  std::string in;
  if (!binary_data(args[0], &in)) return {};
  uint32_t crc;
  if (!crc_arg(args[1], &crc)) return {};
  crc &= 0xffff;
  for (unsigned char c : in) crc = ((crc << 8) & 0xff00) ^ g_crc_hqx_table[((crc >> 8) & 0xff) ^ c];
  return int_from_u64(crc);
}

// ---- hex ---------------------------------------------------------------------------------------

Value b2a_hex_named(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"data", "sep", "bytes_per_sep", nullptr};
  Value data, sep, per;
  ArgSpec spec{fname, kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &sep, &per})) return {};
  std::string in;
  if (!binary_data(data, &in)) return {};
  Value rest[2];
  size_t n = 0;
  Tuple* kw = nullptr;
  if (sep) {
    rest[n++] = sep;
    if (per) rest[n++] = per;
  } else if (per) {
    rest[0] = per;
    kw = tuple_of({Value(intern("bytes_per_sep"))});
  }
  Value s = bytes_hex_of(reinterpret_cast<const uint8_t*>(in.data()), int64_t(in.size()), rest,
                         kw ? 0 : n, kw);
  if (!s) return {};
  return bytes_from(str_to_utf8(s.as<Str>()));
}
Value b2a_hex(Value, const Value* args, size_t nargs, Tuple* kw) {
  return b2a_hex_named("b2a_hex", args, nargs, kw);
}
Value hexlify(Value, const Value* args, size_t nargs, Tuple* kw) {
  return b2a_hex_named("hexlify", args, nargs, kw);
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value a2b_hex(Value, const Value* args, size_t, Tuple*) {
  std::string in;
  if (!ascii_data(args[0], &in)) return {};
  if (in.size() % 2) return fail("Odd-length string");
  std::string out;
  for (size_t i = 0; i < in.size(); i += 2) {
    int hi = hex_value(static_cast<unsigned char>(in[i]));
    int lo = hex_value(static_cast<unsigned char>(in[i + 1]));
    if (hi < 0 || lo < 0) return fail("Non-hexadecimal digit found");
    out += char(hi << 4 | lo);
  }
  return to_bytes(out);
}

// ---- quoted-printable ----------------------------------------------------------------------

Value a2b_qp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"data", "header", nullptr};
  Value data, header_v;
  ArgSpec spec{"a2b_qp", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &header_v})) return {};
  int header = 0;
  if (header_v && (header = truth(header_v)) < 0) return {};
  std::string in;
  if (!ascii_data(data, &in)) return {};
  std::string out;
  size_t n = in.size(), i = 0;
  while (i < n) {
    char c = in[i];
    if (c == '=') {
      i++;
      if (i >= n) break;
      if (in[i] == '\n' || in[i] == '\r') {   // soft line break
        if (in[i] != '\n')
          while (i < n && in[i] != '\n') i++;
        if (i < n) i++;
      } else if (in[i] == '=') {
        out += '=';
        i++;
      } else if (i + 1 < n && hex_value(static_cast<unsigned char>(in[i])) >= 0 &&
                 hex_value(static_cast<unsigned char>(in[i + 1])) >= 0) {
        out += char(hex_value(static_cast<unsigned char>(in[i])) << 4 |
                    hex_value(static_cast<unsigned char>(in[i + 1])));
        i += 2;
      } else {
        out += '=';
      }
    } else if (header && c == '_') {
      out += ' ';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return to_bytes(out);
}

Value b2a_qp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"data", "quotetabs", "istext", "header", nullptr};
  Value data, quotetabs_v, istext_v, header_v;
  ArgSpec spec{"b2a_qp", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data, &quotetabs_v, &istext_v, &header_v}))
    return {};
  int quotetabs = 0, istext = 1, header = 0;
  if (quotetabs_v && (quotetabs = truth(quotetabs_v)) < 0) return {};
  if (istext_v && (istext = truth(istext_v)) < 0) return {};
  if (header_v && (header = truth(header_v)) < 0) return {};
  std::string in;
  if (!binary_data(data, &in)) return {};
  const unsigned char* d = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  constexpr size_t kMaxLine = 76;
  static const char kHex[] = "0123456789ABCDEF";
  // CRLF line ends when the first newline follows a CR.
  bool crlf = false;
  const void* nl = std::memchr(d, '\n', n);
  if (nl && nl != d && static_cast<const unsigned char*>(nl)[-1] == '\r') crlf = true;
  std::string out;
  size_t i = 0, linelen = 0;
  auto soft_break = [&]() {
    out += '=';
    if (crlf) out += '\r';
    out += '\n';
    linelen = 0;
  };
  while (i < n) {
    unsigned char c = d[i];
    bool at_end = i + 1 == n;
    if (c > 126 || c == '=' || (header && c == '_') ||
        (c == '.' && linelen == 0 &&
         (at_end || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0)) ||
        (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && at_end) ||
        (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')))) {
      if (linelen + 3 >= kMaxLine) soft_break();
      out += '=';
      out += kHex[c >> 4];
      out += kHex[c & 15];
      i++;
      linelen += 3;
    } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && d[i + 1] == '\n'))) {
      linelen = 0;
      // Whitespace at the end of a line is escaped.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char ws = static_cast<unsigned char>(out.back());
        out.back() = '=';
        out += kHex[ws >> 4];
        out += kHex[ws & 15];
      }
      if (crlf) out += '\r';
      out += '\n';
      i += c == '\r' ? 2 : 1;
    } else {
      if (!at_end && d[i + 1] != '\n' && linelen + 1 >= kMaxLine) soft_break();
      linelen++;
      if (header && c == ' ') {
        out += '_';
      } else {
        out += char(c);
      }
      i++;
    }
  }
  return to_bytes(out);
}

constexpr uint32_t kArgs = MethodFlag::kVarArgs | MethodFlag::kKeywords;
const MethodDef kFunctions[] = {
    {"a2b_uu", a2b_uu, MethodFlag::kOneArg, "Decode a line of uuencoded data."},
    {"b2a_uu", b2a_uu, kArgs, "Uuencode line of data."},
    {"a2b_base64", a2b_base64, kArgs, "Decode a line of base64 data."},
    {"b2a_base64", b2a_base64, kArgs, "Base64-code line of data."},
    {"crc_hqx", crc_hqx, MethodFlag::kVarArgs, "Compute CRC-CCITT incrementally."},
    {"crc32", crc32, MethodFlag::kVarArgs, "Compute CRC-32 incrementally."},
    {"b2a_hex", b2a_hex, kArgs, "Hexadecimal representation of binary data."},
    {"hexlify", hexlify, kArgs, "Hexadecimal representation of binary data."},
    {"a2b_hex", a2b_hex, MethodFlag::kOneArg, "Binary data of hexadecimal representation."},
    {"unhexlify", a2b_hex, MethodFlag::kOneArg, "Binary data of hexadecimal representation."},
    {"a2b_qp", a2b_qp, kArgs, "Decode a string of qp-encoded data."},
    {"b2a_qp", b2a_qp, kArgs, "Encode a string using quoted-printable encoding."},
    {nullptr, nullptr, 0},
};

Type* make_error_class(const char* name, Type* base) {
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("binascii"));
  Value t = type_new(types::type, intern(name), tuple_of({Value(base)}), d, nullptr, nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make binascii.%s\n", name);
    std::abort();
  }
  return t.as<Type>();
}

}  // namespace

Module* make_binascii_module() {
  if (!g_error) {
    make_crc_tables();
    g_error = make_error_class("Error", exc::ValueError);
    gc::add_root(reinterpret_cast<void**>(&g_error));
    g_incomplete = make_error_class("Incomplete", exc::Exception);
    gc::add_root(reinterpret_cast<void**>(&g_incomplete));
  }
  Module* m = module_new(intern("binascii"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Conversion between binary data and ASCII"));
  dict_set_str(m->dict, intern("Error"), g_error);
  dict_set_str(m->dict, intern("Incomplete"), g_incomplete);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("binascii")));
  return m;
}

}  // namespace pyrite::python
