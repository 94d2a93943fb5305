d = {}
for i in range(200000):
    d[i] = i * 2
print(len(d), d[199999], sum(d.values()) % 1000003)
for i in range(0, 200000, 2):
    del d[i]
print(len(d), list(d)[:5], d.get(2), d.get(3))
s = {f"key{i}": i for i in range(50000)}
print(len(s), s["key49999"], sum(1 for k in s if k.endswith("7")))
keys = list(s)
print(keys[:3], keys[-2:])
t = {(i, i + 1): i for i in range(10000)}
print(t[(5000, 5001)], len(t))
cnt = {}
for i in range(100000):
    cnt[i % 97] = cnt.get(i % 97, 0) + 1
print(sorted(cnt.items())[:5], min(cnt.values()), max(cnt.values()))
