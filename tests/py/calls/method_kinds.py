class K:
    n = "class attr"
    def inst(self, a):
        return ("inst", type(self).__name__, a)
    @classmethod
    def cls(cls, a):
        return ("cls", cls.__name__, a)
    @staticmethod
    def stat(a):
        return ("stat", a)
class Sub(K):
    pass
k = K()
print(k.inst(1), K.inst(k, 2))
print(k.cls(3), K.cls(4), Sub.cls(5), Sub().cls(6))
print(k.stat(7), K.stat(8), Sub.stat(9))
print(type(K.__dict__["cls"]).__name__, type(K.__dict__["stat"]).__name__)
print(K.__dict__["stat"](10))
m = K.cls
print(m.__self__.__name__, m.__func__.__name__)
try:
    K.inst(1)
except TypeError as e:
    print(e)
print(K.inst("not a K", 0))
try:
    str.upper(5)
except TypeError as e:
    print(e)
try:
    str.upper()
except TypeError as e:
    print(e)
print(str.upper("abc"), list.append.__name__, dict.fromkeys("ab"))
