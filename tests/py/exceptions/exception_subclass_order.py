def handle(exc):
    try:
        raise exc
    except Exception as e:
        return "Exception first catches " + type(e).__name__
    except KeyError:
        return "never reached"
print(handle(KeyError()))
def specific(exc):
    try:
        raise exc
    except FileNotFoundError:
        return "FileNotFound"
    except OSError as e:
        return "OSError " + type(e).__name__
    except Exception:
        return "other"
print(specific(FileNotFoundError()), specific(PermissionError()), specific(OSError()), specific(ValueError()))
print(specific(OSError(2, "x")), specific(OSError(13, "y")))
class A(Exception): pass
class B(A): pass
class C(B): pass
for cls in (A, B, C):
    try:
        raise cls()
    except C:
        print(cls.__name__, "as C")
    except B:
        print(cls.__name__, "as B")
    except A:
        print(cls.__name__, "as A")
