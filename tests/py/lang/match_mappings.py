def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"k": [1, *tail]}:
            return f"k list {tail}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
print(m({"type": "point", "x": 1, "y": 2, "z": 3}))
print(m({"type": "circle", "r": 5, "color": "red", "w": 1}))
print(m({"k": [1, 2, 3]}))
print(m({"k": [2]}))
print(m({}))
print(m([]))
class MyMap(dict):
    pass
print(m(MyMap(type="point", x=0, y=0)))
match {1: "one", 2: "two"}:
    case {1: a, 2: b}:
        print(a, b)
