// Static opcode tables generated from opcodes.def (docs/compiler.md).
#include "python/compile/opcodes.h"

#include "base/check.h"

namespace pyrite::python::compile {

namespace {

struct OpInfo {
  const char* name;
  OpArg arg;
  uint8_t cache;
  uint8_t flags;
};

using namespace OpFlag;

constexpr OpInfo kInfo[] = {
#define PYR_OPCODE(name, arg, pop, push, jpush, cache, flags) {#name, OpArg::arg, cache, flags},
#include "python/compile/opcodes.def"
};
static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == static_cast<size_t>(Opcode::kCount));

}  // namespace

const char* opcode_name(Opcode op) { return kInfo[static_cast<int>(op)].name; }
OpArg opcode_arg_kind(Opcode op) { return kInfo[static_cast<int>(op)].arg; }
uint8_t opcode_flags(Opcode op) { return kInfo[static_cast<int>(op)].flags; }

int stack_pops(Opcode op, int oparg) {
  switch (op) {
#define PYR_OPCODE(name, arg, pop, push, jpush, cache, flags) \
  case Opcode::name:                                         \
    return (pop);
#include "python/compile/opcodes.def"
    default:
      PYR_UNREACHABLE();
  }
}

int stack_pushes(Opcode op, int oparg, bool jump) {
  switch (op) {
#define PYR_OPCODE(name, arg, pop, push, jpush, cache, flags) \
  case Opcode::name:                                         \
    return jump ? (jpush) : (push);
#include "python/compile/opcodes.def"
    default:
      PYR_UNREACHABLE();
  }
}

const char* binary_op_symbol(int arg) {
  static const char* const kSymbols[] = {
      "+",  "-",  "*",  "@",  "/",  "%",  "**",  "<<",  ">>",  "|",  "^",  "&",  "//",
      "+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//=",
  };
  return arg >= 0 && arg < 26 ? kSymbols[arg] : "?";
}

const char* compare_symbol(int arg) {
  static const char* const kSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return arg >= 0 && arg < 6 ? kSymbols[arg] : "?";
}

}  // namespace pyrite::python::compile
