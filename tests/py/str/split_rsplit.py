cases = ["a,b,,c", ",a,", "", "   spaced   out  words ", "a\tb\nc\x0bd\x0ce\rf g\x1ch\u2003i\x85j", "no-sep", "aaa"]
for s in cases:
    print(repr(s))
    print("  split()", s.split(), "split(',')", s.split(","), "split(',', 1)", s.split(",", 1))
    print("  rsplit()", s.rsplit(None, 1), "rsplit(',', 1)", s.rsplit(",", 1), "split('a')", s.split("a"))
print("a b c d".split(maxsplit=2), "a b c d".rsplit(maxsplit=2), "a b c".split(None, 0), "  a b ".split(None, 0), "  a b ".rsplit(None, 0))
print("1<>2<>3".split("<>"), "1<>2<>3".rsplit("<>", 1), "x".split("x"), "xx".split("x"), "".split("x"), "".split())
print("a,b".split(",", -1), "a,b".split(",", 0), "aXbXc".split("X", maxsplit=1))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
