a = b = c = [1, 2]
print(a is b, b is c, a)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "st"
print(s, t)
u, = [9]
print(u)
d = {}
d["k"] = d2 = 7
print(d, d2)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
class O: pass
o = O()
o.a, o.b = "ab"
print(o.a, o.b)
m = [[0, 0], [0, 0]]
m[0][1] = m[1][0] = 3
print(m)
for k, (v1, v2) in enumerate([(1, 2), (3, 4)]):
    print(k, v1, v2)
try:
    e, f = 1, 2, 3
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    e, f, g = 1, 2
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    e, f = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e, f = None
except TypeError as ex:
    print(type(ex).__name__, ex)
s = slice(1, 3)
arr = list(range(6))
arr[s] = ["x"]
print(arr)
