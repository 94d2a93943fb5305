// CodeUnit: the compiler's output, one per function/class/module body,
// independent of the object model (docs/compiler.md). The interpreter turns
// each into its code object once; until then a CodeUnit is plain data.
//
// String views inside constants point into the base::Arena given to the
// compiler (the AST's arena): it must outlive the CodeUnit.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "python/compile/opcodes.h"
#include "python/parse/ast.h"

namespace pyrite::python::compile {

struct CodeUnit;

// A constant of the code's co_consts: a literal, a nested code unit, or a
// tuple/frozenset of constants (made by constant folding).
struct Constant {
  enum class Kind : uint8_t { kValue, kCode, kTuple, kFrozenSet };
  Kind kind = Kind::kValue;
  ast::ConstValue value;                 // kValue
  double real = 0;                       // kValue of kind Complex: the real part (value.f is the imaginary)
  std::shared_ptr<CodeUnit> code;        // kCode
  std::vector<Constant> items;           // kTuple, kFrozenSet

  static Constant of(const ast::ConstValue& v) { Constant c; c.value = v; return c; }
  static Constant none() { return Constant{}; }
};

// Python-level equality for constant dedup: `1` and `1.0` and `True` are
// distinct constants, as are 0.0 and -0.0.
bool same_constant(const Constant& a, const Constant& b);
// repr() of a constant, as dis prints it.
std::string constant_repr(const Constant& c);

// Code flags, CPython's values (inspect and the interpreter read them).
namespace CodeFlag {
inline constexpr uint32_t kOptimized = 0x1;
inline constexpr uint32_t kNewLocals = 0x2;
inline constexpr uint32_t kVarargs = 0x4;
inline constexpr uint32_t kVarkeywords = 0x8;
inline constexpr uint32_t kNested = 0x10;
inline constexpr uint32_t kGenerator = 0x20;
inline constexpr uint32_t kCoroutine = 0x80;
inline constexpr uint32_t kIterableCoroutine = 0x100;
inline constexpr uint32_t kAsyncGenerator = 0x200;
// __future__ flags kept on code so that exec/compile inherit them.
inline constexpr uint32_t kFutureAnnotations = 0x1000000;
}  // namespace CodeFlag

// Source position of a run of instructions: [start, next entry's start).
// Columns are 0-based UTF-8 byte offsets as in the AST; line -1 = none.
struct LocationEntry {
  uint32_t start;
  int32_t line;
  int32_t end_line;
  int32_t col;
  int32_t end_col;
};

// Zero-cost exception handling: an exception raised by an instruction in
// [start, end) unwinds the value stack to `depth`, pushes the raising
// instruction's offset if `lasti`, pushes the exception and jumps to
// `target`. Entries do not overlap; the innermost handler has been chosen.
struct ExceptionEntry {
  uint32_t start;
  uint32_t end;
  uint32_t target;
  uint32_t depth;
  bool lasti;
};

struct CodeUnit {
  std::string name;
  std::string qualname;
  std::string filename;
  int first_line = 1;
  int argcount = 0;          // positional parameters, posonly included
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;
  int stack_size = 0;        // max value-stack depth

  // Fast slots ("localsplus"): varnames, then cellvars that are not also
  // parameters, then freevars. kLocal args index this order.
  std::vector<std::string> varnames;
  std::vector<std::string> cellvars;  // sorted; may include parameter names
  std::vector<std::string> freevars;  // sorted
  std::vector<std::string> names;     // attributes, globals, imported names
  std::vector<Constant> constants;

  // Code units: an instruction, then its inline cache units.
  std::vector<Unit> code;
  std::vector<LocationEntry> locations;
  std::vector<ExceptionEntry> exception_table;

  int nlocalsplus() const { return static_cast<int>(localsplus_names_.size()); }
  const std::vector<std::string>& localsplus_names() const { return localsplus_names_; }
  // For each fast slot: bit 0 local/argument, 1 cell, 2 free.
  const std::vector<uint8_t>& localsplus_kinds() const { return localsplus_kinds_; }
  void set_localsplus(std::vector<std::string> names, std::vector<uint8_t> kinds) {
    localsplus_names_ = std::move(names);
    localsplus_kinds_ = std::move(kinds);
  }

  // The location of the instruction at `offset` (line -1 if it has none).
  const LocationEntry* location_at(uint32_t offset) const;
  int line_at(uint32_t offset) const;
  // The handler for an exception at `offset`, or nullptr.
  const ExceptionEntry* handler_at(uint32_t offset) const;

 private:
  std::vector<std::string> localsplus_names_;
  std::vector<uint8_t> localsplus_kinds_;
};

namespace SlotKind {
inline constexpr uint8_t kLocal = 1;
inline constexpr uint8_t kCell = 2;
inline constexpr uint8_t kFree = 4;
}  // namespace SlotKind

}  // namespace pyrite::python::compile
