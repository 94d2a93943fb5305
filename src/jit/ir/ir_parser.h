// Trace text parser: reads what ir_printer.h writes (docs/jit.md, "Text form").
// Tests write traces by hand in this form.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "jit/ir/ir.h"
#include "jit/ir/ir_printer.h"

namespace pyrite::jit::ir {

#define PYR_IR_PARSE_ERRORS(X)                                                   \
  X(kSyntax, "syntax error")                                                     \
  X(kUnknownOp, "unknown op")                                                    \
  X(kUnknownValue, "value used before it is defined")                            \
  X(kRedefinedValue, "value defined twice")                                      \
  X(kResultName, "result name does not fit the op (letter or missing/extra result)") \
  X(kBadValueName, "a value is named i<N>, f<N> or p<N>")                        \
  X(kUnknownDescr, "unknown descriptor")                                         \
  X(kBadDescr, "bad descriptor declaration")                                     \
  X(kDescrConflict, "descriptor name already means something else")             \
  X(kUnknownSymbol, "unknown symbol")                                            \
  X(kBadNumber, "bad number")                                                    \
  X(kInputsTwice, "inputargs given twice or after ops")                          \
  X(kUnknownVirtual, "virtual used but not defined in its snapshot")

enum class ParseErrorCode : uint8_t {
  kOk,
#define PYR_X(name, msg) name,
  PYR_IR_PARSE_ERRORS(PYR_X)
#undef PYR_X
};
const char* parse_error_name(ParseErrorCode c);
const char* parse_error_message(ParseErrorCode c);

struct ParseError {
  ParseErrorCode code = ParseErrorCode::kOk;
  int line = 0;       // 1-based
  std::string detail;  // the offending token or text
  std::string to_string() const;
};

struct ParseResult {
  std::optional<Trace> trace;
  ParseError error;
  bool ok() const { return trace.has_value(); }
};

// Parses `text` into a new trace whose descriptors go to `descrs` (a fresh
// table if null). `symbols` resolves names in ConstPtr(...), fn= and class=.
ParseResult parse_trace(std::string_view text, const Symbols* symbols = nullptr,
                        std::shared_ptr<DescrTable> descrs = nullptr);

}  // namespace pyrite::jit::ir
