# The order in which the constructors and consumers of iterables call
# __iter__, __len__, __length_hint__, __next__ and __getitem__ (CPython
# 3.11: list()/tuple() take iter() first and then the iterable's length
# hint; str.join and slice assignment go through list(iter(x)), so the
# iterator is asked too; the __getitem__ iterator's hint is len(seq)).
log = []
class Seq:
    def __init__(self, items): self.items = list(items)
    def __iter__(self):
        log.append("iter")
        return SeqIter(self.items)
    def __len__(self):
        log.append("len")
        return len(self.items)
    def __length_hint__(self):
        log.append("hint")
        return len(self.items)
    def __getitem__(self, i):
        log.append("getitem %r" % (i,))
        return self.items[i]
    def __contains__(self, x):
        log.append("contains")
        return x in self.items
    def keys(self):
        log.append("keys")
        return [k for k, v in self.items]
class SeqIter:
    def __init__(self, items): self.items = items; self.i = 0
    def __iter__(self):
        log.append("it.iter")
        return self
    def __next__(self):
        log.append("next")
        if self.i >= len(self.items): raise StopIteration
        self.i += 1
        return self.items[self.i - 1]
    def __length_hint__(self):
        log.append("it.hint")
        return len(self.items) - self.i
class OnlyHint:
    def __init__(self, items): self.items = list(items); self.i = 0
    def __iter__(self):
        log.append("iter")
        return self
    def __next__(self):
        log.append("next")
        if self.i >= len(self.items): raise StopIteration
        self.i += 1
        return self.items[self.i - 1]
    def __length_hint__(self):
        log.append("hint")
        return len(self.items)
class OnlyGetitem:
    def __init__(self, items): self.items = list(items)
    def __getitem__(self, i):
        log.append("getitem %r" % (i,))
        return self.items[i]
    def __len__(self):
        log.append("len")
        return len(self.items)
def run(label, fn):
    del log[:]
    try:
        r = fn()
        print(label, "->", repr(r), log)
    except Exception as e:
        print(label, "-> %s: %s" % (type(e).__name__, e), log)
S = lambda: Seq("ab")
run("tuple", lambda: tuple(S()))
run("list", lambda: list(S()))
run("list.extend", lambda: [0].extend(S()))
run("list +=", lambda: [0].__iadd__(S()))
run("list slice assign", lambda: [0, 1].__setitem__(slice(0, 1), S()))
run("str.join", lambda: "-".join(S()))
run("bytes.join", lambda: b"-".join(Seq([b"a", b"b"])))
run("bytearray.join", lambda: bytearray(b"-").join(Seq([b"a", b"b"])))
run("set", lambda: sorted(set(S())))
run("frozenset", lambda: sorted(frozenset(S())))
run("set.update", lambda: sorted(set().union(S())))
run("dict pairs", lambda: dict(Seq([("a", 1), ("b", 2)])))
run("dict.update", lambda: {}.update(Seq([("a", 1)])))
run("dict.fromkeys", lambda: dict.fromkeys(S()))
run("sorted", lambda: sorted(S()))
run("reversed", lambda: list(reversed(S())))
run("enumerate", lambda: list(enumerate(S())))
run("zip", lambda: list(zip(S(), S())))
run("map", lambda: list(map(str, S())))
run("sum", lambda: sum(Seq([1, 2])))
run("min", lambda: min(S()))
run("max", lambda: max(S()))
run("any", lambda: any(S()))
run("all", lambda: all(S()))
run("in", lambda: "b" in S())
run("unpack", lambda: (lambda a, b: a + b)(*S()))
run("star list", lambda: [*S()])
run("star tuple", lambda: (*S(),))
run("star set", lambda: sorted({*S()}))
run("bytes", lambda: bytes(Seq([1, 2])))
run("bytearray", lambda: bytearray(Seq([1, 2])))
run("str.join gen", lambda: "".join(x for x in S()))
run("tuple gen", lambda: tuple(x for x in S()))
run("list hint", lambda: list(OnlyHint("ab")))
run("tuple hint", lambda: tuple(OnlyHint("ab")))
run("join hint", lambda: "".join(OnlyHint("ab")))
run("extend hint", lambda: [].extend(OnlyHint("ab")))
run("list getitem", lambda: list(OnlyGetitem("ab")))
run("tuple getitem", lambda: tuple(OnlyGetitem("ab")))
run("join getitem", lambda: "".join(OnlyGetitem("ab")))
run("set getitem", lambda: sorted(set(OnlyGetitem("ab"))))
run("iter getitem", lambda: list(iter(OnlyGetitem("ab"))))
run("list of iter", lambda: list(iter(S())))
run("list of list_iterator", lambda: list(iter([1, 2])))
run("deque-like extend self", lambda: [1].extend(iter(S())))
def unpack():
    a, b = S()
    return a + b
run("a, b = S()", unpack)
def unpack_ex():
    a, *b = S()
    return a, b
run("a, *b = S()", unpack_ex)
run("str.join list subclass", lambda: "".join(type("L", (list,), {"__iter__": lambda self: (log.append("iter"), iter([1]))[1] and iter(["x"])})(["a"])))

class BadHint:
    def __init__(self, hint): self.hint = hint
    def __iter__(self):
        log.append("iter")
        return iter([1])
    def __length_hint__(self):
        log.append("hint")
        return self.hint
class BadLen:
    def __iter__(self):
        log.append("iter")
        return iter([1])
    def __len__(self):
        log.append("len")
        raise ValueError("len failed")
class IterTypeError:
    def __iter__(self):
        log.append("iter")
        raise TypeError("no iter today")
for hint in ("x", -1, NotImplemented, 2**100):
    run("list hint %r" % (hint,), lambda: list(BadHint(hint)))
    run("tuple hint %r" % (hint,), lambda: tuple(BadHint(hint)))
    run("join hint %r" % (hint,), lambda: "".join(map(str, BadHint(hint))))
    run("bytes hint %r" % (hint,), lambda: bytes(BadHint(hint)))
run("list badlen", lambda: list(BadLen()))
run("tuple badlen", lambda: tuple(BadLen()))
run("join badlen", lambda: "".join(BadLen()))
run("bytes badlen", lambda: bytes(BadLen()))
run("sorted badlen", lambda: sorted(BadLen()))
run("join not iterable", lambda: "".join(5))
run("bytes.join not iterable", lambda: b"".join(5))
run("slice assign not iterable", lambda: [1].__setitem__(slice(0, 1), 5))
run("ext slice assign not iterable", lambda: [1, 2].__setitem__(slice(0, 2, 2), 5))
run("tuple not iterable", lambda: tuple(5))
run("list not iterable", lambda: list(5))
run("join iter TypeError", lambda: "".join(IterTypeError()))
run("tuple iter TypeError", lambda: tuple(IterTypeError()))
run("slice assign iter TypeError", lambda: [1].__setitem__(slice(0, 1), IterTypeError()))
run("join list", lambda: "-".join(["a", "b"]))
run("join tuple", lambda: "-".join(("a", "b")))
run("join non-str item", lambda: "-".join(Seq(["a", 1])))
run("bytes.join non-bytes item", lambda: b"-".join(Seq([b"a", 1])))
run("slice assign self", lambda: (lambda l: (l.__setitem__(slice(0, 1), l), l)[1])([1, 2]))
