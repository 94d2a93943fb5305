// What codecs_module.cpp and codecs_extra.cpp share: argument converters
// with Argument Clinic's messages, the runtime codec runners, and the
// functions of codecs_extra.cpp (docs/modules.md, "_codecs").
#pragma once

#include <string>

#include "python/objects/errors.h"
#include "python/objects/native.h"
#include "python/objects/object.h"
#include "python/runtime/codecs.h"

namespace pyrite::python {

// The type in Argument Clinic's "must be str, not X" messages ("None" for None).
inline std::string arg_type_name(Value v) { return is_none(v) ? std::string("None") : type_name(v); }
// _PyArg_CheckPositional and "f() takes no keyword arguments".
bool codec_nargs(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max);
// "f() argument 1 must be str, not bytes"
bool codec_str_arg(const char* fname, int pos, Value v, Str** out);
// errors: str or None (null out: not given or None).
bool codec_errors_arg(const char* fname, int pos, const Value* args, size_t nargs, Value* out);
// Py_buffer (accept_str: also str, as UTF-8).
bool codec_buffer_arg(Value v, bool accept_str, std::string* out);
// An int argument at 1-based `pos`, `dflt` when absent.
bool codec_int_arg(const Value* args, size_t nargs, size_t pos, int dflt, int* out);
// The runtime handler for an errors name (null: strict); kCustom for others.
runtime::ErrorHandler codec_handler_of(Value errors);
Value codec_run_encode(runtime::Codec codec, Str* text, Value errors);
Value codec_run_decode(runtime::Codec codec, const std::string& data, Value errors, bool final,
                       size_t* consumed, runtime::Codec* resolved);

// codecs_extra.cpp
void codecs_register_standard_errors(Dict* registry);  // idempotent
void codecs_make_types();                              // EncodingMap
Value codecs_escape_encode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value codecs_escape_decode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value codecs_utf_7_encode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value codecs_utf_7_decode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value codecs_charmap_encode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value codecs_charmap_decode(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value codecs_charmap_build(Value, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace pyrite::python
