// The _thread module: CPython 3.11's low-level threading API for a runtime
// with one thread (docs/modules.md, "_thread").
//
// Locks, RLocks, thread-local objects, identities and the excepthook are
// real and behave as CPython's do for the main thread. No second thread can
// be started (start_new_thread raises "can't start new thread" after
// CPython's argument checks), so a lock that is held can only be released
// by the thread that waits for it. A blocking acquire of a held lock
// therefore never succeeds: with a timeout it sleeps for the timeout and
// returns False (what CPython does when nobody releases the lock in time);
// without one, where CPython would hang forever, it raises RuntimeError
// naming the deadlock.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>

#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

Type* g_lock = nullptr;
Type* g_rlock = nullptr;
Type* g_local = nullptr;
Type* g_hook_args = nullptr;

// CPython's tp_name: "module.name" for a type of a C module, the bare name
// for classes.
std::string tp_name(Type* t) { return type_name_of(t); }  // CPython's tp_name (errors.h)

std::string address(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(v.object()));
  return buf;
}

// The only thread's identity (pthread_self, as CPython's get_ident).
uint64_t current_ident() { return static_cast<uint64_t>(pthread_self()); }

// Module functions check their own arguments: CPython names them with the
// module ("_thread.get_ident() takes no arguments (1 given)").
bool no_args(const char* qualname, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", qualname);
    return false;
  }
  if (nargs) {
    raisef(exc::TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
    return false;
  }
  return true;
}

// ---- timeouts -------------------------------------------------------------------------------
// CPython converts acquire()'s timeout to nanoseconds (_PyTime_t), rounding
// away from zero, with the conversion's own messages; -1 (int or float)
// means "no timeout".

constexpr int64_t kNoTimeout = -1000000000;  // -1 s in ns
constexpr int64_t kTimeoutMaxMicroseconds = INT64_MAX / 1000;  // PY_TIMEOUT_MAX

bool timeout_ns(Value v, int64_t* out) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double ns = d * 1e9;
    ns = ns >= 0 ? std::ceil(ns) : std::floor(ns);
    if (!(ns >= -9223372036854775808.0 && ns < 9223372036854775808.0)) {
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = static_cast<int64_t>(ns);
    return true;
  }
  Value i = index(v);
  if (!i) return false;
  auto s = int_to_i64(i);
  int64_t ns;
  if (!s || __builtin_mul_overflow(*s, int64_t(1000000000), &ns)) {
    raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = ns;
  return true;
}

// acquire(blocking=True, timeout=-1) for lock and RLock: the timeout in ns,
// 0 for a non-blocking call, kNoTimeout to wait forever.
bool acquire_args(const Value* args, size_t nargs, Tuple* kwnames, int64_t* timeout) {
  static const char* const kNames[] = {"blocking", "timeout"};
  Value a[2];
  // PyArg_ParseTupleAndKeywords's checks, which for parameters that are all
  // optional come in Argument Clinic's order (the total count first).
  if (!parse_args({"acquire", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&a[0], &a[1]}))
    return false;
  Value blocking_v = a[0], timeout_v = a[1];
  int blocking = 1;
  if (blocking_v && !arg_int(blocking_v, &blocking)) return false;
  *timeout = kNoTimeout;
  if (timeout_v && !timeout_ns(timeout_v, timeout)) return false;
  if (!blocking && *timeout != kNoTimeout) {
    raise(exc::ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (*timeout < 0 && *timeout != kNoTimeout) {
    raise(exc::ValueError, "timeout value must be positive");
    return false;
  }
  if (!blocking) {
    *timeout = 0;
  } else if (*timeout != kNoTimeout) {
    int64_t us = *timeout / 1000 + (*timeout % 1000 != 0);
    if (us > kTimeoutMaxMicroseconds) {
      raise(exc::OverflowError, "timeout value is too large");
      return false;
    }
  }
  return true;
}

// Waiting for a lock that only this thread could release: the timeout
// passes (false, no error), or, with no timeout, RuntimeError instead of
// CPython's endless wait.
bool wait_for_held_lock(int64_t timeout) {
  if (timeout == kNoTimeout) {
    raise(exc::RuntimeError,
          "deadlock: blocking acquire() of a lock that is held, and Pyrite has no other "
          "thread to release it");
    return false;
  }
  if (timeout > 0) {
    timespec ts{time_t(timeout / 1000000000), long(timeout % 1000000000)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
  }
  return false;
}

// ---- lock -----------------------------------------------------------------------------------

struct Lock : Object {
  bool locked;
  uint8_t pad[7];
};

void trace_lock(void* p, gc::Visitor& v) { v.visit(static_cast<Lock*>(p)->type); }

Lock* new_lock() { return static_cast<Lock*>(alloc_instance(g_lock)); }

Value lock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t timeout;
  if (!acquire_args(args, nargs, kwnames, &timeout)) return {};
  auto* l = self.as<Lock>();
  if (!l->locked) {
    l->locked = true;
    return py_bool(true);
  }
  wait_for_held_lock(timeout);
  return has_error() ? Value() : py_bool(false);
}

Value lock_release(Value self, const Value*, size_t, Tuple*) {
  auto* l = self.as<Lock>();
  if (!l->locked) return raise(exc::RuntimeError, "release unlocked lock");
  l->locked = false;
  return none();
}

Value lock_exit(Value self, const Value*, size_t, Tuple*) { return lock_release(self, nullptr, 0, nullptr); }

Value lock_locked(Value self, const Value*, size_t, Tuple*) { return py_bool(self.as<Lock>()->locked); }

Value lock_at_fork_reinit(Value self, const Value*, size_t, Tuple*) {
  self.as<Lock>()->locked = false;
  return none();
}

Value lock_repr(Value self) {
  std::string s = std::string("<") + (self.as<Lock>()->locked ? "locked " : "unlocked ") +
                  tp_name(type_of(self)) + " object at " + address(self) + ">";
  return str_from_utf8(s);
}

// ---- RLock ----------------------------------------------------------------------------------
// owner is the owning thread's identity (0: none) and count the recursion
// depth; the underlying lock is held exactly while count > 0.

struct RLock : Object {
  uint64_t owner;
  uint64_t count;
};

void trace_rlock(void* p, gc::Visitor& v) { v.visit(static_cast<RLock*>(p)->type); }

Value rlock_new(Type* type, const Value*, size_t, Tuple*) { return alloc_instance(type); }

Value rlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t timeout;
  if (!acquire_args(args, nargs, kwnames, &timeout)) return {};
  auto* r = self.as<RLock>();
  uint64_t me = current_ident();
  if (r->count > 0 && r->owner == me) {
    if (r->count == UINT64_MAX) return raise(exc::OverflowError, "Internal lock count overflowed");
    r->count++;
    return py_bool(true);
  }
  if (r->count > 0) {
    wait_for_held_lock(timeout);
    return has_error() ? Value() : py_bool(false);
  }
  r->owner = me;
  r->count = 1;
  return py_bool(true);
}

Value rlock_release(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLock>();
  if (r->count == 0 || r->owner != current_ident())
    return raise(exc::RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) r->owner = 0;
  return none();
}

// "(kk):_acquire_restore": a 2-sequence of ints, each taken modulo 2**64.
bool unsigned_long_item(Value seq, int64_t i, uint64_t* out) {
  Value item = get_item(seq, Value::small(i));
  if (!item) return false;
  if (!is_int(item)) {
    raisef(exc::TypeError, "_acquire_restore() argument 1, item %lld must be int, not %s",
           (long long)i, tp_name(type_of(item)).c_str());
    return false;
  }
  Value low = binary_op(BinaryOp::kAnd, int_exact(item), int_from_u64(UINT64_MAX));
  if (!low) return false;
  if (low.is_small()) {
    *out = uint64_t(low.small_value());
    return true;
  }
  mpz_t scratch;
  mpz_init(scratch);
  *out = mpz_get_ui(int_as_mpz(low, scratch));
  mpz_clear(scratch);
  return true;
}

Value rlock_acquire_restore(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 1)
    return raisef(exc::TypeError, "_acquire_restore() takes exactly 1 argument (%zu given)", nargs);
  Value state = args[0];
  Type* st = type_of(state);
  if (!st->slots.getitem || is_dict(state)) {
    return raisef(exc::TypeError, "_acquire_restore() argument 1 must be 2-item sequence, not %s",
                  tp_name(st).c_str());
  }
  int64_t n = length(state);
  if (n < 0) return {};
  if (n != 2) {
    return raisef(exc::TypeError,
                  "_acquire_restore() argument 1 must be sequence of length 2, not %lld",
                  (long long)n);
  }
  uint64_t count, owner;
  if (!unsigned_long_item(state, 0, &count) || !unsigned_long_item(state, 1, &owner)) return {};
  auto* r = self.as<RLock>();
  if (r->count > 0) {
    wait_for_held_lock(kNoTimeout);
    return {};
  }
  r->owner = owner;
  r->count = count;
  return none();
}

Value rlock_release_save(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLock>();
  if (r->count == 0) return raise(exc::RuntimeError, "cannot release un-acquired lock");
  Tuple* state = tuple_of({int_from_u64(r->count), int_from_u64(r->owner)});
  r->owner = 0;
  r->count = 0;
  return state;
}

Value rlock_is_owned(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLock>();
  return py_bool(r->count > 0 && r->owner == current_ident());
}

Value rlock_at_fork_reinit(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLock>();
  r->owner = 0;
  r->count = 0;
  return none();
}

Value rlock_repr(Value self) {
  auto* r = self.as<RLock>();
  std::string s = std::string("<") + (r->count ? "locked " : "unlocked ") +
                  tp_name(type_of(self)) + " object owner=" + std::to_string(int64_t(r->owner)) +
                  " count=" + std::to_string(r->count) + " at " + address(self) + ">";
  return str_from_utf8(s);
}

// ---- _local ---------------------------------------------------------------------------------
// One thread, so one attribute dict per object. CPython keeps it apart
// from the instance's own __dict__ slot and reaches it only through
// _local's __getattribute__/__setattr__/__delattr__, which is what these
// slots do: `__dict__` is that dict and read-only, the dict of an exact
// _local is looked at before the class's descriptors (CPython's shortcut),
// and object.__getattribute__ does not see the attributes.

struct Local : Object {
  Dict* dict;
};

void trace_local(void* p, gc::Visitor& v) {
  auto* o = static_cast<Local*>(p);
  v.visit(o->type);
  v.visit(o->dict);
}

Value local_new(Type* type, const Value*, size_t nargs, Tuple* kwnames) {
  if (type->slots.init == types::object->slots.init && (nargs || (kwnames && kwnames->length)))
    return raise(exc::TypeError, "Initialization arguments are not supported");
  auto* l = static_cast<Local*>(alloc_instance(type));
  Dict* d = dict_new();
  if (!d) return {};
  gc::store_ref(l, &l->dict, d);
  return l;
}

bool is_dict_name(Str* name) { return str_equal(name, names::__dict__); }

Value no_attribute(Value self, Str* name) {
  raisef(exc::AttributeError, "'%s' object has no attribute '%s'", tp_name(type_of(self)).c_str(),
         str_to_utf8(name).c_str());
  add_attribute_error_context(self, name);
  return {};
}

Value local_getattr(Value self, Str* name) {
  auto* l = self.as<Local>();
  if (is_dict_name(name)) return l->dict;
  Type* t = type_of(self);
  if (t == g_local) {  // CPython's shortcut for the exact type
    Value v = dict_get(l->dict, name);
    if (v || has_error()) return v;
  }
  Value descr = type_lookup(t, name);
  DescrGetFn get = descr ? type_of(descr)->slots.descr_get : nullptr;
  if (get && type_of(descr)->slots.descr_set) return get(descr, self, t);
  Value v = dict_get(l->dict, name);
  if (v || has_error()) return v;
  if (get) return get(descr, self, t);
  if (descr) return descr;
  return no_attribute(self, name);
}

bool local_setattr(Value self, Str* name, Value v) {
  auto* l = self.as<Local>();
  Type* t = type_of(self);
  if (is_dict_name(name)) {
    raisef(exc::AttributeError, "'%s' object attribute '%s' is read-only", tp_name(t).c_str(),
           str_to_utf8(name).c_str());
    return false;
  }
  Value descr = type_lookup(t, name);
  DescrSetFn set = descr ? type_of(descr)->slots.descr_set : nullptr;
  if (set) return set(descr, self, v);
  if (v) return dict_set(l->dict, name, v);
  int r = dict_del(l->dict, name);
  if (r == 0) {
    raisef(exc::AttributeError, "'%s' object has no attribute '%s'", tp_name(t).c_str(),
           str_to_utf8(name).c_str());
    add_attribute_error_context(self, name);
  }
  return r > 0;
}

// ---- _ExceptHookArgs --------------------------------------------------------------------------
// A struct sequence (a tuple subclass with named fields), as CPython's.

const char* const kHookFields[] = {"exc_type", "exc_value", "exc_traceback", "thread"};
constexpr int kHookFieldCount = 4;

Value hook_args_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"sequence", "dict", nullptr};
  Value seq, dict;
  if (!parse_args({"structseq", kNames, 1, 0}, args, nargs, kwnames, {&seq, &dict})) return {};
  Tuple* items = sequence_fast(seq, "constructor requires a sequence");
  if (!items) return {};
  std::string name = tp_name(type);
  if (items->length != kHookFieldCount) {
    return raisef(exc::TypeError, "%s() takes a %d-sequence (%lld-sequence given)", name.c_str(),
                  kHookFieldCount, (long long)items->length);
  }
  if (dict && !is_dict(dict))
    return raisef(exc::TypeError, "%s() takes a dict as second arg, if any", name.c_str());
  Tuple* t = tuple_new_subtype(type, kHookFieldCount);
  if (!t) return {};
  for (int i = 0; i < kHookFieldCount; i++) t->items()[i] = items->at(i);
  return t;
}

Value hook_args_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  std::string s = tp_name(type_of(self)) + "(";
  for (int i = 0; i < kHookFieldCount && i < t->length; i++) {
    Value r = repr(t->at(i));
    if (!r) return {};
    if (i) s += ", ";
    s += std::string(kHookFields[i]) + "=" + str_to_utf8(r.as<Str>());
  }
  return str_from_utf8(s + ")");
}

Value hook_args_reduce(Value self, const Value*, size_t, Tuple*) {
  Tuple* t = self.as<Tuple>();
  Tuple* items = tuple_from_array(t->items(), t->length);
  Dict* extra = items ? dict_new() : nullptr;
  if (!extra) return {};
  return tuple_of({type_of(self), tuple_of({items, extra})});
}

template <int I>
Value hook_field(Value self) {
  return self.as<Tuple>()->at(I);
}

// ---- module functions --------------------------------------------------------------------------

int64_t g_stack_size = 0;
constexpr int64_t kThreadStackMin = 0x8000;

Value thread_allocate_lock(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread.allocate_lock", nargs, kwnames)) return {};
  return new_lock();
}

Value thread_allocate(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread.allocate", nargs, kwnames)) return {};
  return new_lock();
}

Value thread_get_ident(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread.get_ident", nargs, kwnames)) return {};
  return int_from_u64(current_ident());
}

Value thread_get_native_id(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread.get_native_id", nargs, kwnames)) return {};
  return int_from_i64(int64_t(syscall(SYS_gettid)));
}

Value thread_count(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread._count", nargs, kwnames)) return {};
  return Value::small(0);
}

Value thread_set_sentinel(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread._set_sentinel", nargs, kwnames)) return {};
  return new_lock();
}

Value thread_exit(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread.exit", nargs, kwnames)) return {};
  return raise_object(exc::SystemExit, none());
}

Value thread_exit_thread(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!no_args("_thread.exit_thread", nargs, kwnames)) return {};
  return raise_object(exc::SystemExit, none());
}

Value thread_stack_size(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("stack_size", kwnames)) return {};
  if (nargs > 1) return raisef(exc::TypeError, "stack_size() takes at most 1 argument (%zu given)", nargs);
  // As CPython's, a call without an argument sets the default size (0) too.
  int64_t old = g_stack_size;
  std::optional<int64_t> n = 0;
  if (nargs == 1) {
    Value i = index(args[0]);
    if (!i) return {};
    n = int_to_i64(i);
    if (!n) return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  }
  if (*n < 0) return raise(exc::ValueError, "size must be 0 or a positive value");
  if (*n != 0 && *n < kThreadStackMin)
    return raisef(exc::ValueError, "size not valid: %lld bytes", (long long)*n);
  g_stack_size = *n;
  return int_from_i64(old);
}

// start_new_thread(function, args[, kwargs]) and its old name start_new.
Value thread_start_new_thread(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = "start_new_thread";
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 2, 3)) return {};
  if (!is_callable(args[0])) return raise(exc::TypeError, "first arg must be callable");
  if (!is_tuple(args[1])) return raise(exc::TypeError, "2nd arg must be a tuple");
  if (nargs == 3 && !is_dict(args[2]))
    return raise(exc::TypeError, "optional 3rd arg must be a dictionary");
  return raise(exc::RuntimeError, "can't start new thread");
}



// interrupt_main(signum=SIGINT, /): the signal arrives in the main thread,
// which is this one: its Python handler runs (SIGINT's default one raises
// KeyboardInterrupt); with SIG_DFL or SIG_IGN CPython does nothing.
Value thread_interrupt_main(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("interrupt_main", kwnames) || !check_nargs("interrupt_main", nargs, 0, 1))
    return {};
  int64_t signum = 2;
  if (nargs == 1) {
    Value i = index(args[0]);
    if (!i) return {};
    auto n = int_to_i64(i);
    if (!n || *n > INT32_MAX || *n < INT32_MIN)
      return raise(exc::OverflowError, "Python int too large to convert to C int");
    signum = *n;
  }
  if (signum < 1 || signum >= 65) return raise(exc::ValueError, "signal number out of range");
  if (!simulate_signal(int(signum))) return {};
  return none();
}

bool write_text(Value file, const std::string& s) {
  Value w = str_from_utf8(s);
  Value r = call_method(file, intern("write"), &w, 1);
  return bool(r);
}

// _excepthook(args): "Exception in thread NAME:" and the traceback, to
// sys.stderr (or the thread's _stderr when sys.stderr is None).
Value thread_excepthook(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_excepthook", kwnames)) return {};
  if (nargs != 1)
    return raisef(exc::TypeError, "_thread._excepthook() takes exactly one argument (%zu given)", nargs);
  if (type_of(args[0]) != g_hook_args)
    return raise(exc::TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
  Tuple* a = args[0].as<Tuple>();
  Value exc_type = a->at(0), exc_value = a->at(1), exc_tb = a->at(2), thread = a->at(3);
  if (exc_type.is(exc::SystemExit)) return none();
  Value sys = dict_get_str(sys_modules(), intern("sys"));
  Value file = sys ? get_attr_or_null(sys, intern("stderr")) : Value();
  if (!file && has_error()) return {};
  if (!file || is_none(file)) {
    if (is_none(thread)) return none();
    file = get_attr(thread, intern("_stderr"));
    if (!file) return {};
    if (is_none(file)) return none();
  }
  if (!write_text(file, "Exception in thread ")) return {};
  Value name;
  if (!is_none(thread)) {
    name = get_attr_or_null(thread, intern("name"));
    if (!name && has_error()) return {};
  }
  if (name) {
    Value s = str_of(name);
    if (!s || !call_method(file, intern("write"), &s, 1)) return {};
  } else if (!write_text(file, std::to_string(current_ident()))) {
    return {};
  }
  if (!write_text(file, ":\n")) return {};
  if (is_exception(exc_value)) {
    if (exc_tb && is_traceback(exc_tb) && !exception_traceback(exc_value))
      exception_set_traceback(exc_value, exc_tb);
    print_exception(exc_value, file);
  } else if (!write_text(file, "TypeError: print_exception(): Exception expected for value, " +
                                   tp_name(type_of(exc_value)) + " found\n") ||
             !call_method(file, intern("flush"), nullptr, 0)) {
    return {};  // (CPython's display flushes here too, as print_exception does)
  }
  if (!call_method(file, intern("flush"), nullptr, 0)) return {};
  return none();
}

// ---- tables ---------------------------------------------------------------------------------

const MethodDef kLockMethods[] = {
    {"acquire_lock", lock_acquire, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Lock the lock; with blocking=False or a timeout, return whether it was obtained."},
    {"acquire", lock_acquire, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Lock the lock; with blocking=False or a timeout, return whether it was obtained."},
    {"release_lock", lock_release, MethodFlag::kNoArgs, "Unlock the lock."},
    {"release", lock_release, MethodFlag::kNoArgs, "Unlock the lock."},
    {"locked_lock", lock_locked, MethodFlag::kNoArgs, "Whether the lock is locked."},
    {"locked", lock_locked, MethodFlag::kNoArgs, "Whether the lock is locked."},
    {"__enter__", lock_acquire, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Lock the lock."},
    {"__exit__", lock_exit, MethodFlag::kVarArgs, "Unlock the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit, MethodFlag::kNoArgs, "Reset the lock to unlocked."},
    {nullptr, nullptr, 0},
};

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Lock the lock, or add a level when this thread owns it."},
    {"release", rlock_release, MethodFlag::kNoArgs, "Remove a level; unlock at the last one."},
    {"_is_owned", rlock_is_owned, MethodFlag::kNoArgs, "Whether this thread owns the lock."},
    {"_acquire_restore", rlock_acquire_restore, MethodFlag::kVarArgs,
     "Take the lock back with a state from _release_save()."},
    {"_release_save", rlock_release_save, MethodFlag::kNoArgs,
     "Unlock completely and return the (count, owner) state."},
    {"__enter__", rlock_acquire, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Lock the lock."},
    {"__exit__", rlock_release, MethodFlag::kVarArgs, "Remove a level."},
    {"_at_fork_reinit", rlock_at_fork_reinit, MethodFlag::kNoArgs, "Reset the lock to unlocked."},
    {nullptr, nullptr, 0},
};

const MethodDef kHookArgsMethods[] = {
    {"__reduce__", hook_args_reduce, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kHookArgsGetSets[] = {
    {"exc_type", hook_field<0>, nullptr, "Exception type"},
    {"exc_value", hook_field<1>, nullptr, "Exception value"},
    {"exc_traceback", hook_field<2>, nullptr, "Exception traceback"},
    {"thread", hook_field<3>, nullptr, "Thread"},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"allocate_lock", thread_allocate_lock, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "allocate_lock() -> lock object: a new, unlocked lock."},
    {"allocate", thread_allocate, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "allocate() -> lock object (old name of allocate_lock)."},
    {"start_new_thread", thread_start_new_thread, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "start_new_thread(function, args[, kwargs]): start a thread (Pyrite cannot yet)."},
    {"start_new", thread_start_new_thread, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "start_new(function, args[, kwargs]) (old name of start_new_thread)."},
    {"exit", thread_exit, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "exit(): raise SystemExit, ending the thread."},
    {"exit_thread", thread_exit_thread, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "exit_thread() (old name of exit)."},
    {"interrupt_main", thread_interrupt_main, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "interrupt_main(signum=signal.SIGINT, /): deliver the signal to the main thread."},
    {"get_ident", thread_get_ident, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "get_ident() -> integer: the current thread's identity."},
    {"get_native_id", thread_get_native_id, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "get_native_id() -> integer: the current thread's id in the kernel."},
    {"_count", thread_count, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "_count() -> integer: threads running besides the main thread."},
    {"stack_size", thread_stack_size, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "stack_size([size]) -> size: get or set the stack size of new threads."},
    {"_set_sentinel", thread_set_sentinel, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "_set_sentinel() -> lock: released when the thread's state goes away."},
    {"_excepthook", thread_excepthook, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "excepthook(exc_type, exc_value, exc_traceback, thread): report an uncaught exception."},
    {nullptr, nullptr, 0},
};

void make_types() {
  {
    TypeSpec spec;
    spec.name = "lock";
    spec.module = "_thread";
    spec.layout = register_object_layout("_thread.lock", sizeof(Lock), trace_lock);
    spec.instance_size = sizeof(Lock);
    spec.trace = trace_lock;
    spec.slots.repr = lock_repr;
    spec.methods = kLockMethods;
    spec.doc = "A lock: acquire() locks it, release() unlocks it, locked() tells.";
    make_builtin_type(&g_lock, spec);
    g_lock->slots.new_ = nullptr;  // only allocate_lock() makes locks
  }
  {
    TypeSpec spec;
    spec.name = "RLock";
    spec.module = "_thread";
    spec.layout = register_object_layout("_thread.RLock", sizeof(RLock), trace_rlock);
    spec.instance_size = sizeof(RLock);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_rlock;
    spec.slots.new_ = rlock_new;
    spec.slots.repr = rlock_repr;
    spec.methods = kRLockMethods;
    make_builtin_type(&g_rlock, spec);
  }
  {
    TypeSpec spec;
    spec.name = "_local";
    spec.module = "_thread";
    spec.layout = register_object_layout("_thread._local", sizeof(Local), trace_local);
    spec.instance_size = sizeof(Local);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_local;
    spec.slots.new_ = local_new;
    spec.slots.getattr = local_getattr;
    spec.slots.setattr = local_setattr;
    spec.doc = "Thread-local data";
    make_builtin_type(&g_local, spec);
  }
  {
    TypeSpec spec;
    spec.name = "_ExceptHookArgs";
    spec.module = "_thread";
    spec.base = types::tuple;
    spec.slots.new_ = hook_args_new;
    spec.slots.repr = hook_args_repr;
    spec.methods = kHookArgsMethods;
    spec.getsets = kHookArgsGetSets;
    spec.doc = "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.";
    Type* t = make_builtin_type(&g_hook_args, spec);
    Tuple* match = tuple_new(kHookFieldCount);
    for (int i = 0; i < kHookFieldCount; i++) match->items()[i] = intern(kHookFields[i]);
    dict_set_str(t->dict, intern("__match_args__"), match);
    dict_set_str(t->dict, intern("n_fields"), Value::small(kHookFieldCount));
    dict_set_str(t->dict, intern("n_sequence_fields"), Value::small(kHookFieldCount));
    dict_set_str(t->dict, intern("n_unnamed_fields"), Value::small(0));
    type_modified(t, nullptr);
  }
}

}  // namespace

Module* make_thread_module() {
  if (!g_lock) make_types();
  Module* m = module_new(intern("_thread"));
  Str* name = intern("_thread");
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Primitive operations for multi-threaded programs (one thread in "
                             "Pyrite); see the threading module."));
  dict_set_str(m->dict, intern("LockType"), g_lock);
  dict_set_str(m->dict, intern("RLock"), g_rlock);
  dict_set_str(m->dict, intern("_local"), g_local);
  dict_set_str(m->dict, intern("_ExceptHookArgs"), g_hook_args);
  dict_set_str(m->dict, intern("error"), exc::RuntimeError);
  dict_set_str(m->dict, intern("TIMEOUT_MAX"), float_new(double(kTimeoutMaxMicroseconds / 1000000)));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  return m;
}

}  // namespace pyrite::python
