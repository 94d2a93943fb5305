// float: an IEEE double, immediate in the Value word when its exponent
// allows, else a boxed Float (docs/objects.md, "Values" and "Numbers").
//
// Instances of float subclasses are always boxed and share the layout (the
// InstanceAttrs of a heap subclass follow the struct).
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Float : Object {
  double value;
};

extern gc::LayoutId kFloatLayout;

inline bool is_float(Value v) {
  return v.is_immediate_float() || (v.is_object() && v.object()->type->has_flag(TypeFlag::kFloatSubclass));
}
inline bool is_exact_float(Value v) {
  return v.is_immediate_float() || (v.is_object() && v.object()->type == types::float_);
}

// A boxed exact float (float_new's slow half).
Value float_box(double d);
// An exact float: immediate when the value allows, else boxed.
inline Value float_new(double d) {
  Value v = Value::immediate_float(d);
  return v ? v : float_box(d);
}
// The double of a float or float-subclass instance (no checks).
inline double float_value(Value v) {
  return v.is_immediate_float() ? v.immediate_float_value() : v.as<Float>()->value;
}

// The double of any real number as float() takes it: float, int (correctly
// rounded, OverflowError "int too large to convert to float"), __float__,
// then __index__; TypeError "must be real number, not str" otherwise.
// False with an exception pending.
bool float_as_double(Value v, double* out);

// Python's float (slot) behaviour as functions for the interpreter's slow
// paths and for other files.
Value float_binary(BinaryOp op, Value a, Value b);
Value float_compare(Value a, Value b, CompareOp op);
Value float_repr(Value v);
int64_t float_hash(Value v);
// float(s) for a str (Unicode digits and whitespace allowed); ValueError
// "could not convert string to float: 'abc'".
Value float_from_str(Str* s);

// The float literal of code objects (code.cpp).
Value literal_float(double d);

void init_float();

}  // namespace pyrite::python
