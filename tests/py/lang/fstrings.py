name = "World"
n = 42
pi = 3.14159265
print(f"Hello, {name}!")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:>6}|{n:05}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:g}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}]")
print(f"{'nested ' + f'{n}'}")
print(f"{n=}, {name=!r}, {pi=:.1f}")
print(f"{n = }")
print(f"{{literal}} {n}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{[1, 2][0]} {dict(a=1)['a']}")
print(f"{n:#x} {n:#o} {n:#b} {n:X}")
print(f"{1234567:,} {1234567:_} {0.5:%}")
print(f"{'x':*^9}")
print(f"{3 if n else 4}")
print(f"""multi
{name}""")
items = ["a", "b"]
print(f"{', '.join(items)}")
print(f"{n!r:>5}")
class T:
    def __format__(self, spec):
        return f"T<{spec}>"
print(f"{T():abc} {T()}")
print(f"{-n:+} {n:+} {n: }")
print(rf"\n{n}")
print(f"{n:{'>'}{10}}")
