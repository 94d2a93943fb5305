class T(tuple):
    def __repr__(self):
        return "T" + super().__repr__()
t = T([1, 2])
print(t, repr(t), str(t), [t], (t,), type(t + (3,)).__name__, type(t[:1]).__name__, t == (1, 2))
print(repr((1,)), repr(()), repr((None, "a", 1.5)), repr(((),)), repr(((1, 2),)), str(("é",)), ascii(("é",)))
r = (1, [2])
r[1].append(r)
print(r)
class Counted(tuple):
    count_calls = 0
    def count(self, v):
        Counted.count_calls += 1
        return super().count(v) * 10
c = Counted((1, 1, 2))
print(c.count(1), Counted.count_calls, tuple.count(c, 1))
