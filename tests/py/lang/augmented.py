x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 10; print(x)
x >>= 2; print(x)
x <<= 3; print(x)
x &= 0xff; print(x)
x |= 0x100; print(x)
x ^= 0x1ff; print(x)
f = 7.0
f /= 2; print(f)
l = [1]
l2 = l
l += [2]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
s = "a"
s *= 3
print(s)
d = {'a': [1]}
d['a'] += [2]
print(d)
class C:
    def __init__(self): self.v = 1
c = C()
c.v += 10
print(c.v)
arr = [1, 2, 3]
i = 0
def idx():
    global i
    i += 1
    print("idx called", i)
    return 1
arr[idx()] += 100
print(arr)
tl = ([],)
try:
    tl[0] += [1]
except TypeError as e:
    print(type(e).__name__, e)
print(tl)
