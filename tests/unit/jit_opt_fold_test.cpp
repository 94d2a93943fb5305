// fold (docs/jit_opt.md, "fold"): constant folding, fold.def's rules,
// reassociation, guards on constants and *_ovf ops, as before/after text,
// and every rule checked against the IR interpreter on edge-case operands.
#include <gtest/gtest.h>

#include <limits>

#include "jit/opt/dce.h"
#include "jit/opt/fold.h"
#include "jit_opt_test_util.h"

namespace pyrite::jit::opt {
namespace {

using namespace ir;
using testing::apply;
using testing::parse_ok;

std::string fold_dce(const Trace& t) { return print_trace(dce(fold(t))); }

TEST(JitOptFold, ConstantsFoldThroughEvalPure) {
  EXPECT_EQ(apply(fold,
                  "[i0]\n"
                  "i1 = int_add(3, 4)\n"
                  "i2 = int_mul(i1, 6)\n"
                  "i3 = int_lshift(1, 65)\n"          // counts mod 64
                  "i4 = int_sub(-9223372036854775808, 1)\n"  // wraps
                  "f5 = cast_int_to_float(i3)\n"
                  "i6 = uint_lt(-1, 3)\n"
                  "finish(i2, i3, i4, f5, i6)\n"),
            "[i0]\n"
            "finish(42, 2, 9223372036854775807, 2.0, 0)\n");
}

TEST(JitOptFold, IdentitiesOfFoldDef) {
  EXPECT_EQ(apply(fold,
                  "[i0, i1, p2]\n"
                  "i3 = int_add(i0, 0)\n"
                  "i4 = int_add(0, i1)\n"
                  "i5 = int_sub(i3, 0)\n"
                  "i6 = int_mul(i4, 1)\n"
                  "i7 = int_mul(i0, 0)\n"
                  "i8 = int_and(i0, 0)\n"
                  "i9 = int_or(i0, 0)\n"
                  "i10 = int_xor(i1, 0)\n"
                  "i11 = int_xor(i1, i1)\n"
                  "i12 = int_sub(i0, i0)\n"
                  "i13 = int_lshift(i0, 64)\n"
                  "i14 = int_rshift(i0, 0)\n"
                  "i15 = int_urshift(0, i1)\n"
                  "i16 = int_lt(i0, i0)\n"
                  "i17 = int_ge(i1, i1)\n"
                  "i18 = ptr_eq(p2, p2)\n"
                  "i19 = int_and(i0, -1)\n"
                  "i20 = int_or(i1, -1)\n"
                  "finish(i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19, i20)\n"),
            "[i0, i1, p2]\n"
            "finish(i0, i1, 0, 0, i0, i1, 0, 0, i0, i0, 0, 0, 1, 1, i0, -1)\n");
}

TEST(JitOptFold, FloatCompareWithItselfIsNotFolded) {
  // NaN != NaN: float_eq(x, x) is not 1, so no rule may fold it.
  EXPECT_EQ(apply(fold,
                  "[f0]\n"
                  "i1 = float_eq(f0, f0)\n"
                  "f2 = float_neg(f0)\n"
                  "f3 = float_neg(f2)\n"
                  "finish(i1, f3)\n"),
            "[f0]\n"
            "i1 = float_eq(f0, f0)\n"
            "f2 = float_neg(f0)\n"
            "finish(i1, f0)\n");
}

TEST(JitOptFold, FloatComparesAreNotNegated) {
  // int_is_zero(float_lt(a, b)) is not float_ge(a, b): both are 0 on NaN.
  const char* text =
      "[f0, f1]\n"
      "i2 = float_lt(f0, f1)\n"
      "i3 = int_is_zero(i2)\n"
      "finish(i3)\n";
  EXPECT_EQ(apply(fold, text), print_trace(parse_ok(text)));
}

TEST(JitOptFold, FloatConstantsStayOnTheirSide) {
  // float_add(nan, x) keeps its order: with x a NaN too, the result is the
  // first operand's NaN (see JitOptCse.FloatAddOperandsAreNotSwapped).
  const char* text =
      "[f0]\n"
      "f1 = float_add(nan, f0)\n"
      "finish(f1)\n";
  EXPECT_EQ(apply(fold, text), print_trace(parse_ok(text)));
}

TEST(JitOptFold, DoubleNegationAndTruthOfCompares) {
  EXPECT_EQ(fold_dce(parse_ok("[i0, i1]\n"
                              "i2 = int_neg(i0)\n"
                              "i3 = int_neg(i2)\n"
                              "i4 = int_invert(i1)\n"
                              "i5 = int_invert(i4)\n"
                              "i6 = int_lt(i3, i5)\n"
                              "i7 = int_is_true(i6)\n"
                              "i8 = int_is_zero(i6)\n"
                              "i9 = int_is_zero(i0)\n"
                              "i10 = int_is_zero(i9)\n"
                              "finish(i7, i8, i10)\n")),
            "[i0, i1]\n"
            "i2 = int_lt(i0, i1)\n"
            "i3 = int_ge(i0, i1)\n"
            "i4 = int_is_true(i0)\n"
            "finish(i2, i3, i4)\n");
}

TEST(JitOptFold, ConstantChainsReassociate) {
  // BF's pointer moves: (p - 5) + 5 is p again; x - c becomes x + -c.
  EXPECT_EQ(fold_dce(parse_ok("[i0]\n"
                              "i1 = int_add(i0, -5)\n"
                              "i2 = int_add(i1, 5)\n"
                              "i3 = int_sub(i0, 3)\n"
                              "i4 = int_add(i3, 10)\n"
                              "i5 = int_sub(i4, 2)\n"
                              "i6 = int_and(i0, 255)\n"
                              "i7 = int_and(i6, 15)\n"
                              "finish(i2, i5, i7)\n")),
            "[i0]\n"
            "i1 = int_add(i0, 5)\n"
            "i2 = int_and(i0, 15)\n"
            "finish(i0, i1, i2)\n");
}

TEST(JitOptFold, DifferencesOfOneValuePlusConstants) {
  // (x + 7) - (x + 2) is 5, x - (x - 1) is 1, (x - 3) - x is -3; a
  // difference of two unrelated values stays.
  EXPECT_EQ(fold_dce(parse_ok("[i0, i1]\n"
                              "i2 = int_add(i0, 7)\n"
                              "i3 = int_add(i0, 2)\n"
                              "i4 = int_sub(i2, i3)\n"
                              "i5 = int_add(i0, -1)\n"
                              "i6 = int_sub(i0, i5)\n"
                              "i7 = int_sub(i0, 3)\n"
                              "i8 = int_sub(i7, i0)\n"
                              "i9 = int_sub(i2, i1)\n"
                              "finish(i4, i6, i8, i9)\n")),
            "[i0, i1]\n"
            "i2 = int_add(i0, 7)\n"
            "i3 = int_sub(i2, i1)\n"
            "finish(5, 1, -3, i3)\n");
}

TEST(JitOptFold, GuardsOnConstants) {
  // A guard that holds goes; one that provably fails becomes
  // guard_always_fails with its snapshot (the code after it is dead, but
  // stays valid IR), so the exit is taken exactly as before.
  EXPECT_EQ(apply(fold,
                  "[i0]\n"
                  "i1 = int_lt(1, 2)\n"
                  "guard_true(i1) [0@1/1: 0=i0]\n"
                  "guard_false(0) [0@2/1: 0=i0]\n"
                  "guard_value(7, 7) [0@3/1: 0=i0]\n"
                  "guard_nonnull(ConstPtr(0x10)) [0@4/1: 0=i0]\n"
                  "guard_value(i0, 3) [0@5/1: 0=i0]\n"
                  "guard_true(i1) [0@5/1: 0=i0]\n"
                  "i2 = int_gt(1, 2)\n"
                  "guard_true(i2) [0@6/1: 0=i0]\n"
                  "finish(i0)\n"),
            "[i0]\n"
            "guard_value(i0, 3) [0@5/1: 0=i0]\n"
            "guard_always_fails() [0@6/1: 0=i0]\n"
            "finish(i0)\n");
}

TEST(JitOptFold, OverflowOpsThatCannotOverflowBecomeValues) {
  EXPECT_EQ(apply(fold,
                  "[i0]\n"
                  "i1 = int_add_ovf(2, 3)\n"
                  "guard_no_overflow() [0@1/1: 0=i0]\n"
                  "i2 = int_mul_ovf(i0, 1)\n"
                  "guard_no_overflow() [0@2/1: 0=i0]\n"
                  "i3 = int_sub_ovf(i0, 0)\n"
                  "guard_overflow() [0@3/1: 0=i0]\n"
                  "i4 = int_add_ovf(9223372036854775807, 1)\n"
                  "guard_no_overflow() [0@4/1: 0=i0]\n"
                  "i5 = int_add_ovf(i0, i1)\n"
                  "guard_no_overflow() [0@5/1: 0=i0]\n"
                  "finish(i1, i2, i3, i4, i5)\n"),
            "[i0]\n"
            "guard_always_fails() [0@3/1: 0=i0]\n"
            "guard_always_fails() [0@4/1: 0=i0]\n"
            "i1 = int_add_ovf(i0, 5)\n"
            "guard_no_overflow() [0@5/1: 0=i0]\n"
            "finish(5, i0, i0, -9223372036854775808, i1)\n");
}

TEST(JitOptFold, LabelOperandsStayDistinctValues) {
  // i1 folds to i0, yet the label needs two values: a same_as keeps them
  // apart, since the jump gives them different values on each iteration.
  EXPECT_EQ(apply(fold,
                  "[i0]\n"
                  "i1 = int_add(i0, 0)\n"
                  "label(i0, i1)\n"
                  "i2 = int_add(i1, 1)\n"
                  "jump(i2, i0)\n"),
            "[i0]\n"
            "i1 = same_as(i0)\n"
            "label(i0, i1)\n"
            "i2 = int_add(i1, 1)\n"
            "jump(i2, i0)\n");
}

// Every rule of fold.def, through the pass, against the interpreter: each
// op with each edge constant on either side, with itself, of itself, and
// in a chain, run on edge-case inputs.
TEST(JitOptFold, EveryRuleAgreesWithEvalPure) {
  const char* binary[] = {"int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor",
                          "int_lshift", "int_rshift", "int_urshift", "int_lt", "int_le",
                          "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt", "uint_le",
                          "uint_gt", "uint_ge"};
  const char* unary[] = {"int_neg", "int_invert", "int_is_zero", "int_is_true"};
  const char* consts[] = {"0", "1", "-1", "2", "63", "64", "65", "128", "9223372036854775807",
                          "-9223372036854775808"};
  const int64_t inputs[] = {0, 1, -1, 5, 64, std::numeric_limits<int64_t>::max(),
                            std::numeric_limits<int64_t>::min()};
  std::vector<std::string> bodies;
  for (const char* op : binary) {
    for (const char* c : consts) {
      std::string o(op);
      bodies.push_back("i1 = " + o + "(i0, " + c + ")\ni2 = " + o + "(i1, " + c + ")\n");
      bodies.push_back("i1 = " + o + "(" + c + ", i0)\ni2 = int_is_zero(i1)\n");
      bodies.push_back("i1 = " + o + "(i0, " + c + ")\ni2 = int_is_true(i1)\n");
      for (const char* op2 : binary)
        bodies.push_back("i1 = " + std::string(op2) + "(i0, " + c + ")\ni2 = " + o + "(i1, " + c + ")\n");
    }
    bodies.push_back("i1 = " + std::string(op) + "(i0, i0)\ni2 = int_is_zero(i1)\n");
  }
  for (const char* u : unary)
    for (const char* u2 : unary) bodies.push_back(std::string("i1 = ") + u2 + "(i0)\ni2 = " + u + "(i1)\n");
  for (const std::string& body : bodies) {
    Trace t = parse_ok("[i0]\n" + body + "finish(i1, i2)\n");
    Trace f = fold(t);
    ASSERT_TRUE(verify(f).ok()) << body;
    for (int64_t x : inputs) {
      uint64_t in[1] = {static_cast<uint64_t>(x)};
      testing::expect_same_run(t, f, {in[0]}, {}, 0, body + "x=" + std::to_string(x) + "\n" + print_trace(f));
    }
    if (HasFailure()) return;
  }
}

TEST(JitOptFold, RandomTracesRunAlike) {
  testing::expect_pass_preserves_random_traces(fold, 300, true);
  testing::expect_pass_preserves_random_traces(fold, 300, false);
  testing::expect_pass_preserves_random_traces([](const Trace& t) { return dce(fold(t)); }, 300, true);
}

}  // namespace
}  // namespace pyrite::jit::opt
