def run(fail):
    log = []
    try:
        log.append("try")
        if fail == "value":
            raise ValueError("v")
        if fail == "key":
            raise KeyError("k")
    except ValueError as e:
        log.append(f"except ValueError {e}")
    except (KeyError, IndexError) as e:
        log.append(f"except tuple {e!r}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for f in [None, "value", "key"]:
    print(run(f))
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    else:
        print("no")
nested()
try:
    pass
finally:
    print("try/finally without except")
try:
    raise Exception("base")
except:
    print("bare except")
def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return str(err)
print(exc_var_cleared())
