"""A simple helper module for the import tests."""
print("mod_simple: executing module body")
VALUE = 42
_private = "hidden"
def func(x):
    return x * 2
class Thing:
    def __repr__(self):
        return "Thing()"
def where():
    return __name__
if __name__ == "__main__":
    print("mod_simple run as a script")
