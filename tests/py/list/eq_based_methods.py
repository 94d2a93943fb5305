class Loose:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print(f"  eq({self.v}, {o!r})")
        return o == self.v
    def __repr__(self): return f"L{self.v}"
l = [1, 2, 3, 2]
print(Loose(2) in l)
print(l.count(Loose(2)))
print(l.index(Loose(3)))
l.remove(Loose(2))
print(l)
objs = [Loose(5), Loose(6)]
print(5 in objs)
print(objs.index(6))
class Never:
    def __eq__(self, o): return False
n = Never()
lst = [n]
print(n in lst, lst.count(n), lst.index(n))
lst.remove(n)
print(lst)
