// sink: stores moved past guards into the guards' snapshots (docs/jit_opt.md, "sink").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// heap emits its pending stores before every guard, because a failing
// guard resumes an interpreter that reads memory. sink delays them past
// guards that read no memory: such a guard gets the stores pending at it
// as store frames of its snapshot (snapshot.h, kStoreFrameRaw), done only
// if it fails, and the stores themselves are emitted only before what
// could observe memory on the path that goes on: a load that may alias
// one of them, an op that reads or writes memory or calls, a label, the
// jump or finish. A pending store is dropped when a later store to the
// same location replaces it, so a cell written at every step of a loop
// body is stored once per iteration instead of once per step.
//
// Runs last (after counted, whose closed forms expect the stores before
// the guards), in both pipelines.
ir::Trace sink(const ir::Trace& src);

}  // namespace pyrite::jit::opt
