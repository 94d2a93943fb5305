def g():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)
gen = g()
next(gen)
gen.throw(ValueError)
gen.throw(ValueError("instance"))
gen.throw(KeyError, "as value")
gen.throw(TypeError, ("tuple", "args"))
try:
    gen.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    gen.throw(ValueError("x"), "extra")
except TypeError as e:
    print(type(e).__name__, e)
def finished():
    yield 1
f = finished()
list(f)
try:
    f.throw(RuntimeError("into finished generator"))
except RuntimeError as e:
    print("re-raised from finished:", e)
def tb_gen():
    try:
        yield
    except ValueError as e:
        yield e.__traceback__ is not None
t = tb_gen()
next(t)
print(t.throw(ValueError))
gen.close()
