// Generators, coroutines and async generators (docs/interp.md,
// "Generators").
//
// A generator owns its frame: RETURN_GENERATOR copies the function's frame
// from the VM stack into the generator object, and every resumption links
// that frame on top of the running chain and runs it until it yields,
// returns or raises.
#pragma once

#include "python/interp/thread_state.h"

namespace pyrite::python {

struct Generator : Object {
  Str* name;
  Str* qualname;
  Value return_value;   // set when the frame returned
  Object* weakrefs;
  Value exc_state;      // the exception its except blocks are handling while suspended, or null
  Value ag_hooks;       // async generators: their finalizer hook (or True); coroutines: cr_origin
  uint8_t state;        // GenState
  uint8_t kind;         // GenKind
  uint8_t running_async;  // async generator: an asend/athrow awaitable is running
  uint8_t pad[5];
  Object* attrs_map;      // unused (generators have no instance attributes)
  Object* attrs_storage;
  // The frame follows (Frame header + slots).
  Frame* frame() { return reinterpret_cast<Frame*>(this + 1); }
};

enum class GenState : uint8_t { kCreated, kSuspended, kRunning, kFinished };
enum class GenKind : uint8_t { kGenerator, kCoroutine, kAsyncGenerator };

Value make_generator(ThreadState& ts, Frame* f);
// The __name__/__qualname__ getset of all three kinds.
Value gen_get_name(Value self);
Value gen_get_qualname(Value self);
bool gen_set_name(Value self, Value v);
bool gen_set_qualname(Value self, Value v);
// Called by the loop when a generator frame yields / returns / raises out.
// generator_yielded_close: at a YIELD_VALUE_CLOSE (closing the generator
// there may run code), which also registers the generator for finalization.
void generator_yielded(ThreadState& ts, Frame* f);
void generator_yielded_close(ThreadState& ts, Frame* f);
void generator_returned(ThreadState& ts, Frame* f, Value v);
void generator_raised(ThreadState& ts, Frame* f);

enum class SendResult : uint8_t { kYielded, kReturned, kError };
// Resumes `gen` with `v` (or throws when exc is set): kYielded with the
// yielded value, kReturned with the return value, or kError.
SendResult generator_send(Generator* gen, Value v, Value* out);
// The resumption itself: `v` pushed, or `exc` raised at the suspension point.
SendResult generator_resume(Generator* g, Value v, Value exc, Value* out);
SendResult generator_throw(Generator* gen, Value exc, Value* out);
// SEND: a generator/coroutine receiver is resumed directly; other
// iterators through __next__ / send().
SendResult send_value(Value receiver, Value v, Value* out);
// ASYNC_GEN_WRAP: marks a value an async generator yields to its consumer
// (as opposed to values its awaits pass up to the event loop).
Value async_gen_wrap(Value v);
// sys.get_asyncgen_hooks/set_asyncgen_hooks' state: null for none. The
// firstiter hook runs at a generator's first anext/asend/athrow/aclose; the
// finalizer is recorded with the generator then.
void asyncgen_hooks(Value* firstiter, Value* finalizer);
void set_asyncgen_hooks(Value firstiter, Value finalizer);
// An unfinished async generator collected after its first step with a
// finalizer hook set: finalizer(agen), errors reported as unraisable.
void async_gen_finalize(Generator* g);
void init_async_generator(gc::LayoutId generator_layout, void (*trace)(void*, gc::Visitor&));
Value coroutine_wrapper_new(Value coro);
bool is_coroutine_wrapper(Value v);
Value coroutine_wrapper_target(Value v);
Value get_awaitable(Value v, int where);
Value get_aiter(Value v);
Value get_anext(Value v);
extern Type* generator_type;
extern Type* coroutine_type;
extern Type* async_generator_type;
bool is_generator_like(Value v);
// The receiver a suspended generator delegates to (yield from / await), or null.
Value delegate_of(Generator* g);

// sys.get/set_coroutine_origin_tracking_depth: coroutines made while it is
// above 0 record cr_origin (that many frames from the caller out).
int coroutine_origin_tracking_depth();
void set_coroutine_origin_tracking_depth(int depth);

// At exit, after the atexit callbacks: queues the finalization of every
// generator, coroutine and async generator still registered, as CPython's
// module teardown finalizes those its globals held (docs/interp.md).
size_t queue_generators_at_exit();

void init_generator();

}  // namespace pyrite::python
