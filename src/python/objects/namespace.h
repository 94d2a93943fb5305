// types.SimpleNamespace (namespace.cpp).
#pragma once

#include <initializer_list>
#include <utility>

#include "python/objects/object.h"

namespace pyrite::python {

Type* simple_namespace_type();
// A SimpleNamespace with these attributes, in order. Null + error.
Value namespace_new(std::initializer_list<std::pair<const char*, Value>> attrs);
void init_namespace();

}  // namespace pyrite::python
