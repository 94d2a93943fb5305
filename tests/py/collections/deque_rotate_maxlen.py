# rotate, bounded deques and in-place repetition.
from _collections import deque

d = deque(range(10))
for n in (1, -1, 3, -4, 0, 10, -10, 25, -27, 5):
    d.rotate(n)
    print(n, list(d))
d.rotate()
print(list(d))
e = deque()
e.rotate(5)
print(e)
e = deque([1])
e.rotate(-3)
print(e)

# rotate on rings that are partly full and wrapped around
d = deque(range(20))
for i in range(7):
    d.popleft()
d.extend('abc')
for n in (4, -9, 15, -15, 7):
    d.rotate(n)
    print(n, ''.join(map(str, d)))
full = deque(range(8))
full.rotate(3)
print(full)
full.rotate(-11)
print(full, full[0], full[-1], full.index(7))

# rotation equals pops and appends
seed = 5
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
for trial in range(20):
    n = rand(40)
    k = rand(120) - 60
    d = deque(range(n))
    ref = list(range(n))
    d.rotate(k)
    if n:
        m = k % n
        ref = ref[n - m:] + ref[:n - m]
    assert list(d) == ref, (n, k, list(d), ref)
print('rotations ok')

# maxlen: the far end is dropped
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
d.appendleft('L')
print(d)
d.extend('ab')
print(d)
d.extendleft('xyz')
print(d)
d.extendleft('pqrstu')
print(d, d.maxlen)
z = deque('abc', maxlen=0)
z.append(1); z.appendleft(2); z.extend(range(5)); z.extendleft([1])
print(z, len(z))
b = deque(range(10), 4)
print(b, b.maxlen)
b.__init__('xy')
print(b, b.maxlen)
b.__init__('xyz', 2)
print(b, b.maxlen)
b.__init__(maxlen=1)
print(b, b.maxlen)
print(deque(range(5), maxlen=True), deque(range(5), maxlen=None))

# insert in a bounded deque
d = deque([1, 2], maxlen=4)
d.insert(1, 'a')
d.insert(-1, 'b')
print(d)
try:
    d.insert(0, 'c')
except IndexError as e:
    print(type(e).__name__, e)

# repetition
d = deque([1, 2, 3])
print(d * 3, d * 1, d * 0)
d *= 3
print(d)
d = deque(range(4), maxlen=10)
d *= 4
print(d)
d = deque([0], maxlen=6)
d *= 100
print(d)
d = deque('ab', maxlen=5)
print(d * 3, 3 * d)
d = deque('abc', maxlen=2)
print(d)

# self-extension
d = deque([1, 2])
d.extend(d)
print(d)
d.extendleft(d)
print(d)
d = deque([1, 2, 3], maxlen=4)
d.extend(d)
print(d)
d += d
print(d)

# queue and stack use
q = deque()
for i in range(10):
    q.append(i)
out = []
while q:
    out.append(q.popleft())
    if out[-1] % 3 == 0 and 0 < out[-1] < 6:
        q.append(out[-1] * 10)
print(out)
st = deque()
for c in '(a[b]{c}d)':
    if c in '([{':
        st.append(c)
    elif c in ')]}':
        print(c, 'closes', st.pop())
print(len(st))
# sliding window maximum
def window_max(seq, k):
    w = deque()
    res = []
    for i, x in enumerate(seq):
        while w and seq[w[-1]] <= x:
            w.pop()
        w.append(i)
        if w[0] <= i - k:
            w.popleft()
        if i >= k - 1:
            res.append(seq[w[0]])
    return res
print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
last3 = deque(maxlen=3)
for word in 'the quick brown fox jumps over'.split():
    last3.append(word)
print(list(last3))
