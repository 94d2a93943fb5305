try:
    raise ValueError
except ValueError as e:
    print(repr(e), type(e) is ValueError)
class NeedsArgs(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
try:
    raise NeedsArgs
except TypeError as e:
    print(type(e).__name__, e)
class Failing(Exception):
    def __init__(self):
        raise RuntimeError("constructor failed")
try:
    raise Failing
except RuntimeError as e:
    print(type(e).__name__, e)
exc_type = KeyError
try:
    raise exc_type("dynamic")
except KeyError as e:
    print(repr(e))
errors = [ValueError("a"), TypeError("b")]
for err in errors:
    try:
        raise err
    except (ValueError, TypeError) as e:
        print(e is err, repr(e))
try:
    raise BaseException("base")
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", e)
class MyBase(BaseException): pass
try:
    try:
        raise MyBase("custom base")
    except Exception:
        print("not caught by Exception")
except MyBase as e:
    print("caught", repr(e))
