// The disassembler (docs/compiler.md, "Reading dis output"). Offsets are
// code-unit indices; cache units are not shown.
#include "python/compile/disassembler.h"

#include <set>

namespace pyrite::python::compile {

namespace {

std::string pad_left(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string arg_repr(const CodeUnit& code, Opcode op, uint32_t arg) {
  switch (opcode_arg_kind(op)) {
    case OpArg::kConst:
      if (arg < code.constants.size()) {
        const Constant& c = code.constants[arg];
        if (c.kind == Constant::Kind::kCode) return code_object_repr(*c.code);
        return constant_repr(c);
      }
      return "?";
    case OpArg::kLocal:
      return arg < code.localsplus_names().size() ? code.localsplus_names()[arg] : "?";
    case OpArg::kName:
      return arg < code.names.size() ? code.names[arg] : "?";
    case OpArg::kGlobal: {
      std::string name = (arg >> 1) < code.names.size() ? code.names[arg >> 1] : "?";
      return (arg & 1) ? "NULL + " + name : name;
    }
    case OpArg::kJump:
      return "to " + std::to_string(arg);
    case OpArg::kBinOp:
      return binary_op_symbol(static_cast<int>(arg));
    case OpArg::kCompare:
      return compare_symbol(static_cast<int>(arg));
    case OpArg::kFormat: {
      static const char* const kConv[] = {"", "str", "repr", "ascii"};
      std::string s = kConv[arg & 3];
      if (arg & kFormatSpec) s += s.empty() ? "with format" : ", with format";
      return s;
    }
    case OpArg::kMakeFunction: {
      static const char* const kNames[] = {"defaults", "kwdefaults", "annotations", "closure"};
      std::string s;
      for (int i = 0; i < 4; i++)
        if (arg & (1u << i)) s += (s.empty() ? "" : ", ") + std::string(kNames[i]);
      return s;
    }
    case OpArg::kUnpackEx:
      return std::to_string(arg & 0xFF) + " before, " + std::to_string(arg >> 8) + " after";
    default:
      return "";
  }
}

}  // namespace

std::string code_object_repr(const CodeUnit& code) {
  return "<code object " + code.name + ", file \"" + code.filename + "\", line " +
         std::to_string(code.first_line) + ">";
}

std::string disassemble_one(const CodeUnit& code) {
  const std::vector<Unit>& units = code.code;
  std::set<uint32_t> targets;
  uint32_t max_offset = 0;
  int max_line = 0;
  for (uint32_t pc = 0; pc < units.size(); pc += 1 + opcode_cache_units(unit_op(units[pc]))) {
    Opcode op = unit_op(units[pc]);
    if (is_jump(op)) targets.insert(unit_arg(units[pc]));
    max_offset = pc;
    max_line = std::max(max_line, code.line_at(pc));
  }
  for (const ExceptionEntry& e : code.exception_table) targets.insert(e.target);
  size_t offset_width = std::max<size_t>(4, std::to_string(max_offset).size());
  size_t line_width = std::max<size_t>(3, std::to_string(max_line).size());

  std::string out;
  int last_line = -2;
  bool first = true;
  uint32_t ext = 0;
  for (uint32_t pc = 0; pc < units.size(); pc += 1 + opcode_cache_units(unit_op(units[pc]))) {
    Opcode op = unit_op(units[pc]);
    uint32_t arg = unit_arg(units[pc]) | (ext << kArgBits);
    ext = op == Opcode::EXTENDED_ARG ? arg : 0;
    int line = code.line_at(pc);
    std::string line_field;
    if (line != last_line && line >= 0) {
      if (!first) out += "\n";
      line_field = pad_left(std::to_string(line), line_width);
      last_line = line;
    } else {
      line_field = std::string(line_width, ' ');
    }
    first = false;
    std::string s = line_field + "     " + (targets.count(pc) ? ">>" : "  ") + " " +
                    pad_left(std::to_string(pc), offset_width) + " ";
    bool has_arg = opcode_arg_kind(op) != OpArg::kNone;
    if (has_arg) {
      s += pad_right(opcode_name(op), 20) + " " + pad_left(std::to_string(arg), 5);
      std::string r = arg_repr(code, op, arg);
      if (!r.empty()) s += " (" + r + ")";
    } else {
      s += opcode_name(op);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out += s + "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionEntry& e : code.exception_table) {
      // The last instruction inside [start, end), as dis prints it.
      uint32_t last = e.start;
      for (uint32_t pc = e.start; pc < e.end; pc += 1 + opcode_cache_units(unit_op(units[pc]))) last = pc;
      out += "  " + std::to_string(e.start) + " to " + std::to_string(last) + " -> " + std::to_string(e.target) +
             " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
    }
  }
  return out;
}

std::string disassemble(const CodeUnit& code) {
  std::string out = disassemble_one(code);
  for (const Constant& c : code.constants) {
    if (c.kind != Constant::Kind::kCode) continue;
    out += "\nDisassembly of " + code_object_repr(*c.code) + ":\n";
    out += disassemble(*c.code);
  }
  return out;
}

}  // namespace pyrite::python::compile
