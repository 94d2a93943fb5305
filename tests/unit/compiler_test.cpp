// Bytecode compiler tests: constant folding, stack depth, exception
// tables, line numbers, jump rules for the JIT, and CPython's compile-time
// errors (docs/compiler.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "base/arena.h"
#include "python/compile/compiler.h"
#include "python/compile/disassembler.h"
#include "python/parse/parser.h"

namespace pyrite::python::compile {
namespace {

struct Compiled {
  base::Arena arena;
  parse::SyntaxError error;
  std::unique_ptr<CodeUnit> code;
};

std::unique_ptr<Compiled> compile_src(const std::string& src, int optimize = 0) {
  auto c = std::make_unique<Compiled>();
  parse::ParseOptions opt;
  ast::ModNode* mod = parse::parse(src, "<test>", opt, c->arena, &c->error);
  EXPECT_NE(mod, nullptr) << c->error.msg;
  if (!mod) return c;
  CompileOptions co;
  co.source = src;
  co.optimize = optimize;
  c->code = compile_module(mod, "<test>", c->arena, &c->error, co);
  return c;
}

std::string error_of(const std::string& src, int* line = nullptr, int* col = nullptr) {
  auto c = compile_src(src);
  if (c->code) return "";
  if (line) *line = c->error.lineno;
  if (col) *col = c->error.offset;
  return c->error.msg;
}

struct Ins {
  uint32_t offset;
  Opcode op;
  uint32_t arg;
};

std::vector<Ins> instructions(const CodeUnit& code) {
  std::vector<Ins> out;
  for (uint32_t pc = 0; pc < code.code.size(); pc += 1 + opcode_cache_units(unit_op(code.code[pc])))
    out.push_back({pc, unit_op(code.code[pc]), unit_arg(code.code[pc])});
  return out;
}

// "LOAD_CONST 1024" style listing of one code unit, constants resolved.
std::string listing(const CodeUnit& code) {
  std::string s;
  for (const Ins& i : instructions(code)) {
    s += opcode_name(i.op);
    if (i.op == Opcode::LOAD_CONST) s += " " + constant_repr(code.constants[i.arg]);
    s += "\n";
  }
  return s;
}

const CodeUnit* nested(const CodeUnit& code, const std::string& name) {
  for (const Constant& c : code.constants)
    if (c.kind == Constant::Kind::kCode && c.code->name == name) return c.code.get();
  return nullptr;
}

void for_each_unit(const CodeUnit& code, const std::function<void(const CodeUnit&)>& f) {
  f(code);
  for (const Constant& c : code.constants)
    if (c.kind == Constant::Kind::kCode) for_each_unit(*c.code, f);
}

bool has_const(const CodeUnit& code, const std::string& repr) {
  for (const Constant& c : code.constants)
    if (constant_repr(c) == repr) return true;
  return false;
}

// ---- constant folding ---------------------------------------------------------------

TEST(ConstantFolding, FoldsLiteralArithmetic) {
  auto c = compile_src("x = 2**10\ny = -1\nz = (1, 2)\nw = 'a' * 3\nv = 1 << 100\nu = 7 // -2\nt = 7.5 % 2\n");
  ASSERT_TRUE(c->code);
  for (const char* r : {"1024", "-1", "(1, 2)", "'aaa'", "1267650600228229401496703205376", "-4", "1.5"})
    EXPECT_TRUE(has_const(*c->code, r)) << r;
  EXPECT_EQ(listing(*c->code).find("BINARY_OP"), std::string::npos);
}

TEST(ConstantFolding, RespectsCPythonSizeLimits) {
  auto c = compile_src("a = 2 ** 1000\nb = 'x' * 5000\nc = (1,) * 300\nd = 1 / 0\ne = 1 << -1\nf = '%s' % 1\n");
  ASSERT_TRUE(c->code);
  std::string l = listing(*c->code);
  size_t n = 0;
  for (size_t pos = 0; (pos = l.find("BINARY_OP", pos)) != std::string::npos; pos++) n++;
  EXPECT_EQ(n, 6u) << l;
}

TEST(ConstantFolding, MembershipAndIterationUseConstantTuples) {
  auto c = compile_src("if x in [1, 2, 3]: pass\nfor i in [4, 5]: pass\nif y in {6, 7}: pass\n");
  ASSERT_TRUE(c->code);
  EXPECT_TRUE(has_const(*c->code, "(1, 2, 3)"));
  EXPECT_TRUE(has_const(*c->code, "(4, 5)"));
  EXPECT_EQ(listing(*c->code).find("BUILD_LIST"), std::string::npos);
}

TEST(ConstantFolding, PercentFormatBecomesAnFString) {
  auto c = compile_src("x = 'a%sb%-5rc%.3a%%' % (1, y, z)\ny = '%d' % (1,)\nz = '%s %s' % (a,)\n");
  ASSERT_TRUE(c->code);
  std::string l = listing(*c->code);
  EXPECT_NE(l.find("BUILD_STRING"), std::string::npos) << l;
  EXPECT_TRUE(has_const(*c->code, "'5'"));   // the width of %-5r
  EXPECT_TRUE(has_const(*c->code, "'.3'"));  // the precision of %.3a
  EXPECT_TRUE(has_const(*c->code, "'%'"));   // %% is a literal %
  size_t mods = 0;
  for (size_t pos = 0; (pos = l.find("BINARY_OP", pos)) != std::string::npos; pos++) mods++;
  EXPECT_EQ(mods, 2u);  // %d and the arity mismatch stay at run time
}

TEST(ConstantFolding, ComplexAndFloatResults) {
  auto c = compile_src("a = 1 + 2j\nb = -(3 - 4j)\nc = 1e300 * 1e300\nd = 2 ** -1\n");
  ASSERT_TRUE(c->code);
  for (const char* r : {"(1+2j)", "(-3+4j)", "inf", "0.5"}) EXPECT_TRUE(has_const(*c->code, r)) << r;
}

TEST(ConstantFolding, DebugIsAConstant) {
  auto c = compile_src("if __debug__: x = 1\nassert x\n", 1);
  ASSERT_TRUE(c->code);
  std::string l = listing(*c->code);
  EXPECT_EQ(l.find("LOAD_ASSERTION_ERROR"), std::string::npos);
  EXPECT_EQ(l.find("STORE_NAME"), std::string::npos);  // the if body is dead
}

// ---- stack depth ------------------------------------------------------------------------

TEST(StackDepth, CallsAndNestedExpressions) {
  auto c = compile_src("f(a, b, c)\n");
  ASSERT_TRUE(c->code);
  EXPECT_EQ(c->code->stack_size, 5);  // NULL, f, a, b, c
  auto d = compile_src("x = a + (b * (c - (d / e)))\n");
  EXPECT_EQ(d->code->stack_size, 5);
  auto e = compile_src("def f():\n    for x in y:\n        for z in x:\n            pass\n");
  EXPECT_EQ(nested(*e->code, "f")->stack_size, 3);  // two iterators and the item
}

TEST(StackDepth, HandlersCountPushedException) {
  auto c = compile_src("try:\n    f()\nexcept E as e:\n    g(e)\n");
  ASSERT_TRUE(c->code);
  // The previous exception, then NULL, g, e in the handler body.
  EXPECT_EQ(c->code->stack_size, 4);
}

// ---- exception tables ---------------------------------------------------------------------

TEST(ExceptionTable, TryExceptHasBodyHandlerAndCleanup) {
  auto c = compile_src("try:\n    f()\nexcept E:\n    g()\n");
  ASSERT_TRUE(c->code);
  const auto& t = c->code->exception_table;
  ASSERT_GE(t.size(), 2u) << disassemble(*c->code);
  // The body unwinds to depth 0 without lasti; the handler's cleanup keeps
  // the previous exception (depth 1) and records lasti.
  EXPECT_EQ(t[0].depth, 0u);
  EXPECT_FALSE(t[0].lasti);
  EXPECT_EQ(t[1].depth, 1u);
  EXPECT_TRUE(t[1].lasti);
  EXPECT_EQ(unit_op(c->code->code[t[0].target]), Opcode::PUSH_EXC_INFO);
  EXPECT_EQ(unit_op(c->code->code[t[1].target]), Opcode::COPY);
  for (const ExceptionEntry& e : t) EXPECT_LT(e.start, e.end);
}

TEST(ExceptionTable, WithKeepsExitOnTheStack) {
  auto c = compile_src("def f():\n    with m() as x:\n        g(x)\n");
  ASSERT_TRUE(c->code);
  const CodeUnit* f = nested(*c->code, "f");
  ASSERT_TRUE(f);
  ASSERT_FALSE(f->exception_table.empty());
  const ExceptionEntry& body = f->exception_table[0];
  EXPECT_EQ(body.depth, 1u);  // __exit__ stays below
  EXPECT_TRUE(body.lasti);
  EXPECT_EQ(unit_op(f->code[body.target]), Opcode::PUSH_EXC_INFO);
}

TEST(ExceptionTable, EntriesAreSortedAndDisjoint) {
  auto c = compile_src(
      "def f():\n"
      "    try:\n"
      "        with a:\n"
      "            for x in y:\n"
      "                try:\n"
      "                    return g(x)\n"
      "                finally:\n"
      "                    h()\n"
      "    except* E as e:\n"
      "        pass\n"
      "    finally:\n"
      "        k()\n");
  ASSERT_TRUE(c->code) << c->error.msg;
  for_each_unit(*c->code, [](const CodeUnit& u) {
    for (size_t i = 1; i < u.exception_table.size(); i++)
      EXPECT_LE(u.exception_table[i - 1].end, u.exception_table[i].start);
  });
}

// ---- line numbers ---------------------------------------------------------------------------

TEST(LineNumbers, InstructionsCarryTheirStatementLine) {
  auto c = compile_src("a = 1\n\nb = 2\nif a:\n    c = 3\n");
  ASSERT_TRUE(c->code);
  std::vector<int> store_lines;
  for (const Ins& i : instructions(*c->code))
    if (i.op == Opcode::STORE_NAME) store_lines.push_back(c->code->line_at(i.offset));
  EXPECT_EQ(store_lines, (std::vector<int>{1, 3, 5}));
  auto f = compile_src("def f(x):\n    return (x +\n            1)\n");
  const CodeUnit* fn = nested(*f->code, "f");
  for (const Ins& i : instructions(*fn))
    if (i.op == Opcode::BINARY_OP) {
      const LocationEntry* loc = fn->location_at(i.offset);
      EXPECT_EQ(loc->line, 2);
      EXPECT_EQ(loc->end_line, 3);
    }
  EXPECT_EQ(fn->first_line, 1);
}

TEST(LineNumbers, DecoratedFunctionStartsAtTheDecorator) {
  auto c = compile_src("@dec\ndef f():\n    pass\n");
  EXPECT_EQ(nested(*c->code, "f")->first_line, 1);
}

// ---- structure -----------------------------------------------------------------------------------

TEST(Structure, BackEdgesAreJumpBackwardAndConditionalJumpsGoForward) {
  auto c = compile_src(
      "def f(n):\n"
      "    while n:\n"
      "        if n % 2: continue\n"
      "        n -= 1\n"
      "    return [i for i in range(n) if i if not i]\n"
      "async def g(it):\n"
      "    async for x in it:\n"
      "        await x\n");
  ASSERT_TRUE(c->code);
  int back_edges = 0;
  for_each_unit(*c->code, [&](const CodeUnit& u) {
    for (const Ins& i : instructions(u)) {
      if (!is_jump(i.op)) continue;
      if (i.arg <= i.offset) {
        EXPECT_TRUE(i.op == Opcode::JUMP_BACKWARD || i.op == Opcode::JUMP_BACKWARD_NO_INTERRUPT)
            << opcode_name(i.op) << " in " << u.qualname;
        back_edges += i.op == Opcode::JUMP_BACKWARD;
      }
    }
  });
  EXPECT_GE(back_edges, 4);  // while, continue, the comprehension, async for
}

TEST(Structure, CodeUnitsHaveCPythonNamesFlagsAndSlots) {
  auto c = compile_src(
      "class C:\n"
      "    def m(self, *a, k, **kw):\n"
      "        def inner():\n"
      "            return self\n"
      "        return inner\n"
      "    def gen(self):\n"
      "        yield super()\n");
  ASSERT_TRUE(c->code);
  const CodeUnit* cls = nested(*c->code, "C");
  ASSERT_TRUE(cls);
  EXPECT_EQ(cls->cellvars, (std::vector<std::string>{"__class__"}));
  const CodeUnit* m = nested(*cls, "m");
  EXPECT_EQ(m->qualname, "C.m");
  EXPECT_EQ(m->argcount, 1);
  EXPECT_EQ(m->kwonlyargcount, 1);
  EXPECT_EQ(m->flags & (CodeFlag::kVarargs | CodeFlag::kVarkeywords | CodeFlag::kOptimized),
            CodeFlag::kVarargs | CodeFlag::kVarkeywords | CodeFlag::kOptimized);
  EXPECT_EQ(m->cellvars, (std::vector<std::string>{"self"}));
  const CodeUnit* inner = nested(*m, "inner");
  EXPECT_EQ(inner->qualname, "C.m.<locals>.inner");
  EXPECT_EQ(inner->freevars, (std::vector<std::string>{"self"}));
  EXPECT_TRUE(inner->flags & CodeFlag::kNested);
  const CodeUnit* gen = nested(*cls, "gen");
  EXPECT_TRUE(gen->flags & CodeFlag::kGenerator);
  EXPECT_EQ(gen->freevars, (std::vector<std::string>{"__class__"}));
  EXPECT_EQ(unit_op(gen->code[0]), Opcode::COPY_FREE_VARS);
  // A parameter cell shares the parameter's slot.
  EXPECT_EQ(m->nlocalsplus(), static_cast<int>(m->varnames.size()));
}

TEST(Structure, MatchStatementCompilesEveryPatternKind) {
  auto c = compile_src(
      "match x:\n"
      "    case 1 | 2: pass\n"
      "    case None: pass\n"
      "    case [a, *rest, b]: pass\n"
      "    case {'k': v, **kw}: pass\n"
      "    case Point(1, y=yy) as p if yy: pass\n"
      "    case str() | bytes(): pass\n"
      "    case _: pass\n");
  ASSERT_TRUE(c->code) << c->error.msg;
  std::string l = listing(*c->code);
  for (const char* op : {"MATCH_SEQUENCE", "MATCH_MAPPING", "MATCH_KEYS", "MATCH_CLASS", "UNPACK_EX",
                         "COPY_DICT_WITHOUT_KEYS", "GET_LEN"})
    EXPECT_NE(l.find(op), std::string::npos) << op;
}

TEST(Structure, FutureAnnotationsAreStrings) {
  const char* body = "def f(x: list[int], *a: 'T', k: A | None = None) -> dict[str, int]: pass\n";
  auto check = [](const CodeUnit& code) {
    EXPECT_TRUE(code.flags & CodeFlag::kFutureAnnotations);
    EXPECT_TRUE(has_const(code, "('x', 'list[int]', 'a', \"'T'\", 'k', 'A | None', 'return', 'dict[str, int]')"))
        << disassemble(code);
  };
  auto c = compile_src(std::string("from __future__ import annotations\n") + body);
  ASSERT_TRUE(c->code) << c->error.msg;
  check(*c->code);
  // The same when exec() inherits the flag from its caller.
  base::Arena arena;
  parse::SyntaxError error;
  ast::ModNode* mod = parse::parse(body, "<test>", parse::ParseOptions{}, arena, &error);
  ASSERT_NE(mod, nullptr);
  CompileOptions co;
  co.inherited_flags = CodeFlag::kFutureAnnotations;
  auto code = compile_module(mod, "<test>", arena, &error, co);
  ASSERT_TRUE(code);
  check(*code);
}

TEST(Structure, EvalAndSingleModes) {
  for (auto mode : {parse::Mode::kEval, parse::Mode::kSingle}) {
    base::Arena arena;
    parse::SyntaxError error;
    parse::ParseOptions opt;
    opt.mode = mode;
    ast::ModNode* mod = parse::parse("a + 1\n", "<test>", opt, arena, &error);
    ASSERT_NE(mod, nullptr) << error.msg;
    auto code = compile_module(mod, "<test>", arena, &error);
    ASSERT_TRUE(code);
    std::string l = listing(*code);
    if (mode == parse::Mode::kEval) {
      EXPECT_EQ(l, "RESUME\nLOAD_NAME\nLOAD_CONST 1\nBINARY_OP\nRETURN_VALUE\n");
    } else {
      EXPECT_NE(l.find("PRINT_EXPR"), std::string::npos) << l;
    }
  }
}

TEST(Disassembler, ReadsLikeDis) {
  auto c = compile_src("def f(x):\n    for i in x:\n        try:\n            g(i)\n        except E:\n            pass\n");
  ASSERT_TRUE(c->code);
  std::string d = disassemble(*c->code);
  EXPECT_NE(d.find("Disassembly of <code object f, file \"<test>\", line 1>:"), std::string::npos) << d;
  EXPECT_NE(d.find(">>"), std::string::npos);
  EXPECT_NE(d.find("ExceptionTable:"), std::string::npos);
  EXPECT_NE(d.find("LOAD_GLOBAL              1 (NULL + g)"), std::string::npos) << d;
  EXPECT_NE(d.find("(to "), std::string::npos);
}

// ---- errors ------------------------------------------------------------------------------------------

TEST(CompileErrors, CPythonMessagesAndLocations) {
  struct Case {
    const char* src;
    const char* msg;
    int line, col;
  };
  const Case cases[] = {
      {"return 1", "'return' outside function", 1, 1},
      {"break", "'break' outside loop", 1, 1},
      {"def f():\n    continue", "'continue' not properly in loop", 2, 5},
      {"yield 1", "'yield' outside function", 1, 1},
      {"await x", "'await' outside function", 1, 1},
      {"def f():\n    await x", "'await' outside async function", 2, 5},
      {"async def f():\n    yield 1\n    return 2", "'return' with value in async generator", 3, 5},
      {"async def f():\n  yield from x", "'yield from' inside async function", 2, 3},
      {"x = [*a, *b] = 1", "multiple starred expressions in assignment", 1, 5},
      {"*a, *b = c", "multiple starred expressions in assignment", 1, 1},
      {"*a = 1", "starred assignment target must be in a list or tuple", 1, 1},
      {"*a", "can't use starred expression here", 1, 1},
      {"f(x=1, x=2)", "keyword argument repeated: x", 1, 8},
      {"match x:\n case y: pass\n case 1: pass", "name capture 'y' makes remaining patterns unreachable", 2, 7},
      {"match x:\n case _: pass\n case 1: pass", "wildcard makes remaining patterns unreachable", 2, 7},
      {"match x:\n case {1: a, 1: b}: pass", "mapping pattern checks duplicate key (1)", 2, 7},
      {"match x:\n case [a, a]: pass", "multiple assignments to name 'a' in pattern", 2, 11},
      {"match x:\n case 1 | a: pass", "alternative patterns bind different names", 2, 11},
      {"match x:\n case C(a=1, a=2): pass", "attribute name repeated in class pattern: a", 2, 16},
      {"__debug__ = 1", "cannot assign to __debug__", 1, 1},
      {"del __debug__", "cannot delete __debug__", 1, 5},
      {"def f():\n [x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 2, 2},
      {"try:\n pass\nexcept* E:\n break", "'break', 'continue' and 'return' cannot appear in an except* block", 4, 2},
      {"def f():\n  try:\n   pass\n  except* E:\n   return 1",
       "'break', 'continue' and 'return' cannot appear in an except* block", 5, 11},
      {"x = 1\nfrom __future__ import division", "from __future__ imports must occur at the beginning of the file", 2, 1},
      {"from __future__ import rjust", "future feature rjust is not defined", 1, 1},
      {"import os; from __future__ import division", "from __future__ imports must occur at the beginning of the file", 1, 11},
      {"import os\nif 1:\n    from __future__ import division",
       "from __future__ imports must occur at the beginning of the file", 3, 5},
  };
  for (const Case& k : cases) {
    int line = 0, col = 0;
    EXPECT_EQ(error_of(k.src, &line, &col), k.msg) << k.src;
    EXPECT_EQ(line, k.line) << k.src;
    EXPECT_EQ(col, k.col) << k.src;
  }
}

TEST(CompileErrors, TooManyStaticallyNestedBlocks) {
  std::string src;
  for (int i = 0; i < 21; i++) src += std::string(i, ' ') + "while x:\n";
  src += std::string(21, ' ') + "pass\n";
  EXPECT_EQ(error_of(src), "too many statically nested blocks");
  std::string ok;
  for (int i = 0; i < 20; i++) ok += std::string(i, ' ') + "while x:\n";
  ok += std::string(20, ' ') + "pass\n";
  EXPECT_EQ(error_of(ok), "");
}

TEST(CompileErrors, DeepExpressionsRaiseRecursionErrorNotACrash) {
  std::string src = "x = a";
  for (int i = 0; i < 50000; i++) src += "+a";
  auto c = compile_src(src + "\n");
  EXPECT_FALSE(c->code);
  EXPECT_EQ(c->error.type, "RecursionError");
  EXPECT_EQ(c->error.msg, "maximum recursion depth exceeded during compilation");
  std::string ok = "x = a";
  for (int i = 0; i < 1000; i++) ok += "+a";
  EXPECT_EQ(error_of(ok + "\n"), "");
}

TEST(CompileErrors, ValidProgramsCompile) {
  EXPECT_EQ(error_of("a, *b, c = d\n"), "");
  EXPECT_EQ(error_of("def f():\n  for x in y:\n   try: pass\n   finally:\n    continue\n"), "");
  EXPECT_EQ(error_of("async def f():\n    return [x async for x in y]\n"), "");
}

}  // namespace
}  // namespace pyrite::python::compile

namespace pyrite::python::compile {
namespace {

// Every stdlib file that parses compiles, and the bytecode keeps the rules
// the interpreter and the JIT rely on (the assembler's own checks run too).
TEST(CompileStdlib, EveryParsedFileCompilesAndKeepsTheJumpRules) {
  namespace fs = std::filesystem;
  const fs::path root = "/usr/lib/python3.11";
  if (!fs::exists(root)) GTEST_SKIP() << "no CPython stdlib here";
  int compiled = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    std::string path = entry.path().string();
    std::ifstream in(path, std::ios::binary);
    std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    base::Arena arena;
    parse::SyntaxError error;
    parse::ParseOptions opt;
    ast::ModNode* mod = parse::parse(src, path, opt, arena, &error);
    if (!mod) continue;  // the parser's tests cover these
    CompileOptions co;
    co.source = src;
    auto code = compile_module(mod, path, arena, &error, co);
    if (!code) {
      // Only the files CPython's test suite keeps to be rejected.
      EXPECT_NE(path.find("badsyntax"), std::string::npos) << path << ": " << error.msg;
      continue;
    }
    compiled++;
    for_each_unit(*code, [&](const CodeUnit& u) {
      for (const Ins& i : instructions(u)) {
        if (is_jump(i.op) && i.arg <= i.offset) {
          EXPECT_TRUE(i.op == Opcode::JUMP_BACKWARD || i.op == Opcode::JUMP_BACKWARD_NO_INTERRUPT) << path;
        }
        EXPECT_FALSE(opcode_flags(i.op) & OpFlag::kPseudo) << path;
      }
      for (size_t k = 1; k < u.exception_table.size(); k++)
        EXPECT_LE(u.exception_table[k - 1].end, u.exception_table[k].start) << path;
      EXPECT_LE(u.stack_size, 1000) << path;
    });
  }
  EXPECT_GT(compiled, 1000);
}

}  // namespace
}  // namespace pyrite::python::compile
