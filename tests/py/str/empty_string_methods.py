e = ""
print(repr(e.upper()), repr(e.strip()), e.split(), e.split(","), e.splitlines(), e.partition("x"), e.rpartition("x"))
print(e.find(""), e.rfind(""), e.count(""), e.index(""), e.startswith(""), e.endswith(""), e.replace("", "x"), repr(e.center(3)))
print(e.isalpha(), e.isdigit(), e.isspace(), e.islower(), e.isupper(), e.istitle(), e.isidentifier(), e.isprintable(), e.isascii())
print(repr(e.join(["a", "b"])), repr(e * 100), repr(e.zfill(2)), repr(e.expandtabs()), repr(e.title()), repr(e.swapcase()), repr(e[::-1]), repr(e[5:]))
print(len(e), bool(e), e == str(), e in "abc", list(e), repr(e.encode()), repr(b"".decode()), repr(format(e, "^3")))
try:
    max("")
except ValueError as e2:
    print(type(e2).__name__, e2)
