// None, NotImplemented, Ellipsis and their types (docs/objects.md,
// "Types and slots"). True and False are made by bool.cpp (init_bool) into
// the globals defined here.
#include "python/modules/codecs_module.h"  // issue_warning
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace singletons {
Object* none = nullptr;
Object* true_ = nullptr;
Object* false_ = nullptr;
Object* not_implemented = nullptr;
Object* ellipsis = nullptr;
}  // namespace singletons

static gc::LayoutId g_singleton_layout;

static void trace_singleton(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

static bool no_args(Type* type, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->length)) {
    raisef(exc::TypeError, "%s takes no arguments",
           type == types::ellipsis_type ? "EllipsisType" : type_name_of(type).c_str());
    return false;
  }
  return true;
}

static Value none_new(Type* t, const Value*, size_t nargs, Tuple* kw) {
  if (!no_args(t, nargs, kw)) return {};
  return none();
}
static Value none_repr(Value) { return intern("None"); }
static int none_bool(Value) { return 0; }

static Value ni_new(Type* t, const Value*, size_t nargs, Tuple* kw) {
  if (!no_args(t, nargs, kw)) return {};
  return not_implemented();
}
static Value ni_repr(Value) { return intern("NotImplemented"); }
static Value ni_reduce(Value, const Value*, size_t, Tuple*) { return intern("NotImplemented"); }
// 3.11 warns (DeprecationWarning) and answers True.
static int ni_bool(Value) {
  if (!issue_warning(exc::DeprecationWarning, "NotImplemented should not be used in a boolean context", 1))
    return -1;
  return 1;
}

static Value ellipsis_new(Type* t, const Value*, size_t nargs, Tuple* kw) {
  if (!no_args(t, nargs, kw)) return {};
  return singletons::ellipsis;
}
static Value ellipsis_repr(Value) { return intern("Ellipsis"); }
static Value ellipsis_reduce(Value, const Value*, size_t, Tuple*) { return intern("Ellipsis"); }

static const MethodDef kNotImplementedMethods[] = {
    {"__reduce__", ni_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
static const MethodDef kEllipsisMethods[] = {
    {"__reduce__", ellipsis_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

void init_singletons() {
  g_singleton_layout = register_object_layout("singleton", sizeof(Object), trace_singleton);
  singletons::none = allocate<Object>(g_singleton_layout, types::none_type);
  singletons::not_implemented = allocate<Object>(g_singleton_layout, types::not_implemented_type);
  singletons::ellipsis = allocate<Object>(g_singleton_layout, types::ellipsis_type);
  gc::add_root(reinterpret_cast<void**>(&singletons::none));
  gc::add_root(reinterpret_cast<void**>(&singletons::not_implemented));
  gc::add_root(reinterpret_cast<void**>(&singletons::ellipsis));
  gc::add_root(reinterpret_cast<void**>(&singletons::true_));
  gc::add_root(reinterpret_cast<void**>(&singletons::false_));
  {
    TypeSpec s;
    s.name = "NoneType";
    s.layout = g_singleton_layout;
    s.slots.new_ = none_new;
    s.slots.repr = none_repr;
    s.slots.bool_ = none_bool;
    make_builtin_type(&types::none_type, s);
  }
  {
    TypeSpec s;
    s.name = "NotImplementedType";
    s.layout = g_singleton_layout;
    s.slots.new_ = ni_new;
    s.slots.repr = ni_repr;
    s.slots.bool_ = ni_bool;
    s.methods = kNotImplementedMethods;
    make_builtin_type(&types::not_implemented_type, s);
  }
  {
    TypeSpec s;
    s.name = "ellipsis";
    s.layout = g_singleton_layout;
    s.slots.new_ = ellipsis_new;
    s.slots.repr = ellipsis_repr;
    s.methods = kEllipsisMethods;
    make_builtin_type(&types::ellipsis_type, s);
  }
}

}  // namespace pyrite::python
