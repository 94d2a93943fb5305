s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
for x in list(s):
    s.discard(x)
print(s)
s = {1, 2, 3}
for x in s.copy():
    if x % 2:
        s.remove(x)
print(s)
s = {5}
for x in s:
    s.add(5)
print(s)
