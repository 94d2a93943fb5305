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
  // Code units of the widest kind appended so far (1, 2 or 4 bytes): text
  // of one byte per character is copied with memcpy and stays one byte per
  // character. finish() makes the string canonical (narrowest kind).
  void reserve(size_t n) { buf_.reserve(n * size_t(kind_)); }
  void push(char32_t c) {
    if (c >= 0x100 && kind_ < (c >= 0x10000 ? 4 : 2)) widen(c >= 0x10000 ? 4 : 2);
    put(c);
  }
  // n copies of c, allocated at once (a huge n fails at once with
  // std::bad_alloc, which the dispatch loop turns into MemoryError).
  void fill(char32_t c, int64_t n);
  void append(const Str* s) { append(s, 0, s->length); }
  void append(const Str* s, int64_t start, int64_t stop);
  void append_ascii(std::string_view a);
  void append_utf8(std::string_view u);
  void append_u32(std::u32string_view u) {
    for (char32_t c : u) push(c);
  }
  size_t size() const { return n_; }
  Str* finish() const;

 private:
  void widen(int kind);
  void put(char32_t c) {
    switch (kind_) {
      case 1: buf_.push_back(char(c)); break;
      case 2: {
        char16_t u = char16_t(c);
        buf_.append(reinterpret_cast<const char*>(&u), 2);
        break;
      }
      default: buf_.append(reinterpret_cast<const char*>(&c), 4); break;
    }
    n_++;
  }

  std::string buf_;
  int kind_ = 1;
  size_t n_ = 0;
};

}  // namespace pyrite::python
