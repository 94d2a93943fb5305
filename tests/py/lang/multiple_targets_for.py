pairs = [(1, 'a'), (2, 'b')]
for n, ch in pairs:
    print(n, ch)
d = {'x': 1, 'y': 2}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
class O: pass
o = O()
for o.attr in range(3):
    pass
print(o.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate("abc"):
    pass
print(lst)
for i in range(3):
    i = 10 * i
    print(i, end=" ")
print()
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for x in "hi", "yo":
    print(x)
for d2 in [{}]:
    d2['set'] = True
    print(d2)
tot = 0
for tot2 in range(0):
    pass
print('tot2' in globals())
