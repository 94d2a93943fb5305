// IR value types and effect bits, shared by ops and descriptors (docs/jit.md, "IR").
#pragma once

#include <cstdint>

namespace pyrite::jit::ir {

// Every IR value is one 64-bit word of one of three types. Refs are GC
// pointers (or null); raw addresses are ints.
enum class Type : uint8_t { kVoid, kInt, kFloat, kRef };

// 'v', 'i', 'f', 'r' as in ir.def; printed value names use 'p' for refs.
char type_letter(Type t);
char value_letter(Type t);  // 'i', 'f', 'p'
const char* type_name(Type t);  // "void", "int", "float", "ref"

// Effect bits: declared per op in ir.def and per call in its descriptor.
using Effects = uint32_t;
namespace effect {
inline constexpr Effects kPure = 1u << 0;           // result depends only on the operands; no side effect
inline constexpr Effects kCommutative = 1u << 1;    // operands 0 and 1 may be swapped
inline constexpr Effects kGuard = 1u << 2;          // may leave the trace through its snapshot
inline constexpr Effects kOvf = 1u << 3;            // sets the overflow condition the next guard reads
inline constexpr Effects kMayRaise = 1u << 4;       // may leave an exception pending (guard_no_exception follows)
inline constexpr Effects kReadsHeap = 1u << 5;      // reads memory
inline constexpr Effects kWritesHeap = 1u << 6;     // writes memory
inline constexpr Effects kAllocates = 1u << 7;      // returns a fresh object
inline constexpr Effects kCallsArbitrary = 1u << 8; // may run arbitrary code (e.g. Python code)
inline constexpr Effects kCanCollect = 1u << 9;     // may run the GC
inline constexpr Effects kCall = 1u << 10;          // a call through its call descriptor
inline constexpr Effects kFinal = 1u << 11;         // ends the trace (jump, finish)
inline constexpr Effects kMarker = 1u << 12;        // no machine code of its own
inline constexpr Effects kCanInvalidate = 1u << 13; // calls only: may write a quasi-immutable field
inline constexpr Effects kForcesVirtuals = 1u << 14;// calls only: may force the frame or virtual refs
}  // namespace effect

}  // namespace pyrite::jit::ir
