class NeverEqual:
    def __eq__(self, o):
        print("eq called")
        return False
    __hash__ = object.__hash__
n = NeverEqual()
print(n == n, n in [n], [n] == [n], n in (n,), n in {n}, [n].count(n), [n].index(n))
nan = float("nan")
print(nan == nan, nan in [nan], [nan] == [nan], (nan,) == (nan,), {nan: 1}[nan])
class AlwaysEqual:
    def __eq__(self, o):
        return True
    def __hash__(self):
        return 1
a = AlwaysEqual()
print(a in [1, 2], [1, 2].index(a), 5 in [a], [1].count(a))
d = {1: "one"}
d[a] = "always"
print(len(d), d[1])
lst = [1, 2, 3]
print(lst.remove(a) or lst)
