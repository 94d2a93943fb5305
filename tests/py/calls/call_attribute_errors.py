class A:
    x = 1
    def m(self): return "m"
a = A()
for expr in ["a.m()", "a.x()", "a.missing()", "A.missing", "(1).real()", "'s'.nope()", "[].push(1)", "None.x"]:
    try:
        print(expr, "->", eval(expr))
    except (TypeError, AttributeError) as e:
        print(expr, "->", type(e).__name__, e)
