// The builtins module's functions called through the C++ API, against
// CPython 3.11's results and messages (docs/objects.md, "Builtins").
#include <gtest/gtest.h>

#include <string>

#include "python/modules/builtins.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {
namespace {

class BuiltinsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    init_runtime();
    builtins_ = make_builtins_dict();
    gc::add_root(reinterpret_cast<void**>(&builtins_));
  }
  void TearDown() override { clear_error(); }

  // builtins.<name>(*args) as repr text, or "Type: message" when it raises.
  static std::string run(const char* name, std::initializer_list<Value> args,
                         std::initializer_list<std::pair<const char*, Value>> kwargs = {}) {
    Value f = dict_get_str(builtins_, intern(name));
    if (!f) return "<no builtin>";
    std::vector<Value> all(args);
    Tuple* kwnames = nullptr;
    if (kwargs.size()) {
      kwnames = tuple_new(static_cast<int64_t>(kwargs.size()));
      int64_t i = 0;
      for (auto& [k, v] : kwargs) {
        kwnames->items()[i++] = intern(k);
        all.push_back(v);
      }
    }
    Value r = call(f, all.data(), args.size(), kwnames);
    if (!r) {
      Object* e = take_error();
      if (!e) return "<null without error>";
      Value m = str_of(e);
      std::string text = m ? str_to_utf8(m.as<Str>()) : "?";
      clear_error();
      return type_name(Value(e)) + ": " + text;
    }
    Value rr = repr(r);
    if (!rr) {
      clear_error();
      return "<repr failed>";
    }
    return str_to_utf8(rr.as<Str>());
  }

  static Dict* builtins_;
};
Dict* BuiltinsTest::builtins_ = nullptr;

Value s(const char* t) { return str_from_utf8(t); }
Value i(int64_t v) { return Value::small(v); }
Value list_of(std::initializer_list<Value> items) {
  return list_from_array(items.begin(), static_cast<int64_t>(items.size()));
}

TEST_F(BuiltinsTest, NamespaceHoldsTypesExceptionsAndConstants) {
  EXPECT_TRUE(dict_get_str(builtins_, intern("int")).is(types::int_));
  EXPECT_TRUE(dict_get_str(builtins_, intern("ValueError")).is(exc::ValueError));
  EXPECT_TRUE(dict_get_str(builtins_, intern("IOError")).is(exc::OSError));
  EXPECT_TRUE(is_none(dict_get_str(builtins_, intern("None"))));
  EXPECT_TRUE(dict_get_str(builtins_, intern("__debug__")).is(py_bool(true)));
  // CPython's order: __name__ first, then __doc__, ... __build_class__.
  int64_t pos = 0;
  Value k, v;
  ASSERT_TRUE(dict_next(builtins_, &pos, &k, &v));
  EXPECT_EQ(str_to_utf8(k.as<Str>()), "__name__");
}

TEST_F(BuiltinsTest, MinMax) {
  EXPECT_EQ(run("max", {list_of({i(3), i(9), i(2)})}), "9");
  EXPECT_EQ(run("min", {i(3), i(9), i(2)}), "2");
  EXPECT_EQ(run("max", {}), "TypeError: max expected at least 1 argument, got 0");
  EXPECT_EQ(run("max", {list_of({})}), "ValueError: max() arg is an empty sequence");
  EXPECT_EQ(run("min", {list_of({})}, {{"default", i(5)}}), "5");
  EXPECT_EQ(run("max", {i(1), i(2)}, {{"default", i(3)}}),
            "TypeError: Cannot specify a default for max() with multiple positional arguments");
  EXPECT_EQ(run("max", {list_of({})}, {{"x", i(1)}}), "TypeError: 'x' is an invalid keyword argument for max()");
  EXPECT_EQ(run("min", {list_of({})}, {{"default", i(5)}, {"key", none()}, {"x", i(2)}}),
            "TypeError: min() takes at most 2 keyword arguments (3 given)");
  // Equal keys keep the first.
  Value len = dict_get_str(builtins_, intern("len"));
  EXPECT_EQ(run("max", {list_of({s("ab"), s("cd"), s("e")})}, {{"key", len}}), "'ab'");
}

TEST_F(BuiltinsTest, SortedAndSum) {
  EXPECT_EQ(run("sorted", {list_of({i(3), i(1), i(2)})}), "[1, 2, 3]");
  EXPECT_EQ(run("sorted", {list_of({i(3), i(1), i(2)})}, {{"reverse", py_bool(true)}}), "[3, 2, 1]");
  EXPECT_EQ(run("sorted", {}), "TypeError: sorted expected 1 argument, got 0");
  EXPECT_EQ(run("sum", {list_of({i(1), i(2), i(3)})}), "6");
  EXPECT_EQ(run("sum", {list_of({i(1), i(2)})}, {{"start", i(10)}}), "13");
  EXPECT_EQ(run("sum", {list_of({s("a")}), s("b")}),
            "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  Value big = Value::small(Value::kSmallMax);
  EXPECT_EQ(run("sum", {list_of({big, i(1)})}), "4611686018427387904");
}

TEST_F(BuiltinsTest, TextAndNumbers) {
  EXPECT_EQ(run("chr", {i(97)}), "'a'");
  EXPECT_EQ(run("chr", {i(-1)}), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(run("chr", {s("a")}), "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(run("ord", {s("a")}), "97");
  EXPECT_EQ(run("ord", {s("ab")}), "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(run("ord", {i(1)}), "TypeError: ord() expected string of length 1, but int found");
  EXPECT_EQ(run("bin", {i(-5)}), "'-0b101'");
  EXPECT_EQ(run("oct", {i(8)}), "'0o10'");
  EXPECT_EQ(run("hex", {i(255)}), "'0xff'");
  EXPECT_EQ(run("divmod", {i(7), i(2)}), "(3, 1)");
  EXPECT_EQ(run("divmod", {s("a"), i(1)}),
            "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
  EXPECT_EQ(run("pow", {i(2), i(10), i(1000)}), "24");
  EXPECT_EQ(run("pow", {}, {{"base", i(2)}, {"exp", i(3)}}), "8");
  EXPECT_EQ(run("round", {s("a")}), "TypeError: type str doesn't define __round__ method");
  EXPECT_EQ(run("abs", {i(-3)}), "3");
  EXPECT_EQ(run("format", {i(3), i(5)}), "TypeError: format() argument 2 must be str, not int");
  EXPECT_EQ(run("repr", {s("x")}), "\"'x'\"");
}

TEST_F(BuiltinsTest, AttributesAndTypes) {
  EXPECT_EQ(run("getattr", {i(1)}), "TypeError: getattr expected at least 2 arguments, got 1");
  EXPECT_EQ(run("getattr", {i(1), i(2)}), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(run("getattr", {i(1), s("nope"), s("dflt")}), "'dflt'");
  EXPECT_EQ(run("hasattr", {i(1), s("real")}), "True");
  EXPECT_EQ(run("hasattr", {i(1), s("nope")}), "False");
  EXPECT_EQ(run("isinstance", {i(1), types::int_}), "True");
  EXPECT_EQ(run("issubclass", {exc::KeyError, exc::LookupError}), "True");
  EXPECT_EQ(run("callable", {i(1)}), "False");
  EXPECT_EQ(run("len", {s("abc")}), "3");
  EXPECT_EQ(run("len", {i(1)}), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(run("hash", {list_of({})}), "TypeError: unhashable type: 'list'");
}

TEST_F(BuiltinsTest, Iteration) {
  EXPECT_EQ(run("all", {list_of({i(1), i(0)})}), "False");
  EXPECT_EQ(run("any", {list_of({i(0), i(2)})}), "True");
  EXPECT_EQ(run("any", {i(1)}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(run("next", {i(1)}), "TypeError: 'int' object is not an iterator");
  EXPECT_EQ(run("iter", {i(1), i(2)}), "TypeError: iter(v, w): v must be callable");
  Value it = get_iter(list_of({}));
  EXPECT_EQ(run("next", {it, i(5)}), "5");
  EXPECT_EQ(run("next", {it}), "StopIteration: ");
}

TEST_F(BuiltinsTest, PrintChecksSepAndEnd) {
  EXPECT_EQ(run("print", {}, {{"sep", i(1)}}), "TypeError: sep must be None or a string, not int");
  EXPECT_EQ(run("print", {}, {{"end", i(1)}}), "TypeError: end must be None or a string, not int");
  EXPECT_EQ(run("print", {}, {{"x", i(1)}}), "TypeError: 'x' is an invalid keyword argument for print()");
}

}  // namespace
}  // namespace pyrite::python
