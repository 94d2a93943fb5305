// Module objects (docs/interp.md, "Modules and imports").
#include "python/objects/module.h"

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

gc::LayoutId kModuleLayout;

namespace {

void trace_module(void* p, gc::Visitor& v) {
  auto* m = static_cast<Module*>(p);
  v.visit(m->type);
  v.visit(m->dict);
  v.visit(m->attrs_map);
  v.visit(m->attrs_storage);
}

Module* md(Value v) { return v.as<Module>(); }

Str* name_of(Value self) {
  static Str* const kName = intern("__name__");
  Value n = dict_get_str(md(self)->dict, kName);
  return n && is_str(n) ? n.as<Str>() : nullptr;
}

Value module_repr(Value self) {
  static Str* const kFile = intern("__file__");
  Str* name = name_of(self);
  std::string n = name ? str_to_utf8(name) : "?";
  Value file = dict_get_str(md(self)->dict, kFile);
  if (file && is_str(file)) return str_format("<module '%s' from '%s'>", n.c_str(), str_to_utf8(file.as<Str>()).c_str());
  if (n == "sys" || n == "builtins") return str_format("<module '%s' (built-in)>", n.c_str());
  return str_format("<module '%s'>", n.c_str());
}

// Attributes: the type's descriptors, then the module dict, then the
// module's own __getattr__ (PEP 562).
Value module_getattr(Value self, Str* name) {
  // Data descriptors of the type (__dict__, __class__) first, then the
  // module's namespace, then the type's other attributes (methods, __doc__).
  Value descr = type_lookup(type_of(self), name);
  if (descr && type_of(descr)->slots.descr_set) return generic_getattr(self, name);
  Value v = dict_get_str(md(self)->dict, name);
  if (v || has_error()) return v;
  if (descr) {
    v = generic_getattr_or_null(self, name);
    if (v || has_error()) return v;
  }
  static Str* const kGetattr = intern("__getattr__");
  Value hook = dict_get_str(md(self)->dict, kGetattr);
  if (hook) return call1(hook, name);
  Str* mname = name_of(self);
  if (mname) {
    return raisef(exc::AttributeError, "module '%s' has no attribute '%s'", str_to_utf8(mname).c_str(),
                  str_to_utf8(name).c_str());
  }
  return raisef(exc::AttributeError, "module has no attribute '%s'", str_to_utf8(name).c_str());
}

bool module_setattr(Value self, Str* name, Value v) {
  Value descr = type_lookup(type_of(self), name);
  if (descr && type_of(descr)->slots.descr_set) return generic_setattr(self, name, v);
  if (v) return dict_set_str(md(self)->dict, name, v);
  int r = dict_del_str(md(self)->dict, name);
  if (r == 0) {
    Str* mname = name_of(self);
    raisef(exc::AttributeError, "module '%s' has no attribute '%s'", mname ? str_to_utf8(mname).c_str() : "?",
           str_to_utf8(name).c_str());
    return false;
  }
  return r > 0;
}

Value get_dict(Value self) { return md(self)->dict; }

// module.__dir__: the namespace's own __dir__ (PEP 562) or its keys.
// As CPython, the dict is self.__dict__ (a subclass may shadow it).
Value module_dir(Value self, const Value*, size_t, Tuple*) {
  static Str* const kDir = intern("__dir__");
  Value dv = get_attr(self, names::__dict__);
  if (!dv) return {};
  if (!is_dict(dv)) return raise(exc::TypeError, "<module>.__dict__ is not a dictionary");
  Dict* d = dv.as<Dict>();
  Value hook = dict_get_str(d, kDir);
  if (hook) return call0(hook);
  if (has_error()) return {};
  List* keys = list_new();
  int64_t i = 0;
  Value k, v;
  while (dict_next(d, &i, &k, &v)) {
    if (!list_append(keys, k)) return {};
  }
  return keys;
}

const MethodDef kModuleMethods[] = {
    {"__dir__", module_dir, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

// __annotations__ lives in the module's dict; reading it makes an empty
// one there first (CPython 3.10+'s module_get_annotations).
Value get_annotations(Value self) {
  static Str* const kAnnotations = intern("__annotations__");
  Dict* d = md(self)->dict;
  Value a = dict_get_str(d, kAnnotations);
  if (a || has_error()) return a;
  Dict* fresh = dict_new();
  if (!fresh || !dict_set_str(d, kAnnotations, fresh)) return {};
  return fresh;
}
bool set_annotations(Value self, Value v) {
  static Str* const kAnnotations = intern("__annotations__");
  Dict* d = md(self)->dict;
  if (v) return dict_set_str(d, kAnnotations, v);
  int r = dict_del_str(d, kAnnotations);
  if (r == 0) raise_with(exc::AttributeError, kAnnotations);
  return r > 0;
}

const GetSetDef kModuleGetSets[] = {
    {"__dict__", get_dict, nullptr, nullptr, true},  // CPython's read-only member
    {"__annotations__", get_annotations, set_annotations},
    {nullptr, nullptr},
};

Value module_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* m = reinterpret_cast<Module*>(alloc_instance(type));
  m->dict = dict_new_cells();
  return m;
}

bool module_init_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"name", "doc", nullptr};
  Value name, doc;
  ArgSpec spec{"module", kNames, 1, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&name, &doc})) return false;
  if (!is_str(name)) {
    raisef(exc::TypeError, "module.__init__() argument 'name' must be str, not %s", type_name(name).c_str());
    return false;
  }
  Dict* d = md(self)->dict;
  return dict_set_str(d, intern("__name__"), name) && dict_set_str(d, intern("__doc__"), doc ? doc : none()) &&
         dict_set_str(d, intern("__package__"), none()) && dict_set_str(d, intern("__loader__"), none()) &&
         dict_set_str(d, intern("__spec__"), none());
}

}  // namespace

Module* module_new(Str* name) {
  auto* m = allocate<Module>(kModuleLayout, types::module);
  m->dict = dict_new_cells();
  Value arg = name;
  module_init_slot(m, &arg, 1, nullptr);
  return m;
}

void init_module() {
  kModuleLayout = register_object_layout("module", sizeof(Module), trace_module);
  TypeSpec spec;
  spec.name = "module";
  spec.layout = kModuleLayout;
  spec.instance_size = sizeof(Module);
  spec.flags = TypeFlag::kBaseType;
  spec.trace = trace_module;
  spec.slots.repr = module_repr;
  spec.slots.getattr = module_getattr;
  spec.slots.setattr = module_setattr;
  spec.slots.new_ = module_new_slot;
  spec.slots.init = module_init_slot;
  spec.getsets = kModuleGetSets;
  spec.methods = kModuleMethods;
  make_builtin_type(&types::module, spec);
}

}  // namespace pyrite::python
