def make_class(base_val):
    class Made:
        val = base_val
        def get(self):
            return self.val, base_val
    return Made
A = make_class(1)
B = make_class(2)
print(A().get(), B().get(), A is B, A.__name__, A.__qualname__)
def counter_class():
    count = 0
    class C:
        def __init__(self):
            nonlocal count
            count += 1
        @staticmethod
        def total():
            return count
    return C
C = counter_class()
C(); C(); C()
print(C.total())
def with_closure_in_body():
    x = "closure"
    class K:
        y = x
        def m(self):
            return x
    return K
K = with_closure_in_body()
print(K.y, K().m())
