// Cells (docs/interp.md, "Closures").
#include "python/objects/cell.h"

#include "python/objects/errors.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

gc::LayoutId kCellLayout;

namespace {

void trace_cell(void* p, gc::Visitor& v) {
  auto* c = static_cast<Cell*>(p);
  v.visit(c->type);
  visit_value(v, c->value);
}

Value cell_repr(Value self) {
  auto* c = self.as<Cell>();
  if (!c->value) return str_format("<cell at %p: empty>", static_cast<void*>(c));
  return str_format("<cell at %p: %s object at %p>", static_cast<void*>(c), type_name(c->value).c_str(),
                    static_cast<void*>(c->value.object()));
}

Value cell_contents_get(Value self) {
  auto* c = self.as<Cell>();
  if (!c->value) return raise(exc::ValueError, "Cell is empty");
  return c->value;
}
bool cell_contents_set(Value self, Value v) {
  self.as<Cell>()->value = v;
  return true;
}

Value cell_compare(Value a, Value b, CompareOp op) {
  if (!b.is_object() || type_of(b) != types::cell) return not_implemented();
  Value x = a.as<Cell>()->value, y = b.as<Cell>()->value;
  if (x && y) return compare(x, y, op);
  // Empty cells order before full ones.
  int cx = x ? 1 : 0, cy = y ? 1 : 0;
  switch (op) {
    case CompareOp::kLt: return py_bool(cx < cy);
    case CompareOp::kLe: return py_bool(cx <= cy);
    case CompareOp::kEq: return py_bool(cx == cy);
    case CompareOp::kNe: return py_bool(cx != cy);
    case CompareOp::kGt: return py_bool(cx > cy);
    default: return py_bool(cx >= cy);
  }
}

// cell(contents=<empty>, /): types.CellType.
Value cell_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length > 0) return raise(exc::TypeError, "cell() takes no keyword arguments");
  if (nargs > 1) return raisef(exc::TypeError, "cell expected at most 1 argument, got %zu", nargs);
  return cell_new(nargs ? args[0] : Value());
}

const GetSetDef kCellGetSets[] = {
    {"cell_contents", cell_contents_get, cell_contents_set},
    {nullptr, nullptr},
};

}  // namespace

Cell* cell_new(Value v) {
  auto* c = allocate<Cell>(kCellLayout, types::cell);
  c->value = v;
  return c;
}

void init_cell() {
  kCellLayout = register_object_layout("cell", sizeof(Cell), trace_cell);
  TypeSpec spec;
  spec.name = "cell";
  spec.layout = kCellLayout;
  spec.instance_size = sizeof(Cell);
  spec.trace = trace_cell;
  spec.slots.repr = cell_repr;
  spec.slots.compare = cell_compare;
  spec.slots.new_ = cell_new_slot;
  spec.getsets = kCellGetSets;
  make_builtin_type(&types::cell, spec);
}

}  // namespace pyrite::python
