def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
class Truthy:
    def __bool__(self):
        print("bool called")
        return False
if Truthy():
    print("yes")
else:
    print("no")
for v in [0, 0.0, 0j, "", [], (), {}, set(), None, 1, "0", [0], -1]:
    print(repr(v), bool(v), "T" if v else "F")
if 1 if 0 else 2:
    print("nested cond ok")
