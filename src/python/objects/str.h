// str: immutable Unicode text in a compact form (docs/objects.md, "str, bytes,
// bytearray, memoryview").
//
// Code points are stored 1, 2 or 4 bytes each (the smallest kind that holds
// the largest one: latin-1, UCS-2, UCS-4), inline after the header, so
// s[i] is O(1). The hash is cached (-1, never a valid hash, means "not yet").
// Names (attributes, globals, keywords) are interned: one Str per distinct
// text, so the interpreter compares names by pointer.
#pragma once

#include <string>
#include <string_view>

#include "python/objects/object.h"

namespace pyrite::python {

struct Str : Object {
  int64_t length;     // code points
  int64_t hash;       // -1: not computed yet
  uint8_t kind;       // 1, 2 or 4 bytes per code point
  uint8_t ascii;      // all code points < 128 (then utf8 is the data itself)
  uint8_t interned;
  uint8_t pad[5];
  // data[length * kind] (+ a terminating 0 code unit) follows; instances of
  // str subclasses have their InstanceAttrs after it (type.h,
  // alloc_var_instance).

  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(this + 1); }
  uint8_t* data() { return reinterpret_cast<uint8_t*>(this + 1); }
  char32_t at(int64_t i) const {
    switch (kind) {
      case 1: return data()[i];
      case 2: return reinterpret_cast<const char16_t*>(data())[i];
      default: return reinterpret_cast<const char32_t*>(data())[i];
    }
  }
  // The text when ascii (the common case for names).
  std::string_view ascii_view() const {
    return {reinterpret_cast<const char*>(data()), static_cast<size_t>(length)};
  }
};

extern gc::LayoutId kStrLayout;

inline bool is_str(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kStrSubclass); }
inline bool is_exact_str(Value v) { return v.is_object() && v.object()->type == types::str; }

// New strings (null + MemoryError when too large). from_utf8 accepts
// surrogates encoded with surrogatepass-style 3-byte sequences.
Str* str_from_utf8(std::string_view utf8);
Str* str_from_ascii(std::string_view ascii);
Str* str_from_code_points(const char32_t* cps, size_t n);
Str* str_from_latin1(const uint8_t* p, size_t n);
// A new uninitialized string of `length` code points of `kind` (the caller
// fills data(); it must not leave a wider kind than needed).
Str* str_new_raw(int64_t length, int kind);
Str* str_empty();
Str* str_char(char32_t c);  // cached for c < 256

// UTF-8 of a str (lone surrogates as their 3-byte form).
std::string str_to_utf8(const Str* s);
// Equality of text (not identity); hash with the cache.
bool str_equal(const Str* a, const Str* b);
int64_t str_hash(Str* s);
int str_compare(const Str* a, const Str* b);  // <0, 0, >0 by code point
Str* str_concat(Str* a, Str* b);               // null + MemoryError

// Interned strings: one object per text; interned strings are immortal.
Str* intern(std::string_view utf8);
Str* intern_str(Str* s);

// Builds a str from pieces (UTF-8 appends), for repr()s and messages.
Str* str_format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// ---- more of the C++ API (text owner) ------------------------------------------

// A str from UTF-32 (narrowest kind chosen); the code points of a str.
Str* str_from_u32(std::u32string_view cps);
std::u32string str_to_u32(const Str* s);
// sep.join(items): each item must be a str ("sequence item 0: expected str
// instance, int found"); null + error. The interpreter's BUILD_STRING uses
// it with an empty separator.
Str* str_join(Str* sep, const Value* items, size_t n);
// s[start:stop] for 0 <= start <= stop <= length (an exact str).
Str* str_substr(Str* s, int64_t start, int64_t stop);
// The text of `s` in a new instance of `type` (a str subclass, or str
// itself: then s is returned if exact). null + MemoryError.
Str* str_new_subtype(Type* type, Str* s);
// The hash str_hash gives the latin-1 text of these bytes (bytes hash
// like the equal latin-1 str, as in CPython).
int64_t hash_latin1(const uint8_t* p, size_t n);
// Code point search (-1 when absent) in [start, end).
int64_t str_find(const Str* s, const Str* sub, int64_t start, int64_t end);
// Creates the str type (init.cpp calls it after the core types exist).
// Strings made before it (type names, interned names) get their type
// filled in here.
void init_str();

}  // namespace pyrite::python
