def f(mode):
    try:
        if mode == "raise":
            raise ValueError
        return "try"
    except ValueError:
        return "except"
    else:
        return "else (unreachable: try returned)"
    finally:
        print("finally", mode)
print(f("ok"), f("raise"))
def g(mode):
    try:
        if mode:
            raise KeyError
    except KeyError:
        result = "except"
    else:
        result = "else"
    finally:
        result += "+finally"
    return result
print(g(True), g(False))
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("n in finally", n)
print(counter())
def ret_override(x):
    try:
        return x
    finally:
        if x < 0:
            return "negative overridden"
print(ret_override(5), ret_override(-1))
