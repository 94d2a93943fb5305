print(max("apple", "Banana"), min("apple", "Banana"), sorted(["apple", "Banana", "cherry"]), sorted(["apple", "Banana", "cherry"], key=str.casefold))
print(max([1, 2], [1, 2, 0]), min((2,), (1, 9)), max({1: "z", 2: "a"}), max({1: "z", 2: "a"}.values()), max({1: "z", 2: "a"}.items(), key=lambda kv: kv[1]))
print(sorted([3, 1, 2]) == [1, 2, 3], sorted([3, 1, 2]) is not [1, 2, 3], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), "a" < "b" < "c")
pts = [(3, 4), (1, 1), (0, 5), (2, 2)]
print(min(pts, key=lambda p: p[0] ** 2 + p[1] ** 2), max(pts, key=lambda p: (p[1], -p[0])), sorted(pts, key=sum))
