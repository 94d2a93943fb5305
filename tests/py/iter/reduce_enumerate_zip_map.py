# __reduce__/__setstate__ of enumerate, zip (strict), map and filter, and
# the DeprecationWarning of bool(NotImplemented) (CPython 3.11).
import warnings

class pickle:
    # The round trip pickle makes of a __reduce__ value, without importing it.
    @staticmethod
    def dumps(obj):
        return obj.__reduce__()
    @staticmethod
    def loads(r):
        obj = r[0](*r[1])
        if len(r) > 2:
            obj.__setstate__(r[2])
        return obj
e = enumerate("abc", 5); next(e)
print(e.__reduce__()[0].__name__, list(pickle.loads(pickle.dumps(e))))
e = enumerate("abc", 2**70)
print(list(pickle.loads(pickle.dumps(e))))
z = zip([1, 2, 3], "ab"); next(z)
print(z.__reduce__()[0].__name__, len(z.__reduce__()), list(pickle.loads(pickle.dumps(z))))
z = zip([1, 2, 3], "abcd", strict=True)
r = z.__reduce__(); print(len(r), r[2])
z2 = pickle.loads(pickle.dumps(z))
try: print(list(z2))
except ValueError as ex: print("ValueError", ex)
z = zip([1]); z.__setstate__(True); print(z.__reduce__()[2])
m = map(pow, [1, 2, 3], [2, 2, 2]); next(m)
print(m.__reduce__()[0].__name__, list(pickle.loads(pickle.dumps(m))))
f = filter(None, [0, 1, 2, 0, 3]); next(f)
print(f.__reduce__()[0].__name__, list(pickle.loads(pickle.dumps(f))))
class MyMap(map): pass
print(type(pickle.loads(pickle.dumps(MyMap(abs, [-1])))).__name__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented), not NotImplemented)
print([str(x.message) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        bool(NotImplemented)
    except DeprecationWarning as ex:
        print("DeprecationWarning", ex)
