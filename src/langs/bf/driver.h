// Running a BF program with or without the JIT (docs/bf.md): the driver
// that switches between the interpreter, the recorder and compiled loops.
#pragma once

#include <cstdint>
#include <string>

#include "jit/trace/jit.h"
#include "langs/bf/program.h"

namespace pyrite::langs::bf {

struct RunResult {
  bool ok = true;
  std::string error;  // when !ok: what went wrong, with the source position
};

// Runs `prog` on a fresh tape, reading stdin and writing stdout (flushed
// before returning). `jit` may be null: the interpreter alone. `trace_log`,
// if set, receives each installed trace as text.
RunResult run_program(const Program& prog, jit::trace::Jit* jit, std::string* trace_log = nullptr);

}  // namespace pyrite::langs::bf
