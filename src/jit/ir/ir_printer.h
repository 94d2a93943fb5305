// Trace text: one op per line, PyPy-like (docs/jit.md, "Text form").
// ir_parser.h reads the same text; print(parse(text)) is text normalised.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "jit/ir/ir.h"

namespace pyrite::jit::ir {

// Names for addresses (ref constants, call targets, classes), so text can
// say `ConstPtr(tape)` and `fn=putchar_helper` instead of addresses that
// change from run to run. Tests fill it; the JIT log may later too.
class Symbols {
 public:
  void add(std::string name, uint64_t address);
  const std::string* name_of(uint64_t address) const;
  const uint64_t* address_of(std::string_view name) const;

 private:
  std::unordered_map<std::string, uint64_t> by_name_;
  std::unordered_map<uint64_t, std::string> by_address_;
};

struct PrintOptions {
  const Symbols* symbols = nullptr;
  bool descr_decls = true;   // the `descr NAME = ...` lines of the descriptors used
  bool op_indexes = false;   // prefix each op with its index ("  7: "), for logs
};

std::string print_trace(const Trace& t, const PrintOptions& options = {});

// Pieces, for the verifier's messages and the JIT log.
std::string print_op(const Trace& t, uint32_t op_index, const PrintOptions& options = {});
std::string print_descr_decl(const Descr& d, const Symbols* symbols = nullptr);
std::string format_float(double v);

}  // namespace pyrite::jit::ir
