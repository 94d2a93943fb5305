# The dispatch loop's inline subscripts: d[k] of exact dicts with str and
# small-int keys (including a colliding key whose __eq__ raises or answers
# True), list[i] of int, float and object lists, stores that change a
# list's strategy, and tuple[i] with negative and out-of-range indexes.


class Collide:
    def __init__(self, s, eq):
        self.s = s
        self.eq = eq

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        if self.eq == "raise":
            raise ValueError("eq of %s" % self.s)
        return self.eq


def get(d, k):
    return d[k]


d = {"a": 1, 2: "two", "bc": [3]}
for _ in range(3):
    print(get(d, "a"), get(d, 2), get(d, "bc"))
for k in ("zz", 5, -1):
    try:
        get(d, k)
    except KeyError as e:
        print("KeyError", e)

bad = {Collide("x", "raise"): 1}
try:
    get(bad, "x")
except ValueError as e:
    print("ValueError", e)
same = {Collide("y", True): "found"}
print(get(same, "y"))
other = {Collide("w", False): "no"}
try:
    get(other, "w")
except KeyError as e:
    print("KeyError", e)


class D(dict):
    def __missing__(self, k):
        return "missing " + repr(k)


print(get(D(), "q"), get(D({"q": 1}), "q"))

ints = [1, 2, 3]
floats = [0.5, -0.0, 1e300, 2.5e-320]
objs = ["x", None, (1,)]
for seq in (ints, floats, objs, (7, 8, 9)):
    print([get(seq, i) for i in (0, 1, -1, -len(seq))])
    for i in (len(seq), -len(seq) - 1):
        try:
            get(seq, i)
        except IndexError as e:
            print("IndexError", e)


def put(seq, i, v):
    seq[i] = v


for i, v in enumerate([1.5, float("inf"), -2.0, 7]):
    put(floats, i % 4, v)
print(floats)
put(floats, 0, float("nan"))
print(floats, [type(x).__name__ for x in floats])
put(ints, -1, 10)
put(ints, 0, "s")
print(ints)
try:
    put(ints, 3, 0)
except IndexError as e:
    print("IndexError", e)
total = 0.0
fl = [i / 4 for i in range(40)]
for x in fl:
    total += x
print(total, fl[-1] is fl[-1] or fl[-1] == fl[-1])

# __hash__ returning a str's hash (a full 64-bit value): the same bucket.
class Alias:
    def __hash__(self):
        return hash("alias")

    def __eq__(self, other):
        return other == "alias"


print(hash(Alias()) == hash("alias"), {Alias(): 1}.get("alias"), "alias" in {Alias()})
