s = "Python"
print(s[0], s[-1], s[1:4], s[::-1], s[::2], s[10:], s[-100:2])
print(s + "3", s * 2, 3 * "ab", "" * 5)
print("th" in s, "TH" in s, "" in s)
print(len(s), s.lower(), s.upper())
print(s < "Q", "a" < "B", "abc" < "abd", "ab" < "abc")
try:
    s[0] = "J"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
print(list("abc"), tuple("ab"), "-".join(reversed("abc")))
print(ord("A"), chr(97), "a" * 0 == "")
for ch in "héllo":
    print(ch, end="|")
print()
