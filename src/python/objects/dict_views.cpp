// dict views (keys, values, items) and the dict iterators (docs/objects.md,
// "Containers").
//
// An iterator remembers the dict's size when it started and how many items
// it has left: a size change raises "dictionary changed size during
// iteration", and finding more items than were left (a key deleted and
// another added) raises "dictionary keys changed during iteration", as in
// CPython.
#include <string>

#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/iterators.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/set.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

struct DictView : Object {
  Dict* dict;
};

struct DictIterator : Object {
  Dict* dict;     // null once exhausted
  int64_t pos;    // next entry to look at (reverse: downwards)
  int64_t used;   // the dict's size at the start; -1 after a size change
  int64_t len;    // items left
};

void trace_view(void* obj, gc::Visitor& v) {
  auto* d = static_cast<DictView*>(obj);
  v.visit(d->type);
  v.visit(d->dict);
}

void trace_iter(void* obj, gc::Visitor& v) {
  auto* d = static_cast<DictIterator*>(obj);
  v.visit(d->type);
  v.visit(d->dict);
}

gc::LayoutId view_layout() {
  static gc::LayoutId id =
      gc::register_layout(gc::LayoutInfo{"dict view", trace_view, sizeof(DictView)});
  return id;
}

gc::LayoutId iter_layout() {
  static gc::LayoutId id =
      gc::register_layout(gc::LayoutInfo{"dict iterator", trace_iter, sizeof(DictIterator)});
  return id;
}

enum class Kind { kKeys, kValues, kItems };

Kind kind_of_iter(Type* t) {
  if (t == types::dict_keyiterator || t == types::dict_reversekeyiterator) return Kind::kKeys;
  if (t == types::dict_valueiterator || t == types::dict_reversevalueiterator) return Kind::kValues;
  return Kind::kItems;
}

bool is_reverse_iter(Type* t) {
  return t == types::dict_reversekeyiterator || t == types::dict_reversevalueiterator ||
         t == types::dict_reverseitemiterator;
}

bool is_set_view(Value v) {
  return v.is_object() && (v.object()->type == types::dict_keys || v.object()->type == types::dict_items);
}

}  // namespace

Value dict_view_new(Dict* d, Type* kind) {
  auto* v = try_allocate<DictView>(view_layout(), kind, sizeof(DictView));
  if (!v) return raise_memory_error();
  v->dict = d;
  return v;
}

Value dict_iter_new(Dict* d, Type* kind) {
  auto* it = try_allocate<DictIterator>(iter_layout(), kind, sizeof(DictIterator));
  if (!it) return raise_memory_error();
  it->dict = d;
  it->used = d->used;
  it->len = d->used;
  if (is_reverse_iter(kind)) it->pos = d->table ? d->table->nentries - 1 : -1;
  return it;
}

namespace {

// ---- iterators ---------------------------------------------------------------------------------

Value dict_iter_next_slot(Value self) {
  auto* it = self.as<DictIterator>();
  Dict* d = it->dict;
  if (!d) return {};
  if (it->used != d->used) {
    it->used = -1;
    return raise(exc::RuntimeError, "dictionary changed size during iteration");
  }
  Type* t = type_of(self);
  DictTable* table = d->table;
  DictEntry* found = nullptr;
  if (table) {
    if (is_reverse_iter(t)) {
      int64_t i = it->pos;
      if (i >= table->nentries) i = table->nentries - 1;
      while (i >= 0 && !table->entries()[i].key) i--;
      if (i >= 0) {
        found = &table->entries()[i];
        it->pos = i - 1;
      }
    } else {
      int64_t i = it->pos;
      while (i < table->nentries && !table->entries()[i].key) i++;
      if (i < table->nentries) {
        found = &table->entries()[i];
        it->pos = i + 1;
      }
    }
  }
  if (!found) {
    it->dict = nullptr;
    return {};
  }
  if (it->len == 0) {
    it->dict = nullptr;
    return raise(exc::RuntimeError, "dictionary keys changed during iteration");
  }
  it->len--;
  switch (kind_of_iter(t)) {
    case Kind::kKeys: return found->key;
    case Kind::kValues: return dict_entry_value(d, *found);
    case Kind::kItems: {
      Value k = found->key, v = dict_entry_value(d, *found);
      return tuple_of({k, v});
    }
  }
  return {};
}

Value iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<DictIterator>();
  if (!it->dict || it->used != it->dict->used) return Value::small(0);
  return Value::small(it->len);
}

// (iter, (list of what is left,)), from a copy so this iterator stays put.
Value iter_reduce_slot(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<DictIterator>();
  auto* copy = try_allocate<DictIterator>(iter_layout(), type_of(self), sizeof(DictIterator));
  if (!copy) return raise_memory_error();
  copy->dict = it->dict;
  copy->pos = it->pos;
  copy->used = it->used;
  copy->len = it->len;
  return iter_reduce_drained(copy);
}

const MethodDef kIterMethods[] = {
    {"__length_hint__", iter_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", iter_reduce_slot, MethodFlag::kNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

// ---- views ------------------------------------------------------------------------------------

int64_t view_len(Value self) { return self.as<DictView>()->dict->used; }

Value view_iter(Value self) {
  Type* t = type_of(self);
  Type* kind = t == types::dict_keys     ? types::dict_keyiterator
               : t == types::dict_values ? types::dict_valueiterator
                                         : types::dict_itemiterator;
  return dict_iter_new(self.as<DictView>()->dict, kind);
}

Value view_reversed(Value self, const Value*, size_t, Tuple*) {
  Type* t = type_of(self);
  Type* kind = t == types::dict_keys     ? types::dict_reversekeyiterator
               : t == types::dict_values ? types::dict_reversevalueiterator
                                         : types::dict_reverseitemiterator;
  return dict_iter_new(self.as<DictView>()->dict, kind);
}

int keys_contains(Value self, Value key) {
  Dict* d = self.as<DictView>()->dict;
  if (d->used == 0) {
    // Still hash for the TypeError on unhashable keys.
    if (key_hash(key) == -1) return -1;
    return 0;
  }
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  int64_t ix = dict_lookup(d, key, h);
  if (ix == kLookupError) return -1;
  return ix >= 0;
}

int items_contains(Value self, Value item) {
  Dict* d = self.as<DictView>()->dict;
  if (!is_tuple(item) || item.as<Tuple>()->length != 2) return 0;
  Value key = item.as<Tuple>()->at(0);
  Value value = item.as<Tuple>()->at(1);
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  int64_t ix = dict_lookup(d, key, h);
  if (ix == kLookupError) return -1;
  if (ix < 0) return 0;
  return equal(dict_entry_value(d, d->table->entries()[ix]), value);
}

int view_contains(Value view, Value x) {
  return type_of(view) == types::dict_keys ? keys_contains(view, x) : items_contains(view, x);
}

Value view_repr(Value self) {
  std::string name = type_name(self);
  if (repr_enter(self)) return str_from_utf8("...");
  TupleBuilder b(self.as<DictView>()->dict->used);
  Value it = view_iter(self);
  if (!it) {
    repr_leave(self);
    return {};
  }
  for (;;) {
    Value x = python::iter_next(it);
    if (!x) {
      if (has_error()) {
        repr_leave(self);
        return {};
      }
      break;
    }
    if (!b.push(x)) {
      repr_leave(self);
      return {};
    }
  }
  Tuple* items = b.finish();
  if (!items) {
    repr_leave(self);
    return {};
  }
  // The items' reprs run inside this view's guard (a dict holding its own
  // view prints "dict_values([1, ...])"); the tuple's own guard is never hit.
  std::string open = name + "([";
  Value r = sequence_repr(items, open.c_str(), "])", items->items(), items->length);
  repr_leave(self);
  return r;
}

Value view_mapping(Value self) {
  Value d = self.as<DictView>()->dict;
  return type_call(types::mappingproxy, &d, 1, nullptr);
}

// The size of a set-like operand for the comparisons (-1: not set-like).
int64_t setlike_size(Value v) {
  if (is_anyset(v)) return set_size(v.as<Set>());
  if (is_set_view(v)) return v.as<DictView>()->dict->used;
  return -1;
}

int setlike_contains(Value container, Value x) {
  if (is_anyset(container)) return set_contains(container.as<Set>(), x);
  return view_contains(container, x);
}

// 1 if every item of a is in b.
int all_contained_in(Value a, Value b) {
  Value it = get_iter(a);
  if (!it) return -1;
  for (;;) {
    Value x = python::iter_next(it);
    if (!x) return has_error() ? -1 : 1;
    int r = setlike_contains(b, x);
    if (r <= 0) return r;
  }
}

Value view_compare(Value a, Value b, CompareOp op) {
  int64_t lb = setlike_size(b);
  if (lb < 0) return not_implemented();
  int64_t la = view_len(a);
  int r = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      r = la == lb ? all_contained_in(a, b) : 0;
      if (r < 0) return {};
      return py_bool((r == 1) == (op == CompareOp::kEq));
    case CompareOp::kLt: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::kLe: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::kGt: r = la > lb ? all_contained_in(b, a) : 0; break;
    case CompareOp::kGe: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  if (r < 0) return {};
  return py_bool(r == 1);
}

Set* to_set(Value v) { return set_from_iterable(types::set, v); }

Value view_or(Value a, Value b) {
  Set* r = to_set(a);
  if (!r || !set_update(r, b)) return {};
  return r;
}

Value view_sub(Value a, Value b) {
  Set* r = to_set(a);
  if (!r) return {};
  static Str* name = intern("difference_update");
  if (!call_method(r, name, &b, 1)) return {};
  return r;
}

Value view_xor(Value a, Value b) {
  Set* r = to_set(a);
  if (!r) return {};
  static Str* name = intern("symmetric_difference_update");
  if (!call_method(r, name, &b, 1)) return {};
  return r;
}

Value view_and(Value a, Value b) {
  if (!is_set_view(a)) std::swap(a, b);
  int64_t la = view_len(a);
  if (is_exact_set(b) && la <= set_size(b.as<Set>())) return set_intersection_iter(b.as<Set>(), a);
  if (is_set_view(b) && view_len(b) > la) std::swap(a, b);
  Set* r = set_new();
  Value it = get_iter(b);
  if (!it) return {};
  for (;;) {
    Value x = python::iter_next(it);
    if (!x) return has_error() ? Value() : Value(r);
    int c = view_contains(a, x);
    if (c < 0) return {};
    if (c && !set_add(r, x)) return {};
  }
}

Value view_isdisjoint(Value self, const Value* args, size_t, Tuple*) {
  Value other = args[0];
  if (self.is(other)) return py_bool(view_len(self) == 0);
  int64_t lo = setlike_size(other);
  if (lo >= 0 && lo > view_len(self)) {
    Value it = get_iter(self);
    if (!it) return {};
    for (;;) {
      Value x = python::iter_next(it);
      if (!x) return has_error() ? Value() : py_bool(true);
      int r = setlike_contains(other, x);
      if (r < 0) return {};
      if (r) return py_bool(false);
    }
  }
  Value it = get_iter(other);
  if (!it) return {};
  for (;;) {
    Value x = python::iter_next(it);
    if (!x) return has_error() ? Value() : py_bool(true);
    int r = view_contains(self, x);
    if (r < 0) return {};
    if (r) return py_bool(false);
  }
}

const MethodDef kSetViewMethods[] = {
    {"isdisjoint", view_isdisjoint, MethodFlag::kOneArg,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", view_reversed, MethodFlag::kNoArgs,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0},
};

const MethodDef kValuesMethods[] = {
    {"__reversed__", view_reversed, MethodFlag::kNoArgs,
     "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, 0},
};

const GetSetDef kViewGetSets[] = {
    {"mapping", view_mapping, nullptr, "dictionary that this view refers to"},
    {nullptr, nullptr},
};

void make_view_type(Type** into, const char* name, bool setlike, ContainsFn contains) {
  TypeSpec spec;
  spec.name = name;
  spec.layout = view_layout();
  spec.instance_size = sizeof(DictView);
  spec.flags = TypeFlag::kImmutable;
  spec.trace = trace_view;
  spec.slots.repr = view_repr;
  spec.slots.len = view_len;
  spec.slots.iter = view_iter;
  spec.getsets = kViewGetSets;
  if (setlike) {
    spec.slots.contains = contains;
    spec.slots.compare = view_compare;
    spec.slots.binary[int(BinaryOp::kOr)] = view_or;
    spec.slots.binary[int(BinaryOp::kAnd)] = view_and;
    spec.slots.binary[int(BinaryOp::kSub)] = view_sub;
    spec.slots.binary[int(BinaryOp::kXor)] = view_xor;
    spec.methods = kSetViewMethods;
  } else {
    spec.methods = kValuesMethods;
  }
  make_builtin_type(into, spec);
}

void make_iter_type(Type** into, const char* name) {
  TypeSpec spec;
  spec.name = name;
  spec.layout = iter_layout();
  spec.instance_size = sizeof(DictIterator);
  spec.flags = TypeFlag::kImmutable;
  spec.trace = trace_iter;
  spec.slots.iter = iter_self;
  spec.slots.next = dict_iter_next_slot;
  spec.methods = kIterMethods;
  make_builtin_type(into, spec);
}

}  // namespace

void init_dict_views() {
  make_view_type(&types::dict_keys, "dict_keys", true, keys_contains);
  make_view_type(&types::dict_values, "dict_values", false, nullptr);
  make_view_type(&types::dict_items, "dict_items", true, items_contains);
  make_iter_type(&types::dict_keyiterator, "dict_keyiterator");
  make_iter_type(&types::dict_valueiterator, "dict_valueiterator");
  make_iter_type(&types::dict_itemiterator, "dict_itemiterator");
  make_iter_type(&types::dict_reversekeyiterator, "dict_reversekeyiterator");
  make_iter_type(&types::dict_reversevalueiterator, "dict_reversevalueiterator");
  make_iter_type(&types::dict_reverseitemiterator, "dict_reverseitemiterator");
}

}  // namespace pyrite::python
