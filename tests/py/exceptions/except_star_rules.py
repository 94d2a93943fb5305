for src in [
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept KeyError:\n    pass",
    "try:\n    pass\nexcept*:\n    pass",
    "for x in []:\n    try:\n        pass\n    except* ValueError:\n        break",
    "for x in []:\n    try:\n        pass\n    except* ValueError:\n        continue",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1",
]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError("x")
    except* (ValueError, BaseExceptionGroup):
        pass
except TypeError as e:
    print(type(e).__name__, e)
def multi():
    try:
        raise ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [ValueError("b"), KeyError("c")]), TypeError("d")])
    except* ValueError as g:
        print("V", repr(g))
    except* KeyError as g:
        print("K", repr(g))
    except* TypeError as g:
        print("T", repr(g))
multi()
try:
    try:
        raise ExceptionGroup("eg", [ValueError("one"), TypeError("two")])
    except* ValueError:
        raise
    except* TypeError as tg:
        raise RuntimeError("in handler") from None
except BaseExceptionGroup as final:
    print(repr(final))
    for ex in final.exceptions:
        print("  ", repr(ex))
