// The concrete Python execution context: handlers compiled with it are the
// interpreter (docs/interp.md, "Handlers and contexts"; the contract is
// DESIGN.md's "execution-context contract").
//
// It owns the registers of the running frame: the frame, its stack pointer
// and the next pc. Everything a handler does with a value goes through it:
// stack and local slots, tag and type tests (guards when tracing), small-int
// arithmetic, residual calls into the runtime. Compiled with this context
// each operation is the plain machine operation.
#pragma once

#include <cstdint>
#include <utility>

#include "python/interp/frame.h"
#include "python/objects/float.h"
#include "python/objects/object.h"

namespace pyrite::python {

// Every member is inlined: the dispatch loop's context must never have its
// address taken by an out-of-line call (see cold()).
#define PYR_REG [[gnu::always_inline]]

class ConcretePyContext {
 public:
  using Val = Value;
  static constexpr bool kTracing = false;

  // ---- the frame registers ----
  Frame* frame = nullptr;
  Value* sp = nullptr;
  const compile::Unit* code = nullptr;  // frame->code->code()
  const compile::Unit* ip = nullptr;    // the next instruction
  const compile::Unit* at = nullptr;    // the instruction being executed
  Tuple* kwnames = nullptr;              // set by KW_NAMES for the next CALL

  PYR_REG void load(Frame* f) {
    frame = f;
    code = f->code->code();
    sp = f->stack_base() + f->stack_depth;
    ip = code + f->pc;
    at = ip;
  }
  // Publishes the registers to the frame before it stops being the running
  // one (a call, a yield): lasti is the instruction that made the call.
  PYR_REG void save() {
    frame->pc = pc();
    frame->lasti = static_cast<int32_t>(cur());
    frame->stack_depth = static_cast<uint32_t>(sp - frame->stack_base());
  }

  // The next instruction and the current one as unit offsets in the code;
  // a jump sets the next one.
  PYR_REG uint32_t pc() const { return static_cast<uint32_t>(ip - code); }
  PYR_REG uint32_t cur() const { return static_cast<uint32_t>(at - code); }
  PYR_REG void jump(uint32_t target) { ip = code + target; }
  PYR_REG void set_cur(uint32_t offset) { at = code + offset; }

  // ---- value stack and locals ----
  // Popped slots are cleared: the collector visits every slot of a frame,
  // and a stale value there would keep a dead object (and its __del__ or
  // weak references) alive until the slot is reused.
  PYR_REG Value pop() {
    Value v = *--sp;
    *sp = Value();
    return v;
  }
  PYR_REG void push(Value v) { *sp++ = v; }
  PYR_REG Value top() const { return sp[-1]; }
  PYR_REG Value peek(int n) const { return sp[-n]; }  // 1 = top
  PYR_REG void poke(int n, Value v) { sp[-n] = v; }
  PYR_REG void drop(int n) {
    // The empty asm keeps the compiler from making this loop a memset call,
    // which costs more than the few stores of a real drop.
    for (int i = 0; i < n; i++) {
      *--sp = Value();
      asm("");
    }
  }
  // Pushes n values written in place above the stack top (UNPACK_*).
  PYR_REG void grow(int n) { sp += n; }
  PYR_REG Value* stack_top_ptr(int n) { return sp - n; }  // address of the n-th from top (args arrays)
  PYR_REG Value local(int i) const { return frame->slots()[i]; }
  PYR_REG void set_local(int i, Value v) { frame->slots()[i] = v; }
  PYR_REG int depth() const { return static_cast<int>(sp - frame->stack_base()); }

  // A Value local of the dispatch loop whose address was taken stays in its
  // stack frame after use; the collector scans that frame conservatively,
  // so a stale copy would keep a dead object alive (its __del__ and weak
  // references late). Clears it; the barrier keeps the store.
  static void clear_stale(Value& v) {
    v = Value();
    asm volatile("" : : "r"(&v) : "memory");
  }

  // ---- constants ----
  static Value constant(Value v) { return v; }

  // ---- tests on values: guards when tracing ----
  static bool is_null(Value v) { return v.is_null(); }
  static bool is_small(Value v) { return v.is_small(); }
  static bool both_small(Value a, Value b) { return (a.bits() & b.bits() & 1) != 0; }
  static bool is(Value a, Value b) { return a == b; }
  static Type* type_of_(Value v) { return python::type_of(v); }
  static bool has_type(Value v, const Type* t) {
    return v.is_object() ? v.object()->type == t : v.is_immediate_float() && t == types::float_;
  }
  static Value promote(Value v) { return v; }

  // ---- small-int arithmetic (tagged) ----
  static int64_t small(Value v) { return v.small_value(); }
  static bool add_small(Value a, Value b, Value* out) {
    int64_t r;
    if (__builtin_add_overflow(a.small_value(), b.small_value(), &r) || !Value::fits_small(r)) return false;
    *out = Value::small(r);
    return true;
  }
  static bool sub_small(Value a, Value b, Value* out) {
    int64_t r;
    if (__builtin_sub_overflow(a.small_value(), b.small_value(), &r) || !Value::fits_small(r)) return false;
    *out = Value::small(r);
    return true;
  }
  static bool mul_small(Value a, Value b, Value* out) {
    int64_t r;
    if (__builtin_mul_overflow(a.small_value(), b.small_value(), &r) || !Value::fits_small(r)) return false;
    *out = Value::small(r);
    return true;
  }
  // Python's floor division and modulo (the sign of the divisor); false
  // for a zero divisor or a result that does not fit (the slow path raises
  // or makes a big int).
  static bool floordiv_small(Value a, Value b, Value* out) {
    int64_t x = a.small_value(), y = b.small_value();
    if (y == 0) return false;
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    if (!Value::fits_small(q)) return false;
    *out = Value::small(q);
    return true;
  }
  static bool mod_small(Value a, Value b, Value* out) {
    int64_t x = a.small_value(), y = b.small_value();
    if (y == 0) return false;
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    *out = Value::small(r);
    return true;
  }
  // Bitwise operations of two small ints: on the tagged words directly.
  static Value and_small(Value a, Value b) { return Value::from_bits(a.bits() & b.bits()); }
  static Value or_small(Value a, Value b) { return Value::from_bits(a.bits() | b.bits()); }
  static Value xor_small(Value a, Value b) { return Value::from_bits((a.bits() ^ b.bits()) | 1); }
  // Shifts of a small int by a small count; false for a negative count or
  // a left shift whose result does not fit (the slow path raises or makes
  // a big int). A right shift by 63 or more leaves the sign: 0 or -1.
  static bool rshift_small(Value a, Value b, Value* out) {
    int64_t x = a.small_value(), n = b.small_value();
    if (n < 0) return false;
    *out = Value::small(x >> (n < 63 ? n : 63));
    return true;
  }
  static bool lshift_small(Value a, Value b, Value* out) {
    int64_t x = a.small_value(), n = b.small_value();
    if (n < 0) return false;
    if (x == 0) {
      *out = a;
      return true;
    }
    if (n > 62) return false;
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << n);
    if ((r >> n) != x || !Value::fits_small(r)) return false;
    *out = Value::small(r);
    return true;
  }
  // True division of two small ints both exactly doubles: the quotient of
  // the doubles is the correctly rounded one CPython computes. False for a
  // zero divisor or a larger operand (the slow path).
  static bool truediv_small(Value a, Value b, Value* out) {
    int64_t x = a.small_value(), y = b.small_value();
    constexpr int64_t kExact = int64_t(1) << 53;
    if (y == 0 || x < -kExact || x > kExact || y < -kExact || y > kExact) return false;
    *out = float_new(double(x) / double(y));
    return true;
  }

  // ---- float arithmetic (immediate or boxed exact floats) ----
  // An operand of float arithmetic: an exact float, or a small int (float's
  // operators convert it with correct rounding, as (double) does).
  static bool float_operand(Value v, double* out) {
    if (v.is_immediate_float()) {
      *out = v.immediate_float_value();
    } else if (v.is_small()) {
      *out = double(v.small_value());
    } else if (v.is_object() && v.object()->type == types::float_) {
      *out = v.as<Float>()->value;
    } else {
      return false;
    }
    return true;
  }
  // An operand of a float comparison: an exact float, or a small int that
  // is exactly a double (CPython compares larger ints exactly).
  static bool float_compare_operand(Value v, double* out) {
    constexpr int64_t kExact = int64_t(1) << 53;
    if (v.is_small() && (v.small_value() < -kExact || v.small_value() > kExact)) return false;
    return float_operand(v, out);
  }
  static Value make_float(double d) { return float_new(d); }
  // float's + - * /; false for other operators and for a zero divisor (the
  // slow path raises ZeroDivisionError).
  static bool float_arith(uint32_t op, double x, double y, Value* out) {
    double r;
    switch (static_cast<BinaryOp>(op)) {
      case BinaryOp::kAdd: r = x + y; break;
      case BinaryOp::kSub: r = x - y; break;
      case BinaryOp::kMul: r = x * y; break;
      case BinaryOp::kTrueDiv:
        if (y == 0) return false;
        r = x / y;
        break;
      default: return false;
    }
    *out = make_float(r);
    return true;
  }
  // C++'s double comparisons are float's (every one false with a nan but !=).
  static bool compare_float(double x, double y, int op) {
    switch (op) {
      case 0: return x < y;
      case 1: return x <= y;
      case 2: return x == y;
      case 3: return x != y;
      case 4: return x > y;
      default: return x >= y;
    }
  }

  static bool compare_small(Value a, Value b, int op) {
    int64_t x = a.small_value(), y = b.small_value();
    switch (op) {
      case 0: return x < y;
      case 1: return x <= y;
      case 2: return x == y;
      case 3: return x != y;
      case 4: return x > y;
      default: return x >= y;
    }
  }

  // ---- an instruction's out-of-line part ----
  // Calls `fn(cx, args...)`, a handler (or its slow half) compiled out of
  // the dispatch loop, on a copy of the registers that lives in memory, and
  // takes the registers back. The loop's own context is never passed by
  // reference to code it does not inline, so the compiler keeps the frame,
  // stack pointer and pc in machine registers (docs/interp.md, "Registers
  // of the dispatch loop").
  template <class F, class... A>
  [[gnu::always_inline]] auto cold(F fn, A&&... args) {
    ConcretePyContext m = *this;
    auto step = fn(m, std::forward<A>(args)...);
    *this = m;
    return step;
  }

  // ---- residual calls into the runtime ----
  template <class F, class... A>
  static auto call(F fn, A&&... args) {
    return fn(std::forward<A>(args)...);
  }

  // ---- the JIT's hooks: nothing to do without a JIT ----
  static void begin_instruction(uint32_t) {}
  static bool loop_header(Code*, uint32_t) { return false; }
};

}  // namespace pyrite::python
