import sys
old = sys.getrecursionlimit()
def depth(n=1):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(200)
d200 = depth()
sys.setrecursionlimit(400)
d400 = depth()
print(d200 < 200, d400 < 400, d400 - d200)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
sys.setrecursionlimit(3000)
print(fact(2500).bit_length())
sys.setrecursionlimit(old)
try:
    fact(5000)
except RecursionError as e:
    print(type(e).__name__, e)
