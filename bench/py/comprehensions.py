"""Comprehensions: list, dict and set comprehensions and generator
expressions, nested and filtered -- matrix products, a sieve, grouping,
flattening, transposition and word indexes (docs/bench.md).

In 3.11 each comprehension is a function call with its own frame, so this
measures small-function calls as much as the loop inside. Each part is
recomputed with explicit loops and must agree.
"""
from _driver import expect, main

SIZES = {"small": 20, "quick": 100, "full": 170}


def matrix(n, seed):
    return [[(i * seed + j * 7) % 11 - 5 for j in range(n)] for i in range(n)]


def matmul(a, b):
    bt = [list(col) for col in zip(*b)]
    return [[sum([x * y for x, y in zip(row, col)]) for col in bt] for row in a]


def sieve(limit):
    composite = {m for p in range(2, int(limit ** 0.5) + 1) for m in range(p * p, limit + 1, p)}
    return [k for k in range(2, limit + 1) if k not in composite]


def group_words(words):
    letters = {w[0] for w in words}
    return {c: sorted({w for w in words if w[0] == c}) for c in letters}


def run(n):
    a, b = matrix(n, 3), matrix(n, 5)
    product = matmul(a, b)
    trace = sum(product[i][i] for i in range(n))
    primes = sieve(n * 200)
    words = ["%s%d" % ("abcdefgh"[(i * 5) % 8], (i * 37) % 101) for i in range(n * 40)]
    groups = group_words(words)
    flat = [x for row in product for x in row if x % 3 == 0]
    squares = {k: k * k for k in range(n * 20) if k % 7 != 3}
    transposed = [[row[i] for row in product] for i in range(n)]
    return trace, primes, groups, flat, sum(squares.values()), transposed


def plain(n):
    a, b = matrix(n, 3), matrix(n, 5)
    product = []
    for i in range(n):
        row = []
        for j in range(n):
            s = 0
            for k in range(n):
                s += a[i][k] * b[k][j]
            row.append(s)
        product.append(row)
    trace = 0
    for i in range(n):
        trace += product[i][i]
    limit = n * 200
    is_prime = [True] * (limit + 1)
    primes = []
    for k in range(2, limit + 1):
        if is_prime[k]:
            primes.append(k)
            for m in range(k * k, limit + 1, k):
                is_prime[m] = False
    groups = {}
    for i in range(n * 40):
        w = "%s%d" % ("abcdefgh"[(i * 5) % 8], (i * 37) % 101)
        groups.setdefault(w[0], set()).add(w)
    for c in groups:
        groups[c] = sorted(groups[c])
    flat = []
    for row in product:
        for x in row:
            if x % 3 == 0:
                flat.append(x)
    squares = 0
    for k in range(n * 20):
        if k % 7 != 3:
            squares += k * k
    transposed = []
    for i in range(n):
        column = []
        for row in product:
            column.append(row[i])
        transposed.append(column)
    return trace, primes, groups, flat, squares, transposed


PLAIN = {}


def check(n, result):
    if n not in PLAIN:
        PLAIN[n] = plain(n)
    expect("results", result, PLAIN[n])


if __name__ == "__main__":
    main(run, check, SIZES)
