# A pattern that fails binds none of its names (the captures are stored only
# once the whole pattern has matched, before the guard); the alternatives of
# an or-pattern bind their names in any order.


def run(f, *args):
    out = f(*args)
    print(f.__name__, sorted(out.items(), key=lambda kv: kv[0]))


def seq_then_fail(x):
    match x:
        case [a, b, 3]:
            pass
    out = dict(locals())
    del out["x"]
    return out


run(seq_then_fail, [1, 2, 3])
run(seq_then_fail, [1, 2, 4])


def alternatives(x):
    match x:
        case ((a, b, c, 9) | (c, a, b, 10) | (b, c, -5, a) | (-1, a, c, b)):
            w = 0
    out = dict(locals())
    del out["x"]
    return out


for arg in ([0, 1, 2, 9], [0, 1, 2, 10], [0, 1, -5, 2], [-1, 1, 2, 3], [5, 5, 5, 5]):
    run(alternatives, arg)


def nested(x):
    match x:
        case [y, (a, b, 1) | (b, a, 2), z]:
            w = 0
    out = dict(locals())
    del out["x"]
    return out


run(nested, ["y", (10, 20, 1), "z"])
run(nested, ["y", (10, 20, 2), "z"])
run(nested, ["y", (10, 20, 3), "z"])


def mapping_rest(x):
    match x:
        case {"k": k, **rest} if k > 0:
            return "pos", k, rest
        case {"k": k, **rest}:
            return "other", k, rest
        case {"j": [j1, j2], **rest} | {"i": [j2, j1], **rest}:
            return "j/i", j1, j2, rest
    return "none", dict(locals())


print(mapping_rest({"k": 1, "a": 2}))
print(mapping_rest({"k": -1, "a": 2}))
print(mapping_rest({"j": [1, 2], "a": 2}))
print(mapping_rest({"i": [1, 2], "b": 3}))
print(mapping_rest({"i": [1, 2, 3], "b": 3}))


# A guard sees the names; when it fails they stay bound.
def guarded(x):
    match x:
        case (a, b) if a > b:
            return "gt", a, b
        case (a, c):
            return "other", a, c, sorted(locals())
    return sorted(locals())


print(guarded((2, 1)))
print(guarded((1, 2)))
print(guarded(5))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def cls(p):
    match p:
        case Point(x, y=0) | Point(0, y=x):
            return "axis", x
        case Point(x=a, y=b as c) if c:
            return "pt", a, b, c
        case Point(a, b):
            return "zero", a, b
    return "not a point", sorted(locals())


print(cls(Point(3, 0)))
print(cls(Point(0, 4)))
print(cls(Point(1, 2)))
print(cls(Point(1, 0.0)))
print(cls(Point(1, None)))
print(cls(7))


# Captures in a star pattern and an as-pattern of a failing sequence.
def star(x):
    match x:
        case [first, *middle, last] as whole if len(middle) > 1:
            return first, middle, last, whole
        case [*_, 0] as zero_end:
            return "zero end", zero_end
    return sorted(locals())


print(star([1, 2, 3, 4]))
print(star([1, 2, 0]))
print(star([1, 2]))
print(star("ab"))
