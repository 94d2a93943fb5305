d = {1: 1, 2: 2}
try:
    for k in d:
        d[k * 10] = 0
except RuntimeError as e:
    print("dict:", e)
s = {1, 2}
try:
    for k in s:
        s.add(k * 10)
except RuntimeError as e:
    print("set:", e)
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if len(l) < 10:
        l.append(x + 100)
print("list grows while iterating:", out)
l = [1, 2, 3, 4]
for x in l:
    l.remove(x)
print("list remove while iterating:", l)
d = {"a": 1}
keys = d.keys()
it = iter(keys)
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print("keys view:", e)
ba = bytearray(b"abc")
res = []
for c in ba:
    res.append(c)
    if len(ba) < 6:
        ba.append(c + 3)
print("bytearray:", bytes(res))
class Seq:
    def __init__(self): self.data = [1, 2, 3]
    def __getitem__(self, i):
        if i == 1:
            self.data.append(99)
        return self.data[i]
print("getitem sequence:", list(Seq()))
