# ast.parse and ast.dump of snippets covering every statement and expression
# kind, with and without positions (include_attributes), and the modes.
import ast

SNIPPETS = [
    "x = 1 + 2 * -y ** 3",
    "import os.path as p, sys\nfrom ..pkg import (a, b as c)\nfrom . import *",
    "def f(a, /, b: int = 1, *c, d, e=2, **g) -> 'R':\n    '''doc'''\n    global q\n    nonlocal r\n    return a",
    "async def h():\n    await z\n    async for i in j: pass\n    async with k as (l, m): pass\n    return [i async for i in y]",
    "class C(B, metaclass=M):\n    x: int = 3\n    y: list[int]\n    def m(self): yield from self; yield",
    "with open(f) as g, h: pass\nwhile x: break\nelse: continue",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    del a.b, c[0], d",
    "try:\n    pass\nexcept* ValueError as e:\n    pass",
    "match p:\n    case [1, *rest] | {'a': 2, **kw} if rest: pass\n    case Point(0, y=_) as pt: pass\n    case None | True | -1 | 1+2j | 'a' 'b' | b'x': pass\n    case {1: _, **r}: pass\n    case [*_]: pass\n    case x.y.z: pass",
    "print(f'{x!r:>{w}} and {y=} {z:.2f} {{}}')",
    "lambda x, *, y=1, **k: (x, y)\na[1:2, ::3] = b @ c ** -d\na[...] = {1, 2}\nb = {**d, 'k': [*l]}",
    "x = yield\n(y := 10)\nz = a if b else c\nw = not a and b or c\nv = a < b <= c != d is e is not f in g not in h",
    "assert x, 'msg'\nx += 1; x //= 2; x @= m; x >>= 1",
    "{k: v for k, v in d.items() if k}\n{s for s in t}\n(g for g in h for i in g)",
    "x = 'é' + '\\u00e9' + \"\\N{BULLET}\" + r'\\d' + b'\\x00' + 1_000 + 0x1f + 1e10 + 1.5j + ...",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "@dec\n@dec2(1)\ndef f(): pass",
    "def f[T](x): pass" if False else "global a, b",
]

for src in SNIPPETS:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, annotate_fields=False))

print(ast.dump(ast.parse("1 + 2", mode="eval"), indent=2))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("(int, str) -> None", mode="func_type")))
print(ast.dump(ast.parse("x = 1  # type: int\ndef f(a):  # type: (int) -> None\n    pass", type_comments=True)))
tree = ast.parse("x = 1 # type: ignore[foo]\n", type_comments=True)
print([(t.lineno, t.tag) for t in tree.type_ignores])
print(ast.dump(ast.parse("x", feature_version=(3, 8))))
print(ast.dump(ast.parse(b"# coding: latin-1\nx = '\xe9'\n"), include_attributes=True))
print(ast.dump(ast.parse("x = 'é';  y", "<s>"), include_attributes=True))

# The parsed tree's objects.
tree = ast.parse("a + b\nc - d")
e1, e2 = tree.body[0].value, tree.body[1].value
print(type(e1).__name__, type(e1.op).__name__, e1.op is ast.parse("x+y").body[0].value.op)
print(e1.lineno, e1.col_offset, e1.end_lineno, e1.end_col_offset, e2.lineno)
print(sorted(vars(e1)))
print(isinstance(e1, ast.expr), isinstance(e1, ast.AST), isinstance(tree.body[0], ast.stmt))
print(sum(1 for _ in ast.walk(tree)), [type(n).__name__ for n in ast.iter_child_nodes(e1)])
print(list(ast.iter_fields(e1))[0][0], ast.get_docstring(ast.parse('"""hi"""\nx')))
print(ast.get_source_segment("a + bb", ast.parse("a + bb").body[0].value.right))
print(compile("x + 1", "<c>", "eval", ast.PyCF_ONLY_AST).__class__.__name__)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
same = ast.parse("q")
print(compile(same, "<c>", "exec", ast.PyCF_ONLY_AST) is same)

# Syntax errors come out of ast.parse as from compile().
for bad in ["x +", "def f(:", "a = = 1", "f(**x, *y)", "  x", "return"]:
    try:
        ast.parse(bad)
        print("parsed", repr(bad))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)

# Deep nesting.
print(len(ast.dump(ast.parse("x" + "[0]" * 500))))
