for s in ["", "1", "-1", "+1", "--1", "abc", "-abc", "12.5", "-", "+", "١٢"]:
    print(repr(s), [s.zfill(w) for w in (0, 1, 3, 5)])
for s in ["\t", "a\tb", "ab\tc", "abc\td", "abcd\te", "a\nb\tc", "a\r\tb", "\t\t", "😀\tx"]:
    print(repr(s), [s.expandtabs(n) for n in (0, 1, 2, 4, 8)])
print(repr("a\tb".expandtabs(-1)), repr("a\tb".expandtabs(tabsize=3)))
