// The methods of str, with CPython 3.11's argument handling and messages
// (docs/objects.md, "str, bytes, bytearray, memoryview"). Case mapping and
// character properties come from runtime/unicode_case.h and
// runtime/unicode_props.h; encode/decode from runtime/codecs.h.
//
// Methods work on code points through Str::at (a switch on the kind the
// compiler hoists out of the loops); results are built with str_substr
// (memcpy of the source kind, narrowed when needed) or StrBuilder.
#include "python/objects/str_methods.h"

#include <cstring>

#include "python/interp/pyrun.h"
#include "python/modules/codecs_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/tuple.h"
#include "python/runtime/codecs.h"
#include "python/runtime/escape.h"
#include "python/runtime/unicode_case.h"
#include "python/runtime/unicode_props.h"

#include <unicode/uchar.h>

namespace pyrite::python {

void StrBuilder::append_utf8(std::string_view u) {
  Str* s = str_from_utf8(u);
  if (s) append(s);
}

void StrBuilder::widen(int kind) {
  std::string wide;
  wide.reserve(buf_.capacity() / size_t(kind_) * size_t(kind));
  for (size_t i = 0; i < n_; i++) {
    char32_t c;
    if (kind_ == 1) {
      c = static_cast<unsigned char>(buf_[i]);
    } else {
      char16_t u;
      memcpy(&u, buf_.data() + 2 * i, 2);
      c = u;
    }
    if (kind == 2) {
      char16_t u = char16_t(c);
      wide.append(reinterpret_cast<const char*>(&u), 2);
    } else {
      wide.append(reinterpret_cast<const char*>(&c), 4);
    }
  }
  buf_.swap(wide);
  kind_ = kind;
}

void StrBuilder::fill(char32_t c, int64_t n) {
  if (n <= 0) return;
  push(c);
  if (kind_ == 1) {
    buf_.append(size_t(n - 1), char(c));
    n_ += size_t(n - 1);
    return;
  }
  buf_.reserve(buf_.size() + size_t(n - 1) * size_t(kind_));
  for (int64_t i = 1; i < n; i++) put(c);
}

void StrBuilder::append(const Str* s, int64_t start, int64_t stop) {
  if (stop <= start) return;
  if (s->kind > kind_) widen(s->kind);
  size_t count = size_t(stop - start);
  const uint8_t* src = s->data() + size_t(start) * s->kind;
  if (s->kind == kind_) {
    buf_.append(reinterpret_cast<const char*>(src), count * size_t(kind_));
    n_ += count;
    return;
  }
  buf_.reserve(buf_.size() + count * size_t(kind_));
  for (int64_t i = start; i < stop; i++) put(s->at(i));
}

void StrBuilder::append_ascii(std::string_view a) {
  if (kind_ == 1) {
    buf_.append(a);
    n_ += a.size();
    return;
  }
  for (char c : a) put(static_cast<unsigned char>(c));
}

Str* StrBuilder::finish() const {
  if (n_ == 0) return str_empty();
  const uint8_t* d = reinterpret_cast<const uint8_t*>(buf_.data());
  if (kind_ == 1) return str_from_latin1(d, n_);
  // The narrowest kind that holds the widest code point (canonical form).
  char32_t max = 0;
  for (size_t i = 0; i < n_; i++) {
    char32_t c;
    if (kind_ == 2) {
      char16_t u;
      memcpy(&u, d + 2 * i, 2);
      c = u;
    } else {
      memcpy(&c, d + 4 * i, 4);
    }
    max = c > max ? c : max;
  }
  int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  if (kind == kind_) {
    if (n_ == 1) return str_char(max);
    Str* s = str_new_raw(int64_t(n_), kind);
    if (!s) return nullptr;
    memcpy(s->data(), d, n_ * size_t(kind));
    return s;
  }
  std::u32string cps;
  cps.reserve(n_);
  for (size_t i = 0; i < n_; i++) {
    char32_t c;
    if (kind_ == 2) {
      char16_t u;
      memcpy(&u, d + 2 * i, 2);
      c = u;
    } else {
      memcpy(&c, d + 4 * i, 4);
    }
    cps.push_back(c);
  }
  return str_from_code_points(cps.data(), cps.size());
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

bool ssize_arg(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Value i = index(v);
  return i && int_to_index(i, out);
}

bool cint_arg(Value v, int64_t* out) {
  if (!ssize_arg(v, out)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      raise(exc::OverflowError, "Python int too large to convert to C int");
    }
    return false;
  }
  if (*out > INT32_MAX || *out < INT32_MIN) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

bool check_result_size(uint64_t n) {
  if (n > (gc::kMaxObjectSize >> 2)) {
    raise_memory_error();
    return false;
  }
  return true;
}

namespace {

Str* self_str(Value self) { return self.as<Str>(); }

// An exact-str copy of self for methods that return self unchanged
// (CPython returns self for exact strs, a new str for subclasses).
Value unchanged(Str* s) { return str_substr(s, 0, s->length); }

bool arg_str(Value v, Str** out) {
  if (!is_str(v)) {
    raisef(exc::TypeError, "must be str, not %s", type_name(v).c_str());
    return false;
  }
  *out = v.as<Str>();
  return true;
}

bool arg_index(Value v, int64_t* out) { return ssize_arg(v, out); }

// CPython's _PyEval_SliceIndex: None keeps *out; ints (and __index__) are
// clipped to int64.
bool slice_index(Value v, int64_t* out) {
  if (!v || is_none(v)) return true;
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  if (!has_index(v)) {
    raise(exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  if (auto x = int_to_i64(i)) {
    *out = *x;
  } else {
    *out = int_sign(i) < 0 ? INT64_MIN + 1 : INT64_MAX;
  }
  return true;
}

// (sub[, start[, end]]) of count/find/index/startswith...: the first arg
// raw, start/end adjusted to [0, len] as CPython's ADJUST_INDICES.
bool parse_sub_args(const char* name, const Value* args, size_t nargs, int64_t len, Value* sub,
                    int64_t* start, int64_t* end) {
  if (nargs < 1) {
    raisef(exc::TypeError, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    raisef(exc::TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
    return false;
  }
  *sub = args[0];
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 1 && !slice_index(args[1], start)) return false;
  if (nargs > 2 && !slice_index(args[2], end)) return false;
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  return true;
}

int64_t rfind_in(const Str* s, const Str* sub, int64_t start, int64_t end) {
  int64_t m = sub->length;
  if (end - start < m) return -1;
  for (int64_t i = end - m; i >= start; i--) {
    int64_t j = 0;
    while (j < m && s->at(i + j) == sub->at(j)) j++;
    if (j == m) return i;
  }
  return -1;
}

int64_t count_in(const Str* s, const Str* sub, int64_t start, int64_t end, int64_t max) {
  if (end - start < sub->length) return 0;
  if (sub->length == 0) {
    int64_t n = end - start + 1;
    return n < max ? n : max;
  }
  int64_t n = 0;
  while (n < max) {
    int64_t i = str_find(s, sub, start, end);
    if (i < 0) break;
    n++;
    start = i + sub->length;
  }
  return n;
}

bool match_at(const Str* s, const Str* sub, int64_t pos) {
  if (pos < 0 || pos + sub->length > s->length) return false;
  for (int64_t j = 0; j < sub->length; j++) {
    if (s->at(pos + j) != sub->at(j)) return false;
  }
  return true;
}

Value find_common(Value self, const Value* args, size_t nargs, const char* name, bool reverse,
                  bool raise_missing) {
  Str* s = self_str(self);
  Value subv;
  int64_t start, end;
  if (!parse_sub_args(name, args, nargs, s->length, &subv, &start, &end)) return {};
  Str* sub;
  if (!arg_str(subv, &sub)) return {};
  int64_t r = -1;
  if (start <= s->length) r = reverse ? rfind_in(s, sub, start, end) : str_find(s, sub, start, end);
  if (r < 0 && raise_missing) return raise(exc::ValueError, "substring not found");
  return Value::small(r);
}

Value m_find(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "find", false, false); }
Value m_rfind(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "rfind", true, false); }
Value m_index(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "index", false, true); }
Value m_rindex(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "rindex", true, true); }

Value m_count(Value self, const Value* args, size_t nargs, Tuple*) {
  Str* s = self_str(self);
  Value subv;
  int64_t start, end;
  if (!parse_sub_args("count", args, nargs, s->length, &subv, &start, &end)) return {};
  Str* sub;
  if (!arg_str(subv, &sub)) return {};
  if (start > s->length) return Value::small(0);
  return Value::small(count_in(s, sub, start, end, INT64_MAX));
}

// startswith/endswith: str or tuple of str.
Value starts_ends(Value self, const Value* args, size_t nargs, const char* name, bool ends) {
  Str* s = self_str(self);
  Value subv;
  int64_t start, end;
  if (!parse_sub_args(name, args, nargs, s->length, &subv, &start, &end)) return {};
  auto test = [&](Str* sub) {
    if (start > s->length) return false;
    if (end - start < sub->length) return false;
    return ends ? match_at(s, sub, end - sub->length) : match_at(s, sub, start);
  };
  if (is_tuple(subv)) {
    Tuple* t = subv.as<Tuple>();
    for (int64_t i = 0; i < t->length; i++) {
      if (!is_str(t->at(i))) {
        return raisef(exc::TypeError, "tuple for %s must only contain str, not %s", name,
                      type_name(t->at(i)).c_str());
      }
      if (test(t->at(i).as<Str>())) return py_bool(true);
    }
    return py_bool(false);
  }
  if (!is_str(subv)) {
    return raisef(exc::TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                  type_name(subv).c_str());
  }
  return py_bool(test(subv.as<Str>()));
}

Value m_startswith(Value self, const Value* a, size_t n, Tuple*) { return starts_ends(self, a, n, "startswith", false); }
Value m_endswith(Value self, const Value* a, size_t n, Tuple*) { return starts_ends(self, a, n, "endswith", true); }

// ---- case mapping and predicates ----

template <std::u32string (*F)(std::u32string_view)>
Value case_method(Value self, const Value*, size_t, Tuple*) {
  return str_from_u32(F(str_to_u32(self_str(self))));
}

Value m_lower(Value self, const Value*, size_t, Tuple*) {
  Str* s = self_str(self);
  if (s->ascii) {
    Str* r = str_new_raw(s->length, 1);
    if (!r) return {};
    const uint8_t* d = s->data();
    for (int64_t i = 0; i < s->length; i++) r->data()[i] = uint8_t(d[i] >= 'A' && d[i] <= 'Z' ? d[i] + 32 : d[i]);
    r->ascii = 1;
    return r;
  }
  return str_from_u32(runtime::str_lower(str_to_u32(s)));
}

Value m_upper(Value self, const Value*, size_t, Tuple*) {
  Str* s = self_str(self);
  if (s->ascii) {
    Str* r = str_new_raw(s->length, 1);
    if (!r) return {};
    const uint8_t* d = s->data();
    for (int64_t i = 0; i < s->length; i++) r->data()[i] = uint8_t(d[i] >= 'a' && d[i] <= 'z' ? d[i] - 32 : d[i]);
    r->ascii = 1;
    return r;
  }
  return str_from_u32(runtime::str_upper(str_to_u32(s)));
}

template <bool (*F)(std::u32string_view)>
Value pred_method(Value self, const Value*, size_t, Tuple*) {
  return py_bool(F(str_to_u32(self_str(self))));
}

// ASCII fast paths of the per-character predicates (c.isalpha() in loops).
template <bool (*F)(std::u32string_view), bool (*Ascii)(uint8_t)>
Value ascii_pred_method(Value self, const Value*, size_t, Tuple*) {
  Str* s = self_str(self);
  if (!s->ascii) return py_bool(F(str_to_u32(s)));
  if (s->length == 0) return py_bool(false);
  const uint8_t* d = s->data();
  for (int64_t i = 0; i < s->length; i++) {
    if (!Ascii(d[i])) return py_bool(false);
  }
  return py_bool(true);
}

bool ascii_alpha(uint8_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
bool ascii_digit(uint8_t c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(uint8_t c) { return ascii_alpha(c) || ascii_digit(c); }
bool ascii_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

Value m_isascii(Value self, const Value*, size_t, Tuple*) {
  Str* s = self_str(self);
  return py_bool(s->ascii || s->length == 0);
}

Value m_isidentifier(Value self, const Value*, size_t, Tuple*) {
  return py_bool(runtime::str_isidentifier(str_to_u32(self_str(self))));
}

// ---- padding ----

Value pad(Str* s, int64_t left, int64_t right, char32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return unchanged(s);
  int64_t n = left + s->length + right;
  if (!check_result_size(uint64_t(n))) return {};
  StrBuilder b;
  b.reserve(size_t(n));
  b.fill(fill, left);
  b.append(s);
  b.fill(fill, right);
  return b.finish();
}

bool parse_width_fill(const char* name, const Value* args, size_t nargs, int64_t* width, char32_t* fill) {
  if (!check_nargs(name, nargs, 1, 2)) return false;
  if (!arg_index(args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    if (!is_str(args[1])) {
      raisef(exc::TypeError, "The fill character must be a unicode character, not %s",
             type_name(args[1]).c_str());
      return false;
    }
    Str* f = args[1].as<Str>();
    if (f->length != 1) {
      raise(exc::TypeError, "The fill character must be exactly one character long");
      return false;
    }
    *fill = f->at(0);
  }
  return true;
}

Value m_center(Value self, const Value* args, size_t nargs, Tuple*) {
  Str* s = self_str(self);
  int64_t width;
  char32_t fill;
  if (!parse_width_fill("center", args, nargs, &width, &fill)) return {};
  if (width <= s->length) return unchanged(s);
  int64_t marg = width - s->length;
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(s, left, marg - left, fill);
}

Value m_ljust(Value self, const Value* args, size_t nargs, Tuple*) {
  Str* s = self_str(self);
  int64_t width;
  char32_t fill;
  if (!parse_width_fill("ljust", args, nargs, &width, &fill)) return {};
  return pad(s, 0, width - s->length, fill);
}

Value m_rjust(Value self, const Value* args, size_t nargs, Tuple*) {
  Str* s = self_str(self);
  int64_t width;
  char32_t fill;
  if (!parse_width_fill("rjust", args, nargs, &width, &fill)) return {};
  return pad(s, width - s->length, 0, fill);
}

Value m_zfill(Value self, const Value* args, size_t, Tuple*) {
  Str* s = self_str(self);
  int64_t width;
  if (!arg_index(args[0], &width)) return {};
  if (width <= s->length) return unchanged(s);
  if (!check_result_size(uint64_t(width))) return {};
  int64_t fill = width - s->length;
  StrBuilder b;
  b.reserve(size_t(width));
  int64_t i = 0;
  if (s->length > 0 && (s->at(0) == '+' || s->at(0) == '-')) {
    b.push(s->at(0));
    i = 1;
  }
  for (int64_t k = 0; k < fill; k++) b.push('0');
  b.append(s, i, s->length);
  return b.finish();
}

Value m_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"tabsize", nullptr};
  Value tabv;
  if (!parse_args(ArgSpec{"expandtabs", kParams, 0, 0}, args, nargs, kwnames, {&tabv})) return {};
  int64_t tabsize = 8;
  if (tabv && !cint_arg(tabv, &tabsize)) return {};
  Str* s = self_str(self);
  StrBuilder b;
  int64_t col = 0;
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - col % tabsize;
        if (!check_result_size(b.size() + uint64_t(n))) return {};
        b.fill(' ', n);
        col += n;
      }
    } else {
      b.push(c);
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return b.finish();
}

// ---- strip ----

bool in_chars(const Str* chars, char32_t c) {
  for (int64_t k = 0; k < chars->length; k++) {
    if (chars->at(k) == c) return true;
  }
  return false;
}

Value strip_common(Value self, const Value* args, size_t nargs, const char* name, bool left, bool right) {
  if (!check_nargs(name, nargs, 0, 1)) return {};
  Str* s = self_str(self);
  Str* chars = nullptr;
  if (nargs == 1 && !is_none(args[0])) {
    if (!is_str(args[0])) return raisef(exc::TypeError, "%s arg must be None or str", name);
    chars = args[0].as<Str>();
  }
  int64_t i = 0, j = s->length;
  auto strip_it = [&](char32_t c) { return chars ? in_chars(chars, c) : runtime::is_space(c); };
  if (left) {
    while (i < j && strip_it(s->at(i))) i++;
  }
  if (right) {
    while (j > i && strip_it(s->at(j - 1))) j--;
  }
  return str_substr(s, i, j);
}

Value m_strip(Value self, const Value* a, size_t n, Tuple*) { return strip_common(self, a, n, "strip", true, true); }
Value m_lstrip(Value self, const Value* a, size_t n, Tuple*) { return strip_common(self, a, n, "lstrip", true, false); }
Value m_rstrip(Value self, const Value* a, size_t n, Tuple*) { return strip_common(self, a, n, "rstrip", false, true); }

Value m_removeprefix(Value self, const Value* args, size_t, Tuple*) {
  Str* s = self_str(self);
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "removeprefix() argument must be str, not %s", type_name(args[0]).c_str());
  }
  Str* p = args[0].as<Str>();
  if (match_at(s, p, 0)) return str_substr(s, p->length, s->length);
  return unchanged(s);
}

Value m_removesuffix(Value self, const Value* args, size_t, Tuple*) {
  Str* s = self_str(self);
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "removesuffix() argument must be str, not %s", type_name(args[0]).c_str());
  }
  Str* p = args[0].as<Str>();
  if (p->length > 0 && match_at(s, p, s->length - p->length)) return str_substr(s, 0, s->length - p->length);
  return unchanged(s);
}

// ---- split / partition ----

Value list_from_builder(TupleBuilder& b) { return list_from_array(b.items(), b.size()); }

bool parse_split_args(const char* name, const Value* args, size_t nargs, Tuple* kwnames, Str** sep,
                      int64_t* maxsplit) {
  static const char* const kParams[] = {"sep", "maxsplit", nullptr};
  Value sepv, maxv;
  if (!parse_args(ArgSpec{name, kParams, 0, 0}, args, nargs, kwnames, {&sepv, &maxv})) return false;
  *sep = nullptr;
  *maxsplit = -1;
  if (sepv && !is_none(sepv)) {
    if (!is_str(sepv)) {
      raisef(exc::TypeError, "must be str or None, not %s", type_name(sepv).c_str());
      return false;
    }
    *sep = sepv.as<Str>();
    if ((*sep)->length == 0) {
      raise(exc::ValueError, "empty separator");
      return false;
    }
  }
  if (maxv && !arg_index(maxv, maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Value m_split(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_str(self);
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return {};
  TupleBuilder out;
  int64_t n = s->length;
  if (!sep) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      while (i < n && runtime::is_space(s->at(i))) i++;
      if (i == n) break;
      int64_t j = i;
      while (j < n && !runtime::is_space(s->at(j))) j++;
      if (!out.push(str_substr(s, i, j))) return {};
      i = j;
    }
    while (i < n && runtime::is_space(s->at(i))) i++;
    if (i < n && !out.push(str_substr(s, i, n))) return {};
    return list_from_builder(out);
  }
  int64_t i = 0;
  while (maxsplit-- > 0) {
    int64_t j = str_find(s, sep, i, n);
    if (j < 0) break;
    if (!out.push(str_substr(s, i, j))) return {};
    i = j + sep->length;
  }
  if (i == 0 && is_exact_str(s)) {
    if (!out.push(s)) return {};
  } else if (!out.push(str_substr(s, i, n))) {
    return {};
  }
  return list_from_builder(out);
}

Value m_rsplit(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_str(self);
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return {};
  std::vector<std::pair<int64_t, int64_t>> parts;  // collected right to left
  int64_t j = s->length;
  if (!sep) {
    while (maxsplit-- > 0) {
      while (j > 0 && runtime::is_space(s->at(j - 1))) j--;
      if (j == 0) break;
      int64_t i = j;
      while (i > 0 && !runtime::is_space(s->at(i - 1))) i--;
      parts.push_back({i, j});
      j = i;
    }
    while (j > 0 && runtime::is_space(s->at(j - 1))) j--;
    if (j > 0) parts.push_back({0, j});
  } else {
    while (maxsplit-- > 0) {
      int64_t i = rfind_in(s, sep, 0, j);
      if (i < 0) break;
      parts.push_back({i + sep->length, j});
      j = i;
    }
    parts.push_back({0, j});
  }
  TupleBuilder out(int64_t(parts.size()));
  for (size_t k = parts.size(); k-- > 0;) {
    if (!out.push(str_substr(s, parts[k].first, parts[k].second))) return {};
  }
  return list_from_builder(out);
}

Value m_splitlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"keepends", nullptr};
  Value keepv;
  if (!parse_args(ArgSpec{"splitlines", kParams, 0, 0}, args, nargs, kwnames, {&keepv})) return {};
  int64_t keep = 0;
  if (keepv && !cint_arg(keepv, &keep)) return {};
  Str* s = self_str(self);
  TupleBuilder out;
  int64_t i = 0, n = s->length;
  while (i < n) {
    int64_t j = i;
    while (j < n && !runtime::is_linebreak(s->at(j))) j++;
    int64_t eol = j;
    if (j < n) {
      if (s->at(j) == '\r' && j + 1 < n && s->at(j + 1) == '\n') {
        j += 2;
      } else {
        j++;
      }
      if (keep) eol = j;
    }
    if (!out.push(str_substr(s, i, eol))) return {};
    i = j;
  }
  return list_from_builder(out);
}

Value partition_common(Value self, Value sepv, bool reverse) {
  Str* s = self_str(self);
  Str* sep;
  if (!arg_str(sepv, &sep)) return {};
  if (sep->length == 0) return raise(exc::ValueError, "empty separator");
  int64_t i = reverse ? rfind_in(s, sep, 0, s->length) : str_find(s, sep, 0, s->length);
  if (i < 0) {
    Value whole = unchanged(s);
    if (!whole) return {};
    return reverse ? tuple_of({str_empty(), str_empty(), whole}) : tuple_of({whole, str_empty(), str_empty()});
  }
  Value a = str_substr(s, 0, i);
  if (!a) return {};
  Value m = str_substr(sep, 0, sep->length);
  if (!m) return {};
  Value b = str_substr(s, i + sep->length, s->length);
  if (!b) return {};
  return tuple_of({a, m, b});
}

Value m_partition(Value self, const Value* args, size_t, Tuple*) { return partition_common(self, args[0], false); }
Value m_rpartition(Value self, const Value* args, size_t, Tuple*) { return partition_common(self, args[0], true); }

// ---- replace, join, translate ----

Value m_replace(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("replace", nargs, 2, 3)) return {};
  Str* s = self_str(self);
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "replace() argument 1 must be str, not %s", type_name(args[0]).c_str());
  }
  if (!is_str(args[1])) {
    return raisef(exc::TypeError, "replace() argument 2 must be str, not %s", type_name(args[1]).c_str());
  }
  int64_t count = -1;
  if (nargs > 2 && !arg_index(args[2], &count)) return {};
  if (count < 0) count = INT64_MAX;
  Str* old = args[0].as<Str>();
  Str* rep = args[1].as<Str>();
  if (count == 0) return unchanged(s);
  StrBuilder b;
  int64_t n = s->length;
  if (old->length == 0) {
    // Insert rep before every character and at the end, count times.
    int64_t i = 0;
    while (count > 0 && i <= n) {
      if (!check_result_size(b.size() + uint64_t(rep->length))) return {};
      b.append(rep);
      count--;
      if (i < n) b.push(s->at(i));
      i++;
    }
    if (i <= n) b.append(s, i, n);
    return b.finish();
  }
  int64_t i = 0;
  bool any = false;
  while (count > 0) {
    int64_t j = str_find(s, old, i, n);
    if (j < 0) break;
    b.append(s, i, j);
    if (!check_result_size(b.size() + uint64_t(rep->length))) return {};
    b.append(rep);
    i = j + old->length;
    count--;
    any = true;
  }
  if (!any) return unchanged(s);
  b.append(s, i, n);
  return b.finish();
}

Value m_join(Value self, const Value* args, size_t, Tuple*) {
  Str* sep = self_str(self);
  Tuple* items = sequence_fast(args[0], "can only join an iterable");
  if (!items) return {};
  return str_join(sep, items->items(), size_t(items->length));
}

Value m_translate(Value self, const Value* args, size_t, Tuple*) {
  Str* s = self_str(self);
  Value table = args[0];
  StrBuilder b;
  b.reserve(size_t(s->length));
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    Value r = get_item(table, Value::small(c));
    if (!r) {
      if (error_matches(exc::LookupError)) {
        clear_error();
        b.push(c);
        continue;
      }
      return {};
    }
    if (is_none(r)) continue;
    if (is_int(r)) {
      auto v = int_to_i64(r);
      if (!v || *v < 0 || *v > 0x10FFFF) {
        return raise(exc::ValueError, "character mapping must be in range(0x110000)");
      }
      b.push(char32_t(*v));
    } else if (is_str(r)) {
      b.append(r.as<Str>());
    } else {
      return raise(exc::TypeError, "character mapping must return integer, None or str");
    }
  }
  return b.finish();
}

// str.maketrans(x[, y[, z]]), a staticmethod.
Value m_maketrans(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("maketrans", nargs, 1, 3)) return {};
  Dict* d = dict_new();
  if (nargs == 1) {
    if (!is_dict(args[0])) {
      return raise(exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    }
    Dict* src = args[0].as<Dict>();
    int64_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
      if (is_str(k)) {
        Str* ks = k.as<Str>();
        if (ks->length != 1) return raise(exc::ValueError, "string keys in translate table must be of length 1");
        if (!dict_set(d, Value::small(ks->at(0)), v)) return {};
      } else if (is_int(k)) {
        if (!dict_set(d, k, v)) return {};
      } else {
        return raise(exc::TypeError, "keys in translate table must be strings or integers");
      }
    }
    return d;
  }
  if (!is_str(args[0])) {
    return raise(exc::TypeError, "first maketrans argument must be a string if there is a second argument");
  }
  if (!is_str(args[1])) {
    return raisef(exc::TypeError, "maketrans() argument 2 must be str, not %s", type_name(args[1]).c_str());
  }
  Str* x = args[0].as<Str>();
  Str* y = args[1].as<Str>();
  if (x->length != y->length) {
    return raise(exc::ValueError, "the first two maketrans arguments must have equal length");
  }
  for (int64_t i = 0; i < x->length; i++) {
    if (!dict_set(d, Value::small(x->at(i)), Value::small(y->at(i)))) return {};
  }
  if (nargs == 3) {
    if (!is_str(args[2])) {
      return raisef(exc::TypeError, "maketrans() argument 3 must be str, not %s", type_name(args[2]).c_str());
    }
    Str* z = args[2].as<Str>();
    for (int64_t i = 0; i < z->length; i++) {
      if (!dict_set(d, Value::small(z->at(i)), none())) return {};
    }
  }
  return d;
}

// ---- encode, misc ----

Value m_encode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"encoding", "errors", nullptr};
  Value enc, errs;
  if (!parse_args(ArgSpec{"encode", kParams, 0, 0}, args, nargs, kwnames, {&enc, &errs})) return {};
  if (enc && !is_str(enc)) {
    return raisef(exc::TypeError, "encode() argument 'encoding' must be str, not %s", type_name(enc).c_str());
  }
  if (errs && !is_str(errs)) {
    return raisef(exc::TypeError, "encode() argument 'errors' must be str, not %s", type_name(errs).c_str());
  }
  return str_encode(self_str(self), enc, errs);
}

Value m_format_dunder(Value self, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "__format__() argument must be str, not %s", type_name(args[0]).c_str());
  }
  return str_format_spec(self_str(self), args[0].as<Str>());
}

// A new str object, never the same one (CPython's _PyUnicode_Copy).
Value m_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Str* src = self_str(self);
  Str* copy = str_new_raw(src->length, src->kind);
  if (!copy) return {};
  std::memcpy(copy->data(), src->data(), size_t(src->length + 1) * src->kind);  // with the terminating 0
  copy->ascii = src->ascii;
  return tuple_of({copy});
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  Str* s = self_str(self);
  return Value::small(int64_t(sizeof(Str)) + (s->length + 1) * s->kind);
}

const MethodDef kStrMethods[] = {
    {"encode", m_encode, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Encode the string using the codec registered for encoding."},
    {"replace", m_replace, MethodFlag::kVarArgs,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", m_split, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", m_rsplit, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", m_join, MethodFlag::kOneArg, "Concatenate any number of strings."},
    {"capitalize", case_method<runtime::str_capitalize>, MethodFlag::kNoArgs,
     "Return a capitalized version of the string."},
    {"casefold", case_method<runtime::str_casefold>, MethodFlag::kNoArgs,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", case_method<runtime::str_title>, MethodFlag::kNoArgs,
     "Return a version of the string where each word is titlecased."},
    {"center", m_center, MethodFlag::kVarArgs, "Return a centered string of length width."},
    {"count", m_count, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\nstring S[start:end].  Optional arguments start and end are\ninterpreted as in slice notation."},
    {"expandtabs", m_expandtabs, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", m_find, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."},
    {"partition", m_partition, MethodFlag::kOneArg,
     "Partition the string into three parts using the given separator."},
    {"index", m_index, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."},
    {"ljust", m_ljust, MethodFlag::kVarArgs, "Return a left-justified string of length width."},
    {"lower", m_lower, MethodFlag::kNoArgs, "Return a copy of the string converted to lowercase."},
    {"lstrip", m_lstrip, MethodFlag::kVarArgs,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", m_rfind, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."},
    {"rindex", m_rindex, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."},
    {"rjust", m_rjust, MethodFlag::kVarArgs, "Return a right-justified string of length width."},
    {"rstrip", m_rstrip, MethodFlag::kVarArgs,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", m_rpartition, MethodFlag::kOneArg,
     "Partition the string into three parts using the given separator."},
    {"splitlines", m_splitlines, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", m_strip, MethodFlag::kVarArgs,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", case_method<runtime::str_swapcase>, MethodFlag::kNoArgs,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", m_translate, MethodFlag::kOneArg,
     "Replace each character in the string using the given translation table."},
    {"upper", m_upper, MethodFlag::kNoArgs, "Return a copy of the string converted to uppercase."},
    {"startswith", m_startswith, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nprefix can also be a tuple of strings to try."},
    {"endswith", m_endswith, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nsuffix can also be a tuple of strings to try."},
    {"removeprefix", m_removeprefix, MethodFlag::kOneArg,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", m_removesuffix, MethodFlag::kOneArg,
     "Return a str with the given suffix string removed if present."},
    {"isascii", m_isascii, MethodFlag::kNoArgs, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", pred_method<runtime::str_islower>, MethodFlag::kNoArgs, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", pred_method<runtime::str_isupper>, MethodFlag::kNoArgs, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", pred_method<runtime::str_istitle>, MethodFlag::kNoArgs, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", ascii_pred_method<runtime::str_isspace, ascii_space>, MethodFlag::kNoArgs, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", ascii_pred_method<runtime::str_isdecimal, ascii_digit>, MethodFlag::kNoArgs, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", ascii_pred_method<runtime::str_isdigit, ascii_digit>, MethodFlag::kNoArgs, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", ascii_pred_method<runtime::str_isnumeric, ascii_digit>, MethodFlag::kNoArgs, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", ascii_pred_method<runtime::str_isalpha, ascii_alpha>, MethodFlag::kNoArgs, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", ascii_pred_method<runtime::str_isalnum, ascii_alnum>, MethodFlag::kNoArgs, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", m_isidentifier, MethodFlag::kNoArgs, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", pred_method<runtime::str_isprintable>, MethodFlag::kNoArgs, "Return True if the string is printable, False otherwise."},
    {"zfill", m_zfill, MethodFlag::kOneArg, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_method, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kTupleArgs,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."},
    {"format_map", str_format_map_method, MethodFlag::kOneArg,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\nThe substitutions are identified by braces ('{' and '}')."},
    {"__format__", m_format_dunder, MethodFlag::kOneArg, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", m_maketrans, MethodFlag::kVarArgs | MethodFlag::kStatic,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", m_sizeof, MethodFlag::kNoArgs, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", m_getnewargs, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

}  // namespace

const MethodDef* str_method_defs() { return kStrMethods; }

// ---- codecs bridge ----------------------------------------------------------------

namespace {

// Resolves encoding and errors names (null: utf-8, strict).
bool lookup_codec_args(Value encoding, Value errors, runtime::Codec* codec, runtime::ErrorHandler* handler,
                       bool* custom_codec) {
  *custom_codec = false;
  *codec = runtime::Codec::kUtf8;
  if (encoding) {
    auto c = runtime::lookup_codec(std::u32string_view(str_to_u32(encoding.as<Str>())));
    if (!c) {
      *custom_codec = true;
      return true;
    }
    *codec = *c;
  }
  *handler = runtime::ErrorHandler::kStrict;
  if (errors) {
    std::string name = str_to_utf8(errors.as<Str>());
    auto h = runtime::lookup_error_handler(name);
    if (!h) {
      raise(exc::LookupError, runtime::unknown_error_handler_message(name));
      return false;
    }
    *handler = *h;
  }
  return true;
}

std::string normalized_name(Str* encoding) {
  std::string n = str_to_utf8(encoding);
  for (char& c : n) {
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c == '-' || c == ' ') c = '_';
  }
  return n;
}


}  // namespace

namespace {

// CPython's unicode_check_encoding_errors: in development mode (-X dev)
// the encoding and error handler are looked up even when the text would
// not need them (names other than the common built-in ones), so a typo
// fails at once with LookupError.
bool check_encoding_errors(Value encoding, Value errors) {
  if (!dev_mode()) return true;
  if (encoding && is_str(encoding)) {
    std::string e = str_to_utf8(encoding.as<Str>());
    if (e != "utf-8" && e != "utf8" && e != "ascii" && !codec_lookup(encoding.as<Str>())) return false;
  }
  if (errors && is_str(errors)) {
    std::string e = str_to_utf8(errors.as<Str>());
    if (e != "strict" && e != "ignore" && e != "replace" && e != "surrogateescape" && e != "surrogatepass" &&
        !codec_lookup_error(errors.as<Str>())) {
      return false;
    }
  }
  return true;
}

}  // namespace

Value str_encode(Str* s, Value encoding, Value errors) {
  if (!check_encoding_errors(encoding, errors)) return {};
  runtime::Codec codec;
  runtime::ErrorHandler handler = runtime::ErrorHandler::kStrict;
  bool custom;
  if (encoding) {
    std::string n = normalized_name(encoding.as<Str>());
    if (n == "unicode_escape") {
      std::string b = runtime::unicode_escape_encode(str_to_u32(s));
      return bytes_from(b.data(), b.size());
    }
    if (n == "raw_unicode_escape") {
      std::string b = runtime::raw_unicode_escape_encode(str_to_u32(s));
      return bytes_from(b.data(), b.size());
    }
    if (n == "utf_8_sig" || n == "utf8_sig") {
      Value body = str_encode(s, str_from_ascii("utf-8"), errors);
      if (!body) return {};
      std::string b = "\xef\xbb\xbf";
      b.append(body.as<Bytes>()->view());
      return bytes_from(b.data(), b.size());
    }
  }
  if (!lookup_codec_args(encoding, errors, &codec, &handler, &custom)) {
    // Another handler name: looked up in the registry when an error needs it.
    if (!encoding || !error_matches(exc::LookupError)) return {};
    clear_error();
    handler = runtime::ErrorHandler::kCustom;
  }
  if (custom) return codec_encode_text(s, encoding.as<Str>(), errors);
  // Fast path: ASCII text in an ASCII-compatible codec.
  if (s->ascii && (codec == runtime::Codec::kUtf8 || codec == runtime::Codec::kAscii ||
                   codec == runtime::Codec::kLatin1)) {
    return bytes_from(s->data(), size_t(s->length));
  }
  std::u32string text = str_to_u32(s);
  CodecErrorCallback callback(errors, false, s, text.size());
  runtime::CustomEncodeHandler fn = callback.encoder();
  runtime::EncodeResult r =
      runtime::encode(codec, text, handler, handler == runtime::ErrorHandler::kCustom ? &fn : nullptr);
  // CPython calls the codecs of other spellings through the registry, which
  // rewraps some errors.
  bool wrap = encoding && !runtime::is_fast_path_codec_name(str_to_u32(encoding.as<Str>()));
  switch (r.status) {
    case runtime::CodecStatus::kOk: return bytes_from(r.bytes.data(), r.bytes.size());
    case runtime::CodecStatus::kUnicodeError: return raise_codec_error(false, r.error, s);
    case runtime::CodecStatus::kTypeError:
      raise(exc::TypeError, r.error.reason);
      break;
    case runtime::CodecStatus::kCallbackFailed: break;
  }
  if (wrap) wrap_codec_error("encoding", encoding.as<Str>());
  return {};
}

Value str_decode_bytes(const uint8_t* p, size_t n, Value encoding, Value errors) {
  runtime::Codec codec;
  runtime::ErrorHandler handler = runtime::ErrorHandler::kStrict;
  bool custom;
  if (encoding && !is_str(encoding)) {
    return raisef(exc::TypeError, "decode() argument 'encoding' must be str, not %s", type_name(encoding).c_str());
  }
  if (errors && !is_str(errors)) {
    return raisef(exc::TypeError, "decode() argument 'errors' must be str, not %s", type_name(errors).c_str());
  }
  if (!check_encoding_errors(encoding, errors)) return {};
  if (encoding) {
    std::string name = normalized_name(encoding.as<Str>());
    if (name == "utf_8_sig" || name == "utf8_sig") {
      if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
        p += 3;
        n -= 3;
      }
      return str_decode_bytes(p, n, str_from_ascii("utf-8"), errors);
    }
  }
  if (!lookup_codec_args(encoding, errors, &codec, &handler, &custom)) {
    if (!error_matches(exc::LookupError)) return {};
    clear_error();
    handler = runtime::ErrorHandler::kCustom;
  }
  if (custom) {
    Value obj = bytes_from(p, n);
    if (!obj) return {};
    return codec_decode_text(obj, encoding.as<Str>(), errors);
  }
  std::string_view bytes(reinterpret_cast<const char*>(p), n);
  // Fast path: pure ASCII input.
  if (codec == runtime::Codec::kUtf8 || codec == runtime::Codec::kAscii || codec == runtime::Codec::kLatin1) {
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return str_from_ascii(bytes);
    if (codec == runtime::Codec::kLatin1) return str_from_latin1(p, n);
  }
  Value input;
  bool custom_handler = handler == runtime::ErrorHandler::kCustom;
  if (custom_handler) input = bytes_from(p, n);
  CodecErrorCallback callback(errors, true, input, n);
  runtime::CustomDecodeHandler fn = callback.decoder();
  runtime::DecodeResult r = runtime::decode(codec, bytes, handler, true, custom_handler ? &fn : nullptr);
  bool wrap = encoding && !runtime::is_fast_path_codec_name(str_to_u32(encoding.as<Str>()));
  switch (r.status) {
    case runtime::CodecStatus::kOk:
      // unicode_escape's DeprecationWarning for an invalid escape.
      if (!r.warning.empty() && !issue_warning(exc::DeprecationWarning, r.warning, 1)) return {};
      return str_from_u32(r.text);
    case runtime::CodecStatus::kUnicodeError: {
      if (!input) input = bytes_from(p, n);
      return raise_codec_error(true, r.error, input);
    }
    case runtime::CodecStatus::kTypeError:
      raise(exc::TypeError, r.error.reason);
      break;
    case runtime::CodecStatus::kCallbackFailed: break;
  }
  if (wrap) wrap_codec_error("decoding", encoding.as<Str>());
  return {};
}

Value str_decode_object(Value obj, Value encoding, Value errors) {
  if (encoding && !is_str(encoding)) {
    return raisef(exc::TypeError, "str() argument 'encoding' must be str, not %s", type_name(encoding).c_str());
  }
  if (errors && !is_str(errors)) {
    return raisef(exc::TypeError, "str() argument 'errors' must be str, not %s", type_name(errors).c_str());
  }
  if (is_str(obj)) return raise(exc::TypeError, "decoding str is not supported");
  BufferView view;
  if (!get_buffer(obj, &view)) {
    return raisef(exc::TypeError, "decoding to str: need a bytes-like object, %s found", type_name(obj).c_str());
  }
  return str_decode_bytes(view.data, size_t(view.length), encoding, errors);
}

}  // namespace pyrite::python
