n = 1234567
for spec in ["", "d", "10d", "<10d", "^10d", ">10d", "010d", "+d", " d", "-d", ",", "_", "_x", "_b", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "#010b", "e", ".2e", "f", ".1f", "%", ".0%", "g", "d", "=+12d", "*^15,"]:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(65, "c"), format(0x1F600, "c"))
for bad in ["s", ".2d", "=s", ",c" if False else "z", "y"]:
    try:
        format(5, bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
print("%d %5d %-5d| %05d %+d %x %X %#x %o %#o %c %i %u" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8, 97, 7, 9))
print("%.3d|%8.3d|%-8.3x|" % (5, 5, 255))
print(f"{2**64:,}", f"{-2**64:_}", f"{10**20:e}", f"{0:b}", f"{0:#b}", f"{-0:x}")
print(format(True, "d"), format(True, ""), format(False, "05"))
