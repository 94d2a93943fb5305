// Trace text parser (docs/jit.md, "Text form").
//
// A hand-written recursive descent over one line at a time: every line is
// a comment, a descriptor declaration, the inputargs, or one op. The parser
// checks only what it needs to build the trace (names, types of results);
// whether the trace is well formed is the verifier's job, so tests can
// write broken traces on purpose. A failure unwinds as a local C++
// exception (Failure) that parse_trace catches: none ever leaves it, and the
// parser is tooling, never on an interpreter or JIT frame.
#include "jit/ir/ir_parser.h"

#include <bit>
#include <charconv>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace pyrite::jit::ir {

const char* parse_error_name(ParseErrorCode c) {
  switch (c) {
    case ParseErrorCode::kOk: return "kOk";
#define PYR_X(name, msg) \
  case ParseErrorCode::name: return #name;
      PYR_IR_PARSE_ERRORS(PYR_X)
#undef PYR_X
  }
  return "?";
}

const char* parse_error_message(ParseErrorCode c) {
  switch (c) {
    case ParseErrorCode::kOk: return "ok";
#define PYR_X(name, msg) \
  case ParseErrorCode::name: return msg;
      PYR_IR_PARSE_ERRORS(PYR_X)
#undef PYR_X
  }
  return "?";
}

std::string ParseError::to_string() const {
  return "line " + std::to_string(line) + ": " + parse_error_message(code) +
         (detail.empty() ? "" : ": " + detail);
}

namespace {

struct Failure {
  ParseErrorCode code;
  std::string detail;
};

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class LineParser {
 public:
  LineParser(std::string_view line, Trace& trace, const Symbols* symbols,
             std::unordered_map<std::string, Ref>& values)
      : s_(line), trace_(trace), symbols_(symbols), values_(values) {}

  // ---- lexing ----
  void ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r')) pos_++;
  }
  bool at_end() {
    ws();
    return pos_ >= s_.size();
  }
  char peek() {
    ws();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }
  bool accept(char c) {
    if (peek() != c) return false;
    pos_++;
    return true;
  }
  void expect(char c) {
    if (!accept(c)) fail(ParseErrorCode::kSyntax, std::string("expected '") + c + "' at: " + rest());
  }
  std::string rest() const { return std::string(s_.substr(std::min(pos_, s_.size()))); }
  std::string_view ident() {
    ws();
    size_t start = pos_;
    if (pos_ < s_.size() && is_ident_start(s_[pos_]))
      while (pos_ < s_.size() && is_ident_char(s_[pos_])) pos_++;
    if (start == pos_) fail(ParseErrorCode::kSyntax, "expected a name at: " + rest());
    return s_.substr(start, pos_ - start);
  }
  // A number-like token: sign, digits, letters, dots, and an exponent's sign.
  std::string_view number_token() {
    ws();
    size_t start = pos_;
    if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) pos_++;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (is_ident_char(c) || c == '.') {
        pos_++;
      } else if ((c == '-' || c == '+') && (s_[pos_ - 1] == 'e' || s_[pos_ - 1] == 'E') &&
                 !(pos_ >= 2 && s_[pos_ - 2] == '0' && (s_[pos_ - 1] == 'x'))) {
        pos_++;
      } else {
        break;
      }
    }
    if (start == pos_) fail(ParseErrorCode::kSyntax, "expected a number at: " + rest());
    return s_.substr(start, pos_ - start);
  }
  int64_t integer() {
    std::string_view t = number_token();
    int64_t v;
    if (!parse_int(t, &v)) fail(ParseErrorCode::kBadNumber, std::string(t));
    return v;
  }
  [[noreturn]] void fail(ParseErrorCode c, std::string detail) { throw Failure{c, std::move(detail)}; }

  static bool parse_int(std::string_view t, int64_t* out) {
    bool neg = !t.empty() && t[0] == '-';
    std::string_view body = neg ? t.substr(1) : t;
    int base = 10;
    if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
      base = 16;
      body = body.substr(2);
    }
    if (body.empty()) return false;
    uint64_t u;
    auto r = std::from_chars(body.data(), body.data() + body.size(), u, base);
    if (r.ec != std::errc() || r.ptr != body.data() + body.size()) return false;
    if (base == 10) {
      if (neg ? u > (uint64_t(1) << 63) : u > uint64_t(INT64_MAX)) return false;
    }
    *out = neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
    return true;
  }
  static bool looks_float(std::string_view t) {
    std::string_view b = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? t.substr(1) : t;
    if (b == "inf" || b == "nan") return true;
    if (b.size() > 1 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X')) return false;
    return b.find_first_of(".eE") != std::string_view::npos;
  }

  uint64_t address() {
    ws();
    if (pos_ < s_.size() && (is_digit(s_[pos_]) || s_[pos_] == '-')) return static_cast<uint64_t>(integer());
    std::string_view name = ident();
    if (!symbols_) fail(ParseErrorCode::kUnknownSymbol, std::string(name));
    const uint64_t* a = symbols_->address_of(name);
    if (!a) fail(ParseErrorCode::kUnknownSymbol, std::string(name));
    return *a;
  }

  // ---- operands ----
  static bool is_value_name(std::string_view n) {
    if (n.size() < 2 || (n[0] != 'i' && n[0] != 'f' && n[0] != 'p')) return false;
    for (size_t k = 1; k < n.size(); k++)
      if (!is_digit(n[k])) return false;
    return true;
  }

  Ref value_ref(std::string_view name) {
    auto it = values_.find(std::string(name));
    if (it == values_.end()) fail(ParseErrorCode::kUnknownValue, std::string(name));
    return it->second;
  }

  // Parses a constant or a value; virtual names only inside snapshots.
  Ref operand(std::unordered_map<std::string, Ref>* virtuals = nullptr) {
    char c = peek();
    if (is_digit(c) || c == '-' || c == '+' || c == '.') return number_operand(number_token());
    size_t save = pos_;
    std::string_view name = ident();
    if (name == "NULL") return trace_.const_ref(0);
    if (name == "inf" || name == "nan") return number_operand(name);
    if (name == "ConstPtr") {
      expect('(');
      uint64_t a = address();
      expect(')');
      return trace_.const_ref(a);
    }
    if (name == "float_bits") {
      expect('(');
      uint64_t bits = static_cast<uint64_t>(integer());
      expect(')');
      return trace_.intern(Type::kFloat, bits);
    }
    if (virtuals && name.size() >= 2 && name[0] == 'v' && is_digit(name[1])) {
      auto [it, inserted] = virtuals->emplace(std::string(name), Ref());
      if (inserted) it->second = trace_.snapshots().reserve_virtual();
      return it->second;
    }
    if (!is_value_name(name)) {
      pos_ = save;
      fail(ParseErrorCode::kBadValueName, std::string(name));
    }
    return value_ref(name);
  }

  Ref number_operand(std::string_view t) {
    if (looks_float(t)) {
      double d;
      std::string_view b = t[0] == '+' ? t.substr(1) : t;
      auto r = std::from_chars(b.data(), b.data() + b.size(), d);
      if (r.ec != std::errc() || r.ptr != b.data() + b.size()) fail(ParseErrorCode::kBadNumber, std::string(t));
      return trace_.const_float(d);
    }
    int64_t v;
    if (!parse_int(t, &v)) fail(ParseErrorCode::kBadNumber, std::string(t));
    return trace_.const_int(v);
  }

  // ---- lines ----
  void inputs() {
    expect('[');
    if (accept(']')) return;
    do {
      std::string_view name = ident();
      if (!is_value_name(name)) fail(ParseErrorCode::kBadValueName, std::string(name));
      Type t = name[0] == 'i' ? Type::kInt : name[0] == 'f' ? Type::kFloat : Type::kRef;
      define(name, trace_.add_input(t));
    } while (accept(','));
    expect(']');
    if (!at_end()) fail(ParseErrorCode::kSyntax, rest());
  }

  void define(std::string_view name, Ref r) {
    if (!values_.emplace(std::string(name), r).second) fail(ParseErrorCode::kRedefinedValue, std::string(name));
  }

  void op() {
    std::string_view first = ident();
    std::string_view result;
    std::string_view opname = first;
    if (accept('=')) {
      result = first;
      if (!is_value_name(result)) fail(ParseErrorCode::kBadValueName, std::string(result));
      opname = ident();
    }
    std::optional<Opcode> opc = opcode_from_name(opname);
    if (!opc || *opc == Opcode::kInput) fail(ParseErrorCode::kUnknownOp, std::string(opname));
    std::vector<Ref> args;
    DescrId descr = kNoDescr;
    expect('(');
    if (!accept(')')) {
      do {
        size_t save = pos_;
        if (peek() == 'd') {
          std::string_view w = ident();
          if (w == "descr" && accept('=')) {
            std::string_view dn = ident();
            descr = trace_.descrs().find(dn);
            if (descr == kNoDescr) fail(ParseErrorCode::kUnknownDescr, std::string(dn));
            continue;
          }
          pos_ = save;
        }
        args.push_back(operand());
      } while (accept(','));
      expect(')');
    }
    SnapshotId snap = kNoSnapshot;
    if (peek() == '[') snap = snapshot();
    if (!at_end()) fail(ParseErrorCode::kSyntax, rest());

    std::optional<Type> fixed = fixed_result_type(*opc);
    Type t = Type::kVoid;
    if (!result.empty()) t = result[0] == 'i' ? Type::kInt : result[0] == 'f' ? Type::kFloat : Type::kRef;
    if (fixed ? *fixed != t : result.empty()) fail(ParseErrorCode::kResultName, std::string(first));
    Ref r = trace_.emit(*opc, std::span<const Ref>(args), descr, snap, t);
    if (!result.empty()) define(result, r);
  }

  // [kind@pc/size: slot=ref ... | ... | vN=new(descr) key=ref ...]
  SnapshotId snapshot() {
    expect('[');
    SnapshotBuilder b;
    std::unordered_map<std::string, Ref> virtuals;
    std::unordered_map<std::string, bool> defined;
    if (!accept(']')) {
      do {
        if (peek() == 'v') {
          virtual_def(virtuals, defined);
          continue;
        }
        int64_t kind = integer();
        expect('@');
        int64_t pc = integer();
        expect('/');
        int64_t size = integer();
        expect(':');
        if (kind < 0 || pc < 0 || size < 0 || kind > UINT32_MAX || pc > UINT32_MAX || size > 0x10000)
          fail(ParseErrorCode::kBadNumber, "frame header");
        b.push_frame(static_cast<uint32_t>(kind), static_cast<uint32_t>(pc), static_cast<uint32_t>(size));
        while (peek() != '|' && peek() != ']') {
          int64_t slot = integer();
          if (slot < 0 || slot > 0xFFFF) fail(ParseErrorCode::kBadNumber, "slot");
          expect('=');
          b.set(static_cast<uint16_t>(slot), operand(&virtuals));
        }
      } while (accept('|'));
      expect(']');
    }
    for (const auto& [name, ref] : virtuals)
      if (!defined.count(name)) fail(ParseErrorCode::kUnknownVirtual, name);
    return trace_.add_snapshot(b);
  }

  void virtual_def(std::unordered_map<std::string, Ref>& virtuals,
                   std::unordered_map<std::string, bool>& defined) {
    std::string name(ident());
    expect('=');
    auto [it, inserted] = virtuals.emplace(name, Ref());
    if (inserted) it->second = trace_.snapshots().reserve_virtual();
    if (!defined.emplace(name, true).second) fail(ParseErrorCode::kRedefinedValue, name);
    Ref v = it->second;
    std::string_view how = ident();
    if (how != "new" && how != "new_with_vtable" && how != "new_array") fail(ParseErrorCode::kSyntax, std::string(how));
    expect('(');
    DescrId d = descr_name();
    int64_t length = 0;
    if (how == "new_array") {
      expect(',');
      length = integer();
      if (length < 0 || length > UINT32_MAX) fail(ParseErrorCode::kBadNumber, "length");
    }
    expect(')');
    std::vector<VirtualField> fields;
    while (peek() != '|' && peek() != ']') {
      VirtualField f{kNoDescr, 0, Ref()};
      if (is_digit(peek())) {
        int64_t k = integer();
        if (k < 0 || k > UINT32_MAX) fail(ParseErrorCode::kBadNumber, "index");
        f.index = static_cast<uint32_t>(k);
      } else {
        f.descr = descr_name();
      }
      expect('=');
      f.value = operand(&virtuals);
      fields.push_back(f);
    }
    trace_.snapshots().define_virtual(v, d, how == "new_with_vtable", static_cast<uint32_t>(length), fields);
  }

  DescrId descr_name() {
    std::string_view dn = ident();
    DescrId d = trace_.descrs().find(dn);
    if (d == kNoDescr) fail(ParseErrorCode::kUnknownDescr, std::string(dn));
    return d;
  }

  // descr NAME = KIND(key=value, flag, key=(a, b), ...)
  void descr_decl() {
    ident();  // "descr"
    std::string name(ident());
    expect('=');
    std::string_view kind = ident();
    struct Item {
      std::string key;
      std::string value;             // a single value
      std::vector<std::string> list;  // a parenthesised list
      bool is_list = false;
      bool has_value = false;
    };
    std::vector<Item> items;
    expect('(');
    if (!accept(')')) {
      do {
        Item it;
        it.key = std::string(ident());
        if (accept('=')) {
          it.has_value = true;
          if (accept('(')) {
            it.is_list = true;
            if (!accept(')')) {
              do it.list.emplace_back(ident());
              while (accept(','));
              expect(')');
            }
          } else {
            ws();
            size_t start = pos_;
            while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != ')' && s_[pos_] != ' ') pos_++;
            it.value = std::string(s_.substr(start, pos_ - start));
          }
        }
        items.push_back(std::move(it));
      } while (accept(','));
      expect(')');
    }
    if (!at_end()) fail(ParseErrorCode::kSyntax, rest());

    Descr d;
    d.name = name;
    if (kind == "field") d.kind = DescrKind::kField;
    else if (kind == "array") d.kind = DescrKind::kArray;
    else if (kind == "size") d.kind = DescrKind::kSize;
    else if (kind == "call") d.kind = DescrKind::kCall;
    else if (kind == "target") d.kind = DescrKind::kTarget;
    else fail(ParseErrorCode::kBadDescr, std::string(kind));
    if (d.kind != DescrKind::kField && d.kind != DescrKind::kArray) d.is_signed = false;
    auto num = [&](const Item& it) -> int64_t {
      int64_t v;
      if (it.is_list || !parse_int(it.value, &v)) fail(ParseErrorCode::kBadDescr, it.key);
      return v;
    };
    auto type = [&](std::string_view t) -> Type {
      if (t == "i") return Type::kInt;
      if (t == "f") return Type::kFloat;
      if (t == "r") return Type::kRef;
      if (t == "v") return Type::kVoid;
      fail(ParseErrorCode::kBadDescr, "type " + std::string(t));
    };
    auto addr = [&](const Item& it) -> uint64_t {
      int64_t v;
      if (parse_int(it.value, &v)) return static_cast<uint64_t>(v);
      const uint64_t* a = symbols_ ? symbols_->address_of(it.value) : nullptr;
      if (!a) fail(ParseErrorCode::kUnknownSymbol, it.value);
      return *a;
    };
    bool size_given = false;
    for (const Item& it : items) {
      const std::string& k = it.key;
      if (!it.has_value) {
        if (k == "signed" || k == "unsigned") {
          (d.kind == DescrKind::kCall ? d.result_signed : d.is_signed) = k == "signed";
        } else if (k == "immutable") {
          d.flags |= DescrFlag::kImmutable;
        } else if (k == "quasi_immutable") {
          d.flags |= DescrFlag::kQuasiImmutable;
        } else {
          fail(ParseErrorCode::kBadDescr, k);
        }
      } else if (k == "offset") {
        d.offset = static_cast<int32_t>(num(it));
      } else if (k == "type") {
        d.type = type(it.value);
      } else if (k == "size") {
        int64_t v = num(it);
        if (d.kind == DescrKind::kSize) d.alloc_size = static_cast<uint32_t>(v);
        else if (d.kind == DescrKind::kCall) d.result_size = static_cast<uint8_t>(v);
        else d.size = static_cast<uint8_t>(v);
        size_given = true;
      } else if (k == "length") {
        d.length_offset = static_cast<int32_t>(num(it));
      } else if (k == "class") {
        d.class_value = addr(it);
      } else if (k == "fn") {
        d.fn = addr(it);
      } else if (k == "args" && it.is_list) {
        for (const std::string& t : it.list) d.arg_types.push_back(type(t));
      } else if (k == "result") {
        d.result = type(it.value);
      } else if (k == "effects" && it.is_list) {
        for (const std::string& e : it.list) d.effects |= effect_bit(e);
      } else {
        fail(ParseErrorCode::kBadDescr, k);
      }
    }
    if (d.kind == DescrKind::kSize && !size_given) fail(ParseErrorCode::kBadDescr, "size");
    if (d.kind == DescrKind::kField || d.kind == DescrKind::kArray) {
      if (d.type != Type::kInt) d.is_signed = false;
    }
    if (d.kind == DescrKind::kCall && d.result != Type::kInt) {
      d.result_size = 8;
      d.result_signed = false;
    }
    DescrId id;
    switch (trace_.descrs().add(d, &id)) {
      case DescrTable::AddError::kOk: break;
      case DescrTable::AddError::kNameTaken: fail(ParseErrorCode::kDescrConflict, name);
      case DescrTable::AddError::kBadLayout: fail(ParseErrorCode::kBadDescr, name);
    }
  }

  Effects effect_bit(std::string_view e) {
    if (e == "pure") return effect::kPure;
    if (e == "reads") return effect::kReadsHeap;
    if (e == "writes") return effect::kWritesHeap;
    if (e == "raises") return effect::kMayRaise;
    if (e == "arbitrary") return effect::kCallsArbitrary;
    if (e == "collects") return effect::kCanCollect;
    if (e == "invalidates") return effect::kCanInvalidate;
    if (e == "forces") return effect::kForcesVirtuals;
    fail(ParseErrorCode::kBadDescr, "effect " + std::string(e));
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  Trace& trace_;
  const Symbols* symbols_;
  std::unordered_map<std::string, Ref>& values_;
};

}  // namespace

ParseResult parse_trace(std::string_view text, const Symbols* symbols,
                        std::shared_ptr<DescrTable> descrs) {
  ParseResult result;
  Trace trace(std::move(descrs));
  std::unordered_map<std::string, Ref> values;
  int line_no = 0;
  bool seen_inputs = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    line_no++;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    LineParser p(line, trace, symbols, values);
    try {
      if (p.at_end()) continue;
      if (p.peek() == '[') {
        if (seen_inputs || trace.num_ops() > 0) p.fail(ParseErrorCode::kInputsTwice, std::string(line));
        seen_inputs = true;
        p.inputs();
      } else if (line.find("descr ") != std::string_view::npos &&
                 line.substr(line.find_first_not_of(" \t")).starts_with("descr ")) {
        p.descr_decl();
      } else {
        seen_inputs = true;
        p.op();
      }
    } catch (const Failure& f) {
      result.error = ParseError{f.code, line_no, f.detail};
      return result;
    }
    if (end == text.size()) break;
  }
  result.trace.emplace(std::move(trace));
  return result;
}

}  // namespace pyrite::jit::ir
