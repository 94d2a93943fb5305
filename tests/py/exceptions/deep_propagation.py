import sys
def down(n):
    if n == 0:
        raise ValueError("bottom reached")
    return down(n - 1) + 1
try:
    down(500)
except ValueError as e:
    tb = e.__traceback__
    count = 0
    while tb:
        count += 1
        tb = tb.tb_next
    print(e, count)
finally_count = 0
def down_finally(n):
    global finally_count
    try:
        if n == 0:
            raise KeyError("k")
        down_finally(n - 1)
    finally:
        finally_count += 1
try:
    down_finally(300)
except KeyError:
    print("finally blocks run:", finally_count)
def catch_at(n, target):
    try:
        if n == 0:
            raise IndexError("deep")
        return catch_at(n - 1, target)
    except IndexError:
        if n == target:
            return f"caught at {n}"
        raise
print(catch_at(200, 150))
