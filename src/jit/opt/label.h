// What every pass does at a label (docs/jit_opt.md, "Labels").
//
// A label's operands are its phis: a jump to it assigns them, so after the
// label an operand is a new value even when a pass proved it equal to a
// constant or to another operand before the label. copy_label keeps the
// operands distinct values (the verifier's kLabelArg rule): an operand that
// maps to a constant or repeats one already listed is re-made by a
// `same_as` just before the label, and the source operand is re-bound to
// the label's output operand for the ops after it. Passes also drop every
// fact they hold at a label (nothing before it is visible after it except
// its operands, which may change on each iteration).
#pragma once

#include <cstdint>

#include "jit/ir/ir_rewrite.h"

namespace pyrite::jit::opt {

// Whether a pass may look at the op defining output value `v` (its opcode
// and operands) to learn something about `v`, with the last label emitted
// at `region_start` (0 before any). A label operand defined before its
// label is a phi after it: what defined it in the preamble says nothing
// about later iterations (and its operands are not visible after the label).
inline bool definition_visible(ir::Ref v, uint32_t region_start) {
  return v.is_value() && v.index() > region_start;
}

// Emits source op `i` (a label) of the rewriter's source; returns the new label's index.
uint32_t copy_label(ir::Rewriter& rw, uint32_t i);

}  // namespace pyrite::jit::opt
