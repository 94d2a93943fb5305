// Random well-formed traces for differential testing (docs/jit.md, "IR
// interpreter"): the printer/parser round trip today, the x86-64 backend
// against run_trace tomorrow.
#pragma once

#include <cstdint>

#include "jit/ir/ir.h"

namespace pyrite::jit::ir {

struct RandomTraceOptions {
  int num_ops = 40;           // ops to generate between label and jump (roughly)
  int num_int_inputs = 3;     // int inputargs besides the memory base
  int num_float_inputs = 2;
  bool memory = true;         // raw loads/stores through inputarg 0 (a 256-byte buffer)
  bool loop = true;           // label ... jump; otherwise ... finish
};

// A trace that verifies. With `memory`, inputarg 0 must be the address of
// kRandomTraceMemoryBytes writable, 8-aligned bytes; every access stays
// inside them. Loops may never exit on their own: run with Runtime::max_jumps.
inline constexpr int kRandomTraceMemoryBytes = 256;
Trace random_trace(uint64_t seed, const RandomTraceOptions& options = {});

}  // namespace pyrite::jit::ir
