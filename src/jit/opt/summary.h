// Loop summaries (docs/jit_opt.md, "Loop summaries"): a loop whose whole
// run from its header is a closed form, so that a trace reaching the
// header records the run as a few straight-line ops and goes on after the
// loop instead of ending with a jump into it.
//
// summarize() reads a loop as recorded (inputs, entry label, one
// iteration, jump back) and accepts it when:
//   - the jump passes every label operand back unchanged (the loop's reds
//     are invariant: BF's pointer returns where it was);
//   - every memory location it touches has an invariant address, and two
//     locations are provably distinct (one descr, one base, one index root,
//     different constant offsets; raw locations of two descrs refuse);
//   - each location it stores to ends the iteration as its own entry value
//     plus a constant (modulo its width) or as an invariant value, and
//     one of them, the counter, steps by an odd constant;
//   - its one guard on a non-invariant value is the last op before the
//     jump that does anything, and goes on while the counter, as stored,
//     is not zero; every other guard tests invariant values only;
//   - there is nothing else: no calls, no allocations, no other effects.
// Then a run from the header with counter x0 != 0 takes exactly
// T = -x0 * step^-1 mod 2^w iterations (step odd, so invertible), leaves
// the counter at 0, every other stored location at entry + T * its step
// (or at its invariant value: T >= 1), and exits through that guard.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

struct LoopSummary {
  // Inputs: the loop label's operands. Then, in order: the invariant ops
  // and guards, the loads of entry values, guard_true(x0), T, the stores
  // of every final value, and finish(...) with the exit slots' values in
  // `frames` order. The guards carry one snapshot (the exit frames, no
  // slots) only so that the fragment verifies and runs in the IR
  // interpreter; a recorder replaying it gives them its own.
  ir::Trace ops;
  // The state the loop leaves in: the exit guard's frames, outermost
  // first; slot numbers per frame, their values finish's operands in order.
  struct Frame {
    uint32_t kind = 0, pc = 0, size = 0;
    std::vector<uint16_t> slots;
  };
  std::vector<Frame> frames;
};

// The summary of `recorded` (a loop as the recorder closed it), or nullopt
// when the loop is not of that shape.
std::optional<LoopSummary> summarize(const ir::Trace& recorded);

}  // namespace pyrite::jit::opt
