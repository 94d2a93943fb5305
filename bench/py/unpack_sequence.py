"""Sequence unpacking: swaps, tuple returns, nested and starred targets,
unpacking in for loops and comprehensions, and building tuples to unpack
them again (docs/bench.md).

UNPACK_SEQUENCE / UNPACK_EX and BUILD_TUPLE in every shape, over tuples,
lists and strings. The same arithmetic done with indexing must agree.
"""
from _driver import expect, main

SIZES = {"small": 5000, "quick": 80000, "full": 300000}


def fib_pairs(k):
    a, b = 0, 1
    for _ in range(k):
        a, b = b, (a + b) % 1000003
    return a, b


def rotate(t):
    first, *rest = t
    return (*rest, first)


def divmods(n):
    total = 0
    for i in range(1, n):
        q, r = divmod(i * 7919, i % 97 + 1)
        total += q ^ r
    return total


def nested(points):
    total = 0
    for (x, y), (dx, dy), label in points:
        x, y = x + dx, y + dy
        head, *_, tail = label
        total += x * y + ord(head) - ord(tail)
    return total


def starred(rows):
    total = 0
    for first, *middle, last in rows:
        total += first * last + len(middle) + sum(middle)
    return total


def sort3(a, b, c):
    if a > b:
        a, b = b, a
    if b > c:
        b, c = c, b
    if a > b:
        a, b = b, a
    return a, b, c


def run(n):
    pairs = fib_pairs(n)
    t = tuple(range(8))
    for _ in range(n // 8):
        t = rotate(t)
    points = [((i, i % 17), (i % 5, -(i % 3)), "p%dq" % i) for i in range(n // 4)]
    rows = [list(range(i % 6 + 2)) for i in range(n // 4)]
    sorted_sum = 0
    for i in range(n):
        a, b, c = sort3((i * 31) % 101, (i * 17) % 89, (i * 13) % 97)
        sorted_sum += a - 2 * b + c
    swapped = [(b, a) for a, b in zip(range(n // 8), range(n // 8, n // 4))]
    return pairs, t, divmods(n // 4), nested(points), starred(rows), sorted_sum, sum(x - y for x, y in swapped)


def plain(n):
    f = [0, 1]
    for _ in range(n):
        f = [f[1], (f[0] + f[1]) % 1000003]
    base = list(range(8))
    k = (n // 8) % 8
    t = tuple(base[k:] + base[:k])
    total = 0
    for i in range(1, n // 4):
        v = i * 7919
        m = i % 97 + 1
        total += (v // m) ^ (v % m)
    nested_total = 0
    for i in range(n // 4):
        label = "p%dq" % i
        nested_total += (i + i % 5) * (i % 17 - i % 3) + ord(label[0]) - ord(label[-1])
    starred_total = 0
    for i in range(n // 4):
        row = list(range(i % 6 + 2))
        starred_total += row[0] * row[-1] + len(row) - 2 + sum(row[1:-1])
    sorted_sum = 0
    for i in range(n):
        v = sorted([(i * 31) % 101, (i * 17) % 89, (i * 13) % 97])
        sorted_sum += v[0] - 2 * v[1] + v[2]
    m = n // 8
    swapped = min(m, n // 4 - m) * m  # each pair (m + i, i) differs by m
    return (f[0], f[1]), t, total, nested_total, starred_total, sorted_sum, swapped


def check(n, result):
    expect("results", result, plain(n))


if __name__ == "__main__":
    main(run, check, SIZES)
