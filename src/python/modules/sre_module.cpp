// The _sre module: compiled patterns (re.Pattern), match objects (re.Match)
// and scanners over the matcher of sre_engine.cpp, for CPython 3.11's
// unmodified re package (docs/modules.md, "_sre").
//
// re/_compiler.py turns a pattern into a list of 32-bit code words and calls
// _sre.compile; everything after that is here. Subjects are read in place:
// a str through its 1/2/4-byte kind, a bytes-like object through its buffer
// (a bytearray's exports count is raised while a call reads it, so a sub()
// callback cannot resize it underneath, as in CPython).
#include <algorithm>
#include <cstring>
#include <string>

#include "python/interp/pyrun.h"
#include "python/modules/sre_engine.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

using Word = sre::Code;

Type* g_pattern = nullptr;
Type* g_match = nullptr;
Type* g_scanner = nullptr;

struct PatternObject : Object {
  Value pattern;       // the source: str, bytes or None
  Bytes* code;         // the code words (uint32), in a bytes object
  Dict* groupindex;    // name -> number, null when there are no named groups
  Tuple* indexgroup;   // number -> name or None, null with groupindex
  int64_t groups;      // capturing groups
  int64_t flags;
  int64_t codesize;    // words
  int64_t isbytes;     // 1 bytes pattern, 0 str, -1 neither (None)
  const Word* words() const { return reinterpret_cast<const Word*>(code->data()); }
};

struct MatchObject : Object {
  PatternObject* pattern;
  Value string;        // the subject
  Bytes* marks;        // int64 start/end per group, group 0 first; -1 unset
  Tuple* regs;         // cached .regs
  int64_t groups;      // pattern->groups + 1
  int64_t pos;
  int64_t endpos;
  int64_t lastindex;   // -1: None
  const int64_t* mark() const { return reinterpret_cast<const int64_t*>(marks->data()); }
};

struct ScannerObject : Object {
  PatternObject* pattern;
  Value string;
  int64_t start;       // -1: exhausted
  int64_t pos;
  int64_t endpos;
  bool must_advance;
  bool executing;
  bool holds_export;   // raised a bytearray subject's exports until finalized
  uint8_t pad[5];
};

void trace_pattern(void* p, gc::Visitor& v) {
  auto* o = static_cast<PatternObject*>(p);
  v.visit(o->type);
  visit_value(v, o->pattern);
  v.visit(o->code);
  v.visit(o->groupindex);
  v.visit(o->indexgroup);
}

void trace_match(void* p, gc::Visitor& v) {
  auto* o = static_cast<MatchObject*>(p);
  v.visit(o->type);
  v.visit(o->pattern);
  visit_value(v, o->string);
  v.visit(o->marks);
  v.visit(o->regs);
}

void trace_scanner(void* p, gc::Visitor& v) {
  auto* o = static_cast<ScannerObject*>(p);
  v.visit(o->type);
  v.visit(o->pattern);
  visit_value(v, o->string);
}

// A scanner (and so a finditer iterator) keeps a bytearray subject from
// resizing while it lives, as CPython's scanner holds the buffer.
void finalize_scanner(void* p) {
  auto* o = static_cast<ScannerObject*>(p);
  if (o->holds_export && is_bytearray(o->string)) o->string.as<ByteArray>()->exports--;
  o->holds_export = false;
}

PatternObject* P(Value v) { return v.as<PatternObject>(); }
MatchObject* M(Value v) { return v.as<MatchObject>(); }
ScannerObject* S(Value v) { return v.as<ScannerObject>(); }

// ---- subjects ----------------------------------------------------------------------

// A subject read in place (CPython's getstring).
struct Subject {
  Value string;
  const void* data = nullptr;
  int kind = 1;
  int64_t length = 0;
  bool isbytes = false;
  ByteArray* locked = nullptr;  // a bytearray whose exports we raised

  Subject() = default;
  Subject(const Subject&) = delete;
  Subject& operator=(const Subject&) = delete;
  ~Subject() {
    if (locked) locked->exports--;
  }
};

// False without an exception when `v` is neither a str nor bytes-like.
bool read_subject(Value v, Subject* out) {
  out->string = v;
  if (is_str(v)) {
    Str* s = v.as<Str>();
    out->data = s->data();
    out->kind = s->kind;
    out->length = s->length;
    out->isbytes = false;
    return true;
  }
  BufferView view;
  if (!get_buffer(v, &view)) return false;
  out->data = view.data;
  out->kind = 1;
  out->length = view.length;
  out->isbytes = true;
  if (is_bytearray(v) && !out->locked) {
    out->locked = v.as<ByteArray>();
    out->locked->exports++;
  }
  return true;
}

bool get_subject(Value v, Subject* out) {
  if (read_subject(v, out)) return true;
  if (!has_error()) raisef(exc::TypeError, "expected string or bytes-like object, got '%s'", type_name(v).c_str());
  return false;
}

// string[i:j] as CPython's getslice: an exact str or bytes (the subject
// itself when it is exact and whole).
Value subject_slice(const Subject& s, int64_t i, int64_t j) {
  if (!s.isbytes) return str_substr(s.string.as<Str>(), i, j);
  if (is_exact_bytes(s.string) && i == 0 && j == s.length) return s.string;
  return bytes_from(static_cast<const uint8_t*>(s.data) + i, size_t(j - i));
}

// CPython's state_init: the subject against the pattern's kind, pos and
// endpos clipped to the subject.
bool init_state(PatternObject* p, Value string, int64_t pos, int64_t endpos, Subject* subj,
                sre::State* st) {
  if (!get_subject(string, subj)) return false;
  if (subj->isbytes && p->isbytes == 0) {
    raise(exc::TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (!subj->isbytes && p->isbytes > 0) {
    raise(exc::TypeError, "cannot use a bytes pattern on a string-like object");
    return false;
  }
  int64_t n = subj->length;
  pos = pos < 0 ? 0 : pos > n ? n : pos;
  endpos = endpos < 0 ? 0 : endpos > n ? n : endpos;
  st->data = subj->data;
  st->kind = subj->kind;
  st->length = n;
  st->start = pos;
  st->end = endpos;
  st->marks.assign(size_t(2 * p->groups), -1);
  st->reset();
  return true;
}

Value engine_error(int status) {
  (void)status;
  return raise(exc::RuntimeError, "internal error in regular expression engine");
}

// The span of group `g` (1-based) in a finished run, or false when unset.
bool state_group(const sre::State& st, int64_t g, int64_t* b, int64_t* e) {
  int64_t j = (g - 1) * 2;
  if (j + 1 > st.lastmark || st.marks[size_t(j)] < 0 || st.marks[size_t(j + 1)] < 0) return false;
  *b = st.marks[size_t(j)];
  *e = st.marks[size_t(j + 1)];
  return true;
}

Value wrong_span() {
  return raise(exc::SystemError,
               "The span of capturing group is wrong, please report a bug for the re module.");
}

// Group `g` of a finished run as a slice: `empty` gives "" for an unset
// group, else None (findall vs split).
Value state_slice(const sre::State& st, const Subject& subj, int64_t g, bool empty) {
  int64_t b, e;
  if (!state_group(st, g, &b, &e)) {
    if (!empty) return none();
    b = e = 0;
  } else if (b > e) {
    return wrong_span();
  }
  return subject_slice(subj, b, e);
}

// A match object from a run's result (pattern_new_match).
Value new_match(PatternObject* p, const Subject& subj, const sre::State& st, int status,
                int64_t pos, int64_t endpos) {
  if (status == 0) return none();
  if (status < 0) return engine_error(status);
  auto* m = static_cast<MatchObject*>(alloc_instance(g_match));
  m->pattern = p;
  m->string = subj.string;
  m->groups = p->groups + 1;
  Bytes* marks = bytes_new_raw(m->groups * 2 * int64_t(sizeof(int64_t)));
  if (!marks) return {};
  auto* mk = reinterpret_cast<int64_t*>(marks->data());
  mk[0] = st.start;
  mk[1] = st.ptr;
  for (int64_t g = 1; g < m->groups; g++) {
    int64_t b, e;
    if (state_group(st, g, &b, &e)) {
      if (b > e) return wrong_span();
      mk[2 * g] = b;
      mk[2 * g + 1] = e;
    } else {
      mk[2 * g] = mk[2 * g + 1] = -1;
    }
  }
  m->marks = marks;
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = st.lastindex;
  return m;
}

// ---- argument helpers --------------------------------------------------------------

bool ssize_or(Value v, int64_t dflt, int64_t* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  return arg_ssize(v, out);
}

// (string, pos=0, endpos=sys.maxsize) of match, search, findall, ...
bool string_pos_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                     Value* string, int64_t* pos, int64_t* endpos) {
  static const char* const kNames[] = {"string", "pos", "endpos", nullptr};
  Value vpos, vend;
  if (!parse_args({fname, kNames, 1, 0, -1, true}, args, nargs, kwnames, {string, &vpos, &vend}))
    return false;
  return ssize_or(vpos, 0, pos) && ssize_or(vend, INT64_MAX, endpos);
}

// ---- Pattern -----------------------------------------------------------------------

Value pattern_new(Type*, const Value*, size_t, Tuple*) {
  return raise(exc::TypeError, "cannot create 're.Pattern' instances");
}

Value run_match(Value self, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                bool match_all, bool searching) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args(fname, args, nargs, kwnames, &string, &pos, &endpos)) return {};
  PatternObject* p = P(self);
  Subject subj;
  sre::State st;
  if (!init_state(p, string, pos, endpos, &subj, &st)) return {};
  int64_t first = st.start, last = st.end;  // pos and endpos, clipped
  int status;
  if (searching) {
    status = sre::search(st, p->words());
  } else {
    st.match_all = match_all;
    status = sre::match(st, p->words());
  }
  return new_match(p, subj, st, status, first, last);
}

Value pattern_match(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_match(self, "match", args, nargs, kwnames, false, false);
}
Value pattern_fullmatch(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_match(self, "fullmatch", args, nargs, kwnames, true, false);
}
Value pattern_search(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_match(self, "search", args, nargs, kwnames, false, true);
}

Value pattern_findall(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args("findall", args, nargs, kwnames, &string, &pos, &endpos)) return {};
  PatternObject* p = P(self);
  Subject subj;
  sre::State st;
  if (!init_state(p, string, pos, endpos, &subj, &st)) return {};
  List* out = list_new();
  while (st.start <= st.end) {
    st.reset();
    st.ptr = st.start;
    int status = sre::search(st, p->words());
    if (status == 0) break;
    if (status < 0) return engine_error(status);
    Value item;
    if (p->groups == 0) {
      item = subject_slice(subj, st.start, st.ptr);
    } else if (p->groups == 1) {
      item = state_slice(st, subj, 1, true);
    } else {
      Tuple* t = tuple_new(p->groups);
      if (!t) return {};
      for (int64_t g = 0; g < p->groups; g++) {
        Value x = state_slice(st, subj, g + 1, true);
        if (!x) return {};
        t->items()[g] = x;
      }
      item = t;
    }
    if (!item || !list_append(out, item)) return {};
    st.must_advance = st.ptr == st.start;
    st.start = st.ptr;
  }
  return out;
}

Value new_scanner(PatternObject* p, Value string, int64_t pos, int64_t endpos) {
  Subject subj;
  sre::State st;
  if (!init_state(p, string, pos, endpos, &subj, &st)) return {};
  auto* sc = static_cast<ScannerObject*>(alloc_instance(g_scanner));
  sc->pattern = p;
  sc->string = string;
  sc->start = st.start;
  sc->pos = st.start;
  sc->endpos = st.end;
  sc->must_advance = false;
  if (is_bytearray(string)) {
    string.as<ByteArray>()->exports++;
    sc->holds_export = true;
    gc::Heap::current()->register_finalizer(sc);
  }
  return sc;
}

Value pattern_scanner(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args("scanner", args, nargs, kwnames, &string, &pos, &endpos)) return {};
  return new_scanner(P(self), string, pos, endpos);
}

Value pattern_finditer(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value string;
  int64_t pos, endpos;
  if (!string_pos_args("finditer", args, nargs, kwnames, &string, &pos, &endpos)) return {};
  Value sc = new_scanner(P(self), string, pos, endpos);
  if (!sc) return {};
  Value search = get_attr(sc, intern("search"));
  if (!search) return {};
  return callable_iterator_new(search, none());
}

Value pattern_split(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"string", "maxsplit", nullptr};
  Value string, vmax;
  if (!parse_args({"split", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&string, &vmax}))
    return {};
  int64_t maxsplit;
  if (!ssize_or(vmax, 0, &maxsplit)) return {};
  PatternObject* p = P(self);
  Subject subj;
  sre::State st;
  if (!init_state(p, string, 0, INT64_MAX, &subj, &st)) return {};
  List* out = list_new();
  int64_t n = 0;
  int64_t last = st.start;
  while (!maxsplit || n < maxsplit) {
    st.reset();
    st.ptr = st.start;
    int status = sre::search(st, p->words());
    if (status == 0) break;
    if (status < 0) return engine_error(status);
    Value item = subject_slice(subj, last, st.start);
    if (!item || !list_append(out, item)) return {};
    for (int64_t g = 1; g <= p->groups; g++) {
      item = state_slice(st, subj, g, false);
      if (!item || !list_append(out, item)) return {};
    }
    n++;
    st.must_advance = st.ptr == st.start;
    last = st.start = st.ptr;
  }
  Value item = subject_slice(subj, last, st.end);
  if (!item || !list_append(out, item)) return {};
  return out;
}

// b''.join(items) with _PyBytes_Join's message for a non-bytes item.
Value join_bytes(List* items) {
  std::string buf;
  for (int64_t i = 0; i < items->length; i++) {
    Value x = list_get(items, i);
    BufferView view;
    if (!get_buffer(x, &view)) {
      if (has_error()) return {};
      return raisef(exc::TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                    static_cast<long long>(i), type_name(x).c_str());
    }
    buf.append(reinterpret_cast<const char*>(view.data), size_t(view.length));
  }
  return bytes_from(buf);
}

// Does a str or bytes-like template hold no backslash (so it is used as it is)?
bool is_literal_template(Value t) {
  Subject s;
  if (!read_subject(t, &s)) {
    clear_error();
    return false;
  }
  for (int64_t i = 0; i < s.length; i++) {
    uint32_t c = s.kind == 1   ? static_cast<const uint8_t*>(s.data)[i]
                 : s.kind == 2 ? static_cast<const uint16_t*>(s.data)[i]
                               : static_cast<const uint32_t*>(s.data)[i];
    if (c == '\\') return false;
  }
  return true;
}

Value re_module_call(const char* name, std::initializer_list<Value> args) {
  Value re = import_module_level(intern("re"), none(), none(), 0);
  if (!re) return {};
  Value fn = get_attr(re, intern(name));
  if (!fn) return {};
  return call(fn, args.begin(), args.size());
}

Value pattern_subx(Value self, Value repl, Value string, int64_t count, bool subn) {
  PatternObject* p = P(self);
  Value filter;
  bool callable_filter;
  if (is_callable(repl)) {
    filter = repl;
    callable_filter = true;
  } else if (is_literal_template(repl)) {
    filter = repl;
    callable_filter = false;
  } else {
    filter = re_module_call("_subx", {self, repl});
    if (!filter) return {};
    callable_filter = is_callable(filter);
  }
  Subject subj;
  sre::State st;
  if (!init_state(p, string, 0, INT64_MAX, &subj, &st)) return {};
  List* out = list_new();
  int64_t n = 0, i = 0;
  while (!count || n < count) {
    st.reset();
    st.ptr = st.start;
    int status = sre::search(st, p->words());
    if (status == 0) break;
    if (status < 0) return engine_error(status);
    int64_t b = st.start, e = st.ptr;
    if (i < b) {
      Value seg = subject_slice(subj, i, b);
      if (!seg || !list_append(out, seg)) return {};
    }
    Value item;
    if (callable_filter) {
      Value m = new_match(p, subj, st, 1, 0, st.end);
      if (!m) return {};
      item = call1(filter, m);
      if (!item) return {};
    } else {
      item = filter;
    }
    if (!is_none(item) && !list_append(out, item)) return {};
    i = e;
    n++;
    st.must_advance = st.ptr == st.start;
    st.start = st.ptr;
  }
  if (i < st.end) {
    Value seg = subject_slice(subj, i, st.end);
    if (!seg || !list_append(out, seg)) return {};
  }
  Value joined;
  if (out->length == 0) {
    joined = subject_slice(subj, 0, 0);
  } else if (subj.isbytes) {
    joined = join_bytes(out);
  } else {
    Tuple* items = list_as_tuple(out);
    if (!items) return {};
    joined = str_join(str_empty(), items->items(), size_t(items->length));
  }
  if (!joined) return {};
  if (subn) return tuple_of({joined, int_from_i64(n)});
  return joined;
}

Value sub_common(Value self, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                 bool subn) {
  static const char* const kNames[] = {"repl", "string", "count", nullptr};
  Value repl, string, vcount;
  if (!parse_args({fname, kNames, 2, 0, -1, true}, args, nargs, kwnames, {&repl, &string, &vcount}))
    return {};
  int64_t count;
  if (!ssize_or(vcount, 0, &count)) return {};
  return pattern_subx(self, repl, string, count, subn);
}

Value pattern_sub(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return sub_common(self, "sub", args, nargs, kwnames, false);
}
Value pattern_subn(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return sub_common(self, "subn", args, nargs, kwnames, true);
}

Value return_self(Value self, const Value*, size_t, Tuple*) { return self; }

// repr(x) cut to `width` code points (printf's %.50R).
Str* repr_cut(Value x, int64_t width) {
  Value r = repr(x);
  if (!r) return nullptr;
  Str* s = r.as<Str>();
  if (s->length <= width) return s;
  return str_substr(s, 0, width);
}

Value pattern_repr(Value self) {
  PatternObject* p = P(self);
  static const struct {
    const char* name;
    int64_t value;
  } kFlags[] = {{"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4},
                {"re.MULTILINE", 8}, {"re.DOTALL", 16},  {"re.UNICODE", 32},
                {"re.VERBOSE", 64},  {"re.DEBUG", 128},   {"re.ASCII", 256}};
  int64_t flags = p->flags;
  // A str pattern is Unicode by default: re.UNICODE alone is not shown.
  if (p->isbytes == 0 && (flags & (4 | 32 | 256)) == 32) flags &= ~int64_t(32);
  std::string names;
  for (const auto& f : kFlags) {
    if (flags & f.value) {
      if (!names.empty()) names += '|';
      names += f.name;
      flags &= ~f.value;
    }
  }
  if (flags) {
    if (!names.empty()) names += '|';
    char buf[32];
    snprintf(buf, sizeof buf, "0x%x", static_cast<unsigned>(flags));
    names += buf;
  }
  Str* src = repr_cut(p->pattern, 200);
  if (!src) return {};
  std::string out = "re.compile(" + str_to_utf8(src);
  if (!names.empty()) out += ", " + names;
  out += ")";
  return str_from_utf8(out);
}

Value pattern_compare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return not_implemented();
  if (type_of(a) != type_of(b)) return not_implemented();
  if (a.is(b)) return py_bool(op == CompareOp::kEq);
  PatternObject* x = P(a);
  PatternObject* y = P(b);
  bool eq = x->flags == y->flags && x->isbytes == y->isbytes && x->codesize == y->codesize &&
            memcmp(x->code->data(), y->code->data(), size_t(x->codesize) * sizeof(Word)) == 0;
  if (eq) {
    int r = equal(x->pattern, y->pattern);
    if (r < 0) return {};
    eq = r != 0;
  }
  return py_bool(op == CompareOp::kEq ? eq : !eq);
}

int64_t pattern_hash(Value self) {
  PatternObject* p = P(self);
  int64_t h = hash(p->pattern);
  if (h == -1) return -1;
  h ^= hash_latin1(p->code->data(), size_t(p->codesize) * sizeof(Word));
  h ^= p->flags;
  h ^= p->isbytes;
  h ^= p->codesize;
  return h == -1 ? -2 : h;
}

Value pattern_get_pattern(Value self) { return P(self)->pattern; }
Value pattern_get_flags(Value self) { return int_from_i64(P(self)->flags); }
Value pattern_get_groups(Value self) { return int_from_i64(P(self)->groups); }
Value pattern_get_groupindex(Value self) {
  PatternObject* p = P(self);
  if (!p->groupindex) return dict_new();
  return mappingproxy_new(p->groupindex);
}

const MethodDef kPatternMethods[] = {
    {"match", pattern_match, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Matches against all of the string."},
    {"search", pattern_search, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Scan through string looking for a match, and return a corresponding match object "
     "instance.\n\nReturn None if no position in the string matches."},
    {"sub", pattern_sub, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of "
     "pattern in string by the replacement repl."},
    {"subn", pattern_subn, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
     "For each match, the iterator returns a match object."},
    {"scanner", pattern_scanner, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"__copy__", return_self, MethodFlag::kNoArgs, nullptr},
    {"__deepcopy__", return_self, MethodFlag::kOneArg, nullptr},
    {"__class_getitem__", class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

// CPython's read-only members (T_OBJECT/T_PYSSIZET with READONLY) refuse
// assignment and deletion with this message, not a getset's.
bool readonly_member(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

const GetSetDef kPatternGetSets[] = {
    {"pattern", pattern_get_pattern, readonly_member, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, readonly_member, "The regex matching flags."},
    {"groups", pattern_get_groups, readonly_member, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, nullptr,
     "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr},
};

// ---- Match -------------------------------------------------------------------------

Value match_new(Type*, const Value*, size_t, Tuple*) {
  return raise(exc::TypeError, "cannot create 're.Match' instances");
}

// The group number `index` names (match_getindex): an int-like index or a
// group name; IndexError "no such group" otherwise.
int64_t match_index(MatchObject* m, Value index) {
  int64_t i = -1;
  if (!index) return 0;
  if (is_int(index) || type_of(index)->slots.index) {
    Value n = python::index(index);
    if (!n) return -1;
    if (auto v = int_to_i64(n)) {
      i = *v;
    } else {
      i = int_sign(n) < 0 ? INT64_MIN : INT64_MAX;
    }
  } else if (m->pattern->groupindex) {
    Value g = dict_get(m->pattern->groupindex, index);
    if (!g && has_error()) return -1;
    if (g && is_int(g)) {
      auto v = int_to_i64(g);
      i = v ? *v : -1;
    }
  }
  if (i < 0 || i >= m->groups) {
    if (!has_error()) raise(exc::IndexError, "no such group");
    return -1;
  }
  return i;
}

Value match_slice_by_index(MatchObject* m, int64_t g, Value dflt) {
  const int64_t* mk = m->mark();
  if (mk[2 * g] < 0) return dflt;
  Subject subj;
  if (!get_subject(m->string, &subj)) return {};
  int64_t b = std::min(mk[2 * g], subj.length);
  int64_t e = std::min(mk[2 * g + 1], subj.length);
  return subject_slice(subj, b, e);
}

Value match_slice(MatchObject* m, Value index, Value dflt) {
  int64_t g = match_index(m, index);
  if (g < 0) return {};
  return match_slice_by_index(m, g, dflt);
}

Value match_group(Value self, const Value* args, size_t nargs, Tuple*) {
  MatchObject* m = M(self);
  if (nargs == 0) return match_slice_by_index(m, 0, none());
  if (nargs == 1) return match_slice(m, args[0], none());
  Tuple* t = tuple_new(int64_t(nargs));
  if (!t) return {};
  for (size_t k = 0; k < nargs; k++) {
    Value x = match_slice(m, args[k], none());
    if (!x) return {};
    t->items()[k] = x;
  }
  return t;
}

Value match_getitem(Value self, Value key) { return match_slice(M(self), key, none()); }

Value match_groups(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"default", nullptr};
  Value dflt;
  if (!parse_args({"groups", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&dflt})) return {};
  if (!dflt) dflt = none();
  MatchObject* m = M(self);
  Tuple* t = tuple_new(m->groups - 1);
  if (!t) return {};
  for (int64_t g = 1; g < m->groups; g++) {
    Value x = match_slice_by_index(m, g, dflt);
    if (!x) return {};
    t->items()[g - 1] = x;
  }
  return t;
}

Value match_groupdict(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"default", nullptr};
  Value dflt;
  if (!parse_args({"groupdict", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&dflt}))
    return {};
  if (!dflt) dflt = none();
  MatchObject* m = M(self);
  Dict* d = dict_new();
  if (!m->pattern->groupindex) return d;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(m->pattern->groupindex, &pos, &key, &value)) {
    Value x = match_slice(m, key, dflt);
    if (!x || !dict_set(d, key, x)) return {};
  }
  return d;
}

bool group_arg(const char* fname, const Value* args, size_t nargs, MatchObject* m, int64_t* g) {
  if (!check_nargs(fname, nargs, 0, 1)) return false;
  *g = match_index(m, nargs ? args[0] : Value());
  return *g >= 0;
}

Value match_start(Value self, const Value* args, size_t nargs, Tuple*) {
  int64_t g;
  if (!group_arg("start", args, nargs, M(self), &g)) return {};
  return int_from_i64(M(self)->mark()[2 * g]);
}

Value match_end(Value self, const Value* args, size_t nargs, Tuple*) {
  int64_t g;
  if (!group_arg("end", args, nargs, M(self), &g)) return {};
  return int_from_i64(M(self)->mark()[2 * g + 1]);
}

Value match_span(Value self, const Value* args, size_t nargs, Tuple*) {
  int64_t g;
  if (!group_arg("span", args, nargs, M(self), &g)) return {};
  const int64_t* mk = M(self)->mark();
  return tuple_of({int_from_i64(mk[2 * g]), int_from_i64(mk[2 * g + 1])});
}

Value match_expand(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"template", nullptr};
  Value tmpl;
  if (!parse_args({"expand", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&tmpl})) return {};
  return re_module_call("_expand", {M(self)->pattern, self, tmpl});
}

Value match_repr(Value self) {
  MatchObject* m = M(self);
  Value g0 = match_slice_by_index(m, 0, none());
  if (!g0) return {};
  Str* r = repr_cut(g0, 50);
  if (!r) return {};
  const int64_t* mk = m->mark();
  std::string out = "<re.Match object; span=(" + std::to_string(mk[0]) + ", " +
                    std::to_string(mk[1]) + "), match=" + str_to_utf8(r) + ">";
  return str_from_utf8(out);
}

Value match_get_lastindex(Value self) {
  int64_t i = M(self)->lastindex;
  return i >= 0 ? int_from_i64(i) : none();
}

Value match_get_lastgroup(Value self) {
  MatchObject* m = M(self);
  Tuple* ig = m->pattern->indexgroup;
  if (ig && m->lastindex >= 0 && m->lastindex < ig->length) return ig->at(m->lastindex);
  return none();
}

Value match_get_regs(Value self) {
  MatchObject* m = M(self);
  if (m->regs) return m->regs;
  Tuple* t = tuple_new(m->groups);
  if (!t) return {};
  for (int64_t g = 0; g < m->groups; g++) {
    t->items()[g] = tuple_of({int_from_i64(m->mark()[2 * g]), int_from_i64(m->mark()[2 * g + 1])});
  }
  m->regs = t;
  return t;
}

Value match_get_string(Value self) { return M(self)->string; }
Value match_get_re(Value self) { return M(self)->pattern; }
Value match_get_pos(Value self) { return int_from_i64(M(self)->pos); }
Value match_get_endpos(Value self) { return int_from_i64(M(self)->endpos); }

const MethodDef kMatchMethods[] = {
    {"group", match_group, MethodFlag::kVarArgs,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or "
     "names.\n    For 0 returns the entire match."},
    {"start", match_start, MethodFlag::kVarArgs, "Return index of the start of the substring matched by group."},
    {"end", match_end, MethodFlag::kVarArgs, "Return index of the end of the substring matched by group."},
    {"span", match_span, MethodFlag::kVarArgs,
     "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is "
     "used for groups that did not participate in the match."},
    {"groupdict", match_groupdict, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a dictionary containing all the named subgroups of the match, keyed by the "
     "subgroup name.\n\n  default\n    Is used for groups that did not participate in the "
     "match."},
    {"expand", match_expand, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return the string obtained by doing backslash substitution on the string template, as "
     "done by the sub() method."},
    {"__copy__", return_self, MethodFlag::kNoArgs, nullptr},
    {"__deepcopy__", return_self, MethodFlag::kOneArg, nullptr},
    {"__class_getitem__", class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const GetSetDef kMatchGetSets[] = {
    {"lastindex", match_get_lastindex, nullptr,
     "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", match_get_regs, nullptr, nullptr},
    {"string", match_get_string, readonly_member, "The string passed to match() or search()."},
    {"re", match_get_re, readonly_member, "The regular expression object."},
    {"pos", match_get_pos, readonly_member, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, readonly_member, "The index into the string beyond which the RE engine will not go."},
    {nullptr, nullptr},
};

// ---- Scanner -----------------------------------------------------------------------

Value scanner_run(Value self, bool searching) {
  ScannerObject* sc = S(self);
  if (sc->start < 0) return none();
  if (sc->executing) return raise(exc::ValueError, "regular expression scanner already executing");
  PatternObject* p = sc->pattern;
  Subject subj;
  sre::State st;
  if (!init_state(p, sc->string, sc->pos, sc->endpos, &subj, &st)) return {};
  st.start = std::min(sc->start, st.end);
  st.must_advance = sc->must_advance;
  st.ptr = st.start;
  sc->executing = true;
  int status = searching ? sre::search(st, p->words()) : sre::match(st, p->words());
  sc->executing = false;
  Value m = new_match(p, subj, st, status, sc->pos, sc->endpos);
  if (!m) return {};
  if (status == 0) {
    sc->start = -1;
  } else {
    sc->must_advance = st.ptr == st.start;
    sc->start = st.ptr;
  }
  return m;
}

Value scanner_match(Value self, const Value*, size_t, Tuple*) { return scanner_run(self, false); }
Value scanner_search(Value self, const Value*, size_t, Tuple*) { return scanner_run(self, true); }
Value scanner_get_pattern(Value self) { return S(self)->pattern; }

const MethodDef kScannerMethods[] = {
    {"match", scanner_match, MethodFlag::kNoArgs, nullptr},
    {"search", scanner_search, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kScannerGetSets[] = {
    {"pattern", scanner_get_pattern, readonly_member, nullptr},
    {nullptr, nullptr},
};

// ---- module functions --------------------------------------------------------------

Value sre_compile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"pattern", "flags", "code", "groups", "groupindex",
                                       "indexgroup", nullptr};
  Value pattern, vflags, code, vgroups, groupindex, indexgroup;
  if (!parse_args({"compile", kNames, 6, 0, -1, true}, args, nargs, kwnames,
                  {&pattern, &vflags, &code, &vgroups, &groupindex, &indexgroup}))
    return {};
  int flags;
  if (!arg_int(vflags, &flags)) return {};
  if (!is_list(code))
    return raisef(exc::TypeError, "compile() argument 'code' must be list, not %s", type_name(code).c_str());
  int64_t groups;
  if (!arg_ssize(vgroups, &groups)) return {};
  if (!is_dict(groupindex))
    return raisef(exc::TypeError, "compile() argument 'groupindex' must be dict, not %s",
                  type_name(groupindex).c_str());
  if (!is_tuple(indexgroup))
    return raisef(exc::TypeError, "compile() argument 'indexgroup' must be tuple, not %s",
                  type_name(indexgroup).c_str());
  List* list = code.as<List>();
  int64_t n = list->length;
  Bytes* words = bytes_new_raw(n * int64_t(sizeof(Word)));
  if (!words) return {};
  auto* w = reinterpret_cast<Word*>(words->data());
  for (int64_t i = 0; i < n; i++) {
    Value x = list_get(list, i);
    if (!is_int(x)) return raisef(exc::TypeError, "an integer is required");
    auto v = int_to_i64(x);
    if (!v || *v < 0) {
      if (int_sign(x) < 0)
        return raise(exc::OverflowError, "can't convert negative value to unsigned int");
      return raise(exc::OverflowError, "regular expression code size limit exceeded");
    }
    if (*v > 0xFFFFFFFFLL) return raise(exc::OverflowError, "regular expression code size limit exceeded");
    w[i] = Word(*v);
  }
  if (groups < 0 || groups > sre::kMaxGroups || !sre::validate(w, size_t(n), groups))
    return raise(exc::RuntimeError, "invalid SRE code");
  int64_t isbytes = -1;
  if (!is_none(pattern)) {
    Subject s;
    if (!get_subject(pattern, &s)) return {};
    isbytes = s.isbytes ? 1 : 0;
  }
  auto* p = static_cast<PatternObject*>(alloc_instance(g_pattern));
  p->pattern = pattern;
  p->code = words;
  p->codesize = n;
  p->flags = flags;
  p->groups = groups;
  p->isbytes = isbytes;
  Dict* gi = groupindex.as<Dict>();
  if (gi->used > 0) {
    p->groupindex = gi;
    if (indexgroup.as<Tuple>()->length > 0) p->indexgroup = indexgroup.as<Tuple>();
  }
  return p;
}

Value sre_getcodesize(Value, const Value*, size_t, Tuple*) { return Value::small(sizeof(Word)); }

bool char_arg(Value v, uint32_t* out) {
  int c;
  if (!arg_int(v, &c)) return false;
  *out = uint32_t(c);
  return true;
}

Value sre_ascii_iscased(Value, const Value* args, size_t, Tuple*) {
  uint32_t c;
  if (!char_arg(args[0], &c)) return {};
  return py_bool(sre::ascii_iscased(c));
}
Value sre_unicode_iscased(Value, const Value* args, size_t, Tuple*) {
  uint32_t c;
  if (!char_arg(args[0], &c)) return {};
  return py_bool(sre::unicode_iscased(c));
}
Value sre_ascii_tolower(Value, const Value* args, size_t, Tuple*) {
  uint32_t c;
  if (!char_arg(args[0], &c)) return {};
  return int_from_i64(c < 128 ? sre::lower_ascii(c) : c);
}
Value sre_unicode_tolower(Value, const Value* args, size_t, Tuple*) {
  uint32_t c;
  if (!char_arg(args[0], &c)) return {};
  return int_from_i64(sre::lower_unicode(c));
}

const MethodDef kFunctions[] = {
    {"compile", sre_compile, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"getcodesize", sre_getcodesize, MethodFlag::kNoArgs, nullptr},
    {"ascii_iscased", sre_ascii_iscased, MethodFlag::kOneArg, nullptr},
    {"unicode_iscased", sre_unicode_iscased, MethodFlag::kOneArg, nullptr},
    {"ascii_tolower", sre_ascii_tolower, MethodFlag::kOneArg, nullptr},
    {"unicode_tolower", sre_unicode_tolower, MethodFlag::kOneArg, nullptr},
    {nullptr, nullptr, 0},
};

void make_types() {
  {
    TypeSpec spec;
    spec.name = "Pattern";
    spec.module = "re";
    spec.layout = register_object_layout("re.Pattern", sizeof(PatternObject), trace_pattern);
    spec.instance_size = sizeof(PatternObject);
    spec.trace = trace_pattern;
    spec.slots.new_ = pattern_new;
    spec.slots.repr = pattern_repr;
    spec.slots.compare = pattern_compare;
    spec.slots.hash = pattern_hash;
    spec.methods = kPatternMethods;
    spec.getsets = kPatternGetSets;
    spec.doc = "Compiled regular expression object.";
    make_builtin_type(&g_pattern, spec);
  }
  {
    TypeSpec spec;
    spec.name = "Match";
    spec.module = "re";
    spec.layout = register_object_layout("re.Match", sizeof(MatchObject), trace_match);
    spec.instance_size = sizeof(MatchObject);
    spec.trace = trace_match;
    spec.slots.new_ = match_new;
    spec.slots.repr = match_repr;
    spec.slots.getitem = match_getitem;
    spec.methods = kMatchMethods;
    spec.getsets = kMatchGetSets;
    spec.doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.";
    make_builtin_type(&g_match, spec);
  }
  {
    TypeSpec spec;
    spec.name = "SRE_Scanner";
    spec.module = "_sre";
    gc::LayoutInfo info;
    info.name = "_sre.SRE_Scanner";
    info.trace = trace_scanner;
    info.fixed_size = sizeof(ScannerObject);
    info.finalize = finalize_scanner;
    spec.layout = gc::register_layout(info);
    spec.instance_size = sizeof(ScannerObject);
    spec.trace = trace_scanner;
    spec.methods = kScannerMethods;
    spec.getsets = kScannerGetSets;
    make_builtin_type(&g_scanner, spec);
  }
}

}  // namespace

Module* make_sre_module() {
  if (!g_pattern) make_types();
  Module* m = module_new(intern("_sre"));
  Str* name = intern("_sre");
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  dict_set_str(m->dict, intern("MAGIC"), int_from_i64(sre::kMagic));
  dict_set_str(m->dict, intern("CODESIZE"), Value::small(sizeof(Word)));
  dict_set_str(m->dict, intern("MAXREPEAT"), int_from_i64(sre::kMaxRepeat));
  dict_set_str(m->dict, intern("MAXGROUPS"), int_from_i64(sre::kMaxGroups));
  dict_set_str(m->dict, intern("copyright"),
               str_from_utf8(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
  return m;
}

}  // namespace pyrite::python
