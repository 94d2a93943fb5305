// The conservative scan of the native stack and registers (docs/gc.md).
//
// Callee-saved registers are spilled into this frame (setjmp plus
// __builtin_unwind_init, since glibc's setjmp mangles rbp), then every
// aligned word from the scanning frame up to the recorded stack top is
// treated as a possible pointer. A word keeps an object alive if it points
// at or inside an allocated object (resolve_ambiguous). Ambiguous roots are
// why objects never move.
#include <pthread.h>

#include <csetjmp>

#include "base/check.h"
#include "gc/heap.h"

namespace pyrite::gc {

uintptr_t Heap::system_stack_top() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr = nullptr;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (rc == 0 && addr != nullptr) return reinterpret_cast<uintptr_t>(addr) + size;
  }
  // Without the system's answer, frames above the heap's creator are not
  // scanned: create the heap in main() or call set_stack_top.
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

// Zeroes dead stack below the caller, where the collector's own bookkeeping
// (publishing allocation regions walks the newest objects) just left object
// pointers that the scan would otherwise take for roots.
__attribute__((noinline, no_sanitize("address"))) static void clear_dead_stack() {
  volatile char dead[2048];
  for (size_t i = 0; i < sizeof dead; i++) dead[i] = 0;
}

__attribute__((noinline)) void Heap::scan_stack() {
  clear_dead_stack();
  jmp_buf registers;
  __builtin_unwind_init();
  setjmp(registers);
  scan_stack_from(&registers);
  // Keep the spilled registers live until the scan is over.
  asm volatile("" : : "r"(&registers) : "memory");
}

__attribute__((noinline)) void Heap::scan_stack_from(const void* registers) {
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  uintptr_t low = std::min(here, reinterpret_cast<uintptr_t>(registers)) & ~uintptr_t(7);
  PYR_CHECK_MSG(low < stack_top_, "the stack top is below the scanning frame");
  mark_ambiguous_range(reinterpret_cast<const uintptr_t*>(low),
                       reinterpret_cast<const uintptr_t*>(stack_top_ & ~uintptr_t(7)));
}

}  // namespace pyrite::gc
