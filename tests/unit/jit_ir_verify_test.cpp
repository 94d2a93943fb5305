// Trace IR verifier (docs/jit.md, "Verifier"): each named error is found on
// a trace written to break exactly that rule, and well-formed traces pass.
#include <gtest/gtest.h>

#include <set>

#include "jit/ir/ir.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

const char* kDescrs =
    "descr fi = field(offset=8, type=i, size=8, signed)\n"
    "descr ff = field(offset=16, type=f, size=8)\n"
    "descr ai = array(offset=16, type=i, size=8, signed, length=8)\n"
    "descr raw = array(offset=0, type=i, size=1, unsigned)\n"
    "descr sz = size(size=16)\n"
    "descr c2 = call(fn=0x1000, args=(i, f), result=i, effects=(reads))\n";

VerifyError verify_text(const std::string& body) {
  ParseResult r = parse_trace(std::string(kDescrs) + body);
  EXPECT_TRUE(r.ok()) << r.error.to_string() << "\n" << body;
  if (!r.ok()) return VerifyError{VerifyErrorCode::kBadRef, -1, "parse failed"};
  return verify(*r.trace);
}

VerifyErrorCode code(const std::string& body) { return verify_text(body).code; }

TEST(JitIrVerify, WellFormedTracesPass) {
  EXPECT_EQ(code("[i0, p1]\n"
                 "label(i0, p1)\n"
                 "i2 = getfield_gc_i(p1, descr=fi)\n"
                 "i3 = int_add_ovf(i0, i2)\n"
                 "guard_no_overflow() [0@0/2: 0=i0 1=p1]\n"
                 "f4 = getfield_gc_f(p1, descr=ff)\n"
                 "i5 = call_i(i3, f4, descr=c2)\n"
                 "setarrayitem_gc(p1, 0, i5, descr=ai)\n"
                 "i6 = getarrayitem_raw_i(i5, 3, descr=raw)\n"
                 "guard_value(i6, 7) [0@0/2: 0=i3]\n"
                 "p7 = new(descr=sz)\n"
                 "p8 = same_as(p7)\n"
                 "debug_merge_point(0, 4)\n"
                 "jump(i3, p8)\n"),
            VerifyErrorCode::kOk);
}

TEST(JitIrVerify, EachNamedError) {
  struct Case {
    VerifyErrorCode code;
    const char* body;
  } cases[] = {
      {VerifyErrorCode::kArity, "[i0]\ni1 = int_add(i0)\nfinish()\n"},
      {VerifyErrorCode::kOperandType, "[i0, f1]\ni2 = int_add(i0, f1)\nfinish()\n"},
      {VerifyErrorCode::kOperandType, "[i0, p1]\ni2 = int_lt(i0, 1.5)\nfinish()\n"},
      {VerifyErrorCode::kOperandType, "[p0]\nsetfield_gc(p0, 1.5, descr=fi)\nfinish()\n"},
      {VerifyErrorCode::kOperandType, "[i0, f1]\nguard_value(i0, 1.5) [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kResultType, "[i0]\ni1 = same_as(i0)\nf2 = same_as(i1)\nfinish()\n"},
      {VerifyErrorCode::kMissingDescr, "[p0]\ni1 = getfield_gc_i(p0)\nfinish()\n"},
      {VerifyErrorCode::kUnexpectedDescr, "[i0]\ni1 = int_add(i0, 1, descr=fi)\nfinish()\n"},
      {VerifyErrorCode::kDescrKind, "[p0]\ni1 = getfield_gc_i(p0, descr=ai)\nfinish()\n"},
      {VerifyErrorCode::kDescrType, "[p0]\ni1 = getfield_gc_i(p0, descr=ff)\nfinish()\n"},
      {VerifyErrorCode::kDescrType, "[p0]\nguard_class(p0, 1.5, descr=ff) [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kOperandType, "[p0]\nguard_class(p0, 1.5, descr=fi) [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kDescrType, "[i0]\ni1 = arraylen_gc(ConstPtr(0x10), descr=raw)\nfinish()\n"},
      {VerifyErrorCode::kDescrType, "[i0]\np1 = new_with_vtable(descr=sz)\nfinish()\n"},
      {VerifyErrorCode::kCallSignature, "[i0]\ni1 = call_i(i0, descr=c2)\nfinish()\n"},
      {VerifyErrorCode::kCallSignature, "[i0]\ni1 = call_i(i0, i0, descr=c2)\nfinish()\n"},
      {VerifyErrorCode::kCallSignature, "[i0, f1]\ncall_n(i0, f1, descr=c2)\nfinish()\n"},
      {VerifyErrorCode::kGuardWithoutSnapshot, "[i0]\nguard_true(i0)\nfinish()\n"},
      {VerifyErrorCode::kSnapshotOnNonGuard, "[i0]\ni1 = int_neg(i0) [0@0/1: 0=i0]\nfinish()\n"},
      {VerifyErrorCode::kBadSnapshot, "[i0]\nguard_true(i0) [0@0/1: 1=i0]\nfinish()\n"},
      {VerifyErrorCode::kBadSnapshot, "[i0]\nguard_true(i0) [0@0/1: 0=v0 | v0=new(fi)]\nfinish()\n"},
      {VerifyErrorCode::kBadSnapshot, "[i0]\nguard_true(i0) [0@0/1: 0=v0 | v0=new_array(ai, 2) 5=i0]\nfinish()\n"},
      {VerifyErrorCode::kGuardNotConstant, "[i0, i1]\nguard_value(i0, i1) [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kGuardNotConstant, "[p0, i1]\nguard_class(p0, i1, descr=fi) [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kOvfWithoutGuard, "[i0]\ni1 = int_add_ovf(i0, 1)\nfinish(i1)\n"},
      {VerifyErrorCode::kOverflowGuardWithoutOvf, "[i0]\ni1 = int_add(i0, 1)\nguard_overflow() [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kMayForceWithoutGuard, "[i0, f1]\ni2 = call_may_force_i(i0, f1, descr=c2)\nfinish()\n"},
      {VerifyErrorCode::kNotForcedWithoutCall, "[i0, f1]\ni2 = call_i(i0, f1, descr=c2)\nguard_not_forced() [0@0/1:]\nfinish()\n"},
      {VerifyErrorCode::kNoTerminator, "[i0]\ni1 = int_add(i0, 1)\n"},
      {VerifyErrorCode::kNoTerminator, "[i0]\n"},
      {VerifyErrorCode::kOpAfterTerminator, "[i0]\nfinish()\ni1 = int_add(i0, 1)\nfinish()\n"},
      {VerifyErrorCode::kLabelArg, "[i0]\nlabel(i0, i0)\njump(i0, i0)\n"},
      {VerifyErrorCode::kLabelArg, "[i0]\nlabel(i0, 1)\njump(i0, i0)\n"},
      {VerifyErrorCode::kJumpArity, "[i0, p1]\njump(i0)\n"},
      {VerifyErrorCode::kJumpArity, "[i0, p1]\nlabel(i0)\njump(i0, i0)\n"},
      {VerifyErrorCode::kJumpType, "[i0, p1]\njump(p1, i0)\n"},
      {VerifyErrorCode::kMergePointArg, "[i0]\ndebug_merge_point(i0)\nfinish()\n"},
  };
  std::set<VerifyErrorCode> covered = {
      // built directly below, or in jit_ir_target_test.cpp
      VerifyErrorCode::kOk, VerifyErrorCode::kBadRef, VerifyErrorCode::kUseBeforeDef,
      VerifyErrorCode::kVoidOperand, VerifyErrorCode::kSnapshotUseBeforeDef,
      VerifyErrorCode::kCrossesLabel, VerifyErrorCode::kTargetTwice};
  for (const Case& c : cases) {
    VerifyError e = verify_text(c.body);
    EXPECT_EQ(verify_error_name(e.code), std::string(verify_error_name(c.code))) << c.body << e.to_string();
    covered.insert(c.code);
  }
  // Every named error has a trace that triggers it.
#define PYR_X(name, msg) EXPECT_TRUE(covered.count(VerifyErrorCode::name)) << #name;
  PYR_IR_VERIFY_ERRORS(PYR_X)
#undef PYR_X
}

// Errors the text form cannot express (it names only defined values) are
// built directly.
TEST(JitIrVerify, ErrorsBuiltDirectly) {
  {
    Trace t;
    Builder b(t);
    Ref i0 = b.input(Type::kInt);
    b.int_add(i0, Ref::value(2));  // its own index
    b.int_add(i0, Ref::value(3));  // a later op
    b.finish();
    EXPECT_EQ(verify(t).code, VerifyErrorCode::kUseBeforeDef);
    EXPECT_EQ(verify(t).op, 1);
  }
  {
    Trace t;
    Builder b(t);
    Ref i0 = b.input(Type::kInt);
    SnapshotBuilder sb;
    sb.push_frame(0, 0, 2);
    sb.set(0, Ref::value(2));
    b.guard_true(i0, t.add_snapshot(sb));
    b.int_neg(i0);
    b.finish();
    EXPECT_EQ(verify(t).code, VerifyErrorCode::kSnapshotUseBeforeDef);
  }
  {
    Trace t;
    Builder b(t);
    DescrId sz = t.descrs().add_or_die(size_descr("sz", 16));
    DescrId fi = t.descrs().add_or_die(field_descr("fi", 8, Type::kInt));
    Ref i0 = b.input(Type::kInt);
    VirtualField f{fi, 0, Ref::value(2)};
    Ref v = t.snapshots().add_virtual(sz, false, 0, std::span<const VirtualField>(&f, 1));
    SnapshotBuilder sb;
    sb.push_frame(0, 0, 1);
    sb.set(0, v);
    b.guard_true(i0, t.add_snapshot(sb));
    b.int_neg(i0);
    b.finish();
    EXPECT_EQ(verify(t).code, VerifyErrorCode::kSnapshotUseBeforeDef);
  }
  {
    Trace t;
    Builder b(t);
    Ref i0 = b.input(Type::kInt);
    SnapshotBuilder sb;
    sb.push_frame(0, 0, 1);
    Ref g = b.guard_true(i0, t.add_snapshot(sb));  // a void op's "value"
    b.finish(g);
    EXPECT_EQ(verify(t).code, VerifyErrorCode::kVoidOperand);
    EXPECT_EQ(verify(t).op, 2);
  }
  {
    Trace t;
    Builder b(t);
    Ref i0 = b.input(Type::kInt);
    b.finish(Ref::constant(99));
    (void)i0;
    EXPECT_EQ(verify(t).code, VerifyErrorCode::kBadRef);
  }
}

TEST(JitIrVerify, InputAfterOpsIsACheckFailure) {
  Trace t;
  Builder b(t);
  b.input(Type::kInt);
  b.finish();
  EXPECT_DEATH(t.add_input(Type::kInt), "inputargs come before");
}

TEST(JitIrVerify, ErrorTextNamesTheOp) {
  VerifyError e = verify_text("[i0, f1]\ni2 = int_add(i0, f1)\nfinish()\n");
  EXPECT_EQ(e.to_string(),
            "kOperandType: operand type does not match the op's signature at op 2: "
            "i2 = int_add(i0, f1) (operand 1)");
}

}  // namespace
}  // namespace pyrite::jit::ir
