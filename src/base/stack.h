// Stack headroom for recursive C++ code (docs/base.md).
//
// The parser, the compiler passes and the AST dumper recurse over trees
// whose depth the program controls. Each has a depth limit that mirrors
// CPython's, and each also asks stack_exhausted() so that no input can
// overflow the native stack, whatever the frame sizes (sanitizer builds
// have frames several times larger than release builds).
#pragma once

#include <cstddef>
#include <cstdint>

namespace pyrite::base {

// The lowest usable address of the calling thread's stack (cached per thread).
uintptr_t stack_low_bound();

// True when less than `margin` bytes of the calling thread's stack remain.
inline bool stack_exhausted(size_t margin = 256 * 1024) {
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  return here < stack_low_bound() + margin;
}

}  // namespace pyrite::base
