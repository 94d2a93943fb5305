cases = [
    "x = ",
    "def f(:\n pass",
    "return 5",
    "break",
    "continue",
    "f() = 1",
    "None = 1",
    "def f(a, a): pass",
    "x = 1 +* 2",
    "if True:\npass",
    "  x = 1",
    "nonlocal x",
    "def f():\n    global x\n    x: int = 1",
    "a, *b, *c = d",
    "del f()",
    "lambda: (yield)",
    "print 'hello'",
    "'unterminated",
    "(1, 2",
    "yield 1",
    "def f(a=1, b): pass",
    "f(a=1, 2)",
    "class C: return",
    "x = [i for i in range(3) for]",
    "True = 5",
    "f(**k, *a)",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__ + ":", e.msg, e.lineno)
