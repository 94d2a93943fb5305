match = 1
case = match
_ = case
match.x = match[0]
print(match, case, _)
match(x)
match x:
    case match: pass
match (case):
    case _: pass
match [_, case]:
    case [_, *_]: pass
    case {"match": case, **rest}: pass
