// The x86-64 code generator and register allocator (docs/jit_x64.md).
//
// One forward pass over the trace emits code and allocates registers at the
// same time (a linear scan over the linear trace, PyPy's regalloc style),
// after one backward pass that computes each value's last use: operands,
// guard failargs (Trace::snapshot_values), label and jump arguments.
//
// Invariants of the forward pass:
//   - every live value is in a register of its class (gpr for int/ref, xmm
//     for float), in a spill slot, or both; values are SSA, so a spill slot
//     written once stays valid until the value dies;
//   - r10, r11 and xmm15 are scratch, never allocated: emit_move clobbers
//     only r10; a parallel move's cycle temp is r11 or xmm15; exit stubs
//     address the jit frame through r11;
//   - at a label only its arguments are live (the verifier's crossing rule),
//     each at the label's fixed location; every entry to the label (fall
//     through, the loop's jump, an entry from C++ or another trace) puts the
//     arguments there first;
//   - nothing between an *_ovf op and its guard changes the flags (the
//     allocator's spills and reloads are movs).
// Why not a separate interval-based linear scan: traces are straight lines
// with one back edge whose live values are exactly the label's arguments,
// so allocating while emitting sees every interval in order anyway.
#include <asmjit/x86.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "base/check.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::x64 {

using ir::Opcode;
using ir::Ref;
using ir::Type;
namespace x86 = asmjit::x86;

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

constexpr int kRax = 0, kRcx = 1, kRdx = 2, kRbx = 3, kRsp = 4, kRbp = 5, kRsi = 6, kRdi = 7;
constexpr int kR10 = 10, kR11 = 11;
constexpr int kXmmScratch = 15;
// Allocation order: caller-saved first (cheap to clobber in call-free
// traces), then callee-saved.
constexpr int kGprOrder[] = {kRax, kRcx, kRdx, kRsi, kRdi, 8, 9, kRbx, kRbp, 12, 13, 14, 15};
constexpr int kNumXmm = 15;  // xmm0..xmm14
constexpr bool is_callee_saved(int r) { return r == kRbx || r == kRbp || (r >= 12 && r <= 15); }
constexpr int kIntArgRegs[] = {kRdi, kRsi, kRdx, kRcx, 8, 9};

// Pushed callee-saved registers + return address = 56 bytes; the frame
// keeps rsp 16-aligned at calls.
constexpr int kFrameBytes = [] {
  int words = 1 + kSpillSlots + kCallArgSlots;
  int bytes = words * 8;
  while ((bytes + 56) % 16 != 0) bytes += 8;
  return bytes;
}();
constexpr int kCallArgOffset = 8 * (1 + kSpillSlots);

struct Loc {
  enum Kind : uint8_t { kNone, kGpr, kXmm, kStack, kConst, kFrame };
  Kind kind = kNone;
  int32_t index = 0;  // register number, slot, frame word
  uint64_t bits = 0;  // kConst
  static Loc gpr(int r) { return {kGpr, r, 0}; }
  static Loc xmm(int r) { return {kXmm, r, 0}; }
  static Loc stack(int s) { return {kStack, s, 0}; }
  static Loc frame(int w) { return {kFrame, w, 0}; }
  static Loc constant(uint64_t b) { return {kConst, 0, b}; }
  bool operator==(const Loc& o) const {
    return kind == o.kind && (kind == kConst ? bits == o.bits : index == o.index);
  }
};

bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

struct CompileFailure {
  CompileError error;
  uint32_t op;
  std::string message;
};

class ErrorRecorder : public asmjit::ErrorHandler {
 public:
  void handleError(asmjit::Error err, const char* message, asmjit::BaseEmitter*) override {
    if (!failed) {
      failed = true;
      text = message;
    }
    (void)err;
  }
  bool failed = false;
  std::string text;
};

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

// With PYRITE_PERF_MAP set, every compiled trace is listed in
// /tmp/perf-PID.map (perf's format for JIT code: "start size name"), so
// `perf report` names samples in machine code by trace.
void write_perf_map(const CompiledTrace& t, size_t size) {
  static const bool enabled = std::getenv("PYRITE_PERF_MAP") != nullptr;
  if (!enabled) return;
  static std::atomic<uint32_t> counter{0};
  std::string path = "/tmp/perf-" + std::to_string(getpid()) + ".map";
  if (FILE* f = std::fopen(path.c_str(), "a")) {
    const ir::Trace& tr = t.trace();
    bool loop = tr.loop_label().has_value();
    std::fprintf(f, "%lx %zx pyrite_%s_%u_ops%u\n",
                 static_cast<unsigned long>(reinterpret_cast<uintptr_t>(t.code().data())), size,
                 loop ? "loop" : "trace", counter++, tr.num_ops());
    std::fclose(f);
  }
}

}  // namespace

class Compiler {
 public:
  Compiler(const ir::Trace& t, const CompileOptions& o)
      : t_(t), o_(o), n_(t.num_ops()), nids_(n_ + t.num_consts()), last_use_(nids_, -1),
        uses_(nids_, 0), reg_(nids_, -1), slot_(nids_, -1) {}

  CompileResult run();

 private:
  struct Stub {
    asmjit::Label label;
    std::vector<Loc> values;
    uint32_t exit;           // index into exits_
    bool patchable;          // guards and jumps out: the tail may be redirected
    asmjit::Label patch;     // bound at the patchable tail
  };
  struct LabelInfo {
    uint32_t op;             // label op or kInputs
    std::vector<Ref> args;
    std::vector<Loc> locs;
    // Big constants the body uses as memory bases (BF's tape), kept in a
    // register across the back edge like extra arguments: every entry
    // loads them, so the body does not rematerialize them per iteration.
    std::vector<std::pair<Ref, int>> consts;
    asmjit::Label body, entry, frame_entry;
  };

  [[noreturn]] void fail(CompileError e, uint32_t op, std::string msg) {
    throw CompileFailure{e, op, std::move(msg)};
  }

  // ---- liveness ----
  void compute_liveness();
  // Values are ids 0..n_-1; constant c is n_ + c (a big constant may be
  // cached in a free register and is rematerialized, never spilled).
  uint32_t id(Ref r) const { return r.is_value() ? r.index() : n_ + r.index(); }
  void use(Ref r, int32_t at) {
    if (!r.is_value() && !r.is_const()) return;
    uint32_t v = id(r);
    uses_[v]++;
    if (last_use_[v] < at) last_use_[v] = at;
  }
  const std::vector<Ref>& failargs(uint32_t op);

  // ---- locations ----
  bool is_float(uint32_t v) const {
    return v < n_ ? t_.op(v).type == Type::kFloat
                  : t_.constant(Ref::constant(v - n_)).type == Type::kFloat;
  }
  Loc loc_of(Ref r) const {
    if (r.is_const()) {
      int reg = reg_[id(r)];
      return reg >= 0 ? Loc::gpr(reg) : Loc::constant(t_.constant(r).bits);
    }
    uint32_t v = r.index();
    if (reg_[v] >= 0) return is_float(v) ? Loc::xmm(reg_[v]) : Loc::gpr(reg_[v]);
    PYR_CHECK_MSG(slot_[v] >= 0, "a live value has no location");
    return Loc::stack(slot_[v]);
  }
  static x86::Mem slot_mem(int slot) { return x86::qword_ptr(x86::rsp, 8 * (1 + slot)); }
  static x86::Mem frame_mem(int word) { return x86::qword_ptr(x86::r11, 8 * word); }
  int new_slot() {
    int s;
    if (!free_slots_.empty()) {
      s = free_slots_.back();
      free_slots_.pop_back();
    } else {
      s = next_slot_++;
      if (next_slot_ > static_cast<int>(kSpillSlots)) fail(CompileError::kTooManySpills, cur_, "");
      max_slots_ = std::max(max_slots_, next_slot_);
    }
    return s;
  }
  void spill(uint32_t v) {
    if (slot_[v] >= 0 || v >= n_) return;
    slot_[v] = new_slot();
    if (is_float(v)) a_.movsd(slot_mem(slot_[v]), x86::xmm(reg_[v]));
    else a_.mov(slot_mem(slot_[v]), x86::gpq(reg_[v]));
  }
  void drop_reg(uint32_t v) {
    if (reg_[v] < 0) return;
    (is_float(v) ? xmm_owner_ : gpr_owner_)[reg_[v]] = -1;
    reg_[v] = -1;
  }
  void release(uint32_t v) {
    drop_reg(v);
    if (slot_[v] >= 0) free_slots_.push_back(slot_[v]);
    slot_[v] = -1;
  }
  int alloc_gpr();
  int alloc_xmm();
  void assign(uint32_t v, int reg) {
    reg_[v] = reg;
    (is_float(v) ? xmm_owner_ : gpr_owner_)[reg] = static_cast<int32_t>(v);
  }
  // Brings value `r` into a register of its class and keeps it there.
  int ensure_reg(Ref r);
  void lock(Ref r) {
    if ((!r.is_value() && !r.is_const()) || reg_[id(r)] < 0) return;
    if (is_float(id(r))) locked_xmm_ |= 1u << reg_[id(r)];
    else locked_gpr_ |= 1u << reg_[id(r)];
  }
  // A big int constant in a register: cached in a free one if any (no
  // eviction: a spill costs more than a movabs), else nullopt.
  int const_reg(Ref r);
  // A register for op `i`'s result holding a copy of `x`: x's own if x dies
  // here, else a fresh one.
  int result_from(uint32_t i, Ref x);
  int result_gpr(uint32_t i) {
    int r = alloc_gpr();
    assign(i, r);
    return r;
  }
  int result_xmm(uint32_t i) {
    int r = alloc_xmm();
    assign(i, r);
    return r;
  }
  void release_dead(uint32_t i);

  // ---- moves ----
  x86::Mem mem_of(const Loc& l) const {
    return l.kind == Loc::kStack ? slot_mem(l.index) : frame_mem(l.index);
  }
  void emit_move(const Loc& src, const Loc& dst);
  struct Move {
    Loc src, dst;
  };
  void parallel_move(std::vector<Move> moves);

  // ---- operands ----
  // An int operand as an immediate (if it fits), else a register.
  asmjit::Operand int_operand(Ref r, bool allow_imm = true);
  x86::Gp gpr_of(Ref r, int scratch);   // the value in a register (scratch if not in one)
  x86::Xmm xmm_of(Ref r);               // in an xmm (xmm15 if not in one)
  x86::Mem address(Ref base, Ref index, int32_t offset, int scale, uint32_t i);

  // ---- ops ----
  void emit_op(uint32_t i);
  void emit_int_binary(uint32_t i);
  void emit_shift(uint32_t i);
  void emit_compare(uint32_t i, bool fused);
  bool fusable(uint32_t i) const;
  void emit_float(uint32_t i);
  void emit_load(uint32_t i);
  void emit_store(uint32_t i);
  void emit_guard(uint32_t i);
  void emit_call(uint32_t i, uint64_t fn, const std::vector<Loc>& int_args,
                 const std::vector<Loc>& float_args, Type result, uint8_t result_size,
                 bool result_signed, bool arg_area);
  void emit_label(uint32_t i);
  void emit_jump(uint32_t i);
  void emit_jump_count(uint32_t i, const std::vector<Loc>& values);
  void emit_finish(uint32_t i);
  uint32_t add_exit(ir::ExitKind kind, uint32_t op, uint32_t num_values);
  asmjit::Label add_stub(uint32_t exit, std::vector<Loc> values, bool patchable);
  void set_label_locs(LabelInfo& l, bool keep_current);
  void enter_label(LabelInfo& l);
  void emit_entries();
  void emit_stubs();
  void finalize();

  const ir::Trace& t_;
  const CompileOptions& o_;
  uint32_t n_;
  uint32_t nids_;  // values 0..n_-1, then constant c as n_ + c (cached in registers)
  std::vector<int32_t> last_use_;
  std::vector<uint32_t> uses_;
  std::vector<std::vector<Ref>> failargs_cache_;
  std::vector<int8_t> reg_;
  std::vector<int32_t> slot_;
  int32_t gpr_owner_[16];
  int32_t xmm_owner_[16];
  uint32_t locked_gpr_ = 0, locked_xmm_ = 0;
  std::vector<int> free_slots_;
  int next_slot_ = 0, max_slots_ = 0;
  uint32_t cur_ = 0;

  asmjit::CodeHolder code_;
  ErrorRecorder errors_;
  x86::Assembler a_;
  asmjit::Label epilogue_;
  std::vector<Stub> stubs_;
  std::vector<LabelInfo> labels_;  // [0]: the inputargs; then labels in order
  int jump_target_ = -1;           // index into labels_ of this trace's loop target
  // A compare fused into the next guard: the condition its flags hold.
  bool fused_ = false;
  x86::CondCode fused_cc_ = x86::CondCode::kE;
  // The value whose zero-ness ZF holds (set by add/sub/and/or/xor, kept by
  // markers, loads and stores), or -1: a guard on it needs no test.
  int32_t flags_value_ = -1;
  std::vector<uint32_t> pinned_;  // the current label's hoisted constants

  std::unique_ptr<CompiledTrace> out_;
  std::vector<ExitInfo> exits_;
  std::vector<uint32_t> exit_patch_label_;  // per exit: stub index or ~0
  uint32_t frame_words_ = kFrameValues;
};

void Compiler::compute_liveness() {
  failargs_cache_.resize(t_.snapshots().num_snapshots());
  for (int32_t i = static_cast<int32_t>(n_) - 1; i >= 0; i--) {
    const ir::Op& op = t_.op(i);
    for (Ref r : t_.args(op)) use(r, i);
    if (op.snapshot != ir::kNoSnapshot)
      for (Ref r : failargs(i)) use(r, i);
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
  int r = f ? alloc_xmm() : alloc_gpr();
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
  Stub s{a_.newLabel(), std::move(values), exit, patchable, a_.newLabel()};
  stubs_.push_back(std::move(s));
  return stubs_.back().label;
}

void Compiler::emit_stubs() {
  ExitInfo* base = out_->exits_.get();
  for (Stub& s : stubs_) {
    a_.bind(s.label);
    a_.mov(x86::r11, x86::qword_ptr(x86::rsp));
    for (size_t k = 0; k < s.values.size(); k++)
      emit_move(s.values[k], Loc::frame(static_cast<int>(kFrameValues + k)));
    a_.bind(s.patch);
    size_t tail = a_.offset();
    a_.mov(x86::rax, static_cast<int64_t>(reinterpret_cast<uint64_t>(base + s.exit)));
    a_.long_().jmp(epilogue_);
    // The tail must hold the patch (asmjit shortens mov for small
    // addresses): pad with never-executed bytes.
    while (s.patchable && a_.offset() - tail < kPatchBytes) a_.int3();
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
    uint64_t address = o_.lookup_target ? o_.lookup_target(o_.ctx, op.descr) : 0;
    frame_words_ = std::max(frame_words_, kFrameValues + static_cast<uint32_t>(values.size()));
    if (address != 0) {
      if (o_.count_jumps) emit_jump_count(i, values);
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

void Compiler::finalize() {
  if (errors_.failed) fail(CompileError::kAssembler, cur_, errors_.text);
  code_.flatten();
  code_.resolveUnresolvedLinks();
  size_t size = code_.codeSize();
  CompiledTrace& out = *out_;
  out.code_ = CodeBlock(size);
  code_.relocateToBase(reinterpret_cast<uint64_t>(out.code_.data()));
  std::vector<uint8_t> bytes(size);
  code_.copyFlattenedData(bytes.data(), size, asmjit::CopySectionFlags::kPadSectionBuffer);
  if (errors_.failed) fail(CompileError::kAssembler, cur_, errors_.text);
  out.code_.write(0, bytes);
  out.code_.seal();
  out.code_size_ = size;
  auto offset = [&](asmjit::Label l) { return static_cast<uint32_t>(code_.labelOffsetFromBase(l)); };
  for (const LabelInfo& l : labels_)
    out.entries_.push_back({l.op, offset(l.entry), offset(l.frame_entry)});
  out.guard_exit_index_.assign(n_, ~0u);
  out.original_tail_.assign(out.num_exits_ * kPatchBytes, 0);
  for (const Stub& s : stubs_) {
    if (!s.patchable) continue;
    ExitInfo& e = out.exits_[s.exit];
    e.patch_offset = offset(s.patch);
    out.guard_exit_index_[e.op] = s.exit;
    std::memcpy(&out.original_tail_[s.exit * kPatchBytes], bytes.data() + e.patch_offset, kPatchBytes);
  }
  write_perf_map(out, size);
  out.frame_words_ = frame_words_;
  out.spill_slots_used_ = static_cast<uint32_t>(max_slots_);
  uint32_t m = g_max_frame_words.load();
  while (m < frame_words_ && !g_max_frame_words.compare_exchange_weak(m, frame_words_)) {
  }
}

CompileResult Compiler::run() {
  CompileResult result;
  out_.reset(new CompiledTrace(t_));
  for (int r = 0; r < 16; r++) gpr_owner_[r] = xmm_owner_[r] = -1;
  asmjit::Environment env(asmjit::Arch::kX64);
  code_.init(env);
  code_.setErrorHandler(&errors_);
  code_.attach(&a_);
  try {
    compute_liveness();
    epilogue_ = a_.newLabel();
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
    for (cur_ = t_.num_inputs(); cur_ < n_; cur_++) {
      out_->op_offsets_[cur_] = static_cast<uint32_t>(a_.offset());
      if (loop && cur_ == *loop) jump_target_ = static_cast<int>(labels_.size());
      emit_op(cur_);
      if (t_.op(cur_).opcode != Opcode::kLabel) release_dead(cur_);
      else locked_gpr_ = locked_xmm_ = 0;
    }
    out_->num_exits_ = static_cast<uint32_t>(exits_.size());
    out_->exits_.reset(new ExitInfo[exits_.size() + 1]);
    for (size_t k = 0; k < exits_.size(); k++) {
      out_->exits_[k] = exits_[k];
      out_->exits_[k].owner = out_.get();
    }
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

// ---- the public API -------------------------------------------------------------

CompileResult compile(const ir::Trace& trace, const CompileOptions& options) {
  return Compiler(trace, options).run();
}

uint32_t max_frame_words() { return g_max_frame_words.load(); }

}  // namespace pyrite::jit::x64
