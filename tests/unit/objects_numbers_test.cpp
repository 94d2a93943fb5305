// int, bool, float and complex through the C++ API: canonical small ints,
// BigInt edge cases, Python's division signs, exact int/float comparisons,
// numeric hashes equal across types, reprs and error messages
// (docs/objects.md, "Numbers"). Expected values come from python3.11.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "gc/heap.h"
#include "python/objects/complex.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {
namespace {

class NumbersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_runtime(); }
  void TearDown() override { clear_error(); }
};

Value I(int64_t i) { return int_from_i64(i); }
Value F(double d) { return float_new(d); }
Value S(const char* s) { return str_from_utf8(s); }

std::string text(Value v) {
  if (!v) return "<null>";
  Value r = repr(v);
  if (!r) return "<repr failed>";
  return str_to_utf8(r.as<Str>());
}

// "TypeName: message" of the pending exception, cleared.
std::string error_text() {
  Object* e = take_error();
  if (!e) return "<no error>";
  Value s = str_of(e);
  return type_name(e) + ": " + (s ? str_to_utf8(s.as<Str>()) : "?");
}

Value op(BinaryOp o, Value a, Value b) { return binary_op(o, a, b); }

// 2**n as an int.
Value pow2(int64_t n) { return op(BinaryOp::kPow, I(2), I(n)); }

Value call_type(Type* t, std::initializer_list<Value> args) {
  return type_call(t, args.begin(), args.size(), nullptr);
}

TEST_F(NumbersTest, SmallIntsAreCanonical) {
  EXPECT_TRUE(I(Value::kSmallMax).is_small());
  EXPECT_FALSE(I(Value::kSmallMax + 1).is_small());
  EXPECT_TRUE(I(Value::kSmallMin).is_small());
  EXPECT_FALSE(I(Value::kSmallMin - 1).is_small());
  // 2**62 - 1 + 1 leaves the small range; 2**62 - 1 comes back into it.
  Value big = op(BinaryOp::kAdd, I(Value::kSmallMax), I(1));
  ASSERT_TRUE(big.is_object());
  EXPECT_EQ(text(big), "4611686018427387904");
  Value back = op(BinaryOp::kSub, big, I(1));
  EXPECT_TRUE(back.is_small());
  // -(2**62) is small; its negation is not.
  Value neg = negative(I(Value::kSmallMin));
  EXPECT_TRUE(neg.is_object());
  EXPECT_EQ(text(neg), "4611686018427387904");
}

TEST_F(NumbersTest, BigIntRepr) {
  EXPECT_EQ(text(pow2(200)),
            "1606938044258990275541962092341162602522202993782792835301376");
  EXPECT_EQ(text(negative(pow2(100))), "-1267650600228229401496703205376");
  EXPECT_EQ(text(pow2(63)), "9223372036854775808");
  EXPECT_EQ(text(negative(pow2(63))), "-9223372036854775808");
  auto i = int_to_i64(negative(pow2(63)));
  ASSERT_TRUE(i.has_value());
  EXPECT_EQ(*i, INT64_MIN);
  EXPECT_FALSE(int_to_i64(pow2(63)).has_value());
}

TEST_F(NumbersTest, DivisionSigns) {
  EXPECT_EQ(text(op(BinaryOp::kFloorDiv, I(7), I(-2))), "-4");
  EXPECT_EQ(text(op(BinaryOp::kMod, I(-7), I(3))), "2");
  EXPECT_EQ(text(op(BinaryOp::kMod, I(7), I(-3))), "-2");
  EXPECT_EQ(text(op(BinaryOp::kFloorDiv, negative(pow2(100)), I(7))),
            "-181092942889747057356671886483");
  EXPECT_EQ(text(op(BinaryOp::kMod, negative(pow2(100)), I(7))), "5");
  EXPECT_EQ(text(op(BinaryOp::kTrueDiv, I(1), I(3))), "0.3333333333333333");
  EXPECT_EQ(text(op(BinaryOp::kFloorDiv, F(7.5), F(-2))), "-4.0");
  EXPECT_EQ(text(op(BinaryOp::kMod, F(-7.5), I(2))), "0.5");
  EXPECT_EQ(text(op(BinaryOp::kMod, F(-0.0), I(5))), "0.0");
}

TEST_F(NumbersTest, ZeroDivisionMessages) {
  EXPECT_FALSE(op(BinaryOp::kTrueDiv, I(1), I(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: division by zero");
  EXPECT_FALSE(op(BinaryOp::kFloorDiv, I(1), I(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_FALSE(op(BinaryOp::kMod, I(1), I(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: integer modulo by zero");
  EXPECT_FALSE(op(BinaryOp::kTrueDiv, F(1), I(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: float division by zero");
  EXPECT_FALSE(op(BinaryOp::kMod, F(1), I(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: float modulo");
  EXPECT_FALSE(op(BinaryOp::kFloorDiv, F(1), F(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: float floor division by zero");
  EXPECT_FALSE(op(BinaryOp::kTrueDiv, complex_new(1, 1), I(0)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: complex division by zero");
  EXPECT_FALSE(op(BinaryOp::kPow, I(0), I(-1)));
  EXPECT_EQ(error_text(), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
}

TEST_F(NumbersTest, Powers) {
  EXPECT_EQ(text(op(BinaryOp::kPow, I(2), I(-1))), "0.5");
  EXPECT_EQ(text(op(BinaryOp::kPow, I(-3), I(3))), "-27");
  EXPECT_EQ(text(power(I(3), I(-1), I(7))), "5");
  EXPECT_EQ(text(power(I(2), I(10), I(-1000))), "-976");
  EXPECT_FALSE(power(I(2), I(3), I(0)));
  EXPECT_EQ(error_text(), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_FALSE(power(I(2), I(3), F(1.0)));
  EXPECT_EQ(error_text(),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  // A negative base with a fractional exponent is complex.
  EXPECT_EQ(text(op(BinaryOp::kPow, I(-8), F(1.0 / 3))),
            "(1.0000000000000002+1.7320508075688772j)");
  EXPECT_EQ(text(op(BinaryOp::kPow, complex_new(1, 2), I(2))), "(-3+4j)");
  EXPECT_EQ(text(op(BinaryOp::kPow, complex_new(1, 1), I(101))),
            "(-1125899906842634.5-1125899906842629.5j)");
  EXPECT_FALSE(op(BinaryOp::kPow, complex_new(2, 0), I(2000)));
  EXPECT_EQ(error_text(), "OverflowError: complex exponentiation");
}

TEST_F(NumbersTest, Shifts) {
  EXPECT_EQ(text(op(BinaryOp::kLshift, I(1), I(100))), "1267650600228229401496703205376");
  EXPECT_EQ(text(op(BinaryOp::kRshift, I(-1), pow2(100))), "-1");
  EXPECT_EQ(text(op(BinaryOp::kRshift, I(-5), I(1))), "-3");
  EXPECT_FALSE(op(BinaryOp::kLshift, I(1), I(-1)));
  EXPECT_EQ(error_text(), "ValueError: negative shift count");
  EXPECT_FALSE(op(BinaryOp::kLshift, I(1), pow2(100)));
  EXPECT_EQ(error_text(), "OverflowError: too many digits in integer");
}

TEST_F(NumbersTest, FloatRepr) {
  EXPECT_EQ(text(op(BinaryOp::kAdd, F(0.1), F(0.2))), "0.30000000000000004");
  EXPECT_EQ(text(F(1e16)), "1e+16");
  EXPECT_EQ(text(F(1e-5)), "1e-05");
  EXPECT_EQ(text(F(-0.0)), "-0.0");
  EXPECT_EQ(text(F(INFINITY)), "inf");
  EXPECT_EQ(text(F(NAN)), "nan");
  EXPECT_EQ(text(F(123456789012345678.0)), "1.2345678901234568e+17");
}

TEST_F(NumbersTest, HashesAgreeAcrossTypes) {
  EXPECT_EQ(hash(I(1)), hash(F(1.0)));
  EXPECT_EQ(hash(I(1)), hash(py_bool(true)));
  EXPECT_EQ(hash(I(0)), hash(py_bool(false)));
  EXPECT_EQ(hash(I(1)), hash(complex_new(1, 0)));
  EXPECT_EQ(hash(I(-1)), -2);
  EXPECT_EQ(hash(op(BinaryOp::kSub, pow2(61), I(1))), 0);
  EXPECT_EQ(hash(pow2(61)), 1);
  EXPECT_EQ(hash(F(1.5)), 1152921504606846977);
  EXPECT_EQ(hash(F(INFINITY)), 314159);
  EXPECT_EQ(hash(F(1e100)), 1822893315824342674);
  EXPECT_EQ(hash(pow2(100)), hash(F(std::ldexp(1.0, 100))));
  EXPECT_EQ(hash(complex_new(1, 2)), 2000007);
}

TEST_F(NumbersTest, IntFloatComparisonsAreExact) {
  Value p53 = pow2(53);
  Value p53_1 = op(BinaryOp::kAdd, p53, I(1));
  Value f53 = F(9007199254740992.0);
  EXPECT_EQ(compare_bool(p53_1, f53, CompareOp::kEq), 0);
  EXPECT_EQ(compare_bool(p53_1, f53, CompareOp::kGt), 1);
  EXPECT_EQ(compare_bool(f53, p53_1, CompareOp::kLt), 1);
  EXPECT_EQ(compare_bool(p53, f53, CompareOp::kEq), 1);
  Value huge = op(BinaryOp::kPow, I(10), I(400));
  EXPECT_EQ(compare_bool(huge, F(INFINITY), CompareOp::kLt), 1);
  EXPECT_EQ(compare_bool(huge, F(1e308), CompareOp::kGt), 1);
  EXPECT_EQ(compare_bool(negative(huge), F(-INFINITY), CompareOp::kGt), 1);
  EXPECT_EQ(compare_bool(I(1), F(NAN), CompareOp::kLt), 0);
  EXPECT_EQ(compare_bool(I(1), F(NAN), CompareOp::kNe), 1);
  EXPECT_EQ(compare_bool(complex_new(9007199254740992.0, 0), p53_1, CompareOp::kEq), 0);
}

TEST_F(NumbersTest, Bools) {
  EXPECT_EQ(text(py_bool(true)), "True");
  EXPECT_EQ(text(op(BinaryOp::kAnd, py_bool(true), py_bool(true))), "True");
  EXPECT_EQ(text(op(BinaryOp::kOr, py_bool(true), I(2))), "3");
  EXPECT_EQ(text(op(BinaryOp::kAdd, py_bool(true), py_bool(true))), "2");
  EXPECT_EQ(text(invert(py_bool(true))), "-2");
  EXPECT_TRUE(is_int(py_bool(true)));
  EXPECT_TRUE(int_exact(py_bool(true)).is(Value::small(1)));
}

TEST_F(NumbersTest, IntConstructor) {
  EXPECT_EQ(text(call_type(types::int_, {S("0x1f"), I(0)})), "31");
  EXPECT_EQ(text(call_type(types::int_, {S("\u0663\u0664")})), "34");
  EXPECT_EQ(text(call_type(types::int_, {S("\u3000 -12 ")})), "-12");
  EXPECT_EQ(text(call_type(types::int_, {F(-3.99)})), "-3");
  EXPECT_FALSE(call_type(types::int_, {S("abc")}));
  EXPECT_EQ(error_text(), "ValueError: invalid literal for int() with base 10: 'abc'");
  EXPECT_FALSE(call_type(types::int_, {I(12), I(10)}));
  EXPECT_EQ(error_text(), "TypeError: int() can't convert non-string with explicit base");
  EXPECT_FALSE(call_type(types::int_, {F(NAN)}));
  EXPECT_EQ(error_text(), "ValueError: cannot convert float NaN to integer");
  EXPECT_FALSE(call_type(types::int_, {F(INFINITY)}));
  EXPECT_EQ(error_text(), "OverflowError: cannot convert float infinity to integer");
}

TEST_F(NumbersTest, StrDigitLimit) {
  Value big = op(BinaryOp::kPow, I(10), I(5000));
  EXPECT_FALSE(repr(big));
  EXPECT_EQ(error_text(),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  size_t old = int_max_str_digits();
  set_int_max_str_digits(0);
  EXPECT_EQ(text(big).size(), 5001u);
  set_int_max_str_digits(old);
}

TEST_F(NumbersTest, FloatConstructorAndMethods) {
  EXPECT_EQ(text(call_type(types::float_, {S("  1_0.5 ")})), "10.5");
  EXPECT_EQ(text(call_type(types::float_, {S("-iNF")})), "-inf");
  EXPECT_FALSE(call_type(types::float_, {S("abc")}));
  EXPECT_EQ(error_text(), "ValueError: could not convert string to float: 'abc'");
  EXPECT_FALSE(call_type(types::float_, {op(BinaryOp::kPow, I(10), I(400))}));
  EXPECT_EQ(error_text(), "OverflowError: int too large to convert to float");
  Value r = call_method(F(2.5), intern("as_integer_ratio"), nullptr, 0);
  EXPECT_EQ(text(r), "(5, 2)");
  Value nd = I(2);
  EXPECT_EQ(text(call_method(F(2.675), intern("__round__"), &nd, 1)), "2.67");
  EXPECT_EQ(text(call_method(F(2.5), intern("__round__"), nullptr, 0)), "2");
}

TEST_F(NumbersTest, ComplexReprAndParsing) {
  EXPECT_EQ(text(complex_new(1, 2)), "(1+2j)");
  EXPECT_EQ(text(complex_new(0, 1)), "1j");
  EXPECT_EQ(text(complex_new(-0.0, -1)), "(-0-1j)");
  EXPECT_EQ(text(complex_new(NAN, INFINITY)), "(nan+infj)");
  EXPECT_EQ(text(complex_new(1e16, 1)), "(1e+16+1j)");
  EXPECT_EQ(text(call_type(types::complex, {S(" (1+2j) ")})), "(1+2j)");
  EXPECT_EQ(text(call_type(types::complex, {S("-j")})), "-1j");
  EXPECT_FALSE(call_type(types::complex, {S("1 + 2j")}));
  EXPECT_EQ(error_text(), "ValueError: complex() arg is a malformed string");
  EXPECT_EQ(text(call_type(types::complex, {complex_new(0, 1), complex_new(0, 1)})), "(-1+1j)");
  EXPECT_FALSE(compare(complex_new(1, 1), complex_new(1, 1), CompareOp::kLt));
  EXPECT_EQ(error_text(),
            "TypeError: '<' not supported between instances of 'complex' and 'complex'");
}

TEST_F(NumbersTest, Formatting) {
  EXPECT_EQ(str_to_utf8(format(pow2(100), S(",")).as<Str>()),
            "1,267,650,600,228,229,401,496,703,205,376");
  EXPECT_EQ(str_to_utf8(format(I(255), S("#x")).as<Str>()), "0xff");
  EXPECT_EQ(str_to_utf8(format(F(3.14159), S(".2f")).as<Str>()), "3.14");
  EXPECT_EQ(str_to_utf8(format(py_bool(true), S("")).as<Str>()), "True");
  EXPECT_EQ(str_to_utf8(format(complex_new(1, 2), S(".2f")).as<Str>()), "1.00+2.00j");
}

// Arithmetic that allocates at every step while the GC collects at every
// allocation: temporaries live on the C++ stack only (conservative scan).
TEST_F(NumbersTest, SurvivesGcStress) {
  gc::Heap::current()->set_stress(true);
  Value f = I(1);
  for (int i = 2; i <= 60; i++) f = op(BinaryOp::kMul, f, I(i));
  Value x = F(0.0);
  for (int i = 0; i < 50; i++) x = op(BinaryOp::kAdd, x, F(0.1));
  Value c = complex_new(1, 1);
  for (int i = 0; i < 10; i++) c = op(BinaryOp::kMul, c, complex_new(0.5, 1));
  gc::Heap::current()->set_stress(false);
  EXPECT_EQ(text(f),
            "8320987112741390144276341183223364380754172606361245952449277696409600000000000000");
  EXPECT_EQ(text(x), "4.999999999999998");
  EXPECT_EQ(text(c), "(3.2744140625-2.8115234375j)");
}

// class MyInt(int): instances carry their value BigInt-shaped, even small.
TEST_F(NumbersTest, HeapSubclassInstances) {
  Value bases = tuple_of({types::int_});
  Value cls = call_type(types::type, {S("MyInt"), bases, dict_new()});
  ASSERT_TRUE(cls) << error_text();
  Value five = call_type(cls.as<Type>(), {I(5)});
  ASSERT_TRUE(five) << error_text();
  EXPECT_TRUE(five.is_object());
  EXPECT_EQ(type_name(five), "MyInt");
  EXPECT_EQ(text(five), "5");
  EXPECT_TRUE(int_exact(five).is(Value::small(5)));
  EXPECT_EQ(hash(five), 5);
  EXPECT_EQ(text(op(BinaryOp::kAdd, five, pow2(70))), "1180591620717411303429");
  Value big = call_type(cls.as<Type>(), {pow2(100)});
  EXPECT_EQ(text(big), "1267650600228229401496703205376");
  EXPECT_TRUE(set_attr(big, intern("tag"), I(7)));
  EXPECT_EQ(text(get_attr(big, intern("tag"))), "7");
  EXPECT_EQ(text(big), "1267650600228229401496703205376");
}

}  // namespace
}  // namespace pyrite::python
