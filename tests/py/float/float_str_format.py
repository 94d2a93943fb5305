x = 1234.5678
for spec in ["", "f", ".2f", "10.2f", "<10.1f", "^12.3f", "+.1f", " .1f", "010.2f", ",.2f", "_.3f", "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%", "#.0f", ".0f", ".0e", "#g", "r" if False else ".15g", "=+12.2f", "*>12,.1f"]:
    print(repr(spec), repr(format(x, spec)), repr(format(-x, spec)))
for v in [0.0, -0.0, 1e-10, 1e20, 123456789.0, 0.000123, 1e100, 2.5, 3.5, 0.125]:
    print(v, format(v, "g"), format(v, ".2e"), format(v, ".3f"), format(v, ".0f"), format(v, "%"), f"{v:z.1f}")
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(float("nan"), "+.2f"), format(float("inf"), "010.2f"))
print("%f %e %g %.2f %10.3f %-10.1f| %+.0e %G %E" % (x, x, x, x, x, x, x, 1e-20, x))
print("%.3g %g %g %g" % (0.0001234, 1e-5, 123456789.0, 100000.0))
for bad in ["d", "x", "c", ",.2d"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
