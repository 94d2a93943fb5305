vals = [0.0001, 0.00001, 123456.0, 1234567.0, 1e15, 1e16, 0.1, 1.0, 10.0, 100.0, 1.5e-7, 9.9999e5, 999999.5, 0.000099995]
for v in vals:
    print(repr(v), format(v, "g"), format(v, ".1g"), format(v, ".2g"), format(v, ".12g"), format(v, "#g"), format(v, "#.3g"), format(v, ""), format(v, ".3"), str(v))
print(format(1e16, ""), format(1e15, ""), format(123.0, ".0"), format(0.5, ".0"), format(1.5, ".0"))
print("{:g} {:G} {:.3G} {:e}".format(1e-10, 1e-10, 12345.678, 0.0))
print(f"{1/3:.20f}", f"{2/3:.17g}", f"{0.1:.30f}", f"{1e22:.1f}", f"{5e-324:.3e}")
