# A module's __annotations__ is a getset over its dict: reading it makes an
# empty dict there, deleting a missing one is AttributeError.
import types

m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)
m.__annotations__ = 5
print(m.__dict__["__annotations__"])
del m.__annotations__
try:
    del m.__annotations__
except AttributeError as e:
    print("AttributeError", e)
m.__dict__["__annotations__"] = 7
print(m.__annotations__)
print(types.ModuleType.__dict__["__annotations__"])
import collections.abc

print(type(collections.abc.__annotations__).__name__)
x: int = 1
print(__annotations__)
