// Running compiled code from C++ and turning its exits into ir::Exit
// (docs/jit_x64.md, "Exits"). resolve_exit mirrors the IR interpreter's
// guard failure exactly, reading failarg values from the jit frame instead
// of the interpreter's registers, so the two compare whole.
#include <algorithm>

#include "base/check.h"
#include "jit/x64/backend.h"

namespace pyrite::jit::x64 {

using ir::Ref;

RawExit run_raw(const CompiledTrace& t, uint32_t label, std::span<const uint64_t> values,
                uint64_t max_jumps) {
  uint64_t address = t.entry(label);
  PYR_CHECK_MSG(address != 0, "no such entry");
  RawExit out;
  out.frame.assign(std::max<size_t>(max_frame_words(), kFrameValues + values.size()), 0);
  out.frame[kFrameJumps] = 0;
  out.frame[kFrameMaxJumps] = max_jumps;
  std::copy(values.begin(), values.end(), out.frame.begin() + kFrameValues);
  auto fn = reinterpret_cast<const ExitInfo* (*)(uint64_t*)>(address);
  out.info = fn(out.frame.data());
  return out;
}

ir::Exit run(const CompiledTrace& t, std::span<const uint64_t> inputs, uint64_t max_jumps) {
  PYR_CHECK(inputs.size() == t.trace().num_inputs());
  RawExit r = run_raw(t, CompiledTrace::kInputs, inputs, max_jumps);
  // Resolved into one exit reused from run to run, as the Jit does, so
  // that the backend tests (which compare every exit with the IR
  // interpreter's) cover an exit overwritten from the last one.
  static thread_local ir::Exit reused;
  resolve_exit(*r.info, r.frame.data(), reused);
  return reused;
}

ir::Exit run_at(const CompiledTrace& t, uint32_t label, std::span<const uint64_t> values,
                uint64_t max_jumps) {
  PYR_CHECK(t.trace().op(label).opcode == ir::Opcode::kLabel);
  PYR_CHECK(values.size() == t.trace().args(label).size());
  RawExit r = run_raw(t, label, values, max_jumps);
  return resolve_exit(*r.info, r.frame.data());
}

namespace {

class Resolver {
 public:
  Resolver(const ir::Trace& t, const std::vector<Ref>& failargs, const uint64_t* values)
      : t_(t), failargs_(failargs), values_(values) {}

  ir::ExitValue resolve(Ref r, ir::Exit& exit) {
    if (r.is_const()) return ir::ExitValue{t_.type_of(r), t_.constant(r).bits};
    if (r.is_value()) return ir::ExitValue{t_.type_of(r), value_of(r)};
    for (size_t k = 0; k < seen_.size(); k++)
      if (seen_[k] == r.index()) return ir::ExitValue{ir::Type::kRef, 0, static_cast<int32_t>(k)};
    seen_.push_back(r.index());
    int32_t index = static_cast<int32_t>(exit.virtuals.size());
    const ir::VirtualObject& vo = t_.snapshots().virtual_object(r.index());
    exit.virtuals.push_back(ir::ExitVirtual{vo.descr, vo.with_vtable, vo.length, {}});
    std::vector<ir::ExitVirtual::Field> fields;
    for (const ir::VirtualField& f : t_.snapshots().fields(vo))
      fields.push_back(ir::ExitVirtual::Field{f.descr, f.index, resolve(f.value, exit)});
    exit.virtuals[index].fields = std::move(fields);
    return ir::ExitValue{ir::Type::kRef, 0, index};
  }

 private:
  // Failargs are few (one or two per BF guard): a linear search beats a
  // hash map built per exit.
  uint64_t value_of(Ref r) const {
    for (size_t k = 0; k < failargs_.size(); k++)
      if (failargs_[k] == r) return values_[k];
    PYR_CHECK_MSG(false, "a snapshot value that is not a failarg");
    return 0;
  }
  const ir::Trace& t_;
  const std::vector<Ref>& failargs_;
  const uint64_t* values_;
  std::vector<uint32_t> seen_;
};

}  // namespace

const std::vector<Ref>& CompiledTrace::failargs(const ExitInfo& e) const {
  size_t k = static_cast<size_t>(&e - exits_.get());
  PYR_CHECK(k < num_exits_);
  if (failargs_known_.empty()) {
    failargs_.resize(num_exits_);
    failargs_known_.assign(num_exits_, false);
  }
  if (!failargs_known_[k]) {
    failargs_[k] = trace().snapshot_values(trace().op(e.op).snapshot);
    failargs_known_[k] = true;
  }
  return failargs_[k];
}

ir::Exit resolve_exit(const ExitInfo& e, const uint64_t* frame) {
  ir::Exit exit;
  resolve_exit(e, frame, exit);
  return exit;
}

void resolve_exit(const ExitInfo& e, const uint64_t* frame, ir::Exit& exit) {
  const ir::Trace& t = e.owner->trace();
  const uint64_t* values = frame + kFrameValues;
  exit.kind = e.kind;
  exit.op = e.op;
  exit.snapshot = ir::kNoSnapshot;
  exit.virtuals.clear();
  exit.values.clear();
  exit.target = ir::kNoDescr;
  exit.jumps = frame[kFrameJumps];
  // Frames are overwritten in place: an exit reused keeps its vectors'
  // storage (Jit::execute_machine_code resolves every exit into one).
  size_t frames = 0;
  switch (e.kind) {
    case ir::ExitKind::kGuardFailed: {
      const ir::Op& op = t.op(e.op);
      exit.snapshot = op.snapshot;
      Resolver r(t, e.owner->failargs(e), values);
      const ir::SnapshotTable& st = t.snapshots();
      for (uint32_t fid : st.frames_of(op.snapshot)) {
        const ir::SnapFrame& f = st.frame(fid);
        if (ir::is_store_frame(f.kind)) {  // done now, not shown
          ir::do_store_frame(t, f, [&](ir::Ref x) { return r.resolve(x, exit).bits; });
          continue;
        }
        if (frames == exit.frames.size()) exit.frames.emplace_back();
        ir::ExitFrame& ef = exit.frames[frames++];
        ef.kind = f.kind;
        ef.pc = f.pc;
        ef.size = f.size;
        ef.slots.clear();
        for (const ir::SnapEntry& s : st.entries(f)) ef.slots.push_back(ir::ExitSlot{s.slot, r.resolve(s.ref, exit)});
      }
      break;
    }
    case ir::ExitKind::kJumpOut:
      exit.target = t.op(e.op).descr;
      [[fallthrough]];
    default: {
      auto args = t.args(e.op);
      for (size_t k = 0; k < args.size(); k++)
        exit.values.push_back(ir::ExitValue{t.type_of(args[k]), values[k]});
      break;
    }
  }
  exit.frames.resize(frames);
}

}  // namespace pyrite::jit::x64
