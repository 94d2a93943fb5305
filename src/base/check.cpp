// Failure reporting for PYR_CHECK and friends (docs/base.md).
#include "base/check.h"

namespace pyrite::base {

void check_failed(const char* file, int line, const char* expr, const char* msg) {
  std::fflush(stdout);
  if (msg)
    std::fprintf(stderr, "pyrite: check failed at %s:%d: %s (%s)\n", file, line, expr, msg);
  else
    std::fprintf(stderr, "pyrite: check failed at %s:%d: %s\n", file, line, expr);
  std::abort();
}

}  // namespace pyrite::base
