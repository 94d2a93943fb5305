// The str type's pieces shared between its files (docs/objects.md, "str, bytes,
// bytearray, memoryview"): str.cpp (representation, slots), str_methods.cpp
// (the methods), str_format.cpp (% formatting, str.format, __format__).
#pragma once

#include <string>

#include "python/objects/native.h"

namespace pyrite::python {
// protocol.h's for_each uses it before declaring it (core's header).
bool has_error_pending();
}  // namespace pyrite::python
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

// Slots of the str type (str.cpp) and its method table (str_methods.cpp).
void str_fill_slots(TypeSlots* slots);
const MethodDef* str_method_defs();

// repr(s) (CPython's quoting and escaping).
Str* str_repr(Str* s);

// Codecs bridge (str_methods.cpp): str(obj, encoding, errors) for a
// bytes-like obj ("decoding str is not supported"); s.encode(encoding,
// errors). encoding/errors may be null (utf-8, strict). Raise
// UnicodeEncodeError/UnicodeDecodeError/LookupError as CPython.
Value str_decode_object(Value obj, Value encoding, Value errors);
Value str_decode_bytes(const uint8_t* p, size_t n, Value encoding, Value errors);
Value str_encode(Str* s, Value encoding, Value errors);

// s % args (str_format.cpp); NotImplemented when `a` is not a str.
Value str_mod(Value a, Value b);
// format(s, spec) for a str (str.__format__).
Value str_format_spec(Str* s, Str* spec);
// template.format(*args, **kwargs) and format_map.
Value str_format_method(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value str_format_map_method(Value self, const Value* args, size_t nargs, Tuple* kwnames);

// Method arguments converted as CPython's argument clinic does: through
// __index__, then OverflowError "Python int too large to convert to C
// ssize_t" (or "... C int") when out of range.
bool ssize_arg(Value v, int64_t* out);
bool cint_arg(Value v, int64_t* out);
// MemoryError (false) unless a result of n code points / bytes can exist.
bool check_result_size(uint64_t n);

// Builds strs code point by code point, tracking the widest one.
class StrBuilder {
 public:
  void reserve(size_t n) { cps_.reserve(n); }
  void push(char32_t c) { cps_.push_back(c); }
  // n copies of c, allocated at once (a huge n fails at once with
  // std::bad_alloc, which the dispatch loop turns into MemoryError).
  void fill(char32_t c, int64_t n) {
    if (n > 0) cps_.append(size_t(n), c);
  }
  void append(const Str* s) {
    for (int64_t i = 0; i < s->length; i++) cps_.push_back(s->at(i));
  }
  void append(const Str* s, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop; i++) cps_.push_back(s->at(i));
  }
  void append_ascii(std::string_view a) {
    for (char c : a) cps_.push_back(static_cast<unsigned char>(c));
  }
  void append_utf8(std::string_view u);
  void append_u32(std::u32string_view u) { cps_.append(u); }
  size_t size() const { return cps_.size(); }
  std::u32string& text() { return cps_; }
  Str* finish() const { return str_from_u32(cps_); }

 private:
  std::u32string cps_;
};

}  // namespace pyrite::python
