// Finding the calling thread's stack bounds (docs/base.md).
#include "base/stack.h"

#include <pthread.h>

namespace pyrite::base {

uintptr_t stack_low_bound() {
  thread_local uintptr_t low = [] {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    return reinterpret_cast<uintptr_t>(addr);
  }();
  return low;
}

}  // namespace pyrite::base
