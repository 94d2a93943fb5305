// Trace abort reasons' names and messages (docs/jit.md, "Abort reasons").
#include "jit/trace/abort.h"

namespace pyrite::jit::trace {

namespace {

struct Info {
  const char* name;
  const char* message;
};

constexpr Info kInfo[] = {
#define PYR_ABORT(Name, message) {#Name, message},
#include "jit/trace/abort.def"
#undef PYR_ABORT
};
static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == kNumAbortReasons);

}  // namespace

const char* abort_reason_name(AbortReason r) { return kInfo[static_cast<int>(r)].name; }
const char* abort_reason_message(AbortReason r) { return kInfo[static_cast<int>(r)].message; }

std::optional<AbortReason> abort_reason_from_name(std::string_view name) {
  for (int i = 0; i < kNumAbortReasons; i++)
    if (name == kInfo[i].name) return static_cast<AbortReason>(i);
  return std::nullopt;
}

}  // namespace pyrite::jit::trace
