words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words), max(words), min(words, key=len), max(words, key=len), max(words, key=lambda w: (len(w), w)))
print(min([], default="none"), max([], default=None), min([3], default=0), max(1, 2, 3), min(3, 1, 2, key=lambda x: -x))
print(max([(1, "b"), (1, "a")]), min("hello"), max(range(10), key=lambda x: x % 4), min([[2], [1, 1]]))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]), max([0, False]))
for args, kw in [(([],), {}), ((), {}), ((1,), {}), (([1, "a"],), {}), (([1],), {"key": 5}), ((1, 2), {"default": 0})]:
    try:
        print(max(*args, **kw))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
