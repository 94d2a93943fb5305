# Argument errors of every itertools constructor: CPython's exception types
# and messages, and the order in which arguments are checked.
import itertools as it
import sys


def show(src):
    try:
        r = eval(src)
    except Exception as e:
        print(src, "!!", type(e).__name__, e)
    else:
        if isinstance(r, (list, tuple)):
            print(src, "->", r)
        else:
            print(src, "->", type(r).__name__)


cases = [
    "it.count('a')",
    "it.count(1,'a')",
    'it.count(1,2,3)',
    'it.count(x=1)',
    'it.count(start=1,step=2,z=3)',
    'it.count(1, start=2)',
    'it.cycle()',
    'it.cycle(1)',
    'it.cycle([],[])',
    'it.cycle(x=[])',
    'it.cycle([], x=1)',
    'it.repeat()',
    'it.repeat(1,2,3)',
    "it.repeat(1,'a')",
    'it.repeat(1,2**70)',
    'it.repeat(1, times=1.5)',
    'it.repeat(object=1, times=2, x=3)',
    'it.repeat(1, x=2)',
    'it.accumulate()',
    'it.accumulate(1)',
    'it.accumulate([], None, 3)',
    'it.accumulate([], initial=1, x=2)',
    'it.accumulate([],None,initial=1,func=2)',
    'it.chain(x=1)',
    'it.chain(1)',
    'list(it.chain(1))',
    'list(it.chain([1],2))',
    'it.chain.from_iterable()',
    'it.chain.from_iterable(1)',
    'list(it.chain.from_iterable(1))',
    'list(it.chain.from_iterable([1]))',
    'it.chain.from_iterable([],[])',
    'it.compress()',
    'it.compress([])',
    'it.compress(1,[])',
    'it.compress([],1)',
    'it.compress([],[],[])',
    'it.compress(data=[], selector=[])',
    'it.dropwhile()',
    'it.dropwhile(None)',
    'it.dropwhile(None, 1)',
    'it.dropwhile(None, [], x=1)',
    'list(it.dropwhile(None, [1]))',
    'list(it.dropwhile(1, [1]))',
    'it.takewhile(len)',
    'list(it.takewhile(1,[1]))',
    'it.filterfalse(None)',
    'it.filterfalse(None, 1)',
    'it.starmap(None)',
    'list(it.starmap(pow, [1]))',
    'list(it.starmap(pow, [(1,)]))',
    'it.groupby()',
    'it.groupby(1)',
    'it.groupby([], None, 3)',
    'it.groupby(iterable=[], k=1)',
    'it.islice()',
    'it.islice([])',
    'it.islice([], -1)',
    "it.islice([], 'a')",
    'it.islice([], 1.5)',
    'it.islice([], 2**70)',
    'it.islice([], -1, 3)',
    'it.islice([], 1, -3)',
    'it.islice([], 1, 3, 0)',
    'it.islice([], 1, 3, -1)',
    "it.islice([], 1, 3, 'a')",
    "it.islice([], 'a', 3)",
    "it.islice([], 1, 'a')",
    'it.islice(1, 1)',
    'it.islice([],1,2,3,4)',
    'it.islice([], stop=3)',
    'it.islice([], 2**70, 3)',
    'it.islice([], 1, 2**70)',
    'it.islice([], 1, 2, 2**70)',
    'it.pairwise()',
    'it.pairwise(1)',
    'it.pairwise([],[])',
    'it.pairwise(iterable=[])',
    'it.tee()',
    'it.tee(1)',
    'it.tee([], -1)',
    "it.tee([], 'a')",
    'it.tee([], 1, 2)',
    'it.tee([], n=2)',
    'it.tee([], 2**70)',
    'it.zip_longest(1)',
    'it.zip_longest([], x=1)',
    'it.zip_longest([], fillvalue=1, x=2)',
    'it.zip_longest(fillvalue=1)',
    'it.product(1)',
    'it.product([], repeat=-1)',
    "it.product([], repeat='a')",
    'it.product([], x=1)',
    'it.product([], repeat=1, x=2)',
    'it.product([], repeat=2**70)',
    'it.product([1], repeat=2**62)',
    'it.permutations()',
    'it.permutations(1)',
    'it.permutations([], -1)',
    "it.permutations([], 'a')",
    'it.permutations([], 1.5)',
    'it.permutations([], 1, 2)',
    'it.permutations([], x=1)',
    'it.permutations([], 2**70)',
    'it.combinations([])',
    'it.combinations([], -1)',
    "it.combinations([], 'a')",
    'it.combinations(1, 1)',
    'it.combinations([], 2**70)',
    'it.combinations(iterable=[], r=1, x=1)',
    'it.combinations_with_replacement([])',
    'it.combinations_with_replacement([], -1)',
    "it.combinations_with_replacement([], 'a')",
    'it.combinations_with_replacement([], 1.5)',
    'it._grouper()',
    'it._tee()',
    'it._tee(1)',
    'it._tee([], 1)',
    'it._tee_dataobject()',
    'it._tee_dataobject(1,2,3)',
    'it._grouper(1, 2)',
    'it.tee([], x=1)',
    'it.islice([], -2)',
    'list(it.islice(range(5), None))',
    'list(it.islice(range(9), None, None, None))',
    'it.islice([], 1, -1)',
    'list(it.islice(range(9), 1, None, 3))',
    'list(it.islice(range(9), True, 5))',
    'it.islice([], sys.maxsize)',
    'it.islice([], -1, -1)',
    "it.islice([], 'a', -1)",
    'it.islice([], 1, 2, -1.5)',
    'it.islice(1, -1)',
    'it.islice(1, 1, 2, 0)',
    'it.combinations(1, -1)',
    "it.combinations(1, 'a')",
    "it.permutations(1, 'a')",
    'it.permutations([], True)',
    'list(it.permutations([1,2], True))',
    'it.product(1, repeat=0)',
    'list(it.product(1, repeat=0))',
    'list(it.product(repeat=3))',
    'list(it.product([1,2], [], repeat=0))',
    'it.product(1, 2, repeat=-1)',
    'it.product([], repeat=-1, x=1)',
    'it.repeat(1, -5)',
    'it.repeat(1, -5).__length_hint__()',
    'it.repeat(1).__length_hint__()',
    'it.tee([1], 0)',
    'it.tee(1, 0)',
    'len(it.tee([], True))',
    'list(it.zip_longest())',
    "list(it.zip_longest([1],[2,3],fillvalue='x'))",
    'list(it.zip_longest([1],[2,3],fillvalue=None))',
    'list(it.accumulate([1,2,3], initial=None))',
    'list(it.accumulate([], initial=5))',
    'list(it.accumulate([1,2,3], None))',
    'list(it.accumulate([1,2,3], func=None))',
    "list(it.accumulate('abc'))",
    "list(it.accumulate([1,'a']))",
    'list(it.accumulate([1,2], 5))',
    "list(it.combinations('ab', 3))",
    "list(it.combinations('', 0))",
    "list(it.combinations_with_replacement('', 0))",
    "list(it.combinations_with_replacement('', 1))",
    "list(it.permutations('', 0))",
    "list(it.permutations('ab', 3))",
    "list(it.combinations_with_replacement('ab', 3))",
    'it.repeat(1).__length_hint__(1)',
    'it.count.__name__, it.count.__qualname__, it.count.__module__',
    'it.groupby.__new__(it.groupby)',
    'it.cycle.__new__(it.cycle, [])',
    'it.count.__new__(it.count, 4)',
]
for c in cases:
    show(c)

# Keyword arguments reach __new__ of a subclass only through its own __init__.
class C(it.cycle):
    def __init__(self, iterable, tag=None):
        self.tag = tag


c = C("ab", tag=5)
print(c.tag, next(c), next(c), next(c))


class D(it.cycle):
    pass


show("D('ab', tag=5)")
for base in (it.chain, it.islice, it.dropwhile, it.takewhile, it.filterfalse, it.starmap,
             it.pairwise):
    class E(base):
        def __init__(self, *args, **kwargs):
            self.kwargs = kwargs

    class F(base):
        pass

    args = {it.chain: ([1],), it.islice: ([1], 1), it.pairwise: ([1, 2],),
            it.starmap: (pow, [(2, 3)])}.get(base, (bool, [1]))
    e = E(*args, x=1)
    print(base.__name__, e.kwargs, list(e))
    try:
        F(*args, x=1)
    except TypeError as exc:
        print(base.__name__, type(exc).__name__, exc)

# Index-like arguments go through __index__.
class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(list(it.islice(range(20), Idx(2), Idx(12), Idx(3))))
print(list(it.repeat("r", Idx(2))))
print(list(it.combinations("abc", Idx(2))))
print(list(it.product("ab", repeat=Idx(2))))
print(len(it.tee([], Idx(3))))
show("it.permutations('abc', Idx(2))")


class BadIdx:
    def __index__(self):
        raise ZeroDivisionError("bad index")


show("it.islice([], BadIdx())")
show("it.islice([], BadIdx(), 3)")
show("it.islice([], 1, 3, BadIdx())")
show("it.repeat(1, BadIdx())")
show("it.tee([], BadIdx())")
show("it.combinations([], BadIdx())")
show("it.product([], repeat=BadIdx())")

# Errors raised while the arguments are consumed.
def boom():
    yield 1
    raise KeyError("from the generator")


for src in ["list(it.product([1], boom()))", "list(it.combinations(boom(), 1))",
            "list(it.permutations(boom()))", "list(it.combinations_with_replacement(boom(), 2))",
            "list(it.starmap(pow, [(2, 3), (2,)]))", "list(it.starmap(pow, [(2, 3), 5]))"]:
    show(src)
