tests = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs(),
    lambda: abs("x"),
    lambda: isinstance(1),
    lambda: getattr(1),
    lambda: "abc".split(1),
    lambda: "abc".replace("a"),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: {}.get(),
    lambda: int("1", "2"),
    lambda: max(),
    lambda: min(1),
    lambda: divmod(1),
    lambda: sorted([1], cmp=None),
    lambda: "x".join(1),
    lambda: range(),
    lambda: range(1, 2, 3, 4),
    lambda: range("a"),
    lambda: chr("a"),
    lambda: ord("ab"),
    lambda: print(sep=1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
