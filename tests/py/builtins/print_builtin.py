import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print(1, 2.5, None, True, [1], {"k": "v"}, (1,), "s")
print("no newline", end="")
print(" continued")
print(*range(5), sep=", ")
print("x", end="")
print()
print("multi\nline", "arg")
print(sep="ignored")
print("", "")
print(None, sep=None, end=None)
print("to stdout explicitly", file=sys.stdout)
print("flushed", flush=True)
print("to stderr", file=sys.stderr)
print("a", "b", file=None)
class S:
    def __str__(self): return "custom __str__"
    def __repr__(self): return "custom __repr__"
print(S(), [S()])
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("captured", 42, sep="-", end="!\n", file=w)
print(w.parts)
for kw in [{"sep": 5}, {"end": b"x"}, {"file": 5}, {"bogus": 1}]:
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
sys.stdout.write("direct write\n")
n = sys.stdout.write("returns count\n")
print(n)
