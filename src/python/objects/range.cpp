// range: construction with arbitrary-precision bounds, the sequence
// protocol, and the two iterators (docs/objects.md, "Containers").
#include "python/objects/range.h"

#include <optional>
#include <string>

#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// The iterator over int Values (bounds past int64).
struct LongRangeIterator : Object {
  Value next;
  Value step;
  Value remaining;
  Value len;  // the item count it started with
};

void trace_range(void* obj, gc::Visitor& v) {
  auto* r = static_cast<Range*>(obj);
  v.visit(r->type);
  visit_value(v, r->start);
  visit_value(v, r->stop);
  visit_value(v, r->step);
  visit_value(v, r->length);
}

void trace_range_iterator(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

void trace_long_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<LongRangeIterator*>(obj);
  v.visit(it->type);
  visit_value(v, it->next);
  visit_value(v, it->step);
  visit_value(v, it->remaining);
  visit_value(v, it->len);
}

gc::LayoutId register_range_layout() {
  return gc::register_layout(gc::LayoutInfo{"range", trace_range, sizeof(Range)});
}

gc::LayoutId range_iterator_layout() {
  static gc::LayoutId id = gc::register_layout(
      gc::LayoutInfo{"range_iterator", trace_range_iterator, sizeof(RangeIterator)});
  return id;
}

gc::LayoutId long_iterator_layout() {
  static gc::LayoutId id = gc::register_layout(
      gc::LayoutInfo{"longrange_iterator", trace_long_iterator, sizeof(LongRangeIterator)});
  return id;
}

// ---- int arithmetic on Values (small fast paths, int.h beyond) ------------------------------

Value add(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_i64(a.small_value() + b.small_value());
  return int_binary(BinaryOp::kAdd, a, b);
}
Value sub(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_i64(a.small_value() - b.small_value());
  return int_binary(BinaryOp::kSub, a, b);
}
Value mul(Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    int64_t r;
    if (!__builtin_mul_overflow(a.small_value(), b.small_value(), &r)) return int_from_i64(r);
  }
  return int_binary(BinaryOp::kMul, a, b);
}
Value floordiv(Value a, Value b) { return int_binary(BinaryOp::kFloorDiv, a, b); }
Value mod(Value a, Value b) { return int_binary(BinaryOp::kMod, a, b); }
Value neg(Value a) { return sub(Value::small(0), a); }

// -1, 0, 1; errors cannot happen between exact ints.
int cmp(Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    return x < y ? -1 : x > y;
  }
  if (int_compare(a, b, CompareOp::kLt).is(py_bool(true))) return -1;
  if (int_compare(a, b, CompareOp::kEq).is(py_bool(true))) return 0;
  return 1;
}

Value compute_length(Value start, Value stop, Value step) {
  Value lo, hi, st;
  if (int_sign(step) > 0) {
    lo = start;
    hi = stop;
    st = step;
  } else {
    lo = stop;
    hi = start;
    st = neg(step);
    if (!st) return {};
  }
  if (cmp(lo, hi) >= 0) return Value::small(0);
  // (hi - lo - 1) // step + 1
  Value d = sub(hi, lo);
  if (!d) return {};
  d = sub(d, Value::small(1));
  if (!d) return {};
  d = floordiv(d, st);
  if (!d) return {};
  return add(d, Value::small(1));
}

bool length_i64(Range* r, int64_t* out) {
  if (r->length.is_small()) {
    *out = r->length.small_value();
    return true;
  }
  std::optional<int64_t> x = int_to_i64(r->length);
  if (!x) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = *x;
  return true;
}

// start + i*step
Value item_at(Range* r, Value i) {
  Value p = mul(i, r->step);
  if (!p) return {};
  return add(r->start, p);
}

Value make_iterator(Value start, Value step, Value len) {
  // The int64 iterator when the last value and the one past it fit.
  std::optional<int64_t> s = int_to_i64(start), st = int_to_i64(step), n = int_to_i64(len);
  if (s && st && n) {
    __int128 last = __int128(*s) + __int128(*st) * __int128(*n);
    if (last >= INT64_MIN && last <= INT64_MAX) return range_iterator_new(*s, *st, *n);
  }
  auto* it = try_allocate<LongRangeIterator>(long_iterator_layout(), types::longrange_iterator,
                                             sizeof(LongRangeIterator));
  if (!it) return raise_memory_error();
  it->next = start;
  it->step = step;
  it->remaining = len;
  it->len = len;
  return it;
}

}  // namespace

gc::LayoutId kRangeLayout = register_range_layout();

Value range_new(Value start, Value stop, Value step) {
  if (int_sign(step) == 0) return raise(exc::ValueError, "range() arg 3 must not be zero");
  Value len = compute_length(start, stop, step);
  if (!len) return {};
  auto* r = allocate<Range>(kRangeLayout, types::range);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = len;
  return r;
}

Value range_iterator_new(int64_t start, int64_t step, int64_t n) {
  auto* it = try_allocate<RangeIterator>(range_iterator_layout(), types::range_iterator,
                                         sizeof(RangeIterator));
  if (!it) return raise_memory_error();
  it->next = start;
  it->step = step;
  it->remaining = n;
  it->len = n;
  return it;
}

namespace {

Value range_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "range() takes no keyword arguments");
  if (nargs == 0) return raise(exc::TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raisef(exc::TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Value v[3];
  for (size_t i = 0; i < nargs; i++) {
    v[i] = args[i].is_small() ? args[i] : index(args[i]);
    if (!v[i]) return {};
  }
  if (nargs == 1) return range_new(Value::small(0), v[0], Value::small(1));
  return range_new(v[0], v[1], nargs == 3 ? v[2] : Value::small(1));
}

Value range_repr(Value self) {
  auto* r = self.as<Range>();
  std::string out = "range(";
  Value s = repr(r->start);
  if (!s) return {};
  out += str_to_utf8(s.as<Str>());
  out += ", ";
  Value e = repr(r->stop);
  if (!e) return {};
  out += str_to_utf8(e.as<Str>());
  if (!(r->step.is_small() && r->step.small_value() == 1)) {
    Value st = repr(r->step);
    if (!st) return {};
    out += ", ";
    out += str_to_utf8(st.as<Str>());
  }
  out += ")";
  return str_from_utf8(out);
}

int64_t range_len(Value self) {
  int64_t n;
  if (!length_i64(self.as<Range>(), &n)) return -1;
  return n;
}

int range_bool(Value self) { return int_sign(self.as<Range>()->length) != 0; }

// 1/0 for an exact int (or bool) x; the arithmetic test.
int int_in_range(Range* r, Value x) {
  if (int_sign(r->length) == 0) return 0;
  if (int_sign(r->step) > 0) {
    if (cmp(x, r->start) < 0 || cmp(x, r->stop) >= 0) return 0;
  } else {
    if (cmp(x, r->start) > 0 || cmp(x, r->stop) <= 0) return 0;
  }
  if (r->step.is_small() && r->step.small_value() == 1) return 1;
  Value d = sub(x, r->start);
  if (!d) return -1;
  Value m = mod(d, r->step);
  if (!m) return -1;
  return int_sign(m) == 0;
}

bool int_like(Value x) { return is_exact_int(x) || type_of(x) == types::bool_; }

int range_contains(Value self, Value x) {
  auto* r = self.as<Range>();
  if (int_like(x)) return int_in_range(r, int_exact(x));
  // The generic search: compare with every item.
  Value it = make_iterator(r->start, r->step, r->length);
  if (!it) return -1;
  for (;;) {
    Value v = iter_next(it);
    if (!v) return has_error() ? -1 : 0;
    int e = equal(v, x);
    if (e != 0) return e;
  }
}

Value range_subscript(Value self, Value key) {
  auto* r = self.as<Range>();
  if (is_slice(key)) {
    Value start, stop, step;
    if (!slice_long_indices(key.as<Slice>(), r->length, &start, &stop, &step)) return {};
    Value nstart = item_at(r, start);
    if (!nstart) return {};
    Value nstop = item_at(r, stop);
    if (!nstop) return {};
    Value nstep = mul(r->step, step);
    if (!nstep) return {};
    return range_new(nstart, nstop, nstep);
  }
  Value i;
  if (key.is_small()) {
    i = key;
  } else if (has_index(key)) {
    i = index(key);
    if (!i) return {};
  } else {
    return raisef(exc::TypeError, "range indices must be integers or slices, not %s",
                  type_name(key).c_str());
  }
  if (int_sign(i) < 0) {
    i = add(i, r->length);
    if (!i) return {};
  }
  if (int_sign(i) < 0 || cmp(i, r->length) >= 0)
    return raise(exc::IndexError, "range object index out of range");
  return item_at(r, i);
}

Value range_iter(Value self) {
  auto* r = self.as<Range>();
  return make_iterator(r->start, r->step, r->length);
}

Value range_compare(Value a, Value b, CompareOp op) {
  if (!is_range(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) return not_implemented();
  auto* x = a.as<Range>();
  auto* y = b.as<Range>();
  bool eq;
  if (a.is(b)) {
    eq = true;
  } else if (cmp(x->length, y->length) != 0) {
    eq = false;
  } else if (int_sign(x->length) == 0) {
    eq = true;
  } else if (cmp(x->start, y->start) != 0) {
    eq = false;
  } else if (x->length.is_small() && x->length.small_value() == 1) {
    eq = true;
  } else {
    eq = cmp(x->step, y->step) == 0;
  }
  return py_bool(eq == (op == CompareOp::kEq));
}

int64_t range_hash(Value self) {
  auto* r = self.as<Range>();
  Tuple* t;
  if (int_sign(r->length) == 0) {
    t = tuple_of({r->length, none(), none()});
  } else if (r->length.is_small() && r->length.small_value() == 1) {
    t = tuple_of({r->length, r->start, none()});
  } else {
    t = tuple_of({r->length, r->start, r->step});
  }
  return tuple_hash(t);
}

Value range_get_start(Value self) { return self.as<Range>()->start; }
Value range_get_stop(Value self) { return self.as<Range>()->stop; }
Value range_get_step(Value self) { return self.as<Range>()->step; }

Value m_count(Value self, const Value* args, size_t, Tuple*) {
  auto* r = self.as<Range>();
  if (int_like(args[0])) {
    int c = int_in_range(r, int_exact(args[0]));
    if (c < 0) return {};
    return Value::small(c);
  }
  Value it = range_iter(self);
  if (!it) return {};
  int64_t n = 0;
  for (;;) {
    Value v = iter_next(it);
    if (!v) return has_error() ? Value() : Value::small(n);
    int e = equal(v, args[0]);
    if (e < 0) return {};
    n += e;
  }
}

Value m_index(Value self, const Value* args, size_t, Tuple*) {
  auto* r = self.as<Range>();
  Value x = args[0];
  if (int_like(x)) {
    Value xi = int_exact(x);
    int c = int_in_range(r, xi);
    if (c < 0) return {};
    if (c) {
      Value d = sub(xi, r->start);
      if (!d) return {};
      return floordiv(d, r->step);
    }
  } else {
    Value it = range_iter(self);
    if (!it) return {};
    for (int64_t i = 0;; i++) {
      Value v = iter_next(it);
      if (!v) {
        if (has_error()) return {};
        break;
      }
      int e = equal(v, x);
      if (e < 0) return {};
      if (e) return int_from_i64(i);
    }
  }
  std::string rep = repr_utf8(x);
  return raisef(exc::ValueError, "%s is not in range", rep.c_str());
}

Value m_reversed(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Range>();
  // last = start + (len - 1) * step; iterate with -step.
  Value lm1 = sub(r->length, Value::small(1));
  if (!lm1) return {};
  Value last = item_at(r, lm1);
  if (!last) return {};
  Value nstep = neg(r->step);
  if (!nstep) return {};
  return make_iterator(last, nstep, r->length);
}

Value m_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Range>();
  Tuple* args = tuple_of({r->start, r->stop, r->step});
  return tuple_of({types::range, args});
}

// ---- iterators -----------------------------------------------------------------------------

Value range_iter_next(Value self) {
  auto* it = self.as<RangeIterator>();
  if (it->remaining <= 0) return {};
  int64_t v = it->next;
  it->next += it->step;
  it->remaining--;
  return int_from_i64(v);
}

Value range_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  return int_from_i64(self.as<RangeIterator>()->remaining);
}

Value long_iter_next(Value self) {
  auto* it = self.as<LongRangeIterator>();
  if (int_sign(it->remaining) <= 0) return {};
  Value v = it->next;
  Value n = add(v, it->step);
  if (!n) return {};
  Value rem = sub(it->remaining, Value::small(1));
  if (!rem) return {};
  it->next = n;
  it->remaining = rem;
  return v;
}

Value long_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  return self.as<LongRangeIterator>()->remaining;
}

// Pickling, as CPython: (iter, (range(start, start + len * step, step),), index)
// with start the first value and index the count already produced.
Value range_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<RangeIterator>();
  int64_t index = it->len - it->remaining;
  Value step = int_from_i64(it->step);
  Value done = mul(int_from_i64(index), step);
  Value start = done ? sub(int_from_i64(it->next), done) : Value();
  Value span = start ? mul(int_from_i64(it->len), step) : Value();
  Value stop = span ? add(start, span) : Value();
  if (!stop) return {};
  Value r = range_new(start, stop, step);
  if (!r) return {};
  return iter_reduce("iter", r, int_from_i64(index));
}

// __setstate__(index): clipped to [0, len] (PyLong_AsLong: __index__ accepted).
Value range_iter_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<RangeIterator>();
  Value v = python::index(args[0]);
  if (!v) return {};
  std::optional<int64_t> i = int_to_i64(v);
  if (!i) return raise(exc::OverflowError, "Python int too large to convert to C long");
  int64_t index = *i < 0 ? 0 : (*i > it->len ? it->len : *i);
  int64_t done = it->len - it->remaining;
  it->next = int64_t(uint64_t(it->next) + uint64_t(index - done) * uint64_t(it->step));
  it->remaining = it->len - index;
  return none();
}

Value long_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<LongRangeIterator>();
  Value index = sub(it->len, it->remaining);
  if (!index) return {};
  Value done = mul(index, it->step);
  Value start = done ? sub(it->next, done) : Value();
  Value span = start ? mul(it->len, it->step) : Value();
  Value stop = span ? add(start, span) : Value();
  if (!stop) return {};
  Value r = range_new(start, stop, it->step);
  if (!r) return {};
  return iter_reduce("iter", r, index);
}

// __setstate__(index): clipped to [0, len] by comparisons (any int).
Value long_iter_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* it = self.as<LongRangeIterator>();
  Value state = args[0];
  if (!is_int(state)) {
    int lt = compare_bool(state, Value::small(0), CompareOp::kLt);
    if (lt < 0) return {};
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(state).c_str());
  }
  Value index = state;
  if (int_sign(index) < 0) index = Value::small(0);
  else if (cmp(it->len, index) < 0) index = it->len;
  Value done = sub(it->len, it->remaining);
  if (!done) return {};
  Value delta = sub(index, done);
  Value moved = delta ? mul(delta, it->step) : Value();
  Value next = moved ? add(it->next, moved) : Value();
  Value rem = next ? sub(it->len, index) : Value();
  if (!rem) return {};
  it->next = next;
  it->remaining = rem;
  return none();
}

const MethodDef kRangeMethods[] = {
    {"__reversed__", m_reversed, MethodFlag::kNoArgs,
     "Return a reverse iterator."},
    {"__reduce__", m_reduce, MethodFlag::kNoArgs},
    {"count", m_count, MethodFlag::kOneArg, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", m_index, MethodFlag::kOneArg,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the "
     "value is not present."},
    {nullptr, nullptr, 0},
};

const GetSetDef kRangeGetSets[] = {
    {"start", range_get_start},
    {"stop", range_get_stop},
    {"step", range_get_step},
    {nullptr, nullptr},
};

const MethodDef kRangeIterMethods[] = {
    {"__length_hint__", range_iter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", range_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", range_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

const MethodDef kLongIterMethods[] = {
    {"__length_hint__", long_iter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", long_iter_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", long_iter_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

}  // namespace

void init_range() {
  TypeSpec spec;
  spec.name = "range";
  spec.layout = kRangeLayout;
  spec.instance_size = sizeof(Range);
  spec.flags = TypeFlag::kImmutable;
  spec.trace = trace_range;
  spec.slots.repr = range_repr;
  spec.slots.hash = range_hash;
  spec.slots.compare = range_compare;
  spec.slots.iter = range_iter;
  spec.slots.len = range_len;
  spec.slots.bool_ = range_bool;
  spec.slots.getitem = range_subscript;
  spec.slots.contains = range_contains;
  spec.slots.new_ = range_new_slot;
  spec.methods = kRangeMethods;
  spec.getsets = kRangeGetSets;
  spec.doc =
      "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an "
      "object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by "
      "step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is "
      "omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of "
      "4 elements.\nWhen step is given, it specifies the increment (or decrement).";
  make_builtin_type(&types::range, spec);

  TypeSpec it;
  it.name = "range_iterator";
  it.layout = range_iterator_layout();
  it.instance_size = sizeof(RangeIterator);
  it.flags = TypeFlag::kImmutable;
  it.trace = trace_range_iterator;
  it.slots.iter = iter_self;
  it.slots.next = range_iter_next;
  it.methods = kRangeIterMethods;
  make_builtin_type(&types::range_iterator, it);

  TypeSpec lit;
  lit.name = "longrange_iterator";
  lit.layout = long_iterator_layout();
  lit.instance_size = sizeof(LongRangeIterator);
  lit.flags = TypeFlag::kImmutable;
  lit.trace = trace_long_iterator;
  lit.slots.iter = iter_self;
  lit.slots.next = long_iter_next;
  lit.methods = kLongIterMethods;
  make_builtin_type(&types::longrange_iterator, lit);
}

}  // namespace pyrite::python
