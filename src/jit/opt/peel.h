// peel: loop peeling, so loop-invariant work runs once (docs/jit_opt.md, "peel").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Input: a loop `[inputs] ... label(args, descr=T) body jump(args', descr=T)`
// (one label; the jump targets it). Output:
//
//   [inputs] ... label(args, descr=T) body            <- the preamble: one iteration
//   label(slots, invariants, carried, descr=T_body)   <- T_body fresh ("T_body")
//   body without its invariant work
//   jump(slots', invariants, carried', descr=T_body)
//
// Other traces keep entering at T. The body label's first operands are the
// loop's own slots in their order (an invariant one is passed back as is). In the second copy of the body, ops the
// preamble already computed on loop-invariant values are not recomputed:
// their preamble results travel as label operands (passed back unchanged
// by the jump). Invariant: a label operand the jump passes back unchanged;
// a pure op, or an *_ovf op, of invariant operands; a load of invariant
// operands whose location no store or call of the body may write. A guard
// on invariant values (true/false/value/nonnull/isnull/class, and the
// overflow guard of an invariant *_ovf op) passed in the preamble on the
// same values, so the body drops it. A location of invariant address that
// the body first loads and then writes (BF's cells) travels across the
// back edge as a label operand: the body's first load becomes the phi, and
// the jump passes the value the body left there (loaded_value of the last
// store). Any other trace is returned unchanged (copied).
ir::Trace peel(const ir::Trace& src);

}  // namespace pyrite::jit::opt
