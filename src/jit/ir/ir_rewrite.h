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

class Rewriter {
 public:
  // Starts the output with the source's inputargs (mapped one to one).
  explicit Rewriter(const Trace& src);

  const Trace& src() const { return src_; }
  Trace& out() { return out_; }
  Builder& builder() { return builder_; }

  // The output's Ref for a source operand or snapshot entry.
  Ref map(Ref r);
  // From now on uses of source op `src_op`'s result become `to` (an output
  // Ref): how a pass folds, CSEs or removes an op.
  void forward(uint32_t src_op, Ref to);
  // Emits source op `src_op` with mapped operands and snapshot, maps its
  // result to the copy and returns it.
  Ref copy(uint32_t src_op);
  // The source snapshot re-built with mapped entries.
  SnapshotId map_snapshot(SnapshotId s);

  // The identity pass over the ops not yet copied: copy() each of them.
  void copy_rest();
  // Ends the rewrite; the rewriter must not be used afterwards.
  Trace take() { return std::move(out_); }

  uint32_t next_op() const { return next_; }  // the first source op not yet visited

 private:
  Ref map_virtual(uint32_t src_index);

  const Trace& src_;
  Trace out_;
  Builder builder_;
  std::vector<Ref> map_;  // per source op
  // Per source snapshot: (generation, mapped id); valid while generation == memo_gen_.
  std::vector<std::pair<uint32_t, SnapshotId>> snapshot_memo_;
  uint32_t memo_gen_ = 1;
  SnapshotBuilder snapshot_scratch_;  // reused by map_snapshot
  std::vector<Ref> args_scratch_;     // reused by copy
  std::unordered_map<uint32_t, Ref> virtual_memo_;
  uint32_t next_ = 0;
};

// A copy of `t` (sharing its descriptors): what a pass returns when it
// finds nothing to change. The same as the identity rewrite, but a plain
// copy of the arrays, without re-building snapshots.
Trace copy_trace(const Trace& t);

}  // namespace pyrite::jit::ir
