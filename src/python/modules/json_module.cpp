// The _json module: the accelerator json.decoder and json.encoder use —
// scanstring, encode_basestring(_ascii), the Scanner (make_scanner) and
// Encoder (make_encoder) types — as CPython 3.11's (docs/modules.md,
// "_json").
//
// The scanner follows CPython's C scanner step by step, since it is what
// json.loads runs there and its errors are observable: which position a
// JSONDecodeError names, that a missing value surfaces as StopIteration(idx)
// (json.decoder turns it into "Expecting value"), how numbers end ("1." is
// the int 1 followed by extra data). The encoder is the C encoder, used
// when indent is None: one str in a list, markers keyed by id().
#include <cmath>
#include <string>

#include "gc/heap.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/str_methods.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// CPython's message for a bad \u escape (four hex digits expected).
constexpr const char kBadUnicodeEscape[] = "Invalid \\u" "XX" "XX escape";


Type* g_scanner = nullptr;  // _json.Scanner, exposed as make_scanner
Type* g_encoder = nullptr;  // _json.Encoder, exposed as make_encoder

struct Scanner : Object {
  bool strict;
  Value object_hook;
  Value object_pairs_hook;
  Value parse_float;
  Value parse_int;
  Value parse_constant;
};

struct Encoder : Object {
  Value markers;  // a dict or None
  Value defaultfn;
  Value encoder;
  Value indent;
  Value key_separator;   // str
  Value item_separator;  // str
  bool sort_keys;
  bool skipkeys;
  bool allow_nan;
  int fast_encode;  // 0: call `encoder`; 1: encode_basestring_ascii; 2: encode_basestring
};

void trace_scanner(void* p, gc::Visitor& v) {
  auto* s = static_cast<Scanner*>(p);
  v.visit(s->type);
  visit_value(v, s->object_hook);
  visit_value(v, s->object_pairs_hook);
  visit_value(v, s->parse_float);
  visit_value(v, s->parse_int);
  visit_value(v, s->parse_constant);
}

void trace_encoder(void* p, gc::Visitor& v) {
  auto* e = static_cast<Encoder*>(p);
  v.visit(e->type);
  visit_value(v, e->markers);
  visit_value(v, e->defaultfn);
  visit_value(v, e->encoder);
  visit_value(v, e->indent);
  visit_value(v, e->key_separator);
  visit_value(v, e->item_separator);
}

Value not_a_string(Value v) {
  return raisef(exc::TypeError, "first argument must be a string, not %s", type_name_of(type_of(v)).c_str());
}

// json.decoder.JSONDecodeError(msg, s, end), raised.
Value raise_errmsg(const char* msg, Str* s, int64_t end) {
  Value mod = import_module_level(intern("json.decoder"), none(), tuple_of({intern("JSONDecodeError")}), 0);
  if (!mod) return {};
  Value cls = get_attr_str(mod, "JSONDecodeError");
  if (!cls) return {};
  Value args[3] = {str_from_utf8(msg), s, int_from_i64(end)};
  Value e = call(cls, args, 3);
  if (!e) return {};
  set_error(e.object());
  return {};
}

Value stop_at(int64_t idx) { return raise_stop_iteration(int_from_i64(idx)); }

// ---- strings ------------------------------------------------------------------------------------

int hex_value(char32_t d) {
  if (d >= '0' && d <= '9') return int(d - '0');
  if (d >= 'a' && d <= 'f') return int(d - 'a' + 10);
  if (d >= 'A' && d <= 'F') return int(d - 'A' + 10);
  return -1;
}

// The JSON string whose opening quote is at end - 1; *next_end gets the
// index after the closing quote. CPython's scanstring_unicode.
Value scanstring(Str* s, int64_t end, bool strict, int64_t* next_end) {
  int64_t len = s->length;
  int64_t begin = end - 1;
  if (end < 0 || len < end) return raise(exc::ValueError, "end is out of bounds");
  StrBuilder out;
  bool used = false;
  while (true) {
    char32_t c = 0;
    int64_t next;
    for (next = end; next < len; next++) {
      c = s->at(next);
      if (c == '"' || c == '\\') break;
      if (c <= 0x1f && strict) return raise_errmsg("Invalid control character at", s, next);
    }
    if (c == '"' && next < len && !used) {
      *next_end = next + 1;
      return str_substr(s, end, next);
    }
    if (next >= len || (c != '"' && c != '\\')) return raise_errmsg("Unterminated string starting at", s, begin);
    if (next != end) out.append(s, end, next);
    used = true;
    next++;
    if (c == '"') {
      end = next;
      break;
    }
    if (next == len) return raise_errmsg("Unterminated string starting at", s, begin);
    c = s->at(next);
    if (c != 'u') {
      end = next + 1;
      switch (c) {
        case '"': case '\\': case '/': break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: c = 0;
      }
      if (c == 0) return raise_errmsg("Invalid \\escape", s, end - 2);
    } else {
      c = 0;
      next++;
      end = next + 4;
      if (end >= len) return raise_errmsg(kBadUnicodeEscape, s, next - 1);
      for (; next < end; next++) {
        int h = hex_value(s->at(next));
        if (h < 0) return raise_errmsg(kBadUnicodeEscape, s, end - 5);
        c = (c << 4) | char32_t(h);
      }
      // A high surrogate followed by \u and a low one is one character.
      if (c >= 0xD800 && c <= 0xDBFF && end + 6 < len && s->at(next++) == '\\' &&
          s->at(next++) == 'u') {
        char32_t c2 = 0;
        end += 6;
        for (; next < end; next++) {
          int h = hex_value(s->at(next));
          if (h < 0) return raise_errmsg(kBadUnicodeEscape, s, end - 5);
          c2 = (c2 << 4) | char32_t(h);
        }
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
          c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
        } else {
          end -= 6;
        }
      }
    }
    out.push(c);
  }
  *next_end = end;
  return out.finish();
}

Value json_scanstring(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2 || nargs > 3) {
    return raisef(exc::TypeError, "scanstring() takes %s %d arguments (%zu given)",
                  nargs < 2 ? "at least" : "at most", nargs < 2 ? 2 : 3, nargs);
  }
  int64_t end;
  if (!arg_ssize(args[1], &end)) return {};
  bool strict = true;
  if (nargs > 2) {
    int t = truth(args[2]);
    if (t < 0) return {};
    strict = t;
  }
  if (!is_str(args[0])) return not_a_string(args[0]);
  int64_t next_end = -1;
  Value r = scanstring(args[0].as<Str>(), end, strict, &next_end);
  if (!r) return {};
  return tuple_of({r, int_from_i64(next_end)});
}

constexpr char kHex[] = "0123456789abcdef";

bool plain_ascii(char32_t c) { return c >= ' ' && c <= '~' && c != '\\' && c != '"'; }

void escape_into(StrBuilder* out, char32_t c) {
  switch (c) {
    case '\\': out->append_ascii("\\\\"); return;
    case '"': out->append_ascii("\\\""); return;
    case '\b': out->append_ascii("\\b"); return;
    case '\f': out->append_ascii("\\f"); return;
    case '\n': out->append_ascii("\\n"); return;
    case '\r': out->append_ascii("\\r"); return;
    case '\t': out->append_ascii("\\t"); return;
  }
  auto u4 = [&](char32_t v) {
    char buf[7] = {'\\', 'u', kHex[(v >> 12) & 15], kHex[(v >> 8) & 15], kHex[(v >> 4) & 15], kHex[v & 15], 0};
    out->append_ascii(buf);
  };
  if (c >= 0x10000) {
    char32_t v = c - 0x10000;
    u4(0xD800 | ((v >> 10) & 0x3ff));
    u4(0xDC00 | (v & 0x3ff));
  } else {
    u4(c);
  }
}

Str* encode_ascii(Str* s) {
  StrBuilder out;
  out.reserve(size_t(s->length) + 2);
  out.push('"');
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (plain_ascii(c)) {
      out.push(c);
    } else {
      escape_into(&out, c);
    }
  }
  out.push('"');
  return out.finish();
}

Str* encode_unicode(Str* s) {
  StrBuilder out;
  out.reserve(size_t(s->length) + 2);
  out.push('"');
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c == '\\' || c == '"' || c <= 0x1f) {
      escape_into(&out, c);
    } else {
      out.push(c);
    }
  }
  out.push('"');
  return out.finish();
}

Value json_encode_basestring_ascii(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) return not_a_string(args[0]);
  return encode_ascii(args[0].as<Str>());
}

Value json_encode_basestring(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) return not_a_string(args[0]);
  return encode_unicode(args[0].as<Str>());
}

// ---- the scanner --------------------------------------------------------------------------------

bool is_ws(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Value scan_once(Scanner* sc, Dict* memo, Str* s, int64_t idx, int64_t* next_idx);

int64_t skip_ws(Str* s, int64_t idx) {
  while (idx < s->length && is_ws(s->at(idx))) idx++;
  return idx;
}

Value parse_object(Scanner* sc, Dict* memo, Str* s, int64_t idx, int64_t* next_idx_ptr) {
  int64_t end_idx = s->length - 1;
  bool pairs_hook = !is_none(sc->object_pairs_hook);
  Value rval = pairs_hook ? Value(list_new()) : Value(dict_new());
  idx = skip_ws(s, idx);
  if (idx > end_idx || s->at(idx) != '}') {
    while (true) {
      if (idx > end_idx || s->at(idx) != '"') {
        return raise_errmsg("Expecting property name enclosed in double quotes", s, idx);
      }
      int64_t next_idx;
      Value key = scanstring(s, idx + 1, sc->strict, &next_idx);
      if (!key) return {};
      // One str object per distinct key in a document.
      Value known = dict_get(memo, key);
      if (known) {
        key = known;
      } else {
        if (has_error()) return {};
        if (!dict_set(memo, key, key)) return {};
      }
      idx = skip_ws(s, next_idx);
      if (idx > end_idx || s->at(idx) != ':') return raise_errmsg("Expecting ':' delimiter", s, idx);
      idx = skip_ws(s, idx + 1);
      Value val = scan_once(sc, memo, s, idx, &next_idx);
      if (!val) return {};
      if (pairs_hook) {
        if (!list_append(rval.as<List>(), tuple_of({key, val}))) return {};
      } else {
        if (!dict_set(rval.as<Dict>(), key, val)) return {};
      }
      idx = skip_ws(s, next_idx);
      if (idx <= end_idx && s->at(idx) == '}') break;
      if (idx > end_idx || s->at(idx) != ',') return raise_errmsg("Expecting ',' delimiter", s, idx);
      idx = skip_ws(s, idx + 1);
    }
  }
  *next_idx_ptr = idx + 1;
  if (pairs_hook) return call1(sc->object_pairs_hook, rval);
  if (!is_none(sc->object_hook)) return call1(sc->object_hook, rval);
  return rval;
}

Value parse_array(Scanner* sc, Dict* memo, Str* s, int64_t idx, int64_t* next_idx_ptr) {
  int64_t end_idx = s->length - 1;
  List* rval = list_new();
  idx = skip_ws(s, idx);
  if (idx > end_idx || s->at(idx) != ']') {
    while (true) {
      int64_t next_idx;
      Value val = scan_once(sc, memo, s, idx, &next_idx);
      if (!val) return {};
      if (!list_append(rval, val)) return {};
      idx = skip_ws(s, next_idx);
      if (idx <= end_idx && s->at(idx) == ']') break;
      if (idx > end_idx || s->at(idx) != ',') return raise_errmsg("Expecting ',' delimiter", s, idx);
      idx = skip_ws(s, idx + 1);
    }
  }
  if (idx > end_idx || s->at(idx) != ']') return raise_errmsg("Expecting value", s, end_idx);
  *next_idx_ptr = idx + 1;
  return rval;
}

Value parse_constant(Scanner* sc, const char* constant, int64_t idx, int64_t* next_idx_ptr) {
  Str* cstr = intern(constant);
  Value r = call1(sc->parse_constant, cstr);
  *next_idx_ptr = idx + cstr->length;
  return r;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

Value match_number(Scanner* sc, Str* s, int64_t start, int64_t* next_idx_ptr) {
  int64_t end_idx = s->length - 1;
  int64_t idx = start;
  bool is_float_ = false;
  if (s->at(idx) == '-') {
    idx++;
    if (idx > end_idx) return stop_at(start);
  }
  if (s->at(idx) >= '1' && s->at(idx) <= '9') {
    idx++;
    while (idx <= end_idx && is_digit(s->at(idx))) idx++;
  } else if (s->at(idx) == '0') {
    idx++;
  } else {
    return stop_at(start);
  }
  if (idx < end_idx && s->at(idx) == '.' && is_digit(s->at(idx + 1))) {
    is_float_ = true;
    idx += 2;
    while (idx <= end_idx && is_digit(s->at(idx))) idx++;
  }
  if (idx < end_idx && (s->at(idx) == 'e' || s->at(idx) == 'E')) {
    int64_t e_start = idx;
    idx++;
    if (idx < end_idx && (s->at(idx) == '-' || s->at(idx) == '+')) idx++;
    while (idx <= end_idx && is_digit(s->at(idx))) idx++;
    if (is_digit(s->at(idx - 1))) {
      is_float_ = true;
    } else {
      idx = e_start;
    }
  }
  Value custom;
  if (is_float_ && !sc->parse_float.is(Value(types::float_))) {
    custom = sc->parse_float;
  } else if (!is_float_ && !sc->parse_int.is(Value(types::int_))) {
    custom = sc->parse_int;
  }
  Str* numstr = str_substr(s, start, idx);
  Value r = custom ? call1(custom, numstr) : is_float_ ? float_from_str(numstr) : int_from_str(numstr, 10);
  *next_idx_ptr = idx;
  return r;
}

bool matches(Str* s, int64_t idx, const char* word) {
  for (int64_t i = 0; word[i]; i++)
    if (idx + i >= s->length || s->at(idx + i) != char32_t(word[i])) return false;
  return true;
}

Value scan_once(Scanner* sc, Dict* memo, Str* s, int64_t idx, int64_t* next_idx) {
  int64_t length = s->length;
  if (idx < 0) return raise(exc::ValueError, "idx cannot be negative");
  if (idx >= length) return stop_at(idx);
  switch (s->at(idx)) {
    case '"':
      return scanstring(s, idx + 1, sc->strict, next_idx);
    case '{': {
      if (!enter_recursive_call(" while decoding a JSON object from a unicode string")) return {};
      Value r = parse_object(sc, memo, s, idx + 1, next_idx);
      leave_recursive_call();
      return r;
    }
    case '[': {
      if (!enter_recursive_call(" while decoding a JSON array from a unicode string")) return {};
      Value r = parse_array(sc, memo, s, idx + 1, next_idx);
      leave_recursive_call();
      return r;
    }
    case 'n':
      if (matches(s, idx, "null")) {
        *next_idx = idx + 4;
        return none();
      }
      break;
    case 't':
      if (matches(s, idx, "true")) {
        *next_idx = idx + 4;
        return py_bool(true);
      }
      break;
    case 'f':
      if (matches(s, idx, "false")) {
        *next_idx = idx + 5;
        return py_bool(false);
      }
      break;
    case 'N':
      if (matches(s, idx, "NaN")) return parse_constant(sc, "NaN", idx, next_idx);
      break;
    case 'I':
      if (matches(s, idx, "Infinity")) return parse_constant(sc, "Infinity", idx, next_idx);
      break;
    case '-':
      if (matches(s, idx, "-Infinity")) return parse_constant(sc, "-Infinity", idx, next_idx);
      break;
  }
  return match_number(sc, s, idx, next_idx);
}

Value scanner_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"string", "idx", nullptr};
  Value string, idx_v;
  ArgSpec spec{"scan_once", kNames, 2, 0};
  spec.clinic = true;  // PyArg_ParseTupleAndKeywords' messages and order, here the same
  if (!parse_args(spec, args, nargs, kwnames, {&string, &idx_v})) return {};
  int64_t idx;
  if (!arg_ssize(idx_v, &idx)) return {};
  if (!is_str(string)) return not_a_string(string);
  Dict* memo = dict_new();
  int64_t next_idx = -1;
  Value r = scan_once(static_cast<Scanner*>(self.as<Object>()), memo, string.as<Str>(), idx, &next_idx);
  if (!r) return {};
  return tuple_of({r, int_from_i64(next_idx)});
}

Value scanner_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"context", nullptr};
  Value ctx;
  ArgSpec spec{"make_scanner", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&ctx})) return {};
  auto* sc = static_cast<Scanner*>(alloc_instance(type));
  if (!sc) return {};
  sc->object_hook = sc->object_pairs_hook = sc->parse_float = sc->parse_int = sc->parse_constant = none();
  Value strict = get_attr_str(ctx, "strict");
  if (!strict) return {};
  int t = truth(strict);
  if (t < 0) return {};
  sc->strict = t;
  struct {
    const char* name;
    Value* field;
  } fields[] = {{"object_hook", &sc->object_hook},
                {"object_pairs_hook", &sc->object_pairs_hook},
                {"parse_float", &sc->parse_float},
                {"parse_int", &sc->parse_int},
                {"parse_constant", &sc->parse_constant}};
  for (auto& f : fields) {
    Value v = get_attr_str(ctx, f.name);
    if (!v) return {};
    gc::write_barrier(sc, f.field, v.is_object() ? v.object() : nullptr);
    *f.field = v;
  }
  return sc;
}

Scanner* as_scanner(Value v) { return static_cast<Scanner*>(v.as<Object>()); }
Value scanner_strict(Value self) { return py_bool(as_scanner(self)->strict); }
Value scanner_object_hook(Value self) { return as_scanner(self)->object_hook; }
Value scanner_object_pairs_hook(Value self) { return as_scanner(self)->object_pairs_hook; }
Value scanner_parse_float(Value self) { return as_scanner(self)->parse_float; }
Value scanner_parse_int(Value self) { return as_scanner(self)->parse_int; }
Value scanner_parse_constant(Value self) { return as_scanner(self)->parse_constant; }

bool readonly_member(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

const GetSetDef kScannerGetSets[] = {
    {"strict", scanner_strict, readonly_member, "strict"},
    {"object_hook", scanner_object_hook, readonly_member, "object_hook"},
    {"object_pairs_hook", scanner_object_pairs_hook, readonly_member, nullptr},
    {"parse_float", scanner_parse_float, readonly_member, "parse_float"},
    {"parse_int", scanner_parse_int, readonly_member, "parse_int"},
    {"parse_constant", scanner_parse_constant, readonly_member, "parse_constant"},
    {nullptr, nullptr},
};

// ---- the encoder --------------------------------------------------------------------------------

Encoder* as_encoder(Value v) { return static_cast<Encoder*>(v.as<Object>()); }

Value encode_float(Encoder* e, Value obj) {
  double d = float_value(obj);
  if (!std::isfinite(d)) {
    if (!e->allow_nan) return raise(exc::ValueError, "Out of range float values are not JSON compliant");
    if (d > 0) return str_from_ascii("Infinity");
    if (d < 0) return str_from_ascii("-Infinity");
    return str_from_ascii("NaN");
  }
  return float_repr(obj);
}

Value encode_string(Encoder* e, Value obj) {
  if (e->fast_encode == 1) return encode_ascii(obj.as<Str>());
  if (e->fast_encode == 2) return encode_unicode(obj.as<Str>());
  Value encoded = call1(e->encoder, obj);
  if (encoded && !is_str(encoded)) {
    return raisef(exc::TypeError, "encoder() must return a string, not %s",
                  type_name_of(type_of(encoded)).c_str());
  }
  return encoded;
}

bool encode_obj(Encoder* e, StrBuilder* out, Value obj, int64_t indent_level);

// Marks `obj` as being encoded (markers[id(obj)] = obj); *ident gets the
// key. False with "Circular reference detected" when it already is.
bool mark(Encoder* e, Value obj, Value* ident) {
  if (is_none(e->markers)) return true;
  *ident = int_from_u64(obj.bits());
  Dict* markers = e->markers.as<Dict>();
  Value known = dict_get(markers, *ident);
  if (known) {
    raise(exc::ValueError, "Circular reference detected");
    return false;
  }
  if (has_error()) return false;
  return dict_set(markers, *ident, obj);
}

bool unmark(Encoder* e, Value ident) {
  if (!ident) return true;
  return dict_del(e->markers.as<Dict>(), ident) >= 0;
}

bool append_str(StrBuilder* out, Value s) {
  if (!s) return false;
  out->append(s.as<Str>());
  return true;
}

// PySequence_Fast: an exact list is read live (a default() that shrinks it
// shortens the output, as in CPython), anything else as a tuple.
bool encode_list(Encoder* e, StrBuilder* out, Value seq, int64_t indent_level) {
  List* live = is_exact_list(seq) ? seq.as<List>() : nullptr;
  Tuple* items = nullptr;
  if (!live && !(items = sequence_fast(seq, "_iterencode_list needs a sequence"))) return false;
  auto size = [&] { return live ? list_size(live) : items->length; };
  if (size() == 0) {
    out->append_ascii("[]");
    return true;
  }
  Value ident;
  if (!mark(e, seq, &ident)) return false;
  out->push('[');
  for (int64_t i = 0; i < size(); i++) {
    if (i) out->append(e->item_separator.as<Str>());
    Value item = live ? list_get(live, i) : items->items()[i];
    if (!item) return false;
    if (!encode_obj(e, out, item, indent_level)) return false;
  }
  if (!unmark(e, ident)) return false;
  out->push(']');
  return true;
}

bool encode_dict(Encoder* e, StrBuilder* out, Value dct, int64_t indent_level) {
  if (dict_size(dct.as<Dict>()) == 0) {
    out->append_ascii("{}");
    return true;
  }
  Value ident;
  if (!mark(e, dct, &ident)) return false;
  out->push('{');
  Value items_method = get_attr_str(dct, "items");
  if (!items_method) return false;
  Value items_view = call0(items_method);
  if (!items_view) return false;
  List* items = list_from_iterable(items_view);
  if (!items) return false;
  if (e->sort_keys && !list_sort(items, Value(), false)) return false;
  int64_t written = 0;
  for (int64_t i = 0; i < list_size(items); i++) {
    Value item = list_get(items, i);
    if (!item) return false;
    if (!is_tuple(item) || item.as<Tuple>()->length != 2) {
      raise(exc::ValueError, "items must return 2-tuples");
      return false;
    }
    Value key = item.as<Tuple>()->items()[0];
    Value value = item.as<Tuple>()->items()[1];
    Value kstr;
    if (is_str(key)) {
      kstr = key;
    } else if (is_float(key)) {
      kstr = encode_float(e, key);
    } else if (key.is(py_bool(true))) {
      kstr = str_from_ascii("true");
    } else if (key.is(py_bool(false))) {
      kstr = str_from_ascii("false");
    } else if (is_none(key)) {
      kstr = str_from_ascii("null");
    } else if (is_int(key)) {
      kstr = int_repr(key);
    } else if (e->skipkeys) {
      continue;
    } else {
      raisef(exc::TypeError, "keys must be str, int, float, bool or None, not %s",
             type_name_of(type_of(key)).c_str());
      return false;
    }
    if (!kstr) return false;
    if (written) out->append(e->item_separator.as<Str>());
    if (!append_str(out, encode_string(e, kstr))) return false;
    out->append(e->key_separator.as<Str>());
    if (!encode_obj(e, out, value, indent_level)) return false;
    written++;
  }
  if (!unmark(e, ident)) return false;
  out->push('}');
  return true;
}

bool encode_obj(Encoder* e, StrBuilder* out, Value obj, int64_t indent_level) {
  if (is_none(obj)) {
    out->append_ascii("null");
    return true;
  }
  if (obj.is(py_bool(true))) {
    out->append_ascii("true");
    return true;
  }
  if (obj.is(py_bool(false))) {
    out->append_ascii("false");
    return true;
  }
  if (is_str(obj)) return append_str(out, encode_string(e, obj));
  if (is_int(obj)) return append_str(out, int_repr(obj));
  if (is_float(obj)) return append_str(out, encode_float(e, obj));
  if (is_list(obj) || is_tuple(obj)) {
    if (!enter_recursive_call(" while encoding a JSON object")) return false;
    bool ok = encode_list(e, out, obj, indent_level);
    leave_recursive_call();
    return ok;
  }
  if (is_dict(obj)) {
    if (!enter_recursive_call(" while encoding a JSON object")) return false;
    bool ok = encode_dict(e, out, obj, indent_level);
    leave_recursive_call();
    return ok;
  }
  Value ident;
  if (!mark(e, obj, &ident)) return false;
  Value newobj = call1(e->defaultfn, obj);
  if (!newobj) return false;
  if (!enter_recursive_call(" while encoding a JSON object")) return false;
  bool ok = encode_obj(e, out, newobj, indent_level);
  leave_recursive_call();
  if (!ok) return false;
  return unmark(e, ident);
}

Value encoder_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"obj", "_current_indent_level", nullptr};
  Value obj, level_v;
  ArgSpec spec{"_iterencode", kNames, 2, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&obj, &level_v})) return {};
  int64_t indent_level;
  if (!arg_ssize(level_v, &indent_level)) return {};
  StrBuilder out;
  if (!encode_obj(as_encoder(self), &out, obj, indent_level)) return {};
  List* result = list_new();
  if (!list_append(result, out.finish())) return {};
  return result;
}

Value encoder_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"markers", "default", "encoder", "indent", "key_separator",
                                       "item_separator", "sort_keys", "skipkeys", "allow_nan", nullptr};
  Value v[9];
  ArgSpec spec{"make_encoder", kNames, 9, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames,
                  {&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8]}))
    return {};
  for (int i = 4; i <= 5; i++) {
    if (!is_str(v[i])) {
      return raisef(exc::TypeError, "make_encoder() argument %d must be str, not %s", i + 1,
                    type_name_of(type_of(v[i])).c_str());
    }
  }
  int flags[3];
  for (int i = 0; i < 3; i++)
    if ((flags[i] = truth(v[6 + i])) < 0) return {};
  if (!is_none(v[0]) && !is_dict(v[0])) {
    return raisef(exc::TypeError, "make_encoder() argument 1 must be dict or None, not %s",
                  type_name_of(type_of(v[0])).c_str());
  }
  auto* e = static_cast<Encoder*>(alloc_instance(type));
  if (!e) return {};
  e->markers = v[0];
  e->defaultfn = v[1];
  e->encoder = v[2];
  e->indent = v[3];
  e->key_separator = v[4];
  e->item_separator = v[5];
  e->sort_keys = flags[0];
  e->skipkeys = flags[1];
  e->allow_nan = flags[2];
  e->fast_encode = 0;
  if (v[2].is_object() && type_of(v[2]) == types::builtin_function) {
    NativeFn fn = static_cast<BuiltinFunction*>(v[2].as<Object>())->def->fn;
    if (fn == json_encode_basestring_ascii) e->fast_encode = 1;
    if (fn == json_encode_basestring) e->fast_encode = 2;
  }
  return e;
}

Value encoder_markers(Value self) { return as_encoder(self)->markers; }
Value encoder_default(Value self) { return as_encoder(self)->defaultfn; }
Value encoder_encoder(Value self) { return as_encoder(self)->encoder; }
Value encoder_indent(Value self) { return as_encoder(self)->indent; }
Value encoder_key_separator(Value self) { return as_encoder(self)->key_separator; }
Value encoder_item_separator(Value self) { return as_encoder(self)->item_separator; }
Value encoder_sort_keys(Value self) { return py_bool(as_encoder(self)->sort_keys); }
Value encoder_skipkeys(Value self) { return py_bool(as_encoder(self)->skipkeys); }

const GetSetDef kEncoderGetSets[] = {
    {"markers", encoder_markers, readonly_member, "markers"},
    {"default", encoder_default, readonly_member, "default"},
    {"encoder", encoder_encoder, readonly_member, "encoder"},
    {"indent", encoder_indent, readonly_member, "indent"},
    {"key_separator", encoder_key_separator, readonly_member, "key_separator"},
    {"item_separator", encoder_item_separator, readonly_member, "item_separator"},
    {"sort_keys", encoder_sort_keys, readonly_member, "sort_keys"},
    {"skipkeys", encoder_skipkeys, readonly_member, "skipkeys"},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, MethodFlag::kOneArg,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a "
     "Python string"},
    {"encode_basestring", json_encode_basestring, MethodFlag::kOneArg,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", json_scanstring, MethodFlag::kVarArgs | MethodFlag::kTupleArgs,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON "
     "string."},
    {nullptr, nullptr, 0},
};

void make_types() {
  {
    TypeSpec spec;
    spec.name = "Scanner";
    spec.module = "_json";
    spec.layout = register_object_layout("_json.Scanner", sizeof(Scanner), trace_scanner);
    spec.instance_size = sizeof(Scanner);
    spec.trace = trace_scanner;
    spec.slots.new_ = scanner_new;
    spec.slots.call = scanner_call;
    spec.getsets = kScannerGetSets;
    spec.doc = "JSON scanner object";
    make_builtin_type(&g_scanner, spec);
  }
  {
    TypeSpec spec;
    spec.name = "Encoder";
    spec.module = "_json";
    spec.layout = register_object_layout("_json.Encoder", sizeof(Encoder), trace_encoder);
    spec.instance_size = sizeof(Encoder);
    spec.trace = trace_encoder;
    spec.slots.new_ = encoder_new;
    spec.slots.call = encoder_call;
    spec.getsets = kEncoderGetSets;
    spec.doc = "_iterencode(obj, _current_indent_level) -> iterable";
    make_builtin_type(&g_encoder, spec);
  }
}

}  // namespace

Module* make_json_module() {
  if (!g_scanner) make_types();
  Module* m = module_new(intern("_json"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("json speedups\n"));
  dict_set_str(m->dict, intern("make_scanner"), g_scanner);
  dict_set_str(m->dict, intern("make_encoder"), g_encoder);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_json")));
  return m;
}

}  // namespace pyrite::python
