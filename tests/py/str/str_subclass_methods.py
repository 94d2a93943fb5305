class Path(str):
    sep = "/"
    def __truediv__(self, other):
        return Path(self.rstrip(self.sep) + self.sep + other)
    @property
    def name(self):
        return self.rsplit(self.sep, 1)[-1]
    @property
    def suffix(self):
        n = self.name
        return n[n.rfind("."):] if "." in n else ""
p = Path("/usr") / "lib" / "python3.11" / "os.py"
print(p, type(p).__name__, p.name, p.suffix, p.upper(), type(p.upper()).__name__, len(p), p.startswith("/usr"))
class CaseInsensitive(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
    def __contains__(self, sub):
        return sub.lower() in self.lower()
c = CaseInsensitive("Hello")
print(c == "HELLO", c == "hello", c != "world", "ELL" in c, {c: 1}.get(CaseInsensitive("hELLo")), c in ["hello"])
class Tagged(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj
    def __repr__(self):
        return f"Tagged({str(self)!r}, {self.tag!r})"
t = Tagged("data", "x")
print(repr(t), t.tag, t + "!", [t], f"{t}", "%s" % t, str(t), t.__class__.__name__)
