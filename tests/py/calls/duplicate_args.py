def f(a, b=0): pass
def g(*args, **kw): return args, kw
class K:
    def m(self, a): pass
tests = [
    lambda: f(1, a=2),
    lambda: f(1, 2, b=3),
    lambda: f(*[1, 2], **{'a': 1}),
    lambda: K().m(1, a=2),
    lambda: K().m(self=1, a=2),
    lambda: g(**{'a': 1}, **{'a': 2}),
    lambda: f(**{'a': 1}, a=2),
    lambda: f(**{1: 2}),
    lambda: g(**{1: 2}),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(e)
