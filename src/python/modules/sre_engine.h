// The regular expression matcher behind _sre: runs the code that CPython
// 3.11's re/_compiler.py emits (docs/modules.md, "_sre").
//
// Opcodes, AT codes and CATEGORY codes are numbered as in re/_constants.py
// (the list order is the numeric value). The matcher is a backtracking
// interpreter with an explicit stack of contexts, so the C++ stack depth does
// not grow with the subject or the pattern.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pyrite::python::sre {

using Code = uint32_t;

inline constexpr uint32_t kMagic = 20220615;
inline constexpr Code kMaxRepeat = 0xFFFFFFFFu;
inline constexpr int64_t kMaxGroups = 0x3FFFFFFF;

// re/_constants.py: OPCODES, in order.
enum Opcode : Code {
  FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET, BIGCHARSET,
  GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL, NOT_LITERAL,
  NEGATE, RANGE, REPEAT, REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP, POSSESSIVE_REPEAT,
  POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE, NOT_LITERAL_IGNORE,
  GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE,
  GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE,
  RANGE_UNI_IGNORE,
};

// ATCODES.
enum AtCode : Code {
  AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END,
  AT_END_LINE, AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY,
  AT_UNI_NON_BOUNDARY,
};

// CHCODES.
enum CategoryCode : Code {
  CATEGORY_DIGIT, CATEGORY_NOT_DIGIT, CATEGORY_SPACE, CATEGORY_NOT_SPACE, CATEGORY_WORD,
  CATEGORY_NOT_WORD, CATEGORY_LINEBREAK, CATEGORY_NOT_LINEBREAK, CATEGORY_LOC_WORD,
  CATEGORY_LOC_NOT_WORD, CATEGORY_UNI_DIGIT, CATEGORY_UNI_NOT_DIGIT, CATEGORY_UNI_SPACE,
  CATEGORY_UNI_NOT_SPACE, CATEGORY_UNI_WORD, CATEGORY_UNI_NOT_WORD, CATEGORY_UNI_LINEBREAK,
  CATEGORY_UNI_NOT_LINEBREAK,
};

// SRE_INFO_* flags of the INFO block.
inline constexpr Code kInfoPrefix = 1;
inline constexpr Code kInfoLiteral = 2;
inline constexpr Code kInfoCharset = 4;

// Case helpers exposed as _sre.ascii_tolower etc. (CPython's sre_lower_*:
// the first code point of the full case mapping).
uint32_t lower_ascii(uint32_t c);
uint32_t lower_unicode(uint32_t c);
uint32_t upper_unicode(uint32_t c);
bool ascii_iscased(uint32_t c);
bool unicode_iscased(uint32_t c);

// One matching or searching run over a subject. Positions are code point
// (or byte) offsets; -1 stands for CPython's NULL mark.
struct State {
  // The subject: 1, 2 or 4 bytes per character.
  const void* data = nullptr;
  int kind = 1;
  int64_t length = 0;
  // [start, end): where the match may start and where the subject ends for
  // the pattern (endpos). `start` is also the start of the match found.
  int64_t start = 0;
  int64_t end = 0;
  int64_t ptr = 0;      // the end of the match found
  bool match_all = false;     // fullmatch: must end at `end`
  bool must_advance = false;  // an empty match at `start` is refused
  int64_t lastmark = -1;
  int64_t lastindex = -1;
  std::vector<int64_t> marks;  // 2 per group, valid up to lastmark

  // Working storage, reused between runs.
  struct Repeat {
    int64_t count;
    const Code* pattern;  // at the REPEAT's skip word
    int64_t last_ptr;
    int64_t prev;         // index of the enclosing repeat, -1 none
  };
  struct Context;
  std::vector<Context> contexts;
  std::vector<int64_t> data_stack;
  std::vector<Repeat> repeats;
  int64_t repeat = -1;

  State();
  ~State();
  // Clears the marks before a new run (CPython's state_reset).
  void reset();
};

// Does `code` (n words, `groups` capturing groups) have the structure
// re/_compiler.py gives code: known opcodes with their operands, skips that
// stay inside their block, bodies closed by the right opcode, group numbers
// in range, a SUCCESS at the end? The matcher trusts this (_sre.compile
// raises "invalid SRE code" otherwise).
bool validate(const Code* code, size_t n, int64_t groups);

// Match at state.start (state.match_all for fullmatch); 1 found, 0 not,
// negative for invalid code.
int match(State& state, const Code* pattern);
// Search from state.start; on success state.start is where the match begins.
int search(State& state, const Code* pattern);

}  // namespace pyrite::python::sre
