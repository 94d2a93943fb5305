l = [1, 2]
l.append(l)
print(l, repr(l), str(l), len(l))
print(l[2] is l, l[2][2][2] is l)
a = [1]
b = [a]
a.append(b)
print(a, b)
d = {"list": []}
d["list"].append(d)
print(d)
t = ([],)
t[0].append(t)
print(t)
class C:
    def __init__(self): self.items = []
    def __repr__(self): return f"C({self.items!r})"
c = C()
c.items.append(c)
try:
    print(repr(c))
except RecursionError as e:
    print("RecursionError", type(e).__name__)
nested = [[[[[]]]]]
print(nested, str(nested) == repr(nested))
s = [0]
s[0] = s
print(s, s == s if False else "skip compare")
