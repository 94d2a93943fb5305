g = {"x": 10}
l = {"y": 5}
print(eval("x + y", g, l), eval("x * 2", g), eval("len('abc')"))
exec("z = x + y\nw = z * 2", g, l)
print(sorted(l.items()), "z" in g)
exec("q = 42", g)
print(g["q"], "__builtins__" in g)
code = compile("a + b", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code, {"a": 1, "b": 2}))
code2 = compile("for i in range(3):\n    out.append(i * i)\n", "<loop>", "exec")
ns = {"out": []}
exec(code2, ns)
print(ns["out"])
single = compile("1 + 1", "<single>", "single")
print(type(single).__name__)
print(eval("[i for i in range(n)]", {"n": 4}), eval("(lambda v: v + k)(1)", {"k": 100}))
def f():
    local_var = 7
    return eval("local_var * 3"), eval("local_var", {}, {"local_var": "shadowed"})
print(f())
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename)
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval("import os")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("x", "<c>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
print(eval("  1 + 2  "), eval("\t3"), exec("pass"), eval(compile("5", "<c>", "eval")))
print(eval("__name__"), eval("__name__", {"__name__": "custom"}), eval("abs(-1)", {"__builtins__": {"abs": abs}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
