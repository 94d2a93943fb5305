# select.select, poll and epoll on pipes: readiness, registration order,
# modify/unregister, timeouts, the context manager, fromfd, closing.
import select, os

r, w = os.pipe()
r2, w2 = os.pipe()

def n(events):
    names = {r: 'r', w: 'w', r2: 'r2', w2: 'w2'}
    return [(names.get(fd, fd), ev) for fd, ev in events]

class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd

print(select.select([r, r2], [w], [], 0) == ([], [w], []))
os.write(w, b'x')
rl, wl, xl = select.select([F(r), r2], [w, w2], [], 0.0)
print([type(o).__name__ for o in rl], wl == [w, w2], xl)
print(select.select([], [], [], 0.01))
print(select.select((), (), ()) if False else 'skip-forever')

# poll
p = select.poll()
p.register(r2, select.POLLIN)
p.register(r)                     # default mask
p.register(w, select.POLLOUT)
print(n(p.poll(0)))
print(n(p.poll()))
p.modify(r, select.POLLOUT)
print(n(p.poll(0)))
p.unregister(w)
p.modify(r, select.POLLIN)
os.write(w2, b'yy')
print(n(p.poll(10)))
print(n(p.poll(None)))
os.read(r, 1); os.read(r2, 2)
print(n(p.poll(5)))
print(n(p.poll(0.5)))
p.register(r2, select.POLLIN | select.POLLPRI)   # re-register keeps its place
os.close(w2)
print(sorted(n(p.poll(0))))
p.unregister(r2)
os.close(r2)

# epoll
ep = select.epoll()
print(ep.closed, ep.fileno() > 2)
ep.register(r, select.EPOLLIN)
ep.register(w, select.EPOLLOUT)
print(sorted(n(ep.poll(0))))
os.write(w, b'z')
print(sorted(n(ep.poll(timeout=0.1))))
print(len(ep.poll(0, maxevents=1)))
ep.modify(w, select.EPOLLIN)
print(sorted(n(ep.poll(0))))
ep.unregister(w)
ep.register(fd=w, eventmask=select.EPOLLOUT | select.EPOLLET)
print(sorted(n(ep.poll(0))))
print(n(ep.poll(0)))        # edge-triggered: reported once
os.read(r, 1)
print(n(ep.poll(0.01)))
r3, w3 = os.pipe()
try:
    ep.unregister(r3)
except OSError as e:
    print(type(e).__name__, e.errno)
ep2 = select.epoll.fromfd(os.dup(ep.fileno()))
print(type(ep2).__name__, ep2.closed)
ep2.close()
ep.close()
print(ep.closed)
with select.epoll(4, select.EPOLL_CLOEXEC) as e3:
    e3.register(w, select.EPOLLOUT)
    print(n(e3.poll(1)))
print(e3.closed)
try:
    class MyEpoll(select.epoll):
        pass
except TypeError as e:
    print(e)
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.EPOLLIN, select.EPOLLET, select.EPOLLRDHUP)
os.close(r); os.close(w); os.close(r3); os.close(w3)
