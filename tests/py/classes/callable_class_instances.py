class Pipeline:
    def __init__(self, *steps): self.steps = steps
    def __call__(self, v):
        for s in self.steps:
            v = s(v)
        return v
    def __or__(self, step): return Pipeline(*self.steps, step)
class Add:
    def __init__(self, n): self.n = n
    def __call__(self, v): return v + self.n
    def __repr__(self): return f"Add({self.n})"
p = Pipeline(Add(1), Add(2)) | (lambda v: v * 10) | str
print(p(0), p(5), type(p(1)).__name__)
print(list(map(Add(100), [1, 2, 3])), sorted([3, 1, 2], key=Add(-5)))
print(callable(Add(1)), callable(Add), callable(p.steps[0].__call__))
