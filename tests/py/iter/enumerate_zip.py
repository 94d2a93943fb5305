print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e))
try:
    next(e)
except StopIteration:
    print("exhausted")
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip(range(3), "xyz", [True, False, None])))
print(list(zip(*[(1, "a"), (2, "b")])), dict(zip("ab", "xy")))
print(list(zip("ab", "xy", strict=True)))
for args in [("ab", "x"), ("a", "xy"), ("ab", "xy", "z")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
calls = []
def gen(tag, n):
    for i in range(n):
        calls.append(f"{tag}{i}")
        yield i
print(list(zip(gen("a", 3), gen("b", 1))), calls)
try:
    zip(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(enumerate(range(10 ** 20, 10 ** 20 + 2), 2 ** 70)))
