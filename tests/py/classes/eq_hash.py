class NoEq:
    pass
x = NoEq()
print(x == x, x == NoEq(), x != x, hash(x) == hash(x))
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly.__hash__)
try:
    {EqOnly(1)}
except TypeError as e:
    print(type(e).__name__, e)
class EqHash(EqOnly):
    def __hash__(self): return hash(self.v)
s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s), EqHash(3) in {EqHash(3): "x"})
class InheritsHash(EqHash):
    pass
print(hash(InheritsHash(7)) == hash(7))
class Redef(EqHash):
    def __eq__(self, o): return False
print(Redef.__hash__)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
class BadHash:
    def __hash__(self): return "str"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class NeOnly:
    def __ne__(self, o): return "custom ne"
print(NeOnly() != 1, NeOnly() == 1)
class EqReturnsNonBool:
    def __eq__(self, o): return "yes"
print(EqReturnsNonBool() == 1, EqReturnsNonBool() != 1)
print([EqReturnsNonBool()] == [1], EqReturnsNonBool() in [1])
