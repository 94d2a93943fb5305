// Async generators (docs/interp.md, "Generators"; PEP 525).
//
// An async generator is a generator object of kind kAsyncGenerator whose
// frame yields two kinds of values: those of its own `yield` statements,
// which ASYNC_GEN_WRAP marks, and those its `await`s pass up to the event
// loop, which are not marked. Its methods return awaitables (asend/athrow
// objects) that resume the frame and sort the two apart: a marked value
// finishes the awaitable (StopIteration(value)), an unmarked one is passed
// through to whoever drives the awaitable.
#include "python/interp/generator.h"

#include "gc/heap.h"
#include "python/objects/errors.h"
#include "python/objects/frame_object.h"
#include "python/objects/iterators.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

Type* async_generator_type = nullptr;

namespace {

// A value an async generator yields to its consumer.
struct Wrapped : Object {
  Value value;
};

// The awaitable of asend()/__anext__() (athrow == false) or athrow()/aclose().
struct AsyncOp : Object {
  Value gen;
  Value value;    // asend: the value to send first
  Tuple* throw_args;  // athrow: (type[, value[, tb]]); null for aclose
  uint8_t state;  // kInit, kIter, kClosed
  uint8_t is_throw;
  uint8_t pad[6];
};

enum : uint8_t { kInit, kIter, kClosed };

gc::LayoutId g_wrapped_layout;
gc::LayoutId g_op_layout;
Type* g_wrapped_type = nullptr;
Type* g_asend_type = nullptr;
Type* g_athrow_type = nullptr;

void trace_wrapped(void* p, gc::Visitor& v) {
  auto* w = static_cast<Wrapped*>(p);
  v.visit(w->type);
  visit_value(v, w->value);
}

void trace_op(void* p, gc::Visitor& v) {
  auto* o = static_cast<AsyncOp*>(p);
  v.visit(o->type);
  visit_value(v, o->gen);
  visit_value(v, o->value);
  v.visit(o->throw_args);
}

Generator* gen_of(Value v) { return v.as<Generator>(); }
AsyncOp* op_of(Value v) { return v.as<AsyncOp>(); }
bool is_wrapped(Value v) { return v.is_object() && v.object()->type == g_wrapped_type; }

Value make_op(Type* t, Value gen, Value value, Tuple* throw_args, bool is_throw) {
  auto* o = allocate<AsyncOp>(g_op_layout, t);
  o->gen = gen;
  o->value = value;
  o->throw_args = throw_args;
  o->is_throw = is_throw;
  o->state = kInit;
  return o;
}

// What a resumption of the async generator means for an asend awaitable.
Value finish_asend(AsyncOp* op, SendResult r, Value out) {
  Generator* g = gen_of(op->gen);
  switch (r) {
    case SendResult::kYielded:
      if (is_wrapped(out)) {
        op->state = kClosed;
        g->running_async = 0;
        return raise_stop_iteration(out.as<Wrapped>()->value);
      }
      return out;  // an await inside the generator: up to the event loop
    case SendResult::kReturned:
      op->state = kClosed;
      g->running_async = 0;
      return raise_with(exc::StopAsyncIteration, Value());
    default:
      op->state = kClosed;
      g->running_async = 0;
      return {};
  }
}

Value asend_send_value(Value self, Value v) {
  AsyncOp* op = op_of(self);
  Generator* g = gen_of(op->gen);
  if (op->state == kClosed) {
    return raise(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  }
  if (op->state == kInit) {
    if (g->running_async) {
      op->state = kClosed;
      return raise(exc::RuntimeError, "anext(): asynchronous generator is already running");
    }
    if (!v || is_none(v)) v = op->value;
    op->state = kIter;
    g->running_async = 1;
  }
  if (g->state == static_cast<uint8_t>(GenState::kFinished)) {
    op->state = kClosed;
    g->running_async = 0;
    return raise_with(exc::StopAsyncIteration, Value());
  }
  Value out;
  SendResult r = generator_resume(g, v ? v : none(), Value(), &out);
  return finish_asend(op, r, out);
}

Value asend_next(Value self) { return asend_send_value(self, none()); }
Value asend_send(Value self, const Value* args, size_t, Tuple*) { return asend_send_value(self, args[0]); }

Value make_thrown(const Value* args, size_t nargs) {
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : Value();
  if (is_exception_type(typ)) {
    Value e = (!val || is_none(val)) ? call0(typ) : (is_exception(val) ? val : call1(typ, val));
    return e;
  }
  if (is_exception(typ)) return typ;
  return raisef(exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                type_name(typ).c_str());
}

Value asend_throw(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("throw", nargs, 1, 3)) return {};
  AsyncOp* op = op_of(self);
  if (op->state == kClosed) return raise(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Value e = make_thrown(args, nargs);
  if (!e) return {};
  Value out;
  SendResult r = generator_throw(gen_of(op->gen), e, &out);
  return finish_asend(op, r, out);
}

Value op_close(Value self, const Value*, size_t, Tuple*) {
  op_of(self)->state = kClosed;
  return none();
}

// ---- athrow / aclose ----

Value athrow_send_value(Value self, Value v) {
  AsyncOp* op = op_of(self);
  Generator* g = gen_of(op->gen);
  bool aclose = op->throw_args == nullptr;
  if (op->state == kClosed) {
    return raise(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  }
  if (g->state == static_cast<uint8_t>(GenState::kFinished)) {
    op->state = kClosed;
    return aclose ? raise_stop_iteration(none()) : raise_with(exc::StopAsyncIteration, Value());
  }
  Value out;
  SendResult r;
  if (op->state == kInit) {
    if (g->running_async) {
      op->state = kClosed;
      return raise(exc::RuntimeError, aclose ? "aclose(): asynchronous generator is already running"
                                             : "athrow(): asynchronous generator is already running");
    }
    if (g->state == static_cast<uint8_t>(GenState::kCreated)) {
      // Nothing to unwind: the generator just ends.
      g->state = static_cast<uint8_t>(GenState::kFinished);
      op->state = kClosed;
      return aclose ? raise_stop_iteration(none()) : raise_with(exc::StopAsyncIteration, Value());
    }
    op->state = kIter;
    g->running_async = 1;
    Value e = aclose ? call0(exc::GeneratorExit)
                     : make_thrown(op->throw_args->items(), static_cast<size_t>(op->throw_args->length));
    if (!e) return {};
    r = generator_throw(g, e, &out);
  } else {
    r = generator_resume(g, v ? v : none(), Value(), &out);
  }
  switch (r) {
    case SendResult::kYielded:
      if (is_wrapped(out)) {
        op->state = kClosed;
        g->running_async = 0;
        if (aclose) return raise(exc::RuntimeError, "async generator ignored GeneratorExit");
        return raise_stop_iteration(out.as<Wrapped>()->value);
      }
      return out;
    case SendResult::kReturned:
      op->state = kClosed;
      g->running_async = 0;
      return aclose ? raise_stop_iteration(none()) : raise_with(exc::StopAsyncIteration, Value());
    default:
      op->state = kClosed;
      g->running_async = 0;
      if (aclose && (error_matches(exc::StopAsyncIteration) || error_matches(exc::GeneratorExit))) {
        clear_error();
        return raise_stop_iteration(none());
      }
      return {};
  }
}

Value athrow_next(Value self) { return athrow_send_value(self, none()); }
Value athrow_send(Value self, const Value* args, size_t, Tuple*) { return athrow_send_value(self, args[0]); }
Value athrow_throw(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("throw", nargs, 1, 3)) return {};
  AsyncOp* op = op_of(self);
  if (op->state == kClosed) return raise(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  Value e = make_thrown(args, nargs);
  if (!e) return {};
  Value out;
  SendResult r = generator_throw(gen_of(op->gen), e, &out);
  if (r == SendResult::kYielded) {
    if (is_wrapped(out)) {
      op->state = kClosed;
      if (!op->throw_args) return raise(exc::RuntimeError, "async generator ignored GeneratorExit");
      return raise_stop_iteration(out.as<Wrapped>()->value);
    }
    return out;
  }
  op->state = kClosed;
  if (r == SendResult::kReturned) {
    return op->throw_args ? raise_with(exc::StopAsyncIteration, Value()) : raise_stop_iteration(none());
  }
  return {};
}

Value op_await(Value self, const Value*, size_t, Tuple*) { return self; }

const MethodDef kAsendMethods[] = {
    {"__await__", op_await, MethodFlag::kNoArgs},
    {"send", asend_send, MethodFlag::kOneArg},
    {"throw", asend_throw, MethodFlag::kVarArgs},
    {"close", op_close, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const MethodDef kAthrowMethods[] = {
    {"__await__", op_await, MethodFlag::kNoArgs},
    {"send", athrow_send, MethodFlag::kOneArg},
    {"throw", athrow_throw, MethodFlag::kVarArgs},
    {"close", op_close, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

// ---- the async generator's own methods ----

// sys.set_asyncgen_hooks' callables (null: none). The first anext/asend/
// athrow/aclose of a generator calls firstiter(agen) (CPython's
// async_gen_init_hooks) and records the finalizer in ag_hooks (True there
// when there was none, so the hooks are looked at once per generator); a
// generator with a finalizer is registered with the GC, which calls it if
// the generator is collected unfinished (async_gen_finalize).
Value g_firstiter, g_finalizer;
bool g_hooks_rooted = false;

bool init_hooks(Value self) {
  Generator* g = gen_of(self);
  if (g->ag_hooks) return true;
  g->ag_hooks = g_finalizer ? g_finalizer : py_bool(true);
  if (g_finalizer) gc::Heap::current()->register_finalizer(g);
  if (g_firstiter && !call1(g_firstiter, self)) return false;
  return true;
}

Value ag_anext(Value self, const Value*, size_t, Tuple*) {
  if (!init_hooks(self)) return {};
  return make_op(g_asend_type, self, none(), nullptr, false);
}
Value ag_asend(Value self, const Value* args, size_t, Tuple*) {
  if (!init_hooks(self)) return {};
  return make_op(g_asend_type, self, args[0], nullptr, false);
}
Value ag_athrow(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("athrow", nargs, 1, 3)) return {};
  if (!init_hooks(self)) return {};
  Tuple* t = tuple_from_array(args, static_cast<int64_t>(nargs));
  return make_op(g_athrow_type, self, Value(), t, true);
}
Value ag_aclose(Value self, const Value*, size_t, Tuple*) {
  if (!init_hooks(self)) return {};
  return make_op(g_athrow_type, self, Value(), nullptr, true);
}
Value ag_aiter(Value self, const Value*, size_t, Tuple*) { return self; }

Value ag_repr(Value self) {
  return str_format("<async_generator object %s at %p>", str_to_utf8(gen_of(self)->qualname).c_str(),
                    static_cast<void*>(self.object()));
}

Value ag_get_running(Value s) { return py_bool(gen_of(s)->running_async); }
Value ag_get_code(Value s) { return gen_of(s)->frame()->code; }
Value ag_get_frame(Value s) {
  if (gen_of(s)->state == static_cast<uint8_t>(GenState::kFinished)) return none();
  return frame_object_for(gen_of(s)->frame());
}
Value ag_get_await(Value s) {
  Value d = delegate_of(gen_of(s));
  return d ? d : none();
}

const MethodDef kAsyncGenMethods[] = {
    {"__anext__", ag_anext, MethodFlag::kNoArgs, "Return a value or raise StopAsyncIteration."},
    {"__aiter__", ag_aiter, MethodFlag::kNoArgs, "Return an awaitable, that resolves in asynchronous iterator."},
    {"asend", ag_asend, MethodFlag::kOneArg, "asend(v) -> send 'v' in generator."},
    {"athrow", ag_athrow, MethodFlag::kVarArgs, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", ag_aclose, MethodFlag::kNoArgs, "aclose() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0},
};
const GetSetDef kAsyncGenGetSets[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the async generator"},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the async generator"},
    {"ag_running", ag_get_running, nullptr, nullptr, true},
    {"ag_code", ag_get_code, nullptr, nullptr, true},
    {"ag_frame", ag_get_frame},
    {"ag_await", ag_get_await, nullptr, "object being awaited on, or None"},
    {nullptr, nullptr},
};

}  // namespace

void async_gen_finalize(Generator* g) {
  Value fin = g->ag_hooks;
  if (g->state == static_cast<uint8_t>(GenState::kFinished) || !fin || !is_callable(fin)) return;
  Object* saved = take_error();
  if (!call1(fin, g)) write_unraisable_error(g);
  if (saved) set_error(saved);
}

void asyncgen_hooks(Value* firstiter, Value* finalizer) {
  *firstiter = g_firstiter;
  *finalizer = g_finalizer;
}

void set_asyncgen_hooks(Value firstiter, Value finalizer) {
  if (!g_hooks_rooted) {
    gc::add_root(reinterpret_cast<void**>(&g_firstiter));
    gc::add_root(reinterpret_cast<void**>(&g_finalizer));
    g_hooks_rooted = true;
  }
  g_firstiter = firstiter;
  g_finalizer = finalizer;
}

Value async_gen_wrap(Value v) {
  auto* w = allocate<Wrapped>(g_wrapped_layout, g_wrapped_type);
  w->value = v;
  return w;
}

void init_async_generator(gc::LayoutId generator_layout, void (*trace)(void*, gc::Visitor&)) {
  g_wrapped_layout = register_object_layout("async_generator_wrapped_value", sizeof(Wrapped), trace_wrapped);
  g_op_layout = register_object_layout("async_generator_op", sizeof(AsyncOp), trace_op);
  {
    TypeSpec spec;
    spec.name = "async_generator_wrapped_value";
    spec.layout = g_wrapped_layout;
    spec.instance_size = sizeof(Wrapped);
    spec.trace = trace_wrapped;
    make_builtin_type(&g_wrapped_type, spec);
  }
  {
    TypeSpec spec;
    spec.name = "async_generator_asend";
    spec.layout = g_op_layout;
    spec.instance_size = sizeof(AsyncOp);
    spec.trace = trace_op;
    spec.slots.iter = iter_self;
    spec.slots.next = asend_next;
    spec.methods = kAsendMethods;
    make_builtin_type(&g_asend_type, spec);
  }
  {
    TypeSpec spec;
    spec.name = "async_generator_athrow";
    spec.layout = g_op_layout;
    spec.instance_size = sizeof(AsyncOp);
    spec.trace = trace_op;
    spec.slots.iter = iter_self;
    spec.slots.next = athrow_next;
    spec.methods = kAthrowMethods;
    make_builtin_type(&g_athrow_type, spec);
  }
  {
    TypeSpec spec;
    spec.name = "async_generator";
    spec.layout = generator_layout;
    spec.trace = trace;
    spec.slots.repr = ag_repr;
    spec.methods = kAsyncGenMethods;
    spec.getsets = kAsyncGenGetSets;
    make_builtin_type(&async_generator_type, spec);
  }
}

}  // namespace pyrite::python
