# list.sort notices a comparison that gives the list items again, even when
# it empties it afterwards (CPython: "allocated != -1"); extend([]) does not.
from functools import cmp_to_key
def t(f):
    L = [1, 2]
    def mutating_cmp(x, y):
        f(L)
        return (x > y) - (x < y)
    try:
        L.sort(key=cmp_to_key(mutating_cmp)); print("no error", L)
    except ValueError as e: print(e, L)
def ap(L): L.append(3); L.pop()
def dl(L): L.append(3); del L[:]
def cl(L): L.append(3); L.clear()
def ext(L): L.extend([]);
def ins(L): L.insert(0, 5); L.remove(5)
def sl(L): L[:] = [1]; L[:] = []
def ia(L): L += [1]; L *= 0
t(ap); t(dl); t(cl); t(ext); t(ins); t(sl); t(ia)
