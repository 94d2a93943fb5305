// Rewriter: the scaffolding of a forward pass (docs/jit.md, "Passes").
// A pass reads the source trace in order and emits into a new one that
// shares its descriptor table; the rewriter maps every source Ref to its
// replacement (constants keep their Refs: the output starts with the
// source's pool; snapshots and virtuals re-built with mapped entries), so a pass only says what differs.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "jit/ir/ir.h"

namespace pyrite::jit::ir {

// Copies ops of a source trace into an output trace that shares its
// descriptor table, mapping every source Ref (values as bound or copied,
// constants, virtuals, snapshots). The Rewriter's machinery, and on its
// own how a pass splices ops of another trace into its output (a loop's
// preamble into a trace that jumps to it: opt/preamble.h). With
// `shared_pool` the output started with the source's constant pool, so a
// constant maps to itself; otherwise constants are interned into the output.
class Copier {
 public:
  Copier(const Trace& src, Trace& out, bool shared_pool);

  Ref map(Ref r);
  // Whether source op `src_op` is mapped yet.
  bool mapped(uint32_t src_op) const { return !map_[src_op].is_none(); }
  void forward(uint32_t src_op, Ref to);
  Ref copy(uint32_t src_op);
  SnapshotId map_snapshot(SnapshotId s);

 private:
  Ref map_virtual(uint32_t src_index);

  const Trace& src_;
  Trace& out_;
  bool shared_pool_;
  std::vector<Ref> map_;  // per source op
  // Per source snapshot: (generation, mapped id); valid while generation == memo_gen_.
  std::vector<std::pair<uint32_t, SnapshotId>> snapshot_memo_;
  uint32_t memo_gen_ = 1;
  SnapshotBuilder snapshot_scratch_;  // reused by map_snapshot
  std::vector<Ref> args_scratch_;     // reused by copy
  std::unordered_map<uint32_t, Ref> virtual_memo_;
};

class Rewriter {
 public:
  // Starts the output with the source's inputargs (mapped one to one).
  explicit Rewriter(const Trace& src);

  const Trace& src() const { return src_; }
  Trace& out() { return out_; }
  Builder& builder() { return builder_; }

  // The output's Ref for a source operand or snapshot entry.
  Ref map(Ref r) { return copier_.map(r); }
  // From now on uses of source op `src_op`'s result become `to` (an output
  // Ref): how a pass folds, CSEs or removes an op.
  void forward(uint32_t src_op, Ref to) {
    copier_.forward(src_op, to);
    if (src_op >= next_) next_ = src_op + 1;
  }
  // Emits source op `src_op` with mapped operands and snapshot, maps its
  // result to the copy and returns it.
  Ref copy(uint32_t src_op) {
    Ref r = copier_.copy(src_op);
    if (src_op >= next_) next_ = src_op + 1;
    return r;
  }
  // The source snapshot re-built with mapped entries.
  SnapshotId map_snapshot(SnapshotId s) { return copier_.map_snapshot(s); }

  // The identity pass over the ops not yet copied: copy() each of them.
  void copy_rest();
  // Ends the rewrite; the rewriter must not be used afterwards.
  Trace take() { return std::move(out_); }

  uint32_t next_op() const { return next_; }  // the first source op not yet visited

 private:
  const Trace& src_;
  Trace out_;
  Builder builder_;
  Copier copier_;
  uint32_t next_ = 0;
};

// A copy of `t` (sharing its descriptors): what a pass returns when it
// finds nothing to change. The same as the identity rewrite, but a plain
// copy of the arrays, without re-building snapshots.
Trace copy_trace(const Trace& t);

}  // namespace pyrite::jit::ir
