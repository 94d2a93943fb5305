t = tuple(range(100000))
print(len(t), t[-1], sum(t), t.index(99999), t.count(5), t[50000:50003])
nested = ()
for i in range(100):
    nested = (i, nested)
depth = 0
cur = nested
while cur:
    depth += 1
    cur = cur[1]
print(depth, nested[0], nested[1][0])
pairs = tuple((i, i * i) for i in range(1000))
print(pairs[10], dict(pairs)[999], sorted(pairs, key=lambda p: -p[1])[0])
print(tuple(reversed(t))[:3], t[::25000], len(t * 2), (t + t)[100000])
