// The _string module: formatter_parser and formatter_field_name_split, the
// str.format parser string.Formatter is built on, with CPython 3.11's
// splitting rules and messages (docs/modules.md, "_string").
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

namespace {

// Both iterators are a cursor [pos, end) over a str.
struct Cursor : Object {
  Str* str;
  int64_t pos;
  int64_t end;
};

Type* g_formatter_iter = nullptr;
Type* g_fieldname_iter = nullptr;

void trace_cursor(void* p, gc::Visitor& v) {
  auto* c = static_cast<Cursor*>(p);
  v.visit(c->type);
  v.visit(c->str);
}

Value new_cursor(Type* t, Str* s, int64_t pos, int64_t end) {
  auto* c = static_cast<Cursor*>(alloc_instance(t));
  c->str = s;
  c->pos = pos;
  c->end = end;
  return c;
}

// CPython's get_integer: the decimal value of s[start:stop], -1 when it is
// empty or has a non-decimal character; false with ValueError on overflow.
bool get_integer(Str* s, int64_t start, int64_t stop, int64_t* out) {
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

// MarkupIterator_next: (literal, field_name, format_spec, conversion).
Value formatter_next(Value self) {
  auto* it = self.as<Cursor>();
  Str* s = it->str;
  if (it->pos >= it->end) return {};
  int64_t start = it->pos;
  char32_t c = 0;
  bool markup = false;
  while (it->pos < it->end) {
    c = s->at(it->pos++);
    if (c == '{' || c == '}') {
      markup = true;
      break;
    }
  }
  bool at_end = it->pos >= it->end;
  int64_t len = it->pos - start;
  if (c == '}' && (at_end || c != s->at(it->pos))) {
    return raise(exc::ValueError, "Single '}' encountered in format string");
  }
  if (at_end && c == '{') return raise(exc::ValueError, "Single '{' encountered in format string");
  if (!at_end) {
    if (c == s->at(it->pos)) {
      it->pos++;
      markup = false;
    } else {
      len--;
    }
  }
  Value literal = str_substr(s, start, start + len);
  if (!literal) return {};
  if (!markup) return tuple_of({literal, none(), none(), none()});
  // parse_field: the name runs to ':', '!' or '}' ('[...]' may hold them).
  int64_t name_start = it->pos;
  c = 0;
  while (it->pos < it->end) {
    c = s->at(it->pos++);
    if (c == '{') return raise(exc::ValueError, "unexpected '{' in field name");
    if (c == '[') {
      while (it->pos < it->end && s->at(it->pos) != ']') it->pos++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  int64_t name_stop = it->pos - 1;
  char32_t conversion = 0;
  bool spec_present = false;
  int64_t spec_start = 0, spec_stop = 0;
  if (c == '!' || c == ':') {
    bool done = false;
    if (c == '!') {
      if (it->pos >= it->end) {
        return raise(exc::ValueError, "end of string while looking for conversion specifier");
      }
      conversion = s->at(it->pos++);
      if (it->pos < it->end) {
        char32_t d = s->at(it->pos++);
        if (d == '}') done = true;
        else if (d != ':') return raise(exc::ValueError, "expected ':' after conversion specifier");
      }
    }
    if (!done) {
      spec_start = it->pos;
      int count = 1;
      bool closed = false;
      while (it->pos < it->end) {
        char32_t d = s->at(it->pos++);
        if (d == '{') {
          count++;
        } else if (d == '}' && --count == 0) {
          spec_stop = it->pos - 1;
          closed = true;
          break;
        }
      }
      if (!closed) return raise(exc::ValueError, "unmatched '{' in format spec");
      spec_present = true;
    }
  } else if (c != '}') {
    return raise(exc::ValueError, "expected '}' before end of string");
  }
  Value name = str_substr(s, name_start, name_stop);
  Value spec = spec_present ? Value(str_substr(s, spec_start, spec_stop)) : Value(str_empty());
  Value conv = conversion ? Value(str_char(conversion)) : none();
  if (!name || !spec || !conv) return {};
  return tuple_of({literal, name, spec, conv});
}

// FieldNameIterator_next: (is_attribute, int or str).
Value fieldname_next(Value self) {
  auto* it = self.as<Cursor>();
  Str* s = it->str;
  if (it->pos >= it->end) return {};
  char32_t c = s->at(it->pos++);
  bool is_attr;
  int64_t start = it->pos, stop;
  if (c == '.') {
    is_attr = true;
    while (it->pos < it->end) {
      char32_t d = s->at(it->pos);
      if (d == '[' || d == '.') break;
      it->pos++;
    }
    stop = it->pos;
  } else if (c == '[') {
    is_attr = false;
    bool bracket = false;
    while (it->pos < it->end) {
      if (s->at(it->pos++) == ']') {
        bracket = true;
        break;
      }
    }
    if (!bracket) return raise(exc::ValueError, "Missing ']' in format string");
    stop = it->pos - 1;
  } else {
    return raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
  }
  int64_t index = -1;
  if (!is_attr && !get_integer(s, start, stop, &index)) return {};
  if (start == stop) return raise(exc::ValueError, "Empty attribute in format string");
  Value key = index != -1 ? int_from_i64(index) : Value(str_substr(s, start, stop));
  if (!key) return {};
  return tuple_of({py_bool(is_attr), key});
}

Value f_formatter_parser(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) return raisef(exc::TypeError, "expected str, got %s", type_name(args[0]).c_str());
  Str* s = args[0].as<Str>();
  return new_cursor(g_formatter_iter, s, 0, s->length);
}

Value f_formatter_field_name_split(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) return raisef(exc::TypeError, "expected str, got %s", type_name(args[0]).c_str());
  Str* s = args[0].as<Str>();
  int64_t i = 0;
  while (i < s->length && s->at(i) != '.' && s->at(i) != '[') i++;
  int64_t index;
  if (!get_integer(s, 0, i, &index)) return {};
  Value first = index != -1 ? int_from_i64(index) : Value(str_substr(s, 0, i));
  if (!first) return {};
  Value rest = new_cursor(g_fieldname_iter, s, i, s->length);
  return tuple_of({first, rest});
}

const MethodDef kFunctions[] = {
    {"formatter_parser", f_formatter_parser, MethodFlag::kOneArg,
     "parse the argument as a format string"},
    {"formatter_field_name_split", f_formatter_field_name_split, MethodFlag::kOneArg,
     "split the argument as a field name"},
    {nullptr, nullptr, 0},
};

void make_types() {
  gc::LayoutId layout = register_object_layout("_string cursor", sizeof(Cursor), trace_cursor);
  struct Def {
    Type** into;
    const char* name;
    UnaryFn next;
  };
  for (const Def& d : {Def{&g_formatter_iter, "formatteriterator", formatter_next},
                       Def{&g_fieldname_iter, "fieldnameiterator", fieldname_next}}) {
    Type** into = d.into;
    const char* name = d.name;
    UnaryFn next = d.next;
    TypeSpec spec;
    spec.name = name;
    spec.layout = layout;
    spec.instance_size = sizeof(Cursor);
    spec.trace = trace_cursor;
    spec.slots.iter = iter_self;
    spec.slots.next = next;
    make_builtin_type(into, spec);
  }
}

}  // namespace

Module* make_string_module() {
  if (!g_formatter_iter) make_types();
  Module* m = module_new(intern("_string"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("string helper module"));
  Str* name = intern("_string");
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  }
  return m;
}

}  // namespace pyrite::python
