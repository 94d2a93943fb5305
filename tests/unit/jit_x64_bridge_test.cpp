// Bridges, jumps between traces and code memory (docs/jit_x64.md): a guard
// that fails gets a bridge patched in, so the next failure runs it; a
// bridge's jump re-enters its loop at the label; detaching restores the
// exit; pages are RX after sealing and patching; freeing a trace unmaps it.
#include <capstone/capstone.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <sstream>

#include "jit/ir/ir_interp.h"
#include "jit/opt/heap.h"
#include "jit/opt/sink.h"
#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_random.h"
#include "jit/ir/ir_verify.h"
#include "jit/x64/backend.h"
#include "jit/x64/code_memory.h"

namespace pyrite::jit::x64 {
namespace {

using namespace ir;

const char* kLoop =
    "descr loop = target(args=(i, i, i))\n"
    "[i0, i1]\n"
    "i2 = int_mul(i1, 3)\n"
    "label(i0, i1, i2, descr=loop)\n"
    "i3 = int_add(i0, i2)\n"
    "i4 = int_lt(i3, 1000)\n"
    "guard_true(i4) [0@4/2: 0=i3 1=i1]\n"
    "jump(i3, i1, i2, descr=loop)\n";

// From the guard's failargs (i3, i1): another path, back into the loop,
// until its own guard fails.
const char* kBridge =
    "descr loop = target(args=(i, i, i))\n"
    "[i0, i1]\n"
    "i2 = int_sub(i0, 900)\n"
    "i3 = int_add(i1, 1)\n"
    "i4 = int_lt(i3, 10)\n"
    "guard_true(i4) [0@7/2: 0=i2 1=i3]\n"
    "i5 = int_mul(i3, 3)\n"
    "jump(i2, i3, i5, descr=loop)\n";

struct Pair {
  std::shared_ptr<DescrTable> descrs = std::make_shared<DescrTable>();
  Trace loop, bridge;
  Pair() {
    ParseResult l = parse_trace(kLoop, nullptr, descrs), b = parse_trace(kBridge, nullptr, descrs);
    EXPECT_TRUE(l.ok() && b.ok());
    loop = std::move(*l.trace);
    bridge = std::move(*b.trace);
    EXPECT_TRUE(verify(loop).ok() && verify(bridge).ok());
  }
};

uint64_t lookup_in(void* ctx, DescrId target) {
  const CompiledTrace* loop = static_cast<const CompiledTrace*>(ctx);
  std::optional<uint32_t> label = loop->trace().label_of(target);
  return label ? loop->frame_entry(*label) : 0;
}

// Options for a trace whose jumps go into `loop`'s labels.
CompileOptions jumping_into(const CompiledTrace& loop) {
  CompileOptions o;
  o.ctx = const_cast<CompiledTrace*>(&loop);
  o.lookup_target = lookup_in;
  return o;
}

// What the layer does with the IR interpreter: follow guard -> bridge ->
// kJumpOut -> run_trace_at until an exit that is not a jump.
Exit interpret_chain(const Trace& loop, uint32_t guard, const Trace& bridge,
                     std::vector<uint64_t> inputs) {
  Exit e = run_trace(loop, inputs);
  while (true) {
    if (e.kind == ExitKind::kGuardFailed && e.op == guard) {
      // The bridge's inputargs are the failargs in snapshot_values order:
      // find each one's value among the resolved frame slots.
      std::vector<uint64_t> failargs;
      const SnapshotTable& st = loop.snapshots();
      auto frames = st.frames_of(loop.op(guard).snapshot);
      for (Ref r : loop.snapshot_values(loop.op(guard).snapshot)) {
        bool found = false;
        for (size_t fi = 0; fi < frames.size() && !found; fi++) {
          auto entries = st.entries(st.frame(frames[fi]));
          for (size_t j = 0; j < entries.size() && !found; j++)
            if (entries[j].ref == r) failargs.push_back(e.frames[fi].slots[j].value.bits), found = true;
        }
        EXPECT_TRUE(found);
      }
      e = run_trace(bridge, failargs);
      continue;
    }
    if (e.kind == ExitKind::kJumpOut) {
      std::vector<uint64_t> values;
      for (const ExitValue& v : e.values) values.push_back(v.bits);
      e = run_trace_at(loop, *loop.label_of(e.target), values);
      continue;
    }
    return e;
  }
}

TEST(JitX64Bridge, GuardFailureRunsTheAttachedBridge) {
  Pair p;
  auto loop = compile(p.loop).code;
  ASSERT_TRUE(loop);
  CompileOptions bo = jumping_into(*loop);
  auto bridge = compile(p.bridge, bo).code;
  ASSERT_TRUE(bridge);

  uint64_t in[] = {0, 5};
  // Before: the loop's guard exits to C++.
  Exit before = run(*loop, in);
  ASSERT_EQ(before.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(before.op, 6u);
  EXPECT_EQ(before.frames[0].slots[0].value.as_int(), 1005);
  const ExitInfo* g = loop->guard_exit(6);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->bridge, nullptr);

  attach_bridge(*loop, 6, *bridge);
  EXPECT_EQ(g->bridge, bridge.get());
  RawExit raw = run_raw(*loop, CompiledTrace::kInputs, in);
  EXPECT_EQ(raw.info->owner, bridge.get());  // the exit is the bridge's own guard
  Exit after = resolve_exit(*raw.info, raw.frame.data());
  Exit expected = interpret_chain(p.loop, 6, p.bridge, {0, 5});
  expected.jumps = 0;  // not counted (compiled without count_jumps)
  EXPECT_TRUE(after == expected) << after.op << " " << expected.op;
  ASSERT_EQ(after.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(after.op, 5u);  // the bridge's guard_true
  EXPECT_EQ(after.frames[0].slots[1].value.as_int(), 10);

  // Detached, the guard exits to C++ again.
  detach_bridge(*loop, 6);
  EXPECT_TRUE(run(*loop, in) == before);
}

TEST(JitX64Bridge, JumpOutWithoutATargetAndStraightInWithOne) {
  Pair p;
  auto loop = compile(p.loop).code;
  ASSERT_TRUE(loop);
  // No lookup: the bridge leaves as kJumpOut with the jump's values.
  auto alone = compile(p.bridge).code;
  ASSERT_TRUE(alone);
  uint64_t from_guard[] = {1005, 5};
  Exit out = run(*alone, from_guard);
  Exit expected = run_trace(p.bridge, from_guard);
  ASSERT_EQ(expected.kind, ExitKind::kJumpOut);
  EXPECT_TRUE(out == expected);
  EXPECT_EQ(out.target, p.descrs->find("loop"));
  // run_at continues in the loop, as Jit::execute does.
  std::vector<uint64_t> values;
  for (const ExitValue& v : out.values) values.push_back(v.bits);
  Exit cont = run_at(*loop, 3, values);
  Exit cont_expected = run_trace_at(p.loop, 3, values);
  cont_expected.jumps = 0;
  EXPECT_TRUE(cont == cont_expected);
  // With the lookup, the bridge's jump goes straight into the loop's code.
  CompileOptions bo = jumping_into(*loop);
  auto linked = compile(p.bridge, bo).code;
  Exit direct = run(*linked, from_guard);
  EXPECT_TRUE(direct == cont);
  // A jump compiled before its target: linked afterwards, unlinked again.
  uint32_t jump = p.bridge.num_ops() - 1;
  ASSERT_NE(alone->guard_exit(jump), nullptr);
  link_jump(*alone, jump, loop->frame_entry(3));
  EXPECT_TRUE(run(*alone, from_guard) == cont);
  unlink_jump(*alone, jump);
  EXPECT_TRUE(run(*alone, from_guard) == expected);
}

std::string maps_line_for(const void* p) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  auto a = reinterpret_cast<uintptr_t>(p);
  while (std::getline(maps, line)) {
    unsigned long lo, hi;
    if (std::sscanf(line.c_str(), "%lx-%lx", &lo, &hi) == 2 && a >= lo && a < hi) return line;
  }
  return "";
}

TEST(JitX64Bridge, CodePagesAreNeverWritableAndExecutable) {
  size_t blocks = CodeBlock::live_blocks(), bytes = CodeBlock::live_bytes();
  {
    Pair p;
    auto loop = compile(p.loop).code;
    CompileOptions bo = jumping_into(*loop);
    auto bridge = compile(p.bridge, bo).code;
    ASSERT_TRUE(loop && bridge);
    EXPECT_EQ(CodeBlock::live_blocks(), blocks + 2);
    std::string line = maps_line_for(loop->code().data());
    ASSERT_FALSE(line.empty());
    EXPECT_NE(line.find(" r-x"), std::string::npos) << line;
    attach_bridge(*loop, 6, *bridge);
    line = maps_line_for(loop->code().data());
    EXPECT_NE(line.find(" r-x"), std::string::npos) << line;  // patched and sealed again
    EXPECT_EQ(maps_line_for(loop->code().data()).find("rwx"), std::string::npos);
    // The code range is what a disassembler reads.
    EXPECT_GT(loop->code().size(), 20u);
    EXPECT_EQ(loop->entry(CompiledTrace::kInputs) >= reinterpret_cast<uint64_t>(loop->code().data()),
              true);
    detach_bridge(*loop, 6);
  }
  EXPECT_EQ(CodeBlock::live_blocks(), blocks);
  EXPECT_EQ(CodeBlock::live_bytes(), bytes);
}

// In a CodeWriteBatch (the JIT's install), the pages written stay RW and
// not executable until the batch ends, then all turn RX.
TEST(JitX64Bridge, CodeWriteBatchSealsItsPagesOnceAtTheEnd) {
  Pair p;
  std::unique_ptr<CompiledTrace> loop, bridge;
  {
    CodeWriteBatch batch;
    loop = compile(p.loop).code;
    CompileOptions bo = jumping_into(*loop);
    bridge = compile(p.bridge, bo).code;
    ASSERT_TRUE(loop && bridge);
    attach_bridge(*loop, 6, *bridge);
    for (const void* code : {static_cast<const void*>(loop->code().data()), static_cast<const void*>(bridge->code().data())}) {
      std::string line = maps_line_for(code);
      EXPECT_NE(line.find(" rw-"), std::string::npos) << line;
    }
  }
  for (const void* code : {static_cast<const void*>(loop->code().data()), static_cast<const void*>(bridge->code().data())}) {
    std::string line = maps_line_for(code);
    EXPECT_NE(line.find(" r-x"), std::string::npos) << line;
  }
  // Sealed: the loop runs, fails its guard into the bridge, which jumps
  // back, until the bridge's own guard fails.
  uint64_t in[] = {0, 5};
  RawExit raw = run_raw(*loop, CompiledTrace::kInputs, in);
  EXPECT_EQ(raw.info->owner, bridge.get());
  detach_bridge(*loop, 6);
}

// Many loops compiled and freed: the mapping count comes back.
TEST(JitX64Bridge, FreeingLoopsUnmapsTheirCode) {
  size_t blocks = CodeBlock::live_blocks();
  Pair p;
  for (int k = 0; k < 200; k++) {
    auto loop = compile(p.loop).code;
    ASSERT_TRUE(loop);
    uint64_t in[] = {uint64_t(k), 5};
    EXPECT_EQ(run(*loop, in).kind, ExitKind::kGuardFailed);
  }
  EXPECT_EQ(CodeBlock::live_blocks(), blocks);
}

// Small traces share pages of one pool; freed space is reused, and the
// pages above the pool's top go back to the OS.
TEST(JitX64Bridge, CodeMemoryIsPooledAndReused) {
  Pair p;
  auto a = compile(p.loop).code;
  auto b = compile(p.loop).code;
  ASSERT_TRUE(a && b);
  auto distance = [](const CompiledTrace& x, const CompiledTrace& y) {
    return std::abs(reinterpret_cast<intptr_t>(x.code().data()) -
                    reinterpret_cast<intptr_t>(y.code().data()));
  };
  EXPECT_LT(distance(*a, *b), 4096);  // not a page each
  EXPECT_LT(a->code().size(), 1024u);
  const uint8_t* where = b->code().data();
  b.reset();
  auto c = compile(p.loop).code;
  EXPECT_EQ(c->code().data(), where);  // b's space, reused
  uint64_t in[] = {7, 5};
  EXPECT_TRUE(run(*a, in) == run(*c, in));
  size_t bytes = CodeBlock::live_bytes();
  {
    std::vector<std::unique_ptr<CompiledTrace>> many;
    for (int k = 0; k < 100; k++) many.push_back(compile(p.loop).code);
    EXPECT_GT(CodeBlock::live_bytes(), bytes + 100 * 64);
  }
  EXPECT_EQ(CodeBlock::live_bytes(), bytes);
}

// A jump to a compiled label of another trace moves its values straight
// into the label's locations and jumps to its body (rel32), never through
// the jit frame or an indirect jump.
TEST(JitX64Bridge, JumpIntoACompiledLabelGoesStraightToItsBody) {
  Pair p;
  auto loop = compile(p.loop).code;
  ASSERT_TRUE(loop);
  const LabelLayout* layout = loop->label_layout(3);
  ASSERT_NE(layout, nullptr);
  EXPECT_EQ(find_label(loop->frame_entry(3)), layout);
  EXPECT_EQ(layout->values.size(), 3u);
  EXPECT_TRUE(loop->code().data() <= reinterpret_cast<const uint8_t*>(layout->body) &&
              reinterpret_cast<const uint8_t*>(layout->body) < loop->code().data() + loop->code().size());
  CompileOptions bo = jumping_into(*loop);
  auto bridge = compile(p.bridge, bo).code;
  ASSERT_TRUE(bridge);
  csh cs;
  ASSERT_EQ(cs_open(CS_ARCH_X86, CS_MODE_64, &cs), CS_ERR_OK);
  cs_insn* insn = nullptr;
  auto code = bridge->code();
  size_t n = cs_disasm(cs, code.data(), code.size(), reinterpret_cast<uint64_t>(code.data()), 0, &insn);
  int direct = 0, to_frame_entry = 0;
  for (size_t k = 0; k < n; k++) {
    std::string m = insn[k].mnemonic, ops = insn[k].op_str;
    uint64_t target = std::strtoull(ops.c_str(), nullptr, 16);
    if (m == "jmp" && target == layout->body) direct++;
    char hex[32];
    std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(loop->frame_entry(3)));
    if (ops.find(hex) != std::string::npos) to_frame_entry++;  // movabs r11, frame_entry
  }
  cs_free(insn, n);
  cs_close(&cs);
  EXPECT_EQ(direct, 1);
  EXPECT_EQ(to_frame_entry, 0);
  uint64_t from_guard[] = {1005, 5};
  std::vector<uint64_t> values = {105, 6, 18};
  EXPECT_TRUE(run(*bridge, from_guard) == run_at(*loop, 3, values));
  // Freed, the label is no longer found.
  uint64_t entry = loop->frame_entry(3);
  bridge.reset();
  loop.reset();
  EXPECT_EQ(find_label(entry), nullptr);
}

// A bridge computes its values in the registers the loop's label wants
// them in (the final jump's hints, passed back through the ops that
// compute them and to the inputs it passes on): its jump into the loop's
// body moves nothing.
TEST(JitX64Bridge, BridgeValuesLandWhereTheLoopLabelWantsThem) {
  Pair p;
  auto loop = compile(p.loop).code;
  ASSERT_TRUE(loop);
  CompileOptions bo = jumping_into(*loop);
  // The label's operands in another order than the inputs and the values
  // are made: allocated in order, each would sit in another's register.
  ParseResult parsed = parse_trace(
      "descr loop = target(args=(i, i, i))\n"
      "[i0, i1, i2]\n"
      "i3 = int_add(i0, 1)\n"
      "i4 = int_lt(i3, 10)\n"
      "guard_true(i4) [0@7/3: 0=i0 1=i1 2=i2]\n"
      "i5 = int_mul(i1, 3)\n"
      "jump(i2, i5, i3, descr=loop)\n",
      nullptr, p.descrs);
  ASSERT_TRUE(parsed.ok());
  const Trace& b = *parsed.trace;
  auto bridge = compile(b, bo).code;
  ASSERT_TRUE(bridge);
  csh cs;
  ASSERT_EQ(cs_open(CS_ARCH_X86, CS_MODE_64, &cs), CS_ERR_OK);
  cs_insn* insn = nullptr;
  auto code = bridge->code();
  uint32_t jump = b.num_ops() - 1;
  size_t from = bridge->op_offset(jump);
  size_t n = cs_disasm(cs, code.data() + from, code.size() - from, reinterpret_cast<uint64_t>(code.data() + from), 0,
                       &insn);
  ASSERT_GT(n, 0u);
  std::string moves;
  for (size_t k = 0; k < n && std::string(insn[k].mnemonic) != "jmp"; k++)
    moves += std::string(insn[k].mnemonic) + " " + insn[k].op_str + "\n";
  cs_free(insn, n);
  cs_close(&cs);
  EXPECT_EQ(moves, "");
  uint64_t in[] = {4, 5, 7};
  std::vector<uint64_t> values = {7, 15, 5};
  EXPECT_TRUE(run(*bridge, in) == run_at(*loop, 3, values));
}

// The jump targets of a trace's code (jmp/jcc with an immediate).
std::vector<uint64_t> jump_targets(const CompiledTrace& t) {
  csh cs;
  EXPECT_EQ(cs_open(CS_ARCH_X86, CS_MODE_64, &cs), CS_ERR_OK);
  cs_insn* insn = nullptr;
  auto code = t.code();
  size_t n = cs_disasm(cs, code.data(), code.size(), reinterpret_cast<uint64_t>(code.data()), 0, &insn);
  std::vector<uint64_t> out;
  for (size_t k = 0; k < n; k++)
    if (insn[k].mnemonic[0] == 'j' && std::strncmp(insn[k].op_str, "0x", 2) == 0)
      out.push_back(std::strtoull(insn[k].op_str, nullptr, 16));
  cs_free(insn, n);
  cs_close(&cs);
  return out;
}

// An attached bridge is entered from its guard's jump through glue that
// moves the failargs into the bridge's input locations (no jit frame);
// detaching points the jump at the stub again.
TEST(JitX64Bridge, AttachedGuardJumpsThroughGlueIntoTheBridge) {
  Pair p;
  auto loop = compile(p.loop).code;
  CompileOptions bo = jumping_into(*loop);
  auto bridge = compile(p.bridge, bo).code;
  ASSERT_TRUE(loop && bridge);
  auto inside = [&](uint64_t a) {
    return a >= reinterpret_cast<uint64_t>(loop->code().data()) &&
           a < reinterpret_cast<uint64_t>(loop->code().data()) + loop->code().size();
  };
  auto outside_jumps = [&] {
    int n = 0;
    for (uint64_t a : jump_targets(*loop)) n += !inside(a);
    return n;
  };
  EXPECT_EQ(outside_jumps(), 0);
  size_t blocks = CodeBlock::live_blocks();
  attach_bridge(*loop, 6, *bridge);
  EXPECT_EQ(outside_jumps(), 1);  // the guard's jcc, to the glue
  EXPECT_EQ(CodeBlock::live_blocks(), blocks + 1);
  uint64_t in[] = {0, 5};
  Exit expected = interpret_chain(p.loop, 6, p.bridge, {0, 5});
  expected.jumps = 0;
  EXPECT_TRUE(run(*loop, in) == expected);
  detach_bridge(*loop, 6);
  EXPECT_EQ(outside_jumps(), 0);
  EXPECT_EQ(CodeBlock::live_blocks(), blocks);
  Exit before = run(*loop, in);
  EXPECT_EQ(before.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(before.op, 6u);
  // Attached twice: the first glue is freed.
  attach_bridge(*loop, 6, *bridge);
  attach_bridge(*loop, 6, *bridge);
  EXPECT_EQ(CodeBlock::live_blocks(), blocks + 1);
  EXPECT_TRUE(run(*loop, in) == expected);
}

// A bridge that holds the loop's hoisted base constant in the same register
// jumps into the loop without reloading it: the constant appears once in
// the bridge's code (its own entry), not again before the jump.
TEST(JitX64Bridge, DirectJumpKeepsAHoistedConstantItAlreadyHolds) {
  alignas(8) static uint8_t tape[64];
  std::string base = std::to_string(reinterpret_cast<uint64_t>(tape));
  auto descrs = std::make_shared<DescrTable>();
  ParseResult l = parse_trace(
      "descr loop = target(args=(i))\n"
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "i1 = getarrayitem_raw_i(" + base + ", i0, descr=cell)\n"
      "guard_true(i1) [0@1/1: 0=i0]\n"
      "i2 = int_add(i0, 1)\n"
      "jump(i2, descr=loop)\n",
      nullptr, descrs);
  ParseResult b = parse_trace(
      "descr loop = target(args=(i))\n"
      "descr cell = array(offset=0, type=i, size=1, unsigned)\n"
      "[i0]\n"
      "setarrayitem_raw(" + base + ", i0, 1, descr=cell)\n"
      "i1 = int_add(i0, 2)\n"
      "jump(i1, descr=loop)\n",
      nullptr, descrs);
  ASSERT_TRUE(l.ok() && b.ok());
  auto loop = compile(*l.trace).code;
  ASSERT_TRUE(loop);
  ASSERT_NE(loop->label_layout(1), nullptr);
  ASSERT_EQ(loop->label_layout(1)->constants.size(), 1u);
  CompileOptions bo = jumping_into(*loop);
  auto bridge = compile(*b.trace, bo).code;
  ASSERT_TRUE(bridge);
  csh cs;
  ASSERT_EQ(cs_open(CS_ARCH_X86, CS_MODE_64, &cs), CS_ERR_OK);
  cs_insn* insn = nullptr;
  auto code = bridge->code();
  size_t n = cs_disasm(cs, code.data(), code.size(), 0, 0, &insn);
  char hex[32];
  std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(reinterpret_cast<uint64_t>(tape)));
  int loads = 0;
  for (size_t k = 0; k < n; k++) loads += std::string(insn[k].op_str).find(hex) != std::string::npos;
  cs_free(insn, n);
  cs_close(&cs);
  EXPECT_EQ(loads, 1);
  std::memset(tape, 1, sizeof tape);
  tape[7] = 0;
  uint64_t in[] = {1};
  Exit e = run(*bridge, in);  // 1 -> 3 in the loop ... until cell 7
  EXPECT_EQ(e.kind, ExitKind::kGuardFailed);
  EXPECT_EQ(e.frames[0].slots[0].value.as_int(), 7);
}

// borrow_trace: the compiled code reads the caller's trace, no copy.
TEST(JitX64Bridge, BorrowedTraceIsNotCopied) {
  Pair p;
  CompileOptions o;
  o.borrow_trace = true;
  auto borrowed = compile(p.loop, o).code;
  auto copied = compile(p.loop).code;
  ASSERT_TRUE(borrowed && copied);
  EXPECT_EQ(&borrowed->trace(), &p.loop);
  EXPECT_NE(&copied->trace(), &p.loop);
  uint64_t in[] = {3, 5};
  EXPECT_TRUE(run(*borrowed, in) == run(*copied, in));
  Exit expected = run_trace(p.loop, in);
  expected.jumps = 0;  // not counted (compiled without count_jumps)
  EXPECT_TRUE(run(*borrowed, in) == expected);
}

// What the JIT log does: disassemble code() with Capstone; every op's
// offset is an instruction boundary and the entries end in the epilogue.
TEST(JitX64Bridge, CodeDisassemblesAtOpBoundaries) {
  Pair p;
  auto loop = compile(p.loop).code;
  ASSERT_TRUE(loop);
  csh cs;
  ASSERT_EQ(cs_open(CS_ARCH_X86, CS_MODE_64, &cs), CS_ERR_OK);
  cs_insn* insn = nullptr;
  auto code = loop->code();
  size_t n = cs_disasm(cs, code.data(), code.size(), reinterpret_cast<uint64_t>(code.data()), 0, &insn);
  std::set<uint64_t> starts;
  size_t decoded = 0;
  bool has_ret = false;
  for (size_t k = 0; k < n; k++) {
    starts.insert(insn[k].address - reinterpret_cast<uint64_t>(code.data()));
    decoded += insn[k].size;
    has_ret |= std::string(insn[k].mnemonic) == "ret";
  }
  cs_free(insn, n);
  cs_close(&cs);
  EXPECT_EQ(decoded, code.size());  // no padding or data in the code range
  EXPECT_TRUE(has_ret);
  for (uint32_t i = p.loop.num_inputs(); i < p.loop.num_ops(); i++) {
    EXPECT_TRUE(starts.count(loop->op_offset(i))) << "op " << i;
    if (i > p.loop.num_inputs()) {
      EXPECT_GE(loop->op_offset(i), loop->op_offset(i - 1));
    }
  }
}

}  // namespace
}  // namespace pyrite::jit::x64

namespace pyrite::jit::x64 {
namespace {

using namespace ir;

// Random loops with random bridges: a loop runs until a guard fails, a
// bridge from that guard's failargs (random ops, then a jump back to the
// loop's label) is compiled and attached, and the loop runs again. The
// interpreter follows the same chain by hand (loop -> guard -> bridge ->
// kJumpOut -> run_trace_at ...) with one iteration budget for the whole
// chain, as the compiled code's counter is; exits, memory and the call
// counter must agree.
// PYRITE_X64_SEEDS=N runs N times as many seeds (a long soak; the
// expectations below are minimums, so they hold for any N >= 1).
uint64_t seed_scale() {
  const char* v = std::getenv("PYRITE_X64_SEEDS");
  return v && std::atoi(v) > 0 ? static_cast<uint64_t>(std::atoi(v)) : 1;
}

struct Chain {
  const Trace* loop;
  uint32_t label;
  std::vector<std::pair<uint32_t, const Trace*>> bridges;  // guard op of the loop -> bridge
};

Exit interpret(const Chain& c, std::span<const uint64_t> inputs, uint64_t max_jumps) {
  Runtime rt;
  rt.max_jumps = max_jumps;
  Exit e = run_trace(*c.loop, inputs, rt);
  uint64_t total = 0;
  const Trace* current = c.loop;
  while (true) {
    total += e.jumps;
    const Trace* bridge = nullptr;
    if (e.kind == ExitKind::kGuardFailed && current == c.loop)
      for (auto& [g, b] : c.bridges)
        if (g == e.op) bridge = b;
    if (bridge) {
      std::vector<uint64_t> failargs;
      const SnapshotTable& st = current->snapshots();
      auto frames = st.frames_of(current->op(e.op).snapshot);
      // A bridge's inputs: the failargs without the store frames' (which
      // the exit did, as the glue does in machine code).
      for (Ref r : current->snapshot_values(current->op(e.op).snapshot, /*with_stores=*/false)) {
        bool found = false;
        for (size_t fi = 0; fi < frames.size() && fi < e.frames.size() && !found; fi++) {
          auto entries = st.entries(st.frame(frames[fi]));
          for (size_t j = 0; j < entries.size() && !found; j++)
            if (entries[j].ref == r) failargs.push_back(e.frames[fi].slots[j].value.bits), found = true;
        }
      }
      rt.max_jumps = max_jumps - total;
      if (failargs.size() != bridge->num_inputs()) {
        ADD_FAILURE() << "failargs " << failargs.size() << " bridge inputs " << bridge->num_inputs()
                      << "\n" << print_trace(*current) << "\n" << print_trace(*bridge);
        return e;
      }
      e = run_trace(*bridge, failargs, rt);
      current = bridge;
      continue;
    }
    if (e.kind == ExitKind::kJumpOut) {
      if (total >= max_jumps) {
        e.kind = ExitKind::kIterationLimit;
        e.target = kNoDescr;
        e.jumps = total;
        return e;
      }
      total++;
      std::vector<uint64_t> values;
      for (const ExitValue& v : e.values) values.push_back(v.bits);
      rt.max_jumps = max_jumps - total;
      e = run_trace_at(*c.loop, c.label, values, rt);
      current = c.loop;
      continue;
    }
    e.jumps = total;
    return e;
  }
}

alignas(8) uint8_t g_memory[kRandomTraceMemoryBytes];

uint64_t lookup_loop(void* ctx, DescrId) {
  auto* loop = static_cast<const CompiledTrace*>(ctx);
  return loop->frame_entry(*loop->trace().loop_label());
}

TEST(JitX64Bridge, RandomLoopsWithRandomBridges) {
  int attached = 0, through_bridges = 0, bridge_exits = 0, stores_sunk = 0;
  for (uint64_t seed = 1; seed <= 700 * seed_scale(); seed++) {
    auto descrs = std::make_shared<DescrTable>();
    RandomTraceOptions lo;
    lo.descrs = descrs;
    lo.const_memory = bits_of(g_memory);
    lo.calls = seed % 3 == 0;
    lo.num_int_inputs = 1 + static_cast<int>(seed % 10);
    lo.num_float_inputs = static_cast<int>(seed % 5);
    lo.num_ops = 5 + static_cast<int>(seed % 40);
    if (seed % 2 == 0) lo.const_index_cells = 1 + static_cast<int>(seed % 3);
    std::vector<Type> label_types = {Type::kInt};  // the (unused) memory base inputarg
    for (int k = 0; k < lo.num_int_inputs; k++) label_types.push_back(Type::kInt);
    for (int k = 0; k < lo.num_float_inputs; k++) label_types.push_back(Type::kFloat);
    lo.loop_target = descrs->add_or_die(target_descr("loop", label_types));
    Trace loop = random_trace(seed * 7 + 1, lo);
    // Every other loop through sink: its guards get store frames, which the
    // glue into their bridges and the exits must do.
    if (seed % 2 == 0) loop = opt::sink(opt::heap(loop));
    stores_sunk += loop.num_ops() > 0 && print_trace(loop).find("4294967295@") != std::string::npos;
    ASSERT_TRUE(verify(loop).ok()) << seed << " " << verify(loop).to_string();
    CompileOptions co;
    co.count_jumps = true;
    auto code = compile(loop, co).code;
    ASSERT_TRUE(code);
    Chain chain{&loop, *loop.loop_label(), {}};
    std::vector<Trace> bridges;
    bridges.reserve(4);
    std::vector<std::unique_ptr<CompiledTrace>> bridge_code;
    std::vector<uint64_t> in;
    for (uint32_t k = 0; k < loop.num_inputs(); k++)
      in.push_back(loop.op(k).type == Type::kFloat ? bits_of(k * 0.75 - 1) : seed * 13 + k);
    uint8_t init[kRandomTraceMemoryBytes];
    for (int k = 0; k < kRandomTraceMemoryBytes; k++) init[k] = static_cast<uint8_t>(k * 11 + seed);
    for (int round = 0; round < 4; round++) {
      const uint64_t kMax = 30;
      std::memcpy(g_memory, init, sizeof init);
      reset_random_call_counter();
      Exit x1 = interpret(chain, in, kMax);
      uint8_t after[kRandomTraceMemoryBytes];
      std::memcpy(after, g_memory, sizeof after);
      int64_t counter = random_call_counter();
      std::memcpy(g_memory, init, sizeof init);
      reset_random_call_counter();
      RawExit raw = run_raw(*code, CompiledTrace::kInputs, in, kMax);
      Exit x2 = resolve_exit(*raw.info, raw.frame.data());
      ASSERT_TRUE(x1 == x2) << "seed " << seed << " round " << round << ": interp "
                            << exit_kind_name(x1.kind) << " op " << x1.op << " jumps " << x1.jumps
                            << ", code " << exit_kind_name(x2.kind) << " op " << x2.op << " jumps "
                            << x2.jumps << "\n"
                            << print_trace(loop, {.op_indexes = true});
      ASSERT_EQ(std::memcmp(after, g_memory, sizeof after), 0) << "seed " << seed;
      ASSERT_EQ(counter, random_call_counter()) << "seed " << seed;
      bridge_exits += raw.info->owner != code.get();
      through_bridges += round > 0 && x2.jumps > 0;
      // A guard of the loop failed: give it a bridge.
      if (x2.kind != ExitKind::kGuardFailed || raw.info->owner != code.get()) break;
      RandomTraceOptions bo;
      bo.descrs = descrs;
      bo.loop = false;
      bo.const_memory = lo.const_memory;
      bo.calls = lo.calls;
      bo.jump_to = lo.loop_target;
      bo.num_ops = static_cast<int>((seed + round) % 12);
      bo.input_types.emplace();
      for (Ref r : loop.snapshot_values(loop.op(x2.op).snapshot, /*with_stores=*/false))
        bo.input_types->push_back(loop.type_of(r));
      bridges.push_back(random_trace(seed * 1000 + round, bo));
      const Trace& bridge = bridges.back();
      ASSERT_TRUE(verify(bridge).ok()) << seed << " " << verify(bridge).to_string() << "\n"
                                       << print_trace(bridge);
      CompileOptions bco;
      bco.count_jumps = true;
      bco.ctx = code.get();
      bco.lookup_target = lookup_loop;
      bridge_code.push_back(compile(bridge, bco).code);
      ASSERT_TRUE(bridge_code.back());
      attach_bridge(*code, x2.op, *bridge_code.back());
      chain.bridges.push_back({x2.op, &bridge});
      attached++;
    }
  }
  EXPECT_GT(attached, 300);
  EXPECT_GT(stores_sunk, 4);  // few: random loops load what they store; BF's ctests and bf_fuzz run the glue a lot
  EXPECT_GT(bridge_exits, 100);
  EXPECT_GT(through_bridges, 100);
  printf("%d bridges attached, %d exits from bridges, %d runs through bridges\n", attached,
         bridge_exits, through_bridges);
}

}  // namespace
}  // namespace pyrite::jit::x64
