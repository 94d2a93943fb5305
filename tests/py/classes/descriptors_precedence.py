class Data:
    def __get__(self, obj, owner):
        return f"data get (obj={type(obj).__name__}, owner={owner.__name__})"
    def __set__(self, obj, value):
        print("data set", value)
class NonData:
    def __get__(self, obj, owner):
        return "nondata get"
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["so"] = value * 2
class C:
    d = Data()
    n = NonData()
    so = SetOnly()
c = C()
print(c.d)
c.__dict__["d"] = "instance dict d"
print(c.d)
c.d = 5
print(c.n)
c.__dict__["n"] = "instance dict n"
print(c.n)
c.n = "assigned"
print(c.n, c.__dict__["n"])
print(C.d, C.n)
print(type(C.__dict__["so"]).__name__, c.so if False else "")
c.so = 21
print(c.__dict__["so"], c.so)
del c.n
print(c.n)
try:
    del c.d
except AttributeError as e:
    print(type(e).__name__, e)
