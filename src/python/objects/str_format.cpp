// str % args, str.format / format_map and str.__format__, with CPython 3.11's
// parsing rules and messages (docs/objects.md, "str, bytes, bytearray,
// memoryview").
//
// The %-template and the str.format template are parsed here, on the str's
// code points (runtime/format_string.h was not available when this was
// written; its incremental order of errors matches CPython). Number conversions go through
// runtime/format_spec.h and runtime/float_format.h so that `%d`, `%x`,
// `%f` print exactly as int and float format themselves.
#include "python/objects/str_methods.h"

#include <climits>
#include <cstring>

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/slice.h"
#include "python/objects/tuple.h"
#include "python/runtime/float_format.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/unicode_props.h"


namespace pyrite::python {

namespace {

Value raise_num_error(const runtime::NumError& e) {
  switch (e.kind) {
    case runtime::NumError::kOverflowError: return raise(exc::OverflowError, e.message);
    case runtime::NumError::kZeroDivisionError: return raise(exc::ZeroDivisionError, e.message);
    case runtime::NumError::kTypeError: return raise(exc::TypeError, e.message);
    case runtime::NumError::kMemoryError: return raise_memory_error();
    default: return raise(exc::ValueError, e.message);
  }
}

// The double of a float-like value (float, int, or a class with
// __float__/__index__), or TypeError "must be real number, not str".
bool real_value(Value v, double* out) { return float_as_double(v, out); }

}  // namespace

// ---- printf-style formatting: str % args ----------------------------------------------

namespace {

struct PercentArgs {
  const Value* items = nullptr;  // positional args
  int64_t count = 0;
  int64_t next = 0;
  Value single;                  // when args is not a tuple
  Value mapping;                 // set when args is a mapping (not tuple/str)

  Value take() {
    if (next >= count) {
      raise(exc::TypeError, "not enough arguments for format string");
      return {};
    }
    return items[next++];
  }
};

// %d %i %u of any value: int(v) for numbers, CPython's message otherwise.
Value int_for_percent(Value v, char conv) {
  if (is_int(v)) return v;
  Type* t = type_of(v);
  bool oxX = conv == 'o' || conv == 'x' || conv == 'X';
  bool number = t->slots.index || t->slots.int_ || t->slots.float_ || t == types::complex;
  if (!is_str(v) && number) {
    Value r = oxX ? index(v) : number_int(v);
    if (r) return r;
    if (!error_matches(exc::TypeError)) return {};
    clear_error();
  }
  if (oxX) {
    return raisef(exc::TypeError, "%%%c format: an integer is required, not %s", conv, type_name(v).c_str());
  }
  return raisef(exc::TypeError, "%%%c format: a real number is required, not %s", conv, type_name(v).c_str());
}

void append_padded(StrBuilder& out, Str* text, const runtime::PercentSpec& spec) {
  int64_t n = text->length;
  if (spec.precision >= 0 && spec.precision < n) n = spec.precision;
  int64_t padn = spec.width > n ? spec.width - n : 0;
  if (!spec.left) out.fill(' ', padn);
  out.append(text, 0, n);
  if (spec.left) out.fill(' ', padn);
}

}  // namespace

Value str_mod(Value a, Value b) {
  if (!is_str(a)) return not_implemented();
  Str* fmt = a.as<Str>();
  PercentArgs args;
  if (is_tuple(b)) {
    args.items = b.as<Tuple>()->items();
    args.count = b.as<Tuple>()->length;
  } else {
    args.single = b;
    args.items = &args.single;
    args.count = 1;
    if (!is_str(b) && type_of(b)->slots.getitem) args.mapping = b;
  }
  bool used_mapping_key = false;
  StrBuilder out;
  out.reserve(size_t(fmt->length) + 16);
  int64_t n = fmt->length;
  int64_t i = 0;
  while (i < n) {
    char32_t c = fmt->at(i);
    if (c != '%') {
      int64_t j = i;
      while (j < n && fmt->at(j) != '%') j++;
      out.append(fmt, i, j);
      i = j;
      continue;
    }
    i++;
    if (i >= n) return raise(exc::ValueError, "incomplete format");
    if (fmt->at(i) == '%') {
      out.push('%');
      i++;
      continue;
    }
    // %(key)
    Value arg;
    bool have_arg = false;
    if (fmt->at(i) == '(') {
      if (!args.mapping) return raise(exc::TypeError, "format requires a mapping");
      int64_t depth = 1, k = i + 1;
      while (k < n && depth > 0) {
        if (fmt->at(k) == '(') depth++;
        if (fmt->at(k) == ')') depth--;
        k++;
      }
      if (depth > 0) return raise(exc::ValueError, "incomplete format key");
      Str* key = str_substr(fmt, i + 1, k - 1);
      if (!key) return {};
      arg = get_item(args.mapping, key);
      if (!arg) return {};
      have_arg = true;
      used_mapping_key = true;
      // CPython stops consuming positional args once a key is used.
      args.count = 0;
      args.next = 0;
      i = k;
    }
    runtime::PercentSpec spec;
    // flags
    for (; i < n; i++) {
      char32_t f = fmt->at(i);
      if (f == '-') spec.left = true;
      else if (f == '+') spec.plus = true;
      else if (f == ' ') spec.space = true;
      else if (f == '#') spec.alternate = true;
      else if (f == '0') spec.zero = true;
      else break;
    }
    // width
    if (i < n && fmt->at(i) == '*') {
      Value w = args.take();
      if (!w) return {};
      if (!is_int(w)) return raise(exc::TypeError, "* wants int");
      int64_t wv;
      if (!index_i64(w, &wv)) return {};
      if (wv < 0) {
        spec.left = true;
        wv = -wv;
      }
      spec.width = wv;
      i++;
    } else {
      int64_t w = -1;
      while (i < n && fmt->at(i) >= '0' && fmt->at(i) <= '9') {
        int64_t d = fmt->at(i) - '0';
        if (w < 0) w = 0;
        if (w > (INT64_MAX - d) / 10) return raise(exc::ValueError, "width too big");
        w = w * 10 + d;
        i++;
      }
      spec.width = w;
    }
    // precision
    if (i < n && fmt->at(i) == '.') {
      i++;
      if (i < n && fmt->at(i) == '*') {
        Value p = args.take();
        if (!p) return {};
        if (!is_int(p)) return raise(exc::TypeError, "* wants int");
        int64_t pv;
        if (!index_i64(p, &pv)) return {};
        spec.precision = pv < 0 ? 0 : pv;
        i++;
      } else {
        int64_t p = 0;
        while (i < n && fmt->at(i) >= '0' && fmt->at(i) <= '9') {
          int64_t d = fmt->at(i) - '0';
          if (p > (INT64_MAX - d) / 10) return raise(exc::ValueError, "precision too big");
          p = p * 10 + d;
          i++;
        }
        spec.precision = p;
      }
    }
    // length modifiers are accepted and ignored
    while (i < n && (fmt->at(i) == 'h' || fmt->at(i) == 'l' || fmt->at(i) == 'L')) i++;
    if (i >= n) return raise(exc::ValueError, "incomplete format");
    char32_t conv = fmt->at(i);
    int64_t conv_index = i;
    i++;
    if (!have_arg) {
      arg = args.take();
      if (!arg) return {};
    }
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        Value text = conv == 's' ? str_of(arg) : conv == 'r' ? repr(arg) : ascii_of(arg);
        if (!text) return {};
        append_padded(out, text.as<Str>(), spec);
        break;
      }
      case 'c': {
        char32_t ch;
        if (is_str(arg)) {
          if (arg.as<Str>()->length != 1) return raise(exc::TypeError, "%c requires int or char");
          ch = arg.as<Str>()->at(0);
        } else {
          // An int or an __index__ (CPython's PyLong_AsLongAndOverflow): its
          // TypeError becomes "%c requires int or char", others propagate.
          Value i = is_int(arg) ? arg : index(arg);
          if (!i) {
            if (!error_matches(exc::TypeError)) return {};
            clear_error();
            return raise(exc::TypeError, "%c requires int or char");
          }
          auto v = int_to_i64(i);
          if (!v || *v < 0 || *v > 0x10FFFF) return raise(exc::OverflowError, "%c arg not in range(0x110000)");
          ch = char32_t(*v);
        }
        runtime::PercentSpec cs = spec;
        cs.precision = -1;
        Str* one = str_char(ch);
        if (!one) return {};
        append_padded(out, one, cs);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        Value v = int_for_percent(arg, char(conv));
        if (!v) return {};
        spec.type = conv == 'i' || conv == 'u' ? 'd' : char(conv);
        std::string text;
        if (auto small = int_to_i64(v)) {
          text = runtime::percent_format_int(*small, spec);
        } else {
          mpz_t scratch;
          mpz_init(scratch);
          text = runtime::percent_format_int(int_as_mpz(v, scratch), spec);
          mpz_clear(scratch);
        }
        out.append_ascii(text);
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!real_value(arg, &d)) return {};
        spec.type = char(conv);
        auto r = runtime::percent_format_float(d, spec);
        if (!r.ok()) return raise_num_error(r.error);
        out.append_ascii(r.value);
        break;
      }
      default: {
        std::string shown;
        if (conv >= 32 && conv < 127) {
          shown.push_back(char(conv));
        } else {
          shown = "?";
        }
        return raisef(exc::ValueError, "unsupported format character '%s' (0x%x) at index %lld",
                      shown.c_str(), unsigned(conv), static_cast<long long>(conv_index));
      }
    }
  }
  if (!args.mapping && !used_mapping_key && args.next < args.count) {
    return raise(exc::TypeError, "not all arguments converted during string formatting");
  }
  return out.finish();
}

// ---- str.__format__ ---------------------------------------------------------------

Value str_format_spec(Str* s, Str* spec) {
  // An empty spec is str(self): a subclass's __str__ runs (f"{x}").
  if (spec->length == 0) return is_exact_str(s) ? Value(s) : str_of(s);
  auto parsed = runtime::parse_format_spec(str_to_utf8(spec), "str", U's', '<');
  if (!parsed.ok()) return raise_num_error(parsed.error);
  auto r = runtime::format_str(str_to_utf8(s), parsed.value);
  if (!r.ok()) return raise_num_error(r.error);
  return str_from_utf8(r.value);
}

// ---- str.format and format_map ----------------------------------------------------------

namespace {

struct FormatContext {
  const Value* args = nullptr;
  int64_t nargs = 0;
  Tuple* kwnames = nullptr;
  const Value* kwvalues = nullptr;
  Value mapping;              // format_map
  int auto_number = 0;        // 0: unknown, 1: automatic, 2: manual
  int64_t next_auto = 0;
};

// A decimal index ("0", "12"; Unicode decimals too), -1 when the text is
// not all digits. False with ValueError on overflow.
bool parse_decimal(const Str* s, int64_t start, int64_t stop, int64_t* out) {
  *out = -1;
  if (start >= stop) return true;
  int64_t v = 0;
  for (int64_t i = start; i < stop; i++) {
    int d = runtime::decimal_value(s->at(i));
    if (d < 0) return true;
    if (v > (INT64_MAX - d) / 10) {
      raise(exc::ValueError, "Too many decimal digits in format string");
      return false;
    }
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

Value lookup_keyword(FormatContext& cx, Str* key) {
  if (cx.mapping) return get_item(cx.mapping, key);
  if (cx.kwnames) {
    for (int64_t i = 0; i < cx.kwnames->length; i++) {
      // str.format(**{1: 2}) passes the name 1 (native.h, takes_keyword_dict).
      Value name = cx.kwnames->at(i);
      if (is_str(name) && str_equal(name.as<Str>(), key)) return cx.kwvalues[i];
    }
  }
  return raise_with(exc::KeyError, key);
}

// Resolves field_name (arg_name ('.' attr | '[' key ']')*) to its object.
Value get_field(FormatContext& cx, Str* f, int64_t start, int64_t stop) {
  int64_t i = start;
  while (i < stop && f->at(i) != '.' && f->at(i) != '[') i++;
  int64_t index;
  if (!parse_decimal(f, start, i, &index)) return {};
  Value obj;
  if (i == start) {  // empty: automatic numbering
    if (cx.auto_number == 2) {
      return raise(exc::ValueError,
                   "cannot switch from manual field specification to automatic field numbering");
    }
    cx.auto_number = 1;
    index = cx.next_auto++;
  } else if (index >= 0) {
    if (cx.auto_number == 1) {
      return raise(exc::ValueError,
                   "cannot switch from automatic field numbering to manual field specification");
    }
    cx.auto_number = 2;
  }
  if (index >= 0) {
    if (cx.mapping || index >= cx.nargs) {
      if (cx.mapping && !cx.args) {
        return raisef(exc::ValueError, "Format string contains positional fields");
      }
      return raisef(exc::IndexError, "Replacement index %lld out of range for positional args tuple",
                    static_cast<long long>(index));
    }
    obj = cx.args[index];
  } else {
    Str* key = str_substr(f, start, i);
    if (!key) return {};
    obj = lookup_keyword(cx, key);
    if (!obj) return {};
  }
  // The rest: .attr and [key] parts.
  while (i < stop) {
    char32_t c = f->at(i++);
    if (c == '.') {
      int64_t j = i;
      while (j < stop && f->at(j) != '.' && f->at(j) != '[') j++;
      if (j == i) return raise(exc::ValueError, "Empty attribute in format string");
      Str* name = str_substr(f, i, j);
      if (!name) return {};
      obj = get_attr(obj, intern_str(name));
      if (!obj) return {};
      i = j;
    } else if (c == '[') {
      int64_t j = i;
      while (j < stop && f->at(j) != ']') j++;
      if (j >= stop) return raise(exc::ValueError, "Missing ']' in format string");
      if (j == i) return raise(exc::ValueError, "Empty attribute in format string");
      int64_t k;
      if (!parse_decimal(f, i, j, &k)) return {};
      Value key;
      if (k >= 0) {
        key = Value::small(k);
      } else {
        key = str_substr(f, i, j);
        if (!key) return {};
      }
      obj = get_item(obj, key);
      if (!obj) return {};
      i = j + 1;
      if (i < stop && f->at(i) != '.' && f->at(i) != '[') {
        return raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
      }
    } else {
      return raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

bool build_format(FormatContext& cx, Str* f, int64_t start, int64_t stop, int depth, StrBuilder& out);

// One replacement field: f[start:stop] is between the braces.
bool render_field(FormatContext& cx, Str* f, int64_t name_start, int64_t name_stop, char32_t conversion,
                  int64_t spec_start, int64_t spec_stop, bool spec_needs_expanding, int depth,
                  StrBuilder& out) {
  Value obj = get_field(cx, f, name_start, name_stop);
  if (!obj) return false;
  switch (conversion) {
    case 0: break;
    case 'r': obj = repr(obj); break;
    case 's': obj = str_of(obj); break;
    case 'a': obj = ascii_of(obj); break;
    default:
      if (conversion > 32 && conversion < 127) {
        raisef(exc::ValueError, "Unknown conversion specifier %c", char(conversion));
      } else {
        raisef(exc::ValueError, "Unknown conversion specifier \\x%x", unsigned(conversion));
      }
      return false;
  }
  if (!obj) return false;
  Value spec;
  if (spec_needs_expanding) {
    StrBuilder inner;
    if (!build_format(cx, f, spec_start, spec_stop, depth - 1, inner)) return false;
    spec = inner.finish();
  } else {
    spec = str_substr(f, spec_start, spec_stop);
  }
  if (!spec) return false;
  Value text;
  if (is_exact_str(obj) && spec.as<Str>()->length == 0) {
    text = obj;
  } else {
    text = format(obj, spec);
  }
  if (!text) return false;
  out.append(text.as<Str>());
  return true;
}

bool build_format(FormatContext& cx, Str* f, int64_t start, int64_t stop, int depth, StrBuilder& out) {
  if (depth <= 0) {
    raise(exc::ValueError, "Max string recursion exceeded");
    return false;
  }
  int64_t i = start;
  while (i < stop) {
    char32_t c = f->at(i);
    if (c != '{' && c != '}') {
      int64_t j = i;
      while (j < stop && f->at(j) != '{' && f->at(j) != '}') j++;
      out.append(f, i, j);
      i = j;
      continue;
    }
    i++;
    if (c == '}') {
      if (i < stop && f->at(i) == '}') {
        out.push('}');
        i++;
        continue;
      }
      raise(exc::ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (i >= stop) {
      raise(exc::ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (f->at(i) == '{') {
      out.push('{');
      i++;
      continue;
    }
    // The field name runs to ':', '!' or '}' ('[...]' may hold them).
    int64_t name_start = i;
    char32_t last = 0;
    while (i < stop) {
      last = f->at(i++);
      if (last == '{') {
        raise(exc::ValueError, "unexpected '{' in field name");
        return false;
      }
      if (last == '[') {
        while (i < stop && f->at(i) != ']') i++;
        continue;
      }
      if (last == '}' || last == ':' || last == '!') break;
    }
    int64_t name_stop = i - 1;
    char32_t conversion = 0;
    int64_t spec_start = i, spec_stop = i;
    bool expand = false;
    if (last == '!' || last == ':') {
      bool done = false;
      if (last == '!') {
        if (i >= stop) {
          raise(exc::ValueError, "end of string while looking for conversion specifier");
          return false;
        }
        conversion = f->at(i++);
        if (i < stop) {
          char32_t d = f->at(i++);
          if (d == '}') {
            done = true;
            spec_start = spec_stop = i - 1;
          } else if (d != ':') {
            raise(exc::ValueError, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      if (!done) {
        spec_start = i;
        int count = 1;
        bool closed = false;
        while (i < stop) {
          char32_t d = f->at(i++);
          if (d == '{') {
            expand = true;
            count++;
          } else if (d == '}') {
            if (--count == 0) {
              spec_stop = i - 1;
              closed = true;
              break;
            }
          }
        }
        if (!closed) {
          raise(exc::ValueError, "unmatched '{' in format spec");
          return false;
        }
      }
    } else if (last != '}') {
      raise(exc::ValueError, "expected '}' before end of string");
      return false;
    } else {
      name_stop = i - 1;
    }
    if (!render_field(cx, f, name_start, name_stop, conversion, spec_start, spec_stop, expand, depth, out)) {
      return false;
    }
  }
  return true;
}

}  // namespace

Value str_format_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FormatContext cx;
  cx.args = args;
  cx.nargs = int64_t(nargs);
  cx.kwnames = kwnames;
  cx.kwvalues = args + nargs;
  Str* f = self.as<Str>();
  StrBuilder out;
  if (!build_format(cx, f, 0, f->length, 2, out)) return {};
  return out.finish();
}

Value str_format_map_method(Value self, const Value* args, size_t, Tuple*) {
  FormatContext cx;
  cx.mapping = args[0];
  Str* f = self.as<Str>();
  StrBuilder out;
  if (!build_format(cx, f, 0, f->length, 2, out)) return {};
  return out.finish();
}

}  // namespace pyrite::python
