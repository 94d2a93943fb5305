a = ValueError("a")
b = KeyError("b")
try:
    try:
        raise a
    except ValueError:
        try:
            raise b
        except KeyError:
            raise a
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
def ctx_chain(e, limit=10):
    out = []
    while e is not None and limit:
        out.append(repr(e))
        e = e.__context__
        limit -= 1
    return out
x = RuntimeError("x")
try:
    try:
        raise x
    except RuntimeError:
        raise x
except RuntimeError as e:
    print(ctx_chain(e))
p, q = TypeError("p"), TypeError("q")
try:
    try:
        raise p
    except TypeError:
        raise q
except TypeError:
    pass
try:
    try:
        raise q
    except TypeError:
        raise p
except TypeError as e:
    print(ctx_chain(e))
