def f(a): pass
def g(): pass
def h(a, b=2): pass
def kwo(a, *, k): pass
class K:
    def m(self): pass
    def n(self, x): pass
tests = [
    lambda: f(1, 2),
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: h(1, 2, 3),
    lambda: h(1, 2, 3, 4),
    lambda: kwo(1, 2),
    lambda: kwo(1, 2, k=3),
    lambda: K().m(1),
    lambda: K().n(1, 2),
    lambda: f(b=1),
    lambda: g(x=1),
    lambda: f(1, b=2),
    lambda: h(1, c=5),
    lambda: kwo(1, k=1, j=2),
    lambda: (lambda: 0)(1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
