class C(complex):
    def __repr__(self):
        return f"C({self.real}, {self.imag})"
c = C(1, 2)
print(c, repr(c), c + 1, type(c + 1).__name__, c.real, c.conjugate(), type(c.conjugate()).__name__)
class HasComplex:
    def __complex__(self):
        return 5 + 6j
print(complex(HasComplex()))
class HasFloat:
    def __float__(self):
        return 1.5
print(complex(HasFloat()), complex(HasFloat(), HasFloat()))
class HasIndex:
    def __index__(self):
        return 3
print(complex(HasIndex()))
class BadComplex:
    def __complex__(self):
        return 1
try:
    complex(BadComplex())
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1j, complex), isinstance(1, complex), issubclass(C, complex))
print(complex.__name__, (1j).__class__, complex(1, 2) == C(1, 2))
