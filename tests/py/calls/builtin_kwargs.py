print(sorted([3, 1, 2], reverse=True), sorted(["b", "A"], key=str.lower))
print(int("ff", base=16), int(x="7") if False else int("7"))
print("a,b".split(sep=","), "a b c".split(maxsplit=1), "abc".encode(encoding="ascii"))
print(max([1, 5, 3], key=lambda v: -v), min([], default="empty"))
print(dict(a=1, b=2), list(range(3)))
print("x".center(5, "*"), "{a}".format(a=1), "{0}{b}".format(1, b=2))
print(round(number=2.675, ndigits=2))
print(enumerate(iterable="ab", start=1).__next__())
print(sum([1, 2], start=10))
print(str(object=5), str(b"x", encoding="ascii"), bytes("y", encoding="utf-8"))
try:
    sorted([1], key=None, reverse=1.5)
except TypeError as e:
    print(e)
try:
    max([1], foo=1)
except TypeError as e:
    print(e)
try:
    "x".split(bogus=1)
except TypeError as e:
    print(e)
try:
    int(base=10)
except TypeError as e:
    print(e)
