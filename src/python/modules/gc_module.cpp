// The gc module over Pyrite's collector (docs/interp.md, "The collector and
// the dispatch loop").
// The collector is a tracing one, so CPython's generation thresholds and
// counts have no meaning here: they are accepted and reported as fixed.
//
// gc.collect() called by a CALL instruction collects without scanning the
// dispatch loop's native frame and the frames below it (collect_from): in
// CPython `del x; gc.collect()` finalizes x at once, and stale words in
// those frames (a spilled return value, an unwritten slot) would keep x
// alive until a later collection.
#include <unwind.h>

#include "python/compile/opcodes.h"
#include "python/interp/eval.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

namespace {

bool g_enabled = true;
Value g_collect_fn;  // the gc.collect builtin (rooted in the module)
// gc.garbage and gc.callbacks: the lists made with the module (rooted);
// rebinding the module attributes does not replace them, as in CPython.
List* g_garbage = nullptr;
List* g_callbacks = nullptr;
bool g_collecting = false;  // in gc.collect(): a nested call returns 0

// True when gc.collect was called by the CALL instruction of the running
// frame through the generic call path (handlers.h op_call): its arguments
// are then the top of that frame's value stack, just above [NULL, collect].
// Every native frame between the dispatch loop and this function then holds
// only values that are also on the value stack.
bool called_from_call_instruction(const Value* args, size_t nargs, Tuple* kwnames) {
  Frame* f = thread_state().frame;
  if (!f || !args || !g_collect_fn || f->lasti < 0 || f->lasti >= f->code->ncode) return false;
  compile::Unit u = f->code->code()[f->lasti];
  if (static_cast<compile::Opcode>(u & 0xff) != compile::Opcode::CALL) return false;
  size_t total = nargs + (kwnames ? size_t(kwnames->length) : 0);
  if ((u >> 8) != total) return false;
  const Value* base = f->stack_base();
  if (args - 2 < base || args + total > base + f->code->stacksize) return false;
  return args[-2].is_null() && args[-1].is(g_collect_fn);
}

#if defined(__x86_64__)
// What the unwinder finds: the innermost frame of the dispatch loop, run(),
// then its caller: where the caller's frame begins (run()'s CFA) and the
// caller's callee-saved registers (which run() saved in its own frame, and
// which the caller may still need).
struct LoopFrame {
  void* run_fn;
  bool in_run = false;  // the previous frame was run()'s
  uintptr_t caller_sp = 0;
  uintptr_t caller_regs[6] = {};
  bool found = false;
};

// Called for each frame from the innermost out. A frame's context gives its
// IP and registers, but _Unwind_GetCFA gives the stack pointer of the frame
// at the call it is suspended in (the CFA of its callee): run()'s own CFA
// is read in its caller's context.
_Unwind_Reason_Code find_loop_frame(_Unwind_Context* ctx, void* arg) {
  auto* s = static_cast<LoopFrame*>(arg);
  if (s->in_run) {
    static const int kCalleeSaved[] = {3, 6, 12, 13, 14, 15};  // rbx rbp r12-r15 (DWARF numbers)
    for (int i = 0; i < 6; i++) s->caller_regs[i] = _Unwind_GetGR(ctx, kCalleeSaved[i]);
    s->caller_sp = _Unwind_GetCFA(ctx);
    s->found = true;
    return _URC_END_OF_STACK;
  }
  uintptr_t ip = _Unwind_GetIP(ctx);
  s->in_run = ip != 0 && _Unwind_FindEnclosingFunction(reinterpret_cast<void*>(ip - 1)) == s->run_fn;
  return _URC_NO_REASON;
}

// Collects scanning the native stack from the frame that called the
// innermost run() upwards. False (nothing done) when the unwinder does not
// find that frame.
__attribute__((noinline)) bool collect_above_dispatch_loop(gc::Heap* heap) {
  Value (*run_fn)(ThreadState&, Frame*, bool) = run;
  LoopFrame loop;
  loop.run_fn = reinterpret_cast<void*>(run_fn);
  _Unwind_Backtrace(find_loop_frame, &loop);
  if (!loop.found) return false;
  heap->collect_from(loop.caller_sp, loop.caller_regs, 6);
  return true;
}
#else
bool collect_above_dispatch_loop(gc::Heap*) { return false; }
#endif

// Calls every function of gc.callbacks with (phase, info), info =
// {"generation": g, "collected": n, "uncollectable": 0}, as CPython around a
// collection; an exception a callback raises is reported as unraisable.
// False only when the info dict cannot be made (MemoryError pending).
// Only gc.collect() calls them. TODO(#6): CPython also calls them for its
// automatic collections and for the one at exit (_PyGC_CollectIfEnabled);
// Pyrite's allocation-triggered collections cannot run Python code, and at
// exit it runs the queued hooks without collecting.
bool invoke_callbacks(const char* phase, int64_t generation, int64_t collected) {
  if (!g_callbacks || g_callbacks->length == 0) return true;
  Dict* info = dict_new();
  if (!info || !dict_set_str(info, intern("generation"), int_from_i64(generation)) ||
      !dict_set_str(info, intern("collected"), int_from_i64(collected)) ||
      !dict_set_str(info, intern("uncollectable"), Value::small(0)))
    return false;
  Value phase_str = intern(phase);
  // The list may change under the callbacks: index it afresh each time.
  for (int64_t i = 0; i < g_callbacks->length; i++) {
    Value cb = list_get(g_callbacks, i);
    Value cb_args[2] = {phase_str, info};
    if (!call(cb, cb_args, 2)) {
      write_unraisable_error(cb);
      clear_error();
    }
  }
  return true;
}

// gc.collect(generation=2). The number it returns is the number of
// finalizers and weak callbacks the collection led to, not CPython's count
// of unreachable objects (the collector does not count the objects it
// frees). TODO(#6): count freed objects for the result and for
// gc.callbacks' "collected".
Value gc_collect(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"generation", nullptr};
  Value generation;
  ArgSpec spec{"collect", kNames, 0, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&generation})) return {};
  int64_t gen = 2;
  if (generation) {
    Value g_index = index(generation);
    if (!g_index) return {};
    auto g = int_to_i64(g_index);
    if (!g || *g < INT32_MIN || *g > INT32_MAX) return raise(exc::OverflowError, "Python int too large to convert to C int");
    if (*g < 0 || *g > 2) return raise(exc::ValueError, "invalid generation");
    gen = *g;
  }
  if (g_collecting) return Value::small(0);  // from a gc.callbacks function
  g_collecting = true;
  bool ok = invoke_callbacks("start", gen, 0);
  gc::Heap* heap = gc::Heap::current();
  if (ok && (!called_from_call_instruction(args, nargs, kwnames) || !collect_above_dispatch_loop(heap)))
    heap->collect();
  size_t ran = ok ? run_gc_hooks() : 0;
  ok = ok && invoke_callbacks("stop", gen, static_cast<int64_t>(ran));
  g_collecting = false;
  if (!ok) return {};
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
// Called while a hook runs (gc.collect() in a weak callback or __del__), it
// runs none: the outer run takes the ones queued meanwhile.
size_t run_gc_hooks() {
  gc::Heap* heap = gc::Heap::current();
  size_t n = 0;
  if (heap->running_hooks()) return 0;
  while (heap->pending_weak_callbacks() || heap->pending_finalizers()) {
    n += heap->run_pending_weak_callbacks();
    n += heap->run_pending_finalizers();
  }
  return n;
}

Module* make_gc_module() {
  Module* m = module_new(intern("gc"));
  if (!g_garbage) {
    g_garbage = list_new();
    g_callbacks = list_new();
    gc::add_root(reinterpret_cast<void**>(&g_garbage));
    gc::add_root(reinterpret_cast<void**>(&g_callbacks));
  }
  // garbage stays empty: every unreachable object is freed, those with
  // __del__ too (PEP 442), and DEBUG_SAVEALL does not exist here.
  dict_set_str(m->dict, intern("garbage"), g_garbage);
  dict_set_str(m->dict, intern("callbacks"), g_callbacks);
  for (const MethodDef* def = kGcFunctions; def->name; def++) {
    Value fn = new_builtin_function(def, m);
    if (def->fn == gc_collect && !g_collect_fn) {
      g_collect_fn = fn;
      gc::add_root(reinterpret_cast<void**>(&g_collect_fn));
    }
    dict_set_str(m->dict, intern(def->name), fn);
  }
  return m;
}

}  // namespace pyrite::python
