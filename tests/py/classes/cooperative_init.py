class Shape:
    def __init__(self, *, name="shape", **kw):
        print("Shape", name, kw)
        super().__init__(**kw)
        self.name = name
class Colored:
    def __init__(self, *, color="black", **kw):
        print("Colored", color)
        super().__init__(**kw)
        self.color = color
class Bordered:
    def __init__(self, *, border=1, **kw):
        print("Bordered", border)
        super().__init__(**kw)
        self.border = border
class Widget(Shape, Colored, Bordered):
    def __init__(self, **kw):
        print("Widget")
        super().__init__(**kw)
w = Widget(name="btn", color="red", border=2)
print(w.name, w.color, w.border, [c.__name__ for c in Widget.__mro__])
try:
    Widget(bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
