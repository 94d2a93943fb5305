ops = {"inv": lambda v: 1 / v}
def apply(name, v):
    return ops[name](v)
print(apply("inv", 4))
print(apply("inv", 0))
