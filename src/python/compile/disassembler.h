// `pyrite --dis`: CodeUnit -> text in the layout of CPython's dis module
// (docs/compiler.md, "Reading dis output").
#pragma once

#include <string>

#include "python/compile/code_unit.h"

namespace pyrite::python::compile {

// The code unit, then every nested code unit (depth first), each after a
// "Disassembly of <code object ...>:" header, as dis.dis(code) prints them.
std::string disassemble(const CodeUnit& code);

// Only this code unit's instructions and exception table.
std::string disassemble_one(const CodeUnit& code);

// "<code object f, file "x.py", line 3>"
std::string code_object_repr(const CodeUnit& code);

}  // namespace pyrite::python::compile
