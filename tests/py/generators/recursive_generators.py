def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print([''.join(p) for p in permutations("abc")])
print(sum(1 for _ in permutations(list(range(6)))))
def subsets(s):
    if not s:
        yield []
        return
    for sub in subsets(s[1:]):
        yield sub
        yield [s[0]] + sub
print(sorted(subsets([1, 2, 3]), key=lambda x: (len(x), x)))
def hanoi(n, a="A", b="B", c="C"):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)
print(list(hanoi(3)))
print(sum(1 for _ in hanoi(12)))
def inorder(t):
    if t:
        l, v, r = t
        yield from inorder(l)
        yield v
        yield from inorder(r)
tree = ((None, 1, None), 2, ((None, 3, None), 4, (None, 5, None)))
print(list(inorder(tree)))
def deep(n):
    if n:
        yield from deep(n - 1)
    yield n
print(sum(deep(400)))
