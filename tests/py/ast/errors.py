# compile() of bad trees: CPython's TypeErrors from the conversion and its
# validator's ValueErrors, and compile()'s own argument checks.
import ast

L = dict(lineno=1, col_offset=0)
P = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)


class Pass(ast.Pass):
    def __repr__(self):
        return "Pass()"


def name(n="x", ctx=None):
    return ast.Name(n, ctx or ast.Load(), **L)


def expr_mod(e):
    return ast.Module([ast.Expr(e, **L)], [])


def case(p):
    return ast.Module([ast.Match(name(), [ast.match_case(p, None, [ast.Pass(**L)])], **L)], [])


CASES = [
    ("ok", expr_mod(name())),
    ("end positions default to the start", expr_mod(ast.Name("x", ast.Load(), lineno=2, col_offset=5, end_col_offset=1))),
    ("line range", expr_mod(ast.Name("x", ast.Load(), lineno=2, col_offset=5, end_lineno=1, end_col_offset=7))),
    ("column range", expr_mod(ast.Name("x", ast.Load(), lineno=-2, col_offset=5, end_lineno=1, end_col_offset=7))),
    ("no lineno", expr_mod(ast.Name("x", ast.Load()))),
    ("store context", expr_mod(name(ctx=ast.Store()))),
    ("None id", expr_mod(ast.Name(None, ast.Load(), **L))),
    ("None value", ast.Module([ast.Expr(None, **L)], [])),
    ("None statement", ast.Module([None], [])),
    ("None in list", expr_mod(ast.List([None], ast.Load(), **L))),
    ("list constant", expr_mod(ast.Constant([1], **L))),
    ("int id", expr_mod(ast.Name(3, ast.Load(), **L))),
    ("bad context", expr_mod(ast.Name("x", 3, **L))),
    ("str lineno", expr_mod(ast.Name("x", ast.Load(), lineno="1", col_offset=0))),
    ("huge lineno", expr_mod(ast.Name("x", ast.Load(), lineno=2 ** 40, col_offset=0))),
    ("int as expr", ast.Module([ast.Expr(3, **L)], [])),
    ("node of the wrong category", ast.Module([ast.Expr(Pass(**L), **L)], [])),
    ("body not a list", ast.Module(3, [])),
    ("missing field", ast.Module([])),
    ("None name", expr_mod(ast.Name("None", ast.Load(), **L))),
    ("bad kind", expr_mod(ast.Constant(True, 3, **L))),
    ("bad operator", expr_mod(ast.BinOp(name(), 3, None, **L))),
    ("missing operand", expr_mod(ast.BinOp(name(), ast.Add(), None, **L))),
    ("empty body", ast.Module([ast.If(name(), [], [], **L)], [])),
    ("empty targets", ast.Module([ast.Assign([], name(), **L)], [])),
    ("one BoolOp value", expr_mod(ast.BoolOp(ast.And(), [name()], **L))),
    ("Compare without comparators", expr_mod(ast.Compare(name(), [ast.Eq()], [], **L))),
    ("Compare lengths", expr_mod(ast.Compare(name(), [ast.Eq(), ast.Lt()], [name()], **L))),
    ("Dict lengths", expr_mod(ast.Dict([None], [], **L))),
    ("Try without handlers", ast.Module([ast.Try([ast.Pass(**L)], [], [], [], **L)], [])),
    ("Try orelse", ast.Module([ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)], [])),
    ("Raise cause only", ast.Module([ast.Raise(None, name(), **L)], [])),
    ("simple AnnAssign", ast.Module([ast.AnnAssign(ast.Attribute(name(), "y", ast.Store(), **L), name("int"), None, 1, **L)], [])),
    ("negative level", ast.Module([ast.ImportFrom("x", [ast.alias("y", **L)], -1, **L)], [])),
    ("no generators", expr_mod(ast.ListComp(name(), [], **L))),
    ("defaults", expr_mod(ast.Lambda(ast.arguments([], [], None, [], [], None, [ast.Constant(1, **L)]), ast.Constant(1, **L), **L))),
    ("kw_defaults", expr_mod(ast.Lambda(ast.arguments([], [], None, [ast.arg("a", **L)], [], None, []), ast.Constant(1, **L), **L))),
    ("keyword None", expr_mod(ast.Call(name("f"), [], [None], **L))),
    ("Delete Load", ast.Module([ast.Delete([name()], **L)], [])),
    ("assign to a call", ast.Module([ast.Assign([ast.Call(name("f"), [], [], **L)], name(), **L)], [])),
    ("MatchOr", case(ast.MatchOr([], **P))),
    ("capture _", case(ast.MatchAs(None, "_", **P))),
    ("MatchValue name", case(ast.MatchValue(name("y"), **P))),
    ("MatchSingleton", case(ast.MatchSingleton(3, **P))),
    ("MatchStar", case(ast.MatchStar("a", **P))),
    ("pattern positions", case(ast.MatchStar("a", **L))),
    ("MatchAs pattern without name", case(ast.MatchAs(ast.MatchStar(None, **P), None, **P))),
    ("await outside", expr_mod(ast.Await(name(), **L))),
    ("return outside", ast.Module([ast.Return(None, **L)], [])),
    ("break outside", ast.Module([ast.Break(**L)], [])),
]
for what, tree in CASES:
    try:
        compile(tree, "<tree>", "exec")
        print(what, "-> ok")
    except (TypeError, ValueError, SyntaxError, OverflowError) as e:
        print(what, "->", type(e).__name__, e)

MODES = [(ast.Expression(name()), "exec"), (ast.Module([ast.Pass(**L)], []), "eval"),
         (ast.Module([], []), "single"), (ast.AST(), "exec"), (ast.expr(), "eval"), (3, "exec"),
         (ast.Module([], []), "func_type")]
for tree, mode in MODES:
    try:
        compile(tree, "<tree>", mode)
        print(mode, "ok")
    except (TypeError, ValueError) as e:
        print(mode, type(e).__name__, e)
for args in [("x", "f", "func_type"), ("x", "f", "nope", ast.PyCF_ONLY_AST), ("x", "f", "nope")]:
    try:
        compile(*args)
    except ValueError as e:
        print(args, e)
print(ast.dump(compile("(int) -> str", "f", "func_type", ast.PyCF_ONLY_AST)))

# Too deep to convert.
deep = ast.Constant(1, **L)
for i in range(3000):
    deep = ast.UnaryOp(ast.USub(), deep, **L)
try:
    compile(ast.Expression(deep), "<deep>", "eval")
except RecursionError as e:
    print("RecursionError", e)

# compile()'s flags: the known ones pass, others are refused.
for flags in [0x10, 0x200, 0x4000, 0x20000, 0x1000000, 1, 0x8000, 0x2000000, -1]:
    try:
        compile("x", "f", "exec", flags)
        print(hex(flags), "ok")
    except ValueError as e:
        print(hex(flags), e)
