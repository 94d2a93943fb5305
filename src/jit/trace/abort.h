// Trace abort reasons, from abort.def (docs/jit.md, "Abort reasons").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pyrite::jit::trace {

enum class AbortReason : uint8_t {
#define PYR_ABORT(Name, message) k##Name,
#include "jit/trace/abort.def"
#undef PYR_ABORT
  kCount
};
inline constexpr int kNumAbortReasons = static_cast<int>(AbortReason::kCount);

const char* abort_reason_name(AbortReason r);     // "TraceTooLong"
const char* abort_reason_message(AbortReason r);  // for the log and jitstats
std::optional<AbortReason> abort_reason_from_name(std::string_view name);

}  // namespace pyrite::jit::trace
