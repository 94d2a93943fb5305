// The x86-64 backend's code generator, shared by compiler.cpp (register
// allocation, moves, labels, exits, finishing) and emit.cpp (one emitter
// per op family). Internal to src/jit/x64; the API is backend.h.
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
#pragma once

#include <asmjit/x86.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/check.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::x64 {

// Adds (or removes) t's labels to the registry find_label reads.
void register_labels(const CompiledTrace& t, bool add);
// A store a guard's glue does before entering its bridge: one of the
// guard's store frames (ir/snapshot.h), its operands at their failarg
// locations (or constants).
struct GlueStore {
  uint8_t size = 8;     // bytes written
  int32_t offset = 0;   // the descr's
  bool array = false;   // base + offset + index * size, else base + offset
  LabelLocation base, index, value;
};
// Code that does `stores`, then moves values from `from` (a guard's
// failarg locations, the first as many as `to` has) into the label `to`'s
// locations and jumps to its body (attach_bridge). `from_consts`: big
// constants the guard's registers hold, not reloaded.
CodeBlock make_glue(const ir::Trace& t, const std::vector<LabelLocation>& from,
                    const std::vector<std::pair<uint64_t, int32_t>>& from_consts, const LabelLayout& to,
                    const std::vector<GlueStore>& stores);

using ir::Opcode;
using ir::Ref;
using ir::Type;
namespace x86 = asmjit::x86;

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

inline bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

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

class Compiler {
 public:
  Compiler(const ir::Trace& t, const CompileOptions& o)
      : t_(t), o_(o), n_(t.num_ops()), nids_(n_ + t.num_consts()), last_use_(nids_, -1),
        uses_(nids_, 0), reg_(nids_, -1), slot_(nids_, -1), asm_(asmjit_state(own_asmjit_)),
        code_(asm_.code), a_(asm_.a) {}
  ~Compiler() {
    code_.reset(asmjit::ResetPolicy::kSoft);  // detaches a_, keeps the zones
    asm_.busy = false;
  }

  CompileResult run();
  CodeBlock glue(const std::vector<LabelLocation>& from,
                 const std::vector<std::pair<uint64_t, int32_t>>& from_consts, const LabelLayout& to,
                 const std::vector<GlueStore>& stores);

 private:
  // An exit stub: "push k" and the store sequence of its values (shared by
  // every exit with the same value locations), which ends in "pop rax; jmp
  // dispatch"; dispatch jumps through CompiledTrace::exit_targets_[rax].
  struct Stub {
    asmjit::Label label;
    std::vector<Loc> values;
    uint32_t exit;           // index into exits_
    bool patchable;          // guards and jumps out: may be redirected
    std::vector<std::pair<uint64_t, int32_t>> consts = {};  // guards: (bits, gpr) cached there
  };
  // A jump straight into another trace's label body: a rel32 fixed up once
  // the code's address is known.
  struct DirectJump {
    size_t offset;           // of the E9 byte
    uint64_t target;
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
  // Exit stubs run with the exit index pushed: rsp is 8 lower there.
  x86::Mem slot_mem(int slot) const {
    return x86::qword_ptr(x86::rsp, 8 * (1 + slot) + stub_rsp_bias_);
  }
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
  // alloc_gpr, but value v's hint first when that register is free.
  int alloc_gpr_for(uint32_t v) {
    int h = v < hint_.size() ? hint_[v] : -1;
    if (h >= 0 && gpr_owner_[h] < 0 && !(locked_gpr_ & (1u << h))) {
      locked_gpr_ |= 1u << h;
      return h;
    }
    return alloc_gpr();
  }
  void compute_hints();
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
    int r = alloc_gpr_for(i);
    assign(i, r);
    return r;
  }
  int result_xmm(uint32_t i) {
    int r = alloc_xmm();
    assign(i, r);
    return r;
  }
  void release_dead(uint32_t i);
  // Whether gpr `reg` holds the big constant `bits` (cached) right now.
  bool holds_constant(int reg, uint64_t bits) const {
    int32_t o = gpr_owner_[reg];
    return o >= static_cast<int32_t>(n_) && t_.constant(Ref::constant(o - n_)).bits == bits;
  }

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
  // A gpr per value that a trace ending in a jump to another trace's label
  // would like it in (-1: none): the label's location for a jump argument,
  // passed back to the first operand of the op that computes it when that
  // operand dies there. Bridges then reach their loop with fewer moves.
  std::vector<int8_t> hint_;
  // The final jump's target (another trace's label) and its layout, looked
  // up once (lookup_target records the jump edge).
  uint64_t jump_address_ = 0;
  bool jump_address_known_ = false;
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

  // asmjit's CodeHolder and Assembler are reused from compile to compile
  // (a soft reset keeps their zone memory): setting them up per trace was
  // a tenth of the compile time. A nested compile (from a callback) gets
  // its own.
  struct AsmjitState {
    asmjit::CodeHolder code;
    x86::Assembler a;
    bool busy = false;
  };
  static AsmjitState& asmjit_state(std::unique_ptr<AsmjitState>& own);
  std::unique_ptr<AsmjitState> own_asmjit_;
  AsmjitState& asm_;
  asmjit::CodeHolder& code_;
  ErrorRecorder errors_;
  x86::Assembler& a_;
  asmjit::Label epilogue_;
  asmjit::Label dispatch_, exit_return_;
  int stub_rsp_bias_ = 0;
  std::vector<DirectJump> direct_jumps_;
  std::vector<uint32_t> guard_end_;  // per op: code offset after a guard's jump, or ~0
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

}  // namespace pyrite::jit::x64
