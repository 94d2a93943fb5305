// The dispatch loop (docs/interp.md, "The dispatch loop").
//
// run() executes from an entry frame until that frame returns (or, for a
// generator frame, yields). Python-to-Python calls push a frame and stay in
// the same loop; only calls that come from C++ (a slot calling a Python
// special method, a builtin calling a key function) enter a nested run().
//
// Exceptions: a handler that fails returns Step::kError with the exception
// pending. The unwinder looks up the frame's exception table at the failing
// instruction; with a handler it resets the value stack to the entry's depth,
// pushes lasti if asked and the exception, and jumps; without one it records
// a traceback entry, pops the frame and repeats in the caller.
#include "python/interp/eval.h"

#include "python/interp/concrete_context.h"
#include "python/interp/handlers.h"
#include "python/interp/generator.h"
#include "python/interp/pyrun.h"
#include "python/objects/errors.h"
#include "python/objects/frame_object.h"
#include "python/objects/int.h"
#include "python/objects/traceback.h"

namespace pyrite::python {

namespace {

using compile::Opcode;

inline Str* name_at(Frame* f, uint32_t i) { return static_cast<Str*>(f->code->names->at(i).object()); }

// An exception raised inside an instruction gets the handled exception as
// its __context__ when it has none yet (CPython links it when raising;
// RAISE_VARARGS does that itself in do_raise).
void chain_fresh_context(ThreadState& ts, Object* exc) {
  auto* e = reinterpret_cast<BaseExceptionObject*>(exc);
  if (e->context) return;
  link_context(ts, exc);
}

void traceback_add_frame(Object* e, Frame* f, uint32_t lasti) {
  const compile::LocationEntry* loc = f->code->location_at(lasti);
  traceback_add(e, frame_object_for(f), f->code, static_cast<int>(lasti) * 2, loc ? loc->line : -1, loc ? loc->end_line : -1,
                loc ? loc->col : -1, loc ? loc->end_col : -1, f->code->filename, f->code->name);
}

}  // namespace

Value run(ThreadState& ts, Frame* entry, bool throw_pending) {
  ConcretePyContext cx;
  cx.load(entry);
  ts.frame = entry;
  Step step;
  uint32_t arg = 0;
  Opcode op;
  Value result;

  static const void* const kLabels[] = {
#define PYR_OPCODE(name, ...) &&L_##name,
#include "python/compile/opcodes.def"
  };

#define DISPATCH()                                         \
  do {                                                     \
    cx.cur = cx.pc;                                        \
    compile::Unit u = cx.code[cx.pc];                      \
    op = static_cast<Opcode>(u & 0xff);                    \
    PYR_DCHECK((u & 0xff) < sizeof(kLabels) / sizeof(kLabels[0]) && op != Opcode::CACHE); \
    arg = u >> 8;                                          \
    cx.pc += 1 + compile::opcode_cache_units(op);          \
    goto* kLabels[u & 0xff];                               \
  } while (0)
#define NEXT() DISPATCH()
#define CHECK(step_expr)                                   \
  do {                                                     \
    step = (step_expr);                                    \
    if (step == Step::kNext) NEXT();                       \
    goto after_step;                                       \
  } while (0)
#define ERROR() goto error

  if (throw_pending) {
    cx.cur = static_cast<uint32_t>(entry->lasti);
    goto error;
  }
  NEXT();

after_step:
  switch (step) {
    case Step::kNext: NEXT();
    case Step::kError: goto error;
    case Step::kSwitched: ts.frame = cx.frame; NEXT();
    case Step::kExit: return result;
  }

L_CACHE:
L_SETUP_FINALLY:
L_SETUP_CLEANUP:
L_SETUP_WITH:
L_POP_BLOCK:
L_JUMP:
L_JUMP_NO_INTERRUPT:
L_EXTENDED_ARG:
  raise(exc::SystemError, "unexpected pseudo-instruction in code object");
  ERROR();
L_NOP:
  NEXT();
L_RESUME:
  NEXT();
L_POP_TOP:
  cx.drop(1);
  NEXT();
L_PUSH_NULL:
  cx.push(Value());
  NEXT();
L_COPY:
  cx.push(cx.peek(static_cast<int>(arg)));
  NEXT();
L_SWAP: {
  Value a = cx.peek(1);
  cx.poke(1, cx.peek(static_cast<int>(arg)));
  cx.poke(static_cast<int>(arg), a);
  NEXT();
}

// ---- names ----
L_LOAD_CONST:
  cx.push(cx.frame->code->consts->at(arg));
  NEXT();
L_LOAD_FAST:
  CHECK(op_load_fast(cx, arg));
L_STORE_FAST:
  cx.set_local(arg, cx.pop());
  NEXT();
L_DELETE_FAST:
  if (cx.is_null(cx.local(arg))) {
    raise_unbound_local(cx.frame->code, arg);
    ERROR();
  }
  cx.set_local(arg, Value());
  NEXT();
L_MAKE_CELL: {
  Cell* c = cell_new(cx.local(arg));
  cx.set_local(arg, c);
  NEXT();
}
L_COPY_FREE_VARS: {
  Tuple* closure = cx.frame->func->closure;
  int first = cx.frame->code->nlocalsplus - static_cast<int>(arg);
  for (uint32_t i = 0; i < arg; i++) cx.set_local(first + static_cast<int>(i), closure->at(i));
  NEXT();
}
L_LOAD_CLOSURE:
  cx.push(cx.local(arg));
  NEXT();
L_LOAD_DEREF:
  CHECK(op_load_deref(cx, arg));
L_LOAD_CLASSDEREF: {
  Value v = load_classderef(cx.frame, arg);
  if (!v) ERROR();
  cx.push(v);
  NEXT();
}
L_STORE_DEREF: {
  auto* c = cx.local(arg).as<Cell>();
  c->value = cx.pop();
  NEXT();
}
L_DELETE_DEREF: {
  auto* c = cx.local(arg).as<Cell>();
  if (!c->value) {
    raise_unbound_deref(cx.frame->code, arg);
    ERROR();
  }
  c->value = Value();
  NEXT();
}
L_LOAD_NAME: {
  Value v = load_name(cx.frame, name_at(cx.frame, arg));
  if (!v) ERROR();
  cx.push(v);
  NEXT();
}
L_STORE_NAME:
  if (!store_name(cx.frame, name_at(cx.frame, arg), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_DELETE_NAME:
  if (!delete_name(cx.frame, name_at(cx.frame, arg))) ERROR();
  NEXT();
L_LOAD_GLOBAL:
  CHECK(op_load_global(cx, arg));
L_STORE_GLOBAL:
  if (!dict_set_str(cx.frame->globals, name_at(cx.frame, arg), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_DELETE_GLOBAL:
  if (!delete_global(cx.frame->globals, name_at(cx.frame, arg))) ERROR();
  NEXT();

// ---- attributes and subscripts ----
L_LOAD_ATTR:
  CHECK(op_load_attr(cx, ts, arg));
L_LOAD_METHOD:
  CHECK(op_load_method(cx, arg));
L_STORE_ATTR: {
  Value obj = cx.peek(1), v = cx.peek(2);
  if (!set_attr(obj, name_at(cx.frame, arg), v)) ERROR();
  cx.drop(2);
  NEXT();
}
L_DELETE_ATTR:
  if (!set_attr(cx.top(), name_at(cx.frame, arg), Value())) ERROR();
  cx.drop(1);
  NEXT();
L_BINARY_SUBSCR:
  CHECK(op_binary_subscr(cx, ts));
L_STORE_SUBSCR:
  CHECK(op_store_subscr(cx, ts));
L_DELETE_SUBSCR:
  if (!set_item(cx.peek(2), cx.peek(1), Value())) ERROR();
  cx.drop(2);
  NEXT();
L_BUILD_SLICE: {
  Value r = build_slice(cx.stack_top_ptr(static_cast<int>(arg)), arg);
  if (!r) ERROR();
  cx.drop(static_cast<int>(arg));
  cx.push(r);
  NEXT();
}

// ---- operators ----
L_UNARY_POSITIVE:
L_UNARY_NEGATIVE:
L_UNARY_INVERT: {
  Value v = cx.top();
  Value r = op == Opcode::UNARY_POSITIVE ? positive(v) : op == Opcode::UNARY_NEGATIVE ? negative(v) : invert(v);
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_UNARY_NOT: {
  int t = truth(cx.top());
  if (t < 0) ERROR();
  cx.poke(1, py_bool(!t));
  NEXT();
}
L_BINARY_OP:
  CHECK(op_binary_op(cx, ts, arg));
L_COMPARE_OP:
  CHECK(op_compare_op(cx, ts, arg));
L_IS_OP: {
  bool same = cx.is(cx.peek(2), cx.peek(1));
  cx.drop(1);
  cx.poke(1, py_bool(same != (arg != 0)));
  NEXT();
}
L_CONTAINS_OP: {
  int r = contains(cx.peek(1), cx.peek(2));
  if (r < 0) ERROR();
  cx.drop(1);
  cx.poke(1, py_bool((r != 0) != (arg != 0)));
  NEXT();
}

// ---- building ----
L_BUILD_TUPLE: {
  Tuple* t = tuple_from_array(cx.stack_top_ptr(static_cast<int>(arg)), arg);
  if (!t) ERROR();
  cx.drop(static_cast<int>(arg));
  cx.push(t);
  NEXT();
}
L_BUILD_LIST: {
  Value r = build_list(cx.stack_top_ptr(static_cast<int>(arg)), arg);
  if (!r) ERROR();
  cx.drop(static_cast<int>(arg));
  cx.push(r);
  NEXT();
}
L_BUILD_SET: {
  Value r = build_set(cx.stack_top_ptr(static_cast<int>(arg)), arg);
  if (!r) ERROR();
  cx.drop(static_cast<int>(arg));
  cx.push(r);
  NEXT();
}
L_BUILD_MAP: {
  Value r = build_map(cx.stack_top_ptr(2 * static_cast<int>(arg)), arg);
  if (!r) ERROR();
  cx.drop(2 * static_cast<int>(arg));
  cx.push(r);
  NEXT();
}
L_BUILD_CONST_KEY_MAP: {
  Value r = build_const_key_map(cx.stack_top_ptr(static_cast<int>(arg) + 1), arg, cx.top());
  if (!r) ERROR();
  cx.drop(static_cast<int>(arg) + 1);
  cx.push(r);
  NEXT();
}
L_BUILD_STRING: {
  Value r = build_string(cx.stack_top_ptr(static_cast<int>(arg)), arg);
  if (!r) ERROR();
  cx.drop(static_cast<int>(arg));
  cx.push(r);
  NEXT();
}
L_LIST_TO_TUPLE: {
  Value r = list_to_tuple(cx.top());
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_LIST_APPEND:
  if (!list_append_value(cx.peek(static_cast<int>(arg) + 1), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_SET_ADD:
  if (!set_add_value(cx.peek(static_cast<int>(arg) + 1), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_MAP_ADD:
  if (!map_add_value(cx.peek(static_cast<int>(arg) + 2), cx.peek(2), cx.peek(1))) ERROR();
  cx.drop(2);
  NEXT();
L_LIST_EXTEND:
  if (!list_extend_value(cx.peek(static_cast<int>(arg) + 1), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_SET_UPDATE:
  if (!set_update_value(cx.peek(static_cast<int>(arg) + 1), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_DICT_UPDATE:
  if (!dict_merge_call(Value(), cx.peek(static_cast<int>(arg) + 1), cx.top())) ERROR();
  cx.drop(1);
  NEXT();
L_DICT_MERGE:
  // The callable sits below the dict: [NULL, f, args, kwargs-dict, other].
  if (!dict_merge_call(cx.peek(static_cast<int>(arg) + 3), cx.peek(static_cast<int>(arg) + 1), cx.top()))
    ERROR();
  cx.drop(1);
  NEXT();
L_UNPACK_SEQUENCE: {
  Value seq = cx.pop();
  if (!unpack_sequence(seq, arg, cx.stack_top_ptr(0))) {
    ERROR();
  }
  cx.grow(static_cast<int>(arg));
  NEXT();
}
L_UNPACK_EX: {
  Value seq = cx.pop();
  uint32_t before = arg & 0xff, after = arg >> 8;
  if (!unpack_ex(seq, before, after, cx.stack_top_ptr(0))) ERROR();
  cx.grow(static_cast<int>(before + after + 1));
  NEXT();
}
L_FORMAT_VALUE: {
  Value spec = (arg & compile::kFormatSpec) ? cx.pop() : Value();
  Value r = format_value(cx.top(), arg, spec);
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}

// ---- calls and functions ----
L_KW_NAMES:
  cx.kwnames = cx.frame->code->consts->at(arg).as<Tuple>();
  NEXT();
L_CALL:
  CHECK(op_call(cx, ts, arg));
L_CALL_FUNCTION_EX: {
  Value kwargs = (arg & 1) ? cx.pop() : Value();
  Value args = cx.pop();
  Value func = cx.pop();
  cx.drop(1);  // the NULL
  Value r = call_function_ex(func, args, kwargs);
  if (!r) ERROR();
  cx.push(r);
  NEXT();
}
L_MAKE_FUNCTION: {
  int nitems = ((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0);
  Value code = cx.top();
  Value r = make_function(cx.frame, arg, code, cx.stack_top_ptr(nitems + 1));
  if (!r) ERROR();
  cx.drop(nitems + 1);
  cx.push(r);
  NEXT();
}
L_RETURN_VALUE: {
  Value v = cx.pop();
  Frame* f = cx.frame;
  if (f->generator) {
    cx.save();
    generator_returned(ts, f, v);
    result = v;
    return result;
  }
  Continuation cont = f->cont;
  Frame* caller = f->previous;
  Value extra = f->extra;
  pop_frame(ts, f);
  ts.frame = caller;
  if (cont == Continuation::kEntry) return v;
  cx.load(caller);
  // The caller resumes inside the instruction that pushed the frame.
  cx.cur = static_cast<uint32_t>(caller->lasti);
  switch (cont) {
    case Continuation::kInit:
      if (!is_none(v)) {
        raisef(exc::TypeError, "__init__() should return None, not '%s'", type_name(v).c_str());
        ERROR();
      }
      cx.push(extra);
      cx.clear_stale(extra);
      break;
    case Continuation::kDiscard:
      break;
    case Continuation::kGetIter:
      if (!check_iterator(v)) ERROR();
      cx.push(v);
      break;
    case Continuation::kBinary: {
      // [a, b] are still on the stack.
      if (v.is(not_implemented())) {
        v = binary_not_implemented(static_cast<uint32_t>(extra.small_value()), cx.peek(2), cx.peek(1));
        if (!v) ERROR();
      }
      cx.drop(1);
      cx.poke(1, v);
      break;
    }
    case Continuation::kCompare: {
      if (v.is(not_implemented())) {
        v = compare_reflected(cx.peek(2), cx.peek(1), static_cast<CompareOp>(extra.small_value()));
        if (!v) ERROR();
      }
      cx.drop(1);
      cx.poke(1, v);
      break;
    }
    default:  // kPush, kForIter
      cx.push(v);
      break;
  }
  NEXT();
}
L_LOAD_BUILD_CLASS: {
  static Str* const kBuildClass = intern("__build_class__");
  Value v = dict_get_str(cx.frame->builtins, kBuildClass);
  if (!v) {
    if (!has_error()) raise(exc::NameError, "__build_class__ not found");
    ERROR();
  }
  cx.push(v);
  NEXT();
}
L_SETUP_ANNOTATIONS:
  if (!setup_annotations(cx.frame)) ERROR();
  NEXT();
L_LOAD_ASSERTION_ERROR:
  cx.push(exc::AssertionError);
  NEXT();
L_PRINT_EXPR: {
  Value hook = get_sys_attr("displayhook");
  if (!hook) ERROR();
  if (!call1(hook, cx.top())) ERROR();
  cx.drop(1);
  NEXT();
}

// ---- control flow ----
L_JUMP_FORWARD:
  cx.pc = arg;
  NEXT();
L_JUMP_BACKWARD:
  cx.pc = arg;
  // A safe point: finalizers and weak callbacks queued by a collection run here.
  if (__builtin_expect(gc_hooks_pending(), 0)) {
    cx.save();
    run_gc_hooks();
    clear_error();
  }
  NEXT();
L_JUMP_BACKWARD_NO_INTERRUPT:
  cx.pc = arg;
  NEXT();
L_POP_JUMP_IF_FALSE:
  CHECK(op_pop_jump_if(cx, arg, false));
L_POP_JUMP_IF_TRUE:
  CHECK(op_pop_jump_if(cx, arg, true));
L_POP_JUMP_IF_NONE:
  if (is_none(cx.pop())) cx.pc = arg;
  NEXT();
L_POP_JUMP_IF_NOT_NONE:
  if (!is_none(cx.pop())) cx.pc = arg;
  NEXT();
L_JUMP_IF_FALSE_OR_POP:
  CHECK(op_jump_if_or_pop(cx, arg, false));
L_JUMP_IF_TRUE_OR_POP:
  CHECK(op_jump_if_or_pop(cx, arg, true));
L_GET_ITER:
  CHECK(op_get_iter(cx, ts));
L_FOR_ITER:
  CHECK(op_for_iter(cx, ts, arg));

// ---- exceptions ----
L_PUSH_EXC_INFO: {
  Value e = cx.top();
  cx.poke(1, ts.handled ? ts.handled : none());
  cx.push(e);
  ts.handled = e;
  NEXT();
}
L_POP_EXCEPT: {
  Value prev = cx.pop();
  ts.handled = is_none(prev) ? Value() : prev;
  NEXT();
}
L_RERAISE: {
  Value e = cx.pop();
  if (arg) cx.frame->lasti = static_cast<int32_t>(cx.peek(static_cast<int>(arg)).small_value());
  set_error(e.object());
  goto reraise;
}
L_RAISE_VARARGS: {
  Value cause = arg >= 2 ? cx.pop() : Value();
  Value e = arg >= 1 ? cx.pop() : Value();
  do_raise(ts, e, cause, static_cast<int>(arg));
  if (arg == 0 && has_error()) goto reraise;
  ERROR();
}
L_CHECK_EXC_MATCH: {
  int r = exception_match(cx.peek(2), cx.peek(1));
  if (r < 0) ERROR();
  cx.poke(1, py_bool(r != 0));
  NEXT();
}
L_CHECK_EG_MATCH: {
  Value rest, match;
  if (!check_eg_match(cx.peek(2), cx.peek(1), &rest, &match)) ERROR();
  cx.poke(2, rest);
  cx.poke(1, match);
  if (!is_none(match)) ts.handled = match;
  cx.clear_stale(rest);
  cx.clear_stale(match);
  NEXT();
}
L_PREP_RERAISE_STAR: {
  Value r = prep_reraise_star(cx.peek(2), cx.peek(1));
  if (!r) ERROR();
  cx.drop(1);
  cx.poke(1, r);
  NEXT();
}
L_BEFORE_WITH:
L_BEFORE_ASYNC_WITH: {
  Value exit, enter_result;
  if (!before_with(cx.top(), &exit, &enter_result, op == Opcode::BEFORE_ASYNC_WITH)) ERROR();
  cx.poke(1, exit);
  cx.push(enter_result);
  cx.clear_stale(exit);
  cx.clear_stale(enter_result);
  NEXT();
}
L_WITH_EXCEPT_START: {
  // [exit, lasti, prev exc, exc]
  Value e = cx.peek(1);
  Value exit = cx.peek(4);
  Value tb = exception_traceback(e);
  Value args[3] = {type_of(e), e, tb ? tb : none()};
  Value r = call(exit, args, 3);
  for (Value& a : args) cx.clear_stale(a);
  if (!r) ERROR();
  cx.push(r);
  NEXT();
}

// ---- generators and coroutines ----
L_RETURN_GENERATOR: {
  Frame* f = cx.frame;
  cx.save();
  Value gen = make_generator(ts, f);
  if (!gen) ERROR();
  Continuation cont = f->cont;
  Frame* caller = f->previous;
  pop_frame(ts, f);
  ts.frame = caller;
  if (cont == Continuation::kEntry) return gen;
  cx.load(caller);
  cx.push(gen);
  NEXT();
}
L_YIELD_VALUE: {
  Value v = cx.pop();
  cx.save();
  generator_yielded(ts, cx.frame);
  return v;
}
L_ASYNC_GEN_WRAP: {
  Value r = async_gen_wrap(cx.top());
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_SEND: {
  // [receiver, value] -> [receiver, yielded], or [result] and jump.
  Value v = cx.pop();
  Value receiver = cx.top();
  Value out;
  SendResult sr = send_value(receiver, v, &out);
  if (sr == SendResult::kError) ERROR();
  if (sr == SendResult::kReturned) {
    cx.poke(1, out);
    cx.clear_stale(out);
    cx.pc = arg;
    NEXT();
  }
  cx.push(out);
  cx.clear_stale(out);
  NEXT();
}
L_GET_YIELD_FROM_ITER: {
  Value r = get_yield_from_iter(cx.frame->code, cx.top());
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_GET_AWAITABLE: {
  Value r = get_awaitable(cx.top(), static_cast<int>(arg));
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_GET_AITER: {
  Value r = get_aiter(cx.top());
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_GET_ANEXT: {
  Value r = get_anext(cx.top());
  if (!r) ERROR();
  cx.push(r);
  NEXT();
}
L_END_ASYNC_FOR: {
  Value e = cx.pop();
  if (isinstance(e, exc::StopAsyncIteration)) {
    cx.drop(1);
    ts.handled = Value();
    NEXT();
  }
  set_error(e.object());
  goto reraise;
}

// ---- imports ----
L_IMPORT_NAME: {
  Value fromlist = cx.pop();
  Value level = cx.top();
  Value m = import_name(cx.frame, name_at(cx.frame, arg), fromlist, level);
  if (!m) ERROR();
  cx.poke(1, m);
  NEXT();
}
L_IMPORT_FROM: {
  Value v = import_from(cx.top(), name_at(cx.frame, arg));
  if (!v) ERROR();
  cx.push(v);
  NEXT();
}
L_IMPORT_STAR:
  if (!import_star(cx.frame, cx.top())) ERROR();
  cx.drop(1);
  NEXT();

// ---- pattern matching ----
L_GET_LEN: {
  Value n = get_len(cx.top());
  if (!n) ERROR();
  cx.push(n);
  NEXT();
}
L_MATCH_MAPPING: {
  int r = match_mapping(cx.top());
  if (r < 0) ERROR();
  cx.push(py_bool(r));
  NEXT();
}
L_MATCH_SEQUENCE: {
  int r = match_sequence(cx.top());
  if (r < 0) ERROR();
  cx.push(py_bool(r));
  NEXT();
}
L_MATCH_KEYS: {
  Value r = match_keys(cx.peek(2), cx.peek(1));
  if (!r) ERROR();
  cx.push(r);
  NEXT();
}
L_MATCH_CLASS: {
  Value names = cx.pop();
  Value cls = cx.pop();
  Value r = match_class(cx.top(), cls, arg, names);
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}
L_COPY_DICT_WITHOUT_KEYS: {
  Value r = copy_dict_without_keys(cx.peek(2), cx.peek(1));
  if (!r) ERROR();
  cx.poke(1, r);
  NEXT();
}

error : {
  // A fresh exception: link the handled one as its context.
  Object* e = error_state().pending;
  PYR_DCHECK(e);
  chain_fresh_context(ts, e);
  cx.frame->lasti = static_cast<int32_t>(cx.cur);
  goto add_traceback;
}
reraise:
  // RERAISE / bare raise: no new traceback entry for this frame... unless it
  // has not been recorded yet (CPython re-adds the current frame's line).
  goto find_handler;

add_traceback:
  traceback_add_frame(error_state().pending, cx.frame, static_cast<uint32_t>(cx.frame->lasti));

find_handler : {
  Frame* f = cx.frame;
  if (const compile::ExceptionEntry* h = f->code->handler_at(cx.cur)) {
    Value* target = f->stack_base() + h->depth;
    while (cx.sp > target) *--cx.sp = Value();
    if (h->lasti) cx.push(Value::small(cx.cur));
    cx.push(take_error());
    cx.pc = h->target;
    NEXT();
  }
  // No handler here: leave the frame.
  if (f->generator) {
    cx.save();
    generator_raised(ts, f);
    return Value();
  }
  Continuation cont = f->cont;
  Frame* caller = f->previous;
  Value extra = f->extra;
  pop_frame(ts, f);
  ts.frame = caller;
  if (cont == Continuation::kEntry) return Value();
  cx.load(caller);
  // __next__ raising StopIteration ends the caller's for loop.
  if (cont == Continuation::kForIter && error_matches(exc::StopIteration)) {
    clear_error();
    cx.drop(1);
    cx.pc = static_cast<uint32_t>(extra.small_value());
    NEXT();
  }
  // The caller's call instruction is where the exception now is (save()
  // recorded it as lasti when the callee was pushed).
  cx.cur = static_cast<uint32_t>(caller->lasti);
  goto add_traceback;
}
#undef DISPATCH
#undef NEXT
#undef CHECK
#undef ERROR
}

}  // namespace pyrite::python
