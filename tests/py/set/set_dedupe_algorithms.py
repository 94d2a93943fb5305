data = [3, 1, 3, 2, 1, 5, 2, 9, 3]
seen = set()
ordered_unique = []
for x in data:
    if x not in seen:
        seen.add(x)
        ordered_unique.append(x)
print(ordered_unique, sorted(set(data)), list(dict.fromkeys(data)))
def has_pair_sum(nums, target):
    seen = set()
    for n in nums:
        if target - n in seen:
            return (target - n, n)
        seen.add(n)
    return None
print(has_pair_sum([8, 3, 5, 11, 2], 13), has_pair_sum([1, 2], 10))
def sieve(n):
    composite = set()
    primes = []
    for i in range(2, n + 1):
        if i not in composite:
            primes.append(i)
            composite.update(range(i * i, n + 1, i))
    return primes
print(sieve(100))
visited = set()
def flood(grid, r, c):
    if (r, c) in visited or not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != ".":
        return 0
    visited.add((r, c))
    return 1 + sum(flood(grid, r + dr, c + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
grid = ["..#..", ".##..", "#...#", "..#.."]
sizes = []
for r in range(len(grid)):
    for c in range(len(grid[0])):
        n = flood(grid, r, c)
        if n:
            sizes.append(n)
print(sizes, len(visited))
