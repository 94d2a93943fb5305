// The JIT log (docs/jitlog.md): JSON string escaping, Capstone disassembly of
// known bytes, and a whole log written to a file and read back, every line
// checked to be one JSON object with the event's keys.
//
// With PYRITE_JITLOG_SAMPLE=FILE set, WholeLogReadsBack also leaves its log
// there, for the ctest that runs tools/jitlog_check.py over it.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "jit/ir/ir_parser.h"
#include "jit/log/jitlog.h"

namespace pyrite::jit::log {
namespace {

// A strict little JSON reader: enough to say a line is one valid object and
// to give its top-level keys with their values as raw text.
class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  bool object(std::map<std::string, std::string>* keys) {
    ws();
    if (!eat('{')) return false;
    ws();
    if (eat('}')) return end();
    for (;;) {
      ws();
      std::string key;
      if (!string(&key)) return false;
      ws();
      if (!eat(':')) return false;
      ws();
      size_t start = i_;
      if (!value()) return false;
      (*keys)[key] = std::string(s_.substr(start, i_ - start));
      ws();
      if (eat('}')) return end();
      if (!eat(',')) return false;
    }
  }

 private:
  bool end() {
    ws();
    return i_ == s_.size();
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) i_++;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  bool string(std::string* out) {
    if (!eat('"')) return false;
    while (i_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[i_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c != '\\') {
        *out += static_cast<char>(c);
        continue;
      }
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      if (e == 'u') {
        if (i_ + 4 > s_.size()) return false;
        for (int k = 0; k < 4; k++)
          if (!std::isxdigit(static_cast<unsigned char>(s_[i_ + k]))) return false;
        *out += "\\u" + std::string(s_.substr(i_, 4));
        i_ += 4;
      } else if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
        *out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        return false;
      }
    }
    return false;
  }
  bool value() {
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '"') {
      std::string ignored;
      return string(&ignored);
    }
    if (c == '{') {
      std::map<std::string, std::string> inner;
      JsonReader sub(s_.substr(i_));
      size_t depth_end = sub.skip_object();
      if (!depth_end) return false;
      i_ += depth_end;
      return true;
    }
    if (c == '[') {
      i_++;
      ws();
      if (eat(']')) return true;
      for (;;) {
        ws();
        if (!value()) return false;
        ws();
        if (eat(']')) return true;
        if (!eat(',')) return false;
      }
    }
    if (s_.substr(i_, 4) == "true" || s_.substr(i_, 4) == "null") return i_ += 4, true;
    if (s_.substr(i_, 5) == "false") return i_ += 5, true;
    size_t start = i_;
    eat('-');
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                              s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
      i_++;
    return i_ > start;
  }
  // Reads one object from the start; returns its length, 0 if invalid.
  size_t skip_object() {
    if (!eat('{')) return 0;
    ws();
    if (eat('}')) return i_;
    for (;;) {
      ws();
      std::string key;
      if (!string(&key)) return 0;
      ws();
      if (!eat(':')) return 0;
      ws();
      if (!value()) return 0;
      ws();
      if (eat('}')) return i_;
      if (!eat(',')) return 0;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

using Keys = std::map<std::string, std::string>;

bool parse_line(const std::string& line, Keys* keys) { return JsonReader(line).object(keys); }

TEST(JitLog, JsonReaderRejectsBrokenLines) {
  Keys k;
  EXPECT_TRUE(parse_line(R"({"a":[1,{"b":"c\n"}],"d":"0x1f","e":true})", &k));
  EXPECT_EQ(k["d"], "\"0x1f\"");
  for (const char* bad : {R"({"a":1)", R"({"a":"x)", "{\"a\":\"\x01\"}", R"({"a":1}x)", R"({a:1})",
                          R"({"a":"\q"})", R"({"a":[1,]})"}) {
    Keys ignored;
    EXPECT_FALSE(parse_line(bad, &ignored)) << bad;
  }
}

TEST(JitLog, JsonStringEscapes) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("l1\nl2\t\r"), R"("l1\nl2\t\r")");
  EXPECT_EQ(json_string(std::string_view("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(json_string(std::string_view("nul\0x", 5)), R"("nul\u0000x")");
  // Valid UTF-8 stays; invalid bytes (a lone continuation byte, a truncated
  // sequence, an overlong '/', a surrogate) become U+FFFD.
  EXPECT_EQ(json_string("caf\xc3\xa9 \xe2\x86\x92"), "\"caf\xc3\xa9 \xe2\x86\x92\"");
  EXPECT_EQ(json_string("a\x80z"), R"("a\ufffdz")");
  EXPECT_EQ(json_string("\xc3"), R"("\ufffd")");
  EXPECT_EQ(json_string("\xc0\xaf"), R"("\ufffd\ufffd")");
  EXPECT_EQ(json_string("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");
}

TEST(JitLog, DisassemblesKnownBytes) {
  const uint8_t code[] = {0x48, 0x01, 0xd8, 0xc3};
  std::vector<Insn> insns = disassemble(code, 0x1000);
  ASSERT_EQ(insns.size(), 2u);
  EXPECT_EQ(insns[0].address, 0x1000u);
  EXPECT_EQ(insns[0].text, "add rax, rbx");
  EXPECT_EQ(insns[0].bytes, (std::vector<uint8_t>{0x48, 0x01, 0xd8}));
  EXPECT_EQ(insns[1].address, 0x1003u);
  EXPECT_EQ(insns[1].text, "ret");
  EXPECT_EQ(disassembly_text(code, 0x1000),
            "0x1000: 48 01 d8                  add rax, rbx\n"
            "0x1003: c3                        ret\n");
  // A jump with a rel32 shows its absolute target, and a truncated
  // instruction at the end is left out.
  const uint8_t jmp[] = {0xe9, 0x10, 0x00, 0x00, 0x00, 0x48, 0x01};
  insns = disassemble(jmp, 0x2000);
  ASSERT_EQ(insns.size(), 1u);
  EXPECT_EQ(insns[0].text, "jmp 0x2015");
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream f(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(f, line);) lines.push_back(line);
  return lines;
}

TEST(JitLog, WholeLogReadsBack) {
  const char* sample = std::getenv("PYRITE_JITLOG_SAMPLE");
  std::string path = sample ? sample : ::testing::TempDir() + "jit_log_test.jsonl";
  std::string error;
  auto log = JitLog::open(path, "bf", "tests/bf/\"odd\" name.b", &error);
  ASSERT_TRUE(log) << error;

  ir::ParseResult p = ir::parse_trace(
      "descr loop0 = target(args=(i))\n"
      "[i0]\n"
      "label(i0, descr=loop0)\n"
      "i1 = int_add(i0, 1)\n"
      "i2 = int_lt(i1, 100)\n"
      "guard_true(i2) [0@3/1: 0=i1]\n"
      "jump(i1, descr=loop0)\n");
  ASSERT_TRUE(p.ok()) << p.error.to_string();

  TraceStart start;
  start.key = {0x55d0c0de0000ull, 7};
  start.position = "prog.b:2:5";
  start.target = "loop0";
  uint32_t t0 = log->trace_started(start);
  EXPECT_EQ(t0, 0u);
  log->ir(t0, "recorded", *p.trace);
  ir::PrintOptions numbered;
  numbered.op_indexes = true;
  log->ir(t0, "fold", *p.trace, numbered);
  log->trace_installed(t0, 0, p.trace->num_ops());
  const uint8_t code[] = {0x48, 0x01, 0xd8, 0xc3};
  std::pair<uint32_t, uint32_t> offsets[] = {{2, 0}, {5, 3}};
  log->code(t0, 0x7f0000001000ull, code, offsets);

  uint32_t t1 = log->trace_started({TraceKind::kLoop, {0x55d0c0de0000ull, 40}, "prog.b:9:1", "", {}});
  log->trace_aborted(t1, trace::AbortReason::kTraceTooLong, "prog.b:9:3", 4001);

  TraceStart bridge;
  bridge.kind = TraceKind::kBridge;
  bridge.key = start.key;
  bridge.position = "prog.b:2:9";
  bridge.parent = {t0, 4};
  uint32_t t2 = log->trace_started(bridge);
  EXPECT_EQ(t2, 2u);
  log->bridge_attached({t0, 4}, t2);
  std::pair<uint32_t, uint64_t> fails[] = {{4, 17}};
  log->counters(t0, 123456789012ull, fails);
  std::pair<std::string, uint64_t> totals[] = {{"loops_entered", 5}, {"guard_failures", 17}};
  log->stats("jitstats: loops entered 5\njitstats: guard failures 17\n", totals);
  log->close();
  log->close();  // idempotent

  std::vector<std::string> lines = read_lines(path);
  ASSERT_EQ(lines.size(), 13u);
  std::vector<Keys> recs;
  for (const std::string& line : lines) {
    Keys k;
    ASSERT_TRUE(parse_line(line, &k)) << line;
    recs.push_back(k);
  }
  EXPECT_EQ(recs[0]["format"], "\"pyrite-jitlog\"");
  EXPECT_EQ(recs[0]["version"], "1");
  EXPECT_EQ(recs[0]["language"], "\"bf\"");
  EXPECT_EQ(recs[0]["program"], R"("tests/bf/\"odd\" name.b")");
  const char* events[] = {"trace_start", "ir",    "ir",     "install",  "code",  "trace_start",
                          "abort",       "trace_start", "bridge", "counters", "stats", "end"};
  for (size_t i = 1; i < lines.size(); i++) {
    EXPECT_EQ(recs[i]["event"], std::string("\"") + events[i - 1] + "\"") << lines[i];
    EXPECT_TRUE(recs[i].count("t_us")) << lines[i];
  }
  EXPECT_EQ(recs[1]["green"], R"({"code":"0x55d0c0de0000","pc":"0x7"})");
  EXPECT_EQ(recs[1]["kind"], "\"loop\"");
  EXPECT_EQ(recs[1]["target"], "\"loop0\"");
  EXPECT_EQ(recs[2]["pass"], "\"recorded\"");
  EXPECT_EQ(recs[2]["ops"], "6");
  EXPECT_EQ(recs[2]["text"], json_string(ir::print_trace(*p.trace)));
  EXPECT_NE(recs[2]["text"].find(R"(\nguard_true(i2) [0@3/1: 0=i1]\njump(i1, descr=loop0)\n")"),
            std::string::npos);
  EXPECT_NE(recs[3]["text"].find("4: guard_true(i2)"), std::string::npos) << recs[3]["text"];
  EXPECT_EQ(recs[5]["address"], "\"0x7f0000001000\"");
  EXPECT_EQ(recs[5]["bytes"], "\"4801d8c3\"");
  EXPECT_EQ(recs[5]["asm"],
            R"([{"offset":0,"bytes":"4801d8","text":"add rax, rbx"},{"offset":3,"bytes":"c3","text":"ret"}])");
  EXPECT_EQ(recs[5]["op_offsets"], "[[2,0],[5,3]]");
  EXPECT_FALSE(recs[6].count("target"));
  EXPECT_EQ(recs[7]["reason"], "\"TraceTooLong\"");
  EXPECT_EQ(recs[7]["trace"], "1");
  EXPECT_EQ(recs[7]["ops"], "4001");
  EXPECT_EQ(recs[8]["kind"], "\"bridge\"");
  EXPECT_EQ(recs[8]["parent"], R"({"trace":0,"guard":4})");
  EXPECT_EQ(recs[9]["guard"], "4");
  EXPECT_EQ(recs[9]["bridge"], "2");
  EXPECT_EQ(recs[10]["entered"], "123456789012");
  EXPECT_EQ(recs[10]["guard_failures"], "[[4,17]]");
  EXPECT_EQ(recs[11]["totals"], R"({"loops_entered":5,"guard_failures":17})");
  EXPECT_EQ(recs[11]["text"], R"("jitstats: loops entered 5\njitstats: guard failures 17\n")");
  EXPECT_EQ(recs[12]["traces"], "3");
  if (!sample) std::remove(path.c_str());
}

TEST(JitLog, OpenReportsAnUnwritablePath) {
  std::string error;
  EXPECT_FALSE(JitLog::open("/nonexistent-dir/x.jsonl", "bf", "p.b", &error));
  EXPECT_NE(error.find("/nonexistent-dir/x.jsonl"), std::string::npos) << error;
}

TEST(JitLog, StreamLogWritesHeaderAndEnd) {
  char* buf = nullptr;
  size_t size = 0;
  std::FILE* f = open_memstream(&buf, &size);
  {
    JitLog log(f, "python", "x.py");
  }
  std::fclose(f);
  std::string text(buf, size);
  std::free(buf);
  std::istringstream in(text);
  std::string l1, l2, l3;
  std::getline(in, l1);
  std::getline(in, l2);
  EXPECT_EQ(l1.rfind("{\"format\":\"pyrite-jitlog\",\"version\":1,\"language\":\"python\"", 0), 0u) << l1;
  EXPECT_EQ(l2.rfind("{\"event\":\"end\",", 0), 0u) << l2;
  EXPECT_FALSE(std::getline(in, l3));
}

}  // namespace
}  // namespace pyrite::jit::log
