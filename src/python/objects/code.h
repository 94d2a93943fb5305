// Code objects: the compiler's CodeUnit turned into a GC object the
// interpreter runs (docs/interp.md, "Code objects").
//
// The instruction units live inline after the header (the interpreter
// writes their inline caches in place); constants and names are Python
// objects; the location and exception tables are copied into raw GC data.
#pragma once

#include <memory>

#include "python/compile/code_unit.h"
#include "python/objects/object.h"

namespace pyrite::python {

// Raw bytes owned by the GC (no references): tables of code objects.
struct RawData : Object {
  uint64_t size;
  uint8_t* bytes() { return reinterpret_cast<uint8_t*>(this + 1); }
  const uint8_t* bytes() const { return reinterpret_cast<const uint8_t*>(this + 1); }
};
RawData* raw_data_new(const void* bytes, size_t size);

struct Dict;
struct Cell;

// The inline cache of one LOAD_GLOBAL instruction (docs/interp.md,
// "Globals"): the globals and builtins dicts it was filled for and the cells
// of its name in each. Both dicts are module dicts, whose cells are forever
// the name's, so a filled site stays right as the names are bound and
// deleted: no version check.
struct GlobalSite {
  Dict* globals;
  Dict* builtins;
  Cell* global;
  Cell* builtin;
};
// A code object's LOAD_GLOBAL caches; instruction k's first cache unit holds k.
struct GlobalSites : Object {
  int64_t count;
  GlobalSite* at(uint32_t k) { return reinterpret_cast<GlobalSite*>(this + 1) + k; }
};

// A Pyrite flag of Code::flags, never in co_flags: the frames of this code
// add no traceback entry (set by _pyrite.hide_from_tracebacks for lib/'s
// stand-ins of C modules, whose C functions have no frames in CPython).
inline constexpr uint32_t kCodeHiddenFromTracebacks = 0x40000000;

struct Code : Object {
  Str* name;
  Str* qualname;
  Str* filename;
  Tuple* consts;
  Tuple* names;             // co_names, interned
  Tuple* localsplus_names;  // interned
  RawData* localsplus_kinds;   // compile::SlotKind bits per slot
  RawData* locations;          // compile::LocationEntry[]
  RawData* exception_table;    // compile::ExceptionEntry[]
  GlobalSites* global_sites;   // null when the code has no LOAD_GLOBAL
  Value docstring_unused;
  int32_t argcount;
  int32_t posonlyargcount;
  int32_t kwonlyargcount;
  int32_t nlocalsplus;
  int32_t nlocals;          // varnames
  int32_t ncellvars;        // cells that are not arguments
  int32_t nfreevars;
  int32_t stacksize;
  int32_t firstlineno;
  uint32_t flags;
  int32_t ncode;            // instruction units
  int32_t cell2arg_count;   // parameters that are also cells (MAKE_CELL handles them)
  int32_t warmth;           // executions + loop iterations, up to kWarmAfter (thread_state.h)
  // argcount when a call that passes exactly that many positional values
  // needs no other binding (no keyword-only parameters, *args or **kwargs),
  // else -1: the interpreter's inline call path (runtime_ops.h, push_exact_frame).
  int32_t exact_argc;
  // compile::Unit code[ncode] follows

  compile::Unit* code() { return reinterpret_cast<compile::Unit*>(this + 1); }
  const compile::Unit* code() const { return reinterpret_cast<const compile::Unit*>(this + 1); }
  uint8_t slot_kind(int i) const { return localsplus_kinds->bytes()[i]; }
  int frame_slots() const { return nlocalsplus + stacksize; }

  const compile::LocationEntry* location_at(uint32_t offset) const;
  int line_at(uint32_t offset) const;
  const compile::ExceptionEntry* handler_at(uint32_t offset) const;
};

extern gc::LayoutId kCodeLayout;

// Converts a compiled unit (and its nested code constants) into code
// objects. Null + MemoryError only.
Code* code_from_unit(const compile::CodeUnit& unit);

void init_code();

}  // namespace pyrite::python
