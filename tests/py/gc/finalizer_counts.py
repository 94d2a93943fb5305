import gc
finalized = 0
class Counted:
    def __init__(self):
        self.ref = self
    def __del__(self):
        global finalized
        finalized += 1
for round_ in range(5):
    objs = [Counted() for _ in range(2000)]
    del objs
    gc.collect()
    print(round_, finalized)
class Acyclic:
    def __del__(self):
        global finalized
        finalized += 1
finalized = 0
items = [Acyclic() for _ in range(500)]
items.clear()
gc.collect()
print(finalized)
x = Acyclic()
x = None
gc.collect()
print(finalized)
