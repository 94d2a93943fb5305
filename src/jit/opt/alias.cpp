// Locations and aliasing (alias.h).
#include "jit/opt/alias.h"

#include "jit/opt/label.h"

namespace pyrite::jit::opt {

using namespace ir;

OpAccess access_of(Opcode op) {
  switch (op) {
    case Opcode::kGetfieldGcI: case Opcode::kGetfieldGcR: case Opcode::kGetfieldGcF:
      return {Access::kLoad, false, false};
    case Opcode::kGetfieldRawI: case Opcode::kGetfieldRawF: return {Access::kLoad, true, false};
    case Opcode::kGetarrayitemGcI: case Opcode::kGetarrayitemGcR: case Opcode::kGetarrayitemGcF:
      return {Access::kLoad, false, true};
    case Opcode::kGetarrayitemRawI: case Opcode::kGetarrayitemRawF: return {Access::kLoad, true, true};
    case Opcode::kSetfieldGc: return {Access::kStore, false, false};
    case Opcode::kSetfieldRaw: return {Access::kStore, true, false};
    case Opcode::kSetarrayitemGc: return {Access::kStore, false, true};
    case Opcode::kSetarrayitemRaw: return {Access::kStore, true, true};
    case Opcode::kArraylenGc: return {Access::kLength, false, false};
    default: return {};
  }
}

Location location_of(const Trace& t, uint32_t region_start, Opcode op, DescrId descr, Ref base, Ref index) {
  OpAccess a = access_of(op);
  Location l;
  l.descr = descr;
  l.raw = a.raw;
  l.length = a.kind == Access::kLength;
  l.base = base;
  if (a.array && !index.is_none()) {
    if (index.is_const()) {
      l.off = t.constant(index).as_int();
    } else {
      l.root = index;
      if (definition_visible(index, region_start) && t.op(index.index()).opcode == Opcode::kIntAdd && t.arg(index.index(), 1).is_const()) {
        l.root = t.arg(index.index(), 0);
        l.off = t.constant(t.arg(index.index(), 1)).as_int();
      }
    }
  }
  return l;
}

Location location_of(const Trace& t, uint32_t region_start, uint32_t i, Ref base, Ref index) {
  return location_of(t, region_start, t.op(i).opcode, t.op(i).descr, base, index);
}

bool must_alias(const Location& a, const Location& b) {
  return a.descr == b.descr && a.length == b.length && a.base == b.base && a.root == b.root && a.off == b.off;
}

bool may_alias(const Trace& t, const Location& a, const Location& b) {
  if (a.length || b.length) return false;
  if (a.raw != b.raw) return false;
  if (!a.raw && a.descr != b.descr) return false;
  const Descr& da = t.descr(a.descr);
  const Descr& db = t.descr(b.descr);
  // Byte ranges relative to base + root * item size, comparable when the
  // roots are equal and (if there is one) scaled alike.
  if (!(a.root == b.root && (a.root.is_none() || da.size == db.size))) return true;
  // In 128 bits: offsets and constant bases may be anything a trace holds
  // (the sums would overflow int64_t).
  __int128 sa = static_cast<__int128>(da.offset) + static_cast<__int128>(a.off) * da.size;
  __int128 sb = static_cast<__int128>(db.offset) + static_cast<__int128>(b.off) * db.size;
  if (!(a.base == b.base)) {
    if (!a.base.is_const() || !b.base.is_const()) return true;
    sa += static_cast<int64_t>(t.constant(a.base).bits);
    sb += static_cast<int64_t>(t.constant(b.base).bits);
  }
  return sa < sb + db.size && sb < sa + da.size;
}

Ref loaded_value(Trace& out, Ref v, const Descr& d) {
  if (d.type != Type::kInt || d.size == 8) return v;
  int bits = 8 * d.size;
  uint64_t mask = (uint64_t{1} << bits) - 1;
  if (v.is_const()) {
    uint64_t x = out.constant(v).bits & mask;
    if (d.is_signed && (x >> (bits - 1))) x |= ~mask;
    return out.const_int(static_cast<int64_t>(x));
  }
  if (!d.is_signed) return out.emit(Opcode::kIntAnd, {v, out.const_int(static_cast<int64_t>(mask))});
  Ref sh = out.const_int(64 - bits);
  Ref up = out.emit(Opcode::kIntLshift, {v, sh});
  return out.emit(Opcode::kIntRshift, {up, sh});
}

bool is_immutable(const Trace& t, const Location& l) {
  return l.length || (t.descr(l.descr).flags & (DescrFlag::kImmutable | DescrFlag::kQuasiImmutable));
}

}  // namespace pyrite::jit::opt
