// The codec registry and error-handler registry of the _codecs module, for
// str.encode / bytes.decode and the codec functions (docs/modules.md,
// "_codecs").
#pragma once

#include <string>

#include "python/objects/object.h"
#include "python/runtime/codecs.h"

namespace pyrite::python {

struct Module;
Module* make_codecs_module();

// codecs.lookup(encoding): the CodecInfo (or 4-tuple) the search functions
// give, cached by normalized name; null + LookupError "unknown encoding: x".
Value codec_lookup(Str* encoding);
// codecs.lookup_error(name): null + LookupError "unknown error handler name 'x'".
Value codec_lookup_error(Str* name);

// str.encode / bytes.decode for an encoding the runtime's codecs do not
// have: through the registry, as CPython's PyUnicode_AsEncodedString and
// PyUnicode_Decode ("'x' is not a text encoding", the result type checks,
// wrapped errors). `errors` may be null (not given).
Value codec_encode_text(Str* text, Str* encoding, Value errors);
Value codec_decode_text(Value bytes_obj, Str* encoding, Value errors);

// CPython's wrap_codec_error (_PyErr_TrySetFromCause): replaces the pending
// exception by "<operation> with '<encoding>' codec failed (T: msg)" of the
// same type, caused by it, when its type carries no state of its own.
void wrap_codec_error(const char* operation, Str* encoding);

// Calls a registered error handler for the runtime's codecs: makes the
// UnicodeEncodeError / UnicodeDecodeError once and updates its start, end
// and reason on later calls, checks the handler's (replacement, position)
// result with CPython's messages. Lives on the C++ stack (its Values are
// found by the conservative scan).
class CodecErrorCallback {
 public:
  // name: the errors name (a Str); input: the str or bytes being coded.
  CodecErrorCallback(Value name, bool decoding, Value input, size_t length)
      : name_(name), decoding_(decoding), input_(input), length_(length) {}

  // Calls the handler for the failing range; *rep gets its str (or, when
  // encoding, bytes) and *resume the position to go on from (made
  // non-negative, within the input). False with an exception pending.
  bool call(const char* encoding, size_t start, size_t end, const char* reason, Value* rep,
            size_t* resume);
  // The exception object made by call (null before the first call).
  Value exception() const { return exc_; }

  runtime::CustomEncodeHandler encoder();
  runtime::CustomDecodeHandler decoder();

 private:
  Value name_;
  bool decoding_;
  Value input_;
  size_t length_;
  Value handler_;
  Value exc_;
};

// Raises UnicodeEncodeError / UnicodeDecodeError for a runtime codec failure
// over `input` (the str or bytes object); returns null.
Value raise_codec_error(bool decoding, const runtime::CodecError& error, Value input);

// _warnings.warn(message, category, stacklevel) from C++; false with the
// exception pending (a warning turned into an error).
bool issue_warning(Type* category, const std::string& message, int stacklevel);

}  // namespace pyrite::python
