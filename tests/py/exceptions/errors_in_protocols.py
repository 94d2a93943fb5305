class BadEq:
    def __eq__(self, o):
        raise RuntimeError("eq exploded")
    __hash__ = object.__hash__
try:
    BadEq() in [1, 2]
except RuntimeError as e:
    print("in list:", e)
try:
    [1, 2].index(BadEq())
except RuntimeError as e:
    print("index:", e)
class BadHash:
    def __hash__(self):
        raise ValueError("hash exploded")
try:
    {BadHash(): 1}
except ValueError as e:
    print("dict key:", e)
try:
    BadHash() in {1: 2}
except ValueError as e:
    print("dict contains:", e)
data = [3, 1, 2]
def bad_key(x):
    if x == 2:
        raise KeyError("key func")
    return x
try:
    data.sort(key=bad_key)
except KeyError as e:
    print("sort key:", repr(e), data)
class BadIter:
    def __iter__(self):
        raise OSError("iter failed")
try:
    list(BadIter())
except OSError as e:
    print("iter:", e)
class BadNext:
    def __iter__(self): return self
    def __next__(self): raise ZeroDivisionError("next failed")
try:
    for _ in BadNext(): pass
except ZeroDivisionError as e:
    print("next:", e)
class BadLen:
    def __len__(self): raise IndexError("len failed")
try:
    bool(BadLen())
except IndexError as e:
    print("bool via len:", e)
class BadRepr:
    def __repr__(self): raise TypeError("repr failed")
try:
    print([BadRepr()])
except TypeError as e:
    print("repr in list:", e)
class BadStr:
    def __str__(self): raise ValueError("str failed")
try:
    f"{BadStr()}"
except ValueError as e:
    print("fstring:", e)
