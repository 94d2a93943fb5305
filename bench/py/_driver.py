"""The command line every bench/py program shares (docs/bench.md).

    python NAME.py [--iterations K] [--size small|quick|full|N] [--show]

runs the program's run(n) K times and checks every result with its
check(n, result), so a wrong answer in a late (JIT-compiled) iteration fails
as loudly as one in the first. Around each run, two lines, flushed at once:

    start I
    iteration I SECONDS     run(n)'s time from time.perf_counter()
    iteration I -           no `time` module: the harness's stamps of the
                            two lines time run(n)

then the check, and after the last one `ok NAME size N`. A wrong result
raises WrongResult (exit status 1).
--show prints the result's fingerprint, for filling a program's EXPECTED.
Nothing is imported but sys (and time when it exists): the programs must
run on an interpreter that has only its core.
"""
import sys

try:
    from time import perf_counter
except ImportError:
    perf_counter = None


class WrongResult(Exception):
    """A benchmark computed something else than it should have."""


def expect(what, got, want):
    if got != want:
        raise WrongResult("%s: got %r, want %r" % (what, got, want))


def expect_close(what, got, want, rel=1e-9):
    if not abs(got - want) <= rel * max(abs(want), 1e-300):
        raise WrongResult("%s: got %r, want %r (relative tolerance %g)" % (what, got, want, rel))


def expect_known(what, table, n, got):
    """Compares with the recorded result for size n, if there is one."""
    if n in table:
        expect("%s at size %d" % (what, n), got, table[n])


MERSENNE_61 = (1 << 61) - 1


def fingerprint(value):
    """An order-sensitive 61-bit digest of a str, bytes or repr()-able value,
    computed by the interpreter's own big-int code (no Python-level loop)."""
    if isinstance(value, str):
        data = value.encode("utf-8")
    elif isinstance(value, (bytes, bytearray)):
        data = bytes(value)
    else:
        data = repr(value).encode("utf-8")
    return (int.from_bytes(data, "little") + len(data)) % MERSENNE_61


def parse_args(argv, sizes):
    iterations, size, show = 1, "full", False
    i = 1
    while i < len(argv):
        arg = argv[i]
        if arg == "--show":
            show = True
            i += 1
            continue
        if arg not in ("--iterations", "--size") or i + 1 == len(argv):
            raise SystemExit("usage: %s [--iterations K] [--size small|quick|full|N] [--show]" % argv[0])
        value = argv[i + 1]
        if arg == "--iterations":
            iterations = int(value)
        else:
            size = value
        i += 2
    n = sizes[size] if size in sizes else int(size)
    return iterations, n, show


def main(run, check, sizes, setup=None):
    name = sys.argv[0].replace("\\", "/").rsplit("/", 1)[-1]
    if name.endswith(".py"):
        name = name[:-3]
    iterations, n, show = parse_args(sys.argv, sizes)
    if setup is not None:
        setup(n)
    for i in range(1, iterations + 1):
        print("start %d" % i, flush=True)
        if perf_counter is not None:
            start = perf_counter()
            result = run(n)
            elapsed = "%.6f" % (perf_counter() - start)
        else:
            result = run(n)
            elapsed = "-"
        print("iteration %d %s" % (i, elapsed), flush=True)
        check(n, result)
        if show:
            shown = repr(result)
            print("result %d %s" % (n, shown if len(shown) <= 200 else "fingerprint %d" % fingerprint(result)))
    print("ok %s size %d" % (name, n), flush=True)
