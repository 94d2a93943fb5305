# Found by tests/fuzz/program_fuzz.py: unpacking says "cannot unpack non-iterable" only for types with neither __iter__ nor __getitem__.
class NonIter:
    def __iter__(self):
        return 5
class Raises:
    def __iter__(self):
        raise TypeError('from __iter__')
for o in (NonIter(), Raises(), 5, None):
    try:
        a, b = o
    except Exception as e:
        print(type(e).__name__, e)
    try:
        a, *b = o
    except Exception as e:
        print(type(e).__name__, e)
a, b = 'xy'
print(a, b)
