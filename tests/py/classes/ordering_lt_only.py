class Item:
    def __init__(self, name, prio):
        self.name, self.prio = name, prio
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return self.name
items = [Item("c", 3), Item("a", 1), Item("b", 2), Item("a2", 1)]
print(sorted(items), min(items), max(items))
print(sorted(items, reverse=True))
items.sort()
print(items)
print(Item("x", 1) > Item("y", 0))
try:
    Item("x", 1) <= Item("y", 0)
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __lt__(self, other):
        return "truthy string"
print(sorted([Weird(), Weird()]).__len__())
print(Weird() < Weird())
class Total:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self < o or self == o
    def __gt__(self, o): return not self <= o
    def __ge__(self, o): return not self < o
print([Total(1) < Total(2), Total(1) <= Total(1), Total(2) > Total(1), Total(2) >= Total(3)])
