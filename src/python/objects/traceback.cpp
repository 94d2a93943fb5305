// Traceback objects and CPython 3.11's uncaught-exception format
// (docs/objects.md, "Exceptions and builtins").
#include "python/objects/traceback.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "python/objects/errors.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/frame_object.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/parse/parser.h"

namespace pyrite::python {

Type* traceback_type = nullptr;
gc::LayoutId kTracebackLayout = gc::kNoLayout;

namespace {

void tb_trace(void* p, gc::Visitor& v) {
  auto* tb = static_cast<Traceback*>(p);
  v.visit(tb->type);
  v.visit(tb->next);
  visit_value(v, tb->frame);
  visit_value(v, tb->code);
  v.visit(tb->filename);
  v.visit(tb->name);
  v.visit(tb->globals);
}

Traceback* T(Value v) { return v.as<Traceback>(); }

Value tb_get_next(Value self) { return T(self)->next ? Value(T(self)->next) : none(); }
bool tb_set_next(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete tb_next attribute");
    return false;
  }
  if (is_none(v)) {
    T(self)->next = nullptr;
    return true;
  }
  if (!is_traceback(v)) {
    raisef(exc::TypeError, "expected traceback object or None, got '%s'", type_name(v).c_str());
    return false;
  }
  for (Traceback* c = T(v); c; c = c->next) {
    if (c == T(self)) {
      raise(exc::ValueError, "traceback loop detected");
      return false;
    }
  }
  T(self)->next = T(v);
  return true;
}
Value tb_get_frame(Value self) { return T(self)->frame ? T(self)->frame : none(); }
Value tb_get_lineno(Value self) { return int_from_i64(T(self)->lineno); }
Value tb_get_lasti(Value self) { return int_from_i64(T(self)->lasti); }

// tb_frame and tb_lasti are CPython members (read-only).
const GetSetDef kTbGetSets[] = {
    {"tb_next", tb_get_next, tb_set_next},
    {"tb_frame", tb_get_frame, nullptr, nullptr, true},
    {"tb_lineno", tb_get_lineno, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr, nullptr, true},
    {nullptr, nullptr},
};

// traceback.__dir__: only the four attributes, as CPython's tb_dir.
Value tb_dir(Value, const Value*, size_t, Tuple*) {
  List* l = list_new();
  for (const char* n : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"})
    if (!l || !list_append(l, intern(n))) return {};
  return l;
}

const MethodDef kTbMethods[] = {
    {"__dir__", tb_dir, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

Value tb_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", nullptr};
  Value next, frame, lasti, lineno;
  ArgSpec spec{"TracebackType", kNames, 4, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&next, &frame, &lasti, &lineno})) return Value();
  if (!is_none(next) && !is_traceback(next)) {
    return raisef(exc::TypeError, "expected traceback object or None, got '%s'",
                  type_name(next).c_str());
  }
  if (!frame.is_object() || type_of(frame) != frame_type)
    return raisef(exc::TypeError, "TracebackType() argument 'tb_frame' must be frame, not %s",
                  type_name(frame).c_str());
  // PyArg's "i": any __index__ int, OverflowError past a C int.
  int64_t li, ln;
  if (!index_i64(lasti, &li) || !index_i64(lineno, &ln)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      raise(exc::OverflowError, "Python int too large to convert to C int");
    }
    return Value();
  }
  if (li < INT32_MIN || li > INT32_MAX || ln < INT32_MIN || ln > INT32_MAX)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  Traceback* tb = traceback_new(is_none(next) ? nullptr : T(next), frame, Value(),
                                static_cast<int>(li), static_cast<int>(ln), static_cast<int>(ln),
                                -1, -1, nullptr, nullptr);
  return tb;
}

}  // namespace

void init_traceback() {
  if (traceback_type) return;
  kTracebackLayout = register_object_layout("traceback", sizeof(Traceback), tb_trace);
  TypeSpec spec;
  spec.name = "traceback";
  spec.layout = kTracebackLayout;
  spec.instance_size = sizeof(Traceback);
  spec.trace = tb_trace;
  spec.slots.new_ = tb_new;
  spec.getsets = kTbGetSets;
  spec.methods = kTbMethods;
  spec.doc = "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\n"
             "Create a new traceback object.";
  make_builtin_type(&traceback_type, spec);
}

Traceback* traceback_new(Traceback* next, Value frame, Value code, int lasti, int line, int end_line,
                         int col, int end_col, Str* filename, Str* funcname) {
  auto* tb = allocate<Traceback>(kTracebackLayout, traceback_type);
  tb->next = next;
  tb->frame = frame;
  tb->code = code;
  tb->filename = filename;
  tb->name = funcname;
  tb->lasti = lasti;
  tb->lineno = line;
  tb->end_lineno = end_line;
  tb->col = col;
  tb->end_col = end_col;
  return tb;
}

void traceback_add(Value exc, Value frame, Value code, int lasti, int line, int end_line, int col,
                   int end_col, Str* filename, Str* funcname) {
  if (!is_exception(exc)) return;
  Value old = exception_traceback(exc);
  Traceback* tb = traceback_new(old ? T(old) : nullptr, frame, code, lasti, line, end_line, col,
                                end_col, filename, funcname);
  if (!frame || is_none(frame)) tb->globals = current_globals();
  exception_set_traceback(exc, tb);
}

// ---- source lines -----------------------------------------------------------------------

namespace {

std::unordered_map<std::string, std::vector<std::string>>& line_cache() {
  static std::unordered_map<std::string, std::vector<std::string>> cache;
  return cache;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

void register_source(const std::string& filename, const std::string& text) {
  line_cache()[filename] = split_lines(text);
}

bool source_line(const std::string& filename, int lineno, std::string* out) {
  if (filename.empty() || lineno < 1) return false;
  // "<string>", "<stdin>": CPython's printer finds no file and shows no line.
  if (filename.front() == '<' && filename.back() == '>') return false;
  auto& cache = line_cache();
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::ifstream in(filename, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    it = cache.emplace(filename, split_lines(ss.str())).first;
  }
  const auto& lines = it->second;
  if (static_cast<size_t>(lineno) > lines.size()) return false;
  *out = lines[static_cast<size_t>(lineno) - 1];
  if (!out->empty() && out->back() == '\r') out->pop_back();
  return true;
}

// ---- formatting -----------------------------------------------------------------------------

namespace {

constexpr int kRecursiveCutoff = 3;   // identical entries shown before "[Previous line repeated]"
constexpr int kTracebackLimit = 1000;  // sys.tracebacklimit's default
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

// Code points in the first `bytes` bytes of UTF-8 `s` (CPython's
// _PyPegen_byte_offset_to_character_offset, clipped the same way).
int64_t char_offset(const std::string& s, int64_t bytes) {
  if (bytes > static_cast<int64_t>(s.size()) + 1) bytes = static_cast<int64_t>(s.size()) + 1;
  int64_t n = 0;
  for (int64_t i = 0; i < bytes && i < static_cast<int64_t>(s.size()); i++) {
    if ((static_cast<unsigned char>(s[static_cast<size_t>(i)]) & 0xc0) != 0x80) n++;
  }
  if (bytes > static_cast<int64_t>(s.size())) n += bytes - static_cast<int64_t>(s.size());
  return n;
}

int64_t utf8_length(const std::string& s) { return char_offset(s, static_cast<int64_t>(s.size())); }

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The anchors of a one-line failing expression (3.11's
// extract_anchors_from_line): for `a + b` the operator, for `a[i]` the
// subscript, as character offsets into the line. False: no anchors.
bool extract_anchors(const std::string& line, int64_t start, int64_t end, int64_t* left,
                     int64_t* right) {
  // Substring by code points.
  std::string segment;
  {
    int64_t cp = 0;
    for (size_t i = 0; i < line.size(); i++) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      if ((c & 0xc0) != 0x80) cp++;
      if (cp > start && cp <= end) segment.push_back(line[i]);
    }
  }
  base::Arena arena;
  parse::SyntaxError error;
  parse::ParseOptions options;
  options.source_is_bytes = false;
  ast::ModNode* mod = parse::parse(segment, "<string>", options, arena, &error);
  auto* module = ast::as<ast::Module>(mod);
  if (!module || module->body.size != 1) return false;
  auto* expr_stmt = ast::as<ast::Expr>(module->body[0]);
  if (!expr_stmt) return false;
  ast::ExprNode* e = expr_stmt->value;
  int64_t l = -1, r = -1;
  if (auto* b = ast::as<ast::BinOp>(e)) {
    for (int64_t i = b->left->end_col_offset; i < b->right->col_offset; i++) {
      if (i < 0 || i >= static_cast<int64_t>(segment.size())) break;
      if (is_ws(segment[static_cast<size_t>(i)])) continue;
      l = i;
      r = i + 1;
      if (i + 1 < b->right->col_offset && !is_ws(segment[static_cast<size_t>(i) + 1])) r++;
      break;
    }
    if (l < 0) return false;
  } else if (auto* s = ast::as<ast::Subscript>(e)) {
    l = s->value->end_col_offset;
    r = s->slice->end_col_offset + 1;
  } else {
    return false;
  }
  *left = char_offset(segment, l) + start;
  *right = char_offset(segment, r) + start;
  return true;
}

struct Printer {
  std::string out;
  int depth = 0;          // exception group nesting (the margin's width)
  bool need_close = false;
  bool with_source = true;
  std::vector<Object*> seen;

  std::string indent() const { return std::string(static_cast<size_t>(2 * depth), ' '); }

  // Writes text, each line prefixed by the group margin.
  void emit(const std::string& text, char margin_char = '|') {
    if (depth == 0) {
      out += text;
      return;
    }
    std::string prefix = indent();
    prefix += margin_char;
    prefix += ' ';
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      size_t end = nl == std::string::npos ? text.size() : nl + 1;
      out += prefix;
      out.append(text, start, end - start);
      start = end;
    }
  }

  void entry(const Traceback* tb) {
    std::string filename = tb->filename ? str_to_utf8(tb->filename) : "<unknown>";
    std::string name = tb->name ? str_to_utf8(tb->name) : "<unknown>";
    std::string text = "  File \"" + filename + "\", line " + std::to_string(tb->lineno) + ", in " +
                       name + "\n";
    std::string line;
    if (with_source && source_line(filename, tb->lineno, &line)) {
      size_t ws = 0;
      while (ws < line.size() && is_ws(line[ws])) ws++;
      text += "    " + line.substr(ws) + "\n";
      text += carets(tb, line, static_cast<int64_t>(ws));
    }
    emit(text);
  }

  std::string carets(const Traceback* tb, const std::string& line, int64_t ws) {
    if (tb->col < 0 || tb->end_col < 0 || tb->end_lineno < 0 || tb->lineno < 0) return "";
    int64_t start = char_offset(line, tb->col);
    int64_t end = char_offset(line, tb->end_col);
    int64_t left = -1, right = -1;
    if (tb->end_lineno == tb->lineno || tb->end_lineno == 0) {
      if (!extract_anchors(line, start, end, &left, &right)) left = right = -1;
    } else {
      int64_t i = static_cast<int64_t>(line.size());
      while (--i >= 0)
        if (!is_ws(line[static_cast<size_t>(i)])) break;
      end = i + 1;
    }
    int64_t stripped_len = utf8_length(line) - ws;
    bool secondary = left != -1 || right != -1;
    if (end - start == stripped_len && !secondary) return "";
    // Columns count from the line's start; the 4-space indent of the
    // printed line replaces its own indentation (CPython's "truncation").
    std::string c;
    for (int64_t offset = ws - 4 + 1; offset <= end; offset++) {
      if (offset <= start) {
        c += ' ';
      } else if (secondary && left < offset && offset <= right) {
        c += '^';
      } else {
        c += secondary ? '~' : '^';
      }
    }
    return c + "\n";
  }

  // sys.tracebacklimit when it is an int, else 1000; <= 0 prints no entries
  // and no header (CPython's _PyTraceBack_Print_Indented).
  static int64_t traceback_limit() {
    Object* saved = take_error();
    // Before (or without) the interpreter's sys there is no limit to read.
    Value sys = builtin_module("sys");
    static Str* limit_name = intern("tracebacklimit");
    Value v = sys ? get_attr_or_null(sys, limit_name) : Value();
    int64_t limit = kTracebackLimit;
    if (v && is_int(v)) {
      auto i = int_to_i64(v);
      limit = i ? *i : (int_sign(v) > 0 ? INT64_MAX : 0);
    }
    clear_error();
    if (saved) set_error(saved);
    return limit;
  }

  // The header and the entries; nothing when the limit is <= 0.
  void traceback_block(const Traceback* tb, const char* header, char margin_char) {
    int64_t limit = traceback_limit();
    if (limit <= 0) return;
    emit(header, margin_char);
    stack(tb, limit);
  }

  void stack(const Traceback* tb, int64_t limit) {
    int64_t depth_count = 0;
    for (const Traceback* t = tb; t; t = t->next) depth_count++;
    while (tb && depth_count > limit) {
      depth_count--;
      tb = tb->next;
    }
    const Str* last_file = nullptr;
    const Str* last_name = nullptr;
    int last_line = -1;
    int count = 0;
    bool first = true;
    for (; tb; tb = tb->next) {
      bool same = !first && last_line != -1 && tb->lineno == last_line &&
                  same_str(tb->filename, last_file) && same_str(tb->name, last_name);
      if (!same) {
        repeated(count);
        last_file = tb->filename;
        last_name = tb->name;
        last_line = tb->lineno;
        count = 0;
      }
      first = false;
      count++;
      if (count <= kRecursiveCutoff) entry(tb);
    }
    repeated(count);
  }

  static bool same_str(const Str* a, const Str* b) {
    if (a == b) return true;
    if (!a || !b) return false;
    return str_equal(a, b);
  }

  void repeated(int count) {
    if (count <= kRecursiveCutoff) return;
    int n = count - kRecursiveCutoff;
    emit("  [Previous line repeated " + std::to_string(n) + " more time" + (n > 1 ? "s" : "") +
         "]\n");
  }

  // The "Type: message" line(s), SyntaxError's source line and the notes.
  void exception_only(Value exc) { emit(format_exception_only(exc)); }

  bool was_seen(Value e) {
    for (Object* o : seen)
      if (o == e.object()) return true;
    return false;
  }

  void chained(Value e, const char* message) {
    bool saved_close = need_close;
    one(e);
    need_close = saved_close;
    emit(std::string("\n") + message + "\n\n");
  }

  void one(Value exc) {
    seen.push_back(exc.object());
    // The chain first, oldest exception first.
    Value cause = exception_cause(exc);
    Value context = exception_context(exc);
    // A cause hides the context even when the cause was already printed.
    if (cause && is_exception(cause)) {
      if (!was_seen(cause)) chained(cause, "The above exception was the direct cause of the following exception:");
    } else if (context && is_exception(context) && !exception_suppress_context(exc) &&
               !was_seen(context)) {
      chained(context, "During handling of the above exception, another exception occurred:");
    }
    Value tbv = exception_traceback(exc);
    const Traceback* tb = tbv && is_traceback(tbv) ? tbv.as<Traceback>() : nullptr;
    if (!is_exception_group(exc)) {
      if (tb) traceback_block(tb, "Traceback (most recent call last):\n", '|');
      exception_only(exc);
      return;
    }
    if (depth > kMaxGroupDepth) {
      emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
      return;
    }
    bool toplevel = depth == 0;
    if (toplevel) depth++;
    if (tb) {
      traceback_block(tb, "Exception Group Traceback (most recent call last):\n",
                      toplevel ? '+' : '|');
    }
    exception_only(exc);
    static Str* exceptions_name = intern("exceptions");
    Value excs = get_attr(exc, exceptions_name);
    if (!excs || !is_tuple(excs)) {
      clear_error();
      if (toplevel) depth = 0;
      return;
    }
    Tuple* items = excs.as<Tuple>();
    int64_t num = items->length;
    int64_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
    need_close = false;
    for (int64_t i = 0; i < n; i++) {
      bool last = i == n - 1;
      if (last) need_close = true;
      bool truncated = i >= kMaxGroupWidth;
      std::string title = truncated ? "..." : std::to_string(i + 1);
      out += indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title +
             " ----------------\n";
      depth++;
      if (!truncated) {
        Value sub = items->at(i);
        // Members print even when already shown in a chain (only chains
        // consult `seen`), as CPython's print_exception_group.
        if (is_exception(sub)) one(sub);
      } else {
        int64_t remaining = num - kMaxGroupWidth;
        emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") +
             "\n");
      }
      if (last && need_close) {
        out += indent() + "+------------------------------------\n";
        need_close = false;
      }
      depth--;
    }
    if (toplevel) depth = 0;
  }
};

// ---- "Did you mean" (3.11's suggestions.c) ---------------------------------------------

constexpr size_t kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// Levenshtein distance with case flips costing less, giving up past max_cost.
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a.size(); i++) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); bi++) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); i++) {
      size_t substitute = distance + substitution_cost(code, a[i]);
      distance = buffer[i];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest candidate to `name` among the str items of `list_value`
// (an iterable), or "".
std::string best_suggestion(Value candidates, const std::string& name) {
  List* list = list_from_iterable(candidates);
  if (!list) {
    clear_error();
    return "";
  }
  size_t n = static_cast<size_t>(list_size(list));
  if (n >= kMaxCandidateItems) return "";
  std::string best;
  bool have = false;
  size_t best_distance = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    Value item = list_get(list, static_cast<int64_t>(i));
    if (!item || !is_str(item)) {
      clear_error();
      return "";
    }
    std::string s = str_to_utf8(item.as<Str>());
    if (s == name) continue;
    size_t max_distance = (name.size() + s.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name, s, max_distance);
    if (d > max_distance) continue;
    if (!have || d < best_distance) {
      best = s;
      best_distance = d;
      have = true;
    }
  }
  return best;
}

const Traceback* last_entry(Value exc) {
  Value tbv = exception_traceback(exc);
  if (!tbv || !is_traceback(tbv)) return nullptr;
  const Traceback* tb = tbv.as<Traceback>();
  while (tb->next) tb = tb->next;
  return tb;
}

// Exact AttributeError and NameError only, as CPython.
std::string suggestion_for(Value exc) {
  Type* t = type_of(exc);
  if (t == exc::AttributeError) {
    Value name, obj;
    if (!attribute_error_fields(exc, &name, &obj) || !name || !obj || !is_exact_str(name)) return "";
    static Str* dir_name = intern("__dir__");
    bool found = false;
    Value d = call_special(obj, dir_name, nullptr, 0, &found);
    if (!d) {
      clear_error();
      return "";
    }
    List* list = list_from_iterable(d);
    if (!list || !list_sort(list, Value(), false)) {
      clear_error();
      return "";
    }
    return best_suggestion(list, str_to_utf8(name.as<Str>()));
  }
  if (t == exc::NameError) {
    Value name = name_error_name(exc);
    const Traceback* tb = last_entry(exc);
    if (!name || !is_exact_str(name) || !tb) return "";
    std::string n = str_to_utf8(name.as<Str>());
    auto attr = [](Value o, const char* a) -> Value {
      if (!o || is_none(o)) return Value();
      Value v = get_attr_str(o, a);
      if (!v) clear_error();
      return v;
    };
    Value frame = tb->frame;
    Value code = frame ? attr(frame, "f_code") : tb->code;
    Value varnames = attr(code, "co_varnames");
    if (varnames) {
      std::string s = best_suggestion(varnames, n);
      if (!s.empty()) return s;
    }
    Value globals = frame ? attr(frame, "f_globals") : Value(tb->globals);
    if (globals) {
      std::string s = best_suggestion(globals, n);
      if (!s.empty()) return s;
    }
    Value builtins = attr(frame, "f_builtins");
    if (!builtins) {
      Module* m = builtins_module();
      if (m) builtins = m->dict;
    }
    if (builtins) return best_suggestion(builtins, n);
  }
  return "";
}

std::string safe_str(Value v, const char* what) {
  Value s = str_of(v);
  if (!s) {
    clear_error();
    return std::string("<") + what + " str() failed>";
  }
  return str_to_utf8(s.as<Str>());
}

// "module.Qualname" as the exception line names the type.
std::string qualified_type_name(Type* t) {
  std::string out;
  static Str* module_name = intern("__module__");
  static Str* qualname_name = intern("__qualname__");
  Value mod = get_attr_or_null(t, module_name);
  if (!mod) clear_error();
  if (!mod || !is_str(mod)) {
    out = "<unknown>.";
  } else {
    std::string m = str_to_utf8(mod.as<Str>());
    if (m != "builtins" && m != "__main__") out = m + ".";
  }
  Value q = get_attr_or_null(t, qualname_name);
  if (!q) clear_error();
  if (q && is_str(q)) {
    out += str_to_utf8(q.as<Str>());
  } else {
    out += type_name_of(t);
  }
  return out;
}

// SyntaxError's "  File ..., line N" block with its caret line (3.11's
// print_error_text); false if the fields are not usable.
bool syntax_error_block(Value exc, std::string* out, std::string* message) {
  auto attr = [&](const char* n) {
    Value v = get_attr_str(exc, n);
    if (!v) clear_error();
    return v;
  };
  Value msg = attr("msg"), filename = attr("filename"), lineno_v = attr("lineno");
  Value offset_v = attr("offset"), end_lineno_v = attr("end_lineno"), end_offset_v = attr("end_offset");
  Value text_v = attr("text");
  if (!msg || !lineno_v || !is_int(lineno_v)) return false;
  auto as_int = [](Value v, int64_t dflt) {
    if (!v || is_none(v) || !is_int(v)) return dflt;
    auto i = int_to_i64(v);
    return i ? *i : dflt;
  };
  int64_t lineno = as_int(lineno_v, 0);
  int64_t offset = as_int(offset_v, -1);
  int64_t end_lineno = end_lineno_v && !is_none(end_lineno_v) ? as_int(end_lineno_v, lineno) : lineno;
  int64_t end_offset = as_int(end_offset_v, -1);
  std::string fname = filename && is_str(filename) ? str_to_utf8(filename.as<Str>()) : "<string>";
  if (filename && !is_none(filename) && !is_str(filename)) fname = safe_str(filename, "filename");
  *message = safe_str(msg, "exception");
  *out = "  File \"" + fname + "\", line " + std::to_string(lineno) + "\n";
  if (text_v && is_str(text_v)) {
    std::string text = str_to_utf8(text_v.as<Str>());
    int64_t line_size = static_cast<int64_t>(text.size());
    if (end_lineno > lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    // print_error_text
    int64_t reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    int64_t off = offset - 1;
    size_t p = 0;
    while (p < text.size() && is_ws(text[p])) {
      p++;
      off--;
    }
    std::string t = text.substr(p);
    int64_t len = static_cast<int64_t>(t.size());
    if (len > 0 && t[static_cast<size_t>(len) - 1] == '\n') len--;
    if (off > len) off = len;
    for (;;) {
      size_t nl = t.find('\n');
      if (nl == std::string::npos) break;
      int64_t inl = static_cast<int64_t>(nl);
      if (inl >= off) break;
      inl += 1;
      t = t.substr(static_cast<size_t>(inl));
      len -= inl;
      off -= inl;
    }
    *out += "    " + t;
    if (len >= static_cast<int64_t>(t.size()) || t[static_cast<size_t>(len)] != '\n') *out += "\n";
    if (off >= 0) {
      *out += "    " + std::string(static_cast<size_t>(off), ' ') +
              std::string(static_cast<size_t>(reps), '^') + "\n";
    }
  }
  return true;
}

}  // namespace

std::string format_exception_only(Value exc) {
  if (!is_exception(exc)) {
    return qualified_type_name(type_of(exc)) + ": " + safe_str(exc, "exception") + "\n";
  }
  std::string out;
  std::string message;
  bool have_message = false;
  if (exc::SyntaxError && isinstance(exc, exc::SyntaxError)) {
    std::string block;
    if (syntax_error_block(exc, &block, &message)) {
      out += block;
      have_message = true;
    }
  }
  if (!have_message) message = safe_str(exc, "exception");
  out += qualified_type_name(type_of(exc));
  if (!message.empty()) out += ": " + message;
  std::string suggestion = suggestion_for(exc);
  if (!suggestion.empty()) out += ". Did you mean: '" + suggestion + "'?";
  out += "\n";
  static Str* notes_name = intern("__notes__");
  Value notes = get_attr_or_null(exc, notes_name);
  if (!notes) {
    clear_error();
    return out;
  }
  if (is_none(notes)) return out;
  // 3.11.2 walks any sequence, a str one character a line included (later
  // 3.11 releases print the repr of a str or bytes __notes__).
  bool sequence = type_of(notes)->slots.getitem != nullptr &&
                  !type_of(notes)->has_flag(TypeFlag::kDictSubclass);
  if (!sequence) {
    Value r = repr(notes);
    if (!r) {
      clear_error();
      out += "<__notes__ repr() failed>\n";
    } else {
      out += str_to_utf8(r.as<Str>()) + "\n";
    }
    return out;
  }
  int64_t n = length(notes);
  if (n < 0) {
    clear_error();
    return out;
  }
  for (int64_t i = 0; i < n; i++) {
    Value note = get_item(notes, int_from_i64(i));
    if (!note) {
      clear_error();
      break;
    }
    out += (is_str(note) ? str_to_utf8(note.as<Str>()) : safe_str(note, "note")) + "\n";
  }
  return out;
}

std::string format_traceback(Value tb, bool with_source) {
  if (!tb || !is_traceback(tb)) return "";
  Object* saved = take_error();
  Printer p;
  p.with_source = with_source;
  p.traceback_block(tb.as<Traceback>(), "Traceback (most recent call last):\n", '|');
  if (saved) set_error(saved); else clear_error();
  return p.out;
}

std::string format_exception(Value exc) {
  Object* saved = take_error();
  Printer p;
  if (is_exception(exc)) {
    p.one(exc);
  } else {
    p.out = format_exception_only(exc);
  }
  if (saved) set_error(saved); else clear_error();
  return p.out;
}

void print_exception(Value exc, Value file) {
  std::string text = format_exception(exc);
  Object* saved = take_error();
  if (!file) {
    // sys.stderr, as PyErr_Display: None prints nothing; no sys (or no
    // stderr in it) falls back to the C stderr.
    Value sys = builtin_module("sys");
    static Str* stderr_name = intern("stderr");
    file = sys ? get_attr_or_null(sys, stderr_name) : Value();
    clear_error();
  }
  if (file && is_none(file)) {
    if (saved) set_error(saved);
    return;
  }
  bool ok = false;
  if (file && !is_none(file)) {
    Str* s = str_from_utf8(text);
    static Str* write = intern("write");
    static Str* flush = intern("flush");
    Value arg = s;
    ok = s && call_method(file, write, &arg, 1);
    if (ok && !call_method(file, flush, nullptr, 0)) clear_error();
    clear_error();
  }
  if (!ok) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  }
  if (saved) set_error(saved);
}

}  // namespace pyrite::python
