// Descriptor table (docs/jit.md, "IR").
#include "jit/ir/descr.h"

#include "base/check.h"

namespace pyrite::jit::ir {

const char* descr_kind_name(DescrKind k) {
  switch (k) {
    case DescrKind::kField: return "field";
    case DescrKind::kArray: return "array";
    case DescrKind::kSize: return "size";
    case DescrKind::kCall: return "call";
    case DescrKind::kTarget: return "target";
  }
  PYR_UNREACHABLE();
}

namespace {

bool valid_access(Type type, uint8_t size) {
  switch (type) {
    case Type::kInt: return size == 1 || size == 2 || size == 4 || size == 8;
    case Type::kFloat:
    case Type::kRef: return size == 8;
    case Type::kVoid: return false;
  }
  return false;
}

bool valid_layout(const Descr& d) {
  switch (d.kind) {
    case DescrKind::kField:
    case DescrKind::kArray: return valid_access(d.type, d.size);
    case DescrKind::kSize: return d.alloc_size > 0;
    case DescrKind::kCall: {
      int ints = 0, floats = 0;
      for (Type t : d.arg_types) {
        if (t == Type::kVoid) return false;
        (t == Type::kFloat ? floats : ints)++;
      }
      if (ints > DescrTable::kMaxIntArgs || floats > DescrTable::kMaxFloatArgs) return false;
      if (d.result == Type::kInt && !valid_access(Type::kInt, d.result_size)) return false;
      return d.fn != 0;
    }
    case DescrKind::kTarget:
      for (Type t : d.arg_types)
        if (t == Type::kVoid) return false;
      return true;
  }
  return false;
}

}  // namespace

DescrTable::AddError DescrTable::add(const Descr& d, DescrId* id) {
  if (!valid_layout(d)) return AddError::kBadLayout;
  auto it = by_name_.find(d.name);
  if (it != by_name_.end()) {
    if (!(descrs_[it->second] == d)) return AddError::kNameTaken;
    *id = static_cast<DescrId>(it->second);
    return AddError::kOk;
  }
  uint32_t index = static_cast<uint32_t>(descrs_.size());
  descrs_.push_back(d);
  by_name_.emplace(d.name, index);
  *id = static_cast<DescrId>(index);
  return AddError::kOk;
}

DescrId DescrTable::add_or_die(const Descr& d) {
  DescrId id = kNoDescr;
  AddError e = add(d, &id);
  PYR_CHECK_MSG(e == AddError::kOk, "bad or conflicting descriptor");
  return id;
}

DescrId DescrTable::find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? kNoDescr : static_cast<DescrId>(it->second);
}

DescrId DescrTable::add_fresh_target(std::string_view stem, std::vector<Type> args) {
  std::string name(stem);
  for (int n = 2; find(name) != kNoDescr; n++) name = std::string(stem) + std::to_string(n);
  return add_or_die(target_descr(std::move(name), std::move(args)));
}

Descr field_descr(std::string name, int32_t offset, Type type, uint8_t size, bool is_signed,
                  uint8_t flags) {
  Descr d;
  d.kind = DescrKind::kField;
  d.name = std::move(name);
  d.offset = offset;
  d.type = type;
  d.size = size;
  d.is_signed = type == Type::kInt ? is_signed : false;
  d.flags = flags;
  return d;
}

Descr array_descr(std::string name, int32_t offset, Type type, uint8_t size, bool is_signed,
                  int32_t length_offset, uint8_t flags) {
  Descr d = field_descr(std::move(name), offset, type, size, is_signed, flags);
  d.kind = DescrKind::kArray;
  d.length_offset = length_offset;
  return d;
}

Descr size_descr(std::string name, uint32_t alloc_size, uint64_t class_value) {
  Descr d;
  d.kind = DescrKind::kSize;
  d.name = std::move(name);
  d.alloc_size = alloc_size;
  d.class_value = class_value;
  d.is_signed = false;
  return d;
}

Descr call_descr(std::string name, uint64_t fn, std::vector<Type> args, Type result,
                 Effects effects, uint8_t result_size, bool result_signed) {
  Descr d;
  d.kind = DescrKind::kCall;
  d.name = std::move(name);
  d.fn = fn;
  d.arg_types = std::move(args);
  d.result = result;
  d.result_size = result == Type::kInt ? result_size : 8;
  d.result_signed = result == Type::kInt ? result_signed : false;
  d.effects = effects;
  d.is_signed = false;
  return d;
}

Descr target_descr(std::string name, std::vector<Type> args) {
  Descr d;
  d.kind = DescrKind::kTarget;
  d.name = std::move(name);
  d.arg_types = std::move(args);
  d.is_signed = false;
  return d;
}

}  // namespace pyrite::jit::ir
