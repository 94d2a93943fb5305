class Config:
    names = ["a", "b", "c"]
    upper = [n.upper() for n in names]
    pairs = list(enumerate(names))
    first_iter = list(x for x in names)
    offset = 10
    try:
        shifted = list(i + offset for i in range(3))
    except NameError as e:
        shifted = str(e)
    shifted_ok = [i + o for o in [offset] for i in range(3)]
print(Config.upper, Config.pairs, Config.first_iter)
print(Config.shifted)
print(Config.shifted_ok)
def f():
    k = 2
    class Inner:
        vals = [k * i for i in range(3)]
    return Inner.vals
print(f())
