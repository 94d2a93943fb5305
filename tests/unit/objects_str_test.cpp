// Unit tests of the text types through their C++ API: str kinds, hashing across
// kinds, interning, methods, repr escaping, % formatting, str.format,
// bytes/bytearray/memoryview basics (docs/objects.md, "str, bytes, bytearray,
// memoryview").
#include <gtest/gtest.h>

#include <string>

#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/init.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/str_methods.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {
namespace {

class StrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_runtime(); }
  void TearDown() override {
    if (has_error()) {
      Object* e = take_error();
      ADD_FAILURE() << "exception left pending: " << repr_utf8(Value(e));
    }
  }
};

std::string u8(Value v) {
  EXPECT_TRUE(v) << "null result";
  if (!v) {
    Object* e = take_error();
    return e ? "<error " + repr_utf8(Value(e)) + ">" : "<null>";
  }
  EXPECT_TRUE(is_str(v));
  return str_to_utf8(v.as<Str>());
}

Str* s(const char* utf8) { return str_from_utf8(utf8); }

// Calls the method `name` of `self` with positional args.
Value meth(Value self, const char* name, std::initializer_list<Value> args = {}) {
  return call_method(self, intern(name), args.begin(), args.size());
}

// The pending exception as "TypeName: message", clearing it.
std::string error_text() {
  Object* e = take_error();
  if (!e) return "<no error>";
  Value msg = str_of(Value(e));
  std::string text = msg ? str_to_utf8(msg.as<Str>()) : "?";
  return type_name(Value(e)) + ": " + text;
}

TEST_F(StrTest, KindIsTheNarrowest) {
  EXPECT_EQ(s("abc")->kind, 1);
  EXPECT_TRUE(s("abc")->ascii);
  EXPECT_EQ(s("caf\xc3\xa9")->kind, 1);  // é < 256
  EXPECT_FALSE(s("caf\xc3\xa9")->ascii);
  EXPECT_EQ(s("\xe2\x82\xac")->kind, 2);      // €
  EXPECT_EQ(s("\xf0\x9f\x98\x80")->kind, 4);  // 😀
  EXPECT_EQ(s("\xf0\x9f\x98\x80")->length, 1);
  // A substring narrows again.
  Str* mixed = s("a\xe2\x82\xac" "b");
  Str* sub = str_substr(mixed, 0, 1);
  EXPECT_EQ(sub->kind, 1);
  EXPECT_EQ(str_to_utf8(str_substr(mixed, 1, 3)), "\xe2\x82\xac" "b");
}

TEST_F(StrTest, Utf8RoundTripAndSurrogates) {
  const char* texts[] = {"", "a", "h\xc3\xa9llo", "\xe2\x82\xac\xf0\x9f\x98\x80x", "\xed\xa0\x80"};
  for (const char* t : texts) EXPECT_EQ(str_to_utf8(s(t)), t);
  Str* lone = s("\xed\xa0\x80");  // U+D800 in its 3-byte form
  ASSERT_EQ(lone->length, 1);
  EXPECT_EQ(lone->at(0), 0xD800u);
}

TEST_F(StrTest, HashEqualAcrossConstructionPaths) {
  char32_t cps[] = {'a', 'b', 'c'};
  Str* a = str_from_code_points(cps, 3);
  Str* b = str_from_ascii("abc");
  Str* c = str_substr(s("xabc\xe2\x82\xac"), 1, 4);
  EXPECT_TRUE(str_equal(a, b));
  EXPECT_TRUE(str_equal(a, c));
  EXPECT_EQ(str_hash(a), str_hash(b));
  EXPECT_EQ(str_hash(a), str_hash(c));
  EXPECT_EQ(str_hash(str_empty()), 0);
  EXPECT_NE(str_hash(s("abc")), str_hash(s("abd")));
  EXPECT_EQ(hash_latin1(reinterpret_cast<const uint8_t*>("abc"), 3), str_hash(a));
}

TEST_F(StrTest, InterningGivesOneObject) {
  Str* a = intern("some_name");
  Str* b = intern("some_name");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a->interned);
  Str* fresh = str_concat(s("some_"), s("name"));
  EXPECT_NE(fresh, a);
  EXPECT_EQ(intern_str(fresh), a);
  Str* uni = intern("na\xc3\xafve");
  EXPECT_EQ(intern("na\xc3\xafve"), uni);
  EXPECT_EQ(intern_str(s("na\xc3\xafve")), uni);
  gc::collect();
  EXPECT_EQ(intern("some_name"), a);
  EXPECT_EQ(str_to_utf8(a), "some_name");
}

TEST_F(StrTest, CompareAndConcat) {
  EXPECT_LT(str_compare(s("a"), s("b")), 0);
  EXPECT_LT(str_compare(s("a"), s("ab")), 0);
  EXPECT_GT(str_compare(s("\xe2\x82\xac"), s("z")), 0);
  EXPECT_EQ(str_compare(s("abc"), s("abc")), 0);
  EXPECT_EQ(str_to_utf8(str_concat(s("ab"), s("\xe2\x82\xac"))), "ab\xe2\x82\xac");
  EXPECT_EQ(str_concat(s("ab"), s("\xe2\x82\xac"))->kind, 2);
}

TEST_F(StrTest, Join) {
  Value items[] = {s("a"), s("\xc3\xa9"), s("c")};
  EXPECT_EQ(str_to_utf8(str_join(s(", "), items, 3)), "a, \xc3\xa9, c");
  Value bad[] = {s("a"), Value::small(1)};
  EXPECT_EQ(str_join(s(""), bad, 2), nullptr);
  EXPECT_EQ(error_text(), "TypeError: sequence item 1: expected str instance, int found");
}

TEST_F(StrTest, Repr) {
  EXPECT_EQ(u8(repr(s("abc"))), "'abc'");
  EXPECT_EQ(u8(repr(s("it's"))), "\"it's\"");
  EXPECT_EQ(u8(repr(s("'\""))), "'\\'\"'");
  EXPECT_EQ(u8(repr(s("a\tb\n\x01\x7f"))), "'a\\tb\\n\\x01\\x7f'");
  EXPECT_EQ(u8(repr(s("\xc3\xa9\xc2\xa0"))), "'\xc3\xa9\\xa0'");
  EXPECT_EQ(u8(repr(s("\xed\xa0\x80"))), "'\\ud800'");
  EXPECT_EQ(u8(repr(s("\xf0\x9f\x98\x80"))), "'\xf0\x9f\x98\x80'");
}

TEST_F(StrTest, Methods) {
  EXPECT_EQ(u8(meth(s("Hello World"), "lower")), "hello world");
  EXPECT_EQ(u8(meth(s("stra\xc3\x9f" "e"), "upper")), "STRASSE");
  EXPECT_EQ(u8(meth(s("hello world"), "title")), "Hello World");
  EXPECT_EQ(u8(meth(s("  x  "), "strip")), "x");
  EXPECT_EQ(u8(meth(s("xxhixx"), "strip", {s("x")})), "hi");
  EXPECT_EQ(u8(meth(s("x"), "center", {Value::small(5), s("*")})), "**x**");
  EXPECT_EQ(u8(meth(s("-12"), "zfill", {Value::small(5)})), "-0012");
  EXPECT_EQ(u8(meth(s("a-b-c"), "replace", {s("-"), s("+")})), "a+b+c");
  EXPECT_EQ(u8(meth(s("ab"), "replace", {s(""), s("-")})), "-a-b-");
  EXPECT_EQ(meth(s("hello"), "find", {s("l")}), Value::small(2));
  EXPECT_EQ(meth(s("hello"), "rfind", {s("l")}), Value::small(3));
  EXPECT_EQ(meth(s("hello"), "count", {s("l")}), Value::small(2));
  EXPECT_EQ(meth(s("hello"), "startswith", {s("he")}), py_bool(true));
  EXPECT_EQ(meth(s("a1"), "isalnum"), py_bool(true));
  EXPECT_EQ(u8(repr(meth(s("a b  c"), "split"))), "['a', 'b', 'c']");
  EXPECT_EQ(u8(repr(meth(s("a,b,,c"), "split", {s(",")}))), "['a', 'b', '', 'c']");
  EXPECT_EQ(u8(repr(meth(s("a b c"), "rsplit", {none(), Value::small(1)}))), "['a b', 'c']");
  EXPECT_EQ(u8(repr(meth(s("a\nb\r\nc"), "splitlines"))), "['a', 'b', 'c']");
  EXPECT_EQ(u8(repr(meth(s("a=b=c"), "partition", {s("=")}))), "('a', '=', 'b=c')");
  EXPECT_EQ(u8(repr(meth(s("a=b=c"), "rpartition", {s("=")}))), "('a=b', '=', 'c')");
  EXPECT_EQ(u8(meth(s("a\tb"), "expandtabs")), "a       b");
  EXPECT_EQ(meth(s("abc"), "index", {s("z")}), Value());
  EXPECT_EQ(error_text(), "ValueError: substring not found");
  EXPECT_EQ(meth(s("abc"), "find", {Value::small(1)}), Value());
  EXPECT_EQ(error_text(), "TypeError: must be str, not int");
}

TEST_F(StrTest, Operators) {
  EXPECT_EQ(u8(binary_op(BinaryOp::kAdd, s("ab"), s("cd"))), "abcd");
  EXPECT_EQ(u8(binary_op(BinaryOp::kMul, s("ab"), Value::small(3))), "ababab");
  EXPECT_EQ(u8(binary_op(BinaryOp::kMul, Value::small(2), s("x"))), "xx");
  EXPECT_EQ(binary_op(BinaryOp::kAdd, s("a"), Value::small(1)), Value());
  EXPECT_EQ(error_text(), "TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(contains(s("hello"), s("ell")), 1);
  EXPECT_EQ(contains(s("hello"), Value::small(1)), -1);
  EXPECT_EQ(error_text(), "TypeError: 'in <string>' requires string as left operand, not int");
  EXPECT_EQ(u8(get_item(s("h\xc3\xa9llo"), Value::small(1))), "\xc3\xa9");
  EXPECT_EQ(u8(get_item(s("hello"), Value::small(-1))), "o");
  EXPECT_EQ(get_item(s("hello"), Value::small(9)), Value());
  EXPECT_EQ(error_text(), "IndexError: string index out of range");
  EXPECT_EQ(length(s("h\xc3\xa9")), 2);
}

TEST_F(StrTest, PercentFormatting) {
  EXPECT_EQ(u8(binary_op(BinaryOp::kMod, s("%s-%r-%d-%5x|%-4s|"),
                         tuple_of({s("a"), s("b"), Value::small(42), Value::small(255), s("z")}))),
            "a-'b'-42-   ff|z   |");
  EXPECT_EQ(u8(binary_op(BinaryOp::kMod, s("%c%c%%"), tuple_of({Value::small(104), s("i")}))), "hi%");
  EXPECT_EQ(binary_op(BinaryOp::kMod, s("%d %d"), tuple_of({Value::small(1)})), Value());
  EXPECT_EQ(error_text(), "TypeError: not enough arguments for format string");
  EXPECT_EQ(binary_op(BinaryOp::kMod, s("%d"), tuple_of({Value::small(1), Value::small(2)})), Value());
  EXPECT_EQ(error_text(), "TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(binary_op(BinaryOp::kMod, s("%d"), s("x")), Value());
  EXPECT_EQ(error_text(), "TypeError: %d format: a real number is required, not str");
  EXPECT_EQ(binary_op(BinaryOp::kMod, s("%z"), Value::small(1)), Value());
  EXPECT_EQ(error_text(), "ValueError: unsupported format character 'z' (0x7a) at index 1");
}

TEST_F(StrTest, FormatMethod) {
  EXPECT_EQ(u8(meth(s("{} {}!"), "format", {s("hello"), Value::small(7)})), "hello 7!");
  EXPECT_EQ(u8(meth(s("{1}{0}{1}"), "format", {s("a"), s("b")})), "bab");
  EXPECT_EQ(u8(meth(s("{0!r:>6}|{{}}"), "format", {s("x")})), "   'x'|{}");
  EXPECT_EQ(u8(meth(s("{:{}}|"), "format", {s("x"), Value::small(3)})), "x  |");
  EXPECT_EQ(u8(meth(s("{:^7.2}|"), "format", {s("abc")})), "  ab   |");
  EXPECT_EQ(meth(s("{} {0}"), "format", {Value::small(1)}), Value());
  EXPECT_EQ(error_text(),
            "ValueError: cannot switch from automatic field numbering to manual field specification");
  EXPECT_EQ(meth(s("}"), "format"), Value());
  EXPECT_EQ(error_text(), "ValueError: Single '}' encountered in format string");
  EXPECT_EQ(meth(s("{1}"), "format", {Value::small(1)}), Value());
  EXPECT_EQ(error_text(), "IndexError: Replacement index 1 out of range for positional args tuple");
}

TEST_F(StrTest, EncodeDecode) {
  Value b = meth(s("h\xc3\xa9"), "encode");
  ASSERT_TRUE(b);
  ASSERT_TRUE(is_bytes(b));
  EXPECT_EQ(b.as<Bytes>()->view(), "h\xc3\xa9");
  EXPECT_EQ(u8(meth(b, "decode")), "h\xc3\xa9");
  EXPECT_EQ(meth(s("h\xc3\xa9"), "encode", {s("ascii")}), Value());
  EXPECT_EQ(error_text(),
            "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
  Value latin = meth(s("h\xc3\xa9"), "encode", {s("latin-1")});
  ASSERT_TRUE(latin);
  EXPECT_EQ(latin.as<Bytes>()->view(), "h\xe9");
  EXPECT_EQ(meth(latin, "decode"), Value());
  EXPECT_EQ(error_text(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 1: unexpected end of data");
}

TEST_F(StrTest, BytesBasics) {
  Value b = bytes_from("abc", 3);
  EXPECT_EQ(u8(repr(b)), "b'abc'");
  EXPECT_EQ(u8(repr(bytes_from("'\x00", 2))), "b\"'\\x00\"");
  EXPECT_EQ(get_item(b, Value::small(1)), Value::small('b'));
  EXPECT_EQ(u8(repr(meth(b, "upper"))), "b'ABC'");
  EXPECT_EQ(u8(repr(meth(bytes_from("a,b", 3), "split", {bytes_from(",", 1)}))), "[b'a', b'b']");
  EXPECT_EQ(u8(meth(b, "hex")), "616263");
  EXPECT_EQ(u8(repr(binary_op(BinaryOp::kMod, bytes_from("%s=%d", 5),
                              tuple_of({bytes_from("x", 1), Value::small(5)})))),
            "b'x=5'");
  EXPECT_EQ(binary_op(BinaryOp::kAdd, b, s("x")), Value());
  EXPECT_EQ(error_text(), "TypeError: can't concat str to bytes");
  Value a = bytearray_new("xy", 2);
  EXPECT_EQ(u8(repr(a)), "bytearray(b'xy')");
  EXPECT_TRUE(meth(a, "append", {Value::small('z')}));
  EXPECT_EQ(u8(repr(a)), "bytearray(b'xyz')");
  EXPECT_EQ(compare_bool(a, bytes_from("xyz", 3), CompareOp::kEq), 1);
  EXPECT_EQ(hash(a), -1);
  EXPECT_EQ(error_text(), "TypeError: unhashable type: 'bytearray'");
}

TEST_F(StrTest, SurvivesCollection) {
  Str* keep = str_from_utf8("persistent \xe2\x82\xac text");
  for (int i = 0; i < 2000; i++) str_concat(keep, str_from_ascii("garbage"));
  gc::collect();
  EXPECT_EQ(str_to_utf8(keep), "persistent \xe2\x82\xac text");
  EXPECT_EQ(str_to_utf8(str_char('q')), "q");
}


TEST_F(StrTest, EscapeCodecs) {
  Value b = bytes_from(std::string_view("a\\x41\\u00e9\\N{BULLET}\\101\\n"));
  EXPECT_EQ(u8(meth(b, "decode", {s("unicode_escape")})), "aA\xc3\xa9\xe2\x80\xa2" "A\n");
  EXPECT_EQ(meth(bytes_from(std::string_view("\\x4")), "decode", {s("unicode_escape")}), Value());
  EXPECT_EQ(error_text(),
            "UnicodeDecodeError: 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape");
  Value raw = bytes_from(std::string_view("\\u00e9\\\\u00e9"));
  EXPECT_EQ(u8(meth(raw, "decode", {s("raw_unicode_escape")})), "\xc3\xa9\\\\u00e9");
  Value enc = meth(s("\xc3\xa9\n"), "encode", {s("unicode_escape")});
  ASSERT_TRUE(enc);
  EXPECT_EQ(enc.as<Bytes>()->view(), "\\xe9\\n");
}

TEST_F(StrTest, HugeResultsAreMemoryErrors) {
  Value big = int_from_u64(uint64_t(1) << 62);
  EXPECT_EQ(meth(s("ab"), "ljust", {big}), Value());
  EXPECT_EQ(error_text(), "MemoryError: ");
  EXPECT_EQ(binary_op(BinaryOp::kMul, s("ab"), big), Value());
  EXPECT_EQ(error_text(), "OverflowError: repeated string is too long");
  EXPECT_EQ(meth(s("a"), "center", {int_from_u64(uint64_t(1) << 63)}), Value());
  EXPECT_EQ(error_text(), "OverflowError: Python int too large to convert to C ssize_t");
}

TEST_F(StrTest, DeadViewGivesItsExportBack) {
  Value ba = bytearray_new("abc", 3);
  Value view = call1(Value(types::memoryview), ba);
  ASSERT_TRUE(view);
  EXPECT_EQ(ba.as<ByteArray>()->exports, 1);
  EXPECT_EQ(meth(ba, "append", {Value::small('d')}), Value());
  EXPECT_EQ(error_text(), "BufferError: Existing exports of data: object cannot be re-sized");
  EXPECT_TRUE(meth(view, "release"));
  EXPECT_EQ(ba.as<ByteArray>()->exports, 0);
  EXPECT_TRUE(meth(ba, "append", {Value::small('d')}));
  EXPECT_EQ(u8(repr(ba)), "bytearray(b'abcd')");
}

TEST_F(StrTest, SubclassInstances) {
  Type* sub = nullptr;
  {
    Value name = s("S");
    Value bases = tuple_of({Value(types::str)});
    Value ns = dict_new();
    Value args[] = {name, bases, ns};
    Value t = call(Value(types::type), args, 3);
    ASSERT_TRUE(t);
    sub = t.as<Type>();
  }
  Value x = call1(Value(sub), s("h\xc3\xa9llo"));
  ASSERT_TRUE(x);
  EXPECT_EQ(type_of(x), sub);
  EXPECT_EQ(u8(repr(x)), "'h\xc3\xa9llo'");
  EXPECT_EQ(type_of(meth(x, "upper")), types::str);
  EXPECT_TRUE(set_attr(x, intern("tag"), Value::small(5)));
  gc::collect();
  EXPECT_EQ(get_attr(x, intern("tag")), Value::small(5));
  EXPECT_EQ(str_to_utf8(x.as<Str>()), "h\xc3\xa9llo");
  EXPECT_EQ(str_hash(x.as<Str>()), str_hash(s("h\xc3\xa9llo")));
}

}  // namespace
}  // namespace pyrite::python
