// The array module: typed arrays of numbers and characters, as CPython
// 3.11's (docs/modules.md, "array").
//
// An array keeps its items as raw machine values (x86-64 sizes: 'l', 'L',
// 'q', 'Q' are 8 bytes, 'u' is a 4-byte wchar_t) in a bytes object used as
// storage, `capacity` items long, so the buffer protocol can hand out the
// bytes directly. Item conversion is per typecode with CPython's messages,
// and a store converts the value before the array changes, so a failed
// append or insert leaves it untouched. Results of slicing, `+` and `*`
// are plain `array.array`s even for subclasses, as in CPython.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "gc/heap.h"
#include "python/objects/bytes.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

Type* g_array = nullptr;
Type* g_array_iter = nullptr;
Value g_reconstructor;   // array._array_reconstructor (rooted through g_reconstructor_obj)
Object* g_reconstructor_obj = nullptr;

// ---- typecodes -----------------------------------------------------------------------------

struct Descr {
  char typecode;
  int itemsize;
  bool is_integer;
  bool is_signed;
  int mformat;   // CPython's machine format code on x86-64
};

const Descr kDescrs[] = {
    {'b', 1, true, true, 1},    {'B', 1, true, false, 0},   {'u', 4, false, false, 20},
    {'h', 2, true, true, 4},    {'H', 2, true, false, 2},   {'i', 4, true, true, 8},
    {'I', 4, true, false, 6},   {'l', 8, true, true, 12},   {'L', 8, true, false, 10},
    {'q', 8, true, true, 12},   {'Q', 8, true, false, 10},  {'f', 4, false, true, 14},
    {'d', 8, false, true, 16},  {0, 0, false, false, 0},
};

const Descr* find_descr(uint32_t c) {
  for (const Descr* d = kDescrs; d->typecode; d++)
    if (uint32_t(d->typecode) == c) return d;
  return nullptr;
}

struct ArrayObject : Object {
  const Descr* descr;
  Bytes* storage;      // capacity * itemsize bytes, or null
  int64_t length;      // items
  int64_t capacity;    // items
  int64_t exports;     // live memoryviews: resizing is then a BufferError
};

void trace_array(void* p, gc::Visitor& v) {
  auto* a = static_cast<ArrayObject*>(p);
  v.visit(a->type);
  v.visit(a->storage);
}

inline bool is_array(Value v) { return v.is_object() && isinstance(v, g_array); }
inline ArrayObject* arr(Value v) { return static_cast<ArrayObject*>(v.as<Object>()); }
inline uint8_t* items(ArrayObject* a) { return a->storage ? a->storage->data() : nullptr; }

ArrayObject* new_array(Type* type, const Descr* d, int64_t n) {
  auto* a = static_cast<ArrayObject*>(alloc_instance(type));
  if (!a) return nullptr;
  a->descr = d;
  a->storage = nullptr;
  a->length = 0;
  a->capacity = 0;
  a->exports = 0;
  if (n > 0) {
    if (n > INT64_MAX / 16) return static_cast<ArrayObject*>(raise_memory_error().as<Object>());
    a->storage = bytes_new_raw(n * d->itemsize);
    if (!a->storage) return nullptr;
    std::memset(a->storage->data(), 0, size_t(n * d->itemsize));
    a->length = a->capacity = n;
  }
  return a;
}

// Resizes to n items, growing geometrically (contents kept, new room zeroed).
// True if `a` may change size. Views that died without release() count
// as exports until the collector finalizes them, so exports first collect
// (as bytearray does).
bool check_no_exports(ArrayObject* a) {
  if (a->exports == 0) return true;
  gc::Heap::current()->collect();
  run_gc_hooks();
  if (a->exports == 0) return true;
  raise(exc::BufferError, "cannot resize an array that is exporting buffers");
  return false;
}

bool resize(ArrayObject* a, int64_t n) {
  if (n != a->length && !check_no_exports(a)) return false;
  if (n <= a->capacity) {
    a->length = n;
    return true;
  }
  int64_t cap = n + (n >> 4) + (n < 8 ? 3 : 7);
  if (cap > INT64_MAX / 16) {
    raise_memory_error();
    return false;
  }
  Bytes* s = bytes_new_raw(cap * a->descr->itemsize);
  if (!s) return false;
  std::memset(s->data(), 0, size_t(cap * a->descr->itemsize));
  if (a->length) std::memcpy(s->data(), items(a), size_t(a->length * a->descr->itemsize));
  a->storage = s;
  a->capacity = cap;
  a->length = n;
  return true;
}

// ---- item conversion ------------------------------------------------------------------------

Value get_item_value(ArrayObject* a, int64_t i) {
  const uint8_t* p = items(a) + i * a->descr->itemsize;
  switch (a->descr->typecode) {
    case 'b': return Value::small(int8_t(p[0]));
    case 'B': return Value::small(p[0]);
    case 'u': {
      uint32_t c;
      std::memcpy(&c, p, 4);
      if (c > 0x10ffff) return raise(exc::ValueError, "chr() arg not in range(0x110000)");
      return str_char(char32_t(c));
    }
    case 'h': { int16_t x; std::memcpy(&x, p, 2); return Value::small(x); }
    case 'H': { uint16_t x; std::memcpy(&x, p, 2); return Value::small(x); }
    case 'i': { int32_t x; std::memcpy(&x, p, 4); return Value::small(x); }
    case 'I': { uint32_t x; std::memcpy(&x, p, 4); return Value::small(x); }
    case 'l': case 'q': { int64_t x; std::memcpy(&x, p, 8); return int_from_i64(x); }
    case 'L': case 'Q': { uint64_t x; std::memcpy(&x, p, 8); return int_from_u64(x); }
    case 'f': { float x; std::memcpy(&x, p, 4); return float_new(double(x)); }
    default: { double x; std::memcpy(&x, p, 8); return float_new(x); }
  }
}

bool overflow(const char* msg) {
  raise(exc::OverflowError, msg);
  return false;
}

// An exact int through __index__ ("'float' object cannot be interpreted as
// an integer").
Value int_arg(Value v) {
  if (is_int(v)) return v;
  if (!type_of(v)->slots.index) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v).c_str());
    return {};
  }
  return index(v);
}

bool as_long(Value v, int64_t* out) {
  Value i = int_arg(v);
  if (!i) return false;
  auto x = int_to_i64(i);
  if (!x) return overflow("Python int too large to convert to C long");
  *out = *x;
  return true;
}

bool fits_u64(Value i, uint64_t* out) {
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  bool ok = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
  if (ok) *out = mpz_get_ui(z);
  mpz_clear(scratch);
  return ok;
}

// Converts v for the array's typecode into `out` (itemsize bytes).
bool convert_item(const Descr* d, Value v, uint8_t* out) {
  char tc = d->typecode;
  if (tc == 'u') {
    if (!is_str(v)) {
      raise(exc::TypeError, "array item must be unicode character");
      return false;
    }
    std::u32string s = str_to_u32(v.as<Str>());
    if (s.size() != 1) {
      raise(exc::TypeError, "array item must be unicode character");
      return false;
    }
    uint32_t c = uint32_t(s[0]);
    std::memcpy(out, &c, 4);
    return true;
  }
  if (tc == 'f' || tc == 'd') {
    double x;
    if (!float_as_double(v, &x)) return false;
    if (tc == 'f') {
      float f = float(x);
      std::memcpy(out, &f, 4);
    } else {
      std::memcpy(out, &x, 8);
    }
    return true;
  }
  if (tc == 'I' || tc == 'L' || tc == 'Q') {
    Value i = int_arg(v);
    if (!i) return false;
    uint64_t x;
    bool neg = int_sign(i) < 0;
    if (tc == 'Q') {
      if (neg) return overflow("can't convert negative int to unsigned");
      if (!fits_u64(i, &x)) return overflow("int too big to convert");
    } else {
      if (neg) return overflow("can't convert negative value to unsigned int");
      if (!fits_u64(i, &x)) return overflow("Python int too large to convert to C unsigned long");
      if (tc == 'I' && x > UINT32_MAX) return overflow("unsigned int is greater than maximum");
    }
    std::memcpy(out, &x, size_t(d->itemsize));
    return true;
  }
  if (tc == 'q') {
    Value i = int_arg(v);
    if (!i) return false;
    auto x = int_to_i64(i);
    if (!x) return overflow("int too big to convert");
    std::memcpy(out, &*x, 8);
    return true;
  }
  int64_t x;
  if (!as_long(v, &x)) return false;
  switch (tc) {
    case 'b':
      if (x < INT16_MIN) return overflow("signed short integer is less than minimum");
      if (x > INT16_MAX) return overflow("signed short integer is greater than maximum");
      if (x < -128) return overflow("signed char is less than minimum");
      if (x > 127) return overflow("signed char is greater than maximum");
      out[0] = uint8_t(x);
      return true;
    case 'B':
      if (x < 0) return overflow("unsigned byte integer is less than minimum");
      if (x > 255) return overflow("unsigned byte integer is greater than maximum");
      out[0] = uint8_t(x);
      return true;
    case 'h': {
      if (x < INT16_MIN) return overflow("signed short integer is less than minimum");
      if (x > INT16_MAX) return overflow("signed short integer is greater than maximum");
      int16_t y = int16_t(x);
      std::memcpy(out, &y, 2);
      return true;
    }
    case 'H': {
      if (x < INT32_MIN) return overflow("signed integer is less than minimum");
      if (x > INT32_MAX) return overflow("signed integer is greater than maximum");
      if (x < 0) return overflow("unsigned short is less than minimum");
      if (x > UINT16_MAX) return overflow("unsigned short is greater than maximum");
      uint16_t y = uint16_t(x);
      std::memcpy(out, &y, 2);
      return true;
    }
    case 'i': {
      if (x < INT32_MIN) return overflow("signed integer is less than minimum");
      if (x > INT32_MAX) return overflow("signed integer is greater than maximum");
      int32_t y = int32_t(x);
      std::memcpy(out, &y, 4);
      return true;
    }
    default:   // 'l'
      std::memcpy(out, &x, 8);
      return true;
  }
}

bool set_item_at(ArrayObject* a, int64_t i, Value v) {
  uint8_t buf[8];
  if (!convert_item(a->descr, v, buf)) return false;
  if (i >= a->length) return true;   // shrunk meanwhile
  std::memcpy(items(a) + i * a->descr->itemsize, buf, size_t(a->descr->itemsize));
  return true;
}

// ins1: insert at `where` (clipped as list.insert), converting first.
bool insert_at(ArrayObject* a, int64_t where, Value v) {
  uint8_t buf[8];
  if (!convert_item(a->descr, v, buf)) return false;
  int64_t n = a->length;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!resize(a, n + 1)) return false;
  int sz = a->descr->itemsize;
  std::memmove(items(a) + (where + 1) * sz, items(a) + where * sz, size_t((n - where) * sz));
  std::memcpy(items(a) + where * sz, buf, size_t(sz));
  return true;
}

bool append_raw(ArrayObject* a, const uint8_t* p, int64_t nbytes) {
  int64_t n = a->length;
  int64_t add = nbytes / a->descr->itemsize;
  if (!resize(a, n + add)) return false;
  if (nbytes) std::memcpy(items(a) + n * a->descr->itemsize, p, size_t(nbytes));
  return true;
}

bool extend_iter(ArrayObject* a, Value iterable) {
  Value it = get_iter(iterable);
  if (!it) return false;
  for (;;) {
    Value v = iter_next(it);
    if (!v) return !has_error();
    if (!insert_at(a, a->length, v)) return false;
  }
}

bool do_extend(ArrayObject* a, Value b) {
  if (!is_array(b)) return extend_iter(a, b);
  ArrayObject* o = arr(b);
  if (o->descr != a->descr) {
    raise(exc::TypeError, "can only extend with array of same kind");
    return false;
  }
  int64_t ob = o->length * o->descr->itemsize;
  std::string copy(reinterpret_cast<const char*>(items(o)), size_t(ob));   // b may be a
  return append_raw(a, reinterpret_cast<const uint8_t*>(copy.data()), ob);
}

ArrayObject* slice_copy(ArrayObject* a, int64_t start, int64_t n) {
  ArrayObject* r = new_array(g_array, a->descr, n);
  if (!r) return nullptr;
  if (n) std::memcpy(items(r), items(a) + start * a->descr->itemsize, size_t(n * a->descr->itemsize));
  return r;
}

Value tolist(ArrayObject* a) {
  List* l = list_new();
  if (!l) return {};
  for (int64_t i = 0; i < a->length; i++) {
    Value v = get_item_value(a, i);
    if (!v || !list_append(l, v)) return {};
  }
  return l;
}

Value tounicode(ArrayObject* a) {
  std::u32string s;
  for (int64_t i = 0; i < a->length; i++) {
    uint32_t c;
    std::memcpy(&c, items(a) + i * 4, 4);
    if (c > 0x10ffff)
      return raisef(exc::ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
    s += char32_t(c);
  }
  return str_from_u32(s);
}

// ---- construction ----------------------------------------------------------------------------

Value make_array_from(Type* type, uint32_t c, Value initial);

Value array_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == g_array || type->slots.init == g_array->slots.init) && kwnames && kwnames->length)
    return raise(exc::TypeError, "array.array() takes no keyword arguments");
  if (nargs < 1) return raisef(exc::TypeError, "array() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 2) return raisef(exc::TypeError, "array() takes at most 2 arguments (%zu given)", nargs);
  Value tc = args[0];
  if (!is_str(tc) || str_to_u32(tc.as<Str>()).size() != 1)
    return raisef(exc::TypeError, "array() argument 1 must be a unicode character, not %s",
                  type_name(tc).c_str());
  uint32_t c = uint32_t(str_to_u32(tc.as<Str>())[0]);
  return make_array_from(type, c, nargs > 1 ? args[1] : Value());
}

Value make_array_from(Type* type, uint32_t c, Value initial) {
  if (initial && c != 'u') {
    if (is_str(initial))
      return raisef(exc::TypeError, "cannot use a str to initialize an array with typecode '%c'", char(c));
    if (is_array(initial) && arr(initial)->descr->typecode == 'u')
      return raisef(exc::TypeError,
                    "cannot use a unicode array to initialize an array with typecode '%c'", char(c));
  }
  Value it;
  if (initial && !(is_list(initial) || is_bytearray(initial) || is_bytes(initial) ||
                   is_tuple(initial) || (c == 'u' && is_str(initial)) ||
                   (is_array(initial) && uint32_t(arr(initial)->descr->typecode) == c))) {
    it = get_iter(initial);
    if (!it) return {};
    initial = Value();
  }
  const Descr* d = find_descr(c);
  if (!d)
    return raise(exc::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  ArrayObject* a = new_array(type, d, 0);
  if (!a) return {};
  if (initial && (is_list(initial) || is_tuple(initial))) {
    int64_t n = length(initial);
    if (n < 0) return {};
    for (int64_t i = 0; i < n; i++) {
      Value v = get_item(initial, Value::small(i));
      if (!v || !insert_at(a, a->length, v)) return {};
    }
  } else if (initial && (is_bytes(initial) || is_bytearray(initial))) {
    BufferView b;
    get_buffer(initial, &b);
    if (b.length % d->itemsize) return raise(exc::ValueError, "bytes length not a multiple of item size");
    if (!append_raw(a, b.data, b.length)) return {};
  } else if (initial && is_str(initial)) {
    std::u32string s = str_to_u32(initial.as<Str>());
    for (char32_t ch : s) {
      uint32_t v = uint32_t(ch);
      if (!append_raw(a, reinterpret_cast<const uint8_t*>(&v), 4)) return {};
    }
  } else if (initial && is_array(initial)) {
    ArrayObject* o = arr(initial);
    if (!append_raw(a, items(o), o->length * o->descr->itemsize)) return {};
  }
  if (it) {
    for (;;) {
      Value v = iter_next(it);
      if (!v) {
        if (has_error()) return {};
        break;
      }
      if (!insert_at(a, a->length, v)) return {};
    }
  }
  return a;
}

// ---- methods ----------------------------------------------------------------------------------

Value m_append(Value self, const Value* args, size_t, Tuple*) {
  if (!insert_at(arr(self), arr(self)->length, args[0])) return {};
  return none();
}

Value m_buffer_info(Value self, const Value*, size_t, Tuple*) {
  ArrayObject* a = arr(self);
  return tuple_of({int_from_u64(uint64_t(reinterpret_cast<uintptr_t>(items(a)))),
                   int_from_i64(a->length)});
}

Value m_byteswap(Value self, const Value*, size_t, Tuple*) {
  ArrayObject* a = arr(self);
  int sz = a->descr->itemsize;
  for (int64_t i = 0; i < a->length; i++) {
    uint8_t* p = items(a) + i * sz;
    for (int k = 0; k < sz / 2; k++) std::swap(p[k], p[sz - 1 - k]);
  }
  return none();
}

// The items equal to v, compared as CPython does: a fresh object per item.
Value search(Value self, Value v, int mode, int64_t start, int64_t stop) {
  ArrayObject* a = arr(self);
  int64_t count = 0;
  for (int64_t i = start; i < stop && i < a->length; i++) {
    Value item = get_item_value(a, i);
    if (!item) return {};
    int r = compare_bool(item, v, CompareOp::kEq);
    if (r < 0) return {};
    if (r) {
      if (mode == 0) count++;
      else return int_from_i64(i);
    }
  }
  if (mode == 0) return int_from_i64(count);
  if (mode == 1) return raise(exc::ValueError, "array.index(x): x not in array");
  return raise(exc::ValueError, "array.remove(x): x not in array");
}

Value m_count(Value self, const Value* args, size_t, Tuple*) { return search(self, args[0], 0, 0, INT64_MAX); }

bool slice_index(Value v, int64_t* out) {
  if (!is_int(v) && !type_of(v)->slots.index) {
    raise(exc::TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  auto x = int_to_i64(i);
  *out = x ? *x : (int_sign(i) < 0 ? INT64_MIN : INT64_MAX);
  return true;
}

Value m_index(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("index", nargs, 1, 3)) return {};
  int64_t n = arr(self)->length;
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_index(args[1], &start)) return {};
  if (nargs > 2 && !slice_index(args[2], &stop)) return {};
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  return search(self, args[0], 1, start, stop);
}

bool delete_range(ArrayObject* a, int64_t start, int64_t stop) {
  if (stop > start && !check_no_exports(a)) return false;   // before the items move
  int sz = a->descr->itemsize;
  std::memmove(items(a) + start * sz, items(a) + stop * sz, size_t((a->length - stop) * sz));
  return resize(a, a->length - (stop - start));
}

Value m_remove(Value self, const Value* args, size_t, Tuple*) {
  Value i = search(self, args[0], 2, 0, INT64_MAX);
  if (!i) return {};
  int64_t k = i.small_value();
  if (!delete_range(arr(self), k, k + 1)) return {};
  return none();
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("pop", nargs, 0, 1)) return {};
  ArrayObject* a = arr(self);
  int64_t i = -1;
  if (nargs && !arg_ssize(args[0], &i)) return {};
  if (a->length == 0) return raise(exc::IndexError, "pop from empty array");
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) return raise(exc::IndexError, "pop index out of range");
  Value v = get_item_value(a, i);
  if (!v || !delete_range(a, i, i + 1)) return {};
  return v;
}

Value m_insert(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("insert", nargs, 2, 2)) return {};
  int64_t i;
  if (!arg_ssize(args[0], &i)) return {};
  if (!insert_at(arr(self), i, args[1])) return {};
  return none();
}

Value m_extend(Value self, const Value* args, size_t, Tuple*) {
  if (!do_extend(arr(self), args[0])) return {};
  return none();
}

Value m_frombytes(Value self, const Value* args, size_t, Tuple*) {
  BufferView b;
  if (!get_buffer(args[0], &b))
    return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]).c_str());
  ArrayObject* a = arr(self);
  if (b.length % a->descr->itemsize) return raise(exc::ValueError, "bytes length not a multiple of item size");
  std::string copy(reinterpret_cast<const char*>(b.data), size_t(b.length));
  if (!append_raw(a, reinterpret_cast<const uint8_t*>(copy.data()), b.length)) return {};
  return none();
}

Value m_fromlist(Value self, const Value* args, size_t, Tuple*) {
  if (!is_list(args[0])) return raise(exc::TypeError, "arg must be list");
  ArrayObject* a = arr(self);
  List* l = args[0].as<List>();
  int64_t old = a->length;
  for (int64_t i = 0; i < l->length; i++) {
    Value v = list_get(l, i);
    if (!v || !insert_at(a, a->length, v)) {
      resize(a, old);
      return {};
    }
  }
  return none();
}

Value m_fromunicode(Value self, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "fromunicode() argument must be str, not %s", type_name(args[0]).c_str());
  ArrayObject* a = arr(self);
  if (a->descr->typecode != 'u')
    return raise(exc::ValueError, "fromunicode() may only be called on unicode type arrays");
  for (char32_t ch : str_to_u32(args[0].as<Str>())) {
    uint32_t v = uint32_t(ch);
    if (!append_raw(a, reinterpret_cast<const uint8_t*>(&v), 4)) return {};
  }
  return none();
}

Value m_tounicode(Value self, const Value*, size_t, Tuple*) {
  if (arr(self)->descr->typecode != 'u')
    return raise(exc::ValueError, "tounicode() may only be called on unicode type arrays");
  return tounicode(arr(self));
}

Value m_tobytes(Value self, const Value*, size_t, Tuple*) {
  ArrayObject* a = arr(self);
  return bytes_from(items(a), size_t(a->length * a->descr->itemsize));
}

Value m_tolist(Value self, const Value*, size_t, Tuple*) { return tolist(arr(self)); }

Value m_reverse(Value self, const Value*, size_t, Tuple*) {
  ArrayObject* a = arr(self);
  int sz = a->descr->itemsize;
  uint8_t tmp[8];
  for (int64_t i = 0, j = a->length - 1; i < j; i++, j--) {
    std::memcpy(tmp, items(a) + i * sz, size_t(sz));
    std::memcpy(items(a) + i * sz, items(a) + j * sz, size_t(sz));
    std::memcpy(items(a) + j * sz, tmp, size_t(sz));
  }
  return none();
}

Value m_fromfile(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("fromfile", nargs, 2, 2)) return {};
  int64_t n;
  if (!arg_ssize(args[1], &n)) return {};
  if (n < 0) return raise(exc::ValueError, "negative count");
  ArrayObject* a = arr(self);
  int sz = a->descr->itemsize;
  if (n > INT64_MAX / sz) return raise_memory_error();
  int64_t nbytes = n * sz;
  Value nb = int_from_i64(nbytes);
  Value b = call_method(args[0], intern("read"), &nb, 1);
  if (!b) return {};
  if (!is_bytes(b)) return raise(exc::TypeError, "read() didn't return bytes");
  int64_t got = b.as<Bytes>()->length;
  int64_t whole = got - got % sz;
  if (!append_raw(a, b.as<Bytes>()->data(), whole)) return {};
  if (got != nbytes) return raise(exc::EOFError, "read() didn't return enough bytes");
  return none();
}

Value m_tofile(Value self, const Value* args, size_t, Tuple*) {
  ArrayObject* a = arr(self);
  int64_t nbytes = a->length * a->descr->itemsize;
  constexpr int64_t kBlock = 64 * 1024;
  int64_t blocks = (nbytes + kBlock - 1) / kBlock;
  for (int64_t i = 0; i < blocks; i++) {
    int64_t start = i * kBlock;
    int64_t size = nbytes - start < kBlock ? nbytes - start : kBlock;
    Value chunk = bytes_from(items(a) + start, size_t(size));
    if (!chunk) return {};
    Value r = call_method(args[0], intern("write"), &chunk, 1);
    if (!r) return {};
  }
  return none();
}

Value m_copy(Value self, const Value*, size_t, Tuple*) {
  return slice_copy(arr(self), 0, arr(self)->length);
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  ArrayObject* a = arr(self);
  return int_from_i64(64 + a->capacity * a->descr->itemsize);
}

Value m_reduce_ex(Value self, const Value* args, size_t, Tuple*) {
  int64_t protocol;
  if (!as_long(args[0], &protocol)) return {};
  ArrayObject* a = arr(self);
  Value dict = get_attr_or_null(self, intern("__dict__"));
  if (!dict) {
    if (has_error()) return {};
    dict = none();
  }
  Value tc = str_char(char32_t(a->descr->typecode));
  if (protocol < 3) {
    Value l = tolist(a);
    if (!l) return {};
    return tuple_of({Value(type_of(self)), Value(tuple_of({tc, l})), dict});
  }
  Value b = bytes_from(items(a), size_t(a->length * a->descr->itemsize));
  if (!b) return {};
  return tuple_of({g_reconstructor,
                   Value(tuple_of({Value(type_of(self)), tc, Value::small(a->descr->mformat), b})),
                   dict});
}

Value get_typecode(Value self) { return str_char(char32_t(arr(self)->descr->typecode)); }
Value get_itemsize(Value self) { return Value::small(arr(self)->descr->itemsize); }

const MethodDef kArrayMethods[] = {
    {"append", m_append, MethodFlag::kOneArg, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, MethodFlag::kNoArgs,
     "Return a tuple (address, length) giving the current memory address and the length in items."},
    {"byteswap", m_byteswap, MethodFlag::kNoArgs, "Byteswap all items of the array."},
    {"__copy__", m_copy, MethodFlag::kNoArgs, "Return a copy of the array."},
    {"count", m_count, MethodFlag::kOneArg, "Return number of occurrences of v in the array."},
    {"__deepcopy__", m_copy, MethodFlag::kOneArg, "Return a copy of the array."},
    {"extend", m_extend, MethodFlag::kOneArg, "Append items to the end of the array."},
    {"frombytes", m_frombytes, MethodFlag::kOneArg, "Append the machine values of a bytes-like object."},
    {"fromfile", m_fromfile, MethodFlag::kVarArgs, "Read n items from the file object f and append them."},
    {"fromlist", m_fromlist, MethodFlag::kOneArg, "Append items from the list."},
    {"fromunicode", m_fromunicode, MethodFlag::kOneArg, "Extend a 'u' array with the characters of a str."},
    {"index", m_index, MethodFlag::kVarArgs, "Return the index of the first occurrence of v."},
    {"insert", m_insert, MethodFlag::kVarArgs, "Insert a new item v before position i."},
    {"pop", m_pop, MethodFlag::kVarArgs, "Remove and return item i (the last by default)."},
    {"__reduce_ex__", m_reduce_ex, MethodFlag::kOneArg, "Return state information for pickling."},
    {"remove", m_remove, MethodFlag::kOneArg, "Remove the first occurrence of v."},
    {"reverse", m_reverse, MethodFlag::kNoArgs, "Reverse the order of the items in place."},
    {"tofile", m_tofile, MethodFlag::kOneArg, "Write all items as machine values to the file object f."},
    {"tolist", m_tolist, MethodFlag::kNoArgs, "Return the items as a list."},
    {"tobytes", m_tobytes, MethodFlag::kNoArgs, "Return the machine values as bytes."},
    {"tounicode", m_tounicode, MethodFlag::kNoArgs, "Return the characters of a 'u' array as a str."},
    {"__sizeof__", m_sizeof, MethodFlag::kNoArgs, "Size of the array in memory, in bytes."},
    {nullptr, nullptr, 0},
};

const GetSetDef kArrayGetSets[] = {
    {"typecode", get_typecode, nullptr, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, nullptr, "the size, in bytes, of one array item"},
    {nullptr, nullptr},
};

// ---- slots ------------------------------------------------------------------------------------

Value array_repr(Value self) {
  ArrayObject* a = arr(self);
  std::string name = str_to_utf8(type_of(self)->name);
  char tc = a->descr->typecode;
  if (a->length == 0) return str_from_utf8(name + "('" + tc + "')");
  Value v = tc == 'u' ? tounicode(a) : tolist(a);
  if (!v) return {};
  Value r = repr(v);
  if (!r) return {};
  return str_from_utf8(name + "('" + tc + "', " + str_to_utf8(r.as<Str>()) + ")");
}

int64_t array_len(Value self) { return arr(self)->length; }

Value array_getitem(Value self, Value key) {
  ArrayObject* a = arr(self);
  if (is_int(key) || type_of(key)->slots.index) {
    int64_t i;
    if (!index_i64(key, &i)) {
      if (error_matches(exc::OverflowError)) {
        clear_error();
        return raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key).c_str());
      }
      return {};
    }
    if (i < 0) i += a->length;
    if (i < 0 || i >= a->length) return raise(exc::IndexError, "array index out of range");
    return get_item_value(a, i);
  }
  if (!is_slice(key)) return raise(exc::TypeError, "array indices must be integers");
  int64_t start, stop, step;
  int64_t n = slice_indices_for(key.as<Slice>(), a->length, &start, &stop, &step);
  if (n < 0) return {};
  if (step == 1) return slice_copy(a, start, n);
  ArrayObject* r = new_array(g_array, a->descr, n);
  if (!r) return {};
  int sz = a->descr->itemsize;
  for (int64_t i = 0, cur = start; i < n; i++, cur += step)
    std::memcpy(items(r) + i * sz, items(a) + cur * sz, size_t(sz));
  return r;
}

bool array_setitem(Value self, Value key, Value value) {
  ArrayObject* a = arr(self);
  int64_t start, stop, step, slicelength;
  if (is_int(key) || type_of(key)->slots.index) {
    int64_t i;
    if (!index_i64(key, &i)) {
      if (error_matches(exc::OverflowError)) {
        clear_error();
        raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key).c_str());
      }
      return false;
    }
    if (i < 0) i += a->length;
    if (i < 0 || i >= a->length) {
      raise(exc::IndexError, "array assignment index out of range");
      return false;
    }
    if (value) return set_item_at(a, i, value);
    start = i;
    stop = i + 1;
    step = 1;
    slicelength = 1;
  } else if (is_slice(key)) {
    if (!slice_unpack(key.as<Slice>(), &start, &stop, &step)) return false;
    slicelength = slice_adjust_indices(a->length, &start, &stop, step);
  } else {
    raise(exc::TypeError, "array indices must be integers");
    return false;
  }
  std::string other;   // the new items' bytes (a copy: value may be self)
  int64_t needed = 0;
  if (value) {
    if (!is_array(value)) {
      raisef(exc::TypeError, "can only assign array (not \"%s\") to array slice", type_name(value).c_str());
      return false;
    }
    ArrayObject* o = arr(value);
    if (o->descr != a->descr) {
      raise(exc::TypeError, "bad argument type for built-in operation");
      return false;
    }
    needed = o->length;
    other.assign(reinterpret_cast<const char*>(items(o)), size_t(needed * o->descr->itemsize));
  }
  int sz = a->descr->itemsize;
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if ((needed == 0 || slicelength != needed) && !check_no_exports(a)) return false;
  if (step == 1) {
    int64_t n = a->length;
    if (slicelength > needed) {
      std::memmove(items(a) + (start + needed) * sz, items(a) + stop * sz, size_t((n - stop) * sz));
      if (!resize(a, n + needed - slicelength)) return false;
    } else if (slicelength < needed) {
      if (!resize(a, n + needed - slicelength)) return false;
      std::memmove(items(a) + (start + needed) * sz, items(a) + stop * sz, size_t((n - stop) * sz));
    }
    if (needed > 0) std::memcpy(items(a) + start * sz, other.data(), other.size());
    return true;
  }
  if (needed == 0) {
    if (!value || slicelength == 0 || true) {
      if (step < 0) {
        stop = start + 1;
        start = stop + step * (slicelength - 1) - 1;
        step = -step;
      }
      int64_t n = a->length;
      uint64_t cur = uint64_t(start);
      for (int64_t i = 0; i < slicelength; cur += uint64_t(step), i++) {
        int64_t lim = step - 1;
        if (cur + uint64_t(step) >= uint64_t(n)) lim = n - int64_t(cur) - 1;
        std::memmove(items(a) + (int64_t(cur) - i) * sz, items(a) + (int64_t(cur) + 1) * sz,
                     size_t(lim * sz));
      }
      cur = uint64_t(start) + uint64_t(slicelength) * uint64_t(step);
      if (cur < uint64_t(n))
        std::memmove(items(a) + (int64_t(cur) - slicelength) * sz, items(a) + int64_t(cur) * sz,
                     size_t((n - int64_t(cur)) * sz));
      return resize(a, n - slicelength);
    }
  }
  if (needed != slicelength) {
    raisef(exc::ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
           (long long)needed, (long long)slicelength);
    return false;
  }
  for (int64_t i = 0, cur = start; i < slicelength; cur += step, i++)
    std::memcpy(items(a) + cur * sz, other.data() + i * sz, size_t(sz));
  return true;
}

int array_contains(Value self, Value v) {
  ArrayObject* a = arr(self);
  for (int64_t i = 0; i < a->length; i++) {
    Value item = get_item_value(a, i);
    if (!item) return -1;
    int r = compare_bool(item, v, CompareOp::kEq);
    if (r != 0) return r;
  }
  return 0;
}

Value array_concat(Value a, Value b) {
  if (!is_array(a)) return not_implemented();
  if (!is_array(b))
    return raisef(exc::TypeError, "can only append array (not \"%s\") to array", type_name(b).c_str());
  ArrayObject* x = arr(a);
  ArrayObject* y = arr(b);
  if (x->descr != y->descr) return raise(exc::TypeError, "bad argument type for built-in operation");
  ArrayObject* r = slice_copy(x, 0, x->length);
  if (!r || !append_raw(r, items(y), y->length * y->descr->itemsize)) return {};
  return r;
}

bool repeat_count(Value n, int64_t* out) {
  if (!is_int(n) && !type_of(n)->slots.index) {
    raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(n).c_str());
    return false;
  }
  Value i = index(n);
  if (!i) return false;
  auto x = int_to_i64(i);
  if (!x) {
    if (int_sign(i) < 0) {
      *out = 0;
      return true;
    }
    raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", type_name(n).c_str());
    return false;
  }
  *out = *x < 0 ? 0 : *x;
  return true;
}

Value array_repeat(Value a, Value b) {
  Value self = is_array(a) ? a : b;
  Value n = is_array(a) ? b : a;
  if (!is_array(self)) return not_implemented();
  int64_t k;
  if (!repeat_count(n, &k)) return {};
  ArrayObject* x = arr(self);
  int64_t nbytes = x->length * x->descr->itemsize;
  if (k && nbytes > INT64_MAX / 16 / k) return raise_memory_error();
  ArrayObject* r = new_array(g_array, x->descr, x->length * k);
  if (!r) return {};
  for (int64_t i = 0; i < k; i++) std::memcpy(items(r) + i * nbytes, items(x), size_t(nbytes));
  return r;
}

Value array_inplace_concat(Value a, Value b) {
  if (!is_array(b))
    return raisef(exc::TypeError, "can only extend array with array (not \"%s\")", type_name(b).c_str());
  if (!do_extend(arr(a), b)) return {};
  return a;
}

Value array_inplace_repeat(Value a, Value n) {
  int64_t k;
  if (!repeat_count(n, &k)) return {};
  ArrayObject* x = arr(a);
  int64_t nbytes = x->length * x->descr->itemsize;
  if (k == 0 || nbytes == 0) {
    if (!resize(x, 0)) return {};
    return a;
  }
  if (nbytes > INT64_MAX / 16 / k) return raise_memory_error();
  std::string copy(reinterpret_cast<const char*>(items(x)), size_t(nbytes));
  if (!resize(x, x->length * k)) return {};
  for (int64_t i = 1; i < k; i++) std::memcpy(items(x) + i * nbytes, copy.data(), size_t(nbytes));
  return a;
}

Value array_compare(Value a, Value b, CompareOp op) {
  if (!is_array(a) || !is_array(b)) return not_implemented();
  ArrayObject* x = arr(a);
  ArrayObject* y = arr(b);
  if (x->length != y->length && (op == CompareOp::kEq || op == CompareOp::kNe))
    return py_bool(op == CompareOp::kNe);
  int64_t i = 0;
  Value xi, yi;
  for (; i < x->length && i < y->length; i++) {
    xi = get_item_value(x, i);
    yi = get_item_value(y, i);
    if (!xi || !yi) return {};
    int r = compare_bool(xi, yi, CompareOp::kEq);
    if (r < 0) return {};
    if (!r) break;
  }
  if (i >= x->length || i >= y->length) {
    int64_t vs = x->length, ws = y->length;
    bool res;
    switch (op) {
      case CompareOp::kLt: res = vs < ws; break;
      case CompareOp::kLe: res = vs <= ws; break;
      case CompareOp::kEq: res = vs == ws; break;
      case CompareOp::kNe: res = vs != ws; break;
      case CompareOp::kGt: res = vs > ws; break;
      default: res = vs >= ws; break;
    }
    return py_bool(res);
  }
  if (op == CompareOp::kEq) return py_bool(false);
  if (op == CompareOp::kNe) return py_bool(true);
  return compare(xi, yi, op);
}

// ---- iterator ---------------------------------------------------------------------------------

struct ArrayIter : Object {
  ArrayObject* array;   // null once exhausted
  int64_t index;
};

void trace_array_iter(void* p, gc::Visitor& v) {
  auto* it = static_cast<ArrayIter*>(p);
  v.visit(it->type);
  v.visit(it->array);
}

Value array_iter(Value self) {
  auto* it = static_cast<ArrayIter*>(alloc_instance(g_array_iter));
  if (!it) return {};
  it->array = arr(self);
  it->index = 0;
  return it;
}

Value array_iter_next(Value self) {
  auto* it = self.as<ArrayIter>();
  if (!it->array) return {};
  if (it->index < it->array->length) return get_item_value(it->array, it->index++);
  it->array = nullptr;
  return {};
}

Value array_iter_self(Value self) { return self; }

Value array_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ArrayIter>();
  Value iter_fn = dict_get_str(current_builtins(), intern("iter"));
  if (!iter_fn) return raise(exc::AttributeError, "iter");
  if (!it->array) return tuple_of({iter_fn, Value(tuple_of({Value(tuple_empty())}))});
  return tuple_of({iter_fn, Value(tuple_of({Value(it->array)})), int_from_i64(it->index)});
}

Value array_iter_setstate(Value self, const Value* args, size_t, Tuple*) {
  int64_t i;
  if (!arg_ssize(args[0], &i)) return {};
  auto* it = self.as<ArrayIter>();
  if (it->array) {
    if (i < 0) i = 0;
    else if (i > it->array->length) i = it->array->length;
    it->index = i;
  }
  return none();
}

Value refuse_new(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

const MethodDef kIterMethods[] = {
    {"__reduce__", array_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", array_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

// ---- the buffer protocol and _array_reconstructor ------------------------------------------------

bool array_buffer(Value v, BufferView* out) {
  if (!is_array(v)) return false;
  ArrayObject* a = arr(v);
  // 'u' (wchar_t, 4 bytes) is exported with format 'w', as CPython does.
  char format = a->descr->typecode == 'u' ? 'w' : a->descr->typecode;
  *out = BufferView{items(a), a->length * a->descr->itemsize, false, v, format};
  return true;
}

void array_exports(Value v, int delta) { arr(v)->exports += delta; }

struct MachineFormat {
  int size;
  bool is_signed;
  bool big_endian;
};
const MachineFormat kMachineFormats[22] = {
    {1, false, false}, {1, true, false}, {2, false, false}, {2, false, true}, {2, true, false},
    {2, true, true},   {4, false, false}, {4, false, true}, {4, true, false}, {4, true, true},
    {8, false, false}, {8, false, true}, {8, true, false}, {8, true, true},  {4, false, false},
    {4, false, true},  {8, false, false}, {8, false, true}, {4, false, false}, {4, false, true},
    {8, false, false}, {8, false, true},   // sic: CPython 3.11's sizes for the UTF codes
};

uint64_t load(const uint8_t* p, int size, bool big) {
  uint64_t x = 0;
  for (int i = 0; i < size; i++) x |= uint64_t(p[big ? size - 1 - i : i]) << (8 * i);
  return x;
}

Value reconstructor(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_array_reconstructor", nargs, 4, 4)) return {};
  Value arraytype = args[0], tc = args[1], mcode_v = args[2], data = args[3];
  if (!arraytype.is_object() || !type_of(arraytype)->has_flag(TypeFlag::kTypeSubclass))
    return raisef(exc::TypeError, "first argument must be a type object, not %s", type_name(arraytype).c_str());
  Type* t = arraytype.as<Type>();
  if (issubclass_full(t, g_array) != 1)
    return raisef(exc::TypeError, "%s is not a subtype of array.array", type_name_of(t).c_str());
  if (!is_str(tc) || str_to_u32(tc.as<Str>()).size() != 1)
    return raisef(exc::TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                  type_name(tc).c_str());
  uint32_t c = uint32_t(str_to_u32(tc.as<Str>())[0]);
  int mcode;
  if (!arg_int(mcode_v, &mcode)) return {};
  const Descr* d = find_descr(c);
  if (!d) return raise(exc::ValueError, "second argument must be a valid type code");
  if (mcode < 0 || mcode > 21) return raise(exc::ValueError, "third argument must be a valid machine format code.");
  if (!is_bytes(data))
    return raisef(exc::TypeError, "fourth argument should be bytes, not %s", type_name(data).c_str());
  if (mcode == d->mformat) return make_array_from(t, c, data);
  const MachineFormat& mf = kMachineFormats[mcode];
  Bytes* b = data.as<Bytes>();
  if (b->length % mf.size) return raise(exc::ValueError, "string length not a multiple of item size");
  int64_t n = b->length / mf.size;
  Value converted;
  if (mcode >= 18) {   // UTF-16 / UTF-32, through the codecs
    static const char* const kCodecs[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
    Value codec = intern(kCodecs[mcode - 18]);
    converted = call_method(data, intern("decode"), &codec, 1);
    if (!converted) return {};
  } else {
    List* l = list_new();
    if (!l) return {};
    for (int64_t i = 0; i < n; i++) {
      uint64_t x = load(b->data() + i * mf.size, mf.size, mf.big_endian);
      Value v;
      if (mcode >= 14) {
        if (mf.size == 4) {
          uint32_t bits = uint32_t(x);
          float f;
          std::memcpy(&f, &bits, 4);
          v = float_new(double(f));
        } else {
          double dd;
          std::memcpy(&dd, &x, 8);
          v = float_new(dd);
        }
      } else if (mf.is_signed) {
        int shift = 64 - 8 * mf.size;
        v = int_from_i64(int64_t(x << shift) >> shift);
      } else {
        v = int_from_u64(x);
      }
      if (!v || !list_append(l, v)) return {};
    }
    converted = l;
    if (mcode < 14) {
      for (const Descr* e = kDescrs; e->typecode; e++)
        if (e->is_integer && e->itemsize == mf.size && e->is_signed == mf.is_signed) c = uint32_t(e->typecode);
    }
  }
  return make_array_from(t, c, converted);
}

const MethodDef kFunctions[] = {
    {"_array_reconstructor", reconstructor, MethodFlag::kVarArgs, "Internal. Used for pickling support."},
    {nullptr, nullptr, 0},
};

template <class T>
gc::LayoutId layout_for(const char* name, TraceFn trace) {
  gc::LayoutInfo info;
  info.name = name;
  info.trace = trace;
  info.fixed_size = sizeof(T);
  return gc::register_layout(info);
}

void make_types() {
  {
    TypeSpec spec;
    spec.name = "array";
    spec.module = "array";
    spec.layout = layout_for<ArrayObject>("array.array", trace_array);
    spec.instance_size = sizeof(ArrayObject);
    spec.flags = TypeFlag::kBaseType | TypeFlag::kWeakrefable;
    spec.trace = trace_array;
    spec.slots.new_ = array_new;
    spec.slots.repr = array_repr;
    spec.slots.len = array_len;
    spec.slots.getitem = array_getitem;
    spec.slots.setitem = array_setitem;
    spec.slots.contains = array_contains;
    spec.slots.iter = array_iter;
    spec.slots.compare = array_compare;
    spec.slots.binary[int(BinaryOp::kAdd)] = array_concat;
    spec.slots.binary[int(BinaryOp::kMul)] = array_repeat;
    spec.slots.inplace[int(BinaryOp::kAdd)] = array_inplace_concat;
    spec.slots.inplace[int(BinaryOp::kMul)] = array_inplace_repeat;
    spec.methods = kArrayMethods;
    spec.getsets = kArrayGetSets;
    spec.doc = "array(typecode [, initializer]) -> array\n\n"
               "An array of numbers or characters of one machine type, given by the typecode: "
               "b B u h H i I l L q Q f d.";
    make_builtin_type(&g_array, spec);
    g_array->flags |= TypeFlag::kSequence;  // matched by sequence patterns
  }
  {
    TypeSpec spec;
    spec.name = "arrayiterator";
    spec.module = "array";
    spec.layout = layout_for<ArrayIter>("array.arrayiterator", trace_array_iter);
    spec.instance_size = sizeof(ArrayIter);
    spec.trace = trace_array_iter;
    spec.slots.new_ = refuse_new;
    spec.slots.iter = array_iter_self;
    spec.slots.next = array_iter_next;
    spec.methods = kIterMethods;
    make_builtin_type(&g_array_iter, spec);
  }
  register_buffer_exporter(array_buffer, array_exports);
}

}  // namespace

Module* make_array_module() {
  if (!g_array) make_types();
  Module* m = module_new(intern("array"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Efficient arrays of basic values: characters, integers and floats."));
  dict_set_str(m->dict, intern("array"), g_array);
  dict_set_str(m->dict, intern("ArrayType"), g_array);
  dict_set_str(m->dict, intern("typecodes"), intern("bBuhHiIlLqQfd"));
  for (const MethodDef* def = kFunctions; def->name; def++) {
    Value f = new_builtin_function(def, m, intern("array"));
    dict_set_str(m->dict, intern(def->name), f);
    if (!g_reconstructor_obj) {
      g_reconstructor_obj = f.as<Object>();
      g_reconstructor = f;
      gc::add_root(reinterpret_cast<void**>(&g_reconstructor_obj));
    }
  }
  // As CPython's module init: array is a registered collections.abc.MutableSequence.
  Value abc = import_module_level(intern("collections.abc"), none(),
                                  tuple_of({Value(intern("MutableSequence"))}), 0);
  if (!abc) return nullptr;
  Value mutable_sequence = get_attr(abc, intern("MutableSequence"));
  if (!mutable_sequence) return nullptr;
  Value arg = g_array;
  if (!call_method(mutable_sequence, intern("register"), &arg, 1)) return nullptr;
  return m;
}

}  // namespace pyrite::python
