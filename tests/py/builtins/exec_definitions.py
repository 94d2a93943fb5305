ns = {}
exec("""
def square(x):
    return x * x
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self):
        return square(self.x) + square(self.y)
counter = 0
def bump():
    global counter
    counter += 1
    return counter
""", ns)
p = ns["Point"](3, 4)
print(p.norm2(), ns["square"](9), ns["bump"](), ns["bump"](), ns["counter"], ns["Point"].__module__, ns["square"].__module__)
print(sorted(k for k in ns if not k.startswith("__")))
def make_closure():
    y = 10
    loc = {}
    exec("def f(v): return v + y", {"y": 100}, loc)
    return loc["f"]
print(make_closure()(1))
exec("x_exec = 5")
print(x_exec)
def in_function():
    exec("local_assign = 1")
    return "local_assign" in locals()
print(in_function())
code = compile("result = a * b", "<mult>", "exec")
env = {"a": 6, "b": 7}
exec(code, env)
print(env["result"])
exec(compile("1 + 1\n'shown'\nNone\n", "<single>", "single") if False else compile("2 * 21", "<s>", "single"))
exec(compile("'a string'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
