# Found by tests/fuzz/program_fuzz.py: tuple(x) reports "not iterable" before asking __len__ for a length hint.
class LenRaises:
    def __len__(self):
        raise ValueError('in __len__')
class LenIter:
    def __len__(self):
        raise ValueError('len')
    def __iter__(self):
        return iter([1, 2])
for f in (tuple, list, set, sorted, frozenset):
    for o in (LenRaises(), LenIter(), 5):
        try:
            print(f.__name__, f(o))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
