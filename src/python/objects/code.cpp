// Code objects from compiled units (docs/interp.md, "Code objects").
#include "python/objects/code.h"

#include <gmp.h>

#include <algorithm>
#include <cstring>

#include "python/objects/bytes.h"
#include "python/objects/complex.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/set.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

gc::LayoutId kCodeLayout;
static gc::LayoutId raw_data_layout;
static gc::LayoutId global_sites_layout;

namespace {

// Literal constants of the types other files own.
Value literal_float(double d) { return float_new(d); }
Value literal_complex(double real, double imag) { return complex_new(real, imag); }
Value literal_bytes(const char* p, size_t n) {
  Bytes* b = bytes_from(p, n);
  return b ? Value(b) : Value();
}
Value literal_frozenset(Tuple* items) {
  Set* s = set_new(types::frozenset);
  for (int64_t i = 0; i < items->length; i++) {
    if (!set_add(s, items->at(i))) return {};
  }
  return s;
}

void trace_code(void* p, gc::Visitor& v) {
  auto* c = static_cast<Code*>(p);
  v.visit(c->type);
  v.visit(c->name);
  v.visit(c->qualname);
  v.visit(c->filename);
  v.visit(c->consts);
  v.visit(c->names);
  v.visit(c->localsplus_names);
  v.visit(c->localsplus_kinds);
  v.visit(c->locations);
  v.visit(c->exception_table);
  v.visit(c->global_sites);
}
void trace_global_sites(void* p, gc::Visitor& v) {
  auto* s = static_cast<GlobalSites*>(p);
  for (uint32_t k = 0; k < s->count; k++) {
    GlobalSite* e = s->at(k);
    v.visit(e->globals);
    v.visit(e->builtins);
    v.visit(e->global);
    v.visit(e->builtin);
  }
}
size_t global_sites_size(const void* p) {
  return sizeof(GlobalSites) + size_t(static_cast<const GlobalSites*>(p)->count) * sizeof(GlobalSite);
}
size_t code_size(const void* p) {
  auto* c = static_cast<const Code*>(p);
  return sizeof(Code) + size_t(c->ncode) * sizeof(compile::Unit);
}
size_t raw_data_size(const void* p) { return sizeof(RawData) + static_cast<const RawData*>(p)->size; }

// Identifier-like string constants are interned, as CPython does, so that
// `is` between equal literal names holds and dict lookups hit the pointer test.
bool all_name_chars(std::string_view s) {
  for (char c : s) {
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

Tuple* interned_tuple(const std::vector<std::string>& names) {
  Tuple* t = tuple_new(static_cast<int64_t>(names.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); i++) t->items()[i] = intern(names[i]);
  return t;
}

Value constant_value(const compile::Constant& c);

Value const_literal(const compile::Constant& c) {
  const ast::ConstValue& v = c.value;
  switch (v.kind) {
    case ast::ConstKind::None: return none();
    case ast::ConstKind::True: return py_bool(true);
    case ast::ConstKind::False: return py_bool(false);
    case ast::ConstKind::Ellipsis: return singletons::ellipsis;
    case ast::ConstKind::Int: return int_from_i64(v.i);
    case ast::ConstKind::BigInt: return int_from_decimal_digits(v.s);
    case ast::ConstKind::Float: return literal_float(v.f);
    case ast::ConstKind::Complex: return literal_complex(c.real, v.f);
    case ast::ConstKind::Str:
      if (v.s.size() <= 40 && all_name_chars(v.s)) return intern(v.s);
      return str_from_utf8(v.s);
    case ast::ConstKind::Bytes: return literal_bytes(v.s.data(), v.s.size());
  }
  PYR_UNREACHABLE();
}

Value constant_value(const compile::Constant& c) {
  switch (c.kind) {
    case compile::Constant::Kind::kValue: return const_literal(c);
    case compile::Constant::Kind::kCode: return code_from_unit(*c.code);
    case compile::Constant::Kind::kTuple:
    case compile::Constant::Kind::kFrozenSet: {
      Tuple* t = tuple_new(static_cast<int64_t>(c.items.size()));
      if (!t) return {};
      for (size_t i = 0; i < c.items.size(); i++) {
        Value x = constant_value(c.items[i]);
        if (!x) return {};
        t->items()[i] = x;
      }
      if (c.kind == compile::Constant::Kind::kTuple) return t;
      return literal_frozenset(t);
    }
  }
  PYR_UNREACHABLE();
}

}  // namespace

RawData* raw_data_new(const void* bytes, size_t size) {
  auto* r = try_allocate<RawData>(raw_data_layout, nullptr, sizeof(RawData) + size);
  if (!r) return nullptr;
  r->size = size;
  if (size) std::memcpy(r->bytes(), bytes, size);
  return r;
}

Code* code_from_unit(const compile::CodeUnit& unit) {
  size_t ncode = unit.code.size();
  auto* c = try_allocate<Code>(kCodeLayout, types::code, sizeof(Code) + ncode * sizeof(compile::Unit));
  if (!c) return static_cast<Code*>(raise_memory_error().as<Code>());
  c->ncode = static_cast<int32_t>(ncode);
  std::memcpy(c->code(), unit.code.data(), ncode * sizeof(compile::Unit));
  c->argcount = unit.argcount;
  c->posonlyargcount = unit.posonlyargcount;
  c->kwonlyargcount = unit.kwonlyargcount;
  c->nlocalsplus = unit.nlocalsplus();
  c->nlocals = static_cast<int32_t>(unit.varnames.size());
  c->nfreevars = static_cast<int32_t>(unit.freevars.size());
  c->ncellvars = c->nlocalsplus - c->nlocals - c->nfreevars;
  c->stacksize = unit.stack_size;
  c->firstlineno = unit.first_line;
  c->flags = unit.flags;
  c->exact_argc = c->kwonlyargcount == 0 &&
                          (c->flags & (compile::CodeFlag::kVarargs | compile::CodeFlag::kVarkeywords)) == 0
                      ? c->argcount
                      : -1;
  c->name = intern(unit.name);
  c->qualname = str_from_utf8(unit.qualname);
  c->filename = str_from_utf8(unit.filename);
  c->names = interned_tuple(unit.names);
  c->localsplus_names = interned_tuple(unit.localsplus_names());
  const auto& kinds = unit.localsplus_kinds();
  c->localsplus_kinds = raw_data_new(kinds.data(), kinds.size());
  c->locations = raw_data_new(unit.locations.data(), unit.locations.size() * sizeof(compile::LocationEntry));
  c->exception_table =
      raw_data_new(unit.exception_table.data(), unit.exception_table.size() * sizeof(compile::ExceptionEntry));
  // Number the LOAD_GLOBAL instructions into their first cache unit.
  uint32_t nsites = 0;
  compile::Unit* units = c->code();
  for (size_t pc = 0; pc < ncode; pc += 1 + compile::opcode_cache_units(compile::unit_op(units[pc]))) {
    if (compile::unit_op(units[pc]) == compile::Opcode::LOAD_GLOBAL) units[pc + 1] = nsites++;
  }
  if (nsites) {
    auto* sites = try_allocate<GlobalSites>(global_sites_layout, nullptr,
                                            sizeof(GlobalSites) + nsites * sizeof(GlobalSite));
    if (!sites) return static_cast<Code*>(raise_memory_error().as<Code>());
    sites->count = nsites;
    c->global_sites = sites;
  }
  Tuple* consts = tuple_new(static_cast<int64_t>(unit.constants.size()));
  if (!consts) return nullptr;
  c->consts = consts;
  for (size_t i = 0; i < unit.constants.size(); i++) {
    Value x = constant_value(unit.constants[i]);
    if (!x) return nullptr;
    consts->items()[i] = x;
  }
  return c;
}

const compile::LocationEntry* Code::location_at(uint32_t offset) const {
  auto* begin = reinterpret_cast<const compile::LocationEntry*>(locations->bytes());
  auto* end = begin + locations->size / sizeof(compile::LocationEntry);
  // The last entry starting at or before offset.
  auto it = std::upper_bound(begin, end, offset,
                             [](uint32_t off, const compile::LocationEntry& e) { return off < e.start; });
  if (it == begin) return nullptr;
  return it - 1;
}

int Code::line_at(uint32_t offset) const {
  const compile::LocationEntry* e = location_at(offset);
  return e ? e->line : -1;
}

const compile::ExceptionEntry* Code::handler_at(uint32_t offset) const {
  auto* begin = reinterpret_cast<const compile::ExceptionEntry*>(exception_table->bytes());
  size_t n = exception_table->size / sizeof(compile::ExceptionEntry);
  for (size_t i = 0; i < n; i++) {
    if (offset >= begin[i].start && offset < begin[i].end) return &begin[i];
  }
  return nullptr;
}

namespace {

Code* co(Value v) { return v.as<Code>(); }
Value get_co_name(Value s) { return co(s)->name; }
Value get_co_qualname(Value s) { return co(s)->qualname; }
Value get_co_filename(Value s) { return co(s)->filename; }
Value get_co_consts(Value s) { return co(s)->consts; }
Value get_co_names(Value s) { return co(s)->names; }
Value get_co_argcount(Value s) { return Value::small(co(s)->argcount); }
Value get_co_posonlyargcount(Value s) { return Value::small(co(s)->posonlyargcount); }
Value get_co_kwonlyargcount(Value s) { return Value::small(co(s)->kwonlyargcount); }
Value get_co_nlocals(Value s) { return Value::small(co(s)->nlocals); }
Value get_co_stacksize(Value s) { return Value::small(co(s)->stacksize); }
Value get_co_flags(Value s) { return Value::small(co(s)->flags & ~kCodeHiddenFromTracebacks); }
Value get_co_firstlineno(Value s) { return Value::small(co(s)->firstlineno); }
// The names of slots of a kind, in slot order.
Value names_of_kind(Code* c, uint8_t kind, bool exclusive) {
  int n = 0;
  for (int i = 0; i < c->nlocalsplus; i++) {
    uint8_t k = c->slot_kind(i);
    if (exclusive ? k == kind : (k & kind) != 0) n++;
  }
  Tuple* t = tuple_new(n);
  int j = 0;
  for (int i = 0; i < c->nlocalsplus; i++) {
    uint8_t k = c->slot_kind(i);
    if (exclusive ? k == kind : (k & kind) != 0) t->items()[j++] = c->localsplus_names->at(i);
  }
  return t;
}
Value get_co_varnames(Value s) { return names_of_kind(co(s), compile::SlotKind::kLocal, false); }
Value get_co_cellvars(Value s) { return names_of_kind(co(s), compile::SlotKind::kCell, false); }
Value get_co_freevars(Value s) { return names_of_kind(co(s), compile::SlotKind::kFree, false); }

Value code_repr(Value self) {
  Code* c = co(self);
  return str_format("<code object %s at %p, file \"%s\", line %d>", str_to_utf8(c->name).c_str(),
                    static_cast<void*>(c), str_to_utf8(c->filename).c_str(), c->firstlineno);
}

const GetSetDef kCodeGetSets[] = {
    {"co_name", get_co_name},
    {"co_qualname", get_co_qualname},
    {"co_filename", get_co_filename},
    {"co_consts", get_co_consts},
    {"co_names", get_co_names},
    {"co_argcount", get_co_argcount},
    {"co_posonlyargcount", get_co_posonlyargcount},
    {"co_kwonlyargcount", get_co_kwonlyargcount},
    {"co_nlocals", get_co_nlocals},
    {"co_stacksize", get_co_stacksize},
    {"co_flags", get_co_flags},
    {"co_firstlineno", get_co_firstlineno},
    {"co_varnames", get_co_varnames},
    {"co_cellvars", get_co_cellvars},
    {"co_freevars", get_co_freevars},
    {nullptr, nullptr},
};

// co_positions(): (line, end_line, col, end_col) per instruction unit, None
// where unknown; the traceback module indexes it with tb_lasti // 2.
Value code_co_positions(Value self, const Value*, size_t, Tuple*) {
  Code* c = co(self);
  List* l = list_new(c->ncode);
  if (!l) return Value();
  auto opt = [](int32_t v) { return v < 0 ? none() : int_from_i64(v); };
  const compile::LocationEntry* last = nullptr;
  Value item;
  for (int32_t k = 0; k < c->ncode; k++) {
    const compile::LocationEntry* e = c->location_at(uint32_t(k));
    if (!item || e != last) {
      item = e ? Value(tuple_of({opt(e->line), opt(e->end_line), opt(e->col), opt(e->end_col)}))
               : Value(tuple_of({none(), none(), none(), none()}));
      last = e;
    }
    if (!list_append(l, item)) return Value();
  }
  return get_iter(l);
}

// replace(**changes): a copy with other names, first line or flags. The
// instructions are Pyrite's own, so what would change them (co_code,
// co_consts, the variable names and counts, the tables) is
// NotImplementedError; of the flags only CO_ITERABLE_COROUTINE (what
// types.coroutine sets) and CO_NESTED may change, the others decide how the
// code is run.
Value code_replace(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs) return raise(exc::TypeError, "replace() takes no positional arguments");
  Code* src = co(self);
  Str *name = src->name, *qualname = src->qualname, *filename = src->filename;
  int64_t firstlineno = src->firstlineno, flags = src->flags & ~kCodeHiddenFromTracebacks;
  static const char* const kFixed[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                                       "co_stacksize", "co_code", "co_consts", "co_names", "co_varnames",
                                       "co_freevars", "co_cellvars", "co_linetable", "co_exceptiontable"};
  for (int64_t i = 0; kwnames && i < kwnames->length; i++) {
    std::string key = str_to_utf8(kwnames->at(i).as<Str>());
    Value v = args[nargs + size_t(i)];
    Str** str_field = key == "co_name" ? &name : key == "co_qualname" ? &qualname : key == "co_filename" ? &filename : nullptr;
    if (str_field) {
      if (!is_str(v))
        return raisef(exc::TypeError, "replace() argument '%s' must be str, not %s", key.c_str(), type_name(v).c_str());
      *str_field = v.as<Str>();
    } else if (key == "co_firstlineno" || key == "co_flags") {
      int iv;
      if (!arg_int(v, &iv)) return Value();
      (key == "co_flags" ? flags : firstlineno) = iv;
    } else if (std::find_if(std::begin(kFixed), std::end(kFixed), [&](const char* k) { return key == k; }) !=
               std::end(kFixed)) {
      return raisef(exc::NotImplementedError, "code.replace(): %s cannot be changed in Pyrite", key.c_str());
    } else {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for replace()", key.c_str());
    }
  }
  constexpr uint32_t kChangeable = compile::CodeFlag::kIterableCoroutine | compile::CodeFlag::kNested;
  if ((uint32_t(flags) ^ src->flags) & ~(kChangeable | kCodeHiddenFromTracebacks))
    return raise(exc::NotImplementedError, "code.replace(): only CO_ITERABLE_COROUTINE and CO_NESTED of co_flags can be changed in Pyrite");
  size_t bytes = code_size(src);
  auto* c = try_allocate<Code>(kCodeLayout, types::code, bytes);
  if (!c) return raise_memory_error();
  src = co(self);
  std::memcpy(reinterpret_cast<char*>(c) + sizeof(Object), reinterpret_cast<const char*>(src) + sizeof(Object),
              bytes - sizeof(Object));
  c->warmth = 0;
  c->name = name;
  c->qualname = qualname;
  c->filename = filename;
  c->firstlineno = int32_t(firstlineno);
  c->flags = uint32_t(flags) | (src->flags & kCodeHiddenFromTracebacks);
  if (src->global_sites) {
    int64_t count = src->global_sites->count;
    auto* sites = try_allocate<GlobalSites>(global_sites_layout, nullptr, sizeof(GlobalSites) + size_t(count) * sizeof(GlobalSite));
    if (!sites) return raise_memory_error();
    sites->count = count;
    c->global_sites = sites;
  }
  return c;
}

const MethodDef kCodeMethods[] = {
    {"co_positions", code_co_positions, MethodFlag::kNoArgs},
    {"replace", code_replace, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a copy of the code object with new values for the specified fields."},
    {nullptr, nullptr, 0},
};

}  // namespace

void init_code() {
  kCodeLayout = register_object_layout("code", 0, trace_code, code_size);
  raw_data_layout = register_object_layout("raw_data", 0, nullptr, raw_data_size);
  global_sites_layout = register_object_layout("global_sites", 0, trace_global_sites, global_sites_size);
  TypeSpec spec;
  spec.name = "code";
  spec.layout = kCodeLayout;
  spec.trace = trace_code;
  spec.slots.repr = code_repr;
  spec.getsets = kCodeGetSets;
  spec.methods = kCodeMethods;
  make_builtin_type(&types::code, spec);
}

}  // namespace pyrite::python
