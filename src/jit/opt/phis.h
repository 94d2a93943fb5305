// phis: dead body-label operands (docs/jit_opt.md, "phis").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// In a peeled loop (the last label is not the first, and the trace's
// final jump goes back to it), drops the body label's operands that no op
// or snapshot after the label needs (what only computes the jump's value
// for a dropped position does not count, and goes too). The loop's own slots (the first
// operands, as many as the entry label has) are kept. The label and the jump get a fresh
// target descriptor with the remaining types (no other trace jumps to the
// body label: bridges enter at the first one). Any other trace is copied.
ir::Trace phis(const ir::Trace& src);

}  // namespace pyrite::jit::opt
