# Finalizer ordering (issue #6) with generators: a holder's __del__ or an
# outer generator's finally runs while the generators it holds are still
# suspended, as with reference counting.
import gc
log = []
def inner(name):
    try:
        yield 1
        yield 2
    finally:
        log.append("inner " + name)
def outer_yf():
    try:
        yield from inner("yf")
    finally:
        log.append("outer yf")
def outer_local():
    g = inner("local")
    next(g)
    try:
        yield 1
    finally:
        log.append("outer local, inner running: %s" % (g.gi_frame is not None))
g = outer_yf(); next(g); del g
gc.collect(); print(log); log.clear()
g = outer_local(); next(g); del g
gc.collect(); print(log); log.clear()
class Holder:
    def __init__(self):
        self.g = inner("held"); next(self.g)
    def __del__(self):
        log.append("holder, gen alive: %s" % (self.g.gi_frame is not None))
Holder(); gc.collect(); print(log)
