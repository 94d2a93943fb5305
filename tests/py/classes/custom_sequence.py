class Seq:
    def __init__(self, data): self.data = list(data)
    def __len__(self): return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            print("slice", i.start, i.stop, i.step)
            return Seq(self.data[i])
        print("index", i)
        return self.data[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.data[i] = v
    def __delitem__(self, i):
        print("del", i)
        del self.data[i]
    def __repr__(self): return f"Seq({self.data})"
s = Seq("abcdef")
print(s[1], s[-1], s[1:4], s[::2], s[:])
s[0] = "A"
s[1:3] = ["X"]
del s[0]
del s[::2]
print(s, len(s))
print(list(reversed(Seq([1, 2, 3]))))
try:
    Seq([])[5]
except IndexError as e:
    print(type(e).__name__, e)
print(s[1:2, 3] if False else "skip tuple index")
class Rev:
    def __reversed__(self): return iter("zyx")
    def __iter__(self): return iter("xyz")
print(list(reversed(Rev())), list(Rev()))
class NoLen:
    def __getitem__(self, i): return i
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
