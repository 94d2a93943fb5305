// Whole-trace IR verifier (docs/jit.md, "Verifier"): run after recording and
// after each pass in checking builds. Every rule it enforces has a name.
#pragma once

#include <cstdint>
#include <string>

#include "jit/ir/ir.h"

namespace pyrite::jit::ir {

#define PYR_IR_VERIFY_ERRORS(X)                                                       \
  X(kBadRef, "operand is not a value or constant of this trace")                     \
  X(kUseBeforeDef, "operand used before (or by) its definition")                    \
  X(kVoidOperand, "operand names an op without a result")                           \
  X(kArity, "wrong number of operands")                                              \
  X(kOperandType, "operand type does not match the op's signature")                 \
  X(kResultType, "result type does not match the op")                                \
  X(kMissingDescr, "op needs a descriptor")                                         \
  X(kUnexpectedDescr, "op takes no descriptor")                                     \
  X(kDescrKind, "descriptor of the wrong kind")                                      \
  X(kDescrType, "descriptor's type or layout does not fit the op")                  \
  X(kCallSignature, "call arguments or result do not match the call descriptor")   \
  X(kGuardWithoutSnapshot, "guard without a snapshot")                              \
  X(kSnapshotOnNonGuard, "snapshot on an op that is not a guard")                   \
  X(kBadSnapshot, "snapshot malformed (id, slot beyond frame size, virtual)")        \
  X(kSnapshotUseBeforeDef, "snapshot refers to a value not defined before its guard") \
  X(kGuardNotConstant, "guard_value/guard_class compare with a constant")        \
  X(kOvfWithoutGuard, "*_ovf op not directly followed by an overflow guard")        \
  X(kOverflowGuardWithoutOvf, "overflow guard not directly after an *_ovf op")      \
  X(kMayForceWithoutGuard, "call_may_force_* not directly followed by guard_not_forced") \
  X(kNotForcedWithoutCall, "guard_not_forced not directly after a call_may_force_*")  \
  X(kNoTerminator, "trace does not end with jump or finish")                        \
  X(kOpAfterTerminator, "jump or finish before the end of the trace")               \
  X(kLabelArg, "label operands must be distinct values")                            \
  X(kCrossesLabel, "value defined before a label used after it without being its operand") \
  X(kTargetTwice, "two labels carry the same target descriptor")                     \
  X(kJumpArity, "jump operand count differs from its target's")                    \
  X(kJumpType, "jump operand type differs from its target's")                       \
  X(kMergePointArg, "debug_merge_point operands must be int constants")

enum class VerifyErrorCode : uint8_t {
  kOk,
#define PYR_X(name, msg) name,
  PYR_IR_VERIFY_ERRORS(PYR_X)
#undef PYR_X
};
const char* verify_error_name(VerifyErrorCode c);
const char* verify_error_message(VerifyErrorCode c);

struct VerifyError {
  VerifyErrorCode code = VerifyErrorCode::kOk;
  int64_t op = -1;     // the offending op's index, -1 for the whole trace
  std::string detail;  // the op as printed, and specifics
  bool ok() const { return code == VerifyErrorCode::kOk; }
  std::string to_string() const;
};

// The first violation found, in op order; code kOk if none.
VerifyError verify(const Trace& t);

}  // namespace pyrite::jit::ir
