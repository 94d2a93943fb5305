// Parser tests (docs/frontend.md): ASTs with every position, and syntax
// errors with CPython 3.11's type, message and location. The expected
// strings are what /usr/bin/python3.11 gives for the same bytes:
// ast.dump(ast.parse(src), include_attributes=True), and for errors
// "Type: msg (lineno,offset)-(end_lineno,end_offset)".
#include "python/parse/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace pyrite::python::parse {
namespace {

struct Case {
  const char* source;
  const char* expected;
};

std::string parse_to_string(std::string_view src, Mode mode = Mode::kFile) {
  base::Arena arena;
  SyntaxError error;
  ParseOptions options;
  options.mode = mode;
  ast::ModNode* m = parse(src, "<test>", options, arena, &error);
  if (m) return ast::dump(m, true);
  return error.type + ": " + error.msg + " (" + std::to_string(error.lineno) + "," + std::to_string(error.offset) +
         ")-(" + std::to_string(error.end_lineno) + "," + std::to_string(error.end_offset) + ")";
}

const Case kValid[] = {
    {R"PY(x = 1)PY",
     R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[]))PY"},
    {R"PY(a, *b = c)PY",
     R"PY(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Starred(value=Name(id='b', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), ctx=Store(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=5)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], value=Name(id='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[]))PY"},
    {R"PY(x.y[z] = (p, [q, *r]) = 1)PY",
     R"PY(Module(body=[Assign(targets=[Subscript(value=Attribute(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), attr='y', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3), slice=Name(id='z', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=6), Tuple(elts=[Name(id='p', ctx=Store(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), List(elts=[Name(id='q', ctx=Store(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), Starred(value=Name(id='r', ctx=Store(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), ctx=Store(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=19)], ctx=Store(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=20)], ctx=Store(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=21)], value=Constant(value=1, lineno=1, col_offset=24, end_lineno=1, end_col_offset=25), lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)], type_ignores=[]))PY"},
    {R"PY(del a, (b.c), [d[0]])PY",
     R"PY(Module(body=[Delete(targets=[Name(id='a', ctx=Del(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Attribute(value=Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), attr='c', ctx=Del(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=11), List(elts=[Subscript(value=Name(id='d', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), slice=Constant(value=0, lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), ctx=Del(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=19)], ctx=Del(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=20)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20)], type_ignores=[]))PY"},
    {R"PY(x: int = 1)PY",
     R"PY(Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=6), value=Constant(value=1, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), simple=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], type_ignores=[]))PY"},
    {R"PY((x): int)PY",
     R"PY(Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=8), simple=0, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[]))PY"},
    {R"PY(a.b += 1)PY",
     R"PY(Module(body=[AugAssign(target=Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), attr='b', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3), op=Add(), value=Constant(value=1, lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[]))PY"},
    {R"PY(f(a, *b, c=1, **d))PY",
     R"PY(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=7)], keywords=[keyword(arg='c', value=Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), keyword(value=Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[]))PY"},
    {R"PY(f(x for x in y))PY",
     R"PY(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))PY"},
    {R"PY([x async for x in y if x if y for z in w])PY",
     R"PY(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), ifs=[Name(id='x', ctx=Load(), lineno=1, col_offset=23, end_lineno=1, end_col_offset=24), Name(id='y', ctx=Load(), lineno=1, col_offset=28, end_lineno=1, end_col_offset=29)], is_async=1), comprehension(target=Name(id='z', ctx=Store(), lineno=1, col_offset=34, end_lineno=1, end_col_offset=35), iter=Name(id='w', ctx=Load(), lineno=1, col_offset=39, end_lineno=1, end_col_offset=40), ifs=[], is_async=0)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=41), lineno=1, col_offset=0, end_lineno=1, end_col_offset=41)], type_ignores=[]))PY"},
    {R"PY({k: v for k, v in d})PY",
     R"PY(Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), value=Name(id='v', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), Name(id='v', ctx=Store(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], ctx=Store(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=14), iter=Name(id='d', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), ifs=[], is_async=0)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), lineno=1, col_offset=0, end_lineno=1, end_col_offset=20)], type_ignores=[]))PY"},
    {R"PY(lambda a, /, b=1, *c, d, **e: 0)PY",
     R"PY(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_offset=7, end_lineno=1, end_col_offset=8)], args=[arg(arg='b', lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], vararg=arg(arg='c', lineno=1, col_offset=19, end_lineno=1, end_col_offset=20), kwonlyargs=[arg(arg='d', lineno=1, col_offset=22, end_lineno=1, end_col_offset=23)], kw_defaults=[None], kwarg=arg(arg='e', lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), defaults=[Constant(value=1, lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)]), body=Constant(value=0, lineno=1, col_offset=30, end_lineno=1, end_col_offset=31), lineno=1, col_offset=0, end_lineno=1, end_col_offset=31), lineno=1, col_offset=0, end_lineno=1, end_col_offset=31)], type_ignores=[]))PY"},
    {R"PY(def f(a, b=1, /, c=2, *, d, e=3, **g) -> r: pass)PY",
     R"PY(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), arg(arg='b', lineno=1, col_offset=9, end_lineno=1, end_col_offset=10)], args=[arg(arg='c', lineno=1, col_offset=17, end_lineno=1, end_col_offset=18)], kwonlyargs=[arg(arg='d', lineno=1, col_offset=25, end_lineno=1, end_col_offset=26), arg(arg='e', lineno=1, col_offset=28, end_lineno=1, end_col_offset=29)], kw_defaults=[None, Constant(value=3, lineno=1, col_offset=30, end_lineno=1, end_col_offset=31)], kwarg=arg(arg='g', lineno=1, col_offset=35, end_lineno=1, end_col_offset=36), defaults=[Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), Constant(value=2, lineno=1, col_offset=19, end_lineno=1, end_col_offset=20)]), body=[Pass(lineno=1, col_offset=44, end_lineno=1, end_col_offset=48)], decorator_list=[], returns=Name(id='r', ctx=Load(), lineno=1, col_offset=41, end_lineno=1, end_col_offset=42), lineno=1, col_offset=0, end_lineno=1, end_col_offset=48)], type_ignores=[]))PY"},
    {R"PY(@d1
@d2(x)
async def f(): await x)PY",
     R"PY(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load(), lineno=3, col_offset=21, end_lineno=3, end_col_offset=22), lineno=3, col_offset=15, end_lineno=3, end_col_offset=22), lineno=3, col_offset=15, end_lineno=3, end_col_offset=22)], decorator_list=[Name(id='d1', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=3), Call(func=Name(id='d2', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=3), args=[Name(id='x', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], keywords=[], lineno=2, col_offset=1, end_lineno=2, end_col_offset=6)], lineno=3, col_offset=0, end_lineno=3, end_col_offset=22)], type_ignores=[]))PY"},
    {R"PY(class A(B, metaclass=M):
  x = 1)PY",
     R"PY(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), lineno=1, col_offset=11, end_lineno=1, end_col_offset=22)], body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=2, col_offset=2, end_lineno=2, end_col_offset=3)], value=Constant(value=1, lineno=2, col_offset=6, end_lineno=2, end_col_offset=7), lineno=2, col_offset=2, end_lineno=2, end_col_offset=7)], decorator_list=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=7)], type_ignores=[]))PY"},
    {R"PY(x[1:2, ::3, *a])PY",
     R"PY(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10), Starred(value=Name(id='a', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=14)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=14), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))PY"},
    {R"PY(a if b else c if d else e)PY",
     R"PY(Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), body=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), orelse=IfExp(test=Name(id='d', ctx=Load(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), body=Name(id='c', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), orelse=Name(id='e', ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=25), lineno=1, col_offset=12, end_lineno=1, end_col_offset=25), lineno=1, col_offset=0, end_lineno=1, end_col_offset=25), lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)], type_ignores=[]))PY"},
    {R"PY(not a < b <= c is not d not in e)PY",
     R"PY(Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), ops=[Lt(), LtE(), IsNot(), NotIn()], comparators=[Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), Name(id='c', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), Name(id='d', ctx=Load(), lineno=1, col_offset=22, end_lineno=1, end_col_offset=23), Name(id='e', ctx=Load(), lineno=1, col_offset=31, end_lineno=1, end_col_offset=32)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=32), lineno=1, col_offset=0, end_lineno=1, end_col_offset=32), lineno=1, col_offset=0, end_lineno=1, end_col_offset=32)], type_ignores=[]))PY"},
    {R"PY(-x ** -y)PY",
     R"PY(Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='y', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), lineno=1, col_offset=6, end_lineno=1, end_col_offset=8), lineno=1, col_offset=1, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[]))PY"},
    {R"PY((yield))PY",
     R"PY(Module(body=[Expr(value=Yield(lineno=1, col_offset=1, end_lineno=1, end_col_offset=6), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], type_ignores=[]))PY"},
    {R"PY(x = yield from y)PY",
     R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=YieldFrom(value=Name(id='y', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), lineno=1, col_offset=4, end_lineno=1, end_col_offset=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[]))PY"},
    {R"PY(with (a as b, c):
  pass)PY",
     R"PY(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), optional_vars=Name(id='b', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)), withitem(context_expr=Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15))], body=[Pass(lineno=2, col_offset=2, end_lineno=2, end_col_offset=6)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=6)], type_ignores=[]))PY"},
    {R"PY(try:
  pass
except* E as e:
  pass)PY",
     R"PY(Module(body=[TryStar(body=[Pass(lineno=2, col_offset=2, end_lineno=2, end_col_offset=6)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), name='e', body=[Pass(lineno=4, col_offset=2, end_lineno=4, end_col_offset=6)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=6)], orelse=[], finalbody=[], lineno=1, col_offset=0, end_lineno=4, end_col_offset=6)], type_ignores=[]))PY"},
    {R"PY(import a.b as c, d
from ..e import (f as g, h,))PY",
     R"PY(Module(body=[Import(names=[alias(name='a.b', asname='c', lineno=1, col_offset=7, end_lineno=1, end_col_offset=15), alias(name='d', lineno=1, col_offset=17, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), ImportFrom(module='e', names=[alias(name='f', asname='g', lineno=2, col_offset=17, end_lineno=2, end_col_offset=23), alias(name='h', lineno=2, col_offset=25, end_lineno=2, end_col_offset=26)], level=2, lineno=2, col_offset=0, end_lineno=2, end_col_offset=28)], type_ignores=[]))PY"},
    {R"PY(match x:
  case [1, *r] | {"k": 2, **kw} | C(a, b=c) | -1+2j | None | a.b as z if z:
    pass)PY",
     R"PY(Module(body=[Match(subject=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), MatchStar(name='r', lineno=2, col_offset=11, end_lineno=2, end_col_offset=13)], lineno=2, col_offset=7, end_lineno=2, end_col_offset=14), MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=18, end_lineno=2, end_col_offset=21)], patterns=[MatchValue(value=Constant(value=2, lineno=2, col_offset=23, end_lineno=2, end_col_offset=24), lineno=2, col_offset=23, end_lineno=2, end_col_offset=24)], rest='kw', lineno=2, col_offset=17, end_lineno=2, end_col_offset=31), MatchClass(cls=Name(id='C', ctx=Load(), lineno=2, col_offset=34, end_lineno=2, end_col_offset=35), patterns=[MatchAs(name='a', lineno=2, col_offset=36, end_lineno=2, end_col_offset=37)], kwd_attrs=['b'], kwd_patterns=[MatchAs(name='c', lineno=2, col_offset=41, end_lineno=2, end_col_offset=42)], lineno=2, col_offset=34, end_lineno=2, end_col_offset=43), MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1, lineno=2, col_offset=47, end_lineno=2, end_col_offset=48), lineno=2, col_offset=46, end_lineno=2, end_col_offset=48), op=Add(), right=Constant(value=2j, lineno=2, col_offset=49, end_lineno=2, end_col_offset=51), lineno=2, col_offset=46, end_lineno=2, end_col_offset=51), lineno=2, col_offset=46, end_lineno=2, end_col_offset=51), MatchSingleton(value=None, lineno=2, col_offset=54, end_lineno=2, end_col_offset=58), MatchValue(value=Attribute(value=Name(id='a', ctx=Load(), lineno=2, col_offset=61, end_lineno=2, end_col_offset=62), attr='b', ctx=Load(), lineno=2, col_offset=61, end_lineno=2, end_col_offset=64), lineno=2, col_offset=61, end_lineno=2, end_col_offset=64)], lineno=2, col_offset=7, end_lineno=2, end_col_offset=64), name='z', lineno=2, col_offset=7, end_lineno=2, end_col_offset=69), guard=Name(id='z', ctx=Load(), lineno=2, col_offset=73, end_lineno=2, end_col_offset=74), body=[Pass(lineno=3, col_offset=4, end_lineno=3, end_col_offset=8)])], lineno=1, col_offset=0, end_lineno=3, end_col_offset=8)], type_ignores=[]))PY"},
    {R"PY(f'{x!r:>{w}} {y=} {{}}')PY",
     R"PY(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), Constant(value=' y=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), Constant(value=' {}', lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), lineno=1, col_offset=0, end_lineno=1, end_col_offset=23)], type_ignores=[]))PY"},
    {R"PY(f'''a
  {b +
 c:{d}}''')PY",
     R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a\n  ', lineno=1, col_offset=0, end_lineno=3, end_col_offset=10), FormattedValue(value=BinOp(left=Name(id='b', ctx=Load(), lineno=2, col_offset=3, end_lineno=2, end_col_offset=4), op=Add(), right=Name(id='c', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), lineno=2, col_offset=3, end_lineno=3, end_col_offset=2), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='d', ctx=Load(), lineno=3, col_offset=4, end_lineno=3, end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=3, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=3, end_col_offset=10), lineno=1, col_offset=0, end_lineno=3, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=3, end_col_offset=10), lineno=1, col_offset=0, end_lineno=3, end_col_offset=10)], type_ignores=[]))PY"},
    {R"PY('a' f'{b}' u'c')PY",
     R"PY(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))PY"},
    {R"PY(b'a' b'b')PY",
     R"PY(Module(body=[Expr(value=Constant(value=b'ab', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[]))PY"},
    {R"PY(u'x' 'y')PY",
     R"PY(Module(body=[Expr(value=Constant(value='xy', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[]))PY"},
    {R"PY(x = (a := 1))PY",
     R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=NamedExpr(target=Name(id='a', ctx=Store(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), value=Constant(value=1, lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), lineno=1, col_offset=5, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[]))PY"},
    {R"PY(global a, b)PY",
     R"PY(Module(body=[Global(names=['a', 'b'], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], type_ignores=[]))PY"},
    {R"PY(if a:
  pass
elif b:
  pass
else:
  pass)PY",
     R"PY(Module(body=[If(test=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Pass(lineno=2, col_offset=2, end_lineno=2, end_col_offset=6)], orelse=[If(test=Name(id='b', ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), body=[Pass(lineno=4, col_offset=2, end_lineno=4, end_col_offset=6)], orelse=[Pass(lineno=6, col_offset=2, end_lineno=6, end_col_offset=6)], lineno=3, col_offset=0, end_lineno=6, end_col_offset=6)], lineno=1, col_offset=0, end_lineno=6, end_col_offset=6)], type_ignores=[]))PY"},
    {R"PY(é = 'ü')PY",
     R"PY(Module(body=[Assign(targets=[Name(id='é', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=2)], value=Constant(value='ü', lineno=1, col_offset=5, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[]))PY"},
    {R"PY(x = 1 if 2 else 3; y = 4;)PY",
     R"PY(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=IfExp(test=Constant(value=2, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), body=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), orelse=Constant(value=3, lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=4, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), Assign(targets=[Name(id='y', ctx=Store(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=20)], value=Constant(value=4, lineno=1, col_offset=23, end_lineno=1, end_col_offset=24), lineno=1, col_offset=19, end_lineno=1, end_col_offset=24)], type_ignores=[]))PY"},
};

const Case kInvalid[] = {
    {R"PY(f() = 1)PY", R"PY(SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? (1,1)-(1,4))PY"},
    {R"PY(del f())PY", R"PY(SyntaxError: cannot delete function call (1,5)-(1,8))PY"},
    {R"PY(for f() in x: pass)PY", R"PY(SyntaxError: cannot assign to function call (1,5)-(1,8))PY"},
    {R"PY(a, b += 1)PY", R"PY(SyntaxError: 'tuple' is an illegal expression for augmented assignment (1,1)-(1,5))PY"},
    {R"PY([a, b]: int)PY", R"PY(SyntaxError: only single target (not list) can be annotated (1,1)-(1,7))PY"},
    {R"PY(x = yield = 1)PY", R"PY(SyntaxError: assignment to yield expression not possible (1,5)-(1,10))PY"},
    {R"PY(f(x=1, y))PY", R"PY(SyntaxError: positional argument follows keyword argument (1,9)-(1,10))PY"},
    {R"PY(f(**x, y))PY", R"PY(SyntaxError: positional argument follows keyword argument unpacking (1,9)-(1,10))PY"},
    {R"PY(f(a for a in b, c))PY", R"PY(SyntaxError: Generator expression must be parenthesized (1,3)-(1,15))PY"},
    {R"PY(f(True=1))PY", R"PY(SyntaxError: cannot assign to True (1,3)-(1,8))PY"},
    {R"PY(print 1)PY", R"PY(SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? (1,1)-(1,8))PY"},
    {R"PY([a b])PY", R"PY(SyntaxError: invalid syntax. Perhaps you forgot a comma? (1,2)-(1,5))PY"},
    {R"PY(x = 1 if 2)PY", R"PY(SyntaxError: expected 'else' after 'if' expression (1,5)-(1,11))PY"},
    {R"PY({a: *b})PY", R"PY(SyntaxError: cannot use a starred expression in a dictionary value (1,5)-(1,7))PY"},
    {R"PY(def f(a=1, b): pass)PY", R"PY(SyntaxError: non-default argument follows default argument (1,12)-(1,13))PY"},
    {R"PY(def f(*): pass)PY", R"PY(SyntaxError: named arguments must follow bare * (1,7)-(1,8))PY"},
    {R"PY(def f(**a, b): pass)PY", R"PY(SyntaxError: arguments cannot follow var-keyword argument (1,12)-(1,13))PY"},
    {R"PY(if x
  pass)PY", R"PY(SyntaxError: expected ':' (1,5)-(1,5))PY"},
    {R"PY(if x:
pass)PY", R"PY(IndentationError: expected an indented block after 'if' statement on line 1 (2,1)-(2,5))PY"},
    {R"PY( x = 1)PY", R"PY(IndentationError: unexpected indent (1,1)-(1,-1))PY"},
    {R"PY(x = (1,)PY", R"PY(SyntaxError: '(' was never closed (1,5)-(1,0))PY"},
    {R"PY(x = [1, 2
y = 3)PY", R"PY(SyntaxError: '[' was never closed (1,5)-(1,0))PY"},
    {R"PY(from x import a,)PY", R"PY(SyntaxError: trailing comma not allowed without surrounding parentheses (1,17)-(1,17))PY"},
    {R"PY(try:
  pass
x = 1)PY", R"PY(SyntaxError: expected 'except' or 'finally' block (3,1)-(3,2))PY"},
    {R"PY(match x:
  case 1 2: pass)PY", R"PY(SyntaxError: invalid syntax (2,10)-(2,11))PY"},
    {R"PY(f'{a b}')PY", R"PY(SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1,2)-(1,5))PY"},
    {R"PY(f'{}')PY", R"PY(SyntaxError: f-string: empty expression not allowed (1,6)-(1,6))PY"},
    {R"PY(f'}')PY", R"PY(SyntaxError: f-string: single '}' is not allowed (1,5)-(1,5))PY"},
    {R"PY(x = b'a' 'b')PY", R"PY(SyntaxError: cannot mix bytes and nonbytes literals (1,13)-(1,13))PY"},
    {R"PY((*a))PY", R"PY(SyntaxError: cannot use starred expression here (1,2)-(1,4))PY"},
};

TEST(Parser, ValidSourcesMatchCPythonWithPositions) {
  for (const Case& c : kValid) EXPECT_EQ(parse_to_string(c.source), c.expected) << c.source;
}

TEST(Parser, SyntaxErrorsMatchCPython) {
  for (const Case& c : kInvalid) EXPECT_EQ(parse_to_string(c.source), c.expected) << c.source;
}

TEST(Parser, EvalMode) {
  EXPECT_EQ(parse_to_string("a, b\n\n", Mode::kEval),
            "Expression(body=Tuple(elts=[Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=1), Name(id='b', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4)], "
            "ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=4))");
}

TEST(Parser, SingleMode) {
  EXPECT_EQ(parse_to_string("x = 1\n", Mode::kSingle),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), "
            "lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])");
}

TEST(Parser, FuncTypeMode) {
  EXPECT_EQ(parse_to_string("(int, *str) -> None", Mode::kFuncType),
            "FunctionType(argtypes=[Name(id='int', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, "
            "end_col_offset=4), Name(id='str', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, "
            "end_col_offset=10)], returns=Constant(value=None, lineno=1, col_offset=15, end_lineno=1, "
            "end_col_offset=19))");
}

// Regression: rules keep references to matched tokens while more tokens
// are read, so the token buffer must never move them.
TEST(Parser, TokenReferencesSurviveBufferGrowth) {
  std::string src;
  for (int i = 0; i < 3000; i++) src += "class C" + std::to_string(i) + "(B): x = 1\n";
  EXPECT_EQ(parse_to_string(src).rfind("Module(", 0), 0u);
}

TEST(Parser, DeepNestingFailsCleanly) {
  std::string nots;
  for (int i = 0; i < 20000; i++) nots += "not ";
  EXPECT_EQ(parse_to_string(nots + "x"), "MemoryError:  (0,0)-(0,0)");
}

// Regression: CPython matches soft keywords in invalid_expression by the
// token's length only, so "m" (a prefix of "match") suppresses the comma hint.
TEST(Parser, SoftKeywordPrefixSuppressesCommaHint) {
  EXPECT_EQ(parse_to_string("x[m y]\n"), "SyntaxError: invalid syntax (1,5)-(1,6)");
  EXPECT_EQ(parse_to_string("x[a b]\n"), "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1,3)-(1,6)");
}

// Regression: a parser error is replaced by an unclosed bracket only when
// the bracket opened before the line of the last token read.
TEST(Parser, UnclosedBracketAfterParserError) {
  EXPECT_EQ(parse_to_string("x = (1,\ny = 2\n"), "SyntaxError: '(' was never closed (1,5)-(1,0)");
}

TEST(Parser, SingleModeEndsCompoundStatementAtEnd) {
  EXPECT_EQ(parse_to_string("if x:\n  pass", Mode::kSingle),
            "Interactive(body=[If(test=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, "
            "end_col_offset=4), body=[Pass(lineno=2, col_offset=2, end_lineno=2, end_col_offset=6)], orelse=[], "
            "lineno=1, col_offset=0, end_lineno=2, end_col_offset=6)])");
  EXPECT_EQ(parse_to_string("1\n2", Mode::kSingle),
            "SyntaxError: multiple statements found while compiling a single statement (1,2)-(1,2)");
}

TEST(Parser, EvalModeHasNoAssumedNewline) {
  EXPECT_EQ(parse_to_string("+", Mode::kEval), "SyntaxError: invalid syntax (1,0)-(1,0)");
}

}  // namespace
}  // namespace pyrite::python::parse
