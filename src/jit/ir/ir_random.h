// Random well-formed traces for differential testing (docs/jit.md, "IR
// interpreter"): the printer/parser round trip today, the x86-64 backend
// against run_trace tomorrow.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "jit/ir/ir.h"

namespace pyrite::jit::ir {

struct RandomTraceOptions {
  int num_ops = 40;           // ops to generate between label and jump (roughly)
  int num_int_inputs = 3;     // int inputargs besides the memory base
  int num_float_inputs = 2;
  bool memory = true;         // raw loads/stores through inputarg 0 (a 256-byte buffer)
  bool loop = true;           // label ... jump; otherwise ... finish
  // Register pressure and calls (the backend's tests); the defaults keep
  // the traces every earlier seed produced.
  int snapshot_slots = 6;     // slots per snapshot frame (about half listed)
  bool finish_all = false;    // finish with every defined value, not four
  bool calls = false;         // call_i / call_f / call_n to random_call_* (below)
  int const_index_cells = 0;  // > 0: memory indexes are constants below this (stores that
                              // overwrite one cell again: the sink pass's traces)
  uint64_t const_memory = 0;  // with memory: access this address as a constant base instead
                              // of inputarg 0 (which stays, unused, for the same signature)
  // Loops and bridges between them (the backend's bridge tests):
  std::shared_ptr<DescrTable> descrs;  // the table to use (a fresh one if null)
  DescrId loop_target = kNoDescr;      // loop: the label's and jump's target descriptor
  std::optional<std::vector<Type>> input_types;  // if set, exactly these inputargs (no base:
                                       // memory then needs const_memory)
  DescrId jump_to = kNoDescr;          // not loop: end in a jump to this target, not finish
};

// A trace that verifies. With `memory`, inputarg 0 must be the address of
// kRandomTraceMemoryBytes writable, 8-aligned bytes; every access stays
// inside them. Loops may never exit on their own: run with Runtime::max_jumps.
inline constexpr int kRandomTraceMemoryBytes = 256;
Trace random_trace(uint64_t seed, const RandomTraceOptions& options = {});

// The C functions `calls` traces call: deterministic mixes of their
// arguments' bits, with 6 int + 2 float, 3 float + 1 int, a narrow (int32)
// result, and a void one that writes *counter.
int64_t random_call_ints(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f,
                         double x, double y);
double random_call_floats(double x, int64_t a, double y, double z);
int32_t random_call_narrow(int64_t a);
void random_call_count(int64_t a);
int64_t random_call_counter();  // what random_call_count accumulated
void reset_random_call_counter();

}  // namespace pyrite::jit::ir
