# Waits interrupted by a signal (PEP 475): the Python handler runs and the
# wait resumes with the time left; a handler that raises ends the wait.
import os, select, signal, socket, time

fired = []
def handler(signum, frame):
    fired.append(signum)

signal.signal(signal.SIGALRM, handler)
r, w = os.pipe()

signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
print(select.select([r], [], [], 0.15))
print(fired, time.monotonic() - t0 >= 0.14)

p = select.poll()
p.register(r, select.POLLIN)
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(p.poll(150), len(fired))

ep = select.epoll()
ep.register(r, select.EPOLLIN)
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(ep.poll(0.15), len(fired))

a, b = socket.socketpair()
b.settimeout(0.15)
signal.setitimer(signal.ITIMER_REAL, 0.02)
try:
    b.recv(10)
except TimeoutError as e:
    print('recv', e, len(fired))

class Stop(Exception):
    pass
def raiser(signum, frame):
    raise Stop('from handler')
signal.signal(signal.SIGALRM, raiser)
for name, wait in [('select', lambda: select.select([r], [], [])), ('poll', lambda: p.poll()),
                   ('epoll', lambda: ep.poll()), ('recv', lambda: a.recv(10))]:
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    try:
        wait()
    except Stop as e:
        print(name, 'interrupted:', e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
ep.close(); a.close(); b.close(); os.close(r); os.close(w)
