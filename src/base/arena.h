// A bump allocator for short-lived, trivially destructible data (AST nodes,
// parser tables). Everything allocated is freed at once with the arena.
// Objects allocated here must not need destructors: the arena never runs them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>

#include "base/check.h"

namespace pyrite::base {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  void* allocate(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~(uintptr_t(align) - 1);
    if (p + size > reinterpret_cast<uintptr_t>(end_)) return allocate_slow(size, align);
    cur_ = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  template <class T>
  T* make_array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    T* p = static_cast<T*>(allocate(sizeof(T) * (n ? n : 1), alignof(T)));
    for (size_t i = 0; i < n; i++) new (p + i) T();
    return p;
  }

  // Copies `s` into the arena; the view stays valid for the arena's life.
  std::string_view copy(std::string_view s) {
    char* p = static_cast<char*>(allocate(s.size() + 1, 1));
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return {p, s.size()};
  }

  size_t bytes_allocated() const { return total_; }

 private:
  struct Block {
    Block* next;
  };
  void* allocate_slow(size_t size, size_t align);

  static constexpr size_t kBlockSize = 64 * 1024;
  Block* blocks_ = nullptr;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t total_ = 0;
};

}  // namespace pyrite::base
