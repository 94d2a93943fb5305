// _io.TextIOWrapper and _io.IncrementalNewlineDecoder (docs/modules.md,
// "_io"), as _pyio specifies them with CPython's messages.
//
// The wrapper decodes and encodes with the runtime's codecs (runtime/
// codecs.h) itself: its decoder state is a few undecoded bytes, the codec
// (utf-16/32 resolved by the BOM) and the universal-newline decoder's
// pending '\r' and seen-newline bits, a value that tell() copies and
// replays the way _pyio does with decoder.getstate()/setstate(). Encoded
// text collects in `pending` until _CHUNK_SIZE bytes, a line-buffered
// newline or write_through pass it to the buffer, exactly when CPython's
// pending_bytes does, so text and buffer.write() interleave as in CPython.
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "python/interp/pyrun.h"
#include "python/modules/codecs_module.h"
#include "python/modules/io.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str_methods.h"
#include "python/objects/tuple.h"
#include "python/runtime/codecs.h"

namespace pyrite::python::io {

Type* g_textiowrapper = nullptr;
Type* g_nldecoder = nullptr;

namespace {

namespace rt = runtime;

// ---- IncrementalNewlineDecoder ------------------------------------------------------------

void trace_nldecoder(void* p, gc::Visitor& v) {
  auto* d = static_cast<NewlineDecoder*>(p);
  v.visit(d->type);
  visit_value(v, d->decoder);
  visit_value(v, d->errors);
}

NewlineDecoder* nld(Value v) { return v.as<NewlineDecoder>(); }

Value nldecoder_new_slot(Type* type, const Value*, size_t, Tuple*) { return alloc_instance(type); }

bool nldecoder_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"decoder", "translate", "errors", nullptr};
  Value decoder, translate, errors;
  ArgSpec spec{"IncrementalNewlineDecoder", kNames, 2, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&decoder, &translate, &errors})) return false;
  int t = truth(translate);
  if (t < 0) return false;
  NewlineDecoder* d = nld(self);
  d->decoder = decoder;
  gc::write_barrier(d, &d->decoder, decoder.is_object() ? decoder.object() : nullptr);
  Value e = errors ? errors : Value(str_from_ascii("strict"));
  d->errors = e;
  gc::write_barrier(d, &d->errors, e.is_object() ? e.object() : nullptr);
  d->translate = t;
  d->seennl = 0;
  d->pendingcr = false;
  d->ok = true;
  return true;
}

bool nld_check(NewlineDecoder* d) {
  if (!d->ok) {
    raise(exc::ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return false;
  }
  return true;
}

// The newline step of decode(): pending '\r', counting, translation.
Str* newline_step(bool* pendingcr, uint8_t* seennl, bool translate, Str* output, bool final) {
  std::u32string out;
  bool changed = false;
  if (*pendingcr && (output->length || final)) {
    out = U"\r" + str_to_u32(output);
    *pendingcr = false;
    changed = true;
  }
  if (!changed) {
    // Common case: no '\r' at all.
    bool has_cr = false, has_lf = false;
    for (int64_t i = 0; i < output->length; i++) {
      char32_t c = output->at(i);
      if (c == '\r') has_cr = true;
      if (c == '\n') has_lf = true;
      if (has_cr) break;
    }
    if (!has_cr) {
      if (has_lf) *seennl |= kSeenLF;
      return output;
    }
    out = str_to_u32(output);
  }
  if (!out.empty() && out.back() == '\r' && !final) {
    out.pop_back();
    *pendingcr = true;
  }
  bool lf = false, cr = false, crlf = false;
  std::u32string tr;
  tr.reserve(out.size());
  for (size_t i = 0; i < out.size(); i++) {
    char32_t c = out[i];
    if (c == '\r') {
      if (i + 1 < out.size() && out[i + 1] == '\n') {
        crlf = true;
        tr += '\n';
        i++;
        continue;
      }
      cr = true;
      tr += '\n';
      continue;
    }
    if (c == '\n') lf = true;
    tr += c;
  }
  if (lf) *seennl |= kSeenLF;
  if (cr) *seennl |= kSeenCR;
  if (crlf) *seennl |= kSeenCRLF;
  return str_from_u32(translate ? tr : out);
}

Value newlines_value(uint8_t seennl) {
  switch (seennl) {
    case 0: return none();
    case kSeenCR: return str_from_ascii("\r");
    case kSeenLF: return str_from_ascii("\n");
    case kSeenCR | kSeenLF: return tuple_of({str_from_ascii("\r"), str_from_ascii("\n")});
    case kSeenCRLF: return str_from_ascii("\r\n");
    case kSeenCR | kSeenCRLF: return tuple_of({str_from_ascii("\r"), str_from_ascii("\r\n")});
    case kSeenLF | kSeenCRLF: return tuple_of({str_from_ascii("\n"), str_from_ascii("\r\n")});
    default: return tuple_of({str_from_ascii("\r"), str_from_ascii("\n"), str_from_ascii("\r\n")});
  }
}

Value nldecoder_decode_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"input", "final", nullptr};
  Value input, final_v;
  ArgSpec spec{"decode", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&input, &final_v})) return {};
  bool final = false;
  if (final_v) {
    int t = truth(final_v);
    if (t < 0) return {};
    final = t;
  }
  return nldecoder_decode(self, input, final);
}

Value nldecoder_getstate(Value self, const Value*, size_t, Tuple*) {
  NewlineDecoder* d = nld(self);
  if (!nld_check(d)) return {};
  Value buffer = bytes_empty();
  int64_t flag = 0;
  if (!is_none(d->decoder)) {
    Value state = call_m(d->decoder, "getstate");
    if (!state) return {};
    if (!is_tuple(state) || state.as<Tuple>()->length != 2) {
      return raise(exc::TypeError, "illegal decoder state");
    }
    buffer = state.as<Tuple>()->items()[0];
    Value f = state.as<Tuple>()->items()[1];
    if (!is_int(f)) return raise(exc::TypeError, "illegal decoder state");
    auto v = int_to_i64(f);
    if (!v) return raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    flag = *v;
  }
  flag <<= 1;
  if (d->pendingcr) flag |= 1;
  return tuple_of({buffer, int_from_i64(flag)});
}

Value nldecoder_setstate(Value self, const Value* args, size_t, Tuple*) {
  NewlineDecoder* d = nld(self);
  if (!nld_check(d)) return {};
  Value state = args[0];
  if (!is_tuple(state) || state.as<Tuple>()->length != 2) {
    return raise(exc::TypeError, "state argument must be a tuple");
  }
  Value buffer = state.as<Tuple>()->items()[0];
  int64_t flag;
  if (!arg_ssize(state.as<Tuple>()->items()[1], &flag)) return {};
  d->pendingcr = flag & 1;
  flag >>= 1;
  if (!is_none(d->decoder)) {
    return call_m(d->decoder, "setstate", {tuple_of({buffer, int_from_i64(flag)})});
  }
  return none();
}

Value nldecoder_reset(Value self, const Value*, size_t, Tuple*) {
  NewlineDecoder* d = nld(self);
  if (!nld_check(d)) return {};
  d->seennl = 0;
  d->pendingcr = false;
  if (!is_none(d->decoder)) return call_m(d->decoder, "reset");
  return none();
}

Value nldecoder_get_newlines(Value self) {
  NewlineDecoder* d = nld(self);
  if (!nld_check(d)) return {};
  return newlines_value(d->seennl);
}

const MethodDef kNLDecoderMethods[] = {
    {"decode", nldecoder_decode_method, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"getstate", nldecoder_getstate, MethodFlag::kNoArgs},
    {"setstate", nldecoder_setstate, MethodFlag::kOneArg},
    {"reset", nldecoder_reset, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kNLDecoderGetSets[] = {
    {"newlines", nldecoder_get_newlines},
    {nullptr, nullptr},
};

}  // namespace

Value nldecoder_new(Value decoder, bool translate, Value errors) {
  Value args[3] = {decoder, py_bool(translate), errors};
  return type_call(g_nldecoder, args, 3, nullptr);
}

Value nldecoder_decode(Value self, Value input, bool final) {
  NewlineDecoder* d = nld(self);
  if (!nld_check(d)) return {};
  Value output;
  if (is_none(d->decoder)) {
    output = input;
  } else {
    Value args[2] = {input, py_bool(final)};
    static Str* const kDecode = intern("decode");
    Value m = get_attr(d->decoder, kDecode);
    if (!m) return {};
    output = call(m, args, 1, tuple_of({Value(intern("final"))}));
  }
  if (!output) return {};
  if (!is_str(output)) {
    return raisef(exc::TypeError, "decoder should return a string result, not '%s'", type_name(output).c_str());
  }
  return newline_step(&d->pendingcr, &d->seennl, d->translate, output.as<Str>(), final);
}

Value nldecoder_newlines(Value self) { return newlines_value(nld(self)->seennl); }

// ---- TextIOWrapper --------------------------------------------------------------------------

namespace {

// The wrapper's decoder state (see the file comment); copied by tell().
struct DecState {
  uint8_t pending[8];
  uint8_t npending;
  bool pendingcr;
  uint8_t seennl;
  rt::Codec codec;
  bool sig_first;           // utf-8-sig: a BOM may still come (its decoder's `first`)
};

struct TextIO : IOBase {
  Value buffer;
  Str* encoding;
  Str* errors;
  Str* readnl;              // null: universal
  Str* writenl;             // null: no translation ('\n')
  Str* decoded_chars;       // null: none
  Bytes* pending;           // encoded text not yet given to the buffer
  Bytes* snapshot_input;    // with snapshot_flags: the decoder state before the last chunk
  int64_t snapshot_flags;
  int64_t decoded_chars_used;
  int64_t pending_len;
  int64_t chunk_size;
  double b2cratio;
  // A stateless codec of the encodings package (the charmap ones), run
  // through its incremental decoder/encoder objects; null otherwise.
  Value py_decoder;
  Value py_encoder;
  rt::Codec codec;          // as configured (tell/seek reset to it); unused with py_decoder
  rt::ErrorHandler handler; // kCustom: looked up in the codecs registry when an error needs it
  bool ok, detached;
  bool has_decoder, has_encoder;
  bool readuniversal, readtranslate, writetranslate;
  bool line_buffering, write_through;
  bool seekable, telling, has_read1, has_snapshot;
  bool encoding_start_of_stream;
  bool fast_buffer;         // buffer is an exact Buffered* (its fast paths apply)
  bool sig;                 // utf-8-sig (codec is utf-8; a BOM is skipped / written first)
  bool sig_encoder_first;   // utf-8-sig's encoder has not written its BOM
  DecState dec;
};

void trace_textio(void* p, gc::Visitor& v) {
  trace_iobase(p, v);
  auto* t = static_cast<TextIO*>(p);
  visit_value(v, t->buffer);
  v.visit(t->encoding);
  v.visit(t->errors);
  v.visit(t->readnl);
  v.visit(t->writenl);
  v.visit(t->decoded_chars);
  v.visit(t->pending);
  v.visit(t->snapshot_input);
  visit_value(v, t->py_decoder);
  visit_value(v, t->py_encoder);
}

TextIO* tio(Value v) { return v.as<TextIO>(); }

bool check_attached(TextIO* t) {
  if (!t->ok) {
    if (t->detached) {
      raise(exc::ValueError, "underlying buffer has been detached");
    } else {
      raise(exc::ValueError, "I/O operation on uninitialized object");
    }
    return false;
  }
  return true;
}

bool text_check_closed(Value self, TextIO* t) {
  int c = type_of(self) == g_textiowrapper ? buffered_fast_closed(t->buffer) : -1;
  if (c < 0) c = is_closed(self);
  if (c < 0) return false;
  if (c) {
    raise_closed();
    return false;
  }
  return true;
}

Value textio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* t = static_cast<TextIO*>(alloc_instance(type));
  gc::Heap::current()->register_finalizer(t);
  return t;
}

void set_decoded(TextIO* t, Str* s) {
  gc::store_ref(t, &t->decoded_chars, s);
  t->decoded_chars_used = 0;
}

Value unicode_error(bool decoding, const rt::CodecError& e, Value object) {
  Value args[5] = {str_from_utf8(e.encoding), object, Value::small(int64_t(e.start)),
                   Value::small(int64_t(e.end)), str_from_utf8(e.reason)};
  Value ex = new_exception(decoding ? exc::UnicodeDecodeError : exc::UnicodeEncodeError, args, 5);
  if (ex) set_error(ex.object());
  return {};
}

// Decodes `input` continuing from state `d`: the text (newline step
// included when reading universally), or null with an exception.
Str* decode_with(TextIO* t, DecState* d, std::string_view input, bool final) {
  std::string joined;
  std::string_view in = input;
  if (d->npending) {
    joined.assign(reinterpret_cast<const char*>(d->pending), d->npending);
    joined.append(input);
    in = joined;
  }
  if (d->sig_first) {
    static constexpr std::string_view kBom = "\xef\xbb\xbf";
    if (in.size() < 3 && kBom.substr(0, in.size()) == in) {
      // Not enough bytes to tell: keep them (utf_8_sig's decoder does so even when final).
      std::memcpy(d->pending, in.data(), in.size());
      d->npending = uint8_t(in.size());
      Str* empty = str_empty();
      if (t->readuniversal) return newline_step(&d->pendingcr, &d->seennl, t->readtranslate, empty, final);
      return empty;
    }
    d->sig_first = false;
    if (in.substr(0, 3) == kBom) in = in.substr(3);
    d->npending = 0;
  }
  Str* out = nullptr;
  bool ascii_fast = !t->py_decoder && (d->codec == rt::Codec::kUtf8 || d->codec == rt::Codec::kAscii ||
                                       d->codec == rt::Codec::kLatin1);
  size_t i = 0;
  if (ascii_fast) {
    while (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80) i++;
  }
  if (t->py_decoder) {
    Value r = call_m(t->py_decoder, "decode", {bytes_from(in), py_bool(final)});
    if (!r) return nullptr;
    if (!is_str(r)) {
      raisef(exc::TypeError, "decoder should return a string result, not '%s'", type_name(r).c_str());
      return nullptr;
    }
    out = r.as<Str>();
    d->npending = 0;
  } else if (ascii_fast && i == in.size()) {
    out = str_from_ascii(in);
    d->npending = 0;
  } else if (d->codec == rt::Codec::kLatin1) {
    out = str_from_latin1(reinterpret_cast<const uint8_t*>(in.data()), in.size());
    d->npending = 0;
  } else {
    // A handler registered with codecs.register_error is called with the
    // chunk being decoded, as the codec's incremental decoder would be.
    rt::ErrorHandler h = t->handler;
    bool custom = h == rt::ErrorHandler::kCustom;
    Value input = custom ? Value(bytes_from(in)) : Value();
    CodecErrorCallback callback(t->errors, true, input, in.size());
    rt::CustomDecodeHandler fn = callback.decoder();
    rt::DecodeResult r = rt::decode(d->codec, in, h, final, custom ? &fn : nullptr);
    if (r.status != rt::CodecStatus::kOk) {
      if (r.status == rt::CodecStatus::kUnicodeError) {
        unicode_error(true, r.error, input ? input : Value(bytes_from(in)));
      } else if (r.status == rt::CodecStatus::kTypeError) {
        raise(exc::TypeError, r.error.reason);
      }
      return nullptr;
    }
    d->codec = r.resolved;
    size_t rest = in.size() - r.consumed;
    if (rest > sizeof(d->pending)) rest = sizeof(d->pending);
    std::memcpy(d->pending, in.data() + r.consumed, rest);
    d->npending = uint8_t(rest);
    out = str_from_u32(r.text);
  }
  if (!out) return nullptr;
  if (t->readuniversal) out = newline_step(&d->pendingcr, &d->seennl, t->readtranslate, out, final);
  return out;
}

// The flags of decoder.getstate(): the codec decoder's (utf-8-sig's
// `first`, else 0), shifted left by IncrementalNewlineDecoder with its
// pending '\r' in bit 0 when reading universally.
int64_t dec_flags(TextIO* t, const DecState& d) {
  int64_t codec_flag = d.sig_first ? 1 : 0;
  if (!t->readuniversal) return codec_flag;
  return (codec_flag << 1) | (d.pendingcr ? 1 : 0);
}

void dec_reset(TextIO* t, DecState* d) {
  d->npending = 0;
  d->pendingcr = false;
  d->seennl = 0;
  d->codec = t->codec;
  d->sig_first = t->sig;
}

// setstate((b'', flags)).
void dec_setstate(TextIO* t, DecState* d, int64_t flags) {
  d->npending = 0;
  if (t->readuniversal) {
    d->pendingcr = flags & 1;
    flags >>= 1;
  }
  d->sig_first = t->sig && (flags & 1);
}

// ---- writing --------------------------------------------------------------------------------

bool write_to_buffer(TextIO* t, const uint8_t* data, int64_t n) {
  if (t->fast_buffer) return buffered_write_fast(t->buffer, data, n);
  Value b = bytes_from(data, size_t(n));
  return static_cast<bool>(call_m(t->buffer, "write", {b}));
}

bool writeflush(TextIO* t) {
  if (!t->pending_len) return true;
  int64_t n = t->pending_len;
  t->pending_len = 0;
  // The bytes are copied out first: buffer.write() may run Python code
  // that writes to this wrapper again.
  if (t->fast_buffer) return buffered_write_fast(t->buffer, t->pending->data(), n);
  Value b = bytes_from(t->pending->data(), size_t(n));
  return static_cast<bool>(call_m(t->buffer, "write", {b}));
}

bool append_pending(TextIO* t, const uint8_t* data, int64_t n) {
  if (t->pending_len + n > t->chunk_size) {
    if (!writeflush(t)) return false;
    if (n >= t->chunk_size) return write_to_buffer(t, data, n);
  }
  if (!t->pending || t->pending->length < t->chunk_size) {
    Bytes* nb = bytes_new_raw(t->chunk_size);
    if (!nb) return false;
    if (t->pending_len) std::memcpy(nb->data(), t->pending->data(), size_t(t->pending_len));
    gc::store_ref(t, &t->pending, nb);
  }
  std::memcpy(t->pending->data() + t->pending_len, data, size_t(n));
  t->pending_len += n;
  return true;
}

// Encodes text (already newline-translated) into pending.
bool encode_append(TextIO* t, Str* text) {
  rt::Codec c = t->codec;
  if (t->sig && t->sig_encoder_first && text->length) {
    if (!append_pending(t, reinterpret_cast<const uint8_t*>("\xef\xbb\xbf"), 3)) return false;
    t->sig_encoder_first = false;
  }
  if (t->py_encoder) {
    Value r = call_m(t->py_encoder, "encode", {text});
    if (!r) return false;
    if (!is_bytes(r)) {
      raisef(exc::TypeError, "encoder should return a bytes object, not '%s'", type_name(r).c_str());
      return false;
    }
    t->encoding_start_of_stream = false;
    std::string_view b = r.as<Bytes>()->view();
    return append_pending(t, reinterpret_cast<const uint8_t*>(b.data()), int64_t(b.size()));
  }
  if (text->ascii && (c == rt::Codec::kUtf8 || c == rt::Codec::kAscii || c == rt::Codec::kLatin1)) {
    return append_pending(t, text->data(), text->length);
  }
  if (c == rt::Codec::kUtf16 || c == rt::Codec::kUtf32) {
    if (!t->encoding_start_of_stream) c = c == rt::Codec::kUtf16 ? rt::Codec::kUtf16Le : rt::Codec::kUtf32Le;
  }
  std::u32string u = str_to_u32(text);
  rt::ErrorHandler h = t->handler;
  CodecErrorCallback callback(t->errors, false, text, u.size());
  rt::CustomEncodeHandler fn = callback.encoder();
  rt::EncodeResult r = rt::encode(c, u, h, h == rt::ErrorHandler::kCustom ? &fn : nullptr);
  if (r.status != rt::CodecStatus::kOk) {
    if (r.status == rt::CodecStatus::kUnicodeError) {
      unicode_error(false, r.error, text);
    } else if (r.status == rt::CodecStatus::kTypeError) {
      raise(exc::TypeError, r.error.reason);
    }
    return false;
  }
  t->encoding_start_of_stream = false;
  return append_pending(t, reinterpret_cast<const uint8_t*>(r.bytes.data()), int64_t(r.bytes.size()));
}

Value textio_write(Value self, const Value* args, size_t, Tuple*) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  Value text_v = args[0];
  if (!is_str(text_v)) {
    return raisef(exc::TypeError, "write() argument must be str, not %s", type_name(text_v).c_str());
  }
  if (!text_check_closed(self, t)) return {};
  if (!t->has_encoder) return raise_unsupported("not writable");
  Str* text = text_v.as<Str>();
  int64_t textlen = text->length;
  bool haslf = false, hascr = false;
  if ((t->writetranslate && t->writenl) || t->line_buffering) {
    for (int64_t i = 0; i < textlen; i++) {
      char32_t c = text->at(i);
      if (c == '\n') haslf = true;
      if (c == '\r') hascr = true;
    }
  }
  if (haslf && t->writetranslate && t->writenl) {
    std::u32string u = str_to_u32(text);
    std::u32string nl = str_to_u32(t->writenl);
    std::u32string out;
    for (char32_t c : u) {
      if (c == '\n')
        out += nl;
      else
        out += c;
    }
    text = str_from_u32(out);
    if (!hascr) {
      for (char32_t c : nl)
        if (c == '\r') hascr = true;
    }
  }
  bool needflush = t->line_buffering && (haslf || hascr);
  if (!encode_append(t, text)) return {};
  if (t->pending_len >= t->chunk_size || needflush || t->write_through) {
    if (!writeflush(t)) return {};
  }
  if (needflush) {
    if (t->fast_buffer) {
      if (!buffered_flush_fast(t->buffer)) return {};
    } else if (!call_m(t->buffer, "flush")) {
      return {};
    }
  }
  if (t->decoded_chars) set_decoded(t, nullptr);
  t->has_snapshot = false;
  if (t->has_decoder) dec_reset(t, &t->dec);
  return int_from_i64(textlen);
}

// ---- reading --------------------------------------------------------------------------------

// Reads and decodes one chunk: 1 data, 0 EOF, -1 error.
int read_chunk(TextIO* t, int64_t size_hint) {
  int64_t flags = 0;
  std::string dec_buffer;
  if (t->telling) {
    flags = dec_flags(t, t->dec);
    dec_buffer.assign(reinterpret_cast<const char*>(t->dec.pending), t->dec.npending);
  }
  if (size_hint > 0) {
    double r = t->b2cratio > 1.0 ? t->b2cratio : 1.0;
    size_hint = int64_t(r * double(size_hint));
  }
  int64_t n = t->chunk_size > size_hint ? t->chunk_size : size_hint;
  Value chunk = call_m(t->buffer, t->has_read1 ? "read1" : "read", {int_from_i64(n)});
  if (!chunk) return -1;
  BufferView view;
  if (!get_buffer(chunk, &view)) {
    raisef(exc::TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
           t->has_read1 ? "read1" : "read", type_name(chunk).c_str());
    return -1;
  }
  std::string_view input(reinterpret_cast<const char*>(view.data), size_t(view.length));
  bool eof = input.empty();
  Str* decoded = decode_with(t, &t->dec, input, eof);
  if (!decoded) return -1;
  set_decoded(t, decoded);
  if (decoded->length > 0)
    t->b2cratio = double(input.size()) / double(decoded->length);
  else
    t->b2cratio = 0.0;
  if (decoded->length > 0) eof = false;
  if (t->telling) {
    dec_buffer.append(input);
    Bytes* snap = bytes_from(dec_buffer);
    if (!snap) return -1;
    gc::store_ref(t, &t->snapshot_input, snap);
    t->snapshot_flags = flags;
    t->has_snapshot = true;
  }
  return eof ? 0 : 1;
}

int64_t decoded_remaining(TextIO* t) {
  return t->decoded_chars ? t->decoded_chars->length - t->decoded_chars_used : 0;
}

// Takes up to n (-1: all) decoded characters.
Str* take_decoded(TextIO* t, int64_t n) {
  int64_t avail = decoded_remaining(t);
  if (n < 0 || n > avail) n = avail;
  if (n == 0) return str_empty();
  Str* r = str_substr(t->decoded_chars, t->decoded_chars_used, t->decoded_chars_used + n);
  t->decoded_chars_used += n;
  return r;
}

bool prepare_text_read(Value self, TextIO* t) {
  if (!check_attached(t)) return false;
  if (!text_check_closed(self, t)) return false;
  if (!t->has_decoder) {
    raise_unsupported("not readable");
    return false;
  }
  return writeflush(t);
}

Value textio_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 0, 1)) return {};
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  int64_t n = -1;
  if (nargs && !size_arg(args[0], &n)) return {};
  if (!prepare_text_read(self, t)) return {};
  if (n < 0) {
    Value all = call_m(t->buffer, "read");
    if (!all) return {};
    BufferView view;
    if (is_none(all) || !get_buffer(all, &view)) {
      return raisef(exc::TypeError, "underlying read() should have returned a bytes object, not '%s'",
                    type_name(all).c_str());
    }
    Str* head = take_decoded(t, -1);
    Str* rest = decode_with(t, &t->dec, std::string_view(reinterpret_cast<const char*>(view.data), size_t(view.length)), true);
    if (!rest) return {};
    set_decoded(t, nullptr);
    t->has_snapshot = false;
    return head->length ? str_concat(head, rest) : rest;
  }
  Str* result = take_decoded(t, n);
  if (result->length >= n) return result;
  std::u32string acc = str_to_u32(result);
  while (int64_t(acc.size()) < n) {
    int r = read_chunk(t, n - int64_t(acc.size()));
    if (r < 0) return {};
    Str* more = take_decoded(t, n - int64_t(acc.size()));
    std::u32string m = str_to_u32(more);
    acc += m;
    if (r == 0) break;
  }
  return str_from_u32(acc);
}

// CPython's _PyIO_find_line_ending over s[start:): the end of the line
// (exclusive, an index of s) or -1, with *consumed the index up to which
// the text can be put aside (a final '\r' or a partial separator waits for
// the next chunk).
int64_t find_line_ending(TextIO* t, const Str* s, int64_t start, int64_t* consumed) {
  int64_t end = s->length;
  if (t->readtranslate) {
    if (s->kind == 1) {
      const uint8_t* d = s->data();
      const void* nl = std::memchr(d + start, '\n', size_t(end - start));
      if (nl) return int64_t(static_cast<const uint8_t*>(nl) - d) + 1;
    } else {
      for (int64_t i = start; i < end; i++)
        if (s->at(i) == '\n') return i + 1;
    }
    *consumed = end;
    return -1;
  }
  if (t->readuniversal) {
    for (int64_t i = start; i < end; i++) {
      char32_t c = s->at(i);
      if (c == '\n') return i + 1;
      if (c == '\r') {
        if (i + 1 < end) return s->at(i + 1) == '\n' ? i + 2 : i + 1;
        *consumed = i;
        return -1;
      }
    }
    *consumed = end;
    return -1;
  }
  const Str* nl = t->readnl;
  int64_t k = nl->length;
  char32_t first = nl->at(0);
  for (int64_t i = start; i + k <= end; i++) {
    if (s->at(i) != first) continue;
    int64_t j = 1;
    while (j < k && s->at(i + j) == nl->at(j)) j++;
    if (j == k) return i + k;
  }
  *consumed = end - (k - 1) > start ? end - (k - 1) : start;
  return -1;
}

// CPython's _textiowrapper_readline.
Value readline_impl(Value self, TextIO* t, int64_t limit) {
  if (!prepare_text_read(self, t)) return {};
  std::u32string chunks;   // text put aside while no line end was seen
  Str* line = nullptr;
  Str* remaining = nullptr;
  int64_t start = 0, endpos = 0, offset_to_buffer = 0;
  for (;;) {
    int res = 1;
    while (!t->decoded_chars || t->decoded_chars->length == 0) {
      res = read_chunk(t, 0);
      if (res < 0) return {};
      if (res == 0) break;
    }
    if (res == 0) {
      set_decoded(t, nullptr);
      t->has_snapshot = false;
      start = endpos = offset_to_buffer = 0;
      break;
    }
    if (!remaining) {
      line = t->decoded_chars;
      start = t->decoded_chars_used;
      offset_to_buffer = 0;
    } else {
      line = str_concat(remaining, t->decoded_chars);
      if (!line) return {};
      start = 0;
      offset_to_buffer = remaining->length;
      remaining = nullptr;
    }
    int64_t chunked = int64_t(chunks.size());
    int64_t consumed = 0;
    int64_t e = find_line_ending(t, line, start, &consumed);
    if (e >= 0) {
      endpos = e;
      if (limit >= 0 && (endpos - start) + chunked >= limit) endpos = start + limit - chunked;
      break;
    }
    endpos = consumed;
    if (limit >= 0 && (endpos - start) + chunked >= limit) {
      endpos = start + limit - chunked;
      break;
    }
    for (int64_t i = start; i < endpos; i++) chunks += line->at(i);
    if (endpos < line->length) {
      remaining = str_substr(line, endpos, line->length);
      if (!remaining) return {};
    }
    line = nullptr;
    set_decoded(t, nullptr);
  }
  if (line) {
    t->decoded_chars_used = endpos - offset_to_buffer;
    if (chunks.empty() && !remaining) {
      if (start == 0 && endpos == line->length) return line;
      return str_substr(line, start, endpos);
    }
  }
  if (remaining) chunks += str_to_u32(remaining);
  if (line) {
    for (int64_t i = start; i < endpos; i++) chunks += line->at(i);
  }
  return str_from_u32(chunks);
}

Value textio_readline(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readline", nargs, 0, 1)) return {};
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  int64_t limit = -1;
  if (nargs) {
    if (!is_none(args[0]) && !is_int(args[0]) && !lookup_special(args[0], names::__index__)) {
      return raisef(exc::TypeError, "argument should be integer or None, not '%s'", type_name(args[0]).c_str());
    }
    if (!size_arg(args[0], &limit)) return {};
  }
  return readline_impl(self, t, limit);
}

Value textio_next(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  t->telling = false;
  Value line;
  if (type_of(self) == g_textiowrapper) {
    line = readline_impl(self, t, -1);
  } else {
    line = call_m(self, "readline");
    if (line && !is_str(line)) {
      return raisef(exc::OSError, "readline() should have returned a str object, not '%s'", type_name(line).c_str());
    }
  }
  if (!line) return {};
  if (line.as<Str>()->length == 0) {
    t->has_snapshot = false;
    t->telling = t->seekable;
    return {};
  }
  return line;
}

// ---- positioning ------------------------------------------------------------------------------

// The cookie is CPython's C struct read as one little-endian integer:
// start_pos (64 bits), dec_flags, bytes_to_feed, chars_to_skip (32 each),
// need_eof (8).
Value shifted(Value base, int64_t v, int shift) {
  if (!base || v == 0) return base;
  Value x = int_from_i64(v);
  if (!x) return {};
  Value s = binary_op(BinaryOp::kLshift, x, Value::small(shift));
  if (!s) return {};
  return binary_op(BinaryOp::kOr, base, s);
}

Value pack_cookie(int64_t position, int64_t flags, int64_t bytes_to_feed = 0, bool need_eof = false,
                  int64_t chars_to_skip = 0) {
  Value c = int_from_i64(position);
  c = shifted(c, flags & 0xffffffff, 64);
  c = shifted(c, bytes_to_feed & 0xffffffff, 96);
  c = shifted(c, chars_to_skip & 0xffffffff, 128);
  c = shifted(c, need_eof ? 1 : 0, 160);
  return c;
}

// out: start_pos, dec_flags, bytes_to_feed, chars_to_skip, need_eof.
bool unpack_cookie(Value cookie, int64_t out[5]) {
  static const int kShift[5] = {0, 64, 96, 128, 160};
  static const int kBits[5] = {64, 32, 32, 32, 8};
  for (int i = 0; i < 5; i++) {
    Value part = kShift[i] ? binary_op(BinaryOp::kRshift, cookie, Value::small(kShift[i])) : cookie;
    if (!part) return false;
    Value mask = binary_op(BinaryOp::kSub, binary_op(BinaryOp::kLshift, Value::small(1), Value::small(kBits[i])),
                           Value::small(1));
    if (!mask) return false;
    part = binary_op(BinaryOp::kAnd, part, mask);
    if (!part) return false;
    auto v = int_to_i64(part);
    if (!v) {
      raise(exc::OverflowError, "Python int too large to convert to C long");
      return false;
    }
    out[i] = *v;
    if (i > 0 && i < 4) out[i] = int32_t(uint32_t(out[i]));  // C ints
  }
  return true;
}

bool text_flush_all(Value self, TextIO* t) {
  return static_cast<bool>(call_m(self, "flush"));
}

Value textio_tell(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = tio(self);
  if (!check_attached(t) || !text_check_closed(self, t)) return {};
  if (!t->seekable) return raise_unsupported("underlying stream is not seekable");
  if (!t->telling) return raise(exc::OSError, "telling position disabled by next() call");
  if (!writeflush(t)) return {};
  if (!text_flush_all(self, t)) return {};
  Value pos_v = call_m(t->buffer, "tell");
  if (!pos_v) return {};
  if (!t->has_decoder || !t->has_snapshot) return pos_v;
  int64_t position;
  if (!arg_ssize(pos_v, &position)) return {};
  int64_t flags = t->snapshot_flags;
  std::string next_input(t->snapshot_input->view());
  position -= int64_t(next_input.size());
  int64_t chars_to_skip = t->decoded_chars_used;
  if (chars_to_skip == 0) return pack_cookie(position, flags);
  DecState d = t->dec;
  d.seennl = t->dec.seennl;
  auto decode_len = [&](std::string_view in, bool final, int64_t* n) -> bool {
    Str* s = decode_with(t, &d, in, final);
    if (!s) return false;
    *n = s->length;
    return true;
  };
  int64_t skip_bytes = int64_t(t->b2cratio * double(chars_to_skip));
  int64_t skip_back = 1;
  if (skip_bytes > int64_t(next_input.size())) skip_bytes = int64_t(next_input.size());
  bool found = false;
  while (skip_bytes > 0) {
    dec_reset(t, &d);
    dec_setstate(t, &d, flags);
    int64_t n;
    if (!decode_len(std::string_view(next_input).substr(0, size_t(skip_bytes)), false, &n)) return {};
    if (n <= chars_to_skip) {
      if (d.npending == 0) {
        flags = dec_flags(t, d);
        chars_to_skip -= n;
        found = true;
        break;
      }
      skip_bytes -= d.npending;
      skip_back = 1;
    } else {
      skip_bytes -= skip_back;
      skip_back *= 2;
    }
  }
  if (!found) {
    skip_bytes = 0;
    dec_reset(t, &d);
    dec_setstate(t, &d, flags);
  }
  int64_t start_pos = position + skip_bytes;
  int64_t start_flags = flags;
  if (chars_to_skip == 0) return pack_cookie(start_pos, start_flags);
  int64_t bytes_fed = 0;
  bool need_eof = false;
  int64_t chars_decoded = 0;
  size_t i = size_t(skip_bytes);
  for (; i < next_input.size(); i++) {
    bytes_fed++;
    int64_t n;
    if (!decode_len(std::string_view(next_input).substr(i, 1), false, &n)) return {};
    chars_decoded += n;
    if (d.npending == 0 && chars_decoded <= chars_to_skip) {
      start_pos += bytes_fed;
      chars_to_skip -= chars_decoded;
      start_flags = dec_flags(t, d);
      bytes_fed = 0;
      chars_decoded = 0;
    }
    if (chars_decoded >= chars_to_skip) break;
  }
  if (i >= next_input.size()) {
    int64_t n;
    if (!decode_len("", true, &n)) return {};
    chars_decoded += n;
    need_eof = true;
    if (chars_decoded < chars_to_skip) return raise(exc::OSError, "can't reconstruct logical file position");
  }
  return pack_cookie(start_pos, start_flags, bytes_fed, need_eof, chars_to_skip);
}

Value textio_seek(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("seek", nargs, 1, 2)) return {};
  TextIO* t = tio(self);
  if (!check_attached(t) || !text_check_closed(self, t)) return {};
  Value cookie = args[0];
  int whence = 0;
  if (nargs == 2 && !arg_int(args[1], &whence)) return {};
  if (!t->seekable) return raise_unsupported("underlying stream is not seekable");
  if (whence == 1) {
    int z = compare_bool(cookie, Value::small(0), CompareOp::kEq);
    if (z < 0) return {};
    if (!z) return raise_unsupported("can't do nonzero cur-relative seeks");
    cookie = call_m(self, "tell");
    if (!cookie) return {};
    whence = 0;
  } else if (whence == 2) {
    int z = compare_bool(cookie, Value::small(0), CompareOp::kEq);
    if (z < 0) return {};
    if (!z) return raise_unsupported("can't do nonzero end-relative seeks");
    if (!call_m(self, "flush")) return {};
    set_decoded(t, nullptr);
    t->has_snapshot = false;
    if (t->has_decoder) dec_reset(t, &t->dec);
    Value r = call_m(t->buffer, "seek", {Value::small(0), Value::small(2)});
    if (!r) return {};
    if (t->has_encoder) t->encoding_start_of_stream = t->sig_encoder_first = false;
    return r;
  } else if (whence != 0) {
    return raisef(exc::ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  }
  int neg = compare_bool(cookie, Value::small(0), CompareOp::kLt);
  if (neg < 0) return {};
  if (neg) {
    Value r = repr(cookie);
    if (!r) return {};
    return raisef(exc::ValueError, "negative seek position %s", str_to_utf8(r.as<Str>()).c_str());
  }
  if (!call_m(self, "flush")) return {};
  Value ci = index(cookie);
  if (!ci) return {};
  int64_t parts[5];
  if (!unpack_cookie(ci, parts)) return {};
  int64_t start_pos = parts[0], flags = parts[1], bytes_to_feed = parts[2], chars_to_skip = parts[3];
  bool need_eof = parts[4] != 0;
  if (!call_m(t->buffer, "seek", {int_from_i64(start_pos)})) return {};
  set_decoded(t, nullptr);
  t->has_snapshot = false;
  if (t->has_decoder) {
    if (start_pos == 0 && flags == 0 && bytes_to_feed == 0 && chars_to_skip == 0 && !need_eof) {
      dec_reset(t, &t->dec);
    } else {
      dec_reset(t, &t->dec);
      dec_setstate(t, &t->dec, flags);
      Bytes* empty = bytes_empty();
      gc::store_ref(t, &t->snapshot_input, empty);
      t->snapshot_flags = flags;
      t->has_snapshot = true;
    }
  }
  if (chars_to_skip) {
    Value input = call_m(t->buffer, "read", {int_from_i64(bytes_to_feed)});
    if (!input) return {};
    BufferView view;
    if (!get_buffer(input, &view)) {
      return raisef(exc::TypeError, "underlying read() should have returned a bytes object, not '%s'",
                    type_name(input).c_str());
    }
    std::string_view in(reinterpret_cast<const char*>(view.data), size_t(view.length));
    Str* decoded = decode_with(t, &t->dec, in, need_eof);
    if (!decoded) return {};
    set_decoded(t, decoded);
    Bytes* snap = bytes_from(in);
    gc::store_ref(t, &t->snapshot_input, snap);
    t->snapshot_flags = flags;
    t->has_snapshot = true;
    if (decoded->length < chars_to_skip) return raise(exc::OSError, "can't restore logical file position");
    t->decoded_chars_used = chars_to_skip;
  }
  if (t->has_encoder) {
    // encoder.reset() at the start of the stream, else setstate(0).
    bool start = start_pos == 0 && flags == 0;
    t->encoding_start_of_stream = start;
    t->sig_encoder_first = start && t->sig;
  }
  return cookie;
}

Value textio_truncate(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("truncate", nargs, 0, 1)) return {};
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  if (!call_m(self, "flush")) return {};
  Value pos = nargs ? args[0] : none();
  return call_m(t->buffer, "truncate", {pos});
}

// ---- the rest ---------------------------------------------------------------------------------

Value textio_flush(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = tio(self);
  if (!check_attached(t) || !text_check_closed(self, t)) return {};
  t->telling = t->seekable;
  if (!writeflush(t)) return {};
  if (t->fast_buffer) {
    if (!buffered_flush_fast(t->buffer)) return {};
    return none();
  }
  return call_m(t->buffer, "flush");
}

Value textio_close(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  int c = is_closed(self);
  if (c < 0) return {};
  if (c) return none();
  if (t->finalizing) {
    if (!call_m(t->buffer, "_dealloc_warn", {self})) clear_error();
  }
  Value r = call_m(self, "flush");
  Object* flush_error = r ? nullptr : take_error();
  Value cr = call_m(t->buffer, "close");
  if (!cr) {
    if (flush_error) {
      Object* e = take_error();
      exception_set_context(e, flush_error);
      set_error(e);
    }
    return {};
  }
  if (flush_error) {
    set_error(flush_error);
    return {};
  }
  return cr;
}

Value textio_detach(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  if (!call_m(self, "flush")) return {};
  Value b = t->buffer;
  set_wrapped(b, false);
  t->buffer = none();
  t->ok = false;
  t->detached = true;
  return b;
}

Value text_delegate(Value self, const char* name) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return call_m(t->buffer, name);
}
Value textio_fileno(Value self, const Value*, size_t, Tuple*) { return text_delegate(self, "fileno"); }
Value textio_seekable(Value self, const Value*, size_t, Tuple*) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return py_bool(t->seekable);
}
Value textio_readable(Value self, const Value*, size_t, Tuple*) { return text_delegate(self, "readable"); }
Value textio_writable(Value self, const Value*, size_t, Tuple*) { return text_delegate(self, "writable"); }
Value textio_isatty(Value self, const Value*, size_t, Tuple*) { return text_delegate(self, "isatty"); }

Value textio_repr(Value self) {
  TextIO* t = tio(self);
  std::string tname = type_name_of(type_of(self));
  if (!t->ok) return str_format("<%s>", tname.c_str());
  if (repr_enter(self)) return raisef(exc::RuntimeError, "reentrant call inside %s.__repr__", tname.c_str());
  std::string out = "<" + tname;
  static Str* const kName = intern("name");
  static Str* const kMode = intern("mode");
  Value name = get_attr_or_null(self, kName);
  if (!name && has_error()) {
    if (!error_matches(exc::ValueError)) {
      repr_leave(self);
      return {};
    }
    clear_error();
  }
  if (name) {
    Value r = repr(name);
    if (!r) {
      repr_leave(self);
      return {};
    }
    out += " name=" + str_to_utf8(r.as<Str>());
  }
  Value mode = get_attr_or_null(self, kMode);
  if (!mode && has_error()) {
    repr_leave(self);
    return {};
  }
  if (mode) {
    Value r = repr(mode);
    if (!r) {
      repr_leave(self);
      return {};
    }
    out += " mode=" + str_to_utf8(r.as<Str>());
  }
  Value er = repr(t->encoding);
  repr_leave(self);
  if (!er) return {};
  out += " encoding=" + str_to_utf8(er.as<Str>()) + ">";
  return str_from_utf8(out);
}

// Validates and applies encoding/errors/newline (also reconfigure()).
bool set_newline(TextIO* t, Value newline) {
  Str* nl = nullptr;
  if (newline && !is_none(newline)) {
    nl = newline.as<Str>();
  }
  t->readuniversal = !nl || nl->length == 0;
  t->readtranslate = !nl;
  gc::store_ref(t, &t->readnl, nl && nl->length ? nl : nullptr);
  t->writetranslate = !nl || nl->length != 0;
  Str* writenl = nullptr;
  if (!t->readuniversal && nl) {
    if (!(nl->length == 1 && nl->at(0) == '\n')) writenl = nl;
  }
  gc::store_ref(t, &t->writenl, writenl);
  return true;
}

bool check_newline(Value newline, const char* fname) {
  if (!newline || is_none(newline)) return true;
  if (!is_str(newline)) {
    raisef(exc::TypeError, "%s() argument 'newline' must be str or None, not %s", fname,
           type_name(newline).c_str());
    return false;
  }
  std::string n = str_to_utf8(newline.as<Str>());
  if (n.find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  if (n != "" && n != "\n" && n != "\r" && n != "\r\n") {
    raisef(exc::ValueError, "illegal newline value: %s", n.c_str());
    return false;
  }
  return true;
}

// A codec of the encodings package (CPython's _PyCodec_LookupTextEncoding
// with "codecs.open()"): its incremental decoder and encoder objects, for
// the stateless ones (not Buffered*: the charmap codecs). A stateful one
// would need its getstate/setstate in tell/seek, which is not done.
bool set_python_codec(TextIO* t, Str* enc, Str* errs) {
  Value info = codec_lookup(enc);
  if (!info) return false;
  static Str* const kIsText = intern("_is_text_encoding");
  if (!is_exact_tuple(info)) {
    Value attr = get_attr_or_null(info, kIsText);
    if (has_error()) return false;
    if (attr) {
      int v = truth(attr);
      if (v < 0) return false;
      if (!v) {
        raisef(exc::LookupError, "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs",
               str_to_utf8(enc).c_str());
        return false;
      }
    }
  }
  static Str* const kCodecs = intern("codecs");
  Value codecs = import_module_level(kCodecs, none(), tuple_empty(), 0);
  if (!codecs) return false;
  Value dec_cls = get_attr_str(info, "incrementaldecoder");
  Value enc_cls = dec_cls ? get_attr_str(info, "incrementalencoder") : Value();
  Value buffered = enc_cls ? get_attr_str(codecs, "BufferedIncrementalDecoder") : Value();
  if (!buffered) return false;
  int stateful = is_none(dec_cls) ? 1 : issubclass_full(dec_cls, buffered);
  if (stateful < 0) return false;
  if (stateful) {
    raisef(exc::LookupError, "unknown encoding: %s (Pyrite's TextIOWrapper runs only stateless Python codecs)",
           str_to_utf8(enc).c_str());
    return false;
  }
  Value d = call1(dec_cls, errs);
  Value e = d && !is_none(enc_cls) ? call1(enc_cls, errs) : Value();
  if (!d || !e) return false;
  t->py_decoder = d;
  gc::write_barrier(t, &t->py_decoder, d.object());
  t->py_encoder = e;
  gc::write_barrier(t, &t->py_encoder, e.object());
  return true;
}

bool set_codec(TextIO* t, Value encoding, Value errors) {
  Str* enc;
  if (!encoding || is_none(encoding)) {
    enc = locale_encoding();
  } else {
    enc = encoding.as<Str>();
    if (str_to_utf8(enc) == "locale") enc = locale_encoding();
  }
  std::string name = str_to_utf8(enc);
  if (name.find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  std::optional<rt::Codec> codec = rt::lookup_codec(str_to_u32(enc));
  std::string norm = name;
  for (char& c : norm) {
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c == '-' || c == ' ') c = '_';
  }
  t->sig = norm == "utf_8_sig" || norm == "utf8_sig";
  if (t->sig) codec = rt::Codec::kUtf8;
  t->py_decoder = Value();
  t->py_encoder = Value();
  Str* errs0 = errors && !is_none(errors) ? errors.as<Str>() : intern("strict");
  if (!codec) {
    if (!set_python_codec(t, enc, errs0)) return false;
    codec = rt::Codec::kLatin1;  // a placeholder: py_decoder/py_encoder do the work
  }
  if (*codec == rt::Codec::kUnicodeEscape || *codec == rt::Codec::kRawUnicodeEscape) {
    // Text codecs for TextIOWrapper are the byte<->str ones CPython allows.
  }
  Str* errs = errors && !is_none(errors) ? errors.as<Str>() : intern("strict");
  auto h = rt::lookup_error_handler(str_to_utf8(errs));
  t->handler = h ? *h : rt::ErrorHandler::kCustom;
  t->codec = *codec;
  gc::store_ref(t, &t->encoding, (!encoding || is_none(encoding) || str_to_utf8(encoding.as<Str>()) == "locale")
                                     ? enc
                                     : encoding.as<Str>());
  gc::store_ref(t, &t->errors, errs);
  return true;
}

// CPython's _textiowrapper_fix_encoder_state: a fresh encoder writes its
// BOM (utf-16/32 only when seekable, as CPython's fast encoders) unless the
// stream is seekable and not at its start.
bool fix_encoder_state(TextIO* t) {
  t->encoding_start_of_stream = false;
  t->sig_encoder_first = t->sig;
  if (!t->seekable || !t->has_encoder) return true;
  t->encoding_start_of_stream = true;
  Value pos = call_m(t->buffer, "tell");
  if (!pos) return false;
  int z = compare_bool(pos, Value::small(0), CompareOp::kEq);
  if (z < 0) return false;
  if (!z) t->encoding_start_of_stream = t->sig_encoder_first = false;
  return true;
}

bool textio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                       "write_through", nullptr};
  Value buffer, encoding, errors, newline, line_buffering, write_through;
  ArgSpec spec{"TextIOWrapper", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames,
                  {&buffer, &encoding, &errors, &newline, &line_buffering, &write_through}))
    return false;
  TextIO* t = tio(self);
  t->ok = false;
  t->detached = false;
  if (encoding && !is_none(encoding) && !is_str(encoding)) {
    raisef(exc::TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
           type_name(encoding).c_str());
    return false;
  }
  if (errors && !is_none(errors) && !is_str(errors)) {
    raisef(exc::TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
           type_name(errors).c_str());
    return false;
  }
  if (!check_newline(newline, "TextIOWrapper")) return false;
  bool lb = false, wt = false;
  if (line_buffering) {
    int v = truth(line_buffering);
    if (v < 0) return false;
    lb = v;
  }
  if (write_through) {
    int v = truth(write_through);
    if (v < 0) return false;
    wt = v;
  }
  if (!set_codec(t, encoding, errors)) return false;
  set_newline(t, newline);
  t->line_buffering = lb;
  t->write_through = wt;
  t->chunk_size = 8192;
  set_decoded(t, nullptr);
  t->has_snapshot = false;
  t->pending_len = 0;
  t->b2cratio = 0.0;
  t->buffer = buffer;
  gc::write_barrier(t, &t->buffer, buffer.is_object() ? buffer.object() : nullptr);
  Value r = call_m(buffer, "readable");
  if (!r) return false;
  int v = truth(r);
  if (v < 0) return false;
  t->has_decoder = v;
  r = call_m(buffer, "writable");
  if (!r) return false;
  v = truth(r);
  if (v < 0) return false;
  t->has_encoder = v;
  dec_reset(t, &t->dec);
  Type* bt = type_of(buffer);
  t->fast_buffer = bt == g_buffered_writer || bt == g_buffered_random;
  r = call_m(buffer, "seekable");
  if (!r) return false;
  v = truth(r);
  if (v < 0) return false;
  t->seekable = t->telling = v;
  static Str* const kRead1 = intern("read1");
  Value read1 = get_attr_or_null(buffer, kRead1);
  if (has_error()) return false;
  t->has_read1 = static_cast<bool>(read1);
  if (!fix_encoder_state(t)) return false;
  t->ok = true;
  if (t->has_encoder) register_exit_flush(t);
  set_wrapped(buffer, true);
  return true;
}

Value textio_reconfigure(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"encoding", "errors", "newline", "line_buffering", "write_through",
                                       nullptr};
  Value encoding, errors, newline, line_buffering, write_through;
  ArgSpec spec{"reconfigure", kNames, 0, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&encoding, &errors, &newline, &line_buffering, &write_through}))
    return {};
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  if (encoding && !is_none(encoding) && !is_str(encoding)) {
    return raisef(exc::TypeError, "reconfigure() argument 'encoding' must be str or None, not %s",
                  type_name(encoding).c_str());
  }
  if (errors && !is_none(errors) && !is_str(errors)) {
    return raisef(exc::TypeError, "reconfigure() argument 'errors' must be str or None, not %s",
                  type_name(errors).c_str());
  }
  if (newline && !check_newline(newline, "reconfigure")) return {};
  if (t->decoded_chars && (encoding || errors || newline) &&
      ((encoding && !is_none(encoding)) || (newline))) {
    return raise_unsupported("It is not possible to set the encoding or newline of stream after the first read");
  }
  if (!call_m(self, "flush")) return {};
  if ((encoding && !is_none(encoding)) || (errors && !is_none(errors))) {
    Value enc = encoding && !is_none(encoding) ? encoding : Value(t->encoding);
    Value errs = errors && !is_none(errors) ? errors
                 : (encoding && !is_none(encoding)) ? Value(str_from_ascii("strict"))
                                                    : Value(t->errors);
    if (!set_codec(t, enc, errs)) return {};
    if (t->has_decoder) dec_reset(t, &t->dec);
    if (!fix_encoder_state(t)) return {};
  }
  if (newline) set_newline(t, newline);
  if (line_buffering && !is_none(line_buffering)) {
    int v = truth(line_buffering);
    if (v < 0) return {};
    t->line_buffering = v;
  }
  if (write_through && !is_none(write_through)) {
    int v = truth(write_through);
    if (v < 0) return {};
    t->write_through = v;
  }
  return none();
}

Value textio_get_encoding(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return t->encoding;
}
Value textio_get_errors(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return t->errors;
}
Value textio_get_buffer(Value self) {
  TextIO* t = tio(self);
  if (!t->ok && !t->detached) return raise(exc::ValueError, "I/O operation on uninitialized object");
  return t->buffer;
}
Value textio_get_line_buffering(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return py_bool(t->line_buffering);
}
Value textio_get_write_through(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return py_bool(t->write_through);
}
Value textio_get_finalizing(Value self) { return py_bool(tio(self)->finalizing); }
Value textio_get_name(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  static Str* const kName = intern("name");
  return get_attr(t->buffer, kName);
}
Value textio_get_closed(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  static Str* const kClosed = intern("closed");
  return get_attr(t->buffer, kClosed);
}
Value textio_get_newlines(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  if (!t->has_decoder || !t->readuniversal) return none();
  return newlines_value(t->dec.seennl);
}
Value textio_get_chunk_size(Value self) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return {};
  return int_from_i64(t->chunk_size);
}
bool textio_set_chunk_size(Value self, Value v) {
  TextIO* t = tio(self);
  if (!check_attached(t)) return false;
  if (!v) {
    raise(exc::AttributeError, "cannot delete attribute");
    return false;
  }
  int64_t n;
  if (!arg_ssize(v, &n)) return false;
  if (n <= 0) {
    raise(exc::ValueError, "a strictly positive integer is required");
    return false;
  }
  if (!writeflush(t)) return false;
  t->chunk_size = n;
  return true;
}

const MethodDef kTextIOMethods[] = {
    {"detach", textio_detach, MethodFlag::kNoArgs},
    {"reconfigure", textio_reconfigure, MethodFlag::kVarArgs | MethodFlag::kKeywords},
    {"write", textio_write, MethodFlag::kOneArg},
    {"read", textio_read, MethodFlag::kVarArgs},
    {"readline", textio_readline, MethodFlag::kVarArgs},
    {"flush", textio_flush, MethodFlag::kNoArgs},
    {"close", textio_close, MethodFlag::kNoArgs},
    {"fileno", textio_fileno, MethodFlag::kNoArgs},
    {"seekable", textio_seekable, MethodFlag::kNoArgs},
    {"readable", textio_readable, MethodFlag::kNoArgs},
    {"writable", textio_writable, MethodFlag::kNoArgs},
    {"isatty", textio_isatty, MethodFlag::kNoArgs},
    {"seek", textio_seek, MethodFlag::kVarArgs},
    {"tell", textio_tell, MethodFlag::kNoArgs},
    {"truncate", textio_truncate, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kTextIOGetSets[] = {
    {"encoding", textio_get_encoding},
    {"buffer", textio_get_buffer},
    {"line_buffering", textio_get_line_buffering},
    {"write_through", textio_get_write_through},
    {"_finalizing", textio_get_finalizing},
    {"name", textio_get_name},
    {"closed", textio_get_closed},
    {"newlines", textio_get_newlines},
    {"errors", textio_get_errors},
    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size},
    {nullptr, nullptr},
};

}  // namespace

void make_text_types() {
  {
    TypeSpec spec = io_type_spec("TextIOWrapper", g_textiobase, sizeof(TextIO), trace_textio);
    spec.slots.new_ = textio_new;
    spec.slots.init = textio_init;
    spec.slots.repr = textio_repr;
    spec.slots.next = textio_next;
    spec.methods = kTextIOMethods;
    spec.getsets = kTextIOGetSets;
    spec.doc = "Character and line based layer over a BufferedIOBase object, buffer.";
    make_builtin_type(&g_textiowrapper, spec);
  }
  {
    TypeSpec spec;
    spec.name = "IncrementalNewlineDecoder";
    spec.module = "_io";
    spec.layout = register_object_layout("IncrementalNewlineDecoder", sizeof(NewlineDecoder), trace_nldecoder);
    spec.instance_size = sizeof(NewlineDecoder);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_nldecoder;
    spec.slots.new_ = nldecoder_new_slot;
    spec.slots.init = nldecoder_init;
    spec.methods = kNLDecoderMethods;
    spec.getsets = kNLDecoderGetSets;
    spec.doc = "Codec used when reading a file in universal newlines mode.";
    make_builtin_type(&g_nldecoder, spec);
  }
}

// sys.stdin/stdout/stderr as CPython's create_stdio makes them.
Value make_std_stream(int fd, bool write, bool unbuffered) {
  Value fargs[3] = {Value::small(fd), str_from_ascii(write ? "wb" : "rb"), py_bool(false)};
  Value raw = type_call(g_fileio, fargs, 3, nullptr);
  if (!raw) return {};
  static Str* const kName = intern("name");
  const char* names[] = {"<stdin>", "<stdout>", "<stderr>"};
  Value buffer;
  bool buffered = !(unbuffered && write);
  if (buffered) {
    Value bargs[2] = {raw, Value::small(kDefaultBufferSize)};
    buffer = type_call(write ? g_buffered_writer : g_buffered_reader, bargs, 2, nullptr);
    if (!buffer) return {};
  } else {
    buffer = raw;
  }
  if (!set_attr(raw, kName, str_from_ascii(fd <= 2 ? names[fd] : "<fd>"))) return {};
  bool tty = ::isatty(fd);
  bool line_buffering = buffered && (tty || fd == 2);
  // PYTHONIOENCODING=encoding[:errors] as CPython reads it: an encoding
  // without errors means strict; stderr is always backslashreplace.
  std::string encoding = "utf-8", errors = stdio_errors();
  if (const char* env = std::getenv("PYTHONIOENCODING"); env && *env) {
    std::string v = env;
    size_t colon = v.find(':');
    std::string enc = v.substr(0, colon);
    if (!enc.empty()) {
      auto codec = rt::lookup_codec(std::string_view(enc));
      encoding = codec ? rt::codec_info_name(*codec) : enc;
      errors = "strict";
    }
    if (colon != std::string::npos && colon + 1 < v.size()) errors = v.substr(colon + 1);
  }
  Value targs[6] = {buffer, str_from_utf8(encoding),
                    str_from_utf8(fd == 2 ? "backslashreplace" : errors), str_from_ascii("\n"),
                    py_bool(line_buffering), py_bool(!buffered)};
  Value text = type_call(g_textiowrapper, targs, 6, nullptr);
  if (!text) return {};
  static Str* const kMode = intern("mode");
  if (!set_attr(text, kMode, str_from_ascii(write ? "w" : "r"))) return {};
  return text;
}

}  // namespace pyrite::python::io

namespace pyrite::python::io {

int textio_try_write(Value file, Value text) {
  if (!file.is_object() || type_of(file) != g_textiowrapper) return 0;
  static Str* const kWrite = intern("write");
  if (instance_attr_get(file, kWrite)) return 0;
  return textio_write(file, &text, 1, nullptr) ? 1 : -1;
}

}  // namespace pyrite::python::io
