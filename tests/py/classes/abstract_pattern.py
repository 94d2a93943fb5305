class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Circle(Shape):
    pass
print(Square(3).describe())
try:
    Circle().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(issubclass(NotImplementedError, RuntimeError))
shapes = [Square(1), Square(2), Square(3)]
print(sum(s.area() for s in shapes))
class Template:
    def run(self):
        return [self.step1(), self.step2()]
    def step1(self): return "default1"
    def step2(self): return "default2"
class Custom(Template):
    def step2(self): return "custom2"
print(Template().run(), Custom().run())
