// bounds: integer ranges (docs/jit_opt.md, "bounds").
#pragma once

#include <cstdint>
#include <span>
#include <vector>

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

// A signed range; {INT64_MIN, INT64_MAX} is "unknown".
struct IntRange {
  int64_t lo = INT64_MIN, hi = INT64_MAX;
  bool operator==(const IntRange&) const = default;
};

// bounds, knowing the trace's inputargs are in these ranges (one per
// inputarg, or fewer; non-int inputs are ignored): a bridge's inputs are
// its guard's failargs, whose ranges failarg_ranges gives.
ir::Trace bounds(const ir::Trace& src, std::span<const IntRange> input_ranges);

// What `t` (an optimized trace, as installed) proves about the failargs of
// its guard op `guard` (Trace::snapshot_values order) when that guard
// fails: the ranges just before it, the guard's own condition not
// assumed. One per failarg, unknown ones full; empty if `guard` is not a
// guard. The Jit passes them to optimize_bridge (Options::input_ranges)
// for the bridge recorded from that guard. `input_ranges`: what holds for
// t's own inputargs (a bridge's, from its parent guard: ranges then pass
// down a chain of bridges).
std::vector<IntRange> failarg_ranges(const ir::Trace& t, uint32_t guard, std::span<const IntRange> input_ranges = {});
// failarg_ranges of every guard of `t` at once (one bounds run), by op
// index (empty for other ops): the Jit asks for several guards of a trace
// (each bridge recorded or shared from it), each a bounds run on its own.
std::vector<std::vector<IntRange>> failarg_ranges_of_all(const ir::Trace& t,
                                                         std::span<const IntRange> input_ranges = {});

}  // namespace pyrite::jit::opt
