# types.SimpleNamespace: construction, repr (recursive, subclasses), equality,
# __dict__, __reduce__, errors; sys.implementation is one.
import types
n=types.SimpleNamespace(a=1,b='x')
print(n, repr(n), n==types.SimpleNamespace(b='x',a=1), n.__dict__)
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
try: types.SimpleNamespace({'a':1})
except TypeError as e: print(e)
try: types.SimpleNamespace(**{1:2})
except TypeError as e: print(e)
class S(types.SimpleNamespace): pass
print(S(q=2), S.__init__, types.SimpleNamespace.__init__)
n.self=n; print(n)
print(n.__reduce__()[0], n.__reduce__()[1])
print(types.SimpleNamespace() == 3, types.SimpleNamespace().__eq__(3))
import sys; print(sorted(vars(sys.implementation)))
del n.a; print(n.__dict__.keys())
try: del n.zz
except AttributeError as e: print(e)
print(types.SimpleNamespace.__doc__)
try: hash(n)
except TypeError as e: print(e)
print(S(a=1) == types.SimpleNamespace(a=1), S(a=1) != types.SimpleNamespace(a=2))
n2 = types.SimpleNamespace(); n2.__dict__['k'] = 5; print(n2.k, n2)
print(isinstance(sys.implementation, types.SimpleNamespace))
