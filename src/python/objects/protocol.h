// The object protocol: what any Value supports, dispatched through its
// type's slots (docs/objects.md, "The object protocol"). These are the
// runtime's residual calls: the interpreter's handlers take fast paths
// inline and call these for everything else.
//
// Conventions: null / false / -1 means an exception is pending.
#pragma once

#include <string>

#include "python/objects/object.h"

namespace pyrite::python {

// ---- text ---------------------------------------------------------------------
Value repr(Value v);          // repr(v): a str
Value str_of(Value v);        // str(v)
Value ascii_of(Value v);
Value format(Value v, Value spec);  // format(v, spec)
// UTF-8 of repr(v)/str(v), or nullopt... for messages: falls back to
// "<T object at 0x...>" if the repr fails (and clears that error).
std::string repr_utf8(Value v);
// The tail of CPython's DeprecationWarning when __int__/__index__/__float__/
// __complex__ returns a strict subclass ("The ability to return an instance
// of a strict subclass of int is deprecated, ...").
std::string subclass_return_deprecated(const char* base);

// Recursion guard for reprs of containers ("[...]"): true if `v` is already
// being repr'd further up (then print the ellipsis form); pair with repr_leave.
bool repr_enter(Value v);
void repr_leave(Value v);
// How many objects are being repr'd; repr_guards_truncate(n) forgets all but
// the first n (after a C++ exception unwound their repr_leave calls).
size_t repr_guard_count();
void repr_guards_truncate(size_t n);

// ---- identity, hashing, comparing ------------------------------------------------
int64_t hash(Value v);                               // -1: error ("unhashable type: 'list'")
Value compare(Value a, Value b, CompareOp op);       // rich comparison with reflection; never NotImplemented
int compare_bool(Value a, Value b, CompareOp op);    // the truth of compare(): 1, 0, -1
// a == b with the identity shortcut (containers use it): 1, 0, -1.
int equal(Value a, Value b);
int truth(Value v);                                  // bool(v): 1, 0, -1

// ---- numbers -------------------------------------------------------------------
Value binary_op(BinaryOp op, Value a, Value b);      // a + b with __radd__ fallback
Value inplace_op(BinaryOp op, Value a, Value b);     // a += b
Value power(Value a, Value b, Value mod);            // pow(a, b, mod); mod None for two args
Value negative(Value v);
Value positive(Value v);
Value invert(Value v);
Value absolute(Value v);
Value index(Value v);                                // operator.index: an exact int
// index(v) as an int64 clipped... no: OverflowError past int64
// ("cannot fit 'int' into an index-sized integer").
bool index_i64(Value v, int64_t* out);
Value number_int(Value v);                           // int(v)
Value number_float(Value v);                         // float(v)

// ---- attributes --------------------------------------------------------------------
Value get_attr(Value obj, Str* name);                // obj.name; AttributeError when missing
Value get_attr_or_null(Value obj, Str* name);        // null without error when missing (AttributeError only)
bool set_attr(Value obj, Str* name, Value v);        // v null: delete
Value get_attr_str(Value obj, const char* name);     // interns name

// ---- calls -------------------------------------------------------------------------
// callable(*args, **{kwnames: values after args}). Python functions run in
// a nested dispatch loop here (the handlers avoid this path for them).
Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);
// Calls obj.name(*args): looks the method up without binding when it can.
Value call_method(Value obj, Str* name, const Value* args, size_t nargs);
// Calls the special method `name` looked up on type(obj) (not the instance),
// as the language does for dunders; null + no error if it does not exist
// when `missing_ok`.
Value call_special(Value obj, Str* name, const Value* args, size_t nargs, bool* found);
// f(*args_tuple, **kwargs_dict) — CALL_FUNCTION_EX and the builtins.
Value call_tuple_dict(Value callable, Tuple* args, Dict* kwargs);
bool is_callable(Value v);

// ---- containers and iteration -------------------------------------------------------
int64_t length(Value v);                             // len(v)
Value get_item(Value obj, Value key);                // obj[key]
bool set_item(Value obj, Value key, Value v);        // obj[key] = v; v null: del
int contains(Value container, Value item);           // item in container
Value get_iter(Value v);                             // iter(v), with the __getitem__ fallback
// next(it): the item, or null without error when exhausted, or null with error.
Value iter_next(Value it);
bool has_error_pending();  // errors.h's has_error(), for for_each below
// Runs f(item) for each item of the iterable; f returns false to stop with
// an error pending. Returns false on error.
template <class F>
bool for_each(Value iterable, F&& f) {
  Value it = get_iter(iterable);
  if (!it) return false;
  for (;;) {
    Value x = iter_next(it);
    if (!x) return !has_error_pending();
    if (!f(x)) return false;
  }
}

// ---- misc ------------------------------------------------------------------------
Value type_call(Type* t, const Value* args, size_t nargs, Tuple* kwnames);  // t(*args): __new__ then __init__
bool isinstance_check(Value obj, Value cls);   // isinstance() with tuples and __instancecheck__; -1 not possible: use the int form
int isinstance_full(Value obj, Value cls);
int issubclass_full(Value derived, Value cls);

}  // namespace pyrite::python
