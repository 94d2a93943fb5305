// Opcodes of Pyrite's bytecode and their static properties, generated from
// opcodes.def (docs/compiler.md describes the encoding and the caches).
#pragma once

#include <cstdint>

namespace pyrite::python::compile {

enum class Opcode : uint8_t {
#define PYR_OPCODE(name, arg, pop, push, jpush, cache, flags) name,
#include "python/compile/opcodes.def"
  kCount
};

// How an instruction's arg is interpreted (for the disassembler).
enum class OpArg : uint8_t {
  kNone, kRaw, kConst, kLocal, kName, kGlobal, kJump, kBinOp, kCompare,
  kFormat, kMakeFunction, kResume, kUnpackEx,
};

namespace OpFlag {
inline constexpr uint8_t kJump = 1;            // the arg is a jump target
inline constexpr uint8_t kNoFallthrough = 2;   // never continues with the next instruction
inline constexpr uint8_t kPseudo = 4;          // compiler-only, never in a CodeUnit
}  // namespace OpFlag

// One code unit: op | arg << 8.
using Unit = uint32_t;
inline constexpr int kArgBits = 24;
inline constexpr uint32_t kMaxArg = (1u << kArgBits) - 1;

inline constexpr Opcode unit_op(Unit u) { return static_cast<Opcode>(u & 0xFF); }
inline constexpr uint32_t unit_arg(Unit u) { return u >> 8; }
inline constexpr Unit make_unit(Opcode op, uint32_t arg) { return static_cast<uint8_t>(op) | (arg << 8); }

const char* opcode_name(Opcode op);
OpArg opcode_arg_kind(Opcode op);
uint8_t opcode_flags(Opcode op);
// Inline cache units reserved after the instruction.
// Inline cache units after each instruction; inline because the dispatch
// loop adds it to the pc of every instruction it executes.
inline constexpr uint8_t kOpcodeCacheUnits[] = {
#define PYR_OPCODE(name, arg, pop, push, jpush, cache, flags) (cache),
#include "python/compile/opcodes.def"
};
inline int opcode_cache_units(Opcode op) { return kOpcodeCacheUnits[static_cast<int>(op)]; }
int stack_pops(Opcode op, int oparg);
int stack_pushes(Opcode op, int oparg, bool jump);
inline int stack_effect(Opcode op, int oparg, bool jump) {
  return stack_pushes(op, oparg, jump) - stack_pops(op, oparg);
}
inline bool is_jump(Opcode op) { return opcode_flags(op) & OpFlag::kJump; }
inline bool has_fallthrough(Opcode op) { return !(opcode_flags(op) & OpFlag::kNoFallthrough); }

// BINARY_OP args: the ast::Operator value, plus kInplaceOffset for `+=`.
inline constexpr int kInplaceOffset = 13;
const char* binary_op_symbol(int arg);  // "+", "+=", ...

// COMPARE_OP args, in rich-comparison order.
enum class CompareArg : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };
const char* compare_symbol(int arg);

// MAKE_FUNCTION arg bits: which optional items are on the stack below the
// code constant, bottom to top in this order.
namespace MakeFunction {
inline constexpr int kDefaults = 1;     // tuple of positional defaults
inline constexpr int kKwDefaults = 2;   // dict of keyword-only defaults
inline constexpr int kAnnotations = 4;  // tuple of (name, value, name, value...)
inline constexpr int kClosure = 8;      // tuple of cells
}  // namespace MakeFunction

// FORMAT_VALUE arg: conversion in the low 2 bits, kFormatSpec if a spec is on the stack.
inline constexpr int kFormatSpec = 4;

}  // namespace pyrite::python::compile
