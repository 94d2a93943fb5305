names = ["ann", "bob", "cid"]
ages = [31, 25, 40]
cities = ("Oslo", "Rome")
print(list(zip(names, ages, cities)), dict(zip(names, ages)), list(map(lambda n, a: f"{n}:{a}", names, ages)))
print(list(zip(*zip(names, ages))), [list(t) for t in zip(*[[1, 2, 3], [4, 5, 6]])])
print(sum(a * b for a, b in zip([1, 2, 3], [4, 5, 6])), max(zip(ages, names)), sorted(zip(ages, names), reverse=True))
pairs = list(enumerate(zip(names, ages), start=1))
print(pairs)
print(list(filter(lambda p: p[1] > 30, zip(names, ages))), list(map(sum, zip([1, 2], [10, 20], [100, 200]))))
print(list(zip(range(3), map(str, range(3)), filter(None, [0, 1, 2, 3]))))
