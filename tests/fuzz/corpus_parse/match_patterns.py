match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case [Point(x=0, y=0), *rest]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case 1 | 2 | 3:
        pass
    case -1 | 1.5 | 2j | -3+4j | "s" | b"b":
        pass
    case None | True | False:
        pass
    case (a, b) as c if c > 0:
        pass
    case Color.RED:
        pass
    case str() | bytes():
        pass
    case _:
        pass
match x,:
    case *_,:
        pass
match = 1
case = 2
