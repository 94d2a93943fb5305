# deque: construction, both ends, indexing, searching, copying, operators,
# comparisons, iteration, reprs (recursive ones too) and subclasses.
from _collections import deque

d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque('abc')
print(d, len(d), bool(d), d[0], d[-1], d[1])
d.append('d')
d.appendleft('z')
print(d, d.pop(), d.popleft(), d)
d.extend(range(3))
d.extendleft('xy')
print(d, len(d))
print([d[i] for i in range(len(d))], [d[-i] for i in range(1, len(d) + 1)])
d[0] = 'Y'
d[-1] = 99
print(d)
del d[1]
del d[-2]
print(d)
print(d.count('a'), d.count(99), d.count('nope'))
print(d.index('a'), d.index(99), d.index('c', 2), d.index('b', -6, -3))
print('a' in d, 'q' in d, 99 in d)

# Many items: the ring grows and shrinks; both ends stay in order.
big = deque()
for i in range(200):
    if i % 2:
        big.append(i)
    else:
        big.appendleft(i)
print(len(big), big[0], big[-1], big[100], list(big)[95:105])
while len(big) > 3:
    big.pop() if len(big) % 3 else big.popleft()
print(big)
s = 0
for i in range(1000):
    big.append(i)
    s += big.popleft()
print(s, big)

# insert / remove / reverse / clear
d = deque([1, 2, 3])
d.insert(0, 'a'); d.insert(100, 'b'); d.insert(-100, 'c'); d.insert(2, 'd'); d.insert(-1, 'e')
print(d)
d.remove('d')
d.remove(3)
print(d)
d.reverse()
print(d)
d.clear()
print(d, len(d))
d.reverse()
print(d)

# copies
d = deque([1, [2, 3]], maxlen=5)
c1 = d.copy(); c4 = d.__copy__()
d[1].append(4)
print(c1, c4, c1 is d, c1 == d, c1[1] is d[1], c1.maxlen)
print(d.__reduce__()[:3], list(d.__reduce__()[3]))
print(deque([1]).__reduce__()[:3])

# operators
a = deque([1, 2]); b = deque([3])
print(a + b, b + a, a * 2, 2 * a, a * 0, a * -3)
a += [5, 6]
print(a)
a += a
print(a)
a *= 2
print(a, len(a))
a *= 1
print(len(a))
a *= 0
print(a)
e = deque([7])
e *= 4
print(e)

# comparisons (element-wise, like lists)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 2]), deque([1]) == deque([2]))
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) < deque([1, 2, 0]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) <= deque([1, 2]), deque([1, 3]) >= deque([1, 2, 5]), deque() < deque([0]))
print(deque([1]) == [1], deque([1]) != (1,), deque('ab') == deque(['a', 'b']))
print(deque.__hash__, deque([]).__eq__(5))

# iteration
d = deque(range(5))
it = iter(d)
print(type(it).__name__, it.__length_hint__(), next(it), next(it), it.__length_hint__(), list(it), it.__length_hint__())
r = reversed(d)
print(type(r).__name__, r.__length_hint__(), list(r), r.__length_hint__())
print(list(iter(deque())), list(reversed(deque())))
print(it.__reduce__()[1][1], iter(d).__reduce__()[1][1])
import _collections
print(list(_collections._deque_iterator(d, 2)), list(_collections._deque_reverse_iterator(d, 3)))
print(list(_collections._deque_iterator(d, 10)))

# reprs
d = deque([1, 'x', None])
print(repr(d), str(d))
print(deque([], maxlen=0), deque('ab', 2), deque(range(3), maxlen=10))
d = deque([1])
d.append(d)
print(d)
e = deque([d, 2])
print(e)
print(deque([[1, 2], (3,), {4: 5}]))

# subclasses
class D(deque):
    pass
x = D('ab')
x.extra = 1
print(x, type(x + deque('c')).__name__, type(x.copy()).__name__, x.copy(), x * 2)
print(x.__reduce__()[:3])
class E(deque):
    def __init__(self, it, maxlen=None, tag='t'):
        super().__init__(it, maxlen)
        self.tag = tag
    def __repr__(self):
        return 'E<' + ','.join(map(str, self)) + '>'
y = E([1, 2], 4, tag='hi')
print(y, y.tag, y.copy(), y.copy().maxlen, y.copy().tag, deque.__repr__(y))
print(isinstance(y, deque), E.__mro__)
class Iter(deque):
    def __iter__(self):
        return iter([9, 9])
print(repr(Iter([1, 2])), list(Iter([1])), Iter([1]) == deque([9, 9]))

print(deque[int], deque[str].__origin__ is deque)
print(deque.__module__, type(iter(deque())).__module__, deque.maxlen.__doc__)
