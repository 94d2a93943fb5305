import sys
print(sys.argv, type(sys.argv).__name__, len(sys.argv))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print("sys" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.getrecursionlimit()).__name__, sys.getrecursionlimit() >= 1000)
old = sys.getrecursionlimit()
sys.setrecursionlimit(old + 100)
print(sys.getrecursionlimit() - old)
sys.setrecursionlimit(old)
print(sys.exc_info(), callable(sys.exit), callable(sys.stdout.write), callable(sys.stderr.flush))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(type(e).__name__, e)
sys.stdout.flush()
