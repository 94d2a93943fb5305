depth = 5000
d = {}
cur = d
for i in range(depth):
    cur["next"] = {"level": i}
    cur = cur["next"]
n = 0
cur = d
while "next" in cur:
    cur = cur["next"]
    n += 1
print(n, cur)
t = ()
for i in range(depth):
    t = (i, t)
count = 0
while t:
    count += 1
    t = t[1]
print(count)
def build(n):
    root = []
    cur = root
    for _ in range(n):
        nxt = []
        cur.append(nxt)
        cur = nxt
    return root
def depth_of(x):
    k = 0
    while x:
        x = x[0]
        k += 1
    return k
big = build(50000)
print(depth_of(big))
def rec_depth(x):
    return 0 if not x else 1 + rec_depth(x[0])
try:
    rec_depth(big)
except RecursionError as e:
    print(type(e).__name__, e)
print(rec_depth(build(300)))
try:
    str(big)
except RecursionError as e:
    print(type(e).__name__, e)
