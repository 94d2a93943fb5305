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
// Aliasing (what may be the same memory): locations are (descr, base,
// index) with the index split as root + constant (after fold, p + 5 is
// int_add(p, 5)); one descr, one base, one root and different constants
// never alias. GC descrs of different names never alias (type-based, as in
// PyPy); raw descrs may alias each other unless their byte ranges off one
// base provably differ; raw and GC memory never alias. Calls with
// writes/arbitrary/invalidates/forces drop every entry except immutable
// descrs'; reads-only and pure calls keep them.
ir::Trace heap(const ir::Trace& src);

}  // namespace pyrite::jit::opt
