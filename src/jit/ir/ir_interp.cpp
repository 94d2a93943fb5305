// The IR interpreter (docs/jit.md, "IR interpreter").
//
// Invariants: one 64-bit register per op (floats by bit pattern); an op
// reads only registers of earlier ops or pool constants (the verifier
// guarantees it); the overflow condition lives only from an *_ovf op to
// the guard right after it. Semantics follow ir.def's header exactly, with
// no C++ undefined behaviour: ints are computed as uint64 and converted.
#include "jit/ir/ir_interp.h"

#include <bit>
#include <cmath>
#include <cstring>

#include "base/check.h"

#if !defined(__x86_64__)
#error "the IR interpreter's call thunk assumes the System V x86-64 calling convention"
#endif

namespace pyrite::jit::ir {

const char* exit_kind_name(ExitKind k) {
  switch (k) {
#define PYR_X(name, msg) \
  case ExitKind::name: return #name;
    PYR_IR_EXIT_KINDS(PYR_X)
#undef PYR_X
  }
  return "?";
}

double ExitValue::as_float() const { return std::bit_cast<double>(bits); }
uint64_t bits_of(double d) { return std::bit_cast<uint64_t>(d); }
uint64_t bits_of(const void* p) { return reinterpret_cast<uint64_t>(p); }

namespace {

double to_f(uint64_t b) { return std::bit_cast<double>(b); }
uint64_t from_f(double d) { return std::bit_cast<uint64_t>(d); }
// x86's addsd/subsd/mulsd/divsd with a NaN operand: the first operand's
// NaN if it is one, else the second's, quieted. The C++ operators leave
// that to the compiler, which may swap a commutative op's operands (an
// -O1 build did), so it is spelled out; the backend keeps operand order.
uint64_t float_arith(Opcode op, uint64_t a, uint64_t b) {
  constexpr uint64_t kQuiet = uint64_t{1} << 51;
  if (std::isnan(to_f(a))) return a | kQuiet;
  if (std::isnan(to_f(b))) return b | kQuiet;
  double x = to_f(a), y = to_f(b);
  switch (op) {
    case Opcode::kFloatAdd: return from_f(x + y);
    case Opcode::kFloatSub: return from_f(x - y);
    case Opcode::kFloatMul: return from_f(x * y);
    default: return from_f(x / y);
  }
}
int64_t to_i(uint64_t b) { return static_cast<int64_t>(b); }

// Extends the low `size` bytes of `v` to 64 bits.
uint64_t extend(uint64_t v, uint8_t size, bool is_signed) {
  if (size >= 8) return v;
  int shift = 64 - 8 * size;
  return is_signed ? static_cast<uint64_t>(static_cast<int64_t>(v << shift) >> shift)
                   : (v << shift) >> shift;
}

uint64_t load(uint64_t address, uint8_t size, bool is_signed) {
  uint64_t v = 0;
  std::memcpy(&v, reinterpret_cast<const void*>(address), size);  // little-endian: low bytes
  return extend(v, size, is_signed);
}

void store(uint64_t address, uint8_t size, uint64_t v) {
  std::memcpy(reinterpret_cast<void*>(address), &v, size);
}

int64_t float_to_int(double d) {
  // cvttsd2si: truncation; NaN and out-of-range give INT64_MIN.
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(d);
}

}  // namespace

uint64_t call_c_function(const Descr& call, std::span<const uint64_t> args) {
  // The System V convention assigns integer and float arguments to separate
  // register sequences in order, so calling through a pointer typed with
  // six integer and eight double parameters passes any signature within
  // those limits (DescrTable enforces them) to the same registers.
  uint64_t ints[DescrTable::kMaxIntArgs] = {};
  double floats[DescrTable::kMaxFloatArgs] = {};
  int ni = 0, nf = 0;
  for (size_t k = 0; k < args.size(); k++) {
    if (call.arg_types[k] == Type::kFloat) floats[nf++] = to_f(args[k]);
    else ints[ni++] = args[k];
  }
  using IntFn = uint64_t (*)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, double,
                             double, double, double, double, double, double, double);
  using FloatFn = double (*)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, double,
                             double, double, double, double, double, double, double);
  if (call.result == Type::kFloat) {
    auto fn = reinterpret_cast<FloatFn>(call.fn);
    return from_f(fn(ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], floats[0], floats[1],
                     floats[2], floats[3], floats[4], floats[5], floats[6], floats[7]));
  }
  auto fn = reinterpret_cast<IntFn>(call.fn);
  uint64_t r = fn(ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], floats[0], floats[1],
                  floats[2], floats[3], floats[4], floats[5], floats[6], floats[7]);
  if (call.result == Type::kVoid) return 0;
  if (call.result == Type::kInt) return extend(r, call.result_size, call.result_signed);
  return r;
}

bool eval_pure(Opcode op, const uint64_t* x, uint64_t* r, bool* ovf) {
  switch (op) {
    case Opcode::kSameAs: *r = x[0]; return true;

    case Opcode::kIntAdd: *r = x[0] + x[1]; return true;
    case Opcode::kIntSub: *r = x[0] - x[1]; return true;
    case Opcode::kIntMul: *r = x[0] * x[1]; return true;
    case Opcode::kIntAnd: *r = x[0] & x[1]; return true;
    case Opcode::kIntOr: *r = x[0] | x[1]; return true;
    case Opcode::kIntXor: *r = x[0] ^ x[1]; return true;
    case Opcode::kIntLshift: *r = x[0] << (x[1] & 63); return true;
    case Opcode::kIntRshift: *r = static_cast<uint64_t>(to_i(x[0]) >> (x[1] & 63)); return true;
    case Opcode::kIntUrshift: *r = x[0] >> (x[1] & 63); return true;
    case Opcode::kIntNeg: *r = 0 - x[0]; return true;
    case Opcode::kIntInvert: *r = ~x[0]; return true;
    case Opcode::kIntIsZero: *r = x[0] == 0; return true;
    case Opcode::kIntIsTrue: *r = x[0] != 0; return true;
    case Opcode::kIntAddOvf: {
      int64_t v;
      *ovf = __builtin_add_overflow(to_i(x[0]), to_i(x[1]), &v);
      *r = static_cast<uint64_t>(v);
      return true;
    }
    case Opcode::kIntSubOvf: {
      int64_t v;
      *ovf = __builtin_sub_overflow(to_i(x[0]), to_i(x[1]), &v);
      *r = static_cast<uint64_t>(v);
      return true;
    }
    case Opcode::kIntMulOvf: {
      int64_t v;
      *ovf = __builtin_mul_overflow(to_i(x[0]), to_i(x[1]), &v);
      *r = static_cast<uint64_t>(v);
      return true;
    }
    case Opcode::kIntLt: *r = to_i(x[0]) < to_i(x[1]); return true;
    case Opcode::kIntLe: *r = to_i(x[0]) <= to_i(x[1]); return true;
    case Opcode::kIntEq: *r = x[0] == x[1]; return true;
    case Opcode::kIntNe: *r = x[0] != x[1]; return true;
    case Opcode::kIntGt: *r = to_i(x[0]) > to_i(x[1]); return true;
    case Opcode::kIntGe: *r = to_i(x[0]) >= to_i(x[1]); return true;
    case Opcode::kUintLt: *r = x[0] < x[1]; return true;
    case Opcode::kUintLe: *r = x[0] <= x[1]; return true;
    case Opcode::kUintGt: *r = x[0] > x[1]; return true;
    case Opcode::kUintGe: *r = x[0] >= x[1]; return true;

    case Opcode::kFloatAdd:
    case Opcode::kFloatSub:
    case Opcode::kFloatMul:
    case Opcode::kFloatTruediv: *r = float_arith(op, x[0], x[1]); return true;
    case Opcode::kFloatNeg: *r = x[0] ^ (uint64_t(1) << 63); return true;
    case Opcode::kFloatAbs: *r = x[0] & ~(uint64_t(1) << 63); return true;
    case Opcode::kFloatLt: *r = to_f(x[0]) < to_f(x[1]); return true;
    case Opcode::kFloatLe: *r = to_f(x[0]) <= to_f(x[1]); return true;
    case Opcode::kFloatEq: *r = to_f(x[0]) == to_f(x[1]); return true;
    case Opcode::kFloatNe: *r = to_f(x[0]) != to_f(x[1]); return true;
    case Opcode::kFloatGt: *r = to_f(x[0]) > to_f(x[1]); return true;
    case Opcode::kFloatGe: *r = to_f(x[0]) >= to_f(x[1]); return true;
    case Opcode::kCastIntToFloat: *r = from_f(static_cast<double>(to_i(x[0]))); return true;
    case Opcode::kCastFloatToInt: *r = static_cast<uint64_t>(float_to_int(to_f(x[0]))); return true;

    case Opcode::kPtrEq: *r = x[0] == x[1]; return true;
    case Opcode::kPtrNe: *r = x[0] != x[1]; return true;
    case Opcode::kCastPtrToInt:
    case Opcode::kCastIntToPtr: *r = x[0]; return true;
    default: return false;
  }
}

namespace {

class Interp {
 public:
  Interp(const Trace& t, const Runtime& rt) : t_(t), rt_(rt), regs_(t.num_ops()) {
    // The jump is the last op; find its label once, not per iteration.
    const Op& last = t.op(t.num_ops() - 1);
    if (last.opcode == Opcode::kJump)
      jump_label_ = last.descr != kNoDescr ? t.label_of(last.descr) : t.loop_label();
  }

  Exit run(std::span<const uint64_t> inputs) {
    PYR_CHECK(inputs.size() == t_.num_inputs());
    for (uint32_t k = 0; k < inputs.size(); k++) regs_[k] = inputs[k];
    return run_from(t_.num_inputs());
  }

  Exit run_at(uint32_t label, std::span<const uint64_t> values) {
    PYR_CHECK(t_.op(label).opcode == Opcode::kLabel);
    auto phis = t_.args(label);
    PYR_CHECK(values.size() == phis.size());
    for (size_t k = 0; k < phis.size(); k++) regs_[phis[k].index()] = values[k];
    return run_from(label + 1);
  }

 private:
  Exit run_from(uint32_t pc) {
    Exit exit;
    bool ovf = false;
    std::vector<uint64_t> scratch;
    while (true) {
      PYR_CHECK(pc < t_.num_ops());
      const Op& op = t_.op(pc);
      auto a = [&](uint32_t k) { return get(t_.args(op)[k]); };
      uint64_t& r = regs_[pc];
      switch (op.opcode) {
        case Opcode::kInput:
        case Opcode::kLabel:
        case Opcode::kDebugMergePoint:
        case Opcode::kQuasiimmutField: break;
        case Opcode::kJump: {
          scratch.clear();
          for (Ref x : t_.args(op)) scratch.push_back(get(x));
          std::optional<uint32_t> label = jump_label_;
          if (op.descr != kNoDescr && !label) {
            exit.kind = ExitKind::kJumpOut;
            exit.op = pc;
            exit.target = op.descr;
            for (size_t k = 0; k < scratch.size(); k++)
              exit.values.push_back(ExitValue{t_.type_of(t_.args(op)[k]), scratch[k]});
            return exit;
          }
          if (exit.jumps >= rt_.max_jumps) {
            exit.kind = ExitKind::kIterationLimit;
            exit.op = pc;
            for (size_t k = 0; k < scratch.size(); k++)
              exit.values.push_back(ExitValue{t_.type_of(t_.args(op)[k]), scratch[k]});
            return exit;
          }
          exit.jumps++;
          if (label) {
            auto phis = t_.args(*label);
            for (size_t k = 0; k < phis.size(); k++) regs_[phis[k].index()] = scratch[k];
            pc = *label + 1;
          } else {
            for (size_t k = 0; k < scratch.size(); k++) regs_[k] = scratch[k];
            pc = t_.num_inputs();
          }
          continue;
        }
        case Opcode::kFinish:
          exit.kind = ExitKind::kFinish;
          exit.op = pc;
          for (Ref x : t_.args(op)) exit.values.push_back(ExitValue{t_.type_of(x), get(x)});
          return exit;
        case Opcode::kForceToken: r = rt_.force_token; break;
        case Opcode::kGuardTrue:
          if (a(0) == 0) return fail(pc, exit);
          break;
        case Opcode::kGuardFalse:
          if (a(0) != 0) return fail(pc, exit);
          break;
        case Opcode::kGuardValue:
          if (a(0) != a(1)) return fail(pc, exit);
          break;
        case Opcode::kGuardClass: {
          const Descr& d = t_.descr(op.descr);
          if (load(a(0) + d.offset, d.size, d.is_signed) != a(1)) return fail(pc, exit);
          break;
        }
        case Opcode::kGuardNonnull:
          if (a(0) == 0) return fail(pc, exit);
          break;
        case Opcode::kGuardIsnull:
          if (a(0) != 0) return fail(pc, exit);
          break;
        case Opcode::kGuardNoOverflow:
          if (ovf) return fail(pc, exit);
          break;
        case Opcode::kGuardOverflow:
          if (!ovf) return fail(pc, exit);
          break;
        case Opcode::kGuardNoException:
          if (rt_.exception && *rt_.exception != 0) return fail(pc, exit);
          break;
        case Opcode::kGuardNotInvalidated:
          if (rt_.invalidated && *rt_.invalidated != 0) return fail(pc, exit);
          break;
        case Opcode::kGuardNotForced:
          if (rt_.forced && *rt_.forced != 0) return fail(pc, exit);
          break;
        case Opcode::kGuardAlwaysFails: return fail(pc, exit);

        case Opcode::kGetfieldGcI:
        case Opcode::kGetfieldGcR:
        case Opcode::kGetfieldGcF:
        case Opcode::kGetfieldRawI:
        case Opcode::kGetfieldRawF: {
          r = load_item(t_.descr(op.descr), a(0), 0);
          break;
        }
        case Opcode::kSetfieldGc:
        case Opcode::kSetfieldRaw: {
          store_item(t_.descr(op.descr), a(0), 0, a(1));
          break;
        }
        case Opcode::kGetarrayitemGcI:
        case Opcode::kGetarrayitemGcR:
        case Opcode::kGetarrayitemGcF:
        case Opcode::kGetarrayitemRawI:
        case Opcode::kGetarrayitemRawF: {
          r = load_item(t_.descr(op.descr), a(0), a(1));
          break;
        }
        case Opcode::kSetarrayitemGc:
        case Opcode::kSetarrayitemRaw: {
          store_item(t_.descr(op.descr), a(0), a(1), a(2));
          break;
        }
        case Opcode::kArraylenGc: {
          const Descr& d = t_.descr(op.descr);
          r = load(a(0) + d.length_offset, 8, true);
          break;
        }

        case Opcode::kNew:
        case Opcode::kNewWithVtable:
          if (!rt_.allocate) return error(ExitKind::kNoAllocator, pc, exit);
          r = rt_.allocate(t_.descr(op.descr));
          break;
        case Opcode::kNewArray:
          if (!rt_.allocate_array) return error(ExitKind::kNoAllocator, pc, exit);
          r = rt_.allocate_array(t_.descr(op.descr), to_i(a(0)));
          break;

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
          scratch.clear();
          for (Ref x : t_.args(op)) scratch.push_back(get(x));
          r = call_c_function(t_.descr(op.descr), scratch);
          break;
        }
        case Opcode::kCallAssemblerI:
        case Opcode::kCallAssemblerR:
        case Opcode::kCallAssemblerF:
        case Opcode::kCallAssemblerN: {
          if (!rt_.call_assembler) return error(ExitKind::kNoCallAssembler, pc, exit);
          scratch.clear();
          for (Ref x : t_.args(op)) scratch.push_back(get(x));
          r = rt_.call_assembler(t_.descr(op.descr), scratch);
          break;
        }
        default: {
          uint64_t x[2] = {};
          auto args = t_.args(op);
          for (size_t k = 0; k < args.size() && k < 2; k++) x[k] = get(args[k]);
          bool o = false;
          if (!eval_pure(op.opcode, x, &r, &o)) PYR_UNREACHABLE();
          if (is_ovf(op.opcode)) ovf = o;
          break;
        }
      }
      // Only the guard right after an *_ovf op may read the condition.
      if (!is_ovf(op.opcode)) ovf = false;
      pc++;
    }
  }

  uint64_t get(Ref r) const { return r.is_const() ? t_.constant(r).bits : regs_[r.index()]; }

  Exit error(ExitKind k, uint32_t pc, Exit& exit) {
    exit.kind = k;
    exit.op = pc;
    return exit;
  }

  ExitValue resolve(Ref r, Exit& exit, std::vector<uint32_t>& seen) {
    if (!r.is_virtual()) return ExitValue{t_.type_of(r), get(r)};
    for (size_t k = 0; k < seen.size(); k++)
      if (seen[k] == r.index()) return ExitValue{Type::kRef, 0, static_cast<int32_t>(k)};
    // Reserve the slot first so cycles resolve to it.
    seen.push_back(r.index());
    int32_t index = static_cast<int32_t>(exit.virtuals.size());
    const VirtualObject& vo = t_.snapshots().virtual_object(r.index());
    exit.virtuals.push_back(ExitVirtual{vo.descr, vo.with_vtable, vo.length, {}});
    std::vector<ExitVirtual::Field> fields;
    for (const VirtualField& f : t_.snapshots().fields(vo))
      fields.push_back(ExitVirtual::Field{f.descr, f.index, resolve(f.value, exit, seen)});
    exit.virtuals[index].fields = std::move(fields);
    return ExitValue{Type::kRef, 0, index};
  }

  Exit fail(uint32_t pc, Exit& exit) {
    const Op& op = t_.op(pc);
    exit.kind = ExitKind::kGuardFailed;
    exit.op = pc;
    exit.snapshot = op.snapshot;
    std::vector<uint32_t> seen;
    const SnapshotTable& st = t_.snapshots();
    for (uint32_t fid : st.frames_of(op.snapshot)) {
      const SnapFrame& f = st.frame(fid);
      if (is_store_frame(f.kind)) {
        do_store_frame(t_, f, [&](Ref r) { return resolve(r, exit, seen).bits; });
        continue;
      }
      ExitFrame ef{f.kind, f.pc, f.size, {}};
      for (const SnapEntry& e : st.entries(f)) ef.slots.push_back(ExitSlot{e.slot, resolve(e.ref, exit, seen)});
      exit.frames.push_back(std::move(ef));
    }
    return exit;
  }

  const Trace& t_;
  const Runtime& rt_;
  std::vector<uint64_t> regs_;
  std::optional<uint32_t> jump_label_;
};

}  // namespace

namespace {
uint64_t item_address(const Descr& d, uint64_t base, uint64_t index) {
  uint64_t address = base + static_cast<int64_t>(d.offset);
  return d.kind == DescrKind::kArray ? address + index * d.size : address;
}
}  // namespace

uint64_t load_item(const Descr& d, uint64_t base, uint64_t index) {
  return load(item_address(d, base, index), d.size, d.is_signed);
}

void store_item(const Descr& d, uint64_t base, uint64_t index, uint64_t value) {
  store(item_address(d, base, index), d.size, value);
}

Exit run_trace(const Trace& t, std::span<const uint64_t> inputs, const Runtime& rt) {
  return Interp(t, rt).run(inputs);
}

Exit run_trace_at(const Trace& t, uint32_t label, std::span<const uint64_t> values,
                  const Runtime& rt) {
  return Interp(t, rt).run_at(label, values);
}

}  // namespace pyrite::jit::ir
