def f(a, b, c): pass
def g(a, b=1): pass
def kwo(*, x, y): pass
def mixed(a, b, *, c, d): pass
class K:
    def m(self, x): pass
    @classmethod
    def cm(cls, y): pass
    @staticmethod
    def sm(z): pass
tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: g(),
    lambda: kwo(),
    lambda: kwo(x=1),
    lambda: mixed(1),
    lambda: mixed(1, 2),
    lambda: mixed(1, 2, c=3),
    lambda: K().m(),
    lambda: K.m(),
    lambda: K.cm(),
    lambda: K.sm(),
    lambda: f(a=1, c=3),
    lambda: (lambda p, q: 0)(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
