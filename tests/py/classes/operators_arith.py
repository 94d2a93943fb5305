class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"V{self.c}"
    def __add__(self, o): return V(*(a + b for a, b in zip(self.c, o.c))) if isinstance(o, V) else NotImplemented
    def __sub__(self, o): return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return V(*(a * k for a in self.c)) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __divmod__(self, k): return (self // k, self % k)
    def __pow__(self, k, mod=None): return V(*(pow(a, k, mod) for a in self.c))
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return V(*(abs(a) for a in self.c))
    def __invert__(self): return V(*(~a for a in self.c))
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __lshift__(self, n): return V(*(a << n for a in self.c))
    def __rshift__(self, n): return V(*(a >> n for a in self.c))
    def __and__(self, n): return V(*(a & n for a in self.c))
    def __or__(self, n): return V(*(a | n for a in self.c))
    def __xor__(self, n): return V(*(a ^ n for a in self.c))
v, w = V(1, -2), V(3, 4)
print(v + w, v - w, v * 3, 3 * v, v / 2, w // 2, w % 3, divmod(w, 3))
print(v ** 2, pow(w, 2, 5), -v, +v, abs(v), ~v, v @ w)
print(w << 2, w >> 1, w & 1, w | 8, w ^ 7)
