// Symbol table tests: scopes of tricky programs and CPython's scoping
// errors with their locations (docs/compiler.md, "Scopes").
#include <gtest/gtest.h>

#include <string>

#include "base/arena.h"
#include "python/compile/symtable.h"
#include "python/parse/parser.h"

namespace pyrite::python::compile {
namespace {

struct Built {
  base::Arena arena;
  SymbolTable table;
  parse::SyntaxError error;
  bool ok = false;
};

std::unique_ptr<Built> build(const std::string& src) {
  auto b = std::make_unique<Built>();
  parse::ParseOptions opt;
  ast::ModNode* mod = parse::parse(src, "<test>", opt, b->arena, &b->error);
  EXPECT_NE(mod, nullptr) << b->error.msg;
  if (!mod) return b;
  b->ok = b->table.build(mod, &b->error);
  return b;
}

// The scope named `path` ("f", "f/g", "C/m") under the module.
Scope* find(Scope* s, const std::string& path) {
  if (path.empty()) return s;
  size_t slash = path.find('/');
  std::string head = path.substr(0, slash);
  for (Scope* c : s->children)
    if (c->name == head) return find(c, slash == std::string::npos ? "" : path.substr(slash + 1));
  return nullptr;
}

NameScope scope_of(Built& b, const std::string& path, const std::string& name) {
  Scope* s = find(b.table.top(), path);
  EXPECT_NE(s, nullptr) << path;
  return s ? s->scope_of(name) : NameScope::kUnknown;
}

std::string error_of(const std::string& src, int* line = nullptr, int* col = nullptr) {
  auto b = build(src);
  if (b->ok) return "";
  if (line) *line = b->error.lineno;
  if (col) *col = b->error.offset;
  return b->error.msg;
}

TEST(Symtable, LocalsGlobalsAndBuiltins) {
  auto b = build("x = 1\ndef f(a):\n    b = a + x\n    return len(b)\n");
  ASSERT_TRUE(b->ok);
  EXPECT_EQ(scope_of(*b, "", "x"), NameScope::kLocal);
  EXPECT_EQ(scope_of(*b, "f", "a"), NameScope::kLocal);
  EXPECT_EQ(scope_of(*b, "f", "b"), NameScope::kLocal);
  EXPECT_EQ(scope_of(*b, "f", "x"), NameScope::kGlobalImplicit);
  EXPECT_EQ(scope_of(*b, "f", "len"), NameScope::kGlobalImplicit);
  EXPECT_EQ(find(b->table.top(), "f")->params.size(), 1u);
}

TEST(Symtable, ClosuresMakeCellsAndFrees) {
  auto b = build(
      "def f():\n"
      "    x = 1\n"
      "    def g():\n"
      "        def h():\n"
      "            return x\n"
      "        return h\n"
      "    return g\n");
  ASSERT_TRUE(b->ok);
  EXPECT_EQ(scope_of(*b, "f", "x"), NameScope::kCell);
  // g does not mention x but carries it to h.
  EXPECT_EQ(scope_of(*b, "f/g", "x"), NameScope::kFree);
  EXPECT_EQ(scope_of(*b, "f/g/h", "x"), NameScope::kFree);
  EXPECT_TRUE(find(b->table.top(), "f/g")->is_nested);
}

TEST(Symtable, NonlocalAndGlobalDeclarations) {
  auto b = build(
      "def f():\n"
      "    n = 0\n"
      "    def inc():\n"
      "        nonlocal n\n"
      "        global g\n"
      "        n += 1\n"
      "        g = n\n"
      "    return inc\n");
  ASSERT_TRUE(b->ok);
  EXPECT_EQ(scope_of(*b, "f", "n"), NameScope::kCell);
  EXPECT_EQ(scope_of(*b, "f/inc", "n"), NameScope::kFree);
  EXPECT_EQ(scope_of(*b, "f/inc", "g"), NameScope::kGlobalExplicit);
}

TEST(Symtable, ClassScopeIsInvisibleToMethods) {
  auto b = build(
      "def outer():\n"
      "    y = 2\n"
      "    class C:\n"
      "        y = 1\n"
      "        z = y\n"
      "        def m(self):\n"
      "            return y\n"
      "    return C\n");
  ASSERT_TRUE(b->ok);
  // m's y is outer's y, not the class attribute.
  EXPECT_EQ(scope_of(*b, "outer/C/m", "y"), NameScope::kFree);
  EXPECT_EQ(scope_of(*b, "outer", "y"), NameScope::kCell);
  Scope* c = find(b->table.top(), "outer/C");
  EXPECT_EQ(c->scope_of("y"), NameScope::kLocal);
  EXPECT_TRUE(c->flags_of("y") & SymFlag::kFreeClass);
}

TEST(Symtable, SuperAndDunderClassNeedTheClassCell) {
  auto b = build(
      "class A(B):\n"
      "    def m(self):\n"
      "        return super().m()\n"
      "class D:\n"
      "    def n(self):\n"
      "        return __class__\n"
      "class E:\n"
      "    def p(self):\n"
      "        return 1\n");
  ASSERT_TRUE(b->ok);
  EXPECT_TRUE(find(b->table.top(), "A")->needs_class_closure);
  EXPECT_EQ(scope_of(*b, "A/m", "__class__"), NameScope::kFree);
  EXPECT_TRUE(find(b->table.top(), "D")->needs_class_closure);
  EXPECT_FALSE(find(b->table.top(), "E")->needs_class_closure);
}

TEST(Symtable, ComprehensionsAreFunctionScopes) {
  auto b = build("def f(xs):\n    return [x * k for x in xs for k in range(x)]\n");
  ASSERT_TRUE(b->ok);
  Scope* comp = find(b->table.top(), "f/listcomp");
  ASSERT_NE(comp, nullptr);
  EXPECT_TRUE(comp->is_comprehension);
  EXPECT_EQ(comp->scope_of(".0"), NameScope::kLocal);
  EXPECT_EQ(comp->scope_of("x"), NameScope::kLocal);
  // The outermost iterable is evaluated in f.
  EXPECT_EQ(scope_of(*b, "f", "xs"), NameScope::kLocal);
  EXPECT_EQ(comp->scope_of("xs"), NameScope::kUnknown);
}

TEST(Symtable, WalrusInComprehensionBindsInTheFunction) {
  auto b = build("def f(xs):\n    if any((y := x) > 2 for x in xs):\n        return y\n");
  ASSERT_TRUE(b->ok);
  EXPECT_EQ(scope_of(*b, "f", "y"), NameScope::kCell);
  EXPECT_EQ(scope_of(*b, "f/genexpr", "y"), NameScope::kFree);
  auto m = build("[(last := x) for x in range(3)]\n");
  ASSERT_TRUE(m->ok);
  EXPECT_EQ(scope_of(*m, "listcomp", "last"), NameScope::kGlobalExplicit);
}

TEST(Symtable, GeneratorAndCoroutineFlags) {
  auto b = build(
      "def g():\n    yield 1\n"
      "async def c():\n    await x\n"
      "async def ag():\n    yield 1\n"
      "async def comp():\n    return [y async for y in z]\n");
  ASSERT_TRUE(b->ok);
  EXPECT_TRUE(find(b->table.top(), "g")->is_generator);
  EXPECT_TRUE(find(b->table.top(), "c")->is_coroutine);
  EXPECT_FALSE(find(b->table.top(), "c")->is_generator);
  EXPECT_TRUE(find(b->table.top(), "ag")->is_generator && find(b->table.top(), "ag")->is_coroutine);
  EXPECT_TRUE(find(b->table.top(), "comp/listcomp")->is_coroutine);
}

TEST(Symtable, NameMangling) {
  auto b = build("class Foo:\n    __x = 1\n    def m(self):\n        return self.__y + __z\n");
  ASSERT_TRUE(b->ok);
  EXPECT_EQ(scope_of(*b, "Foo", "_Foo__x"), NameScope::kLocal);
  EXPECT_EQ(scope_of(*b, "Foo/m", "_Foo__z"), NameScope::kGlobalImplicit);
  std::string storage;
  EXPECT_EQ(mangle("Foo", "__init__", &storage), "__init__");
  EXPECT_EQ(mangle("_Foo", "__x", &storage), "_Foo__x");
  EXPECT_EQ(mangle("___", "__x", &storage), "__x");
}

TEST(Symtable, ScopingErrors) {
  int line = 0, col = 0;
  EXPECT_EQ(error_of("def f(x):\n    global x\n", &line, &col), "name 'x' is parameter and global");
  EXPECT_EQ(line, 2);
  EXPECT_EQ(col, 5);
  EXPECT_EQ(error_of("def f():\n    print(x)\n    global x\n"), "name 'x' is used prior to global declaration");
  EXPECT_EQ(error_of("def f():\n    x = 1\n    global x\n"), "name 'x' is assigned to before global declaration");
  EXPECT_EQ(error_of("def f():\n    x: int\n    global x\n"), "annotated name 'x' can't be global");
  EXPECT_EQ(error_of("def f():\n    def g():\n        x = 1\n        nonlocal x\n"),
            "name 'x' is assigned to before nonlocal declaration");
  EXPECT_EQ(error_of("def f(x):\n    nonlocal x\n"), "name 'x' is parameter and nonlocal");
  EXPECT_EQ(error_of("nonlocal x\n", &line), "nonlocal declaration not allowed at module level");
  EXPECT_EQ(line, 1);
  EXPECT_EQ(error_of("def f():\n    nonlocal x\n", &line), "no binding for nonlocal 'x' found");
  EXPECT_EQ(line, 2);
  EXPECT_EQ(error_of("def f():\n    global x\n    nonlocal x\n"), "name 'x' is nonlocal and global");
  EXPECT_EQ(error_of("def f(a, a): pass\n", &line, &col), "duplicate argument 'a' in function definition");
  EXPECT_EQ(col, 10);
  EXPECT_EQ(error_of("lambda a, *a: 0\n"), "duplicate argument 'a' in function definition");
  EXPECT_EQ(error_of("[(yield x) for x in y]\n"), "'yield' inside list comprehension");
  EXPECT_EQ(error_of("def f():\n    {x: (yield) for x in y}\n"), "'yield' inside dict comprehension");
  EXPECT_EQ(error_of("def f():\n    ((yield) for x in y)\n"), "'yield' inside generator expression");
  EXPECT_EQ(error_of("[x := 0 for x in y]\n"),
            "assignment expression cannot rebind comprehension iteration variable 'x'");
  EXPECT_EQ(error_of("class C:\n    [y := 0 for x in z]\n"),
            "assignment expression within a comprehension cannot be used in a class body");
  EXPECT_EQ(error_of("[x for x in (y := z)]\n"),
            "assignment expression cannot be used in a comprehension iterable expression");
  EXPECT_EQ(error_of("def f():\n    from m import *\n"), "import * only allowed at module level");
}

}  // namespace
}  // namespace pyrite::python::compile
