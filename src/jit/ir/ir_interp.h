// The IR interpreter: runs any trace on real memory (docs/jit.md, "IR
// interpreter"). It is the oracle the x86-64 backend and random-trace
// fuzzing are compared against, so every op's semantics here is the
// definition (ir.def's header lists the corner cases).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "jit/ir/ir.h"

namespace pyrite::jit::ir {

// What the trace runs against: the runtime's allocator, exception and
// invalidation words, and an iteration cap for loops. Heap ops read and
// write real addresses; calls call the descriptor's function pointer.
struct Runtime {
  // new / new_with_vtable (the size descriptor says how much and which
  // class) and new_array; they return the object's address.
  std::function<uint64_t(const Descr& size)> allocate;
  std::function<uint64_t(const Descr& array, int64_t length)> allocate_array;
  // call_assembler_*: runs another compiled trace with these argument words.
  std::function<uint64_t(const Descr& call, std::span<const uint64_t> args)> call_assembler;
  const uint64_t* exception = nullptr;   // guard_no_exception fails while *exception != 0
  const uint8_t* invalidated = nullptr;  // guard_not_invalidated fails while *invalidated != 0
  const uint8_t* forced = nullptr;       // guard_not_forced fails while *forced != 0
  uint64_t force_token = 0;              // what force_token returns
  uint64_t max_jumps = 1'000'000;        // loop iterations before kIterationLimit
};

#define PYR_IR_EXIT_KINDS(X)                                    \
  X(kGuardFailed, "a guard failed; frames hold its snapshot")   \
  X(kFinish, "finish; values hold its operands")                \
  X(kIterationLimit, "max_jumps reached; values hold the jump's operands") \
  X(kJumpOut, "a jump to another trace's label; target names it, values hold the operands") \
  X(kNoAllocator, "an allocation op ran without Runtime::allocate[_array]") \
  X(kNoCallAssembler, "call_assembler ran without Runtime::call_assembler")

enum class ExitKind : uint8_t {
#define PYR_X(name, msg) name,
  PYR_IR_EXIT_KINDS(PYR_X)
#undef PYR_X
};
const char* exit_kind_name(ExitKind k);

// A value as seen at an exit: its type and bits, or a virtual object of
// Exit::virtuals (virtual >= 0), which the resumer would allocate.
struct ExitValue {
  Type type = Type::kVoid;
  uint64_t bits = 0;
  int32_t virtual_index = -1;
  int64_t as_int() const { return static_cast<int64_t>(bits); }
  double as_float() const;
  bool operator==(const ExitValue&) const = default;
};

struct ExitSlot {
  uint16_t slot;
  ExitValue value;
  bool operator==(const ExitSlot&) const = default;
};

struct ExitFrame {
  uint32_t kind, pc, size;
  std::vector<ExitSlot> slots;
  bool operator==(const ExitFrame&) const = default;
};

struct ExitVirtual {
  DescrId descr;
  bool with_vtable;
  uint32_t length;
  struct Field {
    DescrId descr;  // kNoDescr for array items
    uint32_t index;
    ExitValue value;
    bool operator==(const Field&) const = default;
  };
  std::vector<Field> fields;
  bool operator==(const ExitVirtual&) const = default;
};

struct Exit {
  ExitKind kind = ExitKind::kFinish;
  uint32_t op = 0;                     // the guard, finish, jump or failing op
  SnapshotId snapshot = kNoSnapshot;   // kGuardFailed
  std::vector<ExitFrame> frames;       // kGuardFailed: the snapshot, resolved
  std::vector<ExitVirtual> virtuals;   // virtual objects the frames mention
  std::vector<ExitValue> values;       // kFinish, kIterationLimit, kJumpOut
  DescrId target = kNoDescr;           // kJumpOut: the target descriptor
  uint64_t jumps = 0;                  // loop iterations completed
  bool operator==(const Exit&) const = default;  // the backend's tests compare exits whole
};

// Runs `t` (which must verify) with `inputs` as the inputargs' bits (floats
// by their bit pattern; see bits_of).
Exit run_trace(const Trace& t, std::span<const uint64_t> inputs, const Runtime& rt = {});
// Enters `t` at its label op `label` with `values` for the label's
// operands: how a bridge's kJumpOut continues in the loop it targets.
Exit run_trace_at(const Trace& t, uint32_t label, std::span<const uint64_t> values,
                  const Runtime& rt = {});

// The IR's memory access (what getfield/getarrayitem and setfield/
// setarrayitem do): the item of `d` at base (+ index for arrays), read
// extended as `d` says, or written with the value's low bytes. The
// interpreter runs its memory ops through them, both backends do a
// guard's store frames (snapshot.h) with do_store_frame when they resolve its
// exit, and the recorder replays loop summaries with them.
uint64_t load_item(const Descr& d, uint64_t base, uint64_t index);
void store_item(const Descr& d, uint64_t base, uint64_t index, uint64_t value);
// Does store frame `f` of `t` (snapshot.h: base, index for arrays, value),
// its entries' words given by `word` (the exit's resolved values).
template <class Word>
void do_store_frame(const Trace& t, const SnapFrame& f, Word&& word) {
  auto entries = t.snapshots().entries(f);
  uint64_t base = word(entries[0].ref), value = word(entries.back().ref);
  uint64_t index = entries.size() == 3 ? word(entries[1].ref) : 0;
  store_item(t.descr(static_cast<DescrId>(f.pc)), base, index, value);
}

// The value of a pure arithmetic, compare, cast or same_as op on operand
// words `x` (one or two); false for any other op. *_ovf ops also set *ovf.
// The interpreter runs these ops through it, so a constant folder that
// calls it agrees with the oracle by construction.
bool eval_pure(Opcode op, const uint64_t* x, uint64_t* result, bool* ovf);

uint64_t bits_of(double d);
uint64_t bits_of(const void* p);

// Calls a C function by the System V x86-64 convention: up to 6 integer
// (int or ref) and 8 float arguments, in order, and an int, ref, float or
// void result. Narrow int results are truncated and extended as the call
// descriptor says. Exposed for the backend's tests.
uint64_t call_c_function(const Descr& call, std::span<const uint64_t> args);

}  // namespace pyrite::jit::ir
