// memoryview, the basic form: one-dimensional views with format 'B' and
// itemsize 1 over bytes, bytearray, another memoryview or a registered
// exporter (array.array, in its own format), plus casts to the native
// integer formats and 'f'/'d', whose items can be read and assigned but not
// sliced into (docs/objects.md, "str, bytes, bytearray, memoryview"). A view
// records its exporter, a byte offset, an item count and a step; a view of
// a bytearray or an exporter that counts them is an export, which freezes
// the exporter's size until release().
#include <cstring>
#include <string>

#include "python/objects/bytes.h"
#include "python/objects/str_methods.h"

#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

void trace_memoryview(void* obj, gc::Visitor& v) {
  auto* m = static_cast<MemoryView*>(obj);
  v.visit(m->type);
  visit_value(v, m->obj);
}

void release(MemoryView* m);

// A view of a bytearray that dies unreleased gives its export back here
// (CPython releases on deallocation; Pyrite's collector finalizes it).
void finalize_memoryview(void* obj) { release(static_cast<MemoryView*>(obj)); }

gc::LayoutId register_memoryview_layout() {
  gc::LayoutInfo info;
  info.name = "memoryview";
  info.trace = trace_memoryview;
  info.fixed_size = sizeof(MemoryView);
  info.finalize = finalize_memoryview;
  return gc::register_layout(info);
}

MemoryView* mv(Value self) { return self.as<MemoryView>(); }

bool check_live(MemoryView* m) {
  if (m->released) {
    raise(exc::ValueError, "operation forbidden on released memoryview object");
    return false;
  }
  return true;
}

// The exporter's bytes (base pointer; the view adds start and step).
uint8_t* base_of(MemoryView* m) {
  if (is_bytearray(m->obj)) return m->obj.as<ByteArray>()->data();
  if (is_bytes(m->obj)) return m->obj.as<Bytes>()->data();
  BufferView other;   // a registered exporter (array.array): its current memory
  get_buffer(m->obj, &other);
  return const_cast<uint8_t*>(other.data);
}

uint8_t* item_ptr(MemoryView* m, int64_t i) { return base_of(m) + m->start + i * m->step; }

int64_t item_size(const MemoryView* m) { return m->itemsize ? m->itemsize : 1; }

std::string contents(MemoryView* m) {
  int64_t isz = item_size(m);
  std::string out(size_t(m->length * isz), '\0');
  for (int64_t i = 0; i < m->length; i++) memcpy(&out[size_t(i * isz)], item_ptr(m, i), size_t(isz));
  return out;
}

char fmt(const MemoryView* m) { return m->format ? m->format : 'B'; }

// The native size of the integer formats a view may be cast to (0: none).
int wide_format_size(char f) {
  switch (f) {
    case 'h': case 'H': return 2;
    case 'i': case 'I': return 4;
    case 'w': return 4;   // array('u')'s UCS-4 items: bytes only (struct has no 'w')
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': return 8;
    case 'f': return 4;
    case 'd': return 8;
  }
  return 0;
}

// Item i of a view of a multi-byte integer format, as an int.
Value wide_item(MemoryView* m, int64_t i) {
  if (fmt(m) == 'w') return raise(exc::NotImplementedError, "memoryview: format w not supported");
  const uint8_t* p = item_ptr(m, i);
  switch (fmt(m)) {
    case 'h': { int16_t x; memcpy(&x, p, 2); return Value::small(x); }
    case 'H': { uint16_t x; memcpy(&x, p, 2); return Value::small(x); }
    case 'i': { int32_t x; memcpy(&x, p, 4); return Value::small(x); }
    case 'I': { uint32_t x; memcpy(&x, p, 4); return Value::small(x); }
    case 'l': case 'q': case 'n': { int64_t x; memcpy(&x, p, 8); return int_from_i64(x); }
    case 'f': { float x; memcpy(&x, p, 4); return float_new(double(x)); }
    case 'd': { double x; memcpy(&x, p, 8); return float_new(x); }
    default: { uint64_t x; memcpy(&x, p, 8); return int_from_u64(x); }
  }
}

// pack_single for the multi-byte formats: an integer through __index__ in
// the format's range, or a float (CPython's messages).
bool pack_wide(MemoryView* m, Value v, uint8_t* out) {
  char f = fmt(m);
  if (f == 'w') {
    raise(exc::NotImplementedError, "memoryview: format w not supported");
    return false;
  }
  if (f == 'f' || f == 'd') {
    double d;
    if (!float_as_double(v, &d)) {
      clear_error();
      raisef(exc::TypeError, "memoryview: invalid type for format '%c'", f);
      return false;
    }
    if (f == 'f') {
      float x = float(d);
      memcpy(out, &x, 4);
    } else {
      memcpy(out, &d, 8);
    }
    return true;
  }
  Value i = (is_int(v) || type_of(v)->slots.index) ? index(v) : Value();
  if (!i) {
    if (has_error() && !error_matches(exc::TypeError)) return false;
    clear_error();
    raisef(exc::TypeError, "memoryview: invalid type for format '%c'", f);
    return false;
  }
  bool is_signed = f == 'h' || f == 'i' || f == 'l' || f == 'q' || f == 'n';
  int size = wide_format_size(f);
  auto x = int_to_i64(i);
  bool ok;
  uint64_t bits = 0;
  if (is_signed) {
    int64_t lo = size == 8 ? INT64_MIN : -(int64_t(1) << (8 * size - 1));
    int64_t hi = size == 8 ? INT64_MAX : (int64_t(1) << (8 * size - 1)) - 1;
    ok = x && *x >= lo && *x <= hi;
    if (ok) bits = uint64_t(*x);
  } else if (x) {
    ok = *x >= 0 && (size == 8 || *x < (int64_t(1) << (8 * size)));
    if (ok) bits = uint64_t(*x);
  } else {
    // Past int64: only an 8-byte unsigned format may still hold it.
    mpz_t scratch;
    mpz_init(scratch);
    mpz_srcptr z = int_as_mpz(i, scratch);
    ok = size == 8 && mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64;
    if (ok) bits = mpz_get_ui(z);
    mpz_clear(scratch);
  }
  if (!ok) {
    raisef(exc::ValueError, "memoryview: invalid value for format '%c'", f);
    return false;
  }
  memcpy(out, &bits, size_t(size));
  return true;
}

// One item as Python sees it: an int for 'B'/'b', a 1-byte bytes for 'c'.
Value item_value(const MemoryView* m, uint8_t byte) {
  switch (fmt(m)) {
    case 'b': return Value::small(int8_t(byte));
    case 'c': return bytes_from(&byte, 1);
    default: return Value::small(byte);
  }
}

MemoryView* new_view(Value exporter_obj, int64_t start, int64_t length, int64_t step, bool readonly,
                     char format = 'B') {
  auto* m = allocate<MemoryView>(kMemoryViewLayout, types::memoryview);
  m->format = format;
  m->itemsize = uint8_t(wide_format_size(format) ? wide_format_size(format) : 1);
  m->obj = exporter_obj;
  m->start = start;
  m->length = length;
  m->step = step;
  m->readonly = readonly;
  m->hash = -1;
  if (is_bytearray(exporter_obj)) {
    exporter_obj.as<ByteArray>()->exports++;
    gc::Heap::current()->register_finalizer(m);
  } else if (!is_bytes(exporter_obj)) {   // a registered exporter (array.array)
    buffer_exports(exporter_obj, +1);
    gc::Heap::current()->register_finalizer(m);
  }
  return m;
}

void release(MemoryView* m) {
  if (m->released) return;
  m->released = true;
  if (m->obj && is_bytearray(m->obj)) m->obj.as<ByteArray>()->exports--;
  else if (m->obj && !is_bytes(m->obj)) buffer_exports(m->obj, -1);
}

// ---- slots ----

Value mv_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"object", nullptr};
  Value obj;
  if (!parse_args(ArgSpec{"memoryview", kParams, 1, 0}, args, nargs, kwnames, {&obj})) return {};
  if (is_memoryview(obj)) {
    MemoryView* src = mv(obj);
    if (!check_live(src)) return {};
    return new_view(src->obj, src->start, src->length, src->step, src->readonly, fmt(src));
  }
  if (is_bytes(obj)) return new_view(obj, 0, obj.as<Bytes>()->length, 1, true);
  if (is_bytearray(obj)) return new_view(obj, 0, obj.as<ByteArray>()->length, 1, false);
  BufferView other;
  if (get_buffer(obj, &other)) {   // a registered exporter, in its own format
    char f = other.format;
    int isz = (f == 'B' || f == 'b' || f == 'c') ? 1 : wide_format_size(f);
    if (!isz)
      return raisef(exc::NotImplementedError, "memoryview: Pyrite cannot view buffers of format '%c'", f);
    return new_view(obj, 0, other.length / isz, isz, other.readonly, f);
  }
  return raisef(exc::TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(obj).c_str());
}

Value mv_repr(Value self) {
  MemoryView* m = mv(self);
  return str_format(m->released ? "<released memory at %p>" : "<memory at %p>", static_cast<void*>(m));
}

int64_t mv_len(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return -1;
  return m->length;
}

Value mv_getitem(Value self, Value key) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), m->length, &start, &stop, &step);
    if (n < 0) return {};
    return new_view(m->obj, m->start + start * m->step, n, m->step * step, m->readonly, fmt(m));
  }
  if (!has_index(key)) return raise(exc::TypeError, "memoryview: invalid slice key");
  int64_t i;
  if (!index_i64(key, &i)) return {};
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) return raise(exc::IndexError, "index out of bounds on dimension 1");
  if (item_size(m) > 1) return wide_item(m, i);
  return item_value(m, *item_ptr(m, i));
}

bool mv_setitem(Value self, Value key, Value v) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return false;
  if (m->readonly) {
    raise(exc::TypeError, "cannot modify read-only memory");
    return false;
  }
  if (!v) {
    raise(exc::TypeError, "cannot delete memory");
    return false;
  }
  if (item_size(m) > 1) {
    if (is_slice(key) || !has_index(key)) {
      raise(exc::NotImplementedError, "memoryview: Pyrite cannot assign to slices of multi-byte formats");
      return false;
    }
    int64_t i;
    if (!index_i64(key, &i)) return false;
    if (i < 0) i += m->length;
    if (i < 0 || i >= m->length) {
      raise(exc::IndexError, "index out of bounds on dimension 1");
      return false;
    }
    uint8_t packed[8];
    if (!pack_wide(m, v, packed)) return false;
    memcpy(item_ptr(m, i), packed, size_t(item_size(m)));
    return true;
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), m->length, &start, &stop, &step);
    if (n < 0) return false;
    BufferView src;
    if (!get_buffer(v, &src)) {
      raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
      return false;
    }
    if (src.length != n) {
      raise(exc::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return false;
    }
    std::string copy(reinterpret_cast<const char*>(src.data), size_t(n));
    for (int64_t i = 0; i < n; i++) *item_ptr(m, start + i * step) = uint8_t(copy[size_t(i)]);
    return true;
  }
  if (!has_index(key)) {
    raise(exc::TypeError, "memoryview: invalid slice key");
    return false;
  }
  int64_t i;
  if (!index_i64(key, &i)) return false;
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) {
    raise(exc::IndexError, "index out of bounds on dimension 1");
    return false;
  }
  char f = fmt(m);
  if (f == 'c') {
    if (!is_bytes(v) && !is_bytearray(v)) {
      raise(exc::TypeError, "memoryview: invalid type for format 'c'");
      return false;
    }
    BufferView one;
    get_buffer(v, &one);
    if (one.length != 1) {
      raise(exc::ValueError, "memoryview: invalid value for format 'c'");
      return false;
    }
    *item_ptr(m, i) = one.data[0];
    return true;
  }
  if (!is_int(v)) {
    raisef(exc::TypeError, "memoryview: invalid type for format '%c'", f);
    return false;
  }
  auto b = int_to_i64(v);
  int64_t lo = f == 'b' ? -128 : 0, hi = f == 'b' ? 127 : 255;
  if (!b || *b < lo || *b > hi) {
    raisef(exc::ValueError, "memoryview: invalid value for format '%c'", f);
    return false;
  }
  *item_ptr(m, i) = uint8_t(*b);
  return true;
}

Value mv_compare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return not_implemented();
  if (!is_memoryview(a)) std::swap(a, b);
  MemoryView* m = mv(a);
  // (not for float formats: a NaN item makes a view unequal to itself)
  if (a.is(b) && fmt(m) != 'f' && fmt(m) != 'd' && fmt(m) != 'w') return py_bool(op == CompareOp::kEq);
  if (m->released) return py_bool(op == CompareOp::kNe);
  if (item_size(m) > 1 || (is_memoryview(b) && item_size(mv(b)) > 1)) {
    // Multi-byte formats compare item by item, by value.
    bool temporary = false;
    if (!is_memoryview(b)) {
      BufferView view;
      if (!get_buffer(b, &view)) return not_implemented();
      char f = view.format;
      int isz = (f == 'B' || f == 'b' || f == 'c') ? 1 : wide_format_size(f);
      if (!isz) return not_implemented();
      b = new_view(b, 0, view.length / isz, isz, true, f);
      temporary = true;
    }
    MemoryView* n = mv(b);
    if (n->released) return py_bool(op == CompareOp::kNe);
    // A 'w' view has no item values (struct cannot unpack it): never equal, as CPython.
    bool eq = m->length == n->length && fmt(m) != 'w' && fmt(n) != 'w';
    for (int64_t i = 0; eq && i < m->length; i++) {
      Value x = item_size(m) > 1 ? wide_item(m, i) : item_value(m, *item_ptr(m, i));
      Value y = item_size(n) > 1 ? wide_item(n, i) : item_value(n, *item_ptr(n, i));
      int r = equal(x, y);
      if (r < 0) {
        if (temporary) release(n);
        return {};
      }
      eq = r != 0;
    }
    if (temporary) release(n);   // as CPython releases its temporary buffer
    return py_bool(eq == (op == CompareOp::kEq));
  }
  std::string x = contents(m), y;
  char fx = fmt(m), fy = 'B';
  if (is_memoryview(b)) {
    if (mv(b)->released) return py_bool(op == CompareOp::kNe);
    y = contents(mv(b));
    fy = fmt(mv(b));
  } else {
    BufferView view;
    if (!get_buffer(b, &view)) return not_implemented();
    y.assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
    fy = view.format;
  }
  // Items compare by value: 'c' items (bytes) never equal 'B'/'b' ints,
  // and 'b' equals 'B' only below 128.
  bool eq = x == y;
  if (eq && fx != fy) {
    if (fx == 'c' || fy == 'c') {
      eq = x.empty();
    } else {
      for (char c : x) eq = eq && static_cast<unsigned char>(c) < 128;
    }
  }
  return py_bool(eq == (op == CompareOp::kEq));
}

int64_t mv_hash(Value self) {
  MemoryView* m = mv(self);
  if (m->hash != -1) return m->hash;
  if (!check_live(m)) return -1;
  if (!m->readonly) {
    raise(exc::ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (item_size(m) > 1) {
    raise(exc::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  std::string c = contents(m);
  m->hash = hash_latin1(reinterpret_cast<const uint8_t*>(c.data()), c.size());
  return m->hash;
}

struct MemoryViewIterator : Object {
  Value view;
  int64_t index;
};

gc::LayoutId kMemoryViewIteratorLayout = 0;

void trace_mv_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<MemoryViewIterator*>(obj);
  v.visit(it->type);
  visit_value(v, it->view);
}

Value mv_iter(Value self) {
  if (!check_live(mv(self))) return {};
  auto* it = allocate<MemoryViewIterator>(kMemoryViewIteratorLayout, types::memory_iterator);
  it->view = self;
  return it;
}

Value mv_iterator_next(Value self) {
  auto* it = self.as<MemoryViewIterator>();
  if (!it->view) return {};
  MemoryView* m = mv(it->view);
  if (!check_live(m)) return {};
  if (it->index >= m->length) {
    it->view = Value();
    return {};
  }
  int64_t i = it->index++;
  if (item_size(m) > 1) return wide_item(m, i);
  return item_value(m, *item_ptr(m, i));
}

Value iter_self(Value self) { return self; }

// ---- methods and attributes ----

Value m_tobytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"order", nullptr};
  Value order;
  if (!parse_args(ArgSpec{"tobytes", kParams, 0, 0}, args, nargs, kwnames, {&order})) return {};
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return bytes_from(contents(m));
}

Value m_tolist(Value self, const Value*, size_t, Tuple*) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  List* l = list_new(m->length);
  for (int64_t i = 0; i < m->length; i++) {
    Value x = item_size(m) > 1 ? wide_item(m, i) : item_value(m, *item_ptr(m, i));
    if (!x || !list_append(l, x)) return {};
  }
  return l;
}

Value m_hex(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  std::string c = contents(m);
  return bytes_hex_of(reinterpret_cast<const uint8_t*>(c.data()), int64_t(c.size()), args, nargs, kwnames);
}

Value m_release(Value self, const Value*, size_t, Tuple*) {
  release(mv(self));
  return none();
}

Value m_enter(Value self, const Value*, size_t, Tuple*) {
  if (!check_live(mv(self))) return {};
  return self;
}

Value m_exit(Value self, const Value*, size_t, Tuple*) {
  release(mv(self));
  return none();
}

Value m_toreadonly(Value self, const Value*, size_t, Tuple*) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return new_view(m->obj, m->start, m->length, m->step, true, fmt(m));
}

// cast(format[, shape]) between the one-byte formats B, b and c.
Value m_cast(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"format", "shape", nullptr};
  Value format, shape;
  if (!parse_args(ArgSpec{"cast", kParams, 1, 0}, args, nargs, kwnames, {&format, &shape})) return {};
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  if (!is_str(format)) {
    return raisef(exc::TypeError, "cast() argument 'format' must be str, not %s", type_name(format).c_str());
  }
  if (m->step != item_size(m) && m->length > 1) {
    return raise(exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  }
  std::string f = str_to_utf8(format.as<Str>());
  bool at = f.size() == 2 && f[0] == '@';
  if (at) f = f.substr(1);
  static const std::string kWide = "hHiIlLqQnNfde?P";
  if (f.size() != 1 || (f[0] != 'B' && f[0] != 'b' && f[0] != 'c' && kWide.find(f[0]) == std::string::npos)) {
    return raise(exc::ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an "
                 "optional '@'");
  }
  int wide = wide_format_size(f[0]);
  if (kWide.find(f[0]) != std::string::npos && f[0] != '?' && !wide) {
    return raise(exc::NotImplementedError,
                 "memoryview: Pyrite casts only to the one-byte formats B, b, c and the native integer formats");
  }
  if (f[0] == '?') f = "B";
  if (wide && item_size(m) > 1) return raise(exc::TypeError, "memoryview: cannot cast between two non-byte formats");
  int64_t nbytes = m->length * item_size(m);
  int64_t isz = wide ? wide : 1;
  if (nbytes % isz != 0) return raise(exc::TypeError, "memoryview: length is not a multiple of itemsize");
  int64_t length = nbytes / isz;
  if (shape && !is_none(shape)) {
    bool ok = (is_tuple(shape) && shape.as<Tuple>()->length == 1 && shape.as<Tuple>()->at(0) == Value::small(length));
    if (!ok) return raise(exc::NotImplementedError, "memoryview: Pyrite casts only to one-dimensional shapes");
  }
  MemoryView* r = new_view(m->obj, m->start, length, isz, m->readonly, f[0]);
  r->format_at = at;
  return r;
}

Value g_obj(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return m->obj;
}
Value g_nbytes(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return Value::small(m->length * item_size(m));
}
Value g_readonly(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return py_bool(m->readonly);
}
Value g_itemsize(Value self) {
  if (!check_live(mv(self))) return {};
  return Value::small(item_size(mv(self)));
}
Value g_format(Value self) {
  if (!check_live(mv(self))) return {};
  char f[2] = {'@', fmt(mv(self))};
  return mv(self)->format_at ? str_from_ascii(std::string_view(f, 2)) : str_from_ascii(std::string_view(f + 1, 1));
}
Value g_ndim(Value self) {
  if (!check_live(mv(self))) return {};
  return Value::small(1);
}
Value g_shape(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return tuple_of({Value::small(m->length)});
}
Value g_strides(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return tuple_of({Value::small(m->step)});
}
Value g_contiguous(Value self) {
  MemoryView* m = mv(self);
  if (!check_live(m)) return {};
  return py_bool(m->step == 1 || m->length <= 1);
}
Value g_suboffsets(Value self) {
  if (!check_live(mv(self))) return {};
  return tuple_empty();
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes", m_tobytes, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Return the data in the buffer as a byte string."},
    {"tolist", m_tolist, MethodFlag::kNoArgs, "Return the data in the buffer as a list of elements."},
    {"hex", m_hex, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release", m_release, MethodFlag::kNoArgs, "Release the underlying buffer exposed by the memoryview object."},
    {"toreadonly", m_toreadonly, MethodFlag::kNoArgs, "Return a readonly version of the memoryview."},
    {"cast", m_cast, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Cast a memoryview to a new format or shape."},
    {"__enter__", m_enter, MethodFlag::kNoArgs, nullptr},
    {"__exit__", m_exit, MethodFlag::kVarArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kMemoryViewGetSets[] = {
    {"obj", g_obj, nullptr, "The underlying object of the memoryview."},
    {"nbytes", g_nbytes, nullptr, "The amount of space in bytes that the array would use in\n a contiguous representation."},
    {"readonly", g_readonly, nullptr, "A bool indicating whether the memory is read only."},
    {"itemsize", g_itemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", g_format, nullptr, "A string containing the format (in struct module style)\n for each element in the view."},
    {"ndim", g_ndim, nullptr, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."},
    {"shape", g_shape, nullptr, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."},
    {"strides", g_strides, nullptr, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."},
    {"suboffsets", g_suboffsets, nullptr, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", g_contiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", g_contiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", g_contiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {nullptr, nullptr},
};

}  // namespace

gc::LayoutId kMemoryViewLayout = register_memoryview_layout();

void init_memoryview() {
  TypeSpec spec;
  spec.name = "memoryview";
  spec.layout = kMemoryViewLayout;
  spec.instance_size = sizeof(MemoryView);
  spec.trace = trace_memoryview;
  spec.slots.repr = mv_repr;
  spec.slots.new_ = mv_new;
  spec.slots.len = mv_len;
  spec.slots.getitem = mv_getitem;
  spec.slots.setitem = mv_setitem;
  spec.slots.compare = mv_compare;
  spec.slots.hash = mv_hash;
  spec.slots.iter = mv_iter;
  spec.methods = kMemoryViewMethods;
  spec.getsets = kMemoryViewGetSets;
  spec.doc = "Create a new memoryview object which references the given object.";
  make_builtin_type(&types::memoryview, spec);

  kMemoryViewIteratorLayout =
      register_object_layout("memory_iterator", sizeof(MemoryViewIterator), trace_mv_iterator);
  TypeSpec it;
  it.name = "memory_iterator";
  it.layout = kMemoryViewIteratorLayout;
  it.instance_size = sizeof(MemoryViewIterator);
  it.trace = trace_mv_iterator;
  it.slots.iter = iter_self;
  it.slots.next = mv_iterator_next;
  make_builtin_type(&types::memory_iterator, it);
}

}  // namespace pyrite::python
