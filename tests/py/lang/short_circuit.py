calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
print(r, calls); calls.clear()
r = t(1) and t(2) and t(0) and t(3)
print(r, calls); calls.clear()
r = t(0) or t('') or t(None)
print(r, calls); calls.clear()
r = t([]) or t([1]) or t(3)
print(r, calls); calls.clear()
r = not t(0) and t(5)
print(r, calls); calls.clear()
r = (t(1) or t(2)) and (t(0) or t(4))
print(r, calls); calls.clear()
class Loud:
    def __init__(self, v): self.v = v
    def __bool__(self):
        calls.append(f"bool{self.v}")
        return bool(self.v)
r = Loud(0) or Loud(1)
print(type(r).__name__, r.v, calls); calls.clear()
if Loud(1) and Loud(0):
    pass
print(calls); calls.clear()
x = Loud(2) and 5
print(x, calls)
class BadBool:
    def __bool__(self): return 1
try:
    if BadBool(): pass
except TypeError as e:
    print(type(e).__name__, e)
class LenOnly:
    def __len__(self): return 0
print(bool(LenOnly()), "yes" if LenOnly() else "no")
