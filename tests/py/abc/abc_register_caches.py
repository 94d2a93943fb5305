# _abc: register(), the positive and negative caches, the cache token and
# its invalidation, _get_dump's shape, _reset_registry / _reset_caches.
import abc
import gc
import _abc
from abc import ABC, ABCMeta, get_cache_token


def names(refs):
    # A set of weak references, as _get_dump returns them: the referents' names.
    out = []
    for r in refs:
        assert type(r).__name__ == "ReferenceType", type(r)
        o = r()
        out.append("<dead>" if o is None else o.__name__)
    return sorted(out)


def dump(cls):
    reg, cache, neg, version = _abc._get_dump(cls)
    print(f"  {cls.__name__}: registry={names(reg)} cache={names(cache)} negative={names(neg)}"
          f" version_is_token={version == get_cache_token()}")


print(abc.ABCMeta.__module__, type(abc._abc_init).__name__, abc.get_cache_token is _abc.get_cache_token)


class A(ABC):
    pass


class B:
    pass


class C(B):
    pass


class D:
    pass


d = _abc._get_dump(A)
print(type(d).__name__, len(d), [type(x).__name__ for x in d])
print("fresh ABC version is token:", d[3] == get_cache_token())
print(type(A._abc_impl).__module__, type(A._abc_impl).__qualname__, repr(type(A._abc_impl)))
print(type(type(A._abc_impl).__doc__).__name__)
dump(A)

# Negative cache.
print(issubclass(B, A), isinstance(B(), A))
dump(A)

# register() changes the token, returns the class, makes subclasses match.
t0 = get_cache_token()
r = A.register(B)
t1 = get_cache_token()
print("register returns class:", r is B, "token moved by", t1 - t0)
dump(A)
print(issubclass(B, A), issubclass(C, A), isinstance(C(), A), issubclass(D, A))
dump(A)

# register of something already a subclass: no token change.
t0 = get_cache_token()
print(A.register(C) is C, get_cache_token() - t0)
# X.register(X) is a no-op.
print(A.register(A) is A, get_cache_token() - t0)

# Registration as a decorator.
@A.register
class E:
    pass
print(E.__name__, issubclass(E, A), get_cache_token() - t0)
dump(A)


# A subclass ABC sees its parent's registrations through __subclasses__.
class A2(A):
    pass


class F:
    pass


A2.register(F)
print("F:", issubclass(F, A2), issubclass(F, A), isinstance(F(), A))
dump(A)
dump(A2)

# Stale negative cache: D was cached negative on A, register elsewhere moves the token.
print("D before:", issubclass(D, A))
dump(A)
A2.register(D)
print("D after register on A2:", issubclass(D, A))
dump(A)

# _reset_caches empties both caches; _reset_registry the registry.
_abc._reset_caches(A)
dump(A)
print(issubclass(B, A), issubclass(int, A))
dump(A)
A._abc_caches_clear()
A._abc_registry_clear()
dump(A)
print("after registry clear:", issubclass(B, A), issubclass(E, A))
dump(A)

# Dead classes leave the sets (the weak references' callbacks).
class G(ABC):
    pass


def make():
    class Temp:
        pass
    G.register(Temp)
    issubclass(Temp, G)

    class Neg:
        pass
    issubclass(Neg, G)


make()
gc.collect()
dump(G)

# Instances whose __class__ lies.
class Liar:
    @property
    def __class__(self):
        return B


A.register(B)
print("liar:", isinstance(Liar(), A), isinstance(Liar(), B))
print("int in A:", isinstance(3, A), isinstance(3.5, A))

# _dump_registry prints these (the weak references' reprs vary: only lines' heads).
import io
buf = io.StringIO()
A._dump_registry(buf)
print([line.split(":")[0] for line in buf.getvalue().splitlines()])
