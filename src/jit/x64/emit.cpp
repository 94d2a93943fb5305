// The x86-64 backend's op emitters (docs/jit_x64.md): each op family's
// instructions, on top of compiler.cpp's allocator and moves.
#include "base/check.h"
#include "jit/x64/compiler.h"

namespace pyrite::jit::x64 {

namespace {

// Which x86 condition makes a fused compare true.
bool compare_cond(Opcode op, x86::CondCode* cc) {
  switch (op) {
    case Opcode::kIntLt: *cc = x86::CondCode::kL; return true;
    case Opcode::kIntLe: *cc = x86::CondCode::kLE; return true;
    case Opcode::kIntEq: *cc = x86::CondCode::kE; return true;
    case Opcode::kIntNe: *cc = x86::CondCode::kNE; return true;
    case Opcode::kIntGt: *cc = x86::CondCode::kG; return true;
    case Opcode::kIntGe: *cc = x86::CondCode::kGE; return true;
    case Opcode::kUintLt: *cc = x86::CondCode::kB; return true;
    case Opcode::kUintLe: *cc = x86::CondCode::kBE; return true;
    case Opcode::kUintGt: *cc = x86::CondCode::kA; return true;
    case Opcode::kUintGe: *cc = x86::CondCode::kAE; return true;
    case Opcode::kPtrEq: *cc = x86::CondCode::kE; return true;
    case Opcode::kPtrNe: *cc = x86::CondCode::kNE; return true;
    default: return false;
  }
}
x86::CondCode negate(x86::CondCode cc) {
  return static_cast<x86::CondCode>(static_cast<uint8_t>(cc) ^ 1);
}
}  // namespace

// ---- the ops -----------------------------------------------------------------

void Compiler::emit_int_binary(uint32_t i) {
  const ir::Op& op = t_.op(i);
  Ref x = t_.arg(i, 0), y = t_.arg(i, 1);
  // A commutative op whose right operand dies here computes in its register.
  if ((op_effects(op.opcode) & ir::effect::kCommutative) && y.is_value() &&
      last_use_[y.index()] == static_cast<int32_t>(i) && reg_[y.index()] >= 0 &&
      !(x.is_value() && last_use_[x.index()] == static_cast<int32_t>(i) && reg_[x.index()] >= 0))
    std::swap(x, y);
  lock(x);
  lock(y);
  bool is_mul = op.opcode == Opcode::kIntMul || op.opcode == Opcode::kIntMulOvf;
  // x stays live in its register: lea computes x + y (or x - imm) into a
  // fresh register without the copy (add and sub only: lea sets no flags).
  if ((op.opcode == Opcode::kIntAdd || op.opcode == Opcode::kIntSub) && x.is_value() &&
      reg_[x.index()] >= 0 && last_use_[x.index()] > static_cast<int32_t>(i)) {
    x86::Gp xr = x86::gpq(reg_[x.index()]);
    if (y.is_const()) {
      int64_t c = t_.constant(y).as_int();
      if (op.opcode == Opcode::kIntSub) c = static_cast<int64_t>(0 - static_cast<uint64_t>(c));
      if (fits_i32(c)) {
        x86::Gp r = x86::gpq(result_gpr(i));
        a_.lea(r, x86::ptr(xr, static_cast<int32_t>(c)));
        return;
      }
    } else if (op.opcode == Opcode::kIntAdd && y.is_value() && reg_[y.index()] >= 0) {
      x86::Gp yr = x86::gpq(reg_[y.index()]);
      x86::Gp r = x86::gpq(result_gpr(i));
      a_.lea(r, x86::ptr(xr, yr));
      return;
    }
  }
  asmjit::Operand yo = int_operand(y);
  x86::Gp r = x86::gpq(result_from(i, x));
  switch (op.opcode) {
    case Opcode::kIntAdd:
    case Opcode::kIntAddOvf: a_.emit(x86::Inst::kIdAdd, r, yo); break;
    case Opcode::kIntSub:
    case Opcode::kIntSubOvf: a_.emit(x86::Inst::kIdSub, r, yo); break;
    case Opcode::kIntAnd: a_.emit(x86::Inst::kIdAnd, r, yo); break;
    case Opcode::kIntOr: a_.emit(x86::Inst::kIdOr, r, yo); break;
    case Opcode::kIntXor: a_.emit(x86::Inst::kIdXor, r, yo); break;
    default:
      PYR_CHECK(is_mul);
      if (yo.isImm()) a_.imul(r, r, yo.as<asmjit::Imm>());
      else a_.imul(r, yo.as<x86::Gp>());
      return;
  }
  flags_value_ = static_cast<int32_t>(i);  // ZF reflects the result
}

void Compiler::emit_shift(uint32_t i) {
  const ir::Op& op = t_.op(i);
  Ref x = t_.arg(i, 0), y = t_.arg(i, 1);
  auto inst = op.opcode == Opcode::kIntLshift   ? x86::Inst::kIdShl
              : op.opcode == Opcode::kIntRshift ? x86::Inst::kIdSar
                                                : x86::Inst::kIdShr;
  lock(x);
  lock(y);
  if (y.is_const()) {
    x86::Gp r = x86::gpq(result_from(i, x));
    a_.emit(inst, r, asmjit::Imm(t_.constant(y).as_int() & 63));
    return;
  }
  // The count must be in cl: compute in r10 with rcx saved in r11.
  emit_move(loc_of(x), Loc::gpr(kR10));
  a_.mov(x86::r11, x86::rcx);
  emit_move(loc_of(y), Loc::gpr(kRcx));
  a_.emit(inst, x86::r10, x86::cl);
  a_.mov(x86::rcx, x86::r11);
  int r = alloc_gpr();
  assign(i, r);
  a_.mov(x86::gpq(r), x86::r10);
}

// Whether op i's result feeds only a guard_true/false that follows it with
// nothing in between that writes the flags: markers, loads and stores
// (their code is movs; address() uses lea, never add). The compare then
// sets the flags and the guard jumps on them.
bool Compiler::fusable(uint32_t i) const {
  if (uses_[i] != 1) return false;
  for (uint32_t j = i + 1; j < n_; j++) {
    const ir::Op& op = t_.op(j);
    if (op.opcode == Opcode::kGuardTrue || op.opcode == Opcode::kGuardFalse)
      return t_.arg(j, 0) == Ref::value(i) && last_use_[i] == static_cast<int32_t>(j);
    ir::Effects e = op_effects(op.opcode);
    bool memory = !(e & (ir::effect::kCall | ir::effect::kGuard | ir::effect::kAllocates)) &&
                  (e & (ir::effect::kReadsHeap | ir::effect::kWritesHeap)) &&
                  op.opcode != Opcode::kArraylenGc;
    bool marker = op.opcode == Opcode::kDebugMergePoint || op.opcode == Opcode::kQuasiimmutField;
    if (!memory && !marker) return false;
  }
  return false;
}

void Compiler::emit_compare(uint32_t i, bool fused) {
  const ir::Op& op = t_.op(i);
  Ref x = t_.arg(i, 0);
  x86::CondCode cc;
  if (op.opcode == Opcode::kIntIsZero || op.opcode == Opcode::kIntIsTrue) {
    lock(x);
    x86::Gp g = gpr_of(x, kR11);
    a_.test(g, g);
    cc = op.opcode == Opcode::kIntIsZero ? x86::CondCode::kE : x86::CondCode::kNE;
  } else {
    Ref y = t_.arg(i, 1);
    PYR_CHECK(compare_cond(op.opcode, &cc));
    lock(x);
    lock(y);
    asmjit::Operand yo = int_operand(y);  // may use r10
    x86::Gp g = gpr_of(x, kR11);
    a_.emit(x86::Inst::kIdCmp, g, yo);
  }
  if (fused) {
    fused_ = true;
    fused_cc_ = cc;
    return;
  }
  x86::Gp r = x86::gpq(result_gpr(i));
  a_.set(cc, r.r8());
  a_.movzx(r.r32(), r.r8());
}

void Compiler::emit_float(uint32_t i) {
  const ir::Op& op = t_.op(i);
  Ref x = t_.arg(i, 0);
  switch (op.opcode) {
    case Opcode::kFloatAdd:
    case Opcode::kFloatSub:
    case Opcode::kFloatMul:
    case Opcode::kFloatTruediv: {
      Ref y = t_.arg(i, 1);
      // No operand swap for commutative float ops: with two NaN operands
      // x86 returns the first (destination) one, as the interpreter's
      // x + y does, so the order is part of the result's bits.
      lock(x);
      lock(y);
      x86::Xmm yo = y.is_value() ? x86::xmm(ensure_reg(y)) : xmm_of(y);
      x86::Xmm r = x86::xmm(result_from(i, x));
      auto inst = op.opcode == Opcode::kFloatAdd   ? x86::Inst::kIdAddsd
                  : op.opcode == Opcode::kFloatSub ? x86::Inst::kIdSubsd
                  : op.opcode == Opcode::kFloatMul ? x86::Inst::kIdMulsd
                                                   : x86::Inst::kIdDivsd;
      a_.emit(inst, r, yo);
      return;
    }
    case Opcode::kFloatNeg:
    case Opcode::kFloatAbs: {
      lock(x);
      x86::Xmm r = x86::xmm(result_from(i, x));
      bool neg = op.opcode == Opcode::kFloatNeg;
      a_.mov(x86::r11, static_cast<int64_t>(neg ? 0x8000000000000000ull : 0x7fffffffffffffffull));
      a_.movq(x86::xmm(kXmmScratch), x86::r11);
      if (neg) a_.xorpd(r, x86::xmm(kXmmScratch));
      else a_.andpd(r, x86::xmm(kXmmScratch));
      return;
    }
    case Opcode::kCastIntToFloat: {
      lock(x);
      x86::Gp g = gpr_of(x, kR11);
      x86::Xmm r = x86::xmm(result_xmm(i));
      a_.xorps(r, r);
      a_.cvtsi2sd(r, g);
      return;
    }
    case Opcode::kCastFloatToInt: {
      lock(x);
      x86::Xmm xv = xmm_of(x);
      x86::Gp r = x86::gpq(result_gpr(i));
      a_.cvttsd2si(r, xv);
      return;
    }
    default: break;
  }
  // Float compares: ucomisd sets ZF PF CF; unordered sets all three.
  Ref y = t_.arg(i, 1);
  lock(x);
  lock(y);
  x86::Gp r = x86::gpq(result_gpr(i));
  // Load both into xmm registers: x into xmm15 if not in one, y kept.
  x86::Xmm xv = x.is_value() && reg_[x.index()] >= 0 ? x86::xmm(reg_[x.index()]) : xmm_of(x);
  x86::Xmm yv;
  if (y.is_value()) {
    yv = x86::xmm(ensure_reg(y));
  } else {
    // y constant while x may sit in xmm15: materialize y in a fresh xmm.
    int t = alloc_xmm();
    emit_move(loc_of(y), Loc::xmm(t));
    yv = x86::xmm(t);
  }
  switch (op.opcode) {
    case Opcode::kFloatLt: a_.ucomisd(yv, xv); a_.seta(r.r8()); break;
    case Opcode::kFloatLe: a_.ucomisd(yv, xv); a_.setae(r.r8()); break;
    case Opcode::kFloatGt: a_.ucomisd(xv, yv); a_.seta(r.r8()); break;
    case Opcode::kFloatGe: a_.ucomisd(xv, yv); a_.setae(r.r8()); break;
    case Opcode::kFloatEq:
      a_.ucomisd(xv, yv);
      a_.sete(r.r8());
      a_.setnp(x86::r11b);
      a_.and_(r.r8(), x86::r11b);
      break;
    case Opcode::kFloatNe:
      a_.ucomisd(xv, yv);
      a_.setne(r.r8());
      a_.setp(x86::r11b);
      a_.or_(r.r8(), x86::r11b);
      break;
    default: PYR_UNREACHABLE();
  }
  a_.movzx(r.r32(), r.r8());
}

void Compiler::emit_load(uint32_t i) {
  const ir::Op& op = t_.op(i);
  const ir::Descr& d = t_.descr(op.descr);
  Ref base = t_.arg(i, 0);
  lock(base);
  x86::Mem m;
  uint8_t size = d.size;
  bool is_signed = d.is_signed;
  switch (op.opcode) {
    case Opcode::kGetarrayitemGcI:
    case Opcode::kGetarrayitemGcR:
    case Opcode::kGetarrayitemGcF:
    case Opcode::kGetarrayitemRawI:
    case Opcode::kGetarrayitemRawF: {
      Ref index = t_.arg(i, 1);
      lock(index);
      m = address(base, index, d.offset, d.size, i);
      break;
    }
    case Opcode::kArraylenGc:
      m = address(base, Ref(), d.length_offset, 1, i);
      size = 8;
      is_signed = true;
      break;
    default: m = address(base, Ref(), d.offset, 1, i); break;
  }
  if (op.type == Type::kFloat) {
    x86::Xmm r = x86::xmm(result_xmm(i));
    m.setSize(8);
    a_.movsd(r, m);
    return;
  }
  x86::Gp r = x86::gpq(result_gpr(i));
  m.setSize(size);
  switch (size) {
    case 1:
    case 2:
      if (is_signed) a_.movsx(r, m);
      else a_.movzx(r.r32(), m);
      break;
    case 4:
      if (is_signed) a_.movsxd(r, m);
      else a_.mov(r.r32(), m);
      break;
    default: a_.mov(r, m); break;
  }
}

void Compiler::emit_store(uint32_t i) {
  const ir::Op& op = t_.op(i);
  const ir::Descr& d = t_.descr(op.descr);
  bool array = op.opcode == Opcode::kSetarrayitemGc || op.opcode == Opcode::kSetarrayitemRaw;
  Ref base = t_.arg(i, 0);
  Ref value = t_.arg(i, array ? 2 : 1);
  lock(base);
  lock(value);
  if (array) lock(t_.arg(i, 1));
  // The value first (a register of its own or r10), then the address (r11).
  bool f = value.is_value() ? is_float(value.index()) : t_.type_of(value) == Type::kFloat;
  asmjit::Operand v;
  if (value.is_const()) {
    uint64_t bits = t_.constant(value).bits;
    int64_t narrow = d.size == 8   ? static_cast<int64_t>(bits)
                     : d.size == 4 ? static_cast<int32_t>(bits)
                     : d.size == 2 ? static_cast<int16_t>(bits)
                                   : static_cast<int8_t>(bits);
    if (fits_i32(narrow)) {
      v = asmjit::Imm(narrow);
    } else {
      a_.mov(x86::r10, static_cast<int64_t>(bits));
      v = x86::r10;
    }
    f = false;  // stored by its bits
  } else if (f) {
    v = x86::xmm(ensure_reg(value));
  } else {
    v = x86::gpq(ensure_reg(value));
  }
  x86::Mem m = array ? address(base, t_.arg(i, 1), d.offset, d.size, i)
                     : address(base, Ref(), d.offset, 1, i);
  m.setSize(d.size);
  if (f) {
    a_.movsd(m, v.as<x86::Xmm>());
  } else if (v.isImm()) {
    a_.mov(m, v.as<asmjit::Imm>());
  } else {
    x86::Gp g = v.as<x86::Gp>();
    switch (d.size) {
      case 1: a_.mov(m, g.r8()); break;
      case 2: a_.mov(m, g.r16()); break;
      case 4: a_.mov(m, g.r32()); break;
      default: a_.mov(m, g.r64()); break;
    }
  }
}

void Compiler::emit_guard(uint32_t i) {
  const ir::Op& op = t_.op(i);
  std::vector<Loc> values;
  for (Ref r : failargs(i)) values.push_back(loc_of(r));
  uint32_t exit = add_exit(ir::ExitKind::kGuardFailed, i, static_cast<uint32_t>(values.size()));
  asmjit::Label stub = add_stub(exit, std::move(values), true);
  // Big constants in registers here: a bridge's glue need not reload them.
  for (int r = 0; r < 16; r++)
    if (gpr_owner_[r] >= static_cast<int32_t>(n_))
      stubs_.back().consts.push_back({t_.constant(Ref::constant(gpr_owner_[r] - n_)).bits, r});
  switch (op.opcode) {
    case Opcode::kGuardTrue:
    case Opcode::kGuardFalse: {
      bool want = op.opcode == Opcode::kGuardTrue;
      if (fused_) {
        fused_ = false;
        flags_value_ = -1;  // the flags are the compare's
        a_.j(want ? negate(fused_cc_) : fused_cc_, stub);
        return;
      }
      [[fallthrough]];
    }
    case Opcode::kGuardNonnull:
    case Opcode::kGuardIsnull: {
      Ref x = t_.arg(i, 0);
      bool fail_on_zero = op.opcode == Opcode::kGuardTrue || op.opcode == Opcode::kGuardNonnull;
      if (x.is_const()) {
        bool zero = t_.constant(x).bits == 0;
        if (zero == fail_on_zero) a_.jmp(stub);
        return;
      }
      uint32_t v = x.index();
      if (flags_value_ == static_cast<int32_t>(v)) {
        // ZF already says whether v is zero (the add/sub/and/or/xor that made it).
      } else if (reg_[v] >= 0) {
        a_.test(x86::gpq(reg_[v]), x86::gpq(reg_[v]));
      } else {
        a_.cmp(slot_mem(slot_[v]), 0);
      }
      flags_value_ = static_cast<int32_t>(v);
      a_.j(fail_on_zero ? x86::CondCode::kE : x86::CondCode::kNE, stub);
      return;
    }
    case Opcode::kGuardValue: {
      Ref x = t_.arg(i, 0), y = t_.arg(i, 1);
      // Bit patterns: floats compare as their words.
      x86::Gp g = gpr_of(x, kR11);
      int64_t c = static_cast<int64_t>(t_.constant(y).bits);
      if (fits_i32(c)) {
        a_.cmp(g, c);
      } else {
        a_.mov(x86::r10, c);
        a_.cmp(g, x86::r10);
      }
      a_.jne(stub);
      return;
    }
    case Opcode::kGuardClass: {
      const ir::Descr& d = t_.descr(op.descr);
      Ref x = t_.arg(i, 0);
      x86::Gp g = gpr_of(x, kR11);
      x86::Mem m = x86::ptr(g, d.offset);
      m.setSize(d.size);
      if (d.size == 8) a_.mov(x86::r11, m);
      else if (d.size == 4) d.is_signed ? a_.movsxd(x86::r11, m) : a_.mov(x86::r11d, m);
      else d.is_signed ? a_.movsx(x86::r11, m) : a_.movzx(x86::r11d, m);
      int64_t c = static_cast<int64_t>(t_.constant(t_.arg(i, 1)).bits);
      if (fits_i32(c)) {
        a_.cmp(x86::r11, c);
      } else {
        a_.mov(x86::r10, c);
        a_.cmp(x86::r11, x86::r10);
      }
      a_.jne(stub);
      return;
    }
    case Opcode::kGuardNoOverflow: a_.jo(stub); return;
    case Opcode::kGuardOverflow: a_.jno(stub); return;
    case Opcode::kGuardAlwaysFails: a_.jmp(stub); return;
    case Opcode::kGuardNoException:
      if (!o_.exception) return;
      a_.mov(x86::r11, static_cast<int64_t>(reinterpret_cast<uint64_t>(o_.exception)));
      a_.cmp(x86::qword_ptr(x86::r11), 0);
      a_.jne(stub);
      return;
    case Opcode::kGuardNotInvalidated:
    case Opcode::kGuardNotForced: {
      const uint8_t* w = op.opcode == Opcode::kGuardNotInvalidated ? o_.invalidated : o_.forced;
      if (!w) return;
      a_.mov(x86::r11, static_cast<int64_t>(reinterpret_cast<uint64_t>(w)));
      a_.cmp(x86::byte_ptr(x86::r11), 0);
      a_.jne(stub);
      return;
    }
    default: fail(CompileError::kUnsupportedOp, i, op_name(op.opcode));
  }
}

void Compiler::emit_call(uint32_t i, uint64_t fn, const std::vector<Loc>& int_args,
                         const std::vector<Loc>& float_args, Type result, uint8_t result_size,
                         bool result_signed, bool arg_area) {
  // Values in caller-saved registers that live past the call move to a
  // free callee-saved register, else get a spill slot (their register copy
  // dies with the call). Argument locations taken before stay valid: the
  // old registers are only overwritten by the argument moves below.
  for (int r = 0; r < 16; r++) {
    if (is_callee_saved(r) || gpr_owner_[r] < 0) continue;
    uint32_t v = static_cast<uint32_t>(gpr_owner_[r]);
    if (last_use_[v] <= static_cast<int32_t>(i) || v >= n_) continue;  // dead, or a constant
    int to = -1;
    for (int c : kGprOrder)
      if (is_callee_saved(c) && gpr_owner_[c] < 0 && !(locked_gpr_ & (1u << c))) {
        to = c;
        break;
      }
    if (to < 0) {
      spill(v);
      continue;
    }
    a_.mov(x86::gpq(to), x86::gpq(r));
    gpr_owner_[r] = -1;
    assign(v, to);
  }
  for (int r = 0; r < kNumXmm; r++) {
    if (xmm_owner_[r] < 0) continue;
    uint32_t v = static_cast<uint32_t>(xmm_owner_[r]);
    if (last_use_[v] > static_cast<int32_t>(i)) spill(v);
  }
  std::vector<Move> moves;
  for (size_t k = 0; k < int_args.size(); k++) moves.push_back({int_args[k], Loc::gpr(kIntArgRegs[k])});
  for (size_t k = 0; k < float_args.size(); k++) moves.push_back({float_args[k], Loc::xmm(static_cast<int>(k))});
  parallel_move(std::move(moves));
  if (arg_area) a_.lea(x86::rdx, x86::ptr(x86::rsp, kCallArgOffset));
  for (int r = 0; r < 16; r++)
    if (!is_callee_saved(r) && gpr_owner_[r] >= 0) drop_reg(static_cast<uint32_t>(gpr_owner_[r]));
  for (int r = 0; r < kNumXmm; r++)
    if (xmm_owner_[r] >= 0) drop_reg(static_cast<uint32_t>(xmm_owner_[r]));
  a_.mov(x86::r11, static_cast<int64_t>(fn));
  a_.call(x86::r11);
  // Operands that died at the call lost their registers above; release
  // their slots (release_dead handles values without registers too).
  if (result == Type::kVoid) return;
  if (result == Type::kFloat) {
    assign(i, 0);
    return;
  }
  if (result == Type::kInt && result_size < 8) {
    if (result_size == 4) result_signed ? a_.movsxd(x86::rax, x86::eax) : a_.mov(x86::eax, x86::eax);
    else if (result_size == 2) result_signed ? a_.movsx(x86::rax, x86::ax) : a_.movzx(x86::eax, x86::ax);
    else result_signed ? a_.movsx(x86::rax, x86::al) : a_.movzx(x86::eax, x86::al);
  }
  assign(i, kRax);
}

void Compiler::emit_jump(uint32_t i) {
  const ir::Op& op = t_.op(i);
  std::vector<Loc> values;
  for (Ref r : t_.args(op)) values.push_back(loc_of(r));
  int target = jump_target_;
  if (op.descr != ir::kNoDescr) {
    target = -1;
    for (size_t k = 1; k < labels_.size(); k++)
      if (t_.op(labels_[k].op).descr == op.descr) target = static_cast<int>(k);
  }
  if (target < 0) {
    // Another trace's label: straight there if it is compiled.
    uint64_t address = jump_address_known_ ? jump_address_ : o_.lookup_target ? o_.lookup_target(o_.ctx, op.descr) : 0;
    frame_words_ = std::max(frame_words_, kFrameValues + static_cast<uint32_t>(values.size()));
    if (address != 0) {
      if (o_.count_jumps) emit_jump_count(i, values);
      if (const LabelLayout* l = find_label(address)) {
        // Straight into the label's locations and body: no jit frame.
        PYR_CHECK(l->values.size() == values.size());
        std::vector<Move> moves;
        for (size_t k = 0; k < values.size(); k++) {
          const LabelLocation& d = l->values[k];
          Loc dst = d.kind == LabelLocation::kGpr   ? Loc::gpr(d.index)
                    : d.kind == LabelLocation::kXmm ? Loc::xmm(d.index)
                                                    : Loc::stack(d.index);
          moves.push_back({values[k], dst});
        }
        for (auto& [bits, reg] : l->constants)
          if (!holds_constant(reg, bits)) moves.push_back({Loc::constant(bits), Loc::gpr(reg)});
        parallel_move(std::move(moves));
        direct_jumps_.push_back({a_.offset(), l->body});
        static const uint8_t kJmpRel32[5] = {0xE9, 0, 0, 0, 0};
        a_.embed(kJmpRel32, sizeof kJmpRel32);
        return;
      }
      a_.mov(x86::r11, x86::qword_ptr(x86::rsp));
      for (size_t k = 0; k < values.size(); k++)
        emit_move(values[k], Loc::frame(static_cast<int>(kFrameValues + k)));
      a_.mov(x86::r11, static_cast<int64_t>(address));
      a_.jmp(x86::r11);
      return;
    }
    uint32_t exit = add_exit(ir::ExitKind::kJumpOut, i, static_cast<uint32_t>(values.size()));
    a_.jmp(add_stub(exit, std::move(values), true));  // link_jump can patch it later
    return;
  }
  LabelInfo& l = labels_[target];
  if (o_.count_jumps) emit_jump_count(i, values);
  std::vector<Move> moves;
  for (size_t k = 0; k < values.size(); k++) moves.push_back({values[k], l.locs[k]});
  for (auto& [c, reg] : l.consts) moves.push_back({loc_of(c), Loc::gpr(reg)});
  parallel_move(std::move(moves));
  a_.jmp(l.body);
}

// count_jumps: one more iteration, or kIterationLimit with the jump's
// values once frame[kFrameJumps] reaches frame[kFrameMaxJumps].
void Compiler::emit_jump_count(uint32_t i, const std::vector<Loc>& values) {
  uint32_t exit = add_exit(ir::ExitKind::kIterationLimit, i, static_cast<uint32_t>(values.size()));
  asmjit::Label stub = add_stub(exit, values, false);
  a_.mov(x86::r11, x86::qword_ptr(x86::rsp));
  a_.mov(x86::r10, frame_mem(kFrameJumps));
  a_.cmp(x86::r10, frame_mem(kFrameMaxJumps));
  a_.jae(stub);
  a_.add(x86::r10, 1);
  a_.mov(frame_mem(kFrameJumps), x86::r10);
}

void Compiler::emit_finish(uint32_t i) {
  std::vector<Loc> values;
  for (Ref r : t_.args(i)) values.push_back(loc_of(r));
  uint32_t exit = add_exit(ir::ExitKind::kFinish, i, static_cast<uint32_t>(values.size()));
  a_.jmp(add_stub(exit, std::move(values), false));
}

void Compiler::emit_op(uint32_t i) {
  const ir::Op& op = t_.op(i);
  Opcode oc = op.opcode;
  // Only markers, loads and stores keep the flags (their code is movs).
  ir::Effects e = op_effects(oc);
  bool keeps_flags = oc == Opcode::kDebugMergePoint || oc == Opcode::kQuasiimmutField ||
                     oc == Opcode::kGuardTrue || oc == Opcode::kGuardFalse ||
                     (!(e & (ir::effect::kCall | ir::effect::kGuard | ir::effect::kAllocates)) &&
                      (e & (ir::effect::kReadsHeap | ir::effect::kWritesHeap)) &&
                      oc != Opcode::kArraylenGc);
  if (!keeps_flags) flags_value_ = -1;
  // An unused pure result needs no code.
  if (op.type != Type::kVoid && last_use_[i] < 0 && (op_effects(oc) & ir::effect::kPure) &&
      !ir::is_call(oc))
    return;
  switch (oc) {
    case Opcode::kInput:
    case Opcode::kDebugMergePoint:
    case Opcode::kQuasiimmutField: return;
    case Opcode::kLabel: emit_label(i); return;
    case Opcode::kJump: emit_jump(i); return;
    case Opcode::kFinish: emit_finish(i); return;
    case Opcode::kSameAs:
    case Opcode::kCastPtrToInt:
    case Opcode::kCastIntToPtr: {
      Ref x = t_.arg(i, 0);
      lock(x);
      result_from(i, x);
      return;
    }
    case Opcode::kForceToken: {
      int r = result_gpr(i);
      emit_move(Loc::constant(o_.force_token), Loc::gpr(r));
      return;
    }
    case Opcode::kIntAnd:
      if (fusable(i)) {
        // and + guard_true/false: test, no result.
        Ref x = t_.arg(i, 0), y = t_.arg(i, 1);
        lock(x);
        lock(y);
        asmjit::Operand yo = int_operand(y);
        x86::Gp g = gpr_of(x, kR11);
        a_.emit(x86::Inst::kIdTest, g, yo);
        fused_ = true;
        fused_cc_ = x86::CondCode::kNE;
        return;
      }
      emit_int_binary(i);
      return;
    case Opcode::kIntAdd:
    case Opcode::kIntSub:
    case Opcode::kIntMul:
    case Opcode::kIntOr:
    case Opcode::kIntXor:
    case Opcode::kIntAddOvf:
    case Opcode::kIntSubOvf:
    case Opcode::kIntMulOvf: emit_int_binary(i); return;
    case Opcode::kIntLshift:
    case Opcode::kIntRshift:
    case Opcode::kIntUrshift: emit_shift(i); return;
    case Opcode::kIntNeg:
    case Opcode::kIntInvert: {
      Ref x = t_.arg(i, 0);
      lock(x);
      x86::Gp r = x86::gpq(result_from(i, x));
      if (oc == Opcode::kIntNeg) a_.neg(r);
      else a_.not_(r);
      return;
    }
    case Opcode::kIntIsZero:
    case Opcode::kIntIsTrue:
    case Opcode::kIntLt:
    case Opcode::kIntLe:
    case Opcode::kIntEq:
    case Opcode::kIntNe:
    case Opcode::kIntGt:
    case Opcode::kIntGe:
    case Opcode::kUintLt:
    case Opcode::kUintLe:
    case Opcode::kUintGt:
    case Opcode::kUintGe:
    case Opcode::kPtrEq:
    case Opcode::kPtrNe: {
      emit_compare(i, fusable(i));
      return;
    }
    case Opcode::kFloatAdd:
    case Opcode::kFloatSub:
    case Opcode::kFloatMul:
    case Opcode::kFloatTruediv:
    case Opcode::kFloatNeg:
    case Opcode::kFloatAbs:
    case Opcode::kFloatLt:
    case Opcode::kFloatLe:
    case Opcode::kFloatEq:
    case Opcode::kFloatNe:
    case Opcode::kFloatGt:
    case Opcode::kFloatGe:
    case Opcode::kCastIntToFloat:
    case Opcode::kCastFloatToInt: emit_float(i); return;
    case Opcode::kGetfieldGcI:
    case Opcode::kGetfieldGcR:
    case Opcode::kGetfieldGcF:
    case Opcode::kGetfieldRawI:
    case Opcode::kGetfieldRawF:
    case Opcode::kGetarrayitemGcI:
    case Opcode::kGetarrayitemGcR:
    case Opcode::kGetarrayitemGcF:
    case Opcode::kGetarrayitemRawI:
    case Opcode::kGetarrayitemRawF:
    case Opcode::kArraylenGc: emit_load(i); return;
    case Opcode::kSetfieldGc:
    case Opcode::kSetfieldRaw:
    case Opcode::kSetarrayitemGc:
    case Opcode::kSetarrayitemRaw: emit_store(i); return;
    case Opcode::kNew:
    case Opcode::kNewWithVtable:
      if (!o_.allocate) fail(CompileError::kNoAllocator, i, "");
      emit_call(i, reinterpret_cast<uint64_t>(o_.allocate),
                {Loc::constant(reinterpret_cast<uint64_t>(o_.ctx)),
                 Loc::constant(static_cast<uint32_t>(op.descr))},
                {}, Type::kRef, 8, true, false);
      return;
    case Opcode::kNewArray:
      if (!o_.allocate_array) fail(CompileError::kNoAllocator, i, "");
      lock(t_.arg(i, 0));
      emit_call(i, reinterpret_cast<uint64_t>(o_.allocate_array),
                {Loc::constant(reinterpret_cast<uint64_t>(o_.ctx)),
                 Loc::constant(static_cast<uint32_t>(op.descr)), loc_of(t_.arg(i, 0))},
                {}, Type::kRef, 8, true, false);
      return;
    case Opcode::kCallI:
    case Opcode::kCallR:
    case Opcode::kCallF:
    case Opcode::kCallN:
    case Opcode::kCallPureI:
    case Opcode::kCallPureR:
    case Opcode::kCallPureF:
    case Opcode::kCallMayForceI:
    case Opcode::kCallMayForceR:
    case Opcode::kCallMayForceF:
    case Opcode::kCallMayForceN: {
      const ir::Descr& d = t_.descr(op.descr);
      std::vector<Loc> ints, floats;
      for (size_t k = 0; k < op.num_args; k++) {
        Ref r = t_.arg(i, static_cast<uint32_t>(k));
        (d.arg_types[k] == Type::kFloat ? floats : ints).push_back(loc_of(r));
      }
      emit_call(i, d.fn, ints, floats, d.result, d.result_size, d.result_signed, false);
      return;
    }
    case Opcode::kCallAssemblerI:
    case Opcode::kCallAssemblerR:
    case Opcode::kCallAssemblerF:
    case Opcode::kCallAssemblerN: {
      if (!o_.call_assembler) fail(CompileError::kNoCallAssembler, i, "");
      const ir::Descr& d = t_.descr(op.descr);
      if (op.num_args > kCallArgSlots) fail(CompileError::kUnsupportedOp, i, "too many arguments");
      for (uint32_t k = 0; k < op.num_args; k++) {
        Loc src = loc_of(t_.arg(i, k));
        x86::Mem m = x86::qword_ptr(x86::rsp, kCallArgOffset + 8 * static_cast<int>(k));
        if (src.kind == Loc::kGpr) a_.mov(m, x86::gpq(src.index));
        else if (src.kind == Loc::kXmm) a_.movsd(m, x86::xmm(src.index));
        else {
          emit_move(src, Loc::gpr(kR10));
          a_.mov(m, x86::r10);
        }
      }
      emit_call(i, reinterpret_cast<uint64_t>(o_.call_assembler),
                {Loc::constant(reinterpret_cast<uint64_t>(o_.ctx)),
                 Loc::constant(static_cast<uint32_t>(op.descr)), Loc::constant(0),
                 Loc::constant(op.num_args)},
                {}, d.result, 8, true, true);
      // call_assembler's result is the full word (as Runtime::call_assembler).
      if (d.result == Type::kFloat) {
        // The callback returns the float's bits in rax.
        drop_reg(i);
        int r = alloc_xmm();
        a_.movq(x86::xmm(r), x86::rax);
        assign(i, r);
      }
      return;
    }
    default:
      if (ir::is_guard(oc)) {
        emit_guard(i);
        return;
      }
      fail(CompileError::kUnsupportedOp, i, op_name(oc));
  }
}

}  // namespace pyrite::jit::x64
