// CompiledTrace: entries, exits, and patching exits to bridges and other
// traces' labels (docs/jit_x64.md, "Bridges").
#include <cstring>

#include "base/check.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::x64 {

uint64_t CompiledTrace::entry(uint32_t label) const {
  for (const Entry& e : entries_)
    if (e.label == label) return reinterpret_cast<uint64_t>(code_.data() + e.entry_offset);
  return 0;
}

uint64_t CompiledTrace::frame_entry(uint32_t label) const {
  for (const Entry& e : entries_)
    if (e.label == label) return reinterpret_cast<uint64_t>(code_.data() + e.frame_entry_offset);
  return 0;
}

const ExitInfo* CompiledTrace::guard_exit(uint32_t guard) const {
  if (guard >= guard_exit_index_.size() || guard_exit_index_[guard] == ~0u) return nullptr;
  return &exits_[guard_exit_index_[guard]];
}

CompiledTrace::~CompiledTrace() = default;

void CompiledTrace::redirect(uint32_t op, uint64_t target) {
  PYR_CHECK(op < guard_exit_index_.size() && guard_exit_index_[op] != ~0u);
  ExitInfo& e = exits_[guard_exit_index_[op]];
  // mov r11, imm64; jmp r11 over the stub's "mov rax, exit; jmp epilogue".
  uint8_t code[kPatchBytes] = {0x49, 0xBB};
  std::memcpy(code + 2, &target, 8);
  code[10] = 0x41;
  code[11] = 0xFF;
  code[12] = 0xE3;
  code_.patch(e.patch_offset, code);
}

void attach_bridge(CompiledTrace& parent, uint32_t guard, const CompiledTrace& bridge) {
  PYR_CHECK(ir::is_guard(parent.trace().op(guard).opcode));
  uint64_t target = bridge.frame_entry(CompiledTrace::kInputs);
  PYR_CHECK(target != 0);
  parent.redirect(guard, target);
  parent.exits_[parent.guard_exit_index_[guard]].bridge = &bridge;
}

void link_jump(CompiledTrace& t, uint32_t jump, uint64_t frame_entry) {
  PYR_CHECK(t.trace().op(jump).opcode == ir::Opcode::kJump && frame_entry != 0);
  t.redirect(jump, frame_entry);
}

void unlink_jump(CompiledTrace& t, uint32_t jump) { detach_bridge(t, jump); }

void detach_bridge(CompiledTrace& parent, uint32_t guard) {
  PYR_CHECK(guard < parent.guard_exit_index_.size() && parent.guard_exit_index_[guard] != ~0u);
  uint32_t k = parent.guard_exit_index_[guard];
  ExitInfo& e = parent.exits_[k];
  parent.code_.patch(e.patch_offset, std::span<const uint8_t>(&parent.original_tail_[k * kPatchBytes],
                                                               kPatchBytes));
  e.bridge = nullptr;
}

}  // namespace pyrite::jit::x64
