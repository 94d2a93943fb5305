// bytearray: a mutable byte string over a separately allocated, growable buffer
// (docs/objects.md, "str, bytes, bytearray, memoryview"). The read-only methods
// are bytes.cpp's shared table; this file adds the mutators, item and slice
// assignment and the in-place operators.
//
// Invariant: buffer is null or holds capacity >= length bytes; while
// memoryviews export the bytearray (exports > 0) its size cannot change,
// so their pointers into the buffer stay valid.
#include <cstring>
#include <string>
#include <vector>

#include "python/interp/pyrun.h"
#include "python/objects/bytes.h"
#include "python/objects/str_methods.h"

#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

void trace_bytearray(void* obj, gc::Visitor& v) {
  auto* a = static_cast<ByteArray*>(obj);
  v.visit(a->type);
  v.visit(a->buffer);
}

void trace_buffer(void* obj, gc::Visitor& v) { v.visit(static_cast<ByteBuffer*>(obj)->type); }
size_t size_buffer(const void* obj) {
  return sizeof(ByteBuffer) + size_t(static_cast<const ByteBuffer*>(obj)->capacity);
}

gc::LayoutId register_buffer_layout() {
  gc::LayoutInfo info;
  info.name = "bytearray buffer";
  info.trace = trace_buffer;
  info.size = size_buffer;
  return gc::register_layout(info);
}

gc::LayoutId kBufferLayout = register_buffer_layout();

gc::LayoutId register_bytearray_layout() {
  gc::LayoutInfo info;
  info.name = "bytearray";
  info.trace = trace_bytearray;
  info.fixed_size = sizeof(ByteArray);
  return gc::register_layout(info);
}

ByteArray* self_ba(Value self) { return self.as<ByteArray>(); }

}  // namespace

gc::LayoutId kByteArrayLayout = register_bytearray_layout();

namespace {

// True if `a` may change size. Views that died without release() still
// count as exports until the collector finalizes them, so a resize that
// meets exports first collects (rare: only bytearrays that were viewed).
bool check_no_exports(ByteArray* a) {
  if (a->exports == 0) return true;
  gc::Heap::current()->collect();
  run_gc_hooks();
  if (a->exports == 0) return true;
  raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

}  // namespace

bool bytearray_resize(ByteArray* a, int64_t n) {
  if (n == a->length) return true;
  if (!check_no_exports(a)) return false;
  if (n < 0 || uint64_t(n) > gc::kMaxObjectSize) {
    raise_memory_error();
    return false;
  }
  int64_t cap = a->buffer ? a->buffer->capacity : 0;
  if (n > cap) {
    int64_t want = n + (n >> 3) + (n < 9 ? 3 : 6);
    if (a->length == 0 && n > 16) want = n;  // a fresh fill: exact
    auto* b = try_allocate<ByteBuffer>(kBufferLayout, nullptr, sizeof(ByteBuffer) + size_t(want));
    if (!b) {
      raise_memory_error();
      return false;
    }
    b->capacity = want;
    if (a->length) memcpy(b->data(), a->buffer->data(), size_t(a->length));
    a->buffer = b;
  }
  a->length = n;
  return true;
}

ByteArray* bytearray_new(const void* p, size_t n) {
  auto* a = allocate<ByteArray>(kByteArrayLayout, types::bytearray);
  if (n) {
    if (!bytearray_resize(a, int64_t(n))) return nullptr;
    memcpy(a->data(), p, n);
  }
  return a;
}

namespace {

bool set_contents(ByteArray* a, const void* p, size_t n) {
  // p may point into a's own buffer (a[0:0] = a): copy first.
  std::string copy(static_cast<const char*>(p), n);
  if (!bytearray_resize(a, int64_t(n))) return false;
  if (n) memcpy(a->data(), copy.data(), n);
  return true;
}

// Replace a[start:stop] (step 1) with `data`.
bool replace_range(ByteArray* a, int64_t start, int64_t stop, std::string_view data) {
  std::string repl(data);  // data may alias a's buffer
  // Indices computed before Python code ran may be past a shrunk array.
  if (stop > a->length) stop = a->length;
  if (start > stop) start = stop;
  int64_t old_len = a->length;
  int64_t delta = int64_t(repl.size()) - (stop - start);
  if (delta != 0) {
    if (!check_no_exports(a)) return false;
    std::string tail(reinterpret_cast<const char*>(a->data() + stop), size_t(old_len - stop));
    if (!bytearray_resize(a, old_len + delta)) return false;
    if (!tail.empty()) memcpy(a->data() + start + int64_t(repl.size()), tail.data(), tail.size());
  }
  if (!repl.empty()) memcpy(a->data() + start, repl.data(), repl.size());
  return true;
}

bool byte_value(Value v, uint8_t* out) {
  Value i = index(v);
  if (!i) return false;
  auto small = int_to_i64(i);
  int64_t b = small ? *small : -1;
  if (b < 0 || b > 255) {
    raise(exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = uint8_t(b);
  return true;
}

// The contents of an iterable of ints or a buffer, for extend and slice
// assignment.
bool collect_for_assign(Value v, std::string* out, bool for_extend) {
  BufferView view;
  if (get_buffer(v, &view)) {
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
    return true;
  }
  if (is_str(v) && !for_extend) {
    raise(exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  Value it = get_iter(v);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      if (for_extend) {
        raisef(exc::TypeError, "can't extend bytearray with %s", type_name(v).c_str());
      } else {
        raise(exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      }
    }
    return false;
  }
  for (;;) {
    Value x = iter_next(it);
    if (!x) return !has_error();
    uint8_t b;
    if (!byte_value(x, &b)) return false;
    out->push_back(char(b));
  }
}

// ---- methods ----

Value ba_append(Value self, const Value* args, size_t, Tuple*) {
  ByteArray* a = self_ba(self);
  uint8_t b;
  if (!byte_value(args[0], &b)) return {};
  if (!bytearray_resize(a, a->length + 1)) return {};
  a->data()[a->length - 1] = b;
  return none();
}

Value ba_extend(Value self, const Value* args, size_t, Tuple*) {
  ByteArray* a = self_ba(self);
  std::string data;
  if (!collect_for_assign(args[0], &data, true)) return {};
  if (!replace_range(a, a->length, a->length, data)) return {};
  return none();
}

Value ba_insert(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("insert", nargs, 2, 2)) return {};
  ByteArray* a = self_ba(self);
  int64_t i;
  if (!ssize_arg(args[0], &i)) return {};
  uint8_t b;
  if (!byte_value(args[1], &b)) return {};
  if (i < 0) {
    i += a->length;
    if (i < 0) i = 0;
  }
  if (i > a->length) i = a->length;
  char c = char(b);
  if (!replace_range(a, i, i, std::string_view(&c, 1))) return {};
  return none();
}

Value ba_pop(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("pop", nargs, 0, 1)) return {};
  ByteArray* a = self_ba(self);
  int64_t i = -1;
  if (nargs == 1 && !ssize_arg(args[0], &i)) return {};
  if (a->length == 0) return raise(exc::IndexError, "pop from empty bytearray");
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) return raise(exc::IndexError, "pop index out of range");
  uint8_t b = a->data()[i];
  if (!replace_range(a, i, i + 1, {})) return {};
  return Value::small(b);
}

Value ba_remove(Value self, const Value* args, size_t, Tuple*) {
  ByteArray* a = self_ba(self);
  uint8_t b;
  if (!byte_value(args[0], &b)) return {};
  for (int64_t i = 0; i < a->length; i++) {
    if (a->data()[i] == b) {
      if (!replace_range(a, i, i + 1, {})) return {};
      return none();
    }
  }
  return raise(exc::ValueError, "value not found in bytearray");
}

Value ba_reverse(Value self, const Value*, size_t, Tuple*) {
  ByteArray* a = self_ba(self);
  for (int64_t i = 0, j = a->length - 1; i < j; i++, j--) {
    uint8_t t = a->data()[i];
    a->data()[i] = a->data()[j];
    a->data()[j] = t;
  }
  return none();
}

Value ba_clear(Value self, const Value*, size_t, Tuple*) {
  if (!bytearray_resize(self_ba(self), 0)) return {};
  return none();
}

Value ba_copy(Value self, const Value*, size_t, Tuple*) {
  ByteArray* a = self_ba(self);
  return bytearray_new(a->data(), size_t(a->length));
}

Value ba_alloc(Value self, const Value*, size_t, Tuple*) {
  ByteArray* a = self_ba(self);
  return Value::small(a->buffer ? a->buffer->capacity + 1 : 0);
}

// CPython's _common_reduce: (type, args, state), the state from
// __getstate__ (the dict and, with __slots__, the slot values); args
// empty for an empty bytearray, (latin-1 str, 'latin-1') below protocol 3
// (Python 2 compatible), (bytes,) from 3 on.
Value ba_common_reduce(Value self, int64_t proto) {
  Value state = call_method(self, intern("__getstate__"), nullptr, 0);
  if (!state) return {};
  ByteArray* a = self_ba(self);
  Tuple* args;
  if (a->length == 0) {
    args = tuple_empty();
  } else if (proto < 3) {
    Str* latin1 = str_from_latin1(a->data(), size_t(a->length));
    if (!latin1) return {};
    args = tuple_of({Value(latin1), Value(intern("latin-1"))});
  } else {
    Value b = bytes_from(a->data(), size_t(a->length));
    if (!b) return {};
    args = tuple_of({b});
  }
  return tuple_of({Value(type_of(self)), args, state});
}

Value ba_reduce(Value self, const Value*, size_t, Tuple*) { return ba_common_reduce(self, 2); }

Value ba_reduce_ex(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__reduce_ex__", nargs, 0, 1)) return {};
  int proto = 0;
  if (nargs && !arg_int(args[0], &proto)) return {};
  return ba_common_reduce(self, proto);
}

const MethodDef kByteArrayOwnMethods[] = {
    {"append", ba_append, MethodFlag::kOneArg, "Append a single item to the end of the bytearray."},
    {"extend", ba_extend, MethodFlag::kOneArg, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", ba_insert, MethodFlag::kVarArgs, "Insert a single item into the bytearray before the given index."},
    {"pop", ba_pop, MethodFlag::kVarArgs, "Remove and return a single item from B."},
    {"remove", ba_remove, MethodFlag::kOneArg, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", ba_reverse, MethodFlag::kNoArgs, "Reverse the order of the values in B in place."},
    {"clear", ba_clear, MethodFlag::kNoArgs, "Remove all items from the bytearray."},
    {"copy", ba_copy, MethodFlag::kNoArgs, "Return a copy of B."},
    {"__alloc__", ba_alloc, MethodFlag::kNoArgs, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__reduce__", ba_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__reduce_ex__", ba_reduce_ex, MethodFlag::kVarArgs, "Return state information for pickling."},
};

std::vector<MethodDef>& ba_methods() {
  static std::vector<MethodDef> t;
  return t;
}

// ---- slots ----

// CPython's bytearray repr differs from bytes' in one detail: a ' is
// escaped even inside double quotes (bytearray(b"\'")).
Value ba_repr(Value self) {
  ByteArray* a = self_ba(self);
  const uint8_t* p = a->data();
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < a->length; i++) {
    has_single |= p[i] == '\'';
    has_double |= p[i] == '"';
  }
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out = type_name(self) + "(b";
  out.push_back(quote);
  for (int64_t i = 0; i < a->length; i++) {
    uint8_t c = p[i];
    if (c == '\'' || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(char(c));
    }
  }
  out.push_back(quote);
  out.push_back(')');
  return str_from_utf8(out);
}

int64_t ba_len(Value self) { return self_ba(self)->length; }

Value ba_getitem(Value self, Value key) { return bytes_getitem_any(self, key, "bytearray"); }

bool ba_setitem(Value self, Value key, Value v) {
  ByteArray* a = self_ba(self);
  if (is_slice(key)) {
    // The new contents first: collecting them may run Python code that
    // resizes `a`, so the indices are computed afterwards.
    std::string data;
    if (v && !collect_for_assign(v, &data, false)) return false;
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), a->length, &start, &stop, &step);
    if (n < 0) return false;
    if (step != 1 && (start < 0 || start >= a->length || start + (n - 1) * step < 0 ||
                      start + (n - 1) * step >= a->length) && n > 0) {
      raise(exc::IndexError, "bytearray index out of range");  // resized by __index__
      return false;
    }
    if (step == 1) {
      if (stop < start) stop = start;
      return replace_range(a, start, stop, data);
    }
    if (!v || data.empty()) {  // del a[::k]; as CPython, a[::k] = b"" deletes too
      if (n == 0) return true;
      std::string keep;
      std::vector<bool> drop(size_t(a->length), false);
      for (int64_t i = 0, j = start; i < n; i++, j += step) drop[size_t(j)] = true;
      for (int64_t i = 0; i < a->length; i++) {
        if (!drop[size_t(i)]) keep.push_back(char(a->data()[i]));
      }
      return set_contents(a, keep.data(), keep.size());
    }
    if (int64_t(data.size()) != n) {
      raisef(exc::ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", data.size(),
             static_cast<long long>(n));
      return false;
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step) a->data()[j] = uint8_t(data[size_t(i)]);
    return true;
  }
  int64_t i;
  if (!has_index(key)) {
    raisef(exc::TypeError, "bytearray indices must be integers or slices, not %s", type_name(key).c_str());
    return false;
  }
  if (!index_i64(key, &i)) {
    // An index past int64 is an IndexError here, as in bytearray[i].
    if (error_matches(exc::OverflowError)) {
      clear_error();
      raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key).c_str());
    }
    return false;
  }
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) {
    raise(exc::IndexError, "bytearray index out of range");
    return false;
  }
  if (!v) return replace_range(a, i, i + 1, {});
  uint8_t b;
  if (!byte_value(v, &b)) return false;
  if (i >= a->length) {  // v.__index__ shrank the array
    raise(exc::IndexError, "bytearray index out of range");
    return false;
  }
  a->data()[i] = b;
  return true;
}

Value ba_add(Value x, Value y) {
  if (!is_bytearray(x)) return not_implemented();
  BufferView a, b;
  get_buffer(x, &a);
  if (!get_buffer(y, &b)) {
    return raisef(exc::TypeError, "can't concat %s to %s", type_name(y).c_str(), type_name(x).c_str());
  }
  std::string out(reinterpret_cast<const char*>(a.data), size_t(a.length));
  out.append(reinterpret_cast<const char*>(b.data), size_t(b.length));
  return bytearray_new(out.data(), out.size());
}

Value ba_iadd(Value x, Value y) {
  if (!is_bytearray(x)) return not_implemented();
  BufferView b;
  if (!get_buffer(y, &b)) {
    return raisef(exc::TypeError, "can't concat %s to %s", type_name(y).c_str(), type_name(x).c_str());
  }
  ByteArray* a = self_ba(x);
  if (!replace_range(a, a->length, a->length,
                     std::string_view(reinterpret_cast<const char*>(b.data), size_t(b.length)))) {
    return {};
  }
  return x;
}

Value ba_mul(Value x, Value y) {
  if (is_bytearray(x)) {
    if (has_index(y)) return bytes_repeat_any(x, y);
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(y).c_str());
  }
  if (!is_bytearray(y)) return not_implemented();
  if (has_index(x)) return bytes_repeat_any(y, x);
  return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", type_name(x).c_str());
}

Value ba_imul(Value x, Value y) {
  if (!is_bytearray(x)) return not_implemented();
  // As CPython's sq_inplace_repeat: the count goes through __index__
  // ("'float' object cannot be interpreted as an integer").
  Value r = bytes_repeat_any(x, y);
  if (!r) return {};
  ByteArray* src = self_ba(r);
  if (!set_contents(self_ba(x), src->data(), size_t(src->length))) return {};
  return x;
}

Value ba_mod(Value x, Value y) {
  if (!is_bytearray(x)) return not_implemented();
  return bytes_percent(x, y);
}

Value ba_new(Type* type, const Value*, size_t, Tuple*) {
  auto* a = reinterpret_cast<ByteArray*>(alloc_instance(type));
  return a;
}

bool ba_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"source", "encoding", "errors", nullptr};
  Value source, encoding, errors;
  if (!parse_args(ArgSpec{"bytearray", kParams, 0, 0}, args, nargs, kwnames, {&source, &encoding, &errors})) {
    return false;
  }
  if (encoding && !is_str(encoding)) {
    raisef(exc::TypeError, "bytearray() argument 'encoding' must be str, not %s", type_name(encoding).c_str());
    return false;
  }
  if (errors && !is_str(errors)) {
    raisef(exc::TypeError, "bytearray() argument 'errors' must be str, not %s", type_name(errors).c_str());
    return false;
  }
  // As CPython's bytearray_init: empty first (a BufferError while
  // exported), then fill; an iterable (not a buffer, str or count) is
  // appended item by item, so its generator sees the bytearray grow and a
  // failure leaves the items read so far.
  ByteArray* a = self_ba(self);
  if (!bytearray_resize(a, 0)) return false;
  BufferView view;
  bool iterable = source && !encoding && !errors && !is_str(source) && !has_index(source) &&
                  !is_memoryview(source) && !get_buffer(source, &view) && !is_exact_list(source) &&
                  !is_exact_tuple(source);
  if (iterable) {
    Value it = get_iter(source);
    if (!it) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        raisef(exc::TypeError, "cannot convert '%s' object to bytearray", type_name(source).c_str());
      }
      return false;
    }
    for (;;) {
      Value x = iter_next(it);
      if (!x) return !has_error();
      uint8_t b;
      if (!byte_value(x, &b)) return false;
      if (!bytearray_resize(a, a->length + 1)) return false;
      a->data()[a->length - 1] = b;
    }
  }
  std::string data;
  if (!source) {
    if (encoding || errors) {
      raise(exc::TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
  } else if (!bytes_collect(source, encoding, errors, "bytearray", &data)) {
    return false;
  }
  return set_contents(a, data.data(), data.size());
}

}  // namespace

void init_bytearray() {
  auto& methods = ba_methods();
  for (const MethodDef* m = kBytesSharedMethods; m->name; m++) methods.push_back(*m);
  for (const MethodDef& m : kByteArrayOwnMethods) methods.push_back(m);
  methods.push_back(MethodDef{nullptr, nullptr, 0});

  TypeSpec spec;
  spec.name = "bytearray";
  spec.layout = kByteArrayLayout;
  spec.instance_size = sizeof(ByteArray);
  spec.flags = TypeFlag::kBaseType;
  spec.trace = trace_bytearray;
  spec.slots.repr = ba_repr;
  spec.slots.str = ba_repr;
  spec.slots.compare = bytes_compare_any;  // no hash: unhashable
  spec.slots.new_ = ba_new;
  spec.slots.init = ba_init;
  spec.slots.iter = bytes_iter_any;
  spec.slots.len = ba_len;
  spec.slots.getitem = ba_getitem;
  spec.slots.setitem = ba_setitem;
  spec.slots.contains = bytes_contains_any;
  spec.slots.binary[int(BinaryOp::kAdd)] = ba_add;
  spec.slots.binary[int(BinaryOp::kMul)] = ba_mul;
  spec.slots.binary[int(BinaryOp::kMod)] = ba_mod;
  spec.slots.inplace[int(BinaryOp::kAdd)] = ba_iadd;
  spec.slots.inplace[int(BinaryOp::kMul)] = ba_imul;
  spec.methods = methods.data();
  spec.doc =
      "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
      "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
      "bytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n"
      "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
      "  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer";
  make_builtin_type(&types::bytearray, spec);
}

}  // namespace pyrite::python
