print(int.__add__(2, 3), float.__mul__(2.0, 4), str.__len__("abc"))
print(list.__getitem__([1, 2, 3], 1), dict.get({"a": 1}, "a"), tuple.count((1, 1, 2), 1))
print(int.from_bytes(b"\x01\x00", "big"), str.join("-", ["a", "b"]), bytes.fromhex("4142"))
print((5).__add__(1.5), (5).__radd__(1), (2.0).__rsub__(5))
print(int.__add__(1, 2.5) if False else (1).__add__(2.5))
print("a".__mul__(3), [1].__mul__(2), [1].__rmul__(2))
print(object.__repr__(None)[:20] if False else type.__repr__(int))
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
print(getattr(3, "__neg__")(), (3).__pow__(2, 5))
