# __debug__ cannot be the target of an augmented or annotated assignment;
# the *args / **kwargs errors name a callable without __qualname__ by str().
for src in ["__debug__ += 1", "__debug__: int", "__debug__: int = 1", "x.__debug__ += 1", "(__debug__) = 1"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print(src, "->", e.msg, e.lineno, e.offset)


def nothing():
    pass


class Callable:
    def __call__(self, *a, **k):
        pass

    def __str__(self):
        return "my callable"


for f in (None, Callable(), nothing, len, Callable):
    try:
        f(*nothing)
    except TypeError as e:
        print(e)
    try:
        f(**nothing)
    except TypeError as e:
        print(e)
    try:
        f(**{"a": 1}, **{"a": 2})
    except TypeError as e:
        print(e)
