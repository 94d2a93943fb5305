"""Generators: a recursive `yield from` tree walk, chains of small
generator stages, an incremental prime sieve, and a running-statistics
consumer driven by send() (docs/bench.md).

Frame suspension and resumption is the whole workload. Each part's answer
is recomputed with plain loops over lists and must agree.
"""
from _driver import expect, main

SIZES = {"small": 5000, "quick": 20000, "full": 100000}

# The results, recorded from CPython 3.11.
EXPECTED = {
    5000: (175163993, 634793, 34, (5000, 2485785, 996)),
    20000: (2800642913, 2517998, 44, (20000, 9958071, 996)),
    100000: (69996197510, 12593928, 72, (100000, 49796694, 996)),
}


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key, left, right):
        self.key = key
        self.left = left
        self.right = right


def build(keys, lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(keys[mid], build(keys, lo, mid), build(keys, mid + 1, hi))


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.key
        yield from in_order(node.right)


def count_from(start):
    while True:
        yield start
        start += 1


def take(k, items):
    for item in items:
        if k <= 0:
            return
        k -= 1
        yield item


def keep(pred, items):
    for item in items:
        if pred(item):
            yield item


def apply(fn, items):
    for item in items:
        yield fn(item)


def pairs(items):
    it = iter(items)
    prev = next(it)
    for item in it:
        yield prev, item
        prev = item


def primes():
    """Eratosthenes without a bound: each composite waits in `crossed`
    under its next multiple."""
    crossed = {}
    for q in count_from(2):
        p = crossed.pop(q, None)
        if p is None:
            crossed[q * q] = q
            yield q
        else:
            m = q + p
            while m in crossed:
                m += p
            crossed[m] = p


def running_stats():
    """Receives numbers by send(); yields (count, total, maximum)."""
    count = total = 0
    maximum = None
    while True:
        x = yield count, total, maximum
        count += 1
        total += x
        if maximum is None or x > maximum:
            maximum = x


def run(n):
    keys = [(i * 7919) % (4 * n + 1) for i in range(n)]
    keys.sort()
    walked = sum(k * (i & 7) for i, k in enumerate(in_order(build(keys, 0, len(keys)))))
    chained = list(take(n // 4, apply(lambda x: x * x % 1009,
                                      keep(lambda x: x % 3 != 0, count_from(1)))))
    gaps = max(b - a for a, b in pairs(take(n // 10 + 2, primes())))
    stats = running_stats()
    next(stats)
    for x in apply(lambda x: (x * 31) % 997, range(n)):
        summary = stats.send(x)
    stats.close()
    return walked, sum(chained), gaps, summary


def plain(n):
    """The same answers without generators."""
    keys = sorted((i * 7919) % (4 * n + 1) for i in range(n))
    walked = 0
    for i in range(len(keys)):
        walked += keys[i] * (i & 7)
    chained = []
    x = 1
    while len(chained) < n // 4:
        if x % 3 != 0:
            chained.append(x * x % 1009)
        x += 1
    found = []
    candidate = 2
    while len(found) < n // 10 + 2:
        if all(candidate % p for p in found if p * p <= candidate):
            found.append(candidate)
        candidate += 1
    gaps = max(found[i + 1] - found[i] for i in range(len(found) - 1))
    values = [(x * 31) % 997 for x in range(n)]
    return walked, sum(chained), gaps, (n, sum(values), max(values))


PLAIN = {}


def check(n, result):
    if n not in PLAIN:
        PLAIN[n] = plain(n)
    expect("generator results", result, PLAIN[n])
    if n in EXPECTED:
        expect("results at size %d" % n, result, EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
