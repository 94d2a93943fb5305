# Set operations whose element __eq__ clears one of the sets while the
# operation walks it: never a crash, the result CPython gives.
class Bad:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 0
    def __eq__(self, other):
        if enabled:
            victim.clear()
        return False
    def __repr__(self):
        return "Bad(%d)" % self.n

def make():
    global enabled
    enabled = False
    a = {Bad(i) for i in range(5)}
    b = {Bad(i) for i in range(5, 25)}
    return a, b

ops = [
    ("a |= b", lambda a, b: a.__ior__(b)),
    ("a.update(b)", lambda a, b: a.update(b)),
    ("a | b", lambda a, b: a | b),
    ("a & b", lambda a, b: a & b),
    ("a - b", lambda a, b: a - b),
    ("a ^ b", lambda a, b: a ^ b),
    ("a -= b", lambda a, b: a.__isub__(b)),
    ("a ^= b", lambda a, b: a.__ixor__(b)),
    ("a &= b", lambda a, b: a.__iand__(b)),
    ("a <= b", lambda a, b: a <= b),
    ("a >= b", lambda a, b: a >= b),
    ("a == b", lambda a, b: a == b),
    ("a.isdisjoint(b)", lambda a, b: a.isdisjoint(b)),
]
for which in ("a", "b"):
    for name, op in ops:
        a, b = make()
        victim = a if which == "a" else b
        enabled = True
        try:
            r = op(a, b)
            r = len(r) if isinstance(r, (set, frozenset)) else r
            print(which, name, r, len(a), len(b))
        except RuntimeError as e:
            print(which, name, "RuntimeError", e)
