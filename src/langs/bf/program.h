// A BF program, parsed into pre-decoded instructions (docs/bf.md).
//
// Invariants of a Program:
//   - `+ - < >` runs are folded: one kAdd per run of + and - (the net
//     amount mod 256, dropped when it is 0) and one kMove per run of < and >
//     (the net signed distance, dropped when 0).
//   - Every kJz ('[') holds the index just past its matching kJnz (']'),
//     every kJnz the index just past its kJz: the first instruction of the
//     loop body. Brackets are matched, or parse() fails.
//   - The last instruction is kEnd; every jump target is within the code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyrite::langs::bf {

enum class BfOp : uint8_t { kAdd, kMove, kJz, kJnz, kOut, kIn, kEnd };

struct Insn {
  BfOp op;
  int32_t arg;  // kAdd: 1..255; kMove: a nonzero distance; kJz/kJnz: target index
  uint32_t line, column;  // of the first source character (1-based), for errors
};

struct Program {
  std::vector<Insn> code;
};

struct BfParseError {
  std::string message;
  uint32_t line = 0, column = 0;
};

std::optional<Program> parse_program(std::string_view source, BfParseError* error);

// The instruction's source character(s), for messages ("<", "]").
const char* op_text(const Insn& in);

}  // namespace pyrite::langs::bf
