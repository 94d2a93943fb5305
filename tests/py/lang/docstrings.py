"""Module docstring."""
def f():
    """Function docstring."""
    return 1
class C:
    """Class docstring.

    More lines."""
    def m(self):
        "method doc"
def g():
    x = 1
    "not a docstring"
def h():
    f"not a docstring {1}"
print(__doc__)
print(f.__doc__)
print(C.__doc__)
print(C.m.__doc__, C().m.__doc__)
print(g.__doc__, h.__doc__)
print((lambda: "x").__doc__)
