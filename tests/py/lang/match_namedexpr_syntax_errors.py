# Compile-time errors of patterns (duplicate mapping keys by Python equality,
# f-strings are no literals) and of assignment expressions in a
# comprehension's iterable, nested blocks included (CPython 3.11).
srcs = ["{0: _, False: _}", "{0: _, 0.0: _}", "{0: _, -0: _}", "{0: _, 0j: _}", "{1: _, True: _, 2: _}",
        "{'a': _, b'a': _}", "{1.5: _, 1.5: _}", "{-1: _, 1: _}", "{1j: _, 1: _}", "{2: _, 2.0: _}",
        "{'x': _, 'x': _}", "{None: _, None: _}", "{0: _, 1-1j: _}", "{1: _, 1+0j: _}"]
for k in srcs:
    try:
        compile("match x:\n    case %s:\n        pass\n" % k, "<s>", "exec")
        print("ok", k)
    except SyntaxError as e:
        print(k, "->", e.msg, e.lineno, e.offset)
for v in ['f""', 'f"{x}"', '"a" "b"', '-1', '1+2j', 'a.b']:
    try:
        compile("match x:\n    case %s:\n        pass\n" % v, "<s>", "exec")
        print("ok", v)
    except SyntaxError as e:
        print(v, "->", e.msg, e.lineno, e.offset)
cases = ["[i for i in (i := range(5))]", "[i for i in (2, 3, i := range(5))]", "[i for i in [2, 3, i := range(5)]]",
 "[i for i in (j := range(5))]", "[i for i in (lambda:(j := range(5)))()]", "[i for i in range(5) for j in (i := range(5))]",
 "[i for i in [j for j in (k := range(5))]]", "[i for i in [j for j in range(5) if (j := True)]]", "[i for i in [(j := True) for j in range(5)]]",
 "{i for i in (lambda:(j := range(5)))()}", "{i: 1 for i in (j := range(5))}", "(i for i in [1] for k in (j := range(5)))"]
for c in cases:
    try:
        compile(c, "<s>", "exec"); print("no error", c)
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
