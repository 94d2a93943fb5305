// counted: counted loops in closed form (docs/jit_opt.md, "counted").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Input: a peeled loop (peel.h): `preamble label(phis, descr=B) body
// jump(next, descr=B)`. When the body is a counted loop whose every
// iteration can be computed from the number of iterations alone, the
// body's many iterations become one:
//
//   label(phis, descr=B)
//   t = the number of iterations that pass the exit guard    (closed form)
//   phis' = every counter advanced by t iterations           (closed form)
//   body on phis'     <- the iteration whose guard fails
//   jump(next', descr=B)
//
// A counted body has: guards (guard_true / guard_false on a counter
// compared with zero; t is the least of their trip counts), pure ops,
// markers, and stores to addresses that do not change in the loop; no
// loads, calls or other effects. A store after the first guard goes where
// one before it goes (the last iteration overwrites what the skipped ones
// stored), or to a settled location: the last store before the label and
// the body's last store there store the same invariant value, so the
// skipped iterations leave it as they found it. Every phi is invariant (the jump passes it back) or a
// counter: the jump passes `(phi + c) mod 2^w` computed from the phi alone
// (w from an int_and mask, or 64). The guard's counter steps by an odd c
// modulo its width, so the skipped iterations are exactly
// t = -(phi + c_guard) / c mod 2^w; a counter narrower than 64 bits must
// enter the body in range (the preamble masked it), so that t = 0 leaves it
// unchanged. The rewrite is exact whatever t is: the copied guard still
// tests the real value, and if it passed, the jump would compute the next
// closed form. Any other trace is copied unchanged. This is strength
// reduction of the loop's induction variables; `gcc -O2` does the same
// (scalar evolution) for the loops BF writes as `[-]` and `[->+<]`.
ir::Trace counted(const ir::Trace& src);

}  // namespace pyrite::jit::opt
