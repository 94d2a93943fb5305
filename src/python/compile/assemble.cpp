// The assembler: instruction list -> CodeUnit code, locations, exception
// table and stack size (docs/compiler.md, "Assembly").
//
// Invariants checked here (a failure is a compiler bug, not a user error):
//  - every reachable instruction has one stack depth, whatever path
//    reaches it, and never pops below zero;
//  - conditional jumps go forward; the only backward jumps are
//    JUMP_BACKWARD (loop back-edges) and JUMP_BACKWARD_NO_INTERRUPT;
//  - a handler's depth is the depth at its SETUP (minus the consumed
//    __enter__ result for SETUP_WITH), so unwinding never drops a value
//    the handler code reads.
// Unreachable instructions, pseudo-instructions, jumps to the next
// instruction and NOPs that carry no new line are dropped.
#include <cstdio>

#include "python/compile/codegen.h"

namespace pyrite::python::compile {

namespace {

bool is_setup(Opcode op) {
  return op == Opcode::SETUP_FINALLY || op == Opcode::SETUP_CLEANUP || op == Opcode::SETUP_WITH;
}

bool same_location(const Location& a, const Location& b) {
  return a.line == b.line && a.end_line == b.end_line && a.col == b.col && a.end_col == b.end_col;
}

}  // namespace

void Compiler::assemble(CompileUnit& un) {
  std::vector<Instr>& in = un.instrs;
  const int n = static_cast<int>(in.size());
  auto target_of = [&](const Instr& i) {
    int pos = un.label_pos[i.arg];
    PYR_CHECK_MSG(pos >= 0 && pos < n, "jump to an unbound label or past the end");
    return pos;
  };

  // ---- stack depth and reachability ----
  std::vector<int> depth(n, -1);
  std::vector<int> work;
  int max_depth = 0;
  auto reach = [&](int at, int d, int from) {
    PYR_CHECK(at < n);
    if (d < 0) {
      std::fprintf(stderr, "stack underflow reaching %d from %d (%s) in %s\n", at, from,
                   opcode_name(in[from].op), un.code->qualname.c_str());
      PYR_CHECK(false);
    }
    if (depth[at] == -1) {
      depth[at] = d;
      if (d > max_depth) max_depth = d;
      work.push_back(at);
    } else if (depth[at] != d) {
      std::fprintf(stderr, "inconsistent stack depth at %d (%s): %d vs %d from %d (%s) in %s\n", at,
                   opcode_name(in[at].op), depth[at], d, from, opcode_name(in[from].op),
                   un.code->qualname.c_str());
      PYR_CHECK(false);
    }
  };
  if (n > 0) reach(0, 0, 0);
  while (!work.empty()) {
    int i = work.back();
    work.pop_back();
    // Follow straight-line code directly; queue only branch targets.
    for (;;) {
      const Instr& ins = in[i];
      int d = depth[i];
      int pops = stack_pops(ins.op, ins.arg);
      if (d < pops) {
        std::fprintf(stderr, "stack underflow at %d (%s) depth %d in %s\n", i, opcode_name(ins.op), d,
                     un.code->qualname.c_str());
        PYR_CHECK(false);
      }
      if (is_setup(ins.op)) {
        reach(target_of(ins), d + stack_pushes(ins.op, ins.arg, true), i);
      } else if (is_jump(ins.op)) {
        reach(target_of(ins), d - pops + stack_pushes(ins.op, ins.arg, true), i);
      }
      if (!has_fallthrough(ins.op)) break;
      int next_d = d - pops + stack_pushes(ins.op, ins.arg, false);
      if (i + 1 >= n) break;
      if (depth[i + 1] != -1) {
        reach(i + 1, next_d, i);
        break;
      }
      depth[i + 1] = next_d;
      if (next_d > max_depth) max_depth = next_d;
      i++;
    }
  }

  // ---- which instructions stay ----
  std::vector<bool> is_target(n + 1, false);
  for (int i = 0; i < n; i++)
    if (depth[i] >= 0 && is_jump(in[i].op)) is_target[target_of(in[i])] = true;
  for (const Handler& h : un.handlers) is_target[un.label_pos[h.label]] = true;

  std::vector<bool> keep(n, false);
  for (int i = 0; i < n; i++) {
    const Instr& ins = in[i];
    if (depth[i] < 0) continue;
    if (opcode_flags(ins.op) & OpFlag::kPseudo) {
      if (ins.op == Opcode::JUMP || ins.op == Opcode::JUMP_NO_INTERRUPT) keep[i] = true;
      // SETUP_*/POP_BLOCK become NOPs, which stay only if they carry a line
      // nothing else carries (the `try:` line, for tracing).
      if (is_setup(ins.op) || ins.op == Opcode::POP_BLOCK) {
        in[i].op = Opcode::NOP;
        in[i].arg = 0;
        keep[i] = true;
      }
      continue;
    }
    keep[i] = true;
  }
  // The first kept instruction at or after i, built backwards so that the
  // decisions below (which only look forward) see final values.
  std::vector<int> next_kept(n + 1, n);
  std::vector<int> prev_real(n, -1);  // the previous reachable real instruction
  for (int i = 0, p = -1; i < n; i++) {
    prev_real[i] = p;
    if (keep[i]) p = i;
  }
  for (int i = n - 1; i >= 0; i--) {
    if (keep[i]) {
      Instr& ins = in[i];
      int nx = next_kept[i + 1];
      // A jump to the next instruction is a NOP (which may still carry a line).
      if ((ins.op == Opcode::JUMP || ins.op == Opcode::JUMP_NO_INTERRUPT) && target_of(ins) > i &&
          next_kept[target_of(ins)] == nx)
        ins.op = Opcode::NOP;
      if (ins.op == Opcode::NOP) {
        // A NOP stays only to carry a line that no neighbour carries.
        bool redundant = ins.loc.line < 0 || (nx < n && in[nx].loc.line == ins.loc.line) ||
                         (prev_real[i] >= 0 && in[prev_real[i]].loc.line == ins.loc.line && !is_target[i]);
        if (redundant) keep[i] = false;
      }
    }
    next_kept[i] = keep[i] ? i : next_kept[i + 1];
  }

  // ---- constants only dead code used are dropped ----
  {
    std::vector<Constant>& consts = un.code->constants;
    std::vector<int> remap(consts.size(), -1);
    // consts[0] of a function is its docstring slot, used or not.
    if (!consts.empty() && (un.kind == UnitKind::kFunction || un.kind == UnitKind::kAsyncFunction ||
                            un.kind == UnitKind::kLambda))
      remap[0] = 0;
    for (int i = 0; i < n; i++)
      if (keep[i] && opcode_arg_kind(in[i].op) == OpArg::kConst) remap[in[i].arg] = 0;
    std::vector<Constant> kept;
    for (size_t c = 0; c < consts.size(); c++) {
      if (remap[c] < 0) continue;
      remap[c] = static_cast<int>(kept.size());
      kept.push_back(std::move(consts[c]));
    }
    consts = std::move(kept);
    for (int i = 0; i < n; i++)
      if (keep[i] && opcode_arg_kind(in[i].op) == OpArg::kConst) in[i].arg = remap[in[i].arg];
  }

  // ---- offsets ----
  std::vector<uint32_t> offset(n + 1, 0);
  uint32_t pc = 0;
  for (int i = 0; i < n; i++) {
    offset[i] = pc;
    if (!keep[i]) continue;
    Opcode op = in[i].op;
    if (op == Opcode::JUMP || op == Opcode::JUMP_NO_INTERRUPT) op = Opcode::JUMP_FORWARD;
    uint32_t arg = static_cast<uint32_t>(in[i].arg);
    if (!is_jump(op) && arg > kMaxArg) pc += 1;  // EXTENDED_ARG
    pc += 1 + opcode_cache_units(op);
  }
  offset[n] = pc;
  auto offset_of_label = [&](int label) { return offset[next_kept[un.label_pos[label]]]; };

  // ---- code and locations ----
  CodeUnit& code = *un.code;
  code.code.clear();
  code.code.reserve(pc);
  code.locations.clear();
  Location last;
  bool have_last = false;
  auto add_location = [&](uint32_t at, const Location& loc) {
    if (have_last && same_location(last, loc)) return;
    code.locations.push_back(LocationEntry{at, loc.line, loc.end_line, loc.col, loc.end_col});
    last = loc;
    have_last = true;
  };
  Location prev_loc;
  for (int i = 0; i < n; i++) {
    if (!keep[i]) continue;
    Instr ins = in[i];
    uint32_t arg = static_cast<uint32_t>(ins.arg);
    if (is_jump(ins.op)) {
      arg = offset_of_label(ins.arg);
      bool backward = arg <= offset[i];
      if (ins.op == Opcode::JUMP) ins.op = backward ? Opcode::JUMP_BACKWARD : Opcode::JUMP_FORWARD;
      else if (ins.op == Opcode::JUMP_NO_INTERRUPT)
        ins.op = backward ? Opcode::JUMP_BACKWARD_NO_INTERRUPT : Opcode::JUMP_FORWARD;
      else PYR_CHECK_MSG(!backward, "conditional jumps must go forward");
      PYR_CHECK(arg <= kMaxArg);
    }
    // A yield an exception handler covers (a try, with, except block) is
    // one where close() runs code: YIELD_VALUE_CLOSE, at which the
    // interpreter registers the generator for finalization (docs/interp.md,
    // "Finalization of generators"). The compiler emits the yield of a
    // yield-from/await loop as YIELD_VALUE_CLOSE itself (close() closes the
    // delegate).
    if (ins.op == Opcode::YIELD_VALUE && in[i].handler >= 0) ins.op = Opcode::YIELD_VALUE_CLOSE;
    // An instruction without a location belongs to the line before it,
    // unless control can also arrive from elsewhere.
    if (ins.loc.line < 0 && !is_target[i] && prev_loc.line >= 0) ins.loc = prev_loc;
    add_location(static_cast<uint32_t>(code.code.size()), ins.loc);
    prev_loc = ins.loc;
    if (arg > kMaxArg) code.code.push_back(make_unit(Opcode::EXTENDED_ARG, arg >> kArgBits));
    code.code.push_back(make_unit(ins.op, arg & kMaxArg));
    for (int c = 0; c < opcode_cache_units(ins.op); c++) code.code.push_back(make_unit(Opcode::CACHE, 0));
  }
  PYR_CHECK(code.code.size() == pc);

  // ---- exception table ----
  code.exception_table.clear();
  int cur = -1;
  uint32_t start = 0;
  auto flush = [&](uint32_t end) {
    if (cur < 0 || end <= start) return;
    const Handler& h = un.handlers[cur];
    int target_instr = next_kept[un.label_pos[h.label]];
    int target_depth = depth[un.label_pos[h.label]];
    PYR_CHECK(target_depth >= 1 + (h.lasti ? 1 : 0));
    code.exception_table.push_back(ExceptionEntry{start, end, offset[target_instr],
                                                  static_cast<uint32_t>(target_depth - 1 - (h.lasti ? 1 : 0)),
                                                  h.lasti});
  };
  for (int i = 0; i < n; i++) {
    if (!keep[i]) continue;
    // A NOP cannot raise: it extends the current run instead of opening one.
    if (in[i].op == Opcode::NOP) continue;
    int h = in[i].handler;
    if (h != cur) {
      flush(offset[i]);
      cur = h;
      start = offset[i];
    }
  }
  flush(pc);
  code.stack_size = max_depth;
}

}  // namespace pyrite::python::compile
