a = 1; b = 2; c = a + b; print(c)
total = 1 + \
        2 + \
        3
print(total)
lst = [
    1,
    2,   # comment
    3,
]
print(lst)
d = {'a':
     1, 'b': (2,
              3)}
print(d)
if (a == 1 and
        b == 2):
    print("multi-line condition")
def f(x,
      y=2,
      ):
    return x + y
print(f(1,
        ))
s = ("implicit "
     "joining")
print(s)
for i in range(2): print("inline", i)
while False: pass
class C: x = 1; y = 2
print(C.x + C.y)
if True: print("a"); print("b")
