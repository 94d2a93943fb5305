// bytes, bytearray and memoryview: immutable and mutable byte strings and views
// of them (docs/objects.md, "str, bytes, bytearray, memoryview").
//
// A Bytes holds its bytes inline after the header (plus a terminating 0, so
// the data is also a C string); a ByteArray points to a separately
// allocated, growable ByteBuffer so it can resize in place; a MemoryView
// refers to the object it exposes. Code that only reads bytes accepts any
// of them through get_buffer (the buffer protocol's C++ side).
#pragma once

#include <cstdint>
#include <string_view>

#include "python/objects/object.h"

namespace pyrite::python {

struct Bytes : Object {
  int64_t length;
  int64_t hash;  // -1: not computed
  // uint8_t data[length + 1] follows
  uint8_t* data() { return reinterpret_cast<uint8_t*>(this + 1); }
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(this + 1); }
  std::string_view view() const { return {reinterpret_cast<const char*>(data()), size_t(length)}; }
};

// The storage of a bytearray: capacity bytes, no references.
struct ByteBuffer : Object {
  int64_t capacity;
  // uint8_t data[capacity] follows
  uint8_t* data() { return reinterpret_cast<uint8_t*>(this + 1); }
};

struct ByteArray : Object {
  ByteBuffer* buffer;  // null when empty and never grown
  int64_t length;
  int64_t exports;     // live memoryviews: resizing is then a BufferError
  uint8_t* data() { return buffer ? buffer->data() : nullptr; }
  const uint8_t* data() const { return buffer ? buffer->data() : nullptr; }
};

struct MemoryView : Object {
  Value obj;           // the exporter (bytes, bytearray); null once released
  int64_t start;       // byte offset into the exporter
  int64_t length;      // items (bytes: itemsize is 1)
  int64_t step;        // bytes from one item to the next (sliced views)
  bool readonly;
  bool released;
  char format;         // 'B' (0 reads as 'B'), 'b' or 'c': one byte per item
  bool format_at;      // the format was written "@B" (memoryview.format shows it)
  uint8_t itemsize;    // bytes per item: 1 (also 0), or 2/4/8 for the native integer formats
  uint8_t pad[3];
  int64_t hash;        // -1: not computed
};

extern gc::LayoutId kBytesLayout;
extern gc::LayoutId kByteArrayLayout;
extern gc::LayoutId kMemoryViewLayout;

inline bool is_bytes(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kBytesSubclass); }
inline bool is_exact_bytes(Value v) { return v.is_object() && v.object()->type == types::bytes; }
inline bool is_bytearray(Value v) { return v.is_object() && isinstance(v, types::bytearray); }
inline bool is_memoryview(Value v) { return v.is_object() && v.object()->type == types::memoryview; }

// New bytes (null + MemoryError when huge).
Bytes* bytes_new_raw(int64_t n);      // uninitialized data
Bytes* bytes_from(const void* p, size_t n);
inline Bytes* bytes_from(std::string_view s) { return bytes_from(s.data(), s.size()); }
Bytes* bytes_empty();
// The bytes of `b` in a new instance of `type` (bytes or a subclass).
Bytes* bytes_new_subtype(Type* type, const void* p, size_t n);

ByteArray* bytearray_new(const void* p, size_t n);
// Resizes (growing the buffer geometrically); false + MemoryError /
// BufferError ("Existing exports of data: object cannot be re-sized").
bool bytearray_resize(ByteArray* a, int64_t n);

// The buffer protocol, C++ side: a read view of the bytes of bytes,
// bytearray, memoryview (contiguous). False without an exception when `v`
// is not bytes-like. The view is valid until the exporter is mutated.
struct BufferView {
  const uint8_t* data = nullptr;
  int64_t length = 0;
  bool readonly = true;
  Value owner;
  char format = 'B';   // the item format an exporter declares (array.array: its typecode)
};
bool get_buffer(Value v, BufferView* out);
// Exporters outside this file (array.array): get_buffer asks them, in
// registration order, after the builtin types; each returns false for
// objects that are not its own.
using BufferExporter = bool (*)(Value v, BufferView* out);
// A memoryview of such an object holds an export while it is alive:
// `exports(v, +1)` when made, `exports(v, -1)` when released or collected
// (the exporter may then refuse to resize, as array.array does).
using BufferExports = void (*)(Value v, int delta);
void register_buffer_exporter(BufferExporter fn, BufferExports exports = nullptr);
// Adjusts the export count of v's registered exporter, if it keeps one.
void buffer_exports(Value v, int delta);

// bytes(x) / bytearray(x) contents from an int count, an iterable of ints,
// a buffer, or (with encoding) a str, into `out`; CPython's messages.
// what: "bytes" or "bytearray" (for messages).
bool bytes_collect(Value source, Value encoding, Value errors, const char* what, std::string* out);

// repr of bytes contents: b'...'.
Value bytes_repr_of(std::string_view data);

// ---- shared by bytes.cpp, bytearray.cpp, memoryview.cpp ---------------------------
struct MethodDef;
// The methods bytes and bytearray share ({nullptr}-terminated); they accept
// either as self and return results of self's family.
extern const MethodDef kBytesSharedMethods[];
Value bytes_percent(Value self, Value args);               // self % args
Value bytes_compare_any(Value a, Value b, CompareOp op);   // bytes-like vs bytes-like
int bytes_contains_any(Value self, Value item);
Value bytes_getitem_any(Value self, Value key, const char* what_index);
Value bytes_repeat_any(Value self, Value count);
Value bytes_iter_any(Value self);
Value bytes_hex_of(const uint8_t* p, int64_t n, const Value* args, size_t nargs, Tuple* kwnames);

void init_bytes();
void init_bytearray();
void init_memoryview();

}  // namespace pyrite::python
