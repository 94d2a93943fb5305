vals = [0, 1, -1, True, 1.5, 1j, "1", b"1", None, [1], (1,), {1}, {1: 1}, range(1), int, len]
for v in vals:
    print(repr(v)[:20].ljust(22), [isinstance(v, t) for t in (int, float, complex, bool, str, bytes, list, tuple, set, dict, type, object)], callable(v))
