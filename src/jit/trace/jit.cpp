// The JIT instance: installing loops, executing them, guard failures and
// statistics (docs/jit.md, "Trace selection", "Deoptimization").
#include "jit/trace/jit.h"

#include <cstdio>

#include "base/check.h"

namespace pyrite::jit::trace {

Jit::Jit(Params params)
    : params_(params), descrs_(std::make_shared<ir::DescrTable>()), counters_(&params_) {
  runtime_.max_jumps = UINT64_MAX;
  runtime_.allocate = [this](const ir::Descr& size) -> uint64_t {
    // Descriptors are interned by name, so find() gives the registered id.
    auto it = allocators_.find(static_cast<uint32_t>(descrs_->find(size.name)));
    PYR_CHECK_MSG(it != allocators_.end(), "new op without a registered allocator");
    return it->second(size.alloc_size, size.class_value);
  };
}

int32_t Jit::loop_at(const GreenKey& key) const {
  const LoopCell* c = counters_.find(key);
  return c ? c->loop : kNoLoop;
}

ir::DescrId Jit::new_target(std::span<const ir::Type> types) {
  std::string name = "loop" + std::to_string(targets_made_++);
  return descrs_->add_or_die(ir::target_descr(name, {types.begin(), types.end()}));
}

uint32_t Jit::install(uint32_t cell, ir::Trace trace, ir::DescrId target) {
  auto l = std::make_unique<CompiledLoop>(std::move(trace));
  l->key = counters_.cell(cell).key;
  l->cell = cell;
  l->target = target;
  auto label = l->trace.label_of(target);
  PYR_CHECK_MSG(label.has_value(), "installed trace has no entry label");
  l->label = *label;
  l->guard_failures.assign(l->trace.num_ops(), 0);
  uint32_t index = static_cast<uint32_t>(loops_.size());
  loop_by_target_[static_cast<uint32_t>(target)] = index;
  loops_.push_back(std::move(l));
  counters_.set_loop(cell, static_cast<int32_t>(index));
  stats_.traces_recorded++;
  return index;
}

void Jit::record_abort(uint32_t cell, AbortReason why) {
  stats_.aborts[static_cast<int>(why)]++;
  counters_.on_abort(cell);
}

void Jit::register_allocator(ir::DescrId size, uint64_t (*fn)(uint32_t, uint64_t)) {
  allocators_[static_cast<uint32_t>(size)] = fn;
}

void Jit::execute(uint32_t loop, std::span<const uint64_t> reds, FrameHooks& hooks) {
  CompiledLoop* l = loops_[loop].get();
  std::vector<uint64_t> entry(reds.begin(), reds.end());
  stats_.loops_entered++;
  l->entered++;
  ir::Exit e = ir::run_trace_at(l->trace, l->label, entry, runtime_);
  for (;;) {
    switch (e.kind) {
      case ir::ExitKind::kGuardFailed:
        l->guard_failures[e.op]++;
        stats_.guard_failures++;
        hooks.resume(e, entry);
        return;
      case ir::ExitKind::kJumpOut: {
        auto it = loop_by_target_.find(static_cast<uint32_t>(e.target));
        PYR_CHECK_MSG(it != loop_by_target_.end(), "jump to an unknown target");
        l = loops_[it->second].get();
        entry.clear();
        for (const ir::ExitValue& v : e.values) entry.push_back(v.bits);
        stats_.jumps_between_traces++;
        l->entered++;
        e = ir::run_trace_at(l->trace, l->label, entry, runtime_);
        break;
      }
      case ir::ExitKind::kIterationLimit:
        entry.clear();
        for (const ir::ExitValue& v : e.values) entry.push_back(v.bits);
        e = ir::run_trace_at(l->trace, l->label, entry, runtime_);
        break;
      default:
        PYR_CHECK_MSG(false, ir::exit_kind_name(e.kind));
    }
  }
}

std::string Jit::stats_text() const {
  std::string out;
  char line[256];
  auto add = [&](const char* fmt, auto... a) {
    std::snprintf(line, sizeof line, fmt, a...);
    out += line;
  };
  uint64_t hot_guards = 0, failing_guards = 0;
  for (const auto& l : loops_)
    for (uint32_t n : l->guard_failures) {
      failing_guards += n > 0;
      hot_guards += n >= static_cast<uint64_t>(params_.trace_eagerness);
    }
  add("jitstats: backend: IR interpreter (no machine code yet)\n");
  add("jitstats: traces started %llu, recorded %llu, aborted %llu\n",
      (unsigned long long)stats_.traces_started, (unsigned long long)stats_.traces_recorded,
      (unsigned long long)stats_.total_aborts());
  for (int i = 0; i < kNumAbortReasons; i++)
    if (stats_.aborts[i])
      add("jitstats:   abort %-22s %llu  (%s)\n", abort_reason_name(static_cast<AbortReason>(i)),
          (unsigned long long)stats_.aborts[i], abort_reason_message(static_cast<AbortReason>(i)));
  add("jitstats: ops recorded %llu\n", (unsigned long long)stats_.ops_recorded);
  add("jitstats: loops entered %llu, jumps between traces %llu\n",
      (unsigned long long)stats_.loops_entered, (unsigned long long)stats_.jumps_between_traces);
  add("jitstats: guard failures %llu (%llu guards failed, %llu past trace_eagerness=%lld: bridge candidates)\n",
      (unsigned long long)stats_.guard_failures, (unsigned long long)failing_guards,
      (unsigned long long)hot_guards, (long long)params_.trace_eagerness);
  add("jitstats: locations %zu, blacklisted %zu\n", counters_.num_cells(), counters_.num_blacklisted());
  return out;
}

}  // namespace pyrite::jit::trace
