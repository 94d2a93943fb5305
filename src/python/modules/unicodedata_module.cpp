// The unicodedata module: CPython 3.11's functions over Unicode 14.0.0, and
// the UCD object ucd_3_2_0 (Unicode 3.2, for IDNA and stringprep)
// (docs/modules.md, "unicodedata").
//
// The data is ICU's (runtime/unicode_database.h, unicode_props.h), whose
// Unicode is newer (15.0 on Debian 12). A character is answered as
// unassigned when ICU says its age is past the version asked about: that is
// what CPython does for both databases (its 3.2 records mark a character
// "unassigned" exactly when 3.2 had none). Normalization uses ICU's
// normalizers filtered to the characters of that age, so a newer
// character is inert, as in CPython's tables; Unicode 3.2 also keeps the
// five decompositions Corrigendum 4 changed later.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/check.h"
#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/str_methods.h"
#include "python/objects/type.h"
#include "python/runtime/unicode_database.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

namespace {

namespace rt = runtime;

// Which database a call answers from: the module's functions and a UCD
// object for the current version, ucd_3_2_0 for the old one.
enum class Version { kCurrent, k3_2 };

struct Ucd : Object {
  Version version;
};

Type* g_ucd_type = nullptr;
Object* g_ucd_3_2_0 = nullptr;

void trace_ucd(void* p, gc::Visitor& v) { v.visit(static_cast<Ucd*>(p)->type); }

Version version_of(Value self) {
  if (self.is_object() && type_of(self) == g_ucd_type) return static_cast<Ucd*>(self.as<Object>())->version;
  return Version::kCurrent;
}

// ---- which characters exist ---------------------------------------------------------------------

// Unicode major.minor as 14 * 256 + 0, for comparing ages.
constexpr int kUnicode14 = 14 * 256 + 0;
constexpr int kUnicode3_2 = 3 * 256 + 2;

int age_of(char32_t c) {
  UVersionInfo age;
  u_charAge(static_cast<UChar32>(c), age);
  return age[0] * 256 + age[1];
}

int max_age(Version v) { return v == Version::kCurrent ? kUnicode14 : kUnicode3_2; }

// Unassigned (category Cn) in that version.
bool unassigned(char32_t c, Version v) {
  if (c > rt::kMaxCodePoint) return true;
  if (u_charType(static_cast<UChar32>(c)) == U_UNASSIGNED) return true;
  return age_of(c) > max_age(v);
}

// ---- arguments ----------------------------------------------------------------------------------

// The "C" converter: a str of length 1. `what` is "argument" for METH_O
// functions, "argument 1" otherwise.
bool char_arg(const char* fname, const char* what, Value v, char32_t* out) {
  if (is_str(v)) {
    Str* s = v.as<Str>();
    if (s->length == 1) {
      *out = s->at(0);
      return true;
    }
  }
  raisef(exc::TypeError, "%s() argument%s must be a unicode character, not %s", fname,
         what[0] ? (std::string(" ") + what).c_str() : "", type_name(v).c_str());
  return false;
}

// "f(chr, default=<none>, /)": METH_FASTCALL, positional only (the caller
// refused keywords).
bool char_and_default(const char* fname, const Value* args, size_t nargs, Tuple*, char32_t* c) {
  if (!check_nargs(fname, nargs, 1, 2)) return false;
  return char_arg(fname, "1", args[0], c);
}

// ---- per-character functions --------------------------------------------------------------------

Value ucd_decimal(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  char32_t c;
  if (!char_and_default("decimal", args, nargs, kwnames, &c)) return {};
  int d = unassigned(c, version_of(self)) ? -1 : rt::decimal_value(c);
  if (d >= 0) return Value::small(d);
  if (nargs > 1) return args[1];
  return raise(exc::ValueError, "not a decimal");
}

Value ucd_digit(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  char32_t c;
  if (!char_and_default("digit", args, nargs, kwnames, &c)) return {};
  // CPython's digit() has no 3.2 data: both databases answer Unicode 14.
  (void)self;
  int d = unassigned(c, Version::kCurrent) ? -1 : rt::digit_value(c);
  if (d >= 0) return Value::small(d);
  if (nargs > 1) return args[1];
  return raise(exc::ValueError, "not a digit");
}

Value ucd_numeric(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  char32_t c;
  if (!char_and_default("numeric", args, nargs, kwnames, &c)) return {};
  std::optional<double> n;
  if (!unassigned(c, version_of(self))) n = rt::numeric_value(c);
  if (n) return float_new(*n);
  if (nargs > 1) return args[1];
  return raise(exc::ValueError, "not a numeric character");
}

// CPython's names: none for a character unassigned in the version, and
// none for the Tangut ideographs, whose algorithmic names CPython 3.11 does
// not implement (ICU does).
std::optional<std::string> name_of(char32_t c, Version v) {
  if (unassigned(c, v)) return std::nullopt;
  std::optional<std::string> n = rt::char_name(c);
  if (n && n->rfind("TANGUT IDEOGRAPH-", 0) == 0) return std::nullopt;
  return n;
}

Value ucd_name(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  char32_t c;
  if (!char_and_default("name", args, nargs, kwnames, &c)) return {};
  std::optional<std::string> n = name_of(c, version_of(self));
  if (n) return str_from_ascii(*n);
  if (nargs > 1) return args[1];
  return raise(exc::ValueError, "no such name");
}

Value ucd_category(Value self, const Value* args, size_t, Tuple*) {
  char32_t c;
  if (!char_arg("category", "", args[0], &c)) return {};
  if (unassigned(c, version_of(self))) return str_from_ascii("Cn");
  return str_from_ascii(rt::unicode_category(c));
}

Value ucd_bidirectional(Value self, const Value* args, size_t, Tuple*) {
  char32_t c;
  if (!char_arg("bidirectional", "", args[0], &c)) return {};
  if (unassigned(c, version_of(self))) return str_empty();
  return str_from_ascii(rt::unicode_bidirectional(c));
}

Value ucd_combining(Value self, const Value* args, size_t, Tuple*) {
  char32_t c;
  if (!char_arg("combining", "", args[0], &c)) return {};
  if (unassigned(c, version_of(self))) return Value::small(0);
  return Value::small(rt::unicode_combining(c));
}

Value ucd_mirrored(Value self, const Value* args, size_t, Tuple*) {
  char32_t c;
  if (!char_arg("mirrored", "", args[0], &c)) return {};
  if (unassigned(c, version_of(self))) return Value::small(0);
  return Value::small(rt::unicode_mirrored(c) ? 1 : 0);
}

Value ucd_east_asian_width(Value self, const Value* args, size_t, Tuple*) {
  char32_t c;
  if (!char_arg("east_asian_width", "", args[0], &c)) return {};
  if (unassigned(c, version_of(self))) return str_from_ascii("F");
  return str_from_ascii(rt::unicode_east_asian_width(c));
}

Value ucd_decomposition(Value self, const Value* args, size_t, Tuple*) {
  char32_t c;
  if (!char_arg("decomposition", "", args[0], &c)) return {};
  if (unassigned(c, version_of(self))) return str_empty();
  return str_from_ascii(rt::unicode_decomposition(c));
}

// ---- normalization ------------------------------------------------------------------------------

enum Form { kNFC, kNFD, kNFKC, kNFKD };

bool form_of(Value v, Form* out) {
  Str* s = v.as<Str>();
  if (s->ascii) {
    std::string_view f = s->ascii_view();
    if (f == "NFC") { *out = kNFC; return true; }
    if (f == "NFD") { *out = kNFD; return true; }
    if (f == "NFKC") { *out = kNFKC; return true; }
    if (f == "NFKD") { *out = kNFKD; return true; }
  }
  raise(exc::ValueError, "invalid normalization form");
  return false;
}

// ICU's normalizer for the form, restricted to the characters of the
// version (made once; ICU owns the base instances, the filtered ones live
// for the process).
const UNormalizer2* normalizer(Form form, Version v) {
  static const UNormalizer2* cache[2][4] = {};
  const UNormalizer2*& n = cache[int(v)][form];
  if (n) return n;
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* base = nullptr;
  switch (form) {
    case kNFC: base = unorm2_getNFCInstance(&err); break;
    case kNFD: base = unorm2_getNFDInstance(&err); break;
    case kNFKC: base = unorm2_getNFKCInstance(&err); break;
    case kNFKD: base = unorm2_getNFKDInstance(&err); break;
  }
  PYR_CHECK(U_SUCCESS(err));
  static USet* sets[2] = {};
  if (!sets[int(v)]) {
    const char* pattern = v == Version::kCurrent ? "[:age=14.0:]" : "[:age=3.2:]";
    UChar upattern[32];
    int32_t len = 0;
    for (const char* p = pattern; *p; p++) upattern[len++] = static_cast<UChar>(*p);
    sets[int(v)] = uset_openPattern(upattern, len, &err);
    PYR_CHECK(U_SUCCESS(err));
    uset_freeze(sets[int(v)]);
  }
  n = unorm2_openFiltered(base, sets[int(v)], &err);
  PYR_CHECK(U_SUCCESS(err));
  return n;
}

// Unicode 3.2's decompositions of the characters Corrigendum 4 corrected
// (NormalizationCorrections.txt): CPython's 3.2 database uses the old ones.
char32_t corrected_3_2(char32_t c) {
  switch (c) {
    case 0x2F868: return 0x2136A;
    case 0x2F874: return 0x5F33;
    case 0x2F91F: return 0x43AB;
    case 0x2F95F: return 0x7AAE;
    case 0x2F9BF: return 0x4D57;
    default: return c;
  }
}

void normalize_piece(const UNormalizer2* n, std::u32string_view piece, std::u32string* out) {
  if (piece.empty()) return;
  std::vector<UChar> src;
  src.reserve(piece.size() + 8);
  for (char32_t c : piece) {
    if (c < 0x10000) {
      src.push_back(static_cast<UChar>(c));
    } else {
      src.push_back(U16_LEAD(c));
      src.push_back(U16_TRAIL(c));
    }
  }
  std::vector<UChar> dst(src.size() * 3 + 16);
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = unorm2_normalize(n, src.data(), int32_t(src.size()), dst.data(), int32_t(dst.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    dst.resize(size_t(len));
    err = U_ZERO_ERROR;
    len = unorm2_normalize(n, src.data(), int32_t(src.size()), dst.data(), int32_t(dst.size()), &err);
  }
  PYR_CHECK(U_SUCCESS(err));
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(dst.data(), i, len, c);
    out->push_back(static_cast<char32_t>(c));
  }
}

// Unicode 14's combining class (0 for what 14 does not have).
int combining_14(char32_t c) {
  if (unassigned(c, Version::kCurrent)) return 0;
  return u_getCombiningClass(static_cast<UChar32>(c));
}

// CPython's normalization for the 3.2 database, which is its Unicode 14
// algorithm with one difference: characters unassigned in 3.2 do not
// decompose (and the corrected five keep their 3.2 mapping). Reordering
// and composition use the current data, so a newer pair still composes.
std::u32string normalize_3_2(Form form, std::u32string_view text) {
  bool compat = form == kNFKC || form == kNFKD;
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* decomposer = compat ? unorm2_getNFKDInstance(&err) : unorm2_getNFDInstance(&err);
  PYR_CHECK(U_SUCCESS(err));
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (unassigned(c, Version::k3_2) || (c >= 0xD800 && c <= 0xDFFF)) {
      out.push_back(c);
      continue;
    }
    char32_t old = corrected_3_2(c);
    if (old != c) {
      out.push_back(old);
      continue;
    }
    UChar buf[64];
    UErrorCode e = U_ZERO_ERROR;
    int32_t len = unorm2_getDecomposition(decomposer, static_cast<UChar32>(c), buf, 64, &e);
    if (U_FAILURE(e) || len < 0) {
      out.push_back(c);
      continue;
    }
    for (int32_t i = 0; i < len;) {
      UChar32 d;
      U16_NEXT(buf, i, len, d);
      out.push_back(static_cast<char32_t>(d));
    }
  }
  // Canonical order: a stable sort of each run of non-starters.
  for (size_t i = 1; i < out.size(); i++) {
    int cur = combining_14(out[i]);
    if (cur == 0) continue;
    size_t j = i;
    while (j > 0) {
      int prev = combining_14(out[j - 1]);
      if (prev == 0 || prev <= cur) break;
      std::swap(out[j - 1], out[j]);
      j--;
    }
  }
  if (form == kNFD || form == kNFKD) return out;
  // Canonical composition: each starter takes the following characters
  // that are not blocked and combine with it.
  const UNormalizer2* nfc = unorm2_getNFCInstance(&err);
  PYR_CHECK(U_SUCCESS(err));
  auto compose = [&](char32_t a, char32_t b) -> char32_t {
    UChar32 r = unorm2_composePair(nfc, static_cast<UChar32>(a), static_cast<UChar32>(b));
    if (r < 0 || unassigned(static_cast<char32_t>(r), Version::kCurrent)) return 0;
    return static_cast<char32_t>(r);
  };
  std::u32string result;
  result.reserve(out.size());
  std::vector<bool> used(out.size(), false);
  for (size_t i = 0; i < out.size(); i++) {
    if (used[i]) continue;
    char32_t code = out[i];
    if (combining_14(code) != 0) {
      result.push_back(code);
      continue;
    }
    int comb = 0;
    for (size_t k = i + 1; k < out.size(); k++) {
      if (used[k]) continue;
      int comb1 = combining_14(out[k]);
      if (comb) {
        if (comb1 == 0) break;
        if (comb >= comb1) continue;  // blocked
      }
      char32_t composed = compose(code, out[k]);
      if (!composed) {
        if (comb1 == 0) break;
        comb = comb1;
        continue;
      }
      code = composed;
      used[k] = true;
    }
    result.push_back(code);
  }
  return result;
}

// The text normalized. Lone surrogates are cut out and kept as they are:
// in UTF-16 a lone high and low surrogate would pair, and a surrogate is a
// starter that never composes, so cutting there changes nothing.
std::u32string normalize_text(Form form, Version v, std::u32string text) {
  if (v == Version::k3_2) return normalize_3_2(form, text);
  const UNormalizer2* n = normalizer(form, v);
  std::u32string out;
  out.reserve(text.size());
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !(text[i] >= 0xD800 && text[i] <= 0xDFFF)) continue;
    normalize_piece(n, std::u32string_view(text).substr(start, i - start), &out);
    if (i < text.size()) out.push_back(text[i]);
    start = i + 1;
  }
  return out;
}

enum QuickCheck { kNo, kYes, kMaybe };

// CPython's is_normalized_quickcheck: canonical order and the Quick_Check
// property of each character; the 3.2 database always says "maybe".
QuickCheck quick_check(Form form, Version v, Str* s, bool yes_only) {
  if (v == Version::k3_2) return kMaybe;
  UProperty prop = form == kNFC    ? UCHAR_NFC_QUICK_CHECK
                   : form == kNFKC ? UCHAR_NFKC_QUICK_CHECK
                   : form == kNFD  ? UCHAR_NFD_QUICK_CHECK
                                   : UCHAR_NFKD_QUICK_CHECK;
  QuickCheck result = kYes;
  int prev_combining = 0;
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c < 0xA0) {  // ASCII and C1 controls: starters, quick-check yes
      prev_combining = 0;
      continue;
    }
    if (unassigned(c, v)) {
      prev_combining = 0;
      continue;
    }
    int combining = u_getCombiningClass(static_cast<UChar32>(c));
    if (combining && prev_combining > combining) return kNo;
    prev_combining = combining;
    int qc = u_getIntPropertyValue(static_cast<UChar32>(c), prop);
    if (qc == UNORM_NO) return kNo;
    if (qc == UNORM_MAYBE) {
      if (yes_only) return kMaybe;
      result = kMaybe;
    }
  }
  return result;
}

bool str_args(const char* fname, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs(fname, nargs, 2, 2)) return false;
  for (int i = 0; i < 2; i++) {
    if (!is_str(args[i])) {
      raisef(exc::TypeError, "%s() argument %d must be str, not %s", fname, i + 1,
             type_name(args[i]).c_str());
      return false;
    }
  }
  return true;
}

Value ucd_normalize(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!str_args("normalize", args, nargs, kwnames)) return {};
  Str* input = args[1].as<Str>();
  if (input->length == 0) return args[1];  // the form is not even checked
  Form form;
  if (!form_of(args[0], &form)) return {};
  Version v = version_of(self);
  if (quick_check(form, v, input, true) == kYes) return args[1];
  return str_from_u32(normalize_text(form, v, str_to_u32(input)));
}

Value ucd_is_normalized(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!str_args("is_normalized", args, nargs, kwnames)) return {};
  Str* input = args[1].as<Str>();
  if (input->length == 0) return py_bool(true);
  Form form;
  if (!form_of(args[0], &form)) return {};
  Version v = version_of(self);
  QuickCheck qc = quick_check(form, v, input, false);
  if (qc != kMaybe) return py_bool(qc == kYes);
  std::u32string text = str_to_u32(input);
  return py_bool(normalize_text(form, v, text) == text);
}

// ---- lookup -------------------------------------------------------------------------------------

struct NamedSequence {
  std::string_view name;
  char32_t cps[4];
};
constexpr NamedSequence kNamedSequences[] = {
#define NAMED_SEQUENCE(name, ...) {name, {__VA_ARGS__}},
#include "python/modules/named_sequences.def"
#undef NAMED_SEQUENCE
};

constexpr size_t kNameMaxLen = 256;

bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// The name as the database of CPython 3.11 finds it: a character (alias
// included) or, for the current version, a named sequence.
Value lookup_name(std::string_view name, Version v) {
  std::string upper(name);
  for (char& ch : upper)
    if (ch >= 'a' && ch <= 'z') ch = char(ch - 32);
  std::optional<char32_t> c = rt::char_from_name(name);
  if (c) {
    if (v == Version::kCurrent) return str_char(*c);
    // 3.2 knows neither aliases nor characters added since, but finds the
    // algorithmic names (Hangul syllables, CJK ideographs) of any version.
    std::optional<std::string> real = rt::char_name(*c);
    bool alias = !real || *real != upper;
    bool algorithmic = is_hangul_syllable(*c) || upper.rfind("CJK UNIFIED IDEOGRAPH-", 0) == 0;
    if (algorithmic || (!alias && !unassigned(*c, v))) return str_char(*c);
    return Value();
  }
  if (v == Version::kCurrent) {
    for (const NamedSequence& s : kNamedSequences) {
      if (s.name != upper) continue;
      size_t n = 0;
      while (n < 4 && s.cps[n]) n++;
      return str_from_code_points(s.cps, n);
    }
  }
  return Value();
}

Value ucd_lookup(Value self, const Value* args, size_t, Tuple*) {
  Value arg = args[0];
  std::string name;
  if (is_str(arg)) {
    // "s#": UTF-8, which refuses lone surrogates.
    Value utf8 = str_encode(arg.as<Str>(), Value(), Value());
    if (!utf8) return {};
    name = std::string(utf8.as<Bytes>()->view());
  } else {
    BufferView b;
    if (!get_buffer(arg, &b)) {
      return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(arg).c_str());
    }
    if (!b.readonly) {
      return raisef(exc::TypeError, "lookup() argument must be read-only bytes-like object, not %s",
                    type_name(arg).c_str());
    }
    name.assign(reinterpret_cast<const char*>(b.data), size_t(b.length));
  }
  if (name.size() > kNameMaxLen) return raise_with(exc::KeyError, str_from_ascii("name too long"));
  Value r = lookup_name(name, version_of(self));
  if (r) return r;
  return raise_with(exc::KeyError, str_format("undefined character name '%s'", name.c_str()));
}

// ---- the module and the UCD type ----------------------------------------------------------------

Value ucd_get_unidata_version(Value self) {
  return str_from_ascii(version_of(self) == Version::kCurrent ? "14.0.0" : "3.2.0");
}

bool readonly_member(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

Value no_instances(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

constexpr uint32_t kFast = MethodFlag::kVarArgs;
const MethodDef kFunctions[] = {
    {"decimal", ucd_decimal, kFast,
     "Converts a Unicode character into its equivalent decimal value."},
    {"digit", ucd_digit, kFast, "Converts a Unicode character into its equivalent digit value."},
    {"numeric", ucd_numeric, kFast,
     "Converts a Unicode character into its equivalent numeric value."},
    {"category", ucd_category, MethodFlag::kOneArg,
     "Returns the general category assigned to the character chr as string."},
    {"bidirectional", ucd_bidirectional, MethodFlag::kOneArg,
     "Returns the bidirectional class assigned to the character chr as string."},
    {"combining", ucd_combining, MethodFlag::kOneArg,
     "Returns the canonical combining class assigned to the character chr as integer."},
    {"mirrored", ucd_mirrored, MethodFlag::kOneArg,
     "Returns the mirrored property assigned to the character chr as integer."},
    {"east_asian_width", ucd_east_asian_width, MethodFlag::kOneArg,
     "Returns the east asian width assigned to the character chr as string."},
    {"decomposition", ucd_decomposition, MethodFlag::kOneArg,
     "Returns the character decomposition mapping assigned to the character chr as string."},
    {"is_normalized", ucd_is_normalized, kFast,
     "Return whether the Unicode string unistr is in the normal form 'form'."},
    {"normalize", ucd_normalize, kFast,
     "Return the normal form 'form' for the Unicode string unistr."},
    {"name", ucd_name, kFast, "Returns the name assigned to the character chr as a string."},
    {"lookup", ucd_lookup, MethodFlag::kOneArg, "Look up character by name."},
    {nullptr, nullptr, 0},
};

const GetSetDef kUcdGetSets[] = {
    {"unidata_version", ucd_get_unidata_version, readonly_member, nullptr},
    {nullptr, nullptr},
};

void make_types() {
  TypeSpec spec;
  spec.name = "UCD";
  spec.module = "unicodedata";
  spec.layout = register_object_layout("unicodedata.UCD", sizeof(Ucd), trace_ucd);
  spec.instance_size = sizeof(Ucd);
  spec.trace = trace_ucd;
  spec.slots.new_ = no_instances;
  spec.methods = kFunctions;
  spec.getsets = kUcdGetSets;
  make_builtin_type(&g_ucd_type, spec);
  auto* old = static_cast<Ucd*>(alloc_instance(g_ucd_type));
  PYR_CHECK(old != nullptr);
  old->version = Version::k3_2;
  g_ucd_3_2_0 = old;
  gc::add_root(reinterpret_cast<void**>(&g_ucd_3_2_0));
}

}  // namespace

Module* make_unicodedata_module() {
  if (!g_ucd_type) make_types();
  Module* m = module_new(intern("unicodedata"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("This module provides access to the Unicode Character Database which\n"
                             "defines character properties for all Unicode characters. The data in\n"
                             "this database is based on the UnicodeData.txt file version\n"
                             "14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
                             "The module uses the same names and symbols as defined by the\n"
                             "UnicodeData File Format 14.0.0."));
  dict_set_str(m->dict, intern("unidata_version"), str_from_ascii("14.0.0"));
  dict_set_str(m->dict, intern("UCD"), g_ucd_type);
  dict_set_str(m->dict, intern("ucd_3_2_0"), g_ucd_3_2_0);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("unicodedata")));
  return m;
}

}  // namespace pyrite::python
