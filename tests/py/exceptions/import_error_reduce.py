# ImportError: a second __init__ resets name and path; __reduce__ carries
# name and path in the state, so pickle and copy keep them (CPython 3.11).
import pickle, copy
exc = ImportError('test', name='name', path='path')
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path)
for kwargs in (dict(), dict(name='somename'), dict(path='somepath'), dict(name='somename', path='somepath')):
    orig = ImportError('test', **kwargs)
    r = orig.__reduce__()
    print(r[0].__name__, r[1:])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        e = pickle.loads(pickle.dumps(orig, proto))
        assert (e.args, e.msg, e.name, e.path) == (('test',), 'test', orig.name, orig.path)
    for c in copy.copy, copy.deepcopy:
        e = c(orig)
        print(c.__name__, e.args, e.msg, e.name, e.path)
class MyErr(ImportError): pass
e = MyErr('x', name='n'); e.extra = 5
r = e.__reduce__(); print(r[0].__name__, r[1], sorted(r[2].items()))
print(ModuleNotFoundError("m", name="m").__reduce__()[2])
