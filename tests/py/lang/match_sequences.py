def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [0, *rest]:
            return f"zero then {rest}"
        case [first, *mid, last] if len(mid) > 2:
            return f"long {first} {mid} {last}"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case _:
            return "other"
for v in [[], [1], (1, 2), [0, 5, 6], [1, 2, 3], [1, 2, 3, 4, 5, 6], "ab", range(2), {1, 2}, [9, 8, 7, 6]]:
    print(repr(v), m(v))
match [1, [2, 3]]:
    case [a, [b, *c]]:
        print("nested", a, b, c)
match (1, 2):
    case [1, 2] | [2, 1]:
        print("or of sequences")
def star_only(v):
    match v:
        case [*all_]:
            return all_
print(star_only((1, 2)), star_only("no"))
