// copy_label (label.h).
#include "jit/opt/label.h"

#include <unordered_set>
#include <vector>

namespace pyrite::jit::opt {

using namespace ir;

uint32_t copy_label(Rewriter& rw, uint32_t i) {
  const Trace& src = rw.src();
  const Op& op = src.op(i);
  Trace& out = rw.out();
  std::vector<Ref> args;
  std::unordered_set<uint32_t> seen;
  for (Ref a : src.args(op)) {
    Ref m = rw.map(a);
    if (!m.is_value() || !seen.insert(m.index()).second) {
      m = out.emit(Opcode::kSameAs, {m}, kNoDescr, kNoSnapshot, src.type_of(a));
      seen.insert(m.index());
    }
    args.push_back(m);
  }
  Ref l = out.emit(Opcode::kLabel, std::span<const Ref>(args), op.descr);
  auto sargs = src.args(op);
  for (size_t k = 0; k < sargs.size(); k++) rw.forward(sargs[k].index(), args[k]);
  rw.forward(i, l);  // marks the label visited (it has no result)
  return l.index();
}

}  // namespace pyrite::jit::opt
