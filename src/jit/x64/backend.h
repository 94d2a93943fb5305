// The x86-64 backend: compiles a verified trace to machine code, runs it,
// attaches bridges (docs/jit_x64.md).
//
// The machine code talks to C++ through a "jit frame": a uint64_t buffer
// the caller owns. Entering a label, the label's argument words are in
// frame[kFrameValues + k]; leaving, the code stores the values of the exit
// (a guard's failargs in Trace::snapshot_values order, finish's or a jump's
// operands) there and returns the address of an ExitInfo that names the
// exit. resolve_exit turns (ExitInfo, frame) into the same ir::Exit the IR
// interpreter returns, so tests compare exits whole.
//
// Native frame of compiled code, shared by every trace and bridge (so a
// bridge or a jump between traces runs in the frame its loop was entered
// with):
//
//   [rsp + 0]            the jit frame pointer (rdi at entry)
//   [rsp + 8 .. )        kSpillSlots spill slots, then kCallArgSlots words
//                        for call_assembler's argument array
//   above                rbx rbp r12 r13 r14 r15 (pushed), return address
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "jit/ir/ir.h"
#include "jit/ir/ir_interp.h"
#include "jit/x64/code_memory.h"

namespace pyrite::jit::x64 {

// Jit frame layout (words).
inline constexpr uint32_t kFrameJumps = 0;     // in/out: loop iterations so far (count_jumps)
inline constexpr uint32_t kFrameMaxJumps = 1;  // in: kIterationLimit once jumps reaches it
inline constexpr uint32_t kFrameValues = 2;    // the entry's or exit's values
inline constexpr uint32_t kSpillSlots = 2000;
inline constexpr uint32_t kCallArgSlots = 16;

// What compiled code calls. Plain function pointers with a context word,
// so the code embeds them as immediates.
using AllocateFn = uint64_t (*)(void* ctx, ir::DescrId size_descr);
using AllocateArrayFn = uint64_t (*)(void* ctx, ir::DescrId array_descr, int64_t length);
using CallAssemblerFn = uint64_t (*)(void* ctx, ir::DescrId call_descr, const uint64_t* args,
                                     uint64_t num_args);
// The entry address (CompiledTrace::frame_entry) of a label with target
// descriptor `target` in another compiled trace, or 0 if none is compiled:
// the jump then exits as kJumpOut. The jump does not go through
// frame_entry: the backend finds the label's layout (find_label) and moves
// the values straight into the label's registers and spill slots.
using TargetLookupFn = uint64_t (*)(void* ctx, ir::DescrId target);

struct CompileOptions {
  void* ctx = nullptr;                 // passed to every callback below
  AllocateFn allocate = nullptr;       // new, new_with_vtable (null: compile error)
  AllocateArrayFn allocate_array = nullptr;  // new_array (null: compile error)
  CallAssemblerFn call_assembler = nullptr;  // call_assembler_* (null: compile error)
  TargetLookupFn lookup_target = nullptr;    // jumps to other traces' labels
  // Runtime words, as in ir::Runtime; a null pointer makes its guard a no-op.
  const uint64_t* exception = nullptr;
  const uint8_t* invalidated = nullptr;
  const uint8_t* forced = nullptr;
  uint64_t force_token = 0;
  // Count loop iterations in frame[kFrameJumps] and exit with
  // kIterationLimit at frame[kFrameMaxJumps] (as Runtime::max_jumps). Costs
  // a load, compare and store per iteration; off in production. Jumps into
  // other traces found through lookup_target count too (so a loop that
  // runs through a bridge every iteration stops as well).
  bool count_jumps = false;
  // The CompiledTrace refers to the caller's trace instead of copying it
  // (a copy is about a tenth of the compile time): the caller keeps that
  // ir::Trace alive and unchanged, at the same address, for as long as the
  // CompiledTrace lives.
  bool borrow_trace = false;
};

#define PYR_X64_COMPILE_ERRORS(X)                                           \
  X(kOk, "compiled")                                                        \
  X(kUnsupportedOp, "an op the backend does not compile yet")                \
  X(kNoAllocator, "an allocation op and no CompileOptions::allocate[_array]") \
  X(kNoCallAssembler, "call_assembler and no CompileOptions::call_assembler") \
  X(kTooManySpills, "more spill slots than kSpillSlots")                    \
  X(kAssembler, "asmjit refused an instruction")

enum class CompileError : uint8_t {
#define PYR_X(name, msg) name,
  PYR_X64_COMPILE_ERRORS(PYR_X)
#undef PYR_X
};
const char* compile_error_name(CompileError e);

class CompiledTrace;

// One per exit point of a compiled trace; the code returns its address.
struct ExitInfo {
  ir::ExitKind kind;            // kGuardFailed, kFinish, kIterationLimit, kJumpOut
  uint32_t op;                  // the guard, finish or jump
  uint32_t num_values;          // words stored at frame[kFrameValues..]
  const CompiledTrace* owner;   // the trace (or bridge) the op belongs to
  const CompiledTrace* bridge = nullptr;  // attached bridge, if any
};

// Where a compiled label's values are when its body starts: registers and
// spill slots of the native frame every trace shares. A trace whose jump
// targets the label (found through lookup_target) moves its values there
// and jumps to `body` directly, never through the jit frame.
struct LabelLocation {
  enum Kind : uint8_t { kGpr, kXmm, kStack, kConst };  // kConst: a guard's failarg only
  Kind kind;
  int32_t index;      // register number or spill slot
  uint64_t bits = 0;  // kConst
};
struct LabelLayout {
  uint32_t label;                      // label op index (or CompiledTrace::kInputs)
  std::vector<LabelLocation> values;   // one per label argument
  // Big constants the body keeps in registers (memory bases): every entry
  // loads them. (bits, gpr number)
  std::vector<std::pair<uint64_t, int32_t>> constants;
  uint64_t body = 0;                   // address of the label's first op
  uint64_t frame_entry = 0;            // CompiledTrace::frame_entry(label)
};

// Machine code of one trace or bridge. Owns its code memory (freed with
// it), a copy of the trace (exits are resolved against it) and its
// ExitInfos. Not movable once compiled: the code holds ExitInfo addresses.
class CompiledTrace {
 public:
  static constexpr uint32_t kInputs = 0xFFFFFFFFu;  // "label" id of the inputargs

  // The trace it was compiled from: its own copy, or the caller's
  // (CompileOptions::borrow_trace).
  const ir::Trace& trace() const { return *trace_; }
  // Called from C++: const ExitInfo* (*)(uint64_t* frame). kInputs or a
  // label op index; 0 if the trace has no such entry.
  uint64_t entry(uint32_t label) const;
  // Jumped to from compiled code already inside a native frame (another
  // trace's jump, a bridge's end): the label's values in the jit frame.
  // frame_entry(kInputs) is where a bridge starts.
  uint64_t frame_entry(uint32_t label) const;
  // The code's address range, for disassembly (Capstone) and the JIT log.
  std::span<const uint8_t> code() const { return {code_.data(), code_size_}; }
  // Where op i's code starts, as an offset into code() (ops that emit
  // nothing share the next op's offset); for the JIT log's interleaving of
  // IR and disassembly. Exit stubs, entries and the epilogue follow the
  // last op's code.
  uint32_t op_offset(uint32_t i) const { return op_offsets_[i]; }
  // Words a jit frame needs for this trace's entries and exits.
  uint32_t frame_words() const { return frame_words_; }
  // The ExitInfo of guard op `guard`, or of a jump out of the trace
  // (kJumpOut); nullptr for any other op.
  const ExitInfo* guard_exit(uint32_t guard) const;
  // Registers and spill slots the allocator used (measurements, tests).
  uint32_t spill_slots_used() const { return spill_slots_used_; }
  // The caller's word (e.g. its trace id), to map ExitInfo::owner back.
  uint64_t user = 0;
  // The layout of label op `label` (kInputs: the inputargs), or nullptr.
  const LabelLayout* label_layout(uint32_t label) const;
  // A guard exit's failargs (Trace::snapshot_values of its snapshot),
  // computed on the exit's first resolve_exit and kept.
  const std::vector<ir::Ref>& failargs(const ExitInfo& e) const;

  ~CompiledTrace();

 private:
  friend class Compiler;
  friend void attach_bridge(CompiledTrace&, uint32_t, const CompiledTrace&);
  friend void detach_bridge(CompiledTrace&, uint32_t);
  friend void link_jump(CompiledTrace&, uint32_t, uint64_t);
  friend void register_labels(const CompiledTrace&, bool);
  CompiledTrace(const ir::Trace& t, bool borrow)
      : own_(borrow ? nullptr : std::make_unique<ir::Trace>(t)), trace_(borrow ? &t : own_.get()) {}
  void redirect(uint32_t op, uint64_t target);
  void set_guard_jump(uint32_t exit, uint64_t target);  // the guard's rel32

  struct Entry {
    uint32_t label;
    uint32_t entry_offset, frame_entry_offset;
    LabelLayout layout;
  };
  std::unique_ptr<ir::Trace> own_;
  const ir::Trace* trace_;
  CodeBlock code_;
  size_t code_size_ = 0;
  std::vector<Entry> entries_;
  std::unique_ptr<ExitInfo[]> exits_;
  uint32_t num_exits_ = 0;
  // Where each exit's stub goes after storing its values (the stub ends in
  // "mov eax, k; jmp dispatch", and dispatch jumps through exit_targets_[k]):
  // exit_return_ (back to C++ with &exits_[k]), or an attached bridge's or
  // linked label's frame_entry. Data, not code: patching is a store.
  std::unique_ptr<uint64_t[]> exit_targets_;
  uint64_t exit_return_ = 0;
  // Per exit, for guards: where the guard's jump to its stub keeps its
  // rel32 (~0 if it has none), the stub's offset, and where the failargs
  // are at the guard. attach_bridge points that rel32 at glue_[k]: moves
  // from these locations straight into the bridge's input locations and a
  // jmp to its body, so a guard -> bridge transition skips the jit frame.
  std::vector<uint32_t> guard_rel32_;
  std::vector<uint32_t> stub_offset_;
  std::vector<std::vector<LabelLocation>> exit_values_;
  std::vector<std::vector<std::pair<uint64_t, int32_t>>> exit_consts_;  // cached at the guard
  std::vector<CodeBlock> glue_;
  mutable std::vector<std::vector<ir::Ref>> failargs_;  // per exit, filled lazily
  mutable std::vector<bool> failargs_known_;
  std::vector<uint32_t> guard_exit_index_;  // per op: index into exits_, or ~0
  std::vector<uint32_t> op_offsets_;
  uint32_t frame_words_ = kFrameValues;
  uint32_t spill_slots_used_ = 0;
};

// The layout of the compiled label whose frame_entry is `frame_entry` (what
// lookup_target returns), or nullptr. Every live CompiledTrace's labels are
// registered; a trace is unregistered when it is freed.
const LabelLayout* find_label(uint64_t frame_entry);

struct CompileResult {
  std::unique_ptr<CompiledTrace> code;  // null on error
  CompileError error = CompileError::kOk;
  uint32_t op = 0;                      // the op that failed
  std::string message;
};

// Compiles a trace that verifies (ir::verify). A bridge is compiled the same
// way: its inputargs are the guard's failargs in snapshot_values order.
CompileResult compile(const ir::Trace& trace, const CompileOptions& options = {});

// Patches guard op `guard` of `parent` so its failure jumps into `bridge`
// (at frame_entry(kInputs)) instead of returning to C++. The bridge must
// outlive the patch: detach it (or free the parent) before freeing it.
void attach_bridge(CompiledTrace& parent, uint32_t guard, const CompiledTrace& bridge);
void detach_bridge(CompiledTrace& parent, uint32_t guard);
// A jump to another trace's label that was not compiled when `t` was
// (it exits as kJumpOut): patch it to go straight to `frame_entry` (the
// target's CompiledTrace::frame_entry(label)); unlink restores the exit.
void link_jump(CompiledTrace& t, uint32_t jump, uint64_t frame_entry);
void unlink_jump(CompiledTrace& t, uint32_t jump);

// The jit frame size every compiled trace so far fits in (a process-wide
// maximum, grown by compile): what run allocates.
uint32_t max_frame_words();

// The fast path for a caller that keeps its own jit frame (at least
// max_frame_words() words): it stores the label's values at
// frame[kFrameValues..] (and frame[kFrameJumps], frame[kFrameMaxJumps] if
// compiled with count_jumps), enters, and reads the exit's values back
// from the same place. label: kInputs or a label op index.
inline const ExitInfo* enter(const CompiledTrace& t, uint32_t label, uint64_t* frame) {
  auto fn = reinterpret_cast<const ExitInfo* (*)(uint64_t*)>(t.entry(label));
  return fn(frame);
}

// Runs compiled code from C++ and returns the exit it took, resolved.
struct RawExit {
  const ExitInfo* info;
  std::vector<uint64_t> frame;
};
RawExit run_raw(const CompiledTrace& t, uint32_t label, std::span<const uint64_t> values,
                uint64_t max_jumps = ~uint64_t(0));
// As ir::run_trace / run_trace_at. Exit::jumps is the iteration count if
// the trace was compiled with count_jumps, else 0.
ir::Exit run(const CompiledTrace& t, std::span<const uint64_t> inputs,
             uint64_t max_jumps = ~uint64_t(0));
ir::Exit run_at(const CompiledTrace& t, uint32_t label, std::span<const uint64_t> values,
                uint64_t max_jumps = ~uint64_t(0));
// An exit record and the frame it filled, as the IR interpreter's Exit:
// guard frames resolved from the snapshot (failarg values, constants,
// virtual recipes), finish/jump values typed.
ir::Exit resolve_exit(const ExitInfo& e, const uint64_t* frame);
// The same into `exit`, whose vectors' storage is reused.
void resolve_exit(const ExitInfo& e, const uint64_t* frame, ir::Exit& exit);

}  // namespace pyrite::jit::x64
