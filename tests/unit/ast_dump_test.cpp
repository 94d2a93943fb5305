// Unit tests for ast.dump's constant reprs and node printing (docs/frontend.md).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "base/arena.h"
#include "python/parse/ast.h"

namespace pyrite::python::ast {
namespace {

TEST(AstRepr, FloatUsesFixedNotationBetween1eMinus4And1e16) {
  EXPECT_EQ(repr_float(0.0), "0.0");
  EXPECT_EQ(repr_float(-0.0), "-0.0");
  EXPECT_EQ(repr_float(1.0), "1.0");
  EXPECT_EQ(repr_float(1.5), "1.5");
  EXPECT_EQ(repr_float(0.1), "0.1");
  EXPECT_EQ(repr_float(0.0001), "0.0001");
  EXPECT_EQ(repr_float(0.00001), "1e-05");
  EXPECT_EQ(repr_float(1e15), "1000000000000000.0");
  EXPECT_EQ(repr_float(1e16), "1e+16");
  EXPECT_EQ(repr_float(1.5e16), "1.5e+16");
  EXPECT_EQ(repr_float(123456789.125), "123456789.125");
  EXPECT_EQ(repr_float(1e300 * 10), "1e+301");
  EXPECT_EQ(repr_float(5e-324), "5e-324");
  EXPECT_EQ(repr_float(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(repr_float(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(repr_float(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(repr_float(std::nan("")), "nan");
  EXPECT_EQ(repr_float(0.1 + 0.2), "0.30000000000000004");
}

TEST(AstRepr, ComplexDropsTheDotZero) {
  ConstValue v;
  v.kind = ConstKind::Complex;
  v.f = 1.0;
  EXPECT_EQ(repr_constant(v), "1j");
  v.f = 2.5;
  EXPECT_EQ(repr_constant(v), "2.5j");
  v.f = 1e16;
  EXPECT_EQ(repr_constant(v), "1e+16j");
  v.f = std::numeric_limits<double>::infinity();
  EXPECT_EQ(repr_constant(v), "infj");
}

TEST(AstRepr, StrChoosesQuotesLikePython) {
  EXPECT_EQ(repr_str("abc"), "'abc'");
  EXPECT_EQ(repr_str("it's"), "\"it's\"");
  EXPECT_EQ(repr_str("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(repr_str("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(repr_str("tab\tnl\ncr\r\\"), "'tab\\tnl\\ncr\\r\\\\'");
  EXPECT_EQ(repr_str(std::string_view("\x00\x1f\x7f", 3)), "'\\x00\\x1f\\x7f'");
}

TEST(AstRepr, StrEscapesNonPrintableUnicode) {
  EXPECT_EQ(repr_str("\xc3\xa9"), "'\xc3\xa9'");                  // é printable
  EXPECT_EQ(repr_str("\xc2\xa0"), "'\\xa0'");                      // NBSP is Zs
  EXPECT_EQ(repr_str("\xe2\x80\xa8"), "'\\u2028'");                // line separator
  EXPECT_EQ(repr_str("\xed\xa0\x80"), "'\\ud800'");                // lone surrogate
  EXPECT_EQ(repr_str("\xf3\xa0\x80\x81"), "'\\U000e0001'");         // tag: Cf
  EXPECT_EQ(repr_str("\xf0\x9f\x98\x80"), "'\xf0\x9f\x98\x80'");   // emoji printable
}

TEST(AstRepr, Bytes) {
  EXPECT_EQ(repr_bytes("abc"), "b'abc'");
  EXPECT_EQ(repr_bytes("'"), "b\"'\"");
  EXPECT_EQ(repr_bytes(std::string_view("\x00\xff\n", 3)), "b'\\x00\\xff\\n'");
}

TEST(AstDump, OptionalFieldsThatAreNoneAreLeftOut) {
  base::Arena arena;
  auto* ret = make<Return>(arena, 1, 0, 1, 6);
  auto* mod = arena.make<Module>();
  StmtNode** body = arena.make_array<StmtNode*>(1);
  body[0] = ret;
  mod->body = {body, 1};
  EXPECT_EQ(dump(mod), "Module(body=[Return()], type_ignores=[])");
  EXPECT_EQ(dump(ret, true), "Return(lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)");
}

TEST(AstDump, EnumsAndIdentifiers) {
  base::Arena arena;
  auto* a = make<Name>(arena, 1, 0, 1, 1);
  a->id = "a";
  a->ctx = ExprContext::Load;
  auto* one = make<Constant>(arena, 1, 4, 1, 5);
  one->value.kind = ConstKind::Int;
  one->value.i = 1;
  auto* bin = make<BinOp>(arena, 1, 0, 1, 5);
  bin->left = a;
  bin->op = Operator::Add;
  bin->right = one;
  EXPECT_EQ(dump(bin), "BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Constant(value=1))");
}

}  // namespace
}  // namespace pyrite::python::ast
