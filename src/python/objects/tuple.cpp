// tuple: construction, the tuple type's slots and methods, tuple_iterator
// (docs/objects.md, "Containers").
#include "python/objects/tuple.h"

#include <cstring>
#include <string>

#include "python/interp/interp.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

size_t tuple_bytes(int64_t n) { return sizeof(Tuple) + size_t(n) * sizeof(Value); }

void trace_tuple(void* obj, gc::Visitor& v) {
  auto* t = static_cast<Tuple*>(obj);
  v.visit(t->type);
  const Value* items = t->items();
  for (int64_t i = 0; i < t->length; i++) visit_value(v, items[i]);
}

size_t size_tuple(const void* obj) {
  auto* t = static_cast<const Tuple*>(obj);
  return tuple_bytes(t->length);
}

gc::LayoutId register_tuple_layout() {
  gc::LayoutInfo info;
  info.name = "tuple";
  info.trace = trace_tuple;
  info.size = size_tuple;
  return gc::register_layout(info);
}

void trace_tuple_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<TupleIterator*>(obj);
  v.visit(it->type);
  v.visit(it->seq);
}

gc::LayoutId tuple_iterator_layout() {
  static gc::LayoutId id = gc::register_layout(
      gc::LayoutInfo{"tuple_iterator", trace_tuple_iterator, sizeof(TupleIterator)});
  return id;
}

Tuple* g_empty = nullptr;

constexpr uint64_t kXXPrime1 = 11400714785074694791ULL;
constexpr uint64_t kXXPrime2 = 14029467366897019727ULL;
constexpr uint64_t kXXPrime5 = 2870177450012600261ULL;

}  // namespace

gc::LayoutId kTupleLayout = register_tuple_layout();

// ---- construction ------------------------------------------------------------------

Tuple* tuple_new(int64_t n) {
  if (n == 0 && g_empty) return g_empty;
  // Small tuples, the common case, are never over the limit.
  if (n < 0 || (n > 4096 && n > max_sequence_length())) {
    raise_memory_error();
    return nullptr;
  }
  auto* t = try_allocate<Tuple>(kTupleLayout, types::tuple, tuple_bytes(n));
  if (!t) {
    raise_memory_error();
    return nullptr;
  }
  t->length = n;
  t->hash = -1;
  return t;
}

Tuple* tuple_new_subtype(Type* type, int64_t n) {
  if (type == types::tuple) return tuple_new(n);
  if (n < 0 || n > max_sequence_length()) {
    raise_memory_error();
    return nullptr;
  }
  auto* t = alloc_var_instance<Tuple>(type, tuple_bytes(n));
  if (!t) return nullptr;
  t->length = n;
  t->hash = -1;
  return t;
}

Tuple* tuple_empty() {
  if (!g_empty) {
    g_empty = try_allocate<Tuple>(kTupleLayout, types::tuple, sizeof(Tuple));
    if (!g_empty) fatal_out_of_memory(sizeof(Tuple));
    g_empty->hash = -1;
    gc::Heap::current()->add_root(reinterpret_cast<void**>(&g_empty));
  }
  return g_empty;
}

Tuple* tuple_of(std::initializer_list<Value> items) {
  return tuple_from_array(items.begin(), int64_t(items.size()));
}

Tuple* tuple_from_array(const Value* items, int64_t n) {
  if (n == 0) return tuple_empty();
  Tuple* t = tuple_new(n);
  if (!t) return nullptr;
  std::memcpy(t->items(), items, size_t(n) * sizeof(Value));
  return t;
}

Tuple* tuple_slice(Tuple* t, int64_t start, int64_t stop) {
  if (start == 0 && stop == t->length && t->type == types::tuple) return t;
  return tuple_from_array(t->items() + start, stop - start);
}

Tuple* tuple_from_iterable(Value iterable) {
  if (is_exact_tuple(iterable)) return iterable.as<Tuple>();
  // Only an exact list is copied directly: a subclass may override __iter__.
  if (is_exact_list(iterable)) return list_as_tuple(iterable.as<List>());
  // As PySequence_Tuple: iter(iterable), then the iterable's length hint.
  Value it = get_iter(iterable);
  if (!it) return nullptr;
  int64_t hint = length_hint(iterable, 0);
  if (hint < 0) return nullptr;
  if (hint > max_sequence_length()) {
    raise_memory_error();
    return nullptr;
  }
  TupleBuilder b(hint);
  for (;;) {
    Value x = iter_next(it);
    if (!x) return has_error() ? nullptr : b.finish();
    if (!b.push(x)) return nullptr;
  }
}

TupleBuilder::TupleBuilder(int64_t reserve) {
  if (reserve > 0 && reserve < (int64_t(1) << 24)) {
    buf_ = tuple_new(reserve);
    if (!buf_) clear_error();  // grow on demand instead
  }
}

bool TupleBuilder::push(Value v) {
  if (!buf_ || n_ == buf_->length) {
    int64_t cap = buf_ ? buf_->length * 2 : 8;
    if (cap < 8) cap = 8;
    Tuple* nb = tuple_new(cap);
    if (!nb) return false;
    if (buf_) std::memcpy(nb->items(), buf_->items(), size_t(n_) * sizeof(Value));
    buf_ = nb;
  }
  buf_->items()[n_++] = v;
  return true;
}

Tuple* TupleBuilder::finish() {
  if (n_ == 0) return tuple_empty();
  if (n_ == buf_->length) return buf_;
  return tuple_from_array(buf_->items(), n_);
}

// ---- hashing ---------------------------------------------------------------------------

int64_t tuple_hash(Tuple* t) {
  if (t->hash != -1) return t->hash;
  uint64_t acc = kXXPrime5;
  bool cacheable = true;
  const int64_t n = t->length;
  for (int64_t i = 0; i < n; i++) {
    Value item = t->at(i);
    if (!(item.is_small() || is_exact_str(item) ||
          (is_exact_tuple(item) && item.as<Tuple>()->hash != -1)))
      cacheable = false;
    int64_t h;
    if (item.is_small() || is_exact_str(item)) {
      h = hash(item);
    } else {
      // Nested tuples recurse in C++: keep a deep nesting a RecursionError.
      if (!enter_recursive_call("")) return -1;
      h = hash(item);
      leave_recursive_call();
    }
    if (h == -1) return -1;
    acc += uint64_t(h) * kXXPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kXXPrime1;
  }
  acc += uint64_t(n) ^ (kXXPrime5 ^ 3527539ULL);
  int64_t result = acc == uint64_t(-1) ? 1546275796 : int64_t(acc);
  if (cacheable) t->hash = result;
  return result;
}

// ---- repr --------------------------------------------------------------------------------

Value sequence_repr(Value self, const char* open, const char* close, const Value* items,
                    int64_t n) {
  if (repr_enter(self)) {
    return str_from_utf8(std::string(open) + "..." + close);
  }
  std::string out = open;
  for (int64_t i = 0; i < n; i++) {
    if (i) out += ", ";
    Value r = repr(items[i]);
    if (!r) {
      repr_leave(self);
      return {};
    }
    out += str_to_utf8(r.as<Str>());
  }
  out += close;
  repr_leave(self);
  return str_from_utf8(out);
}

namespace {

Value tuple_repr(Value self) {
  auto* t = self.as<Tuple>();
  if (t->length == 0) return str_from_ascii("()");
  if (t->length == 1) {
    if (repr_enter(self)) return str_from_ascii("(...)");
    repr_leave(self);
    Value r = sequence_repr(self, "(", ",)", t->items(), 1);
    return r;
  }
  return sequence_repr(self, "(", ")", t->items(), t->length);
}

int64_t tuple_hash_slot(Value self) { return tuple_hash(self.as<Tuple>()); }

int64_t tuple_len(Value self) { return self.as<Tuple>()->length; }

Value tuple_getitem(Value self, Value key) {
  auto* t = self.as<Tuple>();
  if (key.is_small()) {
    int64_t i = key.small_value();
    if (i < 0) i += t->length;
    if (uint64_t(i) >= uint64_t(t->length)) return raise(exc::IndexError, "tuple index out of range");
    return t->at(i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t n = slice_indices_for(key.as<Slice>(), t->length, &start, &stop, &step);
    if (n < 0) return {};
    if (step == 1) return tuple_slice(t, start, start + n);
    Tuple* r = tuple_new(n);
    if (!r) return {};
    for (int64_t i = 0; i < n; i++) r->items()[i] = t->at(start + i * step);
    return r;
  }
  int64_t i;
  if (!sequence_index(key, "tuple", &i)) return {};
  if (i < 0) i += t->length;
  if (uint64_t(i) >= uint64_t(t->length)) return raise(exc::IndexError, "tuple index out of range");
  return t->at(i);
}

int tuple_contains(Value self, Value item) {
  auto* t = self.as<Tuple>();
  for (int64_t i = 0; i < t->length; i++) {
    int r = equal(t->at(i), item);
    if (r != 0) return r;
  }
  return 0;
}

Value tuple_iter(Value self) {
  auto* it = try_allocate<TupleIterator>(tuple_iterator_layout(), types::tuple_iterator,
                                         sizeof(TupleIterator));
  if (!it) return raise_memory_error();
  it->seq = self.as<Tuple>();
  return it;
}

Value tuple_iter_next(Value self) {
  auto* it = self.as<TupleIterator>();
  Tuple* t = it->seq;
  if (!t) return {};
  if (it->index < t->length) return t->at(it->index++);
  it->seq = nullptr;
  return {};
}

// (iter, (tuple,), index), or (iter, ((),)) once exhausted.
Value tuple_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<TupleIterator>();
  if (!it->seq) return iter_reduce("iter", tuple_empty());
  return iter_reduce("iter", it->seq, int_from_i64(it->index));
}

Value tuple_iter_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<TupleIterator>();
  int64_t index;
  if (!iter_state_index(args[0], &index)) return {};
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > it->seq->length) index = it->seq->length;
    it->index = index;
  }
  return none();
}

Value tuple_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<TupleIterator>();
  if (!it->seq) return Value::small(0);
  return Value::small(it->seq->length - it->index);
}

Value tuple_compare(Value a, Value b, CompareOp op) {
  if (!is_tuple(b)) return not_implemented();
  auto* v = a.as<Tuple>();
  auto* w = b.as<Tuple>();
  int64_t i = 0;
  for (; i < v->length && i < w->length; i++) {
    int r = equal(v->at(i), w->at(i));
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
  return compare(v->at(i), w->at(i), op);
}

Value tuple_add(Value a, Value b) {
  if (!is_tuple(a)) return not_implemented();
  if (!is_tuple(b)) {
    if (defers_binary(b, BinaryOp::kAdd)) return not_implemented();
    return raisef(exc::TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                  type_name(b).c_str());
  }
  auto* x = a.as<Tuple>();
  auto* y = b.as<Tuple>();
  if (y->length == 0 && is_exact_tuple(a)) return a;
  if (x->length == 0 && is_exact_tuple(b)) return b;
  Tuple* r = tuple_new(x->length + y->length);
  if (!r) return {};
  std::memcpy(r->items(), x->items(), size_t(x->length) * sizeof(Value));
  std::memcpy(r->items() + x->length, y->items(), size_t(y->length) * sizeof(Value));
  return r;
}

Value tuple_mul(Value a, Value b) {
  Value seq = a, count = b;
  if (!is_tuple(a)) std::swap(seq, count);
  int64_t n;
  int rc = repeat_count(seq, count, BinaryOp::kMul, &n);
  if (rc <= 0) return rc == 0 ? not_implemented() : Value();
  auto* t = seq.as<Tuple>();
  if (n <= 0 || t->length == 0) return tuple_empty();
  if (n == 1 && is_exact_tuple(seq)) return seq;
  if (t->length > INT64_MAX / n) return raise_memory_error();
  Tuple* r = tuple_new(t->length * n);
  if (!r) return {};
  for (int64_t k = 0; k < n; k++)
    std::memcpy(r->items() + k * t->length, t->items(), size_t(t->length) * sizeof(Value));
  return r;
}

Value tuple_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  // Keywords are for a subclass's own __init__ (as CPython).
  if ((type == types::tuple || type->slots.init == types::tuple->slots.init) && kwnames &&
      kwnames->length)
    return raise(exc::TypeError, "tuple() takes no keyword arguments");
  if (!check_nargs("tuple", nargs, 0, 1)) return {};
  if (type == types::tuple) {
    if (nargs == 0) return tuple_empty();
    return tuple_from_iterable(args[0]);
  }
  Tuple* items = nargs == 0 ? tuple_empty() : tuple_from_iterable(args[0]);
  if (!items) return {};
  Tuple* r = tuple_new_subtype(type, items->length);
  if (!r) return {};
  std::memcpy(r->items(), items->items(), size_t(items->length) * sizeof(Value));
  return r;
}

// ---- methods ------------------------------------------------------------------------------

Value tuple_count(Value self, const Value* args, size_t, Tuple*) {
  auto* t = self.as<Tuple>();
  int64_t count = 0;
  for (int64_t i = 0; i < t->length; i++) {
    int r = equal(t->at(i), args[0]);
    if (r < 0) return {};
    count += r;
  }
  return Value::small(count);
}

Value tuple_index(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("index", nargs, 1, 3)) return {};
  auto* t = self.as<Tuple>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !clipped_index(args[1], &start)) return {};
  if (nargs > 2 && !clipped_index(args[2], &stop)) return {};
  if (start < 0) start = std::max<int64_t>(start + t->length, 0);
  if (stop < 0) stop += t->length;
  for (int64_t i = start; i < stop && i < t->length; i++) {
    int r = equal(t->at(i), args[0]);
    if (r < 0) return {};
    if (r) return Value::small(i);
  }
  return raise(exc::ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_getnewargs(Value self, const Value*, size_t, Tuple*) {
  auto* t = self.as<Tuple>();
  Tuple* copy = tuple_from_array(t->items(), t->length);
  if (!copy) return {};
  return tuple_of({copy});
}

const MethodDef kTupleMethods[] = {
    {"count", tuple_count, MethodFlag::kOneArg, "Return number of occurrences of value."},
    {"index", tuple_index, MethodFlag::kVarArgs,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"__getnewargs__", tuple_getnewargs, MethodFlag::kNoArgs},
    {"__class_getitem__", class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const MethodDef kTupleIteratorMethods[] = {
    {"__length_hint__", tuple_iter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", tuple_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", tuple_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

}  // namespace

// ---- the type ------------------------------------------------------------------------------

void init_tuple() {
  TypeSpec spec;
  spec.name = "tuple";
  spec.layout = kTupleLayout;
  spec.instance_size = sizeof(Tuple);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kTupleSubclass | TypeFlag::kImmutable;
  spec.trace = trace_tuple;
  spec.slots.repr = tuple_repr;
  spec.slots.hash = tuple_hash_slot;
  spec.slots.compare = tuple_compare;
  spec.slots.iter = tuple_iter;
  spec.slots.len = tuple_len;
  spec.slots.getitem = tuple_getitem;
  spec.slots.contains = tuple_contains;
  spec.slots.binary[int(BinaryOp::kAdd)] = tuple_add;
  spec.slots.binary[int(BinaryOp::kMul)] = tuple_mul;
  spec.slots.new_ = tuple_new_slot;
  spec.methods = kTupleMethods;
  spec.doc =
      "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty "
      "tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the "
      "argument is a tuple, the return value is the same object.";
  Type* t = make_builtin_type(&types::tuple, spec);
  // Tuples made before the type was filled in (bootstrap) get their type word.
  gc::Heap::current()->for_each_object([t](void* obj, size_t) {
    auto* h = static_cast<gc::Header*>(obj);
    if (gc::LayoutId(h->gc_word >> gc::kLayoutShift) == kTupleLayout &&
        h->language_word == nullptr)
      h->language_word = t;
  });
  tuple_empty();

  TypeSpec it;
  it.name = "tuple_iterator";
  it.layout = tuple_iterator_layout();
  it.instance_size = sizeof(TupleIterator);
  it.flags = TypeFlag::kImmutable;
  it.trace = trace_tuple_iterator;
  it.slots.iter = iter_self;
  it.slots.next = tuple_iter_next;
  it.methods = kTupleIteratorMethods;
  make_builtin_type(&types::tuple_iterator, it);
}

}  // namespace pyrite::python
