// The x86-64 backend on hand-written traces (docs/jit_x64.md, "Tests"): each
// op family's corner cases run through the IR interpreter and as machine
// code with the same inputs, and the Exits are compared whole; guards fail
// on purpose; allocation, calls and runtime words through CompileOptions.
#include <capstone/capstone.h>
#include <gtest/gtest.h>

#include <sys/mman.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_verify.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::x64 {
namespace {

using namespace ir;

Trace parse_ok(const std::string& text, const Symbols* symbols = nullptr,
               std::shared_ptr<DescrTable> descrs = nullptr) {
  ParseResult r = parse_trace(text, symbols, descrs);
  EXPECT_TRUE(r.ok()) << r.error.to_string();
  if (!r.ok()) return Trace();
  VerifyError e = verify(*r.trace);
  EXPECT_TRUE(e.ok()) << e.to_string();
  return std::move(*r.trace);
}

std::unique_ptr<CompiledTrace> compile_ok(const Trace& t, const CompileOptions& o = {}) {
  CompileResult r = compile(t, o);
  EXPECT_TRUE(r.code) << r.message << " at op " << r.op;
  return std::move(r.code);
}

// Runs `t` both ways on each input vector; returns the interpreter's exits.
std::vector<Exit> check_alike(const Trace& t, const std::vector<std::vector<uint64_t>>& inputs,
                              const Runtime& rt = {}, CompileOptions o = {}) {
  o.count_jumps = true;
  auto code = compile_ok(t, o);
  std::vector<Exit> out;
  if (!code) return out;
  for (const auto& in : inputs) {
    Exit x1 = run_trace(t, in, rt);
    Exit x2 = run(*code, in, rt.max_jumps);
    EXPECT_TRUE(x1 == x2) << "interp " << exit_kind_name(x1.kind) << " op " << x1.op << ", code "
                          << exit_kind_name(x2.kind) << " op " << x2.op << "\n"
                          << print_trace(t, {.op_indexes = true});
    for (size_t k = 0; k < x1.values.size() && k < x2.values.size(); k++)
      EXPECT_EQ(x1.values[k].bits, x2.values[k].bits) << "value " << k;
    out.push_back(std::move(x1));
  }
  return out;
}

uint64_t f(double d) { return bits_of(d); }
uint64_t i(int64_t v) { return static_cast<uint64_t>(v); }
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
const double kNan = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

TEST(JitX64Ops, IntegerArithmeticAndShifts) {
  Trace t = parse_ok(
      "[i0, i1, i2]\n"
      "i3 = int_add(i0, i1)\n"
      "i4 = int_sub(i0, i1)\n"
      "i5 = int_mul(i0, i1)\n"
      "i6 = int_lshift(i0, i2)\n"
      "i7 = int_rshift(i0, i2)\n"
      "i8 = int_urshift(i0, i2)\n"
      "i9 = int_lshift(i2, 65)\n"
      "i10 = int_neg(i0)\n"
      "i11 = int_invert(i1)\n"
      "i12 = int_and(i0, 0x7fffffffffff)\n"
      "i13 = int_or(i1, -256)\n"
      "i14 = int_xor(i0, i2)\n"
      "i15 = int_mul(i1, 1000000007)\n"
      "i16 = int_rshift(-1024, i2)\n"
      "i17 = int_sub(5, i0)\n"
      "finish(i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17)\n");
  check_alike(t, {{i(3), i(4), i(1)},
                  {i(kMin), i(-1), i(63)},
                  {i(kMax), i(kMax), i(64)},
                  {i(-12345), i(678), i(130)},
                  {i(0), i(kMin), i(-1)}});
}

TEST(JitX64Ops, ComparesAndOverflowGuards) {
  Trace t = parse_ok(
      "[i0, i1]\n"
      "i2 = int_lt(i0, i1)\n"
      "i3 = int_le(i0, i1)\n"
      "i4 = int_eq(i0, i1)\n"
      "i5 = int_ne(i0, 7)\n"
      "i6 = int_gt(i0, i1)\n"
      "i7 = int_ge(i0, i1)\n"
      "i8 = uint_lt(i0, i1)\n"
      "i9 = uint_le(i0, i1)\n"
      "i10 = uint_gt(i0, i1)\n"
      "i11 = uint_ge(i0, i1)\n"
      "i12 = int_is_zero(i0)\n"
      "i13 = int_is_true(i1)\n"
      "i14 = int_add_ovf(i0, i1)\n"
      "guard_no_overflow() [0@1/4: 0=i2 1=i3 2=i14]\n"
      "i15 = int_sub_ovf(i0, i1)\n"
      "guard_no_overflow() [0@2/4: 0=i15 1=i4]\n"
      "i16 = int_mul_ovf(i0, i1)\n"
      "guard_overflow() [0@3/4: 0=i16 1=i12 2=i13 3=i11]\n"
      "finish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i16)\n");
  auto exits = check_alike(t, {{i(3), i(4)},
                               {i(kMax), i(1)},
                               {i(kMin), i(1)},
                               {i(-1), i(1)},
                               {i(kMax / 2), i(3)},
                               {i(1LL << 32), i(1LL << 32)},
                               {i(0), i(0)}});
  ASSERT_EQ(exits.size(), 7u);
  // (op indexes count the inputargs)
  EXPECT_EQ(exits[0].op, 19u);  // 3*4 does not overflow: guard_overflow fails
  EXPECT_EQ(exits[1].op, 15u);  // max + 1
  EXPECT_EQ(exits[2].op, 17u);  // min - 1
  EXPECT_EQ(exits[5].kind, ExitKind::kFinish);
}

TEST(JitX64Ops, FusedCompareGuards) {
  // Each compare feeds only its guard: fused into a cmp + jcc.
  Trace t = parse_ok(
      "[i0, i1, p2]\n"
      "i3 = int_lt(i0, i1)\n"
      "guard_true(i3) [0@1/2: 0=i0]\n"
      "i4 = uint_ge(i0, 100)\n"
      "guard_false(i4) [0@2/2: 0=i1]\n"
      "i5 = int_is_zero(i1)\n"
      "guard_false(i5) [0@3/2: 0=i0 1=i1]\n"
      "i6 = ptr_eq(p2, NULL)\n"
      "guard_false(i6) []\n"
      "guard_nonnull(p2) []\n"
      "i7 = int_is_true(i0)\n"
      "guard_true(i7) [0@4/1: 0=i7]\n"
      "guard_value(i0, 5) [0@5/1: 0=i0]\n"
      "finish(i0)\n");
  auto exits = check_alike(t, {{i(5), i(6), 8}, {i(7), i(6), 8}, {i(-1), i(6), 8},
                               {i(5), i(0), 8}, {i(0), i(6), 8}, {i(5), i(6), 0},
                               {i(4), i(6), 8}, {i(200), i(300), 8}});
  ASSERT_EQ(exits.size(), 8u);
  EXPECT_EQ(exits[0].kind, ExitKind::kFinish);
  EXPECT_EQ(exits[1].op, 4u);   // 7 < 6 is false
  EXPECT_EQ(exits[2].op, 6u);   // -1 is unsigned-huge
  EXPECT_EQ(exits[3].op, 4u);   // 5 < 0 is false
  EXPECT_EQ(exits[4].op, 13u);  // int_is_true(0)
  EXPECT_EQ(exits[5].op, 10u);  // ptr_eq(NULL, NULL)
  EXPECT_EQ(exits[6].op, 14u);  // guard_value(4, 5)
}

// A compare (or an int_and) whose guard comes after loads, stores and
// markers still fuses (those emit only movs); an add in between stops it.
TEST(JitX64Ops, FusedGuardsAcrossMemoryOps) {
  Trace t = parse_ok(
      "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
      "descr w = field(offset=8, type=i, size=8, signed)\n"
      "[i0, i1, i2]\n"
      "i3 = int_lt(i1, i2)\n"
      "setarrayitem_raw(i0, 3, i2, descr=u8)\n"
      "i4 = getfield_raw_i(i0, descr=w)\n"
      "debug_merge_point(0, 1)\n"
      "guard_true(i3) [0@1/2: 0=i4]\n"
      "i5 = int_and(i4, 0xff00)\n"
      "setfield_raw(i0, i1, descr=w)\n"
      "guard_false(i5) [0@2/2: 0=i1]\n"
      "i6 = int_and(i2, i1)\n"
      "guard_true(i6) []\n"
      "i7 = uint_ge(i4, i2)\n"
      "i8 = int_add(i1, 1)\n"
      "guard_false(i7) [0@3/1: 0=i8]\n"
      "finish(i4, i8)\n");
  auto code = compile_ok(t);
  ASSERT_TRUE(code);
  int seen[16] = {};
  for (int64_t w : {0x0, 0x100, 0x7, 0x1000000}) {
    for (int64_t a : {1, 2, 5}) {
      for (int64_t b : {0, 3, 6, 7}) {
        alignas(8) uint8_t m1[16] = {}, m2[16] = {};
        std::memcpy(m1 + 8, &w, 8);
        std::memcpy(m2 + 8, &w, 8);
        uint64_t in1[] = {bits_of(m1), i(a), i(b)}, in2[] = {bits_of(m2), i(a), i(b)};
        Exit x1 = run_trace(t, in1);
        Exit x2 = run(*code, in2);
        EXPECT_TRUE(x1 == x2) << w << " " << a << " " << b;
        EXPECT_EQ(std::memcmp(m1, m2, 16), 0);
        seen[x1.op % 16]++;
      }
    }
  }
  // Only the uint_ge (an add before its guard) is materialized with setcc.
  csh cs;
  ASSERT_EQ(cs_open(CS_ARCH_X86, CS_MODE_64, &cs), CS_ERR_OK);
  cs_insn* insn = nullptr;
  size_t n = cs_disasm(cs, code->code().data(), code->code().size(), 0, 0, &insn);
  int setcc = 0;
  for (size_t k = 0; k < n; k++) setcc += std::string(insn[k].mnemonic).rfind("set", 0) == 0;
  cs_free(insn, n);
  cs_close(&cs);
  EXPECT_EQ(setcc, 1);
  // Every guard failed at least once, and some runs finished.
  for (uint32_t op : {7u, 10u, 12u, 15u, 16u}) EXPECT_GT(seen[op % 16], 0) << op;
}

// A guard on the result of the add/sub/and/or/xor just before it (loads,
// stores and markers between) reuses its ZF; a guard on another value, a
// fused compare or any other op in between brings its own test back.
TEST(JitX64Ops, GuardsReuseTheFlagsOfTheirValue) {
  Trace t = parse_ok(
      "descr u8 = array(offset=0, type=i, size=1, unsigned)\n"
      "[i0, i1, i2]\n"
      "i3 = int_and(i1, 255)\n"
      "i4 = int_sub(i2, 3)\n"
      "setarrayitem_raw(i0, 1, i3, descr=u8)\n"
      "guard_true(i4) [0@1/2: 0=i3 1=i4]\n"
      "guard_true(i3) [0@2/2: 0=i4]\n"
      "i5 = int_xor(i1, i2)\n"
      "i6 = getarrayitem_raw_i(i0, 1, descr=u8)\n"
      "guard_false(i5) [0@3/2: 0=i5 1=i6]\n"
      "i7 = int_lt(i6, 7)\n"
      "guard_true(i7) [0@4/1: 0=i6]\n"
      "guard_true(i6) [0@5/1: 0=i6]\n"
      "finish(i3, i4, i5, i6)\n");
  auto code = compile_ok(t);
  ASSERT_TRUE(code);
  int seen[16] = {};
  for (int64_t a : {0, 1, 3, 6, 7, 256, 5}) {
    for (int64_t b : {3, 4, 6, 7, 0}) {
      alignas(8) uint8_t m1[8] = {}, m2[8] = {};
      uint64_t in1[] = {bits_of(m1), i(a), i(b)}, in2[] = {bits_of(m2), i(a), i(b)};
      Exit x1 = run_trace(t, in1);
      Exit x2 = run(*code, in2);
      EXPECT_TRUE(x1 == x2) << a << " " << b;
      EXPECT_EQ(std::memcmp(m1, m2, 8), 0);
      seen[x1.op]++;
    }
  }
  for (uint32_t op : {6u, 7u, 10u, 12u, 14u}) EXPECT_GT(seen[op], 0) << op;
}

TEST(JitX64Ops, FloatCornerCases) {
  Trace t = parse_ok(
      "[f0, f1, i2]\n"
      "f3 = float_add(f0, f1)\n"
      "f4 = float_sub(f0, f1)\n"
      "f5 = float_mul(f0, f1)\n"
      "f6 = float_truediv(f0, f1)\n"
      "f7 = float_neg(f0)\n"
      "f8 = float_abs(f1)\n"
      "i9 = float_lt(f0, f1)\n"
      "i10 = float_le(f0, f1)\n"
      "i11 = float_eq(f0, f1)\n"
      "i12 = float_ne(f0, f1)\n"
      "i13 = float_gt(f0, f1)\n"
      "i14 = float_ge(f0, f1)\n"
      "i15 = cast_float_to_int(f0)\n"
      "f16 = cast_int_to_float(i2)\n"
      "f17 = float_add(f0, 1.5)\n"
      "i18 = float_lt(f1, -0.0)\n"
      "f19 = float_neg(nan)\n"
      "finish(f3, f4, f5, f6, f7, f8, i9, i10, i11, i12, i13, i14, i15, f16, f17, i18, f19)\n");
  check_alike(t, {{f(1.5), f(2.25), i(7)},
                  {f(kNan), f(1), i(-7)},
                  {f(1), f(kNan), i(kMin)},
                  {f(kNan), f(kNan), i(kMax)},
                  {f(-0.0), f(0.0), i(0)},
                  {f(kInf), f(-kInf), i(1)},
                  {f(9.3e18), f(0), i(2)},
                  {f(-9.3e18), f(-0.0), i(3)},
                  {f(-2.7), f(1e-310), i(4)}});
}

// Regression: the allocator swapped a commutative float op's operands when
// only the right one died, and x86 returns the destination's NaN: the sign
// of NaN + -NaN then differed from the interpreter's (found by a soak run).
TEST(JitX64Ops, FloatNanOperandOrderIsKept) {
  Trace t = parse_ok(
      "[f0, f1]\n"
      "f2 = float_neg(f1)\n"
      "f3 = float_add(f0, f2)\n"
      "f4 = float_mul(f0, f2)\n"
      "f5 = float_add(f1, f0)\n"
      "finish(f3, f4, f5, f0)\n");
  auto exits = check_alike(t, {{f(kNan), f(kNan)}, {f(-kNan), f(kNan)}, {bits_of(kNan) | 1, f(kNan)}});
  ASSERT_EQ(exits.size(), 3u);
}

TEST(JitX64Ops, FloatGuardValueComparesBits) {
  Trace t = parse_ok(
      "[f0, i1]\n"
      "guard_value(f0, -0.0) [0@1/2: 0=f0 1=i1]\n"
      "f2 = float_mul(f0, 2.0)\n"
      "guard_value(f2, nan) [0@2/2: 0=f2]\n"
      "finish(f2)\n");
  auto exits = check_alike(t, {{f(0.0), 1}, {f(-0.0), 2}, {f(kNan), 3}});
  ASSERT_EQ(exits.size(), 3u);
  EXPECT_EQ(exits[0].op, 2u);  // 0.0 is not -0.0
  EXPECT_EQ(exits[1].op, 4u);  // -0.0 * 2 is not NaN
}

struct Obj {
  int64_t cls;
  int8_t s8;
  uint8_t u8;
  int16_t s16;
  uint32_t u32;
  int64_t word;
  double d;
  Obj* next;
};

TEST(JitX64Ops, FieldsArraysAndClassGuards) {
  static_assert(offsetof(Obj, s8) == 8 && offsetof(Obj, u32) == 12 && offsetof(Obj, word) == 16);
  const char* text =
      "descr cls = field(offset=0, type=i, size=8, signed)\n"
      "descr s8 = field(offset=8, type=i, size=1, signed)\n"
      "descr u8 = field(offset=9, type=i, size=1, unsigned)\n"
      "descr s16 = field(offset=10, type=i, size=2, signed)\n"
      "descr u32 = field(offset=12, type=i, size=4, unsigned)\n"
      "descr word = field(offset=16, type=i, size=8, signed)\n"
      "descr d = field(offset=24, type=f, size=8)\n"
      "descr next = field(offset=32, type=r, size=8)\n"
      "descr items = array(offset=8, type=i, size=4, signed, length=0)\n"
      "descr fitems = array(offset=8, type=f, size=8, length=0)\n"
      "[p0, p1, i2]\n"
      "guard_class(p0, 42, descr=cls) [0@1/1: 0=p0]\n"
      "i3 = getfield_gc_i(p0, descr=s8)\n"
      "i4 = getfield_gc_i(p0, descr=u8)\n"
      "i5 = getfield_gc_i(p0, descr=s16)\n"
      "i6 = getfield_gc_i(p0, descr=u32)\n"
      "f7 = getfield_gc_f(p0, descr=d)\n"
      "p8 = getfield_gc_r(p0, descr=next)\n"
      "guard_nonnull(p8) [0@2/2: 0=i3 1=i6]\n"
      "setfield_gc(p8, i5, descr=word)\n"
      "setfield_gc(p8, -3, descr=s8)\n"
      "setfield_gc(p8, 0x12345, descr=s16)\n"
      "setfield_gc(p8, i3, descr=u32)\n"
      "setfield_gc(p8, f7, descr=d)\n"
      "setfield_gc(p0, 2.5, descr=d)\n"
      "i9 = arraylen_gc(p1, descr=items)\n"
      "i10 = int_sub(i9, 1)\n"
      "i11 = getarrayitem_gc_i(p1, i10, descr=items)\n"
      "setarrayitem_gc(p1, i2, i11, descr=items)\n"
      "setarrayitem_gc(p1, 0, 0x7fffffff80000000, descr=items)\n"
      "f12 = getarrayitem_gc_f(p1, 1, descr=fitems)\n"
      "setarrayitem_gc(p1, 3, f12, descr=fitems)\n"
      "p13 = getfield_gc_r(p8, descr=next)\n"
      "guard_isnull(p13) [0@3/1: 0=p13]\n"
      "finish(i3, i4, i5, i6, f7, i9, i11, f12)\n";
  Trace t = parse_ok(text);
  auto code = compile_ok(t);
  ASSERT_TRUE(code);
  for (int variant = 0; variant < 4; variant++) {
    Obj a1{42, -5, 250, -30000, 4000000000u, 7, 1.25, nullptr}, b1{0, 1, 2, 3, 4, 5, 6.5, nullptr};
    if (variant == 1) a1.cls = 41;
    if (variant != 2) a1.next = &b1;
    if (variant == 3) b1.next = &a1;  // guard_isnull fails
    alignas(8) int64_t arr1[8] = {6, int64_t(0xfffffffe00000001), 3, 4, 5, 6, 7, 8};
    Obj a2 = a1, b2 = b1;
    if (a1.next) {
      a2.next = &b2;
    }
    if (variant == 3) b2.next = &a2;
    alignas(8) int64_t arr2[8];
    std::memcpy(arr2, arr1, sizeof arr1);
    uint64_t in1[] = {bits_of(&a1), bits_of(arr1), 2}, in2[] = {bits_of(&a2), bits_of(arr2), 2};
    Exit x1 = run_trace(t, in1);
    Exit x2 = run(*code, in2);
    ASSERT_EQ(x1.kind, x2.kind) << variant;
    ASSERT_EQ(x1.op, x2.op) << variant;
    if (x1.kind == ExitKind::kFinish) {
      EXPECT_TRUE(x1 == x2);
    }
    EXPECT_EQ(std::memcmp(arr1, arr2, sizeof arr1), 0) << variant;
    EXPECT_EQ(std::memcmp(&b1, &b2, offsetof(Obj, next)), 0) << variant;
    EXPECT_EQ(std::memcmp(&a1, &a2, offsetof(Obj, next)), 0) << variant;
  }
}

// Constant addresses as bases: raw memory at an absolute place. `words`
// is either the binary's own array (usually above 2^31: the base goes in
// a register) or a page mapped below 2^31 (the address is the
// displacement itself: [index*8 + address]).
void check_constant_bases(int64_t* words_at) {
  std::string words = std::to_string(bits_of(words_at));
  std::string common =
      "descr w = array(offset=0, type=i, size=8, signed)\n"
      "descr w2 = field(offset=16, type=i, size=8, signed)\n"
      "descr b = array(offset=8, type=i, size=1, unsigned)\n"
      "[i0]\n"
      "i1 = getarrayitem_raw_i(" + words + ", i0, descr=w)\n"
      "i2 = getarrayitem_raw_i(" + words + ", 3, descr=w)\n"
      "i3 = getfield_raw_i(" + words + ", descr=w2)\n"
      "i4 = int_add(i1, i2)\n"
      "setarrayitem_raw(" + words + ", i0, i4, descr=w)\n"
      "setfield_raw(" + words + ", 99, descr=w2)\n"
      "i6 = getarrayitem_raw_i(" + words + ", i0, descr=b)\n"
      "setarrayitem_raw(" + words + ", i0, i6, descr=b)\n";
  // A displacement past 2^31: compiled (the address in a register), not run.
  Trace far = parse_ok(common + "i5 = getarrayitem_raw_i(" + words + ", 0x7fffffff0, descr=w)\n"
                       "finish(i1, i2, i3, i4, i6)\n");
  ASSERT_TRUE(compile_ok(far));
  Trace near = parse_ok(common + "finish(i1, i2, i3, i4, i6)\n");
  auto near_code = compile_ok(near);
  ASSERT_TRUE(near_code);
  int64_t init[4] = {10, 20, 30, -40};
  for (uint64_t k = 0; k < 4; k++) {
    std::memcpy(words_at, init, sizeof init);
    uint64_t in[] = {k};
    Exit x1 = run_trace(near, in);
    int64_t after[4];
    std::memcpy(after, words_at, sizeof after);
    std::memcpy(words_at, init, sizeof init);
    Exit x2 = run(*near_code, in);
    EXPECT_TRUE(x1 == x2) << k;
    EXPECT_EQ(std::memcmp(after, words_at, sizeof after), 0) << k;
  }
}

int64_t g_words[4];

TEST(JitX64Ops, ConstantBases) { check_constant_bases(g_words); }

TEST(JitX64Ops, ConstantBasesBelowTwoGigabytes) {
  void* low = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  ASSERT_NE(low, MAP_FAILED);
  ASSERT_LT(bits_of(low), uint64_t{1} << 31);
  check_constant_bases(static_cast<int64_t*>(low));
  munmap(low, 4096);
}

int8_t narrow_minus_one(int64_t x) { return static_cast<int8_t>(static_cast<uint64_t>(x) - 1); }
uint16_t narrow_u16(int64_t x) { return static_cast<uint16_t>(x); }
double mix_floats(double a, int64_t b, double c) { return a * 2 + static_cast<double>(b) - c; }
int64_t six(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t g) {
  // Wrapping (the test passes edge values): in uint64_t, no overflow UB.
  auto u = [](int64_t v) { return static_cast<uint64_t>(v); };
  return static_cast<int64_t>(u(a) + 2 * u(b) + 3 * u(c) + 4 * u(d) + 5 * u(e) + 6 * u(g));
}

TEST(JitX64Ops, CallsWithNarrowAndFloatResults) {
  Symbols sym;
  sym.add("narrow_minus_one", reinterpret_cast<uint64_t>(&narrow_minus_one));
  sym.add("narrow_u16", reinterpret_cast<uint64_t>(&narrow_u16));
  sym.add("mix_floats", reinterpret_cast<uint64_t>(&mix_floats));
  sym.add("six", reinterpret_cast<uint64_t>(&six));
  Trace t = parse_ok(
      "descr n1 = call(fn=narrow_minus_one, args=(i), result=i, size=1, signed)\n"
      "descr n2 = call(fn=narrow_u16, args=(i), result=i, size=2, unsigned)\n"
      "descr mf = call(fn=mix_floats, args=(f, i, f), result=f)\n"
      "descr six = call(fn=six, args=(i, i, i, i, i, i), result=i)\n"
      "[i0, i1, f2]\n"
      "i3 = call_i(i0, descr=n1)\n"
      "i4 = call_i(i1, descr=n2)\n"
      "f5 = call_f(f2, i0, 0.5, descr=mf)\n"
      "i6 = call_i(i0, i1, i3, i4, 7, i0, descr=six)\n"
      "i7 = call_pure_i(i6, descr=n1)\n"
      "i8 = int_add(i0, i1)\n"
      "f9 = float_add(f5, f2)\n"
      "finish(i3, i4, f5, i6, i7, i8, f9, i0, i1, f2)\n",
      &sym);
  check_alike(t, {{i(0), i(-1), f(1.5)}, {i(200), i(70000), f(-3)}, {i(kMin), i(kMax), f(kNan)}});
}

struct Arena {
  alignas(16) uint8_t bytes[4096] = {};
  size_t used = 0;
  DescrTable* descrs = nullptr;
  uint64_t take(size_t n, uint64_t cls) {
    uint64_t p = bits_of(bytes + used);
    std::memset(bytes + used, 0, n);
    std::memcpy(bytes + used, &cls, 8);
    used += (n + 15) & ~size_t(15);
    return p;
  }
};

uint64_t arena_new(void* ctx, DescrId d) {
  auto* a = static_cast<Arena*>(ctx);
  const Descr& s = a->descrs->get(d);
  return a->take(s.alloc_size, s.class_value);
}
uint64_t arena_new_array(void* ctx, DescrId d, int64_t n) {
  auto* a = static_cast<Arena*>(ctx);
  const Descr& s = a->descrs->get(d);
  uint64_t p = a->take(s.offset + n * s.size, 0);
  std::memcpy(reinterpret_cast<void*>(p + s.length_offset), &n, 8);
  return p;
}

TEST(JitX64Ops, Allocation) {
  Trace t = parse_ok(
      "descr point = size(size=24, class=7)\n"
      "descr x = field(offset=8, type=i, size=8, signed)\n"
      "descr arr = array(offset=16, type=i, size=8, signed, length=8)\n"
      "[i0, i1]\n"
      "p2 = new_with_vtable(descr=point)\n"
      "setfield_gc(p2, i0, descr=x)\n"
      "p3 = new(descr=point)\n"
      "p4 = new_array(i1, descr=arr)\n"
      "setarrayitem_gc(p4, 1, i0, descr=arr)\n"
      "i5 = arraylen_gc(p4, descr=arr)\n"
      "i6 = getfield_gc_i(p2, descr=x)\n"
      "finish(p2, p3, p4, i5, i6, i0)\n");
  Arena a1, a2;
  a1.descrs = a2.descrs = &t.descrs();
  Runtime rt;
  rt.allocate = [&](const Descr& d) { return a1.take(d.alloc_size, d.class_value); };
  rt.allocate_array = [&](const Descr& d, int64_t n) {
    return arena_new_array(&a1, a1.descrs->find(d.name), n);
  };
  CompileOptions o;
  o.ctx = &a2;
  o.allocate = arena_new;
  o.allocate_array = arena_new_array;
  auto code = compile_ok(t, o);
  ASSERT_TRUE(code);
  uint64_t in[] = {i(-9), i(3)};
  Exit x1 = run_trace(t, in, rt);
  Exit x2 = run(*code, in);
  ASSERT_EQ(x1.kind, ExitKind::kFinish);
  ASSERT_EQ(x2.kind, ExitKind::kFinish);
  // Same offsets in each arena, same contents.
  uint64_t base1 = bits_of(a1.bytes), base2 = bits_of(a2.bytes);
  for (int k = 0; k < 3; k++) EXPECT_EQ(x1.values[k].bits - base1, x2.values[k].bits - base2);
  for (int k = 3; k < 6; k++) EXPECT_EQ(x1.values[k].bits, x2.values[k].bits);
  EXPECT_EQ(a1.used, a2.used);
  for (size_t k = 0; k < a1.used; k++) EXPECT_EQ(a1.bytes[k], a2.bytes[k]) << "byte " << k;

  // Without an allocator the compiler says so instead of emitting code.
  CompileResult r = compile(t);
  EXPECT_EQ(r.error, CompileError::kNoAllocator);
  EXPECT_EQ(r.op, 2u);
  EXPECT_FALSE(r.code);
}

uint64_t fake_call_assembler(void* ctx, DescrId, const uint64_t* args, uint64_t n) {
  uint64_t h = 17;
  for (uint64_t k = 0; k < n; k++) h = h * 31 + args[k];
  return h;
}

TEST(JitX64Ops, RuntimeWords) {
  Symbols sym;
  sym.add("six", reinterpret_cast<uint64_t>(&six));
  Trace t = parse_ok(
      "descr ca = call(fn=0x1234, args=(i, f, i), result=i)\n"
      "descr mf = call(fn=six, args=(i, i, i, i, i, i), result=i)\n"
      "[i0, f1]\n"
      "p2 = force_token()\n"
      "i3 = call_assembler_i(i0, f1, 5, descr=ca)\n"
      "guard_no_exception() [0@1/2: 0=i3]\n"
      "guard_not_invalidated() [0@2/2: 0=i3 1=p2]\n"
      "i4 = call_may_force_i(i3, 1, 2, 3, 4, 5, descr=mf)\n"
      "guard_not_forced() [0@3/2: 0=i3 1=i4]\n"
      "finish(p2, i3, i4)\n",
      &sym);
  uint64_t exception = 0;
  uint8_t invalidated = 0, forced = 0;
  Runtime rt;
  rt.exception = &exception;
  rt.invalidated = &invalidated;
  rt.forced = &forced;
  rt.force_token = 0xabcdef;
  rt.call_assembler = [](const Descr& d, std::span<const uint64_t> args) {
    return fake_call_assembler(nullptr, kNoDescr, args.data(), args.size());
  };
  CompileOptions o;
  o.exception = &exception;
  o.invalidated = &invalidated;
  o.forced = &forced;
  o.force_token = 0xabcdef;
  o.call_assembler = fake_call_assembler;
  auto code = compile_ok(t, o);
  ASSERT_TRUE(code);
  uint64_t in[] = {i(3), f(0.5)};
  for (int variant = 0; variant < 4; variant++) {
    exception = variant == 1;
    invalidated = variant == 2;
    forced = variant == 3;
    Exit x1 = run_trace(t, in, rt);
    Exit x2 = run(*code, in);
    EXPECT_TRUE(x1 == x2) << variant;
    EXPECT_EQ(x1.op, std::vector<uint32_t>({8, 4, 5, 7})[variant]);
  }
}

TEST(JitX64Ops, LoopWithPreambleSwapsLabelArgs) {
  // The jump permutes the label's arguments: a parallel move with a cycle.
  Trace t = parse_ok(
      "[i0, i1, i2, f3, f4]\n"
      "i5 = int_add(i2, 0)\n"
      "label(i0, i1, i5, f3, f4)\n"
      "i6 = int_lt(i5, 50)\n"
      "guard_true(i6) [0@0/5: 0=i0 1=i1 2=i5 3=f3 4=f4]\n"
      "i7 = int_add(i5, 1)\n"
      "f8 = float_add(f4, 1.0)\n"
      "jump(i1, i0, i7, f8, f3)\n");
  Runtime rt;
  auto exits = check_alike(t, {{i(10), i(20), i(0), f(0.5), f(-1)}, {i(1), i(2), i(49), f(0), f(0)}}, rt);
  ASSERT_EQ(exits.size(), 2u);
  EXPECT_EQ(exits[0].jumps, 50u);
}

// x64::run resolves every exit into one reused ir::Exit, as the Jit does:
// an exit with virtual objects and a value-less frame after it, then
// exits with fewer frames and no virtuals, must each come out whole.
TEST(JitX64Ops, ReusedExitsComeOutWhole) {
  Trace t = parse_ok(
      "descr point = size(size=24, class=0x50)\n"
      "descr x = field(offset=8, type=i, size=8, signed)\n"
      "descr next = field(offset=16, type=r, size=8)\n"
      "[i0]\n"
      "i1 = int_add(i0, 1)\n"
      "i2 = int_lt(i0, 10)\n"
      "guard_true(i2) [3@8/2: 0=i0 1=v0 | 4@9/1: 0=i0 | v0=new_with_vtable(point) x=i1 next=v1 | v1=new(point) x=7 next=v0]\n"
      "i3 = int_lt(i0, 5)\n"
      "guard_true(i3) [3@12/1: 0=i1]\n"
      "finish(i1, i0)\n");
  // i0 >= 10: two frames and two virtuals; 5..9: one frame; below: finish.
  std::vector<Exit> exits = check_alike(t, {{41}, {2}, {7}, {50}, {8}, {3}});
  ASSERT_EQ(exits.size(), 6u);
  EXPECT_EQ(exits[0].frames.size(), 2u);
  EXPECT_EQ(exits[0].virtuals.size(), 2u);
  EXPECT_EQ(exits[1].kind, ExitKind::kFinish);
  EXPECT_TRUE(exits[1].frames.empty() && exits[1].virtuals.empty());
  EXPECT_EQ(exits[4].frames.size(), 1u);
  EXPECT_TRUE(exits[4].virtuals.empty());
}

TEST(JitX64Ops, RunAtEntersALabel) {
  Trace t = parse_ok(
      "descr loop = target(args=(i, i, i))\n"
      "[i0, i1]\n"
      "i2 = int_mul(i1, 3)\n"
      "label(i0, i1, i2, descr=loop)\n"
      "i3 = int_add(i0, i2)\n"
      "i4 = int_lt(i3, 1000)\n"
      "guard_true(i4) [0@4/2: 0=i3 1=i1]\n"
      "jump(i3, i1, i2, descr=loop)\n");
  CompileOptions o;
  o.count_jumps = true;
  auto code = compile_ok(t, o);
  ASSERT_TRUE(code);
  uint64_t values[] = {105, 6, 18};
  Exit x1 = run_trace_at(t, 3, values);
  Exit x2 = run_at(*code, 3, values);
  EXPECT_TRUE(x1 == x2);
  EXPECT_EQ(x2.frames[0].slots[0].value.as_int(), 1005);
}

}  // namespace
}  // namespace pyrite::jit::x64
