print(len([1, 2]), len("héllo"), len(b"\x00"), len({}), len({1: 2}), len(set()), len(range(10)), len(range(0, 10, 3)), len(()), len(frozenset("aab")))
print(len({1: 2}.keys()), len(memoryview(b"abc")), len(bytearray(5)), len([[]] * 5))
class L:
    def __len__(self): return 7
print(len(L()))
for bad in (5, None, iter([1]), (x for x in [])):
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
it = iter([1, 2])
print(type(it).__name__, iter(it) is it, list(iter(it)))
print(list(iter((3, 4))), list(iter("ab")), list(iter({5: 6})), next(iter(range(3))))
class G:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
print(list(iter(G())))
try:
    iter(None)
except TypeError as e:
    print(type(e).__name__, e)
