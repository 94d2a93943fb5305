def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B))
print([list(r) for r in zip(*A)])
I = [[int(i == j) for j in range(4)] for i in range(4)]
print(I, matmul(I, I) == I)
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [3, 4]]), det(I))
grid = [list(row) for row in ["#..", ".#.", "..#"]]
rot = [list(r) for r in zip(*grid[::-1])]
print(["".join(r) for r in rot])
flat = [x for row in A for x in row]
print(flat, [flat[i:i + 2] for i in range(0, len(flat), 2)])
pascal = [[1]]
for _ in range(8):
    prev = pascal[-1]
    pascal.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
for row in pascal:
    print(" ".join(map(str, row)).center(40))
