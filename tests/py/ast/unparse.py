# ast.unparse of snippets and the round trip through parse.
import ast

SNIPPETS = [
    "x = 1 + 2 * (3 - 4) ** -5",
    "a = b if c else d or e and not f",
    "def f(a, /, b=1, *c, d, e: int = 2, **g) -> None:\n    return (yield)",
    "async def g():\n    async with a as b, c:\n        await d\n    async for x in y:\n        pass",
    "class C(B, metaclass=M):\n    '''doc'''\n    x: int = 1",
    "lambda x, *y, z=3, **w: x + z",
    "print(f'{a!r:>{width}} {b=} {{c}} {d:%Y}')",
    "s = 'quote\\'s \"both\"' + '\\n\\t\\x00\\u1234'",
    "t = (1,)\nu = ()\nv = [*a, *b]\nw = {**d, 'k': 1}",
    "x[1:2, ::3, ...] = y[a:b]",
    "with (open(a) as b, open(c) as d):\n    pass",
    "try:\n    pass\nexcept* E as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass",
    "match p:\n    case [1, *rest] | {'a': 2, **kw} if rest:\n        pass\n    case Point(x=0) as pt:\n        pass\n    case _:\n        pass",
    "del a, b[0], c.d\nglobal g\nassert x, 'm'\nimport a.b as c\nfrom . import d",
    "(x := 5)\nx = -1 ** 2\ny = (-1) ** 2\nz = not (a == b)",
    "@decorator(arg)\ndef h():\n    nonlocal q\n    while True:\n        break\n    else:\n        continue",
    "x = 1e400 + -1e400j",
    "{k: v for k, v in items if k if v}\n[i async for i in ai]\n(g for g in gs)",
]
for src in SNIPPETS:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print("---", ast.dump(ast.parse(text)) == ast.dump(tree))

# unparse of a tree built by hand (no positions needed).
tree = ast.Module(body=[ast.Assign(targets=[ast.Name("x", ast.Store())],
                                   value=ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("y", ast.Load())))],
                  type_ignores=[])
print(ast.unparse(ast.fix_missing_locations(tree)))
print(ast.unparse(ast.Constant(value=(1, 2))), ast.unparse(ast.Constant(value=frozenset())))
