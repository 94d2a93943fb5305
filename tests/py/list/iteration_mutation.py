l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2 == 0:
        l.remove(x)
print(l)
l = [1, 2, 3]
seen = []
for x in l:
    seen.append(x)
    if len(l) < 6:
        l.append(x * 10)
print(seen, l)
l = list(range(10))
for i, x in enumerate(l):
    if x < 5:
        del l[0]
print(l)
l = [1, 2, 3]
it = iter(l)
print(next(it))
l.clear()
print(list(it))
l = [1, 2, 3]
it = iter(l)
next(it); next(it); next(it)
l.append(4)
print(list(it), list(it))
l = [1, 2, 3]
r = reversed(l)
l.append(99)
print(list(r))
l = [5, 6, 7]
r = reversed(l)
next(r)
del l[:]
print(list(r))
l = [1, 2, 3, 4]
l[:] = [x for x in l if x != 3]
print(l)
