import sys
cleanups = 0
def recurse(n):
    global cleanups
    try:
        return recurse(n + 1)
    finally:
        cleanups += 1
try:
    recurse(0)
except RecursionError:
    pass
print(cleanups > 100, cleanups < sys.getrecursionlimit())
entered = []
class CM:
    def __enter__(self):
        entered.append(1)
    def __exit__(self, *a):
        entered.pop()
def with_recurse():
    with CM():
        with_recurse()
try:
    with_recurse()
except RecursionError:
    pass
print(len(entered))
def handler_recursion(n):
    try:
        raise ValueError(n)
    except ValueError:
        if n < 50:
            handler_recursion(n + 1)
        else:
            raise
try:
    handler_recursion(0)
except ValueError as e:
    depth = 0
    while e is not None:
        depth += 1
        e = e.__context__
    print(depth)
