tests = [
    (lambda: 1, (), {}),
    (lambda x: x, (1,), {}),
    (lambda x, y=2: (x, y), (1,), {}),
    (lambda *a, **k: (a, sorted(k)), (1, 2), {"z": 0}),
    (lambda x, /, y, *, z: (x, y, z), (1, 2), {"z": 3}),
    (lambda x: x, (), {}),
    (lambda x: x, (1, 2), {}),
    (lambda *, k: k, (), {}),
    (lambda x, /: x, (), {"x": 1}),
]
for fn, a, k in tests:
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print(e)
