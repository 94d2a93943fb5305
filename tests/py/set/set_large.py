s = set(range(0, 300000, 3))
t = set(range(0, 300000, 5))
print(len(s), len(t), len(s & t), len(s | t), len(s - t), len(s ^ t))
print(min(s & t), max(s | t), 299997 in s, 299995 in s)
for i in range(0, 300000, 2):
    s.discard(i)
print(len(s), sum(s) % 1000)
u = {(i, i % 7) for i in range(50000)}
print(len(u), (49999, 49999 % 7) in u, sum(1 for p in u if p[1] == 0))
words = {f"w{i % 1000}" for i in range(100000)}
print(len(words), "w999" in words, "w1000" in words)
