// preamble: a trace that jumps to a peeled loop enters its body, with the
// loop's preamble copied in front (docs/jit_opt.md, "preamble").
#pragma once

#include <cstdint>

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Input: `t`, a bridge or a trace ending in `jump(args, descr=T)`, and
// `target`, the optimized loop that carries T:
//
//   [inputs] label(params, descr=T) preamble label(slots, descr=T_body) body jump(..., descr=T_body)
//
// Output: `t` with its jump replaced by a copy of the preamble (params
// bound to args) and `jump(slots', descr=T_body)`: what entering at T would
// execute, up to the body label, now part of `t`, where the passes after
// this one optimize it with what `t` knows (cells it just stored, bounds
// it checked) instead of re-doing it on every entry. The copy's guards are
// guards of `t` (with the preamble's snapshots): they fail into the
// interpreter and grow bridges of their own.
//
// Returned unchanged (copied) when `t` does not end in such a jump, when
// T is `t`'s own label, when `target` has no body label after T, when the
// preamble has more than `max_ops` ops, or when it reads quasi-immutable
// fields (its guard_not_invalidated checks the target's flag, not `t`'s).
ir::Trace inline_preamble(const ir::Trace& t, const ir::Trace& target, uint32_t max_ops);

// The body label that a jump to `t`'s label `entry` would reach through
// the preamble: the next label, when `t` ends by jumping to it. nullopt for
// a loop that was not peeled.
std::optional<uint32_t> body_label_after(const ir::Trace& t, uint32_t entry);

}  // namespace pyrite::jit::opt
