d = {c: i for i, c in enumerate("abcdef")}
out = []
while d:
    out.append(d.popitem())
print(out)
d = {"x": 1, "y": 2}
d["z"] = 3
k, v = d.popitem()
d[k] = v + 10
print(d, d.popitem())
stack = {}
for i in range(5):
    stack[f"frame{i}"] = i
print(stack.popitem(), stack.popitem(), list(stack))
d = {1: "a", 2: "b", 3: "c"}
del d[3]
d[4] = "d"
print(d.popitem(), d.popitem(), d)
