// The 16-byte object header and the heap's size constants (docs/gc.md).
//
// Every object the GC allocates starts with a Header. Word 0 belongs to the
// GC, word 1 to the language (Python keeps its type pointer there, so a JIT
// class guard is one load at offset 8). The GC never reads word 1.
//
//   gc_word (64 bits, little-endian)
//   63                               32 31            16 15             0
//   +----------------------------------+----------------+----------------+
//   |            layout id             | size/16 (small)|     flags      |
//   +----------------------------------+----------------+----------------+
//
// The size field holds the object's size in 16-byte granules for objects in
// blocks (at most kLargeThreshold / 16 = 512); it is 0 for large objects,
// whose size lives in the large-object space's record. Mark bits are not in
// the header: they live in side bitmaps (block.h) so that a sweep can clear
// the start bits of every dead object with one AND per 64 granules.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pyrite::gc {

using LayoutId = uint32_t;

// Id 0 is never registered, so a zeroed header fails the verifier.
inline constexpr LayoutId kNoLayout = 0;

struct Header {
  uint64_t gc_word;
  void* language_word;
};
static_assert(sizeof(Header) == 16);

// Geometry. Objects are 16-byte aligned and sized in granules; blocks are
// aligned to their size so the block of any interior address is one mask.
inline constexpr size_t kGranule = 16;
inline constexpr size_t kGranuleShift = 4;
inline constexpr size_t kLineSize = 128;
inline constexpr size_t kLineShift = 7;
inline constexpr size_t kBlockSize = 32 * 1024;
inline constexpr size_t kLinesPerBlock = kBlockSize / kLineSize;       // 256
inline constexpr size_t kGranulesPerBlock = kBlockSize / kGranule;     // 2048
// Objects larger than this go to the large-object space.
inline constexpr size_t kLargeThreshold = 8 * 1024;

// Header flags (bits 0..15 of gc_word).
enum HeaderFlag : uint64_t {
  // Registered with Heap::register_finalizer and not yet finalized.
  kFlagFinalizable = 1u << 0,
  // Its finalizer has been queued once; it will never be queued again.
  kFlagFinalized = 1u << 1,
  // Some weak slot has pointed at it (informational for the language).
  kFlagHasWeakRefs = 1u << 2,
  // Reserved: objects never move today; a defragmenting collector would
  // honour this bit (and treat conservatively referenced objects as pinned).
  kFlagPinned = 1u << 3,
  // Lives in the large-object space (size field is 0).
  kFlagLarge = 1u << 4,
  // Reserved for the generational write barrier (object already logged).
  kFlagLogged = 1u << 5,
};

inline constexpr int kSizeShift = 16;
inline constexpr int kLayoutShift = 32;
inline constexpr uint64_t kFlagMask = 0xffff;
inline constexpr uint64_t kSizeMask = 0xffffull << kSizeShift;

constexpr size_t round_to_granule(size_t bytes) {
  return (bytes + kGranule - 1) & ~(kGranule - 1);
}

// The gc_word a freshly allocated small object of `bytes` (a multiple of 16)
// gets: the JIT emits this as one constant store.
constexpr uint64_t make_gc_word(LayoutId layout, size_t bytes, uint64_t flags = 0) {
  return (uint64_t(layout) << kLayoutShift) | (uint64_t(bytes >> kGranuleShift) << kSizeShift) |
         flags;
}

inline LayoutId header_layout(const Header* h) { return LayoutId(h->gc_word >> kLayoutShift); }
inline size_t header_small_size(const Header* h) {
  return size_t((h->gc_word & kSizeMask) >> kSizeShift) << kGranuleShift;
}
inline bool header_has(const Header* h, uint64_t flag) { return (h->gc_word & flag) != 0; }
inline void header_set(Header* h, uint64_t flag) { h->gc_word |= flag; }
inline void header_clear(Header* h, uint64_t flag) { h->gc_word &= ~flag; }

}  // namespace pyrite::gc
