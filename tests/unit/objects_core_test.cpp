// The type system through the C++ API: maps (shared transitions, dict
// mode), version tags, the MRO, slot updates, class creation checks and
// the attribute protocol's messages (docs/objects.md, "Types and slots",
// "Maps").
#include <gtest/gtest.h>

#include <string>

#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/map.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/slots.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {
namespace {

class CoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_runtime(); }
  void TearDown() override { clear_error(); }
};

Str* n(const char* s) { return intern(s); }

std::string text(Value v) {
  Value r = str_of(v);
  if (!r) {
    clear_error();
    return "<str failed>";
  }
  return str_to_utf8(r.as<Str>());
}

std::string pending() {
  Object* e = take_error();
  if (!e) return "<none>";
  return type_name(Value(e)) + ": " + text(Value(e));
}

// class name(*bases): ns   via type(name, bases, ns)
Type* make_class(const char* name, std::initializer_list<Value> bases,
                 std::initializer_list<std::pair<const char*, Value>> ns = {}) {
  Dict* d = dict_new();
  dict_set_str(d, n("__module__"), n("__main__"));
  for (auto& [k, v] : ns) dict_set_str(d, n(k), v);
  Value args[3] = {n(name), tuple_of(bases), d};
  Value t = call(types::type, args, 3);
  if (!t) return nullptr;
  return t.as<Type>();
}

Value instance(Type* t) { return call(t, nullptr, 0); }

// Native methods used as class attributes in the tests (method descriptors
// bind like functions).
Value three(Value, const Value*, size_t, Tuple*) { return Value::small(3); }
Value zero(Value, const Value*, size_t, Tuple*) { return Value::small(0); }
Value add_marker(Value, const Value*, size_t, Tuple*) { return n("added"); }
Value radd_marker(Value, const Value*, size_t, Tuple*) { return n("radded"); }
const MethodDef kThree = {"__len__", three, MethodFlag::kNoArgs};
const MethodDef kZero = {"__len__", zero, MethodFlag::kNoArgs};
const MethodDef kAdd = {"__add__", add_marker, MethodFlag::kOneArg};
const MethodDef kRadd = {"__radd__", radd_marker, MethodFlag::kOneArg};

TEST_F(CoreTest, BuiltinTypesAreReady) {
  EXPECT_EQ(text(types::object), "<class 'object'>");
  EXPECT_EQ(text(types::type), "<class 'type'>");
  EXPECT_TRUE(type_of(types::type) == types::type);
  EXPECT_EQ(text(none()), "None");
  EXPECT_EQ(text(not_implemented()), "NotImplemented");
  EXPECT_EQ(text(singletons::ellipsis), "Ellipsis");
  EXPECT_TRUE(is_subtype(types::type, types::object));
  EXPECT_EQ(types::type->mro->length, 2);
}

TEST_F(CoreTest, SlotWrappersOfBuiltins) {
  Value w = get_attr(types::object, n("__repr__"));
  ASSERT_TRUE(w) << pending();
  EXPECT_EQ(text(w), "<slot wrapper '__repr__' of 'object' objects>");
  Value init = get_attr(types::type, n("__init__"));
  EXPECT_EQ(text(init), "<slot wrapper '__init__' of 'type' objects>");
  Value nw = get_attr(types::object, n("__new__"));
  EXPECT_EQ(type_of(nw), types::builtin_function);
  Value bound = get_attr(none(), n("__repr__"));
  ASSERT_TRUE(bound) << pending();
  EXPECT_EQ(type_of(bound), types::method_wrapper);
  EXPECT_EQ(text(call0(bound)), "None");
}

TEST_F(CoreTest, ClassReprAndInstanceRepr) {
  Type* c = make_class("C", {});
  ASSERT_TRUE(c) << pending();
  EXPECT_EQ(text(c), "<class '__main__.C'>");
  Value o = instance(c);
  ASSERT_TRUE(o) << pending();
  EXPECT_EQ(text(o).rfind("<__main__.C object at 0x", 0), 0u) << text(o);
  EXPECT_TRUE(isinstance(o, c));
  EXPECT_TRUE(isinstance(o, types::object));
}

TEST_F(CoreTest, ObjectTakesNoArguments) {
  Type* c = make_class("C", {});
  Value a[1] = {Value::small(1)};
  EXPECT_FALSE(call(c, a, 1));
  EXPECT_EQ(pending(), "TypeError: C() takes no arguments");
}

TEST_F(CoreTest, MapsAreSharedByInstancesWithTheSameAttributeOrder) {
  Type* c = make_class("C", {});
  Value a = instance(c), b = instance(c), x = instance(c);
  EXPECT_TRUE(set_attr(a, n("p"), Value::small(1)));
  EXPECT_TRUE(set_attr(a, n("q"), Value::small(2)));
  EXPECT_TRUE(set_attr(b, n("p"), Value::small(3)));
  EXPECT_TRUE(set_attr(b, n("q"), Value::small(4)));
  EXPECT_TRUE(set_attr(x, n("q"), Value::small(5)));
  EXPECT_TRUE(set_attr(x, n("p"), Value::small(6)));
  Map* ma = instance_map(a);
  ASSERT_NE(ma, nullptr);
  EXPECT_EQ(ma, instance_map(b));
  EXPECT_NE(ma, instance_map(x));
  EXPECT_EQ(ma->count, 2);
  EXPECT_EQ(map_index(ma, n("p")), 0);
  EXPECT_EQ(map_index(ma, n("q")), 1);
  EXPECT_EQ(ma->parent, type_root_map(c)->last_child == ma->parent ? ma->parent : ma->parent);
  EXPECT_EQ(get_attr(b, n("q")), Value::small(4));
  EXPECT_EQ(get_attr(x, n("p")), Value::small(6));
  // Replacing a value keeps the map.
  EXPECT_TRUE(set_attr(a, n("p"), Value::small(10)));
  EXPECT_EQ(instance_map(a), ma);
  EXPECT_EQ(get_attr(a, n("p")), Value::small(10));
}

TEST_F(CoreTest, DeleteSwitchesToDictMode) {
  Type* c = make_class("C", {});
  Value a = instance(c);
  set_attr(a, n("p"), Value::small(1));
  set_attr(a, n("q"), Value::small(2));
  EXPECT_TRUE(set_attr(a, n("p"), Value()));
  EXPECT_EQ(instance_map(a), nullptr);
  EXPECT_FALSE(get_attr(a, n("p")));
  EXPECT_EQ(pending(), "AttributeError: 'C' object has no attribute 'p'");
  EXPECT_EQ(get_attr(a, n("q")), Value::small(2));
  EXPECT_FALSE(set_attr(a, n("p"), Value()));
  EXPECT_EQ(pending(), "AttributeError: 'C' object has no attribute 'p'");
  // A new instance still uses maps.
  Value b = instance(c);
  set_attr(b, n("p"), Value::small(1));
  EXPECT_NE(instance_map(b), nullptr);
}

TEST_F(CoreTest, DictAccessMaterializes) {
  Type* c = make_class("C", {});
  Value a = instance(c);
  set_attr(a, n("p"), Value::small(1));
  Value d = get_attr(a, n("__dict__"));
  ASSERT_TRUE(d) << pending();
  EXPECT_TRUE(is_dict(d));
  EXPECT_EQ(dict_size(d.as<Dict>()), 1);
  // The dict is the storage from now on: writes through it are visible.
  dict_set_str(d.as<Dict>(), n("r"), Value::small(7));
  EXPECT_EQ(get_attr(a, n("r")), Value::small(7));
  EXPECT_EQ(instance_map(a), nullptr);
}

TEST_F(CoreTest, ManyAttributesGoToDictMode) {
  Type* c = make_class("C", {});
  Value a = instance(c);
  for (int i = 0; i < kMaxMapAttrs + 5; i++) {
    std::string name = "a" + std::to_string(i);
    ASSERT_TRUE(set_attr(a, n(name.c_str()), Value::small(i)));
  }
  EXPECT_EQ(instance_map(a), nullptr);
  EXPECT_EQ(get_attr(a, n("a3")), Value::small(3));
  EXPECT_EQ(get_attr(a, n("a66")), Value::small(66));
}

TEST_F(CoreTest, VersionTagsChangeAndPropagate) {
  Type* a = make_class("A", {});
  Type* b = make_class("B", {a});
  Type* other = make_class("O", {});
  uint64_t va = a->version, vb = b->version, vo = other->version;
  EXPECT_NE(va, 0u);
  EXPECT_TRUE(set_attr(a, n("x"), Value::small(1)));
  EXPECT_NE(a->version, va);
  EXPECT_NE(b->version, vb);
  EXPECT_EQ(other->version, vo);
  EXPECT_EQ(get_attr(b, n("x")), Value::small(1));
  // The cached lookup sees the change.
  EXPECT_EQ(type_lookup(b, n("x")), Value::small(1));
  EXPECT_TRUE(set_attr(a, n("x"), Value::small(2)));
  EXPECT_EQ(type_lookup(b, n("x")), Value::small(2));
  uint64_t va2 = a->version;
  EXPECT_TRUE(set_attr(b, n("y"), Value::small(1)));
  EXPECT_EQ(a->version, va2);
  EXPECT_TRUE(set_attr(a, n("x"), Value()));
  EXPECT_FALSE(type_lookup(b, n("x")));
}

TEST_F(CoreTest, ImmutableBuiltinTypes) {
  EXPECT_FALSE(set_attr(types::object, n("x"), Value::small(1)));
  EXPECT_EQ(pending(), "TypeError: cannot set 'x' attribute of immutable type 'object'");
}

TEST_F(CoreTest, C3Mro) {
  Type* a = make_class("A", {});
  Type* b = make_class("B", {a});
  Type* c = make_class("C", {a});
  Type* d = make_class("D", {b, c});
  ASSERT_TRUE(d) << pending();
  std::string names;
  for (int64_t i = 0; i < d->mro->length; i++) names += type_name_of(d->mro->at(i).as<Type>()) + " ";
  EXPECT_EQ(names, "D B C A object ");
  EXPECT_FALSE(make_class("X", {a, b}));
  EXPECT_EQ(pending(),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
  EXPECT_FALSE(make_class("Y", {a, a}));
  EXPECT_EQ(pending(), "TypeError: duplicate base class A");
}

TEST_F(CoreTest, BaseValidation) {
  EXPECT_FALSE(make_class("X", {types::none_type}));
  EXPECT_EQ(pending(), "TypeError: type 'NoneType' is not an acceptable base type");
  Type* s1 = make_class("S1", {}, {{"__slots__", tuple_of({n("a")})}});
  Type* s2 = make_class("S2", {}, {{"__slots__", tuple_of({n("b")})}});
  ASSERT_TRUE(s1 && s2) << pending();
  EXPECT_FALSE(make_class("S3", {s1, s2}));
  EXPECT_EQ(pending(), "TypeError: multiple bases have instance lay-out conflict");
}

TEST_F(CoreTest, SlotsMembers) {
  Type* s = make_class("S", {}, {{"__slots__", tuple_of({n("a"), n("b")})}});
  ASSERT_TRUE(s) << pending();
  Value o = instance(s);
  EXPECT_EQ(instance_attrs(o), nullptr);
  EXPECT_TRUE(set_attr(o, n("b"), Value::small(5)));
  EXPECT_EQ(get_attr(o, n("b")), Value::small(5));
  EXPECT_FALSE(get_attr(o, n("a")));
  EXPECT_EQ(pending(), "AttributeError: 'S' object has no attribute 'a'");
  EXPECT_FALSE(set_attr(o, n("c"), Value::small(1)));
  EXPECT_EQ(pending(), "AttributeError: 'S' object has no attribute 'c'");
  EXPECT_EQ(text(type_lookup(s, n("a"))), "<member 'a' of 'S' objects>");
  gc::collect();
  EXPECT_EQ(get_attr(o, n("b")), Value::small(5));
}

TEST_F(CoreTest, SlotUpdatesFollowClassAttributes) {
  Type* c = make_class("C", {});
  Value o = instance(c);
  EXPECT_EQ(length(o), -1);
  EXPECT_EQ(pending(), "TypeError: object of type 'C' has no len()");
  EXPECT_EQ(truth(o), 1);
  EXPECT_TRUE(set_attr(c, n("__len__"), new_method_descriptor(&kZero, c)));
  EXPECT_TRUE(slot_is_python(c, PYR_SLOT_OFFSET(len)));
  EXPECT_EQ(length(o), 0);
  EXPECT_EQ(truth(o), 0);  // __bool__ falls back to __len__
  Type* d = make_class("D", {c});
  Value od = instance(d);
  EXPECT_EQ(length(od), 0);
  EXPECT_TRUE(set_attr(c, n("__len__"), new_method_descriptor(&kThree, c)));
  EXPECT_EQ(length(od), 3);
  EXPECT_TRUE(set_attr(c, n("__len__"), Value()));
  EXPECT_EQ(length(od), -1);
  EXPECT_EQ(pending(), "TypeError: object of type 'D' has no len()");
  EXPECT_FALSE(slot_is_python(c, PYR_SLOT_OFFSET(len)));
}

TEST_F(CoreTest, BinaryOpsReflectedAndMessages) {
  Type* a = make_class("A", {}, {});
  Type* b = make_class("B", {});
  Value oa = instance(a), ob = instance(b);
  EXPECT_FALSE(binary_op(BinaryOp::kAdd, oa, ob));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for +: 'A' and 'B'");
  EXPECT_FALSE(inplace_op(BinaryOp::kAdd, oa, ob));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for +=: 'A' and 'B'");
  EXPECT_TRUE(set_attr(b, n("__radd__"), new_method_descriptor(&kRadd, b)));
  EXPECT_EQ(text(binary_op(BinaryOp::kAdd, oa, ob)), "radded");
  EXPECT_TRUE(set_attr(a, n("__add__"), new_method_descriptor(&kAdd, a)));
  EXPECT_EQ(text(binary_op(BinaryOp::kAdd, oa, ob)), "added");
  // A subclass of the left operand's type that overrides __radd__ goes first.
  Type* sub = make_class("Sub", {a}, {{"__radd__", new_method_descriptor(&kRadd, a)}});
  Value os = instance(sub);
  EXPECT_EQ(text(binary_op(BinaryOp::kAdd, oa, os)), "radded");
  EXPECT_FALSE(negative(oa));
  EXPECT_EQ(pending(), "TypeError: bad operand type for unary -: 'A'");
  EXPECT_FALSE(compare(oa, ob, CompareOp::kLt));
  EXPECT_EQ(pending(), "TypeError: '<' not supported between instances of 'A' and 'B'");
  EXPECT_EQ(compare(oa, oa, CompareOp::kEq), py_bool(true));
  EXPECT_EQ(compare(oa, ob, CompareOp::kNe), py_bool(true));
}

TEST_F(CoreTest, ProtocolMessages) {
  Type* c = make_class("C", {});
  Value o = instance(c);
  EXPECT_FALSE(call0(o));
  EXPECT_EQ(pending(), "TypeError: 'C' object is not callable");
  EXPECT_FALSE(get_iter(o));
  EXPECT_EQ(pending(), "TypeError: 'C' object is not iterable");
  EXPECT_FALSE(get_item(o, Value::small(0)));
  EXPECT_EQ(pending(), "TypeError: 'C' object is not subscriptable");
  EXPECT_FALSE(set_item(o, Value::small(0), Value::small(0)));
  EXPECT_EQ(pending(), "TypeError: 'C' object does not support item assignment");
  EXPECT_EQ(contains(o, Value::small(0)), -1);
  EXPECT_EQ(pending(), "TypeError: argument of type 'C' is not iterable");
  EXPECT_FALSE(get_attr(o, n("x")));
  EXPECT_EQ(pending(), "AttributeError: 'C' object has no attribute 'x'");
  EXPECT_FALSE(get_attr(c, n("x")));
  EXPECT_EQ(pending(), "AttributeError: type object 'C' has no attribute 'x'");
  EXPECT_FALSE(get_attr_or_null(o, n("x")));
  EXPECT_FALSE(has_error());
  EXPECT_FALSE(get_item(c, Value::small(0)));
  EXPECT_EQ(pending(), "TypeError: type 'C' is not subscriptable");
}

TEST_F(CoreTest, EqWithoutHashIsUnhashable) {
  Type* c = make_class("C", {}, {{"__eq__", new_method_descriptor(&kAdd, types::object)}});
  ASSERT_TRUE(c) << pending();
  Value o = instance(c);
  EXPECT_EQ(hash(o), -1);
  EXPECT_EQ(pending(), "TypeError: unhashable type: 'C'");
  Type* d = make_class("D", {});
  EXPECT_NE(hash(instance(d)), -1);
}

TEST_F(CoreTest, PropertyAndStaticMethod) {
  Value getter = new_builtin_function(&kThree, Value());
  Value args[1] = {getter};
  Value prop = call(types::property, args, 1);
  ASSERT_TRUE(prop) << pending();
  Type* c = make_class("C", {}, {{"p", prop}});
  Value o = instance(c);
  // A builtin function does not bind: it gets called with no self.
  EXPECT_FALSE(get_attr(o, n("p")));
  clear_error();
  EXPECT_FALSE(set_attr(o, n("p"), Value::small(1)));
  EXPECT_EQ(pending(), "AttributeError: property 'p' of 'C' object has no setter");
  Value sm = staticmethod_new(getter);
  EXPECT_TRUE(set_attr(c, n("s"), sm));
  Value f = get_attr(o, n("s"));
  EXPECT_TRUE(f.is(getter));
}

TEST_F(CoreTest, ClassAttributesSurviveCollection) {
  Type* c = make_class("C", {});
  Value o = instance(c);
  for (int i = 0; i < 10; i++) set_attr(o, n(("k" + std::to_string(i)).c_str()), str_from_utf8("v"));
  gc::collect();
  std::string report;
  EXPECT_EQ(gc::Heap::current()->verify(&report), 0u) << report;
  EXPECT_EQ(text(get_attr(o, n("k7"))), "v");
}

TEST_F(CoreTest, UnionAndGenericAlias) {
  Value u = binary_op(BinaryOp::kOr, types::object, none());
  ASSERT_TRUE(u) << pending();
  EXPECT_EQ(text(u), "object | None");
  EXPECT_TRUE(binary_op(BinaryOp::kOr, types::object, types::object).is(types::object));
  EXPECT_EQ(isinstance_full(none(), u), 1);
  Value ga = get_item(types::type, types::object);
  ASSERT_TRUE(ga) << pending();
  EXPECT_EQ(text(ga), "type[object]");
  EXPECT_FALSE(binary_op(BinaryOp::kOr, types::object, Value::small(1)));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for |: 'type' and 'int'");
}

TEST_F(CoreTest, BasesAssignment) {
  Type* a = make_class("A", {}, {{"x", Value::small(1)}});
  Type* b = make_class("B", {}, {{"x", Value::small(2)}});
  Type* c = make_class("C", {a});
  Type* d = make_class("D", {c});
  EXPECT_EQ(get_attr(d, n("x")), Value::small(1));
  uint64_t v = d->version;
  EXPECT_TRUE(set_attr(c, n("__bases__"), tuple_of({b})));
  EXPECT_NE(d->version, v);
  EXPECT_EQ(get_attr(d, n("x")), Value::small(2));
  EXPECT_EQ(text(d->mro), "(<class '__main__.D'>, <class '__main__.C'>, <class '__main__.B'>, <class 'object'>)");
  EXPECT_FALSE(set_attr(c, n("__bases__"), tuple_of({d})));
  EXPECT_EQ(pending(), "TypeError: a __bases__ item causes an inheritance cycle");
  Type* s = make_class("S", {}, {{"__slots__", tuple_of({n("a")})}});
  EXPECT_FALSE(set_attr(c, n("__bases__"), tuple_of({s})));
  EXPECT_EQ(pending(), "TypeError: __bases__ assignment: 'S' object layout differs from 'B'");
}

TEST_F(CoreTest, ClassAssignmentMovesToDictMode) {
  Type* a = make_class("A", {});
  Type* b = make_class("B", {});
  Value o = instance(a);
  set_attr(o, n("p"), Value::small(1));
  EXPECT_TRUE(set_attr(o, n("__class__"), b));
  EXPECT_EQ(type_of(o), b);
  EXPECT_EQ(instance_map(o), nullptr);
  EXPECT_EQ(get_attr(o, n("p")), Value::small(1));
  EXPECT_FALSE(set_attr(o, n("__class__"), types::object));
  EXPECT_EQ(pending(),
            "TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses");
}

// __getitem__ alone makes a class iterable and searchable (the sequence
// iterator stops at IndexError).
Value item_upto3(Value, const Value* args, size_t, Tuple*) {
  if (args[0].is_small() && args[0].small_value() < 3) return Value::small(args[0].small_value() * 10);
  return raise(exc::IndexError, "done");
}
const MethodDef kItem = {"__getitem__", item_upto3, MethodFlag::kOneArg};

TEST_F(CoreTest, GetItemIterationFallback) {
  Type* c = make_class("C", {});
  EXPECT_TRUE(set_attr(c, n("__getitem__"), new_method_descriptor(&kItem, c)));
  Value o = instance(c);
  Value it = get_iter(o);
  ASSERT_TRUE(it) << pending();
  EXPECT_EQ(text(type_of(it)), "<class 'iterator'>");
  EXPECT_EQ(iter_next(it), Value::small(0));
  EXPECT_EQ(iter_next(it), Value::small(10));
  EXPECT_EQ(iter_next(it), Value::small(20));
  EXPECT_FALSE(iter_next(it));
  EXPECT_FALSE(has_error());
  EXPECT_EQ(contains(o, Value::small(20)), 1);
  EXPECT_EQ(contains(o, Value::small(5)), 0);
  // __iter__ = None: not iterable, even with __getitem__.
  EXPECT_TRUE(set_attr(c, n("__iter__"), none()));
  EXPECT_FALSE(get_iter(o));
  EXPECT_EQ(pending(), "TypeError: 'C' object is not iterable");
}

TEST_F(CoreTest, IsinstanceForms) {
  Type* a = make_class("A", {});
  Type* b = make_class("B", {a});
  Value ob = instance(b);
  EXPECT_EQ(isinstance_full(ob, tuple_of({types::none_type, a})), 1);
  EXPECT_EQ(isinstance_full(ob, tuple_of({types::none_type})), 0);
  EXPECT_EQ(issubclass_full(b, a), 1);
  EXPECT_EQ(issubclass_full(a, b), 0);
  EXPECT_EQ(isinstance_full(ob, Value::small(1)), -1);
  EXPECT_EQ(pending(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(issubclass_full(Value::small(1), a), -1);
  EXPECT_EQ(pending(), "TypeError: issubclass() arg 1 must be a class");
}

TEST_F(CoreTest, ReflectedComparisonOfSubclassFirst) {
  // B(A) overrides __eq__ (returning "added"): B's reflected == runs first
  // even when A is on the left.
  Type* a = make_class("A", {});
  Type* b = make_class("B", {a}, {{"__eq__", new_method_descriptor(&kAdd, a)}});
  EXPECT_EQ(text(compare(instance(a), instance(b), CompareOp::kEq)), "added");
  EXPECT_EQ(text(compare(instance(b), instance(a), CompareOp::kEq)), "added");
}

// Dead classes leave their base's subclass list; adding stays cheap.
__attribute__((noinline)) void make_garbage_classes(Type* base, int n) {
  for (int i = 0; i < n; i++) make_class("G", {base});
}

TEST_F(CoreTest, SubclassListsForgetDeadClasses) {
  Type* a = make_class("A", {});
  Type* keep = make_class("Keep", {a});
  make_garbage_classes(a, 3000);
  gc::collect();
  Type* late = make_class("Late", {a});
  int64_t live = 0;
  bool saw_keep = false, saw_late = false;
  for_each_subclass(a, [&](Type* s) {
    live++;
    saw_keep |= s == keep;
    saw_late |= s == late;
  });
  EXPECT_TRUE(saw_keep && saw_late);
  EXPECT_LT(live, 100);  // a few may survive through stale stack words
  Value subs = call_method(a, n("__subclasses__"), nullptr, 0);
  ASSERT_TRUE(subs) << pending();
  EXPECT_EQ(length(subs), live);
}

// Class creation, maps, storage growth, dict mode and slot updates with a
// collection at every allocation, then the heap verifier.
TEST_F(CoreTest, TypeSystemUnderGcStress) {
  gc::set_stress(true);
  Type* a = make_class("A", {});
  Type* b = make_class("B", {a}, {{"__len__", new_method_descriptor(&kThree, a)}});
  Type* s = make_class("S", {b}, {{"__slots__", tuple_of({n("p"), n("q")})}});
  ASSERT_TRUE(a && b && s) << pending();
  Value o = instance(s);
  ASSERT_TRUE(o) << pending();
  set_attr(o, n("p"), str_from_utf8("pv"));
  for (int i = 0; i < 12; i++) set_attr(o, n(("m" + std::to_string(i)).c_str()), str_from_utf8("x"));
  set_attr(o, n("m3"), Value());
  set_attr(a, n("__len__"), new_method_descriptor(&kZero, a));
  int64_t len = length(o);
  gc::set_stress(false);
  EXPECT_EQ(len, 3);
  EXPECT_EQ(text(get_attr(o, n("p"))), "pv");
  EXPECT_EQ(text(get_attr(o, n("m11"))), "x");
  EXPECT_FALSE(get_attr_or_null(o, n("m3")));
  std::string report;
  EXPECT_EQ(gc::Heap::current()->verify(&report), 0u) << report;
}

}  // namespace
}  // namespace pyrite::python
