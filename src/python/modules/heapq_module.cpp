// The _heapq module: heap operations on lists, as CPython 3.11's
// (docs/modules.md, "_heapq and _bisect").
//
// Invariant: heap[k] <= heap[2k+1] and heap[k] <= heap[2k+2] (>= for the
// _max variants). The sift loops are CPython's step for step — the same
// comparisons in the same order, siftup's descent to a leaf before sifting
// back, heapify's cache-friendly order past 2,500 items — because
// comparisons are Python code: their order and count are observable, and
// so is the resulting arrangement of equal-comparing items. After every
// comparison the list may have been changed by it; a changed size is
// CPython's RuntimeError, and items are re-read rather than cached.
#include <string>

#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/dict.h"
#include "python/objects/type.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

Value changed_size() { return raise(exc::RuntimeError, "list changed size during iteration"); }

// a < b (or b < a for a max-heap): 1, 0, -1.
template <bool kMax>
int less(Value a, Value b) {
  return kMax ? compare_bool(b, a, CompareOp::kLt) : compare_bool(a, b, CompareOp::kLt);
}

bool swap(List* heap, int64_t i, int64_t j) {
  Value a = list_get(heap, i);
  if (!a) return false;
  Value b = list_get(heap, j);
  if (!b) return false;
  return list_set(heap, i, b) && list_set(heap, j, a);
}

// Moves the item at pos up towards startpos while it is smaller than its parent.
template <bool kMax>
bool siftdown(List* heap, int64_t startpos, int64_t pos) {
  int64_t size = heap->length;
  if (pos >= size) {
    changed_size();
    return false;
  }
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    Value newitem = list_get(heap, pos);
    if (!newitem) return false;
    Value parent = list_get(heap, parentpos);
    if (!parent) return false;
    int cmp = less<kMax>(newitem, parent);
    if (cmp < 0) return false;
    if (size != heap->length) {
      changed_size();
      return false;
    }
    if (cmp == 0) break;
    if (!swap(heap, parentpos, pos)) return false;
    pos = parentpos;
  }
  return true;
}

// Moves the smaller child up until pos is a leaf, then sifts the item
// that was at pos back down from there.
template <bool kMax>
bool siftup(List* heap, int64_t pos) {
  int64_t endpos = heap->length;
  int64_t startpos = pos;
  if (pos >= endpos) {
    changed_size();
    return false;
  }
  int64_t limit = endpos >> 1;
  while (pos < limit) {
    int64_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      Value a = list_get(heap, childpos);
      if (!a) return false;
      Value b = list_get(heap, childpos + 1);
      if (!b) return false;
      int cmp = less<kMax>(a, b);
      if (cmp < 0) return false;
      childpos += cmp ^ 1;
      if (endpos != heap->length) {
        changed_size();
        return false;
      }
    }
    if (!swap(heap, childpos, pos)) return false;
    pos = childpos;
  }
  return siftdown<kMax>(heap, startpos, pos);
}

bool list_arg(const char* fname, Value v, bool one_arg) {
  if (is_list(v)) return true;
  std::string what = is_none(v) ? "None" : type_name(v);
  if (one_arg)
    raisef(exc::TypeError, "%s() argument must be list, not %s", fname, what.c_str());
  else
    raisef(exc::TypeError, "%s() argument 1 must be list, not %s", fname, what.c_str());
  return false;
}

Value heappush(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("heappush", nargs, 2, 2) || !list_arg("heappush", args[0], false)) return {};
  List* heap = args[0].as<List>();
  if (!list_append(heap, args[1])) return {};
  if (!siftdown<false>(heap, 0, heap->length - 1)) return {};
  return none();
}

template <bool kMax>
Value heappop_internal(Value v) {
  List* heap = v.as<List>();
  int64_t n = heap->length;
  if (n == 0) return raise(exc::IndexError, "index out of range");
  // list.pop() itself (not a subclass's): PyList_SetSlice(heap, n-1, n, NULL).
  static Value list_pop = type_lookup(types::list, intern("pop"));
  Value last = call(list_pop, &v, 1);
  if (!last) return {};
  n--;
  if (n == 0) return last;
  Value result = list_get(heap, 0);
  if (!result || !list_set(heap, 0, last)) return {};
  if (!siftup<kMax>(heap, 0)) return {};
  return result;
}

Value heappop(Value, const Value* args, size_t, Tuple*) {
  if (!list_arg("heappop", args[0], true)) return {};
  return heappop_internal<false>(args[0]);
}
Value heappop_max(Value, const Value* args, size_t, Tuple*) {
  if (!list_arg("_heappop_max", args[0], true)) return {};
  return heappop_internal<true>(args[0]);
}

template <bool kMax>
Value heapreplace_internal(const char* fname, const Value* args, size_t nargs) {
  if (!check_nargs(fname, nargs, 2, 2) || !list_arg(fname, args[0], false)) return {};
  List* heap = args[0].as<List>();
  if (heap->length == 0) return raise(exc::IndexError, "index out of range");
  Value result = list_get(heap, 0);
  if (!result || !list_set(heap, 0, args[1])) return {};
  if (!siftup<kMax>(heap, 0)) return {};
  return result;
}
Value heapreplace(Value, const Value* args, size_t nargs, Tuple*) {
  return heapreplace_internal<false>("heapreplace", args, nargs);
}
Value heapreplace_max(Value, const Value* args, size_t nargs, Tuple*) {
  return heapreplace_internal<true>("_heapreplace_max", args, nargs);
}

Value heappushpop(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("heappushpop", nargs, 2, 2) || !list_arg("heappushpop", args[0], false))
    return {};
  List* heap = args[0].as<List>();
  Value item = args[1];
  if (heap->length == 0) return item;
  Value top = list_get(heap, 0);
  if (!top) return {};
  int cmp = compare_bool(top, item, CompareOp::kLt);
  if (cmp < 0) return {};
  if (cmp == 0) return item;
  if (heap->length == 0) return raise(exc::IndexError, "index out of range");
  Value result = list_get(heap, 0);
  if (!result || !list_set(heap, 0, item)) return {};
  if (!siftup<false>(heap, 0)) return {};
  return result;
}

int64_t keep_top_bit(int64_t n) {
  int i = 0;
  while (n > 1) {
    n >>= 1;
    i++;
  }
  return n << i;
}

template <bool kMax>
bool cache_friendly_heapify(List* heap) {
  int64_t m = heap->length >> 1;
  int64_t leftmost = keep_top_bit(m + 1) - 1;
  int64_t mhalf = m >> 1;
  for (int64_t i = leftmost - 1; i >= mhalf; i--) {
    for (int64_t j = i;; j >>= 1) {
      if (!siftup<kMax>(heap, j)) return false;
      if (!(j & 1)) break;
    }
  }
  for (int64_t i = m - 1; i >= leftmost; i--) {
    for (int64_t j = i;; j >>= 1) {
      if (!siftup<kMax>(heap, j)) return false;
      if (!(j & 1)) break;
    }
  }
  return true;
}

template <bool kMax>
Value heapify_internal(Value v) {
  List* heap = v.as<List>();
  int64_t n = heap->length;
  if (n > 2500) {
    if (!cache_friendly_heapify<kMax>(heap)) return {};
    return none();
  }
  for (int64_t i = (n >> 1) - 1; i >= 0; i--)
    if (!siftup<kMax>(heap, i)) return {};
  return none();
}
Value heapify(Value, const Value* args, size_t, Tuple*) {
  if (!list_arg("heapify", args[0], true)) return {};
  return heapify_internal<false>(args[0]);
}
Value heapify_max(Value, const Value* args, size_t, Tuple*) {
  if (!list_arg("_heapify_max", args[0], true)) return {};
  return heapify_internal<true>(args[0]);
}

const MethodDef kFunctions[] = {
    {"heappush", heappush, MethodFlag::kVarArgs, "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", heappushpop, MethodFlag::kVarArgs,
     "Push item on the heap, then pop and return the smallest item (faster than the two calls)."},
    {"heappop", heappop, MethodFlag::kOneArg, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", heapreplace, MethodFlag::kVarArgs,
     "Pop and return the smallest item, and push the new item (the heap size is unchanged)."},
    {"heapify", heapify, MethodFlag::kOneArg, "Transform a list into a heap, in place, in O(len(heap)) time."},
    {"_heappop_max", heappop_max, MethodFlag::kOneArg, "Maxheap variant of heappop."},
    {"_heapreplace_max", heapreplace_max, MethodFlag::kVarArgs, "Maxheap variant of heapreplace."},
    {"_heapify_max", heapify_max, MethodFlag::kOneArg, "Maxheap variant of heapify."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_heapq_module() {
  Module* m = module_new(intern("_heapq"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Heap queue algorithm (a.k.a. priority queue).\n\n"
                             "Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] "
                             "for all k; heap[0] is the smallest item."));
  dict_set_str(m->dict, intern("__about__"),
               str_from_utf8("Heap queues: the C accelerator of heapq.py; see that module's "
                             "__about__ for the theory."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_heapq")));
  return m;
}

}  // namespace pyrite::python
