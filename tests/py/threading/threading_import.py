# threading over _thread for the main thread alone: current/main thread,
# Lock/RLock/Condition/Event/Semaphore/Barrier/local without starting a
# thread, Thread objects that are never started, excepthook.
import mod_thread_env
import threading
import _thread

def t(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

main = threading.main_thread()
cur = threading.current_thread()
print(main is cur, type(cur).__name__, cur.name, cur.daemon, cur.is_alive(), cur.ident == threading.get_ident())
print(threading.active_count(), threading.enumerate() == [main], threading.get_native_id() == cur.native_id)
print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, threading.ThreadError is RuntimeError, threading.local is _thread._local)
print(threading.Lock is _thread.allocate_lock, type(threading.Lock()).__name__, type(threading.RLock()).__name__)
print(threading._CRLock is _thread.RLock, threading.stack_size())
print(threading.__excepthook__ is _thread._excepthook, threading.ExceptHookArgs is _thread._ExceptHookArgs)

lock = threading.Lock()
with lock:
    print('locked', lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
print(lock.locked())
rl = threading.RLock()
def shape_count(lock):
    return repr(lock).split(' count=')[1].split(' ')[0]
with rl:
    with rl:
        print('rlock', rl._is_owned(), shape_count(rl))
print(rl._is_owned())

ev = threading.Event()
print(ev.is_set(), ev.wait(0), ev.wait(0.01), ev.wait(timeout=0.001))
ev.set()
print(ev.is_set(), ev.wait(), ev.wait(5))
ev.clear()
print(ev.is_set(), ev.wait(0.001))

cond = threading.Condition()
with cond:
    print('cond wait', cond.wait(0.01), cond.wait_for(lambda: 42, 0.01), cond.wait_for(lambda: 0, 0.01))
    cond.notify()
    cond.notify_all()
t('wait unowned', lambda: cond.wait(0.01))
t('notify unowned', lambda: cond.notify())
c2 = threading.Condition(threading.Lock())
with c2:
    print('plain lock cond', c2.wait(0.001), c2._is_owned())
print(c2._is_owned())

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(sem.acquire(False), sem._value)
t('semaphore negative', lambda: threading.Semaphore(-1))
b = threading.BoundedSemaphore(1)
print(b.acquire(), b.release())
t('bounded over-release', lambda: b.release())
with threading.Semaphore() as s:
    print('sem with', s)

bar = threading.Barrier(1, action=lambda: print('  barrier action'))
print(bar.parties, bar.n_waiting, bar.broken, bar.wait(), bar.wait(0.5))
bar.abort()
t('broken barrier', lambda: bar.wait())
bar.reset()
print(bar.broken)

data = threading.local()
data.x = 1
class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
print(data.x, MyLocal(5).v, type(data).__name__)

def work(a, b=0):
    print('  work', a, b)
    return a + b
th = threading.Thread(target=work, args=(1,), kwargs={'b': 2}, name='W', daemon=True)
print(th.name, th.daemon, th.is_alive(), th.ident, th.native_id, repr(th).split(' ')[0])
th.run()
t('join unstarted', lambda: th.join())
th2 = threading.Thread(target=work)
print(th2.name.startswith('Thread-'), th2.name.endswith('(work)'), th2.daemon)
th2.name = 'renamed'
th2.daemon = True
print(th2.name, th2.daemon)
t('set daemon of main', lambda: setattr(cur, 'daemon', True))
class MyThread(threading.Thread):
    def run(self):
        print('  run of', self.name)
mt = MyThread(name='mine')
mt.run()
print(mt.is_alive(), threading.active_count())
timer = threading.Timer(10, work, args=(3,))
timer.cancel()
print(type(timer).__name__, timer.finished.is_set(), timer.interval)

class Out:
    def __init__(self):
        self.text = ''
    def write(self, s):
        self.text += s
    def flush(self):
        pass
import sys
saved, sys.stderr = sys.stderr, Out()
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        threading.excepthook(threading.ExceptHookArgs((type(e), e, e.__traceback__, th)))
    threading.excepthook(threading.ExceptHookArgs((SystemExit, SystemExit(), None, th)))
    out = sys.stderr.text
finally:
    sys.stderr = saved
print(out.splitlines()[0], out.splitlines()[-1])
print(threading.settrace(None), threading.gettrace(), threading.getprofile())
print(threading._shutdown is not None, threading.main_thread().name)
