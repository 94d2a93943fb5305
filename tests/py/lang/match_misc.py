import sys
class Color:
    RED = 1
    GREEN = 2
def m(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case (1 | 2) as n:
            return f"one or two: {n}"
        case [x, y] if x > y:
            return "descending pair"
        case [x, y]:
            return "pair"
        case str() as s if len(s) > 3:
            return "long string"
        case other:
            return f"captured {other!r}"
for v in [1, 2, 3, [2, 1], [1, 2], "hello", "hi"]:
    print(m(v))
x = 'untouched'
match 5:
    case 6:
        pass
    case x if False:
        pass
print(x)
match 42:
    case n:
        pass
print(n)
cmd = "go north"
match cmd.split():
    case ["go", ("north" | "south") as d]:
        print("going", d)
    case _:
        print("?")
def dispatch(event):
    match event:
        case {"kind": "key", "key": str(k)} if k.isalpha():
            return f"letter {k}"
        case {"kind": "key", "key": k}:
            return f"key {k}"
        case {"kind": "click", "pos": (x, y)}:
            return f"click {x} {y}"
    return "unknown"
for e in [{"kind": "key", "key": "a"}, {"kind": "key", "key": "1"}, {"kind": "click", "pos": (3, 4)}, {"kind": "click", "pos": [1]}]:
    print(dispatch(e))
