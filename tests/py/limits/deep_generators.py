def nested(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nested(n - 1)
print(list(nested(200)))
try:
    list(nested(100000))
except RecursionError as e:
    print(type(e).__name__, e)
def chain_gens(n):
    g = iter([1, 2, 3])
    for _ in range(n):
        g = (x for x in g)
    return g
print(list(chain_gens(100)))
print(list(chain_gens(900)))
print("still running")
