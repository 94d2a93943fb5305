# contextvars: ContextVar get/set/reset, Token, Context as a mapping,
# copy_context snapshots, Context.run and its nesting rules.
import contextvars as cv

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])

def r(o):
    return repr(o).split(' at 0x')[0]

v = cv.ContextVar('v')
w = cv.ContextVar('w', default=None)
x = cv.ContextVar('x', default=10)
print(r(v), r(w), r(x), v.name, x.name)
t(v.get)
print(v.get(5), w.get(), x.get(), x.get(11))
tok = v.set(1)
print(r(tok), tok.var is v, tok.old_value is cv.Token.MISSING, cv.Token.MISSING)
print(v.get(), v.get(5))
tok2 = v.set(2)
print(tok2.old_value, v.get())
v.reset(tok2)
print(v.get())
v.reset(tok)
t(v.get)
t(lambda: v.reset(tok))

# Snapshots: a copy taken before a set does not see it, and vice versa.
a = v.set('a')
snap = cv.copy_context()
v.set('b')
print(snap[v], v.get(), len(snap), v in snap, w in snap)
print(snap.get(v), snap.get(w), snap.get(w, 'dflt'))
print(sorted(var.name for var in snap), [r(k) for k in snap.keys()], list(snap.values()))
print([(k.name, val) for k, val in snap.items()])
keys = snap.keys()
print(type(keys).__name__, len(keys), iter(keys) is keys, [r(k) for k in keys], list(keys))

def inside(arg, *, kw):
    print('inside', v.get(), arg, kw)
    v.set('changed inside')
    x.set(99)
    return 'result'
print(snap.run(inside, 1, kw=2))
print(snap[v], snap[x], v.get(), x.get())
print(cv.copy_context() == cv.copy_context(), snap == cv.copy_context(), cv.Context() == cv.Context())
print(snap != snap.copy(), snap.copy() == snap, cv.Context() == 1)

# run() restores the caller's context when the callable raises.
def fails():
    v.set('lost')
    raise ValueError('inside run')
c = cv.copy_context()
t(lambda: c.run(fails))
print(v.get(), c[v])

# A context can be entered once at a time; an empty Context sees defaults.
c = cv.Context()
t(lambda: c.run(c.run, print))
print(c.run(lambda: (w.get(), x.get(), v.get('none'))), len(c))
print(c.run(cv.copy_context) == c)

def nested():
    inner = cv.copy_context()
    v.set('outer')
    return inner.run(v.get, 'unset'), v.get()
print(cv.Context().run(nested))

# Tokens belong to one variable and one context.
tok = v.set(3)
t(lambda: w.reset(tok))
t(lambda: cv.copy_context().run(v.reset, tok))
t(lambda: v.reset(1))
v.reset(tok)
print(v.get())
t(cv.Token)
t(lambda: cv.Context(1))
t(lambda: cv.Context().run())
t(lambda: cv.ContextVar())
t(lambda: cv.ContextVar(1))
t(lambda: cv.ContextVar('a', 1))
t(lambda: cv.ContextVar('a', default=1, x=2))
t(lambda: cv.ContextVar('a', bad=1))
t(lambda: v.get(1, 2))
t(lambda: cv.Context().get())
t(lambda: cv.Context().get(1))
t(lambda: cv.Context()[1])
t(lambda: 1 in cv.Context())
t(lambda: cv.Context()[v])
t(lambda: hash(cv.Context()))
t(lambda: cv.copy_context(1))
t(lambda: type(cv.Token.MISSING)())
print(hash(v) == hash(v), v == v, v != w)
def setname():
    v.name = 'y'
t(setname)
def settok():
    tok.var = 1
t(settok)
for cls in (cv.ContextVar, cv.Context, cv.Token):
    try:
        class Sub(cls):
            pass
    except TypeError as e:
        print('TypeError', e)
print(cv.ContextVar[int], cv.Token[str], cv.ContextVar.__module__, cv.Context.__module__)
print(type(cv.Token.MISSING), cv.Context.__hash__)
