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
  if (f->code->flags & kCodeHiddenFromTracebacks) return;
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
  Value result;

  static const void* const kLabels[] = {
#define PYR_OPCODE(name, ...) &&L_##name,
#include "python/compile/opcodes.def"
  };

#define DISPATCH()                                         \
  do {                                                     \
    cx.at = cx.ip;                                         \
    compile::Unit u = *cx.ip;                              \
    PYR_DCHECK((u & 0xff) < sizeof(kLabels) / sizeof(kLabels[0]) && static_cast<Opcode>(u & 0xff) != Opcode::CACHE); \
    arg = u >> 8;                                          \
    goto* kLabels[u & 0xff];                               \
  } while (0)
// Each instruction's label steps the pc over it and its cache units: a
// constant per opcode (no table load on the dispatch path).
#define OP(name)                                           \
  L_##name:                                                \
  cx.ip = cx.at + 1 + compile::kOpcodeCacheUnits[static_cast<int>(Opcode::name)];
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
    cx.set_cur(static_cast<uint32_t>(entry->lasti));
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

OP(CACHE)
  CHECK(op_pseudo(cx, ts, arg));
OP(NOP)
  CHECK(op_nop(cx, ts, arg));
OP(EXTENDED_ARG)
  CHECK(op_pseudo(cx, ts, arg));
OP(POP_TOP)
  CHECK(op_pop_top(cx, ts, arg));
OP(PUSH_NULL)
  CHECK(op_push_null(cx, ts, arg));
OP(COPY)
  CHECK(op_copy(cx, ts, arg));
OP(SWAP)
  CHECK(op_swap(cx, ts, arg));
OP(LOAD_CONST)
  CHECK(op_load_const(cx, ts, arg));
OP(LOAD_FAST)
  CHECK(op_load_fast(cx, arg));
OP(STORE_FAST)
  CHECK(op_store_fast(cx, ts, arg));
OP(DELETE_FAST)
  CHECK(op_delete_fast(cx, ts, arg));
OP(MAKE_CELL)
  CHECK(op_make_cell(cx, ts, arg));
OP(COPY_FREE_VARS)
  CHECK(op_copy_free_vars(cx, ts, arg));
OP(LOAD_CLOSURE)
  CHECK(op_load_closure(cx, ts, arg));
OP(LOAD_DEREF)
  CHECK(op_load_deref(cx, arg));
OP(LOAD_CLASSDEREF)
  CHECK(cx.cold(op_load_classderef<ConcretePyContext>, ts, arg));
OP(STORE_DEREF)
  CHECK(op_store_deref(cx, ts, arg));
OP(DELETE_DEREF)
  CHECK(cx.cold(op_delete_deref<ConcretePyContext>, ts, arg));
OP(LOAD_NAME)
  CHECK(cx.cold(op_load_name<ConcretePyContext>, ts, arg));
OP(STORE_NAME)
  CHECK(cx.cold(op_store_name<ConcretePyContext>, ts, arg));
OP(DELETE_NAME)
  CHECK(cx.cold(op_delete_name<ConcretePyContext>, ts, arg));
OP(LOAD_GLOBAL)
  CHECK(op_load_global(cx, arg));
OP(STORE_GLOBAL)
  CHECK(cx.cold(op_store_global<ConcretePyContext>, ts, arg));
OP(DELETE_GLOBAL)
  CHECK(cx.cold(op_delete_global<ConcretePyContext>, ts, arg));
OP(LOAD_ATTR)
  CHECK(op_load_attr(cx, ts, arg));
OP(LOAD_METHOD)
  CHECK(op_load_method(cx, arg));
OP(STORE_ATTR)
  CHECK(op_store_attr(cx, ts, arg));
OP(DELETE_ATTR)
  CHECK(cx.cold(op_delete_attr<ConcretePyContext>, ts, arg));
OP(BINARY_SUBSCR)
  CHECK(op_binary_subscr(cx, ts));
OP(STORE_SUBSCR)
  CHECK(op_store_subscr(cx, ts));
OP(DELETE_SUBSCR)
  CHECK(cx.cold(op_delete_subscr<ConcretePyContext>, ts, arg));
OP(BUILD_SLICE)
  CHECK(cx.cold(op_build_slice<ConcretePyContext>, ts, arg));
OP(UNARY_POSITIVE)
  CHECK(cx.cold(op_unary_positive<ConcretePyContext>, ts, arg));
OP(UNARY_NEGATIVE)
  CHECK(cx.cold(op_unary_negative<ConcretePyContext>, ts, arg));
OP(UNARY_NOT)
  CHECK(op_unary_not(cx, ts, arg));
OP(UNARY_INVERT)
  CHECK(cx.cold(op_unary_invert<ConcretePyContext>, ts, arg));
OP(BINARY_OP)
  CHECK(op_binary_op(cx, ts, arg));
OP(COMPARE_OP)
  CHECK(op_compare_op(cx, ts, arg));
OP(IS_OP)
  CHECK(op_is_op(cx, ts, arg));
OP(CONTAINS_OP)
  CHECK(op_contains_op(cx, ts, arg));
OP(BUILD_TUPLE)
  CHECK(op_build_tuple(cx, ts, arg));
OP(BUILD_LIST)
  CHECK(op_build_list(cx, ts, arg));
OP(BUILD_SET)
  CHECK(cx.cold(op_build_set<ConcretePyContext>, ts, arg));
OP(BUILD_MAP)
  CHECK(cx.cold(op_build_map<ConcretePyContext>, ts, arg));
OP(BUILD_CONST_KEY_MAP)
  CHECK(cx.cold(op_build_const_key_map<ConcretePyContext>, ts, arg));
OP(BUILD_STRING)
  CHECK(cx.cold(op_build_string<ConcretePyContext>, ts, arg));
OP(LIST_TO_TUPLE)
  CHECK(cx.cold(op_list_to_tuple<ConcretePyContext>, ts, arg));
OP(LIST_APPEND)
  CHECK(op_list_append(cx, ts, arg));
OP(SET_ADD)
  CHECK(cx.cold(op_set_add<ConcretePyContext>, ts, arg));
OP(MAP_ADD)
  CHECK(cx.cold(op_map_add<ConcretePyContext>, ts, arg));
OP(LIST_EXTEND)
  CHECK(cx.cold(op_list_extend<ConcretePyContext>, ts, arg));
OP(SET_UPDATE)
  CHECK(cx.cold(op_set_update<ConcretePyContext>, ts, arg));
OP(DICT_UPDATE)
  CHECK(cx.cold(op_dict_update<ConcretePyContext>, ts, arg));
OP(DICT_MERGE)
  CHECK(cx.cold(op_dict_merge<ConcretePyContext>, ts, arg));
OP(UNPACK_SEQUENCE)
  CHECK(op_unpack_sequence(cx, ts, arg));
OP(UNPACK_EX)
  CHECK(cx.cold(op_unpack_ex<ConcretePyContext>, ts, arg));
OP(FORMAT_VALUE)
  CHECK(cx.cold(op_format_value<ConcretePyContext>, ts, arg));
OP(KW_NAMES)
  CHECK(op_kw_names(cx, ts, arg));
OP(CALL)
  CHECK(op_call(cx, ts, arg));
OP(CALL_FUNCTION_EX)
  CHECK(cx.cold(op_call_function_ex<ConcretePyContext>, ts, arg));
OP(MAKE_FUNCTION)
  CHECK(cx.cold(op_make_function<ConcretePyContext>, ts, arg));
OP(RETURN_VALUE)
  CHECK(op_return_value(cx, ts, &result));
OP(LOAD_BUILD_CLASS)
  CHECK(cx.cold(op_load_build_class<ConcretePyContext>, ts, arg));
OP(SETUP_ANNOTATIONS)
  CHECK(cx.cold(op_setup_annotations<ConcretePyContext>, ts, arg));
OP(LOAD_ASSERTION_ERROR)
  CHECK(cx.cold(op_load_assertion_error<ConcretePyContext>, ts, arg));
OP(PRINT_EXPR)
  CHECK(cx.cold(op_print_expr<ConcretePyContext>, ts, arg));
OP(JUMP_FORWARD)
  CHECK(op_jump_forward(cx, ts, arg));
OP(JUMP_BACKWARD)
  CHECK(op_jump_backward(cx, ts, arg));
OP(JUMP_BACKWARD_NO_INTERRUPT)
  CHECK(op_jump_backward_no_interrupt(cx, ts, arg));
OP(POP_JUMP_IF_FALSE)
  CHECK(op_pop_jump_if(cx, arg, false));
OP(POP_JUMP_IF_TRUE)
  CHECK(op_pop_jump_if(cx, arg, true));
OP(POP_JUMP_IF_NONE)
  CHECK(op_pop_jump_if_none(cx, ts, arg));
OP(POP_JUMP_IF_NOT_NONE)
  CHECK(op_pop_jump_if_not_none(cx, ts, arg));
OP(JUMP_IF_FALSE_OR_POP)
  CHECK(op_jump_if_or_pop(cx, arg, false));
OP(JUMP_IF_TRUE_OR_POP)
  CHECK(op_jump_if_or_pop(cx, arg, true));
OP(GET_ITER)
  CHECK(op_get_iter(cx, ts));
OP(FOR_ITER)
  CHECK(op_for_iter(cx, ts, arg));
OP(PUSH_EXC_INFO)
  CHECK(cx.cold(op_push_exc_info<ConcretePyContext>, ts, arg));
OP(POP_EXCEPT)
  CHECK(cx.cold(op_pop_except<ConcretePyContext>, ts, arg));
OP(RERAISE)
  CHECK(cx.cold(op_reraise<ConcretePyContext>, ts, arg));
OP(RAISE_VARARGS)
  CHECK(cx.cold(op_raise_varargs<ConcretePyContext>, ts, arg));
OP(CHECK_EXC_MATCH)
  CHECK(cx.cold(op_check_exc_match<ConcretePyContext>, ts, arg));
OP(CHECK_EG_MATCH)
  CHECK(cx.cold(op_check_eg_match<ConcretePyContext>, ts, arg));
OP(PREP_RERAISE_STAR)
  CHECK(cx.cold(op_prep_reraise_star<ConcretePyContext>, ts, arg));
OP(BEFORE_WITH)
  CHECK(cx.cold(op_before_with<ConcretePyContext>, ts, arg));
OP(BEFORE_ASYNC_WITH)
  CHECK(cx.cold(op_before_async_with<ConcretePyContext>, ts, arg));
OP(WITH_EXCEPT_START)
  CHECK(cx.cold(op_with_except_start<ConcretePyContext>, ts, arg));
OP(RETURN_GENERATOR)
  CHECK(cx.cold(op_return_generator<ConcretePyContext>, ts, &result));
OP(RESUME)
  CHECK(op_resume(cx, ts, arg));
OP(YIELD_VALUE)
  CHECK(cx.cold(op_yield_value<ConcretePyContext>, ts, &result));
OP(YIELD_VALUE_CLOSE)
  CHECK(cx.cold(op_yield_value_close<ConcretePyContext>, ts, &result));
OP(ASYNC_GEN_WRAP)
  CHECK(cx.cold(op_async_gen_wrap<ConcretePyContext>, ts, arg));
OP(SEND)
  CHECK(cx.cold(op_send<ConcretePyContext>, ts, arg));
OP(GET_YIELD_FROM_ITER)
  CHECK(cx.cold(op_get_yield_from_iter<ConcretePyContext>, ts, arg));
OP(GET_AWAITABLE)
  CHECK(cx.cold(op_get_awaitable<ConcretePyContext>, ts, arg));
OP(GET_AITER)
  CHECK(cx.cold(op_get_aiter<ConcretePyContext>, ts, arg));
OP(GET_ANEXT)
  CHECK(cx.cold(op_get_anext<ConcretePyContext>, ts, arg));
OP(END_ASYNC_FOR)
  CHECK(cx.cold(op_end_async_for<ConcretePyContext>, ts, arg));
OP(IMPORT_NAME)
  CHECK(cx.cold(op_import_name<ConcretePyContext>, ts, arg));
OP(IMPORT_FROM)
  CHECK(cx.cold(op_import_from<ConcretePyContext>, ts, arg));
OP(IMPORT_STAR)
  CHECK(cx.cold(op_import_star<ConcretePyContext>, ts, arg));
OP(GET_LEN)
  CHECK(cx.cold(op_get_len<ConcretePyContext>, ts, arg));
OP(MATCH_MAPPING)
  CHECK(cx.cold(op_match_mapping<ConcretePyContext>, ts, arg));
OP(MATCH_SEQUENCE)
  CHECK(cx.cold(op_match_sequence<ConcretePyContext>, ts, arg));
OP(MATCH_KEYS)
  CHECK(cx.cold(op_match_keys<ConcretePyContext>, ts, arg));
OP(MATCH_CLASS)
  CHECK(cx.cold(op_match_class<ConcretePyContext>, ts, arg));
OP(COPY_DICT_WITHOUT_KEYS)
  CHECK(cx.cold(op_copy_dict_without_keys<ConcretePyContext>, ts, arg));
OP(SETUP_FINALLY)
  CHECK(op_pseudo(cx, ts, arg));
OP(SETUP_CLEANUP)
  CHECK(op_pseudo(cx, ts, arg));
OP(SETUP_WITH)
  CHECK(op_pseudo(cx, ts, arg));
OP(POP_BLOCK)
  CHECK(op_pseudo(cx, ts, arg));
OP(JUMP)
  CHECK(op_pseudo(cx, ts, arg));
OP(JUMP_NO_INTERRUPT)
  CHECK(op_pseudo(cx, ts, arg));

error : {
  // A fresh exception: link the handled one as its context.
  Object* e = error_state().pending;
  PYR_DCHECK(e);
  chain_fresh_context(ts, e);
  cx.frame->lasti = static_cast<int32_t>(cx.cur());
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
  if (const compile::ExceptionEntry* h = f->code->handler_at(cx.cur())) {
    Value* target = f->stack_base() + h->depth;
    while (cx.sp > target) *--cx.sp = Value();
    if (h->lasti) cx.push(Value::small(cx.cur()));
    cx.push(take_error());
    cx.jump(h->target);
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
    cx.jump(static_cast<uint32_t>(extra.small_value()));
    NEXT();
  }
  // The caller's call instruction is where the exception now is (save()
  // recorded it as lasti when the callee was pushed).
  cx.set_cur(static_cast<uint32_t>(caller->lasti));
  goto add_traceback;
}
#undef DISPATCH
#undef OP
#undef NEXT
#undef CHECK
#undef ERROR
}

}  // namespace pyrite::python
