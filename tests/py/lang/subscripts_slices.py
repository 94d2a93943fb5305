class Show:
    def __getitem__(self, k):
        return k
s = Show()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[...], s[:, None], s[()])
print(s[1:2:3], s["a":"b"], s[-1:])
args = (1, 2)
print(s[*args], s[0, *args])
print(s[::])
t = list(range(10))
print(t[-3:], t[:-3], t[-3:-1], t[::-2], t[8:2:-2], t[2:8:-1], t[100:], t[-100:3])
print(t[slice(None, None, 3)], t[slice(2)])
print("hello"[1:-1], (1, 2, 3)[::-1], b"bytes"[1:3])
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
try:
    t[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    t["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[1.0]
except TypeError as e:
    print(type(e).__name__, e)
print(t[True], t[-True])
