t = (1, [2, 3], {"k": "v"})
t[1].append(4)
t[2]["k2"] = 5
print(t)
try:
    t[1] += [5]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
t2 = t
t += (6,)
print(t2 is t, len(t2), len(t))
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.sort()
except AttributeError as e:
    print(type(e).__name__, e)
frozen = (1, 2, 3)
print(frozen.__class__, frozen.__len__(), frozen.__getitem__(1), frozen.__contains__(3), frozen.__add__((4,)), frozen.__mul__(2))
print(tuple(frozen) == frozen, frozen[:] == frozen, frozen[::1] == frozen)
