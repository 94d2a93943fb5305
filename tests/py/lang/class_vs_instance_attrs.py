class A:
    shared = []
    count = 0
    def __init__(self, n):
        self.n = n
        A.count += 1
        self.shared.append(n)
a, b = A(1), A(2)
print(A.count, a.shared, b.shared is a.shared)
a.count = 100
print(a.count, b.count, A.count)
del a.count
print(a.count)
print(sorted(vars(a)), 'shared' in vars(A))
A.new = "class attr added later"
print(a.new)
a.__dict__['direct'] = 1
print(a.direct)
b.shared = ["own"]
print(a.shared, b.shared)
class B(A):
    count = -1
print(B(3).count, A.count, B.count)
