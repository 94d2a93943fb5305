errors = []
def collect(f, *a):
    try:
        return f(*a)
    except Exception as e:
        errors.append(e)
        return None
collect(int, "x")
collect(lambda: [][0])
collect(lambda: {}["k"])
collect(lambda: 1 / 0)
collect(lambda: None.attr)
print([type(e).__name__ for e in errors])
print([str(e) for e in errors])
by_type = {}
for e in errors:
    by_type.setdefault(type(e).__mro__[1].__name__, []).append(type(e).__name__)
print(sorted(by_type.items()))
try:
    raise errors[0]
except ValueError as e:
    print("re-raised stored:", e)
print(errors[0] == errors[0], ValueError("a") == ValueError("a"))
print(isinstance(errors[1], LookupError), type(errors[3]).__name__)
