def f(): pass
class C: pass
for _ in range(3): pass
while False: pass
if True: pass
else: pass
try: pass
except Exception: pass
finally: pass
t = type
class Ctx:
    def __enter__(self): return "entered"
    def __exit__(self, *a): pass
with Ctx() as t: pass
print(f(), C, t)
def g(): ...
class D: ...
print(g(), D.__name__)
