x = "global x"
res = [x for x in range(3)]
print(res, x)
class C:
    val = 10
    items = [1, 2]
    doubled = [i * 2 for i in items]
    try:
        bad = [i * val for i in items]
    except NameError as e:
        print(type(e).__name__, e)
    ok = [v for v in [val] for _ in range(2)]
print(C.doubled, C.ok)
def f():
    n = 3
    return [n * i for i in range(n)]
print(f())
def g():
    total = [lambda: i for i in range(3)]
    return [t() for t in total]
print(g())
y = [10]
print([y for y in y])
def walrus():
    [(last := v) for v in range(4)]
    return last
print(walrus())
gen = (i for i in range(3))
print(next(gen), next(gen))
try:
    print([z for z in undefined_name])
except NameError as e:
    print(type(e).__name__, e)
def lazy():
    it = (1 / v for v in [1, 0])
    print("created")
    try:
        print(list(it))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
lazy()
outer = [1, 2]
gen2 = (a for a in outer)
outer = [3, 4]
print(list(gen2))
