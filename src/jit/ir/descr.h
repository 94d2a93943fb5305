// Descriptors: what a heap, allocation or call op touches (docs/jit.md, "IR").
// A DescrTable is shared by every trace of one JIT (a loop and its bridges),
// so optimizer caches keyed on a DescrId mean the same field everywhere.
// Descriptors are interned by name: one name, one meaning.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jit/ir/types.h"

namespace pyrite::jit::ir {

enum class DescrKind : uint8_t { kField, kArray, kSize, kCall, kTarget };
const char* descr_kind_name(DescrKind k);  // "field", "array", "size", "call", "target"

// Flags of field and array descriptors.
namespace DescrFlag {
inline constexpr uint8_t kImmutable = 1;       // reads of a constant object fold
inline constexpr uint8_t kQuasiImmutable = 2;  // like kImmutable, guarded by invalidation
}  // namespace DescrFlag

// One struct for all kinds keeps the printer and parser flat; each kind uses
// the fields listed beside it and leaves the others zero.
struct Descr {
  DescrKind kind = DescrKind::kField;
  std::string name;

  // kField: the value at base + offset. kArray: item k at base + offset +
  // k * size. Both: the value's type, width in bytes (1, 2, 4, 8; floats 8)
  // and whether narrower ints sign-extend.
  Type type = Type::kInt;
  uint8_t size = 8;
  bool is_signed = true;
  uint8_t flags = 0;
  int32_t offset = 0;
  // kArray: where a GC array keeps its length (an int64), for arraylen_gc;
  // -1 if the array has none (raw memory).
  int32_t length_offset = -1;

  // kSize: bytes to allocate; for new_with_vtable the class value the
  // allocator writes into the header.
  uint32_t alloc_size = 0;
  uint64_t class_value = 0;

  // kTarget: a loop label other traces may jump to (a bridge's end, an
  // entry bridge); arg_types are the label's, fn its code address once the
  // backend has compiled it (0 before).
  // kCall: the callee (a C function address), its argument and result
  // types, the result's width and signedness when it is a narrow int
  // (a C `bool`/`int` leaves the upper bits of rax undefined), and the
  // effects a call through it may have (a subset of PYR_IR_CALL_EFFECTS,
  // plus kPure for elidable functions).
  uint64_t fn = 0;
  std::vector<Type> arg_types;
  Type result = Type::kVoid;
  uint8_t result_size = 8;
  bool result_signed = true;
  Effects effects = 0;

  bool operator==(const Descr&) const = default;
};

// DescrIds are small indexes into a DescrTable; kNoDescr marks ops without one.
enum class DescrId : uint32_t {};
inline constexpr DescrId kNoDescr{0xFFFFFFFFu};

class DescrTable {
 public:
  enum class AddError : uint8_t { kOk, kNameTaken, kBadLayout };

  // Adds `d` or returns the id of an equal descriptor with the same name.
  // A different descriptor under a taken name is kNameTaken; a layout the
  // backend cannot access (size not 1/2/4/8, float not 8 wide, ref not 8,
  // too many call arguments) is kBadLayout.
  AddError add(const Descr& d, DescrId* id);
  DescrId add_or_die(const Descr& d);

  const Descr& get(DescrId id) const { return descrs_[static_cast<uint32_t>(id)]; }
  DescrId find(std::string_view name) const;  // kNoDescr if absent
  // A new target descriptor named `stem`, or `stem` plus the first number
  // that makes the name unused (the optimizer's peeled-loop labels).
  DescrId add_fresh_target(std::string_view stem, std::vector<Type> args);
  size_t size() const { return descrs_.size(); }

  // The most integer / float arguments a call may pass (all in registers,
  // System V x86-64); the IR interpreter and the backend rely on this.
  static constexpr int kMaxIntArgs = 6;
  static constexpr int kMaxFloatArgs = 8;

 private:
  std::vector<Descr> descrs_;
  std::unordered_map<std::string, uint32_t> by_name_;
};

// Convenience constructors for the common cases.
Descr field_descr(std::string name, int32_t offset, Type type, uint8_t size = 8,
                  bool is_signed = true, uint8_t flags = 0);
Descr array_descr(std::string name, int32_t offset, Type type, uint8_t size = 8,
                  bool is_signed = true, int32_t length_offset = -1, uint8_t flags = 0);
Descr size_descr(std::string name, uint32_t alloc_size, uint64_t class_value = 0);
Descr target_descr(std::string name, std::vector<Type> args);
Descr call_descr(std::string name, uint64_t fn, std::vector<Type> args, Type result,
                 Effects effects, uint8_t result_size = 8, bool result_signed = true);

}  // namespace pyrite::jit::ir
