def chain(*its):
    for it in its:
        yield from it
def islice(it, start, stop, step=1):
    it = iter(it)
    for i, x in enumerate(it):
        if i >= stop:
            return
        if i >= start and (i - start) % step == 0:
            yield x
def product(*pools):
    result = [[]]
    for pool in pools:
        result = [r + [x] for r in result for x in pool]
    return [tuple(r) for r in result]
def permutations(seq, r=None):
    seq = list(seq)
    r = len(seq) if r is None else r
    if r == 0:
        yield ()
        return
    for i, x in enumerate(seq):
        for rest in permutations(seq[:i] + seq[i + 1:], r - 1):
            yield (x,) + rest
def combinations(seq, r):
    seq = list(seq)
    if r == 0:
        yield ()
        return
    for i in range(len(seq)):
        for rest in combinations(seq[i + 1:], r - 1):
            yield (seq[i],) + rest
def groupby(seq, key=lambda x: x):
    out = []
    for x in seq:
        k = key(x)
        if out and out[-1][0] == k:
            out[-1][1].append(x)
        else:
            out.append((k, [x]))
    return out
def accumulate(seq, f=lambda a, b: a + b):
    it = iter(seq)
    try:
        total = next(it)
    except StopIteration:
        return
    yield total
    for x in it:
        total = f(total, x)
        yield total
def cycle(seq, n):
    saved = list(seq)
    for i in range(n):
        yield saved[i % len(saved)]
print(list(chain("ab", [1], range(2))), list(islice(range(100), 5, 20, 4)), list(islice("abcdef", 0, 3)))
print(product("ab", [0, 1]), len(product(range(3), repeat := range(3), range(2))))
print(list(permutations("abc", 2)), sum(1 for _ in permutations(range(5))))
print(list(combinations("abcd", 2)), sum(1 for _ in combinations(range(10), 4)))
print(groupby("aaabccdddd"), groupby([1, 3, 2, 4, 5], key=lambda x: x % 2))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])), list(cycle("xyz", 7)))
