def chain_len(e):
    n = 0
    names = []
    while e is not None:
        names.append(type(e).__name__)
        e = e.__context__
    return names
try:
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise KeyError("b")
    except KeyError:
        raise IndexError("c")
except IndexError as e:
    print(chain_len(e))
try:
    try:
        raise ValueError("a")
    finally:
        raise KeyError("from finally")
except KeyError as e:
    print(chain_len(e))
def handler():
    try:
        raise ValueError("inner")
    except ValueError as e:
        return e
e = handler()
print(e.__context__)
try:
    try:
        raise ValueError("same")
    except ValueError as ve:
        raise ve
except ValueError as e:
    print(e.__context__)
err = ValueError("reused")
try:
    try:
        raise err
    except ValueError:
        try:
            raise KeyError("k")
        except KeyError as k:
            k2 = k
            raise err
except ValueError as e:
    print(repr(e.__context__), repr(k2.__context__))
