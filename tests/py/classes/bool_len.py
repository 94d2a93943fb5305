class Empty:
    def __len__(self): return 0
class Full:
    def __len__(self): return 3
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
class Neither: pass
for o in (Empty(), Full(), Both(), Neither()):
    print(type(o).__name__, bool(o), "truthy" if o else "falsy", not o)
print(len(Full()))
class NegLen:
    def __len__(self): return -1
class BigLen:
    def __len__(self): return 2**70
class StrLen:
    def __len__(self): return "3"
class BoolLen:
    def __len__(self): return True
for cls in (NegLen, BigLen, StrLen):
    try:
        len(cls())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bool(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
print(len(BoolLen()))
class BadBool:
    def __bool__(self): return 0
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class IndexLen:
    def __len__(self):
        class I:
            def __index__(self): return 4
        return I()
try:
    print(len(IndexLen()))
except TypeError as e:
    print(type(e).__name__, e)
