def m(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str() if not v:
            return "empty str"
        case bytes(b):
            return f"bytes {b!r}"
        case tuple((a, b)):
            return f"tuple2 {a} {b}"
        case dict({"a": a}):
            return f"dict with a={a}"
        case list([*xs]) if all(isinstance(x, int) for x in xs):
            return f"int list {xs}"
        case frozenset() | set():
            return f"a set of {len(v)}"
        case _:
            return "?"
for v in [True, 3, 2.5, "", b"x", (1, 2), {"a": 0, "b": 1}, [1, 2], [1, "x"], {3}, frozenset(), "s"]:
    print(m(v))
