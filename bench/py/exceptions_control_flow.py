"""Exceptions as control flow: EAFP lookups that miss, a recursive-descent
evaluator that backtracks by raising, early exits from nested loops,
try/finally bookkeeping, context managers that swallow errors, and errors
re-raised with a cause (docs/bench.md).

Raising, matching except clauses against a class hierarchy, unwinding
frames, and running finally blocks. Every part is recomputed without
exceptions and must agree.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 2000, "quick": 20000, "full": 80000}


class EvalError(Exception):
    pass


class Backtrack(EvalError):
    pass


class Found(Exception):
    def __init__(self, where):
        Exception.__init__(self)
        self.where = where


def eafp_sum(table, keys):
    total = 0
    for k in keys:
        try:
            total += table[k]
        except KeyError:
            total -= 1
    return total


def lbyl_sum(table, keys):
    total = 0
    for k in keys:
        total += table[k] if k in table else -1
    return total


def parse_int(text, pos):
    end = pos
    while end < len(text) and text[end].isdigit():
        end += 1
    if end == pos:
        raise Backtrack(pos)
    return int(text[pos:end]), end


def parse_atom(text, pos):
    try:
        return parse_int(text, pos)
    except Backtrack:
        if pos < len(text) and text[pos] == "(":
            value, pos = parse_sum(text, pos + 1)
            if pos < len(text) and text[pos] == ")":
                return value, pos + 1
        raise Backtrack(pos)


def parse_product(text, pos):
    value, pos = parse_atom(text, pos)
    while pos < len(text) and text[pos] == "*":
        rhs, pos = parse_atom(text, pos + 1)
        value *= rhs
    return value, pos


def parse_sum(text, pos):
    value, pos = parse_product(text, pos)
    while pos < len(text) and text[pos] in "+-":
        op = text[pos]
        rhs, pos = parse_product(text, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos


def evaluate(text):
    try:
        value, pos = parse_sum(text, 0)
        if pos != len(text):
            raise EvalError("trailing text")
        return value
    except EvalError:
        return None


def evaluate_plain(text):
    """The same grammar, evaluated by Python's own parser."""
    if not text or text.strip("0123456789+-*()") or "**" in text:
        return None
    try:
        return eval(text, {"__builtins__": {}})
    except SyntaxError:
        return None


def find_in_grid(grid, target):
    try:
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value == target:
                    raise Found((r, c))
    except Found as f:
        return f.where
    return None


def find_plain(grid, target):
    for r, row in enumerate(grid):
        if target in row:
            return r, row.index(target)
    return None


class Suppress:
    def __init__(self, counter):
        self.counter = counter

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is not None and issubclass(kind, ArithmeticError):
            self.counter[0] += 1
            return True
        return False


def guarded_divisions(n):
    counter = [0]
    finals = 0
    total = 0
    for i in range(n):
        try:
            with Suppress(counter):
                total += 1000 // (i % 7)
        finally:
            finals += 1
    return total, counter[0], finals


def chained(n):
    causes = 0
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(i)
                [][i % 2]
            except (ValueError, IndexError) as inner:
                raise EvalError("wrapped") from inner
        except EvalError as outer:
            if isinstance(outer.__cause__, ValueError):
                causes += 1
    return causes


def expressions(n):
    texts = []
    for i in range(n):
        a, b, c = i % 97, (i * 7) % 13, (i * 31) % 101
        form = i % 5
        if form == 0:
            texts.append("%d+%d*%d" % (a, b, c))
        elif form == 1:
            texts.append("(%d-%d)*(%d+%d)" % (a, b, c, a))
        elif form == 2:
            texts.append("%d*(%d" % (a, b))  # unbalanced
        elif form == 3:
            texts.append("((%d))-%d+" % (a, c))  # trailing operator
        else:
            texts.append("%d-(%d*(%d-%d))" % (c, a, b, a))
    return texts


def run(n):
    table = {i * 3: i for i in range(n // 2)}
    keys = [i * 2 for i in range(n)]
    grid = [[(r * 131 + c * 17) % 1009 for c in range(30)] for r in range(max(1, n // 300))]
    targets = [(t * 53) % 1200 for t in range(max(1, n // 100))]
    return (eafp_sum(table, keys),
            [evaluate(t) for t in expressions(n // 4)],
            [find_in_grid(grid, t) for t in targets],
            guarded_divisions(n),
            chained(n))


def check(n, result):
    eafp, values, found, guarded, causes = result
    table = {i * 3: i for i in range(n // 2)}
    expect("EAFP sum", eafp, lbyl_sum(table, [i * 2 for i in range(n)]))
    expect("expression values", values, [evaluate_plain(t) for t in expressions(n // 4)])
    grid = [[(r * 131 + c * 17) % 1009 for c in range(30)] for r in range(max(1, n // 300))]
    expect("grid searches", found, [find_plain(grid, (t * 53) % 1200) for t in range(max(1, n // 100))])
    total = sum(1000 // (i % 7) for i in range(n) if i % 7)
    expect("guarded divisions", guarded, (total, (n + 6) // 7, n))
    expect("chained causes", causes, (n + 2) // 3)
    if values.count(None) < n // 4 * 2 // 5:
        raise WrongResult("too few malformed expressions were rejected")


if __name__ == "__main__":
    main(run, check, SIZES)
