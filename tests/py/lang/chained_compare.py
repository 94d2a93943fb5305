def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3)
print(1 < 3 < 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 == 1.0 == True)
print(1 < 2 > 0 != 5 == 5)
x = 5
print(0 <= x < 10, 10 <= x < 20)
print('a' < 'b' <= 'b' < 'c')
v0 = None
print(v0 is None is not False)
print(2 in [1, 2] in [[1, 2]])
print([] == [] is not None)
r = v(1) < v(0) < v(5)
print(r)
try:
    1 < 'a'
except TypeError as e:
    print(e)
try:
    [] < ()
except TypeError as e:
    print(e)
print((1, 2) < (1, 3) < (2,))
