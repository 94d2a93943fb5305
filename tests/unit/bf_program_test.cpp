// BF parsing (docs/bf.md, "Parsing"): run-length folding, bracket targets,
// and named errors for unmatched brackets.
#include <gtest/gtest.h>

#include "langs/bf/program.h"

namespace pyrite::langs::bf {
namespace {

TEST(BfProgram, FoldsRunsAndMatchesBrackets) {
  BfParseError e;
  auto p = parse_program("+++-- comment -\n>>a<[->+<]. ,", &e);
  ASSERT_TRUE(p.has_value()) << e.message;
  const auto& c = p->code;
  ASSERT_EQ(c.size(), 10u);
  // "+++-- -" nets to 0 and disappears; ">><" nets to 1.
  EXPECT_EQ(c[0].op, BfOp::kMove);
  EXPECT_EQ(c[0].arg, 1);
  EXPECT_EQ(c[1].op, BfOp::kJz);
  EXPECT_EQ(c[1].arg, 7);  // just past the ']'
  EXPECT_EQ(c[2].op, BfOp::kAdd);
  EXPECT_EQ(c[2].arg, 255);
  EXPECT_EQ(c[3].arg, 1);
  EXPECT_EQ(c[4].arg, 1);
  EXPECT_EQ(c[5].arg, -1);
  EXPECT_EQ(c[6].op, BfOp::kJnz);
  EXPECT_EQ(c[6].arg, 2);  // the body's first instruction
  EXPECT_EQ(c[7].op, BfOp::kOut);
  EXPECT_EQ(c[8].op, BfOp::kIn);
  EXPECT_EQ(c[9].op, BfOp::kEnd);
  EXPECT_EQ(c[1].line, 2u);
  EXPECT_EQ(c[1].column, 5u);
}

TEST(BfProgram, UnmatchedBracketsAreNamedErrors) {
  BfParseError e;
  EXPECT_FALSE(parse_program("+\n+]", &e).has_value());
  EXPECT_EQ(e.message, "']' without a matching '['");
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 2u);
  EXPECT_FALSE(parse_program("[[]", &e).has_value());
  EXPECT_EQ(e.message, "'[' without a matching ']'");
  EXPECT_EQ(e.column, 1u);
}

}  // namespace
}  // namespace pyrite::langs::bf
