print(max(3, 1, 2), min(3, 1, 2), max([3, 1, 2]), min("hello"), max((1, 2), (1, 3)), min([[2], [1, 9]]), max(range(5)), min({5: 0, 2: 0}))
print(max([1, 2, 3], key=lambda x: -x), min(["aa", "b", "ccc"], key=len), max(["aa", "bb"], key=len), min(["bb", "aa"], key=len))
print(max([], default="d"), min((), default=None), max([5], default=0), max(iter([1, 9, 3])), max("a", "B", key=str.lower))
print(max(1, 2.0), max(2.0, 2), min(2, 2.0), max(True, 1), max(1, True), min(-0.0, 0.0), min(0.0, -0.0))
for args, kw in [((), {}), (([],), {}), ((1,), {}), ((1, "a"), {}), (([1, 2],), {"key": len}), ((1, 2), {"default": 3}), (([1],), {"bogus": 1})]:
    try:
        print(max(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
    try:
        print(min(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
