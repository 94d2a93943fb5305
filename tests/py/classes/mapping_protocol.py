class Env:
    def __init__(self, **kw): self.d = kw
    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]
    def keys(self):
        print("keys")
        return self.d.keys()
    def __len__(self): return len(self.d)
e = Env(b=2, a=1)
print(dict(e))
print({**e})
print("%(a)s and %(b)s" % e)
print("{a}-{b}".format_map(e))
def f(**kw): return kw
print(f(**e))
d = {}
d.update(e)
print(d)
class OnlyGetitem:
    def __getitem__(self, k): return k.upper()
print("%(name)s" % OnlyGetitem(), "{x}".format_map(OnlyGetitem()))
try:
    dict(5)
except TypeError as e:
    print(type(e).__name__, e)
