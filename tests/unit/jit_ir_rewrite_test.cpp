// Rewriter (docs/jit.md, "Passes"): the identity rewrite reproduces a trace,
// and a toy folding pass written on it reads as before/after text, the way
// every optimizer test will.
#include <gtest/gtest.h>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_random.h"
#include "jit/ir/ir_rewrite.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

// Folds pure ops whose operands are all constants (through eval_pure, the
// interpreter's own semantics) and forwards same_as to its operand.
Trace fold_constants(const Trace& src) {
  Rewriter rw(src);
  for (uint32_t i = src.num_inputs(); i < src.num_ops(); i++) {
    const Op& op = src.op(i);
    auto args = src.args(op);
    if (op.opcode == Opcode::kSameAs) {
      rw.forward(i, rw.map(args[0]));
      continue;
    }
    bool all_const = (op_effects(op.opcode) & effect::kPure) && !args.empty() && args.size() <= 2;
    uint64_t x[2] = {};
    for (size_t k = 0; all_const && k < args.size(); k++) {
      Ref m = rw.map(args[k]);
      all_const = m.is_const();
      if (all_const) x[k] = rw.out().constant(m).bits;
    }
    uint64_t r;
    bool ovf;
    if (all_const && eval_pure(op.opcode, x, &r, &ovf)) {
      rw.forward(i, rw.out().intern(op.type, r));
      continue;
    }
    rw.copy(i);
  }
  return rw.take();
}

std::string run_pass(const char* text) {
  ParseResult r = parse_trace(text);
  EXPECT_TRUE(r.ok()) << r.error.to_string();
  Trace out = fold_constants(*r.trace);
  EXPECT_TRUE(verify(out).ok()) << verify(out).to_string();
  return print_trace(out);
}

TEST(JitIrRewrite, IdentityRewriteReproducesTheTrace) {
  const char* text =
      "descr p = size(size=16)\n"
      "descr f = field(offset=8, type=i, size=8, signed)\n"
      "[i0, p1]\n"
      "label(i0, p1)\n"
      "i2 = int_add_ovf(i0, 1)\n"
      "guard_no_overflow() [0@1/3: 0=i0 1=v0 | v0=new(p) f=v1 | v1=new(p) f=v0]\n"
      "i3 = int_lt(i2, 10)\n"
      "guard_true(i3) [0@1/3: 0=i0 1=v0 | v0=new(p) f=v1 | v1=new(p) f=v0]\n"
      "jump(i2, p1)\n";
  ParseResult r = parse_trace(text);
  ASSERT_TRUE(r.ok());
  Trace copy = copy_trace(*r.trace);
  EXPECT_EQ(print_trace(copy), text);
  EXPECT_EQ(copy.op(3).snapshot, copy.op(5).snapshot);  // still shared
  EXPECT_EQ(copy.shared_descrs(), r.trace->shared_descrs());
  for (uint64_t seed = 1; seed <= 100; seed++) {
    Trace t = random_trace(seed);
    ASSERT_EQ(print_trace(copy_trace(t)), print_trace(t)) << "seed " << seed;
  }
}

TEST(JitIrRewrite, ToyFoldPassBeforeAfter) {
  EXPECT_EQ(run_pass("[i0]\n"
                     "i1 = int_add(3, 4)\n"
                     "i2 = int_mul(i1, 6)\n"
                     "i3 = same_as(i0)\n"
                     "i4 = int_add(i3, i2)\n"
                     "i5 = int_lshift(1, 65)\n"
                     "f6 = cast_int_to_float(i5)\n"
                     "i7 = int_lt(i4, i5)\n"
                     "guard_true(i7) [0@0/3: 0=i2 1=i3 2=f6]\n"
                     "finish(i4, f6)\n"),
            "[i0]\n"
            "i1 = int_add(i0, 42)\n"
            "i2 = int_lt(i1, 2)\n"
            "guard_true(i2) [0@0/3: 0=42 1=i0 2=2.0]\n"
            "finish(i1, 2.0)\n");
}

TEST(JitIrRewrite, ForwardAfterAGuardReachesLaterSnapshots) {
  // What a pass does after guard_value(i0, 5): i0 is 5 from then on.
  ParseResult r = parse_trace(
      "[i0]\n"
      "guard_value(i0, 5) [0@0/1: 0=i0]\n"
      "guard_true(i0) [0@0/1: 0=i0]\n"
      "finish(i0)\n");
  ASSERT_TRUE(r.ok());
  Rewriter rw(*r.trace);
  rw.copy(1);
  rw.forward(0, rw.out().const_int(5));
  rw.copy_rest();
  EXPECT_EQ(print_trace(rw.take()),
            "[i0]\n"
            "guard_value(i0, 5) [0@0/1: 0=i0]\n"
            "guard_true(5) [0@0/1: 0=5]\n"
            "finish(5)\n");
}

}  // namespace
}  // namespace pyrite::jit::ir
