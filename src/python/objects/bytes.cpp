// bytes: immutable byte strings, and the methods bytes and bytearray share
// (docs/objects.md, "str, bytes, bytearray, memoryview"). The shared methods
// read `self` through get_buffer and build results of self's family (bytes for
// bytes, bytearray for bytearray), so one table serves both types.
#include "python/objects/bytes.h"

#include <cstring>
#include <string>
#include <vector>

#include "python/objects/str_methods.h"

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/escape.h"
#include "python/runtime/float_format.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/unicode_props.h"


namespace pyrite::python {

namespace {

void trace_bytes(void* obj, gc::Visitor& v) { v.visit(static_cast<Bytes*>(obj)->type); }
size_t size_bytes(const void* obj) { return sizeof(Bytes) + size_t(static_cast<const Bytes*>(obj)->length) + 1; }

gc::LayoutId register_bytes_layout() {
  gc::LayoutInfo info;
  info.name = "bytes";
  info.trace = trace_bytes;
  info.size = size_bytes;
  return gc::register_layout(info);
}

Bytes* empty_bytes = nullptr;
Bytes* single_bytes[256];
bool roots_added = false;

void visit_bytes_roots(gc::Visitor& v, void*) {
  v.visit(empty_bytes);
  for (Bytes* b : single_bytes) v.visit(b);
}

void ensure_roots() {
  if (!roots_added) {
    gc::Heap::current()->add_root_callback(visit_bytes_roots, nullptr);
    roots_added = true;
  }
}

}  // namespace

gc::LayoutId kBytesLayout = register_bytes_layout();

Bytes* bytes_new_raw(int64_t n) {
  if (n < 0 || uint64_t(n) > gc::kMaxObjectSize) {
    raise_memory_error();
    return nullptr;
  }
  auto* b = try_allocate<Bytes>(kBytesLayout, types::bytes, sizeof(Bytes) + size_t(n) + 1);
  if (!b) {
    raise_memory_error();
    return nullptr;
  }
  b->length = n;
  b->hash = -1;
  return b;
}

Bytes* bytes_empty() {
  if (!empty_bytes) {
    ensure_roots();
    empty_bytes = bytes_new_raw(0);
  }
  return empty_bytes;
}

Bytes* bytes_from(const void* p, size_t n) {
  if (n == 0) return bytes_empty();
  if (n == 1) {
    uint8_t c = *static_cast<const uint8_t*>(p);
    if (!single_bytes[c]) {
      ensure_roots();
      Bytes* b = bytes_new_raw(1);
      if (!b) return nullptr;
      b->data()[0] = c;
      single_bytes[c] = b;
    }
    return single_bytes[c];
  }
  Bytes* b = bytes_new_raw(int64_t(n));
  if (!b) return nullptr;
  memcpy(b->data(), p, n);
  return b;
}

Bytes* bytes_new_subtype(Type* type, const void* p, size_t n) {
  if (type == types::bytes) return bytes_from(p, n);
  auto* b = alloc_var_instance<Bytes>(type, sizeof(Bytes) + n + 1);
  if (!b) return nullptr;
  b->length = int64_t(n);
  b->hash = -1;
  if (n) memcpy(b->data(), p, n);
  return b;
}

static constexpr int kMaxExporters = 4;
static BufferExporter g_exporters[kMaxExporters];
static BufferExports g_export_counters[kMaxExporters];
static int g_exporter_count = 0;

bool get_buffer(Value v, BufferView* out) {
  if (!v.is_object()) return false;
  if (is_bytes(v)) {
    Bytes* b = v.as<Bytes>();
    *out = BufferView{b->data(), b->length, true, v};
    return true;
  }
  if (is_bytearray(v)) {
    ByteArray* a = v.as<ByteArray>();
    *out = BufferView{a->data(), a->length, false, v};
    return true;
  }
  if (is_memoryview(v)) {
    MemoryView* m = v.as<MemoryView>();
    int64_t itemsize = m->itemsize ? m->itemsize : 1;
    if (m->released || !m->obj || m->step != itemsize) return false;
    BufferView base;
    if (!get_buffer(m->obj, &base)) return false;
    *out = BufferView{base.data + m->start, m->length * itemsize, m->readonly, v};
    return true;
  }
  for (int i = 0; i < g_exporter_count; i++)
    if (g_exporters[i](v, out)) return true;
  return false;
}

void register_buffer_exporter(BufferExporter fn, BufferExports exports) {
  if (g_exporter_count >= kMaxExporters) return;
  g_export_counters[g_exporter_count] = exports;
  g_exporters[g_exporter_count++] = fn;
}

void buffer_exports(Value v, int delta) {
  BufferView ignored;
  for (int i = 0; i < g_exporter_count; i++) {
    if (!g_exporters[i](v, &ignored)) continue;
    if (g_export_counters[i]) g_export_counters[i](v, delta);
    return;
  }
}

Value bytes_repr_of(std::string_view data) { return str_from_ascii(runtime::repr_bytes(data)); }

// ---- construction from any source ------------------------------------------------------

bool bytes_collect(Value source, Value encoding, Value errors, const char* what, std::string* out) {
  if (is_str(source)) {
    if (!encoding) {
      raise(exc::TypeError, "string argument without an encoding");
      return false;
    }
    Value enc = str_encode(source.as<Str>(), encoding, errors);
    if (!enc) return false;
    Bytes* b = enc.as<Bytes>();
    out->assign(reinterpret_cast<const char*>(b->data()), size_t(b->length));
    return true;
  }
  if (encoding) {
    raise(exc::TypeError, "encoding without a string argument");
    return false;
  }
  if (errors) {
    raise(exc::TypeError, "errors without a string argument");
    return false;
  }
  BufferView view;
  if (get_buffer(source, &view)) {
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
    return true;
  }
  if (is_memoryview(source) && source.as<MemoryView>()->released) {
    raise(exc::ValueError, "operation forbidden on released memoryview object");
    return false;
  }
  if (has_index(source)) {
    int64_t n;
    if (index_i64(source, &n)) {
      if (n < 0) {
        raise(exc::ValueError, "negative count");
        return false;
      }
      if (uint64_t(n) > gc::kMaxObjectSize) {
        raise_memory_error();
        return false;
      }
      out->assign(size_t(n), '\0');
      return true;
    }
    // As CPython: a TypeError from __index__ falls through to the
    // iterable forms ("cannot convert 'X' object to bytes").
    if (!error_matches(exc::TypeError)) return false;
    clear_error();
  }
  // Exact tuples of small ints need no iterator (bytes((1, 2)), and the
  // common bytes([...]) goes through list_get below).
  if (is_exact_tuple(source)) {
    Tuple* t = source.as<Tuple>();
    bool all_small = true;
    for (int64_t i = 0; i < t->length && all_small; i++) {
      Value x = t->at(i);
      all_small = x.is_small() && x.small_value() >= 0 && x.small_value() <= 255;
    }
    if (all_small) {
      for (int64_t i = 0; i < t->length; i++) out->push_back(char(t->at(i).small_value()));
      return true;
    }
  }
  if (is_exact_list(source)) {
    List* l = source.as<List>();
    bool all_small = true;
    std::string tmp;
    for (int64_t i = 0; i < list_size(l) && all_small; i++) {
      Value x = list_get(l, i);
      all_small = x && x.is_small() && x.small_value() >= 0 && x.small_value() <= 255;
      if (all_small) tmp.push_back(char(x.small_value()));
    }
    if (has_error()) return false;
    if (all_small) {
      out->append(tmp);
      return true;
    }
  }
  Value it = get_iter(source);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raisef(exc::TypeError, "cannot convert '%s' object to %s", type_name(source).c_str(), what);
    }
    return false;
  }
  // bytes() then asks the iterable for a length hint (bytearray() does not).
  if (std::strcmp(what, "bytes") == 0) {
    int64_t hint = length_hint(source, 64);
    if (hint < 0) return false;
    out->reserve(size_t(std::min<int64_t>(hint, int64_t(1) << 20)));
  }
  for (;;) {
    Value x = iter_next(it);
    if (!x) return !has_error();
    Value xi = index(x);
    if (!xi) return false;
    auto small = int_to_i64(xi);
    int64_t b = small ? *small : -1;
    if (b < 0 || b > 255) {
      // bytearray's item message is "byte must be ...".
      raise(exc::ValueError, std::strcmp(what, "bytes") == 0 ? "bytes must be in range(0, 256)"
                                                              : "byte must be in range(0, 256)");
      return false;
    }
    out->push_back(char(b));
  }
}

// ---- the shared methods ---------------------------------------------------------------

namespace {

struct Bv {
  const uint8_t* p;
  int64_t n;
  uint8_t operator[](int64_t i) const { return p[i]; }
};

Bv view_of(Value self) {
  BufferView v;
  get_buffer(self, &v);
  return Bv{v.data, v.length};
}

Value make_like(Value self, const void* p, size_t n) {
  if (is_bytearray(self)) return bytearray_new(p, n);
  return bytes_from(p, n);
}
Value make_like(Value self, const std::string& s) { return make_like(self, s.data(), s.size()); }

// A bytes-like argument, or TypeError "a bytes-like object is required, not 'str'".
bool arg_buffer(Value v, Bv* out) {
  BufferView view;
  if (!get_buffer(v, &view)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
  }
  *out = Bv{view.data, view.length};
  return true;
}

bool is_space_byte(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower_byte(uint8_t c) { return c >= 'a' && c <= 'z'; }
bool is_upper_byte(uint8_t c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha_byte(uint8_t c) { return is_lower_byte(c) || is_upper_byte(c); }
bool is_digit_byte(uint8_t c) { return c >= '0' && c <= '9'; }
uint8_t to_lower(uint8_t c) { return is_upper_byte(c) ? uint8_t(c + 32) : c; }
uint8_t to_upper(uint8_t c) { return is_lower_byte(c) ? uint8_t(c - 32) : c; }

int64_t find_bytes(Bv s, Bv sub, int64_t start, int64_t end) {
  if (end > s.n) end = s.n;
  if (start < 0) start = 0;
  if (end - start < sub.n) return -1;
  if (sub.n == 0) return start;
  for (int64_t i = start; i + sub.n <= end; i++) {
    if (s.p[i] == sub.p[0] && memcmp(s.p + i, sub.p, size_t(sub.n)) == 0) return i;
  }
  return -1;
}

int64_t rfind_bytes(Bv s, Bv sub, int64_t start, int64_t end) {
  if (end > s.n) end = s.n;
  if (start < 0) start = 0;
  if (end - start < sub.n) return -1;
  for (int64_t i = end - sub.n; i >= start; i--) {
    if (memcmp(s.p + i, sub.p, size_t(sub.n)) == 0) return i;
  }
  return -1;
}

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

bool parse_sub(const char* name, const Value* args, size_t nargs, int64_t len, Value* sub, int64_t* start,
               int64_t* end) {
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

// The needle of find/count/index: bytes-like or an int in range(256).
bool needle(Value v, Bv* out, uint8_t* byte_store) {
  if (is_int(v)) {
    auto b = int_to_i64(v);
    if (!b || *b < 0 || *b > 255) {
      raise(exc::ValueError, "byte must be in range(0, 256)");
      return false;
    }
    *byte_store = uint8_t(*b);
    *out = Bv{byte_store, 1};
    return true;
  }
  BufferView view;
  if (!get_buffer(v, &view)) {
    raisef(exc::TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(v).c_str());
    return false;
  }
  *out = Bv{view.data, view.length};
  return true;
}

Value find_common(Value self, const Value* args, size_t nargs, const char* name, bool reverse, bool must) {
  Bv s = view_of(self);
  Value subv;
  int64_t start, end;
  if (!parse_sub(name, args, nargs, s.n, &subv, &start, &end)) return {};
  Bv sub;
  uint8_t store;
  if (!needle(subv, &sub, &store)) return {};
  int64_t r = -1;
  if (start <= s.n) r = reverse ? rfind_bytes(s, sub, start, end) : find_bytes(s, sub, start, end);
  if (r < 0 && must) return raise(exc::ValueError, "subsection not found");
  return Value::small(r);
}

Value b_find(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "find", false, false); }
Value b_rfind(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "rfind", true, false); }
Value b_index(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "index", false, true); }
Value b_rindex(Value self, const Value* a, size_t n, Tuple*) { return find_common(self, a, n, "rindex", true, true); }

Value b_count(Value self, const Value* args, size_t nargs, Tuple*) {
  Bv s = view_of(self);
  Value subv;
  int64_t start, end;
  if (!parse_sub("count", args, nargs, s.n, &subv, &start, &end)) return {};
  Bv sub;
  uint8_t store;
  if (!needle(subv, &sub, &store)) return {};
  if (start > s.n || end - start < sub.n) return Value::small(0);
  if (sub.n == 0) return Value::small(end - start + 1);
  int64_t c = 0;
  for (;;) {
    int64_t i = find_bytes(s, sub, start, end);
    if (i < 0) break;
    c++;
    start = i + sub.n;
  }
  return Value::small(c);
}

Value starts_ends(Value self, const Value* args, size_t nargs, const char* name, bool ends) {
  Bv s = view_of(self);
  Value subv;
  int64_t start, end;
  if (!parse_sub(name, args, nargs, s.n, &subv, &start, &end)) return {};
  auto test = [&](Bv sub) {
    if (start > s.n || end - start < sub.n) return false;
    int64_t at = ends ? end - sub.n : start;
    return memcmp(s.p + at, sub.p, size_t(sub.n)) == 0;
  };
  if (is_tuple(subv)) {
    Tuple* t = subv.as<Tuple>();
    for (int64_t i = 0; i < t->length; i++) {
      BufferView v;
      if (!get_buffer(t->at(i), &v)) {
        return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(t->at(i)).c_str());
      }
      if (test(Bv{v.data, v.length})) return py_bool(true);
    }
    return py_bool(false);
  }
  BufferView v;
  if (!get_buffer(subv, &v)) {
    return raisef(exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                  type_name(subv).c_str());
  }
  return py_bool(test(Bv{v.data, v.length}));
}

Value b_startswith(Value self, const Value* a, size_t n, Tuple*) { return starts_ends(self, a, n, "startswith", false); }
Value b_endswith(Value self, const Value* a, size_t n, Tuple*) { return starts_ends(self, a, n, "endswith", true); }

template <uint8_t (*F)(uint8_t)>
Value map_bytes(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  std::string out(size_t(s.n), '\0');
  for (int64_t i = 0; i < s.n; i++) out[size_t(i)] = char(F(s[i]));
  return make_like(self, out);
}

uint8_t swap_byte(uint8_t c) { return is_upper_byte(c) ? to_lower(c) : to_upper(c); }

Value b_capitalize(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  std::string out(size_t(s.n), '\0');
  for (int64_t i = 0; i < s.n; i++) out[size_t(i)] = char(i == 0 ? to_upper(s[i]) : to_lower(s[i]));
  return make_like(self, out);
}

Value b_title(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  std::string out(size_t(s.n), '\0');
  bool prev_cased = false;
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s[i];
    if (is_alpha_byte(c)) {
      out[size_t(i)] = char(prev_cased ? to_lower(c) : to_upper(c));
      prev_cased = true;
    } else {
      out[size_t(i)] = char(c);
      prev_cased = false;
    }
  }
  return make_like(self, out);
}

template <bool (*F)(uint8_t)>
Value all_bytes(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  if (s.n == 0) return py_bool(false);
  for (int64_t i = 0; i < s.n; i++) {
    if (!F(s[i])) return py_bool(false);
  }
  return py_bool(true);
}

bool is_alnum_byte(uint8_t c) { return is_alpha_byte(c) || is_digit_byte(c); }

Value b_isascii(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  for (int64_t i = 0; i < s.n; i++) {
    if (s[i] >= 0x80) return py_bool(false);
  }
  return py_bool(true);
}

Value b_islower(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  bool cased = false;
  for (int64_t i = 0; i < s.n; i++) {
    if (is_upper_byte(s[i])) return py_bool(false);
    cased |= is_lower_byte(s[i]);
  }
  return py_bool(cased);
}

Value b_isupper(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  bool cased = false;
  for (int64_t i = 0; i < s.n; i++) {
    if (is_lower_byte(s[i])) return py_bool(false);
    cased |= is_upper_byte(s[i]);
  }
  return py_bool(cased);
}

Value b_istitle(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  bool cased = false, prev_cased = false;
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s[i];
    if (is_upper_byte(c)) {
      if (prev_cased) return py_bool(false);
      prev_cased = cased = true;
    } else if (is_lower_byte(c)) {
      if (!prev_cased) return py_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return py_bool(cased);
}

// ---- padding ----

bool width_fill(const char* name, const Value* args, size_t nargs, int64_t* width, uint8_t* fill) {
  if (!check_nargs(name, nargs, 1, 2)) return false;
  if (!ssize_arg(args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    BufferView v;
    bool ok = (is_bytes(args[1]) || is_bytearray(args[1])) && get_buffer(args[1], &v) && v.length == 1;
    if (!ok) {
      raisef(exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
             type_name(args[1]).c_str());
      return false;
    }
    *fill = v.data[0];
  }
  return true;
}

Value padded(Value self, Bv s, int64_t left, int64_t right, uint8_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (!check_result_size(uint64_t(left + right + s.n))) return {};
  std::string out;
  out.append(size_t(left), char(fill));
  out.append(reinterpret_cast<const char*>(s.p), size_t(s.n));
  out.append(size_t(right), char(fill));
  return make_like(self, out);
}

Value b_center(Value self, const Value* args, size_t nargs, Tuple*) {
  Bv s = view_of(self);
  int64_t width;
  uint8_t fill;
  if (!width_fill("center", args, nargs, &width, &fill)) return {};
  if (width <= s.n) return padded(self, s, 0, 0, fill);
  int64_t marg = width - s.n;
  int64_t left = marg / 2 + (marg & width & 1);
  return padded(self, s, left, marg - left, fill);
}

Value b_ljust(Value self, const Value* args, size_t nargs, Tuple*) {
  Bv s = view_of(self);
  int64_t width;
  uint8_t fill;
  if (!width_fill("ljust", args, nargs, &width, &fill)) return {};
  return padded(self, s, 0, width - s.n, fill);
}

Value b_rjust(Value self, const Value* args, size_t nargs, Tuple*) {
  Bv s = view_of(self);
  int64_t width;
  uint8_t fill;
  if (!width_fill("rjust", args, nargs, &width, &fill)) return {};
  return padded(self, s, width - s.n, 0, fill);
}

Value b_zfill(Value self, const Value* args, size_t, Tuple*) {
  Bv s = view_of(self);
  int64_t width;
  if (!ssize_arg(args[0], &width)) return {};
  if (width <= s.n) return make_like(self, s.p, size_t(s.n));
  if (!check_result_size(uint64_t(width))) return {};
  std::string out;
  int64_t i = 0;
  if (s.n > 0 && (s[0] == '+' || s[0] == '-')) {
    out.push_back(char(s[0]));
    i = 1;
  }
  out.append(size_t(width - s.n), '0');
  out.append(reinterpret_cast<const char*>(s.p + i), size_t(s.n - i));
  return make_like(self, out);
}

Value b_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"tabsize", nullptr};
  Value tabv;
  if (!parse_args(ArgSpec{"expandtabs", kParams, 0, 0}, args, nargs, kwnames, {&tabv})) return {};
  int64_t tabsize = 8;
  if (tabv && !cint_arg(tabv, &tabsize)) return {};
  Bv s = view_of(self);
  std::string out;
  int64_t col = 0;
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s[i];
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t k = tabsize - col % tabsize;
        if (!check_result_size(out.size() + uint64_t(k))) return {};
        out.append(size_t(k), ' ');
        col += k;
      }
    } else {
      out.push_back(char(c));
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return make_like(self, out);
}

// ---- strip, split, partition ----

Value strip_common(Value self, const Value* args, size_t nargs, const char* name, bool left, bool right) {
  if (!check_nargs(name, nargs, 0, 1)) return {};
  Bv s = view_of(self);
  Bv chars{nullptr, -1};
  if (nargs == 1 && !is_none(args[0]) && !arg_buffer(args[0], &chars)) return {};
  auto strip_it = [&](uint8_t c) {
    return chars.n < 0 ? is_space_byte(c) : memchr(chars.p, c, size_t(chars.n)) != nullptr;
  };
  int64_t i = 0, j = s.n;
  if (left) {
    while (i < j && strip_it(s[i])) i++;
  }
  if (right) {
    while (j > i && strip_it(s[j - 1])) j--;
  }
  return make_like(self, s.p + i, size_t(j - i));
}

Value b_strip(Value self, const Value* a, size_t n, Tuple*) { return strip_common(self, a, n, "strip", true, true); }
Value b_lstrip(Value self, const Value* a, size_t n, Tuple*) { return strip_common(self, a, n, "lstrip", true, false); }
Value b_rstrip(Value self, const Value* a, size_t n, Tuple*) { return strip_common(self, a, n, "rstrip", false, true); }

bool split_args(const char* name, const Value* args, size_t nargs, Tuple* kwnames, Bv* sep, int64_t* maxsplit) {
  static const char* const kParams[] = {"sep", "maxsplit", nullptr};
  Value sepv, maxv;
  if (!parse_args(ArgSpec{name, kParams, 0, 0}, args, nargs, kwnames, {&sepv, &maxv})) return false;
  sep->n = -1;
  if (sepv && !is_none(sepv)) {
    if (!arg_buffer(sepv, sep)) return false;
    if (sep->n == 0) {
      raise(exc::ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (maxv && !ssize_arg(maxv, maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Value list_of_parts(Value self, Bv s, const std::vector<std::pair<int64_t, int64_t>>& parts) {
  List* l = list_new(int64_t(parts.size()));
  for (auto& [a, b] : parts) {
    Value x = make_like(self, s.p + a, size_t(b - a));
    if (!x || !list_append(l, x)) return {};
  }
  return l;
}

Value b_split(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Bv sep;
  int64_t maxsplit;
  if (!split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return {};
  Bv s = view_of(self);
  std::vector<std::pair<int64_t, int64_t>> parts;
  int64_t i = 0;
  if (sep.n < 0) {
    while (maxsplit-- > 0) {
      while (i < s.n && is_space_byte(s[i])) i++;
      if (i == s.n) break;
      int64_t j = i;
      while (j < s.n && !is_space_byte(s[j])) j++;
      parts.push_back({i, j});
      i = j;
    }
    while (i < s.n && is_space_byte(s[i])) i++;
    if (i < s.n) parts.push_back({i, s.n});
  } else {
    while (maxsplit-- > 0) {
      int64_t j = find_bytes(s, sep, i, s.n);
      if (j < 0) break;
      parts.push_back({i, j});
      i = j + sep.n;
    }
    parts.push_back({i, s.n});
  }
  return list_of_parts(self, s, parts);
}

Value b_rsplit(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Bv sep;
  int64_t maxsplit;
  if (!split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return {};
  Bv s = view_of(self);
  std::vector<std::pair<int64_t, int64_t>> parts;
  int64_t j = s.n;
  if (sep.n < 0) {
    while (maxsplit-- > 0) {
      while (j > 0 && is_space_byte(s[j - 1])) j--;
      if (j == 0) break;
      int64_t i = j;
      while (i > 0 && !is_space_byte(s[i - 1])) i--;
      parts.push_back({i, j});
      j = i;
    }
    while (j > 0 && is_space_byte(s[j - 1])) j--;
    if (j > 0) parts.push_back({0, j});
  } else {
    while (maxsplit-- > 0) {
      int64_t i = rfind_bytes(s, sep, 0, j);
      if (i < 0) break;
      parts.push_back({i + sep.n, j});
      j = i;
    }
    parts.push_back({0, j});
  }
  std::vector<std::pair<int64_t, int64_t>> fwd(parts.rbegin(), parts.rend());
  return list_of_parts(self, s, fwd);
}

Value b_splitlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"keepends", nullptr};
  Value keepv;
  if (!parse_args(ArgSpec{"splitlines", kParams, 0, 0}, args, nargs, kwnames, {&keepv})) return {};
  int64_t keep = 0;
  if (keepv && !cint_arg(keepv, &keep)) return {};
  Bv s = view_of(self);
  std::vector<std::pair<int64_t, int64_t>> parts;
  int64_t i = 0;
  while (i < s.n) {
    int64_t j = i;
    while (j < s.n && s[j] != '\n' && s[j] != '\r') j++;
    int64_t eol = j;
    if (j < s.n) {
      j += (s[j] == '\r' && j + 1 < s.n && s[j + 1] == '\n') ? 2 : 1;
      if (keep) eol = j;
    }
    parts.push_back({i, eol});
    i = j;
  }
  return list_of_parts(self, s, parts);
}

Value partition_common(Value self, Value sepv, bool reverse) {
  Bv s = view_of(self);
  Bv sep;
  if (!arg_buffer(sepv, &sep)) return {};
  if (sep.n == 0) return raise(exc::ValueError, "empty separator");
  int64_t i = reverse ? rfind_bytes(s, sep, 0, s.n) : find_bytes(s, sep, 0, s.n);
  Value e1 = make_like(self, "", 0), e2 = make_like(self, "", 0);
  if (!e1 || !e2) return {};
  if (i < 0) {
    Value whole = make_like(self, s.p, size_t(s.n));
    if (!whole) return {};
    return reverse ? tuple_of({e1, e2, whole}) : tuple_of({whole, e1, e2});
  }
  Value a = make_like(self, s.p, size_t(i));
  Value m = make_like(self, sep.p, size_t(sep.n));
  Value b = make_like(self, s.p + i + sep.n, size_t(s.n - i - sep.n));
  if (!a || !m || !b) return {};
  return tuple_of({a, m, b});
}

Value b_partition(Value self, const Value* a, size_t, Tuple*) { return partition_common(self, a[0], false); }
Value b_rpartition(Value self, const Value* a, size_t, Tuple*) { return partition_common(self, a[0], true); }

Value b_removeprefix(Value self, const Value* args, size_t, Tuple*) {
  Bv s = view_of(self), p;
  if (!arg_buffer(args[0], &p)) return {};
  if (p.n <= s.n && memcmp(s.p, p.p, size_t(p.n)) == 0) return make_like(self, s.p + p.n, size_t(s.n - p.n));
  return make_like(self, s.p, size_t(s.n));
}

Value b_removesuffix(Value self, const Value* args, size_t, Tuple*) {
  Bv s = view_of(self), p;
  if (!arg_buffer(args[0], &p)) return {};
  if (p.n > 0 && p.n <= s.n && memcmp(s.p + s.n - p.n, p.p, size_t(p.n)) == 0) {
    return make_like(self, s.p, size_t(s.n - p.n));
  }
  return make_like(self, s.p, size_t(s.n));
}

Value b_replace(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("replace", nargs, 2, 3)) return {};
  Bv s = view_of(self), old, rep;
  if (!arg_buffer(args[0], &old) || !arg_buffer(args[1], &rep)) return {};
  int64_t count = -1;
  if (nargs > 2 && !ssize_arg(args[2], &count)) return {};
  if (count < 0) count = INT64_MAX;
  std::string out;
  if (old.n == 0) {
    int64_t i = 0;
    while (count > 0 && i <= s.n) {
      out.append(reinterpret_cast<const char*>(rep.p), size_t(rep.n));
      count--;
      if (i < s.n) out.push_back(char(s[i]));
      i++;
    }
    if (i <= s.n) out.append(reinterpret_cast<const char*>(s.p + i), size_t(s.n - i));
    return make_like(self, out);
  }
  int64_t i = 0;
  while (count > 0) {
    int64_t j = find_bytes(s, old, i, s.n);
    if (j < 0) break;
    out.append(reinterpret_cast<const char*>(s.p + i), size_t(j - i));
    if (!check_result_size(out.size() + uint64_t(rep.n))) return {};
    out.append(reinterpret_cast<const char*>(rep.p), size_t(rep.n));
    i = j + old.n;
    count--;
  }
  out.append(reinterpret_cast<const char*>(s.p + i), size_t(s.n - i));
  return make_like(self, out);
}

Value b_join(Value self, const Value* args, size_t, Tuple*) {
  Bv sep = view_of(self);
  std::string sep_copy(reinterpret_cast<const char*>(sep.p), size_t(sep.n));
  Tuple* items = sequence_fast(args[0], "can only join an iterable");
  if (!items) return {};
  std::string out;
  for (int64_t idx = 0; idx < items->length; idx++) {
    Value x = items->at(idx);
    BufferView v;
    if (!get_buffer(x, &v)) {
      return raisef(exc::TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                    static_cast<long long>(idx), type_name(x).c_str());
    }
    if (idx > 0) out += sep_copy;
    out.append(reinterpret_cast<const char*>(v.data), size_t(v.length));
  }
  return make_like(self, out);
}

Value b_translate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"", "delete", nullptr};
  Value table, del;
  if (!parse_args(ArgSpec{"translate", kParams, 1, 1}, args, nargs, kwnames, {&table, &del})) return {};
  Bv t{nullptr, 0};
  if (!is_none(table)) {
    if (!arg_buffer(table, &t)) return {};
    if (t.n != 256) return raise(exc::ValueError, "translation table must be 256 characters long");
  }
  Bv d{nullptr, 0};
  if (del && !arg_buffer(del, &d)) return {};
  Bv s = view_of(self);
  std::string out;
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s[i];
    if (d.n && memchr(d.p, c, size_t(d.n))) continue;
    out.push_back(char(t.p ? t.p[c] : c));
  }
  return make_like(self, out);
}

Value b_maketrans(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("maketrans", nargs, 2, 2)) return {};
  Bv from, to;
  if (!arg_buffer(args[0], &from) || !arg_buffer(args[1], &to)) return {};
  if (from.n != to.n) return raise(exc::ValueError, "maketrans arguments must have same length");
  uint8_t table[256];
  for (int i = 0; i < 256; i++) table[i] = uint8_t(i);
  for (int64_t i = 0; i < from.n; i++) table[from[i]] = to[i];
  return bytes_from(table, 256);
}

Value b_decode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"encoding", "errors", nullptr};
  Value enc, errs;
  if (!parse_args(ArgSpec{"decode", kParams, 0, 0}, args, nargs, kwnames, {&enc, &errs})) return {};
  Bv s = view_of(self);
  return str_decode_bytes(s.p, size_t(s.n), enc, errs);
}

Value hex_of(Bv s, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"sep", "bytes_per_sep", nullptr};
  Value sepv, perv;
  if (!parse_args(ArgSpec{"hex", kParams, 0, 0}, args, nargs, kwnames, {&sepv, &perv})) return {};
  // As CPython's _Py_strhex_impl: len(sep) first (so None and ints fail
  // as len() does), then a str or bytes of one ASCII character.
  bool has_sep = false;
  char sep = 0;
  if (sepv) {
    int64_t seplen = length(sepv);
    if (seplen < 0) return {};
    if (seplen != 1) return raise(exc::ValueError, "sep must be length 1.");
    uint32_t c;
    if (is_str(sepv)) {
      c = uint32_t(sepv.as<Str>()->at(0));
    } else if (is_bytes(sepv)) {
      c = sepv.as<Bytes>()->data()[0];
    } else {
      return raise(exc::TypeError, "sep must be str or bytes.");
    }
    if (c >= 128) return raise(exc::ValueError, "sep must be ASCII.");
    sep = char(c);
    has_sep = true;
  }
  int64_t per = 1;
  if (perv && !cint_arg(perv, &per)) return {};
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < s.n; i++) {
    if (has_sep && i > 0 && group > 0) {
      bool boundary = per > 0 ? (s.n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep);
    }
    out.push_back(kHex[s[i] >> 4]);
    out.push_back(kHex[s[i] & 15]);
  }
  return str_from_ascii(out);
}

Value b_hex(Value self, const Value* args, size_t nargs, Tuple* kwnames) { return hex_of(view_of(self), args, nargs, kwnames); }

int hex_digit(char32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

Value b_fromhex(Value cls, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "fromhex() argument must be str, not %s", type_name(args[0]).c_str());
  }
  Str* s = args[0].as<Str>();
  std::string out;
  int64_t i = 0;
  while (i < s->length) {
    char32_t c = s->at(i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {   // ASCII whitespace only (Py_ISSPACE)
      i++;
      continue;
    }
    int hi = hex_digit(c);
    if (hi < 0) {
      return raisef(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                    static_cast<long long>(i));
    }
    int lo = i + 1 < s->length ? hex_digit(s->at(i + 1)) : -1;
    if (lo < 0) {
      return raisef(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                    static_cast<long long>(i + 1));
    }
    out.push_back(char(hi * 16 + lo));
    i += 2;
  }
  Type* t = cls.as<Type>();
  if (t == types::bytes) return bytes_from(out.data(), out.size());
  if (t == types::bytearray) return bytearray_new(out.data(), out.size());
  Value b = bytes_from(out.data(), out.size());
  if (!b) return {};
  return call(cls, &b, 1);
}

Value b_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Bv s = view_of(self);
  Value b = bytes_from(s.p, size_t(s.n));
  if (!b) return {};
  return tuple_of({b});
}

Value b_bytes(Value self, const Value*, size_t, Tuple*) {
  if (is_exact_bytes(self)) return self;
  Bv s = view_of(self);
  return bytes_from(s.p, size_t(s.n));
}

}  // namespace

// The methods bytes and bytearray share (bytearray.cpp adds its own).
const MethodDef kBytesSharedMethods[] = {
    {"capitalize", b_capitalize, MethodFlag::kNoArgs, nullptr},
    {"center", b_center, MethodFlag::kVarArgs, nullptr},
    {"count", b_count, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"decode", b_decode, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"endswith", b_endswith, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"expandtabs", b_expandtabs, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"find", b_find, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"fromhex", b_fromhex, MethodFlag::kOneArg | MethodFlag::kClass, nullptr},
    {"hex", b_hex, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"index", b_index, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"isalnum", all_bytes<is_alnum_byte>, MethodFlag::kNoArgs, nullptr},
    {"isalpha", all_bytes<is_alpha_byte>, MethodFlag::kNoArgs, nullptr},
    {"isascii", b_isascii, MethodFlag::kNoArgs, nullptr},
    {"isdigit", all_bytes<is_digit_byte>, MethodFlag::kNoArgs, nullptr},
    {"islower", b_islower, MethodFlag::kNoArgs, nullptr},
    {"isspace", all_bytes<is_space_byte>, MethodFlag::kNoArgs, nullptr},
    {"istitle", b_istitle, MethodFlag::kNoArgs, nullptr},
    {"isupper", b_isupper, MethodFlag::kNoArgs, nullptr},
    {"join", b_join, MethodFlag::kOneArg, nullptr},
    {"ljust", b_ljust, MethodFlag::kVarArgs, nullptr},
    {"lower", map_bytes<to_lower>, MethodFlag::kNoArgs, nullptr},
    {"lstrip", b_lstrip, MethodFlag::kVarArgs, nullptr},
    {"maketrans", b_maketrans, MethodFlag::kVarArgs | MethodFlag::kStatic, nullptr},
    {"partition", b_partition, MethodFlag::kOneArg, nullptr},
    {"removeprefix", b_removeprefix, MethodFlag::kOneArg, nullptr},
    {"removesuffix", b_removesuffix, MethodFlag::kOneArg, nullptr},
    {"replace", b_replace, MethodFlag::kVarArgs, nullptr},
    {"rfind", b_rfind, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"rindex", b_rindex, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"rjust", b_rjust, MethodFlag::kVarArgs, nullptr},
    {"rpartition", b_rpartition, MethodFlag::kOneArg, nullptr},
    {"rsplit", b_rsplit, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"rstrip", b_rstrip, MethodFlag::kVarArgs, nullptr},
    {"split", b_split, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"splitlines", b_splitlines, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"startswith", b_startswith, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, nullptr},
    {"strip", b_strip, MethodFlag::kVarArgs, nullptr},
    {"swapcase", map_bytes<swap_byte>, MethodFlag::kNoArgs, nullptr},
    {"title", b_title, MethodFlag::kNoArgs, nullptr},
    {"translate", b_translate, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"upper", map_bytes<to_upper>, MethodFlag::kNoArgs, nullptr},
    {"zfill", b_zfill, MethodFlag::kOneArg, nullptr},
    {nullptr, nullptr, 0},
};

Value bytes_hex_of(const uint8_t* p, int64_t n, const Value* args, size_t nargs, Tuple* kwnames) {
  return hex_of(Bv{p, n}, args, nargs, kwnames);
}

// ---- % formatting (shared with bytearray) ----------------------------------------------

namespace {

bool real_double(Value v, double* out) { return float_as_double(v, out); }

// %b / %s of bytes: a buffer, or __bytes__.
bool bytes_of_arg(Value v, std::string* out) {
  BufferView view;
  if (get_buffer(v, &view)) {
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
    return true;
  }
  static Str* dunder_bytes = intern("__bytes__");
  bool found = false;
  Value r = call_special(v, dunder_bytes, nullptr, 0, &found);
  if (found) {
    if (!r) return false;
    if (!is_bytes(r)) {
      raisef(exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r).c_str());
      return false;
    }
    out->assign(reinterpret_cast<const char*>(r.as<Bytes>()->data()), size_t(r.as<Bytes>()->length));
    return true;
  }
  if (has_error()) return false;
  raisef(exc::TypeError,
         "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
         type_name(v).c_str());
  return false;
}

}  // namespace

Value bytes_percent(Value self, Value b) {
  Bv fmt = view_of(self);
  const Value* items;
  int64_t count, next = 0;
  Value single;
  Value mapping;
  if (is_tuple(b)) {
    items = b.as<Tuple>()->items();
    count = b.as<Tuple>()->length;
  } else {
    single = b;
    items = &single;
    count = 1;
    if (!is_str(b) && !is_bytes(b) && !is_bytearray(b) && type_of(b)->slots.getitem) mapping = b;
  }
  auto take = [&]() -> Value {
    if (next >= count) {
      raise(exc::TypeError, "not enough arguments for format string");
      return {};
    }
    return items[next++];
  };
  std::string out;
  int64_t i = 0, n = fmt.n;
  while (i < n) {
    uint8_t c = fmt[i];
    if (c != '%') {
      out.push_back(char(c));
      i++;
      continue;
    }
    i++;
    if (i >= n) return raise(exc::ValueError, "incomplete format");
    if (fmt[i] == '%') {
      out.push_back('%');
      i++;
      continue;
    }
    Value arg;
    if (fmt[i] == '(') {
      if (!mapping) return raise(exc::TypeError, "format requires a mapping");
      int64_t depth = 1, k = i + 1;
      while (k < n && depth > 0) {
        if (fmt[k] == '(') depth++;
        if (fmt[k] == ')') depth--;
        k++;
      }
      if (depth > 0) return raise(exc::ValueError, "incomplete format key");
      Value key = bytes_from(fmt.p + i + 1, size_t(k - 1 - (i + 1)));
      if (!key) return {};
      arg = get_item(mapping, key);
      if (!arg) return {};
      count = 0;
      next = 0;
      i = k;
    }
    runtime::PercentSpec spec;
    for (; i < n; i++) {
      uint8_t f = fmt[i];
      if (f == '-') spec.left = true;
      else if (f == '+') spec.plus = true;
      else if (f == ' ') spec.space = true;
      else if (f == '#') spec.alternate = true;
      else if (f == '0') spec.zero = true;
      else break;
    }
    if (i < n && fmt[i] == '*') {
      Value w = take();
      if (!w) return {};
      if (!is_int(w)) return raise(exc::TypeError, "* wants int");
      int64_t wv;
      if (!index_i64(w, &wv)) return {};
      if (wv < 0) {
        spec.left = true;
        wv = -wv;
      }
      spec.width = wv;
      i++;
    } else {
      while (i < n && is_digit_byte(fmt[i])) {
        spec.width = (spec.width < 0 ? 0 : spec.width) * 10 + (fmt[i] - '0');
        i++;
      }
    }
    if (i < n && fmt[i] == '.') {
      i++;
      if (i < n && fmt[i] == '*') {
        Value p = take();
        if (!p) return {};
        if (!is_int(p)) return raise(exc::TypeError, "* wants int");
        int64_t pv;
        if (!index_i64(p, &pv)) return {};
        spec.precision = pv < 0 ? 0 : pv;
        i++;
      } else {
        spec.precision = 0;
        while (i < n && is_digit_byte(fmt[i])) {
          spec.precision = spec.precision * 10 + (fmt[i] - '0');
          i++;
        }
      }
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) i++;
    if (i >= n) return raise(exc::ValueError, "incomplete format");
    uint8_t conv = fmt[i];
    int64_t conv_index = i;
    i++;
    if (!arg) {
      arg = take();
      if (!arg) return {};
    }
    std::string piece;
    bool text = false;  // pad with spaces, truncate to precision
    switch (conv) {
      case 'b':
      case 's':
        if (!bytes_of_arg(arg, &piece)) return {};
        text = true;
        break;
      case 'r':
      case 'a': {
        Value r = ascii_of(arg);
        if (!r) return {};
        piece = str_to_utf8(r.as<Str>());
        text = true;
        break;
      }
      case 'c': {
        BufferView v;
        if ((is_bytes(arg) || is_bytearray(arg)) && get_buffer(arg, &v) && v.length == 1) {
          piece.push_back(char(v.data[0]));
        } else {
          // An int or an __index__ (CPython's byte_converter): its
          // TypeError becomes the message below, others propagate.
          Value i = is_int(arg) ? arg : index(arg);
          if (i) {
            auto n = int_to_i64(i);
            if (!n || *n < 0 || *n > 255) return raise(exc::OverflowError, "%c arg not in range(256)");
            piece.push_back(char(*n));
          } else {
            if (!error_matches(exc::TypeError)) return {};
            clear_error();
            return raise(exc::TypeError, "%c requires an integer in range(256) or a single byte");
          }
        }
        spec.precision = -1;
        text = true;
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        Value v = arg;
        bool oxX = conv == 'o' || conv == 'x' || conv == 'X';
        if (!is_int(v)) {
          Type* t = type_of(v);
          bool number = t->slots.index || t->slots.int_ || t->slots.float_ || t == types::complex;
          Value r;
          if (!is_str(v) && !is_bytes(v) && number) {
            r = oxX ? index(v) : number_int(v);
            if (!r && !error_matches(exc::TypeError)) return {};
            if (!r) clear_error();
          }
          if (!r) {
            if (oxX) {
              return raisef(exc::TypeError, "%%%c format: an integer is required, not %s", conv, type_name(v).c_str());
            }
            return raisef(exc::TypeError, "%%%c format: a real number is required, not %s", conv,
                          type_name(v).c_str());
          }
          v = r;
        }
        spec.type = conv == 'i' || conv == 'u' ? 'd' : char(conv);
        if (auto small = int_to_i64(v)) {
          piece = runtime::percent_format_int(*small, spec);
        } else {
          mpz_t scratch;
          mpz_init(scratch);
          piece = runtime::percent_format_int(int_as_mpz(v, scratch), spec);
          mpz_clear(scratch);
        }
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!real_double(arg, &d)) return {};
        spec.type = char(conv);
        auto r = runtime::percent_format_float(d, spec);
        if (!r.ok()) return raise(exc::ValueError, r.error.message);
        piece = r.value;
        break;
      }
      default:
        return raisef(exc::ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                      conv >= 32 && conv < 127 ? char(conv) : '?', unsigned(conv),
                      static_cast<long long>(conv_index));
    }
    if (text) {
      if (spec.precision >= 0 && size_t(spec.precision) < piece.size()) piece.resize(size_t(spec.precision));
      size_t padn = spec.width > int64_t(piece.size()) ? size_t(spec.width) - piece.size() : 0;
      if (!spec.left) out.append(padn, ' ');
      out += piece;
      if (spec.left) out.append(padn, ' ');
    } else {
      out += piece;
    }
  }
  if (!mapping && next < count) {
    return raise(exc::TypeError, "not all arguments converted during bytes formatting");
  }
  return make_like(self, out);
}

// ---- slots shared by bytes and bytearray ------------------------------------------------

Value bytes_compare_any(Value a, Value b, CompareOp op) {
  BufferView x, y;
  if (!(is_bytes(a) || is_bytearray(a)) || !(is_bytes(b) || is_bytearray(b))) return not_implemented();
  get_buffer(a, &x);
  get_buffer(b, &y);
  if (op == CompareOp::kEq || op == CompareOp::kNe) {
    bool eq = x.length == y.length && memcmp(x.data, y.data, size_t(x.length)) == 0;
    return py_bool(op == CompareOp::kEq ? eq : !eq);
  }
  int64_t n = x.length < y.length ? x.length : y.length;
  int c = n ? memcmp(x.data, y.data, size_t(n)) : 0;
  if (c == 0) c = x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
  switch (op) {
    case CompareOp::kLt: return py_bool(c < 0);
    case CompareOp::kLe: return py_bool(c <= 0);
    case CompareOp::kGt: return py_bool(c > 0);
    default: return py_bool(c >= 0);
  }
}

int bytes_contains_any(Value self, Value item) {
  Bv s = view_of(self);
  if (is_int(item) || has_index(item)) {
    // PyNumber_AsSsize_t(item, NULL): a huge int clips, so it is out of range too.
    Value i = index(item);
    if (!i) return -1;
    auto small = int_to_i64(i);
    int64_t b = small ? *small : -1;
    if (b < 0 || b > 255) {
      raise(exc::ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return s.n && memchr(s.p, int(b), size_t(s.n)) != nullptr;
  }
  Bv sub;
  if (!arg_buffer(item, &sub)) return -1;
  return find_bytes(s, sub, 0, s.n) >= 0;
}

// self[key] for bytes-like self: an int, or a new object of self's family.
Value bytes_getitem_any(Value self, Value key, const char* what_index) {
  Bv s = view_of(self);
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), s.n, &start, &stop, &step);
    if (n < 0) return {};
    if (step == 1) return make_like(self, s.p + start, size_t(n));
    std::string out(size_t(n), '\0');
    for (int64_t i = 0, j = start; i < n; i++, j += step) out[size_t(i)] = char(s[j]);
    return make_like(self, out);
  }
  int64_t i;
  if (key.is_small()) {
    i = key.small_value();
  } else {
    if (!has_index(key)) {
      return raisef(exc::TypeError, "%s indices must be integers or slices, not %s", what_index,
                    type_name(key).c_str());
    }
    if (!index_i64(key, &i)) {
      if (error_matches(exc::OverflowError)) {
        clear_error();
        return raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key).c_str());
      }
      return {};
    }
  }
  if (i < 0) i += s.n;
  if (i < 0 || i >= s.n) {
    return raise(exc::IndexError, is_bytearray(self) ? "bytearray index out of range" : "index out of range");
  }
  return Value::small(s[i]);
}

Value bytes_repeat_any(Value self, Value count) {
  int64_t n;
  if (!index_i64(count, &n)) return {};
  if (n == 1 && is_exact_bytes(self)) return self;   // as CPython: b * 1 is b
  Bv s = view_of(self);
  if (n <= 0 || s.n == 0) return make_like(self, "", 0);
  if (s.n > INT64_MAX / n) return raise_memory_error();
  if (uint64_t(s.n * n) > gc::kMaxObjectSize) return raise_memory_error();
  std::string out;
  out.reserve(size_t(s.n * n));
  for (int64_t k = 0; k < n; k++) out.append(reinterpret_cast<const char*>(s.p), size_t(s.n));
  return make_like(self, out);
}

// ---- the bytes type ---------------------------------------------------------------------

namespace {

Value bytes_repr_slot(Value self) {
  Bytes* b = self.as<Bytes>();
  return bytes_repr_of(b->view());
}

int64_t bytes_hash_slot(Value self) {
  Bytes* b = self.as<Bytes>();
  if (b->hash == -1) b->hash = hash_latin1(b->data(), size_t(b->length));
  return b->hash;
}

int64_t bytes_len_slot(Value self) { return self.as<Bytes>()->length; }
Value bytes_getitem_slot(Value self, Value key) { return bytes_getitem_any(self, key, "byte"); }

Value bytes_add_slot(Value a, Value b) {
  if (!is_bytes(a)) return not_implemented();
  BufferView x, y;
  get_buffer(a, &x);
  if (!get_buffer(b, &y)) {
    Type* t = type_of(b);
    BinaryFn f = t->slots.binary[int(BinaryOp::kAdd)];
    if (f && t->native_base != types::bytes) {
      Value r = f(a, b);
      if (!r.is(not_implemented())) return r;
    }
    return raisef(exc::TypeError, "can't concat %s to %s", type_name(b).c_str(), type_name(a).c_str());
  }
  std::string out(reinterpret_cast<const char*>(x.data), size_t(x.length));
  out.append(reinterpret_cast<const char*>(y.data), size_t(y.length));
  return bytes_from(out.data(), out.size());
}

Value bytes_mul_slot(Value a, Value b) {
  if (is_bytes(a)) {
    if (has_index(b)) return bytes_repeat_any(a, b);
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(b).c_str());
  }
  if (!is_bytes(b)) return not_implemented();
  if (has_index(a)) return bytes_repeat_any(b, a);
  return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(a).c_str());
}

Value bytes_mod_slot(Value a, Value b) {
  if (!is_bytes(a)) return not_implemented();
  return bytes_percent(a, b);
}

Value bytes_str_slot(Value self) { return bytes_repr_slot(self); }

Value bytes_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"source", "encoding", "errors", nullptr};
  Value source, encoding, errors;
  if (!parse_args(ArgSpec{"bytes", kParams, 0, 0}, args, nargs, kwnames, {&source, &encoding, &errors})) {
    return {};
  }
  if (encoding && !is_str(encoding)) {
    return raisef(exc::TypeError, "bytes() argument 'encoding' must be str, not %s", type_name(encoding).c_str());
  }
  if (errors && !is_str(errors)) {
    return raisef(exc::TypeError, "bytes() argument 'errors' must be str, not %s", type_name(errors).c_str());
  }
  std::string data;
  if (!source) {
    if (encoding || errors) {
      return raise(exc::TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
    }
  } else if (!encoding && !errors && !is_exact_str(source) && !is_exact_bytes(source)) {
    // __bytes__ first (CPython checks it before the str, buffer and
    // iterable forms, so str and bytes subclasses may define it, or set it
    // to None to refuse bytes()).
    static Str* dunder_bytes = intern("__bytes__");
    bool found = false;
    Value r = call_special(source, dunder_bytes, nullptr, 0, &found);
    if (found) {
      if (!r) return {};
      if (!is_bytes(r)) {
        return raisef(exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r).c_str());
      }
      if (type == types::bytes) return r;
      return bytes_new_subtype(type, r.as<Bytes>()->data(), size_t(r.as<Bytes>()->length));
    }
    if (has_error()) return {};
    if (!bytes_collect(source, encoding, errors, "bytes", &data)) return {};
  } else if (!bytes_collect(source, encoding, errors, "bytes", &data)) {
    return {};
  }
  if (type == types::bytes && source && is_exact_bytes(source) && !encoding) return source;
  return bytes_new_subtype(type, data.data(), data.size());
}

struct BytesIterator : Object {
  Value seq;  // bytes or bytearray; null when exhausted
  int64_t index;
};

gc::LayoutId kBytesIteratorLayout = 0;

void trace_bytes_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<BytesIterator*>(obj);
  v.visit(it->type);
  visit_value(v, it->seq);
}

Value bytes_iterator_next(Value self) {
  auto* it = self.as<BytesIterator>();
  if (!it->seq) return {};
  BufferView view;
  get_buffer(it->seq, &view);
  if (it->index >= view.length) {
    it->seq = Value();
    return {};
  }
  return Value::small(view.data[it->index++]);
}

Value bytes_iterator_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<BytesIterator>();
  if (!it->seq) return Value::small(0);
  BufferView view;
  get_buffer(it->seq, &view);
  int64_t n = view.length - it->index;
  return Value::small(n < 0 ? 0 : n);
}

// (iter, (bytes,), index), or (iter, ((),)) once exhausted.
Value bytes_iterator_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<BytesIterator>();
  if (!it->seq) return iter_reduce("iter", tuple_empty());
  return iter_reduce("iter", it->seq, int_from_i64(it->index));
}

Value bytes_iterator_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<BytesIterator>();
  int64_t index;
  if (!iter_state_index(args[0], &index)) return {};
  if (it->seq) {
    BufferView view;
    get_buffer(it->seq, &view);
    if (index < 0) index = 0;
    else if (index > view.length) index = view.length;
    it->index = index;
  }
  return none();
}

const MethodDef kBytesIteratorMethods[] = {
    {"__length_hint__", bytes_iterator_length_hint, MethodFlag::kNoArgs, nullptr},
    {"__reduce__", bytes_iterator_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", bytes_iterator_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

const MethodDef kBytesOwnMethods[] = {
    {"__getnewargs__", b_getnewargs, MethodFlag::kNoArgs, nullptr},
    {"__bytes__", b_bytes, MethodFlag::kNoArgs, "Convert this value to exact type bytes."},
};

std::vector<MethodDef>& bytes_methods_table() {
  static std::vector<MethodDef> t;
  return t;
}

}  // namespace

Value bytes_iter_any(Value self) {
  auto* it = allocate<BytesIterator>(kBytesIteratorLayout,
                                     is_bytearray(self) ? types::bytearray_iterator : types::bytes_iterator);
  it->seq = self;
  it->index = 0;
  return it;
}

void init_bytes() {
  auto& methods = bytes_methods_table();
  for (const MethodDef* m = kBytesSharedMethods; m->name; m++) methods.push_back(*m);
  for (const MethodDef& m : kBytesOwnMethods) methods.push_back(m);
  methods.push_back(MethodDef{nullptr, nullptr, 0});

  TypeSpec spec;
  spec.name = "bytes";
  spec.layout = kBytesLayout;
  spec.instance_size = sizeof(Bytes);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kBytesSubclass;
  spec.trace = trace_bytes;
  spec.slots.repr = bytes_repr_slot;
  spec.slots.str = bytes_str_slot;
  spec.slots.hash = bytes_hash_slot;
  spec.slots.compare = bytes_compare_any;
  spec.slots.new_ = bytes_new_slot;
  spec.slots.iter = bytes_iter_any;
  spec.slots.len = bytes_len_slot;
  spec.slots.getitem = bytes_getitem_slot;
  spec.slots.contains = bytes_contains_any;
  spec.slots.binary[int(BinaryOp::kAdd)] = bytes_add_slot;
  spec.slots.binary[int(BinaryOp::kMul)] = bytes_mul_slot;
  spec.slots.binary[int(BinaryOp::kMod)] = bytes_mod_slot;
  spec.methods = methods.data();
  spec.doc =
      "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
      "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
      "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
      "bytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n"
      "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
      "  - any object implementing the buffer API.\n  - an integer";
  make_builtin_type(&types::bytes, spec);

  kBytesIteratorLayout = register_object_layout("bytes_iterator", sizeof(BytesIterator), trace_bytes_iterator);
  for (Type** into : {&types::bytes_iterator, &types::bytearray_iterator}) {
    TypeSpec it;
    it.name = into == &types::bytes_iterator ? "bytes_iterator" : "bytearray_iterator";
    it.layout = kBytesIteratorLayout;
    it.instance_size = sizeof(BytesIterator);
    it.trace = trace_bytes_iterator;
    it.slots.iter = iter_self;
    it.slots.next = bytes_iterator_next;
    it.methods = kBytesIteratorMethods;
    make_builtin_type(into, it);
  }
}

}  // namespace pyrite::python
