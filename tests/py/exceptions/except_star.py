def raiser(excs):
    raise ExceptionGroup("grp", excs)
try:
    raiser([ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("ValueErrors:", repr(eg))
except* TypeError as eg:
    print("TypeErrors:", repr(eg))
try:
    try:
        raiser([ValueError("v"), KeyError("k")])
    except* ValueError as eg:
        print("handled", repr(eg.exceptions))
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked wrapped:", repr(eg))
try:
    try:
        raiser([ValueError("x")])
    except* ValueError:
        raise KeyError("new in handler")
except ExceptionGroup as e:
    print("raised from except*:", repr(e), repr(e.exceptions[0].__context__))
except KeyError as e:
    print("plain KeyError", repr(e))
try:
    raiser([OSError("os"), ValueError("v")])
except* (OSError, ValueError) as eg:
    print("tuple:", repr(eg))
def f():
    try:
        raiser([ValueError()])
    except* ValueError:
        print("handler runs")
    finally:
        print("finally")
    print("after")
f()
