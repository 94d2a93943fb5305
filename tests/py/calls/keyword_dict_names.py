# f(**d) with keys that are not strings, and the keyword messages of
# builtins called through ** or as bound methods: CPython hands the dict
# itself to METH_VARARGS builtins (str.format, print, max, str.find), and
# unpacks it into keyword names for everything else.
def f(**k):
    return k
def g(a=1):
    return a
class C:
    def __init__(self, **k):
        self.k = k
    def m(self, **k):
        return k
class WithNew:
    def __new__(cls, **k):
        return object.__new__(cls)
class IntSub(int):
    pass
cases = [
    "'a'.format(**{1: 2})", "'{1}'.format(**{1: 2})", "'{0}'.format(5, **{1: 2})",
    "'{x}'.format(**{'x': 1, 2: 3})", "'{0}'.format_map({1: 2})", "'a'.format(a=1, **{1: 2})",
    "'a'.format(**{1: 2}, **{1: 3})", "'{a}'.format(**{'a': 1, 1: 2})", "str.format('{}', 1, **{1: 2})",
    "'{0[1]}'.format({1: 5}, **{1: 2})", "''.format(**{1.5: 2, None: 3})",
    "'{}'.format(*[1], **{(1, 2): 2})",
    "dict(**{1: 2})", "dict({}, **{1: 2})", "dict(a=1, **{1: 2})", "f(**{1: 2})", "g(**{1: 2})",
    "C(**{1: 2})", "C().m(**{1: 2})", "C.m(C(), **{1: 2})", "WithNew(**{1: 2})", "IntSub(**{1: 2})",
    "f(**{1: 2}, **{1: 3})", "f(**{'a': 2}, **{'a': 3})", "f(x=1, **{1: 2})", "f(**{'a': 1}, **{1: 2})",
    "print(**{1: 2})", "print(end='', **{1: 2})", "sorted([], **{1: 2})", "max([1], **{1: 2})",
    "min(1, 2, **{1: 2})", "int(**{1: 2})", "str(**{1: 2})", "list(**{1: 2})", "set(**{1: 2})",
    "type(**{1: 2})", "{}.update(**{1: 2})", "dict.fromkeys(**{1: 2})", "[].sort(**{1: 2})",
    "'a'.split(**{1: 2})", "'a'.encode(**{1: 2})", "range(**{1: 2})", "enumerate(**{1: 2})",
    "zip(**{1: 2})", "map(**{1: 2})", "bytes(**{1: 2})", "tuple(**{1: 2})", "getattr(**{1: 2})",
    "len(**{1: 2})", "'a'.upper(**{1: 2})", "(lambda *a: a)(**{1: 2})",
    "(lambda *a, **k: k)(**{1: 2})", "vars(**{1: 2})", "dir(**{1: 2})", "[].append(**{1: 2})",
    "'a'.startswith(**{1: 2})", "'a'.find('a', **{1: 2})", "{1}.union(**{1: 2})",
    "{1}.update(**{1: 2})",
    "'a'.startswith(x=1)", "str.startswith('a', x=1)", "{1}.union(x=1)", "set.union({1}, x=1)",
    "vars(x=1)", "'a'.find('a', x=1)", "b'a'.find(b'a', x=1)", "max(1, 2, x=1)", "print(x=1)",
    "min(x=1)", "max(**{'x': 1})", "[].append(x=1)", "'a'.upper(x=1)", "len(x=1)", "[].pop(x=1)",
    "bytearray(b'a').count(x=1)", "frozenset().union(x=1)",
    "'a'.startswith(**{'x': 1})", "str.startswith('a', **{'x': 1})", "{1}.union(**{'x': 1})",
    "'a'.find('a', **{'x': 1})", "[].pop(**{'x': 1})", "'a'.upper(**{1: 1})",
]
for case in cases:
    try:
        print(case, "=>", repr(eval(case)))
    except Exception as e:
        print(case, "=>", type(e).__name__ + ":", e)
find = 'a'.find
try:
    find('a', x=1)
except TypeError as e:
    print("bound find:", e)
