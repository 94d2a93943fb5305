// The concrete execution context: handlers compiled with it are the
// interpreter (docs/jit.md, "The execution-context contract"). Every
// operation is the plain machine operation on one 64-bit word; the only
// JIT work left is the hot counter at loop headers.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>

#include "jit/trace/jit.h"
#include "jit/trace/specs.h"

namespace pyrite::jit::trace {

class ConcreteContext {
 public:
  // A value: the word itself. A struct, not a bare integer, so a handler
  // cannot compute on it except through the context.
  struct Val {
    uint64_t w = 0;
  };
  static constexpr bool kTracing = false;

  // jit == nullptr: the interpreter alone (--no-jit).
  explicit ConcreteContext(Jit* jit = nullptr) : jit_(jit) {}

  // ---- constants and words ----
  static Val const_int(int64_t v) { return {static_cast<uint64_t>(v)}; }
  static Val const_float(double v) { return {to_word(v)}; }
  static Val const_ref(const void* p) { return {to_word(p)}; }
  // The word of a value the handler must hand to non-traced code (an error
  // message, a host API); never used to decide what to do next.
  static uint64_t word(Val v) { return v.w; }

  // ---- arithmetic and compares (context_ops.def) ----
#define PYR_CX_INT_BINOP(m, op, expr) \
  static Val m(Val va, Val vb) {      \
    uint64_t a = va.w, b = vb.w;      \
    return {static_cast<uint64_t>(expr)}; \
  }
#define PYR_CX_INT_UNOP(m, op, expr) \
  static Val m(Val va) {             \
    uint64_t a = va.w;               \
    return {static_cast<uint64_t>(expr)}; \
  }
#define PYR_CX_FLOAT_BINOP(m, op, expr) \
  static Val m(Val va, Val vb) {        \
    double x = from_word<double>(va.w), y = from_word<double>(vb.w); \
    return {to_word<double>(expr)};     \
  }
#define PYR_CX_FLOAT_CMP(m, op, expr) \
  static Val m(Val va, Val vb) {      \
    double x = from_word<double>(va.w), y = from_word<double>(vb.w); \
    return {static_cast<uint64_t>(expr)}; \
  }
#include "jit/trace/context_ops.def"
#undef PYR_CX_INT_BINOP
#undef PYR_CX_INT_UNOP
#undef PYR_CX_FLOAT_BINOP
#undef PYR_CX_FLOAT_CMP

  // Addition that reports overflow (Python's small ints).
  static bool add_overflows(Val a, Val b, Val* out) {
    int64_t r;
    bool o = __builtin_add_overflow(static_cast<int64_t>(a.w), static_cast<int64_t>(b.w), &r);
    out->w = static_cast<uint64_t>(r);
    return o;
  }

  // ---- branches: a plain test ----
  static bool is_true(Val v) { return v.w != 0; }
  // After a call that may raise: whether the language has an exception pending.
  static bool raised(bool pending) { return pending; }
  // ---- hints ----
  static Val promote(Val v) { return v; }

  // ---- memory ----
  template <class T>
  static Val load_item(const ArraySpec<T>& s, Val base, Val index) {
    T x;
    std::memcpy(&x, reinterpret_cast<const char*>(base.w + s.offset + index.w * sizeof(T)), sizeof(T));
    return {to_word(x)};
  }
  template <class T>
  static void store_item(const ArraySpec<T>& s, Val base, Val index, Val v) {
    T x = from_word<T>(v.w);
    std::memcpy(reinterpret_cast<char*>(base.w + s.offset + index.w * sizeof(T)), &x, sizeof(T));
  }
  template <class T>
  static Val load_field(const FieldSpec<T>& s, Val base) {
    T x;
    std::memcpy(&x, reinterpret_cast<const char*>(base.w + s.offset), sizeof(T));
    return {to_word(x)};
  }
  // A write to a quasi-immutable field invalidates the traces that folded it.
  template <class T>
  void store_field(const FieldSpec<T>& s, Val base, Val v) {
    T x = from_word<T>(v.w);
    std::memcpy(reinterpret_cast<char*>(base.w + s.offset), &x, sizeof(T));
    if ((s.flags & ir::DescrFlag::kQuasiImmutable) && jit_) jit_->quasi_immutable_written(base.w + s.offset);
  }

  // ---- calls and allocation ----
  template <class R, class... A, class... V>
  static auto call(const CallSpec<R, A...>& s, V... args) {
    static_assert(sizeof...(A) == sizeof...(V), "argument count differs from the CallSpec");
    if constexpr (std::is_void_v<R>) {
      s.fn(from_word<A>(args.w)...);
    } else {
      return Val{to_word<R>(s.fn(from_word<A>(args.w)...))};
    }
  }
  static Val alloc(const SizeSpec& s) { return {s.allocate(s.size, s.class_value)}; }

  // ---- the recorder's hooks: nothing to do here ----
  static constexpr bool stopped() { return false; }
  static void begin_instruction(uint32_t) {}
  static void resume_point(uint32_t) {}

  // ---- loop headers: the hot counter ----
  // Returns true when the JIT wants the interpreter to stop at this header
  // (action() says why: record from here, or enter the compiled loop).
  bool loop_header(const GreenKey& key, std::span<const Val>) {
    if (!jit_) return false;
    action_ = jit_->loop_header(key, &cell_);
    return action_ != HotAction::kNone;
  }
  // A loop entered from outside: nothing to count (the recorder's hook).
  static void loop_entry(const GreenKey&, std::span<const Val>) {}
  HotAction action() const { return action_; }
  uint32_t cell() const { return cell_; }
  Jit* jit() const { return jit_; }

 private:
  Jit* jit_;
  HotAction action_ = HotAction::kNone;
  uint32_t cell_ = 0;
};

}  // namespace pyrite::jit::trace
