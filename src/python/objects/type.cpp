// The type machinery: builtin types from specs, version tags, attribute
// lookup with a version-keyed cache, subclass lists, the C3 MRO, instance
// allocation for heap subtypes (docs/objects.md, "Types and slots").
//
// Start-up is in two steps because a complete type needs a str (its name), a
// tuple (its mro) and a dict, which are types themselves: init_types_early
// allocates an empty Type for every builtin type first, so every types::X is
// a valid pointer before any file's init runs, and make_builtin_type fills
// in what needs no allocation at once and the rest in finish_builtin_types,
// once str, tuple and dict exist.
#include <algorithm>
#include <cstring>
#include <unordered_set>
#include <utility>
#include <vector>

#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/map.h"
#include "python/objects/protocol.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace types {
#undef PYR_BUILTIN_TYPE
#define PYR_BUILTIN_TYPE(cname, pyname) Type* cname = nullptr;
#include "python/objects/builtin_types.def"
}  // namespace types

namespace names {
#define PYR_NAME(n) Str* n = nullptr;
#include "python/objects/special_names.def"
}  // namespace names

gc::LayoutId kTypeLayout = gc::kNoLayout;
static gc::LayoutId g_heap_instance_layout = gc::kNoLayout;
static gc::LayoutId g_subclass_list_layout = gc::kNoLayout;

void fatal_out_of_memory(size_t bytes) {
  std::fprintf(stderr, "pyrite: out of memory allocating %zu bytes\n", bytes);
  std::abort();
}

// ---- layouts --------------------------------------------------------------------

static void trace_type(void* obj, gc::Visitor& v) {
  auto* t = static_cast<Type*>(obj);
  v.visit(t->type);
  v.visit(t->name);
  v.visit(t->qualname);
  v.visit(t->base);
  v.visit(t->bases);
  v.visit(t->mro);
  v.visit(t->dict);
  v.visit(t->subclasses);
  v.visit(t->instance_map);
  v.visit(t->slot_names);
  v.visit(t->tp_name);
}

gc::LayoutId register_object_layout(const char* name, size_t fixed_size, TraceFn trace,
                                    size_t (*size)(const void*)) {
  gc::LayoutInfo info;
  info.name = name;
  info.trace = trace;
  info.fixed_size = fixed_size;
  info.size = size;
  return gc::register_layout(info);
}

// Heap-type instances, one layout for all (docs/objects.md, "Heap instances"):
//
//   fixed-size native struct:
//   +----------------------------+--------------------------+---------------+
//   | native struct (base's size)| __slots__ values (Value) | InstanceAttrs |
//   +----------------------------+--------------------------+---------------+
//   0                 native_base->instance_size             type->instance_size
//   (InstanceAttrs only when the class has a __dict__; every word after the
//   native struct is a Value or an object pointer, so trace visits them all.)
//
//   variable-size native struct (str, int, tuple, bytes):
//   +-------------------------------------------+---------------+
//   | native object (its layout's size(obj))    | InstanceAttrs |
//   +-------------------------------------------+---------------+
//   0                         round16(native size)
static size_t native_size_of(const Object* o) {
  const Type* nb = o->type->native_base;
  const gc::LayoutInfo* li = gc::find_layout(nb->instance_layout);
  return li->size(o);
}

bool type_is_var_size(const Type* t) {
  const Type* nb = t->native_base ? t->native_base : t;
  const gc::LayoutInfo* li = gc::find_layout(nb->instance_layout);
  return li && li->fixed_size == 0 && li->size;
}

// The tail's place comes from the allocated size (the GC header, or the
// large-object record), not from the object's fields: it stays right while
// a builtin's __new__ is still filling in the length.
InstanceAttrs* var_instance_attrs(Object* o) {
  auto* h = reinterpret_cast<const gc::Header*>(o);
  size_t size = gc::header_has(h, gc::kFlagLarge) ? gc::Heap::current()->object_size(o)
                                                  : gc::header_small_size(h);
  return reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(o) + size -
                                          sizeof(InstanceAttrs));
}

static size_t heap_instance_size(const void* obj) {
  auto* o = static_cast<const Object*>(obj);
  const Type* t = o->type;
  if (t->attrs_offset < 0) return gc::round_to_granule(native_size_of(o)) + sizeof(InstanceAttrs);
  return t->instance_size;
}

static void trace_heap_instance(void* obj, gc::Visitor& v) {
  auto* o = static_cast<Object*>(obj);
  Type* t = o->type;
  v.visit(t);
  if (t->native_trace) t->native_trace(obj, v);
  if (t->attrs_offset < 0) {
    InstanceAttrs* a = var_instance_attrs(o);
    v.visit(a->map);
    v.visit(a->storage);
    return;
  }
  auto* begin = reinterpret_cast<Value*>(static_cast<char*>(obj) + t->native_base->instance_size);
  auto* end = reinterpret_cast<Value*>(static_cast<char*>(obj) + t->instance_size);
  for (Value* p = begin; p < end; p++) visit_value(v, *p);
}

gc::LayoutId heap_instance_layout() { return g_heap_instance_layout; }

// __del__ of heap-type instances (PEP 442: run once, may resurrect).
// Then the native base's own finalizer, if it has one (a file's or a
// socket's close), as CPython's base deallocators finalize subclass
// instances too; it runs only for instances the base registered.
static void finalize_heap_instance(void* obj) {
  Value self = static_cast<Object*>(obj);
  Value del = type_lookup(type_of(self), names::__del__);
  if (del) {
    Object* saved = take_error();
    Value r = call_dunder(self, names::__del__, nullptr, 0);
    if (!r) {
      write_unraisable_error(del);  // through sys.unraisablehook
    }
    if (saved) set_error(saved);
  }
  const Type* nb = type_of(self)->native_base;
  if (!nb || nb == type_of(self)) return;
  const gc::LayoutInfo* li = gc::find_layout(nb->instance_layout);
  if (li && li->finalize && li->finalize != finalize_heap_instance) li->finalize(obj);
}

// Registers the instance's __del__ with the GC when its class has one.
static void maybe_register_finalizer(Type* t, Object* o) {
  if (t->is_heap_type() && t->instance_layout == g_heap_instance_layout &&
      type_lookup(t, names::__del__))
    gc::Heap::current()->register_finalizer(o);
}

static void trace_subclass_list(void* obj, gc::Visitor& v) {
  v.visit(static_cast<Object*>(obj)->type);  // the items are weak
}
static size_t subclass_list_size(const void* obj) {
  auto* l = static_cast<const SubclassList*>(obj);
  return sizeof(SubclassList) + size_t(l->capacity) * sizeof(Type*);
}

// ---- allocation of instances ------------------------------------------------------

Object* alloc_instance(Type* t) {
  auto* o = allocate<Object>(t->instance_layout, t, t->instance_size);
  maybe_register_finalizer(t, o);
  return o;
}

Object* try_alloc_var_instance(Type* t, size_t native_bytes) {
  size_t bytes = native_bytes;
  if (t->attrs_offset < 0) bytes = gc::round_to_granule(native_bytes) + sizeof(InstanceAttrs);
  if (native_bytes > gc::kMaxObjectSize) {
    raise_memory_error();
    return nullptr;
  }
  auto* o = try_allocate<Object>(t->instance_layout, t, bytes);
  if (!o) {
    raise_memory_error();
    return nullptr;
  }
  maybe_register_finalizer(t, o);
  return o;
}

// ---- version tags ------------------------------------------------------------------

static uint64_t g_next_version = 1;
uint64_t next_type_version() { return g_next_version++; }

// ---- the lookup cache ----------------------------------------------------------------
// Direct-mapped on (version, name); an entry is valid while the type's
// version equals the stored one, since any change to a dict along the MRO
// gives the type a new version. The cache holds no reference: every
// collection empties it before marking (a root callback that visits
// nothing), as CPython's type cache borrows its values. Tracing the entries
// kept alive what a stale one held: after `del C.f` the function lived on
// until its entry was overwritten, so a weakref to it never died. An entry
// filled after that is dropped by the next collection before its sweep, so
// it never names a freed object.

namespace {
struct CacheEntry {
  uint64_t version;
  Str* name;
  Value value;
};
constexpr size_t kCacheSize = 4096;
CacheEntry g_cache[kCacheSize];

void clear_cache(gc::Visitor&, void*) {
  for (auto& e : g_cache) e.version = 0;
}

inline size_t cache_index(uint64_t version, Str* name) {
  uint64_t h = version * 0x9E3779B97F4A7C15ull ^ (reinterpret_cast<uintptr_t>(name) >> 4);
  return (h ^ (h >> 29)) & (kCacheSize - 1);
}
}  // namespace

// An error a dict lookup raises is dropped (lookups do not fail); one
// already pending when called (a lookup while an exception propagates)
// stays.
static Value lookup_uncached(Type* type, Str* name) {
  const bool pending = has_error();
  Tuple* mro = type->mro;
  if (!mro) {
    for (Type* t = type; t; t = t->base) {
      if (!t->dict) continue;
      Value v = dict_get_str(t->dict, name);
      if (v) return v;
      if (!pending && has_error()) clear_error();
    }
    return {};
  }
  for (int64_t i = 0; i < mro->length; i++) {
    Value tv = mro->at(i);
    if (!tv.is_object()) continue;
    Type* t = tv.as<Type>();
    if (!t->dict) continue;
    Value v = dict_get_str(t->dict, name);
    if (v) return v;
    if (!pending && has_error()) clear_error();
  }
  return {};
}

Value type_lookup(Type* type, Str* name) {
  if (type->version != 0 && name->interned) {
    CacheEntry& e = g_cache[cache_index(type->version, name)];
    if (e.version == type->version && e.name == name) return e.value;
    Value v = lookup_uncached(type, name);
    e.version = type->version;
    e.name = name;
    e.value = v;
    return v;
  }
  return lookup_uncached(type, name);
}

Value lookup_special(Value obj, Str* name) { return type_lookup(type_of(obj), name); }

static void assign_versions(Type* t) {
  t->version = next_type_version();
  for_each_subclass(t, [](Type* s) { assign_versions(s); });
}

void type_modified(Type* type, Str* changed_name) {
  assign_versions(type);
  if (changed_name && is_slot_name(changed_name)) update_slots_named(type, changed_name);
}

// ---- subtype tests ---------------------------------------------------------------------

bool is_subtype(const Type* t, const Type* base) {
  if (t == base) return true;
  Tuple* mro = t->mro;
  if (mro) {
    for (int64_t i = 0; i < mro->length; i++)
      if (mro->at(i).object() == base) return true;
    return false;
  }
  for (const Type* p = t; p; p = p->base)
    if (p == base) return true;
  return false;
}

// ---- subclass lists ---------------------------------------------------------------------

// Appends at the end; when full, the live entries (dead classes leave
// nulls) move to a new list twice their number, so adding is amortized O(1)
// even for `object`, which every class lists.
void type_add_subclass(Type* base, Type* sub) {
  gc::Heap* heap = gc::Heap::current();
  auto* list = reinterpret_cast<SubclassList*>(base->subclasses);
  if (list && list->count < list->capacity) {
    Type** slot = &list->items()[list->count++];
    *slot = sub;
    heap->add_weak(reinterpret_cast<void**>(slot), list);
    return;
  }
  int64_t live = 0;
  if (list)
    for (int64_t i = 0; i < list->count; i++) live += list->items()[i] != nullptr;
  int64_t cap = std::max<int64_t>(4, (live + 1) * 2);
  auto* nl = allocate<SubclassList>(g_subclass_list_layout, types::subclass_list,
                                    sizeof(SubclassList) + size_t(cap) * sizeof(Type*));
  nl->capacity = cap;
  list = reinterpret_cast<SubclassList*>(base->subclasses);  // slots may have been cleared meanwhile
  int64_t n = 0;
  if (list) {
    for (int64_t i = 0; i < list->count; i++) {
      Type* s = list->items()[i];
      heap->remove_weak(reinterpret_cast<void**>(&list->items()[i]));
      if (!s || n >= cap - 1) continue;
      nl->items()[n] = s;
      heap->add_weak(reinterpret_cast<void**>(&nl->items()[n]), nl);
      n++;
    }
  }
  nl->items()[n] = sub;
  heap->add_weak(reinterpret_cast<void**>(&nl->items()[n]), nl);
  nl->count = n + 1;
  gc::store_ref<Object>(base, &base->subclasses, nl);
}

void type_remove_subclass(Type* base, Type* sub) {
  auto* list = reinterpret_cast<SubclassList*>(base->subclasses);
  if (!list) return;
  for (int64_t i = 0; i < list->count; i++) {
    if (list->items()[i] == sub) {
      gc::Heap::current()->remove_weak(reinterpret_cast<void**>(&list->items()[i]));
      list->items()[i] = nullptr;
    }
  }
}

// ---- the C3 linearization -------------------------------------------------------------

Tuple* compute_mro(Type* type) {
  Tuple* bases = type->bases;
  int64_t nb = bases ? bases->length : 0;
  if (nb == 0) return tuple_of({Value(type)});
  // A base whose own mro() is still running (a metaclass's mro() that
  // subclasses the class it is computing) has no mro yet.
  for (int64_t i = 0; i < nb; i++) {
    Type* b = bases->at(i).as<Type>();
    if (!b->mro) {
      raisef(exc::TypeError, "Cannot extend an incomplete type '%s'", str_to_utf8(b->name).c_str());
      return nullptr;
    }
  }
  if (nb == 1) {
    Tuple* bm = bases->at(0).as<Type>()->mro;
    Tuple* r = tuple_new(bm->length + 1);
    if (!r) return nullptr;
    r->items()[0] = type;
    for (int64_t i = 0; i < bm->length; i++) r->items()[i + 1] = bm->at(i);
    return r;
  }
  // Duplicate bases.
  for (int64_t i = 0; i < nb; i++)
    for (int64_t j = i + 1; j < nb; j++)
      if (bases->at(i) == bases->at(j)) {
        raisef(exc::TypeError, "duplicate base class %s",
               type_name_of(bases->at(i).as<Type>()).c_str());
        return nullptr;
      }
  // Sequences to merge: each base's mro, then the bases list.
  std::vector<std::vector<Type*>> seqs;
  for (int64_t i = 0; i < nb; i++) {
    Tuple* m = bases->at(i).as<Type>()->mro;
    std::vector<Type*> s;
    for (int64_t j = 0; j < m->length; j++) s.push_back(m->at(j).as<Type>());
    seqs.push_back(std::move(s));
  }
  {
    std::vector<Type*> s;
    for (int64_t i = 0; i < nb; i++) s.push_back(bases->at(i).as<Type>());
    seqs.push_back(std::move(s));
  }
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<Type*> out{type};
  for (;;) {
    bool empty = true;
    Type* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && !pick; i++) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      Type* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; j++)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); k++)
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
      if (!in_tail) pick = cand;
    }
    if (empty) break;
    if (!pick) {
      // CPython lists the heads that could not be placed, in base order,
      // without duplicates.
      std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
      std::vector<Type*> seen;
      for (size_t i = 0; i + 1 < seqs.size(); i++) {
        if (pos[i] >= seqs[i].size()) continue;
        Type* h = seqs[i][pos[i]];
        bool dup = false;
        for (Type* s : seen) dup |= s == h;
        if (dup) continue;
        seen.push_back(h);
        msg += seen.size() == 1 ? " " : ", ";
        msg += type_name_of(h);
      }
      raise(exc::TypeError, msg);
      return nullptr;
    }
    out.push_back(pick);
    for (size_t i = 0; i < seqs.size(); i++)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) pos[i]++;
  }
  Tuple* r = tuple_new(int64_t(out.size()));
  if (!r) return nullptr;
  for (size_t i = 0; i < out.size(); i++) r->items()[i] = out[i];
  return r;
}

// ---- builtin types ------------------------------------------------------------------------

namespace {
struct Pending {
  Type* type;
  TypeSpec spec;
};
std::vector<Pending> g_pending;
bool g_core_ready = false;
std::unordered_set<void*> g_rooted;

void root_slot(Type** into) {
  if (g_rooted.insert(into).second) gc::add_root(reinterpret_cast<void**>(into));
}

uint32_t family_flag(const Type* t) {
  using namespace TypeFlag;
  if (t == types::int_) return kIntSubclass;
  if (t == types::str) return kStrSubclass;
  if (t == types::tuple) return kTupleSubclass;
  if (t == types::list) return kListSubclass;
  if (t == types::dict) return kDictSubclass;
  if (t == types::type) return kTypeSubclass;
  if (t == types::bytes) return kBytesSubclass;
  if (t == types::float_) return kFloatSubclass;
  if (exc::BaseException && t == exc::BaseException) return kExceptionSubclass;
  return 0;
}

// Slots the spec leaves unset come from the base. hash and compare go
// together (CPython's rule): a type that defines compare but not hash is
// unhashable, and gets __hash__ = None in its dict.
void inherit_slots(Type* t, const TypeSlots& own, const Type* base) {
  t->slots = own;
  if (!base) return;
  const TypeSlots& b = base->slots;
  TypeSlots& s = t->slots;
  auto inherit = [](auto& mine, auto theirs) {
    if (!mine) mine = theirs;
  };
  if (!own.compare && !own.hash) {
    s.compare = b.compare;
    s.hash = b.hash;
  }
  inherit(s.repr, b.repr);
  inherit(s.str, b.str);
  inherit(s.getattr, b.getattr);
  inherit(s.setattr, b.setattr);
  inherit(s.descr_get, b.descr_get);
  inherit(s.descr_set, b.descr_set);
  inherit(s.call, b.call);
  inherit(s.new_, b.new_);
  inherit(s.init, b.init);
  inherit(s.iter, b.iter);
  inherit(s.next, b.next);
  for (int i = 0; i < kBinaryOpCount; i++) {
    inherit(s.binary[i], b.binary[i]);
    inherit(s.inplace[i], b.inplace[i]);
  }
  inherit(s.pow3, b.pow3);
  inherit(s.neg, b.neg);
  inherit(s.pos, b.pos);
  inherit(s.invert, b.invert);
  inherit(s.abs, b.abs);
  inherit(s.bool_, b.bool_);
  inherit(s.index, b.index);
  inherit(s.int_, b.int_);
  inherit(s.float_, b.float_);
  inherit(s.len, b.len);
  inherit(s.getitem, b.getitem);
  inherit(s.setitem, b.setitem);
  inherit(s.contains, b.contains);
}

void complete_builtin_type(Type* t, const TypeSpec& spec);

void ensure_complete(Type* t) {
  if (t->dict) return;
  for (size_t i = 0; i < g_pending.size(); i++) {
    if (g_pending[i].type == t) {
      TypeSpec spec = g_pending[i].spec;
      g_pending[i].type = nullptr;
      complete_builtin_type(t, spec);
      return;
    }
  }
}

void complete_builtin_type(Type* t, const TypeSpec& spec) {
  if (t->base) ensure_complete(t->base);
  t->name = intern(spec.name);
  t->qualname = t->name;
  t->bases = t->base ? tuple_of({Value(t->base)}) : tuple_empty();
  t->dict = dict_new();
  t->mro = compute_mro(t);
  if (spec.methods) {
    for (const MethodDef* m = spec.methods; m->name; m++) {
      Value d;
      if (m->flags & MethodFlag::kClass)
        d = new_classmethod_descriptor(m, t);
      else if (m->flags & MethodFlag::kStatic) {
        // Its type is the owner (CPython's m_self): __qualname__ 'str.maketrans'.
        Value f = new_builtin_function(m, Value(), nullptr);
        f.as<BuiltinFunction>()->owner = t;
        d = staticmethod_new(f);
      } else {
        d = new_method_descriptor(m, t);
      }
      dict_set_str(t->dict, intern(m->name), d);
    }
  }
  if (spec.getsets) {
    for (const GetSetDef* g = spec.getsets; g->name; g++)
      dict_set_str(t->dict, intern(g->name),
                   g->member ? new_member_descriptor(g, t) : new_getset_descriptor(g, t));
  }
  if (spec.slots.new_ && !dict_get_str(t->dict, names::__new__))
    dict_set_str(t->dict, names::__new__, new_builtin_function(&kTpNewDef, t, nullptr));
  add_slot_wrappers(t, spec.slots);
  if (!dict_get_str(t->dict, names::__doc__))
    dict_set_str(t->dict, names::__doc__,
                 spec.doc ? Value(str_from_utf8(spec.doc)) : none());
  if (spec.module) {
    dict_set_str(t->dict, names::__module__, intern(spec.module));
    if (!spec.python_class_name) t->tp_name = str_from_utf8(std::string(spec.module) + "." + spec.name);
  }
  t->version = next_type_version();
  if (t->base) type_add_subclass(t->base, t);
}
}  // namespace

Type* make_builtin_type(Type** into, const TypeSpec& spec) {
  Type* t = *into;
  if (!t) {
    t = allocate<Type>(kTypeLayout, types::type);
    *into = t;
  }
  root_slot(into);
  if (!t->type) t->type = types::type;
  Type* base = spec.base;
  if (!base && t != types::object) base = types::object;
  t->base = base;
  t->flags = spec.flags | TypeFlag::kImmutable | TypeFlag::kReady | family_flag(t);
  if (base) t->flags |= base->flags & TypeFlag::kInherited;
  if (spec.layout != gc::kNoLayout) {
    t->instance_layout = spec.layout;
    t->instance_size = spec.instance_size;
    const gc::LayoutInfo* li = gc::find_layout(spec.layout);
    t->native_trace = spec.trace ? spec.trace : (li ? li->trace : nullptr);
    if (!t->instance_size && li) t->instance_size = uint32_t(li->fixed_size);
    t->native_base = t;
  } else if (base) {
    t->instance_layout = base->instance_layout;
    t->instance_size = spec.instance_size ? spec.instance_size : base->instance_size;
    t->native_trace = spec.trace ? spec.trace : base->native_trace;
    t->native_base = base->native_base;
  } else {
    t->native_base = t;
  }
  t->attrs_offset = spec.attrs_offset;
  if (!t->attrs_offset && base && base->attrs_offset > 0 &&
      base->instance_layout == t->instance_layout)
    t->attrs_offset = base->attrs_offset;
  if (t->attrs_offset) t->flags |= TypeFlag::kHasInstanceAttrs;
  t->doc = spec.doc;
  inherit_slots(t, spec.slots, base);
  // As CPython (Py_TPFLAGS_DISALLOW_INSTANTIATION): a builtin with its own
  // struct, object as its base, no __new__ and no subclasses cannot be
  // called into existence (object's would make an empty struct that its
  // methods would read).
  if (!spec.slots.new_ && base && base == types::object && spec.layout != gc::kNoLayout &&
      !(spec.flags & TypeFlag::kBaseType))
    t->slots.new_ = nullptr;
  if (g_core_ready)
    complete_builtin_type(t, spec);
  else
    g_pending.push_back({t, spec});
  return t;
}

void init_types_early() {
  if (kTypeLayout != gc::kNoLayout) return;
  kTypeLayout = register_object_layout("type", sizeof(Type), trace_type);
  {
    gc::LayoutInfo info;
    info.name = "heap instance";
    info.trace = trace_heap_instance;
    info.size = heap_instance_size;
    info.finalize = finalize_heap_instance;
    g_heap_instance_layout = gc::register_layout(info);
  }
  g_subclass_list_layout =
      register_object_layout("subclass list", 0, trace_subclass_list, subclass_list_size);
  // Every builtin type's shell, `type` first so the others can point to it.
  types::type = allocate<Type>(kTypeLayout, nullptr);
  types::type->type = types::type;
#undef PYR_BUILTIN_TYPE
#define PYR_BUILTIN_TYPE(cname, pyname)                                          \
  if (!types::cname) types::cname = allocate<Type>(kTypeLayout, types::type); \
  root_slot(&types::cname);
#include "python/objects/builtin_types.def"
  gc::Heap::current()->add_root_callback(clear_cache, nullptr);
}

void finish_builtin_types() {
  if (g_core_ready) return;
#define PYR_NAME(n)             \
  names::n = intern(#n);        \
  gc::add_root(reinterpret_cast<void**>(&names::n));
#include "python/objects/special_names.def"
  g_core_ready = true;
  for (size_t i = 0; i < g_pending.size(); i++) {
    if (!g_pending[i].type) continue;
    Type* t = g_pending[i].type;
    TypeSpec spec = g_pending[i].spec;
    g_pending[i].type = nullptr;
    complete_builtin_type(t, spec);
  }
  g_pending.clear();
}

Type* check_new_subtype(Value arg, Type* base, const char* where) {
  std::string bn = type_name_of(base);
  if (!arg.is_object() || !type_of(arg)->has_flag(TypeFlag::kTypeSubclass)) {
    raisef(exc::TypeError, "%s.__new__(X): X is not a type object (%s)",
           where ? where : bn.c_str(), type_name(arg).c_str());
    return nullptr;
  }
  Type* t = arg.as<Type>();
  if (!is_subtype(t, base)) {
    std::string tn = type_name_of(t);
    raisef(exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", where ? where : bn.c_str(),
           tn.c_str(), tn.c_str(), bn.c_str());
    return nullptr;
  }
  return t;
}

int64_t identity_hash(Value v) {
  uint64_t p = v.bits();
  uint64_t h = (p >> 4) | (p << 60);
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

}  // namespace pyrite::python
