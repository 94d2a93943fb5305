// The _abc module: the machinery of abc.ABCMeta in C++, as CPython 3.11's
// accelerator (docs/modules.md, "_abc").
//
// Every ABC has an `_abc_impl` attribute, an `_abc._abc_data` holding three
// sets of weak references to classes: the registry (register()), the cache
// of classes known to be subclasses and the negative cache of those known
// not to be. Each weak reference has a callback that takes it out of its
// set when the class dies. One counter, the cache token, grows with every
// register() on any ABC; a negative cache filled under an older token is
// cleared before its next use.
//
// The hot path is isinstance(x, SomeABC) once the answer is cached: the
// cache probe looks for a weak reference to the class by the class's hash
// and the referent's identity (set_find_hashed), so a hit allocates
// nothing. Classes whose metaclass defines __hash__ or __eq__, and the rare
// entry of the same hash with another referent, take CPython's way: a
// weak reference to the class looked up in the set with ==.
#include <cstdint>

#include "python/interp/pyrun.h"
#include "python/modules/weakref_module.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/set.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// The state of one ABC (its `_abc_impl`). A set is null until its first add.
struct AbcData : Object {
  Set* registry;
  Set* cache;
  Set* negative_cache;
  uint64_t negative_cache_version;  // the token the negative cache was filled under
};

Type* g_abc_data_type = nullptr;
// The cache token: register() on any ABC adds one.
uint64_t g_invalidation_counter = 0;

constexpr uint32_t kCollectionFlags = TypeFlag::kSequence | TypeFlag::kMapping;
// CPython's Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING, the bits
// __abc_tpflags__ carries (collections.abc).
constexpr int64_t kTpflagsSequence = int64_t(1) << 5;
constexpr int64_t kTpflagsMapping = int64_t(1) << 6;

void trace_abc_data(void* p, gc::Visitor& v) {
  auto* d = static_cast<AbcData*>(p);
  v.visit(d->type);
  if (d->registry) v.visit(d->registry);
  if (d->cache) v.visit(d->cache);
  if (d->negative_cache) v.visit(d->negative_cache);
}

AbcData* new_abc_data(Type* type) {
  auto* d = static_cast<AbcData*>(alloc_instance(type));
  if (!d) return nullptr;
  d->negative_cache_version = g_invalidation_counter;
  return d;
}

// _abc_data(*args, **kwargs): the arguments are ignored, as CPython's.
Value abc_data_new(Type* type, const Value*, size_t, Tuple*) { return new_abc_data(type); }

bool is_type(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kTypeSubclass); }

// self._abc_impl, which must be an _abc_data.
AbcData* get_impl(Value self) {
  static Str* const kAbcImpl = intern("_abc_impl");
  Value impl;
  Type* meta = type_of(self);
  if (meta->slots.getattr == type_getattro && !type_lookup(meta, kAbcImpl)) {
    // What type.__getattribute__ finds when the metaclass has no
    // _abc_impl: the class's own, an _abc_data (no __get__), found with
    // one cached lookup (the ABC fast path).
    impl = type_lookup(self.as<Type>(), kAbcImpl);
    if (impl && type_of(impl) == g_abc_data_type) return impl.as<AbcData>();
  }
  impl = get_attr(self, kAbcImpl);
  if (!impl) return nullptr;
  if (type_of(impl) != g_abc_data_type) {
    raise(exc::TypeError, "_abc_impl is set to a wrong type");
    return nullptr;
  }
  return impl.as<AbcData>();
}

// ---- sets of weak references --------------------------------------------------------------

struct Probe {
  Object* target;
  bool other = false;  // an entry of the same hash refers to another live object
};

bool probe_match(Value key, void* ctx) {
  auto* p = static_cast<Probe*>(ctx);
  Object* referent = weakref_referent(key);  // the sets hold only our weak references
  if (referent == p->target) return true;
  if (referent) p->other = true;
  return false;
}

// Whether `s` holds a weak reference to obj: 1, 0, -1. An object that
// cannot be referenced weakly is in no set.
int in_weak_set(Set* s, Value obj) {
  if (!s || set_size(s) == 0) return 0;
  if (is_type(obj)) {
    // A metaclass with type's own hash and == (identity): the entry is a
    // weak reference to obj itself, found without allocating.
    Type* meta = type_of(obj);
    if (meta->slots.hash == types::type->slots.hash && meta->slots.compare == types::type->slots.compare) {
      int64_t h = hash(obj);
      if (h == -1) return -1;
      Probe p{obj.object()};
      if (set_find_hashed(s, h, probe_match, &p)) return 1;
      if (!p.other) return 0;
    }
  }
  if (!weakref_can_reference(obj)) return 0;
  Value ref = weakref_new(obj, Value());
  if (!ref) {
    if (!error_matches(exc::TypeError)) return -1;
    clear_error();
    return 0;
  }
  return set_contains(s, ref);
}

// The callback of the weak references in the sets: self is a weak
// reference to the set, the argument the dead class's reference.
Value destroy(Value self, const Value* args, size_t, Tuple*) {
  Object* set = weakref_referent(self);
  if (!set) return none();
  Value keep = set;
  if (set_discard(keep.as<Set>(), args[0]) < 0) return {};
  return none();
}

const MethodDef kDestroyDef = {"_destroy", destroy, MethodFlag::kOneArg};

// Adds a weak reference to obj to *slot's set (made on first use).
bool add_to_weak_set(AbcData* owner, Set** slot, Value obj) {
  if (!*slot) {
    Set* s = set_new();
    if (!s) return false;
    gc::store_ref(owner, slot, s);
  }
  Set* s = *slot;
  Value set_ref = weakref_new(s, Value());
  if (!set_ref) return false;
  Value callback = new_builtin_function(&kDestroyDef, set_ref);
  if (!callback) return false;
  Value ref = weakref_new(obj, callback);
  if (!ref) return false;
  return set_add(s, ref);
}

// ---- __abstractmethods__ ------------------------------------------------------------------

// Whether obj.__isabstractmethod__ is true: 1, 0, -1.
int is_abstract(Value obj) {
  static Str* const kIsAbstract = intern("__isabstractmethod__");
  Value v = get_attr_or_null(obj, kIsAbstract);
  if (!v) return has_error() ? -1 : 0;
  return truth(v);
}

// list(ns.items()) as CPython's PyMapping_Items.
Value mapping_items(Value ns) {
  static Str* const kItems = intern("items");
  Value out = call_method(ns, kItems, nullptr, 0);
  if (!out || is_exact_list(out)) return out;
  Value it = get_iter(out);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raisef(exc::TypeError, "%s.items() returned a non-iterable (type %s)", type_name(ns).c_str(),
             type_name(out).c_str());
    }
    return {};
  }
  return list_from_iterable(it);
}

// Sets self.__abstractmethods__: the names in its namespace whose values
// are abstract, and those of its bases' __abstractmethods__ that are still
// abstract when looked up on self.
bool compute_abstract_methods(Value self) {
  Set* abstracts = set_new(types::frozenset);
  if (!abstracts) return false;
  Value ns = get_attr(self, names::__dict__);
  if (!ns) return false;
  Value items = mapping_items(ns);
  if (!items) return false;
  List* list = items.as<List>();
  for (int64_t i = 0; i < list->length; i++) {
    Value item = list_get(list, i);
    if (!item) return false;
    Tuple* pair = sequence_fast(item, "items() returned non-iterable");
    if (!pair) return false;
    if (pair->length != 2) {
      raise(exc::TypeError, "items() returned item which size is not 2");
      return false;
    }
    Value key = pair->at(0);
    int r = is_abstract(pair->at(1));
    if (r < 0 || (r && !set_add(abstracts, key))) return false;
  }

  Value bases = get_attr(self, names::__bases__);
  if (!bases) return false;
  if (!is_tuple(bases)) {
    raise(exc::TypeError, "__bases__ is not tuple");
    return false;
  }
  Tuple* bt = bases.as<Tuple>();
  for (int64_t i = 0; i < bt->length; i++) {
    Value base_abstracts = get_attr_or_null(bt->at(i), names::__abstractmethods__);
    if (!base_abstracts) {
      if (has_error()) return false;
      continue;
    }
    bool ok = for_each(base_abstracts, [&](Value key) {
      if (!is_str(key)) {
        raisef(exc::TypeError, "attribute name must be string, not '%s'", type_name(key).c_str());
        return false;
      }
      Value value = get_attr_or_null(self, key.as<Str>());
      if (!value) return !has_error();
      int r = is_abstract(value);
      return r >= 0 && (!r || set_add(abstracts, key));
    });
    if (!ok) return false;
  }
  return set_attr(self, names::__abstractmethods__, abstracts);
}

// ---- the collection flags (`match`) -------------------------------------------------------

// Gives `t` and its subclasses the flag of a registering Sequence or
// Mapping, replacing the other one; builtin (immutable) types keep theirs.
void set_collection_flag_recursive(Type* t, uint32_t flag) {
  if (t->has_flag(TypeFlag::kImmutable) || (t->flags & kCollectionFlags) == flag) return;
  t->flags = (t->flags & ~kCollectionFlags) | flag;
  for_each_subclass(t, [&](Type* sub) { set_collection_flag_recursive(sub, flag); });
}

// ---- the module's functions ---------------------------------------------------------------

Value m_get_cache_token(Value, const Value*, size_t, Tuple*) { return int_from_u64(g_invalidation_counter); }

Value m_abc_init(Value, const Value* args, size_t, Tuple*) {
  Value self = args[0];
  if (!compute_abstract_methods(self)) return {};
  static Str* const kAbcImpl = intern("_abc_impl");
  AbcData* data = new_abc_data(g_abc_data_type);
  if (!data || !set_attr(self, kAbcImpl, data)) return {};
  // __abc_tpflags__ in the class's own namespace gives it the sequence or
  // mapping flag, and goes (collections.abc.Sequence and Mapping).
  if (is_type(self)) {
    static Str* const kAbcTpflags = intern("__abc_tpflags__");
    Type* t = self.as<Type>();
    Value flags = dict_get_str(t->dict, kAbcTpflags);
    if (!flags) {
      if (has_error()) return {};
    } else {
      if (is_exact_int(flags)) {
        std::optional<int64_t> v = int_to_i64(flags);
        if (!v) return raise(exc::OverflowError, "Python int too large to convert to C long");
        if ((*v & (kTpflagsSequence | kTpflagsMapping)) == (kTpflagsSequence | kTpflagsMapping))
          return raise(exc::TypeError,
                       "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
        if (*v & kTpflagsSequence) t->flags |= TypeFlag::kSequence;
        if (*v & kTpflagsMapping) t->flags |= TypeFlag::kMapping;
      }
      if (dict_del_str(t->dict, kAbcTpflags) < 0) return {};
      type_modified(t, kAbcTpflags);
    }
  }
  return none();
}

Value m_abc_register(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_abc_register", nargs, 2, 2)) return {};
  Value self = args[0], subclass = args[1];
  if (!is_type(subclass)) return raise(exc::TypeError, "Can only register classes");
  int r = issubclass_full(subclass, self);
  if (r > 0) return subclass;  // already a subclass
  if (r < 0) return {};
  // A cycle is tested after "already a subclass": X.register(X) is a no-op.
  r = issubclass_full(self, subclass);
  if (r > 0) return raise(exc::RuntimeError, "Refusing to create an inheritance cycle");
  if (r < 0) return {};
  AbcData* impl = get_impl(self);
  if (!impl || !add_to_weak_set(impl, &impl->registry, subclass)) return {};
  g_invalidation_counter++;  // every negative cache is stale now
  if (is_type(self)) {
    uint32_t flag = self.as<Type>()->flags & kCollectionFlags;
    if (flag) set_collection_flag_recursive(subclass.as<Type>(), flag);
  }
  return subclass;
}

// instance.__class__, without a lookup when it is object's descriptor.
Value class_of(Value instance) {
  Type* t = type_of(instance);
  if (t->slots.getattr == generic_getattr) {
    static const Value object_class = type_lookup(types::object, names::__class__);
    if (type_lookup(t, names::__class__).is(object_class)) return t;
  }
  return get_attr(instance, names::__class__);
}

Value call_subclasscheck(Value self, Value cls) { return call_method(self, names::__subclasscheck__, &cls, 1); }

Value m_abc_instancecheck(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_abc_instancecheck", nargs, 2, 2)) return {};
  Value self = args[0], instance = args[1];
  AbcData* impl = get_impl(self);
  if (!impl) return {};
  Value subclass = class_of(instance);
  if (!subclass) return {};
  int r = in_weak_set(impl->cache, subclass);
  if (r < 0) return {};
  if (r > 0) return py_bool(true);
  Value subtype = type_of(instance);
  if (subtype.is(subclass)) {
    if (impl->negative_cache_version == g_invalidation_counter) {
      r = in_weak_set(impl->negative_cache, subclass);
      if (r < 0) return {};
      if (r > 0) return py_bool(false);
    }
    return call_subclasscheck(self, subclass);
  }
  Value result = call_subclasscheck(self, subclass);
  if (!result) return {};
  r = truth(result);
  if (r < 0) return {};
  if (r > 0) return result;
  return call_subclasscheck(self, subtype);
}

// Whether subclass is a subclass of a registered class: 1 (cached), 0, -1.
int check_registry(AbcData* impl, Value subclass) {
  int r = in_weak_set(impl->registry, subclass);
  if (r != 0) return r;  // found directly: true, not cached (as CPython)
  if (!impl->registry || set_size(impl->registry) == 0) return 0;
  // A snapshot: the callbacks of dying classes may shrink the set meanwhile.
  Set* registry = impl->registry;
  Tuple* copy = tuple_new(set_size(registry));
  if (!copy) return -1;
  int64_t pos = 0, n = 0;
  Value key;
  int64_t h;
  while (n < copy->length && set_next(registry, &pos, &key, &h)) copy->items()[n++] = key;
  for (int64_t i = 0; i < n; i++) {
    Object* cls = weakref_referent(copy->at(i));
    if (!cls) continue;
    r = issubclass_full(subclass, cls);
    if (r < 0) return -1;
    if (r > 0) return add_to_weak_set(impl, &impl->cache, subclass) ? 1 : -1;
  }
  return 0;
}

Value m_abc_subclasscheck(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_abc_subclasscheck", nargs, 2, 2)) return {};
  Value self = args[0], subclass = args[1];
  if (!is_type(subclass)) return raise(exc::TypeError, "issubclass() arg 1 must be a class");
  AbcData* impl = get_impl(self);
  if (!impl) return {};
  // 1. The cache.
  int r = in_weak_set(impl->cache, subclass);
  if (r < 0) return {};
  if (r > 0) return py_bool(true);
  // 2. The negative cache, cleared first when a register() made it stale.
  if (impl->negative_cache_version < g_invalidation_counter) {
    if (impl->negative_cache) set_clear(impl->negative_cache);
    impl->negative_cache_version = g_invalidation_counter;
  } else {
    r = in_weak_set(impl->negative_cache, subclass);
    if (r < 0) return {};
    if (r > 0) return py_bool(false);
  }
  // 3. The subclass hook.
  Value ok = call_method(self, names::__subclasshook__, &subclass, 1);
  if (!ok) return {};
  if (ok.is(py_bool(true))) {
    if (!add_to_weak_set(impl, &impl->cache, subclass)) return {};
    return py_bool(true);
  }
  if (ok.is(py_bool(false))) {
    if (!add_to_weak_set(impl, &impl->negative_cache, subclass)) return {};
    return py_bool(false);
  }
  if (!ok.is(not_implemented()))
    return raise(exc::AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  // 4. A real subclass.
  Tuple* mro = subclass.as<Type>()->mro;
  for (int64_t i = 0; mro && i < mro->length; i++) {
    if (mro->at(i).is(self)) {
      if (!add_to_weak_set(impl, &impl->cache, subclass)) return {};
      return py_bool(true);
    }
  }
  // 5. A subclass of a registered class.
  r = check_registry(impl, subclass);
  if (r < 0) return {};
  if (r > 0) return py_bool(true);
  // 6. A subclass of a subclass.
  static Str* const kSubclasses = intern("__subclasses__");
  Value subclasses = call_method(self, kSubclasses, nullptr, 0);
  if (!subclasses) return {};
  if (!is_list(subclasses)) return raise(exc::TypeError, "__subclasses__() must return a list");
  List* list = subclasses.as<List>();
  for (int64_t i = 0; i < list->length; i++) {
    Value scls = list_get(list, i);
    if (!scls) return {};
    r = issubclass_full(subclass, scls);
    if (r < 0) return {};
    if (r > 0) {
      if (!add_to_weak_set(impl, &impl->cache, subclass)) return {};
      return py_bool(true);
    }
  }
  // No: remember it.
  if (!add_to_weak_set(impl, &impl->negative_cache, subclass)) return {};
  return py_bool(false);
}

Value m_get_dump(Value, const Value* args, size_t, Tuple*) {
  AbcData* impl = get_impl(args[0]);
  if (!impl) return {};
  Tuple* out = tuple_new(4);
  if (!out) return {};
  Set* sets[3] = {impl->registry, impl->cache, impl->negative_cache};
  for (int i = 0; i < 3; i++) {
    Set* copy = set_from_iterable(types::set, sets[i] ? Value(sets[i]) : Value());
    if (!copy) return {};
    out->items()[i] = copy;
  }
  out->items()[3] = int_from_u64(impl->negative_cache_version);
  return out;
}

Value m_reset_registry(Value, const Value* args, size_t, Tuple*) {
  AbcData* impl = get_impl(args[0]);
  if (!impl) return {};
  if (impl->registry) set_clear(impl->registry);
  return none();
}

Value m_reset_caches(Value, const Value* args, size_t, Tuple*) {
  AbcData* impl = get_impl(args[0]);
  if (!impl) return {};
  if (impl->cache) set_clear(impl->cache);
  if (impl->negative_cache) set_clear(impl->negative_cache);
  return none();
}

const MethodDef kFunctions[] = {
    // Signature lines as CPython's (inspect.signature reads them); the
    // descriptions are Pyrite's own.
    {"get_cache_token", m_get_cache_token, MethodFlag::kNoArgs,
     "get_cache_token($module, /)\n--\n\n"
     "The ABC cache token: an object that compares equal to an earlier token\n"
     "only while no class has been registered with any ABC since."},
    {"_abc_init", m_abc_init, MethodFlag::kOneArg,
     "_abc_init($module, self, /)\n--\n\n"
     "Set up a new abstract class (its abstract methods and ABC state); used by ABCMeta."},
    {"_reset_registry", m_reset_registry, MethodFlag::kOneArg,
     "_reset_registry($module, self, /)\n--\n\n"
     "Forget the classes registered with this ABC (for reference-leak hunting)."},
    {"_reset_caches", m_reset_caches, MethodFlag::kOneArg,
     "_reset_caches($module, self, /)\n--\n\n"
     "Empty this ABC's positive and negative subclass caches (for reference-leak hunting)."},
    {"_get_dump", m_get_dump, MethodFlag::kOneArg,
     "_get_dump($module, self, /)\n--\n\n"
     "Copies of this ABC's registry and both caches, with the negative cache's version;\n"
     "ABC._dump_registry() prints them."},
    {"_abc_register", m_abc_register, MethodFlag::kVarArgs,
     "_abc_register($module, self, subclass, /)\n--\n\n"
     "Record subclass as a virtual subclass of this ABC; used by ABCMeta.register."},
    {"_abc_instancecheck", m_abc_instancecheck, MethodFlag::kVarArgs,
     "_abc_instancecheck($module, self, instance, /)\n--\n\n"
     "isinstance(instance, self) for an ABC; used by ABCMeta.__instancecheck__."},
    {"_abc_subclasscheck", m_abc_subclasscheck, MethodFlag::kVarArgs,
     "_abc_subclasscheck($module, self, subclass, /)\n--\n\n"
     "issubclass(subclass, self) for an ABC; used by ABCMeta.__subclasscheck__."},
    {nullptr, nullptr, 0},
};

void make_types() {
  TypeSpec spec;
  spec.name = "_abc_data";
  spec.module = "_abc";
  spec.layout = register_object_layout("_abc._abc_data", sizeof(AbcData), trace_abc_data);
  spec.instance_size = sizeof(AbcData);
  spec.trace = trace_abc_data;
  spec.slots.new_ = abc_data_new;
  spec.doc = "The registry and caches of one abstract class.";
  make_builtin_type(&g_abc_data_type, spec);
}

}  // namespace

Module* make_abc_module() {
  if (!g_abc_data_type) make_types();
  Module* m = module_new(intern("_abc"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("The machinery of abc.ABCMeta, in C++."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_abc")));
  return m;
}

}  // namespace pyrite::python
