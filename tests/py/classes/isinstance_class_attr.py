# isinstance() falls back to inst.__class__ when type(inst) is not a subclass:
# a property, a plain class attribute or __getattribute__ can name another
# class; the object descriptor case needs no lookup at all.
class A: pass
class B:
    @property
    def __class__(self): return A
class C:
    __class__ = A
class D(A): pass
class E:
    def __getattribute__(self, n):
        if n == '__class__': return A
        return object.__getattribute__(self, n)
print(isinstance(B(), A), isinstance(C(), A), isinstance(D(), A), isinstance(E(), A), isinstance(1, A), isinstance(B(), (int, A)))
