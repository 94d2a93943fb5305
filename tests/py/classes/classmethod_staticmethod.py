class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), MyDate().is_leap(2024) if False else MyDate.is_leap(2023))
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class K:
    s = sm
    c = cm
print(K.s("abc"), K().c(), K.c())
print(isinstance(K.__dict__["s"], staticmethod), K.__dict__["s"].__func__ is len)
class Counter:
    count = 0
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter): pass
print(Counter.inc(), Counter.inc(), SubCounter.inc(), Counter.count, SubCounter.count)
print(callable(K.__dict__["s"]))
