counter = 0
def bump(n=1):
    global counter
    for _ in range(n):
        counter += 1
    return counter
print(bump(), bump(5), counter)
def set_many():
    global a1, a2
    a1, a2 = "one", "two"
set_many()
print(a1, a2)
print(globals()["counter"], "bump" in globals())
globals()["injected"] = 123
print(injected)
def shadow_builtin():
    global len
    len = lambda x: -1
shadow_builtin()
print(len("abc"))
del len
print(len("abc"))
def uses_builtin():
    return max([3, 1, 2])
max = min
print(uses_builtin())
del max
print(uses_builtin())
