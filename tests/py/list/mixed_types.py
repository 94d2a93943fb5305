ints = list(range(10))
ints.append(2.5)
print(ints, sum(ints))
ints.append("str")
print(ints[-3:], len(ints))
floats = [1.5, 2.5]
floats.append(3)
print(floats, [type(x).__name__ for x in floats])
objs = [None, True, 1, 1.0, "1", b"1", (1,), [1], {1: 1}, {1}]
print(objs, [type(o).__name__ for o in objs])
print(1 in objs, True in objs, "1" in objs, [1] in objs, objs.count(1), objs.index(True))
big = [i for i in range(1000)]
big[500] = "middle"
print(big[499:502], big.index("middle"), sum(x for x in big if isinstance(x, int)))
big[500] = 500
print(sum(big))
matrix = [[0] * 3 for _ in range(3)]
matrix[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(matrix, alias)
