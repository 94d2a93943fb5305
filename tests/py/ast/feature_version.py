# ast.parse(feature_version=(3, N)): the constructs newer than 3.N are
# SyntaxErrors with CPython 3.11's messages, at the last token read.
import ast
for src, v in [('(x := 0)', 7), ('(x := 0)', 8), ('def f(a, /): pass', 7), ('def bar(x=1, /): ...', 7), ('lambda x, /: ...', 7), ('lambda x=1, /: ...', 7), ('lambda x=1, /: ...', 8), ('f"{x=}"', 7), ('f"{x=}"', 8), ('try: pass\nexcept* E: pass', 10), ('with (a as b, c): pass', 8), ('with (a as b, c): pass', 9), ('with (a, b): pass', 8), ('with a as b: pass', 8), ('match x:\n case 1: pass', 9), ('x: int = 1', 5), ('x.y: int', 5), ('async def f(): pass', 4), ('a @ b', 4), ('a @= b', 4), ('async def f():\n async with a: pass', 4), ('def f(): return *a, b', 7), ('x[*a]', 10), ('x = 1', 3)]:
  try: ast.parse(src, feature_version=(3, v)); print(repr(src), v, 'ok')
  except SyntaxError as e: print(repr(src), v, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
