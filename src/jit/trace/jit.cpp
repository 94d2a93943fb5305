// The JIT instance: installing loops, executing them, guard failures and
// statistics (docs/jit.md, "Trace selection", "Deoptimization").
#include "jit/trace/jit.h"

#include <algorithm>
#include <cstdio>

#include "base/check.h"
#include "jit/log/jitlog.h"
#include "jit/opt/bounds.h"

namespace pyrite::jit::trace {

Jit::Jit(Params params, JitOptions options)
    : params_(params), options_(std::move(options)), descrs_(std::make_shared<ir::DescrTable>()), counters_(&params_) {
  runtime_.max_jumps = UINT64_MAX;
  runtime_.exception = options_.exception;
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

namespace {

// Whether the body of a peeled loop (after its last label) has a guard the
// optimizer proved always fails: the iteration after the recorded one
// always leaves the loop (it alternates between paths, say), so the loop
// as compiled would run its preamble and exit at each entry.
bool peeled_body_always_leaves(const ir::Trace& t) {
  std::optional<uint32_t> body = t.loop_label();
  if (!body) return false;
  uint32_t labels = 0;
  for (uint32_t i = 0; i < t.num_ops(); i++) labels += t.op(i).opcode == ir::Opcode::kLabel;
  if (labels < 2) return false;
  for (uint32_t i = *body; i < t.num_ops(); i++)
    if (t.op(i).opcode == ir::Opcode::kGuardAlwaysFails) return true;
  return false;
}

}  // namespace

namespace {

// Guard `guard`'s failure as words: what it tests (its opcode, its
// constant operands, the opcodes defining the others), then its resume
// state: per frame its kind, pc, size and entries; per entry its slot and
// flags, and a constant's type and bits or a failarg's type (failargs are
// the non-constant entries, in this order: Trace::snapshot_values). Empty
// for a snapshot with virtuals (no bridge is shared from those).
//
// The test is part of the key so that a bridge goes only to failures of
// the same test: a bridge's own guards at its resume position test the
// other way (guard_false where its parent had guard_true, guard_value on
// the value that failed the parent's), and one of those sharing the
// bridge would loop: fail, re-enter the bridge, fail again.
std::vector<uint64_t> resume_key(const ir::Trace& t, uint32_t guard) {
  std::vector<uint64_t> key;
  const ir::Op& g = t.op(guard);
  ir::SnapshotId s = g.snapshot;
  if (s == ir::kNoSnapshot) return key;
  key.push_back(static_cast<uint64_t>(g.opcode) << 32 | static_cast<uint32_t>(g.descr));
  for (ir::Ref a : t.args(guard)) {
    if (a.is_const()) key.push_back(t.constant(a).bits);
    else if (a.is_value() && a.index() >= t.num_inputs())
      key.push_back(uint64_t{1} << 63 | static_cast<uint64_t>(t.op(a.index()).opcode));
    else key.push_back(uint64_t{1} << 62);
  }
  const ir::SnapshotTable& st = t.snapshots();
  for (uint32_t f : st.frames_of(s)) {
    const ir::SnapFrame& fr = st.frame(f);
    // Store frames are the guard's own (its exit or its glue does them),
    // not the bridge's: they do not keep two guards from sharing one.
    if (ir::is_store_frame(fr.kind)) break;
    key.push_back(uint64_t{fr.kind} << 32 | fr.pc);
    key.push_back(uint64_t{fr.size} << 32 | fr.num_entries);
    for (const ir::SnapEntry& e : st.entries(fr)) {
      if (e.ref.is_virtual()) return {};
      uint64_t head = uint64_t{e.slot} | uint64_t{e.flags} << 16 |
                      uint64_t{static_cast<uint8_t>(t.type_of(e.ref))} << 32;
      if (e.ref.is_const()) {
        key.push_back(head | uint64_t{1} << 40);
        key.push_back(t.constant(e.ref).bits);
      } else {
        key.push_back(head);
      }
    }
  }
  return key;
}

uint64_t hash_words(const std::vector<uint64_t>& words) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ words.size();
  for (uint64_t w : words) h = (h ^ w) * 0xBF58476D1CE4E5B9ull, h ^= h >> 31;
  return h;
}

}  // namespace

bool Jit::prepare(CompiledTrace& t, ir::Trace recorded, bool loop) {
  opt::Options o = options_.opt;
  // A bridge starts knowing what its parent proved about the failargs.
  if (t.parent >= 0) {
    t.input_ranges = failarg_ranges(static_cast<uint32_t>(t.parent), t.parent_guard);
    // Its inputargs are the failargs without the store frames' values.
    if (t.input_ranges.size() > recorded.num_inputs()) t.input_ranges.resize(recorded.num_inputs());
    o.input_ranges = t.input_ranges;
  }
  // A trace that jumps to a peeled loop's entry takes its preamble in and
  // enters the body (opt/preamble.h).
  if (recorded.num_ops() > 0 && recorded.op(recorded.num_ops() - 1).opcode == ir::Opcode::kJump) {
    auto it = label_by_target_.find(static_cast<uint32_t>(recorded.op(recorded.num_ops() - 1).descr));
    if (it != label_by_target_.end()) {
      const CompiledTrace& to = *traces_[it->second.trace];
      if (!to.invalidated && !to.freed && it->second.label == to.label) {
        o.jump_target = &to.trace;
        o.preamble_max_ops = static_cast<uint32_t>(params_.preamble_inline);
      }
    }
  }
  if (log_ && t.log_id != UINT32_MAX) {
    uint32_t id = t.log_id;
    o.observer = [this, id](const char* pass, const ir::Trace& tr) {
      log_->ir(id, std::string_view(pass) == "input" ? "recorded" : pass, tr);
    };
  }
  t.trace = loop ? opt::optimize(recorded, o) : opt::optimize_bridge(recorded, o);
  if (loop && counters_.cell(t.cell).iterations < static_cast<uint32_t>(params_.loop_unroll) &&
      peeled_body_always_leaves(t.trace)) {
    unroll_refused_ = true;
    return false;
  }
  t.guard_failures.assign(t.trace.num_ops(), 0);
  if (!options_.machine_code) return true;
  x64::CompileOptions c;
  c.ctx = this;
  c.allocate = &Jit::allocate;
  c.lookup_target = &Jit::lookup_target;
  c.invalidated = &t.invalidated;
  c.exception = options_.exception;
  c.borrow_trace = true;  // t.trace lives (at one address) as long as t.code
  compiling_jumps_.clear();
  x64::CompileResult r = x64::compile(t.trace, c);
  if (!r.code) {
    if (log_ && t.log_id != UINT32_MAX)
      log_->ir_text(t.log_id, std::string("backend refused: ") + x64::compile_error_name(r.error) +
                                  " at op " + std::to_string(r.op) + ": " + r.message,
                    "", 0);
    return false;
  }
  t.code = std::move(r.code);
  t.code->user = t.id;
  for (uint32_t to : compiling_jumps_) add_jump_edge(t, to);
  if (log_ && t.log_id != UINT32_MAX) {
    std::vector<std::pair<uint32_t, uint32_t>> offsets;
    for (uint32_t i = 0; i < t.trace.num_ops(); i++) offsets.emplace_back(i, t.code->op_offset(i));
    auto bytes = t.code->code();
    log_->code(t.log_id, reinterpret_cast<uint64_t>(bytes.data()), bytes, offsets);
  }
  return true;
}

uint64_t Jit::lookup_target(void* jit, ir::DescrId target) {
  Jit* self = static_cast<Jit*>(jit);
  auto it = self->label_by_target_.find(static_cast<uint32_t>(target));
  if (it == self->label_by_target_.end()) return 0;
  const CompiledTrace& t = *self->traces_[it->second.trace];
  if (!t.code) return 0;
  self->compiling_jumps_.push_back(it->second.trace);
  return t.code->frame_entry(it->second.label);
}

void Jit::add_jump_edge(CompiledTrace& from, uint32_t to) {
  if (from.root == to) return;  // within one tree: freed together
  from.jumps_to.push_back(to);
  traces_[to]->incoming++;
}

void Jit::doom(CompiledTrace& root) {
  root.invalidated = 1;
  if (counters_.cell(root.cell).loop == static_cast<int32_t>(root.id)) counters_.set_loop(root.cell, kNoLoop);
  doomed_.push_back(root.id);
  collect_due_ = true;
}

size_t Jit::collect() {
  if (running_) return 0;
  collect_due_ = false;
  size_t freed = 0;
  // The IR interpreter resolves jumps between trees as it goes, and
  // nothing counts them in `incoming`: a doomed tree that a live trace
  // still enters is kept, and looked at again once a tree was freed.
  std::vector<bool> one_root;
  for (size_t before = SIZE_MAX; before != freed;) {
    before = freed;
    freed += collect_pass(one_root);
  }
  std::erase_if(doomed_, [this](uint32_t id) { return traces_[id]->freed; });
  freed_trees_ += freed;
  return freed;
}

size_t Jit::collect_pass(std::vector<bool>& one_root) {
  size_t freed = 0;
  for (size_t k = 0; k < doomed_.size(); k++) {
    uint32_t root = doomed_[k];
    CompiledTrace& l = *traces_[root];
    if (l.freed || l.incoming > 0) continue;
    if (!options_.machine_code) {
      one_root.assign(traces_.size(), false);
      one_root[root] = true;
      if (std::any_of(traces_.begin(), traces_.end(), [&](const auto& t) {
            return !t->freed && t->root != root && enters(*t, one_root);
          }))
        continue;
    }
    // The tree: the loop and every bridge whose root it is.
    for (auto& t : traces_) {
      if (t->root != root || t->freed) continue;
      for (uint32_t to : t->jumps_to) {
        CompiledTrace& target = *traces_[to];
        if (--target.incoming == 0 && target.invalidated && !target.freed) doomed_.push_back(to);
      }
      t->jumps_to.clear();
      t->code.reset();
      t->trace = ir::Trace(descrs_);
      t->bridges.clear();
      t->guard_failures.clear();
      t->failarg_ranges.clear();
      t->freed = true;
    }
    std::erase_if(label_by_target_, [root](const auto& e) { return e.second.trace == root; });
    freed++;
  }
  return freed;
}

size_t Jit::retire_unused_loops() {
  // Machine code only: there every jump into another tree was linked when
  // it was compiled and counts in `incoming`; the IR interpreter resolves
  // jumps by target as it goes.
  if (!options_.machine_code) return 0;
  size_t retired = 0;
  uint64_t longevity = static_cast<uint64_t>(params_.loop_longevity);
  for (uint32_t id : loop_ids_) {
    CompiledTrace& l = *traces_[id];
    if (l.freed || l.invalidated || l.incoming > 0 || installs_ - l.last_use <= longevity) continue;
    // Nothing else reaches it: unlinked from its location, it can run no
    // more once the machine code now running (if any) returns; its guards
    // fail from now on should that code still be in it.
    doom(l);
    retired++;
  }
  stats_.loops_retired += retired;
  return retired;
}

uint64_t Jit::allocate(void* jit, ir::DescrId size) {
  return static_cast<Jit*>(jit)->runtime_.allocate(static_cast<Jit*>(jit)->descrs_->get(size));
}

int32_t Jit::install(uint32_t cell, ir::Trace recorded, ir::DescrId target, uint32_t log_id) {
  x64::CodeWriteBatch batch;  // the code pages written here turn RX once, at the end
  auto l = std::make_unique<CompiledTrace>(ir::Trace(descrs_));
  uint32_t id = static_cast<uint32_t>(traces_.size());
  l->log_id = log_id;
  l->kind = TraceKind::kLoop;
  l->id = id;
  l->root = id;
  l->key = counters_.cell(cell).key;
  l->cell = cell;
  l->target = target;
  if (params_.loop_summaries)
    if (std::optional<opt::LoopSummary> s = opt::summarize(recorded))
      l->summary = std::make_shared<const opt::LoopSummary>(std::move(*s));
  unroll_refused_ = false;
  if (!prepare(*l, std::move(recorded), /*loop=*/true)) {
    if (unroll_refused_) {
      last_refusal_ = AbortReason::kUnrollLoop;
      stats_.aborts[static_cast<int>(AbortReason::kUnrollLoop)]++;
      counters_.cell(cell).iterations++;
      return kNoLoop;
    }
    last_refusal_ = AbortReason::kBackendFailed;
    record_abort(cell, AbortReason::kBackendFailed);
    return kNoLoop;
  }
  auto label = l->trace.label_of(target);
  PYR_CHECK_MSG(label.has_value(), "installed trace has no entry label");
  l->label = *label;
  for (uint32_t i = 0; i < l->trace.num_ops(); i++) {
    const ir::Op& op = l->trace.op(i);
    if (op.opcode == ir::Opcode::kLabel && op.descr != ir::kNoDescr)
      label_by_target_[static_cast<uint32_t>(op.descr)] = TargetLabel{id, i};
  }
  traces_.push_back(std::move(l));
  loop_ids_.push_back(id);
  counters_.set_loop(cell, static_cast<int32_t>(id));
  stats_.traces_recorded++;
  traces_[id]->last_use = ++installs_;
  if (installs_ % 32 == 0) retire_unused_loops();
  if (log_ && log_id != UINT32_MAX) log_->trace_installed(log_id, id, traces_[id]->trace.num_ops());
  return static_cast<int32_t>(id);
}

int32_t Jit::install_bridge(const BridgeOrigin& origin, ir::Trace recorded, uint32_t log_id) {
  x64::CodeWriteBatch batch;  // the bridge, its glue and the parent's patched guard: RX once, at the end
  CompiledTrace& parent = *traces_[origin.trace];
  auto b = std::make_unique<CompiledTrace>(ir::Trace(descrs_));
  uint32_t id = static_cast<uint32_t>(traces_.size());
  b->log_id = log_id;
  b->kind = TraceKind::kBridge;
  b->id = id;
  b->parent = static_cast<int32_t>(origin.trace);
  b->parent_guard = origin.guard;
  b->root = parent.root;
  if (!prepare(*b, std::move(recorded), /*loop=*/false) || (parent.code && !b->code)) {
    record_bridge_abort(origin, AbortReason::kBackendFailed);
    return kNoLoop;
  }
  if (parent.code) x64::attach_bridge(*parent.code, origin.guard, *b->code);
  parent.bridges[origin.guard].bridge = static_cast<int32_t>(id);
  b->resume_key = resume_key(parent.trace, origin.guard);
  if (!b->resume_key.empty()) bridges_by_resume_[hash_words(b->resume_key)].push_back(id);
  traces_[parent.root]->num_bridges++;
  traces_.push_back(std::move(b));
  stats_.bridges_recorded++;
  if (++installs_ % 32 == 0) retire_unused_loops();
  if (log_ && log_id != UINT32_MAX) {
    log_->trace_installed(log_id, id, traces_[id]->trace.num_ops());
    if (parent.log_id != UINT32_MAX) log_->bridge_attached({parent.log_id, origin.guard}, log_id);
  }
  return static_cast<int32_t>(id);
}

void Jit::record_abort(uint32_t cell, AbortReason why) {
  stats_.aborts[static_cast<int>(why)]++;
  if (why == AbortReason::kUnstablePath) counters_.cell(cell).unstable++;
  else if (why != AbortReason::kExitedLoop) counters_.on_abort(cell);
}

bool Jit::retrace_exited_loop(uint32_t cell) {
  LoopCell& c = counters_.cell(cell);
  if (c.retraces >= static_cast<uint32_t>(params_.loop_retrace)) return false;
  c.retraces++;
  return true;
}

void Jit::record_bridge_abort(const BridgeOrigin& origin, AbortReason why) {
  stats_.aborts[static_cast<int>(why)]++;
  GuardBridge& g = traces_[origin.trace]->bridges[origin.guard];
  g.aborts++;
  // Back off as loop locations do: twice as many failures per abort.
  uint64_t wait = static_cast<uint64_t>(params_.trace_eagerness) << std::min<uint32_t>(g.aborts, 20);
  g.next_try = static_cast<uint32_t>(std::min<uint64_t>(wait, UINT32_MAX));
}

void Jit::depend_on_quasi_immutable(uint64_t address, uint32_t id) {
  std::vector<uint32_t>& ids = quasi_deps_[address];
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

void Jit::invalidate_dependents(uint64_t address) {
  auto it = quasi_deps_.find(address);
  if (it == quasi_deps_.end()) return;
  for (uint32_t id : it->second) {
    CompiledTrace& t = *traces_[id];
    if (t.invalidated || t.freed) continue;
    t.invalidated = 1;
    stats_.invalidations++;
    // The whole tree goes (a bridge is reached only through its loop): the
    // loop is unlinked from its location now and freed by collect().
    doom(*traces_[t.root]);
  }
  quasi_deps_.erase(it);
}

ir::Exit Jit::run(CompiledTrace& t, std::span<const uint64_t> values) {
  runtime_.invalidated = &t.invalidated;
  if (t.kind == TraceKind::kLoop) return ir::run_trace_at(t.trace, t.label, values, runtime_);
  return ir::run_trace(t.trace, values, runtime_);
}

void Jit::register_allocator(ir::DescrId size, uint64_t (*fn)(uint32_t, uint64_t)) {
  allocators_[static_cast<uint32_t>(size)] = fn;
}

bool Jit::wants_bridge(CompiledTrace& t, uint32_t guard) {
  if (t.invalidated || traces_[t.root]->invalidated) return false;
  GuardBridge& g = t.bridges[guard];
  if (g.bridge >= 0 || g.aborts >= static_cast<uint32_t>(params_.max_aborts)) return false;
  if (traces_[t.root]->num_bridges >= static_cast<uint32_t>(params_.max_bridges)) return false;
  uint32_t needed = g.next_try ? g.next_try : static_cast<uint32_t>(params_.trace_eagerness);
  if (t.guard_failures[guard] < needed) return false;
  t.guard_failures[guard] = 0;
  return true;
}

const std::vector<opt::IntRange>& Jit::failarg_ranges(uint32_t trace, uint32_t guard) {
  CompiledTrace& t = *traces_[trace];
  if (t.failarg_ranges.empty()) t.failarg_ranges = opt::failarg_ranges_of_all(t.trace, t.input_ranges);
  return t.failarg_ranges[guard];
}

bool Jit::share_bridge(CompiledTrace& t, uint32_t guard) {
  if (!params_.share_bridges) return false;
  // Not from a bridge's first instruction (before its second
  // debug_merge_point): there it re-checks, on the state its guard failed
  // with, what that guard tested, and has done nothing yet. A shared bridge
  // entered from there that failed the same way before doing anything
  // could come back to it: a cycle of guard failures on one unchanged
  // state. Every other guard failure comes after the trace made progress,
  // so a chain of shared bridges is a path through the program.
  if (t.kind == TraceKind::kBridge) {
    uint32_t merge_points = 0;
    for (uint32_t i = 0; i < guard && merge_points < 2; i++)
      merge_points += t.trace.op(i).opcode == ir::Opcode::kDebugMergePoint;
    if (merge_points < 2) return false;
  }
  std::vector<uint64_t> key = resume_key(t.trace, guard);
  if (key.empty()) return false;
  auto it = bridges_by_resume_.find(hash_words(key));
  if (it == bridges_by_resume_.end()) return false;
  const std::vector<opt::IntRange>* ranges = nullptr;  // computed once a candidate is found
  for (uint32_t id : it->second) {
    CompiledTrace& b = *traces_[id];
    if (b.freed || b.invalidated || traces_[b.root]->invalidated || b.resume_key != key) continue;
    if (options_.machine_code && !b.code) continue;
    if (!ranges) ranges = &failarg_ranges(t.id, guard);
    bool within = true;
    for (size_t k = 0; k < b.input_ranges.size() && within; k++) {
      opt::IntRange r = k < ranges->size() ? (*ranges)[k] : opt::IntRange{};
      within = r.lo >= b.input_ranges[k].lo && r.hi <= b.input_ranges[k].hi;
    }
    if (!within) continue;
    if (&b == &t && drop_unrolled_loop(t)) return true;
    if (t.code) x64::attach_bridge(*t.code, guard, *b.code);
    t.bridges[guard].bridge = static_cast<int32_t>(id);
    // The bridge's tree must outlive this guard's patch, as a loop this
    // tree jumps into does.
    if (b.root != t.root) add_jump_edge(t, b.root);
    stats_.bridges_shared++;
    if (log_ && t.log_id != UINT32_MAX && b.log_id != UINT32_MAX) log_->bridge_attached({t.log_id, guard}, b.log_id);
    return true;
  }
  return false;
}

bool Jit::enters(const CompiledTrace& t, const std::vector<bool>& roots) const {
  for (uint32_t i = 0; i < t.trace.num_ops(); i++) {
    const ir::Op& op = t.trace.op(i);
    if (op.opcode != ir::Opcode::kJump || op.descr == ir::kNoDescr) continue;
    auto l = label_by_target_.find(static_cast<uint32_t>(op.descr));
    if (l != label_by_target_.end() && roots[traces_[l->second.trace]->root]) return true;
  }
  for (const auto& [guard, g] : t.bridges)
    if (g.bridge >= 0 && roots[traces_[g.bridge]->root]) return true;
  return false;
}

bool Jit::drop_unrolled_loop(const CompiledTrace& b) {
  CompiledTrace& loop = *traces_[b.root];
  if (loop.kind != TraceKind::kLoop) return false;
  LoopCell& cell = counters_.cell(loop.cell);
  if (cell.iterations < 2 || cell.drops >= static_cast<uint32_t>(params_.loop_unroll_drop)) return false;
  cell.drops++;
  cell.iterations = 1;
  cell.unstable = 0;
  stats_.unrolled_dropped++;
  // The trees to drop: the loop's, then every tree with a jump to a label
  // of one of them or a guard patched to one of their bridges (it would
  // go on entering the dropped code), to a fixed point.
  std::vector<bool> dropped(traces_.size());
  dropped[loop.id] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& t : traces_) {
      if (t->freed || dropped[t->root] || !enters(*t, dropped)) continue;
      dropped[t->root] = grew = true;
    }
  }
  for (uint32_t id = 0; id < traces_.size(); id++) {
    CompiledTrace& l = *traces_[id];
    if (!dropped[id] || l.invalidated) continue;
    doom(l);
    if (id != loop.id) stats_.trees_dropped++;
  }
  return true;
}

namespace {

// The words of a failing guard's failargs (Trace::snapshot_values order)
// read back from the exit's resolved frames, or nullopt when the snapshot
// has virtuals (a bridge cannot start from those yet).
std::optional<std::vector<uint64_t>> failarg_words(const ir::Trace& t, const ir::Exit& e) {
  const ir::SnapshotTable& st = t.snapshots();
  std::vector<uint64_t> out;
  std::vector<bool> seen(t.num_ops());
  auto frames = st.frames_of(e.snapshot);
  for (size_t j = 0; j < frames.size(); j++) {
    if (ir::is_store_frame(st.frame(frames[j]).kind)) break;  // done by the exit, not bridge inputs
    auto entries = st.entries(st.frame(frames[j]));
    for (size_t k = 0; k < entries.size(); k++) {
      ir::Ref r = entries[k].ref;
      if (r.is_virtual()) return std::nullopt;
      if (!r.is_value() || seen[r.index()]) continue;
      seen[r.index()] = true;
      out.push_back(e.frames[j].slots[k].value.bits);
    }
  }
  return out;
}

}  // namespace

// A guard with nothing attached failed (and was counted): the language
// rebuilds its state from the exit, and the guard may now want a bridge,
// recorded from its failargs (`failargs()`: their words, or nullopt when
// the snapshot has virtuals).
template <class Failargs>
std::optional<BridgeOrigin> Jit::leave(CompiledTrace& t, const ir::Exit& e,
                                       std::span<const uint64_t> entry, FrameHooks& hooks,
                                       Failargs failargs) {
  hooks.resume(e, entry);
  if (!wants_bridge(t, e.op) || share_bridge(t, e.op)) return std::nullopt;
  std::optional<std::vector<uint64_t>> in = failargs();
  if (!in) return std::nullopt;
  return BridgeOrigin{t.id, e.op, std::move(*in)};
}

std::optional<BridgeOrigin> Jit::execute_machine_code(CompiledTrace* t,
                                                      std::span<const uint64_t> reds,
                                                      FrameHooks& hooks) {
  // Compiled code runs in one jit frame: loop entries, jumps between traces
  // and bridges (patched into their guards) stay in machine code; only an
  // exit with nothing attached comes back here.
  size_t words = x64::max_frame_words();
  if (frame_.size() < words) frame_.resize(words);
  std::copy(reds.begin(), reds.end(), frame_.begin() + x64::kFrameValues);
  const x64::ExitInfo* x = x64::enter(*t->code, t->label, frame_.data());
  for (;;) {
    CompiledTrace* owner = traces_[x->owner->user].get();
    switch (x->kind) {
      case ir::ExitKind::kGuardFailed: {
        owner->guard_failures[x->op]++;
        stats_.guard_failures++;
        const uint64_t* v = frame_.data() + x64::kFrameValues;
        // One exit per execute() depth, reused (its vectors keep their storage).
        while (exits_.size() < running_) exits_.push_back(std::make_unique<ir::Exit>());
        ir::Exit& exit = *exits_[running_ - 1];
        x64::resolve_exit(*x, frame_.data(), exit);
        return leave(*owner, exit, reds, hooks,
                     [&] { return std::optional(std::vector<uint64_t>(v, v + x->num_values)); });
      }
      case ir::ExitKind::kJumpOut: {
        // A jump compiled before its target loop was: enter the target now
        // (the jump's operands are already where its label's values go).
        ir::DescrId target = owner->trace.op(x->op).descr;
        auto it = label_by_target_.find(static_cast<uint32_t>(target));
        PYR_CHECK_MSG(it != label_by_target_.end(), "jump to an unknown target");
        CompiledTrace* next = traces_[it->second.trace].get();
        uint32_t label = it->second.label;
        PYR_CHECK_MSG(next->code != nullptr, "jump to a loop without machine code");
        stats_.jumps_between_traces++;
        next->entered++;
        // From now on that jump goes straight there.
        x64::link_jump(*owner->code, x->op, next->code->frame_entry(label));
        add_jump_edge(*owner, next->id);
        words = x64::max_frame_words();
        if (frame_.size() < words) frame_.resize(words);
        x = x64::enter(*next->code, label, frame_.data());
        break;
      }
      default:
        PYR_CHECK_MSG(false, ir::exit_kind_name(x->kind));
    }
  }
}

std::optional<BridgeOrigin> Jit::execute(uint32_t loop, std::span<const uint64_t> reds,
                                         FrameHooks& hooks) {
  // A doomed tree can become free only when another is doomed (machine
  // code also counts down `incoming` as collect frees trees): otherwise
  // collect would look at the same trees again at every entry (and the
  // IR interpreter backend scan every trace for jumps into them).
  if (collect_due_) collect();
  CompiledTrace* t = traces_[loop].get();
  stats_.loops_entered++;
  t->entered++;
  t->last_use = installs_;
  if (t->code) {
    running_++;
    std::optional<BridgeOrigin> b = execute_machine_code(t, reds, hooks);
    running_--;
    return b;
  }
  std::vector<uint64_t> entry(reds.begin(), reds.end());
  ir::Exit e = run(*t, entry);
  for (;;) {
    switch (e.kind) {
      case ir::ExitKind::kGuardFailed: {
        t->guard_failures[e.op]++;
        stats_.guard_failures++;
        auto it = t->bridges.find(e.op);
        if (it != t->bridges.end() && it->second.bridge >= 0) {
          auto in = failarg_words(t->trace, e);
          PYR_CHECK_MSG(in.has_value(), "a bridge hangs from a guard with virtuals");
          t = traces_[it->second.bridge].get();
          t->entered++;
          stats_.bridges_entered++;
          e = run(*t, *in);
          break;
        }
        return leave(*t, e, entry, hooks, [&] { return failarg_words(t->trace, e); });
      }
      case ir::ExitKind::kJumpOut: {
        auto it = label_by_target_.find(static_cast<uint32_t>(e.target));
        PYR_CHECK_MSG(it != label_by_target_.end(), "jump to an unknown target");
        t = traces_[it->second.trace].get();
        entry.clear();
        for (const ir::ExitValue& v : e.values) entry.push_back(v.bits);
        stats_.jumps_between_traces++;
        t->entered++;
        runtime_.invalidated = &t->invalidated;
        e = ir::run_trace_at(t->trace, it->second.label, entry, runtime_);
        break;
      }
      case ir::ExitKind::kIterationLimit: {
        // The values are the jump's operands: continue at the label it targets
        // (a peeled loop's body label, not its entry).
        const ir::Op& jump = t->trace.op(e.op);
        std::optional<uint32_t> label =
            jump.descr != ir::kNoDescr ? t->trace.label_of(jump.descr) : t->trace.loop_label();
        PYR_CHECK_MSG(label.has_value(), "an iteration limit at a jump with no label in its trace");
        entry.clear();
        for (const ir::ExitValue& v : e.values) entry.push_back(v.bits);
        runtime_.invalidated = &t->invalidated;
        e = ir::run_trace_at(t->trace, *label, entry, runtime_);
        break;
      }
      default:
        PYR_CHECK_MSG(false, ir::exit_kind_name(e.kind));
    }
  }
}

void Jit::log_counters() {
  if (!log_) return;
  for (const auto& t : traces_) {
    if (t->log_id == UINT32_MAX) continue;
    std::vector<std::pair<uint32_t, uint64_t>> failures;
    for (uint32_t i = 0; i < t->guard_failures.size(); i++)
      if (t->guard_failures[i]) failures.emplace_back(i, t->guard_failures[i]);
    log_->counters(t->log_id, t->entered, failures);
  }
  std::vector<std::pair<std::string, uint64_t>> totals = {
      {"loops_recorded", stats_.traces_recorded},   {"bridges_recorded", stats_.bridges_recorded},
      {"bridges_shared", stats_.bridges_shared},
      {"aborts", stats_.total_aborts()},            {"loops_entered", stats_.loops_entered},
      {"bridges_entered", stats_.bridges_entered},  {"guard_failures", stats_.guard_failures},
      {"jumps_between_traces", stats_.jumps_between_traces}, {"invalidations", stats_.invalidations}};
  log_->stats(stats_text(), totals);
}

std::string Jit::stats_text() const {
  std::string out;
  char line[256];
  auto add = [&](const char* fmt, auto... a) {
    std::snprintf(line, sizeof line, fmt, a...);
    out += line;
  };
  uint64_t failing_guards = 0;
  for (const auto& t : traces_) failing_guards += t->bridges.size();
  add("jitstats: backend: %s\n", options_.machine_code ? "x86-64 machine code" : "IR interpreter");
  add("jitstats: loops started %llu, recorded %llu; bridges started %llu, recorded %llu, shared %llu; aborted %llu\n",
      (unsigned long long)stats_.traces_started, (unsigned long long)stats_.traces_recorded,
      (unsigned long long)stats_.bridges_started, (unsigned long long)stats_.bridges_recorded,
      (unsigned long long)stats_.bridges_shared, (unsigned long long)stats_.total_aborts());
  for (int i = 0; i < kNumAbortReasons; i++)
    if (stats_.aborts[i])
      add("jitstats:   abort %-22s %llu  (%s)\n", abort_reason_name(static_cast<AbortReason>(i)),
          (unsigned long long)stats_.aborts[i], abort_reason_message(static_cast<AbortReason>(i)));
  add("jitstats: ops recorded %llu\n", (unsigned long long)stats_.ops_recorded);
  if (stats_.paths_repeated)
    add("jitstats: loops closed once their path repeated %llu (%llu over two iterations that alternate)\n",
        (unsigned long long)stats_.paths_repeated, (unsigned long long)stats_.paths_alternated);
  if (stats_.loops_summarized) {
    size_t with_summary = 0;
    for (uint32_t id : loop_ids_) with_summary += traces_[id]->summary != nullptr;
    add("jitstats: loops with a summary %zu, inner loop runs recorded as their summary %llu (%llu at the loop's "
        "entry); bridges kept with summaries %llu, cut back to their first one %llu\n",
        with_summary, (unsigned long long)stats_.loops_summarized,
        (unsigned long long)stats_.loops_summarized_at_entry, (unsigned long long)stats_.bridges_summarized,
        (unsigned long long)stats_.bridges_cut);
  }
  if (options_.machine_code)
    add("jitstats: loops entered %llu, jumps to loops compiled later %llu (bridges and jumps inside machine code are not counted)\n",
        (unsigned long long)stats_.loops_entered, (unsigned long long)stats_.jumps_between_traces);
  else
    add("jitstats: loops entered %llu, bridges entered %llu, jumps between traces %llu\n",
        (unsigned long long)stats_.loops_entered, (unsigned long long)stats_.bridges_entered,
        (unsigned long long)stats_.jumps_between_traces);
  add("jitstats: guard failures %llu (%llu guards failed at least once)\n",
      (unsigned long long)stats_.guard_failures, (unsigned long long)failing_guards);
  if (stats_.unrolled_dropped)
    add("jitstats: loops traced over several iterations dropped as their iterations stopped alternating %llu "
        "(trees that jumped into them dropped with them %llu)\n",
        (unsigned long long)stats_.unrolled_dropped, (unsigned long long)stats_.trees_dropped);
  if (stats_.invalidations || stats_.loops_retired)
    add("jitstats: traces invalidated by quasi-immutable writes %llu, loops unused for loop_longevity %llu, "
        "loop trees freed %zu\n",
        (unsigned long long)stats_.invalidations, (unsigned long long)stats_.loops_retired, freed_trees_);
  add("jitstats: locations %zu, blacklisted %zu\n", counters_.num_cells(), counters_.num_blacklisted());
  return out;
}

}  // namespace pyrite::jit::trace
