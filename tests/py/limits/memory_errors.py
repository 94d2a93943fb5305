# Allocations no machine can make become MemoryError (never an abort),
# whether Python or the C++ under an instruction asks: padding and format
# widths, repetition, bytes(n). After each, the interpreter's state is
# intact: the recursion depth counts the same, handlers and finally blocks
# run, generators and __init__ frames unwind.
HUGE = 2**50
cases = [
    "'%0*d' % (HUGE, 1)", "'%*s' % (HUGE, 'x')", "'%-*s|' % (HUGE, 'x')", "'%0*.3f' % (HUGE, 1.5)",
    "b'%*d' % (HUGE, 1)", "'{:>{}}'.format('x', HUGE)", "'{0:^{1}}'.format('x', HUGE)",
    "'{:{}}'.format(1.5, HUGE)", "'{:,>{}}'.format(10**20, HUGE)", "format(1, '>%d' % HUGE)",
    "format(1.5, '%d' % HUGE)", "format(10**100, '>%d' % HUGE)", "format('x', '<%d' % HUGE)",
    "f'{1:>{HUGE}}'", "f'{\"x\":{HUGE}}'", "'x'.ljust(HUGE)", "'x'.rjust(HUGE, 'y')",
    "'x'.center(HUGE)", "'x'.zfill(HUGE)", "b'x'.ljust(HUGE)", "b'x'.center(HUGE)",
    "'ab' * HUGE", "b'ab' * HUGE", "'x' * HUGE", "' ' * (2**62)", "str(2**40) * HUGE",
    "'-'.join(['x', 'y']) * HUGE", "bytes(HUGE)", "bytearray(HUGE)", "[1] * HUGE",
    "(1,) * HUGE", "['x'] * (2**62)", "'%*s' % (2**62, 'x')", "'x'.ljust(2**62)",
    "list(map(bytes, [HUGE]))", "sorted([HUGE], key=bytes)",
]
for case in cases:
    try:
        r = eval(case)
        print(case, "->", len(r))
    except MemoryError as e:
        print(case, "->", type(e).__name__, repr(str(e)))

def format_deep(n):
    if n == 0:
        return format(1, ">%d" % HUGE)
    return format_deep(n - 1)
for _ in range(100):
    try:
        format_deep(20)
    except MemoryError:
        pass
reached = 0
def recurse(n):
    global reached
    reached = n
    recurse(n + 1)
try:
    recurse(0)
except RecursionError as e:
    print("recursion depth after 100 MemoryErrors:", reached, e)

class Builder:
    def __init__(self, width):
        self.text = "%0*d" % (width, 7)
for width in (3, HUGE, 4):
    try:
        print("Builder:", Builder(width).text)
    except MemoryError:
        print("Builder: MemoryError")

log = []
class Guard:
    def __enter__(self):
        log.append("enter")
    def __exit__(self, kind, value, tb):
        log.append("exit " + kind.__name__)
def guarded():
    with Guard():
        try:
            return "x".center(HUGE)
        finally:
            log.append("finally")
try:
    guarded()
except MemoryError:
    log.append("caught")
print(log)

def gen():
    yield 1
    yield b"y" * HUGE
    yield 3
g = gen()
print(next(g))
try:
    next(g)
except MemoryError:
    print("generator: MemoryError")
print(next(g, "exhausted"))

try:
    try:
        "%*s" % (HUGE, "x")
    except MemoryError:
        raise ValueError("replaced")
except ValueError as e:
    print(type(e.__context__).__name__, e)
print("done")
