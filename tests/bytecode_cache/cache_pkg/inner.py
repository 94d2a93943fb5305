from . import PKG


def closure():
    base = 10

    def add(x):
        return x + base + len(PKG)
    return add


def gen_values():
    def gen():
        for i in range(3):
            try:
                yield i
            finally:
                pass
    return list(gen())


class Holder:
    def method(self):
        return __class__.__name__


def fails(n):
    total = 0
    for i in range(n):
        total += (
            1 // (i - 2)
        )
    return total
