# The kind of helpers the itertools documentation builds from the module's
# pieces, each written here from its description and exercised.
from itertools import (accumulate, chain, combinations, compress, count, cycle, filterfalse,
                       groupby, islice, pairwise, product, repeat, starmap, tee, zip_longest,
                       takewhile, dropwhile, permutations)


def take(n, iterable):
    return list(islice(iterable, n))


def prepend(value, iterable):
    return chain([value], iterable)


def tabulate(function, start=0):
    return map(function, count(start))


def tail(n, iterable):
    items = []
    for x in iterable:
        items.append(x)
        if len(items) > n:
            del items[0]
    return iter(items)


def consume(iterator, n=None):
    if n is None:
        for _ in iterator:
            pass
    else:
        next(islice(iterator, n, n), None)


def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)


def all_equal(iterable):
    groups = groupby(iterable)
    return next(groups, True) and not next(groups, False)


def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))


def ncycles(iterable, n):
    return chain.from_iterable(repeat(tuple(iterable), n))


def dotproduct(xs, ys):
    return sum(starmap(lambda a, b: a * b, zip(xs, ys)))


def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)


def repeatfunc(func, times=None, *args):
    if times is None:
        return starmap(func, repeat(args))
    return starmap(func, repeat(args, times))


def grouper(iterable, n, incomplete="fill", fillvalue=None):
    args = [iter(iterable)] * n
    if incomplete == "fill":
        return zip_longest(*args, fillvalue=fillvalue)
    if incomplete == "strict":
        return zip(*args, strict=True)
    if incomplete == "ignore":
        return zip(*args)
    raise ValueError("Expected fill, strict, or ignore")


def batched(iterable, n):
    it = iter(iterable)
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        yield batch


def sliding_window(iterable, n):
    its = tee(iterable, n)
    for i, it in enumerate(its):
        consume(it, i)
    return zip(*its)


def triplewise(iterable):
    for (a, _), (b, c) in pairwise(pairwise(iterable)):
        yield a, b, c


def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))


def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)


def before_and_after(predicate, it):
    it = iter(it)
    transition = []

    def true_iterator():
        for elem in it:
            if predicate(elem):
                yield elem
            else:
                transition.append(elem)
                return

    def remainder_iterator():
        yield from transition
        yield from it

    return true_iterator(), remainder_iterator()


def subslices(seq):
    slices = starmap(slice, combinations(range(len(seq) + 1), 2))
    return map(seq.__getitem__, slices)


def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def unique_justseen(iterable, key=None):
    return map(next, map(lambda kg: kg[1], groupby(iterable, key)))


def iter_except(func, exception, first=None):
    try:
        if first is not None:
            yield first()
        while True:
            yield func()
    except exception:
        pass


def first_true(iterable, default=False, pred=None):
    return next(filter(pred, iterable), default)


def nth_combination(iterable, r, index):
    pool = tuple(iterable)
    n = len(pool)
    c = 1
    k = min(r, n - r)
    for i in range(1, k + 1):
        c = c * (n - k + i) // i
    if index < 0:
        index += c
    if index < 0 or index >= c:
        raise IndexError
    result = []
    while r:
        c, n, r = c * r // n, n - 1, r - 1
        while index >= c:
            index -= c
            c, n = c * (n - r) // n, n - 1
        result.append(pool[-1 - n])
    return tuple(result)


def sieve(n):
    data = bytearray((0, 1)) * (n // 2)
    data[:3] = 0, 0, 0
    limit = int(n ** 0.5) + 1
    for p in compress(range(limit), data):
        data[p * p:n:p + p] = bytes(len(range(p * p, n, p + p)))
    data[2] = 1
    return compress(count(), data)


def convolve(signal, kernel):
    kernel = tuple(kernel)[::-1]
    n = len(kernel)
    padded = chain(repeat(0, n - 1), signal, repeat(0, n - 1))
    for window in sliding_window(padded, n):
        yield sum(a * b for a, b in zip(kernel, window))


def polynomial_from_roots(roots):
    coeffs = [1]
    for r in roots:
        coeffs = list(convolve(coeffs, (1, -r)))
    return coeffs


def running_mean(values):
    return [t / n for n, t in enumerate(accumulate(values), 1)]


def factor(n):
    for prime in sieve(int(n ** 0.5) + 1):
        while n % prime == 0:
            yield prime
            n //= prime
        if n == 1:
            return
    if n > 1:
        yield n


print(take(3, "abcdef"), take(10, "ab"))
print(list(prepend(0, [1, 2])))
print(take(5, tabulate(lambda x: x * x)), take(3, tabulate(str, 7)))
print(list(tail(3, "ABCDEFG")), list(tail(5, "ab")))
it = iter(range(10))
consume(it, 4)
print(next(it))
consume(it)
print(next(it, "empty"))
print(nth(range(10), 3), nth(range(3), 5, "dflt"))
print(all_equal("aaaa"), all_equal("aaba"), all_equal(""))
print(quantify([1, 0, 3, 0, 5]), quantify(range(10), lambda x: x % 3 == 0))
print(list(ncycles("ab", 3)))
print(dotproduct([1, 2, 3], [4, 5, 6]))
print(list(flatten([[1, 2], [], [3], (4, 5)])))
print(list(repeatfunc(pow, 3, 2, 5)), take(2, repeatfunc(lambda: "x")))
print(list(grouper("ABCDEFG", 3, fillvalue="x")))
print(list(grouper("ABCDEFG", 3, incomplete="ignore")))
try:
    print(list(grouper("ABCDEFG", 3, incomplete="strict")))
except ValueError as e:
    print(type(e).__name__, e)
print(list(batched("ABCDEFG", 3)), list(batched("", 2)))
print(list(sliding_window("ABCDEFG", 4)), list(sliding_window("AB", 3)))
print(list(triplewise("ABCDEFG")))
print(list(roundrobin("ABC", "D", "EF")))
evens_odds = partition(lambda x: x % 2, range(10))
print([list(x) for x in evens_odds])
all_upper, remainder = before_and_after(str.isupper, "ABCdEfGhI")
print("".join(all_upper), "".join(remainder))
print(list(subslices("ABCD")))
print(list(powerset([1, 2, 3])))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(unique_justseen("AAAABBBCCDAABBB")), list(unique_justseen("ABBcCAD", str.lower)))
d = {1: "a", 2: "b", 3: "c"}
print(list(iter_except(d.popitem, KeyError)))
stack = [1, 2, 3]
print(list(iter_except(stack.pop, IndexError, lambda: "first")))
print(first_true([0, None, "", 7, 8]), first_true([], "none"), first_true(range(10), None, lambda x: x > 5))
print([nth_combination(range(6), 3, i) for i in (0, 5, 19, -1)])
print(all(nth_combination("abcdefg", 3, i) == c for i, c in enumerate(combinations("abcdefg", 3))))
print(list(sieve(60)))
print(list(convolve([1, 2, 3], [1, 1])))
print(polynomial_from_roots([5, -4, 3]))
print(running_mean([10, 20, 30, 40]))
print(list(factor(360)), list(factor(97)), list(factor(1)), list(factor(2 ** 20 * 3 ** 5)))
# Pascal's triangle through pairwise, primes through dropwhile/takewhile.
row = [1]
for _ in range(6):
    print(row)
    row = [1] + [a + b for a, b in pairwise(row)] + [1]
print(list(takewhile(lambda p: p < 30, dropwhile(lambda p: p < 10, sieve(100)))))
# Arrangements of 1..6 in a triangle whose three sides have equal sums.
sides = [p for p in permutations(range(1, 7))
         if p[0] + p[1] + p[2] == p[2] + p[3] + p[4] == p[4] + p[5] + p[0]]
print(len(sides), sides[:3])
# Dice sums with product.
totals = {}
for roll in product(range(1, 7), repeat=3):
    totals[sum(roll)] = totals.get(sum(roll), 0) + 1
print(sorted(totals.items()))
