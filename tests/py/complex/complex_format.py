z = 3.14159 - 2.71828j
for spec in ["", ".2f", "10.1f", "<20.3e", "^24", "+.1f", "g", ".3g", "e", "*>20.2f"]:
    print(repr(spec), repr(format(z, spec)), repr(format(-z, spec)))
print(f"{1j:.1f}", f"{(1+0j):g}", f"{complex(1, -0.0)}", f"{1e20j}", "{:.2f}".format(0.5 + 0.25j))
try:
    format(1j, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1j, "010.2f")
except ValueError as e:
    print(type(e).__name__, e)
print("%s %r" % (1 + 2j, 1 - 2j))
