// Generators and coroutines (docs/interp.md, "Generators").
//
// The generator object embeds its frame. Resuming links the frame above the
// running chain and enters a dispatch loop on it; the frame's yield or
// return leaves that loop, so one resumption is one nested run(). The
// generator's state says which of yield / return / raise happened.
#include "python/interp/generator.h"

#include <cstring>

#include "base/stack.h"
#include "gc/heap.h"
#include "python/interp/eval.h"
#include "python/interp/pyrun.h"
#include "python/objects/code.h"
#include "python/objects/errors.h"
#include "python/objects/frame_object.h"
#include "python/objects/function.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/objects/iterators.h"
#include "python/objects/traceback.h"

namespace pyrite::python {

namespace {

gc::LayoutId g_generator_layout;

void trace_generator(void* p, gc::Visitor& v) {
  auto* g = static_cast<Generator*>(p);
  v.visit(g->type);
  v.visit(g->name);
  v.visit(g->qualname);
  visit_value(v, g->return_value);
  v.visit(g->weakrefs);
  visit_value(v, g->exc_state);
  visit_value(v, g->ag_hooks);
  visit_frame(g->frame(), v);
}

size_t generator_size(const void* p) {
  auto* g = static_cast<const Generator*>(p);
  return sizeof(Generator) + Frame::size_for(const_cast<Generator*>(g)->frame()->code);
}

Generator* gen(Value v) { return v.as<Generator>(); }

const char* kind_word(const Generator* g) {
  switch (static_cast<GenKind>(g->kind)) {
    case GenKind::kCoroutine: return "coroutine";
    case GenKind::kAsyncGenerator: return "async generator";
    default: return "generator";
  }
}

}  // namespace

// Resumes the frame with `v` pushed (or with `exc` raised at the yield).
SendResult generator_resume(Generator* g, Value v, Value exc, Value* out) {
  ThreadState& ts = thread_state();
  auto state = static_cast<GenState>(g->state);
  if (state == GenState::kRunning) {
    raisef(exc::ValueError, "%s already executing", kind_word(g));
    return SendResult::kError;
  }
  if (state == GenState::kFinished) {
    // An exhausted coroutine refuses send() and throw() alike (close()
    // returns before getting here); a generator re-raises a thrown exception.
    if (exc && static_cast<GenKind>(g->kind) != GenKind::kCoroutine) {
      set_error(exc.object());
      return SendResult::kError;
    }
    if (static_cast<GenKind>(g->kind) == GenKind::kCoroutine) {
      raise(exc::RuntimeError, "cannot reuse already awaited coroutine");
      return SendResult::kError;
    }
    *out = none();
    return SendResult::kReturned;
  }
  if (state == GenState::kCreated && v && !is_none(v) && !exc) {
    raisef(exc::TypeError, "can't send non-None value to a just-started %s", kind_word(g));
    return SendResult::kError;
  }
  if (ts.depth >= ts.recursion_limit || base::stack_exhausted()) {
    raise(exc::RecursionError, "maximum recursion depth exceeded");
    return SendResult::kError;
  }
  Frame* f = g->frame();
  f->previous = ts.frame;
  f->cont = Continuation::kEntry;
  Value* sp = f->stack_base() + f->stack_depth;
  *sp = v ? v : none();
  f->stack_depth++;
  g->state = static_cast<uint8_t>(GenState::kRunning);
  ts.depth++;
  Frame* saved = ts.frame;
  // The generator's own handled exception stacks over its resumer's: inside
  // it sys.exc_info() is its own if it has one, else the resumer's. Its
  // except blocks save and restore its own (PUSH_EXC_INFO, POP_EXCEPT), so
  // what it handles when it suspends is exactly ts.handled, even when that
  // is the very exception its resumer handles (Task.__wakeup throws the
  // exception it caught).
  Value outer_handled = ts.handled;
  Value outer_outer = ts.handled_outer;
  ts.handled_outer = handled_exception(ts);
  ts.handled = g->exc_state;
  if (exc) {
    // Throw at the yield: the value is not pushed; the exception unwinds
    // from the instruction after the yield.
    f->stack_depth--;
    f->stack_base()[f->stack_depth] = Value();
    set_error(exc.object());
  }
  Value r = run(ts, f, /*throw_pending=*/exc ? true : false);
  ts.frame = saved;
  ts.depth--;
  g->exc_state = ts.handled;
  ts.handled = outer_handled;
  ts.handled_outer = outer_outer;
  switch (static_cast<GenState>(g->state)) {
    case GenState::kSuspended:
      *out = r;
      return SendResult::kYielded;
    case GenState::kFinished:
      if (!r) return SendResult::kError;
      *out = r;
      return SendResult::kReturned;
    default:
      PYR_UNREACHABLE();
  }
}

namespace {

SendResult resume(Generator* g, Value v, Value exc, Value* out) { return generator_resume(g, v, exc, out); }

// next(gen): the yielded value, or null without error when it returned.
Value generator_next_slot(Value self) {
  Value out;
  switch (resume(gen(self), none(), Value(), &out)) {
    case SendResult::kYielded: return out;
    case SendResult::kReturned:
      if (!is_none(out)) raise_stop_iteration(out);
      return {};
    default:
      return {};
  }
}

Value gen_send(Value self, const Value* args, size_t nargs, Tuple*) {
  Value out;
  switch (resume(gen(self), args[0], Value(), &out)) {
    case SendResult::kYielded: return out;
    case SendResult::kReturned: return raise_stop_iteration(out);
    default: return {};
  }
}

// gen.throw(type[, value[, tb]]) or gen.throw(exc).
Value make_thrown(const Value* args, size_t nargs) {
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : Value();
  Value tb = nargs > 2 ? args[2] : Value();
  if (tb && !is_none(tb) && !is_traceback(tb)) {
    return raise(exc::TypeError, "throw() third argument must be a traceback object");
  }
  Value e;
  if (is_exception_type(typ)) {
    if (!val || is_none(val)) {
      e = call0(typ);
    } else if (is_exception(val) && isinstance(val, typ.as<Type>())) {
      e = val;
    } else if (is_tuple(val)) {
      e = call_tuple_dict(typ, val.as<Tuple>(), nullptr);
    } else {
      e = call1(typ, val);
    }
    if (e && !is_exception(e)) {
      raisef(exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
             repr_utf8(typ).c_str(), type_name(e).c_str());
      e = Value();
    }
    // As in CPython, an error while making the exception is what is thrown
    // into the generator.
    if (!e) {
      e = Value(take_error());
      if (!e) return {};
    }
  } else if (is_exception(typ)) {
    if (val && !is_none(val)) return raise(exc::TypeError, "instance exception may not have a separate value");
    e = typ;
  } else {
    return raisef(exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                  type_name(typ).c_str());
  }
  if (tb && !is_none(tb)) exception_set_traceback(e, tb);
  return e;
}

Value gen_throw(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("throw", nargs, 1, 3)) return {};
  Value e = make_thrown(args, nargs);
  if (!e) return {};
  Value out;
  switch (generator_throw(gen(self), e, &out)) {
    case SendResult::kYielded: return out;
    case SendResult::kReturned: return raise_stop_iteration(out);
    default: return {};
  }
}

Value gen_close(Value self, const Value*, size_t, Tuple*) {
  Generator* g = gen(self);
  auto state = static_cast<GenState>(g->state);
  if (state == GenState::kCreated) {
    g->state = static_cast<uint8_t>(GenState::kFinished);
    return none();
  }
  if (state == GenState::kFinished) return none();
  Value e = call0(exc::GeneratorExit);
  if (!e) return {};
  Value out;
  switch (generator_throw(g, e, &out)) {
    case SendResult::kYielded:
      return raisef(exc::RuntimeError, "%s ignored GeneratorExit", kind_word(g));
    case SendResult::kReturned:
      return none();
    default:
      if (error_matches(exc::GeneratorExit) || error_matches(exc::StopIteration)) {
        clear_error();
        return none();
      }
      return {};
  }
}

Value gen_repr(Value self) {
  Generator* g = gen(self);
  const char* word = static_cast<GenKind>(g->kind) == GenKind::kCoroutine ? "coroutine"
                     : static_cast<GenKind>(g->kind) == GenKind::kAsyncGenerator ? "async_generator"
                                                                                  : "generator";
  return str_format("<%s object %s at %p>", word, str_to_utf8(g->qualname).c_str(), static_cast<void*>(g));
}

Value gen_get_yieldfrom(Value s) {
  Value d = delegate_of(gen(s));
  return d ? d : none();
}
// cr_origin: the (filename, lineno, name) tuples recorded at creation while
// sys.set_coroutine_origin_tracking_depth was above 0, else None.
Value gen_get_origin(Value s) {
  Generator* g = gen(s);
  return static_cast<GenKind>(g->kind) == GenKind::kCoroutine && g->ag_hooks ? g->ag_hooks : none();
}
Value gen_get_running(Value s) { return py_bool(gen(s)->state == static_cast<uint8_t>(GenState::kRunning)); }
Value gen_get_suspended(Value s) { return py_bool(gen(s)->state == static_cast<uint8_t>(GenState::kSuspended)); }
Value gen_get_code(Value s) { return gen(s)->frame()->code; }
Value gen_get_frame(Value s) {
  if (gen(s)->state == static_cast<uint8_t>(GenState::kFinished)) return none();
  return frame_object_for(gen(s)->frame());
}

const MethodDef kGenMethods[] = {
    {"send", gen_send, MethodFlag::kOneArg,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, MethodFlag::kVarArgs,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\n"
     "StopIteration."},
    {"close", gen_close, MethodFlag::kNoArgs, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0},
};

const GetSetDef kGenGetSets[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the generator"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the generator"},
    {"gi_running", gen_get_running},
    {"gi_suspended", gen_get_suspended},
    {"gi_code", gen_get_code, nullptr, nullptr, true},
    {"gi_frame", gen_get_frame},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, "object being iterated by yield from, or None"},
    {nullptr, nullptr},
};
const GetSetDef kCoroGetSets[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the coroutine"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the coroutine"},
    {"cr_running", gen_get_running},
    {"cr_suspended", gen_get_suspended},
    {"cr_code", gen_get_code, nullptr, nullptr, true},
    {"cr_frame", gen_get_frame},
    {"cr_await", gen_get_yieldfrom, nullptr, "object being awaited on, or None"},
    {"cr_origin", gen_get_origin, nullptr, nullptr, true},
    {nullptr, nullptr},
};

// coroutine.__await__() returns an iterator over the coroutine: the
// coroutine itself serves, through a wrapper type.
Value coro_await(Value self, const Value*, size_t, Tuple*) { return coroutine_wrapper_new(self); }

const MethodDef kCoroMethods[] = {
    {"send", gen_send, MethodFlag::kOneArg,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw, MethodFlag::kVarArgs,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or "
     "raise\nStopIteration."},
    {"close", gen_close, MethodFlag::kNoArgs, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await, MethodFlag::kNoArgs, "Return an iterator to be used in await expression."},
    {nullptr, nullptr, 0},
};

}  // namespace

Type* coroutine_wrapper_type = nullptr;
Type* generator_type = nullptr;
Type* coroutine_type = nullptr;

// ---- coroutine.__await__(): an iterator driving the coroutine ----

namespace {

gc::LayoutId g_wrapper_layout;

struct CoroutineWrapper : Object {
  Value coro;
};

void trace_wrapper(void* p, gc::Visitor& v) {
  auto* w = static_cast<CoroutineWrapper*>(p);
  v.visit(w->type);
  visit_value(v, w->coro);
}

Value wrapper_next(Value self) { return generator_next_slot(self.as<CoroutineWrapper>()->coro); }
Value wrapper_send(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return gen_send(self.as<CoroutineWrapper>()->coro, args, nargs, kw);
}
Value wrapper_throw(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return gen_throw(self.as<CoroutineWrapper>()->coro, args, nargs, kw);
}
Value wrapper_close(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return gen_close(self.as<CoroutineWrapper>()->coro, args, nargs, kw);
}

const MethodDef kWrapperMethods[] = {
    {"send", wrapper_send, MethodFlag::kOneArg},
    {"throw", wrapper_throw, MethodFlag::kVarArgs},
    {"close", wrapper_close, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

void init_coroutine_wrapper() {
  g_wrapper_layout = register_object_layout("coroutine_wrapper", sizeof(CoroutineWrapper), trace_wrapper);
  TypeSpec spec;
  spec.name = "coroutine_wrapper";
  spec.layout = g_wrapper_layout;
  spec.instance_size = sizeof(CoroutineWrapper);
  spec.trace = trace_wrapper;
  spec.slots.iter = iter_self;
  spec.slots.next = wrapper_next;
  spec.methods = kWrapperMethods;
  make_builtin_type(&coroutine_wrapper_type, spec);
}

}  // namespace

Value coroutine_wrapper_new(Value coro) {
  auto* w = allocate<CoroutineWrapper>(g_wrapper_layout, coroutine_wrapper_type);
  w->coro = coro;
  return w;
}
bool is_coroutine_wrapper(Value v) { return v.is_object() && v.object()->type == coroutine_wrapper_type; }
Value coroutine_wrapper_target(Value v) { return v.as<CoroutineWrapper>()->coro; }


Value get_awaitable(Value v, int where) {
  if (v.is_object() && v.object()->type == coroutine_type) {
    // A coroutine already delegating to an awaitable is being awaited.
    if (delegate_of(gen(v))) return raise(exc::RuntimeError, "coroutine is being awaited already");
    return v;
  }
  // A generator made by a types.coroutine function (CO_ITERABLE_COROUTINE) is awaited as it is.
  if (v.is_object() && v.object()->type == generator_type &&
      (gen(v)->frame()->code->flags & compile::CodeFlag::kIterableCoroutine))
    return v;
  static Str* const kAwait = intern("__await__");
  bool found = false;
  Value r = call_special(v, kAwait, nullptr, 0, &found);
  if (!found) {
    if (has_error()) return {};
    if (where == 1) {
      return raisef(exc::TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s",
                    type_name(v).c_str());
    }
    if (where == 2) {
      return raisef(exc::TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s",
                    type_name(v).c_str());
    }
    return raisef(exc::TypeError, "object %s can't be used in 'await' expression", type_name(v).c_str());
  }
  if (!r) return {};
  if (r.is_object() && r.object()->type == coroutine_type) {
    return raise(exc::TypeError, "__await__() returned a coroutine");
  }
  if (!type_of(r)->slots.next) {
    return raisef(exc::TypeError, "__await__() returned non-iterator of type '%s'", type_name(r).c_str());
  }
  return r;
}

Value get_aiter(Value v) {
  static Str* const kAiter = intern("__aiter__");
  bool found = false;
  Value r = call_special(v, kAiter, nullptr, 0, &found);
  if (!found) {
    if (has_error()) return {};
    return raisef(exc::TypeError, "'async for' requires an object with __aiter__ method, got %s", type_name(v).c_str());
  }
  if (!r) return {};
  static Str* const kAnext = intern("__anext__");
  if (!type_lookup(type_of(r), kAnext)) {
    return raisef(exc::TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                  type_name(r).c_str());
  }
  return r;
}

Value get_anext(Value aiter) {
  static Str* const kAnext = intern("__anext__");
  bool found = false;
  Value r = call_special(aiter, kAnext, nullptr, 0, &found);
  if (!found) {
    if (has_error()) return {};
    return raisef(exc::TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                  type_name(aiter).c_str());
  }
  if (!r) return {};
  Value a = get_awaitable(r, 0);
  if (!a && error_matches(exc::TypeError)) {
    clear_error();
    return raisef(exc::TypeError, "'async for' received an invalid object from __anext__: %s", type_name(r).c_str());
  }
  return a;
}

namespace {

int g_origin_depth = 0;

// CPython's compute_cr_origin: up to `depth` frames from `f` outwards.
Value coroutine_origin(Frame* f, int depth) {
  int n = 0;
  for (Frame* p = f; p && n < depth; p = p->previous) n++;
  Tuple* t = tuple_new(n);
  if (!t) return {};
  Frame* p = f;
  for (int i = 0; i < n; i++, p = p->previous) {
    int32_t lasti = p->lasti;
    int line = lasti >= 0 ? p->code->line_at(static_cast<uint32_t>(lasti)) : p->code->firstlineno;
    Value item = tuple_of({p->code->filename, int_from_i64(line), p->code->name});
    if (!item) return {};
    t->items()[i] = item;
  }
  return t;
}

}  // namespace

int coroutine_origin_tracking_depth() { return g_origin_depth; }
void set_coroutine_origin_tracking_depth(int depth) { g_origin_depth = depth; }

Value make_generator(ThreadState& ts, Frame* f) {
  size_t fsize = Frame::size_for(f->code);
  uint32_t flags = f->code->flags;
  Type* t = (flags & compile::CodeFlag::kCoroutine)        ? coroutine_type
            : (flags & compile::CodeFlag::kAsyncGenerator) ? async_generator_type
                                                            : generator_type;
  auto* g = try_allocate<Generator>(g_generator_layout, t, sizeof(Generator) + fsize);
  if (!g) return raise_memory_error();
  std::memcpy(static_cast<void*>(g->frame()), f, fsize);
  Frame* gf = g->frame();
  gf->generator = g;
  gf->on_vm_stack = 0;
  gf->previous = nullptr;
  g->kind = static_cast<uint8_t>((flags & compile::CodeFlag::kCoroutine)        ? GenKind::kCoroutine
                                 : (flags & compile::CodeFlag::kAsyncGenerator) ? GenKind::kAsyncGenerator
                                                                                 : GenKind::kGenerator);
  g->state = static_cast<uint8_t>(GenState::kCreated);
  g->name = f->func ? f->func->name : f->code->name;
  g->qualname = f->func ? f->func->qualname : f->code->qualname;
  g->return_value = none();
  if (g->kind == static_cast<uint8_t>(GenKind::kCoroutine)) {
    // A coroutine is finalized even unstarted: "never awaited".
    if (g_origin_depth > 0) {
      Value origin = coroutine_origin(f->previous, g_origin_depth);
      if (!origin) return {};
      g->ag_hooks = origin;
    }
    gc::Heap::current()->register_finalizer(g);
  }
  return g;
}

namespace {

// Out of line and called last, so generator_yielded_close needs no stack
// frame (with the registration inline, GCC saved registers on every yield).
[[gnu::noinline]] void register_at_yield(Generator* g) { gc::Heap::current()->register_finalizer(g); }

}  // namespace

void generator_yielded(ThreadState& ts, Frame* f) {
  auto* g = reinterpret_cast<Generator*>(f->generator);
  g->state = static_cast<uint8_t>(GenState::kSuspended);
  ts.frame = f->previous;
  f->previous = nullptr;
}

// Registered once, at the first yield where close() would run code.
void generator_yielded_close(ThreadState& ts, Frame* f) {
  auto* g = reinterpret_cast<Generator*>(f->generator);
  g->state = static_cast<uint8_t>(GenState::kSuspended);
  ts.frame = f->previous;
  f->previous = nullptr;
  if (!gc::header_has(reinterpret_cast<gc::Header*>(g), gc::kFlagFinalizable | gc::kFlagFinalized)) [[unlikely]]
    register_at_yield(g);
}

void generator_returned(ThreadState& ts, Frame* f, Value v) {
  auto* g = reinterpret_cast<Generator*>(f->generator);
  if (f->frame_object) frame_object_detach(f);
  g->state = static_cast<uint8_t>(GenState::kFinished);
  g->return_value = v;
  ts.frame = f->previous;
  f->previous = nullptr;
  // Drop the frame's references: a finished generator keeps nothing alive.
  Value* s = f->slots();
  for (int i = 0, n = f->code->frame_slots(); i < n; i++) s[i] = Value();
}

void generator_raised(ThreadState& ts, Frame* f) {
  auto* g = reinterpret_cast<Generator*>(f->generator);
  generator_returned(ts, f, none());
  // PEP 479: StopIteration leaking out of a generator becomes RuntimeError.
  if (error_matches(exc::StopIteration) || (static_cast<GenKind>(g->kind) == GenKind::kAsyncGenerator &&
                                            error_matches(exc::StopAsyncIteration))) {
    Object* e = take_error();
    const char* what = static_cast<GenKind>(g->kind) == GenKind::kAsyncGenerator &&
                               reinterpret_cast<Object*>(e)->type != nullptr &&
                               isinstance(Value(e), exc::StopAsyncIteration)
                           ? "async generator raised StopAsyncIteration"
                           : static_cast<GenKind>(g->kind) == GenKind::kCoroutine ? "coroutine raised StopIteration"
                           : static_cast<GenKind>(g->kind) == GenKind::kAsyncGenerator
                               ? "async generator raised StopIteration"
                               : "generator raised StopIteration";
    raise(exc::RuntimeError, what);
    Object* r = take_error();
    auto* ro = reinterpret_cast<BaseExceptionObject*>(r);
    ro->cause = e;
    ro->context = e;
    ro->suppress_context = true;
    set_error(r);
  }
}

SendResult generator_send(Generator* g, Value v, Value* out) { return resume(g, v, Value(), out); }

// The receiver a suspended generator is delegating to (`yield from` /
// `await`), or null: the frame stopped at the YIELD_VALUE_CLOSE of a SEND loop,
// so its next instruction is RESUME 2 or 3 and the receiver is on top of
// its stack.
Value delegate_of(Generator* g) {
  if (g->state != static_cast<uint8_t>(GenState::kSuspended)) return {};
  Frame* f = g->frame();
  compile::Unit u = f->code->code()[f->pc];
  if (static_cast<compile::Opcode>(u & 0xff) != compile::Opcode::RESUME || (u >> 8) < 2) return {};
  if (f->stack_depth == 0) return {};
  return f->stack_base()[f->stack_depth - 1];
}

namespace {

// The delegate finished with `v`: leave the SEND loop as SEND does when its
// receiver returns (pop the receiver, continue at SEND's target with v).
SendResult finish_delegation(Generator* g, Value v, Value* out) {
  Frame* f = g->frame();
  f->stack_depth--;
  f->stack_base()[f->stack_depth] = Value();
  // RESUME, then JUMP_BACKWARD_NO_INTERRUPT back to the SEND.
  const compile::Unit* code = f->code->code();
  uint32_t jump = f->pc + 1 + static_cast<uint32_t>(compile::opcode_cache_units(compile::Opcode::RESUME));
  uint32_t send = code[jump] >> 8;
  f->pc = code[send] >> 8;
  return resume(g, v, Value(), out);
}

}  // namespace

SendResult generator_throw(Generator* g, Value e, Value* out) {
  Value yf = delegate_of(g);
  if (!yf) return resume(g, Value(), e, out);
  if (isinstance(e, exc::GeneratorExit)) {
    // Close the delegate first; an error there replaces the GeneratorExit.
    static Str* const kClose = intern("close");
    Value close = get_attr_or_null(yf, kClose);
    if (close) {
      if (!call0(close)) {
        e = Value(take_error());
      }
    } else if (has_error()) {
      e = Value(take_error());
    }
    return resume(g, Value(), e, out);
  }
  SendResult r;
  Value sub_out;
  g->state = static_cast<uint8_t>(GenState::kRunning);
  if (is_generator_like(yf) || is_coroutine_wrapper(yf)) {
    Value target = is_coroutine_wrapper(yf) ? coroutine_wrapper_target(yf) : yf;
    r = generator_throw(gen(target), e, &sub_out);
  } else {
    static Str* const kThrow = intern("throw");
    Value meth = get_attr_or_null(yf, kThrow);
    if (!meth) {
      g->state = static_cast<uint8_t>(GenState::kSuspended);
      if (has_error()) return SendResult::kError;
      return resume(g, Value(), e, out);
    }
    Value v = call1(meth, e);
    if (v) {
      r = SendResult::kYielded;
      sub_out = v;
    } else if (error_matches(exc::StopIteration)) {
      Object* stop = take_error();
      static Str* const kValue = intern("value");
      sub_out = get_attr(stop, kValue);
      r = sub_out ? SendResult::kReturned : SendResult::kError;
    } else {
      r = SendResult::kError;
    }
  }
  g->state = static_cast<uint8_t>(GenState::kSuspended);
  switch (r) {
    case SendResult::kYielded:
      *out = sub_out;
      return SendResult::kYielded;
    case SendResult::kReturned:
      return finish_delegation(g, sub_out, out);
    default: {
      // The delegate raised: the exception continues in this generator.
      Value err = Value(take_error());
      return resume(g, Value(), err, out);
    }
  }
}

bool is_generator_like(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.object()->type;
  return t == generator_type || t == coroutine_type;
}

SendResult send_value(Value receiver, Value v, Value* out) {
  if (is_generator_like(receiver)) return generator_send(gen(receiver), v, out);
  if (is_coroutine_wrapper(receiver)) return generator_send(gen(coroutine_wrapper_target(receiver)), v, out);
  Value r;
  if (is_none(v)) {
    // The slot itself, not iter_next: a StopIteration's value is the result.
    UnaryFn next = type_of(receiver)->slots.next;
    if (!next) {
      raisef(exc::TypeError, "'%s' object is not an iterator", type_name(receiver).c_str());
      return SendResult::kError;
    }
    if (type_of(receiver)->is_heap_type()) {
      // A class's __next__ through its method: the slot (slot_next) ends
      // iteration by clearing the StopIteration, whose value is the
      // result here (`await` on an object whose __await__ returns an
      // iterator written in Python: asyncio's FutureIter in lib/_asyncio.py).
      static Str* const kNext = intern("__next__");
      r = call_method(receiver, kNext, nullptr, 0);
    } else {
      r = next(receiver);
    }
    if (!r && !has_error()) {
      *out = none();
      return SendResult::kReturned;
    }
  } else {
    static Str* const kSend = intern("send");
    r = call_method(receiver, kSend, &v, 1);
  }
  if (r) {
    *out = r;
    return SendResult::kYielded;
  }
  if (error_matches(exc::StopIteration)) {
    Object* e = take_error();
    static Str* const kValue = intern("value");
    Value val = get_attr(e, kValue);
    if (!val) return SendResult::kError;
    *out = val;
    return SendResult::kReturned;
  }
  return SendResult::kError;
}

// ---- finalization (docs/interp.md, "Finalization of generators") ----
//
// CPython's _PyGen_Finalize, run by the collector's finalizer queue at a
// safe point after the collection that found the generator unreachable:
// an async generator with a finalizer hook is passed to it; an unstarted
// coroutine warns "never awaited"; anything else suspended is closed
// (GeneratorExit thrown in at the yield). Errors go to sys.unraisablehook.
// What registers: a coroutine at creation; an async generator at its first
// step when a finalizer hook is set; any generator at its first
// YIELD_VALUE_CLOSE, a yield where close() runs code (a handler covers it,
// or it delegates). A generator that never suspends at such a yield is
// never registered and costs nothing.

namespace {

bool has_asyncgen_finalizer(const Generator* g) {
  return static_cast<GenKind>(g->kind) == GenKind::kAsyncGenerator && g->ag_hooks &&
         !g->ag_hooks.is(py_bool(true));
}

// Whether close() at the current suspension point would run code: the
// yield before the RESUME the frame stopped at is a YIELD_VALUE_CLOSE.
bool suspended_where_close_runs_code(Generator* g) {
  Frame* f = g->frame();
  if (f->pc == 0) return true;
  compile::Unit u = f->code->code()[f->pc - 1];
  return static_cast<compile::Opcode>(u & 0xff) != compile::Opcode::YIELD_VALUE;
}

// The collector asks before queueing an unreachable registered generator
// (reads only: no allocation). A finished one, an unstarted generator and
// one suspended where close() runs no code are freed without a call.
bool generator_needs_finalize(void* p) {
  auto* g = static_cast<Generator*>(p);
  switch (static_cast<GenState>(g->state)) {
    case GenState::kFinished: return false;
    case GenState::kCreated:
      return static_cast<GenKind>(g->kind) == GenKind::kCoroutine || has_asyncgen_finalizer(g);
    case GenState::kSuspended: return has_asyncgen_finalizer(g) || suspended_where_close_runs_code(g);
    default: return true;
  }
}

// CPython's _PyErr_WarnUnawaitedCoroutine: warnings._warn_unawaited_coroutine
// (which adds cr_origin's "Coroutine created at" lines), else _warnings.warn.
void warn_unawaited_coroutine(Generator* g) {
  static Str* const kWarnings = intern("warnings");
  static Str* const kWarnUnawaited = intern("_warn_unawaited_coroutine");
  bool warned = false;
  Value m = import_module_level(kWarnings, none(), tuple_empty(), 0);
  if (!m && error_matches(exc::ImportError)) clear_error();
  if (m) {
    Value fn = get_attr_or_null(m, kWarnUnawaited);
    if (fn) {
      Value r = call1(fn, g);
      if (r || error_matches(exc::RuntimeWarning)) warned = true;
    }
  }
  if (has_error()) write_unraisable_error(g);
  if (warned) return;
  static Str* const kCWarnings = intern("_warnings");
  static Str* const kWarn = intern("warn");
  Value w = import_module_level(kCWarnings, none(), tuple_empty(), 0);
  Value fn = w ? get_attr(w, kWarn) : Value();
  if (fn) {
    std::string msg = "coroutine '" + str_to_utf8(g->qualname) + "' was never awaited";
    Value args[4] = {str_from_utf8(msg), exc::RuntimeWarning, Value::small(1), g};
    if (call(fn, args, 4)) return;
  }
  write_unraisable_error(g);
}

void finalize_generator(void* p) {
  auto* g = static_cast<Generator*>(p);
  auto state = static_cast<GenState>(g->state);
  if (state == GenState::kFinished || state == GenState::kRunning) return;
  if (has_asyncgen_finalizer(g)) {
    async_gen_finalize(g);
    return;
  }
  Object* saved = take_error();
  if (static_cast<GenKind>(g->kind) == GenKind::kCoroutine && state == GenState::kCreated) {
    warn_unawaited_coroutine(g);
  } else if (!gen_close(g, nullptr, 0, nullptr) && has_error()) {
    write_unraisable_error(g);
  }
  clear_error();
  if (saved) set_error(saved);
}

}  // namespace

size_t queue_generators_at_exit() { return gc::Heap::current()->queue_all_finalizable(g_generator_layout); }

void init_generator() {
  {
    gc::LayoutInfo info;
    info.name = "generator";
    info.trace = trace_generator;
    info.size = generator_size;
    info.finalize = finalize_generator;
    info.needs_finalize = generator_needs_finalize;
    g_generator_layout = gc::register_layout(info);
  }
  {
    TypeSpec spec;
    spec.name = "generator";
    spec.layout = g_generator_layout;
    spec.trace = trace_generator;
    spec.slots.iter = iter_self;
    spec.slots.next = generator_next_slot;
    spec.slots.repr = gen_repr;
    spec.methods = kGenMethods;
    spec.getsets = kGenGetSets;
    make_builtin_type(&generator_type, spec);
  }
  {
    TypeSpec spec;
    spec.name = "coroutine";
    spec.layout = g_generator_layout;
    spec.trace = trace_generator;
    spec.slots.repr = gen_repr;
    spec.methods = kCoroMethods;
    spec.getsets = kCoroGetSets;
    make_builtin_type(&coroutine_type, spec);
  }
  init_coroutine_wrapper();
  init_async_generator(g_generator_layout, trace_generator);
}

// __name__ and __qualname__ of generators, coroutines and async
// generators (one object layout): strings only, with CPython's message.
namespace {
bool set_gen_str(Str** slot, Value v, const char* attr) {
  if (!v || !is_str(v)) {
    raisef(exc::TypeError, "%s must be set to a string object", attr);
    return false;
  }
  *slot = v.as<Str>();
  return true;
}
}  // namespace

Value gen_get_name(Value s) { return s.as<Generator>()->name; }
Value gen_get_qualname(Value s) { return s.as<Generator>()->qualname; }
bool gen_set_name(Value s, Value v) { return set_gen_str(&s.as<Generator>()->name, v, "__name__"); }
bool gen_set_qualname(Value s, Value v) { return set_gen_str(&s.as<Generator>()->qualname, v, "__qualname__"); }

}  // namespace pyrite::python
