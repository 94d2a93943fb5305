// The IR interpreter (docs/jit.md, "IR interpreter"): hand-written traces
// run on real memory, with guards failing on purpose, the corner cases of
// integer and float semantics, byte-wide raw memory, C calls and allocation.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

#include "jit/ir/ir.h"
#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

Trace parse_ok(const std::string& text, const Symbols* symbols = nullptr) {
  ParseResult r = parse_trace(text, symbols);
  EXPECT_TRUE(r.ok()) << r.error.to_string();
  if (!r.ok()) return Trace();
  VerifyError e = verify(*r.trace);
  EXPECT_TRUE(e.ok()) << e.to_string();
  return std::move(*r.trace);
}

std::vector<int64_t> ints(const std::vector<ExitValue>& values) {
  std::vector<int64_t> out;
  for (const ExitValue& v : values) out.push_back(v.as_int());
  return out;
}

std::string frames_text(const Exit& e) {
  std::string out;
  for (const ExitFrame& f : e.frames) {
    out += std::to_string(f.kind) + "@" + std::to_string(f.pc) + "/" + std::to_string(f.size) + ":";
    for (const ExitSlot& s : f.slots) {
      out += " " + std::to_string(s.slot) + "=";
      if (s.value.virtual_index >= 0) out += "v" + std::to_string(s.value.virtual_index);
      else if (s.value.type == Type::kFloat) out += format_float(s.value.as_float());
      else out += std::to_string(s.value.as_int());
    }
    out += ";";
  }
  return out;
}

TEST(JitIrInterp, CountingLoopExitsThroughItsGuard) {
  Trace t = parse_ok(
      "[i0, i1]\n"
      "label(i0, i1)\n"
      "i2 = int_lt(i0, 100)\n"
      "guard_true(i2) [0@5/2: 0=i0 1=i1]\n"
      "i3 = int_add(i1, i0)\n"
      "i4 = int_add(i0, 1)\n"
      "jump(i4, i3)\n");
  uint64_t in[] = {0, 0};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(print_op(t, e.op), "guard_true(i2) [0@5/2: 0=i0 1=i1]");
  EXPECT_EQ(frames_text(e), "0@5/2: 0=100 1=4950;");
  EXPECT_EQ(e.jumps, 100u);
}

TEST(JitIrInterp, JumpAssignsLabelArgsInParallel) {
  // A peeled shape: a preamble, then the label; the jump swaps i0 and i1.
  Trace t = parse_ok(
      "[i0, i1, i2]\n"
      "i3 = int_add(i2, 0)\n"
      "label(i0, i1, i3)\n"
      "i4 = int_lt(i3, 5)\n"
      "guard_true(i4) [0@0/3: 0=i0 1=i1 2=i3]\n"
      "i5 = int_add(i3, 1)\n"
      "jump(i1, i0, i5)\n");
  uint64_t in[] = {10, 20, 0};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(frames_text(e), "0@0/3: 0=20 1=10 2=5;");
}

TEST(JitIrInterp, JumpWithoutLabelTargetsTheInputargs) {
  Trace t = parse_ok(
      "[i0]\n"
      "i1 = int_add(i0, 3)\n"
      "i2 = int_ge(i1, 30)\n"
      "guard_false(i2) [1@2/1: 0=i1]\n"
      "jump(i1)\n");
  uint64_t in[] = {0};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(frames_text(e), "1@2/1: 0=30;");
  EXPECT_EQ(e.jumps, 9u);
}

TEST(JitIrInterp, IterationLimit) {
  Trace t = parse_ok("[i0]\ni1 = int_add(i0, 1)\njump(i1)\n");
  uint64_t in[] = {0};
  Runtime rt;
  rt.max_jumps = 1000;
  Exit e = run_trace(t, in, rt);
  EXPECT_EQ(e.kind, ExitKind::kIterationLimit);
  EXPECT_EQ(ints(e.values), std::vector<int64_t>{1001});
  EXPECT_EQ(e.jumps, 1000u);
}

TEST(JitIrInterp, OverflowChecks) {
  const std::string body =
      "[i0, i1]\n"
      "i2 = int_add_ovf(i0, i1)\n"
      "guard_no_overflow() [0@1/2: 0=i0 1=i1]\n"
      "i3 = int_mul_ovf(i2, 2)\n"
      "guard_no_overflow() [0@2/2: 0=i2]\n"
      "i4 = int_sub_ovf(i3, i1)\n"
      "guard_overflow() [0@3/2: 0=i4]\n"
      "finish(i4)\n";
  Trace t = parse_ok(body);
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  {
    uint64_t in[] = {uint64_t(kMax), 1};  // the add overflows
    Exit e = run_trace(t, in);
    ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
    EXPECT_EQ(e.frames[0].pc, 1u);
  }
  {
    uint64_t in[] = {uint64_t(kMax / 2), 1};  // the add fits, the mul overflows
    Exit e = run_trace(t, in);
    ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
    EXPECT_EQ(e.frames[0].pc, 2u);
    EXPECT_EQ(e.frames[0].slots[0].value.as_int(), kMax / 2 + 1);
  }
  {
    uint64_t in[] = {uint64_t(kMin / 2), uint64_t(int64_t(1))};  // sub fits: guard_overflow fails
    Exit e = run_trace(t, in);
    ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
    EXPECT_EQ(e.frames[0].pc, 3u);
    EXPECT_EQ(e.frames[0].slots[0].value.as_int(), (kMin / 2 + 1) * 2 - 1);
  }
  {
    uint64_t in[] = {uint64_t(kMin / 2), uint64_t(int64_t(-1))};  // (kMin/2 - 1) * 2 overflows
    Exit e = run_trace(t, in);
    ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
    EXPECT_EQ(e.frames[0].pc, 2u);
  }
  {
    uint64_t in[] = {uint64_t(kMin / 2), 0};  // mul gives kMin; kMin - 0 fits: guard_overflow fails
    Exit e = run_trace(t, in);
    EXPECT_EQ(e.frames[0].pc, 3u);
  }
  Trace t2 = parse_ok(
      "[i0]\n"
      "i1 = int_sub_ovf(i0, 1)\n"
      "guard_overflow() [0@9/1:]\n"
      "finish(i1)\n");
  uint64_t in[] = {uint64_t(kMin)};
  Exit e = run_trace(t2, in);
  ASSERT_EQ(e.kind, ExitKind::kFinish);
  EXPECT_EQ(ints(e.values), std::vector<int64_t>{kMax});  // wrapped
}

TEST(JitIrInterp, IntegerSemantics) {
  Trace t = parse_ok(
      "[i0, i1]\n"
      "i2 = int_lshift(1, 65)\n"
      "i3 = int_rshift(-8, 1)\n"
      "i4 = int_urshift(-8, 60)\n"
      "i5 = uint_lt(-1, 1)\n"
      "i6 = int_lt(-1, 1)\n"
      "i7 = int_neg(-9223372036854775808)\n"
      "i8 = int_mul(9223372036854775807, 2)\n"
      "i9 = uint_ge(-1, 0)\n"
      "i10 = int_invert(0)\n"
      "i11 = int_is_zero(i0)\n"
      "i12 = int_is_true(i1)\n"
      "i13 = int_rshift(i1, 64)\n"
      "i14 = int_xor(i0, i1)\n"
      "i15 = int_and(-1, 255)\n"
      "i16 = int_or(i14, 256)\n"
      "i17 = uint_gt(i1, i0)\n"
      "i18 = uint_le(i1, i1)\n"
      "i19 = int_ne(i0, i1)\n"
      "finish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19)\n");
  uint64_t in[] = {0, uint64_t(int64_t(-3))};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kFinish);
  EXPECT_EQ(ints(e.values),
            (std::vector<int64_t>{2, -4, 15, 0, 1, INT64_MIN, -2, 1, -1, 1, 1, -3, -3, 255, -3, 1, 1, 1}));
}

TEST(JitIrInterp, FloatSemantics) {
  Trace t = parse_ok(
      "[f0, i1]\n"
      "f2 = float_truediv(1.0, 0.0)\n"
      "i3 = cast_float_to_int(nan)\n"
      "i4 = cast_float_to_int(-2.7)\n"
      "i5 = cast_float_to_int(1e+300)\n"
      "i6 = float_ne(nan, nan)\n"
      "i7 = float_eq(nan, nan)\n"
      "f8 = float_abs(-0.0)\n"
      "f9 = float_neg(0.0)\n"
      "f10 = cast_int_to_float(i1)\n"
      "f11 = float_mul(f0, f10)\n"
      "f12 = float_sub(f11, 0.25)\n"
      "i13 = float_lt(f12, f0)\n"
      "i14 = float_ge(nan, 1.0)\n"
      "i15 = float_le(-0.0, 0.0)\n"
      "f16 = float_add(0.1, 0.2)\n"
      "finish(f2, i3, i4, i5, i6, i7, f8, f9, f10, f11, f12, i13, i14, i15, f16)\n");
  uint64_t in[] = {bits_of(1.5), uint64_t(int64_t(-3))};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kFinish);
  const auto& v = e.values;
  EXPECT_EQ(v[0].as_float(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(v[1].as_int(), INT64_MIN);
  EXPECT_EQ(v[2].as_int(), -2);
  EXPECT_EQ(v[3].as_int(), INT64_MIN);
  EXPECT_EQ(v[4].as_int(), 1);
  EXPECT_EQ(v[5].as_int(), 0);
  EXPECT_EQ(v[6].bits, 0u);
  EXPECT_EQ(v[7].bits, uint64_t(1) << 63);
  EXPECT_EQ(v[8].as_float(), -3.0);
  EXPECT_EQ(v[9].as_float(), -4.5);
  EXPECT_EQ(v[10].as_float(), -4.75);
  EXPECT_EQ(v[11].as_int(), 1);
  EXPECT_EQ(v[12].as_int(), 0);
  EXPECT_EQ(v[13].as_int(), 1);
  EXPECT_EQ(v[14].as_float(), 0.1 + 0.2);
  EXPECT_EQ(v[0].type, Type::kFloat);
  EXPECT_EQ(v[1].type, Type::kInt);
}

// A Brainfuck-style loop on a byte tape: `[->++<]` moves cell 0, doubled,
// into cell 1, with 8-bit wrap-around done by int_and.
TEST(JitIrInterp, RawByteTape) {
  alignas(8) uint8_t tape[16] = {};
  tape[0] = 5;
  tape[1] = 250;
  Symbols syms;
  const char* text =
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "[i0, i1]\n"  // tape base, pointer
      "label(i0, i1)\n"
      "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
      "i3 = int_is_true(i2)\n"
      "guard_true(i3) [0@7/2: 1=i1]\n"
      "i4 = int_sub(i2, 1)\n"
      "i5 = int_and(i4, 255)\n"
      "setarrayitem_raw(i0, i1, i5, descr=cell)\n"
      "i6 = int_add(i1, 1)\n"
      "i7 = getarrayitem_raw_i(i0, i6, descr=cell)\n"
      "i8 = int_add(i7, 2)\n"
      "setarrayitem_raw(i0, i6, i8, descr=cell)\n"  // the store truncates to the low byte
      "jump(i0, i1)\n";
  Trace t = parse_ok(text, &syms);
  uint64_t in[] = {bits_of(tape), 0};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(e.jumps, 5u);
  EXPECT_EQ(tape[0], 0);
  EXPECT_EQ(tape[1], (250 + 10) & 255);
  EXPECT_EQ(tape[2], 0);  // the byte store wrote one byte only
  EXPECT_EQ(frames_text(e), "0@7/2: 1=0;");
}

TEST(JitIrInterp, NarrowSignedAndUnsignedLoads) {
  alignas(8) uint8_t mem[16];
  std::memset(mem, 0xFF, sizeof mem);
  Trace t = parse_ok(
      "descr s8 = array(offset=0, type=i, size=1, signed)\n"
      "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
      "descr s16 = field(offset=2, type=i, size=2, signed)\n"
      "descr u32 = field(offset=4, type=i, size=4, unsigned)\n"
      "descr s32 = field(offset=8, type=i, size=4, signed)\n"
      "[i0]\n"
      "i1 = getarrayitem_raw_i(i0, 1, descr=s8)\n"
      "i2 = getarrayitem_raw_i(i0, 1, descr=u8)\n"
      "i3 = getfield_raw_i(i0, descr=s16)\n"
      "i4 = getfield_raw_i(i0, descr=u32)\n"
      "setfield_raw(i0, 2147483648, descr=s32)\n"
      "i5 = getfield_raw_i(i0, descr=s32)\n"
      "finish(i1, i2, i3, i4, i5)\n");
  uint64_t in[] = {bits_of(mem)};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kFinish);
  EXPECT_EQ(ints(e.values), (std::vector<int64_t>{-1, 255, -1, 0xFFFFFFFFll, INT32_MIN}));
  EXPECT_EQ(mem[12], 0xFF);  // the 4-byte store stopped at its width
}

// ---- calls ------------------------------------------------------------------

int64_t add3(int64_t a, int64_t b, int64_t c) { return a + b + c; }
double mix(int64_t a, double b, int64_t c, double d) { return double(a) * b + double(c) * d; }
bool is_even(int64_t x) { return x % 2 == 0; }
int32_t neg32(int32_t x) { return -x; }
uint16_t low16(uint64_t x) { return static_cast<uint16_t>(x); }
int64_t g_recorded = 0;
void record(int64_t x) { g_recorded = x; }
uint64_t g_exception = 0;
int64_t may_raise(int64_t x) {
  if (x < 0) g_exception = 1;
  return x * 2;
}
double six_and_eight(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, double g,
                     double h, double i, double j, double k, double l, double m, double n) {
  return double(a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f) + g + 2 * h + 3 * i + 4 * j + 5 * k +
         6 * l + 7 * m + 8 * n;
}

Symbols call_symbols() {
  Symbols s;
  s.add("add3", reinterpret_cast<uint64_t>(&add3));
  s.add("mix", reinterpret_cast<uint64_t>(&mix));
  s.add("is_even", reinterpret_cast<uint64_t>(&is_even));
  s.add("neg32", reinterpret_cast<uint64_t>(&neg32));
  s.add("low16", reinterpret_cast<uint64_t>(&low16));
  s.add("record", reinterpret_cast<uint64_t>(&record));
  s.add("may_raise", reinterpret_cast<uint64_t>(&may_raise));
  s.add("six_and_eight", reinterpret_cast<uint64_t>(&six_and_eight));
  return s;
}

TEST(JitIrInterp, CallsToCFunctions) {
  Symbols syms = call_symbols();
  Trace t = parse_ok(
      "descr add3 = call(fn=add3, args=(i, i, i), result=i, effects=())\n"
      "descr mix = call(fn=mix, args=(i, f, i, f), result=f, effects=(pure))\n"
      "descr is_even = call(fn=is_even, args=(i), result=i, size=1, unsigned, effects=(pure))\n"
      "descr neg32 = call(fn=neg32, args=(i), result=i, size=4, signed, effects=(pure))\n"
      "descr low16 = call(fn=low16, args=(i), result=i, size=2, unsigned, effects=(pure))\n"
      "descr record = call(fn=record, args=(i), result=v, effects=(writes))\n"
      "descr wide = call(fn=six_and_eight, args=(i, f, i, f, i, f, i, f, i, f, i, f, f, f), result=f, effects=())\n"
      "[i0]\n"
      "i1 = call_i(i0, 2, 3, descr=add3)\n"
      "f2 = call_pure_f(2, 1.5, i1, 0.5, descr=mix)\n"
      "i3 = call_pure_i(i1, descr=is_even)\n"
      "i4 = call_pure_i(i1, descr=neg32)\n"
      "i5 = call_i(-1, descr=low16)\n"
      "call_n(i1, descr=record)\n"
      "f6 = call_f(1, 1.0, 2, 2.0, 3, 3.0, 4, 4.0, 5, 5.0, 6, 6.0, 7.0, 8.0, descr=wide)\n"
      "finish(i1, f2, i3, i4, i5, f6)\n",
      &syms);
  uint64_t in[] = {5};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kFinish);
  EXPECT_EQ(e.values[0].as_int(), 10);
  EXPECT_EQ(e.values[1].as_float(), 2 * 1.5 + 10 * 0.5);
  EXPECT_EQ(e.values[2].as_int(), 1);
  EXPECT_EQ(e.values[3].as_int(), -10);
  EXPECT_EQ(e.values[4].as_int(), 0xFFFF);
  EXPECT_EQ(g_recorded, 10);
  EXPECT_EQ(e.values[5].as_float(),
            six_and_eight(1, 2, 3, 4, 5, 6, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0));
}

TEST(JitIrInterp, TooManyCallArgumentsIsABadDescriptor) {
  DescrTable table;
  DescrId id;
  EXPECT_EQ(table.add(call_descr("c", 0x1000, std::vector<Type>(7, Type::kInt), Type::kInt, 0), &id),
            DescrTable::AddError::kBadLayout);
  EXPECT_EQ(table.add(call_descr("c", 0x1000, std::vector<Type>(6, Type::kInt), Type::kInt, 0), &id),
            DescrTable::AddError::kOk);
}

TEST(JitIrInterp, PendingExceptionFailsTheGuard) {
  Symbols syms = call_symbols();
  Trace t = parse_ok(
      "descr may_raise = call(fn=may_raise, args=(i), result=i, effects=(raises))\n"
      "[i0]\n"
      "i1 = call_i(i0, descr=may_raise)\n"
      "guard_no_exception() [0@4/1: 0=i1]\n"
      "finish(i1)\n",
      &syms);
  Runtime rt;
  rt.exception = &g_exception;
  g_exception = 0;
  uint64_t ok[] = {21};
  Exit e = run_trace(t, ok, rt);
  EXPECT_EQ(e.kind, ExitKind::kFinish);
  EXPECT_EQ(ints(e.values), std::vector<int64_t>{42});
  uint64_t bad[] = {uint64_t(int64_t(-1))};
  e = run_trace(t, bad, rt);
  EXPECT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(frames_text(e), "0@4/1: 0=-2;");
  g_exception = 0;
}

// ---- allocation and GC-object access ------------------------------------------

struct Heap {
  std::vector<std::unique_ptr<uint64_t[]>> blocks;
  int allocations = 0;
  uint64_t alloc(size_t bytes) {
    blocks.emplace_back(new uint64_t[(bytes + 7) / 8]());
    allocations++;
    return reinterpret_cast<uint64_t>(blocks.back().get());
  }
  Runtime runtime() {
    Runtime rt;
    rt.allocate = [this](const Descr& d) {
      uint64_t p = alloc(d.alloc_size);
      reinterpret_cast<uint64_t*>(p)[0] = d.class_value;  // the header names the class
      return p;
    };
    rt.allocate_array = [this](const Descr& d, int64_t n) {
      uint64_t p = alloc(d.offset + n * d.size);
      std::memcpy(reinterpret_cast<char*>(p) + d.length_offset, &n, 8);
      return p;
    };
    return rt;
  }
};

TEST(JitIrInterp, AllocationThroughTheRuntime) {
  Heap heap;
  const std::string text =
      "descr cls = field(offset=0, type=i, size=8, signed)\n"
      "descr x = field(offset=8, type=f, size=8)\n"
      "descr next = field(offset=16, type=r, size=8)\n"
      "descr point = size(size=24, class=0x50)\n"
      "descr items = array(offset=16, type=r, size=8, length=8)\n"
      "[f0, i1]\n"
      "p2 = new_with_vtable(descr=point)\n"
      "setfield_gc(p2, f0, descr=x)\n"
      "p3 = new_array(i1, descr=items)\n"
      "setarrayitem_gc(p3, 2, p2, descr=items)\n"
      "setfield_gc(p2, p3, descr=next)\n"
      "p4 = getarrayitem_gc_r(p3, 2, descr=items)\n"
      "guard_class(p4, 80, descr=cls) [0@1/1: 0=p4]\n"
      "f5 = getfield_gc_f(p4, descr=x)\n"
      "i6 = arraylen_gc(p3, descr=items)\n"
      "p7 = getfield_gc_r(p4, descr=next)\n"
      "i8 = ptr_eq(p7, p3)\n"
      "guard_class(p4, 81, descr=cls) [0@2/1: 0=p4]\n"
      "finish(f5, i6, i8)\n";
  Trace t = parse_ok(text);
  uint64_t in[] = {bits_of(2.5), 4};
  Runtime rt = heap.runtime();
  Exit e = run_trace(t, in, rt);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);  // the second guard_class, on purpose
  EXPECT_EQ(e.frames[0].pc, 2u);
  EXPECT_EQ(heap.allocations, 2);
  uint64_t* obj = reinterpret_cast<uint64_t*>(e.frames[0].slots[0].value.bits);
  EXPECT_EQ(obj[0], 0x50u);
  EXPECT_EQ(std::bit_cast<double>(obj[1]), 2.5);

  // Without the second class guard the trace finishes.
  std::string fine = text;
  fine.replace(fine.find("guard_class(p4, 81"), std::string("guard_class(p4, 81, descr=cls) [0@2/1: 0=p4]\n").size(), "");
  Trace t2 = parse_ok(fine);
  e = run_trace(t2, in, rt);
  ASSERT_EQ(e.kind, ExitKind::kFinish);
  EXPECT_EQ(e.values[0].as_float(), 2.5);
  EXPECT_EQ(e.values[1].as_int(), 4);
  EXPECT_EQ(e.values[2].as_int(), 1);

  Exit no_alloc = run_trace(t2, in, Runtime{});
  EXPECT_EQ(no_alloc.kind, ExitKind::kNoAllocator);
  EXPECT_STREQ(exit_kind_name(no_alloc.kind), "kNoAllocator");
}

// A language whose headers point at GC type objects uses a ref class word;
// the class is then a ref constant, so it is one of the trace's GC roots.
TEST(JitIrInterp, GuardClassOnARefClassWord) {
  alignas(8) static uint64_t type_a[2], type_b[2];
  alignas(8) uint64_t obj[2] = {bits_of(type_a), 7};
  Symbols syms;
  syms.add("A", bits_of(type_a));
  syms.add("B", bits_of(type_b));
  Trace t = parse_ok(
      "descr type = field(offset=0, type=r, size=8)\n"
      "[p0]\n"
      "guard_class(p0, ConstPtr(A), descr=type) [0@1/1: 0=p0]\n"
      "guard_class(p0, ConstPtr(B), descr=type) [0@2/1: 0=p0]\n"
      "finish()\n",
      &syms);
  uint64_t in[] = {bits_of(obj)};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(e.frames[0].pc, 2u);
  std::vector<uint64_t> roots;
  t.for_each_ref_constant([&](uint64_t a) { roots.push_back(a); });
  EXPECT_EQ(roots, (std::vector<uint64_t>{bits_of(type_a), bits_of(type_b)}));
}

TEST(JitIrInterp, GuardsOnRuntimeFlagsAndNulls) {
  std::string text = "descr c = call(fn=" + std::to_string(reinterpret_cast<uint64_t>(&is_even)) +
                     ", args=(), result=i, size=1, unsigned, effects=(forces))\n";
  text +=
      "[p0, p1]\n"
      "guard_nonnull(p0) [0@1/0:]\n"
      "guard_isnull(p1) [0@2/0:]\n"
      "guard_not_invalidated() [0@3/0:]\n"
      "p2 = force_token()\n"
      "i3 = call_may_force_i(descr=c)\n"
      "guard_not_forced() [0@4/0:]\n"
      "i4 = ptr_ne(p0, p2)\n"
      "guard_true(i4) [0@5/0:]\n"
      "guard_always_fails() [0@6/0:]\n"
      "finish()\n";
  Trace t = parse_ok(text);
  uint8_t invalidated = 0, forced = 0;
  Runtime rt;
  rt.invalidated = &invalidated;
  rt.forced = &forced;
  rt.force_token = 0x777;
  int dummy;
  auto pc_of = [&](uint64_t p0, uint64_t p1) {
    uint64_t in[] = {p0, p1};
    Exit e = run_trace(t, in, rt);
    return e.kind == ExitKind::kGuardFailed ? e.frames[0].pc : 99u;
  };
  EXPECT_EQ(pc_of(0, 0), 1u);
  EXPECT_EQ(pc_of(bits_of(&dummy), bits_of(&dummy)), 2u);
  invalidated = 1;
  EXPECT_EQ(pc_of(bits_of(&dummy), 0), 3u);
  invalidated = 0;
  forced = 1;
  EXPECT_EQ(pc_of(bits_of(&dummy), 0), 4u);
  forced = 0;
  EXPECT_EQ(pc_of(0x777, 0), 5u);
  EXPECT_EQ(pc_of(bits_of(&dummy), 0), 6u);
}

TEST(JitIrInterp, VirtualsInTheExitAreResolved) {
  Trace t = parse_ok(
      "descr point = size(size=24, class=0x50)\n"
      "descr x = field(offset=8, type=i, size=8, signed)\n"
      "descr next = field(offset=16, type=r, size=8)\n"
      "[i0]\n"
      "i1 = int_add(i0, 1)\n"
      "guard_false(i1) [3@8/2: 0=i0 1=v0 | v0=new_with_vtable(point) x=i1 next=v1 | v1=new(point) x=7 next=v0]\n"
      "finish()\n");
  uint64_t in[] = {41};
  Exit e = run_trace(t, in);
  ASSERT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(frames_text(e), "3@8/2: 0=41 1=v0;");
  ASSERT_EQ(e.virtuals.size(), 2u);
  EXPECT_TRUE(e.virtuals[0].with_vtable);
  EXPECT_EQ(e.virtuals[0].fields[0].value.as_int(), 42);
  EXPECT_EQ(e.virtuals[0].fields[1].value.virtual_index, 1);
  EXPECT_FALSE(e.virtuals[1].with_vtable);
  EXPECT_EQ(e.virtuals[1].fields[0].value.as_int(), 7);
  EXPECT_EQ(e.virtuals[1].fields[1].value.virtual_index, 0);  // the cycle
}

TEST(JitIrInterp, CallAssemblerGoesThroughTheRuntime) {
  Trace t = parse_ok(
      "descr loop = call(fn=0x1234, args=(i, i), result=i, effects=(arbitrary))\n"
      "[i0]\n"
      "i1 = call_assembler_i(i0, 3, descr=loop)\n"
      "finish(i1)\n");
  uint64_t in[] = {4};
  EXPECT_EQ(run_trace(t, in).kind, ExitKind::kNoCallAssembler);
  Runtime rt;
  rt.call_assembler = [](const Descr& d, std::span<const uint64_t> args) {
    return d.fn == 0x1234 ? args[0] * args[1] : 0;
  };
  Exit e = run_trace(t, in, rt);
  EXPECT_EQ(ints(e.values), std::vector<int64_t>{12});
}

TEST(JitIrInterp, BuilderHelpersMatchTheText) {
  Trace t;
  Builder b(t);
  DescrId cell = t.descrs().add_or_die(array_descr("cell", 0, Type::kInt, 1, false));
  Ref base = b.input(Type::kInt);
  Ref ptr = b.input(Type::kInt);
  b.label(base, ptr);
  Ref v = b.getarrayitem_raw_i(base, ptr, cell);
  SnapshotBuilder sb;
  sb.push_frame(0, 3, 2);
  sb.set(1, ptr);
  b.set_snapshot(t.add_snapshot(sb));
  b.guard_false(b.int_is_zero(v));
  b.setarrayitem_raw(base, ptr, b.int_and(b.int_sub(v, 1), 255), cell);
  b.jump(base, ptr);
  EXPECT_TRUE(verify(t).ok()) << verify(t).to_string();
  EXPECT_EQ(print_trace(t),
            "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
            "[i0, i1]\n"
            "label(i0, i1)\n"
            "i2 = getarrayitem_raw_i(i0, i1, descr=cell)\n"
            "i3 = int_is_zero(i2)\n"
            "guard_false(i3) [0@3/2: 1=i1]\n"
            "i4 = int_sub(i2, 1)\n"
            "i5 = int_and(i4, 255)\n"
            "setarrayitem_raw(i0, i1, i5, descr=cell)\n"
            "jump(i0, i1)\n");
  uint8_t tape[2] = {3, 0};
  uint64_t in[] = {bits_of(tape), 0};
  Exit e = run_trace(t, in);
  EXPECT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(e.jumps, 3u);
}

}  // namespace
}  // namespace pyrite::jit::ir
