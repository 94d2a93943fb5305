// Immix-style blocks of lines and the space that owns them (docs/gc.md).
//
// A block is 32 KiB aligned to its size; its first kMetadataLines lines hold
// this struct, the rest are 128-byte lines of objects. Invariants:
//
//  * starts: bit g is set iff granule g begins an object that was live at
//    the last collection or was allocated since (the allocator sets the bit
//    as it makes the object, Heap::init_small).
//    A sweep ANDs starts with marks, so a dead object's bit is gone and an
//    ambiguous pointer into its memory can never resurrect it.
//  * marks: bit g is set iff the object starting at g is marked in the
//    current collection; all zero outside a collection.
//  * line_marks: valid from the end of one collection to the start of the
//    next. A line is marked iff some live object overlaps it (objects mark
//    every line they span, so no implicit "next line" rule is needed); an
//    unmarked line holds no live object and may be reused. Lines handed to
//    the allocator since the sweep stay unmarked but are behind alloc_line,
//    so they are never handed out twice.
//  * line i covers granules [8i, 8i + 8), i.e. byte i of the bitmaps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gc/header.h"

namespace pyrite::gc {

inline constexpr size_t kBitmapWords = kGranulesPerBlock / 64;  // 32

struct Block {
  uint64_t starts[kBitmapWords];
  uint64_t marks[kBitmapWords];
  uint8_t line_marks[kLinesPerBlock];
  uint32_t free_lines;  // unmarked usable lines after the last sweep
  uint16_t alloc_line;  // the next hole search starts here
  uint8_t fresh;        // the usable area is known to be all zero

  static Block* of(uintptr_t addr) { return reinterpret_cast<Block*>(addr & ~(kBlockSize - 1)); }
  static Block* of(const void* p) { return of(reinterpret_cast<uintptr_t>(p)); }
  uintptr_t base() const { return reinterpret_cast<uintptr_t>(this); }

  static size_t granule_of(uintptr_t addr) { return (addr & (kBlockSize - 1)) >> kGranuleShift; }
  bool has_start(size_t g) const { return (starts[g >> 6] >> (g & 63)) & 1; }
  void set_start(size_t g) { starts[g >> 6] |= uint64_t(1) << (g & 63); }
  bool is_marked(size_t g) const { return (marks[g >> 6] >> (g & 63)) & 1; }
  void set_mark(size_t g) { marks[g >> 6] |= uint64_t(1) << (g & 63); }

  // Marks every line the object [addr, addr + size) overlaps.
  void mark_lines(uintptr_t addr, size_t size) {
    size_t first = (addr - base()) >> kLineShift;
    size_t last = (addr + size - 1 - base()) >> kLineShift;
    for (size_t i = first; i <= last; i++) line_marks[i] = 1;
  }

  // The start of the published object containing `addr`, or 0. `addr` must
  // lie in this block.
  uintptr_t find_object(uintptr_t addr) const;

  // Next run of unmarked lines at or after alloc_line; false if none.
  bool next_hole(uintptr_t* begin, uintptr_t* end);
};

inline constexpr size_t kMetadataLines = (sizeof(Block) + kLineSize - 1) / kLineSize;
inline constexpr size_t kFirstLine = kMetadataLines;
inline constexpr size_t kFirstGranule = kFirstLine * (kLineSize / kGranule);
inline constexpr size_t kUsableLines = kLinesPerBlock - kFirstLine;
static_assert(kMetadataLines == 7, "block metadata layout changed: revisit docs/gc.md");

// Chunks of blocks from the OS and the lists blocks move between.
//
//   unused/decommitted --take_fresh--> in use <--sweep--> free (committed)
//                                        |                   |
//                                   recyclable          take_free
//
// Blocks in use hold objects or are being allocated into; sweep() sorts them
// into full, recyclable (some free lines) and free, and returns the memory
// of free blocks beyond a reserve to the OS.
class BlockSpace {
 public:
  BlockSpace() = default;
  BlockSpace(const BlockSpace&) = delete;
  BlockSpace& operator=(const BlockSpace&) = delete;
  ~BlockSpace();

  // A block with free lines from the last sweep, or nullptr.
  Block* take_recyclable();
  // A completely free block whose memory is already committed, or nullptr.
  Block* take_free();
  // A zeroed block that adds kBlockSize to committed(); maps a new chunk if
  // needed. nullptr when the OS refuses memory.
  Block* take_fresh();

  // The block holding `addr` if it is inside one of our chunks, else nullptr.
  Block* block_containing(uintptr_t addr) const;

  // Clears the line marks of every block in use (start of a collection).
  void clear_line_marks();

  struct SweepResult {
    size_t live_lines = 0;
    size_t free_blocks = 0;
  };
  // Drops dead start bits, clears marks and re-sorts the blocks (see above),
  // keeping at most `reserve` free blocks committed. With poison set, the
  // memory of every dead object is filled with 0xdb.
  SweepResult sweep(bool poison, size_t reserve);

  // Returns the memory of all but `reserve` free blocks to the OS.
  void release_free(size_t reserve);

  const std::vector<Block*>& in_use() const { return in_use_; }
  size_t committed() const { return committed_blocks_ * kBlockSize; }
  size_t blocks_in_use() const { return in_use_.size(); }

 private:
  bool map_chunk();

  static constexpr size_t kChunkSize = 1024 * 1024;
  static constexpr size_t kBlocksPerChunk = kChunkSize / kBlockSize;

  std::vector<uintptr_t> chunks_;      // sorted chunk bases
  std::vector<Block*> in_use_;
  std::vector<Block*> recyclable_;
  std::vector<Block*> free_;           // committed, dirty
  std::vector<Block*> zeroed_;         // never used or given back: not committed
  size_t committed_blocks_ = 0;
};

}  // namespace pyrite::gc
