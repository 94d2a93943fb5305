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

#include <new>
#include <stdexcept>

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

Step out_of_memory(ThreadState& ts, Frame* frame, Frame* entry, UnwindPoint at_entry) {
  recover_from_unwinding(ts, frame, entry, at_entry);
  raise_memory_error();
  return Step::kError;
}

}  // namespace

Value run(ThreadState& ts, Frame* entry, bool throw_pending) {
  ConcretePyContext cx;
  cx.load(entry);
  ts.frame = entry;
  const UnwindPoint entry_point = unwind_point(ts);
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
// A std::bad_alloc from the C++ under an instruction (a string or vector
// grown past the memory limit; std::length_error: past its max_size())
// becomes a MemoryError raised there (out_of_memory).
#define CHECK(step_expr)                                   \
  do {                                                     \
    try {                                                  \
      step = (step_expr);                                  \
    } catch (const std::bad_alloc&) {                      \
      step = out_of_memory(ts, cx.frame, entry, entry_point); \
    } catch (const std::length_error&) {                   \
      step = out_of_memory(ts, cx.frame, entry, entry_point); \
    }                                                      \
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
    case Step::kReraise: goto reraise;
  }

L_CACHE:
  CHECK(op_pseudo(cx, ts, arg));
L_NOP:
  CHECK(op_nop(cx, ts, arg));
L_EXTENDED_ARG:
  CHECK(op_pseudo(cx, ts, arg));
L_POP_TOP:
  CHECK(op_pop_top(cx, ts, arg));
L_PUSH_NULL:
  CHECK(op_push_null(cx, ts, arg));
L_COPY:
  CHECK(op_copy(cx, ts, arg));
L_SWAP:
  CHECK(op_swap(cx, ts, arg));
L_LOAD_CONST:
  CHECK(op_load_const(cx, ts, arg));
L_LOAD_FAST:
  CHECK(op_load_fast(cx, arg));
L_STORE_FAST:
  CHECK(op_store_fast(cx, ts, arg));
L_DELETE_FAST:
  CHECK(op_delete_fast(cx, ts, arg));
L_MAKE_CELL:
  CHECK(op_make_cell(cx, ts, arg));
L_COPY_FREE_VARS:
  CHECK(op_copy_free_vars(cx, ts, arg));
L_LOAD_CLOSURE:
  CHECK(op_load_closure(cx, ts, arg));
L_LOAD_DEREF:
  CHECK(op_load_deref(cx, arg));
L_LOAD_CLASSDEREF:
  CHECK(op_load_classderef(cx, ts, arg));
L_STORE_DEREF:
  CHECK(op_store_deref(cx, ts, arg));
L_DELETE_DEREF:
  CHECK(op_delete_deref(cx, ts, arg));
L_LOAD_NAME:
  CHECK(op_load_name(cx, ts, arg));
L_STORE_NAME:
  CHECK(op_store_name(cx, ts, arg));
L_DELETE_NAME:
  CHECK(op_delete_name(cx, ts, arg));
L_LOAD_GLOBAL:
  CHECK(op_load_global(cx, arg));
L_STORE_GLOBAL:
  CHECK(op_store_global(cx, ts, arg));
L_DELETE_GLOBAL:
  CHECK(op_delete_global(cx, ts, arg));
L_LOAD_ATTR:
  CHECK(op_load_attr(cx, ts, arg));
L_LOAD_METHOD:
  CHECK(op_load_method(cx, arg));
L_STORE_ATTR:
  CHECK(op_store_attr(cx, ts, arg));
L_DELETE_ATTR:
  CHECK(op_delete_attr(cx, ts, arg));
L_BINARY_SUBSCR:
  CHECK(op_binary_subscr(cx, ts));
L_STORE_SUBSCR:
  CHECK(op_store_subscr(cx, ts));
L_DELETE_SUBSCR:
  CHECK(op_delete_subscr(cx, ts, arg));
L_BUILD_SLICE:
  CHECK(op_build_slice(cx, ts, arg));
L_UNARY_POSITIVE:
  CHECK(op_unary_positive(cx, ts, arg));
L_UNARY_NEGATIVE:
  CHECK(op_unary_negative(cx, ts, arg));
L_UNARY_NOT:
  CHECK(op_unary_not(cx, ts, arg));
L_UNARY_INVERT:
  CHECK(op_unary_invert(cx, ts, arg));
L_BINARY_OP:
  CHECK(op_binary_op(cx, ts, arg));
L_COMPARE_OP:
  CHECK(op_compare_op(cx, ts, arg));
L_IS_OP:
  CHECK(op_is_op(cx, ts, arg));
L_CONTAINS_OP:
  CHECK(op_contains_op(cx, ts, arg));
L_BUILD_TUPLE:
  CHECK(op_build_tuple(cx, ts, arg));
L_BUILD_LIST:
  CHECK(op_build_list(cx, ts, arg));
L_BUILD_SET:
  CHECK(op_build_set(cx, ts, arg));
L_BUILD_MAP:
  CHECK(op_build_map(cx, ts, arg));
L_BUILD_CONST_KEY_MAP:
  CHECK(op_build_const_key_map(cx, ts, arg));
L_BUILD_STRING:
  CHECK(op_build_string(cx, ts, arg));
L_LIST_TO_TUPLE:
  CHECK(op_list_to_tuple(cx, ts, arg));
L_LIST_APPEND:
  CHECK(op_list_append(cx, ts, arg));
L_SET_ADD:
  CHECK(op_set_add(cx, ts, arg));
L_MAP_ADD:
  CHECK(op_map_add(cx, ts, arg));
L_LIST_EXTEND:
  CHECK(op_list_extend(cx, ts, arg));
L_SET_UPDATE:
  CHECK(op_set_update(cx, ts, arg));
L_DICT_UPDATE:
  CHECK(op_dict_update(cx, ts, arg));
L_DICT_MERGE:
  CHECK(op_dict_merge(cx, ts, arg));
L_UNPACK_SEQUENCE:
  CHECK(op_unpack_sequence(cx, ts, arg));
L_UNPACK_EX:
  CHECK(op_unpack_ex(cx, ts, arg));
L_FORMAT_VALUE:
  CHECK(op_format_value(cx, ts, arg));
L_KW_NAMES:
  CHECK(op_kw_names(cx, ts, arg));
L_CALL:
  CHECK(op_call(cx, ts, arg));
L_CALL_FUNCTION_EX:
  CHECK(op_call_function_ex(cx, ts, arg));
L_MAKE_FUNCTION:
  CHECK(op_make_function(cx, ts, arg));
L_RETURN_VALUE:
  CHECK(op_return_value(cx, ts, &result));
L_LOAD_BUILD_CLASS:
  CHECK(op_load_build_class(cx, ts, arg));
L_SETUP_ANNOTATIONS:
  CHECK(op_setup_annotations(cx, ts, arg));
L_LOAD_ASSERTION_ERROR:
  CHECK(op_load_assertion_error(cx, ts, arg));
L_PRINT_EXPR:
  CHECK(op_print_expr(cx, ts, arg));
L_JUMP_FORWARD:
  CHECK(op_jump_forward(cx, ts, arg));
L_JUMP_BACKWARD:
  CHECK(op_jump_backward(cx, ts, arg));
L_JUMP_BACKWARD_NO_INTERRUPT:
  CHECK(op_jump_backward_no_interrupt(cx, ts, arg));
L_POP_JUMP_IF_FALSE:
  CHECK(op_pop_jump_if(cx, arg, false));
L_POP_JUMP_IF_TRUE:
  CHECK(op_pop_jump_if(cx, arg, true));
L_POP_JUMP_IF_NONE:
  CHECK(op_pop_jump_if_none(cx, ts, arg));
L_POP_JUMP_IF_NOT_NONE:
  CHECK(op_pop_jump_if_not_none(cx, ts, arg));
L_JUMP_IF_FALSE_OR_POP:
  CHECK(op_jump_if_or_pop(cx, arg, false));
L_JUMP_IF_TRUE_OR_POP:
  CHECK(op_jump_if_or_pop(cx, arg, true));
L_GET_ITER:
  CHECK(op_get_iter(cx, ts));
L_FOR_ITER:
  CHECK(op_for_iter(cx, ts, arg));
L_PUSH_EXC_INFO:
  CHECK(op_push_exc_info(cx, ts, arg));
L_POP_EXCEPT:
  CHECK(op_pop_except(cx, ts, arg));
L_RERAISE:
  CHECK(op_reraise(cx, ts, arg));
L_RAISE_VARARGS:
  CHECK(op_raise_varargs(cx, ts, arg));
L_CHECK_EXC_MATCH:
  CHECK(op_check_exc_match(cx, ts, arg));
L_CHECK_EG_MATCH:
  CHECK(op_check_eg_match(cx, ts, arg));
L_PREP_RERAISE_STAR:
  CHECK(op_prep_reraise_star(cx, ts, arg));
L_BEFORE_WITH:
  CHECK(op_before_with(cx, ts, arg));
L_BEFORE_ASYNC_WITH:
  CHECK(op_before_async_with(cx, ts, arg));
L_WITH_EXCEPT_START:
  CHECK(op_with_except_start(cx, ts, arg));
L_RETURN_GENERATOR:
  CHECK(op_return_generator(cx, ts, &result));
L_RESUME:
  CHECK(op_resume(cx, ts, arg));
L_YIELD_VALUE:
  CHECK(op_yield_value(cx, ts, &result));
L_ASYNC_GEN_WRAP:
  CHECK(op_async_gen_wrap(cx, ts, arg));
L_SEND:
  CHECK(op_send(cx, ts, arg));
L_GET_YIELD_FROM_ITER:
  CHECK(op_get_yield_from_iter(cx, ts, arg));
L_GET_AWAITABLE:
  CHECK(op_get_awaitable(cx, ts, arg));
L_GET_AITER:
  CHECK(op_get_aiter(cx, ts, arg));
L_GET_ANEXT:
  CHECK(op_get_anext(cx, ts, arg));
L_END_ASYNC_FOR:
  CHECK(op_end_async_for(cx, ts, arg));
L_IMPORT_NAME:
  CHECK(op_import_name(cx, ts, arg));
L_IMPORT_FROM:
  CHECK(op_import_from(cx, ts, arg));
L_IMPORT_STAR:
  CHECK(op_import_star(cx, ts, arg));
L_GET_LEN:
  CHECK(op_get_len(cx, ts, arg));
L_MATCH_MAPPING:
  CHECK(op_match_mapping(cx, ts, arg));
L_MATCH_SEQUENCE:
  CHECK(op_match_sequence(cx, ts, arg));
L_MATCH_KEYS:
  CHECK(op_match_keys(cx, ts, arg));
L_MATCH_CLASS:
  CHECK(op_match_class(cx, ts, arg));
L_COPY_DICT_WITHOUT_KEYS:
  CHECK(op_copy_dict_without_keys(cx, ts, arg));
L_SETUP_FINALLY:
  CHECK(op_pseudo(cx, ts, arg));
L_SETUP_CLEANUP:
  CHECK(op_pseudo(cx, ts, arg));
L_SETUP_WITH:
  CHECK(op_pseudo(cx, ts, arg));
L_POP_BLOCK:
  CHECK(op_pseudo(cx, ts, arg));
L_JUMP:
  CHECK(op_pseudo(cx, ts, arg));
L_JUMP_NO_INTERRUPT:
  CHECK(op_pseudo(cx, ts, arg));

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
