def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i
print(any(x > 1 for x in noisy(5)))
print(all(x < 1 for x in noisy(5)))
print(sum(noisy(3)), max(noisy(3)), min(noisy(2)))
print(sorted(noisy(3), reverse=True))
print(list(zip(noisy(3), "ab")))
print(dict(zip("ab", noisy(5))))
print("".join(str(x) for x in noisy(2)), tuple(noisy(2)), set(noisy(1)))
print(any([]), all([]), sum([]), sum([], 10), sum([[1], [2]], []), sum((0.1 for _ in range(10))))
