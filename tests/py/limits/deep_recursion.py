import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
print("program continues")
reached = 0
def measure(n):
    global reached
    reached = n
    measure(n + 1)
try:
    measure(0)
except RecursionError:
    pass
print(500 < reached < sys.getrecursionlimit())
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(800))
for attempt in range(3):
    try:
        down(0)
    except RecursionError:
        print("attempt", attempt, "caught again")
def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
class Deep:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Deep().a
except RecursionError as e:
    print("getattr:", type(e).__name__)
print(fine(500))
