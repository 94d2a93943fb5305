# product, permutations, combinations, combinations_with_replacement:
# results in lexicographic order of positions, checked against plain
# recursive definitions and the closed-form counts.
from itertools import product, permutations, combinations, combinations_with_replacement, islice


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def binom(n, k):
    return fact(n) // (fact(k) * fact(n - k)) if 0 <= k <= n else 0


def ref_product(pools):
    if not pools:
        return [()]
    return [(x,) + rest for x in pools[0] for rest in ref_product(pools[1:])]


def ref_permutations(pool, r):
    if r == 0:
        return [()]
    out = []
    for i, x in enumerate(pool):
        for rest in ref_permutations(pool[:i] + pool[i + 1:], r - 1):
            out.append((x,) + rest)
    return out


def ref_combinations(pool, r):
    if r == 0:
        return [()]
    return [(pool[i],) + rest for i in range(len(pool)) for rest in ref_combinations(pool[i + 1:], r - 1)]


def ref_cwr(pool, r):
    if r == 0:
        return [()]
    return [(pool[i],) + rest for i in range(len(pool)) for rest in ref_cwr(pool[i:], r - 1)]


print(list(product("ab", range(3))))
print(list(product("ab", repeat=2)))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product(repeat=5)), list(product("ab", repeat=0)))
print(list(product("ab", "")), list(product("", "ab")))
print(list(product([1, 2], [3], [4, 5])))
print(list(product("xy", [True], repeat=2)))
print(list(permutations("abc")))
print(list(permutations("abcd", 2)))
print(list(permutations(range(3), 3)))
print(list(permutations("ab", 0)), list(permutations("", 0)), list(permutations("")), list(permutations("ab", 3)))
print(list(permutations("ab", None)))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("ab", 0)), list(combinations("", 0)), list(combinations("ab", 3)), list(combinations("abc", 3)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement("ab", 3)))
print(list(combinations_with_replacement("", 0)), list(combinations_with_replacement("", 2)), list(combinations_with_replacement("a", 3)))
print(list(combinations_with_replacement(range(3), 0)))

ok = True
for n in range(5):
    pool = tuple("abcde"[:n])
    for r in range(6):
        got = list(permutations(pool, r))
        if got != ref_permutations(list(pool), r) or len(got) != (fact(n) // fact(n - r) if r <= n else 0):
            ok = False
            print("permutations mismatch", n, r)
        got = list(combinations(pool, r))
        if got != ref_combinations(list(pool), r) or len(got) != binom(n, r):
            ok = False
            print("combinations mismatch", n, r)
        got = list(combinations_with_replacement(pool, r))
        if got != ref_cwr(list(pool), r) or len(got) != (binom(n + r - 1, r) if n else int(r == 0)):
            ok = False
            print("cwr mismatch", n, r)
    for k in range(4):
        pools = [pool[:i + 1] for i in range(k)]
        if list(product(*pools)) != ref_product(pools):
            ok = False
            print("product mismatch", n, k)
        for rep in range(3):
            if list(product(*pools, repeat=rep)) != ref_product(pools * rep):
                ok = False
                print("product repeat mismatch", n, k, rep)
print("all match:", ok)

# Sizes of the bigger ones, lazily.
print(sum(1 for _ in permutations(range(6))), sum(1 for _ in combinations(range(12), 4)))
print(sum(1 for _ in combinations_with_replacement(range(8), 5)), sum(1 for _ in product(range(3), repeat=6)))
print(list(islice(permutations(range(100)), 2))[1][-3:])
print(next(combinations(range(10**5), 3)), next(product(range(10**6), repeat=3)))

# Equal items are still distinct positions.
print(list(permutations("aa")), list(combinations("aab", 2)))
# Inputs are read once, at construction.
log = []


def gen(name, n):
    for i in range(n):
        log.append((name, i))
        yield i


p = product(gen("a", 2), gen("b", 2))
print(log)
print(list(p))
log.clear()
c = combinations(gen("c", 3), 2)
print(log, list(c))
log.clear()
pm = permutations(gen("p", 3))
print(log, next(pm))
# Results are fresh tuples each time.
first = next(combinations("abc", 2))
again = combinations("abc", 2)
print(first == next(again), type(first).__name__)
results = list(product("ab", repeat=2))
print(len(set(map(id, results))) == len(results))
# Exhausted iterators stay exhausted.
for it in (product("a"), permutations("a"), combinations("a", 1), combinations_with_replacement("a", 1)):
    print(type(it).__name__, list(it), list(it), next(it, "done"))
# Iterating a dict, a set of ints, a generator.
print(list(combinations({"x": 1, "y": 2, "z": 3}, 2)))
print(list(permutations({3, 1, 2}, 2)))
print(list(product((i * i for i in range(3)), repeat=1)))
