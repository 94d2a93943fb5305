class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing page")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))
class NoInit(ValueError):
    pass
e = NoInit("a", 1)
print(e, e.args, repr(e), isinstance(e, ValueError))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
e = NoSuper(5)
print(repr(e), str(e), e.args, e.x)
class WithRepr(Exception):
    def __repr__(self):
        return "custom repr"
print(repr(WithRepr()), str(WithRepr("s")))
class KE(KeyError): pass
print(str(KE("k")), str(KeyError("k")), str(KeyError("a", "b")), str(KeyError()))
class Empty(Exception): pass
print(repr(Empty()), str(Empty()), repr(Empty("one")), str(Empty(1, 2)))
try:
    raise NotFound
except TypeError as err:
    print(type(err).__name__, err)
class Base(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.created = True
        return self
print(Base("x").created, Base("x").args)
