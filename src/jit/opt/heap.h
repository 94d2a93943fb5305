// heap: a heap cache with lazy stores (docs/jit_opt.md, "heap").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Forwards stored and loaded values to later loads of the same location,
// removes redundant loads and stores of the value a location is known to
// hold, delays stores until something could observe them (a guard, a call
// that reads or writes, a load that may alias, a label, the end) so that a
// store overwritten before then is never emitted, and caches arraylen_gc.
//
// Aliasing is alias.h's. Calls with writes/arbitrary/invalidates/forces
// drop every entry except immutable descrs' and array lengths; reads-only
// and pure calls keep them (but flush the pending stores first).
ir::Trace heap(const ir::Trace& src);

}  // namespace pyrite::jit::opt
