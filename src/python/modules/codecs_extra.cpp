// The _codecs module's standard error handlers as Python callables
// (codecs.strict_errors, ...), the charmap codec with its EncodingMap, the
// bytes escape codec and utf-7, as CPython 3.11 has them (docs/modules.md,
// "_codecs").
#include <algorithm>
#include <cstdio>

#include "python/modules/codecs_internal.h"
#include "python/modules/codecs_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

namespace rt = runtime;

namespace {

// ---- the standard error handlers --------------------------------------------------------

enum class UKind { kEncode, kDecode, kTranslate, kOther };

UKind kind_of(Value e) {
  if (isinstance(e, exc::UnicodeEncodeError)) return UKind::kEncode;
  if (isinstance(e, exc::UnicodeDecodeError)) return UKind::kDecode;
  if (isinstance(e, exc::UnicodeTranslateError)) return UKind::kTranslate;
  return UKind::kOther;
}

Value cant_handle(Value e) {
  return raisef(exc::TypeError, "don't know how to handle %s in error callback", type_name(e).c_str());
}

// A Unicode error's object, start and end as PyUnicode*Error_GetStart/GetEnd
// read them: the object must be str (bytes when decoding); start is clamped
// into [0, len-1], end into [1, len].
struct UErr {
  Value obj;
  int64_t start = 0;
  int64_t end = 0;
  int64_t length = 0;
};

bool read_uerr(Value e, UKind kind, UErr* out) {
  static Str* const kObject = intern("object");
  static Str* const kStart = intern("start");
  static Str* const kEnd = intern("end");
  Value obj = get_attr(e, kObject);
  if (!obj) return false;
  if (is_none(obj)) {
    raise(exc::TypeError, "object attribute not set");
    return false;
  }
  if (kind == UKind::kDecode) {
    if (!is_bytes(obj)) {
      raise(exc::TypeError, "object attribute must be bytes");
      return false;
    }
    out->length = int64_t(obj.as<Bytes>()->view().size());
  } else {
    if (!is_str(obj)) {
      raise(exc::TypeError, "object attribute must be unicode");
      return false;
    }
    out->length = obj.as<Str>()->length;
  }
  out->obj = obj;
  Value s = get_attr(e, kStart), en = s ? get_attr(e, kEnd) : Value();
  if (!en) return false;
  auto a = int_to_i64(s), b = int_to_i64(en);
  int64_t start = a ? *a : 0, end = b ? *b : 0;
  if (start < 0) start = 0;
  if (start >= out->length) start = out->length - 1;
  if (end < 1) end = 1;
  if (end > out->length) end = out->length;
  out->start = start;
  out->end = end;
  return true;
}

Value result(Value rep, int64_t pos) {
  if (!rep) return {};
  return tuple_of({rep, int_from_i64(pos)});
}

Value reraise(Value e) {
  set_error(e.object());
  return {};
}

void append_hex(char32_t c, std::u32string* out) {
  char buf[16];
  if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
  else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
  else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
  for (char* p = buf; *p; p++) out->push_back(char32_t(*p));
}

Value h_strict(Value, const Value* args, size_t, Tuple*) {
  if (!is_exception(args[0])) return raise(exc::TypeError, "codec must pass exception instance");
  return reraise(args[0]);
}

Value h_ignore(Value, const Value* args, size_t, Tuple*) {
  UKind k = kind_of(args[0]);
  if (k == UKind::kOther) return cant_handle(args[0]);
  UErr u;
  if (!read_uerr(args[0], k, &u)) return {};
  return result(str_empty(), u.end);
}

Value h_replace(Value, const Value* args, size_t, Tuple*) {
  UKind k = kind_of(args[0]);
  if (k == UKind::kOther) return cant_handle(args[0]);
  UErr u;
  if (!read_uerr(args[0], k, &u)) return {};
  int64_t n = std::max<int64_t>(0, u.end - u.start);
  if (k == UKind::kEncode) return result(str_from_ascii(std::string(size_t(n), '?')), u.end);
  if (k == UKind::kDecode) return result(str_char(0xFFFD), u.end);
  return result(str_from_u32(std::u32string(size_t(n), char32_t(0xFFFD))), u.end);
}

Value h_xmlcharrefreplace(Value, const Value* args, size_t, Tuple*) {
  if (kind_of(args[0]) != UKind::kEncode) return cant_handle(args[0]);
  UErr u;
  if (!read_uerr(args[0], UKind::kEncode, &u)) return {};
  std::string out;
  for (int64_t i = u.start; i < u.end; i++) out += "&#" + std::to_string(uint32_t(u.obj.as<Str>()->at(i))) + ";";
  return result(str_from_ascii(out), u.end);
}

Value h_backslashreplace(Value, const Value* args, size_t, Tuple*) {
  UKind k = kind_of(args[0]);
  if (k == UKind::kOther) return cant_handle(args[0]);
  UErr u;
  if (!read_uerr(args[0], k, &u)) return {};
  std::u32string out;
  if (k == UKind::kDecode) {
    std::string_view b = u.obj.as<Bytes>()->view();
    for (int64_t i = u.start; i < u.end; i++) append_hex(static_cast<unsigned char>(b[size_t(i)]), &out);
  } else {
    for (int64_t i = u.start; i < u.end; i++) append_hex(u.obj.as<Str>()->at(i), &out);
  }
  return result(str_from_u32(out), u.end);
}

Value h_namereplace(Value, const Value* args, size_t, Tuple*) {
  if (kind_of(args[0]) != UKind::kEncode) return cant_handle(args[0]);
  UErr u;
  if (!read_uerr(args[0], UKind::kEncode, &u)) return {};
  std::u32string out;
  for (int64_t i = u.start; i < u.end; i++) {
    char32_t c = u.obj.as<Str>()->at(i);
    if (auto name = rt::char_name(c)) {
      std::string s = "\\N{" + *name + "}";
      out.append(s.begin(), s.end());
    } else {
      append_hex(c, &out);
    }
  }
  return result(str_from_u32(out), u.end);
}

Value h_surrogateescape(Value, const Value* args, size_t, Tuple*) {
  Value e = args[0];
  UKind k = kind_of(e);
  if (k == UKind::kEncode) {
    UErr u;
    if (!read_uerr(e, k, &u)) return {};
    std::string out;
    for (int64_t i = u.start; i < u.end; i++) {
      char32_t c = u.obj.as<Str>()->at(i);
      if (c < 0xDC80 || c > 0xDCFF) return reraise(e);
      out.push_back(char(c - 0xDC00));
    }
    return result(bytes_from(out), u.end);
  }
  if (k == UKind::kDecode) {
    UErr u;
    if (!read_uerr(e, k, &u)) return {};
    std::string_view b = u.obj.as<Bytes>()->view();
    std::u32string out;
    int64_t i = u.start;
    for (; i < u.end && i - u.start < 4; i++) {
      unsigned char c = static_cast<unsigned char>(b[size_t(i)]);
      if (c < 128) break;
      out.push_back(0xDC00 + c);
    }
    if (out.empty()) return reraise(e);
    return result(str_from_u32(out), u.start + int64_t(out.size()));
  }
  return cant_handle(e);
}

// The UTF form an error's encoding names, for surrogatepass: 8, 16 or 32
// bits and the byte order; 0 when it is none of them.
struct Form {
  int bytes = 0;
  bool big = false;
};

Form form_of(Value e) {
  static Str* const kEncoding = intern("encoding");
  Value enc = get_attr(e, kEncoding);
  if (!enc || !is_str(enc)) {
    clear_error();
    return {};
  }
  std::string s = str_to_utf8(enc.as<Str>());
  for (char& c : s) c = char(tolower(static_cast<unsigned char>(c)));
  if (s.size() < 3 || s.compare(0, 3, "utf") != 0) return {};
  s = s.substr(3);
  if (!s.empty() && (s[0] == '-' || s[0] == '_')) s = s.substr(1);
  Form f;
  if (s == "8") f.bytes = 1;
  else if (s == "16" || s == "16-le" || s == "16le" || s == "16_le") f.bytes = 2;
  else if (s == "16-be" || s == "16be" || s == "16_be") f = {2, true};
  else if (s == "32" || s == "32-le" || s == "32le" || s == "32_le") f.bytes = 4;
  else if (s == "32-be" || s == "32be" || s == "32_be") f = {4, true};
  return f;
}

Value h_surrogatepass(Value, const Value* args, size_t, Tuple*) {
  Value e = args[0];
  UKind k = kind_of(e);
  if (k != UKind::kEncode && k != UKind::kDecode) return cant_handle(e);
  UErr u;
  if (!read_uerr(e, k, &u)) return {};
  Form f = form_of(e);
  if (f.bytes == 0) {
    if (has_error()) return {};
    return reraise(e);
  }
  if (k == UKind::kEncode) {
    std::string out;
    for (int64_t i = u.start; i < u.end; i++) {
      char32_t c = u.obj.as<Str>()->at(i);
      if (c < 0xD800 || c > 0xDFFF) return reraise(e);
      if (f.bytes == 1) {
        rt::append_utf8(c, &out);
      } else {
        for (int j = 0; j < f.bytes; j++) {
          int shift = f.big ? 8 * (f.bytes - 1 - j) : 8 * j;
          out.push_back(char((c >> shift) & 0xFF));
        }
      }
    }
    return result(bytes_from(out), u.end);
  }
  std::string_view b = u.obj.as<Bytes>()->view();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(b.data()) + u.start;
  int64_t left = u.length - u.start;
  char32_t c = 0;
  if (f.bytes == 1) {
    if (left < 3 || (p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return reraise(e);
    c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    f.bytes = 3;
  } else {
    if (left < f.bytes) return reraise(e);
    for (int j = 0; j < f.bytes; j++) {
      int shift = f.big ? 8 * (f.bytes - 1 - j) : 8 * j;
      c |= char32_t(p[j]) << shift;
    }
  }
  if (c < 0xD800 || c > 0xDFFF) return reraise(e);
  return result(str_char(c), u.start + f.bytes);
}

const MethodDef kHandlers[] = {
    {"strict_errors", h_strict, MethodFlag::kOneArg, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", h_ignore, MethodFlag::kOneArg, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", h_replace, MethodFlag::kOneArg, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", h_xmlcharrefreplace, MethodFlag::kOneArg, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"backslashreplace_errors", h_backslashreplace, MethodFlag::kOneArg, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"namereplace_errors", h_namereplace, MethodFlag::kOneArg, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape", h_surrogateescape, MethodFlag::kOneArg, nullptr},
    {"surrogatepass", h_surrogatepass, MethodFlag::kOneArg, nullptr},
    {nullptr, nullptr, 0},
};
const char* const kHandlerNames[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
                                     "namereplace", "surrogateescape", "surrogatepass"};

// ---- EncodingMap -------------------------------------------------------------------------

// charmap_build's table: (char, byte) pairs sorted by char, as 4-byte
// entries in a GC Bytes (char low, char high, byte, 0). A char mapped twice
// keeps its last byte, as CPython's three-level table does.
struct EncodingMap : Object {
  Bytes* entries;
};

Type* g_encoding_map = nullptr;

void trace_encoding_map(void* p, gc::Visitor& v) {
  auto* m = static_cast<EncodingMap*>(p);
  v.visit(m->type);
  v.visit(m->entries);
}

// The byte for c, or -1 when unmapped.
int encoding_map_lookup(const EncodingMap* m, char32_t c) {
  if (c == 0) return 0;
  if (c > 0xFFFF) return -1;
  std::string_view v = m->entries->view();
  const unsigned char* e = reinterpret_cast<const unsigned char*>(v.data());
  size_t lo = 0, hi = v.size() / 4;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    char32_t k = char32_t(e[mid * 4]) | (char32_t(e[mid * 4 + 1]) << 8);
    if (k == c) return e[mid * 4 + 2] == 0 ? -1 : e[mid * 4 + 2];
    if (k < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

Value encoding_map_size(Value self, const Value*, size_t, Tuple*) {
  // CPython's size of its three-level table; Pyrite's is smaller.
  return int_from_i64(int64_t(self.as<EncodingMap>()->entries->view().size()));
}

const MethodDef kEncodingMapMethods[] = {
    {"size", encoding_map_size, MethodFlag::kNoArgs, "Return the size (in bytes) of this object"},
    {nullptr, nullptr, 0},
};

// ---- argument reading -------------------------------------------------------------------

const char* const kUndefined = "character maps to <undefined>";

// Output of the charmap encoder for one char: the byte(s) appended, or
// false with *failed (unmapped) or an exception.
bool charmap_put(Value mapping, char32_t c, std::string* out, bool* failed) {
  *failed = false;
  if (mapping.is_object() && type_of(mapping) == g_encoding_map) {
    int b = encoding_map_lookup(mapping.as<EncodingMap>(), c);
    if (b < 0) {
      *failed = true;
      return false;
    }
    out->push_back(char(b));
    return true;
  }
  Value x = get_item(mapping, int_from_i64(int64_t(c)));
  if (!x) {
    if (!error_matches(exc::LookupError)) return false;
    clear_error();
    *failed = true;
    return false;
  }
  if (is_none(x)) {
    *failed = true;
    return false;
  }
  if (is_int(x)) {
    auto v = int_to_i64(x);
    if (!v || *v < 0 || *v > 255) {
      raise(exc::TypeError, "character mapping must be in range(256)");
      return false;
    }
    out->push_back(char(*v));
    return true;
  }
  if (is_bytes(x)) {
    out->append(x.as<Bytes>()->view());
    return true;
  }
  raisef(exc::TypeError, "character mapping must return integer, bytes or None, not %s", type_name(x).c_str());
  return false;
}

Value raise_charmap_encode(Str* text, int64_t start, int64_t end) {
  rt::CodecError err{"charmap", size_t(start), size_t(end), kUndefined};
  return raise_codec_error(false, err, text);
}

}  // namespace

void codecs_register_standard_errors(Dict* registry) {
  if (dict_size(registry) > 0) return;
  for (size_t i = 0; kHandlers[i].name; i++) {
    dict_set(registry, intern(kHandlerNames[i]), new_builtin_function(&kHandlers[i], Value(), nullptr));
  }
}

void codecs_make_types() {
  if (g_encoding_map) return;
  TypeSpec spec;
  spec.name = "EncodingMap";
  spec.layout = register_object_layout("EncodingMap", sizeof(EncodingMap), trace_encoding_map);
  spec.instance_size = sizeof(EncodingMap);
  spec.trace = trace_encoding_map;
  spec.methods = kEncodingMapMethods;
  make_builtin_type(&g_encoding_map, spec);
}

// ---- charmap ----------------------------------------------------------------------------

Value codecs_charmap_build(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "charmap_build() argument must be str, not %s", arg_type_name(args[0]).c_str());
  }
  Str* s = args[0].as<Str>();
  if (s->length == 0) return raise(exc::TypeError, "bad argument type for built-in operation");
  int64_t length = std::min<int64_t>(s->length, 256);
  // CPython's three-level table needs NUL at 0 and BMP characters only;
  // otherwise the map is a dict {ord(char): byte}.
  bool need_dict = s->at(0) != 0;
  for (int64_t i = 1; i < length && !need_dict; i++) {
    char32_t c = s->at(i);
    if (c == 0 || c > 0xFFFF) need_dict = true;
  }
  if (need_dict) {
    Dict* d = dict_new();
    for (int64_t i = 0; i < length; i++) {
      if (!dict_set(d, int_from_i64(s->at(i)), Value::small(i))) return {};
    }
    return d;
  }
  std::vector<std::pair<char32_t, int>> pairs;
  for (int i = 1; i < length; i++) {
    char32_t c = s->at(i);
    if (c == 0xFFFE) continue;
    pairs.emplace_back(c, i);
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](auto& a, auto& b) { return a.first < b.first; });
  std::string table;
  for (size_t i = 0; i < pairs.size(); i++) {
    if (i + 1 < pairs.size() && pairs[i + 1].first == pairs[i].first) continue;  // the last one wins
    table.push_back(char(pairs[i].first & 0xFF));
    table.push_back(char(pairs[i].first >> 8));
    table.push_back(char(pairs[i].second));
    table.push_back(0);
  }
  Bytes* entries = bytes_from(table);
  auto* m = static_cast<EncodingMap*>(alloc_instance(g_encoding_map));
  m->entries = entries;
  return m;
}

Value codecs_charmap_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "charmap_encode";
  if (!codec_nargs(fname, nargs, kwnames, 1, 3)) return {};
  Str* s;
  Value errors;
  if (!codec_str_arg(fname, 1, args[0], &s) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  Value mapping = nargs >= 3 ? args[2] : none();
  if (is_none(mapping)) {
    Value b = codec_run_encode(rt::Codec::kLatin1, s, errors);
    if (!b) return {};
    return tuple_of({b, int_from_i64(s->length)});
  }
  rt::ErrorHandler h = codec_handler_of(errors);
  std::string out;
  int64_t n = s->length;
  CodecErrorCallback cb(errors ? errors : Value(intern("strict")), false, s, size_t(n));
  int64_t pos = 0;
  while (pos < n) {
    bool failed;
    if (charmap_put(mapping, s->at(pos), &out, &failed)) {
      pos++;
      continue;
    }
    if (!failed) return {};
    // The run of unmappable characters.
    int64_t end = pos + 1;
    while (end < n) {
      std::string scratch;
      if (charmap_put(mapping, s->at(end), &scratch, &failed)) break;
      if (!failed) return {};
      end++;
    }
    auto put_all = [&](std::u32string_view text) -> int {  // 1 ok, 0 unmappable, -1 error
      for (char32_t c : text) {
        if (!charmap_put(mapping, c, &out, &failed)) return failed ? 0 : -1;
      }
      return 1;
    };
    switch (h) {
      case rt::ErrorHandler::kStrict: return raise_charmap_encode(s, pos, end);
      case rt::ErrorHandler::kIgnore: pos = end; continue;
      case rt::ErrorHandler::kReplace: {
        int r = put_all(std::u32string(size_t(end - pos), U'?'));
        if (r < 0) return {};
        if (r == 0) return raise_charmap_encode(s, pos, end);
        pos = end;
        continue;
      }
      case rt::ErrorHandler::kXmlCharRefReplace: {
        std::u32string text;
        for (int64_t i = pos; i < end; i++) {
          std::string ref = "&#" + std::to_string(uint32_t(s->at(i))) + ";";
          text.append(ref.begin(), ref.end());
        }
        int r = put_all(text);
        if (r < 0) return {};
        if (r == 0) return raise_charmap_encode(s, pos, end);
        pos = end;
        continue;
      }
      default: {
        Value rep;
        size_t resume;
        if (!cb.call("charmap", size_t(pos), size_t(end), kUndefined, &rep, &resume)) return {};
        if (is_bytes(rep)) {
          out.append(rep.as<Bytes>()->view());
        } else {
          int r = put_all(str_to_u32(rep.as<Str>()));
          if (r < 0) return {};
          if (r == 0) return raise_charmap_encode(s, pos, end);
        }
        pos = int64_t(resume);
        continue;
      }
    }
  }
  return tuple_of({bytes_from(out), int_from_i64(n)});
}

Value codecs_charmap_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "charmap_decode";
  if (!codec_nargs(fname, nargs, kwnames, 1, 3)) return {};
  std::string data;
  Value errors;
  if (!codec_buffer_arg(args[0], false, &data) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  Value mapping = nargs >= 3 ? args[2] : none();
  if (is_none(mapping)) {
    size_t consumed;
    Value s = codec_run_decode(rt::Codec::kLatin1, data, errors, true, &consumed, nullptr);
    if (!s) return {};
    return tuple_of({s, int_from_i64(int64_t(data.size()))});
  }
  Value input = bytes_from(data);
  CodecErrorCallback cb(errors ? errors : Value(intern("strict")), true, input, data.size());
  std::u32string out;
  Str* table = is_str(mapping) ? mapping.as<Str>() : nullptr;
  size_t pos = 0;
  while (pos < data.size()) {
    unsigned char b = static_cast<unsigned char>(data[pos]);
    bool undefined = false;
    if (table) {
      char32_t c = b < table->length ? table->at(b) : 0xFFFE;
      if (c == 0xFFFE) undefined = true;
      else out.push_back(c);
    } else {
      Value x = get_item(mapping, Value::small(b));
      if (!x) {
        if (!error_matches(exc::LookupError)) return {};
        clear_error();
        undefined = true;
      } else if (is_none(x)) {
        undefined = true;
      } else if (is_int(x)) {
        auto v = int_to_i64(x);
        if (v && *v == 0xFFFE) {
          undefined = true;
        } else if (!v || *v < 0 || *v > 0x10FFFF) {
          return raise(exc::TypeError, "character mapping must be in range(0x110000)");
        } else {
          out.push_back(char32_t(*v));
        }
      } else if (is_str(x)) {
        Str* xs = x.as<Str>();
        if (xs->length == 1 && xs->at(0) == 0xFFFE) undefined = true;
        else out += str_to_u32(xs);
      } else {
        return raise(exc::TypeError, "character mapping must return integer, None or str");
      }
    }
    if (!undefined) {
      pos++;
      continue;
    }
    Value rep;
    size_t resume;
    if (!cb.call("charmap", pos, pos + 1, kUndefined, &rep, &resume)) return {};
    out += str_to_u32(rep.as<Str>());
    pos = resume;
  }
  return tuple_of({str_from_u32(out), int_from_i64(int64_t(data.size()))});
}

// ---- the bytes escape codec -------------------------------------------------------------

Value codecs_escape_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "escape_encode";
  if (!codec_nargs(fname, nargs, kwnames, 1, 2)) return {};
  if (!is_bytes(args[0])) {
    return raisef(exc::TypeError, "%s() argument 1 must be bytes, not %s", fname, arg_type_name(args[0]).c_str());
  }
  Value errors;
  if (!codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  std::string_view in = args[0].as<Bytes>()->view();
  std::string out;
  for (unsigned char c : in) {
    char buf[8];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c >= 0x7F) {
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out.push_back(char(c));
        }
    }
  }
  return tuple_of({bytes_from(out), int_from_i64(int64_t(in.size()))});
}

Value codecs_escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "escape_decode";
  if (!codec_nargs(fname, nargs, kwnames, 1, 2)) return {};
  std::string data;
  Value errors;
  if (!codec_buffer_arg(args[0], true, &data) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  std::string err = errors ? str_to_utf8(errors.as<Str>()) : "strict";
  std::string out;
  const char* first_invalid = nullptr;
  const char* s = data.data();
  const char* end = s + data.size();
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 16;
  };
  while (s < end) {
    if (*s != '\\') {
      out.push_back(*s++);
      continue;
    }
    s++;
    if (s == end) return raise(exc::ValueError, "Trailing \\ in string");
    char c = *s++;
    switch (c) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\014'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\013'); break;
      case 'a': out.push_back('\007'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = c - '0';
        if (s < end && *s >= '0' && *s <= '7') {
          v = (v << 3) + (*s++ - '0');
          if (s < end && *s >= '0' && *s <= '7') v = (v << 3) + (*s++ - '0');
        }
        if (v > 0377 && !first_invalid) first_invalid = s - 3;
        out.push_back(char(v));
        break;
      }
      case 'x':
        if (s + 1 < end && hexval(s[0]) < 16 && hexval(s[1]) < 16) {
          out.push_back(char((hexval(s[0]) << 4) + hexval(s[1])));
          s += 2;
          break;
        }
        if (err == "strict") {
          return raisef(exc::ValueError, "invalid \\x escape at position %lld",
                        static_cast<long long>(s - 2 - data.data()));
        }
        if (err == "replace") {
          out.push_back('?');
        } else if (err != "ignore") {
          return raisef(exc::ValueError, "decoding error; unknown error handling code: %s", err.c_str());
        }
        if (s < end && hexval(s[0]) < 16) s++;
        break;
      default:
        if (!first_invalid) first_invalid = s - 1;
        out.push_back('\\');
        s--;
    }
  }
  if (first_invalid) {
    char c = *first_invalid;
    std::string msg;
    if (c >= '4' && c <= '7') {
      msg = "invalid octal escape sequence '\\" + std::string(first_invalid, 3) + "'";
    } else {
      msg = "invalid escape sequence '\\";
      msg.push_back(c);
      msg += "'";
    }
    if (!issue_warning(exc::DeprecationWarning, msg, 1)) return {};
  }
  return tuple_of({bytes_from(out), int_from_i64(int64_t(data.size()))});
}

// ---- utf-7 ------------------------------------------------------------------------------

namespace {

// RFC 2152 as CPython writes it: each ASCII character's class (0 set D,
// 1 set O, 2 whitespace, 3 must be base64-encoded); the encoder writes
// classes 0-2 directly, the decoder takes any ASCII but '+' directly.
constexpr char kUtf7Class[] =
    "3333333332233233"  // NUL .. SI (\t \n \r are whitespace)
    "3333333333333333"
    "2111111000130000"  // space ! " # $ % & ' ( ) * + , - . /
    "0000000000011110"  // 0-9 : ; < = > ?
    "1000000000000000"  // @ A-O
    "0000000000013111"  // P-Z [ \\ ] ^ _
    "1000000000000000"  // ` a-o
    "0000000000011133";  // p-z { | } ~ DEL
bool utf7_encode_direct(char32_t c) { return c > 0 && c < 128 && kUtf7Class[c] != '3'; }
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
bool is_b64(unsigned char c) { return b64_value(c) >= 0; }

}  // namespace

Value codecs_utf_7_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "utf_7_encode";
  if (!codec_nargs(fname, nargs, kwnames, 1, 2)) return {};
  Str* s;
  Value errors;
  if (!codec_str_arg(fname, 1, args[0], &s) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  std::string out;
  bool in_shift = false;
  int bits = 0;
  uint32_t acc = 0;
  auto put16 = [&](uint32_t u) {
    acc = (acc << 16) | u;
    bits += 16;
    while (bits >= 6) {
      out.push_back(kB64[(acc >> (bits - 6)) & 0x3F]);
      bits -= 6;
    }
  };
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (in_shift) {
      if (utf7_encode_direct(c)) {
        // Flush the remaining bits, then end the shift sequence; the '-'
        // is needed only when the next char could be read as base64.
        if (bits) out.push_back(kB64[(acc << (6 - bits)) & 0x3F]);
        if (is_b64(static_cast<unsigned char>(c)) || c == '-') out.push_back('-');
        in_shift = false;
        bits = 0;
        acc = 0;
        out.push_back(char(c));
        continue;
      }
    } else {
      if (c == '+') {
        out += "+-";
        continue;
      }
      if (utf7_encode_direct(c)) {
        out.push_back(char(c));
        continue;
      }
      out.push_back('+');
      in_shift = true;
    }
    if (c >= 0x10000) {
      put16(0xD800 | ((c - 0x10000) >> 10));
      put16(0xDC00 | ((c - 0x10000) & 0x3FF));
    } else {
      put16(c);
    }
    acc &= (1u << bits) - 1;
  }
  if (in_shift) {
    if (bits) out.push_back(kB64[(acc << (6 - bits)) & 0x3F]);
    out.push_back('-');
  }
  return tuple_of({bytes_from(out), int_from_i64(s->length)});
}

Value codecs_utf_7_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "utf_7_decode";
  if (!codec_nargs(fname, nargs, kwnames, 1, 3)) return {};
  std::string data;
  Value errors;
  if (!codec_buffer_arg(args[0], false, &data) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  int final = 0;
  if (!codec_int_arg(args, nargs, 3, 0, &final)) return {};
  Value input = bytes_from(data);
  CodecErrorCallback cb(errors ? errors : Value(intern("strict")), true, input, data.size());
  rt::ErrorHandler h = codec_handler_of(errors);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  std::u32string out;
  bool in_shift = false;
  int bits = 0;
  uint32_t acc = 0;
  char32_t surrogate = 0;
  size_t shift_start = 0;       // input position of the '+'
  size_t shift_out = 0;         // output length at the '+'
  size_t pos = 0;
  // Handles an error over [start, end): the built-in handlers directly, the
  // others through the registry. False with an exception pending.
  auto error = [&](size_t start, size_t end, const char* reason) -> bool {
    switch (h) {
      case rt::ErrorHandler::kStrict: {
        rt::CodecError e{"utf7", start, end, reason};
        raise_codec_error(true, e, input);
        return false;
      }
      case rt::ErrorHandler::kIgnore: pos = end; return true;
      case rt::ErrorHandler::kReplace: out.push_back(0xFFFD); pos = end; return true;
      default: {
        Value rep;
        size_t resume;
        if (!cb.call("utf7", start, end, reason, &rep, &resume)) return false;
        out += str_to_u32(rep.as<Str>());
        pos = resume;
        return true;
      }
    }
  };
  while (pos < n) {
    unsigned char ch = p[pos];
    if (in_shift) {
      if (is_b64(ch)) {
        acc = (acc << 6) | uint32_t(b64_value(ch));
        bits += 6;
        pos++;
        if (bits >= 16) {
          char32_t u = (acc >> (bits - 16)) & 0xFFFF;
          bits -= 16;
          acc &= (1u << bits) - 1;
          if (surrogate) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
              out.push_back(0x10000 + ((surrogate - 0xD800) << 10) + (u - 0xDC00));
              surrogate = 0;
              continue;
            }
            out.push_back(surrogate);
            surrogate = 0;
          }
          if (u >= 0xD800 && u <= 0xDBFF) surrogate = u;
          else out.push_back(u);
        }
        continue;
      }
      // The shift sequence ends.
      in_shift = false;
      size_t start = pos;
      pos++;
      if (surrogate) {
        out.push_back(surrogate);
        surrogate = 0;
      }
      if (bits >= 6) {
        if (!error(shift_start, pos, "partial character in shift sequence")) return {};
        continue;
      }
      if (acc & ((1u << bits) - 1)) {
        if (!error(shift_start, pos, "non-zero padding bits in shift sequence")) return {};
        continue;
      }
      bits = 0;
      acc = 0;
      if (ch == '-') continue;  // absorbed
      (void)start;
      pos--;
      if (ch >= 128) {
        if (!error(pos, pos + 1, "unexpected special character")) return {};
        continue;
      }
      out.push_back(ch);
      pos++;
      continue;
    }
    if (ch == '+') {
      shift_start = pos;
      shift_out = out.size();
      pos++;
      if (pos < n && p[pos] == '-') {
        pos++;
        out.push_back('+');
        continue;
      }
      if (pos < n && !is_b64(p[pos])) {
        if (!error(shift_start, pos + 1, "ill-formed sequence")) return {};
        continue;
      }
      in_shift = true;
      surrogate = 0;
      bits = 0;
      acc = 0;
      continue;
    }
    if (ch < 128) {
      out.push_back(ch);
      pos++;
      continue;
    }
    if (!error(pos, pos + 1, "unexpected special character")) return {};
  }
  size_t consumed = n;
  if (in_shift) {
    if (!final) {
      // An incremental decoder keeps the shift sequence for the next call.
      out.resize(shift_out);
      consumed = shift_start;
    } else {
      if (surrogate) out.push_back(surrogate);
      if (bits >= 6 || (acc & ((1u << bits) - 1))) {
        pos = n;
        if (!error(shift_start, n, "unterminated shift sequence")) return {};
      }
    }
  }
  return tuple_of({str_from_u32(out), int_from_i64(int64_t(consumed))});
}

}  // namespace pyrite::python
