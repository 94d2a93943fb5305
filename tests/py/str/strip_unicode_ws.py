ws = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
s = ws + "core" + ws
print(repr(s.strip()), len(s.lstrip()), len(s.rstrip()), s.split(), repr(("a" + ws + "b").split(None, 1)))
not_ws = "\u200b\ufeff\u180e"
print(repr((not_ws + "x" + not_ws).strip()), [c.isspace() for c in not_ws])
print(repr("xxabcxx".strip("x")), repr("<<a>>".strip("<>")), repr("abc".strip("cba")), repr("  a  ".strip(" a")))
print(repr(" \t a \t ".lstrip(" ")), repr(" \t a \t ".rstrip("\t ")))
