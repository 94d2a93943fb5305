# A socket nobody closed closes its descriptor when it is collected, for
# _socket.socket and for socket.socket (a Python subclass) alike; a
# detached one leaves its descriptor open.
import gc, os, socket, _socket

def open_fds():
    return len(os.listdir('/proc/self/fd'))

before = open_fds()
for i in range(20):
    s = socket.socket()
s = None
gc.collect()
print(open_fds() - before)
for i in range(20):
    s = _socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s = None
gc.collect()
print(open_fds() - before)
a, b = socket.socketpair()
fd = a.detach()
a = b = None
gc.collect()
print(open_fds() - before)
os.close(fd)
print(open_fds() - before)
