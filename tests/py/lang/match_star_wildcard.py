# A sequence pattern with `*_` takes its other items by index (len() and
# subscripts from the front, len() - k from the back) and never builds the
# rest: a huge range matches at once; a list subclass shows the calls.
class Logged(list):
    def __len__(self):
        print("  len")
        return super().__len__()
    def __getitem__(self, i):
        print("  getitem", i)
        return super().__getitem__(i)

def m(s):
    match s:
        case [a, *_, b, _]:
            return ("A", a, b)
        case [a, *_]:
            return ("B", a)
        case [*_, z]:
            return ("C", z)
        case [*_]:
            return "D"

for v in [Logged(range(5)), Logged([7]), Logged(), [1, 2, 3], (4,), range(1 << 30), "str"]:
    print(m(v))

match range(1 << 62):
    case x, y, *_, z:
        print(x, y, z)
match range(1 << 30):
    case [_, _, *_]:
        print("wildcards only")
match [1, [2, 3], 4, 5]:
    case [1, [p, *_], *_, q]:
        print(p, q)
match [1, 2]:
    case [1, *_, 5]:
        print("no")
    case [(1 | 2) as w, *_, (3 | 2) as t]:
        print("yes", w, t)
match (1, 2, 3):
    case [1, *rest, 3]:
        print("named star", rest)
