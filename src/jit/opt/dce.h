// dce: dead-code elimination (docs/jit_opt.md, "dce").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Removes every op that removable_if_unused allows whose result no kept op
// and no kept guard's snapshot (Trace::snapshot_values: its failargs)
// needs. One backward pass: a trace is straight-line code.
ir::Trace dce(const ir::Trace& src);

}  // namespace pyrite::jit::opt
