data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long", n)
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 5) + a)
def f():
    if any((hit := v) > 10 for v in data):
        return hit
print(f())
vals = iter([3, 2, 1, 0, 9])
while (v := next(vals)):
    print("v", v)
print([q := 1, q + 1])
d = {"k": (z := "zz")}
print(d, z)
print((lambda: (w := 7))(), end=" ")
print(w if 'w' in dir() else "w not leaked")
