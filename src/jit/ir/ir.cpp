// The trace IR's tables and containers (docs/jit.md, "IR").
#include "jit/ir/ir.h"

#include <bit>
#include <string>

#include "base/check.h"

namespace pyrite::jit::ir {

char type_letter(Type t) {
  switch (t) {
    case Type::kVoid: return 'v';
    case Type::kInt: return 'i';
    case Type::kFloat: return 'f';
    case Type::kRef: return 'r';
  }
  PYR_UNREACHABLE();
}

char value_letter(Type t) { return t == Type::kRef ? 'p' : type_letter(t); }

const char* type_name(Type t) {
  switch (t) {
    case Type::kVoid: return "void";
    case Type::kInt: return "int";
    case Type::kFloat: return "float";
    case Type::kRef: return "ref";
  }
  PYR_UNREACHABLE();
}

std::optional<Opcode> opcode_from_name(std::string_view name) {
  static const std::unordered_map<std::string_view, Opcode> table = [] {
    std::unordered_map<std::string_view, Opcode> m;
    for (int i = 0; i < kNumOpcodes; i++) m.emplace(detail::kOpInfo[i].name, static_cast<Opcode>(i));
    return m;
  }();
  auto it = table.find(name);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

Trace::Trace(std::shared_ptr<DescrTable> descrs)
    : descrs_(descrs ? std::move(descrs) : std::make_shared<DescrTable>()) {}

Type Trace::type_of(Ref r) const {
  switch (r.kind()) {
    case Ref::Kind::kValue:
      return r.index() < ops_.size() ? ops_[r.index()].type : Type::kVoid;
    case Ref::Kind::kConst:
      return r.index() < consts_.size() ? consts_[r.index()].type : Type::kVoid;
    default:
      return Type::kVoid;
  }
}

std::optional<uint32_t> Trace::loop_label() const {
  for (uint32_t i = num_ops(); i-- > 0;)
    if (ops_[i].opcode == Opcode::kLabel) return i;
  return std::nullopt;
}

std::optional<uint32_t> Trace::label_of(DescrId d) const {
  for (uint32_t i = 0; i < num_ops(); i++)
    if (ops_[i].opcode == Opcode::kLabel && ops_[i].descr == d) return i;
  return std::nullopt;
}

Effects Trace::effects_of(uint32_t i) const {
  const Op& o = ops_[i];
  Effects e = op_effects(o.opcode);
  if (is_call(o.opcode) && o.descr != kNoDescr) {
    const Descr& d = descr(o.descr);
    if (d.kind == DescrKind::kCall) {
      // The descriptor narrows what a call may do; kPure comes only from it
      // (an elidable callee) or from call_pure's own bit.
      constexpr Effects kNarrowable = effect::kReadsHeap | effect::kWritesHeap | effect::kMayRaise |
                                      effect::kCallsArbitrary | effect::kCanCollect;
      e = (e & ~kNarrowable) | (e & d.effects & kNarrowable) |
          (d.effects & (effect::kCanInvalidate | effect::kForcesVirtuals));
      if ((d.effects & effect::kPure) && (o.opcode == Opcode::kCallPureI ||
                                          o.opcode == Opcode::kCallPureR ||
                                          o.opcode == Opcode::kCallPureF))
        e |= effect::kPure;
    }
  }
  return e;
}

std::vector<Ref> Trace::snapshot_values(SnapshotId s, bool with_stores) const {
  std::vector<Ref> out;
  std::vector<uint32_t> todo;
  std::vector<bool> seen_value(ops_.size()), seen_virtual(snapshots_.num_virtuals());
  auto visit = [&](Ref r) {
    if (r.is_value() && !seen_value[r.index()]) {
      seen_value[r.index()] = true;
      out.push_back(r);
    } else if (r.is_virtual() && !seen_virtual[r.index()]) {
      seen_virtual[r.index()] = true;
      todo.push_back(r.index());
    }
  };
  for (uint32_t fid : snapshots_.frames_of(s))
    if (!is_store_frame(snapshots_.frame(fid).kind))
      for (const SnapEntry& e : snapshots_.entries(snapshots_.frame(fid))) visit(e.ref);
  // Virtual fields after the frames, breadth first.
  for (size_t k = 0; k < todo.size(); k++)
    for (const VirtualField& f : snapshots_.fields(snapshots_.virtual_object(todo[k]))) visit(f.value);
  if (with_stores)
    for (uint32_t fid : snapshots_.frames_of(s))
      if (is_store_frame(snapshots_.frame(fid).kind))
        for (const SnapEntry& e : snapshots_.entries(snapshots_.frame(fid))) visit(e.ref);
  return out;
}

Ref Trace::add_input(Type t) {
  PYR_CHECK_MSG(num_inputs_ == ops_.size(), "inputargs come before every other op");
  PYR_CHECK(t != Type::kVoid);
  ops_.push_back(Op{Opcode::kInput, t, 0, static_cast<uint32_t>(args_.size()), 0, kNoDescr,
                    kNoSnapshot});
  num_inputs_++;
  return Ref::value(num_inputs_ - 1);
}

Ref Trace::emit(Opcode op, std::span<const Ref> args, DescrId descr, SnapshotId snapshot,
                Type type) {
  if (op == Opcode::kInput) return add_input(type);
  std::optional<Type> fixed = fixed_result_type(op);
  Type t = fixed ? *fixed : type;
  if (!fixed && t == Type::kVoid && !args.empty()) t = type_of(args[0]);  // same_as
  PYR_CHECK(ops_.size() < Ref::kMaxIndex);
  uint32_t first = static_cast<uint32_t>(args_.size());
  for (Ref a : args) args_.push_back(a);  // (few operands: cheaper than a range insert)
  ops_.push_back(Op{op, t, 0, first, static_cast<uint32_t>(args.size()), descr, snapshot});
  return Ref::value(static_cast<uint32_t>(ops_.size() - 1));
}

void Trace::adopt_constants(const Trace& src) {
  PYR_CHECK(consts_.empty());
  consts_ = src.consts_;
  const_slots_ = src.const_slots_;
  const_shift_ = src.const_shift_;
}

Ref Trace::const_float(double v) { return intern(Type::kFloat, std::bit_cast<uint64_t>(v)); }

Ref Trace::intern(Type t, uint64_t bits) {
  auto slot_of = [&](Type type, uint64_t b) {
    uint64_t h = (b ^ (uint64_t(type) << 59)) * 0x9e3779b97f4a7c15ull;
    return static_cast<size_t>((h ^ (h >> 29)) >> const_shift_);
  };
  if ((consts_.size() + 1) * 2 > const_slots_.size()) {  // grow (and build on first use)
    size_t n = const_slots_.empty() ? 64 : const_slots_.size() * 2;
    const_slots_.assign(n, ConstSlot{});
    const_shift_ = 64 - std::countr_zero(n);
    for (uint32_t k = 0; k < consts_.size(); k++) {
      size_t i = slot_of(consts_[k].type, consts_[k].bits);
      while (const_slots_[i].index != UINT32_MAX) i = (i + 1) & (n - 1);
      const_slots_[i] = ConstSlot{consts_[k].bits, k};
    }
  }
  size_t mask = const_slots_.size() - 1;
  size_t i = slot_of(t, bits);
  for (;; i = (i + 1) & mask) {
    const ConstSlot& s = const_slots_[i];
    if (s.index == UINT32_MAX) break;
    if (s.bits == bits && consts_[s.index].type == t) return Ref::constant(s.index);
  }
  PYR_CHECK(consts_.size() < Ref::kMaxIndex);
  uint32_t index = static_cast<uint32_t>(consts_.size());
  consts_.push_back(Const{t, bits});
  const_slots_[i] = ConstSlot{bits, index};
  return Ref::constant(index);
}

Ref Builder::finish(Opcode op, std::span<const Ref> args, DescrId descr, SnapshotId snapshot, Type t) {
  if (snapshot == kNoSnapshot && is_guard(op)) snapshot = snapshot_;
  return trace_.emit(op, args, descr, snapshot, t);
}

}  // namespace pyrite::jit::ir
