class DefaultDict(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = DefaultDict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, dd.get("zz"), "zz" in dd, dd.setdefault("c", ["x"]))
words = "the cat and the hat and the bat".split()
counts = DefaultDict(int)
for w in words:
    counts[w] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
class Recorder(dict):
    def __missing__(self, key):
        return f"<missing {key}>"
r = Recorder(x=1)
print(r["x"], r["y"], r.get("y"), r.pop("y", "pop default"), len(r))
class NotCalledForGet(dict):
    calls = 0
    def __missing__(self, key):
        NotCalledForGet.calls += 1
        return 0
n = NotCalledForGet()
n.get("a"); "a" in n; n.setdefault("b", 1); n["c"]
print(NotCalledForGet.calls, n)
class BadMissing(dict):
    __missing__ = None
try:
    BadMissing()["k"]
except TypeError as e:
    print(type(e).__name__, e)
