// Maps (hidden classes) and the instance attribute storage of heap-type
// instances (map.h, docs/objects.md "Maps").
//
// An instance's InstanceAttrs is in one of three states:
//   fresh:     map == null, storage == null   (reads as the type's root map)
//   map mode:  map != null, storage = InstanceStorage with >= map->count items
//   dict mode: map == null, storage = a Dict (the instance's __dict__)
// Allocations zero the attrs, so any allocator produces a fresh instance.
#include "python/objects/map.h"

#include <algorithm>

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

static gc::LayoutId g_map_layout, g_storage_layout;

static void trace_map(void* obj, gc::Visitor& v) {
  auto* m = static_cast<Map*>(obj);
  v.visit(m->type);
  v.visit(m->owner);
  v.visit(m->parent);
  v.visit(m->name);
  v.visit(m->names);
  v.visit(m->transitions);
  v.visit(m->last_child);
}

static void trace_storage(void* obj, gc::Visitor& v) {
  auto* s = static_cast<InstanceStorage*>(obj);
  v.visit(s->type);
  for (int64_t i = 0; i < s->capacity; i++) visit_value(v, s->items()[i]);
}
static size_t storage_size(const void* obj) {
  auto* s = static_cast<const InstanceStorage*>(obj);
  return sizeof(InstanceStorage) + size_t(s->capacity) * sizeof(Value);
}

void init_map() {
  g_map_layout = register_object_layout("map", sizeof(Map), trace_map);
  g_storage_layout = register_object_layout("instance storage", 0, trace_storage, storage_size);
  {
    TypeSpec s;
    s.name = "_pyrite_map";
    s.layout = g_map_layout;
    make_builtin_type(&types::map_object, s);
  }
  {
    TypeSpec s;
    s.name = "_pyrite_storage";
    s.layout = g_storage_layout;
    make_builtin_type(&types::instance_storage, s);
  }
}

// ---- maps ---------------------------------------------------------------------------

static uint32_t g_next_map_id = 1;

static uint32_t next_map_id() { return g_next_map_id >= kSlotMemberId ? kNoMapId : g_next_map_id++; }

Map* type_root_map(Type* t) {
  if (t->instance_map) return t->instance_map;
  Tuple* empty = tuple_empty();
  auto* m = allocate<Map>(g_map_layout, types::map_object);
  m->owner = t;
  m->names = empty;
  m->id = next_map_id();
  gc::store_ref<Map>(t, &t->instance_map, m);
  return m;
}

int32_t map_index(const Map* m, Str* name) {
  const Tuple* names = m->names;
  const Value* items = names->items();
  for (int32_t i = 0; i < m->count; i++)
    if (items[i].object() == name) return i;
  if (!name->interned) {
    for (int32_t i = 0; i < m->count; i++)
      if (str_equal(items[i].as<Str>(), name)) return i;
  }
  return -1;
}

Map* map_transition(Map* m, Str* name) {
  if (m->last_child && m->last_child->name == name) return m->last_child;
  if (m->transitions) {
    Value c = dict_get_str(reinterpret_cast<Dict*>(m->transitions), name);
    if (c) return c.as<Map>();
  }
  Tuple* names = tuple_new(m->count + 1);
  if (!names) return nullptr;
  for (int32_t i = 0; i < m->count; i++) names->items()[i] = m->names->at(i);
  names->items()[m->count] = name;
  auto* child = allocate<Map>(g_map_layout, types::map_object);
  child->owner = m->owner;
  child->parent = m;
  child->name = name;
  child->names = names;
  child->count = m->count + 1;
  child->id = next_map_id();
  if (!m->last_child) {
    gc::store_ref<Map>(m, &m->last_child, child);
  } else {
    if (!m->transitions) {
      Dict* d = dict_new();
      if (!d) return nullptr;
      if (!dict_set_str(d, m->last_child->name, m->last_child)) return nullptr;
      gc::store_ref<Object>(m, &m->transitions, d);
    }
    if (!dict_set_str(reinterpret_cast<Dict*>(m->transitions), name, child)) return nullptr;
    // The one-entry cache follows the most recent transition.
    gc::store_ref<Map>(m, &m->last_child, child);
  }
  return child;
}

// ---- instance attributes ------------------------------------------------------------------

static inline bool dict_mode(const InstanceAttrs* a) { return !a->map && a->storage; }

Map* instance_map(Value obj) {
  InstanceAttrs* a = instance_attrs(obj);
  if (!a || dict_mode(a)) return nullptr;
  return a->map ? a->map : type_root_map(type_of(obj));
}

Value instance_attr_get(Value obj, Str* name) {
  InstanceAttrs* a = instance_attrs(obj);
  if (!a) return {};
  if (a->map) {
    int32_t i = map_index(a->map, name);
    if (i < 0) return {};
    return reinterpret_cast<InstanceStorage*>(a->storage)->items()[i];
  }
  if (a->storage) {
    Value v = dict_get_str(reinterpret_cast<Dict*>(a->storage), name);
    return v;
  }
  return {};
}

Dict* instance_materialize_dict(Value obj) {
  InstanceAttrs* a = instance_attrs(obj);
  if (!a) return nullptr;
  if (dict_mode(a)) return reinterpret_cast<Dict*>(a->storage);
  Map* m = a->map;
  Dict* d = dict_new(m ? m->count : 0);
  if (!d) return nullptr;
  if (m) {
    auto* st = reinterpret_cast<InstanceStorage*>(a->storage);
    for (int32_t i = 0; i < m->count; i++)
      if (!dict_set_str(d, m->names->at(i).as<Str>(), st->items()[i])) return nullptr;
  }
  gc::write_barrier(obj.object(), &a->storage, d);
  a->map = nullptr;
  a->storage = d;
  return d;
}

Value instance_dict(Value obj) {
  Dict* d = instance_materialize_dict(obj);
  if (!d && !has_error())
    return raisef(exc::AttributeError, "'%s' object has no attribute '__dict__'",
                  type_name(obj).c_str());
  return d;
}

bool instance_set_dict(Value obj, Value d) {
  InstanceAttrs* a = instance_attrs(obj);
  if (!a) {
    raisef(exc::AttributeError, "'%s' object has no attribute '__dict__'", type_name(obj).c_str());
    return false;
  }
  if (!d) {
    raise(exc::TypeError, "cannot delete __dict__");
    return false;
  }
  if (!is_dict(d)) {
    raisef(exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'",
           type_name(d).c_str());
    return false;
  }
  gc::write_barrier(obj.object(), &a->storage, d.object());
  a->map = nullptr;
  a->storage = d.object();
  return true;
}

// Returns false with no exception when deleting a missing attribute.
bool instance_attr_set(Value obj, Str* name, Value v) {
  InstanceAttrs* a = instance_attrs(obj);
  if (!a) return false;
  if (!dict_mode(a)) {
    Map* m = a->map ? a->map : type_root_map(type_of(obj));
    int32_t i = map_index(m, name);
    if (i >= 0 && v) {
      auto* st = reinterpret_cast<InstanceStorage*>(a->storage);
      gc::write_barrier(st, &st->items()[i], v.is_object() ? v.object() : nullptr);
      st->items()[i] = v;
      return true;
    }
    if (!v && i < 0) return false;
    if (v && m->count < kMaxMapAttrs && is_exact_str(name)) {
      if (!name->interned) name = intern_str(name);
      Map* child = map_transition(m, name);
      if (!child) return false;
      auto* st = reinterpret_cast<InstanceStorage*>(a->storage);
      if (!st || st->capacity < child->count) {
        int64_t cap = std::max<int64_t>(4, st ? st->capacity * 2 : 4);
        while (cap < child->count) cap *= 2;
        auto* ns = allocate<InstanceStorage>(g_storage_layout, types::instance_storage,
                                             sizeof(InstanceStorage) + size_t(cap) * sizeof(Value));
        ns->capacity = cap;
        st = reinterpret_cast<InstanceStorage*>(a->storage);  // unchanged: non-moving GC
        for (int32_t k = 0; k < m->count; k++) ns->items()[k] = st->items()[k];
        st = ns;
      }
      st->items()[child->count - 1] = v;
      gc::write_barrier(obj.object(), &a->storage, st);
      a->storage = st;
      a->map = child;
      return true;
    }
    // Deleting, too many attributes, or a str subclass as a name: dict mode.
    if (!instance_materialize_dict(obj)) return false;
  }
  Dict* d = reinterpret_cast<Dict*>(a->storage);
  if (v) return dict_set(d, name, v);
  int r = dict_del(d, name);
  return r > 0;
}

}  // namespace pyrite::python
