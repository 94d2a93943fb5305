print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"), ", ".join(str(i) for i in range(4)), "x".join(["only"]))
print("".join({"b": 1, "a": 2}), " ".join(("t", "u")))
for bad in ([1, 2], ["a", None], "ab".encode()):
    try:
        "-".join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for w in [0, 3, 8, 9]:
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("abc".ljust(w, ".")), repr("abc".rjust(w, "-")), repr("ab".center(w, "^")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(3), "-".zfill(3), "12345".zfill(2), "-0.5".zfill(6))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("a\tb\tc".expandtabs(), "a\tb\tc".expandtabs(4), "ab\tc\nabc\td".expandtabs(3), "x\ty".expandtabs(0), "\t".expandtabs(1), "12345\t6".expandtabs(4))
