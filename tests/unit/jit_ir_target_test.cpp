// Jumps between traces (docs/jit.md, "Loops, labels and targets"): a label
// with a target descriptor can be entered from another trace's jump, as a
// bridge enters its loop; the verifier keeps such labels enterable.
#include <gtest/gtest.h>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

// A peeled loop: the preamble computes an invariant (i3) once and passes
// it through the label, which carries the target `loop`.
const char* kLoop =
    "descr loop = target(args=(i, i, i))\n"
    "[i0, i1]\n"
    "i2 = int_mul(i1, 3)\n"
    "label(i0, i1, i2, descr=loop)\n"
    "i3 = int_add(i0, i2)\n"
    "i4 = int_lt(i3, 1000)\n"
    "guard_true(i4) [0@4/2: 0=i3 1=i1]\n"
    "jump(i3, i1, i2, descr=loop)\n";

// A bridge from that guard: starts with the guard's values, takes another
// path and jumps back into the loop at its label.
const char* kBridge =
    "descr loop = target(args=(i, i, i))\n"
    "[i0, i1]\n"
    "i2 = int_sub(i0, 900)\n"
    "i3 = int_add(i1, 1)\n"
    "i4 = int_mul(i3, 3)\n"
    "jump(i2, i3, i4, descr=loop)\n";

TEST(JitIrTarget, TextRoundTrips) {
  ParseResult r = parse_trace(kLoop);
  ASSERT_TRUE(r.ok()) << r.error.to_string();
  EXPECT_EQ(print_trace(*r.trace), kLoop);
  EXPECT_TRUE(verify(*r.trace).ok()) << verify(*r.trace).to_string();
  EXPECT_EQ(r.trace->label_of(r.trace->descrs().find("loop")), 3u);
}

TEST(JitIrTarget, BridgeJumpsIntoTheLoop) {
  auto descrs = std::make_shared<DescrTable>();
  ParseResult loop = parse_trace(kLoop, nullptr, descrs);
  ParseResult bridge = parse_trace(kBridge, nullptr, descrs);  // the same table: the same target
  ASSERT_TRUE(loop.ok() && bridge.ok());
  ASSERT_TRUE(verify(*bridge.trace).ok()) << verify(*bridge.trace).to_string();

  uint64_t in[] = {0, 5};
  Exit e = run_trace(*loop.trace, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(e.frames[0].slots[0].value.as_int(), 1005);  // 67 steps of 15
  EXPECT_EQ(e.jumps, 66u);

  // The bridge runs from the guard's values and leaves for the loop.
  uint64_t from_guard[] = {e.frames[0].slots[0].value.bits, e.frames[0].slots[1].value.bits};
  Exit b = run_trace(*bridge.trace, from_guard);
  ASSERT_EQ(b.kind, ExitKind::kJumpOut);
  EXPECT_EQ(b.target, descrs->find("loop"));
  std::vector<uint64_t> values;
  for (const ExitValue& v : b.values) values.push_back(v.bits);
  EXPECT_EQ(values, (std::vector<uint64_t>{105, 6, 18}));

  // The loop continues at its label with the bridge's values.
  Exit again = run_trace_at(*loop.trace, *loop.trace->label_of(b.target), values);
  ASSERT_EQ(again.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(again.frames[0].slots[0].value.as_int(), 1005);  // 105 + 50 * 18
  EXPECT_EQ(again.frames[0].slots[1].value.as_int(), 6);
}

VerifyErrorCode code(const std::string& text) {
  ParseResult r = parse_trace(text);
  EXPECT_TRUE(r.ok()) << r.error.to_string();
  return r.ok() ? verify(*r.trace).code : VerifyErrorCode::kOk;
}

TEST(JitIrTarget, VerifierRules) {
  const std::string decls =
      "descr loop = target(args=(i, i))\n"
      "descr other = target(args=(i, i))\n"
      "descr fld = field(offset=0, type=i, size=8)\n";
  EXPECT_EQ(code(decls + "[i0, i1]\nlabel(i0, i1, descr=loop)\njump(i0, i1, descr=loop)\n"),
            VerifyErrorCode::kOk);
  EXPECT_EQ(code(decls + "[i0, i1]\nlabel(i0, i1, descr=loop)\njump(i0, i1, descr=other)\n"),
            VerifyErrorCode::kOk);  // another trace's loop: a jump out
  // i2 is defined before the label but used after it.
  EXPECT_EQ(code(decls + "[i0, i1]\ni2 = int_add(i0, 1)\nlabel(i0, i1, descr=loop)\n"
                         "i3 = int_add(i2, i0)\njump(i3, i1, descr=loop)\n"),
            VerifyErrorCode::kCrossesLabel);
  EXPECT_EQ(code(decls + "[i0, i1]\nlabel(i0)\nguard_true(i0) [0@0/2: 1=i1]\njump(i0)\n"),
            VerifyErrorCode::kCrossesLabel);
  EXPECT_EQ(code(decls + "[i0, i1]\nlabel(i0, i1, descr=loop)\nlabel(i0, i1, descr=loop)\njump(i0, i1)\n"),
            VerifyErrorCode::kTargetTwice);
  EXPECT_EQ(code(decls + "[i0, p1]\nlabel(i0, p1, descr=loop)\njump(i0, p1)\n"),
            VerifyErrorCode::kDescrType);
  EXPECT_EQ(code(decls + "[i0, i1]\njump(i0, descr=loop)\n"), VerifyErrorCode::kJumpArity);
  EXPECT_EQ(code(decls + "[i0, f1]\njump(i0, f1, descr=loop)\n"), VerifyErrorCode::kJumpType);
  EXPECT_EQ(code(decls + "[i0, i1]\njump(i0, i1, descr=fld)\n"), VerifyErrorCode::kDescrKind);
  EXPECT_EQ(code(decls + "[i0, i1]\ni2 = int_add(i0, 1, descr=loop)\nfinish()\n"),
            VerifyErrorCode::kUnexpectedDescr);
}

}  // namespace
}  // namespace pyrite::jit::ir
