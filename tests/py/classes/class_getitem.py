class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
class Sub(Box): pass
print(Sub[str])
print(list[int], dict[str, list[int]], tuple[int, ...])
print(type(list[int]).__name__, list[int]().__class__ is list if False else list[int].__origin__)
try:
    int[5]
except TypeError as e:
    print(type(e).__name__, e)
class WithMeta(type):
    def __getitem__(cls, item):
        return "meta getitem " + repr(item)
class M(metaclass=WithMeta):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(M[0])
