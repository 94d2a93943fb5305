// The JIT log: `-X jitlog=FILE`, a versioned JSON Lines record of every
// trace the JIT starts, aborts, optimizes, compiles and links, for the trace
// viewer and for tests (docs/jitlog.md describes every record and field).
//
// Invariants:
//   - The file is one JSON object per line. Line 1 is the header
//     {"format":"pyrite-jitlog","version":N,...}; a log closed normally ends
//     with {"event":"end"}; every record between names its "event".
//   - Trace ids are the log's own (0, 1, 2, ... in order of trace_started),
//     so a record about a trace always follows that trace's trace_start.
//   - Every record is flushed when written: traces are rare next to the work
//     they do, and a log that survives a crash is the one worth reading.
//   - Addresses and green-key words are hex strings ("0x7f..."): JSON
//     numbers read by a web page are doubles and lose bits past 2^53.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jit/ir/ir.h"
#include "jit/ir/ir_printer.h"
#include "jit/trace/abort.h"
#include "jit/trace/hot_counters.h"

namespace pyrite::jit::log {

inline constexpr int kFormatVersion = 1;

// What a trace is: a loop recorded at a hot loop header, or a bridge
// recorded from a guard that failed often.
enum class TraceKind : uint8_t { kLoop, kBridge };

// A guard of a trace: the parent of a bridge.
struct GuardRef {
  uint32_t trace = 0;  // log trace id
  uint32_t op = 0;     // the guard's op index in that trace's installed IR
};

// What the log needs when a recording starts. `position` is the language's
// text for the green key ("primes.b:3:14", "f.py:12 in f"); the layer knows
// no source positions.
struct TraceStart {
  TraceKind kind = TraceKind::kLoop;
  trace::GreenKey key;
  std::string_view position;
  std::string_view target;  // the target descriptor's name ("loop3"), if any
  GuardRef parent;          // bridges only
};

// One disassembled instruction.
struct Insn {
  uint64_t address = 0;
  std::vector<uint8_t> bytes;
  std::string text;  // Intel syntax: "add rax, rbx"
};

// Disassembles x86-64 code at `address` with Capstone; stops at the first
// byte sequence that is not an instruction (the rest is left out).
std::vector<Insn> disassemble(std::span<const uint8_t> code, uint64_t address);
// The same as text, one instruction a line: "0x1000: 48 01 d8  add rax, rbx".
std::string disassembly_text(std::span<const uint8_t> code, uint64_t address);

// `s` as a JSON string literal, quotes included: control characters and
// invalid UTF-8 bytes escaped (the latter as \ufffd), valid UTF-8 kept.
std::string json_string(std::string_view s);

class JitLog {
 public:
  // Opens `path` for writing and writes the header, or returns nullptr
  // with *error set. `language` ("bf", "python") and `program` (the main
  // file) go into the header.
  static std::unique_ptr<JitLog> open(const std::string& path, std::string_view language,
                                      std::string_view program, std::string* error);
  // Writes to a stream the caller owns (tests, stderr); the header is
  // written now.
  JitLog(std::FILE* out, std::string_view language, std::string_view program);
  ~JitLog();  // close()
  JitLog(const JitLog&) = delete;
  JitLog& operator=(const JitLog&) = delete;

  // ---- one method per event; each writes one record ----

  // A recording began; returns its trace id for the records that follow.
  uint32_t trace_started(const TraceStart& start);
  // The recording of `trace` was abandoned after `ops` ops.
  void trace_aborted(uint32_t trace, trace::AbortReason why, std::string_view position,
                     uint32_t ops);
  // The IR of `trace` after pass `pass`: "recorded" for the trace as
  // recorded, then one record per optimizer pass by its name.
  void ir(uint32_t trace, std::string_view pass, const ir::Trace& t,
          const ir::PrintOptions& options = {});
  // The same for IR already printed (e.g. a pass pipeline's own dump).
  void ir_text(uint32_t trace, std::string_view pass, std::string_view text, uint32_t ops);
  // The trace is installed and runs from now on; `loop` is the Jit's index
  // for it (CompiledLoop), so counters can be matched by either.
  void trace_installed(uint32_t trace, uint32_t loop, uint32_t ops);
  // Machine code of a trace or bridge at `address`, with its disassembly.
  // `op_offsets` optionally maps IR op indexes to code offsets (pairs of op
  // index, byte offset from `address`, ascending), so the viewer can put
  // each op beside its instructions.
  void code(uint32_t trace, uint64_t address, std::span<const uint8_t> bytes,
            std::span<const std::pair<uint32_t, uint32_t>> op_offsets = {});
  // A guard of one trace now jumps to a bridge.
  void bridge_attached(GuardRef guard, uint32_t bridge);
  // At exit: how often `trace` was entered and, per guard op index, how
  // often it failed (only guards that failed need be listed).
  void counters(uint32_t trace, uint64_t entered,
                std::span<const std::pair<uint32_t, uint64_t>> guard_failures);
  // At exit: the -X jitstats text, and named totals for the viewer.
  void stats(std::string_view text, std::span<const std::pair<std::string, uint64_t>> totals = {});

  // Writes the end record and closes a file opened by open(). Idempotent.
  void close();

  uint32_t num_traces() const { return next_trace_; }

 private:
  class Record;
  void write(Record& r);
  uint64_t micros() const;

  std::FILE* out_;
  bool owns_ = false;
  bool closed_ = false;
  uint32_t next_trace_ = 0;
  uint64_t start_ns_ = 0;
};

}  // namespace pyrite::jit::log
