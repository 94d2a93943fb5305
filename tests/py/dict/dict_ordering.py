d = {}
for k in ["zebra", "apple", "mango", "kiwi"]:
    d[k] = len(k)
print(list(d))
d["apple"] = 0
print(list(d))
del d["zebra"]
d["zebra"] = 1
print(list(d))
d.pop("mango")
d.setdefault("mango", 9)
print(d)
d.update({"kiwi": 100, "new": 1})
print(d)
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items()))[:2])
e = {i: i for i in range(10)}
for i in range(0, 10, 2):
    del e[i]
for i in range(0, 10, 2):
    e[i] = -i
print(list(e.items()))
big = {}
for i in range(1000):
    big[i * 7 % 1000] = i
for i in range(0, 1000, 3):
    del big[i]
print(list(big)[:10], len(big))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({1: "a", 2: "b"}) == list({2: "b", 1: "a"}))
