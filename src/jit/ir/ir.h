// The trace IR: ops from ir.def, the Trace container and its builder
// (docs/jit.md, "IR"). Language-agnostic: nothing here knows Python or BF.
//
// Invariants of a Trace:
//   - It is a linear list of ops in SSA form. An op's result is named by
//     Ref::value(op index). Inputargs are the leading `input` ops.
//   - Operands are values of earlier ops or constants of the trace's pool
//     (interned: one entry per (type, bits)). Ref constants are GC roots
//     while the trace lives (for_each_ref_constant).
//   - Every guard carries a snapshot (snapshot.h); no other op does.
//   - `label` args are its phis: a `jump` to it assigns them in parallel
//     and continues after the label. With no label, jump assigns the
//     inputargs and continues after them. After a label, ops and snapshots
//     use only values defined after it and its args (so a bridge can enter
//     the loop at the label with just those values).
//   - A jump with a target descriptor goes to the label with that
//     descriptor: in this trace (a loop) or in another one (a bridge's end).
//   - The verifier (ir_verify.h) checks all of this; builders do not.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "jit/ir/descr.h"
#include "jit/ir/ref.h"
#include "jit/ir/snapshot.h"
#include "jit/ir/types.h"

namespace pyrite::jit::ir {

enum class Opcode : uint16_t {
#define PYR_IR_OP(Name, text, result, args, descr, effects) k##Name,
#include "jit/ir/ir.def"
#undef PYR_IR_OP
  kCount
};
inline constexpr int kNumOpcodes = static_cast<int>(Opcode::kCount);

// The descriptor kind an op requires (ir.def's DESCR column).
enum class DescrReq : uint8_t { kNone, kField, kArray, kSize, kCall, kTargetOpt };

struct OpInfo {
  const char* name;
  char result;       // 'v' 'i' 'f' 'r' 'a'
  const char* args;  // signature letters, see ir.def
  DescrReq descr;
  Effects effects;
};

namespace detail {
using namespace effect;
inline constexpr OpInfo kOpInfo[] = {
#define PYR_IR_OP(Name, text, result, args, descr, effects) \
  {#text, result, args, DescrReq::k##descr, effects},
#include "jit/ir/ir.def"
#undef PYR_IR_OP
};
}  // namespace detail

constexpr const OpInfo& op_info(Opcode op) { return detail::kOpInfo[static_cast<int>(op)]; }
constexpr const char* op_name(Opcode op) { return op_info(op).name; }
constexpr Effects op_effects(Opcode op) { return op_info(op).effects; }
constexpr bool is_guard(Opcode op) { return op_effects(op) & effect::kGuard; }
constexpr bool is_call(Opcode op) { return op_effects(op) & effect::kCall; }
constexpr bool is_final(Opcode op) { return op_effects(op) & effect::kFinal; }
constexpr bool is_ovf(Opcode op) { return op_effects(op) & effect::kOvf; }
constexpr bool is_overflow_guard(Opcode op) {
  return op == Opcode::kGuardNoOverflow || op == Opcode::kGuardOverflow;
}
constexpr bool is_call_may_force(Opcode op) {
  return op == Opcode::kCallMayForceI || op == Opcode::kCallMayForceR ||
         op == Opcode::kCallMayForceF || op == Opcode::kCallMayForceN;
}
// Whether an op whose result is unused may be deleted (DCE): nothing it
// does is observable apart from its result. Guards, stores, calls that may
// raise or run code, markers, *_ovf ops (their guard reads them) and
// jumps stay; pure ops, loads and allocations go.
constexpr bool removable_if_unused(Effects e) {
  using namespace effect;
  return !(e & (kGuard | kOvf | kWritesHeap | kMayRaise | kCallsArbitrary | kFinal | kMarker |
                kCanInvalidate | kForcesVirtuals));
}
// The op's result type when the table fixes it; kVoid for 'v'; nullopt for 'a'.
constexpr std::optional<Type> fixed_result_type(Opcode op) {
  switch (op_info(op).result) {
    case 'v': return Type::kVoid;
    case 'i': return Type::kInt;
    case 'f': return Type::kFloat;
    case 'r': return Type::kRef;
    default: return std::nullopt;
  }
}
// Lookup by printed name.
std::optional<Opcode> opcode_from_name(std::string_view name);

// A constant of the pool.
struct Const {
  Type type;
  uint64_t bits;
  int64_t as_int() const { return static_cast<int64_t>(bits); }
  double as_float() const {
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
};

struct Op {
  Opcode opcode;
  Type type;            // result type (kVoid if none)
  uint8_t pad = 0;
  uint32_t first_arg;   // into Trace's argument pool
  uint32_t num_args;
  DescrId descr;
  SnapshotId snapshot;
};

class Trace {
 public:
  explicit Trace(std::shared_ptr<DescrTable> descrs = nullptr);

  // ---- ops ----
  uint32_t num_ops() const { return static_cast<uint32_t>(ops_.size()); }
  const Op& op(uint32_t i) const { return ops_[i]; }
  std::span<const Ref> args(const Op& o) const { return {args_.data() + o.first_arg, o.num_args}; }
  std::span<const Ref> args(uint32_t i) const { return args(ops_[i]); }
  Ref arg(uint32_t i, uint32_t k) const { return args_[ops_[i].first_arg + k]; }
  uint32_t num_inputs() const { return num_inputs_; }
  size_t num_arg_slots() const { return args_.size(); }  // operands of all ops
  // Capacity for `ops` ops with `args` operands in all (a pass's output).
  void reserve(size_t ops, size_t args) {
    ops_.reserve(ops);
    args_.reserve(args);
  }
  Ref input(uint32_t k) const { return Ref::value(k); }
  // The type of a value or constant (kVoid for none or virtual refs).
  Type type_of(Ref r) const;
  // The op index of the label a jump targets: the last label, or nullopt
  // when the trace has none (the jump then targets the inputargs).
  std::optional<uint32_t> loop_label() const;
  // The label carrying target descriptor `d`, if this trace has it.
  std::optional<uint32_t> label_of(DescrId d) const;
  // The op's effects: the table's bits, narrowed by its call descriptor.
  Effects effects_of(uint32_t i) const;

  // ---- building (no checks beyond the table's; run the verifier) ----
  Ref add_input(Type t);
  // `type` is needed only for ops whose result is 'a' (input, same_as);
  // same_as defaults to its operand's type.
  Ref emit(Opcode op, std::span<const Ref> args, DescrId descr = kNoDescr,
           SnapshotId snapshot = kNoSnapshot, Type type = Type::kVoid);
  Ref emit(Opcode op, std::initializer_list<Ref> args, DescrId descr = kNoDescr,
           SnapshotId snapshot = kNoSnapshot, Type type = Type::kVoid) {
    return emit(op, std::span<const Ref>(args.begin(), args.size()), descr, snapshot, type);
  }
  void set_snapshot(uint32_t op_index, SnapshotId s) { ops_[op_index].snapshot = s; }
  // Drops the ops from `num_ops` on (the inputs stay). Constants,
  // snapshots and descriptors they added stay (unreferenced).
  void truncate(uint32_t num_ops) {
    num_ops = std::max(num_ops, num_inputs_);
    if (num_ops >= ops_.size()) return;
    args_.resize(ops_[num_ops].first_arg);
    ops_.resize(num_ops);
  }

  // ---- constants ----
  Ref const_int(int64_t v) { return intern(Type::kInt, static_cast<uint64_t>(v)); }
  Ref const_float(double v);
  Ref const_ref(uint64_t address) { return intern(Type::kRef, address); }
  Ref intern(Type t, uint64_t bits);
  // Starts this trace's constant pool as a copy of `src`'s, so that its
  // constant Refs mean the same here (a pass's output; no constants yet).
  void adopt_constants(const Trace& src);
  const Const& constant(Ref r) const { return consts_[r.index()]; }
  uint32_t num_consts() const { return static_cast<uint32_t>(consts_.size()); }
  // Calls f(uint64_t address) for every non-null ref constant: the GC roots
  // this trace holds while it lives.
  template <class F>
  void for_each_ref_constant(F&& f) const {
    for (const Const& c : consts_)
      if (c.type == Type::kRef && c.bits != 0) f(c.bits);
  }

  // ---- descriptors and snapshots ----
  DescrTable& descrs() { return *descrs_; }
  const DescrTable& descrs() const { return *descrs_; }
  const std::shared_ptr<DescrTable>& shared_descrs() const { return descrs_; }
  const Descr& descr(DescrId id) const { return descrs_->get(id); }
  SnapshotTable& snapshots() { return snapshots_; }
  const SnapshotTable& snapshots() const { return snapshots_; }
  SnapshotId add_snapshot(const SnapshotBuilder& b) { return snapshots_.add(b); }
  // The distinct values (not constants) a snapshot needs, through its
  // virtuals too, in first-mention order: a guard's "failargs", which the
  // backend keeps in registers or spill slots and DCE keeps alive. The
  // language frames' values come first, then their virtuals' fields, then
  // (with_stores) the store frames' (snapshot.h): a bridge's inputargs are
  // the values without the stores, a prefix of its guard's failargs.
  std::vector<Ref> snapshot_values(SnapshotId s, bool with_stores = true) const;

 private:
  std::shared_ptr<DescrTable> descrs_;
  std::vector<Op> ops_;
  std::vector<Ref> args_;
  std::vector<Const> consts_;
  // (type, bits) -> constant index: open addressing (linear probing on a
  // Fibonacci hash), no allocation per constant; grown at half full.
  struct ConstSlot {
    uint64_t bits = 0;
    uint32_t index = UINT32_MAX;  // UINT32_MAX: empty
  };
  std::vector<ConstSlot> const_slots_;
  int const_shift_ = 64;
  SnapshotTable snapshots_;
  uint32_t num_inputs_ = 0;
};

// The API the tracing context and the passes emit through: one helper per
// op of ir.def, named as printed (`b.int_add(x, y)`). Arguments may be Refs,
// integers (interned int constants), doubles (float constants), a DescrId
// and a SnapshotId, in any order; guards without an explicit SnapshotId get
// the builder's current snapshot.
class Builder {
 public:
  explicit Builder(Trace& t) : trace_(t) {}
  Trace& trace() { return trace_; }
  void set_snapshot(SnapshotId s) { snapshot_ = s; }
  SnapshotId snapshot() const { return snapshot_; }
  Ref input(Type t) { return trace_.add_input(t); }
  Ref const_int(int64_t v) { return trace_.const_int(v); }
  Ref const_float(double v) { return trace_.const_float(v); }
  Ref const_ref(uint64_t a) { return trace_.const_ref(a); }

#define PYR_IR_OP(Name, text, result, args, descr, effects)  \
  template <class... A>                                       \
  Ref text(A... a) {                                          \
    return collect_and_emit(Opcode::k##Name, a...);           \
  }
#define PYR_IR_OP_KEYWORD(Name, text, result, args, descr, effects) \
  template <class... A>                                              \
  Ref text##_(A... a) {                                              \
    return collect_and_emit(Opcode::k##Name, a...);                  \
  }
#include "jit/ir/ir.def"
#undef PYR_IR_OP

  // For 'a'-typed results (same_as with an explicit type, input).
  template <class... A>
  Ref typed(Opcode op, Type t, A... a) {
    Pending<sizeof...(A)> p;
    (p.add(*this, a), ...);
    return finish(op, p.refs(), p.descr, p.snapshot, t);
  }

 private:
  // The operands of one op being built: on the stack (a builder call
  // names each operand, so their number is known at compile time).
  template <size_t N>
  struct Pending {
    std::array<Ref, N> args;
    size_t n = 0;
    DescrId descr = kNoDescr;
    SnapshotId snapshot = kNoSnapshot;
    void add(Builder&, Ref r) { args[n++] = r; }
    void add(Builder&, DescrId d) { descr = d; }
    void add(Builder&, SnapshotId s) { snapshot = s; }
    void add(Builder& b, double v) { args[n++] = b.trace_.const_float(v); }
    template <class I>
      requires std::is_integral_v<I>
    void add(Builder& b, I v) { args[n++] = b.trace_.const_int(static_cast<int64_t>(v)); }
    std::span<const Ref> refs() const { return {args.data(), n}; }
  };
  template <class... A>
  Ref collect_and_emit(Opcode op, A... a) {
    Pending<sizeof...(A)> p;
    (p.add(*this, a), ...);
    return finish(op, p.refs(), p.descr, p.snapshot, Type::kVoid);
  }
  Ref finish(Opcode op, std::span<const Ref> args, DescrId descr, SnapshotId snapshot, Type t);

  Trace& trace_;
  SnapshotId snapshot_ = kNoSnapshot;
};

}  // namespace pyrite::jit::ir
