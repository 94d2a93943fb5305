n = 1_000_000
l = []
for i in range(n):
    l.append(i)
print(len(l), l[-1], sum(l))
while len(l) > 10:
    l.pop()
print(l)
squares = [i * i for i in range(200000)]
print(squares[-1], len(squares), squares[12345])
del squares[::2]
print(len(squares), squares[:3])
squares.reverse()
print(squares[:2], squares.index(1))
big = [0] * 500000
for i in range(0, 500000, 1000):
    big[i] = i
print(sum(big), big.count(0))
