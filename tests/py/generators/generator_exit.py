def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit", GeneratorExit.__mro__[1].__name__)
        raise
    finally:
        print("finally")
gen = g()
next(gen)
gen.close()
def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("swallowed GeneratorExit, returning")
        return "ignored"
s = swallow()
next(s)
print(s.close())
def delegating():
    try:
        yield from g()
    finally:
        print("outer finally")
d = delegating()
next(d)
d.close()
def catch_all():
    try:
        yield 1
    except Exception:
        print("Exception does not catch GeneratorExit")
    except BaseException as e:
        print("BaseException caught", type(e).__name__)
        raise
c = catch_all()
next(c)
c.close()
def raise_other():
    try:
        yield
    except GeneratorExit:
        raise ValueError("replaced")
r = raise_other()
next(r)
try:
    r.close()
except ValueError as e:
    print("close raised", e)
