// The methods of str (docs/objects.md, "Text").
#include "python/objects/str_methods.h"

#include "python/objects/errors.h"
#include "python/objects/protocol.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

void StrBuilder::append_utf8(std::string_view u) {
  Str* s = str_from_utf8(u);
  if (s) append(s);
}

Str* str_repr(Str* s) {
  // The quote: ' unless the text has ' and no ".
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    has_single |= c == '\'';
    has_double |= c == '"';
  }
  char32_t quote = has_single && !has_double ? U'"' : U'\'';
  StrBuilder b;
  b.reserve(size_t(s->length) + 2);
  b.push(quote);
  static const char kHex[] = "0123456789abcdef";
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c == quote || c == '\\') {
      b.push('\\');
      b.push(c);
    } else if (c == '\t') {
      b.append_ascii("\\t");
    } else if (c == '\n') {
      b.append_ascii("\\n");
    } else if (c == '\r') {
      b.append_ascii("\\r");
    } else if (c < 0x20 || c == 0x7f) {
      b.append_ascii("\\x");
      b.push(kHex[c >> 4]);
      b.push(kHex[c & 15]);
    } else if (c < 0x7f || runtime::is_printable(c)) {
      b.push(c);
    } else if (c < 0x100) {
      b.append_ascii("\\x");
      b.push(kHex[c >> 4]);
      b.push(kHex[c & 15]);
    } else if (c < 0x10000) {
      b.append_ascii("\\u");
      for (int sh = 12; sh >= 0; sh -= 4) b.push(kHex[(c >> sh) & 15]);
    } else {
      b.append_ascii("\\U");
      for (int sh = 28; sh >= 0; sh -= 4) b.push(kHex[(c >> sh) & 15]);
    }
  }
  b.push(quote);
  return b.finish();
}

Value str_decode_object(Value obj, Value encoding, Value errors) {
  (void)encoding;
  (void)errors;
  if (is_str(obj)) return raise(exc::TypeError, "decoding str is not supported");
  return raisef(exc::TypeError, "decoding to str: need a bytes-like object, %s found",
                type_name(obj).c_str());
}

namespace {
const MethodDef kStrMethods[] = {
    {nullptr, nullptr, 0},
};
}  // namespace

const MethodDef* str_method_defs() { return kStrMethods; }

}  // namespace pyrite::python
