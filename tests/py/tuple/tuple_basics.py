t = (1, "two", 3.0, [4], None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t[::2], type(t[1:2]).__name__)
print((), (1,), (1), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"a": 1}), tuple(x for x in "xy"))
print(t.count(3.0), t.index("two"), (1, 2, 1, 1).count(1), (1, 2, 3).index(3, 1))
print((1, 2) + (3,), (0,) * 3, 2 * ("a",), () * 5, (1,) * 0, 3 in (1, 2, 3), "x" not in ("a",))
t[3].append(5)
print(t)
for bad in (lambda: t.__setitem__(0, 1), lambda: t[10], lambda: t.index("zz"), lambda: (1,) + [2], lambda: t.append(1), lambda: tuple(5)):
    try:
        bad()
    except (TypeError, IndexError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
a, b, *c = (1, 2, 3, 4)
print(a, b, c, type(c).__name__)
