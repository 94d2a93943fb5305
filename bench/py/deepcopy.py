"""Deep copy: a recursive copier for nested lists, dicts, tuples, sets and
instances, with a memo so shared parts stay shared and cycles stay cycles
(written here; the copy module is not used) (docs/bench.md).

Type dispatch through a dict of per-type functions, id()-keyed memo
lookups, and rebuilding containers. The copy must compare equal to the
original by a structural walk that also demands the same sharing and
cycles, and no mutable part of it may be an object of the original.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 500, "quick": 4000, "full": 15000}


class Account:
    def __init__(self, ident, owner, history, tags):
        self.ident = ident
        self.owner = owner
        self.history = history
        self.tags = tags
        self.parent = None


def copy_atom(x, memo):
    return x


def copy_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deep_copy(item, memo))
    return y


def copy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deep_copy(key, memo)] = deep_copy(value, memo)
    return y


def copy_tuple(x, memo):
    items = [deep_copy(item, memo) for item in x]
    # A tuple that refers to itself was copied while its items were.
    if id(x) in memo:
        return memo[id(x)]
    for a, b in zip(x, items):
        if a is not b:
            y = tuple(items)
            break
    else:
        y = x  # immutable all the way down: share it
    memo[id(x)] = y
    return y


def copy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for item in x:
        y.add(deep_copy(item, memo))
    return y


def copy_frozenset(x, memo):
    y = frozenset(deep_copy(item, memo) for item in x)
    memo[id(x)] = y
    return y


def copy_instance(x, memo):
    cls = type(x)
    y = cls.__new__(cls)
    memo[id(x)] = y
    for name, value in x.__dict__.items():
        setattr(y, name, deep_copy(value, memo))
    return y


COPIERS = {int: copy_atom, float: copy_atom, str: copy_atom, bool: copy_atom,
           type(None): copy_atom, bytes: copy_atom, list: copy_list, dict: copy_dict,
           tuple: copy_tuple, set: copy_set, frozenset: copy_frozenset}


def deep_copy(x, memo):
    found = memo.get(id(x))
    if found is not None:
        return found
    # The originals stay alive (the root holds them), so no id is reused.
    return COPIERS.get(type(x), copy_instance)(x, memo)


def make_data(n):
    shared_tags = frozenset(["gold", "priority"])
    config = {"currency": "EUR", "limits": (100, 2500.0), "flags": {"audit", "export"}}
    accounts = []
    for i in range(n):
        history = [(day, (i * 37 + day * 11) % 1000 / 4.0, "deposit" if day % 3 else "withdrawal")
                   for day in range(i % 7 + 1)]
        tags = shared_tags if i % 5 == 0 else {"t%d" % (i % 13), "tier%d" % (i % 3)}
        acc = Account(i, {"name": "owner%d" % i, "address": ["street %d" % i, i % 90 + 10000]},
                      history, tags)
        if accounts:
            acc.parent = accounts[(i * 7) // 11]
        accounts.append(acc)
    root = {"accounts": accounts, "config": config, "index": {a.ident: a for a in accounts[::3]},
            "pairs": [(accounts[i], accounts[-1 - i]) for i in range(0, n, 10)],
            "blob": b"\x00\x01" * 8}
    root["self"] = root  # a cycle
    root["loop"] = [root["pairs"], config]
    return root


def same_shape(a, b, pairs, original_ids):
    """Structural equality that also requires the copy to be fresh where the
    original is mutable and to repeat the original's sharing exactly."""
    known = pairs.get(id(a))
    if known is not None:
        if known is not b:
            raise WrongResult("sharing differs for %s" % type(a).__name__)
        return
    if type(a) is not type(b):
        raise WrongResult("%s copied as %s" % (type(a).__name__, type(b).__name__))
    pairs[id(a)] = b
    if isinstance(a, (list, dict, set)) or type(a) is Account:
        if a is b or id(b) in original_ids:
            raise WrongResult("a mutable %s was not copied" % type(a).__name__)
    if isinstance(a, (list, tuple)):
        expect("length", len(a), len(b))
        for x, y in zip(a, b):
            same_shape(x, y, pairs, original_ids)
    elif isinstance(a, dict):
        expect("keys", list(a), list(b))
        for key in a:
            same_shape(a[key], b[key], pairs, original_ids)
    elif isinstance(a, (set, frozenset)):
        if a != b:
            raise WrongResult("set contents differ")
    elif type(a) is Account:
        same_shape(a.__dict__, b.__dict__, pairs, original_ids)
    elif a != b:
        raise WrongResult("%r copied as %r" % (a, b))


DATA = {}


def setup(n):
    DATA[n] = make_data(n)


def run(n):
    return deep_copy(DATA[n], {})


def all_ids(x, seen):
    if id(x) in seen:
        return
    seen[id(x)] = x
    if isinstance(x, (list, tuple, set, frozenset)):
        for item in x:
            all_ids(item, seen)
    elif isinstance(x, dict):
        for key, value in x.items():
            all_ids(key, seen)
            all_ids(value, seen)
    elif type(x) is Account:
        all_ids(x.__dict__, seen)


def check(n, result):
    original = DATA[n]
    if result["self"] is not result:
        raise WrongResult("the cycle was not preserved")
    ids = {}
    all_ids(original, ids)
    same_shape(original, result, {}, ids)


if __name__ == "__main__":
    main(run, check, SIZES, setup)
