log = []
def level3():
    try:
        raise ValueError("deep")
    finally:
        log.append("finally3")
def level2():
    try:
        level3()
    finally:
        log.append("finally2")
def level1():
    try:
        level2()
    except KeyError:
        log.append("wrong handler")
    finally:
        log.append("finally1")
try:
    level1()
except ValueError as e:
    log.append("caught " + str(e))
print(log)
def recurse(n):
    if n == 0:
        raise IndexError("bottom")
    try:
        recurse(n - 1)
    except IndexError:
        if n % 2:
            raise
        log.append(f"swallowed at {n}")
        raise KeyError(n)
log.clear()
try:
    recurse(5)
except Exception as e:
    print(repr(e), log)
    c = e
    chain = []
    while c:
        chain.append(repr(c))
        c = c.__context__
    print(chain)
