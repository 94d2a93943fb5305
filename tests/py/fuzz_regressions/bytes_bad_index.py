# Found by tests/fuzz/program_fuzz.py: bytes()/bytearray() fall through to the iterable forms on a TypeError from __index__.
class BadIndex:
    def __index__(self):
        return 'str'
class BadIndexIter:
    def __index__(self):
        raise TypeError('no')
    def __iter__(self):
        return iter([65, 66])
class BigIndex:
    def __index__(self):
        return 2**70
for f in (bytes, bytearray):
    for o in (BadIndex(), BadIndexIter(), BigIndex(), 3):
        try:
            print(f.__name__, f(o))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
