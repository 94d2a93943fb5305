# _signal and signal: handlers run between bytecodes and after interrupted
# sleeps, SIG_DFL/SIG_IGN, KeyboardInterrupt, timers, argument errors.
import signal, os, time
# SIGINT's disposition is inherited (a background job ignores it): make it the default.
signal.signal(signal.SIGINT, signal.default_int_handler)
print(signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
print(signal.Signals.SIGINT, signal.SIGUSR1, signal.Handlers.SIG_IGN)
got = []
def h(signum, frame):
    got.append((signum, type(frame).__name__))
print(signal.signal(signal.SIGUSR1, h))
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(10): pass
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h, signal.getsignal(signal.SIGUSR1))
signal.raise_signal(signal.SIGUSR1)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', repr(e))
def boom(signum, frame):
    raise RuntimeError('from handler %d' % signum)
signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except RuntimeError as e:
    print('RuntimeError', e)
signal.alarm(1)
print(signal.alarm(0))
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(2)
except RuntimeError as e:
    print('sleep interrupted:', e)
for bad in [0, 65, -1]:
    try:
        signal.signal(bad, h)
    except ValueError as e:
        print('ValueError', e)
for call in [lambda: signal.signal(signal.SIGINT, 5), lambda: signal.signal(signal.SIGKILL, h), lambda: signal.getsignal(100),
             lambda: signal.strsignal(0), lambda: signal.raise_signal(0)]:
    try:
        call()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGRTMIN), signal.strsignal(40))
print(len(signal.valid_signals()), signal.SIGRTMIN, signal.SIGRTMAX, signal.NSIG)
print(signal.default_int_handler)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print('default_int_handler raises KeyboardInterrupt')
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(-1) == w)
try:
    signal.set_wakeup_fd(r)
except ValueError as e:
    print('ValueError', str(e).replace(str(r), 'R'))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.sigpending())

# SIGINT in a loop is a KeyboardInterrupt; handlers run between bytecodes.
count = 0
try:
    os.kill(os.getpid(), signal.SIGINT)
    while True:
        count += 1
except KeyboardInterrupt:
    print('KeyboardInterrupt in the loop')
order = []
signal.signal(signal.SIGUSR1, lambda n, f: order.append('usr1'))
signal.signal(signal.SIGUSR2, lambda n, f: order.append('usr2'))
os.kill(os.getpid(), signal.SIGUSR2)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(3):
    pass
print(order)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(signal.setitimer(signal.ITIMER_REAL, 0), signal.getitimer(signal.ITIMER_REAL))
try:
    signal.setitimer(-1, 0)
except signal.ItimerError as e:
    print('ItimerError', e, signal.ItimerError.__mro__[1].__name__)
import signal, os
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]))
print(signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
try:
    signal.pidfd_send_signal(-1, 0)
except OSError as e:
    print('OSError', e)
