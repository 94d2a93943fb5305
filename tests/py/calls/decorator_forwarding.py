def logged(f):
    def wrapper(*args, **kwargs):
        print("->", f.__name__, args, sorted(kwargs.items()))
        return f(*args, **kwargs)
    return wrapper
@logged
def area(w, h=1, *, unit="m"):
    return f"{w * h}{unit}2"
print(area(2))
print(area(2, 3))
print(area(w=4, h=5, unit="cm"))
try:
    area()
except TypeError as e:
    print(e)
try:
    area(1, 2, 3)
except TypeError as e:
    print(e)
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
        self.misses = 0
    def __call__(self, *a):
        if a not in self.cache:
            self.misses += 1
            self.cache[a] = self.f(*a)
        return self.cache[a]
@Memo
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(30, 15), binom.misses)
def repeat(n):
    def deco(f):
        def w(*a, **k):
            return [f(*a, **k) for _ in range(n)]
        return w
    return deco
@repeat(3)
def greet(name, punct="!"):
    return "hi " + name + punct
print(greet("bob"), greet("al", punct="?"))
