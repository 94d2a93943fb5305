for s in ["key=value=more", "novalue", "=start", "end=", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("abcabc".partition("bc"), "abcabc".rpartition("bc"), "abc".partition("abc"))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
for s in ["  hi  ", "\t\n hi \r\x0b", "xxhixx", "", "   ", "\u3000wide\u3000"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(" x")))
print("www.example.com".strip("cmowz."), "  a  ".strip(None), "abcba".strip("ab"), "abc".lstrip("") , "aaa".strip("a"))
print("prefix-body".removeprefix("prefix-"), "prefix-body".removeprefix("x"), "body.txt".removesuffix(".txt"), "a".removesuffix(""))
try:
    " a ".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
