# property's error messages name the class by __qualname__ (repr'd), its
# __set_name__ argument check, and the getter's doc carried through
# setter()/deleter()/getter() copies (CPython 3.11).
class Outer:
    class Inner:
        p = property()
        q = property(doc="q doc")
    Inner.named = property()
    Inner.named.__set_name__(Inner, "named")

o = Outer.Inner()
for action in ("get", "set", "del"):
    for name in ("p", "named"):
        try:
            if action == "get":
                getattr(o, name)
            elif action == "set":
                setattr(o, name, 1)
            else:
                delattr(o, name)
        except AttributeError as e:
            print(action, name, e)
for args in [(), (1,), (1, 2, 3)]:
    try:
        property().__set_name__(*args)
    except TypeError as e:
        print("TypeError", e)

class Base:
    @property
    def spam(self):
        """Base.getter"""
        return 1
    @spam.setter
    def spam(self, v):
        pass
    @spam.deleter
    def spam(self):
        pass
class Sub(Base):
    @Base.spam.getter
    def spam(self):
        """Sub.getter"""
        return 2
class NewGetter:
    @property
    def spam(self):
        """original"""
        return 1
    @spam.getter
    def spam(self):
        """new"""
        return 8
class Explicit:
    spam = property(lambda self: 1, doc="explicit")
    spam = spam.getter(lambda self: 2)
print(Base.spam.__doc__, Sub.spam.__doc__, Sub().spam, NewGetter.spam.__doc__, NewGetter().spam)
print(Explicit.spam.__doc__, Explicit().spam)
