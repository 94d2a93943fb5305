// slice objects and the index arithmetic shared by the sequence types
// (docs/objects.md, "Containers").
#include "python/objects/slice.h"

#include <unistd.h>

#include <string>

#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

void trace_slice(void* obj, gc::Visitor& v) {
  auto* s = static_cast<Slice*>(obj);
  v.visit(s->type);
  visit_value(v, s->start);
  visit_value(v, s->stop);
  visit_value(v, s->step);
}

gc::LayoutId register_slice_layout() {
  return gc::register_layout(gc::LayoutInfo{"slice", trace_slice, sizeof(Slice)});
}

// An exact int clipped to int64.
int64_t clip_int(Value iv) {
  if (iv.is_small()) return iv.small_value();
  std::optional<int64_t> x = int_to_i64(iv);
  if (x) return *x;
  return int_sign(iv) < 0 ? INT64_MIN : INT64_MAX;
}

// CPython's _PyEval_SliceIndex for a non-None value.
bool slice_index(Value v, int64_t* out, const char* msg) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  if (!has_index(v)) {
    raise(exc::TypeError, msg);
    return false;
  }
  Value iv = index(v);
  if (!iv) return false;
  *out = clip_int(iv);
  return true;
}

constexpr const char* kSliceIndexMsg =
    "slice indices must be integers or None or have an __index__ method";

}  // namespace

gc::LayoutId kSliceLayout = register_slice_layout();

Slice* slice_new(Value start, Value stop, Value step) {
  auto* s = allocate<Slice>(kSliceLayout, types::slice);
  s->start = start ? start : none();
  s->stop = stop ? stop : none();
  s->step = step ? step : none();
  return s;
}

bool has_index(Value v) { return v.is_small() || type_of(v)->slots.index != nullptr; }

bool slice_unpack(const Slice* s, int64_t* start, int64_t* stop, int64_t* step) {
  if (is_none(s->step)) {
    *step = 1;
  } else {
    if (!slice_index(s->step, step, kSliceIndexMsg)) return false;
    if (*step == 0) {
      raise(exc::ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  if (is_none(s->start)) {
    *start = *step < 0 ? INT64_MAX : 0;
  } else if (!slice_index(s->start, start, kSliceIndexMsg)) {
    return false;
  }
  if (is_none(s->stop)) {
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  } else if (!slice_index(s->stop, stop, kSliceIndexMsg)) {
    return false;
  }
  return true;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  auto adjust = [&](int64_t* x) {
    if (*x < 0) {
      *x += length;
      if (*x < 0) *x = step < 0 ? -1 : 0;
    } else if (*x >= length) {
      *x = step < 0 ? length - 1 : length;
    }
  };
  adjust(start);
  adjust(stop);
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

int64_t slice_indices_for(const Slice* s, int64_t length, int64_t* start, int64_t* stop,
                          int64_t* step) {
  if (!slice_unpack(s, start, stop, step)) return -1;
  return slice_adjust_indices(length, start, stop, *step);
}

bool sequence_index(Value key, const char* what, int64_t* out) {
  if (key.is_small()) {
    *out = key.small_value();
    return true;
  }
  if (!has_index(key)) {
    raisef(exc::TypeError, "%s indices must be integers or slices, not %s", what,
           type_name(key).c_str());
    return false;
  }
  Value iv = index(key);
  if (!iv) return false;
  std::optional<int64_t> x = int_to_i64(iv);
  if (!x) {
    raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key).c_str());
    return false;
  }
  *out = *x;
  return true;
}

bool clipped_index(Value v, int64_t* out) {
  return slice_index(v, out, "slice indices must be integers or have an __index__ method");
}

int64_t max_sequence_length() {
  static int64_t max = [] {
    long pages = sysconf(_SC_PHYS_PAGES);
    long page = sysconf(_SC_PAGESIZE);
    int64_t bytes = pages > 0 && page > 0 ? int64_t(pages) * page : (int64_t(1) << 40);
    return bytes / 8;
  }();
  return max;
}

bool defers_binary(Value other, BinaryOp op) {
  Type* t = type_of(other);
  return t->is_heap_type() && t->slots.binary[int(op)] != nullptr;
}

int repeat_count(Value seq, Value count, BinaryOp op, int64_t* n) {
  (void)seq;
  if (count.is_small()) {
    *n = count.small_value();
    return 1;
  }
  if (!has_index(count)) {
    if (defers_binary(count, op)) return 0;
    raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'",
           type_name(count).c_str());
    return -1;
  }
  Value iv = index(count);
  if (!iv) return -1;
  std::optional<int64_t> x = int_to_i64(iv);
  if (!x) {
    raise(exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  *n = *x;
  return 1;
}

namespace {

Value iadd(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_i64(a.small_value() + b.small_value());
  return int_binary(BinaryOp::kAdd, a, b);
}

bool ilt(Value a, Value b) {
  if (a.is_small() && b.is_small()) return a.small_value() < b.small_value();
  return int_compare(a, b, CompareOp::kLt).is(py_bool(true));
}

}  // namespace

bool slice_long_indices(const Slice* s, Value length, Value* start, Value* stop, Value* step) {
  if (is_none(s->step)) {
    *step = Value::small(1);
  } else {
    if (!has_index(s->step)) {
      raise(exc::TypeError, kSliceIndexMsg);
      return false;
    }
    *step = index(s->step);
    if (!*step) return false;
    if (int_sign(*step) == 0) {
      raise(exc::ValueError, "slice step cannot be zero");
      return false;
    }
  }
  bool neg = int_sign(*step) < 0;
  Value lower = neg ? Value::small(-1) : Value::small(0);
  Value upper = neg ? iadd(length, Value::small(-1)) : length;
  if (!upper) return false;
  auto bound = [&](Value v, Value dflt, Value* out) {
    if (is_none(v)) {
      *out = dflt;
      return true;
    }
    if (!has_index(v)) {
      raise(exc::TypeError, kSliceIndexMsg);
      return false;
    }
    Value x = index(v);
    if (!x) return false;
    if (int_sign(x) < 0) {
      x = iadd(x, length);
      if (!x) return false;
      if (ilt(x, lower)) x = lower;
    } else if (ilt(upper, x)) {
      x = upper;
    }
    *out = x;
    return true;
  };
  if (!bound(s->start, neg ? upper : lower, start)) return false;
  return bound(s->stop, neg ? lower : upper, stop);
}

// ---- the slice type -------------------------------------------------------------------

namespace {

Value slice_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) return raise(exc::TypeError, "slice() takes no keyword arguments");
  if (nargs == 0) return raise(exc::TypeError, "slice expected at least 1 argument, got 0");
  if (!check_nargs("slice", nargs, 1, 3)) return {};
  if (nargs == 1) return slice_new(none(), args[0], none());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : none());
}

Value slice_repr(Value self) {
  auto* s = self.as<Slice>();
  std::string out = "slice(";
  Value parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; i++) {
    if (i) out += ", ";
    Value r = repr(parts[i]);
    if (!r) return {};
    out += str_to_utf8(r.as<Str>());
  }
  out += ")";
  return str_from_utf8(out);
}

Value slice_compare(Value a, Value b, CompareOp op) {
  if (!is_slice(b)) return not_implemented();
  auto* x = a.as<Slice>();
  auto* y = b.as<Slice>();
  if (a.is(b) && (op == CompareOp::kEq || op == CompareOp::kNe))
    return py_bool(op == CompareOp::kEq);
  Tuple* tx = tuple_of({x->start, x->stop, x->step});
  Tuple* ty = tuple_of({y->start, y->stop, y->step});
  return compare(tx, ty, op);
}

Value slice_get_start(Value self) { return self.as<Slice>()->start; }
Value slice_get_stop(Value self) { return self.as<Slice>()->stop; }
Value slice_get_step(Value self) { return self.as<Slice>()->step; }

Value slice_indices(Value self, const Value* args, size_t, Tuple*) {
  Value lenv = index(args[0]);
  if (!lenv) return {};
  if (int_sign(lenv) < 0) return raise(exc::ValueError, "length should not be negative");
  Value start, stop, step;
  if (!slice_long_indices(self.as<Slice>(), lenv, &start, &stop, &step)) return {};
  return tuple_of({start, stop, step});
}

Value slice_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* s = self.as<Slice>();
  Tuple* args = tuple_of({s->start, s->stop, s->step});
  return tuple_of({types::slice, args});
}

const MethodDef kSliceMethods[] = {
    {"indices", slice_indices, MethodFlag::kOneArg,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate "
     "the start and stop\nindices, and the stride length of the extended slice described by\nS. "
     "Out of bounds indices are clipped in a manner consistent with the\nhandling of normal "
     "slices."},
    {"__reduce__", slice_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

const GetSetDef kSliceGetSets[] = {
    {"start", slice_get_start},
    {"stop", slice_get_stop},
    {"step", slice_get_step},
    {nullptr, nullptr},
};

}  // namespace

void init_slice() {
  TypeSpec spec;
  spec.name = "slice";
  spec.layout = kSliceLayout;
  spec.instance_size = sizeof(Slice);
  spec.flags = TypeFlag::kImmutable;
  spec.trace = trace_slice;
  spec.slots.repr = slice_repr;
  spec.slots.compare = slice_compare;
  spec.slots.new_ = slice_new_slot;
  spec.methods = kSliceMethods;
  spec.getsets = kSliceGetSets;
  spec.doc =
      "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for "
      "extended slicing (e.g. a[0:10:2]).";
  make_builtin_type(&types::slice, spec);
}

}  // namespace pyrite::python
