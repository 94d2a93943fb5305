// Cells: the shared variables of closures (docs/interp.md, "Closures").
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Cell : Object {
  Value value;  // null: empty
};

extern gc::LayoutId kCellLayout;

Cell* cell_new(Value v);
void init_cell();

}  // namespace pyrite::python
