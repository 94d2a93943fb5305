// cse: common subexpressions and redundant guards (docs/jit_opt.md, "cse").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Deduplicates pure ops (Trace::effects_of has kPure: arithmetic, compares,
// casts, and call_pure_* whose descriptor is pure and cannot raise), with
// commutative operands in a canonical order, and removes guards that an
// earlier guard already established: guard_true/false/nonnull/isnull/
// class/value/not_invalidated. After guard_value(x, c), guard_false(x) or
// guard_true(compare), later uses of x (ops and snapshots) are the
// constant; after guard_true(int_lt(a, b)), int_lt(a, b), int_gt(b, a)
// and their negations are known constants. Pure ops are simplified as
// fold does first (a guard may have made an operand constant), same_as
// is its operand, and a guard that fails on a constant becomes
// guard_always_fails: so cse does fold's work too, and the pipelines run
// it in fold's place (docs/jit_opt.md, "pipeline"). Facts are dropped at
// labels.
ir::Trace cse(const ir::Trace& src);

}  // namespace pyrite::jit::opt
