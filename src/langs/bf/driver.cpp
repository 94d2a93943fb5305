// The BF driver: interpreter, recorder and compiled loops, and BF's frame
// callbacks for snapshots and resumption (docs/bf.md, docs/jit.md
// "Deoptimization").
#include "langs/bf/driver.h"

#include <optional>

#include "jit/ir/ir_printer.h"
#include "jit/trace/concrete_context.h"
#include "jit/trace/tracing_context.h"
#include "langs/bf/interp.h"

namespace pyrite::langs::bf {

namespace {

using jit::trace::ConcreteContext;
using jit::trace::TracingContext;

// BF's frame is one frame of one slot: slot 0 is the tape pointer, the
// resume pc is the instruction index. The recorder's frame (while tracing)
// and the interpreter's frame (to resume into) are both reached from here.
class BfHooks final : public jit::trace::FrameHooks {
 public:
  BfHooks(const Program& prog, Frame<ConcreteContext>& frame, uint32_t& pc)
      : prog_(prog), frame_(frame), pc_(pc) {}
  void set_tracing_frame(Frame<TracingContext>* f) { tracing_ = f; }

  void snapshot(jit::ir::SnapshotBuilder& b, uint32_t pc) override {
    b.push_frame(/*kind=*/0, pc, /*size=*/1);
    b.set(0, tracing_->ptr.ref);
  }
  // "LINE:COLUMN" of the instruction at the key's pc.
  std::string position(const jit::trace::GreenKey& key) override {
    if (key.pc >= prog_.code.size()) return "end";
    const Insn& in = prog_.code[key.pc];
    return std::to_string(in.line) + ":" + std::to_string(in.column);
  }
  // A summarized loop's exit: BF's loops leave the pointer where it was,
  // and the summary lists it anyway.
  bool can_skip_loops() const override { return true; }
  void skip_to(std::span<const jit::trace::TracedFrame> frames) override {
    const jit::trace::TracedFrame& f = frames.back();
    pc_ = f.pc;
    for (const jit::trace::TracedSlot& s : f.slots)
      if (s.slot == 0) tracing_->ptr = {s.w, s.ref};
  }
  void resume(const jit::ir::Exit& exit, std::span<const uint64_t> entry) override {
    const jit::ir::ExitFrame& f = exit.frames.at(0);
    pc_ = f.pc;
    frame_.ptr.w = entry[0];
    for (const jit::ir::ExitSlot& s : f.slots)
      if (s.slot == 0) frame_.ptr.w = s.value.bits;
  }

 private:
  const Program& prog_;
  Frame<ConcreteContext>& frame_;
  uint32_t& pc_;
  Frame<TracingContext>* tracing_ = nullptr;
};

std::string move_error(const Program& prog, const Tape& t, uint64_t ptr, uint32_t pc) {
  const Insn& in = prog.code[pc];
  int64_t to = static_cast<int64_t>(ptr) + in.arg;
  std::string where = " (the move at line " + std::to_string(in.line) + ", column " +
                      std::to_string(in.column) + ")";
  if (to < 0) return "the tape pointer moved left of cell 0" + where;
  return "the tape pointer moved right of the last cell (" + std::to_string(t.size - 1) + ")" + where;
}

}  // namespace

RunResult run_program(const Program& prog, jit::trace::Jit* jit, std::string* trace_log) {
  Tape tape = make_tape();
  ConcreteContext cx(jit);
  Frame<ConcreteContext> frame{ConcreteContext::const_int(0)};
  uint32_t pc = 0;
  BfHooks hooks(prog, frame, pc);
  RunResult result;
  std::optional<jit::trace::BridgeOrigin> bridge;
  for (;;) {
    Event ev;
    if (!bridge) {
      ev = run(cx, prog, tape, frame, pc);
      if (ev == Event::kEnd) break;
      if (ev == Event::kError) {
        result = {false, move_error(prog, tape, frame.ptr.w, pc)};
        break;
      }
      // Event::kJit at a hot loop header: pc is the loop body's first instruction.
      if (cx.action() == jit::trace::HotAction::kEnter) {
        uint64_t reds[] = {frame.ptr.w};
        bridge = jit->execute(static_cast<uint32_t>(jit->counters().cell(cx.cell()).loop), reds,
                              hooks);
        continue;
      }
    }
    // Record: a loop from this hot header, or a bridge from the guard that
    // failed, starting from the state hooks.resume rebuilt.
    std::optional<TracingContext> tcx;
    std::optional<Frame<TracingContext>> tframe;
    if (bridge) {
      tcx.emplace(*jit, std::move(*bridge), hooks);
      bridge.reset();
      tframe.emplace(Frame<TracingContext>{tcx->resumed_slot(0, 0, frame.ptr.w)});
    } else {
      tcx.emplace(*jit, cx.cell(), hooks);
      tframe.emplace(Frame<TracingContext>{tcx->input(jit::ir::Type::kInt, frame.ptr.w)});
      tcx->start_loop();
    }
    hooks.set_tracing_frame(&*tframe);
    ev = run(*tcx, prog, tape, *tframe, pc);
    frame.ptr.w = tframe->ptr.w;  // tracing executed for real: the state is current
    hooks.set_tracing_frame(nullptr);
    if (ev == Event::kEnd || ev == Event::kError) tcx->abort(jit::trace::AbortReason::kLeftLoop);
    if (trace_log && tcx->state() == TracingContext::State::kClosed) {
      jit::ir::Symbols symbols;
      symbols.add("bf_putchar", reinterpret_cast<uint64_t>(&bf_putchar));
      symbols.add("bf_getchar", reinterpret_cast<uint64_t>(&bf_getchar));
      jit::ir::PrintOptions options;
      options.symbols = &symbols;
      const jit::trace::CompiledTrace& t = jit->trace(tcx->installed_loop());
      if (t.kind == jit::trace::TraceKind::kLoop)
        *trace_log += "# loop " + std::to_string(t.id) + " at pc " + std::to_string(t.key.pc) + "\n";
      else
        *trace_log += "# bridge " + std::to_string(t.id) + " from guard " +
                      std::to_string(t.parent_guard) + " of trace " + std::to_string(t.parent) + "\n";
      *trace_log += jit::ir::print_trace(t.trace, options);
    }
    if (ev == Event::kEnd) break;
    if (ev == Event::kError) {
      result = {false, move_error(prog, tape, frame.ptr.w, pc)};
      break;
    }
  }
  bf_flush();
  free_tape(tape);
  return result;
}

}  // namespace pyrite::langs::bf
