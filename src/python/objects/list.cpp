// list: storage strategies, the list type's slots and methods, its
// iterators (docs/objects.md, "Containers").
//
// Invariants: items [0, length) of `storage` are valid in the strategy's
// representation; object storage slots at or past `length` are null (its
// trace visits the whole capacity); kEmpty lists have length 0. Every
// store goes through `fit` first, which switches the strategy (once, to
// kObject) when the value does not fit.
#include "python/objects/list.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/iterators.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/timsort.h"

namespace pyrite::python {

namespace {

void trace_list(void* obj, gc::Visitor& v) {
  auto* l = static_cast<List*>(obj);
  v.visit(l->type);
  v.visit(l->storage);
}

size_t storage_bytes(int64_t capacity) { return sizeof(ListStorage) + size_t(capacity) * 8; }

size_t size_storage(const void* obj) {
  return storage_bytes(static_cast<const ListStorage*>(obj)->room);
}

void trace_object_storage(void* obj, gc::Visitor& v) {
  auto* s = static_cast<ListStorage*>(obj);
  Value* items = s->values();
  for (int64_t i = 0; i < s->capacity; i++) visit_value(v, items[i]);
}

gc::LayoutId register_list_layout() {
  return gc::register_layout(gc::LayoutInfo{"list", trace_list, sizeof(List)});
}

gc::LayoutId raw_storage_layout() {
  static gc::LayoutId id = [] {
    gc::LayoutInfo info;
    info.name = "list storage (raw)";
    info.size = size_storage;
    return gc::register_layout(info);
  }();
  return id;
}

gc::LayoutId object_storage_layout() {
  static gc::LayoutId id = [] {
    gc::LayoutInfo info;
    info.name = "list storage (values)";
    info.trace = trace_object_storage;
    info.size = size_storage;
    return gc::register_layout(info);
  }();
  return id;
}

void trace_list_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<ListIterator*>(obj);
  v.visit(it->type);
  v.visit(it->seq);
}

gc::LayoutId list_iterator_layout() {
  static gc::LayoutId id = gc::register_layout(
      gc::LayoutInfo{"list_iterator", trace_list_iterator, sizeof(ListIterator)});
  return id;
}

int64_t max_items() { return max_sequence_length(); }

ListStorage* new_storage(ListStrategy s, int64_t capacity, int64_t room = 0) {
  if (room < capacity) room = capacity;
  if (capacity < 0 || room > max_items()) {
    raise_memory_error();
    return nullptr;
  }
  gc::LayoutId layout = s == ListStrategy::kObject ? object_storage_layout() : raw_storage_layout();
  auto* st = try_allocate<ListStorage>(layout, nullptr, storage_bytes(room));
  if (!st) {
    raise_memory_error();
    return nullptr;
  }
  st->capacity = capacity;
  st->room = room;
  return st;
}

// NaNs stay boxed (object strategy): their identity is what makes
// `nan in [nan]` and `[nan] == [nan]` true, and a raw double has none.
// Other floats compare equal exactly when identical boxes would.
inline bool is_plain_float(Value v) { return is_exact_float(v) && !std::isnan(float_value(v)); }

ListStrategy strategy_for(Value v) {
  if (v.is_small()) return ListStrategy::kInt;
  if (is_plain_float(v)) return ListStrategy::kFloat;
  return ListStrategy::kObject;
}

[[gnu::always_inline]] inline bool fits(ListStrategy s, Value v) {
  switch (s) {
    case ListStrategy::kInt: return v.is_small();
    case ListStrategy::kFloat: return is_plain_float(v);
    case ListStrategy::kObject: return true;
    case ListStrategy::kEmpty: return false;
  }
  return false;
}

inline Value get_item(List* l, int64_t i) { return list_item(l, i); }

// Stores v at i; v fits the strategy.
[[gnu::always_inline]] inline void put_item(List* l, int64_t i, Value v) {
  switch (l->strategy) {
    case ListStrategy::kInt: l->storage->ints()[i] = v.small_value(); break;
    case ListStrategy::kFloat: l->storage->floats()[i] = float_value(v); break;
    default:
      gc::write_barrier(l->storage, &l->storage->values()[i], v.is_object() ? v.object() : nullptr);
      l->storage->values()[i] = v;
      break;
  }
}

int64_t grown_capacity(int64_t newsize) {
  int64_t c = (newsize + (newsize >> 3) + 6) & ~int64_t(3);
  return c < newsize ? newsize : c;
}

// Converts the items to Values (boxing floats) in a new object storage.
bool switch_to_object(List* l, int64_t min_capacity) {
  int64_t cap = std::max<int64_t>(l->storage ? l->storage->capacity : 0, min_capacity);
  if (cap < 4) cap = 4;
  ListStorage* st = new_storage(ListStrategy::kObject, cap);
  if (!st) return false;
  for (int64_t i = 0; i < l->length; i++) {
    Value v = get_item(l, i);  // may allocate a float box; st is alive on the stack
    if (!v) return false;
    st->values()[i] = v;
  }
  gc::store_ref<ListStorage>(l, &l->storage, st);
  l->strategy = ListStrategy::kObject;
  return true;
}

// Makes the list able to hold `v` (switching strategy if needed) with room
// for `needed` items. False + MemoryError.
// New storage for `needed` items in strategy s: CPython's capacity for it,
// and room for at least half again the old room.
ListStorage* grown_storage(List* l, ListStrategy s, int64_t needed) {
  int64_t cap = grown_capacity(needed);
  int64_t room = l->storage ? l->storage->room + (l->storage->room >> 1) : 0;
  return new_storage(s, cap, room);
}

// Raises the capacity within the room when it suffices (no copy).
bool grow_in_place(List* l, int64_t needed) {
  if (!l->storage) return false;
  int64_t cap = grown_capacity(needed);
  if (l->storage->room < cap) return false;
  l->storage->capacity = cap;
  return true;
}

bool fit(List* l, Value v, int64_t needed) {
  if (l->strategy == ListStrategy::kEmpty) {
    ListStrategy s = strategy_for(v);
    int64_t cap = std::max<int64_t>(needed, 4);
    ListStorage* st = new_storage(s, cap);
    if (!st) return false;
    gc::store_ref<ListStorage>(l, &l->storage, st);
    l->strategy = s;
    return true;
  }
  if (!fits(l->strategy, v)) return switch_to_object(l, needed);
  if (!l->storage || l->storage->capacity < needed) {
    if (grow_in_place(l, needed)) return true;
    ListStorage* st = grown_storage(l, l->strategy, needed);
    if (!st) return false;
    if (l->length) std::memcpy(st->values(), l->storage->values(), size_t(l->length) * 8);
    gc::store_ref<ListStorage>(l, &l->storage, st);
  }
  return true;
}

// Room for `needed` items in the current strategy (no strategy change).
bool reserve(List* l, int64_t needed) {
  if (l->storage && l->storage->capacity >= needed) return true;
  if (l->strategy != ListStrategy::kEmpty && grow_in_place(l, needed)) return true;
  ListStrategy s = l->strategy == ListStrategy::kEmpty ? ListStrategy::kObject : l->strategy;
  ListStorage* st = grown_storage(l, s, needed);
  if (!st) return false;
  if (l->length) std::memcpy(st->values(), l->storage->values(), size_t(l->length) * 8);
  gc::store_ref<ListStorage>(l, &l->storage, st);
  if (l->strategy == ListStrategy::kEmpty) l->strategy = ListStrategy::kObject;
  return true;
}

// Drops items [n, length) (clearing object slots for the GC).
void truncate(List* l, int64_t n) {
  if (l->strategy == ListStrategy::kObject) {
    Value* items = l->storage->values();
    for (int64_t i = n; i < l->length; i++) items[i] = Value();
  }
  l->length = n;
}

void set_empty(List* l) {
  gc::store_ref<ListStorage>(l, &l->storage, nullptr);
  l->length = 0;
  l->strategy = ListStrategy::kEmpty;
  l->sorting = 0;
}

// The strategy a list holding the items of a and b needs.
ListStrategy join_strategy(ListStrategy a, ListStrategy b) {
  if (a == ListStrategy::kEmpty) return b;
  if (b == ListStrategy::kEmpty) return a;
  return a == b ? a : ListStrategy::kObject;
}

// Copies n items of src starting at `from` into dst at `to`; dst's strategy
// is src's or kObject.
bool copy_items(List* dst, int64_t to, List* src, int64_t from, int64_t n) {
  if (n == 0) return true;
  if (dst->strategy == src->strategy) {
    std::memmove(dst->storage->values() + to, src->storage->values() + from, size_t(n) * 8);
    return true;
  }
  for (int64_t i = 0; i < n; i++) {
    Value v = get_item(src, from + i);
    if (!v) return false;
    put_item(dst, to + i, v);
  }
  return true;
}

}  // namespace

gc::LayoutId kListLayout = register_list_layout();

const char* list_strategy_name(ListStrategy s) {
  switch (s) {
    case ListStrategy::kEmpty: return "empty";
    case ListStrategy::kInt: return "int";
    case ListStrategy::kFloat: return "float";
    case ListStrategy::kObject: return "object";
  }
  return "?";
}

// ---- the C++ API ------------------------------------------------------------------------

List* list_new(int64_t capacity) {
  auto* l = allocate<List>(kListLayout, types::list);
  if (capacity > 0) {
    // Presized lists (BUILD_LIST, list(tuple)) start as object storage only
    // when filled: keep them empty until the first store decides.
    (void)capacity;
  }
  return l;
}

List* list_new_subtype(Type* type) {
  if (type == types::list) return list_new();
  return static_cast<List*>(alloc_instance(type));
}

Value list_get(List* l, int64_t i) { return get_item(l, i); }

bool list_set(List* l, int64_t i, Value v) {
  if (!fits(l->strategy, v) && !fit(l, v, l->length)) return false;
  put_item(l, i, v);
  return true;
}

bool list_append(List* l, Value v) {
  int64_t n = l->length;
  if (l->storage && n < l->storage->capacity && fits(l->strategy, v)) {
    put_item(l, n, v);
    l->length = n + 1;
    return true;
  }
  if (!fit(l, v, n + 1)) return false;
  put_item(l, n, v);
  l->length = n + 1;
  return true;
}

bool list_insert(List* l, int64_t i, Value v) {
  int64_t n = l->length;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  if (!fit(l, v, n + 1)) return false;
  if (!reserve(l, n + 1)) return false;
  std::memmove(l->storage->values() + i + 1, l->storage->values() + i, size_t(n - i) * 8);
  if (l->strategy == ListStrategy::kObject) l->storage->values()[i] = Value();
  put_item(l, i, v);
  l->length = n + 1;
  return true;
}

List* list_from_array(const Value* items, int64_t n) {
  List* l = list_new();
  if (n <= 0) return l;
  // One storage of exactly n items in the strategy all of them fit.
  ListStrategy s = strategy_for(items[0]);
  for (int64_t i = 1; i < n && s != ListStrategy::kObject; i++) {
    if (!fits(s, items[i])) s = ListStrategy::kObject;
  }
  ListStorage* st = new_storage(s, n);
  if (!st) return nullptr;
  l->storage = st;
  l->strategy = s;
  for (int64_t i = 0; i < n; i++) put_item(l, i, items[i]);
  l->length = n;
  return l;
}

bool list_copy_items(List* l, Value* out) {
  for (int64_t i = 0; i < l->length; i++) {
    Value v = get_item(l, i);
    if (!v) return false;
    out[i] = v;
  }
  return true;
}

Tuple* list_as_tuple(List* l) {
  int64_t n = l->length;
  Tuple* t = tuple_new(n);
  if (!t) return nullptr;
  if (l->length != n) return list_as_tuple(l);
  if (!list_copy_items(l, t->items())) return nullptr;
  return t;
}

List* list_slice(List* l, int64_t start, int64_t stop) {
  List* r = list_new();
  int64_t n = stop - start;
  if (n <= 0) return r;
  ListStorage* st = new_storage(l->strategy, n);
  if (!st) return nullptr;
  std::memcpy(st->values(), l->storage->values() + start, size_t(n) * 8);
  r->storage = st;
  r->strategy = l->strategy;
  r->length = n;
  return r;
}

bool list_extend(List* l, Value iterable) {
  // As CPython, only an exact list or tuple (or the list itself) is copied
  // directly: a subclass may override __iter__.
  if (is_exact_list(iterable) || iterable.is(Value(l))) {
    List* src = iterable.as<List>();
    int64_t n = src->length;
    if (n == 0) return true;
    int64_t old = l->length;
    ListStrategy s = join_strategy(l->strategy, src->strategy);
    if (s != l->strategy) {
      if (l->strategy == ListStrategy::kEmpty) {
        ListStorage* st = new_storage(s, std::max<int64_t>(n, 4));
        if (!st) return false;
        gc::store_ref<ListStorage>(l, &l->storage, st);
        l->strategy = s;
      } else if (!switch_to_object(l, old + n)) {
        return false;
      }
    }
    if (!reserve(l, old + n)) return false;
    // src may be l itself: copy from the first `n` items only.
    if (!copy_items(l, old, src, 0, n)) return false;
    l->length = old + n;
    return true;
  }
  if (is_exact_tuple(iterable)) {
    auto* t = iterable.as<Tuple>();
    for (int64_t i = 0; i < t->length; i++) {
      if (!list_append(l, t->at(i))) return false;
    }
    return true;
  }
  Value it = get_iter(iterable);
  if (!it) return false;
  int64_t hint = length_hint(iterable, 8);
  if (hint < 0) return false;
  // As CPython: a hint that overflows with the current length is ignored
  // (it may lie); one that only exceeds the largest list is a MemoryError.
  if (hint <= INT64_MAX - l->length && hint > max_items() - l->length) {
    raise_memory_error();
    return false;
  }
  if (hint > 0 && hint < (int64_t(1) << 20) && l->strategy != ListStrategy::kEmpty &&
      !reserve(l, l->length + hint))
    return false;
  for (;;) {
    Value x = iter_next(it);
    if (!x) return !has_error();
    if (!list_append(l, x)) return false;
  }
}

List* list_from_iterable(Value iterable) {
  List* l = list_new();
  if (!list_extend(l, iterable)) return nullptr;
  return l;
}

Tuple* sequence_fast(Value v, const char* not_iterable) {
  if (is_exact_tuple(v)) return v.as<Tuple>();
  if (is_exact_list(v)) return list_as_tuple(v.as<List>());
  Value it = get_iter(v);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise(exc::TypeError, not_iterable);
    }
    return nullptr;
  }
  List* l = list_from_iterable(it);
  return l ? list_as_tuple(l) : nullptr;
}

void list_clear(List* l) { set_empty(l); }

// ---- sorting -------------------------------------------------------------------------------
//
// runtime/timsort.h does the sorting: CPython's run detection and binary
// insertion (so a comparison that raises leaves the same partial
// permutation CPython leaves), galloping merges, powersort's merge order.
// The items and keys stay reachable for the GC through tuples while the
// plain work arrays are permuted. The list is emptied during the sort;
// finding it non-empty afterwards, or emptied again meanwhile (List::sorting
// cleared), means "list modified during sort".

namespace {

// CPython's pre-sort check: all small ints or all exact strs compare
// without the protocol (and cannot fail).
struct KeyLess {
  enum class Mode { kGeneric, kSmallInts, kStrs } mode = Mode::kGeneric;

  KeyLess(const Value* keys, int64_t n) {
    bool ints = true, strs = true;
    for (int64_t i = 0; i < n; i++) {
      if (!keys[i].is_small()) ints = false;
      if (!is_exact_str(keys[i])) strs = false;
    }
    mode = ints ? Mode::kSmallInts : strs ? Mode::kStrs : Mode::kGeneric;
  }

  int operator()(const Value& x, const Value& y) const {
    switch (mode) {
      case Mode::kSmallInts: return x.small_value() < y.small_value();
      case Mode::kStrs: return str_compare(x.as<Str>(), y.as<Str>()) < 0;
      default: return compare_bool(x, y, CompareOp::kLt);
    }
  }
};

// Keeps a value reachable for the conservative stack scan until here.
inline void keep_alive(const void* p) { asm volatile("" : : "g"(p) : "memory"); }

}  // namespace

bool list_sort(List* l, Value key, bool reverse) {
  if (key && is_none(key)) key = Value();
  // Take the items out: the list is empty while user code runs.
  Tuple* saved = list_as_tuple(l);
  if (!saved) return false;
  ListStrategy strategy = l->strategy;
  ListStorage* storage = l->storage;
  int64_t n = l->length;
  set_empty(l);
  l->sorting = 1;

  Tuple* keys = nullptr;
  bool ok = true;
  if (key) {
    keys = tuple_new(n);
    if (!keys) ok = false;
    for (int64_t i = 0; ok && i < n; i++) {
      Value k = call1(key, saved->at(i));
      if (!k) ok = false;
      else keys->items()[i] = k;
    }
  }
  std::vector<Value> values;
  std::vector<Value> key_values;
  if (ok) {
    values.assign(saved->items(), saved->items() + n);
    if (keys) key_values.assign(keys->items(), keys->items() + n);
    if (reverse) {
      std::reverse(values.begin(), values.end());
      std::reverse(key_values.begin(), key_values.end());
    }
    KeyLess less(keys ? key_values.data() : values.data(), n);
    ok = keys ? runtime::timsort_keyed(key_values.data(), values.data(), size_t(n), less)
              : runtime::timsort(values.data(), size_t(n), less);
    if (reverse) std::reverse(values.begin(), values.end());
  }
  // CPython: any change that gave the list storage again, even if it then
  // emptied it ("allocated != -1").
  bool modified = l->length != 0 || l->storage != nullptr || l->sorting != 1;
  // Put the (possibly partially) sorted items back.
  set_empty(l);
  if (!ok && values.empty()) {
    // The key function failed: the original order stays.
    l->storage = storage;
    l->strategy = strategy;
    l->length = n;
  } else if (strategy == ListStrategy::kObject || strategy == ListStrategy::kEmpty) {
    l->storage = storage;
    l->strategy = strategy;
    l->length = n;
    for (int64_t i = 0; i < n; i++) l->storage->values()[i] = values[i];
  } else {
    l->storage = storage;
    l->strategy = strategy;
    l->length = n;
    for (int64_t i = 0; i < n; i++) put_item(l, i, values[i]);
  }
  keep_alive(saved);
  keep_alive(keys);
  keep_alive(storage);
  if (ok && modified) {
    raise(exc::ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

// ---- the list type ------------------------------------------------------------------------

namespace {

Value list_repr(Value self) {
  List* l = self.as<List>();
  if (l->length == 0) return str_from_ascii("[]");
  if (repr_enter(self)) return str_from_ascii("[...]");
  std::string out = "[";
  for (int64_t i = 0; i < l->length; i++) {
    if (i) out += ", ";
    Value item = get_item(l, i);
    Value r = item ? repr(item) : Value();
    if (!r) {
      repr_leave(self);
      return {};
    }
    out += str_to_utf8(r.as<Str>());
  }
  out += "]";
  repr_leave(self);
  return str_from_utf8(out);
}

int64_t list_len(Value self) { return self.as<List>()->length; }

// Equality of a list item with x, with the int strategy's shortcut.
inline int item_equal(List* l, int64_t i, Value x) {
  if (l->strategy == ListStrategy::kInt && x.is_small())
    return l->storage->ints()[i] == x.small_value();
  Value v = get_item(l, i);
  if (!v) return -1;
  return equal(v, x);
}

int list_contains(Value self, Value x) {
  List* l = self.as<List>();
  for (int64_t i = 0; i < l->length; i++) {
    int r = item_equal(l, i, x);
    if (r != 0) return r;
  }
  return 0;
}

Value list_subscript(Value self, Value key) {
  List* l = self.as<List>();
  if (key.is_small()) {
    int64_t i = key.small_value();
    if (i < 0) i += l->length;
    if (uint64_t(i) >= uint64_t(l->length)) return raise(exc::IndexError, "list index out of range");
    return get_item(l, i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), l->length, &start, &stop, &step);
    if (n < 0) return {};
    if (step == 1) return list_slice(l, start, start + n);
    List* r = list_new();
    if (n == 0) return r;
    ListStorage* st = new_storage(l->strategy, n);
    if (!st) return {};
    for (int64_t i = 0; i < n; i++) st->values()[i] = l->storage->values()[start + i * step];
    r->storage = st;
    r->strategy = l->strategy;
    r->length = n;
    return r;
  }
  int64_t i;
  if (!sequence_index(key, "list", &i)) return {};
  if (i < 0) i += l->length;
  if (uint64_t(i) >= uint64_t(l->length)) return raise(exc::IndexError, "list index out of range");
  return get_item(l, i);
}

// An index argument converted like CPython's "n" format (OverflowError
// "Python int too large to convert to C ssize_t").
bool ssize_arg(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Value iv = index(v);
  if (!iv) return false;
  return int_to_index(iv, out);
}

// l[lo:hi] = items (n of them, in a tuple or null for deletion).
bool assign_simple_slice(List* l, int64_t lo, int64_t hi, Tuple* items) {
  int64_t n = items ? items->length : 0;
  if (hi < lo) hi = lo;
  int64_t d = n - (hi - lo);
  int64_t old = l->length;
  for (int64_t i = 0; i < n; i++) {
    if (!fits(l->strategy, items->at(i)) && !fit(l, items->at(i), old)) return false;
  }
  if (d > 0 && !reserve(l, old + d)) return false;
  if (old == 0 && n == 0) return true;
  Value* base = l->storage->values();
  if (d < 0) {
    std::memmove(base + hi + d, base + hi, size_t(old - hi) * 8);
    if (l->strategy == ListStrategy::kObject)
      for (int64_t i = old + d; i < old; i++) base[i] = Value();
  } else if (d > 0) {
    std::memmove(base + hi + d, base + hi, size_t(old - hi) * 8);
  }
  l->length = old + d;
  for (int64_t i = 0; i < n; i++) put_item(l, lo + i, items->at(i));
  if (l->length == 0) set_empty(l);
  return true;
}

bool list_ass_subscript(Value self, Value key, Value v) {
  List* l = self.as<List>();
  if (!is_slice(key)) {
    int64_t i;
    if (!sequence_index(key, "list", &i)) return false;
    if (i < 0) i += l->length;
    if (uint64_t(i) >= uint64_t(l->length)) {
      raise(exc::IndexError, "list assignment index out of range");
      return false;
    }
    if (!v) {
      Value* base = l->storage->values();
      std::memmove(base + i, base + i + 1, size_t(l->length - i - 1) * 8);
      truncate(l, l->length - 1);
      if (l->length == 0) set_empty(l);
      return true;
    }
    return list_set(l, i, v);
  }
  int64_t start, stop, step;
  if (!slice_unpack(key.as<Slice>(), &start, &stop, &step)) return false;
  int64_t n = slice_adjust_indices(l->length, &start, &stop, step);
  if (step == 1) {
    Tuple* items = nullptr;
    if (v) {
      items = v.is(self) ? list_as_tuple(l) : sequence_fast(v, "can only assign an iterable");
      if (!items) return false;
    }
    return assign_simple_slice(l, start, stop, items);
  }
  if (!v) {
    if (n <= 0) return true;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (n - 1) - 1;
      step = -step;
    }
    // Delete items start, start+step, ...: compact in place.
    Value* base = l->storage->values();
    int64_t out = start;
    for (int64_t i = start; i < l->length; i++) {
      // (i - start) / step < n, not i < start + step * n: that overflows for a huge step.
      bool removed = (i - start) % step == 0 && (i - start) / step < n;
      if (!removed) base[out++] = base[i];
    }
    truncate(l, out);
    if (l->length == 0) set_empty(l);
    return true;
  }
  Tuple* items = v.is(self) ? list_as_tuple(l) : sequence_fast(v, "must assign iterable to extended slice");
  if (!items) return false;
  if (items->length != n) {
    raisef(exc::ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
           (long long)items->length, (long long)n);
    return false;
  }
  for (int64_t i = 0; i < n; i++) {
    if (!list_set(l, start + i * step, items->at(i))) return false;
  }
  return true;
}

Value list_iter(Value self) {
  auto* it = try_allocate<ListIterator>(list_iterator_layout(), types::list_iterator,
                                        sizeof(ListIterator));
  if (!it) return raise_memory_error();
  it->seq = self.as<List>();
  return it;
}

Value list_iter_next(Value self) {
  auto* it = self.as<ListIterator>();
  List* l = it->seq;
  if (!l) return {};
  if (it->index < l->length) return get_item(l, it->index++);
  it->seq = nullptr;
  return {};
}

Value list_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  if (!it->seq) return Value::small(0);
  int64_t n = it->seq->length - it->index;
  return Value::small(n < 0 ? 0 : n);
}

// (iter, (list,), index), or (iter, ([],)) once exhausted (both directions).
Value list_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  if (!it->seq) return iter_reduce("iter", list_new());
  return iter_reduce(type_of(self) == types::list_iterator ? "iter" : "reversed", it->seq,
                     int_from_i64(it->index));
}

Value list_iter_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  int64_t index;
  if (!iter_state_index(args[0], &index)) return {};
  if (it->seq) {
    if (type_of(self) == types::list_iterator) {
      if (index < 0) index = 0;
      else if (index > it->seq->length) index = it->seq->length;
    } else {
      if (index < -1) index = -1;
      else if (index > it->seq->length - 1) index = it->seq->length - 1;
    }
    it->index = index;
  }
  return none();
}

Value list_reviter_next(Value self) {
  auto* it = self.as<ListIterator>();
  List* l = it->seq;
  if (!l) return {};
  if (it->index >= 0 && it->index < l->length) return get_item(l, it->index--);
  it->index = -1;
  it->seq = nullptr;
  return {};
}

Value list_reviter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<ListIterator>();
  if (!it->seq || it->index >= it->seq->length) return Value::small(0);
  return Value::small(it->index + 1);
}

Value list_compare(Value a, Value b, CompareOp op) {
  if (!is_list(b)) return not_implemented();
  List* v = a.as<List>();
  List* w = b.as<List>();
  if (v->length != w->length && (op == CompareOp::kEq || op == CompareOp::kNe))
    return py_bool(op == CompareOp::kNe);
  int64_t i = 0;
  for (; i < v->length && i < w->length; i++) {
    Value x = get_item(v, i);
    if (!x) return {};
    Value y = get_item(w, i);
    if (!y) return {};
    int r = equal(x, y);
    if (r < 0) return {};
    if (r == 0) break;
  }
  if (i >= v->length || i >= w->length) {
    int64_t x = v->length, y = w->length;
    bool res = false;
    switch (op) {
      case CompareOp::kLt: res = x < y; break;
      case CompareOp::kLe: res = x <= y; break;
      case CompareOp::kEq: res = x == y; break;
      case CompareOp::kNe: res = x != y; break;
      case CompareOp::kGt: res = x > y; break;
      case CompareOp::kGe: res = x >= y; break;
    }
    return py_bool(res);
  }
  if (op == CompareOp::kEq) return py_bool(false);
  if (op == CompareOp::kNe) return py_bool(true);
  Value x = get_item(v, i);
  if (!x) return {};
  Value y = get_item(w, i);
  if (!y) return {};
  return compare(x, y, op);
}

Value list_concat(Value a, Value b) {
  if (!is_list(a)) return not_implemented();
  if (!is_list(b)) {
    if (defers_binary(b, BinaryOp::kAdd)) return not_implemented();
    return raisef(exc::TypeError, "can only concatenate list (not \"%s\") to list",
                  type_name(b).c_str());
  }
  List* x = a.as<List>();
  List* y = b.as<List>();
  List* r = list_new();
  if (!list_extend(r, x) || !list_extend(r, y)) return {};
  return r;
}

Value list_inplace_concat(Value a, Value b) {
  if (!is_list(a)) return not_implemented();
  if (!list_extend(a.as<List>(), b)) return {};
  return a;
}

// l * n into a new list, or in place when `into` is l.
Value repeat(List* l, int64_t n, List* into) {
  int64_t len = l->length;
  if (n <= 0 || len == 0) {
    if (into) {
      set_empty(into);
      return into;
    }
    return list_new();
  }
  if (len > max_items() / n) return raise_memory_error();
  int64_t total = len * n;
  ListStorage* st = new_storage(l->strategy, total);
  if (!st) return {};
  for (int64_t k = 0; k < n; k++)
    std::memcpy(st->values() + k * len, l->storage->values(), size_t(len) * 8);
  List* r = into ? into : list_new();
  gc::store_ref<ListStorage>(r, &r->storage, st);
  r->strategy = l->strategy;
  r->length = total;
  return r;
}

Value list_repeat(Value a, Value b) {
  Value seq = a, count = b;
  if (!is_list(a)) std::swap(seq, count);
  int64_t n;
  int rc = repeat_count(seq, count, BinaryOp::kMul, &n);
  if (rc <= 0) return rc == 0 ? not_implemented() : Value();
  return repeat(seq.as<List>(), n, nullptr);
}

Value list_inplace_repeat(Value a, Value b) {
  if (!is_list(a)) return not_implemented();
  int64_t n;
  int rc = repeat_count(a, b, BinaryOp::kMul, &n);
  if (rc <= 0) return rc == 0 ? not_implemented() : Value();
  return repeat(a.as<List>(), n, a.as<List>());
}

Value list_new_slot(Type* type, const Value*, size_t, Tuple*) { return list_new_subtype(type); }

bool list_init_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  // Keywords are for a subclass's own __new__ (as CPython).
  Type* t = type_of(self);
  if ((t == types::list || t->slots.new_ == types::list->slots.new_) && kwnames && kwnames->length) {
    raise(exc::TypeError, "list() takes no keyword arguments");
    return false;
  }
  if (!check_nargs("list", nargs, 0, 1)) return false;
  List* l = self.as<List>();
  set_empty(l);
  if (nargs == 1) return list_extend(l, args[0]);
  return true;
}

// ---- methods ---------------------------------------------------------------------------------

Value m_append(Value self, const Value* args, size_t, Tuple*) {
  if (!list_append(self.as<List>(), args[0])) return {};
  return none();
}

Value m_extend(Value self, const Value* args, size_t, Tuple*) {
  if (!list_extend(self.as<List>(), args[0])) return {};
  return none();
}

Value m_insert(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "insert expected 2 arguments, got %zu", nargs);
  int64_t i;
  if (!ssize_arg(args[0], &i)) return {};
  if (!list_insert(self.as<List>(), i, args[1])) return {};
  return none();
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("pop", nargs, 0, 1)) return {};
  List* l = self.as<List>();
  int64_t i = -1;
  if (nargs == 1) {
    if (!ssize_arg(args[0], &i)) return {};
  }
  if (l->length == 0) return raise(exc::IndexError, "pop from empty list");
  if (i < 0) i += l->length;
  if (uint64_t(i) >= uint64_t(l->length)) return raise(exc::IndexError, "pop index out of range");
  Value v = get_item(l, i);
  if (!v) return {};
  Value* base = l->storage->values();
  std::memmove(base + i, base + i + 1, size_t(l->length - i - 1) * 8);
  truncate(l, l->length - 1);
  return v;
}

Value m_remove(Value self, const Value* args, size_t, Tuple*) {
  List* l = self.as<List>();
  for (int64_t i = 0; i < l->length; i++) {
    int r = item_equal(l, i, args[0]);
    if (r < 0) return {};
    if (r) {
      if (i < l->length) {
        Value* base = l->storage->values();
        std::memmove(base + i, base + i + 1, size_t(l->length - i - 1) * 8);
        truncate(l, l->length - 1);
      }
      return none();
    }
  }
  return raise(exc::ValueError, "list.remove(x): x not in list");
}

Value m_index(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("index", nargs, 1, 3)) return {};
  List* l = self.as<List>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !clipped_index(args[1], &start)) return {};
  if (nargs > 2 && !clipped_index(args[2], &stop)) return {};
  if (start < 0) start = std::max<int64_t>(start + l->length, 0);
  if (stop < 0) stop = std::max<int64_t>(stop + l->length, 0);
  for (int64_t i = start; i < stop && i < l->length; i++) {
    int r = item_equal(l, i, args[0]);
    if (r < 0) return {};
    if (r) return Value::small(i);
  }
  std::string r = repr_utf8(args[0]);
  return raisef(exc::ValueError, "%s is not in list", r.c_str());
}

Value m_count(Value self, const Value* args, size_t, Tuple*) {
  List* l = self.as<List>();
  int64_t n = 0;
  for (int64_t i = 0; i < l->length; i++) {
    int r = item_equal(l, i, args[0]);
    if (r < 0) return {};
    n += r;
  }
  return Value::small(n);
}

Value m_reverse(Value self, const Value*, size_t, Tuple*) {
  List* l = self.as<List>();
  if (l->length > 1) std::reverse(l->storage->values(), l->storage->values() + l->length);
  return none();
}

Value m_sort(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs) return raise(exc::TypeError, "sort() takes no positional arguments");
  static const char* const kParams[] = {"key", "reverse", nullptr};
  Value key, rev;
  ArgSpec spec{"sort", kParams, 0, 0, 0};
  if (!parse_args(spec, args, 0, kwnames, {&key, &rev})) return {};
  bool reverse = false;
  if (rev) {
    // CPython converts reverse with int(), not bool().
    if (!is_int(rev)) {
      if (is_exact_float(rev))
        return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
      Value iv = index(rev);
      if (!iv) return {};
      rev = iv;
    }
    reverse = int_sign(rev) != 0;
  }
  if (!list_sort(self.as<List>(), key, reverse)) return {};
  return none();
}

Value m_clear(Value self, const Value*, size_t, Tuple*) {
  set_empty(self.as<List>());
  return none();
}

Value m_copy(Value self, const Value*, size_t, Tuple*) {
  List* l = self.as<List>();
  return list_slice(l, 0, l->length);
}

Value m_reversed(Value self, const Value*, size_t, Tuple*) {
  auto* it = try_allocate<ListIterator>(list_iterator_layout(), types::list_reverseiterator,
                                        sizeof(ListIterator));
  if (!it) return raise_memory_error();
  it->seq = self.as<List>();
  it->index = it->seq->length - 1;
  return it;
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  List* l = self.as<List>();
  int64_t cap = l->storage ? l->storage->capacity : 0;
  return Value::small(40 + 8 * cap);
}

Value m_getitem(Value self, const Value* args, size_t, Tuple*) { return list_subscript(self, args[0]); }

const MethodDef kListMethods[] = {
    {"__getitem__", m_getitem, MethodFlag::kOneArg, "x.__getitem__(y) <==> x[y]"},
    {"append", m_append, MethodFlag::kOneArg | MethodFlag::kOwnInstruction, "Append object to the end of the list."},
    {"extend", m_extend, MethodFlag::kOneArg, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, MethodFlag::kVarArgs, "Insert object before index."},
    {"pop", m_pop, MethodFlag::kVarArgs,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or "
     "index is out of range."},
    {"remove", m_remove, MethodFlag::kOneArg,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", m_index, MethodFlag::kVarArgs,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", m_count, MethodFlag::kOneArg, "Return number of occurrences of value."},
    {"reverse", m_reverse, MethodFlag::kNoArgs, "Reverse *IN PLACE*."},
    {"sort", m_sort, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list "
     "itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf "
     "a key function is given, apply it once to each list item and sort them,\nascending or "
     "descending, according to their function values.\n\nThe reverse flag can be set to sort in "
     "descending order."},
    {"clear", m_clear, MethodFlag::kNoArgs, "Remove all items from list."},
    {"copy", m_copy, MethodFlag::kNoArgs, "Return a shallow copy of the list."},
    {"__reversed__", m_reversed, MethodFlag::kNoArgs, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, MethodFlag::kNoArgs, "Return the size of the list in memory, in bytes."},
    {"__class_getitem__", class_getitem, MethodFlag::kOneArg | MethodFlag::kClass, "See PEP 585"},
    {nullptr, nullptr, 0},
};

const MethodDef kListIteratorMethods[] = {
    {"__length_hint__", list_iter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", list_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", list_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

const MethodDef kListRevIteratorMethods[] = {
    {"__length_hint__", list_reviter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", list_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", list_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

}  // namespace

void init_list() {
  TypeSpec spec;
  spec.name = "list";
  spec.layout = kListLayout;
  spec.instance_size = sizeof(List);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kListSubclass | TypeFlag::kImmutable;
  spec.trace = trace_list;
  spec.slots.repr = list_repr;
  spec.slots.compare = list_compare;
  spec.slots.iter = list_iter;
  spec.slots.len = list_len;
  spec.slots.getitem = list_subscript;
  spec.slots.setitem = list_ass_subscript;
  spec.slots.contains = list_contains;
  spec.slots.binary[int(BinaryOp::kAdd)] = list_concat;
  spec.slots.binary[int(BinaryOp::kMul)] = list_repeat;
  spec.slots.inplace[int(BinaryOp::kAdd)] = list_inplace_concat;
  spec.slots.inplace[int(BinaryOp::kMul)] = list_inplace_repeat;
  spec.slots.new_ = list_new_slot;
  spec.slots.init = list_init_slot;
  spec.methods = kListMethods;
  spec.doc =
      "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty "
      "list.\nThe argument must be an iterable if specified.";
  make_builtin_type(&types::list, spec);

  TypeSpec it;
  it.name = "list_iterator";
  it.layout = list_iterator_layout();
  it.instance_size = sizeof(ListIterator);
  it.flags = TypeFlag::kImmutable;
  it.trace = trace_list_iterator;
  it.slots.iter = iter_self;
  it.slots.next = list_iter_next;
  it.methods = kListIteratorMethods;
  make_builtin_type(&types::list_iterator, it);

  TypeSpec rit = it;
  rit.name = "list_reverseiterator";
  rit.slots.next = list_reviter_next;
  rit.methods = kListRevIteratorMethods;
  make_builtin_type(&types::list_reverseiterator, rit);
}

}  // namespace pyrite::python
