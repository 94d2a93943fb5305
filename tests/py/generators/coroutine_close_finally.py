class Pause:
    def __await__(self):
        yield "paused"
async def task(name):
    try:
        print(name, "started")
        await Pause()
        print(name, "resumed")
        await Pause()
        return name + " done"
    finally:
        print(name, "finally")
t1 = task("t1")
print(t1.send(None))
t1.close()
t2 = task("t2")
t2.send(None)
try:
    t2.throw(ValueError("cancelled"))
except ValueError as e:
    print("t2 raised", e)
t3 = task("t3")
t3.send(None)
t3.send(None)
try:
    t3.send(None)
except StopIteration as e:
    print("t3 result", e.value)
async def catches():
    try:
        await Pause()
    except ValueError:
        return "handled cancel"
t4 = catches()
t4.send(None)
try:
    t4.throw(ValueError)
except StopIteration as e:
    print("t4", e.value)
