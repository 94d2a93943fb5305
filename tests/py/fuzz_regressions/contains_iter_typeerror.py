# Found by tests/fuzz/program_fuzz.py: `in` turns any TypeError from iter() into "not iterable".
class Evil:
    def __iter__(self):
        return NotImplemented
class Raiser:
    def __iter__(self):
        raise TypeError('custom')
class VE:
    def __iter__(self):
        raise ValueError('kept')
for o in (Evil(), Raiser(), VE(), 5):
    try:
        print(1 in o)
    except Exception as e:
        print(type(e).__name__, e, e.__context__)
print(2 in iter([1, 2]))
