class Tracing(dict):
    def __getitem__(self, k):
        print("lookup", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("store", k, v)
        super().__setitem__(k, v)
loc = Tracing(a=1)
print(eval("a + 1", {}, loc))
exec("b = a * 10", {}, loc)
print(dict(loc))
class Default(dict):
    def __missing__(self, k):
        return f"<{k}>"
print(eval("undefined_name", {}, Default()))
try:
    eval("undefined_name", Default())
except NameError as e:
    print(type(e).__name__, e)
class Lookup:
    def __getitem__(self, k):
        if k == "magic":
            return 42
        raise KeyError(k)
print(eval("magic + 1", {}, Lookup()))
try:
    eval("other", {}, Lookup())
except NameError as e:
    print(type(e).__name__, e)
