// Trace IR text form (docs/jit.md, "Text form"): the builder's traces print
// as expected, parse(print(t)) prints the same, and every parse error has a name.
#include <gtest/gtest.h>

#include <string>

#include "jit/ir/ir.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

std::string roundtrip(std::string_view text, const Symbols* symbols = nullptr) {
  ParseResult r = parse_trace(text, symbols);
  EXPECT_TRUE(r.ok()) << r.error.to_string();
  if (!r.ok()) return "";
  PrintOptions o;
  o.symbols = symbols;
  return print_trace(*r.trace, o);
}

ParseErrorCode parse_error(std::string_view text, const Symbols* symbols = nullptr) {
  return parse_trace(text, symbols).error.code;
}

TEST(JitIrText, BuilderTracePrints) {
  Trace t;
  Builder b(t);
  Ref i0 = b.input(Type::kInt);
  Ref p1 = b.input(Type::kRef);
  SnapshotBuilder sb;
  sb.push_frame(0, 17, 3);
  sb.set(0, i0);
  sb.set(2, p1);
  b.set_snapshot(t.add_snapshot(sb));
  Ref i2 = b.int_add_ovf(i0, 1);
  b.guard_no_overflow();
  Ref i3 = b.int_lt(i2, 100);
  b.guard_true(i3);
  b.jump(i2, p1);
  EXPECT_EQ(print_trace(t),
            "[i0, p1]\n"
            "i2 = int_add_ovf(i0, 1)\n"
            "guard_no_overflow() [0@17/3: 0=i0 2=p1]\n"
            "i3 = int_lt(i2, 100)\n"
            "guard_true(i3) [0@17/3: 0=i0 2=p1]\n"
            "jump(i2, p1)\n");
  EXPECT_TRUE(verify(t).ok()) << verify(t).to_string();
  // Both guards share one snapshot.
  EXPECT_EQ(t.op(3).snapshot, t.op(5).snapshot);
  EXPECT_EQ(t.snapshots().num_snapshots(), 1u);
}

// Trace::truncate (a bridge cut back to its first summarized loop,
// docs/jit.md "Loop summaries"): the ops from the cut on go with their
// operands, what is emitted next follows the kept ops, inputs stay.
TEST(JitIrText, TruncateDropsTheTail) {
  Trace t;
  Builder b(t);
  Ref i0 = b.input(Type::kInt);
  Ref i1 = b.int_add(i0, 1);
  uint32_t cut = t.num_ops();
  Ref i2 = b.int_mul(i1, i1);
  b.int_sub(i2, 3);
  t.truncate(cut);
  EXPECT_EQ(t.num_ops(), cut);
  b.int_xor(i1, 5);
  b.finish(i1);
  EXPECT_EQ(print_trace(t), "[i0]\ni1 = int_add(i0, 1)\ni2 = int_xor(i1, 5)\nfinish(i1)\n");
  EXPECT_TRUE(verify(t).ok());
  t.truncate(0);  // not below the inputs
  EXPECT_EQ(t.num_ops(), 1u);
}

TEST(JitIrText, RoundTripLoop) {
  const char* text =
      "[i0, p1]\n"
      "label(i0, p1)\n"
      "debug_merge_point(0, 12)\n"
      "i2 = int_add_ovf(i0, 1)\n"
      "guard_no_overflow() [1@12/4: 0=i0 3=p1]\n"
      "i3 = int_lt(i2, 100)\n"
      "guard_true(i3) [1@14/4: 0=i2 3=p1]\n"
      "jump(i2, p1)\n";
  EXPECT_EQ(roundtrip(text), text);
}

TEST(JitIrText, RoundTripNormalisesNamesAndSpacing) {
  const char* text =
      "# a comment line\n"
      "[i7,   p3]\n"
      "\n"
      "i10 = int_mul(i7,i7)   # trailing comment\n"
      "i11 = int_sub(i10, -5)\n"
      "guard_value(i11, 42) [0@0/1:0=i11]\n"
      "finish(i11, p3)\n";
  EXPECT_EQ(roundtrip(text),
            "[i0, p1]\n"
            "i2 = int_mul(i0, i0)\n"
            "i3 = int_sub(i2, -5)\n"
            "guard_value(i3, 42) [0@0/1: 0=i3]\n"
            "finish(i3, p1)\n");
}

TEST(JitIrText, ConstantsOfEveryType) {
  Symbols syms;
  syms.add("obj", 0x1000);
  const char* text =
      "[f0, p1]\n"
      "f2 = float_add(f0, 1.5)\n"
      "f3 = float_mul(f2, -0.0)\n"
      "f4 = float_add(f3, 1e+100)\n"
      "f5 = float_sub(f4, inf)\n"
      "f6 = float_add(f5, nan)\n"
      "f7 = float_add(f6, float_bits(0x7ff0000000000001))\n"
      "f8 = float_add(f7, 2.0)\n"
      "i9 = ptr_eq(p1, NULL)\n"
      "i10 = ptr_ne(p1, ConstPtr(obj))\n"
      "i11 = int_add(i9, -9223372036854775808)\n"
      "p12 = same_as(ConstPtr(0x2000))\n"
      "finish(f8, i10, i11, p12)\n";
  EXPECT_EQ(roundtrip(text, &syms), text);
  ParseResult r = parse_trace(text, &syms);
  ASSERT_TRUE(r.ok());
  std::vector<uint64_t> roots;
  r.trace->for_each_ref_constant([&](uint64_t a) { roots.push_back(a); });
  EXPECT_EQ(roots, (std::vector<uint64_t>{0x1000, 0x2000}));
}

TEST(JitIrText, ConstantsAreInterned) {
  Trace t;
  EXPECT_EQ(t.const_int(7), t.const_int(7));
  EXPECT_NE(t.const_int(7), t.const_int(8));
  EXPECT_EQ(t.const_float(0.5), t.const_float(0.5));
  EXPECT_NE(t.const_float(0.0), t.const_float(-0.0));
  EXPECT_NE(t.const_int(0), t.const_ref(0));  // same bits, different type
  EXPECT_EQ(t.num_consts(), 7u);
}

TEST(JitIrText, DescriptorsRoundTrip) {
  Symbols syms;
  syms.add("helper", 0x4000);
  syms.add("Point", 0x5000);
  const char* text =
      "descr cls = field(offset=0, type=i, size=8, signed)\n"
      "descr x = field(offset=8, type=f, size=8, immutable)\n"
      "descr next = field(offset=16, type=r, size=8, quasi_immutable)\n"
      "descr tape = array(offset=0, type=i, size=1, unsigned)\n"
      "descr items = array(offset=16, type=r, size=8, length=8)\n"
      "descr point = size(size=24, class=Point)\n"
      "descr h = call(fn=helper, args=(i, f, r), result=i, size=1, unsigned, effects=(reads, raises))\n"
      "descr g = call(fn=0x4100, args=(), result=v, effects=())\n"
      "[p0, i1]\n"
      "guard_class(p0, 20480, descr=cls) [0@0/0:]\n"
      "f2 = getfield_gc_f(p0, descr=x)\n"
      "quasiimmut_field(p0, descr=next)\n"
      "p3 = getfield_gc_r(p0, descr=next)\n"
      "i4 = getarrayitem_raw_i(i1, 3, descr=tape)\n"
      "setarrayitem_raw(i1, 4, i4, descr=tape)\n"
      "i5 = arraylen_gc(p3, descr=items)\n"
      "p6 = new_with_vtable(descr=point)\n"
      "setfield_gc(p6, f2, descr=x)\n"
      "i7 = call_i(i5, f2, p6, descr=h)\n"
      "guard_no_exception() [0@1/0:]\n"
      "call_n(descr=g)\n"
      "finish(i7)\n";
  EXPECT_EQ(roundtrip(text, &syms), text);
  ParseResult r = parse_trace(text, &syms);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(verify(*r.trace).ok()) << verify(*r.trace).to_string();
  const Descr& h = r.trace->descr(r.trace->descrs().find("h"));
  EXPECT_EQ(h.fn, 0x4000u);
  EXPECT_EQ(h.result_size, 1);
  EXPECT_FALSE(h.result_signed);
  EXPECT_EQ(h.effects, effect::kReadsHeap | effect::kMayRaise);
  // The call's effects are the table's, narrowed by its descriptor.
  EXPECT_EQ(r.trace->effects_of(r.trace->num_ops() - 4), effect::kCall | effect::kReadsHeap | effect::kMayRaise);
}

TEST(JitIrText, PrinterDeclaresOnlyUsedDescriptors) {
  const char* text =
      "descr unused = field(offset=0, type=i, size=8, signed)\n"
      "descr b = field(offset=8, type=i, size=4, unsigned)\n"
      "[p0]\n"
      "i1 = getfield_gc_i(p0, descr=b)\n"
      "finish(i1)\n";
  EXPECT_EQ(roundtrip(text),
            "descr b = field(offset=8, type=i, size=4, unsigned)\n"
            "[p0]\n"
            "i1 = getfield_gc_i(p0, descr=b)\n"
            "finish(i1)\n");
}

TEST(JitIrText, SnapshotsWithFramesAndVirtuals) {
  const char* text =
      "descr point = size(size=24, class=0x5000)\n"
      "descr x = field(offset=8, type=i, size=8, signed)\n"
      "descr next = field(offset=16, type=r, size=8)\n"
      "descr arr = array(offset=16, type=i, size=8, signed, length=8)\n"
      "[i0, p1]\n"
      "i2 = int_add(i0, 1)\n"
      "guard_true(i2) [0@3/5: 0=i0 4=p1 | 7@9/2: 1=v0 | v0=new_with_vtable(point) x=i2 next=v1 | "
      "v1=new(point) x=5 next=v0]\n"
      "guard_false(i2) [0@3/5: 0=v0 | v0=new_array(arr, 3) 0=i2 2=7]\n"
      "finish()\n";
  EXPECT_EQ(roundtrip(text), text);
  ParseResult r = parse_trace(text);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(verify(*r.trace).ok()) << verify(*r.trace).to_string();
  // The outer frame (0@3/5 with the same entries) is shared by no one else
  // here, but equal frames are stored once.
  EXPECT_EQ(r.trace->snapshots().num_snapshots(), 2u);
}

TEST(JitIrText, SnapshotValuesAreTheFailargs) {
  ParseResult r = parse_trace(
      "descr point = size(size=24)\n"
      "descr x = field(offset=8, type=i, size=8, signed)\n"
      "descr next = field(offset=16, type=r, size=8)\n"
      "[i0, p1, f2]\n"
      "i3 = int_add(i0, 1)\n"
      "guard_true(i3) [0@0/4: 0=i3 1=7 2=v0 3=i0 | 1@5/2: 0=i3 | v0=new(point) x=i0 next=v1 | "
      "v1=new(point) next=p1]\n"
      "finish()\n");
  ASSERT_TRUE(r.ok()) << r.error.to_string();
  std::vector<Ref> v = r.trace->snapshot_values(r.trace->op(4).snapshot);
  EXPECT_EQ(v, (std::vector<Ref>{Ref::value(3), Ref::value(0), Ref::value(1)}));
}

TEST(JitIrText, FramesAreSharedBetweenSnapshots) {
  Trace t;
  Builder b(t);
  Ref i0 = b.input(Type::kInt);
  SnapshotBuilder sb;
  sb.push_frame(1, 10, 4);
  sb.set(0, i0);
  sb.push_frame(2, 0, 2);
  SnapshotId s1 = t.add_snapshot(sb);
  sb.set(1, i0);  // the inlined frame changes; its caller does not
  SnapshotId s2 = t.add_snapshot(sb);
  EXPECT_NE(s1, s2);
  EXPECT_EQ(t.snapshots().num_frames(), 3u);
  EXPECT_EQ(t.snapshots().frames_of(s1)[0], t.snapshots().frames_of(s2)[0]);
  EXPECT_EQ(t.add_snapshot(sb), s2);
}

TEST(JitIrText, OpIndexesOption) {
  ParseResult r = parse_trace("[i0]\ni1 = int_neg(i0)\nfinish(i1)\n");
  ASSERT_TRUE(r.ok());
  PrintOptions o;
  o.op_indexes = true;
  EXPECT_EQ(print_trace(*r.trace, o), "[i0]\n1: i1 = int_neg(i0)\n2: finish(i1)\n");
  EXPECT_EQ(print_op(*r.trace, 1), "i1 = int_neg(i0)");
}

TEST(JitIrText, EveryOpNameParses) {
  for (int k = 0; k < kNumOpcodes; k++) {
    Opcode op = static_cast<Opcode>(k);
    ASSERT_EQ(opcode_from_name(op_name(op)), op) << op_name(op);
  }
  EXPECT_EQ(opcode_from_name("int_frobnicate"), std::nullopt);
}

TEST(JitIrText, ParseErrors) {
  EXPECT_EQ(parse_error("[i0]\ni1 = int_frob(i0)\n"), ParseErrorCode::kUnknownOp);
  EXPECT_EQ(parse_error("[i0]\ni1 = int_add(i0, i9)\n"), ParseErrorCode::kUnknownValue);
  EXPECT_EQ(parse_error("[i0]\ni0 = int_add(i0, 1)\n"), ParseErrorCode::kRedefinedValue);
  EXPECT_EQ(parse_error("[i0]\nf1 = int_add(i0, 1)\n"), ParseErrorCode::kResultName);
  EXPECT_EQ(parse_error("[i0]\nint_add(i0, 1)\n"), ParseErrorCode::kResultName);
  EXPECT_EQ(parse_error("[i0]\ni1 = guard_true(i0) [0@0/1:]\n"), ParseErrorCode::kResultName);
  EXPECT_EQ(parse_error("[x0]\n"), ParseErrorCode::kBadValueName);
  EXPECT_EQ(parse_error("[i0]\ni1 = int_add(i0, foo)\n"), ParseErrorCode::kBadValueName);
  EXPECT_EQ(parse_error("[p0]\ni1 = getfield_gc_i(p0, descr=nope)\n"), ParseErrorCode::kUnknownDescr);
  EXPECT_EQ(parse_error("descr a = field(offset=0, type=i, size=3)\n"), ParseErrorCode::kBadDescr);
  EXPECT_EQ(parse_error("descr a = gizmo(offset=0)\n"), ParseErrorCode::kBadDescr);
  EXPECT_EQ(parse_error("descr a = field(offset=0, type=i, size=8)\n"
                        "descr a = field(offset=8, type=i, size=8)\n"),
            ParseErrorCode::kDescrConflict);
  EXPECT_EQ(parse_error("[p0]\ni1 = ptr_eq(p0, ConstPtr(missing))\n"), ParseErrorCode::kUnknownSymbol);
  EXPECT_EQ(parse_error("[i0]\ni1 = int_add(i0, 99999999999999999999)\n"), ParseErrorCode::kBadNumber);
  EXPECT_EQ(parse_error("[i0]\n[i1]\n"), ParseErrorCode::kInputsTwice);
  EXPECT_EQ(parse_error("[i0]\nguard_true(i0) [0@0/1: 0=v0]\n"), ParseErrorCode::kUnknownVirtual);
  EXPECT_EQ(parse_error("[i0]\ni1 = int_add(i0 1)\n"), ParseErrorCode::kSyntax);
  ParseResult r = parse_trace("[i0]\n\ni1 = int_frob(i0)\n");
  EXPECT_EQ(r.error.line, 3);
  EXPECT_EQ(r.error.to_string(), "line 3: unknown op: int_frob");
}

}  // namespace
}  // namespace pyrite::jit::ir

namespace pyrite::jit::ir {
namespace {

TEST(JitIrTable, EffectsReadFromTheTable) {
  EXPECT_TRUE(op_effects(Opcode::kIntAdd) & effect::kCommutative);
  EXPECT_FALSE(op_effects(Opcode::kIntSub) & effect::kCommutative);
  EXPECT_TRUE(is_guard(Opcode::kGuardClass));
  EXPECT_TRUE(is_ovf(Opcode::kIntMulOvf));
  EXPECT_TRUE(is_final(Opcode::kFinish));
  EXPECT_TRUE(is_call(Opcode::kCallMayForceN));
  EXPECT_TRUE(removable_if_unused(op_effects(Opcode::kGetfieldGcI)));
  EXPECT_TRUE(removable_if_unused(op_effects(Opcode::kNew)));
  EXPECT_FALSE(removable_if_unused(op_effects(Opcode::kSetfieldGc)));
  EXPECT_FALSE(removable_if_unused(op_effects(Opcode::kIntAddOvf)));
  EXPECT_FALSE(removable_if_unused(op_effects(Opcode::kLabel)));
  EXPECT_FALSE(removable_if_unused(op_effects(Opcode::kCallI)));
  EXPECT_EQ(fixed_result_type(Opcode::kSameAs), std::nullopt);
  EXPECT_EQ(fixed_result_type(Opcode::kCallF), Type::kFloat);
  static_assert(op_info(Opcode::kGetarrayitemRawI).descr == DescrReq::kArray);
  static_assert(std::string_view(op_name(Opcode::kNew)) == "new");
}

TEST(JitIrTable, CallEffectsNarrowByDescriptor) {
  ParseResult r = parse_trace(
      "descr pure = call(fn=0x10, args=(i), result=i, effects=(pure))\n"
      "descr io = call(fn=0x20, args=(i), result=v, effects=(writes, collects))\n"
      "[i0]\n"
      "i1 = call_pure_i(i0, descr=pure)\n"
      "i2 = call_i(i0, descr=pure)\n"
      "call_n(i0, descr=io)\n"
      "finish(i1, i2)\n");
  ASSERT_TRUE(r.ok()) << r.error.to_string();
  const Trace& t = *r.trace;
  EXPECT_EQ(t.effects_of(1), effect::kCall | effect::kPure);
  EXPECT_EQ(t.effects_of(2), effect::kCall);  // pure only through call_pure
  EXPECT_EQ(t.effects_of(3), effect::kCall | effect::kWritesHeap | effect::kCanCollect);
  EXPECT_TRUE(removable_if_unused(t.effects_of(1)));
  EXPECT_FALSE(removable_if_unused(t.effects_of(3)));
}

}  // namespace
}  // namespace pyrite::jit::ir

namespace pyrite::jit::ir {
namespace {

// The example of docs/jit.md, "Text form", verbatim: it parses, verifies and
// prints back unchanged.
TEST(JitIrText, DocsExample) {
  const char* text =
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "descr putc = call(fn=bf_putchar, args=(i), result=v, effects=(writes))\n"
      "descr point = size(size=24)\n"
      "descr x = field(offset=8, type=i, size=8, signed)\n"
      "[i0, i1]\n"
      "label(i0, i1)\n"
      "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
      "i3 = int_is_true(i2)\n"
      "guard_true(i3) [0@7/2: 1=i1]\n"
      "call_n(i2, descr=putc)\n"
      "i4 = int_add_ovf(i1, 1)\n"
      "guard_no_overflow() [0@9/2: 1=i1 | 2@0/3: 0=v0 | v0=new(point) x=i4]\n"
      "jump(i0, i4)\n";
  Symbols syms;
  syms.add("bf_putchar", 0x4242);
  ParseResult r = parse_trace(text, &syms);
  ASSERT_TRUE(r.ok()) << r.error.to_string();
  EXPECT_TRUE(verify(*r.trace).ok()) << verify(*r.trace).to_string();
  PrintOptions o;
  o.symbols = &syms;
  EXPECT_EQ(print_trace(*r.trace, o), text);
}

}  // namespace
}  // namespace pyrite::jit::ir

namespace pyrite::jit::ir {
namespace {

TEST(JitIrText, BuilderArgumentForms) {
  Trace t;
  Builder b(t);
  Ref i0 = b.input(Type::kInt);
  Ref f1 = b.input(Type::kFloat);
  Ref i2 = b.same_as(i0);                        // type from the operand
  Ref f3 = b.typed(Opcode::kSameAs, Type::kFloat, f1);
  Ref f4 = b.float_mul(f3, 0.5);                 // a double becomes a float constant
  Ref i5 = b.int_add(i2, uint8_t{7});            // any integer becomes an int constant
  SnapshotBuilder sb;
  sb.push_frame(0, 1, 3);
  sb.set(2, f4);
  sb.set(0, i5);
  sb.set(1, i0);
  sb.erase(1);
  sb.push_frame(9, 9, 1);
  sb.pop_frame();
  SnapshotId s = t.add_snapshot(sb);
  b.guard_true(i5, s);
  b.finish(i5, f4);
  EXPECT_EQ(t.type_of(i2), Type::kInt);
  EXPECT_EQ(t.type_of(f3), Type::kFloat);
  EXPECT_TRUE(verify(t).ok()) << verify(t).to_string();
  EXPECT_EQ(print_trace(t),
            "[i0, f1]\n"
            "i2 = same_as(i0)\n"
            "f3 = same_as(f1)\n"
            "f4 = float_mul(f3, 0.5)\n"
            "i5 = int_add(i2, 7)\n"
            "guard_true(i5) [0@1/3: 0=i5 2=f4]\n"
            "finish(i5, f4)\n");
}

}  // namespace
}  // namespace pyrite::jit::ir
