for r in [range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(-5, 5, 4), range(0, -10, -3), range(1, 2, 100)]:
    print(r, list(r), len(r), bool(r), r.start, r.stop, r.step)
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], list(r[1:4]), r.index(11), r.count(11), r.count(12), 11 in r, 12 in r)
print(range(5) == range(0, 5), range(0) == range(2, 2), range(0, 3, 2) == range(0, 4, 2), range(1) != range(2), hash(range(3)) == hash(range(0, 3)))
print(list(reversed(range(1, 10, 3))), sum(range(101)), max(range(7)), sorted(range(5, 0, -1)), min(range(3, -3, -1)))
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range("a"), lambda: range(3)[3], lambda: range(3).index(5), lambda: range(1, 2, 3, 4)):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(2.0 in range(3), 2.5 in range(3), "a" in range(3), True in range(3))
