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
#include <cstring>

#include "base/check.h"
#include "gc/heap.h"

#if defined(__SANITIZE_ADDRESS__)
#define PYR_GC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PYR_GC_ASAN 1
#endif
#endif
#ifdef PYR_GC_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace pyrite::gc {

#ifdef PYR_GC_ASAN
// With detect_stack_use_after_return, ASan moves locals into "fake frames"
// allocated off the stack; each live fake frame's address is held in the
// real stack or a register of its function. Scan the fake frames the real
// stack points into.
__attribute__((no_sanitize("address"))) static void for_each_fake_frame(
    const uintptr_t* begin, const uintptr_t* end, void (*scan)(void* ctx, const uintptr_t*, const uintptr_t*),
    void* ctx) {
  void* fake = __asan_get_current_fake_stack();
  if (fake == nullptr) return;
  for (const uintptr_t* p = begin; p < end; p++) {
    void* frame_begin = nullptr;
    void* frame_end = nullptr;
    if (__asan_addr_is_in_fake_stack(fake, reinterpret_cast<void*>(*p), &frame_begin, &frame_end))
      scan(ctx, static_cast<const uintptr_t*>(frame_begin), static_cast<const uintptr_t*>(frame_end));
  }
}
#endif

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
// may just have left object pointers that the scan would otherwise take for
// roots.
__attribute__((noinline, no_sanitize("address"))) static void clear_dead_stack() {
  volatile char dead[2048];
  for (size_t i = 0; i < sizeof dead; i++) dead[i] = 0;
}

void Heap::collect_from(uintptr_t scan_from, const uintptr_t* extra, size_t count) {
  PYR_CHECK_MSG(scan_from != 0 && scan_from <= stack_top_, "collect_from outside the stack");
  scan_from_ = scan_from;
  scan_extra_ = extra;
  scan_extra_count_ = count;
  collect();
  scan_from_ = 0;
  scan_extra_ = nullptr;
  scan_extra_count_ = 0;
}

// Not instrumented, so that the jmp_buf is on the real stack even when ASan
// uses fake frames.
__attribute__((noinline, no_sanitize("address"))) void Heap::scan_stack() {
  if (scan_from_ != 0) {
    mark_ambiguous_range(scan_extra_, scan_extra_ + scan_extra_count_);
    scan_stack_from(reinterpret_cast<const void*>(scan_from_));
    return;
  }
  clear_dead_stack();
  // _setjmp writes the registers, not the signal mask that follows them in
  // the jmp_buf: zeroed, that part cannot hold a dead frame's words.
  jmp_buf registers;
  std::memset(&registers, 0, sizeof registers);
  __builtin_unwind_init();
  setjmp(registers);
  scan_stack_from(&registers);
  // Keep the spilled registers live until the scan is over.
  asm volatile("" : : "r"(&registers) : "memory");
}

__attribute__((noinline)) void Heap::scan_stack_from(const void* registers) {
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  uintptr_t low = (scan_from_ != 0 ? scan_from_ : std::min(here, reinterpret_cast<uintptr_t>(registers))) &
                  ~uintptr_t(7);
  PYR_CHECK_MSG(low < stack_top_, "the stack top is below the scanning frame");
  auto* begin = reinterpret_cast<const uintptr_t*>(low);
  auto* end = reinterpret_cast<const uintptr_t*>(stack_top_ & ~uintptr_t(7));
  mark_ambiguous_range(begin, end);
#ifdef PYR_GC_ASAN
  for_each_fake_frame(
      begin, end,
      [](void* heap, const uintptr_t* b, const uintptr_t* e) {
        static_cast<Heap*>(heap)->mark_ambiguous_range(b, e);
      },
      this);
#endif
}

}  // namespace pyrite::gc
