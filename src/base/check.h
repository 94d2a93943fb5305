// Runtime checks at three strengths (see docs/base.md).
//   PYR_CHECK(cond)   always on: an invariant whose failure means memory corruption
//   PYR_DCHECK(cond)  debug builds only (NDEBUG off)
//   PYR_UNREACHABLE() a path the code's structure rules out
#pragma once

#include <cstdio>
#include <cstdlib>

namespace pyrite::base {

[[noreturn]] void check_failed(const char* file, int line, const char* expr, const char* msg);

}  // namespace pyrite::base

#define PYR_CHECK(cond)                                                       \
  do {                                                                        \
    if (__builtin_expect(!(cond), 0))                                         \
      ::pyrite::base::check_failed(__FILE__, __LINE__, #cond, nullptr);       \
  } while (0)

#define PYR_CHECK_MSG(cond, msg)                                              \
  do {                                                                        \
    if (__builtin_expect(!(cond), 0))                                         \
      ::pyrite::base::check_failed(__FILE__, __LINE__, #cond, (msg));         \
  } while (0)

#ifdef NDEBUG
#define PYR_DCHECK(cond) ((void)0)
#else
#define PYR_DCHECK(cond) PYR_CHECK(cond)
#endif

#define PYR_UNREACHABLE() \
  ::pyrite::base::check_failed(__FILE__, __LINE__, "unreachable", nullptr)
