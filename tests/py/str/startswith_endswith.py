s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith("lo", 3, 5), s.startswith(""), s.startswith("", 20))
print(s.endswith("world"), s.endswith("hello", 0, 5), s.endswith("o", 0, 5), s.endswith(("x", "ld")), s.startswith(("a", "b")), s.startswith(()))
print(s.startswith("hello", -5), s.endswith("wor", -5, -2), "".startswith(""), "".endswith("", 1))
try:
    s.startswith(["hello"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.endswith(("a", 1))
except TypeError as e:
    print(type(e).__name__, e)
