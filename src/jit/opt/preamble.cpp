// preamble (preamble.h, docs/jit_opt.md "preamble").
//
// Invariants: the output computes, from the jump's operands, exactly what
// the target computes from its entry label's operands up to its body
// label, with the same guards and snapshots (so a failure resumes the
// interpreter at the same place with the same values), and then jumps to
// the body label with the operands the target's own preamble would pass.
// Entering the body from here is therefore the same as entering the
// target at its entry label: every fact the target's optimizer proved in
// its preamble and relied on in its body holds, because the same guards
// ran (or were proved redundant by this trace's passes).
#include "jit/opt/preamble.h"

#include <optional>
#include <vector>

#include "jit/ir/ir_rewrite.h"

namespace pyrite::jit::opt {

using namespace ir;

std::optional<uint32_t> body_label_after(const Trace& t, uint32_t entry) {
  uint32_t n = t.num_ops();
  if (n == 0) return std::nullopt;
  const Op& last = t.op(n - 1);
  for (uint32_t i = entry + 1; i < n; i++) {
    if (t.op(i).opcode != Opcode::kLabel) continue;
    if (t.op(i).descr == kNoDescr || last.opcode != Opcode::kJump || last.descr != t.op(i).descr)
      return std::nullopt;
    return i;
  }
  return std::nullopt;
}

Trace inline_preamble(const Trace& t, const Trace& target, uint32_t max_ops) {
  uint32_t n = t.num_ops();
  if (n <= t.num_inputs()) return copy_trace(t);
  const Op& jump = t.op(n - 1);
  if (jump.opcode != Opcode::kJump || jump.descr == kNoDescr || t.label_of(jump.descr)) return copy_trace(t);
  std::optional<uint32_t> entry = target.label_of(jump.descr);
  if (!entry) return copy_trace(t);
  std::optional<uint32_t> body = body_label_after(target, *entry);
  if (!body || *body - *entry - 1 > max_ops) return copy_trace(t);
  for (uint32_t i = *entry + 1; i < *body; i++) {
    Opcode op = target.op(i).opcode;
    if (op == Opcode::kGuardNotInvalidated || op == Opcode::kQuasiimmutField) return copy_trace(t);
  }

  Rewriter rw(t);
  for (uint32_t i = t.num_inputs(); i + 1 < n; i++) rw.copy(i);
  Copier pre(target, rw.out(), /*shared_pool=*/false);
  auto params = target.args(*entry);
  auto args = t.args(n - 1);
  for (size_t k = 0; k < params.size(); k++) pre.forward(params[k].index(), rw.map(args[k]));
  for (uint32_t i = *entry + 1; i < *body; i++) pre.copy(i);
  std::vector<Ref> slots;
  for (Ref s : target.args(*body)) slots.push_back(pre.map(s));
  rw.out().emit(Opcode::kJump, std::span<const Ref>(slots), target.op(*body).descr);
  return rw.take();
}

}  // namespace pyrite::jit::opt
