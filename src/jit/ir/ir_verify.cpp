// Trace verifier (docs/jit.md, "Verifier").
//
// Invariant checked: the trace is one SSA list where each operand and each
// snapshot entry is defined strictly before its use, and nothing defined
// before a label is used after it unless it is the label's operand; every
// op matches its ir.def signature and descriptor kind; guards, and only
// guards, carry well-formed snapshots; *_ovf ops pair with the overflow
// guard right after them, and call_may_force_* with guard_not_forced; the
// trace ends with its only jump or finish, and a jump matches the label it
// targets. One forward pass; the first violation wins.
#include "jit/ir/ir_verify.h"

#include <unordered_set>
#include <vector>

#include "base/check.h"
#include "jit/ir/ir_printer.h"

namespace pyrite::jit::ir {

const char* verify_error_name(VerifyErrorCode c) {
  switch (c) {
    case VerifyErrorCode::kOk: return "kOk";
#define PYR_X(name, msg) \
  case VerifyErrorCode::name: return #name;
      PYR_IR_VERIFY_ERRORS(PYR_X)
#undef PYR_X
  }
  return "?";
}

const char* verify_error_message(VerifyErrorCode c) {
  switch (c) {
    case VerifyErrorCode::kOk: return "ok";
#define PYR_X(name, msg) \
  case VerifyErrorCode::name: return msg;
      PYR_IR_VERIFY_ERRORS(PYR_X)
#undef PYR_X
  }
  return "?";
}

std::string VerifyError::to_string() const {
  std::string s = std::string(verify_error_name(code)) + ": " + verify_error_message(code);
  if (op >= 0) s += " at op " + std::to_string(op);
  if (!detail.empty()) s += ": " + detail;
  return s;
}

namespace {

class Verifier {
 public:
  explicit Verifier(const Trace& t) : t_(t) {}

  VerifyError run() {
    if (t_.num_ops() == t_.num_inputs()) return error(VerifyErrorCode::kNoTerminator, -1, "empty trace");
    for (uint32_t i = 0; i < t_.num_ops(); i++) {
      VerifyError e = check_op(i);
      if (!e.ok()) return e;
    }
    uint32_t last = t_.num_ops() - 1;
    if (!is_final(t_.op(last).opcode)) return error(VerifyErrorCode::kNoTerminator, last);
    return {};
  }

 private:
  VerifyError error(VerifyErrorCode c, int64_t op, std::string detail = {}) {
    VerifyError e;
    e.code = c;
    e.op = op;
    if (op >= 0) {
      std::string line = print_op(t_, static_cast<uint32_t>(op));
      e.detail = detail.empty() ? line : line + " (" + detail + ")";
    } else {
      e.detail = std::move(detail);
    }
    return e;
  }

  // A use at op `at` of `r`: defined earlier, with a result.
  VerifyErrorCode check_use(Ref r, uint32_t at) const {
    if (r.is_const()) return r.index() < t_.num_consts() ? VerifyErrorCode::kOk : VerifyErrorCode::kBadRef;
    if (!r.is_value()) return VerifyErrorCode::kBadRef;
    if (r.index() >= at) return VerifyErrorCode::kUseBeforeDef;
    if (t_.op(r.index()).type == Type::kVoid) return VerifyErrorCode::kVoidOperand;
    if (label_ >= 0 && r.index() < static_cast<uint32_t>(label_) && !label_args_.count(r.index()))
      return VerifyErrorCode::kCrossesLabel;
    return VerifyErrorCode::kOk;
  }

  VerifyError check_op(uint32_t i) {
    const Op& op = t_.op(i);
    const OpInfo& info = op_info(op.opcode);
    auto args = t_.args(op);

    if (op.opcode == Opcode::kInput) {
      PYR_DCHECK(i < t_.num_inputs());  // Trace::add_input refuses anything else
      if (op.type == Type::kVoid) return error(VerifyErrorCode::kResultType, i);
      return {};
    }
    if (is_final(op.opcode) && i + 1 != t_.num_ops()) return error(VerifyErrorCode::kOpAfterTerminator, i);

    // Operands exist and dominate.
    for (Ref a : args) {
      VerifyErrorCode c = check_use(a, i);
      if (c != VerifyErrorCode::kOk) return error(c, i);
    }

    // Descriptor presence and kind.
    const Descr* d = nullptr;
    if (op.descr != kNoDescr) {
      if (static_cast<uint32_t>(op.descr) >= t_.descrs().size()) return error(VerifyErrorCode::kMissingDescr, i, "bad id");
      d = &t_.descr(op.descr);
    }
    if (info.descr == DescrReq::kNone) {
      if (d) return error(VerifyErrorCode::kUnexpectedDescr, i);
    } else if (info.descr == DescrReq::kTargetOpt) {
      if (d && d->kind != DescrKind::kTarget) return error(VerifyErrorCode::kDescrKind, i);
    } else {
      if (!d) return error(VerifyErrorCode::kMissingDescr, i);
      DescrKind want = info.descr == DescrReq::kField ? DescrKind::kField
                       : info.descr == DescrReq::kArray ? DescrKind::kArray
                       : info.descr == DescrReq::kSize  ? DescrKind::kSize
                                                        : DescrKind::kCall;
      if (d->kind != want) return error(VerifyErrorCode::kDescrKind, i);
    }

    // Fixed signature letters.
    std::string_view sig = info.args;
    bool variadic = !sig.empty() && sig.back() == '*';
    if (variadic) sig.remove_suffix(1);
    if (variadic ? args.size() < sig.size() : args.size() != sig.size())
      return error(VerifyErrorCode::kArity, i);
    Type any = Type::kVoid;
    for (size_t k = 0; k < sig.size(); k++) {
      Type have = t_.type_of(args[k]);
      Type want;
      switch (sig[k]) {
        case 'i': want = Type::kInt; break;
        case 'f': want = Type::kFloat; break;
        case 'r': want = Type::kRef; break;
        case 'd': want = d->type; break;
        case 'a':
          if (any == Type::kVoid) any = have;
          want = any;
          break;
        default: want = Type::kVoid;
      }
      if (have != want) return error(VerifyErrorCode::kOperandType, i, "operand " + std::to_string(k));
    }

    // Result type.
    std::optional<Type> fixed = fixed_result_type(op.opcode);
    if (fixed ? *fixed != op.type : (op.type == Type::kVoid || (any != Type::kVoid && op.type != any)))
      return error(VerifyErrorCode::kResultType, i);

    // Op-specific rules.
    if (d) {
      VerifyError e = check_descr_use(i, op, *d);
      if (!e.ok()) return e;
    }
    switch (op.opcode) {
      case Opcode::kGuardValue:
      case Opcode::kGuardClass:
        if (!args[1].is_const()) return error(VerifyErrorCode::kGuardNotConstant, i);
        break;
      case Opcode::kLabel: {
        std::unordered_set<uint32_t> seen;
        for (Ref a : args)
          if (!a.is_value() || !seen.insert(a.index()).second) return error(VerifyErrorCode::kLabelArg, i);
        if (d) {
          if (t_.label_of(op.descr) != i) return error(VerifyErrorCode::kTargetTwice, i);
          if (d->arg_types.size() != args.size()) return error(VerifyErrorCode::kDescrType, i, "arity");
          for (size_t k = 0; k < args.size(); k++)
            if (t_.type_of(args[k]) != d->arg_types[k]) return error(VerifyErrorCode::kDescrType, i, "operand " + std::to_string(k));
        }
        label_ = static_cast<int64_t>(i);
        label_args_ = std::move(seen);
        break;
      }
      case Opcode::kJump: {
        std::vector<Type> target;
        if (d) {
          target = d->arg_types;
        } else if (auto label = t_.loop_label()) {
          for (Ref a : t_.args(*label)) target.push_back(t_.type_of(a));
        } else {
          for (uint32_t k = 0; k < t_.num_inputs(); k++) target.push_back(t_.op(k).type);
        }
        if (target.size() != args.size()) return error(VerifyErrorCode::kJumpArity, i);
        for (size_t k = 0; k < args.size(); k++)
          if (t_.type_of(args[k]) != target[k])
            return error(VerifyErrorCode::kJumpType, i, "operand " + std::to_string(k));
        break;
      }
      case Opcode::kDebugMergePoint:
        for (Ref a : args)
          if (!a.is_const() || t_.type_of(a) != Type::kInt) return error(VerifyErrorCode::kMergePointArg, i);
        break;
      default: break;
    }

    // Overflow pairing.
    if (is_ovf(op.opcode) &&
        (i + 1 >= t_.num_ops() || !is_overflow_guard(t_.op(i + 1).opcode)))
      return error(VerifyErrorCode::kOvfWithoutGuard, i);
    if (is_overflow_guard(op.opcode) && (i == 0 || !is_ovf(t_.op(i - 1).opcode)))
      return error(VerifyErrorCode::kOverflowGuardWithoutOvf, i);

    // call_may_force pairing: the guard is where the forced frame resumes.
    if (is_call_may_force(op.opcode) &&
        (i + 1 >= t_.num_ops() || t_.op(i + 1).opcode != Opcode::kGuardNotForced))
      return error(VerifyErrorCode::kMayForceWithoutGuard, i);
    if (op.opcode == Opcode::kGuardNotForced && (i == 0 || !is_call_may_force(t_.op(i - 1).opcode)))
      return error(VerifyErrorCode::kNotForcedWithoutCall, i);

    // Snapshots.
    if (is_guard(op.opcode)) {
      if (op.snapshot == kNoSnapshot) return error(VerifyErrorCode::kGuardWithoutSnapshot, i);
      VerifyError e = check_snapshot(i, op.snapshot);
      if (!e.ok()) return e;
    } else if (op.snapshot != kNoSnapshot) {
      return error(VerifyErrorCode::kSnapshotOnNonGuard, i);
    }
    return {};
  }

  VerifyError check_descr_use(uint32_t i, const Op& op, const Descr& d) {
    auto args = t_.args(op);
    switch (d.kind) {
      case DescrKind::kField:
      case DescrKind::kArray: {
        // Loads: the op's result type is the descriptor's type.
        bool load = op.type != Type::kVoid && op.opcode != Opcode::kNewArray;
        if (load && op.opcode != Opcode::kArraylenGc && op.type != d.type)
          return error(VerifyErrorCode::kDescrType, i, "load type");
        if (op.opcode == Opcode::kGuardClass && d.type == Type::kFloat)
          return error(VerifyErrorCode::kDescrType, i, "class word must be an int or ref field");
        if (op.opcode == Opcode::kArraylenGc && d.length_offset < 0)
          return error(VerifyErrorCode::kDescrType, i, "array has no length");
        break;
      }
      case DescrKind::kSize:
        if (op.opcode == Opcode::kNewWithVtable && d.class_value == 0)
          return error(VerifyErrorCode::kDescrType, i, "new_with_vtable needs a class");
        break;
      case DescrKind::kTarget: break;  // label and jump check their targets
      case DescrKind::kCall: {
        if (args.size() != d.arg_types.size()) return error(VerifyErrorCode::kCallSignature, i, "arity");
        for (size_t k = 0; k < args.size(); k++)
          if (t_.type_of(args[k]) != d.arg_types[k])
            return error(VerifyErrorCode::kCallSignature, i, "argument " + std::to_string(k));
        if (d.result != op.type) return error(VerifyErrorCode::kCallSignature, i, "result");
        break;
      }
    }
    return {};
  }

  VerifyError check_snapshot(uint32_t i, SnapshotId id) {
    const SnapshotTable& st = t_.snapshots();
    if (static_cast<uint32_t>(id) >= st.num_snapshots()) return error(VerifyErrorCode::kBadSnapshot, i, "id");
    std::vector<uint32_t> todo;
    std::unordered_set<uint32_t> seen;
    auto check_ref = [&](Ref r) -> VerifyErrorCode {
      if (r.is_virtual()) {
        if (r.index() >= st.num_virtuals()) return VerifyErrorCode::kBadSnapshot;
        if (seen.insert(r.index()).second) todo.push_back(r.index());
        return VerifyErrorCode::kOk;
      }
      VerifyErrorCode c = check_use(r, i);
      if (c == VerifyErrorCode::kUseBeforeDef) return VerifyErrorCode::kSnapshotUseBeforeDef;
      if (c != VerifyErrorCode::kOk && c != VerifyErrorCode::kCrossesLabel) return VerifyErrorCode::kBadSnapshot;
      return c;
    };
    for (uint32_t fid : st.frames_of(id)) {
      const SnapFrame& f = st.frame(fid);
      int prev = -1;
      for (const SnapEntry& e : st.entries(f)) {
        if (e.slot >= f.size || e.slot <= prev) return error(VerifyErrorCode::kBadSnapshot, i, "slot " + std::to_string(e.slot));
        prev = e.slot;
        VerifyErrorCode c = check_ref(e.ref);
        if (c != VerifyErrorCode::kOk) return error(c, i, "slot " + std::to_string(e.slot));
      }
    }
    while (!todo.empty()) {
      uint32_t v = todo.back();
      todo.pop_back();
      const VirtualObject& vo = st.virtual_object(v);
      if (vo.descr == kNoDescr || static_cast<uint32_t>(vo.descr) >= t_.descrs().size())
        return error(VerifyErrorCode::kBadSnapshot, i, "virtual without descriptor");
      DescrKind k = t_.descr(vo.descr).kind;
      if (k != DescrKind::kSize && k != DescrKind::kArray)
        return error(VerifyErrorCode::kBadSnapshot, i, "virtual descriptor kind");
      for (const VirtualField& f : st.fields(vo)) {
        if (k == DescrKind::kSize ? (f.descr == kNoDescr || t_.descr(f.descr).kind != DescrKind::kField)
                                  : (f.descr != kNoDescr || f.index >= vo.length))
          return error(VerifyErrorCode::kBadSnapshot, i, "virtual field");
        VerifyErrorCode c = check_ref(f.value);
        if (c != VerifyErrorCode::kOk) return error(c, i, "virtual field");
      }
    }
    return {};
  }

  const Trace& t_;
  int64_t label_ = -1;  // the last label seen, whose args alone cross it
  std::unordered_set<uint32_t> label_args_;
};

}  // namespace

VerifyError verify(const Trace& t) { return Verifier(t).run(); }

}  // namespace pyrite::jit::ir
