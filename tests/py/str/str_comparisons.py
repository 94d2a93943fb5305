pairs = [("a", "b"), ("a", "A"), ("abc", "ab"), ("", "a"), ("é", "e"), ("Z", "a"), ("10", "9"), ("😀", "\uffff"), ("a\x00", "a"), ("ß", "ss")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "10", "9", "_x", " y"]))
print(sorted(["banana", "Apple", "cherry", "apple"], key=str.lower), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print("abc" == "ab" + "c", "a" * 3 == "aaa", "x" in ["x"], ("a", "b") < ("a", "c"))
print(max(["apple", "pear", "fig"]), min(["apple", "pear", "fig"], key=len), "Abc".casefold() == "aBC".casefold())
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
print("a" == 1, "1" == 1, "a" != b"a")
