// Runtime start-up: the order in which the object model's files initialize
// (docs/objects.md, "Types and slots").
//
// init_runtime() makes the GC heap if there is none, then runs each file's
// init in dependency order. Core first allocates an empty Type for every
// entry of builtin_types.def (so `types::str` etc. are valid pointers before
// any file runs), then each owner's init registers its layouts and fills its
// types with make_builtin_type. Types made before str, tuple and dict are up
// are completed (names, dicts, mro, wrappers) by finish_builtin_types().
#pragma once

namespace pyrite::python {

// Idempotent; the unit-test fixtures call it once.
void init_runtime();
bool runtime_initialized();

// ---- per-file inits, in the order init_runtime calls them ------------------
// core (type.cpp, object_type.cpp, singletons.cpp, native.cpp, map.cpp,
// descriptors.cpp, protocol.cpp)
void init_types_early();      // layouts of Type, shells of every builtin type
void init_object_type();      // object, then type and mappingproxy (init_type_type)
void init_type_type();
void init_singletons();       // None, NotImplemented, Ellipsis and their types
void init_native();           // builtin function, descriptors, slot wrappers
void init_map();              // maps and instance storage
// text
void init_str();
// containers
void init_tuple();
void init_dict();
// core: names, dicts, mro of every type made so far
void finish_builtin_types();
void init_descriptors();      // property, classmethod, staticmethod, super, GenericAlias
void init_protocol();         // the sequence iterator of the __getitem__ fallback
// numbers
void init_int();
void init_bool();             // True, False
void init_float();
void init_complex();
// text
void init_bytes();
void init_bytearray();
void init_memoryview();
// containers
void init_list();
void init_dict_views();
void init_set();
void init_range();
void init_slice();
void init_iterators();
// exceptions + builtins
void init_errors();
void init_exceptions();
void init_traceback();
// lead
void init_cell();
void init_code();
void init_function();
void init_module();
void init_generator();
void init_frame_object();

}  // namespace pyrite::python
