// The bytecode handlers, written once as templates over the execution
// context (docs/interp.md, "Handlers and contexts"; DESIGN.md's contract).
//
// A handler touches values only through `cx`: stack and local slots, tag
// and type tests (guards when tracing), small-int arithmetic, residual
// calls into the runtime (runtime_ops.h). Compiled with ConcretePyContext
// the handlers are the interpreter; a tracing context will make them the
// recorder without changing a line here.
//
// Each returns a Step: go on at cx.ip, handle the pending exception, or
// the frame changed (a call pushed one, a return popped one).
#pragma once

#include "python/compile/opcodes.h"
#include "python/interp/generator.h"
#include "python/interp/pyrun.h"
#include "python/interp/runtime_ops.h"
#include "python/interp/thread_state.h"
#include "python/objects/cell.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/function.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

// Hot paths are always inlined into the dispatch loop; the rest of an
// instruction is a separate (noinline) function, so the loop's fast paths
// do not pay for the slow ones' registers and stack.
#define PYR_HOT [[gnu::always_inline]] inline
#define PYR_COLD [[gnu::noinline]]

enum class Step : uint8_t {
  kNext,      // continue at cx.ip
  kError,     // an exception is pending: unwind
  kSwitched,  // cx now holds another frame (call or return): continue there
  kExit,      // leave run(): the entry frame returned or yielded
  kReraise,   // an exception is pending that goes on without a new traceback entry
};

// Switches the context to `callee`, a frame for a special method called from
// inside the current instruction: the caller's stack loses `consumed` slots
// now and the continuation kind says what happens to the result.
template <class Cx>
PYR_HOT Step enter_continuation(Cx& cx, Frame* callee, Continuation cont, Value extra, int consumed) {
  cx.drop(consumed);
  cx.save();
  callee->cont = cont;
  callee->extra = extra;
  cx.load(callee);
  return Step::kSwitched;
}

// ---- names -----------------------------------------------------------------

template <class Cx>
PYR_HOT Step op_load_fast(Cx& cx, uint32_t arg) {
  auto v = cx.local(arg);
  if (cx.is_null(v)) {
    cx.call(raise_unbound_local, cx.frame->code, arg);
    return Step::kError;
  }
  cx.push(v);
  return Step::kNext;
}

template <class Cx>
PYR_HOT Step op_load_deref(Cx& cx, uint32_t arg) {
  auto cell = cx.local(arg);
  auto v = cx.call(cell_get, cell);
  if (cx.is_null(v)) {
    cx.call(raise_unbound_deref, cx.frame->code, arg);
    return Step::kError;
  }
  cx.push(v);
  return Step::kNext;
}

template <class Cx>
PYR_HOT Step op_load_global(Cx& cx, uint32_t arg) {
  uint32_t site = cx.at[1];  // the first cache unit: this instruction's GlobalSite
  auto v = cx.call(load_global_site, cx.frame, site, arg >> 1);
  if (cx.is_null(v)) return Step::kError;
  if (arg & 1) cx.push(Value());
  cx.push(v);
  return Step::kNext;
}

// ---- attributes ----------------------------------------------------------------

// The instruction's inline cache units (writable: the interpreter owns them).
template <class Cx>
inline uint32_t* cache_units(Cx& cx) {
  return const_cast<uint32_t*>(cx.at + 1);
}

template <class Cx>
PYR_COLD Step op_load_attr_generic(Cx& cx, ThreadState& ts, uint32_t arg);

template <class Cx>
PYR_HOT Step op_load_attr(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto hit = cx.call(load_attr_cached, cx.top(), static_cast<const uint32_t*>(cache_units(cx)));
  if (!cx.is_null(hit)) {
    cx.poke(1, hit);
    return Step::kNext;
  }
  return cx.cold(op_load_attr_generic<Cx>, ts, arg);
}

template <class Cx>
PYR_COLD Step op_load_attr_generic(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto obj = cx.top();
  uint32_t* cache = cache_units(cx);
  Str* name = static_cast<Str*>(cx.frame->code->names->at(arg).object());
  {
    auto v = cx.call(load_attr_and_fill, obj, name, cache);
    if (!cx.is_null(v)) {
      cx.poke(1, v);
      return Step::kNext;
    }
  }
  // A property with a Python getter: its frame, continued by a push.
  Function* get = cx.call(python_property_getter, obj, name);
  if (get) {
    Frame* f = cx.call(push_method_frame, ts, get, obj, static_cast<const Value*>(nullptr), size_t(0),
                       static_cast<Tuple*>(nullptr));
    if (!f) return Step::kError;
    return enter_continuation(cx, f, Continuation::kPush, Value(), 1);
  }
  auto v = cx.call(get_attr, obj, name);
  if (cx.is_null(v)) return Step::kError;
  cx.poke(1, v);
  return Step::kNext;
}

// obj -> (function, obj) when the attribute is a plain method found on the
// type and not shadowed, else (NULL, attribute).
template <class Cx>
PYR_COLD Step op_load_method_generic(Cx& cx, uint32_t arg);

template <class Cx>
PYR_HOT Step op_load_method(Cx& cx, uint32_t arg) {
  auto obj = cx.top();
  auto hit = cx.call(load_method_cached, obj, static_cast<const uint32_t*>(cache_units(cx)));
  if (!cx.is_null(hit)) {
    cx.poke(1, hit);
    cx.push(obj);
    return Step::kNext;
  }
  return cx.cold(op_load_method_generic<Cx>, arg);
}

template <class Cx>
PYR_COLD Step op_load_method_generic(Cx& cx, uint32_t arg) {
  auto obj = cx.top();
  uint32_t* cache = cache_units(cx);
  Str* name = static_cast<Str*>(cx.frame->code->names->at(arg).object());
  Value self;
  auto m = cx.call(lookup_method, obj, name, &self);
  if (cx.is_null(m)) return Step::kError;
  if (cx.is_null(self)) {
    cx.poke(1, Value());
    cx.push(m);
  } else {
    cx.call(fill_method_cache, obj, m, cache);
    cx.poke(1, m);
    cx.push(self);
  }
  cx.clear_stale(self);
  return Step::kNext;
}

// ---- operators -------------------------------------------------------------------

template <class Cx>
PYR_COLD Step op_binary_op_generic(Cx& cx, ThreadState& ts, uint32_t arg);

template <class Cx>
PYR_HOT Step op_binary_op(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto b = cx.peek(1);
  auto a = cx.peek(2);
  if (cx.both_small(a, b)) {
    typename Cx::Val r;
    bool ok = true;
    switch (arg % compile::kInplaceOffset) {
      case 0: ok = cx.add_small(a, b, &r); break;
      case 1: ok = cx.sub_small(a, b, &r); break;
      case 2: ok = cx.mul_small(a, b, &r); break;
      case 5: ok = cx.mod_small(a, b, &r); break;
      case 7: ok = cx.lshift_small(a, b, &r); break;
      case 8: ok = cx.rshift_small(a, b, &r); break;
      case 9: r = cx.or_small(a, b); break;
      case 10: r = cx.xor_small(a, b); break;
      case 11: r = cx.and_small(a, b); break;
      case 12: ok = cx.floordiv_small(a, b, &r); break;
      case 4: ok = cx.truediv_small(a, b, &r); break;
      default: ok = false; break;
    }
    if (ok) {
      cx.drop(1);
      cx.poke(1, r);
      return Step::kNext;
    }
  } else {
    // Exact floats, or a float and a small int: + - * / inline.
    double x, y;
    typename Cx::Val r;
    if (cx.float_operand(a, &x) && cx.float_operand(b, &y) &&
        cx.float_arith(arg % compile::kInplaceOffset, x, y, &r)) {
      cx.drop(1);
      cx.poke(1, r);
      return Step::kNext;
    }
  }
  return cx.cold(op_binary_op_generic<Cx>, ts, arg);
}

template <class Cx>
PYR_COLD Step op_binary_op_generic(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto b = cx.pop();
  auto a = cx.top();
  // Operands of one class whose method is written in Python: its frame,
  // with the operands left on this stack for the kBinary continuation.
  Type* ta = cx.type_of_(a);
  if (ta->is_heap_type() && cx.has_type(b, ta)) {
    uint32_t base = arg % compile::kInplaceOffset;
    bool inplace = arg >= compile::kInplaceOffset;
    Function* fn = nullptr;
    if (!inplace || !ta->slots.inplace[base]) {
      fn = cx.call(python_dunder, ta, offsetof(TypeSlots, binary) + base * sizeof(BinaryFn), binary_dunder_name(base));
    }
    if (fn) {
      cx.push(b);
      Frame* f = cx.call(push_method_frame, ts, fn, a, static_cast<const Value*>(&b), size_t(1),
                         static_cast<Tuple*>(nullptr));
      if (!f) return Step::kError;
      return enter_continuation(cx, f, Continuation::kBinary, Value::small(arg), 0);
    }
  }
  auto r = cx.call(binary_or_inplace, arg, a, b);
  if (cx.is_null(r)) return Step::kError;
  cx.poke(1, r);
  return Step::kNext;
}

template <class Cx>
PYR_COLD Step op_compare_op_generic(Cx& cx, ThreadState& ts, uint32_t arg);

template <class Cx>
PYR_HOT Step op_compare_op(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto b = cx.peek(1);
  auto a = cx.peek(2);
  if (cx.both_small(a, b)) {
    cx.drop(1);
    cx.poke(1, cx.constant(py_bool(cx.compare_small(a, b, static_cast<int>(arg)))));
    return Step::kNext;
  }
  double x, y;
  if (cx.float_compare_operand(a, &x) && cx.float_compare_operand(b, &y)) {
    cx.drop(1);
    cx.poke(1, cx.constant(py_bool(cx.compare_float(x, y, static_cast<int>(arg)))));
    return Step::kNext;
  }
  int eq = cx.call(str_equality_fast, a, b, arg);
  if (eq >= 0) {
    cx.drop(1);
    cx.poke(1, cx.constant(py_bool(eq != 0)));
    return Step::kNext;
  }
  return cx.cold(op_compare_op_generic<Cx>, ts, arg);
}

template <class Cx>
PYR_COLD Step op_compare_op_generic(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto b = cx.pop();
  auto a = cx.top();
  Type* ta = cx.type_of_(a);
  if (ta->is_heap_type() && cx.has_type(b, ta)) {
    Function* fn = cx.call(python_dunder, ta, offsetof(TypeSlots, compare), compare_dunder_name(arg));
    if (fn) {
      cx.push(b);
      Frame* f = cx.call(push_method_frame, ts, fn, a, static_cast<const Value*>(&b), size_t(1),
                         static_cast<Tuple*>(nullptr));
      if (!f) return Step::kError;
      return enter_continuation(cx, f, Continuation::kCompare, Value::small(arg), 0);
    }
  }
  auto r = cx.call(compare, a, b, static_cast<CompareOp>(arg));
  if (cx.is_null(r)) return Step::kError;
  cx.poke(1, r);
  return Step::kNext;
}

// POP_JUMP_IF_FALSE / TRUE.
template <class Cx>
PYR_HOT Step op_pop_jump_if(Cx& cx, uint32_t target, bool jump_when) {
  auto v = cx.pop();
  int t;
  if (cx.is(v, cx.constant(py_bool(true)))) {
    t = 1;
  } else if (cx.is(v, cx.constant(py_bool(false))) || cx.is(v, cx.constant(none()))) {
    t = 0;
  } else if (cx.is_small(v)) {
    t = cx.small(v) != 0;
  } else {
    t = cx.call(truth, v);
    if (t < 0) return Step::kError;
  }
  if ((t != 0) == jump_when) cx.jump(target);
  return Step::kNext;
}

// JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP.
template <class Cx>
PYR_HOT Step op_jump_if_or_pop(Cx& cx, uint32_t target, bool jump_when) {
  auto v = cx.top();
  int t = cx.call(truth, v);
  if (t < 0) return Step::kError;
  if ((t != 0) == jump_when) {
    cx.jump(target);
  } else {
    cx.drop(1);
  }
  return Step::kNext;
}

// ---- iteration ----------------------------------------------------------------------

template <class Cx>
PYR_HOT Step op_for_iter(Cx& cx, ThreadState& ts, uint32_t target) {
  auto it = cx.top();
  {
    typename Cx::Val v;
    if (cx.call(iter_next_fast, it, &v)) {
      if (cx.is_null(v)) {
        cx.drop(1);
        cx.jump(target);
      } else {
        cx.push(v);
      }
      return Step::kNext;
    }
  }
  static Str* const kNext = intern("__next__");
  Function* fn = nullptr;
  if (cx.type_of_(it)->is_heap_type()) fn = cx.call(python_dunder, cx.type_of_(it), offsetof(TypeSlots, next), kNext);
  if (fn) {
    Frame* f = cx.call(push_method_frame, ts, fn, it, static_cast<const Value*>(nullptr), size_t(0),
                       static_cast<Tuple*>(nullptr));
    if (!f) return Step::kError;
    return enter_continuation(cx, f, Continuation::kForIter, Value::small(target), 0);
  }
  auto v = cx.call(iter_next, it);
  if (cx.is_null(v)) {
    if (cx.call(has_error_pending)) {
      if (!cx.call(clear_stop_iteration)) return Step::kError;
    }
    cx.drop(1);
    cx.jump(target);
    return Step::kNext;
  }
  cx.push(v);
  return Step::kNext;
}

// ---- subscripts and iteration with Python special methods --------------------------

template <class Cx>
PYR_HOT Step op_binary_subscr(Cx& cx, ThreadState& ts) {
  auto key = cx.peek(1);
  auto obj = cx.peek(2);
  {
    typename Cx::Val item;
    int k = cx.call(subscr_fast, obj, key, &item);
    if (k > 0) {
      cx.drop(1);
      cx.poke(1, item);
      return Step::kNext;
    }
    if (k < 0) return Step::kError;
  }
  static Str* const kGetitem = intern("__getitem__");
  Type* t = cx.type_of_(obj);
  if (t->is_heap_type()) {
    if (Function* fn = cx.call(python_dunder, t, offsetof(TypeSlots, getitem), kGetitem)) {
      Frame* f = cx.call(push_method_frame, ts, fn, obj, static_cast<const Value*>(&key), size_t(1),
                         static_cast<Tuple*>(nullptr));
      if (!f) return Step::kError;
      return enter_continuation(cx, f, Continuation::kPush, Value(), 2);
    }
  }
  auto r = cx.call(get_item, obj, key);
  if (cx.is_null(r)) return Step::kError;
  cx.drop(1);
  cx.poke(1, r);
  return Step::kNext;
}

template <class Cx>
PYR_HOT Step op_store_subscr(Cx& cx, ThreadState& ts) {
  auto key = cx.peek(1);
  auto obj = cx.peek(2);
  auto v = cx.peek(3);
  if (cx.call(store_subscr_fast, obj, key, v)) {
    cx.drop(3);
    return Step::kNext;
  }
  static Str* const kSetitem = intern("__setitem__");
  Type* t = cx.type_of_(obj);
  if (t->is_heap_type()) {
    if (Function* fn = cx.call(python_dunder, t, offsetof(TypeSlots, setitem), kSetitem)) {
      Value args[2] = {key, v};
      Frame* f = cx.call(push_method_frame, ts, fn, obj, static_cast<const Value*>(args), size_t(2),
                         static_cast<Tuple*>(nullptr));
      cx.clear_stale(args[0]);
      cx.clear_stale(args[1]);
      if (!f) return Step::kError;
      return enter_continuation(cx, f, Continuation::kDiscard, Value(), 3);
    }
  }
  if (!cx.call(set_item, obj, key, v)) return Step::kError;
  cx.drop(3);
  return Step::kNext;
}

template <class Cx>
PYR_HOT Step op_get_iter(Cx& cx, ThreadState& ts) {
  auto obj = cx.top();
  static Str* const kIter = intern("__iter__");
  Type* t = cx.type_of_(obj);
  if (t->is_heap_type()) {
    if (Function* fn = cx.call(python_dunder, t, offsetof(TypeSlots, iter), kIter)) {
      Frame* f = cx.call(push_method_frame, ts, fn, obj, static_cast<const Value*>(nullptr), size_t(0),
                         static_cast<Tuple*>(nullptr));
      if (!f) return Step::kError;
      return enter_continuation(cx, f, Continuation::kGetIter, Value(), 1);
    }
  }
  auto it = cx.call(get_iter_value, obj);
  if (cx.is_null(it)) return Step::kError;
  cx.poke(1, it);
  return Step::kNext;
}

// ---- calls ----------------------------------------------------------------------------

// CALL n: [callable_or_method, self_or_callable, args..., kwvalues...].
template <class Cx>
PYR_COLD Step op_call_generic(Cx& cx, ThreadState& ts, uint32_t oparg);

// The hot path: a Python function (or one found by LOAD_METHOD, with self)
// called with exactly its positional parameters.
template <class Cx>
PYR_HOT Step op_call(Cx& cx, ThreadState& ts, uint32_t oparg) {
  if (!cx.kwnames) {
    int n = static_cast<int>(oparg);
    auto callable = cx.peek(n + 2);
    Value* args = cx.stack_top_ptr(n + 1);
    if (cx.is_null(callable)) {
      callable = cx.peek(n + 1);
      args += 1;
    } else {
      n += 1;
    }
    if (cx.has_type(callable, types::function)) {
      Frame* f = cx.call(push_exact_frame, ts, callable.template as<Function>(), static_cast<const Value*>(args), n);
      if (f) {
        cx.drop(static_cast<int>(oparg) + 2);
        cx.save();
        cx.load(f);
        return Step::kSwitched;
      }
    } else if (cx.has_type(callable, types::builtin_function) || cx.has_type(callable, types::method_descriptor)) {
      // A native function or method: the callee may look at this frame
      // (sys._getframe, locals()).
      cx.frame->lasti = static_cast<int32_t>(cx.cur());
      auto r = cx.call(call_native_inline, callable, static_cast<const Value*>(args), size_t(n),
                       static_cast<const Code*>(cx.frame->code));
      if (cx.is_null(r)) return Step::kError;
      cx.drop(static_cast<int>(oparg) + 2);
      cx.push(r);
      return Step::kNext;
    }
  }
  return cx.cold(op_call_generic<Cx>, ts, oparg);
}

template <class Cx>
PYR_COLD Step op_call_generic(Cx& cx, ThreadState& ts, uint32_t oparg) {
  Tuple* kwnames = cx.kwnames;
  cx.kwnames = nullptr;
  int total = static_cast<int>(oparg);
  Value first = cx.peek(total + 2);
  Value second = cx.peek(total + 1);
  Value* args = cx.stack_top_ptr(total);
  Value callable;
  if (cx.is_null(first)) {
    callable = second;
    // A bound method: call its function with self in the empty slot.
    if (cx.has_type(callable, types::method)) {
      auto* m = callable.template as<Method>();
      cx.poke(total + 2, m->func);
      cx.poke(total + 1, m->self);
      callable = m->func;
      args -= 1;
      total += 1;
    }
  } else {
    callable = first;
    args -= 1;
    total += 1;
  }
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->length) : 0;
  size_t npos = static_cast<size_t>(total) - nkw;
  if (cx.has_type(callable, types::function)) {
    Frame* f = cx.call(push_function_frame, ts, callable.template as<Function>(), args, npos, kwnames);
    if (!f) return Step::kError;
    cx.drop(static_cast<int>(oparg) + 2);
    cx.save();
    f->cont = Continuation::kPush;
    cx.load(f);
    return Step::kSwitched;
  }
  // An instance whose class defines __call__ in Python: the method with the
  // instance as self, in the bound layout ([function, self, args]).
  if (cx.is_null(first) && cx.type_of_(callable)->is_heap_type()) {
    static Str* const kCall = intern("__call__");
    if (Function* fn = cx.call(python_dunder, cx.type_of_(callable), offsetof(TypeSlots, call), kCall)) {
      cx.poke(total + 2, Value(fn));
      Frame* f = cx.call(push_function_frame, ts, fn, static_cast<const Value*>(args - 1), npos + 1, kwnames);
      if (!f) return Step::kError;
      cx.drop(static_cast<int>(oparg) + 2);
      cx.save();
      f->cont = Continuation::kPush;
      cx.load(f);
      return Step::kSwitched;
    }
  }
  if (cx.call(is_python_class_call, callable)) {
    // C(...) with a Python __init__: allocate, then push __init__'s frame with
    // the kInit continuation (the instance replaces its None result). The
    // instance is written over the callable's stack slot, where the
    // collector sees it (not into a local of this loop).
    Value* instance = cx.stack_top_ptr(static_cast<int>(oparg) + 2);
    Frame* f = cx.call(push_init_frame, ts, callable.template as<Type>(), args, npos, kwnames, instance);
    if (!f) {
      if (cx.call(has_error_pending)) return Step::kError;
      // __new__ returned something that is not an instance: no __init__.
      Value obj = *instance;
      cx.drop(static_cast<int>(oparg) + 2);
      cx.push(obj);
      return Step::kNext;
    }
    f->extra = *instance;
    cx.drop(static_cast<int>(oparg) + 2);
    cx.save();
    f->cont = Continuation::kInit;
    cx.load(f);
    return Step::kSwitched;
  }
  // The callee may look at this frame (sys._getframe, locals()).
  cx.frame->lasti = static_cast<int32_t>(cx.cur());
  auto r = cx.call(call_from_code, callable, static_cast<const Value*>(args), npos, kwnames,
                   static_cast<const Code*>(cx.frame->code));
  if (cx.is_null(r)) return Step::kError;
  cx.drop(static_cast<int>(oparg) + 2);
  cx.push(r);
  return Step::kNext;
}

// ---- the remaining instructions ------------------------------------------------
// Each has the uniform signature op_NAME(cx, ts, arg), which the dispatch
// loop calls for every instruction it does not special-case.

inline Str* name_at(Frame* f, uint32_t i) { return static_cast<Str*>(f->code->names->at(i).object()); }

// A handler whose runtime call produced `r` (null: exception pending)
// replacing the top `popped` stack slots.
template <class Cx>
PYR_HOT Step replace_top(Cx& cx, typename Cx::Val r, int popped) {
  if (cx.is_null(r)) return Step::kError;
  cx.drop(popped);
  cx.push(r);
  return Step::kNext;
}

// ---- stack manipulation ----

template <class Cx>
PYR_HOT Step op_nop(Cx&, ThreadState&, uint32_t) {
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_resume(Cx&, ThreadState&, uint32_t) {
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_pop_top(Cx& cx, ThreadState&, uint32_t) {
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_push_null(Cx& cx, ThreadState&, uint32_t) {
  cx.push(Value());
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_copy(Cx& cx, ThreadState&, uint32_t arg) {
  cx.push(cx.peek(static_cast<int>(arg)));
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_swap(Cx& cx, ThreadState&, uint32_t arg) {
  auto a = cx.peek(1);
  cx.poke(1, cx.peek(static_cast<int>(arg)));
  cx.poke(static_cast<int>(arg), a);
  return Step::kNext;
}
// A pseudo-instruction reached in a code object: a compiler bug, reported.
template <class Cx>
PYR_HOT Step op_pseudo(Cx& cx, ThreadState&, uint32_t) {
  cx.call(raise_system_error, "unexpected pseudo-instruction in code object");
  return Step::kError;
}

// ---- names ----

template <class Cx>
PYR_HOT Step op_load_const(Cx& cx, ThreadState&, uint32_t arg) {
  cx.push(cx.constant(cx.frame->code->consts->at(arg)));
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_store_fast(Cx& cx, ThreadState&, uint32_t arg) {
  cx.set_local(static_cast<int>(arg), cx.pop());
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_delete_fast(Cx& cx, ThreadState&, uint32_t arg) {
  if (cx.is_null(cx.local(static_cast<int>(arg)))) {
    cx.call(raise_unbound_local, cx.frame->code, arg);
    return Step::kError;
  }
  cx.set_local(static_cast<int>(arg), Value());
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_make_cell(Cx& cx, ThreadState&, uint32_t arg) {
  auto c = cx.call(cell_new_value, cx.local(static_cast<int>(arg)));
  cx.set_local(static_cast<int>(arg), c);
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_copy_free_vars(Cx& cx, ThreadState&, uint32_t arg) {
  Tuple* closure = cx.frame->func->closure;
  int first = cx.frame->code->nlocalsplus - static_cast<int>(arg);
  for (uint32_t i = 0; i < arg; i++) cx.set_local(first + static_cast<int>(i), closure->at(i));
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_load_closure(Cx& cx, ThreadState&, uint32_t arg) {
  cx.push(cx.local(static_cast<int>(arg)));
  return Step::kNext;
}
template <class Cx>
inline Step op_load_classderef(Cx& cx, ThreadState&, uint32_t arg) {
  return replace_top(cx, cx.call(load_classderef, cx.frame, arg), 0);
}
template <class Cx>
PYR_HOT Step op_store_deref(Cx& cx, ThreadState&, uint32_t arg) {
  cx.call(cell_set, cx.local(static_cast<int>(arg)), cx.pop());
  return Step::kNext;
}
template <class Cx>
inline Step op_delete_deref(Cx& cx, ThreadState&, uint32_t arg) {
  auto cell = cx.local(static_cast<int>(arg));
  if (cx.is_null(cx.call(cell_get, cell))) {
    cx.call(raise_unbound_deref, cx.frame->code, arg);
    return Step::kError;
  }
  cx.call(cell_set, cell, Value());
  return Step::kNext;
}
template <class Cx>
inline Step op_load_name(Cx& cx, ThreadState&, uint32_t arg) {
  return replace_top(cx, cx.call(load_name, cx.frame, name_at(cx.frame, arg)), 0);
}
template <class Cx>
inline Step op_store_name(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(store_name, cx.frame, name_at(cx.frame, arg), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_delete_name(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(delete_name, cx.frame, name_at(cx.frame, arg))) return Step::kError;
  return Step::kNext;
}
template <class Cx>
inline Step op_store_global(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(dict_set_str, cx.frame->globals, name_at(cx.frame, arg), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_delete_global(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(delete_global, cx.frame->globals, name_at(cx.frame, arg))) return Step::kError;
  return Step::kNext;
}

// ---- attributes and subscripts ----

template <class Cx>
PYR_COLD Step op_store_attr_generic(Cx& cx, uint32_t arg) {
  auto obj = cx.peek(1);
  Str* name = name_at(cx.frame, arg);
  if (cx.call(store_attr_and_fill, obj, name, cx.peek(2), cache_units(cx))) {
    cx.drop(2);
    return Step::kNext;
  }
  if (!cx.call(set_attr, obj, name, cx.peek(2))) return Step::kError;
  cx.call(fill_store_attr_cache, obj, name, cache_units(cx));
  cx.drop(2);
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_store_attr(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(store_attr_cached, cx.peek(1), cx.peek(2), static_cast<const uint32_t*>(cache_units(cx))))
    return cx.cold(op_store_attr_generic<Cx>, arg);
  cx.drop(2);
  return Step::kNext;
}
template <class Cx>
inline Step op_delete_attr(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(set_attr, cx.top(), name_at(cx.frame, arg), Value())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_delete_subscr(Cx& cx, ThreadState&, uint32_t) {
  if (!cx.call(set_item, cx.peek(2), cx.peek(1), Value())) return Step::kError;
  cx.drop(2);
  return Step::kNext;
}
template <class Cx>
inline Step op_build_slice(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg);
  return replace_top(cx, cx.call(build_slice, cx.stack_top_ptr(n), arg), n);
}

// ---- operators ----

template <class Cx>
inline Step op_unary_positive(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(positive, cx.top()), 1);
}
template <class Cx>
inline Step op_unary_negative(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(negative, cx.top()), 1);
}
template <class Cx>
inline Step op_unary_invert(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(invert, cx.top()), 1);
}
template <class Cx>
PYR_HOT Step op_unary_not(Cx& cx, ThreadState&, uint32_t) {
  int t = cx.call(truth, cx.top());
  if (t < 0) return Step::kError;
  cx.poke(1, py_bool(!t));
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_is_op(Cx& cx, ThreadState&, uint32_t arg) {
  bool same = cx.is(cx.peek(2), cx.peek(1));
  cx.drop(1);
  cx.poke(1, py_bool(same != (arg != 0)));
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_contains_op(Cx& cx, ThreadState&, uint32_t arg) {
  int r = cx.call(contains, cx.peek(1), cx.peek(2));
  if (r < 0) return Step::kError;
  cx.drop(1);
  cx.poke(1, py_bool((r != 0) != (arg != 0)));
  return Step::kNext;
}

// ---- building ----

template <class Cx>
PYR_HOT Step op_build_tuple(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg);
  return replace_top(cx, cx.call(build_tuple, cx.stack_top_ptr(n), arg), n);
}
template <class Cx>
PYR_HOT Step op_build_list(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg);
  return replace_top(cx, cx.call(build_list, cx.stack_top_ptr(n), arg), n);
}
template <class Cx>
inline Step op_build_set(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg);
  return replace_top(cx, cx.call(build_set, cx.stack_top_ptr(n), arg), n);
}
template <class Cx>
inline Step op_build_map(Cx& cx, ThreadState&, uint32_t arg) {
  int n = 2 * static_cast<int>(arg);
  return replace_top(cx, cx.call(build_map, cx.stack_top_ptr(n), arg), n);
}
template <class Cx>
inline Step op_build_const_key_map(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg) + 1;
  return replace_top(cx, cx.call(build_const_key_map, cx.stack_top_ptr(n), arg, cx.top()),
                     n);
}
template <class Cx>
inline Step op_build_string(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg);
  return replace_top(cx, cx.call(build_string, cx.stack_top_ptr(n), arg), n);
}
template <class Cx>
inline Step op_list_to_tuple(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(list_to_tuple, cx.top()), 1);
}
// LIST_APPEND and friends: the container sits `arg` slots below the item(s).
template <class Cx>
PYR_HOT Step op_list_append(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(list_append_value, cx.peek(static_cast<int>(arg) + 1), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_set_add(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(set_add_value, cx.peek(static_cast<int>(arg) + 1), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_map_add(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(map_add_value, cx.peek(static_cast<int>(arg) + 2), cx.peek(2), cx.peek(1))) return Step::kError;
  cx.drop(2);
  return Step::kNext;
}
template <class Cx>
inline Step op_list_extend(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(list_extend_value, cx.peek(static_cast<int>(arg) + 1), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_set_update(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(set_update_value, cx.peek(static_cast<int>(arg) + 1), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
inline Step op_dict_update(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.call(dict_merge_call, Value(), cx.peek(static_cast<int>(arg) + 1), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
// The callable sits below the dict: [NULL, f, args, kwargs-dict, other].
template <class Cx>
inline Step op_dict_merge(Cx& cx, ThreadState&, uint32_t arg) {
  int n = static_cast<int>(arg);
  if (!cx.call(dict_merge_call, cx.peek(n + 3), cx.peek(n + 1), cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_unpack_sequence(Cx& cx, ThreadState&, uint32_t arg) {
  auto seq = cx.pop();
  if (cx.call(unpack_tuple_fast, seq, arg, cx.stack_top_ptr(0))) {
    cx.grow(static_cast<int>(arg));
    return Step::kNext;
  }
  if (!cx.call(unpack_sequence, seq, arg, cx.stack_top_ptr(0))) return Step::kError;
  cx.grow(static_cast<int>(arg));
  return Step::kNext;
}
template <class Cx>
inline Step op_unpack_ex(Cx& cx, ThreadState&, uint32_t arg) {
  auto seq = cx.pop();
  uint32_t before = arg & 0xff, after = arg >> 8;
  if (!cx.call(unpack_ex, seq, before, after, cx.stack_top_ptr(0))) return Step::kError;
  cx.grow(static_cast<int>(before + after + 1));
  return Step::kNext;
}
template <class Cx>
inline Step op_format_value(Cx& cx, ThreadState&, uint32_t arg) {
  auto spec = (arg & compile::kFormatSpec) ? cx.pop() : Value();
  return replace_top(cx, cx.call(format_value, cx.top(), arg, spec), 1);
}

// ---- calls and functions ----

template <class Cx>
PYR_HOT Step op_kw_names(Cx& cx, ThreadState&, uint32_t arg) {
  cx.kwnames = cx.frame->code->consts->at(arg).template as<Tuple>();
  return Step::kNext;
}
template <class Cx>
inline Step op_call_function_ex(Cx& cx, ThreadState&, uint32_t arg) {
  auto kwargs = (arg & 1) ? cx.pop() : Value();
  auto args = cx.pop();
  auto func = cx.pop();
  cx.drop(1);  // the NULL
  return replace_top(cx, cx.call(call_function_ex, func, args, kwargs), 0);
}
template <class Cx>
inline Step op_make_function(Cx& cx, ThreadState&, uint32_t arg) {
  int nitems = ((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0);
  return replace_top(cx, cx.call(make_function, cx.frame, arg, cx.top(), cx.stack_top_ptr(nitems + 1)), nitems + 1);
}
template <class Cx>
inline Step op_load_build_class(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(load_build_class, cx.frame->builtins), 0);
}
template <class Cx>
inline Step op_setup_annotations(Cx& cx, ThreadState&, uint32_t) {
  if (!cx.call(setup_annotations, cx.frame)) return Step::kError;
  return Step::kNext;
}
template <class Cx>
inline Step op_load_assertion_error(Cx& cx, ThreadState&, uint32_t) {
  cx.push(cx.constant(Value(exc::AssertionError)));
  return Step::kNext;
}
template <class Cx>
inline Step op_print_expr(Cx& cx, ThreadState&, uint32_t) {
  if (!cx.call(print_expr, cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}

// RETURN_VALUE: leaves the frame. A generator finishes; the entry frame
// leaves run() (*result); otherwise the caller resumes inside the
// instruction that pushed the frame, as its continuation kind says.
template <class Cx>
PYR_HOT Step op_return_value(Cx& cx, ThreadState& ts, Value* result) {
  auto v = cx.pop();
  Frame* f = cx.frame;
  if (f->generator) {
    cx.save();
    cx.call(generator_returned, ts, f, v);
    *result = v;
    return Step::kExit;
  }
  Continuation cont = f->cont;
  Frame* caller = f->previous;
  auto extra = f->extra;
  cx.call(pop_frame, ts, f);
  ts.frame = caller;
  if (cont == Continuation::kEntry) {
    *result = v;
    return Step::kExit;
  }
  cx.load(caller);
  cx.set_cur(static_cast<uint32_t>(caller->lasti));
  switch (cont) {
    case Continuation::kInit:
      if (!cx.is(v, cx.constant(none()))) {
        cx.call(raise_init_returned, v);
        return Step::kError;
      }
      cx.push(extra);
      cx.clear_stale(extra);
      break;
    case Continuation::kDiscard:
      break;
    case Continuation::kGetIter:
      if (!cx.call(check_iterator, v)) return Step::kError;
      cx.push(v);
      break;
    case Continuation::kBinary:
      // [a, b] are still on the stack.
      if (cx.is(v, cx.constant(not_implemented()))) {
        v = cx.call(binary_not_implemented, static_cast<uint32_t>(extra.small_value()), cx.peek(2), cx.peek(1));
        if (cx.is_null(v)) return Step::kError;
      }
      cx.drop(1);
      cx.poke(1, v);
      break;
    case Continuation::kCompare:
      if (cx.is(v, cx.constant(not_implemented()))) {
        v = cx.call(compare_reflected, cx.peek(2), cx.peek(1), static_cast<CompareOp>(extra.small_value()));
        if (cx.is_null(v)) return Step::kError;
      }
      cx.drop(1);
      cx.poke(1, v);
      break;
    default:  // kPush, kForIter
      cx.push(v);
      break;
  }
  return Step::kSwitched;
}

// ---- control flow ----

template <class Cx>
PYR_HOT Step op_jump_forward(Cx& cx, ThreadState&, uint32_t arg) {
  cx.jump(arg);
  return Step::kNext;
}
// JUMP_BACKWARD: a loop's back edge, where the JIT's hot counter will be.
template <class Cx>
PYR_HOT Step op_jump_backward(Cx& cx, ThreadState&, uint32_t arg) {
  cx.jump(arg);
  cx.call(warm_up, cx.frame->code);
  // A safe point: finalizers and weak callbacks queued by a collection run here.
  if (cx.call(gc_hooks_pending)) [[unlikely]] {
    cx.save();
    cx.call(run_gc_hooks_at_safe_point);
    // ...and Python signal handlers, which may raise (KeyboardInterrupt).
    if (!cx.call(run_signal_handlers_at_safe_point)) return Step::kError;
  }
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_jump_backward_no_interrupt(Cx& cx, ThreadState&, uint32_t arg) {
  cx.jump(arg);
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_pop_jump_if_none(Cx& cx, ThreadState&, uint32_t arg) {
  if (cx.is(cx.pop(), cx.constant(none()))) cx.jump(arg);
  return Step::kNext;
}
template <class Cx>
PYR_HOT Step op_pop_jump_if_not_none(Cx& cx, ThreadState&, uint32_t arg) {
  if (!cx.is(cx.pop(), cx.constant(none()))) cx.jump(arg);
  return Step::kNext;
}

// ---- exceptions ----

template <class Cx>
inline Step op_push_exc_info(Cx& cx, ThreadState& ts, uint32_t) {
  auto e = cx.top();
  cx.poke(1, cx.is_null(ts.handled) ? none() : ts.handled);
  cx.push(e);
  ts.handled = e;
  return Step::kNext;
}
template <class Cx>
inline Step op_pop_except(Cx& cx, ThreadState& ts, uint32_t) {
  auto prev = cx.pop();
  ts.handled = cx.is(prev, cx.constant(none())) ? Value() : prev;
  return Step::kNext;
}
// RERAISE: the exception goes on unwinding without a new traceback entry.
template <class Cx>
inline Step op_reraise(Cx& cx, ThreadState&, uint32_t arg) {
  auto e = cx.pop();
  if (arg) cx.frame->lasti = static_cast<int32_t>(cx.small(cx.peek(static_cast<int>(arg))));
  cx.call(set_error_value, e);
  return Step::kReraise;
}
template <class Cx>
inline Step op_raise_varargs(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto cause = arg >= 2 ? cx.pop() : Value();
  auto e = arg >= 1 ? cx.pop() : Value();
  cx.call(do_raise, ts, e, cause, static_cast<int>(arg));
  // A bare `raise` re-raises the handled exception as it is.
  if (arg == 0 && cx.call(has_error_pending)) return Step::kReraise;
  return Step::kError;
}
template <class Cx>
inline Step op_check_exc_match(Cx& cx, ThreadState&, uint32_t) {
  int r = cx.call(exception_match, cx.peek(2), cx.peek(1));
  if (r < 0) return Step::kError;
  cx.poke(1, py_bool(r != 0));
  return Step::kNext;
}
template <class Cx>
inline Step op_check_eg_match(Cx& cx, ThreadState& ts, uint32_t) {
  Value rest, match;
  if (!cx.call(check_eg_match, cx.peek(2), cx.peek(1), &rest, &match)) return Step::kError;
  cx.poke(2, rest);
  cx.poke(1, match);
  if (!cx.is(match, cx.constant(none()))) ts.handled = match;
  cx.clear_stale(rest);
  cx.clear_stale(match);
  return Step::kNext;
}
template <class Cx>
inline Step op_prep_reraise_star(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(prep_reraise_star, cx.peek(2), cx.peek(1)), 2);
}
template <class Cx>
inline Step before_with_common(Cx& cx, bool async) {
  Value exit, enter_result;
  if (!cx.call(before_with, cx.top(), &exit, &enter_result, async)) return Step::kError;
  cx.poke(1, exit);
  cx.push(enter_result);
  cx.clear_stale(exit);
  cx.clear_stale(enter_result);
  return Step::kNext;
}
template <class Cx>
inline Step op_before_with(Cx& cx, ThreadState&, uint32_t) {
  return before_with_common(cx, false);
}
template <class Cx>
inline Step op_before_async_with(Cx& cx, ThreadState&, uint32_t) {
  return before_with_common(cx, true);
}
// [exit, lasti, prev exc, exc] -> [..., exit(type, exc, tb)]
template <class Cx>
inline Step op_with_except_start(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(call_exit_with_exception, cx.peek(4), cx.peek(1)), 0);
}

// ---- generators and coroutines ----

template <class Cx>
inline Step op_return_generator(Cx& cx, ThreadState& ts, Value* result) {
  Frame* f = cx.frame;
  cx.save();
  auto gen = cx.call(make_generator, ts, f);
  if (cx.is_null(gen)) return Step::kError;
  Continuation cont = f->cont;
  Frame* caller = f->previous;
  cx.call(pop_frame, ts, f);
  ts.frame = caller;
  if (cont == Continuation::kEntry) {
    *result = gen;
    return Step::kExit;
  }
  cx.load(caller);
  cx.push(gen);
  return Step::kSwitched;
}
template <class Cx>
inline Step op_yield_value(Cx& cx, ThreadState& ts, Value* result) {
  *result = cx.pop();
  cx.save();
  cx.call(generator_yielded, ts, cx.frame);
  return Step::kExit;
}
// A yield where closing the generator runs code: it is registered for
// finalization (once).
template <class Cx>
inline Step op_yield_value_close(Cx& cx, ThreadState& ts, Value* result) {
  *result = cx.pop();
  cx.save();
  cx.call(generator_yielded_close, ts, cx.frame);
  return Step::kExit;
}
template <class Cx>
inline Step op_async_gen_wrap(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(async_gen_wrap, cx.top()), 1);
}
// SEND: [receiver, value] -> [receiver, yielded], or [result] and jump.
template <class Cx>
inline Step op_send(Cx& cx, ThreadState&, uint32_t arg) {
  auto v = cx.pop();
  Value out;
  SendResult sr = cx.call(send_value, cx.top(), v, &out);
  if (sr == SendResult::kError) return Step::kError;
  if (sr == SendResult::kReturned) {
    cx.poke(1, out);
    cx.jump(arg);
  } else {
    cx.push(out);
  }
  cx.clear_stale(out);
  return Step::kNext;
}
template <class Cx>
inline Step op_get_yield_from_iter(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(get_yield_from_iter, cx.frame->code, cx.top()), 1);
}
template <class Cx>
inline Step op_get_awaitable(Cx& cx, ThreadState&, uint32_t arg) {
  return replace_top(cx, cx.call(get_awaitable, cx.top(), static_cast<int>(arg)), 1);
}
template <class Cx>
inline Step op_get_aiter(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(get_aiter, cx.top()), 1);
}
template <class Cx>
inline Step op_get_anext(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(get_anext, cx.top()), 0);
}
// END_ASYNC_FOR: StopAsyncIteration ends the loop; anything else goes on.
template <class Cx>
inline Step op_end_async_for(Cx& cx, ThreadState&, uint32_t) {
  auto e = cx.pop();
  if (cx.call(isinstance, e, exc::StopAsyncIteration)) {
    cx.drop(1);
    return Step::kNext;
  }
  cx.call(set_error_value, e);
  return Step::kReraise;
}

// ---- imports ----

template <class Cx>
inline Step op_import_name(Cx& cx, ThreadState&, uint32_t arg) {
  auto fromlist = cx.pop();
  return replace_top(cx, cx.call(import_name, cx.frame, name_at(cx.frame, arg), fromlist, cx.top()), 1);
}
template <class Cx>
inline Step op_import_from(Cx& cx, ThreadState&, uint32_t arg) {
  return replace_top(cx, cx.call(import_from, cx.top(), name_at(cx.frame, arg)), 0);
}
template <class Cx>
inline Step op_import_star(Cx& cx, ThreadState&, uint32_t) {
  if (!cx.call(import_star, cx.frame, cx.top())) return Step::kError;
  cx.drop(1);
  return Step::kNext;
}

// ---- pattern matching ----

template <class Cx>
inline Step op_get_len(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(get_len, cx.top()), 0);
}
template <class Cx>
inline Step op_match_mapping(Cx& cx, ThreadState&, uint32_t) {
  int r = cx.call(match_mapping, cx.top());
  if (r < 0) return Step::kError;
  cx.push(py_bool(r));
  return Step::kNext;
}
template <class Cx>
inline Step op_match_sequence(Cx& cx, ThreadState&, uint32_t) {
  int r = cx.call(match_sequence, cx.top());
  if (r < 0) return Step::kError;
  cx.push(py_bool(r));
  return Step::kNext;
}
template <class Cx>
inline Step op_match_keys(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(match_keys, cx.peek(2), cx.peek(1)), 0);
}
template <class Cx>
inline Step op_match_class(Cx& cx, ThreadState&, uint32_t arg) {
  auto names = cx.pop();
  auto cls = cx.pop();
  return replace_top(cx, cx.call(match_class, cx.top(), cls, arg, names), 1);
}
template <class Cx>
inline Step op_copy_dict_without_keys(Cx& cx, ThreadState&, uint32_t) {
  return replace_top(cx, cx.call(copy_dict_without_keys, cx.peek(2), cx.peek(1)), 1);
}

}  // namespace pyrite::python
