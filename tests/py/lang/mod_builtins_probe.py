kind = type(__builtins__).__name__


def f():
    pass
