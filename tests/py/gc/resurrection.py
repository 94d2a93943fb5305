import gc
saved = []
del_calls = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        del_calls.append(self.name)
        saved.append(self)
p = Phoenix("phoenix")
del p
gc.collect()
print(del_calls, [x.name for x in saved])
again = saved.pop()
del again
gc.collect()
print(del_calls, len(saved))
c1 = Phoenix("c1")
c2 = Phoenix("c2")
c1.peer, c2.peer = c2, c1
del c1, c2
gc.collect()
print(sorted(del_calls), sorted(x.name for x in saved))
saved.clear()
gc.collect()
print(sorted(del_calls))
