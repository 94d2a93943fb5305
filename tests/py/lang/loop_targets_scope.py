for i in range(3):
    pass
print("i after loop:", i)
def f():
    for j in []:
        pass
    try:
        return j
    except UnboundLocalError as e:
        return str(e)
print(f())
funcs = []
for k in range(3):
    def show():
        return k
    funcs.append(show)
print([fn() for fn in funcs])
n = 0
for n in range(n, n + 3):
    print(n, end=" ")
print()
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print(x, end=" ")
print()
it = iter(range(6))
for a in it:
    b = next(it)
    print(a, b)
