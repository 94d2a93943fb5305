// The builtins that iterate: all any iter next min max sorted sum aiter
// anext (docs/objects.md, "Exceptions and builtins").
#include "python/objects/errors.h"  // first: protocol.h's for_each needs has_error_pending
#include "python/interp/interp.h"
#include "python/modules/builtins.h"
#include "python/objects/bytes.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

Value b_all(Value, const Value* args, size_t, Tuple*) {
  bool result = true;
  bool ok = for_each(args[0], [&](Value x) {
    int t = truth(x);
    if (t < 0) return false;
    if (t == 0) {
      result = false;
      return false;
    }
    return true;
  });
  if (!ok && has_error()) return Value();
  return py_bool(result);
}

Value b_any(Value, const Value* args, size_t, Tuple*) {
  bool result = false;
  bool ok = for_each(args[0], [&](Value x) {
    int t = truth(x);
    if (t < 0) return false;
    if (t == 1) {
      result = true;
      return false;
    }
    return true;
  });
  if (!ok && has_error()) return Value();
  return py_bool(result);
}

Value b_iter(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("iter", kw) || !check_nargs("iter", nargs, 1, 2)) return Value();
  if (nargs == 1) return get_iter(args[0]);
  if (!is_callable(args[0])) return raise(exc::TypeError, "iter(v, w): v must be callable");
  return callable_iterator_new(args[0], args[1]);
}

Value b_next(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("next", kw) || !check_nargs("next", nargs, 1, 2)) return Value();
  Value it = args[0];
  if (type_of(it)->slots.next == nullptr) {
    return raisef(exc::TypeError, "'%s' object is not an iterator", type_name(it).c_str());
  }
  // The StopIteration a __next__ raises propagates as it is, value
  // included (iter_next would drop it): the slot itself for builtin types
  // (a generator's return value), the Python __next__ for classes (whose
  // slot reports exhaustion without the exception).
  Value x;
  if (type_of(it)->is_heap_type()) {
    static Str* next_name = intern("__next__");
    bool found = false;
    x = call_special(it, next_name, nullptr, 0, &found);
  } else {
    x = type_of(it)->slots.next(it);
  }
  if (x) return x;
  if (has_error()) {
    if (nargs == 2 && error_matches(exc::StopIteration)) {
      clear_error();
      return args[1];
    }
    return Value();
  }
  if (nargs == 2) return args[1];
  return raise_with(exc::StopIteration, Value());
}

// min() and max(): op is kLt for min, kGt for max.
Value min_max(const char* fname, CompareOp op, const Value* args, size_t nargs, Tuple* kw) {
  Value key, dflt;
  // CPython checks the positional count before the keywords.
  if (nargs == 0) {
    return raisef(exc::TypeError, "%s expected at least 1 argument, got 0", fname);
  }
  if (kw && kw->length > 0) {
    if (kw->length > 2) {
      return raisef(exc::TypeError, "%s() takes at most 2 keyword arguments (%lld given)", fname,
                    static_cast<long long>(kw->length));
    }
    static const char* const kNames[] = {"key", "default", nullptr};
    if (!parse_args({fname, kNames, 0, 0, 0}, args + nargs, 0, kw, {&key, &dflt})) return Value();
  }
  if (nargs > 1 && dflt) {
    return raisef(exc::TypeError,
                  "Cannot specify a default for %s() with multiple positional arguments", fname);
  }
  if (key && is_none(key)) key = Value();
  Value best, best_key;
  auto consider = [&](Value item) -> bool {
    Value k = item;
    if (key) {
      k = call1(key, item);
      if (!k) return false;
    }
    if (!best) {
      best = item;
      best_key = k;
      return true;
    }
    int c = compare_bool(k, best_key, op);
    if (c < 0) return false;
    if (c) {
      best = item;
      best_key = k;
    }
    return true;
  };
  if (nargs == 1) {
    if (!for_each(args[0], consider)) return Value();
  } else {
    for (size_t i = 0; i < nargs; i++)
      if (!consider(args[i])) return Value();
  }
  if (best) return best;
  if (dflt) return dflt;
  return raisef(exc::ValueError, "%s() arg is an empty sequence", fname);
}

Value b_min(Value, const Value* args, size_t nargs, Tuple* kw) {
  return min_max("min", CompareOp::kLt, args, nargs, kw);
}
Value b_max(Value, const Value* args, size_t nargs, Tuple* kw) {
  return min_max("max", CompareOp::kGt, args, nargs, kw);
}

Value b_sorted(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("sorted", nargs, 1, 1)) return Value();
  Value key, reverse;
  if (kw && kw->length > 0) {
    if (kw->length > 2) {
      return raisef(exc::TypeError, "sort() takes at most 2 keyword arguments (%lld given)",
                    static_cast<long long>(kw->length));
    }
    static const char* const kNames[] = {"key", "reverse", nullptr};
    if (!parse_args({"sort", kNames, 0, 0, 0}, args + nargs, 0, kw, {&key, &reverse}))
      return Value();
  }
  bool rev = false;
  if (reverse) {
    Value i = index(reverse);
    if (!i) return Value();
    rev = int_sign(i) != 0;
  }
  List* l = list_from_iterable(args[0]);
  if (!l) return Value();
  // CPython's sorted() calls the new list's sort method: one more level of
  // the recursion depth.
  if (!enter_recursive_call(" while calling a Python object")) return Value();
  bool sorted = list_sort(l, key && !is_none(key) ? key : Value(), rev);
  leave_recursive_call();
  if (!sorted) return Value();
  return l;
}

Value b_sum(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"", "start", nullptr};
  Value iterable, start;
  size_t total = nargs + (kw ? static_cast<size_t>(kw->length) : 0);
  if (total > 2) {
    return raisef(exc::TypeError, "sum() takes at most 2 arguments (%zu given)", total);
  }
  if (!parse_args({"sum", kNames, 1, 1}, args, nargs, kw, {&iterable, &start})) return Value();
  Value acc = start ? start : Value::small(0);
  if (start) {
    if (is_str(start)) return raise(exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(start)) return raise(exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_bytearray(start)) {
      return raise(exc::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
  }
  // 3.11 adds left to right with no compensation (3.12 changed floats).
  bool ok = for_each(iterable, [&](Value x) {
    if (acc.is_small() && x.is_small()) {
      int64_t r;
      if (!__builtin_add_overflow(acc.small_value(), x.small_value(), &r) && Value::fits_small(r)) {
        acc = Value::small(r);
        return true;
      }
    }
    Value r = binary_op(BinaryOp::kAdd, acc, x);
    if (!r) return false;
    acc = r;
    return true;
  });
  if (!ok) return Value();
  return acc;
}

Value b_aiter(Value, const Value* args, size_t, Tuple*) {
  static Str* aiter_name = intern("__aiter__");
  static Str* anext_name = intern("__anext__");
  bool found = false;
  Value r = call_special(args[0], aiter_name, nullptr, 0, &found);
  if (!found) {
    if (has_error()) return Value();
    return raisef(exc::TypeError, "'%s' object is not an async iterable", type_name(args[0]).c_str());
  }
  if (!r) return Value();
  if (!type_lookup(type_of(r), anext_name)) {
    return raisef(exc::TypeError, "aiter() returned not an async iterator of type '%s'",
                  type_name(r).c_str());
  }
  return r;
}

// anext(it, default)'s awaitable (CPython's anext_awaitable): it drives the
// awaitable __anext__ returned and turns its StopAsyncIteration into
// StopIteration(default), i.e. `await` evaluating to the default.
struct AnextAwaitable : Object {
  Value wrapped;        // what __anext__ returned
  Value default_value;
};

Type* g_anext_awaitable_type = nullptr;
gc::LayoutId g_anext_layout = gc::kNoLayout;

void anext_trace(void* p, gc::Visitor& v) {
  auto* a = static_cast<AnextAwaitable*>(p);
  v.visit(a->type);
  visit_value(v, a->wrapped);
  visit_value(v, a->default_value);
}

// The iterator under the wrapped awaitable: its __await__() (a coroutine's
// wrapper, or the async generator's asend object itself).
Value anext_inner(Value self) {
  Value w = self.as<AnextAwaitable>()->wrapped;
  static Str* await_name = intern("__await__");
  bool found = false;
  Value it = call_special(w, await_name, nullptr, 0, &found);
  if (!found) {
    if (!has_error()) {
      raisef(exc::TypeError, "object %s can't be used in 'await' expression", type_name(w).c_str());
    }
    return Value();
  }
  if (it && type_of(it)->slots.next == nullptr) {
    return raisef(exc::TypeError, "__await__() returned non-iterator of type '%s'",
                  type_name(it).c_str());
  }
  return it;
}

Value anext_proxy(Value self, const char* method, const Value* args, size_t nargs) {
  Value it = anext_inner(self);
  if (!it) return Value();
  Value r = call_method(it, intern(method), args, nargs);
  if (!r && error_matches(exc::StopAsyncIteration)) {
    clear_error();
    return raise_stop_iteration(self.as<AnextAwaitable>()->default_value);
  }
  return r;
}

Value anext_next(Value self) {
  Value r = anext_proxy(self, "__next__", nullptr, 0);
  // The slot's convention: a plain exhausted StopIteration() is null without error.
  return r;
}
Value anext_m_send(Value self, const Value* args, size_t nargs, Tuple*) {
  return anext_proxy(self, "send", args, nargs);
}
Value anext_m_throw(Value self, const Value* args, size_t nargs, Tuple*) {
  return anext_proxy(self, "throw", args, nargs);
}
Value anext_m_close(Value self, const Value* args, size_t nargs, Tuple*) {
  return anext_proxy(self, "close", args, nargs);
}
Value anext_m_await(Value self, const Value*, size_t, Tuple*) { return self; }
Value anext_iter(Value self) { return self; }

const MethodDef kAnextMethods[] = {
    {"send", anext_m_send, MethodFlag::kOneArg},
    {"throw", anext_m_throw, MethodFlag::kVarArgs},
    {"close", anext_m_close, MethodFlag::kNoArgs},
    {"__await__", anext_m_await, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

Type* anext_awaitable_type() {
  if (!g_anext_awaitable_type) {
    g_anext_layout = register_object_layout("anext_awaitable", sizeof(AnextAwaitable), anext_trace);
    TypeSpec spec;
    spec.name = "anext_awaitable";
    spec.layout = g_anext_layout;
    spec.instance_size = sizeof(AnextAwaitable);
    spec.trace = anext_trace;
    spec.slots.iter = anext_iter;
    spec.slots.next = anext_next;
    spec.methods = kAnextMethods;
    make_builtin_type(&g_anext_awaitable_type, spec);
  }
  return g_anext_awaitable_type;
}

Value b_anext(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("anext", kw) || !check_nargs("anext", nargs, 1, 2)) return Value();
  static Str* anext_name = intern("__anext__");
  if (!type_lookup(type_of(args[0]), anext_name)) {
    return raisef(exc::TypeError, "'%s' object is not an async iterator", type_name(args[0]).c_str());
  }
  bool found = false;
  Value r = call_special(args[0], anext_name, nullptr, 0, &found);
  if (!r || nargs == 1) return r;
  Type* t = anext_awaitable_type();
  auto* a = allocate<AnextAwaitable>(g_anext_layout, t);
  a->wrapped = r;
  a->default_value = args[1];
  return a;
}

}  // namespace

const MethodDef kBuiltinIterFunctions[] = {
    {"aiter", b_aiter, MethodFlag::kOneArg, "Return an AsyncIterator for an AsyncIterable object."},
    {"all", b_all, MethodFlag::kOneArg, "Return True if bool(x) is True for all values x in the iterable."},
    {"anext", b_anext, MethodFlag::kVarArgs, "Return the next item from the async iterator."},
    {"any", b_any, MethodFlag::kOneArg, "Return True if bool(x) is True for any x in the iterable."},
    {"iter", b_iter, MethodFlag::kVarArgs, "Get an iterator from an object."},
    {"max", b_max, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kTupleArgs, "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its biggest item."},
    {"min", b_min, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kTupleArgs, "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its smallest item."},
    {"next", b_next, MethodFlag::kVarArgs, "Return the next item from the iterator."},
    {"sorted", b_sorted, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", b_sum, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {nullptr, nullptr, 0},
};

}  // namespace pyrite::python
