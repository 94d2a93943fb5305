// bool: the int subclass with exactly two instances, True and False
// (docs/objects.md, "Numbers").
//
// True and False are BigInt-shaped objects holding 1 and 0, so every int
// operation reads them through the same mpz view as any int (int.cpp); only
// repr, the bitwise operators on two bools and the constructor differ.
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

bool is_bool(Value v) { return v.is_object() && v.object()->type == types::bool_; }

void trace_bool(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

Value bool_repr(Value v) { return intern(v.is(singletons::true_) ? "True" : "False"); }

template <BinaryOp kOp>
Value bool_bitwise(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) {
    bool x = a.is(singletons::true_), y = b.is(singletons::true_);
    switch (kOp) {
      case BinaryOp::kAnd: return py_bool(x && y);
      case BinaryOp::kOr: return py_bool(x || y);
      default: return py_bool(x != y);
    }
  }
  return int_binary(kOp, a, b);
}

Value bool_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("bool", kwnames) || !check_nargs("bool", nargs, 0, 1)) return {};
  if (nargs == 0) return py_bool(false);
  int t = truth(args[0]);
  if (t < 0) return {};
  return py_bool(t != 0);
}

Object* make_bool(int64_t v) {
  auto* b = allocate<BigInt>(kBigIntLayout, types::bool_, sizeof(BigInt) + sizeof(mp_limb_t));
  b->capacity = 1;
  b->size = v ? 1 : 0;
  b->limbs()[0] = mp_limb_t(v);
  return b;
}

}  // namespace

void init_bool() {
  TypeSpec spec;
  spec.name = "bool";
  spec.base = types::int_;
  spec.layout = kBigIntLayout;
  spec.instance_size = sizeof(BigInt);
  spec.flags = TypeFlag::kIntSubclass | TypeFlag::kImmutable;  // not a base type
  spec.trace = trace_bool;
  spec.slots.repr = bool_repr;
  spec.slots.binary[int(BinaryOp::kAnd)] = bool_bitwise<BinaryOp::kAnd>;
  spec.slots.binary[int(BinaryOp::kOr)] = bool_bitwise<BinaryOp::kOr>;
  spec.slots.binary[int(BinaryOp::kXor)] = bool_bitwise<BinaryOp::kXor>;
  spec.slots.new_ = bool_new;
  spec.doc =
      "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe "
      "builtins True and False are the only two instances of the class bool.\nThe class bool is "
      "a subclass of the class int, and cannot be subclassed.";
  make_builtin_type(&types::bool_, spec);
  // singletons.cpp roots both slots.
  singletons::true_ = make_bool(1);
  singletons::false_ = make_bool(0);
}

}  // namespace pyrite::python
