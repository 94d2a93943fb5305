print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|" % ("hé", "hé", "hé", "ab", "ab", "abc", "xyz"))
print("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%#X|%o|%#o|%c|%c|%%" % (42, 42, 42, -42, 42, 42, 255, 255, 255, 255, 8, 8, 65, "z"))
print("%(name)s is %(age)d years; %(name)r" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f|%*.*f" % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.71828))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True), "%r" % ((1, 2),), "%s" % "only")
print("%i %u %e %E %f %F %g %G" % (3, 4, 1234.5, 1234.5, 1.5, float("inf"), 0.00001, 1e20))
print("%5%|" % () if False else "%%|%5.1f%%" % 99.44)
tests = [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(k)s", ("t",)), ("%z", 1), ("%", ()), ("%(k", {"k": 1}),
         ("%c", 1114112), ("%c", "ab"), ("%d", None), ("%*d", ("x", 1)), ("%(a)s %s", {"a": 1}), ("%x", 1.5)]
for fmt, args in tests:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
print("%s" % {"a": 1}, "%(a)s" % {"a": 1}, "no args" % (), "%s and %%" % "x", "%.3r" % "abcdef")
class D(dict):
    def __missing__(self, k): return f"<{k}>"
print("%(x)s %(y)s" % D(x=1))
print("%-+8.2f|%+-8.2f|%08.2f|%-08.2f|% 08.2f" % (3.14159, 3.14159, -3.14159, 3.14159, 3.14159))
