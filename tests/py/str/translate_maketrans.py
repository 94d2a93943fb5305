t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans("abc", "xyz", "d")
print("abcd dcba".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "33", "é": "e"})
print(sorted(t3.items()), "abcé!".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): 48}), "hi".translate({}))
class Lookup:
    def __getitem__(self, k):
        if k == ord("x"):
            raise LookupError
        return chr(k).upper()
print("axbx".translate(Lookup()))
for args in [("ab", "c"), ({1.5: "a"},), ({"ab": "c"},), (1,)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "a".translate({97: 5.5})
except TypeError as e:
    print(type(e).__name__, e)
