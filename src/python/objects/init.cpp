// Runtime start-up: each file's init in dependency order (init.h).
//
// Owners: uncomment your init when your file defines it (link errors
// otherwise). Order matters only where a comment says so.
#include "python/objects/init.h"

#include "gc/heap.h"
#include "python/interp/generator.h"
#include "python/objects/cell.h"
#include "python/objects/code.h"
#include "python/objects/frame_object.h"
#include "python/objects/function.h"
#include "python/objects/module.h"
#include "python/objects/namespace.h"

namespace pyrite::python {

static bool g_initialized = false;
bool runtime_initialized() { return g_initialized; }

void init_runtime() {
  if (g_initialized) return;
  g_initialized = true;
  if (!gc::Heap::current()) new gc::Heap();  // the process's heap, never freed
  // core: shells of every builtin type, then the types that need no others.
  init_types_early();
  init_object_type();
  init_singletons();
  init_native();
  init_map();
  // The three types a complete type needs (name, mro, dict).
  init_tuple();        // containers
  init_dict();         // containers
  init_str();          // text
  init_descriptors();      // core: property, classmethod, staticmethod, super
  finish_builtin_types();  // core: names, dicts and mros of the types so far
  init_exceptions();     // exceptions + builtins: raising works from here
  init_protocol();
  // numbers
  init_int();
  init_bool();         // True, False (singletons::true_/false_)
  init_float();
  init_complex();
  // text
  init_bytes();
  init_bytearray();
  init_memoryview();
  // containers
  init_list();
  init_dict_views();
  init_set();
  init_range();
  init_slice();
  init_iterators();
  // exceptions + builtins
  init_errors();
  init_traceback();
  // lead
  init_cell();
  init_code();
  init_function();
  init_module();
  init_generator();
  init_frame_object();
  init_namespace();
  for (Type* t : {types::list, types::tuple, types::range, types::memoryview}) t->flags |= TypeFlag::kSequence;
  for (Type* t : {types::dict, types::mappingproxy}) t->flags |= TypeFlag::kMapping;
  // Builtins with their own weak list (CPython's tp_weaklistoffset): their
  // subclasses get no __weakref__ descriptor of their own.
  for (Type* t : {types::type, types::set, types::frozenset, types::module, types::generic_alias})
    t->flags |= TypeFlag::kWeakrefable;
}

}  // namespace pyrite::python
