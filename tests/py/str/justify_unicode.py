words = ["a", "é", "日本", "😀x", "tab\t", ""]
for w in words:
    print(repr(w.ljust(5, "·")), repr(w.rjust(5, "—")), repr(w.center(6, "★")), repr(f"{w:^6}"), repr(f"{w:✓<4}"))
print("|".join(s.center(7) for s in ["one", "two", "three", "four"]))
print("|".join(f"{n:^7}" for n in [1, 22, 333, 4444]))
