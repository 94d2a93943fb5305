// Parsers for the two string-formatting template languages, as CPython 3.11
// reads them: str.format / format_map ("{name.attr[key]!r:spec}") and
// printf-style "%" formatting ("%(key)-*.3f"). They only split templates;
// the object layer looks up arguments and formats values. docs/runtime.md,
// "Text".
//
// Templates are sequences of code points (std::u32string_view); pieces come
// back as std::u32string. Errors are values: each parsed item may carry the
// ValueError CPython would raise, tagged with the point in the item's
// processing where CPython raises it, because argument lookups (IndexError,
// KeyError, AttributeError from the object layer) that come first in
// CPython must still come first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyrite::python::runtime {

// --- str.format ------------------------------------------------------------

// The raw markup scanner, i.e. _string.formatter_parser: literal text (with
// "{{" / "}}" already collapsed) followed by one replacement field, or a
// final literal with no field.
struct Markup {
  std::u32string literal;
  bool has_field = false;
  std::u32string field_name;   // as written: "0", "a.b[1]", ""
  char32_t conversion = 0;     // 0 when there is no "!x"
  std::u32string format_spec;  // as written, nested fields unexpanded
  bool spec_has_fields = false;  // the spec contains '{' and needs expanding
};

// Scans the next literal + field from template[*pos], advancing *pos.
// Returns false at the end. On a syntax error returns true with *error set
// to CPython's message (the literal before the error is filled in; the
// scan must stop there).
bool next_markup(std::u32string_view tmpl, size_t* pos, Markup* out, std::string* error);

// One ".name" or "[key]" after the argument name.
struct FieldAccessor {
  bool is_attribute = false;
  std::u32string name;           // attribute name, or the key as written
  std::optional<size_t> index;   // [key] of decimal digits only: the integer
};

// Where in processing a field its error is raised.
enum class FormatErrorAt : uint8_t {
  kNone,
  kBeforeField,     // before anything is looked up (syntax, numbering)
  kAfterAccessors,  // after the argument and `accessors` are looked up
  kConversion,      // after the lookups, instead of applying `conversion`
};

struct FormatTemplate;

// One literal run and, when has_field, one replacement field, ready to use.
// To format: append literal; if error_at == kBeforeField raise; look up the
// argument (arg_index, or the keyword arg_name); apply accessors in order;
// if kAfterAccessors raise; if conversion: if kConversion raise, else
// convert ('r', 's', 'a'); the spec is format_spec, or spec_template
// expanded with the same arguments when set; then format(value, spec).
struct FormatItem {
  std::u32string literal;
  bool has_field = false;
  std::optional<size_t> arg_index;  // positional (written or auto-numbered)
  std::u32string arg_name;          // keyword when arg_index is empty
  std::vector<FieldAccessor> accessors;
  char32_t conversion = 0;
  std::u32string format_spec;
  std::unique_ptr<FormatTemplate> spec_template;  // nested fields in the spec
  FormatErrorAt error_at = FormatErrorAt::kNone;
  std::string error;  // ValueError message
};

// A parsed template: items in order. Parsing stops after the first item
// that carries an error (or whose spec_template does), since CPython
// abandons the call there.
struct FormatTemplate {
  std::vector<FormatItem> items;
};

// Parses `tmpl` for str.format / format_map, numbering "{}" fields
// automatically (shared with nested spec fields, as CPython does) and
// reporting "cannot switch from manual field specification to automatic
// field numbering" and the reverse. Nested fields deeper than CPython's
// limit give "Max string recursion exceeded".
FormatTemplate parse_format_template(std::u32string_view tmpl);

// "Unknown conversion specifier r" / "... \x1": what CPython says for a
// conversion character other than r, s, a.
std::string unknown_conversion_message(char32_t conversion);

// --- printf-style % ----------------------------------------------------------

enum PercentFlag : uint8_t {
  kPercentLeft = 1,   // '-'
  kPercentSign = 2,   // '+'
  kPercentBlank = 4,  // ' '
  kPercentAlt = 8,    // '#'
  kPercentZero = 16,  // '0'
};

// Where in processing a conversion its error is raised (CPython reads the
// key, then a '*' width argument, then a '*' precision argument, checking
// syntax in between).
enum class PercentErrorAt : uint8_t {
  kNone,
  kBeforeKey,        // after checking that a key needs a mapping, before lookup
  kAfterKey,         // after the key lookup, before any '*' argument
  kAfterWidthArg,    // after the '*' width argument is taken
  kAfterPrecisionArg,  // after the '*' precision argument (end of the spec)
  kAfterValue,       // after taking the value: unsupported conversion type
};

// A literal run ("%%" already collapsed) and, when has_conversion, one
// conversion. To format: append literal; if has_key: require a mapping
// ("format requires a mapping"), raise if kBeforeKey, look the key up (the
// mapping becomes the only argument); raise if kAfterKey; if width_star
// take an int argument ("* wants int"; negative means left-aligned);
// raise if kAfterWidthArg; if precision_star likewise (negative -> 0);
// raise if kAfterPrecisionArg; take the value argument; raise if
// kAfterValue; format the value by `type`.
struct PercentItem {
  std::u32string literal;
  bool has_conversion = false;
  bool has_key = false;
  std::u32string key;
  uint8_t flags = 0;
  bool width_star = false;
  int64_t width = -1;          // -1: none
  bool precision_star = false;
  int64_t precision = -1;      // -1: none
  char32_t type = 0;           // 's', 'd', ..., or any character when invalid
  size_t type_index = 0;       // where `type` is in the template
  PercentErrorAt error_at = PercentErrorAt::kNone;
  std::string error;           // ValueError message
};

// Parses a str % template (bytes_mode: a bytes % template, whose valid
// types add 'b' and treat 's' as 'b' and 'r' as 'a'). Parsing stops after
// the first item carrying an error. Unsupported types are reported as
// "unsupported format character 'y' (0x79) at index 3" with kAfterValue.
std::vector<PercentItem> parse_percent_template(std::u32string_view tmpl, bool bytes_mode = false);

}  // namespace pyrite::python::runtime
