def v(x):
    print("eval", x)
    return x
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
print(v(1) if v(True) else v(2))
print(v(1) if v(0) else v(2))
print((lambda: 'a' if [] else 'b')())
x = [i if i % 2 else -i for i in range(5)]
print(x)
print(v(0) or v('') or v('x'))
print(v(1) and v([]) and v(3))
print(not 0, not 1, not [], not [0])
a = None
print(a or "default")
print(0 and 1/0)
print(1 or 1/0)
