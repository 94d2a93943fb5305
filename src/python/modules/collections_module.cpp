// The _collections module: deque, defaultdict, _count_elements and
// _tuplegetter as CPython 3.11 has them (docs/modules.md, "_collections").
// OrderedDict stays the pure-Python one of collections/__init__.py.
//
// A deque is a ring buffer: the items are ring[(head + i) & (capacity - 1)]
// for i in [0, len), the capacity a power of two at least 8, doubled when
// full and halved when a quarter full, so both ends are amortized O(1) and
// indexing is O(1). Vacated slots are cleared so the collector does not
// keep popped items alive. `state` changes with every operation that moves
// items in CPython (append, pop, rotate, clear...; not item assignment or
// reverse): iterators and the scanning methods (count, index, remove, in)
// compare it to detect "deque mutated during iteration" exactly where
// CPython does. Items are addressed by logical position, which is what
// CPython's block pointers amount to while the state is unchanged.
#include <cstring>
#include <string>

#include "python/interp/pyrun.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

Type* g_deque = nullptr;
Type* g_deque_iter = nullptr;
Type* g_deque_reviter = nullptr;
Type* g_defaultdict = nullptr;
Type* g_tuplegetter = nullptr;

// CPython's tp_name: "module.name" for a type of a C module, the bare name
// for classes (messages that print Py_TYPE(x)->tp_name).
std::string tp_name(Type* t) { return type_name_of(t); }  // CPython's tp_name (errors.h)
std::string tp_name_of(Value v) { return tp_name(type_of(v)); }

std::string repr_utf8_or_fail(Value v, bool* ok) {
  Value r = repr(v);
  *ok = bool(r);
  return r ? str_to_utf8(r.as<Str>()) : std::string();
}

void store(Object* owner, Value* field, Value v) {
  gc::write_barrier(owner, field, v.is_object() ? v.object() : nullptr);
  *field = v;
}

// ---- deque ------------------------------------------------------------------------------------

struct Deque : Object {
  Tuple* ring;      // null until the first item; capacity ring->length, a power of two
  int64_t head;     // ring index of item 0
  int64_t len;
  int64_t maxlen;   // -1: unbounded
  uint64_t state;   // see the file comment
};

void trace_deque(void* p, gc::Visitor& v) {
  auto* d = static_cast<Deque*>(p);
  v.visit(d->type);
  v.visit(d->ring);
}

constexpr int64_t kMinCapacity = 8;

inline bool is_deque(Value v) { return isinstance(v, g_deque); }
inline Deque* as_deque(Value v) { return v.as<Deque>(); }

inline Value* slot(Deque* d, int64_t i) {
  return &d->ring->items()[(d->head + i) & (d->ring->length - 1)];
}
inline Value item_at(Deque* d, int64_t i) { return *slot(d, i); }

// Moves the items into a ring of `capacity` (>= len) starting at index 0.
bool resize(Deque* d, int64_t capacity) {
  Tuple* ring = tuple_new(capacity);
  if (!ring) return false;
  for (int64_t i = 0; i < d->len; i++) ring->items()[i] = item_at(d, i);
  gc::store_ref(d, &d->ring, ring);
  d->head = 0;
  return true;
}

bool ensure_room(Deque* d) {
  if (!d->ring) return resize(d, kMinCapacity);
  if (d->len < d->ring->length) return true;
  if (d->ring->length > max_sequence_length() / 2) {
    raise_memory_error();
    return false;
  }
  return resize(d, d->ring->length * 2);
}

void maybe_shrink(Deque* d) {
  int64_t cap = d->ring->length;
  if (cap > kMinCapacity && d->len < cap / 4 && !resize(d, cap / 2)) clear_error();
}

Value pop_right(Deque* d) {
  Value* s = slot(d, d->len - 1);
  Value item = *s;
  *s = Value();
  d->len--;
  d->state++;
  maybe_shrink(d);
  return item;
}

Value pop_left(Deque* d) {
  Value* s = slot(d, 0);
  Value item = *s;
  *s = Value();
  d->head = (d->head + 1) & (d->ring->length - 1);
  d->len--;
  d->state++;
  maybe_shrink(d);
  return item;
}

// append / appendleft with a bound `maxlen` (the deque's own, except for
// the callers that pass it explicitly as CPython does).
bool push_right(Deque* d, Value item) {
  if (!ensure_room(d)) return false;
  d->len++;
  store(d->ring, slot(d, d->len - 1), item);
  if (d->maxlen >= 0 && d->len > d->maxlen)
    pop_left(d);
  else
    d->state++;
  return true;
}

bool push_left(Deque* d, Value item) {
  if (!ensure_room(d)) return false;
  d->head = (d->head - 1) & (d->ring->length - 1);
  d->len++;
  store(d->ring, slot(d, 0), item);
  if (d->maxlen >= 0 && d->len > d->maxlen)
    pop_right(d);
  else
    d->state++;
  return true;
}

void clear_items(Deque* d) {
  if (d->len == 0) return;
  d->ring = nullptr;
  d->head = 0;
  d->len = 0;
  d->state++;
}

// CPython's _deque_rotate: n steps to the right (left when negative),
// reduced to at most half the length; nothing (not even a state change)
// for fewer than two items.
void rotate(Deque* d, int64_t n) {
  int64_t len = d->len, half = len >> 1;
  if (len <= 1) return;
  if (n > half || n < -half) {
    n %= len;
    if (n > half)
      n -= len;
    else if (n < -half)
      n += len;
  }
  d->state++;
  int64_t mask = d->ring->length - 1;
  if (len == d->ring->length) {  // full ring: the start moves
    d->head = (d->head - n) & mask;
    return;
  }
  for (; n > 0; n--) {
    Value* last = slot(d, len - 1);
    Value v = *last;
    *last = Value();
    d->head = (d->head - 1) & mask;
    store(d->ring, slot(d, 0), v);
  }
  for (; n < 0; n++) {
    Value* first = slot(d, 0);
    Value v = *first;
    *first = Value();
    d->head = (d->head + 1) & mask;
    store(d->ring, slot(d, len - 1), v);
  }
}

// Runs an iterator to its end (extend of a deque with maxlen 0).
bool consume(Value it) {
  for (;;) {
    Value x = iter_next(it);
    if (!x) return !has_error();
  }
}

bool extend(Deque* d, Value iterable, bool left) {
  if (iterable.is(d)) {
    List* copy = list_from_iterable(iterable);
    return copy && extend(d, copy, left);
  }
  Value it = get_iter(iterable);
  if (!it) return false;
  if (d->maxlen == 0) return consume(it);
  for (;;) {
    Value x = iter_next(it);
    if (!x) return !has_error();
    if (!(left ? push_left(d, x) : push_right(d, x))) return false;
  }
}

Value deque_new(Type* type, const Value*, size_t, Tuple*) {
  auto* d = static_cast<Deque*>(alloc_instance(type));
  d->maxlen = -1;
  return d;
}

bool deque_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"iterable", "maxlen"};
  Value a[2];
  // PyArg_ParseTupleAndKeywords's checks, which for parameters that are all
  // optional come in Argument Clinic's order (the total count first).
  if (!parse_args({"deque", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&a[0], &a[1]}))
    return false;
  Value iterable = a[0], maxlen_v = a[1];
  int64_t maxlen = -1;
  if (maxlen_v && !is_none(maxlen_v)) {
    if (!is_int(maxlen_v)) {
      raise(exc::TypeError, "an integer is required");
      return false;
    }
    if (!int_to_index(maxlen_v, &maxlen)) return false;
    if (maxlen < 0) {
      raise(exc::ValueError, "maxlen must be non-negative");
      return false;
    }
  }
  Deque* d = as_deque(self);
  d->maxlen = maxlen;
  clear_items(d);
  return !iterable || extend(d, iterable, false);
}

Value deque_append(Value self, const Value* args, size_t, Tuple*) {
  return push_right(as_deque(self), args[0]) ? none() : Value();
}

Value deque_appendleft(Value self, const Value* args, size_t, Tuple*) {
  return push_left(as_deque(self), args[0]) ? none() : Value();
}

Value deque_pop(Value self, const Value*, size_t, Tuple*) {
  Deque* d = as_deque(self);
  if (d->len == 0) return raise(exc::IndexError, "pop from an empty deque");
  return pop_right(d);
}

Value deque_popleft(Value self, const Value*, size_t, Tuple*) {
  Deque* d = as_deque(self);
  if (d->len == 0) return raise(exc::IndexError, "pop from an empty deque");
  return pop_left(d);
}

Value deque_extend(Value self, const Value* args, size_t, Tuple*) {
  return extend(as_deque(self), args[0], false) ? none() : Value();
}

Value deque_extendleft(Value self, const Value* args, size_t, Tuple*) {
  return extend(as_deque(self), args[0], true) ? none() : Value();
}

Value deque_clear(Value self, const Value*, size_t, Tuple*) {
  clear_items(as_deque(self));
  return none();
}

Value deque_rotate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("deque.rotate", nargs, 0, 1)) return {};
  int64_t n = 1;
  if (nargs == 1 && !arg_ssize(args[0], &n)) return {};
  rotate(as_deque(self), n);
  return none();
}

Value deque_reverse(Value self, const Value*, size_t, Tuple*) {
  Deque* d = as_deque(self);
  for (int64_t i = 0, j = d->len - 1; i < j; i++, j--) {
    Value* a = slot(d, i);
    Value* b = slot(d, j);
    Value t = *a;
    store(d->ring, a, *b);
    store(d->ring, b, t);
  }
  return none();
}

const char kMutated[] = "deque mutated during iteration";

Value deque_count(Value self, const Value* args, size_t, Tuple*) {
  Deque* d = as_deque(self);
  int64_t n = d->len, count = 0;
  uint64_t state = d->state;
  for (int64_t i = 0; i < n; i++) {
    int r = equal(item_at(d, i), args[0]);
    if (r < 0) return {};
    count += r;
    if (d->state != state) return raise(exc::RuntimeError, kMutated);
  }
  return int_from_i64(count);
}

int deque_contains(Value self, Value v) {
  Deque* d = as_deque(self);
  int64_t n = d->len;
  uint64_t state = d->state;
  for (int64_t i = 0; i < n; i++) {
    int r = equal(item_at(d, i), v);
    if (r) return r;
    if (d->state != state) {
      raise(exc::RuntimeError, kMutated);
      return -1;
    }
  }
  return 0;
}

Value not_in_deque(Value v) {
  bool ok;
  std::string r = repr_utf8_or_fail(v, &ok);
  return ok ? raise(exc::ValueError, r + " is not in deque") : Value();
}

Value deque_index(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1) return raisef(exc::TypeError, "index() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 3) return raisef(exc::TypeError, "index() takes at most 3 arguments (%zu given)", nargs);
  Deque* d = as_deque(self);
  int64_t start = 0, stop = d->len;
  if (nargs > 1 && !clipped_index(args[1], &start)) return {};
  if (nargs > 2 && !clipped_index(args[2], &stop)) return {};
  int64_t len = d->len;
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = 0;
  }
  if (stop > len) stop = len;
  if (start > stop) start = stop;
  uint64_t state = d->state;
  for (int64_t i = start; i < stop; i++) {
    int r = equal(item_at(d, i), args[0]);
    if (r > 0) return int_from_i64(i);
    if (r < 0) return {};
    if (d->state != state) return raise(exc::RuntimeError, kMutated);
  }
  return not_in_deque(args[0]);
}

// del d[i] (0 <= i < len), through rotations as CPython does.
void delete_at(Deque* d, int64_t i) {
  rotate(d, -i);
  pop_left(d);
  rotate(d, i);
}

Value deque_insert(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2)
    return raisef(exc::TypeError, "insert() takes exactly 2 arguments (%zu given)", nargs);
  int64_t index;
  if (!arg_ssize(args[0], &index)) return {};
  Deque* d = as_deque(self);
  int64_t n = d->len;
  if (d->maxlen == n) return raise(exc::IndexError, "deque already at its maximum size");
  if (index >= n) return push_right(d, args[1]) ? none() : Value();
  if (index <= -n || index == 0) return push_left(d, args[1]) ? none() : Value();
  rotate(d, -index);
  if (!(index < 0 ? push_right(d, args[1]) : push_left(d, args[1]))) return {};
  rotate(d, index);
  return none();
}

Value deque_remove(Value self, const Value* args, size_t, Tuple*) {
  Deque* d = as_deque(self);
  int64_t n = d->len;
  uint64_t state = d->state;
  for (int64_t i = 0; i < n; i++) {
    int r = equal(item_at(d, i), args[0]);
    if (r < 0) return {};
    if (d->state != state) return raise(exc::IndexError, kMutated);
    if (r > 0) {
      delete_at(d, i);
      return none();
    }
  }
  return not_in_deque(args[0]);
}

// A subscript as CPython's sequence protocol takes it: __index__ (IndexError
// when it does not fit), negative counts from the end.
bool subscript(Deque* d, Value key, int64_t* out) {
  int64_t i;
  if (key.is_small()) {
    i = key.small_value();
  } else {
    if (!has_index(key)) {
      raisef(exc::TypeError, "sequence index must be integer, not '%s'", tp_name_of(key).c_str());
      return false;
    }
    Value iv = index(key);
    if (!iv) return false;
    auto x = int_to_i64(iv);
    if (!x) {
      raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", tp_name_of(key).c_str());
      return false;
    }
    i = *x;
  }
  if (i < 0) i += d->len;
  if (i < 0 || i >= d->len) {
    raise(exc::IndexError, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Value deque_getitem(Value self, Value key) {
  Deque* d = as_deque(self);
  int64_t i;
  if (!subscript(d, key, &i)) return {};
  return item_at(d, i);
}

bool deque_setitem(Value self, Value key, Value v) {
  Deque* d = as_deque(self);
  int64_t i;
  if (!subscript(d, key, &i)) return false;
  if (!v) {
    delete_at(d, i);
    return true;
  }
  store(d->ring, slot(d, i), v);
  return true;
}

int64_t deque_len(Value self) { return as_deque(self)->len; }

// copy(): a plain deque copies itself; a subclass is called with (d) or
// (d, maxlen) and must return a deque.
Value deque_copy(Value self, const Value*, size_t, Tuple*) {
  Deque* d = as_deque(self);
  Type* t = type_of(self);
  if (t == g_deque) {
    auto* copy = static_cast<Deque*>(alloc_instance(g_deque));
    copy->maxlen = d->maxlen;
    if (!extend(copy, self, false)) return {};
    return copy;
  }
  Value r = d->maxlen < 0 ? call1(t, self) : call2(t, self, int_from_i64(d->maxlen));
  if (r && !is_deque(r)) {
    return raisef(exc::TypeError, "%s() must return a deque, not %s", tp_name(t).c_str(),
                  tp_name_of(r).c_str());
  }
  return r;
}

Value deque_concat(Value a, Value b) {
  if (!is_deque(a)) return not_implemented();
  if (!is_deque(b)) {
    if (defers_binary(b, BinaryOp::kAdd)) return not_implemented();
    return raisef(exc::TypeError, "can only concatenate deque (not \"%s\") to deque",
                  tp_name_of(b).c_str());
  }
  Value copy = deque_copy(a, nullptr, 0, nullptr);
  if (!copy || !extend(as_deque(copy), b, false)) return {};
  return copy;
}

Value deque_inplace_concat(Value a, Value b) {
  if (!is_deque(a)) return not_implemented();
  if (!extend(as_deque(a), b, false)) return {};
  return a;
}

// CPython's deque_inplace_repeat.
Value repeat_in_place(Value self, int64_t n) {
  Deque* d = as_deque(self);
  int64_t size = d->len;
  if (size == 0 || n == 1) return self;
  if (n <= 0) {
    clear_items(d);
    return self;
  }
  if (size == 1) {
    Value item = item_at(d, 0);
    if (d->maxlen >= 0 && n > d->maxlen) n = d->maxlen;
    if (n > max_sequence_length()) return raise_memory_error();
    d->state++;
    for (int64_t i = 1; i < n; i++) {
      if (!ensure_room(d)) return {};
      d->len++;
      store(d->ring, slot(d, d->len - 1), item);
    }
    return self;
  }
  if (size > max_sequence_length() / n) return raise_memory_error();
  List* seq = list_from_iterable(self);
  if (!seq) return {};
  if (d->maxlen >= 0 && n * size > d->maxlen) n = (d->maxlen + size - 1) / size;
  for (int64_t i = 1; i < n; i++) {
    if (!extend(d, seq, false)) return {};
  }
  return self;
}

Value deque_repeat(Value a, Value b) {
  Value seq = a, count = b;
  if (!is_deque(seq)) std::swap(seq, count);
  if (!is_deque(seq)) return not_implemented();
  int64_t n;
  int rc = repeat_count(seq, count, BinaryOp::kMul, &n);
  if (rc <= 0) return rc == 0 ? not_implemented() : Value();
  Value copy = deque_copy(seq, nullptr, 0, nullptr);
  if (!copy) return {};
  return repeat_in_place(copy, n);
}

Value deque_inplace_repeat(Value a, Value b) {
  if (!is_deque(a)) return not_implemented();
  int64_t n;
  int rc = repeat_count(a, b, BinaryOp::kMul, &n);
  if (rc <= 0) return rc == 0 ? not_implemented() : Value();
  return repeat_in_place(a, n);
}

Value deque_compare(Value v, Value w, CompareOp op) {
  if (!is_deque(v) || !is_deque(w)) return not_implemented();
  int64_t vs = as_deque(v)->len, ws = as_deque(w)->len;
  if (op == CompareOp::kEq || op == CompareOp::kNe) {
    bool eq = op == CompareOp::kEq;
    if (v.is(w)) return py_bool(eq);
    if (vs != ws) return py_bool(!eq);
  }
  Value it1 = get_iter(v);
  if (!it1) return {};
  Value it2 = get_iter(w);
  if (!it2) return {};
  Value x, y;
  for (;;) {
    x = iter_next(it1);
    if (!x && has_error()) return {};
    y = iter_next(it2);
    if (!x || !y) break;
    int b = equal(x, y);
    if (b < 0) return {};
    if (b == 0) {
      int r = compare_bool(x, y, op);
      return r < 0 ? Value() : py_bool(r);
    }
  }
  if (has_error()) return {};
  bool r = false;
  switch (op) {
    case CompareOp::kLt: r = bool(y); break;
    case CompareOp::kLe: r = !x; break;
    case CompareOp::kEq: r = !x && !y; break;
    case CompareOp::kNe: r = bool(x) != bool(y); break;
    case CompareOp::kGt: r = bool(x); break;
    case CompareOp::kGe: r = !y; break;
  }
  return py_bool(r);
}

Value deque_repr(Value self) {
  if (repr_enter(self)) return str_from_ascii("[...]");
  List* items = list_from_iterable(self);
  Value r = items ? repr(items) : Value();
  repr_leave(self);
  if (!r) return {};
  std::string s = str_to_utf8(type_of(self)->name) + "(" + str_to_utf8(r.as<Str>());
  int64_t maxlen = as_deque(self)->maxlen;
  if (maxlen >= 0) s += ", maxlen=" + std::to_string(maxlen);
  return str_from_utf8(s + ")");
}

Value deque_reduce(Value self, const Value*, size_t, Tuple*) {
  // The state is __getstate__'s, as CPython's _PyObject_GetState (slot values included).
  Value dict = call_method(self, intern("__getstate__"), nullptr, 0);
  if (!dict) return {};
  Value it = get_iter(self);
  if (!it) return {};
  int64_t maxlen = as_deque(self)->maxlen;
  Value args = maxlen < 0 ? Value(tuple_empty()) : Value(tuple_of({tuple_empty(), int_from_i64(maxlen)}));
  return tuple_of({type_of(self), args, dict, it});
}

Value deque_sizeof(Value self, const Value*, size_t, Tuple*) {
  Deque* d = as_deque(self);
  int64_t n = int64_t(type_of(self)->instance_size);
  if (d->ring) n += int64_t(sizeof(Tuple)) + d->ring->length * int64_t(sizeof(Value));
  return int_from_i64(n);
}

Value deque_get_maxlen(Value self) {
  int64_t maxlen = as_deque(self)->maxlen;
  return maxlen < 0 ? none() : int_from_i64(maxlen);
}

// ---- deque iterators ----------------------------------------------------------------------------

struct DequeIter : Object {
  Deque* deque;
  int64_t index;     // logical position of the next item
  int64_t counter;   // items left
  uint64_t state;    // the deque's state when the iterator was made
};

void trace_deque_iter(void* p, gc::Visitor& v) {
  auto* it = static_cast<DequeIter*>(p);
  v.visit(it->type);
  v.visit(it->deque);
}

DequeIter* new_iter(Deque* d, Type* type) {
  auto* it = static_cast<DequeIter*>(alloc_instance(type));
  gc::store_ref(it, &it->deque, d);
  it->index = type == g_deque_iter ? 0 : d->len - 1;
  it->counter = d->len;
  it->state = d->state;
  return it;
}

Value deque_iter(Value self) { return new_iter(as_deque(self), g_deque_iter); }

Value deque_reversed(Value self, const Value*, size_t, Tuple*) {
  return new_iter(as_deque(self), g_deque_reviter);
}

// The forward iterator checks the state first (a mutated deque raises
// again on every call), the reverse one the count first (it is then
// exhausted), as in CPython.
Value deque_iter_next(Value self) {
  auto* it = self.as<DequeIter>();
  if (it->deque->state != it->state) {
    it->counter = 0;
    return raise(exc::RuntimeError, kMutated);
  }
  if (it->counter == 0) return {};
  Value item = item_at(it->deque, it->index);
  it->index++;
  it->counter--;
  return item;
}

Value deque_reviter_next(Value self) {
  auto* it = self.as<DequeIter>();
  if (it->counter == 0) return {};
  if (it->deque->state != it->state) {
    it->counter = 0;
    return raise(exc::RuntimeError, kMutated);
  }
  Value item = item_at(it->deque, it->index);
  it->index--;
  it->counter--;
  return item;
}

// _deque_iterator(deque, index=0): an iterator that has already produced
// `index` items (for unpickling). Keywords are ignored, as in CPython.
Value deque_iter_new_common(Type* type, const Value* args, size_t nargs) {
  if (nargs < 1) return raisef(exc::TypeError, "function takes at least 1 argument (%zu given)", nargs);
  if (nargs > 2) return raisef(exc::TypeError, "function takes at most 2 arguments (%zu given)", nargs);
  if (!is_deque(args[0])) {
    return raisef(exc::TypeError, "argument 1 must be collections.deque, not %s",
                  tp_name_of(args[0]).c_str());
  }
  int64_t index = 0;
  if (nargs == 2 && !arg_ssize(args[1], &index)) return {};
  DequeIter* it = new_iter(as_deque(args[0]), type);
  UnaryFn next = type == g_deque_iter ? deque_iter_next : deque_reviter_next;
  for (int64_t i = 0; i < index; i++) {
    if (next(it)) continue;
    if (it->counter) return {};
    break;
  }
  return it;
}

Value deque_iter_new(Type*, const Value* args, size_t nargs, Tuple*) {
  return deque_iter_new_common(g_deque_iter, args, nargs);
}

Value deque_reviter_new(Type*, const Value* args, size_t nargs, Tuple*) {
  return deque_iter_new_common(g_deque_reviter, args, nargs);
}

Value deque_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  return int_from_i64(self.as<DequeIter>()->counter);
}

Value deque_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<DequeIter>();
  return tuple_of({type_of(self), tuple_of({it->deque, int_from_i64(it->deque->len - it->counter)})});
}

// ---- defaultdict ----------------------------------------------------------------------------
// A dict with one more field; every dict operation works on it unchanged,
// and dict's d[key] calls __missing__ for it as for any dict subclass.

struct DefaultDict : Dict {
  Value factory;  // null: None
};

void trace_defaultdict(void* p, gc::Visitor& v) {
  types::dict->native_trace(p, v);
  visit_value(v, static_cast<DefaultDict*>(p)->factory);
}

inline DefaultDict* as_dd(Value v) { return static_cast<DefaultDict*>(v.as<Dict>()); }
inline Value factory_or_none(Value dd) {
  Value f = as_dd(dd)->factory;
  return f ? f : none();
}

bool defaultdict_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value factory;
  if (nargs > 0) {
    factory = args[0];
    if (!is_callable(factory) && !is_none(factory)) {
      raise(exc::TypeError, "first argument must be callable or None");
      return false;
    }
  }
  store(self.object(), &as_dd(self)->factory, factory);
  if (nargs > 0) {
    args++;
    nargs--;
  }
  return types::dict->slots.init(self, args, nargs, kwnames);
}

Value defaultdict_missing(Value self, const Value* args, size_t, Tuple*) {
  Value factory = as_dd(self)->factory;
  if (!factory || is_none(factory)) return raise_object(exc::KeyError, tuple_of({args[0]}));
  Value value = call0(factory);
  if (!value) return {};
  if (!set_item(self, args[0], value)) return {};
  return value;
}

// type(dd)(default_factory, arg): copy() and `|` call the class, as CPython.
Value new_like(Value dd, Value arg) { return call2(type_of(dd), factory_or_none(dd), arg); }

Value defaultdict_copy(Value self, const Value*, size_t, Tuple*) { return new_like(self, self); }

Value defaultdict_reduce(Value self, const Value*, size_t, Tuple*) {
  Value factory = as_dd(self)->factory;
  Tuple* args = !factory || is_none(factory) ? tuple_empty() : tuple_of({factory});
  Value items = call_method(self, intern("items"), nullptr, 0);
  if (!items) return {};
  Value it = get_iter(items);
  if (!it) return {};
  return tuple_of({type_of(self), args, none(), none(), it});
}

Value defaultdict_repr(Value self) {
  Value base = types::dict->slots.repr(self);
  if (!base) return {};
  Value factory = as_dd(self)->factory;
  std::string fr;
  if (!factory) {
    fr = "None";
  } else {
    // CPython leaves the guard of the factory in both cases.
    if (repr_enter(factory)) {
      fr = "...";
    } else {
      bool ok;
      fr = repr_utf8_or_fail(factory, &ok);
      if (!ok) {
        repr_leave(factory);
        return {};
      }
    }
    repr_leave(factory);
  }
  return str_from_utf8(str_to_utf8(type_of(self)->name) + "(" + fr + ", " +
                       str_to_utf8(base.as<Str>()) + ")");
}

// dd | other and other | dd (one slot serves both orders).
Value defaultdict_or(Value left, Value right) {
  Value self = left, other = right;
  if (!isinstance(left, g_defaultdict)) std::swap(self, other);
  if (!is_dict(other)) return not_implemented();
  Value r = new_like(self, left);
  if (!r) return {};
  if (!is_dict(r)) return raise(exc::SystemError, "bad argument to internal function");
  if (!dict_merge_from(r.as<Dict>(), right)) return {};
  return r;
}

Value defaultdict_get_factory(Value self) { return factory_or_none(self); }

bool defaultdict_set_factory(Value self, Value v) {
  store(self.object(), &as_dd(self)->factory, v);
  return true;
}

// ---- _count_elements ------------------------------------------------------------------------

// _count_elements(mapping, iterable): mapping[k] = mapping.get(k, 0) + 1 for
// each k, straight into the dict when mapping is a dict whose get and
// __setitem__ are dict's own.
Value count_elements(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_count_elements", kwnames) || !check_nargs("_count_elements", nargs, 2, 2))
    return {};
  Value mapping = args[0];
  Value it = get_iter(args[1]);
  if (!it) return {};
  Str* get_name = intern("get");
  Type* mt = type_of(mapping);
  Value mapping_get = type_lookup(mt, get_name);
  Value mapping_setitem = type_lookup(mt, names::__setitem__);
  bool fast = is_dict(mapping) && mapping_get && mapping_get.is(type_lookup(types::dict, get_name)) &&
              mapping_setitem && mapping_setitem.is(type_lookup(types::dict, names::__setitem__));
  Value one = Value::small(1);
  if (fast) {
    Dict* d = mapping.as<Dict>();
    for (;;) {
      Value key = iter_next(it);
      if (!key) break;
      int64_t h = key_hash(key);
      if (h == -1) return {};
      int64_t ix = dict_lookup(d, key, h);
      if (ix == kLookupError) return {};
      Value nv = one;
      if (ix >= 0) {
        nv = binary_op(BinaryOp::kAdd, dict_entry_value(d, d->table->entries()[ix]), one);
        if (!nv) return {};
      }
      if (!dict_set_hashed(d, key, nv, h)) return {};
    }
  } else {
    Value bound_get = get_attr(mapping, get_name);
    if (!bound_get) return {};
    for (;;) {
      Value key = iter_next(it);
      if (!key) break;
      Value old = call2(bound_get, key, Value::small(0));
      if (!old) return {};
      Value nv = binary_op(BinaryOp::kAdd, old, one);
      if (!nv || !set_item(mapping, key, nv)) return {};
    }
  }
  if (has_error()) return {};
  return none();
}

// ---- _tuplegetter -------------------------------------------------------------------------------
// namedtuple's field descriptors: __get__ returns item `index` of a tuple.

struct TupleGetter : Object {
  int64_t index;
  Value doc;
};

void trace_tuplegetter(void* p, gc::Visitor& v) {
  auto* g = static_cast<TupleGetter*>(p);
  v.visit(g->type);
  visit_value(v, g->doc);
}

Value tuplegetter_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames) || !check_nargs("_tuplegetter", nargs, 2, 2))
    return {};
  int64_t index;
  if (!arg_ssize(args[0], &index)) return {};
  auto* g = static_cast<TupleGetter*>(alloc_instance(type));
  g->index = index;
  store(g, &g->doc, args[1]);
  return g;
}

Value tuplegetter_get(Value self, Value obj, Value) {
  auto* g = self.as<TupleGetter>();
  if (!obj || is_none(obj)) return self;
  if (!is_tuple(obj)) {
    return raisef(exc::TypeError,
                  "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                  (long long)g->index, tp_name_of(obj).c_str());
  }
  Tuple* t = obj.as<Tuple>();
  if (g->index < 0 || g->index >= t->length) return raise(exc::IndexError, "tuple index out of range");
  return t->at(g->index);
}

bool tuplegetter_set(Value, Value, Value v) {
  raise(exc::AttributeError, v ? "can't set attribute" : "can't delete attribute");
  return false;
}

Value tuplegetter_repr(Value self) {
  auto* g = self.as<TupleGetter>();
  bool ok;
  std::string doc = repr_utf8_or_fail(g->doc, &ok);
  if (!ok) return {};
  return str_from_utf8(str_to_utf8(type_of(self)->name) + "(" + std::to_string(g->index) + ", " +
                       doc + ")");
}

Value tuplegetter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* g = self.as<TupleGetter>();
  return tuple_of({type_of(self), tuple_of({int_from_i64(g->index), g->doc})});
}

Value tuplegetter_get_doc(Value self) {
  Value doc = self.as<TupleGetter>()->doc;
  return doc ? doc : none();
}

bool tuplegetter_set_doc(Value self, Value v) {
  store(self.object(), &self.as<TupleGetter>()->doc, v);
  return true;
}

// ---- tables -------------------------------------------------------------------------------------

const char kReduceDoc[] = "Return state information for pickling.";
const char kHintDoc[] = "Private method returning an estimate of len(list(it)).";

const MethodDef kDequeMethods[] = {
    {"append", deque_append, MethodFlag::kOneArg, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, MethodFlag::kOneArg,
     "Add an element to the left side of the deque."},
    {"clear", deque_clear, MethodFlag::kNoArgs, "Remove all elements from the deque."},
    {"__copy__", deque_copy, MethodFlag::kNoArgs, "Return a shallow copy of a deque."},
    {"copy", deque_copy, MethodFlag::kNoArgs, "Return a shallow copy of a deque."},
    {"count", deque_count, MethodFlag::kOneArg, "D.count(value) -- number of occurrences of value"},
    {"extend", deque_extend, MethodFlag::kOneArg,
     "Extend the right side of the deque with elements from the iterable."},
    {"extendleft", deque_extendleft, MethodFlag::kOneArg,
     "Extend the left side of the deque with elements from the iterable."},
    {"index", deque_index, MethodFlag::kVarArgs,
     "D.index(value, [start, [stop]]) -- first index of value; ValueError if absent."},
    {"insert", deque_insert, MethodFlag::kVarArgs, "D.insert(index, object) -- insert before index"},
    {"pop", deque_pop, MethodFlag::kNoArgs, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, MethodFlag::kNoArgs, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, MethodFlag::kNoArgs, kReduceDoc},
    {"remove", deque_remove, MethodFlag::kOneArg, "D.remove(value) -- remove the first occurrence."},
    {"__reversed__", deque_reversed, MethodFlag::kNoArgs,
     "D.__reversed__() -- a reverse iterator over the deque"},
    {"reverse", deque_reverse, MethodFlag::kNoArgs, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, MethodFlag::kVarArgs,
     "Rotate the deque n steps to the right (default n=1); left if n is negative."},
    {"__sizeof__", deque_sizeof, MethodFlag::kNoArgs, "D.__sizeof__() -- size in memory, in bytes"},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const GetSetDef kDequeGetSets[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {nullptr, nullptr},
};

const MethodDef kDequeIterMethods[] = {
    {"__length_hint__", deque_iter_length_hint, MethodFlag::kNoArgs, kHintDoc},
    {"__reduce__", deque_iter_reduce, MethodFlag::kNoArgs, kReduceDoc},
    {nullptr, nullptr, 0},
};

const MethodDef kDefaultDictMethods[] = {
    {"__missing__", defaultdict_missing, MethodFlag::kOneArg,
     "__missing__(key): self[key] = default_factory() and return it; KeyError without a "
     "factory."},
    {"copy", defaultdict_copy, MethodFlag::kNoArgs, "D.copy() -> a shallow copy of D."},
    {"__copy__", defaultdict_copy, MethodFlag::kNoArgs, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defaultdict_reduce, MethodFlag::kNoArgs, kReduceDoc},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const GetSetDef kDefaultDictGetSets[] = {
    {"default_factory", defaultdict_get_factory, defaultdict_set_factory,
     "Factory for default value called by __missing__()."},
    {nullptr, nullptr},
};

const MethodDef kTupleGetterMethods[] = {
    {"__reduce__", tuplegetter_reduce, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kTupleGetterGetSets[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, nullptr},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"_count_elements", count_elements, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Count elements in the iterable, updating the mapping"},
    {nullptr, nullptr, 0},
};

void make_types() {
  {
    TypeSpec spec;
    spec.name = "deque";
    spec.module = "collections";
    spec.layout = register_object_layout("collections.deque", sizeof(Deque), trace_deque);
    spec.instance_size = sizeof(Deque);
    spec.flags = TypeFlag::kBaseType | TypeFlag::kWeakrefable;
    spec.trace = trace_deque;
    spec.slots.new_ = deque_new;
    spec.slots.init = deque_init;
    spec.slots.repr = deque_repr;
    spec.slots.compare = deque_compare;
    spec.slots.iter = deque_iter;
    spec.slots.len = deque_len;
    spec.slots.getitem = deque_getitem;
    spec.slots.setitem = deque_setitem;
    spec.slots.contains = deque_contains;
    spec.slots.binary[int(BinaryOp::kAdd)] = deque_concat;
    spec.slots.binary[int(BinaryOp::kMul)] = deque_repeat;
    spec.slots.inplace[int(BinaryOp::kAdd)] = deque_inplace_concat;
    spec.slots.inplace[int(BinaryOp::kMul)] = deque_inplace_repeat;
    spec.methods = kDequeMethods;
    spec.getsets = kDequeGetSets;
    spec.doc =
        "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data "
        "accesses near its endpoints.";
    make_builtin_type(&g_deque, spec);
    g_deque->flags |= TypeFlag::kSequence;  // matched by sequence patterns
  }
  for (int reverse = 0; reverse < 2; reverse++) {
    TypeSpec spec;
    spec.name = reverse ? "_deque_reverse_iterator" : "_deque_iterator";
    spec.module = "_collections";
    spec.layout = register_object_layout(spec.name, sizeof(DequeIter), trace_deque_iter);
    spec.instance_size = sizeof(DequeIter);
    spec.trace = trace_deque_iter;
    spec.slots.new_ = reverse ? deque_reviter_new : deque_iter_new;
    spec.slots.iter = iter_self;
    spec.slots.next = reverse ? deque_reviter_next : deque_iter_next;
    spec.methods = kDequeIterMethods;
    make_builtin_type(reverse ? &g_deque_reviter : &g_deque_iter, spec);
  }
  {
    TypeSpec spec;
    spec.name = "defaultdict";
    spec.module = "collections";
    spec.base = types::dict;
    spec.layout = register_object_layout("collections.defaultdict", sizeof(DefaultDict), trace_defaultdict);
    spec.instance_size = sizeof(DefaultDict);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_defaultdict;
    spec.slots.init = defaultdict_init;
    spec.slots.repr = defaultdict_repr;
    spec.slots.binary[int(BinaryOp::kOr)] = defaultdict_or;
    spec.methods = kDefaultDictMethods;
    spec.getsets = kDefaultDictGetSets;
    spec.doc =
        "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe "
        "factory is called without arguments to make the value of a missing key, in "
        "__getitem__ only.\nOther arguments are those of dict().\n";
    make_builtin_type(&g_defaultdict, spec);
  }
  {
    TypeSpec spec;
    spec.name = "_tuplegetter";
    spec.module = "_collections";
    spec.layout = register_object_layout("_collections._tuplegetter", sizeof(TupleGetter), trace_tuplegetter);
    spec.instance_size = sizeof(TupleGetter);
    spec.trace = trace_tuplegetter;
    spec.slots.new_ = tuplegetter_new;
    spec.slots.descr_get = tuplegetter_get;
    spec.slots.descr_set = tuplegetter_set;
    spec.slots.repr = tuplegetter_repr;
    spec.methods = kTupleGetterMethods;
    spec.getsets = kTupleGetterGetSets;
    make_builtin_type(&g_tuplegetter, spec);
  }
}

}  // namespace

Module* make_collections_module() {
  if (!g_deque) make_types();
  Module* m = module_new(intern("_collections"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("High performance data structures:\n- deque: a sequence with fast "
                             "appends and pops at both ends\n- defaultdict: a dict with a factory "
                             "for missing values\n"));
  dict_set_str(m->dict, intern("deque"), g_deque);
  dict_set_str(m->dict, intern("defaultdict"), g_defaultdict);
  dict_set_str(m->dict, intern("_deque_iterator"), g_deque_iter);
  dict_set_str(m->dict, intern("_deque_reverse_iterator"), g_deque_reviter);
  dict_set_str(m->dict, intern("_tuplegetter"), g_tuplegetter);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_collections")));
  return m;
}

}  // namespace pyrite::python
