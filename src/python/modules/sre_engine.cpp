// The _sre matcher: interprets re/_compiler.py's code (docs/modules.md, "_sre").
//
// Continuation style, as CPython's sre: a context runs the pattern from its
// position to the end of the whole pattern (or to the SUCCESS closing an
// assertion, atomic group or possessive body), so "the rest matched" is a
// child context returning 1. A choice point (BRANCH, the REPEAT_ONE family,
// MAX_UNTIL/MIN_UNTIL) starts a child for one alternative and, when the child
// returns 0, restores what it saved and tries the next. Children are pushed on
// `State::contexts`, not on the C++ stack: `run` is one loop, and a child's
// return jumps back to the label its parent named.
//
// Invariants:
// - A context pops every word it pushed on the data stack before it returns
//   (saved marks, saved last_ptr), whether it succeeds or fails.
// - Repeat records are freed in the reverse order of allocation (a REPEAT
//   frees its record when its child returns), so they live on a vector used
//   as a stack.
// - marks[0..lastmark] are meaningful; a MARK past lastmark clears the gap.
//   Marks are saved and restored around alternatives only while inside a
//   repeat (state.repeat >= 0) or in MAX_UNTIL, exactly where CPython does,
//   since that decides what a group holds after a failed alternative.
#include "python/modules/sre_engine.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "python/runtime/unicode_case.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python::sre {

// ---- characters -------------------------------------------------------------------

uint32_t lower_ascii(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static uint32_t upper_ascii(uint32_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

// The first code point of a full case mapping, computed through the str
// methods' tables; BMP results are cached (case-insensitive matching asks for
// the same few characters over and over).
template <void (*Append)(char32_t, std::u32string*)>
uint32_t first_of_mapping(uint32_t c) {
  static std::vector<uint32_t> cache;  // 0: not computed yet
  if (c < 0x10000 && !cache.empty() && cache[c]) return cache[c] - 1;
  thread_local std::u32string buf;
  buf.clear();
  Append(c, &buf);
  uint32_t r = buf.empty() ? c : buf[0];
  if (c < 0x10000) {
    if (cache.empty()) cache.assign(0x10000, 0);
    cache[c] = r + 1;
  }
  return r;
}

uint32_t lower_unicode(uint32_t c) {
  if (c < 128) return lower_ascii(c);
  if (c > runtime::kMaxCodePoint) return c;
  return first_of_mapping<runtime::append_lower>(c);
}

uint32_t upper_unicode(uint32_t c) {
  if (c < 128) return upper_ascii(c);
  if (c > runtime::kMaxCodePoint) return c;
  return first_of_mapping<runtime::append_upper>(c);
}

bool ascii_iscased(uint32_t c) { return c < 128 && lower_ascii(c) != upper_ascii(c); }
bool unicode_iscased(uint32_t c) { return c != lower_unicode(c) || c != upper_unicode(c); }

// The LOCALE flag: Pyrite runs in the C locale, where the <ctype.h> classes
// of bytes past 127 are empty, so locale rules are the ASCII ones.
static uint32_t lower_locale(uint32_t c) { return c < 256 ? lower_ascii(c) : c; }
static uint32_t upper_locale(uint32_t c) { return c < 256 ? upper_ascii(c) : c; }

static bool is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_ascii_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_ascii_word(uint32_t c) {
  return c < 128 && (is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_');
}

// The classes of the first 256 code points, one bit per class, so that
// CATEGORY, \b and most set members cost a table load on 1-byte subjects.
enum : uint8_t {
  kClsDigit = 1, kClsSpace = 2, kClsWord = 4, kClsUniDigit = 8, kClsUniSpace = 16,
  kClsUniWord = 32, kClsUniLinebreak = 64,
};
// Filled by the first State's constructor (every match runs with a State).
static uint8_t g_class_bits[256];
static bool g_class_ready = false;
static void fill_class_table() {
  if (g_class_ready) return;
  {
    for (uint32_t c = 0; c < 256; c++) {
      uint8_t b = 0;
      if (is_ascii_digit(c)) b |= kClsDigit;
      if (is_ascii_space(c)) b |= kClsSpace;
      if (is_ascii_word(c)) b |= kClsWord;
      if (runtime::is_decimal(c)) b |= kClsUniDigit;
      if (runtime::is_space(c)) b |= kClsUniSpace;
      if (c < 128 ? is_ascii_word(c) : runtime::is_alnum(c)) b |= kClsUniWord;
      if (runtime::is_linebreak(c)) b |= kClsUniLinebreak;
      g_class_bits[c] = b;
    }
  }
  g_class_ready = true;
}
static inline const uint8_t* class_bits() { return g_class_bits; }

static bool is_uni_word_slow(uint32_t c) {
  if (c >= 0x10000) return c <= runtime::kMaxCodePoint && runtime::is_alnum(c);
  // BMP answers cached: 2 bits per code point (known, word).
  static std::vector<uint8_t> cache;
  if (cache.empty()) cache.assign(0x10000, 0);
  if (!cache[c]) cache[c] = runtime::is_alnum(c) ? 2 : 1;
  return cache[c] == 2;
}
static inline bool is_uni_word(uint32_t c) {
  if (c < 256) return class_bits()[c] & kClsUniWord;
  return is_uni_word_slow(c);
}

static bool category_slow(Code code, uint32_t c) {
  switch (code) {
    case CATEGORY_DIGIT: return is_ascii_digit(c);
    case CATEGORY_NOT_DIGIT: return !is_ascii_digit(c);
    case CATEGORY_SPACE: return is_ascii_space(c);
    case CATEGORY_NOT_SPACE: return !is_ascii_space(c);
    case CATEGORY_WORD: return is_ascii_word(c);
    case CATEGORY_NOT_WORD: return !is_ascii_word(c);
    case CATEGORY_LINEBREAK: return c == '\n';
    case CATEGORY_NOT_LINEBREAK: return c != '\n';
    case CATEGORY_LOC_WORD: return is_ascii_word(c);
    case CATEGORY_LOC_NOT_WORD: return !is_ascii_word(c);
    case CATEGORY_UNI_DIGIT: return c <= runtime::kMaxCodePoint && runtime::is_decimal(c);
    case CATEGORY_UNI_NOT_DIGIT: return !(c <= runtime::kMaxCodePoint && runtime::is_decimal(c));
    case CATEGORY_UNI_SPACE: return c <= runtime::kMaxCodePoint && runtime::is_space(c);
    case CATEGORY_UNI_NOT_SPACE: return !(c <= runtime::kMaxCodePoint && runtime::is_space(c));
    case CATEGORY_UNI_WORD: return is_uni_word(c);
    case CATEGORY_UNI_NOT_WORD: return !is_uni_word(c);
    case CATEGORY_UNI_LINEBREAK: return runtime::is_linebreak(c);
    case CATEGORY_UNI_NOT_LINEBREAK: return !runtime::is_linebreak(c);
  }
  return false;
}

// Per CATEGORY code: the class bit it tests (LOC_WORD is ASCII's in the C
// locale); the odd codes are the negations.
static constexpr uint8_t kCategoryBit[18] = {
    kClsDigit, kClsDigit, kClsSpace, kClsSpace, kClsWord, kClsWord, 0, 0, kClsWord, kClsWord,
    kClsUniDigit, kClsUniDigit, kClsUniSpace, kClsUniSpace, kClsUniWord, kClsUniWord,
    kClsUniLinebreak, kClsUniLinebreak,
};

static inline bool category(Code code, uint32_t c) {
  if (c < 256 && code <= CATEGORY_UNI_NOT_LINEBREAK) {
    bool yes;
    if (code == CATEGORY_LINEBREAK || code == CATEGORY_NOT_LINEBREAK) yes = c == '\n';
    else yes = class_bits()[c] & kCategoryBit[code];
    return (code & 1) ? !yes : yes;
  }
  return category_slow(code, c);
}

// A set: a list of members ending in FAILURE (_compiler._compile_charset).
[[gnu::always_inline]] static inline bool in_charset(const Code* set, uint32_t c) {
  bool ok = true;
  for (;;) {
    switch (*set++) {
      case FAILURE:
        return !ok;
      case LITERAL:
        if (c == set[0]) return ok;
        set += 1;
        break;
      case CATEGORY:
        if (category(set[0], c)) return ok;
        set += 1;
        break;
      case CHARSET:  // a 256-bit bitmap in 8 words
        if (c < 256 && (set[c >> 5] & (1u << (c & 31)))) return ok;
        set += 8;
        break;
      case RANGE:
        if (set[0] <= c && c <= set[1]) return ok;
        set += 2;
        break;
      case RANGE_UNI_IGNORE: {
        if (set[0] <= c && c <= set[1]) return ok;
        uint32_t u = upper_unicode(c);
        if (set[0] <= u && u <= set[1]) return ok;
        set += 2;
        break;
      }
      case NEGATE:
        ok = !ok;
        break;
      case BIGCHARSET: {
        // <count> <256 block indices, as bytes in 64 words> <count bitmaps of 8 words>
        Code count = *set++;
        int block = -1;
        if (c < 0x10000) block = reinterpret_cast<const uint8_t*>(set)[c >> 8];
        set += 64;
        if (block >= 0 && (set[(block * 256 + (c & 255)) >> 5] & (1u << (c & 31)))) return ok;
        set += count * 8;
        break;
      }
      default:
        return false;  // invalid code: no match
    }
  }
}

static bool in_charset_loc_ignore(const Code* set, uint32_t c) {
  uint32_t lo = lower_locale(c);
  if (in_charset(set, lo)) return true;
  uint32_t up = upper_locale(c);
  return up != lo && in_charset(set, up);
}

static bool char_loc_ignore(Code pattern, uint32_t c) {
  return c == pattern || lower_locale(c) == pattern || upper_locale(c) == pattern;
}

// Does the one-character item at `item` (its opcode first) accept c?
[[gnu::always_inline]] static inline bool item_accepts(const Code* item, uint32_t c) {
  switch (item[0]) {
    case ANY: return c != '\n';
    case ANY_ALL: return true;
    case IN: return in_charset(item + 2, c);
    case IN_IGNORE: return in_charset(item + 2, lower_ascii(c));
    case IN_UNI_IGNORE: return in_charset(item + 2, lower_unicode(c));
    case IN_LOC_IGNORE: return in_charset_loc_ignore(item + 2, c);
    case LITERAL: return c == item[1];
    case NOT_LITERAL: return c != item[1];
    case LITERAL_IGNORE: return lower_ascii(c) == item[1];
    case NOT_LITERAL_IGNORE: return lower_ascii(c) != item[1];
    case LITERAL_UNI_IGNORE: return lower_unicode(c) == item[1];
    case NOT_LITERAL_UNI_IGNORE: return lower_unicode(c) != item[1];
    case LITERAL_LOC_IGNORE: return char_loc_ignore(item[1], c);
    case NOT_LITERAL_LOC_IGNORE: return !char_loc_ignore(item[1], c);
    case CATEGORY: return category(item[1], c);
  }
  return false;
}

// ---- the state ----------------------------------------------------------------------

struct State::Context {
  const Code* pattern;
  int64_t ptr;
  int64_t count;
  int32_t lastmark;  // at most 2 * kMaxGroups + 1
  int32_t lastindex;
  int32_t rep;       // the repeat record this context works on
  uint32_t chr;      // REPEAT_ONE: the literal the tail starts with
  uint8_t jump;      // where the parent resumes when this context returns
  bool toplevel;     // SUCCESS ends the whole match (match_all, must_advance apply)
};

// The working vectors of the last State destroyed on this thread, handed to
// the next one, so a match() per line does not allocate them again. Vectors
// grown past kSpareLimit elements are freed instead of kept.
namespace {
constexpr size_t kSpareLimit = 4096;
struct Spare {
  std::vector<int64_t> marks;
  std::vector<State::Context> contexts;
  std::vector<int64_t> data_stack;
  std::vector<State::Repeat> repeats;
};
thread_local Spare spare;
}  // namespace

State::State() {
  fill_class_table();
  marks.swap(spare.marks);
  contexts.swap(spare.contexts);
  data_stack.swap(spare.data_stack);
  repeats.swap(spare.repeats);
}

State::~State() {
  if (contexts.size() <= kSpareLimit && spare.contexts.empty()) spare.contexts.swap(contexts);
  if (marks.capacity() <= kSpareLimit && spare.marks.capacity() == 0) {
    marks.clear();
    spare.marks.swap(marks);
  }
  if (data_stack.capacity() <= kSpareLimit && spare.data_stack.capacity() == 0) {
    data_stack.clear();
    spare.data_stack.swap(data_stack);
  }
  if (repeats.capacity() <= kSpareLimit && spare.repeats.capacity() == 0) {
    repeats.clear();
    spare.repeats.swap(repeats);
  }
}

void State::reset() {
  lastmark = -1;
  lastindex = -1;
  repeat = -1;
}

namespace {

enum Jump : uint8_t {
  kJumpNone, kJumpMaxUntil1, kJumpMaxUntil2, kJumpMaxUntil3, kJumpMinUntil1, kJumpMinUntil2,
  kJumpMinUntil3, kJumpRepeat, kJumpRepeatOne1, kJumpRepeatOne2, kJumpMinRepeatOne,
  kJumpBranch, kJumpAssert, kJumpAssertNot, kJumpPossRepeat1, kJumpPossRepeat2,
  kJumpAtomicGroup,
};

template <class C>
struct Matcher {
  State& st;
  const C* s;

  uint32_t at_char(int64_t i) const { return s[i]; }

  [[gnu::always_inline]] bool at(int64_t ptr, Code code) const {
    const int64_t end = st.end;
    switch (code) {
      case AT_BEGINNING:
      case AT_BEGINNING_STRING:
        return ptr == 0;
      case AT_BEGINNING_LINE:
        return ptr == 0 || s[ptr - 1] == '\n';
      case AT_END:
        return (ptr + 1 == end && s[ptr] == '\n') || ptr == end;
      case AT_END_LINE:
        return ptr == end || s[ptr] == '\n';
      case AT_END_STRING:
        return ptr == end;
      case AT_BOUNDARY:
      case AT_NON_BOUNDARY:
      case AT_LOC_BOUNDARY:
      case AT_LOC_NON_BOUNDARY:
      case AT_UNI_BOUNDARY:
      case AT_UNI_NON_BOUNDARY: {
        if (end == 0) return false;
        bool uni = code == AT_UNI_BOUNDARY || code == AT_UNI_NON_BOUNDARY;
        auto word = [&](uint32_t c) { return uni ? is_uni_word(c) : is_ascii_word(c); };
        bool before = ptr > 0 && word(s[ptr - 1]);
        bool here = ptr < end && word(s[ptr]);
        bool boundary = code == AT_BOUNDARY || code == AT_LOC_BOUNDARY || code == AT_UNI_BOUNDARY;
        return boundary ? here != before : here == before;
      }
    }
    return false;
  }

  // How many times (at most maxcount) the item at `item` matches from
  // st.ptr on.
  int64_t count(const Code* item, Code maxcount) const {
    int64_t ptr = st.ptr;
    int64_t end = st.end;
    if (maxcount != kMaxRepeat && int64_t(maxcount) < end - ptr) end = ptr + maxcount;
    int64_t i = ptr;
    switch (item[0]) {
      case ANY_ALL:
        return end - ptr;
      case LITERAL: {
        Code c = item[1];
        while (i < end && s[i] == c) i++;
        return i - ptr;
      }
      case NOT_LITERAL: {
        Code c = item[1];
        while (i < end && s[i] != c) i++;
        return i - ptr;
      }
      case ANY:
        while (i < end && s[i] != '\n') i++;
        return i - ptr;
      case IN: {
        const Code* set = item + 2;
        while (i < end && in_charset(set, s[i])) i++;
        return i - ptr;
      }
      case CATEGORY: {
        Code cat = item[1];
        while (i < end && category(cat, s[i])) i++;
        return i - ptr;
      }
      default:
        while (i < end && item_accepts(item, s[i])) i++;
        return i - ptr;
    }
  }

  void mark_push(int64_t lastmark) {
    if (lastmark >= 0)
      st.data_stack.insert(st.data_stack.end(), st.marks.begin(), st.marks.begin() + lastmark + 1);
  }
  void mark_pop_keep(int64_t lastmark) {
    if (lastmark >= 0) {
      size_t n = size_t(lastmark + 1);
      std::copy(st.data_stack.end() - n, st.data_stack.end(), st.marks.begin());
    }
  }
  void mark_pop_discard(int64_t lastmark) {
    if (lastmark >= 0) st.data_stack.resize(st.data_stack.size() - size_t(lastmark + 1));
  }
  void mark_pop(int64_t lastmark) {
    mark_pop_keep(lastmark);
    mark_pop_discard(lastmark);
  }

  // The mark pair of group `g` when both ends are set (GROUPREF*).
  bool group_span(Code g, int64_t* b, int64_t* e) const {
    int64_t ref = int64_t(g) * 2;
    if (ref >= st.lastmark) return false;
    *b = st.marks[size_t(ref)];
    *e = st.marks[size_t(ref + 1)];
    return *b >= 0 && *e >= 0 && *e >= *b;
  }

  // Can a match start at ptr, judging by the pattern's first items? Only
  // tests the matcher would make at once (MARKs are passed over, ATs
  // checked, the first character tried against a one-character item, a
  // repeat of one with min >= 1, or a BRANCH's alternatives), so false
  // means the matcher would fail there.
  bool may_start(const Code* p, int64_t ptr) const {
    for (;;) {
      switch (p[0]) {
        case MARK:
          p += 2;
          break;
        case AT:
          if (!at(ptr, p[1])) return false;
          p += 2;
          break;
        case ANY: case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
        case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
        case NOT_LITERAL_LOC_IGNORE: case CATEGORY: case ANY_ALL:
          return ptr < st.end && item_accepts(p, s[ptr]);
        case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE:
          if (p[2] == 0) return true;
          return ptr < st.end && item_accepts(p + 4, s[ptr]);
        case BRANCH: {
          // <BRANCH> (<skip> alternative <JUMP> <skip>)* <0>
          if (ptr >= st.end) return true;
          for (const Code* alt = p + 1; alt[0]; alt += alt[0]) {
            switch (alt[1]) {
              case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
              case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
              case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
              case NOT_LITERAL_LOC_IGNORE: case CATEGORY:
                if (item_accepts(alt + 1, s[ptr])) return true;
                break;
              default:
                return true;
            }
          }
          return false;
        }
        default:
          return true;
      }
    }
  }

  int run(const Code* start_pattern, bool toplevel_arg);
};

// Control flow inside Matcher::run. A child context starts at st.ptr with
// `next` as its pattern; when it returns, `ret` holds its result and the
// parent continues at `label` with its own pattern and ptr.
#define SRE_FAIL() \
  do {             \
    ret = 0;       \
    goto leave;    \
  } while (0)
#define SRE_SUCCEED() \
  do {                \
    ret = 1;          \
    goto leave;       \
  } while (0)
#define SRE_JUMP(id, label, next, top)                                                   \
  do {                                                                                   \
    {                                                                                    \
      const Code* next_ = (next);                                                        \
      bool top_ = (top);                                                                 \
      ctx->pattern = pattern;                                                            \
      ctx->ptr = ptr;                                                                    \
      if (size_t(++depth) == ctxs.size()) ctxs.resize(ctxs.size() * 2);                  \
      ctxs[size_t(depth)] = State::Context{next_, 0, 0, 0, 0, -1, 0, id, top_};           \
      pattern = next_;                                                                   \
      goto enter;                                                                        \
    }                                                                                    \
    label:;                                                                              \
  } while (0)
#define SRE_CHILD(id, label, next) SRE_JUMP(id, label, next, ctx->toplevel)
#define SRE_CHILD0(id, label, next) SRE_JUMP(id, label, next, false)
// The repeat record the current context works on.
#define SRE_REP st.repeats[size_t(ctx->rep)]

template <class C>
int Matcher<C>::run(const Code* start_pattern, bool toplevel_arg) {
  const int64_t end = st.end;
  // contexts[0..depth] are live; the vector's size is only its capacity.
  auto& ctxs = st.contexts;
  if (ctxs.size() < 16) ctxs.resize(16);
  int64_t depth = 0;
  ctxs[0] = State::Context{start_pattern, 0, 0, 0, 0, -1, 0, kJumpNone, toplevel_arg};
  State::Context* ctx;
  const Code* pattern = start_pattern;
  int64_t ptr;
  int ret = 0;

enter:
  ctx = &ctxs[size_t(depth)];
  ptr = st.ptr;
  if (pattern[0] == INFO) {
    // <INFO> <skip> <flags> <min> ...: too few characters left
    if (pattern[3] && end - ptr < int64_t(pattern[3])) SRE_FAIL();
    pattern += pattern[1] + 1;
  }

  for (;;) {
    switch (*pattern++) {
      case MARK: {
        int64_t i = pattern[0];
        if (i & 1) st.lastindex = i / 2 + 1;
        if (size_t(i) >= st.marks.size()) st.marks.resize(size_t(i) + 1, -1);
        if (i > st.lastmark) {
          for (int64_t j = st.lastmark + 1; j < i; j++) st.marks[size_t(j)] = -1;
          st.lastmark = i;
        }
        st.marks[size_t(i)] = ptr;
        pattern++;
        break;
      }

      case AT:
        if (!at(ptr, pattern[0])) SRE_FAIL();
        pattern++;
        break;

      case CATEGORY:
        if (ptr >= end || !category(pattern[0], s[ptr])) SRE_FAIL();
        pattern++;
        ptr++;
        break;

      case ANY:
        if (ptr >= end || s[ptr] == '\n') SRE_FAIL();
        ptr++;
        break;

      case ANY_ALL:
        if (ptr >= end) SRE_FAIL();
        ptr++;
        break;

      case IN:
        if (ptr >= end || !in_charset(pattern + 1, s[ptr])) SRE_FAIL();
        pattern += pattern[0];
        ptr++;
        break;
      case IN_IGNORE:
        if (ptr >= end || !in_charset(pattern + 1, lower_ascii(s[ptr]))) SRE_FAIL();
        pattern += pattern[0];
        ptr++;
        break;
      case IN_UNI_IGNORE:
        if (ptr >= end || !in_charset(pattern + 1, lower_unicode(s[ptr]))) SRE_FAIL();
        pattern += pattern[0];
        ptr++;
        break;
      case IN_LOC_IGNORE:
        if (ptr >= end || !in_charset_loc_ignore(pattern + 1, s[ptr])) SRE_FAIL();
        pattern += pattern[0];
        ptr++;
        break;

      case LITERAL:
        if (ptr >= end || s[ptr] != pattern[0]) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case NOT_LITERAL:
        if (ptr >= end || s[ptr] == pattern[0]) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case LITERAL_IGNORE:
        if (ptr >= end || lower_ascii(s[ptr]) != pattern[0]) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case NOT_LITERAL_IGNORE:
        if (ptr >= end || lower_ascii(s[ptr]) == pattern[0]) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case LITERAL_UNI_IGNORE:
        if (ptr >= end || lower_unicode(s[ptr]) != pattern[0]) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case NOT_LITERAL_UNI_IGNORE:
        if (ptr >= end || lower_unicode(s[ptr]) == pattern[0]) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case LITERAL_LOC_IGNORE:
        if (ptr >= end || !char_loc_ignore(pattern[0], s[ptr])) SRE_FAIL();
        pattern++;
        ptr++;
        break;
      case NOT_LITERAL_LOC_IGNORE:
        if (ptr >= end || char_loc_ignore(pattern[0], s[ptr])) SRE_FAIL();
        pattern++;
        ptr++;
        break;

      case JUMP:
      case INFO:
        pattern += pattern[0];
        break;

      case FAILURE:
        SRE_FAIL();

      case SUCCESS:
        if (ctx->toplevel && ((st.match_all && ptr != end) || (st.must_advance && ptr == st.start)))
          SRE_FAIL();
        st.ptr = ptr;
        SRE_SUCCEED();

      case BRANCH:
        // <BRANCH> <skip> alternative <JUMP> ... <0>
        ctx->lastmark = st.lastmark;
        ctx->lastindex = st.lastindex;
        if (st.repeat >= 0) mark_push(ctx->lastmark);
        for (; pattern[0]; pattern += pattern[0]) {
          if (pattern[1] == LITERAL && (ptr >= end || s[ptr] != pattern[2])) continue;
          if (pattern[1] == IN && (ptr >= end || !in_charset(pattern + 3, s[ptr]))) continue;
          st.ptr = ptr;
          SRE_CHILD(kJumpBranch, jump_branch, pattern + 1);
          if (ret) {
            if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
            if (ret < 0) goto leave;
            SRE_SUCCEED();
          }
          if (st.repeat >= 0) mark_pop_keep(ctx->lastmark);
          st.lastmark = ctx->lastmark;
          st.lastindex = ctx->lastindex;
        }
        if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
        SRE_FAIL();

      case REPEAT_ONE:
        // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy
        // repetition of a one-character item, backing off one at a time.
        if (ptr + int64_t(pattern[1]) > end) SRE_FAIL();
        st.ptr = ptr;
        ctx->count = count(pattern + 3, pattern[2]);
        ptr += ctx->count;
        if (ctx->count < int64_t(pattern[1])) SRE_FAIL();
        if (pattern[pattern[0]] == SUCCESS && ptr == end &&
            !(ctx->toplevel && st.must_advance && ptr == st.start)) {
          st.ptr = ptr;  // the tail is empty and everything is taken
          SRE_SUCCEED();
        }
        ctx->lastmark = st.lastmark;
        ctx->lastindex = st.lastindex;
        if (st.repeat >= 0) mark_push(ctx->lastmark);
        if (pattern[pattern[0]] == LITERAL) {
          // The tail starts with a literal: only try where it is.
          ctx->chr = pattern[pattern[0] + 1];
          for (;;) {
            while (ctx->count >= int64_t(pattern[1]) && (ptr >= end || s[ptr] != ctx->chr)) {
              ptr--;
              ctx->count--;
            }
            if (ctx->count < int64_t(pattern[1])) break;
            st.ptr = ptr;
            SRE_CHILD(kJumpRepeatOne1, jump_repeat_one_1, pattern + pattern[0]);
            if (ret) {
              if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
              if (ret < 0) goto leave;
              SRE_SUCCEED();
            }
            if (st.repeat >= 0) mark_pop_keep(ctx->lastmark);
            st.lastmark = ctx->lastmark;
            st.lastindex = ctx->lastindex;
            ptr--;
            ctx->count--;
          }
        } else {
          while (ctx->count >= int64_t(pattern[1])) {
            st.ptr = ptr;
            SRE_CHILD(kJumpRepeatOne2, jump_repeat_one_2, pattern + pattern[0]);
            if (ret) {
              if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
              if (ret < 0) goto leave;
              SRE_SUCCEED();
            }
            if (st.repeat >= 0) mark_pop_keep(ctx->lastmark);
            st.lastmark = ctx->lastmark;
            st.lastindex = ctx->lastindex;
            ptr--;
            ctx->count--;
          }
        }
        if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
        SRE_FAIL();

      case MIN_REPEAT_ONE:
        // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy,
        // taking one more character each time the tail fails.
        if (ptr + int64_t(pattern[1]) > end) SRE_FAIL();
        st.ptr = ptr;
        if (pattern[1] == 0) {
          ctx->count = 0;
        } else {
          ctx->count = count(pattern + 3, pattern[1]);
          if (ctx->count < int64_t(pattern[1])) SRE_FAIL();
          ptr += ctx->count;
        }
        if (pattern[pattern[0]] == SUCCESS &&
            !(ctx->toplevel &&
              ((st.match_all && ptr != end) || (st.must_advance && ptr == st.start)))) {
          st.ptr = ptr;
          SRE_SUCCEED();
        }
        ctx->lastmark = st.lastmark;
        ctx->lastindex = st.lastindex;
        if (st.repeat >= 0) mark_push(ctx->lastmark);
        while (pattern[2] == kMaxRepeat || ctx->count <= int64_t(pattern[2])) {
          st.ptr = ptr;
          SRE_CHILD(kJumpMinRepeatOne, jump_min_repeat_one, pattern + pattern[0]);
          if (ret) {
            if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
            if (ret < 0) goto leave;
            SRE_SUCCEED();
          }
          if (st.repeat >= 0) mark_pop_keep(ctx->lastmark);
          st.lastmark = ctx->lastmark;
          st.lastindex = ctx->lastindex;
          st.ptr = ptr;
          if (count(pattern + 3, 1) == 0) break;
          ptr++;
          ctx->count++;
        }
        if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
        SRE_FAIL();

      case POSSESSIVE_REPEAT_ONE:
        // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
        if (ptr + int64_t(pattern[1]) > end) SRE_FAIL();
        st.ptr = ptr;
        ctx->count = count(pattern + 3, pattern[2]);
        ptr += ctx->count;
        if (ctx->count < int64_t(pattern[1])) SRE_FAIL();
        pattern += pattern[0];
        break;

      case REPEAT:
        // <REPEAT> <skip> <min> <max> item <MAX_UNTIL or MIN_UNTIL> tail:
        // the record counts the items; the UNTIL does the work.
        st.repeats.push_back(State::Repeat{-1, pattern, -1, st.repeat});
        ctx->rep = int64_t(st.repeats.size()) - 1;
        st.repeat = ctx->rep;
        st.ptr = ptr;
        SRE_CHILD(kJumpRepeat, jump_repeat, pattern + pattern[0]);
        st.repeat = SRE_REP.prev;
        st.repeats.pop_back();
        if (ret) {
          if (ret < 0) goto leave;
          SRE_SUCCEED();
        }
        SRE_FAIL();

      case MAX_UNTIL:
        // Greedy: another item if it can match, else the tail.
        ctx->rep = st.repeat;
        if (ctx->rep < 0) {
          ret = -1;
          goto leave;
        }
        st.ptr = ptr;
        ctx->count = SRE_REP.count + 1;
        if (ctx->count < int64_t(SRE_REP.pattern[1])) {
          SRE_REP.count = ctx->count;  // not enough items yet
          SRE_CHILD(kJumpMaxUntil1, jump_max_until_1, SRE_REP.pattern + 3);
          if (ret) {
            if (ret < 0) goto leave;
            SRE_SUCCEED();
          }
          SRE_REP.count = ctx->count - 1;
          st.ptr = ptr;
          SRE_FAIL();
        }
        if ((ctx->count < int64_t(SRE_REP.pattern[2]) || SRE_REP.pattern[2] == kMaxRepeat) &&
            st.ptr != SRE_REP.last_ptr) {
          // Another item, unless the last one matched the empty string here.
          SRE_REP.count = ctx->count;
          ctx->lastmark = st.lastmark;
          ctx->lastindex = st.lastindex;
          mark_push(ctx->lastmark);
          st.data_stack.push_back(SRE_REP.last_ptr);
          SRE_REP.last_ptr = st.ptr;
          SRE_CHILD(kJumpMaxUntil2, jump_max_until_2, SRE_REP.pattern + 3);
          SRE_REP.last_ptr = st.data_stack.back();
          st.data_stack.pop_back();
          if (ret) {
            mark_pop_discard(ctx->lastmark);
            if (ret < 0) goto leave;
            SRE_SUCCEED();
          }
          mark_pop(ctx->lastmark);
          st.lastmark = ctx->lastmark;
          st.lastindex = ctx->lastindex;
          SRE_REP.count = ctx->count - 1;
          st.ptr = ptr;
        }
        // No more items here: the tail must match.
        st.repeat = SRE_REP.prev;
        SRE_CHILD(kJumpMaxUntil3, jump_max_until_3, pattern);
        st.repeat = ctx->rep;
        if (ret) {
          if (ret < 0) goto leave;
          SRE_SUCCEED();
        }
        st.ptr = ptr;
        SRE_FAIL();

      case MIN_UNTIL:
        // Lazy: the tail first, another item if it fails.
        ctx->rep = st.repeat;
        if (ctx->rep < 0) {
          ret = -1;
          goto leave;
        }
        st.ptr = ptr;
        ctx->count = SRE_REP.count + 1;
        if (ctx->count < int64_t(SRE_REP.pattern[1])) {
          SRE_REP.count = ctx->count;
          SRE_CHILD(kJumpMinUntil1, jump_min_until_1, SRE_REP.pattern + 3);
          if (ret) {
            if (ret < 0) goto leave;
            SRE_SUCCEED();
          }
          SRE_REP.count = ctx->count - 1;
          st.ptr = ptr;
          SRE_FAIL();
        }
        st.repeat = SRE_REP.prev;
        ctx->lastmark = st.lastmark;
        ctx->lastindex = st.lastindex;
        if (st.repeat >= 0) mark_push(ctx->lastmark);
        SRE_CHILD(kJumpMinUntil2, jump_min_until_2, pattern);
        {
          bool tail_in_repeat = st.repeat >= 0;
          st.repeat = ctx->rep;
          if (ret) {
            if (tail_in_repeat) mark_pop_discard(ctx->lastmark);
            if (ret < 0) goto leave;
            SRE_SUCCEED();
          }
          if (tail_in_repeat) mark_pop(ctx->lastmark);
        }
        st.lastmark = ctx->lastmark;
        st.lastindex = ctx->lastindex;
        st.ptr = ptr;
        if ((ctx->count >= int64_t(SRE_REP.pattern[2]) &&
             SRE_REP.pattern[2] != kMaxRepeat) ||
            st.ptr == SRE_REP.last_ptr)
          SRE_FAIL();
        SRE_REP.count = ctx->count;
        st.data_stack.push_back(SRE_REP.last_ptr);
        SRE_REP.last_ptr = st.ptr;
        SRE_CHILD(kJumpMinUntil3, jump_min_until_3, SRE_REP.pattern + 3);
        SRE_REP.last_ptr = st.data_stack.back();
        st.data_stack.pop_back();
        if (ret) {
          if (ret < 0) goto leave;
          SRE_SUCCEED();
        }
        SRE_REP.count = ctx->count - 1;
        st.ptr = ptr;
        SRE_FAIL();

      case POSSESSIVE_REPEAT:
        // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail: items
        // are matched as atomic groups, one after the other, never given back.
        // CPython 3.11.2 gives the body no repeat record of its own (3.11.3
        // does), so alternatives inside it save marks only within an
        // enclosing repeat; the groups it reports follow from that.
        st.ptr = ptr;
        ctx->count = 0;
        while (ctx->count < int64_t(pattern[1])) {
          SRE_CHILD0(kJumpPossRepeat1, jump_poss_repeat_1, pattern + 3);
          if (ret) {
            if (ret < 0) goto leave;
            ctx->count++;
          } else {
            st.ptr = ptr;
            SRE_FAIL();
          }
        }
        ptr = -1;  // so the first extra item is tried
        while ((ctx->count < int64_t(pattern[2]) || pattern[2] == kMaxRepeat) && st.ptr != ptr) {
          ctx->lastmark = st.lastmark;
          ctx->lastindex = st.lastindex;
          mark_push(ctx->lastmark);
          ptr = st.ptr;
          SRE_CHILD0(kJumpPossRepeat2, jump_poss_repeat_2, pattern + 3);
          if (ret) {
            mark_pop_discard(ctx->lastmark);
            if (ret < 0) goto leave;
            ctx->count++;
          } else {
            mark_pop(ctx->lastmark);
            st.lastmark = ctx->lastmark;
            st.lastindex = ctx->lastindex;
            st.ptr = ptr;
            break;
          }
        }
        pattern += pattern[0] + 1;
        ptr = st.ptr;
        break;

      case ATOMIC_GROUP:
        // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
        st.ptr = ptr;
        SRE_CHILD0(kJumpAtomicGroup, jump_atomic_group, pattern + 1);
        if (ret < 0) goto leave;
        if (ret == 0) {
          st.ptr = ptr;
          SRE_FAIL();
        }
        pattern += pattern[0];
        ptr = st.ptr;
        break;

      case GROUPREF:
      case GROUPREF_IGNORE:
      case GROUPREF_UNI_IGNORE:
      case GROUPREF_LOC_IGNORE: {
        Code op = pattern[-1];
        int64_t b, e;
        if (!group_span(pattern[0], &b, &e)) SRE_FAIL();
        for (; b < e; b++, ptr++) {
          if (ptr >= end) SRE_FAIL();
          uint32_t x = s[ptr], y = s[b];
          if (op == GROUPREF_IGNORE) {
            x = lower_ascii(x);
            y = lower_ascii(y);
          } else if (op == GROUPREF_UNI_IGNORE) {
            x = lower_unicode(x);
            y = lower_unicode(y);
          } else if (op == GROUPREF_LOC_IGNORE) {
            x = lower_locale(x);
            y = lower_locale(y);
          }
          if (x != y) SRE_FAIL();
        }
        pattern++;
        break;
      }

      case GROUPREF_EXISTS: {
        // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
        int64_t b, e;
        if (!group_span(pattern[0], &b, &e)) {
          pattern += pattern[1];
          break;
        }
        pattern += 2;
        break;
      }

      case ASSERT:
        // <ASSERT> <skip> <back> pattern <SUCCESS>
        if (ptr < int64_t(pattern[1])) SRE_FAIL();
        st.ptr = ptr - pattern[1];
        SRE_CHILD0(kJumpAssert, jump_assert, pattern + 2);
        if (ret <= 0) goto leave;
        pattern += pattern[0];
        break;

      case ASSERT_NOT:
        if (ptr >= int64_t(pattern[1])) {
          st.ptr = ptr - pattern[1];
          ctx->lastmark = st.lastmark;
          ctx->lastindex = st.lastindex;
          if (st.repeat >= 0) mark_push(ctx->lastmark);
          SRE_CHILD0(kJumpAssertNot, jump_assert_not, pattern + 2);
          if (ret) {
            if (st.repeat >= 0) mark_pop_discard(ctx->lastmark);
            if (ret < 0) goto leave;
            SRE_FAIL();
          }
          if (st.repeat >= 0) mark_pop(ctx->lastmark);
          st.lastmark = ctx->lastmark;
          st.lastindex = ctx->lastindex;
        }
        pattern += pattern[0];
        break;

      default:
        ret = -1;  // not code re/_compiler.py makes
        goto leave;
    }
  }

leave: {
  uint8_t jump = ctx->jump;
  if (depth == 0) return ret;
  ctx = &ctxs[size_t(--depth)];
  pattern = ctx->pattern;
  ptr = ctx->ptr;
  switch (jump) {
    case kJumpMaxUntil1: goto jump_max_until_1;
    case kJumpMaxUntil2: goto jump_max_until_2;
    case kJumpMaxUntil3: goto jump_max_until_3;
    case kJumpMinUntil1: goto jump_min_until_1;
    case kJumpMinUntil2: goto jump_min_until_2;
    case kJumpMinUntil3: goto jump_min_until_3;
    case kJumpRepeat: goto jump_repeat;
    case kJumpRepeatOne1: goto jump_repeat_one_1;
    case kJumpRepeatOne2: goto jump_repeat_one_2;
    case kJumpMinRepeatOne: goto jump_min_repeat_one;
    case kJumpBranch: goto jump_branch;
    case kJumpAssert: goto jump_assert;
    case kJumpAssertNot: goto jump_assert_not;
    case kJumpPossRepeat1: goto jump_poss_repeat_1;
    case kJumpPossRepeat2: goto jump_poss_repeat_2;
    case kJumpAtomicGroup: goto jump_atomic_group;
  }
  return -1;
}
}

#undef SRE_FAIL
#undef SRE_SUCCEED
#undef SRE_JUMP
#undef SRE_CHILD
#undef SRE_CHILD0
#undef SRE_REP

template <class C>
int match_with(State& st, const Code* pattern) {
  Matcher<C> m{st, static_cast<const C*>(st.data)};
  st.repeats.clear();
  st.data_stack.clear();
  st.repeat = -1;
  return m.run(pattern, true);
}

int dispatch_match(State& st, const Code* pattern) {
  switch (st.kind) {
    case 1: return match_with<uint8_t>(st, pattern);
    case 2: return match_with<uint16_t>(st, pattern);
    default: return match_with<uint32_t>(st, pattern);
  }
}

// Tries each start position in turn. The INFO block tells the minimum length
// and what a match starts with: positions that cannot start a match are
// skipped without running the matcher (a pure shortcut: the matcher would
// fail there), as are those the pattern's first items rule out (may_start).
template <class C>
int search_with(State& st, const Code* pattern) {
  const C* s = static_cast<const C*>(st.data);
  int64_t ptr = st.start;
  const int64_t end = st.end;
  if (ptr > end) return 0;
  const Code* prefix = nullptr;
  const Code* charset = nullptr;
  int64_t last = end;
  if (pattern[0] == INFO) {
    Code flags = pattern[2];
    int64_t min = pattern[3];
    if (min && end - ptr < min) return 0;
    if (min > 1) last = end - (min - 1);
    if ((flags & kInfoPrefix) && pattern[5] > 0) prefix = pattern + 7;
    else if (flags & kInfoCharset) charset = pattern + 5;
    pattern += pattern[1] + 1;
  }
  bool anchored = pattern[0] == AT && (pattern[1] == AT_BEGINNING || pattern[1] == AT_BEGINNING_STRING);
  const int64_t first = ptr;
  const int64_t stop = anchored ? ptr : std::max(ptr, last);
  Matcher<C> m{st, s};
  // may_start's walk over the leading MARKs and ATs, done once: the ATs to
  // check and then the one-character item the first character must pass
  // (or a BRANCH, or nothing known).
  Code at_codes[4];
  int n_at = 0;
  const Code* item = nullptr;
  const Code* rest = pattern;
  for (bool more = true; more;) {
    switch (rest[0]) {
      case MARK:
        rest += 2;
        break;
      case AT:
        if (n_at == 4) {
          more = false;
          break;
        }
        at_codes[n_at++] = rest[1];
        rest += 2;
        break;
      case ANY: case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
      case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
      case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
      case NOT_LITERAL_LOC_IGNORE: case CATEGORY: case ANY_ALL:
        item = rest;
        more = false;
        break;
      case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE:
        if (rest[2] != 0) item = rest + 4;
        more = false;
        break;
      default:
        more = false;
        break;
    }
  }
  auto may_start = [&](int64_t at_ptr) {
    for (int i = 0; i < n_at; i++)
      if (!m.at(at_ptr, at_codes[i])) return false;
    if (item) return at_ptr < end && item_accepts(item, s[at_ptr]);
    return m.may_start(rest, at_ptr);
  };
  for (; ptr <= stop; ptr++) {
    if (prefix || charset) {
      // Only positions before `end` can hold the first character.
      int64_t lim = std::min(stop + 1, end);
      if (prefix) {
        Code c0 = prefix[0];
        if constexpr (sizeof(C) == 1) {
          if (ptr >= lim || c0 > 255) break;
          const void* f = std::memchr(s + ptr, int(c0), size_t(lim - ptr));
          if (!f) break;
          ptr = static_cast<const C*>(f) - s;
        } else {
          while (ptr < lim && s[ptr] != c0) ptr++;
        }
      } else {
        while (ptr < lim && !in_charset(charset, s[ptr])) ptr++;
      }
      if (ptr >= lim) break;
    } else if (!may_start(ptr)) {
      continue;
    }
    if (ptr != first) st.must_advance = false;  // only the first position is refused empty
    st.reset();
    st.start = st.ptr = ptr;
    st.repeats.clear();
    st.data_stack.clear();
    int status = m.run(pattern, true);
    if (status != 0) {
      st.must_advance = false;
      return status;
    }
  }
  st.must_advance = false;
  return 0;
}

// ---- validation -------------------------------------------------------------------

// Walks code as the matcher will, checking that every read stays inside the
// block being read. Recursion follows the pattern's nesting (bounded by the
// parser's own recursion), not the subject.
struct Validator {
  const Code* c;
  size_t n;
  int64_t groups;

  static bool single_char_op(Code op) {
    switch (op) {
      case ANY: case ANY_ALL: case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
      case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
      case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
      case NOT_LITERAL_LOC_IGNORE: case CATEGORY:
        return true;
    }
    return false;
  }

  // Set members in [p, end), the last word being FAILURE.
  bool charset(size_t p, size_t end) const {
    while (p < end) {
      Code op = c[p++];
      switch (op) {
        case FAILURE:
          return p == end;
        case LITERAL:
          p += 1;
          break;
        case CATEGORY:
          if (p >= end || c[p] > CATEGORY_UNI_NOT_LINEBREAK) return false;
          p += 1;
          break;
        case CHARSET:
          p += 8;
          break;
        case RANGE:
        case RANGE_UNI_IGNORE:
          if (p + 2 > end || c[p] > c[p + 1]) return false;
          p += 2;
          break;
        case NEGATE:
          break;
        case BIGCHARSET: {
          if (p >= end) return false;
          Code count = c[p++];
          if (p + 64 > end || uint64_t(count) * 8 > end - p - 64) return false;
          const auto* blocks = reinterpret_cast<const uint8_t*>(c + p);
          for (int i = 0; i < 256; i++)
            if (blocks[i] >= count) return false;
          p += 64 + size_t(count) * 8;
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // Ops filling [p, end) exactly.
  bool block(size_t p, size_t end) const {
    while (p < end) {
      Code op = c[p++];
      auto need = [&](size_t k) { return p + k <= end; };
      switch (op) {
        case FAILURE: case SUCCESS: case ANY: case ANY_ALL:
          break;
        case AT:
          if (!need(1) || c[p] > AT_UNI_NON_BOUNDARY) return false;
          p += 1;
          break;
        case CATEGORY:
          if (!need(1) || c[p] > CATEGORY_UNI_NOT_LINEBREAK) return false;
          p += 1;
          break;
        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
        case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
        case NOT_LITERAL_LOC_IGNORE:
          if (!need(1)) return false;
          p += 1;
          break;
        case MARK:
          if (!need(1) || int64_t(c[p]) > 2 * groups + 1) return false;  // CPython's bound
          p += 1;
          break;
        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE:
          if (!need(1) || int64_t(c[p]) >= groups) return false;
          p += 1;
          break;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE: {
          if (!need(1) || c[p] < 2 || !need(c[p]) || !charset(p + 1, p + c[p])) return false;
          p += c[p];
          break;
        }
        case INFO: {
          // <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset]
          if (!need(4) || c[p] < 4 || !need(c[p])) return false;
          size_t q = p + c[p];
          Code flags = c[p + 1];
          if (flags & kInfoPrefix) {
            if (p + 6 > q) return false;
            uint64_t len = c[p + 4];
            if (c[p + 5] > len || len * 2 > q - p - 6) return false;
          } else if (flags & kInfoCharset) {
            if (!charset(p + 4, q)) return false;
          }
          p = q;
          break;
        }
        case BRANCH: {
          // (<skip> alternative <JUMP> <skip>)* <0>: every JUMP to the end.
          size_t target = 0;
          for (;;) {
            if (!need(1)) return false;
            Code skip = c[p];
            if (skip == 0) {
              if (!target) return false;  // no alternative at all
              p += 1;
              break;
            }
            if (skip < 3 || !need(skip)) return false;
            size_t q = p + skip;
            if (c[q - 2] != JUMP || !block(p + 1, q - 2)) return false;
            size_t t = q - 1 + c[q - 1];
            if (target && t != target) return false;
            target = t;
            p = q;
          }
          if (target && target != p) return false;
          break;
        }
        case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE: {
          // <skip> <min> <max> item <SUCCESS>: one one-character item.
          if (!need(3) || c[p + 1] > c[p + 2] || c[p] < 5 || !need(c[p])) return false;
          size_t q = p + c[p];
          if (c[q - 1] != SUCCESS || !single_char_op(c[p + 3]) || !block(p + 3, q - 1)) return false;
          size_t item_end = p + 4;
          Code item = c[p + 3];
          if (item == IN || item == IN_IGNORE || item == IN_UNI_IGNORE || item == IN_LOC_IGNORE)
            item_end = p + 4 + c[p + 4];
          else if (item != ANY && item != ANY_ALL)
            item_end = p + 5;
          if (item_end != q - 1) return false;
          p = q;
          break;
        }
        case REPEAT: {
          // <skip> <min> <max> item <MAX_UNTIL or MIN_UNTIL>
          if (!need(3) || c[p + 1] > c[p + 2] || c[p] < 3 || !need(size_t(c[p]) + 1)) return false;
          size_t q = p + c[p];
          if ((c[q] != MAX_UNTIL && c[q] != MIN_UNTIL) || !block(p + 3, q)) return false;
          p = q + 1;
          break;
        }
        case POSSESSIVE_REPEAT: {
          // <skip> <min> <max> item <SUCCESS>
          if (!need(3) || c[p + 1] > c[p + 2] || c[p] < 3 || !need(size_t(c[p]) + 1)) return false;
          size_t q = p + c[p];
          if (c[q] != SUCCESS || !block(p + 3, q)) return false;
          p = q + 1;
          break;
        }
        case ATOMIC_GROUP: {
          // <skip> pattern <SUCCESS>
          if (!need(1) || c[p] < 2 || !need(c[p])) return false;
          size_t q = p + c[p];
          if (c[q - 1] != SUCCESS || !block(p + 1, q - 1)) return false;
          p = q;
          break;
        }
        case ASSERT: case ASSERT_NOT: {
          // <skip> <back> pattern <SUCCESS>
          if (!need(2) || c[p] < 3 || !need(c[p])) return false;
          size_t q = p + c[p];
          if (c[q - 1] != SUCCESS || !block(p + 2, q - 1)) return false;
          p = q;
          break;
        }
        case GROUPREF_EXISTS: {
          // <group> <skip> yes [<JUMP> <skip> no]: the skip counts from <group>.
          if (!need(2) || int64_t(c[p]) >= groups || c[p + 1] < 2 || !need(c[p + 1])) return false;
          size_t target = p + c[p + 1];
          if (target >= p + 4 && c[target - 2] == JUMP && block(p + 2, target - 2)) {
            Code skip = c[target - 1];
            if (skip < 1 || target - 1 + skip > end || !block(target, target - 1 + skip)) return false;
            p = target - 1 + skip;
          } else {
            if (!block(p + 2, target)) return false;
            p = target;
          }
          break;
        }
        default:
          return false;
      }
    }
    return p == end;
  }
};

}  // namespace

bool validate(const Code* code, size_t n, int64_t groups) {
  if (n == 0 || code[n - 1] != SUCCESS || groups < 0) return false;
  Validator v{code, n, groups};
  return v.block(0, n);
}

int match(State& st, const Code* pattern) {
  st.ptr = st.start;
  return dispatch_match(st, pattern);
}

int search(State& st, const Code* pattern) {
  switch (st.kind) {
    case 1: return search_with<uint8_t>(st, pattern);
    case 2: return search_with<uint16_t>(st, pattern);
    default: return search_with<uint32_t>(st, pattern);
  }
}

}  // namespace pyrite::python::sre
