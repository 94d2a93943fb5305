for v in [0, 7, -42, 2 ** 70, 3.5, -0.25, 1e-10, 1e22, 0.1]:
    s = str(v)
    r = repr(v)
    back = type(v)(s)
    print(type(v).__name__, s, r, back == v, type(back).__name__)
print(int(float("3.0")), float(int("5")), int(str(10 ** 30)) == 10 ** 30, str(int("0042")), float(repr(0.1)) == 0.1)
print(bytes(list(b"abc")) == b"abc", list(bytes([1, 2])), "".join(map(chr, map(ord, "héllo"))), tuple(list((1, 2))))
print(dict(list({"a": 1}.items())) == {"a": 1}, set(list({1, 2})) == {1, 2}, frozenset(set([1])) == {1})
print(complex(str(1 + 2j)), complex(repr(-1.5j)), bool(str(False)), int(bool(7)), float(True))
