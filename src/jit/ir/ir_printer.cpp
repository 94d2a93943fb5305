// Trace printer (docs/jit.md, "Text form").
#include "jit/ir/ir_printer.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <vector>

namespace pyrite::jit::ir {

void Symbols::add(std::string name, uint64_t address) {
  by_address_.emplace(address, name);
  by_name_[std::move(name)] = address;
}

const std::string* Symbols::name_of(uint64_t address) const {
  auto it = by_address_.find(address);
  return it == by_address_.end() ? nullptr : &it->second;
}

const uint64_t* Symbols::address_of(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : &it->second;
}

namespace {

constexpr uint64_t kCanonicalNan = 0x7ff8000000000000ull;

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

std::string address(uint64_t a, const Symbols* symbols) {
  if (symbols)
    if (const std::string* n = symbols->name_of(a)) return *n;
  return hex(a);
}

// Names values as the text shows them: one counter over all results, the
// letter from the type (i0, p1, i2, f3, ...), virtuals per snapshot.
class Namer {
 public:
  Namer(const Trace& t, const PrintOptions& o) : trace_(t), options_(o), number_(t.num_ops(), -1) {
    int next = 0;
    for (uint32_t i = 0; i < t.num_ops(); i++)
      if (t.op(i).type != Type::kVoid) number_[i] = next++;
  }

  std::string ref(Ref r, std::vector<uint32_t>* virtuals = nullptr) const {
    switch (r.kind()) {
      case Ref::Kind::kValue: {
        if (r.index() >= trace_.num_ops() || number_[r.index()] < 0)
          return "<bad:" + std::to_string(r.index()) + ">";
        return value_letter(trace_.op(r.index()).type) + std::to_string(number_[r.index()]);
      }
      case Ref::Kind::kConst: {
        if (r.index() >= trace_.num_consts()) return "<badconst>";
        const Const& c = trace_.constant(r);
        switch (c.type) {
          case Type::kInt: return std::to_string(c.as_int());
          case Type::kFloat: {
            double d = c.as_float();
            if (d != d && c.bits != kCanonicalNan) return "float_bits(" + hex(c.bits) + ")";
            return format_float(d);
          }
          case Type::kRef:
            return c.bits == 0 ? "NULL" : "ConstPtr(" + address(c.bits, options_.symbols) + ")";
          case Type::kVoid: return "<void>";
        }
        return "<?>";
      }
      case Ref::Kind::kVirtual: {
        if (!virtuals) return "<virtual>";
        for (size_t k = 0; k < virtuals->size(); k++)
          if ((*virtuals)[k] == r.index()) return "v" + std::to_string(k);
        virtuals->push_back(r.index());
        return "v" + std::to_string(virtuals->size() - 1);
      }
      case Ref::Kind::kNone: return "<none>";
    }
    return "<?>";
  }

  std::string snapshot(SnapshotId id) const {
    const SnapshotTable& st = trace_.snapshots();
    if (static_cast<uint32_t>(id) >= st.num_snapshots()) return "[<bad snapshot>]";
    std::vector<uint32_t> virtuals;
    std::string out = "[";
    bool first = true;
    for (uint32_t fid : st.frames_of(id)) {
      const SnapFrame& f = st.frame(fid);
      if (!first) out += " | ";
      first = false;
      out += std::to_string(f.kind) + "@" + std::to_string(f.pc) + "/" + std::to_string(f.size) + ":";
      for (const SnapEntry& e : st.entries(f))
        out += " " + std::to_string(e.slot) + "=" + ref(e.ref, &virtuals);
    }
    // Virtuals in order of first mention; printing one may mention more.
    for (size_t k = 0; k < virtuals.size(); k++) {
      if (virtuals[k] >= st.num_virtuals()) return out + " | <bad virtual>]";
      const VirtualObject& v = st.virtual_object(virtuals[k]);
      out += " | v" + std::to_string(k) + "=";
      bool is_array = v.descr != kNoDescr && trace_.descr(v.descr).kind == DescrKind::kArray;
      std::string dname = v.descr == kNoDescr ? "<nodescr>" : trace_.descr(v.descr).name;
      if (is_array)
        out += "new_array(" + dname + ", " + std::to_string(v.length) + ")";
      else
        out += std::string(v.with_vtable ? "new_with_vtable(" : "new(") + dname + ")";
      for (const VirtualField& fld : st.fields(v)) {
        std::string key = fld.descr == kNoDescr ? std::to_string(fld.index) : trace_.descr(fld.descr).name;
        out += " " + key + "=" + ref(fld.value, &virtuals);
      }
    }
    return out + "]";
  }

 private:
  const Trace& trace_;
  const PrintOptions& options_;
  std::vector<int> number_;
};

std::string op_line(const Trace& t, const Namer& n, uint32_t i, const PrintOptions& o) {
  const Op& op = t.op(i);
  std::string out;
  if (o.op_indexes) out += std::to_string(i) + ": ";
  if (op.type != Type::kVoid) out += n.ref(Ref::value(i)) + " = ";
  out += op_name(op.opcode);
  out += '(';
  bool first = true;
  for (Ref a : t.args(op)) {
    if (!first) out += ", ";
    first = false;
    out += n.ref(a);
  }
  if (op.descr != kNoDescr) {
    if (!first) out += ", ";
    out += "descr=";
    out += static_cast<uint32_t>(op.descr) < t.descrs().size() ? t.descr(op.descr).name : "<bad>";
  }
  out += ')';
  if (op.snapshot != kNoSnapshot) out += " " + n.snapshot(op.snapshot);
  return out;
}

std::string effects_list(Effects e) {
  static const struct {
    Effects bit;
    const char* name;
  } kNames[] = {
      {effect::kPure, "pure"},           {effect::kReadsHeap, "reads"},
      {effect::kWritesHeap, "writes"},   {effect::kMayRaise, "raises"},
      {effect::kCallsArbitrary, "arbitrary"}, {effect::kCanCollect, "collects"},
      {effect::kCanInvalidate, "invalidates"}, {effect::kForcesVirtuals, "forces"},
  };
  std::string out = "(";
  for (const auto& n : kNames)
    if (e & n.bit) {
      if (out.size() > 1) out += ", ";
      out += n.name;
    }
  return out + ")";
}

}  // namespace

std::string format_float(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, r.ptr);
  if (s == "-nan") s = "nan";
  if (s.find_first_of(".eina") == std::string::npos) s += ".0";
  return s;
}

std::string print_descr_decl(const Descr& d, const Symbols* symbols) {
  std::string out = "descr " + d.name + " = " + descr_kind_name(d.kind) + "(";
  auto access = [&] {
    out += "offset=" + std::to_string(d.offset) + ", type=" + type_letter(d.type) +
           ", size=" + std::to_string(d.size);
    if (d.type == Type::kInt) out += d.is_signed ? ", signed" : ", unsigned";
    if (d.flags & DescrFlag::kImmutable) out += ", immutable";
    if (d.flags & DescrFlag::kQuasiImmutable) out += ", quasi_immutable";
  };
  switch (d.kind) {
    case DescrKind::kField: access(); break;
    case DescrKind::kArray:
      access();
      if (d.length_offset >= 0) out += ", length=" + std::to_string(d.length_offset);
      break;
    case DescrKind::kSize:
      out += "size=" + std::to_string(d.alloc_size);
      if (d.class_value) out += ", class=" + address(d.class_value, symbols);
      break;
    case DescrKind::kCall: {
      out += "fn=" + address(d.fn, symbols) + ", args=(";
      for (size_t k = 0; k < d.arg_types.size(); k++) {
        if (k) out += ", ";
        out += type_letter(d.arg_types[k]);
      }
      out += "), result=";
      out += type_letter(d.result);
      if (d.result == Type::kInt && (d.result_size != 8 || !d.result_signed))
        out += ", size=" + std::to_string(d.result_size) + (d.result_signed ? ", signed" : ", unsigned");
      out += ", effects=" + effects_list(d.effects);
      break;
    }
    case DescrKind::kTarget:
      out += "args=(";
      for (size_t k = 0; k < d.arg_types.size(); k++) {
        if (k) out += ", ";
        out += type_letter(d.arg_types[k]);
      }
      out += ")";
      break;
  }
  return out + ")";
}

std::string print_op(const Trace& t, uint32_t op_index, const PrintOptions& options) {
  Namer n(t, options);
  return op_line(t, n, op_index, options);
}

std::string print_trace(const Trace& t, const PrintOptions& options) {
  Namer n(t, options);
  std::string out;
  if (options.descr_decls) {
    std::vector<bool> seen(t.descrs().size());
    auto declare = [&](DescrId id) {
      uint32_t k = static_cast<uint32_t>(id);
      if (id == kNoDescr || k >= seen.size() || seen[k]) return;
      seen[k] = true;
      out += print_descr_decl(t.descr(id), options.symbols) + "\n";
    };
    for (uint32_t i = 0; i < t.num_ops(); i++) {
      declare(t.op(i).descr);
      SnapshotId s = t.op(i).snapshot;
      if (s == kNoSnapshot || static_cast<uint32_t>(s) >= t.snapshots().num_snapshots()) continue;
      // Descriptors that only virtuals of the snapshot name.
      std::vector<uint32_t> todo, done;
      for (uint32_t fid : t.snapshots().frames_of(s))
        for (const SnapEntry& e : t.snapshots().entries(t.snapshots().frame(fid)))
          if (e.ref.is_virtual()) todo.push_back(e.ref.index());
      while (!todo.empty()) {
        uint32_t v = todo.back();
        todo.pop_back();
        if (v >= t.snapshots().num_virtuals() || std::find(done.begin(), done.end(), v) != done.end()) continue;
        done.push_back(v);
        const VirtualObject& vo = t.snapshots().virtual_object(v);
        declare(vo.descr);
        for (const VirtualField& f : t.snapshots().fields(vo)) {
          declare(f.descr);
          if (f.value.is_virtual()) todo.push_back(f.value.index());
        }
      }
    }
  }
  out += "[";
  for (uint32_t k = 0; k < t.num_inputs(); k++) {
    if (k) out += ", ";
    out += n.ref(Ref::value(k));
  }
  out += "]\n";
  for (uint32_t i = t.num_inputs(); i < t.num_ops(); i++) out += op_line(t, n, i, options) + "\n";
  return out;
}

}  // namespace pyrite::jit::ir
