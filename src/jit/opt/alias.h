// Memory locations and the aliasing rules shared by heap and peel
// (docs/jit_opt.md, "heap").
//
// A location is (descr, base, index) with the index split as root +
// constant (after fold, p + 5 is int_add(p, 5)); a field has no index.
// One descr, one base, one root and different constants never alias. GC
// descrs of different names never alias (type-based, as in PyPy); raw
// descrs may alias each other unless their byte ranges off one base (or
// two constant bases) provably differ; raw and GC memory never alias;
// arraylen_gc reads a length that never changes.
#pragma once

#include <cstdint>

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

enum class Access : uint8_t { kNone, kLoad, kStore, kLength };

struct OpAccess {
  Access kind = Access::kNone;
  bool raw = false;
  bool array = false;
};
// What a heap op does (kNone for every other op).
OpAccess access_of(ir::Opcode op);

struct Location {
  ir::DescrId descr = ir::kNoDescr;
  bool raw = false;
  bool length = false;  // arraylen_gc of base
  ir::Ref base, root;   // root none: a constant index
  int64_t off = 0;
};

// The location op `i` of `t` accesses (access_of(op).kind != kNone), its
// base and index given as Refs of `t` (a pass passes mapped operands and
// its output trace, which defines them).
// Index values at or before op `region_start` of `t` (the last label) are
// taken as roots, not looked through (label.h, definition_visible).
Location location_of(const ir::Trace& t, uint32_t region_start, uint32_t i, ir::Ref base, ir::Ref index);
Location location_of(const ir::Trace& t, uint32_t region_start, ir::Opcode op, ir::DescrId descr, ir::Ref base,
                     ir::Ref index);

bool must_alias(const Location& a, const Location& b);
bool may_alias(const ir::Trace& t, const Location& a, const Location& b);
// What a load through `d` reads after `stored` was stored through it: the
// low d.size bytes, sign- or zero-extended (an int_and or a shift pair is
// emitted into `out` unless `stored` is a constant).
ir::Ref loaded_value(ir::Trace& out, ir::Ref stored, const ir::Descr& d);
// Whether the descr's value never changes (immutable or quasi-immutable).
bool is_immutable(const ir::Trace& t, const Location& l);

// Effects of an op other than a load or store (access_of kNone) that may
// write any heap location: what a pass caching memory forgets at it.
inline constexpr ir::Effects kClobbersMemory =
    ir::effect::kWritesHeap | ir::effect::kCallsArbitrary | ir::effect::kCanInvalidate | ir::effect::kForcesVirtuals;
// Whether an op (not a load or store) with effects `e` may write memory:
// what a pass that knows what a location holds must forget at it.
inline bool writes_memory(ir::Effects e, ir::Opcode op) {
  return (e & kClobbersMemory) || ir::is_call_may_force(op);
}
// Whether an op (not a load or store) with effects `e` may see what was
// stored before it (it reads or writes the heap, calls out, or ends the
// trace): a store may not move past it, nor be dropped for a later one.
// A guard's exit is the caller's to add (sink moves stores into it).
inline bool observes_memory(ir::Effects e, ir::Opcode op) {
  using namespace ir::effect;
  return (e & (kClobbersMemory | kReadsHeap | kFinal)) || ir::is_call_may_force(op);
}

}  // namespace pyrite::jit::opt
