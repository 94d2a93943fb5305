d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {True: "bool"}
d2[1] = "int"
print(d2)
d3 = {0: "zero", False: "false", 0.0: "fz", -0.0: "nz", 0j: "cz"}
print(d3)
print({1: 1}[1.0], {1.0: 1}[True], 2 ** 64 in {float(2 ** 64): 0}, {"a": 1}.get(b"a"))
print({(1, 2): "t"}[(1.0, 2.0)], {frozenset([1, 2]): "fs"}[frozenset([2, 1])])
for bad in ([], {}, set(), [1, 2], bytearray(b"x")):
    try:
        {bad: 1}
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {}[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.get([])
except TypeError as e:
    print(type(e).__name__, e)
print({"x": 1}.keys() & {1.0, "x"}, {1: 0} == {1.0: 0}, {1: 0} == {True: 0})
