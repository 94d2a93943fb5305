# _thread's lock objects and module functions for the one thread that runs
# (no thread is started; acquiring a held lock only with a timeout).
import _thread

def t(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

def shape(lock):
    # the repr without its address
    return repr(lock).split(' at 0x')[0] + '>'

l = _thread.allocate_lock()
print(type(l).__name__, type(l) is _thread.LockType, shape(l), l.locked())
print(l.acquire(), l.locked(), shape(l))
print(l.acquire(False), l.acquire(blocking=False), l.acquire(True, 0), l.acquire(timeout=0.01))
print(l.acquire(1, 0.02), l.acquire(timeout=0), l.acquire(0), l.locked())
l.release()
print(l.locked(), shape(l))
t('release unlocked', lambda: l.release())
print(l.acquire(True, -1), l.acquire_lock(False), l.locked_lock())
l.release_lock()
print(l.locked())
with l:
    print('inside', l.locked(), l.acquire(False))
print('after', l.locked())
print(l.__enter__(), l.__exit__(None, None, None), l.locked())
print(l.__enter__(False), l.__exit__(1, 2, 3, 4), l.locked())
def in_with():
    with l:
        raise ValueError('in with')
t('with raising', in_with)
print(l.locked())
l.acquire()
l._at_fork_reinit()
print(l.locked())
l.acquire()
print(l.acquire(blocking=True, timeout=0.001), shape(l))
l.release()

# argument checks, in CPython's order
t('too many', lambda: l.acquire(1, 2, 3))
t('too many kw', lambda: l.acquire(1, 2, x=3))
t('bad kw', lambda: l.acquire(x=1))
t('dup', lambda: l.acquire(True, blocking=True))
t('timeout non-blocking', lambda: l.acquire(False, 1))
t('timeout non-blocking -1', lambda: (l.acquire(False, -1), l.release()))
t('negative timeout', lambda: l.acquire(True, -2))
t('tiny negative timeout', lambda: l.acquire(True, -1e-12))
t('str timeout', lambda: l.acquire(True, 'a'))
t('nan timeout', lambda: l.acquire(True, float('nan')))
t('huge float timeout', lambda: l.acquire(True, 1e10))
t('inf timeout', lambda: l.acquire(True, float('inf')))
t('huge int timeout', lambda: l.acquire(True, 10**10))
t('bigger int timeout', lambda: l.acquire(True, 10**30))
t('list blocking', lambda: l.acquire(blocking=[]))
t('float blocking', lambda: l.acquire(blocking=2.5))
t('none blocking', lambda: l.acquire(blocking=None))
t('big blocking', lambda: l.acquire(blocking=10**10))
t('small blocking', lambda: l.acquire(blocking=-10**10))
t('huge blocking', lambda: l.acquire(blocking=10**20))
t('int blocking', lambda: (l.acquire(blocking=5), l.release()))
t('release arg', lambda: l.release(1))
t('locked arg', lambda: l.locked(1))
t('new lock', lambda: _thread.LockType())
t('allocate arg', lambda: _thread.allocate_lock(1))
t('allocate kw', lambda: _thread.allocate_lock(x=1))
print(shape(_thread.allocate()), _thread.allocate is _thread.allocate_lock)

# module functions
print(type(_thread.get_ident()).__name__, _thread.get_ident() == _thread.get_ident(), _thread.get_ident() > 0)
print(type(_thread.get_native_id()).__name__, _thread.get_native_id() > 0)
t('get_ident arg', lambda: _thread.get_ident(1))
print(_thread._count(), _thread.TIMEOUT_MAX, _thread.error, _thread.error is RuntimeError)
s = _thread._set_sentinel()
print(type(s).__name__, s.locked(), s.acquire(), s.locked())
print(_thread.stack_size(), _thread.stack_size(40000), _thread.stack_size(), _thread.stack_size())
print(_thread.stack_size(65536), _thread.stack_size(0), _thread.stack_size(32768), _thread.stack_size(0))
t('stack small', lambda: _thread.stack_size(1000))
t('stack negative', lambda: _thread.stack_size(-1))
t('stack str', lambda: _thread.stack_size('a'))
t('stack two', lambda: _thread.stack_size(1, 2))
t('start not callable', lambda: _thread.start_new_thread(1, ()))
t('start list args', lambda: _thread.start_new_thread(print, []))
t('start bad kwargs', lambda: _thread.start_new_thread(print, (), 1))
t('start None kwargs', lambda: _thread.start_new_thread(print, (), None))
t('start one arg', lambda: _thread.start_new_thread(print))
t('start four args', lambda: _thread.start_new_thread(print, (), {}, 1))
t('start keywords', lambda: _thread.start_new_thread(print, (), k=1))
t('start_new one arg', lambda: _thread.start_new(print))
t('exit', lambda: _thread.exit())
t('exit_thread', lambda: _thread.exit_thread())
t('exit arg', lambda: _thread.exit(1))
# interrupt_main runs SIGINT's handler, which a background job inherits as
# SIG_IGN: make it the default one.
import _signal
_signal.signal(2, _signal.default_int_handler)
t('interrupt zero', lambda: _thread.interrupt_main(0))
t('interrupt big', lambda: _thread.interrupt_main(1000))
t('interrupt str', lambda: _thread.interrupt_main('a'))
t('interrupt kw', lambda: _thread.interrupt_main(signum=2))
t('interrupt sigterm', lambda: _thread.interrupt_main(15))
t('interrupt', lambda: _thread.interrupt_main())
t('interrupt sigint', lambda: _thread.interrupt_main(2))

# _ExceptHookArgs and _excepthook
A = _thread._ExceptHookArgs
a = A((ValueError, ValueError('v'), None, None))
print(repr(a), len(a), a[0].__name__, a.exc_type.__name__, a.exc_value, a.exc_traceback, a.thread)
print(A.__mro__, A.n_fields, A.n_sequence_fields, A.n_unnamed_fields, A.__match_args__)
print(a == (ValueError, a[1], None, None), a.__reduce__()[0] is A, a.__reduce__()[1][1])
t('hook args short', lambda: A((1, 2, 3)))
t('hook args long', lambda: A([1, 2, 3, 4, 5]))
t('hook args int', lambda: A(1))
t('hook args none', lambda: A())
t('hook args dict', lambda: A((1, 2, 3, 4), 5))
print(A([1, 2, 3, 4], {}), A(range(4)))
t("hook args None dict", lambda: A((1, 2, 3, 4), None))

class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append('<flush>')
import sys
class Named:
    name = 'worker-1'
def hook(args):
    saved = sys.stderr
    sys.stderr = out = Out()
    try:
        r = _thread._excepthook(args)
    finally:
        sys.stderr = saved
    text = ''.join(out.parts)
    print(repr(r), repr(text.split('Traceback')[0]), text.count('<flush>'), text.strip().splitlines()[-2:])
try:
    raise KeyError('k')
except KeyError as e:
    hook(A((KeyError, e, e.__traceback__, Named())))
hook(A((ValueError, ValueError('no tb'), None, Named())))
hook(A((SystemExit, SystemExit(1), None, Named())))
hook(A((int, 5, None, Named())))
t('hook not args', lambda: _thread._excepthook((1, 2, 3, 4)))
t('hook no args', lambda: _thread._excepthook())
