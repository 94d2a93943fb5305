// BF parsing: run-length folding and bracket matching (docs/bf.md).
#include "langs/bf/program.h"

#include <cstdint>

namespace pyrite::langs::bf {

std::optional<Program> parse_program(std::string_view src, BfParseError* error) {
  Program p;
  std::vector<uint32_t> open;  // indexes of unmatched kJz
  uint32_t line = 1, column = 0;  // of the last character consumed
  size_t i = 0;
  auto advance = [&] {
    if (src[i] == '\n') {
      line++;
      column = 0;
    } else {
      column++;
    }
    i++;
  };
  auto is_command = [](char d) {
    return d == '+' || d == '-' || d == '<' || d == '>' || d == '[' || d == ']' || d == '.' ||
           d == ',';
  };
  auto fail = [&](std::string msg, uint32_t l, uint32_t c) -> std::optional<Program> {
    if (error) *error = BfParseError{std::move(msg), l, c};
    return std::nullopt;
  };
  while (i < src.size()) {
    char ch = src[i];
    if (!is_command(ch)) {
      advance();
      continue;
    }
    uint32_t l = line, c = column + 1;
    if (ch == '+' || ch == '-' || ch == '<' || ch == '>') {
      bool is_add = ch == '+' || ch == '-';
      int64_t net = 0;
      // Fold the run; comment characters and newlines inside it are skipped.
      while (i < src.size()) {
        char d = src[i];
        if (is_add && (d == '+' || d == '-')) net += d == '+' ? 1 : -1;
        else if (!is_add && (d == '<' || d == '>')) net += d == '>' ? 1 : -1;
        else if (is_command(d)) break;
        advance();
      }
      if (is_add) {
        int32_t amount = static_cast<int32_t>(((net % 256) + 256) % 256);
        if (amount) p.code.push_back({BfOp::kAdd, amount, l, c});
      } else {
        if (net < INT32_MIN || net > INT32_MAX) return fail("a move run is too long", l, c);
        if (net) p.code.push_back({BfOp::kMove, static_cast<int32_t>(net), l, c});
      }
      continue;
    }
    advance();
    switch (ch) {
      case '.': p.code.push_back({BfOp::kOut, 0, l, c}); break;
      case ',': p.code.push_back({BfOp::kIn, 0, l, c}); break;
      case '[':
        open.push_back(static_cast<uint32_t>(p.code.size()));
        p.code.push_back({BfOp::kJz, 0, l, c});
        break;
      case ']': {
        if (open.empty()) return fail("']' without a matching '['", l, c);
        uint32_t o = open.back();
        open.pop_back();
        uint32_t here = static_cast<uint32_t>(p.code.size());
        p.code.push_back({BfOp::kJnz, static_cast<int32_t>(o + 1), l, c});
        p.code[o].arg = static_cast<int32_t>(here + 1);
        break;
      }
      default: break;
    }
  }
  if (!open.empty()) {
    const Insn& o = p.code[open.back()];
    return fail("'[' without a matching ']'", o.line, o.column);
  }
  p.code.push_back({BfOp::kEnd, 0, line, column + 1});
  return p;
}

const char* op_text(const Insn& in) {
  switch (in.op) {
    case BfOp::kAdd: return "+/-";
    case BfOp::kMove: return in.arg < 0 ? "<" : ">";
    case BfOp::kJz: return "[";
    case BfOp::kJnz: return "]";
    case BfOp::kOut: return ".";
    case BfOp::kIn: return ",";
    case BfOp::kEnd: return "end";
  }
  return "?";
}

}  // namespace pyrite::langs::bf
