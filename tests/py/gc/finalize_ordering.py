# Finalizer ordering (issue #6): an object's __del__ runs before those of the
# objects it references, which are intact when it runs.
import gc
log = []

class D:
    def __init__(self, name, ref=None):
        self.name = name
        self.ref = ref
        self.closed = False
    def __del__(self):
        r = self.ref
        seen = None if r is None else (r.name, r.closed)
        log.append((self.name, seen))
        self.closed = True

def run(label, make):
    log.clear()
    make()
    gc.collect()
    print(label, log)

def outer_inner():
    inner = D("inner")
    D("outer", inner)
run("outer newer:", outer_inner)

def inner_newer():
    outer = D("outer")
    outer.ref = D("inner")
run("inner newer:", inner_newer)

def chain():
    c = D("c")
    b = D("b", c)
    D("a", b)
run("chain:", chain)

def chain2():
    # the oldest holds the newest
    x3 = D("x3")
    x2 = D("x2")
    x1 = D("x1")
    x1.ref = x2
    x2.ref = x3
run("chain2:", chain2)

def cycle():
    a = D("ca")
    b = D("cb", a)
    a.ref = b
log.clear()
cycle()
gc.collect()
print("cycle:", sorted(n for n, _ in log), len(log))

def cycle_holding():
    # a cycle of two finalizable objects holding a third: the third is
    # finalized after both, and intact when they run
    leaf = D("leaf")
    a = D("ca", leaf)
    b = D("cb", a)
    a.extra = b
    a.ref = leaf
    b.ref = a
    b.leaf = leaf
log.clear()
cycle_holding()
gc.collect()
# CPython's collector runs the finalizers of cyclic trash in its own order
# (the leaf may run before the cycle): only the set is compared.
print("cycle holding leaf:", sorted(n for n, _ in log))

def via_plain():
    # through objects without __del__ (a list, a dict)
    leaf = D("leaf")
    holder = D("holder")
    holder.ref = None
    holder.stuff = [{"k": leaf}]
    holder.__class__ = D2
class D2(D):
    def __del__(self):
        leaf = self.stuff[0]["k"]
        log.append((self.name, leaf.name, leaf.closed))
run("via containers:", via_plain)

def list_items():
    items = [D(f"i{n}") for n in range(3)]
    D("owner", None).items = items
log.clear()
items = [D(f"i{n}") for n in range(3)]
del items
gc.collect()
print("list items:", [n for n, _ in log])

class Res:
    def __init__(self, name):
        self.name = name
        self.fd = 3
    def close(self):
        self.fd = -1
    def __del__(self):
        log.append(("res", self.fd))
        self.close()

class Owner:
    def __init__(self):
        self.res = Res("pipe")
    def __del__(self):
        log.append(("owner sees fd", self.res.fd))
        self.res.close()

log.clear()
Owner()
gc.collect()
print("owner/resource:", log)

