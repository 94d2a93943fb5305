class IterReturnsIterable:
    def __iter__(self): return [1, 2]
try:
    for _ in IterReturnsIterable(): pass
except TypeError as e:
    print(type(e).__name__, e)
class NextOnly:
    def __next__(self): return 1
try:
    iter(NextOnly())
except TypeError as e:
    print(type(e).__name__, e)
class StopsThenResumes:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise StopIteration
        return self.n
s = StopsThenResumes()
print(list(s), next(s), next(s))
class GetItemKeyError:
    def __getitem__(self, i):
        if i == 2:
            raise IndexError
        return chr(97 + i)
print(list(GetItemKeyError()), "b" in GetItemKeyError(), "z" in GetItemKeyError())
class ClassIter:
    @classmethod
    def __iter__(cls): return iter([cls.__name__])
print(list(ClassIter()))
class Meta(type):
    def __iter__(cls): return iter(range(3))
class Iterable(metaclass=Meta): pass
print(list(Iterable))
try:
    iter(Iterable())
except TypeError as e:
    print(type(e).__name__, e)
