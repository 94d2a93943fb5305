import sys
if len(sys.argv) > 5:
    def f(): return "many args"
else:
    def f(): return "few args"
print(f())
def g(): return 1
first = g
def g(): return 2
print(first(), g(), first is g)
for i in range(3):
    def h(i=i): return i * 10
print(h())
try:
    undefined_later()
except NameError as e:
    print(type(e).__name__, e)
def undefined_later(): return "now defined"
print(undefined_later())
class A:
    if True:
        def m(self): return "branch 1"
    else:
        def m(self): return "branch 2"
print(A().m())
print(sys.argv)
