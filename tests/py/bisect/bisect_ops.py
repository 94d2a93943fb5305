# _bisect through bisect.py: positions, lo/hi/key, insort into lists and
# other sequences, comparison order, and CPython's messages.
import bisect, _bisect

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right,
      bisect.bisect_left is _bisect.bisect_left, bisect.bisect_left.__module__)
a = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in [0, 1, 2, 3, 4, 8, 13, 14, 2.5, True]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
for lo, hi in [(0, None), (2, None), (2, 5), (0, 0), (5, 2), (3, -1), (0, -2), (9, None)]:
    print(lo, hi, bisect.bisect_left(a, 2, lo, hi), bisect.bisect_right(a, 2, lo=lo, hi=hi))
print(bisect.bisect_left(a, 8, hi=7), bisect.bisect_right(a, 8, 0, 7))
words = ['apple', 'fig', 'banana', 'kiwi']
s = sorted(words, key=len)
print(s, bisect.bisect_left(s, 4, key=len), bisect.bisect_right(s, 4, key=len), bisect.bisect(s, 5, key=None) if False else '')
t(bisect.bisect_left, s, 'pear', key=len)
t(bisect.bisect_left, s, 4, key=len)
l = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(l, x)
print(l)
bisect.insort_left(l, 5)
bisect.insort_right(l, 5.0)
bisect.insort_left(l, 5.0)
print(l, [type(x).__name__ for x in l])
recs = []
for name in ['ccc', 'a', 'bb', 'dd', 'e']:
    bisect.insort(recs, name, key=len)
print(recs)
bisect.insort_left(recs, 'xx', key=len)
bisect.insort_right(recs, 'yy', key=len, lo=1)
print(recs)
print(bisect.bisect_right('abcdef', 'c'), bisect.bisect_left((1, 3, 5), 3), bisect.bisect(range(0, 100, 5), 42))

class Seq:
    def __init__(self): self.items = []
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def insert(self, i, x):
        print('insert', i, x)
        self.items.insert(i, x)
sq = Seq()
for x in [3, 1, 2]:
    bisect.insort(sq, x)
print(sq.items)
class ML(list):
    def insert(self, i, x):
        print('ML.insert', i, x)
        super().insert(i, x)
ml = ML([1, 3])
bisect.insort(ml, 2)
print(ml)

log = []
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
cs = [C(v) for v in range(10)]
bisect.bisect_left(cs, C(6.5))
print(log); log.clear()
bisect.bisect_right(cs, C(3))
print(log); log.clear()
keys = []
bisect.bisect(list(range(20)), 7, key=lambda v: keys.append(v) or v)
print(keys)

t(bisect.bisect_right)
t(bisect.bisect_right, [1])
t(bisect.bisect_right, [1], 1, 2, 3, 4)
t(bisect.bisect_right, [1], 1, -1)
t(bisect.bisect_right, [1], 1, 'x')
t(bisect.bisect_right, [1], 1, 0, 'x')
t(bisect.bisect_right, [1], 1, 0, 1.0)
t(bisect.bisect_right, [1], 1, 0, 2**70)
t(bisect.bisect_right, [1], 1, 2**70)
t(bisect.bisect_right, 5, 1)
t(bisect.bisect_right, [1], 1, foo=1)
t(bisect.bisect_right, [1], 1, 0, None, None)
t(bisect.bisect_left, a=[1, 2], x=1, key=None)
t(bisect.bisect_left, [1, 2], x=1, a=2)
t(bisect.insort, (1, 2), 1)
t(bisect.insort_left, [1, 2])
t(bisect.insort_right, [1, 'a'], 2)
t(bisect.bisect_left, [1, 2, 3], 2, hi=10)
t(bisect.bisect_left, {0: 1, 1: 2}, 2)
t(bisect.bisect_left, [1, 2], 2, key=5)
