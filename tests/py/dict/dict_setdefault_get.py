d = {}
for ch in "hello world":
    d.setdefault(ch, []).append(ch.upper())
print(d)
print(d.get("h"), d.get("q"), d.get("q", []), d.setdefault("q", "Q"), d["q"])
class Key:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print("hash", self.n)
        return self.n
    def __eq__(self, o):
        print("eq", self.n, o.n)
        return self.n == o.n
k1 = Key(1)
m = {k1: "one"}
print(m.get(Key(1)))
print(m.setdefault(Key(1), "other"))
print(Key(2) in m)
