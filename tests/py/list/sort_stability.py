records = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2), ("gina", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: r[1]))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
l = [5, 2, 8, 1, 9, 3]
l.sort(reverse=True)
print(l)
l.sort(key=lambda x: x % 3)
print(l)
data = [(i % 5, i) for i in range(30)]
data.sort(key=lambda t: t[0])
print(data[:8], all(data[i][1] < data[i + 1][1] for i in range(len(data) - 1) if data[i][0] == data[i + 1][0]))
print(sorted([]), sorted([1]), sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted(range(5), reverse=True))
print(sorted([3, 1, 2], key=None), sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a")]))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(s), sorted(big, reverse=True)[:3])
