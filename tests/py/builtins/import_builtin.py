s = __import__("sys")
import sys
print(s is sys, type(s).__name__, s.__name__)
print(__import__("sys").maxsize == sys.maxsize)
try:
    __import__("definitely_not_a_module_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
print("sys" in sys.modules, sys.modules["sys"] is sys, type(sys.modules).__name__)
print(type(__builtins__).__name__ in ("module", "dict"), __name__)
b = sys.modules["builtins"]
print(b.len is len, b.__name__, hasattr(b, "print"), b.True_ if hasattr(b, "True_") else "no True_")
