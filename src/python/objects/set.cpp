// set and frozenset (docs/objects.md, "Containers").
//
// Invariants: fill = live + dummy slots and fill*5 < mask*3 after every
// insertion (the table grows to used*4, or used*2 past 50,000), so probes
// end at an empty slot. Probing is CPython's: up to 9 linear probes when
// they stay inside the table, then i = i*5 + 1 + (perturb >>= 5). Keeping
// the same sizes and probes keeps CPython's iteration order, which
// programs print. Comparisons may run __eq__, which may mutate the set:
// the lookup then starts over.
#include "python/objects/set.h"

#include <cstring>
#include <string>

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

constexpr int64_t kMinSize = 8;
constexpr int64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

struct SetIterator : Object {
  Set* set;      // null once exhausted
  int64_t pos;
  int64_t used;  // the set's size when iteration started; -1 after a size change
  int64_t len;   // items left
};

void trace_set(void* obj, gc::Visitor& v) {
  auto* s = static_cast<Set*>(obj);
  v.visit(s->type);
  v.visit(s->table);
}

void trace_set_table(void* obj, gc::Visitor& v) {
  auto* t = static_cast<SetTable*>(obj);
  SetEntry* e = t->entries();
  for (int64_t i = 0; i < t->size; i++) visit_value(v, e[i].key);
}

size_t set_table_bytes(int64_t size) { return sizeof(SetTable) + size_t(size) * sizeof(SetEntry); }

size_t size_set_table(const void* obj) {
  return set_table_bytes(static_cast<const SetTable*>(obj)->size);
}

gc::LayoutId register_set_layout() {
  return gc::register_layout(gc::LayoutInfo{"set", trace_set, sizeof(Set)});
}

gc::LayoutId set_table_layout() {
  static gc::LayoutId id = [] {
    gc::LayoutInfo info;
    info.name = "set table";
    info.trace = trace_set_table;
    info.size = size_set_table;
    return gc::register_layout(info);
  }();
  return id;
}

void trace_set_iterator(void* obj, gc::Visitor& v) {
  auto* it = static_cast<SetIterator*>(obj);
  v.visit(it->type);
  v.visit(it->set);
}

gc::LayoutId set_iterator_layout() {
  static gc::LayoutId id = gc::register_layout(
      gc::LayoutInfo{"set_iterator", trace_set_iterator, sizeof(SetIterator)});
  return id;
}

SetTable* new_set_table(int64_t size) {
  if (size > (int64_t(1) << 40)) {
    raise_memory_error();
    return nullptr;
  }
  auto* t = try_allocate<SetTable>(set_table_layout(), nullptr, set_table_bytes(size));
  if (!t) {
    raise_memory_error();
    return nullptr;
  }
  t->size = size;
  return t;
}

inline bool is_live(const SetEntry& e) { return !e.key.is_null(); }

// Inserts into a table known not to contain the key and to have no dummies
// on the probe path that matter (fresh tables).
void insert_clean(SetTable* t, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  SetEntry* table = t->entries();
  for (;;) {
    SetEntry* e = &table[i];
    if (e->key.is_null()) goto found;
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; j++) {
        e++;
        if (e->key.is_null()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    e->key = key;
    e->hash = hash;
    return;
  }
}

bool table_resize(Set* s, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetTable* old = s->table;
  SetTable* t = new_set_table(newsize);
  if (!t) return false;
  uint64_t mask = uint64_t(newsize - 1);
  if (old) {
    SetEntry* e = old->entries();
    for (int64_t i = 0; i < old->size; i++) {
      if (is_live(e[i])) insert_clean(t, mask, e[i].key, e[i].hash);
    }
  }
  gc::store_ref<SetTable>(s, &s->table, t);
  s->mask = newsize - 1;
  s->fill = s->used;
  return true;
}

bool ensure_table(Set* s) {
  if (s->table) return true;
  SetTable* t = new_set_table(kMinSize);
  if (!t) return false;
  gc::store_ref<SetTable>(s, &s->table, t);
  s->mask = kMinSize - 1;
  return true;
}

// True if equality of a and b cannot run Python code; then *eq is it.
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

enum class Probe : uint8_t { kNext, kFound, kAbort };

// Walks `hash`'s probe sequence in `t`, asking `at` about each live entry
// with that hash: the entry `at` finds, or null at the first empty slot or
// when `at` aborts.
template <class At>
SetEntry* probe(SetTable* t, uint64_t mask, int64_t hash, At&& at) {
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    SetEntry* e = &t->entries()[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (e->hash == 0 && e->key.is_null()) return nullptr;
      if (e->hash == hash && !e->key.is_null()) {
        Probe p = at(e);
        if (p == Probe::kFound) return e;
        if (p == Probe::kAbort) return nullptr;
      }
      e++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The live entry holding key, or null (not found: *err false; error: *err true).
SetEntry* lookkey(Set* s, Value key, int64_t hash, bool* err) {
  *err = false;
  for (;;) {
    SetTable* t = s->table;
    if (!t) return nullptr;
    bool restart = false;
    SetEntry* found = probe(t, uint64_t(s->mask), hash, [&](SetEntry* e) {
      Value startkey = e->key;
      bool eq;
      if (equal_without_code(startkey, key, &eq)) return eq ? Probe::kFound : Probe::kNext;
      int r = equal(startkey, key);
      if (r < 0) {
        *err = true;
        return Probe::kAbort;
      }
      if (s->table != t || !e->key.is(startkey)) {  // the __eq__ changed the set: again
        restart = true;
        return Probe::kAbort;
      }
      return r > 0 ? Probe::kFound : Probe::kNext;
    });
    if (!restart) return found;
  }
}

bool add_entry(Set* s, Value key, int64_t hash) {
restart:
  // (An __eq__ may have cleared the set: the table can be gone on restart.)
  if (!ensure_table(s)) return false;
  SetTable* t = s->table;
  uint64_t mask = uint64_t(s->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = perturb & mask;
  SetEntry* freeslot = nullptr;
  SetEntry* e;
  for (;;) {
    e = &t->entries()[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (e->hash == 0 && e->key.is_null()) goto found_unused;
      if (e->hash == hash && !e->key.is_null()) {
        Value startkey = e->key;
        bool eq;
        if (equal_without_code(startkey, key, &eq)) {
          if (eq) return true;
        } else {
          int r = equal(startkey, key);
          if (r < 0) return false;
          if (r > 0) return true;
          if (s->table != t || !e->key.is(startkey)) goto restart;
          mask = uint64_t(s->mask);
        }
      } else if (e->hash == -1 && e->key.is_null() && !freeslot) {
        freeslot = e;
      }
      e++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused:
  if (freeslot) {
    gc::write_barrier(t, &freeslot->key, key.is_object() ? key.object() : nullptr);
    freeslot->key = key;
    freeslot->hash = hash;
    s->used++;
    return true;
  }
  gc::write_barrier(t, &e->key, key.is_object() ? key.object() : nullptr);
  e->key = key;
  e->hash = hash;
  s->fill++;
  s->used++;
  if (s->fill * 5 < s->mask * 3) return true;
  return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// 1 removed, 0 absent, -1 error.
int discard_entry(Set* s, Value key, int64_t hash) {
  bool err;
  SetEntry* e = lookkey(s, key, hash, &err);
  if (err) return -1;
  if (!e) return 0;
  e->key = Value();
  e->hash = -1;
  s->used--;
  return 1;
}

int contains_entry(Set* s, Value key, int64_t hash) {
  bool err;
  SetEntry* e = lookkey(s, key, hash, &err);
  if (err) return -1;
  return e != nullptr;
}

// Merges another set's entries (CPython's set_merge: same positions when
// the target is empty and the sizes agree).
bool merge(Set* s, Set* other) {
  if (other == s || other->used == 0) return true;
  if ((s->fill + other->used) * 5 >= s->mask * 3) {
    if (!table_resize(s, (s->used + other->used) * 2)) return false;
  }
  if (!ensure_table(s)) return false;
  SetEntry* src = other->table->entries();
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    SetEntry* dst = s->table->entries();
    for (int64_t i = 0; i <= other->mask; i++) {
      if (is_live(src[i])) dst[i] = src[i];
    }
    s->fill = other->fill;
    s->used = other->used;
    return true;
  }
  if (s->fill == 0) {
    s->fill = other->used;
    s->used = other->used;
    for (int64_t i = 0; i <= other->mask; i++) {
      if (is_live(src[i])) insert_clean(s->table, uint64_t(s->mask), src[i].key, src[i].hash);
    }
    return true;
  }
  // An __eq__ run by add_entry may clear or resize `other`: read its
  // table afresh at every step.
  for (int64_t i = 0; other->table && i <= other->mask && i < other->table->size; i++) {
    SetEntry e = other->table->entries()[i];
    if (!e.key.is_null() && !add_entry(s, e.key, e.hash)) return false;
  }
  return true;
}

bool update_internal(Set* s, Value other) {
  if (is_anyset(other)) return merge(s, other.as<Set>());
  if (is_exact_dict(other)) {
    Dict* d = other.as<Dict>();
    int64_t n = dict_size(d);
    if ((s->fill + n) * 5 >= s->mask * 3) {
      if (!table_resize(s, (s->used + n) * 2)) return false;
    }
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (dict_next_hashed(d, &pos, &k, nullptr, &h)) {
      if (!add_entry(s, k, h)) return false;
    }
    return true;
  }
  Value it = get_iter(other);
  if (!it) return false;
  for (;;) {
    Value k = iter_next(it);
    if (!k) return !has_error();
    if (!set_add(s, k)) return false;
  }
}

Type* base_type_of(Set* s) {
  return isinstance(Value(s), types::frozenset) ? types::frozenset : types::set;
}

Set* alloc_set(Type* type) {
  Set* s = type == types::set || type == types::frozenset
               ? allocate<Set>(kSetLayout, type)
               : static_cast<Set*>(alloc_instance(type));
  if (!s) return nullptr;
  s->mask = kMinSize - 1;
  s->hash = -1;
  return s;
}

// A copy of s as its base type (set or frozenset).
Set* copy_base(Set* s) {
  Set* r = alloc_set(base_type_of(s));
  if (!merge(r, s)) return nullptr;
  return r;
}

// The hash with the set retry: a set used as a key is looked up as the
// equal frozenset (`{1} in {frozenset({1})}`).
bool key_with_set_retry(Value* key, int64_t* hash) {
  *hash = key_hash(*key);
  if (*hash != -1) return true;
  if (!is_set(*key) || !error_matches(exc::TypeError)) return false;
  clear_error();
  Set* f = set_from_iterable(types::frozenset, *key);
  if (!f) return false;
  *key = f;
  *hash = frozenset_hash(f);
  return *hash != -1;
}

void swap_bodies(Set* a, Set* b) {
  std::swap(a->table, b->table);
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  std::swap(a->finger, b->finger);
  a->hash = -1;
  b->hash = -1;
}

bool difference_update_internal(Set* s, Value other) {
  if (Value(s).is(other)) {
    set_clear(s);
    return true;
  }
  if (is_anyset(other)) {
    Set* o = other.as<Set>();
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (set_next(o, &pos, &k, &h)) {
      if (discard_entry(s, k, h) < 0) return false;
    }
  } else {
    Value it = get_iter(other);
    if (!it) return false;
    for (;;) {
      Value k = iter_next(it);
      if (!k) {
        if (has_error()) return false;
        break;
      }
      if (set_discard(s, k) < 0) return false;
    }
  }
  // Resize away a table of mostly dummies.
  if (s->fill - s->used <= s->mask / 4) return true;
  return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

bool symmetric_difference_update(Set* s, Value other) {
  if (Value(s).is(other)) {
    set_clear(s);
    return true;
  }
  Set* o;
  if (is_anyset(other)) {
    o = other.as<Set>();
  } else {
    o = set_from_iterable(types::set, other);
    if (!o) return false;
  }
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (set_next(o, &pos, &k, &h)) {
    int r = discard_entry(s, k, h);
    if (r < 0) return false;
    if (r == 0 && !add_entry(s, k, h)) return false;
  }
  return true;
}

// 1 if s <= other (other any iterable), 0, -1.
int issubset(Set* s, Value other) {
  Set* o;
  if (is_anyset(other)) {
    o = other.as<Set>();
  } else {
    o = set_from_iterable(types::set, other);
    if (!o) return -1;
  }
  if (s->used > o->used) return 0;
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (set_next(s, &pos, &k, &h)) {
    int r = contains_entry(o, k, h);
    if (r <= 0) return r;
  }
  return 1;
}

int issuperset(Set* s, Value other) {
  if (is_anyset(other)) return issubset(other.as<Set>(), s);
  Value it = get_iter(other);
  if (!it) return -1;
  for (;;) {
    Value k = iter_next(it);
    if (!k) return has_error() ? -1 : 1;
    int r = set_contains(s, k);
    if (r <= 0) return r;
  }
}

int isdisjoint(Set* s, Value other) {
  if (Value(s).is(other)) return s->used == 0;
  if (is_anyset(other)) {
    Set* a = s;
    Set* b = other.as<Set>();
    if (a->used > b->used) std::swap(a, b);
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (set_next(a, &pos, &k, &h)) {
      int r = contains_entry(b, k, h);
      if (r != 0) return r < 0 ? -1 : 0;
    }
    return 1;
  }
  Value it = get_iter(other);
  if (!it) return -1;
  for (;;) {
    Value k = iter_next(it);
    if (!k) return has_error() ? -1 : 1;
    int r = set_contains(s, k);
    if (r != 0) return r < 0 ? -1 : 0;
  }
}

}  // namespace

gc::LayoutId kSetLayout = register_set_layout();

// ---- the C++ API ------------------------------------------------------------------------

Set* set_new(Type* type) { return alloc_set(type); }

Set* set_from_iterable(Type* type, Value iterable) {
  Set* s = alloc_set(type);
  if (!s) return nullptr;
  if (iterable && !update_internal(s, iterable)) return nullptr;
  return s;
}

bool set_add(Set* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return false;
  return add_entry(s, key, h);
}

int set_contains(Set* s, Value key) {
  int64_t h;
  if (!key_with_set_retry(&key, &h)) return -1;
  return contains_entry(s, key, h);
}

SetEntry* set_find_hashed(Set* s, int64_t hash, bool (*match)(Value key, void* ctx), void* ctx) {
  if (!s->table) return nullptr;
  return probe(s->table, uint64_t(s->mask), hash,
               [&](SetEntry* e) { return match(e->key, ctx) ? Probe::kFound : Probe::kNext; });
}

int set_discard(Set* s, Value key) {
  int64_t h;
  if (!key_with_set_retry(&key, &h)) return -1;
  return discard_entry(s, key, h);
}

bool set_update(Set* s, Value iterable) { return update_internal(s, iterable); }

void set_clear(Set* s) {
  gc::store_ref<SetTable>(s, &s->table, nullptr);
  s->fill = 0;
  s->used = 0;
  s->mask = kMinSize - 1;
  s->finger = 0;
}

bool set_next(Set* s, int64_t* pos, Value* key, int64_t* hash) {
  SetTable* t = s->table;
  if (!t) return false;
  int64_t i = *pos;
  while (i <= s->mask && i < t->size) {
    SetEntry& e = t->entries()[i++];
    if (is_live(e)) {
      *pos = i;
      if (key) *key = e.key;
      if (hash) *hash = e.hash;
      return true;
    }
  }
  *pos = i;
  return false;
}

int64_t frozenset_hash(Set* s) {
  if (s->hash != -1) return s->hash;
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t hash = 0;
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (set_next(s, &pos, &k, &h)) hash ^= shuffle(uint64_t(h));
  hash ^= (uint64_t(s->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == uint64_t(-1)) hash = 590923713ULL;
  s->hash = int64_t(hash);
  return s->hash;
}

Set* set_union_iter(Set* s, Value other) {
  Set* r = copy_base(s);
  if (!r || !update_internal(r, other)) return nullptr;
  return r;
}

Set* set_intersection_iter(Set* s, Value other) {
  Set* r = alloc_set(base_type_of(s));
  if (Value(s).is(other)) return merge(r, s) ? r : nullptr;
  if (is_anyset(other)) {
    Set* a = s;
    Set* b = other.as<Set>();
    if (b->used > a->used) std::swap(a, b);
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (set_next(b, &pos, &k, &h)) {
      int c = contains_entry(a, k, h);
      if (c < 0) return nullptr;
      if (c && !add_entry(r, k, h)) return nullptr;
    }
    return r;
  }
  Value it = get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Value k = iter_next(it);
    if (!k) return has_error() ? nullptr : r;
    int64_t h = key_hash(k);
    if (h == -1) return nullptr;
    int c = contains_entry(s, k, h);
    if (c < 0) return nullptr;
    if (c && !add_entry(r, k, h)) return nullptr;
  }
}

Set* set_difference_iter(Set* s, Value other) {
  int64_t other_size;
  if (is_anyset(other)) {
    other_size = other.as<Set>()->used;
  } else if (is_exact_dict(other)) {
    other_size = dict_size(other.as<Dict>());
  } else {
    Set* r = copy_base(s);
    if (!r || !difference_update_internal(r, other)) return nullptr;
    return r;
  }
  if ((s->used >> 2) > other_size) {
    Set* r = copy_base(s);
    if (!r || !difference_update_internal(r, other)) return nullptr;
    return r;
  }
  Set* r = alloc_set(base_type_of(s));
  int64_t pos = 0;
  Value k;
  int64_t h;
  while (set_next(s, &pos, &k, &h)) {
    int c;
    if (is_exact_dict(other)) {
      int64_t ix = dict_lookup(other.as<Dict>(), k, h);
      c = ix == kLookupError ? -1 : ix >= 0;
    } else {
      c = contains_entry(other.as<Set>(), k, h);
    }
    if (c < 0) return nullptr;
    if (!c && !add_entry(r, k, h)) return nullptr;
  }
  return r;
}

Set* set_symmetric_difference_iter(Set* s, Value other) {
  Set* r = set_from_iterable(base_type_of(s), other);
  if (!r || !symmetric_difference_update(r, s)) return nullptr;
  return r;
}

// ---- the types ----------------------------------------------------------------------------

namespace {

Value set_repr(Value self) {
  Set* s = self.as<Set>();
  Type* t = type_of(self);
  std::string name = type_name_of(t);
  bool exact_set = t == types::set;
  if (s->used == 0) return str_from_utf8(name + "()");
  if (repr_enter(self)) return str_from_utf8(name + "(...)");
  repr_leave(self);
  TupleBuilder b(s->used);
  int64_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k, nullptr)) {
    if (!b.push(k)) return {};
  }
  Tuple* items = b.finish();
  if (!items) return {};
  if (exact_set) return sequence_repr(self, "{", "}", items->items(), items->length);
  std::string open = name + "({";
  return sequence_repr(self, open.c_str(), "})", items->items(), items->length);
}

int64_t set_len(Value self) { return self.as<Set>()->used; }

int set_contains_slot(Value self, Value key) { return set_contains(self.as<Set>(), key); }

int64_t frozenset_hash_slot(Value self) { return frozenset_hash(self.as<Set>()); }

Value set_iter(Value self) {
  Set* s = self.as<Set>();
  auto* it = try_allocate<SetIterator>(set_iterator_layout(), types::set_iterator,
                                       sizeof(SetIterator));
  if (!it) return raise_memory_error();
  it->set = s;
  it->used = s->used;
  it->len = s->used;
  return it;
}

Value set_iter_next(Value self) {
  auto* it = self.as<SetIterator>();
  Set* s = it->set;
  if (!s) return {};
  if (it->used != s->used) {
    it->used = -1;
    return raise(exc::RuntimeError, "Set changed size during iteration");
  }
  Value k;
  if (!set_next(s, &it->pos, &k, nullptr)) {
    it->set = nullptr;
    return {};
  }
  it->len--;
  return k;
}

Value set_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SetIterator>();
  if (!it->set || it->used != it->set->used) return Value::small(0);
  return Value::small(it->len);
}

Value set_compare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b)) return not_implemented();
  Set* v = a.as<Set>();
  Set* w = b.as<Set>();
  int r;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (v->used != w->used) {
        r = 0;
      } else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) {
        r = 0;
      } else {
        r = issubset(v, b);
      }
      if (r < 0) return {};
      return py_bool((r == 1) == (op == CompareOp::kEq));
    case CompareOp::kLe: r = issubset(v, b); break;
    case CompareOp::kGe: r = issuperset(v, b); break;
    case CompareOp::kLt: r = v->used < w->used ? issubset(v, b) : 0; break;
    case CompareOp::kGt: r = v->used > w->used ? issuperset(v, b) : 0; break;
    default: r = 0;
  }
  if (r < 0) return {};
  return py_bool(r == 1);
}

Value set_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_union_iter(a.as<Set>(), b);
}
Value set_and(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_intersection_iter(a.as<Set>(), b);
}
Value set_sub(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_difference_iter(a.as<Set>(), b);
}
Value set_xor(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_symmetric_difference_iter(a.as<Set>(), b);
}

Value set_ior(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (!update_internal(a.as<Set>(), b)) return {};
  return a;
}
Value set_iand(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  Set* r = set_intersection_iter(a.as<Set>(), b);
  if (!r) return {};
  swap_bodies(a.as<Set>(), r);
  return a;
}
Value set_isub(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (!difference_update_internal(a.as<Set>(), b)) return {};
  return a;
}
Value set_ixor(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (!symmetric_difference_update(a.as<Set>(), b)) return {};
  return a;
}

Value set_new_slot(Type* type, const Value*, size_t, Tuple* kwnames) {
  if (type == types::set && kwnames && kwnames->length)
    return raise(exc::TypeError, "set() takes no keyword arguments");
  return alloc_set(type);
}

bool set_init_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) {
    raise(exc::TypeError, "set() takes no keyword arguments");
    return false;
  }
  if (!check_nargs("set", nargs, 0, 1)) return false;
  Set* s = self.as<Set>();
  if (s->used) set_clear(s);
  if (nargs == 1) return update_internal(s, args[0]);
  return true;
}

Value frozenset_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if ((type == types::frozenset || type->slots.init == types::frozenset->slots.init) && kwnames &&
      kwnames->length)
    return raise(exc::TypeError, "frozenset() takes no keyword arguments");
  if (!check_nargs("frozenset", nargs, 0, 1)) return {};
  if (type == types::frozenset && nargs == 1 && is_exact_frozenset(args[0])) return args[0];
  return set_from_iterable(type, nargs ? args[0] : Value());
}

// ---- methods ---------------------------------------------------------------------------------

Value m_add(Value self, const Value* args, size_t, Tuple*) {
  if (!set_add(self.as<Set>(), args[0])) return {};
  return none();
}

Value m_clear(Value self, const Value*, size_t, Tuple*) {
  set_clear(self.as<Set>());
  return none();
}

Value m_copy(Value self, const Value*, size_t, Tuple*) {
  if (is_exact_frozenset(self)) return self;
  return copy_base(self.as<Set>());
}

Value m_discard(Value self, const Value* args, size_t, Tuple*) {
  if (set_discard(self.as<Set>(), args[0]) < 0) return {};
  return none();
}

Value m_remove(Value self, const Value* args, size_t, Tuple*) {
  int r = set_discard(self.as<Set>(), args[0]);
  if (r < 0) return {};
  if (r == 0) return raise_key_error(args[0]);
  return none();
}

Value m_pop(Value self, const Value*, size_t, Tuple*) {
  Set* s = self.as<Set>();
  if (s->used == 0) return raise(exc::KeyError, "pop from an empty set");
  SetEntry* table = s->table->entries();
  int64_t i = s->finger & s->mask;
  while (table[i].key.is_null()) {
    i++;
    if (i > s->mask) i = 0;
  }
  Value k = table[i].key;
  table[i].key = Value();
  table[i].hash = -1;
  s->used--;
  s->finger = i + 1;
  return k;
}

Value m_union(Value self, const Value* args, size_t nargs, Tuple*) {
  Set* r = copy_base(self.as<Set>());
  if (!r) return {};
  for (size_t i = 0; i < nargs; i++) {
    if (!update_internal(r, args[i])) return {};
  }
  return r;
}

Value m_update(Value self, const Value* args, size_t nargs, Tuple*) {
  for (size_t i = 0; i < nargs; i++) {
    if (!update_internal(self.as<Set>(), args[i])) return {};
  }
  return none();
}

Value m_intersection(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs == 0) return copy_base(self.as<Set>());
  Set* r = self.as<Set>();
  for (size_t i = 0; i < nargs; i++) {
    r = set_intersection_iter(r, args[i]);
    if (!r) return {};
  }
  return r;
}

Value m_intersection_update(Value self, const Value* args, size_t nargs, Tuple*) {
  Value r = m_intersection(self, args, nargs, nullptr);
  if (!r) return {};
  swap_bodies(self.as<Set>(), r.as<Set>());
  return none();
}

Value m_difference(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs == 0) return copy_base(self.as<Set>());
  Set* r = set_difference_iter(self.as<Set>(), args[0]);
  if (!r) return {};
  for (size_t i = 1; i < nargs; i++) {
    if (!difference_update_internal(r, args[i])) return {};
  }
  return r;
}

Value m_difference_update(Value self, const Value* args, size_t nargs, Tuple*) {
  for (size_t i = 0; i < nargs; i++) {
    if (!difference_update_internal(self.as<Set>(), args[i])) return {};
  }
  return none();
}

Value m_symmetric_difference(Value self, const Value* args, size_t, Tuple*) {
  return set_symmetric_difference_iter(self.as<Set>(), args[0]);
}

Value m_symmetric_difference_update(Value self, const Value* args, size_t, Tuple*) {
  if (!symmetric_difference_update(self.as<Set>(), args[0])) return {};
  return none();
}

Value m_issubset(Value self, const Value* args, size_t, Tuple*) {
  int r = issubset(self.as<Set>(), args[0]);
  if (r < 0) return {};
  return py_bool(r);
}

Value m_issuperset(Value self, const Value* args, size_t, Tuple*) {
  int r = issuperset(self.as<Set>(), args[0]);
  if (r < 0) return {};
  return py_bool(r);
}

Value m_isdisjoint(Value self, const Value* args, size_t, Tuple*) {
  int r = isdisjoint(self.as<Set>(), args[0]);
  if (r < 0) return {};
  return py_bool(r);
}

Value m_contains(Value self, const Value* args, size_t, Tuple*) {
  int r = set_contains(self.as<Set>(), args[0]);
  if (r < 0) return {};
  return py_bool(r);
}

Value m_reduce(Value self, const Value*, size_t, Tuple*) {
  Set* s = self.as<Set>();
  TupleBuilder b(s->used);
  int64_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k, nullptr)) {
    if (!b.push(k)) return {};
  }
  Tuple* items = b.finish();
  if (!items) return {};
  List* l = list_from_array(items->items(), items->length);
  if (!l) return {};
  // As CPython (_PyObject_GetState): the instance's __getstate__(), which
  // has the __dict__ and the __slots__ values.
  static Str* getstate_name = intern("__getstate__");
  Value state = call_method(self, getstate_name, nullptr, 0);
  if (!state) return {};
  Tuple* args = tuple_of({l});
  return tuple_of({type_of(self), args, state});
}

Value m_sizeof(Value self, const Value*, size_t, Tuple*) {
  Set* s = self.as<Set>();
  int64_t n = 200;
  if (s->table && s->mask + 1 > kMinSize) n += (s->mask + 1) * int64_t(sizeof(SetEntry));
  return Value::small(n);
}

constexpr uint32_t kV = MethodFlag::kVarArgs;
constexpr uint32_t k1 = MethodFlag::kOneArg;
constexpr uint32_t k0 = MethodFlag::kNoArgs;

const MethodDef kSetMethods[] = {
    {"add", m_add, k1, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", m_clear, k0, "Remove all elements from this set."},
    {"__contains__", m_contains, k1, "x.__contains__(y) <==> y in x."},
    {"copy", m_copy, k0, "Return a shallow copy of a set."},
    {"discard", m_discard, k1,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() "
     "method does not raise\nan exception when an element is missing from the set."},
    {"difference", m_difference, kV | MethodFlag::kTupleArgs,
     "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in "
     "this set but not the others.)"},
    {"difference_update", m_difference_update, kV | MethodFlag::kTupleArgs,
     "Remove all elements of another set from this set."},
    {"intersection", m_intersection, kV | MethodFlag::kTupleArgs,
     "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both "
     "sets.)"},
    {"intersection_update", m_intersection_update, kV | MethodFlag::kTupleArgs,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", m_isdisjoint, k1, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, k1, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, k1, "Report whether this set contains another set."},
    {"pop", m_pop, k0,
     "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"__reduce__", m_reduce, k0, "Return state information for pickling."},
    {"remove", m_remove, k1,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, "
     "raise a KeyError."},
    {"__sizeof__", m_sizeof, k0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, k1,
     "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are "
     "in exactly one of the sets.)"},
    {"symmetric_difference_update", m_symmetric_difference_update, k1,
     "Update a set with the symmetric difference of itself and another."},
    {"union", m_union, kV | MethodFlag::kTupleArgs,
     "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"update", m_update, kV | MethodFlag::kTupleArgs, "Update a set with the union of itself and others."},
    {"__class_getitem__", class_getitem, k1 | MethodFlag::kClass, "See PEP 585"},
    {nullptr, nullptr, 0},
};

const MethodDef kFrozensetMethods[] = {
    {"__contains__", m_contains, k1, "x.__contains__(y) <==> y in x."},
    {"copy", m_copy, k0, "Return a shallow copy of a set."},
    {"difference", m_difference, kV | MethodFlag::kTupleArgs,
     "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in "
     "this set but not the others.)"},
    {"intersection", m_intersection, kV | MethodFlag::kTupleArgs,
     "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both "
     "sets.)"},
    {"isdisjoint", m_isdisjoint, k1, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, k1, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, k1, "Report whether this set contains another set."},
    {"__reduce__", m_reduce, k0, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, k0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, k1,
     "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are "
     "in exactly one of the sets.)"},
    {"union", m_union, kV | MethodFlag::kTupleArgs,
     "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"},
    {"__class_getitem__", class_getitem, k1 | MethodFlag::kClass, "See PEP 585"},
    {nullptr, nullptr, 0},
};

// (iter, (list of what is left,)), from a copy so this iterator stays put.
Value set_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<SetIterator>();
  auto* copy = try_allocate<SetIterator>(set_iterator_layout(), types::set_iterator,
                                         sizeof(SetIterator));
  if (!copy) return raise_memory_error();
  copy->set = it->set;
  copy->pos = it->pos;
  copy->used = it->used;
  copy->len = it->len;
  return iter_reduce_drained(copy);
}

const MethodDef kSetIteratorMethods[] = {
    {"__length_hint__", set_iter_length_hint, k0,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", set_iter_reduce, k0, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

void fill_common_slots(TypeSlots* s) {
  s->repr = set_repr;
  s->compare = set_compare;
  s->iter = set_iter;
  s->len = set_len;
  s->contains = set_contains_slot;
  s->binary[int(BinaryOp::kOr)] = set_or;
  s->binary[int(BinaryOp::kAnd)] = set_and;
  s->binary[int(BinaryOp::kSub)] = set_sub;
  s->binary[int(BinaryOp::kXor)] = set_xor;
}

}  // namespace

void init_set() {
  TypeSpec spec;
  spec.name = "set";
  spec.layout = kSetLayout;
  spec.instance_size = sizeof(Set);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kImmutable;
  spec.trace = trace_set;
  fill_common_slots(&spec.slots);
  spec.slots.inplace[int(BinaryOp::kOr)] = set_ior;
  spec.slots.inplace[int(BinaryOp::kAnd)] = set_iand;
  spec.slots.inplace[int(BinaryOp::kSub)] = set_isub;
  spec.slots.inplace[int(BinaryOp::kXor)] = set_ixor;
  spec.slots.new_ = set_new_slot;
  spec.slots.init = set_init_slot;
  spec.methods = kSetMethods;
  spec.doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered "
             "collection of unique elements.";
  make_builtin_type(&types::set, spec);

  TypeSpec fz;
  fz.name = "frozenset";
  fz.layout = kSetLayout;
  fz.instance_size = sizeof(Set);
  fz.flags = TypeFlag::kBaseType | TypeFlag::kImmutable;
  fz.trace = trace_set;
  fill_common_slots(&fz.slots);
  fz.slots.hash = frozenset_hash_slot;
  fz.slots.new_ = frozenset_new_slot;
  fz.methods = kFrozensetMethods;
  fz.doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.";
  make_builtin_type(&types::frozenset, fz);

  TypeSpec it;
  it.name = "set_iterator";
  it.layout = set_iterator_layout();
  it.instance_size = sizeof(SetIterator);
  it.flags = TypeFlag::kImmutable;
  it.trace = trace_set_iterator;
  it.slots.iter = iter_self;
  it.slots.next = set_iter_next;
  it.methods = kSetIteratorMethods;
  make_builtin_type(&types::set_iterator, it);
}

}  // namespace pyrite::python
