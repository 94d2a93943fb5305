s = "abc"
print(s * 3, s * 0, s * -2, 2 * s, s + "", "" + s, s in "xabcx", "" in s, "abcd" in s)
print(sorted(["b", "B", "a", "A", "_", "1", "é", "z"]), "a" < "b" < "ba", "Z" < "a", "é" > "z", "abc" < "abd", "ab" < "abc")
print(max("hello"), min("hello"), list(reversed("abc")), sorted("banana"), "".join(sorted(set("mississippi"))))
print(len("😀"), len("é"), len("e\u0301"), ord("😀"), chr(128512), [ord(c) for c in "aé€"])
print(list(enumerate("ab")), dict(zip("ab", "xy")), "a,b".split(",") == ["a", "b"])
it = iter("xyz")
print(next(it), next(it), list(it))
print(str(), str(12), str(1.5), str([1]), str(None), str(b"x"), str(str), repr(str("x")))
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "a".__add__("b"), "ab".__mul__(2), "x".__eq__("x"))
print("abc".count("b") + "abc".index("c"), "Hello".swapcase().swapcase())
s2 = ""
for i in range(1000):
    s2 += str(i % 10)
print(len(s2), s2[:15], s2[-5:])
parts = [chr(65 + i % 26) for i in range(100000)]
big = "".join(parts)
print(len(big), big[:30], big.count("Z"), big.find("XYZA"), big.rfind("ABC"))
