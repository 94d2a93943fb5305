// The gc module over Pyrite's collector (docs/interp.md, "The gc module").
// The collector is a tracing one, so CPython's generation thresholds and
// counts have no meaning here: they are accepted and reported as fixed.
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

namespace {

bool g_enabled = true;

Value gc_collect(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"generation", nullptr};
  Value generation;
  ArgSpec spec{"collect", kNames, 0, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&generation})) return {};
  if (generation && is_int(generation)) {
    auto g = int_to_i64(generation);
    if (!g || *g < 0 || *g > 2) return raise(exc::ValueError, "invalid generation");
  }
  gc::Heap* heap = gc::Heap::current();
  uint64_t before = heap->stats().objects_live;
  heap->collect();
  size_t ran = run_gc_hooks();
  (void)before;
  return int_from_i64(static_cast<int64_t>(ran));
}

Value gc_enable(Value, const Value*, size_t, Tuple*) {
  g_enabled = true;
  return none();
}
Value gc_disable(Value, const Value*, size_t, Tuple*) {
  g_enabled = false;
  return none();
}
Value gc_isenabled(Value, const Value*, size_t, Tuple*) { return py_bool(g_enabled); }
Value gc_get_count(Value, const Value*, size_t, Tuple*) {
  return tuple_of({Value::small(0), Value::small(0), Value::small(0)});
}
Value gc_get_threshold(Value, const Value*, size_t, Tuple*) {
  return tuple_of({Value::small(700), Value::small(10), Value::small(10)});
}
Value gc_set_threshold(Value, const Value*, size_t nargs, Tuple*) {
  if (!check_nargs("set_threshold", nargs, 1, 3)) return {};
  return none();
}

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"enable", gc_enable, MethodFlag::kNoArgs},
    {"disable", gc_disable, MethodFlag::kNoArgs},
    {"isenabled", gc_isenabled, MethodFlag::kNoArgs},
    {"get_count", gc_get_count, MethodFlag::kNoArgs},
    {"get_threshold", gc_get_threshold, MethodFlag::kNoArgs},
    {"set_threshold", gc_set_threshold, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

// Runs the weak-reference callbacks and __del__ finalizers the last
// collections queued (CPython's order: callbacks first). Returns how many ran.
size_t run_gc_hooks() {
  gc::Heap* heap = gc::Heap::current();
  size_t n = 0;
  while (heap->pending_weak_callbacks() || heap->pending_finalizers()) {
    n += heap->run_pending_weak_callbacks();
    n += heap->run_pending_finalizers();
  }
  return n;
}

Module* make_gc_module() {
  Module* m = module_new(intern("gc"));
  for (const MethodDef* def = kGcFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m));
  }
  return m;
}

}  // namespace pyrite::python
