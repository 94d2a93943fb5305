s = "pyrite"
for spec in ["", "s", "10", "<10", ">10", "^10", "^11", "*^10", "-<10", ".3", "10.3", ">10.2", "=^9", "0>8", "08"]:
    try:
        print(repr(spec), repr(format(s, spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
for spec in ["d", "+", " ", ",", "#", "=10", "z"]:
    try:
        format(s, spec)
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print(format("é", "^5"), format("日本", "*<6"), format("", "x^3"), format("abc", ".0"), "[" + format("tab", "\t>5") + "]")
print(f"{'a':{'^'}{5}}", f"{'abc':.{2}}", "{:{}{}}".format("x", ">", 4))
