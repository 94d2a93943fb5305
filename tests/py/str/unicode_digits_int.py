samples = ["٣", "۳", "३", "৩", "3", "๓", "၃", "᠓", "３", "𝟑", "𝟛", "③", "Ⅲ", "¾", "三"]
for s in samples:
    try:
        v = int(s)
    except ValueError as e:
        v = "ValueError"
    try:
        f = float(s)
    except ValueError:
        f = "ValueError"
    print(repr(s), hex(ord(s)), s.isdecimal(), s.isdigit(), s.isnumeric(), v, f)
print(int("１２３"), int("٤٥"), int("-𝟗"), float("٣.١٤"), int("1٢3"), int("  ٧  "))
try:
    int("٣", 2)
except ValueError as e:
    print(type(e).__name__, e)
print(int("٣", 8), int("ff", 16), int("１０", 2))
