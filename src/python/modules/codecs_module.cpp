// The _codecs module: the codec search registry, the error-handler registry
// with the standard handlers, and the codec functions over the runtime's
// codecs (runtime/codecs.h) that the stdlib's encodings package calls
// (docs/modules.md, "_codecs"). The charmap, escape and utf-7 codecs are in
// codecs_extra.cpp.
#include "python/modules/codecs_module.h"

#include <cstdio>

#include "python/interp/pyrun.h"
#include "python/modules/codecs_internal.h"
#include "python/objects/bytes.h"
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
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

namespace rt = runtime;

namespace {

// The registry: search functions in registration order, the cache of their
// answers by normalized name, the error handlers by name. Rooted by the
// module (kept in its dict under private names) once made.
List* g_search_path = nullptr;
Dict* g_search_cache = nullptr;
Dict* g_error_registry = nullptr;
bool g_registry_ready = false;  // `encodings` imported (its search function registered)

void root_registry() {
  if (g_search_path) return;
  gc::add_root(reinterpret_cast<void**>(&g_search_path));
  gc::add_root(reinterpret_cast<void**>(&g_search_cache));
  gc::add_root(reinterpret_cast<void**>(&g_error_registry));
  g_error_registry = dict_new();
  g_search_cache = dict_new();
  g_search_path = list_new();
}

// CPython imports `encodings` at start-up, which registers its search
// function first; here that happens on the first use of the registry.
bool ensure_registry() {
  root_registry();
  if (g_registry_ready) return true;
  g_registry_ready = true;
  static Str* const kEncodings = intern("encodings");
  Value m = import_module_level(kEncodings, none(), tuple_empty(), 0);
  if (!m) {
    g_registry_ready = false;
    return false;
  }
  return true;
}

// _Py_normalize_encoding over the UTF-8 bytes, lowercased: runs of anything
// but ASCII letters, digits and '.' become one '_' (none at the start, none
// at the end).
std::string normalize_encoding(std::string_view name) {
  std::string out;
  bool punct = false;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum || c == '.') {
      if (punct && !out.empty()) out.push_back('_');
      punct = false;
      out.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
    } else {
      punct = true;
    }
  }
  return out;
}

// A str argument as C's "s" sees it: UTF-8 without NUL.
bool utf8_no_nul(Str* s, std::string* out) {
  *out = str_to_utf8(s);
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

}  // namespace

// ---- the registry -----------------------------------------------------------------------

Value codec_lookup(Str* encoding) {
  std::string name;
  if (!utf8_no_nul(encoding, &name)) return {};
  if (!ensure_registry()) return {};
  Str* key = str_from_utf8(normalize_encoding(name));
  if (Value hit = dict_get(g_search_cache, key)) return hit;
  if (has_error()) return {};
  int64_t n = list_size(g_search_path);
  for (int64_t i = 0; i < n && i < list_size(g_search_path); i++) {
    Value fn = list_get(g_search_path, i);
    Value r = call1(fn, key);
    if (!r) return {};
    if (is_none(r)) continue;
    if (!is_tuple(r) || r.as<Tuple>()->length != 4) {
      return raise(exc::TypeError, "codec search functions must return 4-tuples");
    }
    if (!dict_set(g_search_cache, key, r)) return {};
    return r;
  }
  return raisef(exc::LookupError, "unknown encoding: %s", name.c_str());
}

Value codec_lookup_error(Str* name) {
  root_registry();
  std::string n;
  if (!utf8_no_nul(name, &n)) return {};
  codecs_register_standard_errors(g_error_registry);
  Value h = dict_get(g_error_registry, name);
  if (h) return h;
  if (has_error()) return {};
  return raise(exc::LookupError, rt::unknown_error_handler_message(n));
}

void wrap_codec_error(const char* operation, Str* encoding) {
  if (!has_error()) return;
  Object* orig = take_error();
  auto keep = [&]() { set_error(orig); };
  Type* t = orig->type;
  Type* base = exc::BaseException;
  if (t->slots.init != base->slots.init || t->slots.new_ != base->slots.new_) return keep();
  Tuple* args = exception_args(orig);
  if (args && args->length > 1) return keep();
  if (args && args->length == 1 && !is_exact_str(args->at(0))) return keep();
  static Str* const kDict = intern("__dict__");
  Value d = get_attr_or_null(orig, kDict);
  if (has_error()) clear_error();
  if (d && is_dict(d) && dict_size(d.as<Dict>()) != 0) return keep();
  Value text = str_of(orig);
  if (!text) {
    clear_error();
    return keep();
  }
  std::string msg = std::string(operation) + " with '" + str_to_utf8(encoding) + "' codec failed (" +
                    type_name(orig) + ": " + str_to_utf8(text.as<Str>()) + ")";
  Value arg = str_from_utf8(msg);
  Value fresh = new_exception(t, &arg, 1);
  if (!fresh) return;
  exception_set_cause(fresh, orig);
  set_error(fresh.object());
}

// ---- calling error handlers -------------------------------------------------------------

bool CodecErrorCallback::call(const char* encoding, size_t start, size_t end, const char* reason,
                              Value* rep, size_t* resume) {
  if (!handler_) {
    handler_ = codec_lookup_error(name_.as<Str>());
    if (!handler_) return false;
  }
  if (!exc_) {
    Value args[5] = {str_from_utf8(encoding), input_, int_from_i64(int64_t(start)),
                     int_from_i64(int64_t(end)), str_from_utf8(reason)};
    exc_ = new_exception(decoding_ ? exc::UnicodeDecodeError : exc::UnicodeEncodeError, args, 5);
    if (!exc_) return false;
  } else {
    static Str* const kStart = intern("start");
    static Str* const kEnd = intern("end");
    static Str* const kReason = intern("reason");
    if (!set_attr(exc_, kStart, int_from_i64(int64_t(start))) ||
        !set_attr(exc_, kEnd, int_from_i64(int64_t(end))) ||
        !set_attr(exc_, kReason, str_from_utf8(reason))) {
      return false;
    }
  }
  Value r = call1(handler_, exc_);
  if (!r) return false;
  const char* bad = decoding_ ? "decoding error handler must return (str, int) tuple"
                              : "encoding error handler must return (str/bytes, int) tuple";
  if (!is_tuple(r) || r.as<Tuple>()->length != 2) {
    raise(exc::TypeError, bad);
    return false;
  }
  Value x = r.as<Tuple>()->at(0);
  int64_t pos;
  if (!arg_ssize(r.as<Tuple>()->at(1), &pos)) return false;
  if (!is_str(x) && (decoding_ || !is_bytes(x))) {
    raise(exc::TypeError, bad);
    return false;
  }
  if (pos < 0) pos += int64_t(length_);
  if (pos < 0 || pos > int64_t(length_)) {
    raisef(exc::IndexError, "position %lld from error handler out of bounds", static_cast<long long>(pos));
    return false;
  }
  *rep = x;
  *resume = size_t(pos);
  return true;
}

rt::CustomEncodeHandler CodecErrorCallback::encoder() {
  return [this](const rt::CodecError& e, rt::EncodeReplacement* out) {
    Value rep;
    if (!call(e.encoding, e.start, e.end, e.reason, &rep, &out->resume)) return false;
    if (is_bytes(rep)) {
      out->is_bytes = true;
      out->bytes = std::string(rep.as<Bytes>()->view());
    } else {
      out->text = str_to_u32(rep.as<Str>());
    }
    return true;
  };
}

rt::CustomDecodeHandler CodecErrorCallback::decoder() {
  return [this](const rt::CodecError& e, rt::DecodeReplacement* out) {
    Value rep;
    if (!call(e.encoding, e.start, e.end, e.reason, &rep, &out->resume)) return false;
    out->text = str_to_u32(rep.as<Str>());
    return true;
  };
}

Value raise_codec_error(bool decoding, const rt::CodecError& error, Value input) {
  Value args[5] = {str_from_utf8(error.encoding), input, int_from_i64(int64_t(error.start)),
                   int_from_i64(int64_t(error.end)), str_from_utf8(error.reason)};
  Value e = new_exception(decoding ? exc::UnicodeDecodeError : exc::UnicodeEncodeError, args, 5);
  if (!e) return {};
  set_error(e.object());
  return {};
}

bool issue_warning(Type* category, const std::string& message, int stacklevel) {
  // _warnings.warn, as CPython's PyErr_WarnEx (warnings.py need not be imported).
  static Str* const kWarnings = intern("_warnings");
  static Str* const kWarn = intern("warn");
  Value w = import_module_level(kWarnings, none(), tuple_empty(), 0);
  if (!w) return false;
  Value fn = get_attr(w, kWarn);
  if (!fn) return false;
  Value args[3] = {str_from_utf8(message), category, Value::small(stacklevel)};
  return bool(call(fn, args, 3));
}

// ---- text encoding through the registry -------------------------------------------------

namespace {

// _PyCodec_LookupTextEncoding: the codec, refusing one whose CodecInfo says
// it is not a text encoding.
Value lookup_text_encoding(Str* encoding, const char* alternate) {
  Value info = codec_lookup(encoding);
  if (!info) return {};
  if (!is_exact_tuple(info)) {
    static Str* const kIsText = intern("_is_text_encoding");
    Value attr = get_attr_or_null(info, kIsText);
    if (has_error()) return {};
    if (attr) {
      int t = truth(attr);
      if (t < 0) return {};
      if (!t) {
        return raisef(exc::LookupError, "'%s' is not a text encoding; use %s to handle arbitrary codecs",
                      str_to_utf8(encoding).c_str(), alternate);
      }
    }
  }
  return info;
}

// Calls the codec's coder (item 0 or 1) and takes item 0 of its result.
Value run_coder(Value info, int which, Value obj, Str* encoding, Value errors) {
  Value coder = get_item(info, Value::small(which));
  if (!coder) return {};
  Value args[2] = {obj, errors};
  Value r = call(coder, args, errors ? 2 : 1);
  if (!r) {
    wrap_codec_error(which == 0 ? "encoding" : "decoding", encoding);
    return {};
  }
  if (!is_tuple(r) || r.as<Tuple>()->length != 2) {
    return raise(exc::TypeError, which == 0 ? "encoder must return a tuple (object, integer)"
                                            : "decoder must return a tuple (object,integer)");
  }
  return r.as<Tuple>()->at(0);
}

}  // namespace

Value codec_encode_text(Str* text, Str* encoding, Value errors) {
  Value info = lookup_text_encoding(encoding, "codecs.encode()");
  if (!info) return {};
  Value v = run_coder(info, 0, text, encoding, errors);
  if (!v) return {};
  if (is_bytes(v)) return v;
  if (is_bytearray(v)) {
    std::string name = str_to_utf8(encoding);
    if (!issue_warning(exc::RuntimeWarning,
                       "encoder " + name +
                           " returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types",
                       1)) {
      return {};
    }
    BufferView view;
    if (!get_buffer(v, &view)) return {};
    return bytes_from(view.data, size_t(view.length));
  }
  return raisef(exc::TypeError,
                "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                str_to_utf8(encoding).c_str(), type_name(v).c_str());
}

Value codec_decode_text(Value bytes_obj, Str* encoding, Value errors) {
  Value info = lookup_text_encoding(encoding, "codecs.decode()");
  if (!info) return {};
  // CPython hands the decoder a memoryview of the data.
  Value view = call1(types::memoryview, bytes_obj);
  if (!view) return {};
  Value v = run_coder(info, 1, view, encoding, errors);
  if (!v) return {};
  if (is_str(v)) return v;
  return raisef(exc::TypeError,
                "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                str_to_utf8(encoding).c_str(), type_name(v).c_str());
}

// ---- argument helpers shared with codecs_extra.cpp ---------------------------------------

bool codec_nargs(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
  if (!check_no_kwargs(("_codecs." + std::string(fname)).c_str(), kwnames)) return false;
  return check_nargs(fname, nargs, min, max);
}

bool codec_str_arg(const char* fname, int pos, Value v, Str** out) {
  if (!is_str(v)) {
    raisef(exc::TypeError, "%s() argument %d must be str, not %s", fname, pos, arg_type_name(v).c_str());
    return false;
  }
  *out = v.as<Str>();
  return true;
}

bool codec_errors_arg(const char* fname, int pos, const Value* args, size_t nargs, Value* out) {
  *out = Value();
  if (size_t(pos) > nargs || is_none(args[pos - 1])) return true;
  Value v = args[pos - 1];
  if (!is_str(v)) {
    raisef(exc::TypeError, "%s() argument %d must be str or None, not %s", fname, pos, arg_type_name(v).c_str());
    return false;
  }
  std::string s;
  if (!utf8_no_nul(v.as<Str>(), &s)) return false;
  *out = v;
  return true;
}

bool codec_buffer_arg(Value v, bool accept_str, std::string* out) {
  if (accept_str && is_str(v)) {
    Str* s = v.as<Str>();
    if (s->ascii) {
      *out = std::string(s->ascii_view());
      return true;
    }
    std::u32string text = str_to_u32(s);
    rt::EncodeResult r = rt::encode(rt::Codec::kUtf8, text, rt::ErrorHandler::kStrict);
    if (r.status != rt::CodecStatus::kOk) {
      raise_codec_error(false, r.error, v);
      return false;
    }
    *out = std::move(r.bytes);
    return true;
  }
  BufferView view;
  if (!get_buffer(v, &view)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
  }
  out->assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
  return true;
}

bool codec_int_arg(const Value* args, size_t nargs, size_t pos, int dflt, int* out) {
  *out = dflt;
  if (pos > nargs) return true;
  return arg_int(args[pos - 1], out);
}

rt::ErrorHandler codec_handler_of(Value errors) {
  if (!errors) return rt::ErrorHandler::kStrict;
  auto h = rt::lookup_error_handler(str_to_utf8(errors.as<Str>()));
  return h ? *h : rt::ErrorHandler::kCustom;
}

// Runs a runtime encoder over `text` with the errors name; the bytes, or
// null with the exception pending.
Value codec_run_encode(rt::Codec codec, Str* text, Value errors) {
  rt::ErrorHandler h = codec_handler_of(errors);
  std::u32string u = str_to_u32(text);
  CodecErrorCallback cb(errors, false, text, u.size());
  rt::CustomEncodeHandler fn = cb.encoder();
  rt::EncodeResult r = rt::encode(codec, u, h, h == rt::ErrorHandler::kCustom ? &fn : nullptr);
  switch (r.status) {
    case rt::CodecStatus::kOk: return bytes_from(r.bytes);
    case rt::CodecStatus::kUnicodeError: return raise_codec_error(false, r.error, text);
    case rt::CodecStatus::kTypeError: return raise(exc::TypeError, r.error.reason);
    case rt::CodecStatus::kCallbackFailed: return {};
  }
  return {};
}

// Runs a runtime decoder; *consumed gets the bytes used.
Value codec_run_decode(rt::Codec codec, const std::string& data, Value errors, bool final,
                       size_t* consumed, rt::Codec* resolved) {
  rt::ErrorHandler h = codec_handler_of(errors);
  Value input;
  auto input_obj = [&]() -> Value {
    if (!input) input = bytes_from(data);
    return input;
  };
  CodecErrorCallback cb(errors, true, Value(), data.size());
  rt::DecodeResult r;
  if (h == rt::ErrorHandler::kCustom) {
    cb = CodecErrorCallback(errors, true, input_obj(), data.size());
    rt::CustomDecodeHandler fn = cb.decoder();
    r = rt::decode(codec, data, h, final, &fn);
  } else {
    r = rt::decode(codec, data, h, final, nullptr);
  }
  if (resolved) *resolved = r.resolved;
  switch (r.status) {
    case rt::CodecStatus::kOk: break;
    case rt::CodecStatus::kUnicodeError: return raise_codec_error(true, r.error, input_obj());
    case rt::CodecStatus::kTypeError: return raise(exc::TypeError, r.error.reason);
    case rt::CodecStatus::kCallbackFailed: return {};
  }
  if (!r.warning.empty() && !issue_warning(exc::DeprecationWarning, r.warning, 1)) return {};
  *consumed = r.consumed;
  return str_from_u32(r.text);
}

namespace {

// ---- the module functions: registry -----------------------------------------------------

Value f_register(Value, const Value* args, size_t, Tuple*) {
  if (!is_callable(args[0])) return raise(exc::TypeError, "argument must be callable");
  if (!ensure_registry()) return {};
  if (!list_append(g_search_path, args[0])) return {};
  return none();
}

Value f_unregister(Value, const Value* args, size_t, Tuple*) {
  if (!ensure_registry()) return {};
  for (int64_t i = 0; i < list_size(g_search_path); i++) {
    if (list_get(g_search_path, i).is(args[0])) {
      dict_clear(g_search_cache);
      Value rest = list_slice(g_search_path, i + 1, list_size(g_search_path));
      List* head = list_slice(g_search_path, 0, i);
      if (!list_extend(head, rest)) return {};
      list_clear(g_search_path);
      if (!list_extend(g_search_path, head)) return {};
      break;
    }
  }
  return none();
}

Value f_lookup(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) return raisef(exc::TypeError, "lookup() argument must be str, not %s", arg_type_name(args[0]).c_str());
  return codec_lookup(args[0].as<Str>());
}

// encode(obj, encoding='utf-8', errors='strict') and decode.
Value encode_or_decode(bool decoding, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kParams[] = {"obj", "encoding", "errors", nullptr};
  const char* fname = decoding ? "decode" : "encode";
  Value obj, encoding, errors;
  if (!parse_args(ArgSpec{fname, kParams, 1, 0, -1, true}, args, nargs, kwnames, {&obj, &encoding, &errors})) {
    return {};
  }
  if (encoding && !is_str(encoding)) {
    return raisef(exc::TypeError, "%s() argument 'encoding' must be str, not %s", fname, arg_type_name(encoding).c_str());
  }
  if (errors && !is_str(errors)) {
    return raisef(exc::TypeError, "%s() argument 'errors' must be str, not %s", fname, arg_type_name(errors).c_str());
  }
  std::string tmp;
  if (encoding && !utf8_no_nul(encoding.as<Str>(), &tmp)) return {};
  if (errors && !utf8_no_nul(errors.as<Str>(), &tmp)) return {};
  Str* enc = encoding ? encoding.as<Str>() : str_from_ascii("utf-8");
  Value info = codec_lookup(enc);
  if (!info) return {};
  return run_coder(info, decoding ? 1 : 0, obj, enc, errors);
}

Value f_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return encode_or_decode(false, args, nargs, kwnames);
}
Value f_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return encode_or_decode(true, args, nargs, kwnames);
}

Value f_register_error(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("register_error", kwnames)) return {};
  if (nargs != 2) {
    return raisef(exc::TypeError, "register_error expected 2 arguments, got %zu", nargs);
  }
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "register_error() argument 1 must be str, not %s", arg_type_name(args[0]).c_str());
  }
  std::string name;
  if (!utf8_no_nul(args[0].as<Str>(), &name)) return {};
  if (!is_callable(args[1])) return raise(exc::TypeError, "handler must be callable");
  root_registry();
  codecs_register_standard_errors(g_error_registry);
  if (!dict_set(g_error_registry, args[0], args[1])) return {};
  return none();
}

Value f_lookup_error(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "lookup_error() argument must be str, not %s", arg_type_name(args[0]).c_str());
  }
  return codec_lookup_error(args[0].as<Str>());
}

// ---- the module functions: the runtime's codecs -----------------------------------------

Value pair(Value a, size_t n) {
  if (!a) return {};
  return tuple_of({a, int_from_i64(int64_t(n))});
}

// X_encode(str, errors=None)
template <rt::Codec C>
Value simple_encode(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!codec_nargs(fname, nargs, kwnames, 1, 2)) return {};
  Str* s;
  Value errors;
  if (!codec_str_arg(fname, 1, args[0], &s) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  return pair(codec_run_encode(C, s, errors), size_t(s->length));
}

// X_decode(data, errors=None, final=False) (or without final).
Value simple_decode(rt::Codec codec, const char* fname, bool has_final, bool final_default,
                    const Value* args, size_t nargs, Tuple* kwnames, bool accept_str = false) {
  if (!codec_nargs(fname, nargs, kwnames, 1, has_final ? 3 : 2)) return {};
  std::string data;
  Value errors;
  if (!codec_buffer_arg(args[0], accept_str, &data)) return {};
  if (!codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  int final = final_default;
  if (has_final && !codec_int_arg(args, nargs, 3, final_default, &final)) return {};
  size_t consumed = 0;
  Value s = codec_run_decode(codec, data, errors, final != 0, &consumed, nullptr);
  return pair(s, consumed);
}

#define PYR_ENCODER(name, codec)                                                   \
  Value f_##name(Value, const Value* args, size_t nargs, Tuple* kwnames) {         \
    return simple_encode<rt::Codec::codec>(#name, args, nargs, kwnames);           \
  }
PYR_ENCODER(utf_8_encode, kUtf8)
PYR_ENCODER(utf_16_le_encode, kUtf16Le)
PYR_ENCODER(utf_16_be_encode, kUtf16Be)
PYR_ENCODER(utf_32_le_encode, kUtf32Le)
PYR_ENCODER(utf_32_be_encode, kUtf32Be)
PYR_ENCODER(latin_1_encode, kLatin1)
PYR_ENCODER(ascii_encode, kAscii)
#undef PYR_ENCODER

// unicode_escape_encode / raw_unicode_escape_encode never fail (errors unused).
template <rt::Codec C>
Value escape_text_encode(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!codec_nargs(fname, nargs, kwnames, 1, 2)) return {};
  Str* s;
  Value errors;
  if (!codec_str_arg(fname, 1, args[0], &s) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  rt::EncodeResult r = rt::encode(C, str_to_u32(s), rt::ErrorHandler::kStrict);
  return pair(bytes_from(r.bytes), size_t(s->length));
}
Value f_unicode_escape_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return escape_text_encode<rt::Codec::kUnicodeEscape>("unicode_escape_encode", args, nargs, kwnames);
}
Value f_raw_unicode_escape_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return escape_text_encode<rt::Codec::kRawUnicodeEscape>("raw_unicode_escape_encode", args, nargs, kwnames);
}

// utf_16_encode(str, errors=None, byteorder=0): 0 writes a BOM and the
// native (little endian) order.
template <rt::Codec Bom, rt::Codec Le, rt::Codec Be>
Value bom_encode(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!codec_nargs(fname, nargs, kwnames, 1, 3)) return {};
  Str* s;
  Value errors;
  if (!codec_str_arg(fname, 1, args[0], &s) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  int order;
  if (!codec_int_arg(args, nargs, 3, 0, &order)) return {};
  rt::Codec c = order == 0 ? Bom : order < 0 ? Le : Be;
  return pair(codec_run_encode(c, s, errors), size_t(s->length));
}
Value f_utf_16_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return bom_encode<rt::Codec::kUtf16, rt::Codec::kUtf16Le, rt::Codec::kUtf16Be>("utf_16_encode", args, nargs,
                                                                                  kwnames);
}
Value f_utf_32_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return bom_encode<rt::Codec::kUtf32, rt::Codec::kUtf32Le, rt::Codec::kUtf32Be>("utf_32_encode", args, nargs,
                                                                                  kwnames);
}

#define PYR_DECODER(name, codec, has_final)                                                  \
  Value f_##name(Value, const Value* args, size_t nargs, Tuple* kwnames) {                   \
    return simple_decode(rt::Codec::codec, #name, has_final, false, args, nargs, kwnames);   \
  }
PYR_DECODER(utf_8_decode, kUtf8, true)
PYR_DECODER(utf_16_le_decode, kUtf16Le, true)
PYR_DECODER(utf_16_be_decode, kUtf16Be, true)
PYR_DECODER(utf_16_decode, kUtf16, true)
PYR_DECODER(utf_32_le_decode, kUtf32Le, true)
PYR_DECODER(utf_32_be_decode, kUtf32Be, true)
PYR_DECODER(utf_32_decode, kUtf32, true)
PYR_DECODER(latin_1_decode, kLatin1, false)
PYR_DECODER(ascii_decode, kAscii, false)
#undef PYR_DECODER

Value f_unicode_escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return simple_decode(rt::Codec::kUnicodeEscape, "unicode_escape_decode", true, true, args, nargs, kwnames, true);
}
Value f_raw_unicode_escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return simple_decode(rt::Codec::kRawUnicodeEscape, "raw_unicode_escape_decode", true, true, args, nargs, kwnames,
                       true);
}

// utf_16_ex_decode(data, errors=None, byteorder=0, final=False) ->
// (str, consumed, byteorder): byteorder 0 reads a BOM and reports it (-1
// little, 1 big, 0 none yet); without one the data is read little endian.
template <rt::Codec Bom, rt::Codec Le, rt::Codec Be, size_t Unit>
Value ex_decode(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!codec_nargs(fname, nargs, kwnames, 1, 4)) return {};
  std::string data;
  Value errors;
  if (!codec_buffer_arg(args[0], false, &data) || !codec_errors_arg(fname, 2, args, nargs, &errors)) return {};
  int order, final;
  if (!codec_int_arg(args, nargs, 3, 0, &order) || !codec_int_arg(args, nargs, 4, 0, &final)) return {};
  rt::Codec c = order == 0 ? Bom : order < 0 ? Le : Be;
  size_t consumed = 0;
  Value s = codec_run_decode(c, data, errors, final != 0, &consumed, nullptr);
  if (!s) return {};
  if (order == 0 && data.size() >= Unit) {
    std::string le_bom = Unit == 2 ? std::string("\xff\xfe", 2) : std::string("\xff\xfe\0\0", 4);
    std::string be_bom = Unit == 2 ? std::string("\xfe\xff", 2) : std::string("\0\0\xfe\xff", 4);
    if (data.compare(0, Unit, le_bom) == 0) order = -1;
    else if (data.compare(0, Unit, be_bom) == 0) order = 1;
  }
  return tuple_of({s, int_from_i64(int64_t(consumed)), Value::small(order)});
}
Value f_utf_16_ex_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return ex_decode<rt::Codec::kUtf16, rt::Codec::kUtf16Le, rt::Codec::kUtf16Be, 2>("utf_16_ex_decode", args, nargs,
                                                                                   kwnames);
}
Value f_utf_32_ex_decode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return ex_decode<rt::Codec::kUtf32, rt::Codec::kUtf32Le, rt::Codec::kUtf32Be, 4>("utf_32_ex_decode", args, nargs,
                                                                                   kwnames);
}

Value f_readbuffer_encode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!codec_nargs("readbuffer_encode", nargs, kwnames, 1, 2)) return {};
  std::string data;
  Value errors;
  if (!codec_buffer_arg(args[0], true, &data) || !codec_errors_arg("readbuffer_encode", 2, args, nargs, &errors)) {
    return {};
  }
  return pair(bytes_from(data), data.size());
}

constexpr uint32_t kFast = MethodFlag::kVarArgs | MethodFlag::kKeywords;

const MethodDef kFunctions[] = {
    {"register", f_register, MethodFlag::kOneArg,
     "Register a codec search function.\n\nSearch functions are expected to take one argument, the encoding name in all lower case letters, and either return None, or a tuple of functions (encoder, decoder, stream_reader, stream_writer) (or a CodecInfo object)."},
    {"unregister", f_unregister, MethodFlag::kOneArg,
     "Unregister a codec search function and clear the registry's cache.\n\nIf the search function is not registered, do nothing."},
    {"lookup", f_lookup, MethodFlag::kOneArg, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", f_encode, kFast,
     "Encodes obj using the codec registered for encoding.\n\nThe default encoding is 'utf-8'.  errors may be given to set a\ndifferent error handling scheme.  Default is 'strict' meaning that encoding\nerrors raise a ValueError.  Other possible values are 'ignore', 'replace'\nand 'backslashreplace' as well as any other name registered with\ncodecs.register_error that can handle ValueErrors."},
    {"decode", f_decode, kFast,
     "Decodes obj using the codec registered for encoding.\n\nDefault encoding is 'utf-8'.  errors may be given to set a\ndifferent error handling scheme.  Default is 'strict' meaning that encoding\nerrors raise a ValueError.  Other possible values are 'ignore', 'replace'\nand 'backslashreplace' as well as any other name registered with\ncodecs.register_error that can handle ValueErrors."},
    {"escape_encode", codecs_escape_encode, kFast, nullptr},
    {"escape_decode", codecs_escape_decode, kFast, nullptr},
    {"utf_7_encode", codecs_utf_7_encode, kFast, nullptr},
    {"utf_7_decode", codecs_utf_7_decode, kFast, nullptr},
    {"utf_8_encode", f_utf_8_encode, kFast, nullptr},
    {"utf_8_decode", f_utf_8_decode, kFast, nullptr},
    {"utf_16_encode", f_utf_16_encode, kFast, nullptr},
    {"utf_16_le_encode", f_utf_16_le_encode, kFast, nullptr},
    {"utf_16_be_encode", f_utf_16_be_encode, kFast, nullptr},
    {"utf_16_decode", f_utf_16_decode, kFast, nullptr},
    {"utf_16_le_decode", f_utf_16_le_decode, kFast, nullptr},
    {"utf_16_be_decode", f_utf_16_be_decode, kFast, nullptr},
    {"utf_16_ex_decode", f_utf_16_ex_decode, kFast, nullptr},
    {"utf_32_encode", f_utf_32_encode, kFast, nullptr},
    {"utf_32_le_encode", f_utf_32_le_encode, kFast, nullptr},
    {"utf_32_be_encode", f_utf_32_be_encode, kFast, nullptr},
    {"utf_32_decode", f_utf_32_decode, kFast, nullptr},
    {"utf_32_le_decode", f_utf_32_le_decode, kFast, nullptr},
    {"utf_32_be_decode", f_utf_32_be_decode, kFast, nullptr},
    {"utf_32_ex_decode", f_utf_32_ex_decode, kFast, nullptr},
    {"unicode_escape_encode", f_unicode_escape_encode, kFast, nullptr},
    {"unicode_escape_decode", f_unicode_escape_decode, kFast, nullptr},
    {"raw_unicode_escape_encode", f_raw_unicode_escape_encode, kFast, nullptr},
    {"raw_unicode_escape_decode", f_raw_unicode_escape_decode, kFast, nullptr},
    {"latin_1_encode", f_latin_1_encode, kFast, nullptr},
    {"latin_1_decode", f_latin_1_decode, kFast, nullptr},
    {"ascii_encode", f_ascii_encode, kFast, nullptr},
    {"ascii_decode", f_ascii_decode, kFast, nullptr},
    {"charmap_encode", codecs_charmap_encode, kFast, nullptr},
    {"charmap_decode", codecs_charmap_decode, kFast, nullptr},
    {"charmap_build", codecs_charmap_build, MethodFlag::kOneArg, nullptr},
    {"readbuffer_encode", f_readbuffer_encode, kFast, nullptr},
    {"register_error", f_register_error, kFast,
     "Register the specified error handler under the name errors.\n\nhandler must be a callable object, that will be called with an exception\ninstance containing information about the location of the encoding/decoding\nerror and must return a (replacement, new position) tuple."},
    {"lookup_error", f_lookup_error, MethodFlag::kOneArg,
     "lookup_error(errors) -> handler\n\nReturn the error handler for the specified error handling name or raise a\nLookupError, if no handler exists under this name."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_codecs_module() {
  root_registry();
  codecs_register_standard_errors(g_error_registry);
  codecs_make_types();
  Module* m = module_new(intern("_codecs"));
  Str* name = intern("_codecs");
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, name));
  }
  return m;
}

}  // namespace pyrite::python
