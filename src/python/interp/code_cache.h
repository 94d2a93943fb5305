// The bytecode cache for imported modules (docs/bytecode_cache.md): the
// compiler's CodeUnit for a source file, kept in a per-user directory in
// Pyrite's own format and reused while the source's mtime and size and the
// Pyrite binary stay the same. Never CPython's .pyc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "python/compile/code_unit.h"

namespace pyrite::python {

// -X bytecode-cache=off disables reading and writing; -B or
// PYTHONDONTWRITEBYTECODE only writing. Called before the first import.
void code_cache_configure(bool enabled, bool write);

struct SourceStamp {
  int64_t mtime_ns = 0;
  int64_t size = 0;
  bool valid = false;
};

// The stamp of the file at `path` (valid false if it cannot be stat'ed).
SourceStamp source_stamp(const std::string& path);

// The cached unit of `path` if its header matches `stamp`, else null.
// String views in constants point into *storage, which must outlive the unit.
std::unique_ptr<compile::CodeUnit> code_cache_load(const std::string& path, const SourceStamp& stamp,
                                                   std::string* storage);
// Writes the cache for `path`; failures are ignored.
void code_cache_store(const std::string& path, const SourceStamp& stamp, const compile::CodeUnit& unit);

}  // namespace pyrite::python
