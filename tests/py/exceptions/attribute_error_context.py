# An AttributeError raised by __getattr__, __getattribute__ or a property
# gets the name and object of the failed lookup (unless it has a name or an
# obj), so the traceback can suggest a close name.
import sys
import traceback


class A:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError()


class B:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError("Error", 23)


class D:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError("has its own", name="other", obj=5)


for cls in (A, B, D):
    try:
        cls().bluch
    except AttributeError as e:
        print(cls.__name__, repr(e.name), type(e.obj).__name__)
        print(traceback.format_exception_only(type(e), e)[-1].rstrip())


class E:
    def __getattr__(self, a):
        raise AttributeError("m", name="x")


class F:
    def __getattribute__(self, a):
        raise AttributeError("m")


class H:
    @property
    def p(self):
        raise AttributeError("m")


for f in (lambda: E().y, lambda: F().y, lambda: getattr(H(), "p")):
    try:
        f()
    except AttributeError as e:
        print(repr(e.name), type(e.obj).__name__)
