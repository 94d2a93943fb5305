// Exceptions through the C++ API: constructors, str/repr of each family,
// OSError's errno mapping, exception groups, except/except* matching and the
// uncaught-exception format (docs/objects.md, "Exceptions and builtins").
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "gc/heap.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {
namespace {

class ExceptionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_runtime(); }
  void TearDown() override { clear_error(); }
};

Value s(const char* text) { return str_from_utf8(text); }

std::string to_str(Value v) {
  Value r = str_of(v);
  if (!r) {
    clear_error();
    return "<str failed>";
  }
  return str_to_utf8(r.as<Str>());
}

std::string to_repr(Value v) {
  Value r = repr(v);
  if (!r) {
    clear_error();
    return "<repr failed>";
  }
  return str_to_utf8(r.as<Str>());
}

// The pending exception's "Type: message".
std::string pending() {
  Object* e = take_error();
  if (!e) return "<none>";
  return type_name(Value(e)) + ": " + to_str(Value(e));
}

Value make(Type* t, std::initializer_list<Value> args) {
  Value e = new_exception(t, args.begin(), args.size());
  EXPECT_TRUE(e) << pending();
  return e;
}

TEST_F(ExceptionsTest, RaiseSetsPendingError) {
  EXPECT_FALSE(has_error());
  EXPECT_FALSE(raise(exc::ValueError, "bad value"));
  ASSERT_TRUE(has_error());
  EXPECT_TRUE(error_matches(exc::ValueError));
  EXPECT_TRUE(error_matches(exc::Exception));
  EXPECT_TRUE(error_matches(exc::BaseException));
  EXPECT_FALSE(error_matches(exc::TypeError));
  EXPECT_EQ(pending(), "ValueError: bad value");
  EXPECT_FALSE(has_error());
  raisef(exc::TypeError, "%s() takes %d arguments", "f", 2);
  EXPECT_EQ(pending(), "TypeError: f() takes 2 arguments");
  raise_memory_error();
  EXPECT_EQ(pending(), "MemoryError: ");
}

TEST_F(ExceptionsTest, BinaryTypeErrorMessages) {
  raise_binary_type_error(BinaryOp::kAdd, s("a"), none(), false);
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for +: 'str' and 'NoneType'");
  raise_binary_type_error(BinaryOp::kPow, s("a"), none(), false);
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'NoneType'");
  raise_binary_type_error(BinaryOp::kFloorDiv, s("a"), none(), true);
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for //=: 'str' and 'NoneType'");
}

TEST_F(ExceptionsTest, BaseExceptionStrAndRepr) {
  Value none_args = make(exc::ValueError, {});
  EXPECT_EQ(to_str(none_args), "");
  EXPECT_EQ(to_repr(none_args), "ValueError()");
  Value one = make(exc::ValueError, {s("x")});
  EXPECT_EQ(to_str(one), "x");
  EXPECT_EQ(to_repr(one), "ValueError('x')");
  Value two = make(exc::RuntimeError, {s("a"), s("b")});
  EXPECT_EQ(to_str(two), "('a', 'b')");
  EXPECT_EQ(to_repr(two), "RuntimeError('a', 'b')");
  EXPECT_TRUE(is_exception(one));
  EXPECT_TRUE(is_exception_type(exc::KeyError));
  EXPECT_FALSE(is_exception_type(types::int_));
}

TEST_F(ExceptionsTest, KeyErrorStrIsRepr) {
  EXPECT_EQ(to_str(make(exc::KeyError, {s("k")})), "'k'");
  EXPECT_EQ(to_str(make(exc::KeyError, {})), "");
  EXPECT_EQ(to_str(make(exc::KeyError, {s("a"), s("b")})), "('a', 'b')");
  raise_key_error(s("missing"));
  EXPECT_EQ(pending(), "KeyError: 'missing'");
}

TEST_F(ExceptionsTest, NoKeywordArguments) {
  Value kwv[] = {s("v")};
  Tuple* kwnames = tuple_of({Value(intern("x"))});
  EXPECT_FALSE(exception_construct(exc::ValueError, kwv, 0, kwnames));
  EXPECT_EQ(pending(), "TypeError: ValueError() takes no keyword arguments");
  EXPECT_FALSE(exception_construct(exc::ImportError, kwv, 0, kwnames));
  EXPECT_EQ(pending(), "TypeError: 'x' is an invalid keyword argument for ImportError()");
  Tuple* name_kw = tuple_of({Value(intern("name"))});
  Value ie = exception_construct(exc::ImportError, kwv, 0, name_kw);
  ASSERT_TRUE(ie) << pending();
  EXPECT_EQ(to_str(get_attr_str(ie, "name")), "v");
}

TEST_F(ExceptionsTest, OSErrorErrnoMapping) {
  Value e = make(exc::OSError, {Value::small(2), s("No such file")});
  EXPECT_EQ(type_of(e), exc::FileNotFoundError);
  EXPECT_EQ(to_str(e), "[Errno 2] No such file");
  Value f = make(exc::OSError, {Value::small(13), s("denied"), s("/x")});
  EXPECT_EQ(type_of(f), exc::PermissionError);
  EXPECT_EQ(to_str(f), "[Errno 13] denied: '/x'");
  EXPECT_EQ(to_repr(f), "PermissionError(13, 'denied')");
  Value g = make(exc::OSError, {Value::small(17), s("exists"), s("a"), none(), s("b")});
  EXPECT_EQ(type_of(g), exc::FileExistsError);
  EXPECT_EQ(to_str(g), "[Errno 17] exists: 'a' -> 'b'");
  Value h = make(exc::OSError, {Value::small(9999), s("odd")});
  EXPECT_EQ(type_of(h), exc::OSError);
  Value one = make(exc::OSError, {s("just text")});
  EXPECT_EQ(to_str(one), "just text");
  EXPECT_TRUE(is_none(get_attr_str(one, "errno")));
  // Only OSError itself maps: a subclass keeps its type.
  Value sub = make(exc::ConnectionError, {Value::small(2), s("x")});
  EXPECT_EQ(type_of(sub), exc::ConnectionError);
}

TEST_F(ExceptionsTest, StopIterationAndSystemExit) {
  Value st = make(exc::StopIteration, {s("done")});
  EXPECT_EQ(to_str(stop_iteration_value(st)), "done");
  EXPECT_TRUE(is_none(stop_iteration_value(make(exc::StopIteration, {}))));
  EXPECT_TRUE(is_none(system_exit_code(make(exc::SystemExit, {}))));
  EXPECT_EQ(to_str(system_exit_code(make(exc::SystemExit, {s("bye")}))), "bye");
  EXPECT_EQ(to_str(system_exit_code(make(exc::SystemExit, {s("a"), s("b")}))), "('a', 'b')");
  raise_stop_iteration(s("v"));
  Object* e = take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(to_str(stop_iteration_value(e)), "v");
}

TEST_F(ExceptionsTest, SyntaxErrorStr) {
  Value e = new_syntax_error(nullptr, "invalid syntax", "dir/prog.py", 3, 5, "x = = 1\n", 3, 6);
  ASSERT_TRUE(e) << pending();
  EXPECT_EQ(to_str(e), "invalid syntax (prog.py, line 3)");
  EXPECT_EQ(to_str(make(exc::SyntaxError, {s("m")})), "m");
  Value info = tuple_of({none(), Value::small(7), none(), none()});
  EXPECT_EQ(to_str(make(exc::SyntaxError, {s("m"), info})), "m (line 7)");
  Value bad = tuple_of({none(), Value::small(7)});
  Value args[] = {s("m"), bad};
  EXPECT_FALSE(new_exception(exc::SyntaxError, args, 2));
  EXPECT_EQ(pending(), "TypeError: function takes at least 4 arguments (2 given)");
}

TEST_F(ExceptionsTest, UnicodeErrorStr) {
  Value enc = make(exc::UnicodeEncodeError,
                   {s("ascii"), s("a\xc3\xa9z"), Value::small(1), Value::small(2),
                    s("ordinal not in range(128)")});
  EXPECT_EQ(to_str(enc),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
  Value enc2 = make(exc::UnicodeEncodeError,
                    {s("ascii"), s("abcd"), Value::small(1), Value::small(3), s("r")});
  EXPECT_EQ(to_str(enc2), "'ascii' codec can't encode characters in position 1-2: r");
  Value tr = make(exc::UnicodeTranslateError, {s("\xe2\x82\xac"), Value::small(0), Value::small(1), s("r")});
  EXPECT_EQ(to_str(tr), "can't translate character '\\u20ac' in position 0: r");
  Value bad_args[] = {Value::small(1), s("x"), Value::small(0), Value::small(1), s("r")};
  EXPECT_FALSE(new_exception(exc::UnicodeEncodeError, bad_args, 5));
  EXPECT_EQ(pending(), "TypeError: argument 1 must be str, not int");
  EXPECT_FALSE(new_exception(exc::UnicodeEncodeError, nullptr, 0));
  EXPECT_EQ(pending(), "TypeError: function takes exactly 5 arguments (0 given)");
}

TEST_F(ExceptionsTest, ContextCauseAndTracebackChecks) {
  Value e = make(exc::ValueError, {s("x")});
  EXPECT_FALSE(set_attr(e, intern("__cause__"), Value::small(1)));
  EXPECT_EQ(pending(), "TypeError: exception cause must be None or derive from BaseException");
  EXPECT_FALSE(set_attr(e, intern("__context__"), Value::small(1)));
  EXPECT_EQ(pending(), "TypeError: exception context must be None or derive from BaseException");
  EXPECT_FALSE(set_attr(e, intern("__traceback__"), Value::small(1)));
  EXPECT_EQ(pending(), "TypeError: __traceback__ must be a traceback or None");
  Value c = make(exc::KeyError, {s("k")});
  EXPECT_TRUE(set_attr(e, intern("__cause__"), c));
  EXPECT_TRUE(exception_cause(e).is(c));
  EXPECT_TRUE(exception_suppress_context(e));
}

TEST_F(ExceptionsTest, AddNote) {
  Value e = make(exc::ValueError, {s("x")});
  Value one = Value::small(1);
  EXPECT_FALSE(call_method(e, intern("add_note"), &one, 1));
  EXPECT_EQ(pending(), "TypeError: note must be a str, not 'int'");
  Value note = s("a note");
  EXPECT_TRUE(call_method(e, intern("add_note"), &note, 1)) << pending();
  EXPECT_EQ(to_repr(get_attr_str(e, "__notes__")), "['a note']");
}

TEST_F(ExceptionsTest, ExceptionMatches) {
  Value e = make(exc::KeyError, {s("k")});
  EXPECT_EQ(exception_matches(e, exc::LookupError), 1);
  EXPECT_EQ(exception_matches(e, exc::TypeError), 0);
  EXPECT_EQ(exception_matches(e, tuple_of({Value(exc::TypeError), Value(exc::KeyError)})), 1);
  EXPECT_EQ(exception_matches(e, types::int_), -1);
  EXPECT_EQ(pending(),
            "TypeError: catching classes that do not inherit from BaseException is not allowed");
  EXPECT_EQ(check_except_star_type(exc::ExceptionGroup), -1);
  EXPECT_EQ(pending(),
            "TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.");
}

Value group(Type* t, const char* msg, std::initializer_list<Value> excs) {
  Value args[] = {s(msg), tuple_of(excs)};
  Value g = new_exception(t, args, 2);
  EXPECT_TRUE(g) << pending();
  return g;
}

TEST_F(ExceptionsTest, ExceptionGroupConstruction) {
  Value g = group(exc::BaseExceptionGroup, "m", {make(exc::ValueError, {s("1")})});
  EXPECT_EQ(type_of(g), exc::ExceptionGroup);  // all Exceptions: ExceptionGroup
  EXPECT_EQ(to_str(g), "m (1 sub-exception)");
  Value b = group(exc::BaseExceptionGroup, "m", {make(exc::KeyboardInterrupt, {})});
  EXPECT_EQ(type_of(b), exc::BaseExceptionGroup);
  Value args[] = {s("m"), tuple_of({Value(make(exc::KeyboardInterrupt, {}))})};
  EXPECT_FALSE(new_exception(exc::ExceptionGroup, args, 2));
  EXPECT_EQ(pending(), "TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
  Value empty[] = {s("m"), tuple_empty()};
  EXPECT_FALSE(new_exception(exc::ExceptionGroup, empty, 2));
  EXPECT_EQ(pending(), "ValueError: second argument (exceptions) must be a non-empty sequence");
  Value notexc[] = {s("m"), tuple_of({Value::small(1)})};
  EXPECT_FALSE(new_exception(exc::ExceptionGroup, notexc, 2));
  EXPECT_EQ(pending(), "ValueError: Item 0 of second argument (exceptions) is not an exception");
  EXPECT_FALSE(new_exception(exc::ExceptionGroup, empty, 1));
  EXPECT_EQ(pending(), "TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)");
  EXPECT_TRUE(is_subtype(exc::ExceptionGroup, exc::Exception));
  EXPECT_TRUE(is_subtype(exc::ExceptionGroup, exc::BaseExceptionGroup));
}

TEST_F(ExceptionsTest, ExceptionGroupSplit) {
  Value v1 = make(exc::ValueError, {s("1")});
  Value t2 = make(exc::TypeError, {s("2")});
  Value v3 = make(exc::ValueError, {s("3")});
  Value inner = group(exc::ExceptionGroup, "inner", {v3});
  Value g = group(exc::ExceptionGroup, "outer", {v1, t2, inner});
  Value cond = exc::ValueError;
  Value pair = call_method(g, intern("split"), &cond, 1);
  ASSERT_TRUE(pair) << pending();
  Value match = pair.as<Tuple>()->at(0), rest = pair.as<Tuple>()->at(1);
  EXPECT_EQ(to_repr(match),
            "ExceptionGroup('outer', [ValueError('1'), ExceptionGroup('inner', [ValueError('3')])])");
  EXPECT_EQ(to_repr(rest), "ExceptionGroup('outer', [TypeError('2')])");
  Value sub = call_method(g, intern("subgroup"), &cond, 1);
  EXPECT_EQ(to_repr(sub), to_repr(match));
  Value all = exc::Exception;
  EXPECT_TRUE(call_method(g, intern("subgroup"), &all, 1).is(g));
  Value bad = Value::small(5);
  EXPECT_FALSE(call_method(g, intern("split"), &bad, 1));
  EXPECT_EQ(pending(), "TypeError: expected a function, exception type or tuple of exception types");
}

TEST_F(ExceptionsTest, ExceptStarMatching) {
  Value v1 = make(exc::ValueError, {s("1")});
  Value t2 = make(exc::TypeError, {s("2")});
  Value g = group(exc::ExceptionGroup, "eg", {v1, t2});
  Value match, rest;
  ASSERT_EQ(exception_group_match(g, exc::ValueError, &match, &rest), 0) << pending();
  EXPECT_EQ(to_repr(match), "ExceptionGroup('eg', [ValueError('1')])");
  EXPECT_EQ(to_repr(rest), "ExceptionGroup('eg', [TypeError('2')])");
  // A naked exception is wrapped.
  ASSERT_EQ(exception_group_match(v1, exc::ValueError, &match, &rest), 0);
  EXPECT_EQ(to_repr(match), "ExceptionGroup('', (ValueError('1'),))");
  EXPECT_TRUE(is_none(rest));
  ASSERT_EQ(exception_group_match(v1, exc::TypeError, &match, &rest), 0);
  EXPECT_TRUE(is_none(match));
  EXPECT_TRUE(rest.is(v1));
}

TEST_F(ExceptionsTest, UncaughtFormat) {
  std::string path = ::testing::TempDir() + "pyrite_tb_test.py";
  {
    std::ofstream out(path);
    out << "def f(d):\n    return d['b'] + 1\nf({})\n";
  }
  Value e = make(exc::KeyError, {s("b")});
  Str* file = str_from_utf8(path);
  // Innermost entry first (the interpreter adds them while unwinding).
  traceback_add(e, Value(), Value(), 0, 2, 2, 11, 17, file, intern("f"));
  traceback_add(e, Value(), Value(), 0, 3, 3, 0, 5, file, intern("<module>"));
  std::string expected = "Traceback (most recent call last):\n"
                         "  File \"" + path + "\", line 3, in <module>\n"
                         "    f({})\n"
                         "  File \"" + path + "\", line 2, in f\n"
                         "    return d['b'] + 1\n"
                         "           ~^^^^^\n"
                         "KeyError: 'b'\n";
  EXPECT_EQ(format_exception(e), expected);
  // A chained exception: the cause first.
  Value outer = make(exc::RuntimeError, {s("outer")});
  exception_set_cause(outer, e);
  std::string chained = format_exception(outer);
  EXPECT_NE(chained.find("\nThe above exception was the direct cause of the following exception:\n\n"
                         "RuntimeError: outer\n"),
            std::string::npos)
      << chained;
  std::remove(path.c_str());
}

TEST_F(ExceptionsTest, RepeatedLinesAreFolded) {
  Value e = make(exc::RecursionError, {s("deep")});
  Str* file = str_from_utf8("<nofile>");
  for (int i = 0; i < 10; i++) traceback_add(e, Value(), Value(), 0, 2, 2, 2, 5, file, intern("f"));
  std::string text = format_exception(e);
  EXPECT_NE(text.find("  [Previous line repeated 7 more times]\n"), std::string::npos) << text;
}

TEST_F(ExceptionsTest, GroupFormat) {
  Value g = group(exc::ExceptionGroup, "two", {make(exc::ValueError, {s("1")}), make(exc::TypeError, {s("2")})});
  std::string expected = "  | ExceptionGroup: two (2 sub-exceptions)\n"
                         "  +-+---------------- 1 ----------------\n"
                         "    | ValueError: 1\n"
                         "    +---------------- 2 ----------------\n"
                         "    | TypeError: 2\n"
                         "    +------------------------------------\n";
  EXPECT_EQ(format_exception(g), expected);
}

TEST_F(ExceptionsTest, SyntaxErrorBlock) {
  Value e = new_syntax_error(nullptr, "invalid syntax", "prog.py", 3, 7, "  x = = 1\n", 3, 8);
  ASSERT_TRUE(e) << pending();
  EXPECT_EQ(format_exception(e),
            "  File \"prog.py\", line 3\n"
            "    x = = 1\n"
            "        ^\n"
            "SyntaxError: invalid syntax\n");
}

TEST_F(ExceptionsTest, CaretAnchorsAndElision) {
  std::string path = ::testing::TempDir() + "pyrite_caret_test.py";
  {
    std::ofstream out(path);
    out << "x = 1\n"
           "y = x  //  0\n"
           "raise ValueError('whole line')\n";
  }
  Str* file = str_from_utf8(path);
  Value div = make(exc::ZeroDivisionError, {s("integer division or modulo by zero")});
  traceback_add(div, Value(), Value(), 0, 2, 2, 4, 12, file, intern("<module>"));
  EXPECT_NE(format_exception(div).find("    y = x  //  0\n        ~~~^^~~~\n"), std::string::npos)
      << format_exception(div);
  // A range covering the whole stripped line prints no caret line.
  Value whole = make(exc::ValueError, {s("whole line")});
  traceback_add(whole, Value(), Value(), 0, 3, 3, 0, 30, file, intern("<module>"));
  EXPECT_EQ(format_exception(whole), "Traceback (most recent call last):\n"
                                     "  File \"" + path + "\", line 3, in <module>\n"
                                     "    raise ValueError('whole line')\n"
                                     "ValueError: whole line\n");
  std::remove(path.c_str());
}

// Every allocation collects: exceptions, groups, splits, tracebacks and the
// printer must keep what they hold reachable; then the heap verifies.
TEST_F(ExceptionsTest, SurvivesGcStress) {
  gc::Heap* heap = gc::Heap::current();
  heap->set_stress(true);
  Value g = group(exc::ExceptionGroup, "outer",
                  {make(exc::ValueError, {s("1")}), make(exc::TypeError, {s("2")}),
                   group(exc::ExceptionGroup, "inner", {make(exc::ValueError, {s("3")})})});
  Value match, rest;
  ASSERT_EQ(exception_group_match(g, exc::ValueError, &match, &rest), 0) << pending();
  Value e = make(exc::OSError, {Value::small(2), s("gone"), s("file")});
  traceback_add(e, Value(), Value(), 0, 1, 1, 0, 1, str_from_utf8("<x>"), intern("f"));
  exception_set_context(e, match);
  std::string text = format_exception(e);
  raise(exc::KeyError, "k");
  Object* pending_exc = take_error();
  heap->set_stress(false);
  EXPECT_EQ(to_repr(match),
            "ExceptionGroup('outer', [ValueError('1'), ExceptionGroup('inner', [ValueError('3')])])");
  EXPECT_EQ(to_repr(rest), "ExceptionGroup('outer', [TypeError('2')])");
  EXPECT_NE(text.find("FileNotFoundError: [Errno 2] gone: 'file'"), std::string::npos) << text;
  EXPECT_EQ(to_repr(pending_exc), "KeyError('k')");
  std::string report;
  EXPECT_EQ(heap->verify(&report), 0u) << report;
}

}  // namespace
}  // namespace pyrite::python
