// complex: a boxed pair of doubles (docs/objects.md, "Numbers").
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Complex : Object {
  double real;
  double imag;
};

extern gc::LayoutId kComplexLayout;

inline bool is_complex(Value v) { return v.is_object() && isinstance(v, types::complex); }

Value complex_new(double real, double imag);

// a ** b for complex operands as CPython computes it (integer exponents by
// repeated squaring, others through polar form). float.cpp calls it for a
// negative base with a fractional exponent. Null + ZeroDivisionError "0.0
// to a negative or complex power" / OverflowError "complex exponentiation".
Value complex_pow(double ar, double ai, double br, double bi);

// The complex literal of code objects (code.cpp).
Value literal_complex(double real, double imag);

void init_complex();

}  // namespace pyrite::python
