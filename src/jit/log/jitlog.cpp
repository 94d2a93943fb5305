// The JIT log writer and Capstone disassembly (docs/jitlog.md).
#include "jit/log/jitlog.h"

#include <capstone/capstone.h>
#include <dlfcn.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace pyrite::jit::log {
namespace {

uint64_t now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"0x%llx\"", static_cast<unsigned long long>(v));
  return buf;
}

std::string hex_bytes(std::span<const uint8_t> bytes, const char* sep) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < bytes.size(); i++) {
    if (i && *sep) s += sep;
    s += kDigits[bytes[i] >> 4];
    s += kDigits[bytes[i] & 15];
  }
  return s;
}

const char* kind_name(TraceKind k) { return k == TraceKind::kLoop ? "loop" : "bridge"; }

// Length of the valid UTF-8 sequence starting at s[i], or 0 (overlongs,
// surrogates and code points past U+10FFFF are invalid).
size_t utf8_length(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; k++) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b(i + k) & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

}  // namespace

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = utf8_length(s, i);
      if (n) {
        out.append(s.substr(i, n));
        i += n;
      } else {
        out += "\\ufffd";
        i++;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
    i++;
  }
  out += '"';
  return out;
}

namespace {

// Capstone is loaded on first use, not linked: its tables carry ~77,000
// relative relocations, which the dynamic loader would apply at every start
// of every program (2 M instructions, as much as a short BF program's whole
// compiled run) although only a JIT log ever disassembles.
struct Capstone {
  decltype(&cs_open) open = nullptr;
  decltype(&cs_malloc) malloc = nullptr;
  decltype(&cs_disasm_iter) disasm_iter = nullptr;
  decltype(&cs_free) free = nullptr;
  decltype(&cs_close) close = nullptr;
};

#define PYRITE_STR2(x) #x
#define PYRITE_STR(x) PYRITE_STR2(x)

const Capstone* capstone() {
  static const Capstone* loaded = [] () -> const Capstone* {
    void* lib = dlopen("libcapstone.so." PYRITE_STR(CS_API_MAJOR), RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcapstone.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return nullptr;
    static Capstone api;
    api.open = reinterpret_cast<decltype(&cs_open)>(dlsym(lib, "cs_open"));
    api.malloc = reinterpret_cast<decltype(&cs_malloc)>(dlsym(lib, "cs_malloc"));
    api.disasm_iter = reinterpret_cast<decltype(&cs_disasm_iter)>(dlsym(lib, "cs_disasm_iter"));
    api.free = reinterpret_cast<decltype(&cs_free)>(dlsym(lib, "cs_free"));
    api.close = reinterpret_cast<decltype(&cs_close)>(dlsym(lib, "cs_close"));
    if (!api.open || !api.malloc || !api.disasm_iter || !api.free || !api.close) return nullptr;
    return &api;
  }();
  return loaded;
}

#undef PYRITE_STR
#undef PYRITE_STR2

}  // namespace

std::vector<Insn> disassemble(std::span<const uint8_t> code, uint64_t address) {
  std::vector<Insn> out;
  const Capstone* cs = capstone();
  csh handle;
  if (!cs || cs->open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) return out;
  cs_insn* insn = cs->malloc(handle);
  const uint8_t* p = code.data();
  size_t left = code.size();
  uint64_t at = address;
  while (left && cs->disasm_iter(handle, &p, &left, &at, insn)) {
    Insn i;
    i.address = insn->address;
    i.bytes.assign(insn->bytes, insn->bytes + insn->size);
    i.text = insn->mnemonic;
    if (insn->op_str[0]) {
      i.text += ' ';
      i.text += insn->op_str;
    }
    out.push_back(std::move(i));
  }
  cs->free(insn, 1);
  cs->close(&handle);
  return out;
}

std::string disassembly_text(std::span<const uint8_t> code, uint64_t address) {
  std::string out;
  char buf[32];
  for (const Insn& i : disassemble(code, address)) {
    std::snprintf(buf, sizeof buf, "0x%llx: ", static_cast<unsigned long long>(i.address));
    out += buf;
    std::string b = hex_bytes(i.bytes, " ");
    b.resize(std::max<size_t>(b.size(), 24), ' ');
    out += b;
    out += "  ";
    out += i.text;
    out += '\n';
  }
  return out;
}

// One JSON object under construction; fields in the order they are added.
class JitLog::Record {
 public:
  Record(std::string_view event, uint64_t micros) {
    s_ = "{\"event\":" + json_string(event) + ",\"t_us\":" + std::to_string(micros);
  }
  Record& str(std::string_view key, std::string_view v) { return raw(key, json_string(v)); }
  Record& num(std::string_view key, uint64_t v) { return raw(key, std::to_string(v)); }
  Record& addr(std::string_view key, uint64_t v) { return raw(key, hex(v)); }
  Record& raw(std::string_view key, std::string_view json) {
    s_ += ',';
    s_ += json_string(key);
    s_ += ':';
    s_.append(json);
    return *this;
  }
  const std::string& text() const { return s_; }

 private:
  std::string s_;
};

std::unique_ptr<JitLog> JitLog::open(const std::string& path, std::string_view language,
                                     std::string_view program, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    if (error) *error = "cannot write the JIT log " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  auto log = std::make_unique<JitLog>(f, language, program);
  log->owns_ = true;
  return log;
}

JitLog::JitLog(std::FILE* out, std::string_view language, std::string_view program)
    : out_(out), start_ns_(now_ns()) {
  std::string h = "{\"format\":\"pyrite-jitlog\",\"version\":" + std::to_string(kFormatVersion) +
                  ",\"language\":" + json_string(language) + ",\"program\":" + json_string(program) +
                  ",\"arch\":\"x86_64\",\"started\":" + std::to_string(static_cast<long long>(std::time(nullptr))) +
                  "}\n";
  std::fputs(h.c_str(), out_);
  std::fflush(out_);
}

JitLog::~JitLog() { close(); }

uint64_t JitLog::micros() const { return (now_ns() - start_ns_) / 1000; }

void JitLog::write(Record& r) {
  if (closed_) return;
  std::fputs(r.text().c_str(), out_);
  std::fputs("}\n", out_);
  std::fflush(out_);
}

uint32_t JitLog::trace_started(const TraceStart& start) {
  uint32_t id = next_trace_++;
  Record r("trace_start", micros());
  r.num("trace", id).str("kind", kind_name(start.kind));
  r.raw("green", "{\"code\":" + hex(start.key.code) + ",\"pc\":" + hex(start.key.pc) + "}");
  r.str("position", start.position);
  if (!start.target.empty()) r.str("target", start.target);
  if (start.kind == TraceKind::kBridge)
    r.raw("parent", "{\"trace\":" + std::to_string(start.parent.trace) +
                        ",\"guard\":" + std::to_string(start.parent.op) + "}");
  write(r);
  return id;
}

void JitLog::trace_aborted(uint32_t trace, trace::AbortReason why, std::string_view position,
                           uint32_t ops) {
  Record r("abort", micros());
  r.num("trace", trace).str("reason", trace::abort_reason_name(why));
  r.str("message", trace::abort_reason_message(why)).str("position", position).num("ops", ops);
  write(r);
}

void JitLog::ir(uint32_t trace, std::string_view pass, const ir::Trace& t,
                const ir::PrintOptions& options) {
  ir_text(trace, pass, ir::print_trace(t, options), t.num_ops());
}

void JitLog::ir_text(uint32_t trace, std::string_view pass, std::string_view text, uint32_t ops) {
  Record r("ir", micros());
  r.num("trace", trace).str("pass", pass).num("ops", ops).str("text", text);
  write(r);
}

void JitLog::trace_installed(uint32_t trace, uint32_t loop, uint32_t ops) {
  Record r("install", micros());
  r.num("trace", trace).num("loop", loop).num("ops", ops);
  write(r);
}

void JitLog::code(uint32_t trace, uint64_t address, std::span<const uint8_t> bytes,
                  std::span<const std::pair<uint32_t, uint32_t>> op_offsets) {
  Record r("code", micros());
  r.num("trace", trace).addr("address", address).num("size", bytes.size());
  r.str("bytes", hex_bytes(bytes, ""));
  std::string asm_json = "[";
  for (const Insn& i : disassemble(bytes, address)) {
    if (asm_json.size() > 1) asm_json += ',';
    asm_json += "{\"offset\":" + std::to_string(i.address - address) + ",\"bytes\":\"" +
                hex_bytes(i.bytes, "") + "\",\"text\":" + json_string(i.text) + "}";
  }
  asm_json += ']';
  r.raw("asm", asm_json);
  if (!op_offsets.empty()) {
    std::string ops = "[";
    for (auto [op, offset] : op_offsets) {
      if (ops.size() > 1) ops += ',';
      ops += "[" + std::to_string(op) + "," + std::to_string(offset) + "]";
    }
    ops += ']';
    r.raw("op_offsets", ops);
  }
  write(r);
}

void JitLog::bridge_attached(GuardRef guard, uint32_t bridge) {
  Record r("bridge", micros());
  r.num("trace", guard.trace).num("guard", guard.op).num("bridge", bridge);
  write(r);
}

void JitLog::counters(uint32_t trace, uint64_t entered,
                      std::span<const std::pair<uint32_t, uint64_t>> guard_failures) {
  Record r("counters", micros());
  r.num("trace", trace).num("entered", entered);
  std::string g = "[";
  for (auto [op, n] : guard_failures) {
    if (g.size() > 1) g += ',';
    g += "[" + std::to_string(op) + "," + std::to_string(n) + "]";
  }
  g += ']';
  r.raw("guard_failures", g);
  write(r);
}

void JitLog::stats(std::string_view text, std::span<const std::pair<std::string, uint64_t>> totals) {
  Record r("stats", micros());
  r.str("text", text);
  std::string t = "{";
  for (const auto& [name, n] : totals) {
    if (t.size() > 1) t += ',';
    t += json_string(name) + ":" + std::to_string(n);
  }
  t += '}';
  r.raw("totals", t);
  write(r);
}

void JitLog::close() {
  if (closed_) return;
  Record r("end", micros());
  r.num("traces", next_trace_);
  write(r);
  closed_ = true;
  if (owns_) std::fclose(out_);
  else std::fflush(out_);
  out_ = nullptr;
}

}  // namespace pyrite::jit::log
