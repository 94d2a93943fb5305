// The _bisect module: binary search and insertion in sorted sequences, as
// CPython 3.11's (docs/modules.md, "_heapq and _bisect").
//
// Items are read with `a[mid]` and compared with `<` exactly where CPython
// does (x < a[mid] for the right variants, a[mid] < x for the left ones),
// with key(a[mid]) when a key is given; hi=None (or -1, CPython's
// sentinel) means len(a).
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

struct BisectArgs {
  Value a, x, key;
  int64_t lo = 0, hi = -1;
};

bool parse(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, BisectArgs* out) {
  static const char* const kNames[] = {"a", "x", "lo", "hi", "key", nullptr};
  Value lo, hi;
  ArgSpec spec{fname, kNames, 2, 0, 4};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&out->a, &out->x, &lo, &hi, &out->key})) return false;
  if (lo && !arg_ssize(lo, &out->lo)) return false;
  if (hi && !is_none(hi)) {
    if (!is_int(hi) && !type_of(hi)->slots.index) {
      raisef(exc::TypeError, "argument should be integer or None, not '%s'", type_name(hi).c_str());
      return false;
    }
    Value i = index(hi);
    if (!i) return false;
    auto v = int_to_i64(i);
    if (!v) {
      raisef(exc::OverflowError, "cannot fit '%s' into an index-sized integer", type_name(hi).c_str());
      return false;
    }
    out->hi = *v;
  }
  if (out->key && is_none(out->key)) out->key = Value();
  return true;
}

// The insertion point of x: right of equal items (right) or left of them.
int64_t search(const BisectArgs& b, Value x, bool right) {
  int64_t lo = b.lo, hi = b.hi;
  if (lo < 0) {
    raise(exc::ValueError, "lo must be non-negative");
    return -1;
  }
  if (hi == -1) {
    hi = length(b.a);
    if (hi < 0) return -1;
  }
  while (lo < hi) {
    int64_t mid = int64_t((uint64_t(lo) + uint64_t(hi)) / 2);
    Value item;
    if (is_exact_list(b.a) && mid < b.a.as<List>()->length) {
      item = list_get(b.a.as<List>(), mid);
    } else if (is_dict(b.a)) {  // PySequence_GetItem of a mapping
      raisef(exc::TypeError, "%s is not a sequence", type_name(b.a).c_str());
      return -1;
    } else {
      item = get_item(b.a, int_from_i64(mid));
    }
    if (!item) return -1;
    if (b.key) {
      item = call1(b.key, item);
      if (!item) return -1;
    }
    int res = right ? compare_bool(x, item, CompareOp::kLt) : compare_bool(item, x, CompareOp::kLt);
    if (res < 0) return -1;
    if (right) {
      if (res) hi = mid;
      else lo = mid + 1;
    } else {
      if (res) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}

Value do_bisect(const char* fname, bool right, const Value* args, size_t nargs, Tuple* kwnames) {
  BisectArgs b;
  if (!parse(fname, args, nargs, kwnames, &b)) return {};
  int64_t i = search(b, b.x, right);
  if (i < 0) return {};
  return int_from_i64(i);
}

Value do_insort(const char* fname, bool right, const Value* args, size_t nargs, Tuple* kwnames) {
  BisectArgs b;
  if (!parse(fname, args, nargs, kwnames, &b)) return {};
  Value probe = b.x;
  if (b.key) {
    probe = call1(b.key, b.x);
    if (!probe) return {};
  }
  int64_t i = search(b, probe, right);
  if (i < 0) return {};
  if (is_exact_list(b.a)) {
    if (!list_insert(b.a.as<List>(), i, b.x)) return {};
  } else {
    Value argv[2] = {int_from_i64(i), b.x};
    Value r = call_method(b.a, intern("insert"), argv, 2);
    if (!r) return {};
  }
  return none();
}

Value bisect_right(Value, const Value* args, size_t nargs, Tuple* kw) {
  return do_bisect("bisect_right", true, args, nargs, kw);
}
Value bisect_left(Value, const Value* args, size_t nargs, Tuple* kw) {
  return do_bisect("bisect_left", false, args, nargs, kw);
}
Value insort_right(Value, const Value* args, size_t nargs, Tuple* kw) {
  return do_insort("insort_right", true, args, nargs, kw);
}
Value insort_left(Value, const Value* args, size_t nargs, Tuple* kw) {
  return do_insort("insort_left", false, args, nargs, kw);
}

constexpr uint32_t kArgs = MethodFlag::kVarArgs | MethodFlag::kKeywords;
const MethodDef kFunctions[] = {
    {"bisect_right", bisect_right, kArgs,
     "Return the index where to insert x in the sorted a, after any items equal to x."},
    {"insort_right", insort_right, kArgs,
     "Insert x in the sorted a, after any items equal to x, keeping it sorted."},
    {"bisect_left", bisect_left, kArgs,
     "Return the index where to insert x in the sorted a, before any items equal to x."},
    {"insort_left", insort_left, kArgs,
     "Insert x in the sorted a, before any items equal to x, keeping it sorted."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_bisect_module() {
  Module* m = module_new(intern("_bisect"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Bisection algorithms.\n\nBinary search in, and insertion into, "
                             "sorted sequences."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_bisect")));
  return m;
}

}  // namespace pyrite::python
