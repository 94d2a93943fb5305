// The bytecode handlers, written once as templates over the execution
// context (docs/interp.md, "Handlers and contexts"; DESIGN.md's contract).
//
// A handler touches values only through `cx`: stack and local slots, tag
// and type tests (guards when tracing), small-int arithmetic, residual
// calls into the runtime (runtime_ops.h). Compiled with ConcretePyContext
// the handlers are the interpreter; a tracing context will make them the
// recorder without changing a line here.
//
// Each returns a Step: go on with cx.pc, handle the pending exception, or
// the frame changed (a call pushed one, a return popped one).
#pragma once

#include "python/compile/opcodes.h"
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

enum class Step : uint8_t {
  kNext,      // continue at cx.pc
  kError,     // an exception is pending: unwind
  kSwitched,  // cx now holds another frame (call or return): continue there
  kExit,      // leave run(): the entry frame returned or yielded
};

// Switches the context to `callee`, a frame for a special method called from
// inside the current instruction: the caller's stack loses `consumed` slots
// now and the continuation kind says what happens to the result.
template <class Cx>
inline Step enter_continuation(Cx& cx, Frame* callee, Continuation cont, Value extra, int consumed) {
  cx.drop(consumed);
  cx.save();
  callee->cont = cont;
  callee->extra = extra;
  cx.load(callee);
  return Step::kSwitched;
}

// ---- names -----------------------------------------------------------------

template <class Cx>
inline Step op_load_fast(Cx& cx, uint32_t arg) {
  auto v = cx.local(arg);
  if (cx.is_null(v)) {
    cx.call(raise_unbound_local, cx.frame->code, arg);
    return Step::kError;
  }
  cx.push(v);
  return Step::kNext;
}

template <class Cx>
inline Step op_load_deref(Cx& cx, uint32_t arg) {
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
inline Step op_load_global(Cx& cx, uint32_t arg) {
  Str* name = static_cast<Str*>(cx.frame->code->names->at(arg >> 1).object());
  uint32_t site = cx.code[cx.cur + 1];  // the first cache unit: this instruction's GlobalSite
  auto v = cx.call(load_global_site, cx.frame, site, name);
  if (cx.is_null(v)) return Step::kError;
  if (arg & 1) cx.push(Value());
  cx.push(v);
  return Step::kNext;
}

// ---- attributes ----------------------------------------------------------------

template <class Cx>
inline Step op_load_attr(Cx& cx, ThreadState& ts, uint32_t arg) {
  Str* name = static_cast<Str*>(cx.frame->code->names->at(arg).object());
  auto obj = cx.top();
  // A property with a Python getter: its frame, continued by a push.
  // TODO(#3): an inline cache of "no Python property for this type version"
  // here made `-X gc-stress -X gc-verify tests/py/generators/async_with_for.py`
  // report a dict table holding a freed object. Writing the constant 1 into
  // the first cache unit does not, writing the type's version tag does:
  // find what reads LOAD_ATTR's cache units before caching here.
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
inline Step op_load_method(Cx& cx, uint32_t arg) {
  Str* name = static_cast<Str*>(cx.frame->code->names->at(arg).object());
  auto obj = cx.top();
  Value self;
  auto m = cx.call(lookup_method, obj, name, &self);
  if (cx.is_null(m)) return Step::kError;
  if (cx.is_null(self)) {
    cx.poke(1, Value());
    cx.push(m);
  } else {
    cx.poke(1, m);
    cx.push(self);
  }
  cx.clear_stale(self);
  return Step::kNext;
}

// ---- operators -------------------------------------------------------------------

template <class Cx>
inline Step op_binary_op(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto b = cx.pop();
  auto a = cx.top();
  if (cx.both_small(a, b)) {
    Value r;
    bool ok = false;
    switch (arg % compile::kInplaceOffset) {
      case 0: ok = cx.add_small(a, b, &r); break;
      case 1: ok = cx.sub_small(a, b, &r); break;
      case 2: ok = cx.mul_small(a, b, &r); break;
      default: break;
    }
    if (ok) {
      cx.poke(1, r);
      return Step::kNext;
    }
  }
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
inline Step op_compare_op(Cx& cx, ThreadState& ts, uint32_t arg) {
  auto b = cx.pop();
  auto a = cx.top();
  if (cx.both_small(a, b)) {
    cx.poke(1, cx.constant(py_bool(cx.compare_small(a, b, static_cast<int>(arg)))));
    return Step::kNext;
  }
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
inline Step op_pop_jump_if(Cx& cx, uint32_t target, bool jump_when) {
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
  if ((t != 0) == jump_when) cx.pc = target;
  return Step::kNext;
}

// JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP.
template <class Cx>
inline Step op_jump_if_or_pop(Cx& cx, uint32_t target, bool jump_when) {
  auto v = cx.top();
  int t = cx.call(truth, v);
  if (t < 0) return Step::kError;
  if ((t != 0) == jump_when) {
    cx.pc = target;
  } else {
    cx.drop(1);
  }
  return Step::kNext;
}

// ---- iteration ----------------------------------------------------------------------

template <class Cx>
inline Step op_for_iter(Cx& cx, ThreadState& ts, uint32_t target) {
  auto it = cx.top();
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
    cx.pc = target;
    return Step::kNext;
  }
  cx.push(v);
  return Step::kNext;
}

// ---- subscripts and iteration with Python special methods --------------------------

template <class Cx>
inline Step op_binary_subscr(Cx& cx, ThreadState& ts) {
  auto key = cx.peek(1);
  auto obj = cx.peek(2);
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
inline Step op_store_subscr(Cx& cx, ThreadState& ts) {
  auto key = cx.peek(1);
  auto obj = cx.peek(2);
  auto v = cx.peek(3);
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
inline Step op_get_iter(Cx& cx, ThreadState& ts) {
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
inline Step op_call(Cx& cx, ThreadState& ts, uint32_t oparg) {
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
  cx.frame->lasti = static_cast<int32_t>(cx.cur);
  auto r = cx.call(call, callable, static_cast<const Value*>(args), npos, kwnames);
  if (cx.is_null(r)) return Step::kError;
  cx.drop(static_cast<int>(oparg) + 2);
  cx.push(r);
  return Step::kNext;
}

}  // namespace pyrite::python
