def safe_div(a, b):
    try:
        return [x / y for x, y in zip(a, b)]
    except ZeroDivisionError as e:
        return f"failed: {e}"
print(safe_div([1, 2], [2, 4]), safe_div([1, 2], [1, 0]))
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print("dict comp:", e)
try:
    sum(int(s) for s in ["1", "2", "x"])
except ValueError as e:
    print("genexp:", e)
try:
    {c.upper() for c in [1]}
except AttributeError as e:
    print("set comp:", e)
g = (1 // v for v in [1, 0, 2])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("genexp next:", e)
print(list(g))
def gen_with_cleanup():
    try:
        yield 1
        raise ValueError("in gen")
    finally:
        print("gen finally")
try:
    print([v for v in gen_with_cleanup()])
except ValueError as e:
    print("list of gen:", e)
