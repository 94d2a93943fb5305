# Which call hits the recursion limit first, as CPython 3.11 counts depth:
# Python frames, calls of builtins ("while calling a Python object") except
# the specialized calls of warm code, calls of types without a vectorcall,
# repr/str/comparison guards.
import sys
sys.setrecursionlimit(200)
top = 0
def measure(n):
    global top
    top = n
    measure(n + 1)
try:
    measure(0)
except RecursionError:
    pass

def at_boundary(n, callee):
    # at_boundary(top - 1) runs one level below the limit: callee's frame
    # takes the last level, so anything it calls that counts fails.
    if n < top - 1:
        return at_boundary(n + 1, callee)
    try:
        callee()
        return "ok"
    except RecursionError as e:
        return "RecursionError: " + str(e)

L = [1, 2]
class Plain: pass
class WithInit:
    def __init__(self): pass
class SubList(list): pass
cases = [
    "len(L)", "L.count(1)", "L.index(1)", "repr(1)", "str(1)", "tuple(L)", "list(L)", "sorted(L)",
    "max(1, 2)", "getattr(L, 'count')", "isinstance(L, list)", "{}.get(1)", "int('1')",
    "float(1)", "bool(1)", "Plain()", "WithInit()", "SubList()", "set()", "dict()", "frozenset()",
    "range(3)", "enumerate(L)", "map(len, L)", "zip(L)", "reversed(L)", "type(1)", "object()",
    "iter(L)", "print(end='')", "'a'.upper()", "'a'.join([])", "'a'.split()",
    "'a'.startswith('a')", "L.__len__()", "L.copy()", "'{}'.format(1)", "hasattr(L, 'x')",
    "sys.getrecursionlimit()", "1 + 1", "L[0]", "ord('a')", "bytes(1)", "ValueError()",
]
for case in cases:
    callee = eval("lambda: " + case)
    cold = at_boundary(0, callee)
    for _ in range(10):
        callee()
    L[:] = [1, 2]
    warm = at_boundary(0, callee)
    print(case, "| cold:", cold, "| warm:", warm)

# A loop warms its code object too (8 loop iterations or calls).
for k in (3, 9):
    ns = {"L": L, "ITEMS": [0] * k}
    exec("def f():\n    for _ in ITEMS:\n        pass\n    return len(L)\n", ns)
    print("loop", k, at_boundary(0, ns["f"]))

# __exit__ runs cold at the deepest level: its own call of a builtin fails.
entered = []
class CM:
    def __enter__(self):
        entered.append(1)
    def __exit__(self, *exc):
        entered.pop()
def nest():
    with CM():
        nest()
try:
    nest()
except RecursionError as e:
    print("nest:", e, len(entered))

# Recursion through __init__ takes two levels per instance.
made = 0
class Tree:
    def __init__(self, n):
        global made
        made = n
        self.child = Tree(n + 1)
try:
    Tree(0)
except RecursionError as e:
    print("Tree:", made, e)

# Recursion through repr(): the builtin, the repr guard and the frame.
class R:
    def __init__(self, n): self.n = n
    def __repr__(self):
        global made
        made = self.n
        return repr(R(self.n + 1))
try:
    repr(R(0))
except RecursionError as e:
    print("repr:", made, e)
