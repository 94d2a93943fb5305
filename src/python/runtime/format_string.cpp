// Template parsers for str.format and "%" formatting (docs/runtime.md,
// "Text"). Both follow CPython 3.11's scanning order exactly, including its
// quirks ("{a!{}}" reads '{' as the conversion; "%5%" is a conversion of
// type '%'), because which error a bad template gives depends on it.
#include "python/runtime/format_string.h"

#include <climits>
#include <cstdint>
#include <cstdio>

#include "python/runtime/unicode_props.h"

namespace pyrite::python::runtime {

namespace {

constexpr size_t kMaxSsize = static_cast<size_t>(INT64_MAX);

// CPython's get_integer: the value of a string of (Unicode) decimal digits,
// nullopt when it is empty or has a non-digit; sets *too_big on overflow.
std::optional<size_t> decimal_integer(std::u32string_view s, bool* too_big) {
  *too_big = false;
  if (s.empty()) return std::nullopt;
  size_t acc = 0;
  for (char32_t c : s) {
    int d = decimal_value(c);
    if (d < 0) return std::nullopt;
    if (acc > (kMaxSsize - static_cast<size_t>(d)) / 10) {
      *too_big = true;
      return std::nullopt;
    }
    acc = acc * 10 + static_cast<size_t>(d);
  }
  return acc;
}

// Numbering state shared by a template and its nested spec templates.
struct AutoNumber {
  enum State { kInit, kAuto, kManual } state = kInit;
  size_t next = 0;
};

// Splits a field name into the argument and its accessors, as CPython's
// field_name_split + FieldNameIterator do; sets item->error_at on failure.
void split_field_name(std::u32string_view name, AutoNumber* numbering, FormatItem* item) {
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  std::u32string_view first = name.substr(0, i);
  bool too_big;
  std::optional<size_t> index = decimal_integer(first, &too_big);
  if (too_big) {
    item->error_at = FormatErrorAt::kBeforeField;
    item->error = "Too many decimal digits in format string";
    return;
  }
  bool is_empty = first.empty();
  if (is_empty || index) {
    if (numbering->state == AutoNumber::kInit)
      numbering->state = is_empty ? AutoNumber::kAuto : AutoNumber::kManual;
    if (numbering->state == AutoNumber::kManual && is_empty) {
      item->error_at = FormatErrorAt::kBeforeField;
      item->error = "cannot switch from manual field specification to automatic field numbering";
      return;
    }
    if (numbering->state == AutoNumber::kAuto && !is_empty) {
      item->error_at = FormatErrorAt::kBeforeField;
      item->error = "cannot switch from automatic field numbering to manual field specification";
      return;
    }
    if (is_empty) index = numbering->next++;
  }
  if (index)
    item->arg_index = index;
  else
    item->arg_name = std::u32string(first);

  auto fail = [item](const char* message) {
    item->error_at = FormatErrorAt::kAfterAccessors;
    item->error = message;
  };
  while (i < name.size()) {
    FieldAccessor acc;
    char32_t c = name[i++];
    size_t start = i;
    if (c == '.') {
      acc.is_attribute = true;
      while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
      acc.name = std::u32string(name.substr(start, i - start));
    } else if (c == '[') {
      while (i < name.size() && name[i] != ']') ++i;
      if (i == name.size()) return fail("Missing ']' in format string");
      acc.name = std::u32string(name.substr(start, i - start));
      ++i;  // the ']'
    } else {
      return fail("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (acc.name.empty()) return fail("Empty attribute in format string");
    if (!acc.is_attribute) {
      acc.index = decimal_integer(acc.name, &too_big);
      if (too_big) return fail("Too many decimal digits in format string");
    }
    item->accessors.push_back(std::move(acc));
  }
}

FormatTemplate parse_template(std::u32string_view tmpl, int depth, AutoNumber* numbering);

bool has_error(const FormatTemplate& t) {
  for (const auto& item : t.items) {
    if (item.error_at != FormatErrorAt::kNone) return true;
    if (item.spec_template && has_error(*item.spec_template)) return true;
  }
  return false;
}

FormatTemplate parse_template(std::u32string_view tmpl, int depth, AutoNumber* numbering) {
  FormatTemplate result;
  if (depth <= 0) {
    FormatItem item;
    item.error_at = FormatErrorAt::kBeforeField;
    item.error = "Max string recursion exceeded";
    result.items.push_back(std::move(item));
    return result;
  }
  size_t pos = 0;
  Markup m;
  std::string error;
  while (next_markup(tmpl, &pos, &m, &error)) {
    FormatItem item;
    item.literal = std::move(m.literal);
    if (!error.empty()) {
      item.error_at = FormatErrorAt::kBeforeField;
      item.error = std::move(error);
      result.items.push_back(std::move(item));
      break;
    }
    item.has_field = m.has_field;
    if (item.has_field) {
      split_field_name(m.field_name, numbering, &item);
      item.conversion = m.conversion;
      if (item.error_at == FormatErrorAt::kNone && item.conversion != 0 &&
          item.conversion != 'r' && item.conversion != 's' && item.conversion != 'a') {
        item.error_at = FormatErrorAt::kConversion;
        item.error = unknown_conversion_message(item.conversion);
      }
      item.format_spec = std::move(m.format_spec);
      if (item.error_at == FormatErrorAt::kNone && m.spec_has_fields) {
        item.spec_template =
            std::make_unique<FormatTemplate>(parse_template(item.format_spec, depth - 1, numbering));
      }
    }
    bool stop = item.error_at != FormatErrorAt::kNone ||
                (item.spec_template && has_error(*item.spec_template));
    result.items.push_back(std::move(item));
    if (stop) break;
  }
  return result;
}

}  // namespace

bool next_markup(std::u32string_view tmpl, size_t* pos, Markup* out, std::string* error) {
  *out = Markup{};
  error->clear();
  size_t n = tmpl.size();
  size_t i = *pos;
  if (i >= n) return false;
  size_t start = i;
  char32_t c = 0;
  bool markup_follows = false;
  while (i < n) {
    c = tmpl[i++];
    if (c == '{' || c == '}') {
      markup_follows = true;
      break;
    }
  }
  bool at_end = i >= n;
  size_t len = i - start;
  if (c == '}' && (at_end || tmpl[i] != '}')) {
    out->literal = std::u32string(tmpl.substr(start, len - 1));
    *error = "Single '}' encountered in format string";
    *pos = n;
    return true;
  }
  if (at_end && c == '{') {
    out->literal = std::u32string(tmpl.substr(start, len - 1));
    *error = "Single '{' encountered in format string";
    *pos = n;
    return true;
  }
  if (!at_end) {
    if (tmpl[i] == c) {
      ++i;  // "{{" or "}}": the literal keeps one brace
      markup_follows = false;
    } else {
      --len;
    }
  }
  out->literal = std::u32string(tmpl.substr(start, len));
  if (!markup_follows) {
    *pos = i;
    return true;
  }

  // The field: name up to ':', '!' or '}' ('[...]' may hold any of them
  // except that it ends at the first ']').
  out->has_field = true;
  auto fail = [&](const char* message) {
    *error = message;
    *pos = n;
    return true;
  };
  size_t name_start = i;
  c = 0;
  while (i < n) {
    c = tmpl[i++];
    if (c == '{') return fail("unexpected '{' in field name");
    if (c == '[') {
      while (i < n && tmpl[i] != ']') ++i;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  if (c != '}' && c != ':' && c != '!') return fail("expected '}' before end of string");
  out->field_name = std::u32string(tmpl.substr(name_start, i - 1 - name_start));
  if (c == '}') {
    *pos = i;
    return true;
  }
  if (c == '!') {
    if (i >= n) return fail("end of string while looking for conversion specifier");
    out->conversion = tmpl[i++];
    if (i < n) {
      c = tmpl[i++];
      if (c == '}') {
        *pos = i;
        return true;
      }
      if (c != ':') return fail("expected ':' after conversion specifier");
    }
  }
  size_t spec_start = i;
  int count = 1;
  while (i < n) {
    c = tmpl[i++];
    if (c == '{') {
      out->spec_has_fields = true;
      ++count;
    } else if (c == '}' && --count == 0) {
      out->format_spec = std::u32string(tmpl.substr(spec_start, i - 1 - spec_start));
      *pos = i;
      return true;
    }
  }
  return fail("unmatched '{' in format spec");
}

FormatTemplate parse_format_template(std::u32string_view tmpl) {
  AutoNumber numbering;
  return parse_template(tmpl, 2, &numbering);
}

std::string unknown_conversion_message(char32_t conversion) {
  char buf[64];
  if (conversion > 32 && conversion < 127)
    std::snprintf(buf, sizeof buf, "Unknown conversion specifier %c", static_cast<char>(conversion));
  else
    std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x",
                  static_cast<unsigned>(conversion));
  return buf;
}

std::vector<PercentItem> parse_percent_template(std::u32string_view tmpl, bool bytes_mode) {
  std::vector<PercentItem> items;
  PercentItem item;
  size_t n = tmpl.size();
  size_t i = 0;
  while (i < n) {
    if (tmpl[i] != '%') {
      item.literal.push_back(tmpl[i++]);
      continue;
    }
    ++i;
    if (i < n && tmpl[i] == '%') {  // only a bare "%%" is a literal percent
      item.literal.push_back('%');
      ++i;
      continue;
    }
    item.has_conversion = true;
    auto fail = [&](PercentErrorAt at, std::string message) {
      item.error_at = at;
      item.error = std::move(message);
      items.push_back(std::move(item));
      return items;
    };
    // Like CPython, `ch` keeps the last character read once the template
    // runs out, and running out anywhere is "incomplete format" at the end.
    bool exhausted = false;
    char32_t ch = i < n ? tmpl[i] : 0;
    auto read = [&]() {
      if (i >= n) {
        exhausted = true;
        return false;
      }
      ch = tmpl[i++];
      return true;
    };
    if (ch == '(') {
      item.has_key = true;
      ++i;
      size_t key_start = i;
      int depth = 1;
      while (depth > 0 && i < n) {
        if (tmpl[i] == ')')
          --depth;
        else if (tmpl[i] == '(')
          ++depth;
        ++i;
      }
      if (depth > 0) return fail(PercentErrorAt::kBeforeKey, "incomplete format key");
      item.key = std::u32string(tmpl.substr(key_start, i - 1 - key_start));
    }
    while (read()) {
      switch (ch) {
        case '-': item.flags |= kPercentLeft; continue;
        case '+': item.flags |= kPercentSign; continue;
        case ' ': item.flags |= kPercentBlank; continue;
        case '#': item.flags |= kPercentAlt; continue;
        case '0': item.flags |= kPercentZero; continue;
        default: break;
      }
      break;
    }
    if (ch == '*') {
      item.width_star = true;
      read();
    } else if (ch >= '0' && ch <= '9') {
      int64_t width = ch - '0';
      while (read()) {
        if (ch < '0' || ch > '9') break;
        if (width > (INT64_MAX - static_cast<int64_t>(ch - '0')) / 10)
          return fail(PercentErrorAt::kAfterKey, "width too big");
        width = width * 10 + (ch - '0');
      }
      item.width = width;
    }
    if (ch == '.') {
      item.precision = 0;
      read();
      if (ch == '*') {
        item.precision_star = true;
        read();
      } else if (ch >= '0' && ch <= '9') {
        int64_t prec = ch - '0';
        while (read()) {
          if (ch < '0' || ch > '9') break;
          if (prec > (INT_MAX - static_cast<int64_t>(ch - '0')) / 10)
            return fail(PercentErrorAt::kAfterWidthArg, "precision too big");
          prec = prec * 10 + (ch - '0');
        }
        item.precision = prec;
      }
    }
    if (!exhausted && (ch == 'h' || ch == 'l' || ch == 'L')) read();
    if (exhausted) return fail(PercentErrorAt::kAfterPrecisionArg, "incomplete format");
    item.type = ch;
    item.type_index = i - 1;
    static constexpr std::u32string_view kStrTypes = U"sracdiuoxXeEfFgG";
    static constexpr std::u32string_view kBytesTypes = U"bsracdiuoxXeEfFgG";
    std::u32string_view valid = bytes_mode ? kBytesTypes : kStrTypes;
    if (valid.find(ch) == std::u32string_view::npos) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                    ch >= 31 && ch <= 126 ? static_cast<char>(ch) : '?',
                    static_cast<unsigned>(ch), item.type_index);
      return fail(PercentErrorAt::kAfterValue, buf);
    }
    items.push_back(std::move(item));
    item = PercentItem{};
  }
  if (!item.literal.empty() || items.empty()) items.push_back(std::move(item));
  return items;
}

}  // namespace pyrite::python::runtime
