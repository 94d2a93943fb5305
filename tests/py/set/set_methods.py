s = set()
s.add(1); s.add(2); s.add(1)
print(sorted(s), len(s))
s.update([3, 4], (5,), range(6, 8))
print(sorted(s))
s.discard(100)
s.discard(1)
s.remove(2)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
p = s.pop()
print(p in range(3, 8), len(s))
c = s.copy()
c.add("new")
print(len(s), len(c))
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
t = {1, 2, 3, 4, 5}
t.intersection_update({1, 2, 3}, [2, 3, 9])
print(sorted(t))
t.difference_update([3])
print(sorted(t))
t.symmetric_difference_update({2, 10})
print(sorted(t))
try:
    t.add([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
