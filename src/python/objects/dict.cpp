// dict: the compact insertion-ordered hash table, and the dict type
// (docs/objects.md, "Containers").
//
// Invariants: `table` is null for an empty dict that never held anything
// (or after clear); otherwise every live entry has exactly one index slot
// holding its position, deleted entries have a null key and a kDummy slot,
// and nentries <= capacity = 2/3 of the slots, so a probe always ends at an
// empty slot. Lookups may run Python code (__eq__) that mutates the dict:
// after every such call the probe checks that the table and the entry are
// unchanged and starts over otherwise, as CPython 3.11 does.
#include "python/objects/dict.h"
#include "python/objects/set.h"

#include <cstring>
#include <string>

#include "python/objects/errors.h"
#include "python/objects/iterators.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

void trace_dict(void* obj, gc::Visitor& v) {
  auto* d = static_cast<Dict*>(obj);
  v.visit(d->type);
  v.visit(d->table);
  v.visit(d->cells);
}

void trace_table(void* obj, gc::Visitor& v) {
  auto* t = static_cast<DictTable*>(obj);
  DictEntry* e = t->entries();
  for (int64_t i = 0; i < t->nentries; i++) {
    visit_value(v, e[i].key);
    visit_value(v, e[i].value);
  }
}

size_t table_bytes(int64_t nslots, int64_t capacity) {
  return sizeof(DictTable) + size_t(nslots) * sizeof(int32_t) + size_t(capacity) * sizeof(DictEntry);
}

size_t size_table(const void* obj) {
  auto* t = static_cast<const DictTable*>(obj);
  return table_bytes(t->nslots, t->capacity);
}

gc::LayoutId register_dict_layout() {
  return gc::register_layout(gc::LayoutInfo{"dict", trace_dict, sizeof(Dict)});
}

gc::LayoutId table_layout() {
  static gc::LayoutId id = [] {
    gc::LayoutInfo info;
    info.name = "dict table";
    info.trace = trace_table;
    info.size = size_table;
    return gc::register_layout(info);
  }();
  return id;
}

constexpr int64_t kMinSlots = 8;
constexpr int kPerturbShift = 5;

int64_t usable(int64_t nslots) { return (nslots << 1) / 3; }

// The smallest power of two >= n (at least kMinSlots).
int64_t slots_for(int64_t n) {
  int64_t s = kMinSlots;
  while (s < n) s <<= 1;
  return s;
}

DictTable* new_table(int64_t nslots) {
  if (nslots > (int64_t(1) << 31)) {
    raise_memory_error();
    return nullptr;
  }
  int64_t cap = usable(nslots);
  auto* t = try_allocate<DictTable>(table_layout(), nullptr, table_bytes(nslots, cap));
  if (!t) {
    raise_memory_error();
    return nullptr;
  }
  t->nslots = nslots;
  t->capacity = cap;
  t->nentries = 0;
  std::memset(t->index(), 0xff, size_t(nslots) * sizeof(int32_t));  // kEmpty
  return t;
}

// Inserts a live entry into a table known to hold no equal key and to have room.
void insert_clean(DictTable* t, Value key, Value value, int64_t hash) {
  uint64_t mask = uint64_t(t->nslots) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  int32_t* index = t->index();
  while (index[i] >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  int64_t ix = t->nentries++;
  index[i] = int32_t(ix);
  DictEntry& e = t->entries()[ix];
  e.key = key;
  e.value = value;
  e.hash = hash;
}

// The first empty or dummy slot for `hash`.
uint64_t find_empty_slot(DictTable* t, int64_t hash) {
  uint64_t mask = uint64_t(t->nslots) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  int32_t* index = t->index();
  while (index[i] >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// The slot holding entry `ix`.
uint64_t find_slot_of(DictTable* t, int64_t hash, int64_t ix) {
  uint64_t mask = uint64_t(t->nslots) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  int32_t* index = t->index();
  while (index[i] != ix) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Rebuilds the table with room for `minsize`*... entries: compacts deleted
// entries away, keeps insertion order.
bool resize(Dict* d, int64_t minused) {
  int64_t nslots = slots_for(minused);
  DictTable* old = d->table;
  DictTable* t = new_table(nslots);
  if (!t) return false;
  if (old) {
    DictEntry* e = old->entries();
    for (int64_t i = 0; i < old->nentries; i++) {
      if (e[i].key) insert_clean(t, e[i].key, e[i].value, e[i].hash);
    }
  }
  gc::store_ref<DictTable>(d, &d->table, t);
  return true;
}

// True if comparing `a` and `b` cannot run Python code, and then *eq is the answer.
inline bool equal_without_code(Value a, Value b, bool* eq) {
  if (a.is(b)) {
    *eq = true;
    return true;
  }
  if (a.is_small() && b.is_small()) {
    *eq = false;
    return true;
  }
  if (is_exact_str(a) && is_exact_str(b)) {
    *eq = str_equal(a.as<Str>(), b.as<Str>());
    return true;
  }
  return false;
}

void cell_store(Cell* c, Value value) {
  gc::write_barrier(c, &c->value, value.is_object() ? value.object() : nullptr);
  c->value = value;
}

Cell* registry_cell(Dict* d, Value key, int64_t hash);

}  // namespace

gc::LayoutId kDictLayout = register_dict_layout();

// ---- hashing ----------------------------------------------------------------------

int64_t hash_small_int(int64_t v) {
  constexpr int64_t kModulus = (int64_t(1) << 61) - 1;
  int64_t h = v >= 0 ? v % kModulus : -((-v) % kModulus);
  return h == -1 ? -2 : h;
}

int64_t key_hash(Value key) {
  if (key.is_small()) return hash_small_int(key.small_value());
  if (is_exact_str(key)) return str_hash(key.as<Str>());
  return hash(key);
}

// ---- lookup -------------------------------------------------------------------------

int64_t dict_lookup(Dict* d, Value key, int64_t hash) {
restart:
  DictTable* t = d->table;
  if (!t) return kLookupMissing;
  uint64_t mask = uint64_t(t->nslots) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int32_t ix = t->index()[i];
    if (ix == kIndexEmpty) return kLookupMissing;
    if (ix >= 0) {
      DictEntry* e = &t->entries()[ix];
      Value ek = e->key;
      if (ek.is(key)) return ix;
      if (e->hash == hash) {
        bool eq;
        if (equal_without_code(ek, key, &eq)) {
          if (eq) return ix;
        } else {
          int r = equal(ek, key);
          if (r < 0) return kLookupError;
          if (d->table != t || !e->key.is(ek)) goto restart;
          if (r > 0) return ix;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Value dict_get_hashed(Dict* d, Value key, int64_t hash) {
  int64_t ix = dict_lookup(d, key, hash);
  if (ix < 0) return {};
  return dict_entry_value(d, d->table->entries()[ix]);
}

Value dict_get(Dict* d, Value key) {
  if (!d->table) {
    // Still hash: {}[[]] raises TypeError like CPython.
    if (key.is_small() || is_exact_str(key)) return {};
  }
  int64_t h = key_hash(key);
  if (h == -1) return {};
  return dict_get_hashed(d, key, h);
}

Value dict_get_str(Dict* d, Str* key) {
  DictTable* t = d->table;
  if (!t) return {};
  int64_t hash = str_hash(key);
  uint64_t mask = uint64_t(t->nslots) - 1;
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int32_t ix = t->index()[i];
    if (ix == kIndexEmpty) return {};
    if (ix >= 0) {
      DictEntry* e = &t->entries()[ix];
      if (e->key.is(key)) return dict_entry_value(d, *e);
      if (e->hash == hash) {
        if (is_exact_str(e->key)) {
          if (str_equal(e->key.as<Str>(), key)) return dict_entry_value(d, *e);
        } else {
          return dict_get_hashed(d, key, hash);  // a non-str key equal by hash: full compare
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// ---- module dicts: cells ----------------------------------------------------------------

namespace {

// The registry's cell for `key` (a plain dict lookup; made empty if new).
Cell* registry_cell(Dict* d, Value key, int64_t hash) {
  Dict* registry = d->cells;
  int64_t ix = dict_lookup(registry, key, hash);
  if (ix == kLookupError) return nullptr;
  if (ix >= 0) return static_cast<Cell*>(registry->table->entries()[ix].value.object());
  Cell* c = cell_new(Value());
  if (!c || !dict_set_hashed(registry, key, c, hash)) return nullptr;
  return c;
}

}  // namespace

// ---- insertion and deletion -----------------------------------------------------------

bool insert_new_entry(Dict* d, Value key, Value value, int64_t hash);

bool dict_set_hashed(Dict* d, Value key, Value value, int64_t hash) {
  Cell* new_cell = nullptr;
  Value bound = value;
  if (d->cells) {
    // The key's cell is bound exactly while the key is in the dict.
    Cell* c = registry_cell(d, key, hash);
    if (!c) return false;
    if (c->value) {
      cell_store(c, value);
      return true;
    }
    new_cell = c;  // bound below, once its entry exists
    value = c;
  } else {
    int64_t ix = dict_lookup(d, key, hash);
    if (ix == kLookupError) return false;
    if (ix >= 0) {
      DictEntry* e = &d->table->entries()[ix];
      gc::write_barrier(d->table, &e->value, value.is_object() ? value.object() : nullptr);
      e->value = value;
      return true;
    }
  }
  if (!insert_new_entry(d, key, value, hash)) return false;
  if (new_cell) cell_store(new_cell, bound);
  return true;
}

// Appends an entry for a key known to be missing (no comparison runs).
bool insert_new_entry(Dict* d, Value key, Value value, int64_t hash) {
  DictTable* t = d->table;
  if (!t || t->nentries >= t->capacity) {
    if (!resize(d, d->used * 3 < kMinSlots ? kMinSlots : d->used * 3)) return false;
    t = d->table;
  }
  uint64_t slot = find_empty_slot(t, hash);
  int64_t n = t->nentries++;
  t->index()[slot] = int32_t(n);
  DictEntry* e = &t->entries()[n];
  gc::write_barrier(t, &e->key, key.is_object() ? key.object() : nullptr);
  gc::write_barrier(t, &e->value, value.is_object() ? value.object() : nullptr);
  e->key = key;
  e->value = value;
  e->hash = hash;
  d->used++;
  return true;
}

bool dict_set(Dict* d, Value key, Value value) {
  int64_t h = key_hash(key);
  if (h == -1) return false;
  return dict_set_hashed(d, key, value, h);
}

bool dict_set_str(Dict* d, Str* key, Value value) {
  return dict_set_hashed(d, key, value, str_hash(key));
}

int dict_del_hashed(Dict* d, Value key, int64_t hash) {
  int64_t ix = dict_lookup(d, key, hash);
  if (ix == kLookupError) return -1;
  if (ix == kLookupMissing) return 0;
  dict_del_entry(d, ix);
  return 1;
}

void dict_del_entry(Dict* d, int64_t ix) {
  DictTable* t = d->table;
  DictEntry* e = &t->entries()[ix];
  uint64_t slot = find_slot_of(t, e->hash, ix);
  t->index()[slot] = kIndexDummy;
  if (d->cells) static_cast<Cell*>(e->value.object())->value = Value();  // the name is unbound
  e->key = Value();
  e->value = Value();
  d->used--;
}

int dict_del(Dict* d, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return dict_del_hashed(d, key, h);
}

int dict_del_str(Dict* d, Str* key) { return dict_del_hashed(d, key, str_hash(key)); }

int64_t dict_size(const Dict* d) { return d->used; }

void dict_clear(Dict* d) {
  if (d->cells && d->table) {
    DictEntry* e = d->table->entries();
    for (int64_t i = 0; i < d->table->nentries; i++) {
      if (e[i].key) static_cast<Cell*>(e[i].value.object())->value = Value();
    }
  }
  gc::store_ref<DictTable>(d, &d->table, nullptr);
  d->used = 0;
}

// ---- construction and copying ------------------------------------------------------------

Dict* dict_new(int64_t capacity) {
  auto* d = allocate<Dict>(kDictLayout, types::dict);
  if (capacity > 0) {
    DictTable* t = new_table(slots_for((capacity * 3 + 1) / 2));
    if (!t) return nullptr;
    d->table = t;
  }
  return d;
}

Dict* dict_new_subtype(Type* type) {
  if (type == types::dict) return dict_new();
  return static_cast<Dict*>(alloc_instance(type));
}

Dict* dict_new_cells() {
  Dict* d = dict_new();
  Dict* registry = d ? dict_new() : nullptr;
  if (!registry) return nullptr;
  d->cells = registry;
  return d;
}

Cell* dict_cell_of(Dict* d, Str* key) { return registry_cell(d, key, str_hash(key)); }

Dict* dict_copy(Dict* d) {
  Dict* r = dict_new();
  if (!r || d->used == 0) return r;
  if (!resize(r, d->used * 3 / 2 + 1)) return nullptr;
  DictTable* src = d->table;
  DictTable* dst = r->table;
  for (int64_t i = 0; i < src->nentries; i++) {
    DictEntry& e = src->entries()[i];
    if (e.key) insert_clean(dst, e.key, dict_entry_value(d, e), e.hash);
  }
  r->used = d->used;
  return r;
}

bool dict_next(Dict* d, int64_t* i, Value* key, Value* value) {
  DictTable* t = d->table;
  if (!t) return false;
  int64_t k = *i;
  while (k < t->nentries) {
    DictEntry& e = t->entries()[k++];
    if (e.key) {
      *i = k;
      if (key) *key = e.key;
      if (value) *value = dict_entry_value(d, e);
      return true;
    }
  }
  *i = k;
  return false;
}

bool dict_next_hashed(Dict* d, int64_t* i, Value* key, Value* value, int64_t* hash) {
  DictTable* t = d->table;
  if (!t) return false;
  int64_t k = *i;
  while (k < t->nentries) {
    DictEntry& e = t->entries()[k++];
    if (e.key) {
      *i = k;
      if (key) *key = e.key;
      if (value) *value = dict_entry_value(d, e);
      if (hash) *hash = e.hash;
      return true;
    }
  }
  *i = k;
  return false;
}


}  // namespace pyrite::python

// ---- update ---------------------------------------------------------------------------------

namespace pyrite::python {

namespace {

bool merge_dict(Dict* d, Dict* other) {
  if (other == d || other->used == 0) return true;
  if (d->used == 0 && d->table == nullptr && other->used == other->table->nentries) {
    // Fresh target: grow once.
    if (!resize(d, other->used * 3 / 2 + 1)) return false;
  }
  int64_t i = 0;
  Value k, v;
  int64_t h;
  int64_t n = other->used;
  while (dict_next_hashed(other, &i, &k, &v, &h)) {
    if (!dict_set_hashed(d, k, v, h)) return false;
    if (other->used != n) {
      raise(exc::RuntimeError, "dict mutated during update");
      return false;
    }
  }
  return true;
}

bool merge_pairs(Dict* d, Value iterable) {
  Value it = get_iter(iterable);
  if (!it) return false;
  for (int64_t n = 0;; n++) {
    Value item = iter_next(it);
    if (!item) return !has_error();
    Value key, value;
    if (is_tuple(item) && item.as<Tuple>()->length == 2) {
      key = item.as<Tuple>()->at(0);
      value = item.as<Tuple>()->at(1);
    } else {
      Value pit = get_iter(item);
      if (!pit) {
        if (error_matches(exc::TypeError)) {
          clear_error();
          raisef(exc::TypeError,
                 "cannot convert dictionary update sequence element #%lld to a sequence",
                 (long long)n);
        }
        return false;
      }
      int64_t len = 0;
      Value got[2];
      for (;;) {
        Value x = iter_next(pit);
        if (!x) {
          if (has_error()) return false;
          break;
        }
        if (len < 2) got[len] = x;
        len++;
      }
      if (len != 2) {
        raisef(exc::ValueError,
               "dictionary update sequence element #%lld has length %lld; 2 is required",
               (long long)n, (long long)len);
        return false;
      }
      key = got[0];
      value = got[1];
    }
    if (!dict_set(d, key, value)) return false;
  }
}

}  // namespace

bool dict_merge_from(Dict* d, Value other) {
  if (is_dict(other) && type_of(other)->slots.iter == types::dict->slots.iter)
    return merge_dict(d, other.as<Dict>());
  static Str* keys_name = intern("keys");
  Value keys = get_attr_or_null(other, keys_name);
  if (!keys) {
    if (has_error()) return false;
    return merge_pairs(d, other);
  }
  Value ks = call0(keys);
  if (!ks) return false;
  return for_each(ks, [&](Value k) {
    Value v = get_item(other, k);
    if (!v) return false;
    return dict_set(d, k, v);
  });
}

bool dict_update(Dict* d, Value other) { return dict_merge_from(d, other); }

}  // namespace pyrite::python

// ---- the dict type -----------------------------------------------------------------------

namespace pyrite::python {

Value dict_subscript(Value self, Value key) {
  Dict* d = self.as<Dict>();
  int64_t h = key_hash(key);
  if (h == -1) return {};
  int64_t ix = dict_lookup(d, key, h);
  if (ix == kLookupError) return {};
  if (ix >= 0) return dict_entry_value(d, d->table->entries()[ix]);
  if (!is_exact_dict(self)) {
    Value missing = type_lookup(type_of(self), names::__missing__);
    if (missing) {
      bool found = false;
      Value r = call_special(self, names::__missing__, &key, 1, &found);
      if (found || r || has_error()) return r;
    }
  }
  return raise_key_error(key);
}

namespace {

Value dict_repr(Value self) {
  Dict* d = self.as<Dict>();
  if (d->used == 0) return str_from_ascii("{}");
  if (repr_enter(self)) return str_from_ascii("{...}");
  std::string out = "{";
  bool first = true;
  for (int64_t i = 0; d->table && i < d->table->nentries; i++) {
    DictEntry e = d->table->entries()[i];
    if (!e.key) continue;
    if (!first) out += ", ";
    first = false;
    Value kr = repr(e.key);
    if (!kr) {
      repr_leave(self);
      return {};
    }
    out += str_to_utf8(kr.as<Str>());
    out += ": ";
    Value vr = repr(dict_entry_value(d, e));
    if (!vr) {
      repr_leave(self);
      return {};
    }
    out += str_to_utf8(vr.as<Str>());
  }
  out += "}";
  repr_leave(self);
  return str_from_utf8(out);
}

int64_t dict_len(Value self) { return self.as<Dict>()->used; }

bool dict_ass_subscript(Value self, Value key, Value v) {
  Dict* d = self.as<Dict>();
  if (v) return dict_set(d, key, v);
  int r = dict_del(d, key);
  if (r == 0) raise_key_error(key);
  return r > 0;
}

int dict_contains(Value self, Value key) {
  Dict* d = self.as<Dict>();
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  int64_t ix = dict_lookup(d, key, h);
  if (ix == kLookupError) return -1;
  return ix >= 0;
}

// 1 equal, 0 not, -1 error.
int dict_equal(Dict* a, Dict* b) {
  if (a->used != b->used) return 0;
  for (int64_t i = 0; a->table && i < a->table->nentries; i++) {
    DictEntry e = a->table->entries()[i];
    if (!e.key) continue;
    int64_t ix = dict_lookup(b, e.key, e.hash);
    if (ix == kLookupError) return -1;
    if (ix < 0) return 0;
    Value bv = dict_entry_value(b, b->table->entries()[ix]);
    int r = equal(dict_entry_value(a, e), bv);
    if (r <= 0) return r;
    // A comparison may have changed either dict: as CPython, go on with
    // what a holds now (no new size check).
  }
  return 1;
}

Value dict_compare(Value a, Value b, CompareOp op) {
  if (!is_dict(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) return not_implemented();
  int r = a.is(b) ? 1 : dict_equal(a.as<Dict>(), b.as<Dict>());
  if (r < 0) return {};
  return py_bool((r == 1) == (op == CompareOp::kEq));
}

Value dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return not_implemented();
  Dict* r = dict_copy(a.as<Dict>());
  if (!r) return {};
  if (!dict_merge_from(r, b)) return {};
  return r;
}

Value dict_ior(Value a, Value b) {
  if (!is_dict(a)) return not_implemented();
  if (!dict_merge_from(a.as<Dict>(), b)) return {};
  return a;
}

Value dict_new_slot(Type* type, const Value*, size_t, Tuple*) { return dict_new_subtype(type); }

// dict(...) / d.update(...): one positional mapping or iterable of pairs,
// then keyword arguments.
bool update_common(Dict* d, const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 1) {
    raisef(exc::TypeError, "%s expected at most 1 argument, got %zu", fname, nargs);
    return false;
  }
  if (nargs == 1 && !dict_merge_from(d, args[0])) return false;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->length; i++) {
      if (!dict_set(d, kwnames->at(i), args[nargs + i])) return false;
    }
  }
  return true;
}

bool dict_init_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return update_common(self.as<Dict>(), "dict", args, nargs, kwnames);
}

// ---- methods ---------------------------------------------------------------------------------

Value m_get(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("get", nargs, 1, 2)) return {};
  Value v = dict_get(self.as<Dict>(), args[0]);
  if (v) return v;
  if (has_error()) return {};
  return nargs == 2 ? args[1] : none();
}

Value m_setdefault(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("setdefault", nargs, 1, 2)) return {};
  Dict* d = self.as<Dict>();
  int64_t h = key_hash(args[0]);
  if (h == -1) return {};
  int64_t ix = dict_lookup(d, args[0], h);
  if (ix == kLookupError) return {};
  if (ix >= 0) return dict_entry_value(d, d->table->entries()[ix]);
  Value dflt = nargs == 2 ? args[1] : none();
  // Missing: insert without a second lookup (which would call __eq__ again).
  // Module dicts bind the key's cell instead.
  if (!(d->cells ? dict_set_hashed(d, args[0], dflt, h) : insert_new_entry(d, args[0], dflt, h))) return {};
  return dflt;
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("pop", nargs, 1, 2)) return {};
  Dict* d = self.as<Dict>();
  if (d->used == 0) {
    if (nargs == 2) return args[1];
    return raise_key_error(args[0]);
  }
  int64_t h = key_hash(args[0]);
  if (h == -1) return {};
  int64_t ix = dict_lookup(d, args[0], h);
  if (ix == kLookupError) return {};
  if (ix < 0) {
    if (nargs == 2) return args[1];
    return raise_key_error(args[0]);
  }
  Value v = dict_entry_value(d, d->table->entries()[ix]);
  dict_del_entry(d, ix);
  return v;
}

Value m_popitem(Value self, const Value*, size_t, Tuple*) {
  Dict* d = self.as<Dict>();
  if (d->used == 0) return raise(exc::KeyError, "popitem(): dictionary is empty");
  DictTable* t = d->table;
  int64_t i = t->nentries - 1;
  while (i >= 0 && !t->entries()[i].key) i--;
  DictEntry e = t->entries()[i];
  Tuple* pair = tuple_of({e.key, dict_entry_value(d, e)});
  if (!pair) return {};
  dict_del_entry(d, i);
  d->table->nentries = i;  // everything from i on is deleted
  return pair;
}

Value m_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!update_common(self.as<Dict>(), "update", args, nargs, kwnames)) return {};
  return none();
}

Value m_fromkeys(Value cls, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("fromkeys", nargs, 1, 2)) return {};
  Value value = nargs == 2 ? args[1] : none();
  Value d = type_call(cls.as<Type>(), nullptr, 0, nullptr);
  if (!d) return {};
  bool fast = is_exact_dict(d);
  // As CPython, the keys of an exact dict, set or frozenset come with
  // their stored hashes (not hashed again).
  Value src = args[0];
  if (fast && is_exact_dict(src)) {
    int64_t i = 0, h;
    Value k, v;
    while (dict_next_hashed(src.as<Dict>(), &i, &k, &v, &h))
      if (!dict_set_hashed(d.as<Dict>(), k, value, h)) return {};
    return d;
  }
  if (fast && src.is_object() && (src.object()->type == types::set || src.object()->type == types::frozenset)) {
    int64_t i = 0, h;
    Value k;
    while (set_next(src.as<Set>(), &i, &k, &h))
      if (!dict_set_hashed(d.as<Dict>(), k, value, h)) return {};
    return d;
  }
  if (!for_each(args[0], [&](Value k) {
        return fast ? dict_set(d.as<Dict>(), k, value) : set_item(d, k, value);
      }))
    return {};
  return d;
}

Value m_copy(Value self, const Value*, size_t, Tuple*) { return dict_copy(self.as<Dict>()); }

Value m_clear(Value self, const Value*, size_t, Tuple*) {
  dict_clear(self.as<Dict>());
  return none();
}

Value m_keys(Value self, const Value*, size_t, Tuple*) { return dict_view_new(self.as<Dict>(), types::dict_keys); }
Value m_values(Value self, const Value*, size_t, Tuple*) { return dict_view_new(self.as<Dict>(), types::dict_values); }
Value m_items(Value self, const Value*, size_t, Tuple*) { return dict_view_new(self.as<Dict>(), types::dict_items); }

Value m_reversed(Value self, const Value*, size_t, Tuple*) {
  return dict_iter_new(self.as<Dict>(), types::dict_reversekeyiterator);
}

Value m_getitem(Value self, const Value* args, size_t, Tuple*) { return dict_subscript(self, args[0]); }

Value m_contains(Value self, const Value* args, size_t, Tuple*) {
  int r = dict_contains(self, args[0]);
  if (r < 0) return {};
  return py_bool(r);
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  Dict* d = self.as<Dict>();
  int64_t n = sizeof(Dict);
  if (d->table) n += int64_t(size_table(d->table));
  if (d->cells) n += d->used * int64_t(sizeof(Cell));
  return Value::small(n);
}

Value dict_iter_slot(Value self) { return dict_iter_new(self.as<Dict>(), types::dict_keyiterator); }

const MethodDef kDictMethods[] = {
    {"__contains__", m_contains, MethodFlag::kOneArg,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", m_getitem, MethodFlag::kOneArg, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", m_sizeof, MethodFlag::kNoArgs, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", m_get, MethodFlag::kVarArgs,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, MethodFlag::kVarArgs,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value "
     "for key if key is in the dictionary, else default."},
    {"pop", m_pop, MethodFlag::kVarArgs,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key "
     "is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", m_popitem, MethodFlag::kNoArgs,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, "
     "first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", m_keys, MethodFlag::kNoArgs, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", m_items, MethodFlag::kNoArgs,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", m_values, MethodFlag::kNoArgs, "D.values() -> an object providing a view on D's values"},
    {"update", m_update, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has "
     "a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() "
     "method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in "
     "F:  D[k] = F[k]"},
    {"fromkeys", m_fromkeys, MethodFlag::kVarArgs | MethodFlag::kClass,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", m_clear, MethodFlag::kNoArgs, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, MethodFlag::kNoArgs, "D.copy() -> a shallow copy of D"},
    {"__reversed__", m_reversed, MethodFlag::kNoArgs,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", class_getitem, MethodFlag::kOneArg | MethodFlag::kClass, "See PEP 585"},
    {nullptr, nullptr, 0},
};

}  // namespace

void init_dict() {
  TypeSpec spec;
  spec.name = "dict";
  spec.layout = kDictLayout;
  spec.instance_size = sizeof(Dict);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kDictSubclass | TypeFlag::kImmutable;
  spec.trace = trace_dict;
  spec.slots.repr = dict_repr;
  spec.slots.compare = dict_compare;
  spec.slots.iter = dict_iter_slot;
  spec.slots.len = dict_len;
  spec.slots.getitem = dict_subscript;
  spec.slots.setitem = dict_ass_subscript;
  spec.slots.contains = dict_contains;
  spec.slots.binary[int(BinaryOp::kOr)] = dict_or;
  spec.slots.inplace[int(BinaryOp::kOr)] = dict_ior;
  spec.slots.new_ = dict_new_slot;
  spec.slots.init = dict_init_slot;
  spec.methods = kDictMethods;
  spec.doc =
      "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping "
      "object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n"
      "    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary "
      "initialized with the name=value pairs\n    in the keyword argument list.  For example:  "
      "dict(one=1, two=2)";
  Type* t = make_builtin_type(&types::dict, spec);
  gc::Heap::current()->for_each_object([t](void* obj, size_t) {
    auto* h = static_cast<gc::Header*>(obj);
    if (gc::LayoutId(h->gc_word >> gc::kLayoutShift) == kDictLayout &&
        h->language_word == nullptr)
      h->language_word = t;
  });
}

}  // namespace pyrite::python
