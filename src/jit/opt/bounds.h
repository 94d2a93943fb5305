// bounds: integer ranges (docs/jit_opt.md, "bounds").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Tracks a signed range [lo, hi] for every int value: from constants,
// narrow loads (a 1-byte unsigned item is in [0, 255]), arithmetic whose
// result cannot wrap (int_add/int_sub/int_mul/int_neg, int_and with a
// non-negative operand, shifts), and guards on compares (after
// guard_true(uint_lt(p + 4, N)), p + 4 is in [0, N - 1] and so p is in
// [-4, N - 5]: a value p + c shares its root p's facts). With them it
// folds compares, int_is_zero/int_is_true and int_and(x, mask) the ranges
// decide, turns *_ovf ops that cannot overflow into plain ops, removes
// guards the ranges prove and turns guards they refute into
// guard_always_fails. Facts are dropped at every label, except at the
// body label of a peeled loop (the last label, the trace's jump going
// back to it): there an operand keeps the range it had in the preamble
// when the back edge provably passes a value within that range too
// (checked at the jump; if the check fails the pass runs again without
// that assumption). An operand whose range is one constant is that
// constant after the label.
ir::Trace bounds(const ir::Trace& src);

}  // namespace pyrite::jit::opt
