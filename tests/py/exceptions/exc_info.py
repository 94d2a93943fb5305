import sys
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print(sys.exc_info()[1])
    try:
        raise KeyError("inner")
    except KeyError:
        print(repr(sys.exc_info()[1]))
    print(repr(sys.exc_info()[1]))
print(sys.exc_info())
def in_finally():
    try:
        raise TypeError("t")
    finally:
        print("finally sees", repr(sys.exc_info()[1]))
try:
    in_finally()
except TypeError:
    pass
def gen():
    try:
        raise IndexError("gen")
    except IndexError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
g = gen()
print(next(g))
print("between yields", sys.exc_info())
print(next(g))
