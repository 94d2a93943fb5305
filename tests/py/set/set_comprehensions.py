print(sorted({x % 7 for x in range(100)}), sorted({c.lower() for c in "HeLLo"}), sorted({(x, y) for x in range(3) for y in range(x)}))
primes = {n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))}
print(sorted(primes), len(primes))
squares = {x * x for x in range(-5, 6)}
print(sorted(squares))
evens = set(range(0, 20, 2))
threes = set(range(0, 20, 3))
print(sorted(evens & threes), sorted(evens - threes), sorted(evens ^ threes)[:5])
print(sorted(set(map(len, ["a", "bb", "cc", "ddd"]))), set() == {x for x in []})
