// The _locale module: the C library's locale (setlocale, localeconv,
// nl_langinfo, strcoll/strxfrm, getencoding) and its message catalogues
// (gettext and friends), under the locale module; docs/modules.md,
// "_locale". Strings come from the C library in the locale's encoding,
// which Pyrite decodes as UTF-8 (the encoding of its locales).
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <string>
#include <vector>

#include "gc/heap.h"
#include "python/interp/eval.h"
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

Type* g_error = nullptr;  // locale.Error

Value decoded(const char* s) { return str_from_utf8(s ? s : ""); }

bool arg_category(Value v, int* out) { return arg_int(v, out); }

// A str argument of a "U" or "z" format: false + TypeError otherwise.
bool str_arg(const char* fname, int pos, Value v, bool none_ok, std::string* out, bool* got_none = nullptr) {
  if (none_ok && is_none(v)) {
    if (got_none) *got_none = true;
    return true;
  }
  if (got_none) *got_none = false;
  if (!is_str(v)) {
    // pos 0: the function's only argument, which CPython does not number.
    std::string which = pos ? "argument " + std::to_string(pos) : "argument";
    raisef(exc::TypeError, "%s() %s must be str%s, not %s", fname, which.c_str(), none_ok ? " or None" : "",
           type_name(v).c_str());
    return false;
  }
  *out = str_to_utf8(v.as<Str>());
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

Value locale_setlocale(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"category", "locale", nullptr};
  Value cat_v, loc_v;
  if (!parse_args({"setlocale", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&cat_v, &loc_v})) return {};
  int category = 0;
  if (!arg_category(cat_v, &category)) return {};
  if (loc_v && !is_none(loc_v)) {
    std::string loc;
    if (!str_arg("setlocale", 2, loc_v, true, &loc)) return {};
    const char* result = setlocale(category, loc.c_str());
    if (!result) return raise(g_error, "unsupported locale setting");
    return decoded(result);
  }
  const char* result = setlocale(category, nullptr);
  if (!result) return raise(g_error, "locale query failed");
  return decoded(result);
}

// A grouping string as a list: each byte up to and including the one
// that ends it (NUL or CHAR_MAX); an empty string gives [].
Value grouping_list(const char* s) {
  List* l = list_new();
  if (!s || !*s) return l;
  int i = -1;
  do {
    i++;
    list_append(l, Value::small(static_cast<unsigned char>(s[i])));
  } while (s[i] != '\0' && static_cast<unsigned char>(s[i]) != CHAR_MAX);
  return l;
}

Value locale_localeconv(Value, const Value*, size_t, Tuple*) {
  const lconv* lc = localeconv();
  Dict* d = dict_new();
  auto str_field = [&](const char* name, const char* v) { dict_set_str(d, intern(name), decoded(v)); };
  auto int_field = [&](const char* name, char v) {
    dict_set_str(d, intern(name), Value::small(static_cast<unsigned char>(v)));
  };
  str_field("int_curr_symbol", lc->int_curr_symbol);
  str_field("currency_symbol", lc->currency_symbol);
  str_field("mon_decimal_point", lc->mon_decimal_point);
  str_field("mon_thousands_sep", lc->mon_thousands_sep);
  dict_set_str(d, intern("mon_grouping"), grouping_list(lc->mon_grouping));
  str_field("positive_sign", lc->positive_sign);
  str_field("negative_sign", lc->negative_sign);
  int_field("int_frac_digits", lc->int_frac_digits);
  int_field("frac_digits", lc->frac_digits);
  int_field("p_cs_precedes", lc->p_cs_precedes);
  int_field("p_sep_by_space", lc->p_sep_by_space);
  int_field("n_cs_precedes", lc->n_cs_precedes);
  int_field("n_sep_by_space", lc->n_sep_by_space);
  int_field("p_sign_posn", lc->p_sign_posn);
  int_field("n_sign_posn", lc->n_sign_posn);
  str_field("decimal_point", lc->decimal_point);
  str_field("thousands_sep", lc->thousands_sep);
  dict_set_str(d, intern("grouping"), grouping_list(lc->grouping));
  return d;
}

// The nl_langinfo items the module offers, by name.
const struct {
  const char* name;
  nl_item item;
} kLangInfo[] = {
    {"CODESET", CODESET},     {"D_T_FMT", D_T_FMT},     {"D_FMT", D_FMT},         {"T_FMT", T_FMT},
    {"T_FMT_AMPM", T_FMT_AMPM}, {"AM_STR", AM_STR},     {"PM_STR", PM_STR},       {"DAY_1", DAY_1},
    {"DAY_2", DAY_2},         {"DAY_3", DAY_3},         {"DAY_4", DAY_4},         {"DAY_5", DAY_5},
    {"DAY_6", DAY_6},         {"DAY_7", DAY_7},         {"ABDAY_1", ABDAY_1},     {"ABDAY_2", ABDAY_2},
    {"ABDAY_3", ABDAY_3},     {"ABDAY_4", ABDAY_4},     {"ABDAY_5", ABDAY_5},     {"ABDAY_6", ABDAY_6},
    {"ABDAY_7", ABDAY_7},     {"MON_1", MON_1},         {"MON_2", MON_2},         {"MON_3", MON_3},
    {"MON_4", MON_4},         {"MON_5", MON_5},         {"MON_6", MON_6},         {"MON_7", MON_7},
    {"MON_8", MON_8},         {"MON_9", MON_9},         {"MON_10", MON_10},       {"MON_11", MON_11},
    {"MON_12", MON_12},       {"ABMON_1", ABMON_1},     {"ABMON_2", ABMON_2},     {"ABMON_3", ABMON_3},
    {"ABMON_4", ABMON_4},     {"ABMON_5", ABMON_5},     {"ABMON_6", ABMON_6},     {"ABMON_7", ABMON_7},
    {"ABMON_8", ABMON_8},     {"ABMON_9", ABMON_9},     {"ABMON_10", ABMON_10},   {"ABMON_11", ABMON_11},
    {"ABMON_12", ABMON_12},   {"RADIXCHAR", RADIXCHAR}, {"THOUSEP", THOUSEP},     {"YESEXPR", YESEXPR},
    {"NOEXPR", NOEXPR},       {"CRNCYSTR", CRNCYSTR},   {"ERA", ERA},             {"ERA_D_FMT", ERA_D_FMT},
    {"ERA_D_T_FMT", ERA_D_T_FMT}, {"ERA_T_FMT", ERA_T_FMT}, {"ALT_DIGITS", ALT_DIGITS}, {"_DATE_FMT", _DATE_FMT},
};

Value locale_nl_langinfo(Value, const Value* args, size_t, Tuple*) {
  int key = 0;
  if (!arg_int(args[0], &key)) return {};
  for (const auto& e : kLangInfo) {
    if (e.item != key) continue;
    // Items with several strings (ALT_DIGITS, ERA) give the first.
    const char* result = nl_langinfo(e.item);
    return decoded(result);
  }
  return raise(exc::ValueError, "unsupported langinfo constant");
}

// The locale's encoding: UTF-8 in UTF-8 mode, else the codeset of LC_CTYPE.
Value locale_getencoding(Value, const Value*, size_t, Tuple*) {
  Value flags = get_sys_attr("flags");
  if (!flags) return {};
  Value utf8 = get_attr(flags, intern("utf8_mode"));
  if (!utf8) return {};
  int on = truth(utf8);
  if (on < 0) return {};
  if (on) return intern("utf-8");
  const char* codeset = nl_langinfo(CODESET);
  if (!codeset || !*codeset) return intern("utf-8");
  return decoded(codeset);
}

bool to_wide(Value v, std::wstring* out) {
  Str* s = v.as<Str>();
  out->clear();
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c == 0) {
      raise(exc::ValueError, "embedded null character");
      return false;
    }
    out->push_back(static_cast<wchar_t>(c));
  }
  return true;
}

Value locale_strcoll(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "strcoll expected 2 arguments, got %zu", nargs);
  for (int i = 0; i < 2; i++) {
    if (!is_str(args[i])) {
      return raisef(exc::TypeError, "strcoll() argument %d must be str, not %s", i + 1, type_name(args[i]).c_str());
    }
  }
  std::wstring a, b;
  if (!to_wide(args[0], &a) || !to_wide(args[1], &b)) return {};
  return int_from_i64(wcscoll(a.c_str(), b.c_str()));
}

Value locale_strxfrm(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "strxfrm() argument must be str, not %s", type_name(args[0]).c_str());
  }
  std::wstring s;
  if (!to_wide(args[0], &s)) return {};
  errno = 0;
  size_t n = wcsxfrm(nullptr, s.c_str(), 0);
  if (errno) return raise_os_error(errno);
  std::vector<wchar_t> buf(n + 1);
  wcsxfrm(buf.data(), s.c_str(), n + 1);
  std::u32string out;
  for (size_t i = 0; i < n; i++) out.push_back(static_cast<char32_t>(buf[i]));
  return str_from_u32(out);
}

// ---- message catalogues (libintl) ----

Value locale_gettext(Value, const Value* args, size_t, Tuple*) {
  std::string msg;
  if (!str_arg("gettext", 0, args[0], false, &msg)) return {};
  return decoded(gettext(msg.c_str()));
}

Value locale_dgettext(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "dgettext expected 2 arguments, got %zu", nargs);
  std::string domain, msg;
  bool no_domain = false;
  if (!str_arg("dgettext", 1, args[0], true, &domain, &no_domain)) return {};
  if (!str_arg("dgettext", 2, args[1], false, &msg)) return {};
  return decoded(dgettext(no_domain ? nullptr : domain.c_str(), msg.c_str()));
}

Value locale_dcgettext(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 3) return raisef(exc::TypeError, "dcgettext expected 3 arguments, got %zu", nargs);
  std::string domain, msg;
  bool no_domain = false;
  int category = 0;
  if (!str_arg("dcgettext", 1, args[0], true, &domain, &no_domain)) return {};
  if (!str_arg("dcgettext", 2, args[1], false, &msg)) return {};
  if (!arg_int(args[2], &category)) return {};
  return decoded(dcgettext(no_domain ? nullptr : domain.c_str(), msg.c_str(), category));
}

Value locale_textdomain(Value, const Value* args, size_t, Tuple*) {
  std::string domain;
  bool none_given = false;
  if (!str_arg("textdomain", 0, args[0], true, &domain, &none_given)) return {};
  const char* r = textdomain(none_given ? nullptr : domain.c_str());
  if (!r) return raise_os_error(errno);
  return decoded(r);
}

Value locale_bindtextdomain(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "bindtextdomain expected 2 arguments, got %zu", nargs);
  std::string domain, dir;
  bool no_dir = false;
  if (!str_arg("bindtextdomain", 1, args[0], false, &domain)) return {};
  if (domain.empty()) return raise_os_error(ENOENT);
  if (!str_arg("bindtextdomain", 2, args[1], true, &dir, &no_dir)) return {};
  const char* r = bindtextdomain(domain.c_str(), no_dir ? nullptr : dir.c_str());
  if (!r) return raise_os_error(errno ? errno : ENOMEM);
  return decoded(r);
}

Value locale_bind_textdomain_codeset(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "bind_textdomain_codeset expected 2 arguments, got %zu", nargs);
  std::string domain, codeset;
  bool no_codeset = false;
  if (!str_arg("bind_textdomain_codeset", 1, args[0], false, &domain)) return {};
  if (!str_arg("bind_textdomain_codeset", 2, args[1], true, &codeset, &no_codeset)) return {};
  errno = 0;
  const char* r = bind_textdomain_codeset(domain.c_str(), no_codeset ? nullptr : codeset.c_str());
  if (!r) {
    if (errno) return raise_os_error(errno);
    return none();
  }
  return decoded(r);
}

const MethodDef kFunctions[] = {
    {"setlocale", locale_setlocale, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Activates (with a locale name) or reports (without) the locale of a category."},
    {"localeconv", locale_localeconv, MethodFlag::kNoArgs, "The numeric and monetary conventions of the locale."},
    {"nl_langinfo", locale_nl_langinfo, MethodFlag::kOneArg, "One item of the locale's language information."},
    {"getencoding", locale_getencoding, MethodFlag::kNoArgs, "The locale's character encoding."},
    {"strcoll", locale_strcoll, MethodFlag::kVarArgs, "Compares two strings by the locale's collation order."},
    {"strxfrm", locale_strxfrm, MethodFlag::kOneArg, "The string whose code point order is its collation order."},
    {"gettext", locale_gettext, MethodFlag::kOneArg, "The translation of a message in the current domain."},
    {"dgettext", locale_dgettext, MethodFlag::kVarArgs, "The translation of a message in a domain."},
    {"dcgettext", locale_dcgettext, MethodFlag::kVarArgs,
     "The translation of a message in a domain and locale category."},
    {"textdomain", locale_textdomain, MethodFlag::kOneArg, "Sets (or, with None, reports) the current domain."},
    {"bindtextdomain", locale_bindtextdomain, MethodFlag::kVarArgs, "Binds a domain to a catalogue folder."},
    {"bind_textdomain_codeset", locale_bind_textdomain_codeset, MethodFlag::kVarArgs,
     "Binds a domain to a character encoding."},
    {nullptr, nullptr, 0},
};

Type* make_error_class() {
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("locale"));
  Value t = type_new(types::type, intern("Error"), tuple_of({Value(exc::Exception)}), d, nullptr, nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make locale.Error\n");
    std::abort();
  }
  return t.as<Type>();
}

}  // namespace

Module* make_locale_module() {
  if (!g_error) {
    g_error = make_error_class();
    gc::add_root(reinterpret_cast<void**>(&g_error));
  }
  Module* m = module_new(intern("_locale"));
  dict_set_str(m->dict, intern("__doc__"), str_from_ascii("The C library's locale and message catalogues."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_locale")));
  dict_set_str(m->dict, intern("Error"), g_error);
  const struct {
    const char* name;
    int value;
  } kCategories[] = {{"LC_CTYPE", LC_CTYPE},       {"LC_TIME", LC_TIME},         {"LC_COLLATE", LC_COLLATE},
                     {"LC_MONETARY", LC_MONETARY}, {"LC_MESSAGES", LC_MESSAGES}, {"LC_NUMERIC", LC_NUMERIC},
                     {"LC_ALL", LC_ALL},           {"CHAR_MAX", CHAR_MAX}};
  for (const auto& c : kCategories) dict_set_str(m->dict, intern(c.name), Value::small(c.value));
  for (const auto& e : kLangInfo) dict_set_str(m->dict, intern(e.name), Value::small(e.item));
  return m;
}

}  // namespace pyrite::python
