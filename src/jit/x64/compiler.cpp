// The x86-64 backend's register allocator, moves, labels, entries, exit
// stubs and finishing (the invariants are in compiler.h; docs/jit_x64.md).
#include "jit/x64/compiler.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "base/check.h"

namespace pyrite::jit::x64 {

const char* compile_error_name(CompileError e) {
  switch (e) {
#define PYR_X(name, msg) \
  case CompileError::name: return #name;
    PYR_X64_COMPILE_ERRORS(PYR_X)
#undef PYR_X
  }
  return "?";
}
namespace {

std::atomic<uint32_t> g_max_frame_words{64};

// With PYRITE_PERF_MAP set, every compiled trace is listed in
// /tmp/perf-PID.map (perf's format for JIT code: "start size name"), so
// `perf report` names samples in machine code by trace.
bool perf_map_enabled() {
  static const bool enabled = std::getenv("PYRITE_PERF_MAP") != nullptr;
  return enabled;
}

void write_perf_line(const void* start, size_t size, const std::string& name) {
  std::string path = "/tmp/perf-" + std::to_string(getpid()) + ".map";
  if (FILE* f = std::fopen(path.c_str(), "a")) {
    std::fprintf(f, "%lx %zx %s\n", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(start)),
                 size, name.c_str());
    std::fclose(f);
  }
}

void write_perf_map(const CompiledTrace& t, size_t size) {
  if (!perf_map_enabled()) return;
  static std::atomic<uint32_t> counter{0};
  const ir::Trace& tr = t.trace();
  bool loop = tr.loop_label().has_value();
  write_perf_line(t.code().data(), size,
                  std::string("pyrite_") + (loop ? "loop_" : "trace_") + std::to_string(counter++) +
                      "_ops" + std::to_string(tr.num_ops()));
}

}  // namespace


void Compiler::compute_liveness() {
  failargs_cache_.resize(t_.snapshots().num_snapshots());
  for (int32_t i = static_cast<int32_t>(n_) - 1; i >= 0; i--) {
    const ir::Op& op = t_.op(i);
    for (Ref r : t_.args(op)) use(r, i);
    if (op.snapshot != ir::kNoSnapshot)
      for (Ref r : failargs(i)) use(r, i);
  }
}

void Compiler::compute_hints() {
  hint_.assign(n_, -1);
  if (n_ == 0) return;
  uint32_t last = n_ - 1;
  const ir::Op& jump = t_.op(last);
  if (jump.opcode != Opcode::kJump || jump.descr == ir::kNoDescr) return;
  for (uint32_t i = 0; i < last; i++)
    if (t_.op(i).opcode == Opcode::kLabel && t_.op(i).descr == jump.descr) return;  // its own loop
  jump_address_known_ = true;
  jump_address_ = o_.lookup_target ? o_.lookup_target(o_.ctx, jump.descr) : 0;
  const LabelLayout* l = jump_address_ ? find_label(jump_address_) : nullptr;
  if (!l) return;
  auto args = t_.args(jump);
  for (size_t k = 0; k < args.size() && k < l->values.size(); k++) {
    if (!args[k].is_value() || is_float(args[k].index())) continue;
    const LabelLocation& d = l->values[k];
    if (d.kind == LabelLocation::kGpr && hint_[args[k].index()] < 0) hint_[args[k].index()] = static_cast<int8_t>(d.index);
  }
  // Back through ops computed in their first operand's register.
  for (uint32_t i = last; i-- > t_.num_inputs();) {
    if (hint_[i] < 0) continue;
    switch (t_.op(i).opcode) {
      case Opcode::kIntAdd: case Opcode::kIntSub: case Opcode::kIntAnd: case Opcode::kIntOr:
      case Opcode::kIntXor: case Opcode::kIntMul: case Opcode::kIntLshift: case Opcode::kIntRshift:
      case Opcode::kIntUrshift: {
        Ref x = t_.arg(i, 0);
        if (x.is_value() && last_use_[x.index()] == static_cast<int32_t>(i) && hint_[x.index()] < 0)
          hint_[x.index()] = hint_[i];
        break;
      }
      default: break;
    }
  }
}

const std::vector<Ref>& Compiler::failargs(uint32_t op) {
  uint32_t s = static_cast<uint32_t>(t_.op(op).snapshot);
  if (failargs_cache_[s].empty()) {
    failargs_cache_[s] = t_.snapshot_values(t_.op(op).snapshot);
    if (failargs_cache_[s].empty()) failargs_cache_[s].push_back(Ref());  // "computed, none"
  }
  static const std::vector<Ref> kNone;
  if (failargs_cache_[s].size() == 1 && failargs_cache_[s][0].is_none()) return kNone;
  return failargs_cache_[s];
}

int Compiler::alloc_gpr() {
  for (int r : kGprOrder)
    if (gpr_owner_[r] < 0 && !(locked_gpr_ & (1u << r))) {
      locked_gpr_ |= 1u << r;
      return r;
    }
  // Evict the unlocked value used furthest in the future.
  int best = -1;
  int32_t best_use = -1;
  for (int r : kGprOrder) {
    if (locked_gpr_ & (1u << r)) continue;
    int32_t v = gpr_owner_[r];
    if (last_use_[v] > best_use) best_use = last_use_[v], best = r;
  }
  PYR_CHECK_MSG(best >= 0, "every register is locked");
  uint32_t v = static_cast<uint32_t>(gpr_owner_[best]);
  spill(v);
  drop_reg(v);
  locked_gpr_ |= 1u << best;
  return best;
}

int Compiler::alloc_xmm() {
  for (int r = 0; r < kNumXmm; r++)
    if (xmm_owner_[r] < 0 && !(locked_xmm_ & (1u << r))) {
      locked_xmm_ |= 1u << r;
      return r;
    }
  int best = -1;
  int32_t best_use = -1;
  for (int r = 0; r < kNumXmm; r++) {
    if (locked_xmm_ & (1u << r)) continue;
    int32_t v = xmm_owner_[r];
    if (last_use_[v] > best_use) best_use = last_use_[v], best = r;
  }
  PYR_CHECK_MSG(best >= 0, "every xmm register is locked");
  uint32_t v = static_cast<uint32_t>(xmm_owner_[best]);
  spill(v);
  drop_reg(v);
  locked_xmm_ |= 1u << best;
  return best;
}

int Compiler::const_reg(Ref r) {
  uint32_t v = id(r);
  if (reg_[v] >= 0) {
    lock(r);
    return reg_[v];
  }
  for (int reg : kGprOrder)
    if (gpr_owner_[reg] < 0 && !(locked_gpr_ & (1u << reg))) {
      locked_gpr_ |= 1u << reg;
      emit_move(Loc::constant(t_.constant(r).bits), Loc::gpr(reg));
      assign(v, reg);
      return reg;
    }
  return -1;
}

int Compiler::ensure_reg(Ref r) {
  PYR_CHECK(r.is_value());
  uint32_t v = r.index();
  if (reg_[v] >= 0) {
    lock(r);
    return reg_[v];
  }
  int reg;
  if (is_float(v)) {
    reg = alloc_xmm();
    a_.movsd(x86::xmm(reg), slot_mem(slot_[v]));
  } else {
    reg = alloc_gpr();
    a_.mov(x86::gpq(reg), slot_mem(slot_[v]));
  }
  assign(v, reg);
  return reg;
}

int Compiler::result_from(uint32_t i, Ref x) {
  bool f = t_.op(i).type == Type::kFloat;
  if (x.is_value() && reg_[x.index()] >= 0 && last_use_[x.index()] == static_cast<int32_t>(i) &&
      is_float(x.index()) == f) {
    int r = reg_[x.index()];
    drop_reg(x.index());
    assign(i, r);
    return r;
  }
  int r = f ? alloc_xmm() : alloc_gpr_for(i);
  Loc dst = f ? Loc::xmm(r) : Loc::gpr(r);
  emit_move(loc_of(x), dst);
  assign(i, r);
  return r;
}

void Compiler::release_dead(uint32_t i) {
  const ir::Op& op = t_.op(i);
  auto maybe = [&](Ref r) {
    if (r.is_const() && std::find(pinned_.begin(), pinned_.end(), id(r)) != pinned_.end()) return;
    if ((r.is_value() || r.is_const()) && last_use_[id(r)] <= static_cast<int32_t>(i))
      release(id(r));
  };
  for (Ref r : t_.args(op)) maybe(r);
  if (op.snapshot != ir::kNoSnapshot)
    for (Ref r : failargs(i)) maybe(r);
  if (op.type != Type::kVoid && last_use_[i] < 0 && reg_[i] >= 0) release(i);
  locked_gpr_ = locked_xmm_ = 0;
}

// ---- moves -----------------------------------------------------------------

void Compiler::emit_move(const Loc& src, const Loc& dst) {
  if (src == dst) return;
  auto is_mem = [](const Loc& l) { return l.kind == Loc::kStack || l.kind == Loc::kFrame; };
  switch (src.kind) {
    case Loc::kGpr:
      if (dst.kind == Loc::kGpr) a_.mov(x86::gpq(dst.index), x86::gpq(src.index));
      else if (dst.kind == Loc::kXmm) a_.movq(x86::xmm(dst.index), x86::gpq(src.index));
      else a_.mov(mem_of(dst), x86::gpq(src.index));
      return;
    case Loc::kXmm:
      if (dst.kind == Loc::kGpr) a_.movq(x86::gpq(dst.index), x86::xmm(src.index));
      else if (dst.kind == Loc::kXmm) a_.movapd(x86::xmm(dst.index), x86::xmm(src.index));
      else a_.movsd(mem_of(dst), x86::xmm(src.index));
      return;
    case Loc::kStack:
    case Loc::kFrame:
      if (dst.kind == Loc::kGpr) a_.mov(x86::gpq(dst.index), mem_of(src));
      else if (dst.kind == Loc::kXmm) a_.movsd(x86::xmm(dst.index), mem_of(src));
      else {
        a_.mov(x86::r10, mem_of(src));
        a_.mov(mem_of(dst), x86::r10);
      }
      return;
    case Loc::kConst: {
      int64_t v = static_cast<int64_t>(src.bits);
      if (dst.kind == Loc::kGpr) {
        if (src.bits <= UINT32_MAX) a_.mov(x86::gpd(dst.index), static_cast<uint32_t>(src.bits));
        else a_.mov(x86::gpq(dst.index), v);
      } else if (dst.kind == Loc::kXmm) {
        if (src.bits == 0) {
          a_.xorps(x86::xmm(dst.index), x86::xmm(dst.index));
        } else {
          a_.mov(x86::r10, v);
          a_.movq(x86::xmm(dst.index), x86::r10);
        }
      } else if (is_mem(dst)) {
        if (fits_i32(v)) {
          a_.mov(mem_of(dst), asmjit::Imm(v));
        } else {
          a_.mov(x86::r10, v);
          a_.mov(mem_of(dst), x86::r10);
        }
      }
      return;
    }
    default: PYR_UNREACHABLE();
  }
}

void Compiler::parallel_move(std::vector<Move> moves) {
  std::erase_if(moves, [](const Move& m) { return m.src == m.dst; });
  while (!moves.empty()) {
    bool progress = false;
    for (size_t k = 0; k < moves.size();) {
      bool blocked = false;
      for (size_t j = 0; j < moves.size(); j++)
        if (j != k && moves[j].src == moves[k].dst) {
          blocked = true;
          break;
        }
      if (blocked) {
        k++;
        continue;
      }
      emit_move(moves[k].src, moves[k].dst);
      moves.erase(moves.begin() + static_cast<ptrdiff_t>(k));
      progress = true;
    }
    if (!progress) {
      // Only cycles are left: park one destination's old value in a temp.
      Loc d = moves[0].dst;
      Loc tmp = d.kind == Loc::kXmm ? Loc::xmm(kXmmScratch) : Loc::gpr(kR11);
      emit_move(d, tmp);
      for (Move& m : moves)
        if (m.src == d) m.src = tmp;
    }
  }
}

// ---- operands ----------------------------------------------------------------

asmjit::Operand Compiler::int_operand(Ref r, bool allow_imm) {
  if (r.is_const()) {
    int64_t v = t_.constant(r).as_int();
    if (allow_imm && fits_i32(v)) return asmjit::Imm(v);
    a_.mov(x86::r10, v);
    return x86::r10;
  }
  return x86::gpq(ensure_reg(r));
}

x86::Gp Compiler::gpr_of(Ref r, int scratch) {
  if (r.is_value() && reg_[r.index()] >= 0 && !is_float(r.index())) return x86::gpq(reg_[r.index()]);
  emit_move(loc_of(r), Loc::gpr(scratch));
  return x86::gpq(scratch);
}

x86::Xmm Compiler::xmm_of(Ref r) {
  if (r.is_value() && reg_[r.index()] >= 0 && is_float(r.index())) return x86::xmm(reg_[r.index()]);
  emit_move(loc_of(r), Loc::xmm(kXmmScratch));
  return x86::xmm(kXmmScratch);
}

x86::Mem Compiler::address(Ref base, Ref index, int32_t offset, int scale, uint32_t i) {
  int shift = scale == 1 ? 0 : scale == 2 ? 1 : scale == 4 ? 2 : 3;
  int64_t disp = offset;
  if (!index.is_none() && index.is_const()) {
    // Wrapping like the interpreter's uint64 arithmetic.
    disp = static_cast<int64_t>(static_cast<uint64_t>(disp) +
                                static_cast<uint64_t>(t_.constant(index).as_int()) * scale);
    index = Ref();
  }
  if (base.is_const()) {
    // A constant address that fits a sign-extended disp32 (BF's tape, a
    // static table): [index*scale + address], no register for the base.
    // It saved BF's traces a mov of the tape's address at every entry and
    // after every label: 4.6% of mandelbrot_big's machine code.
    int64_t absolute = static_cast<int64_t>(t_.constant(base).bits + static_cast<uint64_t>(disp));
    if (fits_i32(absolute)) {
      if (index.is_none()) return x86::ptr_abs(static_cast<uint64_t>(absolute));
      return x86::ptr_abs(static_cast<uint64_t>(absolute), x86::gpq(ensure_reg(index)), shift);
    }
  }
  if (base.is_const() && !index.is_none() && fits_i32(disp)) {
    int cr = const_reg(base);
    if (cr >= 0)
      return x86::qword_ptr(x86::gpq(cr), x86::gpq(ensure_reg(index)), shift,
                            static_cast<int32_t>(disp));
  }
  if (base.is_const()) {
    uint64_t b = t_.constant(base).bits;
    if (index.is_none()) {
      a_.mov(x86::r11, static_cast<int64_t>(b + static_cast<uint64_t>(disp)));
      return x86::qword_ptr(x86::r11);
    }
    if (!fits_i32(disp)) {
      b += static_cast<uint64_t>(disp);
      disp = 0;
    }
    a_.mov(x86::r11, static_cast<int64_t>(b));
    return x86::qword_ptr(x86::r11, x86::gpq(ensure_reg(index)), shift, static_cast<int32_t>(disp));
  }
  x86::Gp b = x86::gpq(ensure_reg(base));
  if (!fits_i32(disp)) {
    a_.mov(x86::r11, disp);
    a_.lea(x86::r11, x86::ptr(x86::r11, b));  // lea: the flags may hold a fused compare
    b = x86::r11;
    disp = 0;
  }
  if (index.is_none()) return x86::qword_ptr(b, static_cast<int32_t>(disp));
  return x86::qword_ptr(b, x86::gpq(ensure_reg(index)), shift, static_cast<int32_t>(disp));
}

// ---- exits -------------------------------------------------------------------

uint32_t Compiler::add_exit(ir::ExitKind kind, uint32_t op, uint32_t num_values) {
  exits_.push_back(ExitInfo{kind, op, num_values, nullptr});
  frame_words_ = std::max(frame_words_, kFrameValues + num_values);
  return static_cast<uint32_t>(exits_.size() - 1);
}

asmjit::Label Compiler::add_stub(uint32_t exit, std::vector<Loc> values, bool patchable) {
  stubs_.push_back(Stub{a_.newLabel(), std::move(values), exit, patchable});
  return stubs_.back().label;
}

// Exits with equal value locations share one store sequence: the first
// one's stub is "push k" falling into the stores, which end in "pop rax;
// jmp dispatch"; the others' are "push k; jmp stores" (4 bytes when near).
// Dispatch comes first, so the first stubs reach it with a short jump.
void Compiler::emit_stubs() {
  a_.bind(dispatch_);
  a_.mov(x86::r10, static_cast<int64_t>(reinterpret_cast<uint64_t>(out_->exit_targets_.get())));
  a_.jmp(x86::qword_ptr(x86::r10, x86::rax, 3));
  auto less = [](const std::vector<Loc>& a, const std::vector<Loc>& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](const Loc& x, const Loc& y) {
                                          if (x.kind != y.kind) return x.kind < y.kind;
                                          if (x.index != y.index) return x.index < y.index;
                                          return x.kind == Loc::kConst && x.bits < y.bits;
                                        });
  };
  std::map<std::vector<Loc>, std::vector<uint32_t>, decltype(less)> groups(less);
  for (uint32_t k = 0; k < stubs_.size(); k++) groups[stubs_[k].values].push_back(k);
  for (auto& [values, members] : groups) {
    asmjit::Label stores = a_.newLabel();
    a_.bind(stubs_[members[0]].label);
    a_.push(asmjit::Imm(static_cast<int64_t>(stubs_[members[0]].exit)));
    a_.bind(stores);
    stub_rsp_bias_ = 8;
    if (!values.empty()) a_.mov(x86::r11, x86::qword_ptr(x86::rsp, 8));
    for (size_t k = 0; k < values.size(); k++)
      emit_move(values[k], Loc::frame(static_cast<int>(kFrameValues + k)));
    stub_rsp_bias_ = 0;
    a_.pop(x86::rax);
    a_.jmp(dispatch_);
    // The others jump back to the stores (short when near).
    for (size_t m = 1; m < members.size(); m++) {
      a_.bind(stubs_[members[m]].label);
      a_.push(asmjit::Imm(static_cast<int64_t>(stubs_[members[m]].exit)));
      a_.jmp(stores);
    }
  }
}

// ---- labels and entries ------------------------------------------------------

void Compiler::set_label_locs(LabelInfo& l, bool keep_current) {
  uint32_t taken_gpr = 0, taken_xmm = 0;
  l.locs.assign(l.args.size(), Loc());
  if (keep_current) {
    for (size_t k = 0; k < l.args.size(); k++) {
      uint32_t v = l.args[k].index();
      if (reg_[v] < 0) continue;
      if (is_float(v)) {
        taken_xmm |= 1u << reg_[v];
        l.locs[k] = Loc::xmm(reg_[v]);
      } else {
        taken_gpr |= 1u << reg_[v];
        l.locs[k] = Loc::gpr(reg_[v]);
      }
    }
  }
  if (l.op == CompiledTrace::kInputs) {  // inputs the final jump passes on: where it wants them
    for (size_t k = 0; k < l.args.size(); k++) {
      int h = hint_[l.args[k].index()];
      if (h < 0 || (taken_gpr & (1u << h))) continue;
      taken_gpr |= 1u << h;
      l.locs[k] = Loc::gpr(h);
    }
  }
  int slot = 0;
  for (size_t k = 0; k < l.args.size(); k++) {
    if (l.locs[k].kind != Loc::kNone) continue;
    uint32_t v = l.args[k].index();
    if (is_float(v)) {
      for (int r = 0; r < kNumXmm; r++)
        if (!(taken_xmm & (1u << r))) {
          taken_xmm |= 1u << r;
          l.locs[k] = Loc::xmm(r);
          break;
        }
    } else {
      // Callee-saved registers first: loop-carried values outlive calls.
      for (int pass = 0; pass < 2 && l.locs[k].kind == Loc::kNone; pass++)
        for (int r : kGprOrder)
          if (is_callee_saved(r) == (pass == 0) && !(taken_gpr & (1u << r))) {
            taken_gpr |= 1u << r;
            l.locs[k] = Loc::gpr(r);
            break;
          }
    }
    if (l.locs[k].kind == Loc::kNone) l.locs[k] = Loc::stack(slot++);
  }
  // Hoist up to two big base constants into free registers.
  uint32_t from = l.op == CompiledTrace::kInputs ? t_.num_inputs() : l.op + 1;
  for (uint32_t j = from; j < n_ && l.consts.size() < 2; j++) {
    const ir::Op& op = t_.op(j);
    if (op.opcode == Opcode::kLabel) break;  // the next label hoists its own
    bool memory = !(op_effects(op.opcode) & (ir::effect::kCall | ir::effect::kAllocates)) &&
                  (op_effects(op.opcode) & (ir::effect::kReadsHeap | ir::effect::kWritesHeap));
    if (!memory || op.num_args == 0) continue;
    Ref base = t_.arg(j, 0);
    if (!base.is_const() || t_.constant(base).type == Type::kFloat ||
        fits_i32(t_.constant(base).as_int()))
      continue;
    bool have = false;
    for (auto& c : l.consts) have |= c.first == base;
    if (have) continue;
    // Callee-saved first, rbp and r13 last (as a base they need a disp8).
    static constexpr int kConstOrder[] = {12, 14, 15, kRbx, 13, kRbp, kRax, kRcx, kRdx, kRsi, kRdi, 8, 9};
    int reg = -1;
    for (int r : kConstOrder)
      if (!(taken_gpr & (1u << r))) {
        reg = r;
        break;
      }
    if (reg < 0) break;
    taken_gpr |= 1u << reg;
    l.consts.push_back({base, reg});
  }
  (void)slot;
}

// After a label: only its arguments are live, at the label's locations.
void Compiler::enter_label(LabelInfo& l) {
  for (uint32_t v = 0; v < nids_; v++) reg_[v] = -1, slot_[v] = -1;
  for (int r = 0; r < 16; r++) gpr_owner_[r] = xmm_owner_[r] = -1;
  free_slots_.clear();
  next_slot_ = 0;
  for (size_t k = 0; k < l.args.size(); k++) {
    uint32_t v = l.args[k].index();
    const Loc& loc = l.locs[k];
    if (loc.kind == Loc::kStack) {
      slot_[v] = loc.index;
      next_slot_ = std::max(next_slot_, loc.index + 1);
    } else {
      assign(v, loc.index);
    }
  }
  max_slots_ = std::max(max_slots_, next_slot_);
  if (next_slot_ > static_cast<int>(kSpillSlots)) fail(CompileError::kTooManySpills, cur_, "");
  // Slots below next_slot_ not used by an argument are free again.
  std::vector<bool> used(next_slot_, false);
  for (const Loc& loc : l.locs)
    if (loc.kind == Loc::kStack) used[loc.index] = true;
  for (int s = next_slot_ - 1; s >= 0; s--)
    if (!used[s]) free_slots_.push_back(s);
  // Arguments never used after the label are dead already.
  int32_t at = l.op == CompiledTrace::kInputs ? -1 : static_cast<int32_t>(l.op);
  for (Ref r : l.args)
    if (last_use_[r.index()] <= at) release(r.index());
  pinned_.clear();
  for (auto& [c, reg] : l.consts) {
    assign(id(c), reg);
    pinned_.push_back(id(c));  // kept to the jump, which would reload it
  }
  flags_value_ = -1;
  a_.bind(l.body);
}

void Compiler::emit_label(uint32_t i) {
  LabelInfo l;
  l.op = i;
  l.args.assign(t_.args(i).begin(), t_.args(i).end());
  l.body = a_.newLabel();
  l.entry = a_.newLabel();
  l.frame_entry = a_.newLabel();
  set_label_locs(l, true);
  std::vector<Move> moves;
  for (size_t k = 0; k < l.args.size(); k++) moves.push_back({loc_of(l.args[k]), l.locs[k]});
  for (auto& [c, reg] : l.consts) moves.push_back({loc_of(c), Loc::gpr(reg)});
  parallel_move(std::move(moves));
  frame_words_ = std::max(frame_words_, kFrameValues + static_cast<uint32_t>(l.args.size()));
  labels_.push_back(std::move(l));
  enter_label(labels_.back());
}

void Compiler::emit_entries() {
  for (LabelInfo& l : labels_) {
    a_.bind(l.entry);
    a_.push(x86::rbx);
    a_.push(x86::rbp);
    a_.push(x86::r12);
    a_.push(x86::r13);
    a_.push(x86::r14);
    a_.push(x86::r15);
    a_.sub(x86::rsp, kFrameBytes);
    a_.mov(x86::qword_ptr(x86::rsp), x86::rdi);
    a_.bind(l.frame_entry);
    a_.mov(x86::r11, x86::qword_ptr(x86::rsp));
    for (size_t k = 0; k < l.args.size(); k++)
      emit_move(Loc::frame(static_cast<int>(kFrameValues + k)), l.locs[k]);
    for (auto& [c, reg] : l.consts) emit_move(Loc::constant(t_.constant(c).bits), Loc::gpr(reg));
    a_.jmp(l.body);
  }
  // Back to C++ with &exits_[rax] (exit_targets_' default).
  a_.bind(exit_return_);
  a_.imul(x86::eax, x86::eax, static_cast<int>(sizeof(ExitInfo)));
  a_.mov(x86::r10, static_cast<int64_t>(reinterpret_cast<uint64_t>(out_->exits_.get())));
  a_.add(x86::rax, x86::r10);
  a_.bind(epilogue_);
  a_.add(x86::rsp, kFrameBytes);
  a_.pop(x86::r15);
  a_.pop(x86::r14);
  a_.pop(x86::r13);
  a_.pop(x86::r12);
  a_.pop(x86::rbp);
  a_.pop(x86::rbx);
  a_.ret();
}

void Compiler::finalize() {
  if (errors_.failed) fail(CompileError::kAssembler, cur_, errors_.text);
  code_.flatten();
  code_.resolveUnresolvedLinks();
  size_t size = code_.codeSize();
  CompiledTrace& out = *out_;
  out.code_ = CodeBlock(size);
  uint64_t base = reinterpret_cast<uint64_t>(out.code_.data());
  code_.relocateToBase(base);
  std::vector<uint8_t> bytes(size);
  code_.copyFlattenedData(bytes.data(), size, asmjit::CopySectionFlags::kPadSectionBuffer);
  if (errors_.failed) fail(CompileError::kAssembler, cur_, errors_.text);
  for (const DirectJump& j : direct_jumps_) {
    int64_t disp = static_cast<int64_t>(j.target - (base + j.offset + 5));
    // The pool is one reserved range below 2 GiB, so this always fits.
    if (!fits_i32(disp)) fail(CompileError::kAssembler, cur_, "direct jump out of rel32 range");
    int32_t d = static_cast<int32_t>(disp);
    PYR_CHECK(bytes[j.offset] == 0xE9);
    std::memcpy(&bytes[j.offset + 1], &d, 4);
  }
  out.code_.fill(bytes);
  out.code_size_ = size;
  auto offset = [&](asmjit::Label l) { return static_cast<uint32_t>(code_.labelOffsetFromBase(l)); };
  for (const LabelInfo& l : labels_) {
    CompiledTrace::Entry e{l.op, offset(l.entry), offset(l.frame_entry), {}};
    e.layout.label = l.op;
    for (const Loc& loc : l.locs)
      e.layout.values.push_back(LabelLocation{
          loc.kind == Loc::kGpr   ? LabelLocation::kGpr
          : loc.kind == Loc::kXmm ? LabelLocation::kXmm
                                  : LabelLocation::kStack,
          loc.index});
    for (auto& [c, reg] : l.consts) e.layout.constants.push_back({t_.constant(c).bits, reg});
    e.layout.body = base + offset(l.body);
    e.layout.frame_entry = base + e.frame_entry_offset;
    out.entries_.push_back(std::move(e));
  }
  out.exit_return_ = base + offset(exit_return_);
  for (uint32_t k = 0; k < out.num_exits_; k++) out.exit_targets_[k] = out.exit_return_;
  out.guard_exit_index_.assign(n_, ~0u);
  out.guard_rel32_.assign(out.num_exits_, ~0u);
  out.stub_offset_.assign(out.num_exits_, ~0u);
  out.exit_values_.resize(out.num_exits_);
  out.exit_consts_.resize(out.num_exits_);
  out.glue_.resize(out.num_exits_);
  for (const Stub& s : stubs_) {
    if (!s.patchable) continue;
    uint32_t op = out.exits_[s.exit].op;
    out.guard_exit_index_[op] = s.exit;
    if (out.exits_[s.exit].kind != ir::ExitKind::kGuardFailed) continue;
    uint32_t stub = offset(s.label), end = guard_end_[op];
    out.stub_offset_[s.exit] = stub;
    // The guard's last instruction is its jump to the stub (jcc or jmp
    // rel32); a guard that never fails has none.
    if (end == ~0u || end < 5) continue;
    int32_t rel;
    std::memcpy(&rel, &bytes[end - 4], 4);
    bool jcc = end >= 6 && bytes[end - 6] == 0x0F && (bytes[end - 5] & 0xF0) == 0x80;
    if ((jcc || bytes[end - 5] == 0xE9) && static_cast<int64_t>(end) + rel == stub) {
      out.guard_rel32_[s.exit] = end - 4;
      for (const Loc& l : s.values)
        out.exit_values_[s.exit].push_back(LabelLocation{
            l.kind == Loc::kGpr   ? LabelLocation::kGpr
            : l.kind == Loc::kXmm ? LabelLocation::kXmm
            : l.kind == Loc::kConst ? LabelLocation::kConst
                                    : LabelLocation::kStack,
            l.index, l.bits});
      out.exit_consts_[s.exit] = s.consts;
    }
  }
  register_labels(out, true);
  write_perf_map(out, size);
  out.frame_words_ = frame_words_;
  out.spill_slots_used_ = static_cast<uint32_t>(max_slots_);
  uint32_t m = g_max_frame_words.load();
  while (m < frame_words_ && !g_max_frame_words.compare_exchange_weak(m, frame_words_)) {
  }
}

Compiler::AsmjitState& Compiler::asmjit_state(std::unique_ptr<AsmjitState>& own) {
  static thread_local AsmjitState shared;
  AsmjitState& s = shared.busy ? *(own = std::make_unique<AsmjitState>()) : shared;
  s.busy = true;
  return s;
}

CompileResult Compiler::run() {
  CompileResult result;
  out_.reset(new CompiledTrace(t_, o_.borrow_trace));
  for (int r = 0; r < 16; r++) gpr_owner_[r] = xmm_owner_[r] = -1;
  asmjit::Environment env(asmjit::Arch::kX64);
  code_.init(env);
  code_.setErrorHandler(&errors_);
  code_.attach(&a_);
  try {
    compute_liveness();
    compute_hints();
    epilogue_ = a_.newLabel();
    dispatch_ = a_.newLabel();
    exit_return_ = a_.newLabel();
    // The inputargs are the first "label": entries load them from the frame.
    LabelInfo inputs;
    inputs.op = CompiledTrace::kInputs;
    for (uint32_t k = 0; k < t_.num_inputs(); k++) inputs.args.push_back(Ref::value(k));
    inputs.body = a_.newLabel();
    inputs.entry = a_.newLabel();
    inputs.frame_entry = a_.newLabel();
    set_label_locs(inputs, false);
    frame_words_ = std::max(frame_words_, kFrameValues + t_.num_inputs());
    labels_.push_back(std::move(inputs));
    enter_label(labels_[0]);
    std::optional<uint32_t> loop = t_.loop_label();
    jump_target_ = 0;
    out_->op_offsets_.assign(n_, 0);
    guard_end_.assign(n_, ~0u);
    for (cur_ = t_.num_inputs(); cur_ < n_; cur_++) {
      out_->op_offsets_[cur_] = static_cast<uint32_t>(a_.offset());
      if (loop && cur_ == *loop) jump_target_ = static_cast<int>(labels_.size());
      emit_op(cur_);
      if (ir::is_guard(t_.op(cur_).opcode)) guard_end_[cur_] = static_cast<uint32_t>(a_.offset());
      if (t_.op(cur_).opcode != Opcode::kLabel) release_dead(cur_);
      else locked_gpr_ = locked_xmm_ = 0;
    }
    out_->num_exits_ = static_cast<uint32_t>(exits_.size());
    out_->exits_.reset(new ExitInfo[exits_.size() + 1]);
    for (size_t k = 0; k < exits_.size(); k++) {
      out_->exits_[k] = exits_[k];
      out_->exits_[k].owner = out_.get();
    }
    out_->exit_targets_.reset(new uint64_t[exits_.size() + 1]);
    emit_stubs();
    emit_entries();
    finalize();
  } catch (const CompileFailure& f) {
    result.error = f.error;
    result.op = f.op;
    result.message = f.message.empty() ? compile_error_name(f.error) : f.message;
    return result;
  }
  if (errors_.failed) {
    result.error = CompileError::kAssembler;
    result.op = cur_;
    result.message = errors_.text;
    return result;
  }
  result.code = std::move(out_);
  return result;
}

CodeBlock Compiler::glue(const std::vector<LabelLocation>& from,
                         const std::vector<std::pair<uint64_t, int32_t>>& from_consts,
                         const LabelLayout& to, const std::vector<GlueStore>& stores) {
  PYR_CHECK(from.size() >= to.values.size());
  asmjit::Environment env(asmjit::Arch::kX64);
  code_.init(env);
  code_.setErrorHandler(&errors_);
  code_.attach(&a_);
  auto loc = [](const LabelLocation& l) {
    switch (l.kind) {
      case LabelLocation::kGpr: return Loc::gpr(l.index);
      case LabelLocation::kXmm: return Loc::xmm(l.index);
      case LabelLocation::kStack: return Loc::stack(l.index);
      case LabelLocation::kConst: return Loc::constant(l.bits);
    }
    PYR_UNREACHABLE();
  };
  // The guard's delayed stores first, through the scratch registers (no
  // failarg lives in r10/r11): address in r11, value in r10.
  for (const GlueStore& st : stores) {
    x86::Mem m;
    uint32_t shift = st.size == 1 ? 0 : st.size == 2 ? 1 : st.size == 4 ? 2 : 3;
    int64_t base_disp = static_cast<int64_t>(st.base.bits) + st.offset;
    bool base_abs = st.base.kind == LabelLocation::kConst && fits_i32(base_disp);
    if (base_abs && st.array && st.index.kind == LabelLocation::kGpr) {
      m = x86::ptr(static_cast<uint64_t>(base_disp), x86::gpq(st.index.index), shift);  // [index*size + base]
    } else if (base_abs && (!st.array || (st.index.kind == LabelLocation::kConst &&
                                          fits_i32(base_disp + static_cast<int64_t>(st.index.bits) * st.size)))) {
      int64_t a = base_disp + (st.array ? static_cast<int64_t>(st.index.bits) * st.size : 0);
      m = x86::ptr(static_cast<uint64_t>(a));
    } else {
      // Address in r11.
      emit_move(loc(st.base), Loc::gpr(kR11));
      int64_t disp = st.offset;
      if (st.array) {
        if (st.index.kind == LabelLocation::kConst && fits_i32(disp + static_cast<int64_t>(st.index.bits) * st.size)) {
          disp += static_cast<int64_t>(st.index.bits) * st.size;
        } else {
          emit_move(loc(st.index), Loc::gpr(kR10));
          a_.lea(x86::r11, x86::ptr(x86::r11, x86::r10, shift));
        }
      }
      if (!fits_i32(disp)) {
        a_.mov(x86::r10, disp);
        a_.add(x86::r11, x86::r10);
        disp = 0;
      }
      m = x86::ptr(x86::r11, static_cast<int32_t>(disp));
    }
    m.setSize(st.size);
    int64_t v = static_cast<int64_t>(st.value.bits);
    if (st.value.kind == LabelLocation::kConst && (st.size < 8 || fits_i32(v))) {
      a_.mov(m, asmjit::Imm(st.size == 8 ? v : static_cast<int64_t>(st.value.bits & ((uint64_t{1} << (8 * st.size)) - 1))));
      continue;
    }
    int r = kR10;
    if (st.value.kind == LabelLocation::kGpr) r = st.value.index;
    else emit_move(loc(st.value), Loc::gpr(kR10));
    if (st.size == 1) a_.mov(m, x86::gpb(r));
    else if (st.size == 2) a_.mov(m, x86::gpw(r));
    else if (st.size == 4) a_.mov(m, x86::gpd(r));
    else a_.mov(m, x86::gpq(r));
  }
  std::vector<Move> moves;
  for (size_t k = 0; k < to.values.size(); k++) moves.push_back({loc(from[k]), loc(to.values[k])});
  for (auto& c : to.constants)
    if (std::find(from_consts.begin(), from_consts.end(), c) == from_consts.end())
      moves.push_back({Loc::constant(c.first), Loc::gpr(c.second)});
  parallel_move(std::move(moves));
  size_t jump = a_.offset();
  static const uint8_t kJmpRel32[5] = {0xE9, 0, 0, 0, 0};
  a_.embed(kJmpRel32, sizeof kJmpRel32);
  PYR_CHECK_MSG(!errors_.failed, errors_.text.c_str());
  code_.flatten();
  size_t size = code_.codeSize();
  CodeBlock block(size);
  uint64_t base = reinterpret_cast<uint64_t>(block.data());
  code_.relocateToBase(base);
  std::vector<uint8_t> bytes(size);
  code_.copyFlattenedData(bytes.data(), size, asmjit::CopySectionFlags::kPadSectionBuffer);
  int64_t disp = static_cast<int64_t>(to.body - (base + jump + 5));
  PYR_CHECK(fits_i32(disp));
  int32_t d = static_cast<int32_t>(disp);
  std::memcpy(&bytes[jump + 1], &d, 4);
  block.fill(bytes);
  if (perf_map_enabled()) write_perf_line(block.data(), size, "pyrite_glue");
  return block;
}

CodeBlock make_glue(const ir::Trace& t, const std::vector<LabelLocation>& from,
                    const std::vector<std::pair<uint64_t, int32_t>>& from_consts, const LabelLayout& to,
                    const std::vector<GlueStore>& stores) {
  static const CompileOptions kNone;
  return Compiler(t, kNone).glue(from, from_consts, to, stores);
}

// ---- the public API -------------------------------------------------------------

CompileResult compile(const ir::Trace& trace, const CompileOptions& options) {
  return Compiler(trace, options).run();
}

uint32_t max_frame_words() { return g_max_frame_words.load(); }

}  // namespace pyrite::jit::x64
