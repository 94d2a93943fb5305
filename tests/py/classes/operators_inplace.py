class Acc:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Acc({self.v})"
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return Acc(self.v + o)
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return Acc(self.v - o)
    def __imul__(self, o):
        self.v *= o
        return "imul returned a string"
a = Acc(1)
b = a
a += 5
print(a, b, a is b)
a -= 1
print(a, b, a is b)
c = Acc(2)
c *= 3
print(c)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)
class All:
    def __init__(self): self.ops = []
    def _rec(name):
        def m(self, o):
            self.ops.append(name)
            return self
        return m
    for n in ["iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift", "iand", "ior", "ixor", "imatmul"]:
        locals()["__" + n + "__"] = _rec(n)
    del n
q = All()
q += 1; q -= 1; q *= 1; q /= 1; q //= 1; q %= 1; q **= 1
q <<= 1; q >>= 1; q &= 1; q |= 1; q ^= 1; q @= 1
print(q.ops)
try:
    n = None
    n += 1
except TypeError as e:
    print(e)
try:
    l = [1]
    l -= [1]
except TypeError as e:
    print(e)
