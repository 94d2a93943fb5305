class Hex(int):
    def __repr__(self): return hex(self)
    def __format__(self, spec):
        if spec == "h":
            return hex(self)
        return super().__format__(spec)
h = Hex(255)
print(h, repr(h), str(h), f"{h}", f"{h:h}", f"{h:08b}", "%d %x %r" % (h, h, h), [h])
class Pct(float):
    def __str__(self): return f"{self * 100:.1f}%"
    __format__ = lambda self, spec: str(self) if not spec else float.__format__(self, spec)
p = Pct(0.256)
print(p, f"{p}", f"{p:.2f}", repr(p), "%s" % p)
class S(str):
    def __format__(self, spec): return "S-format:" + spec
print(f"{S('x'):>5}", "{:abc}".format(S("y")), format(S("z")))
