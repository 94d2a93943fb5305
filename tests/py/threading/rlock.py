# _thread.RLock for the one thread: recursion count, ownership, the
# Condition helpers _release_save/_acquire_restore, reprs, subclasses.
import _thread

def t(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

me = _thread.get_ident()
def shape(lock):
    # the repr without the address and with the owner's identity named
    return repr(lock).split(' at 0x')[0].replace('owner=%d ' % me, 'owner=ME ') + '>'

r = _thread.RLock()
print(type(r).__name__, shape(r), r._is_owned(), hasattr(r, '_recursion_count'))
print(r.acquire(), shape(r), r._is_owned())
print(r.acquire(), r.acquire(False), r.acquire(True, 0.5), r.acquire(timeout=0), shape(r))
for i in range(5):
    r.release()
    print(' released', r._is_owned(), shape(r))
t('release unowned', lambda: r.release())
t('release_save unowned', lambda: r._release_save())
with r:
    with r:
        print('nested', shape(r))
    print('inner exit', shape(r))
print('outer exit', shape(r))

r.acquire(); r.acquire(); r.acquire()
state = r._release_save()
print(state[0], state[1] == me, shape(r), r._is_owned())
t('release after save', lambda: r.release())
print(r.acquire(False), shape(r))
r.release()
print(r._acquire_restore(state), shape(r), r._is_owned())
for i in range(3):
    r.release()
print(shape(r))
print(r._acquire_restore((2, 12345)), shape(r), r._is_owned())
print(r.acquire(False), r.acquire(timeout=0.01))
t('release foreign', lambda: r.release())
s2 = r._release_save()
print(s2, shape(r))
print(r._acquire_restore([1, me]), r._is_owned())
r.release()
print(shape(r))
r._acquire_restore((1, -1))
print(shape(r), r._is_owned())
r._at_fork_reinit()
print(shape(r))

t('restore no arg', lambda: r._acquire_restore())
t('restore int', lambda: r._acquire_restore(1))
t('restore short', lambda: r._acquire_restore((1,)))
t('restore float', lambda: r._acquire_restore((1.0, 2)))
t('restore str item', lambda: r._acquire_restore((1, 'x')))
t('restore two args', lambda: r._acquire_restore((1, 2), 3))
t('restore str', lambda: r._acquire_restore('ab'))
t('acquire args', lambda: r.acquire(1, 2, 3))
t('acquire timeout non-blocking', lambda: r.acquire(False, 1))
t('acquire negative', lambda: r.acquire(timeout=-5))
t('acquire bad kw', lambda: r.acquire(wait=1))
t('release arg', lambda: r.release(1))
t('exit unowned', lambda: r.__exit__())
t('is_owned arg', lambda: r._is_owned(1))
print(shape(_thread.RLock(1, 2, x=3)))
print(r.__enter__(False), r.__exit__(1, 2, 3), r.__enter__(blocking=True, timeout=1), shape(r))
r.release()

class MyRLock(_thread.RLock):
    def __init__(self, name):
        self.name = name
    def acquire(self, *args, **kw):
        print('  acquire', self.name, args, kw)
        return super().acquire(*args, **kw)
m = MyRLock('m')
print(m.acquire(), m.acquire(False), shape(m), m.name)
with m:
    print('  in with', shape(m))
m.release(); m.release()
print(shape(m), MyRLock.__mro__)
