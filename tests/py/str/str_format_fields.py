print("{} {} {}".format(1, "a", None), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{0}{b}{1}".format(1, 2, b="B"))
class P:
    x = 3
    y = [10, 20]
    d = {"k": "v"}
print("{0.x} {0.y[1]} {0.d[k]} {p.x}".format(P, p=P))
print("{0[0]} {0[-1]}".format({0: "zero", -1: "minus"}) if False else "{0[0]} {1[key]} {1[2]}".format(["first"], {"key": "K", 2: "int key"}))
print("{!r} {!s} {!a} {0!r:>10}".format("é", "é", "é") if False else "{0!r} {0!s} {0!a} {0!r:>10}|".format("é"))
print("{:>{w}} {:^{w}.{p}f} {:{fill}{align}{w}}".format("r", 3.14159, "z", w=8, p=2, fill="*", align="<"))
print("{{}} {{{0}}} {}".format(5, 6) if False else "{{}} {{{0}}}".format(5))
print("{0:{1}}|{0:{2}d}".format(42, ">6", "08"))
print("{0.__name__}".format(int), "{0.real}".format(3 + 4j), "{[1]}".format("ab"))
tests = [("{", ()), ("}", ()), ("{0} {}", (1, 2)), ("{} {0}", (1, 2)), ("{1}", (1,)), ("{a}", ()), ("{0.nope}", (1,)),
         ("{0[5]}", ([1],)), ("{!x}", (1,)), ("{0!}", (1,)), ("{:d}", ("s",)), ("{0:{1}{2}}", (1, ">")), ("{0[}", (1,)),
         ("{0:{1:{2}}}", (1, 2, 3)), ("{:<<5}", (1,)), ("{0.}", (1,))]
for fmt, args in tests:
    try:
        print(repr(fmt.format(*args)))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
print("{x}".format_map({"x": "mapped"}), "{:%}".format(0.25), "{:,}".format(10 ** 9), "{:_x}".format(2 ** 32))
