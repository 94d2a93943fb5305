# Operations on a closed or detached socket: EBADF (as CPython's
# internal_setblocking for settimeout/setblocking, with the timeout set
# all the same), fileno -1, repr, a second close.
import socket

s = socket.socket()
s.close()
print(s.fileno(), '[closed]' in repr(s))
for name, args in [('settimeout', (None,)), ('settimeout', (1.5,)), ('setblocking', (True,)),
                   ('setblocking', (False,)), ('getsockname', ()), ('listen', ()), ('recv', (1,)),
                   ('send', (b'x',))]:
    try:
        getattr(s, name)(*args)
        print(name, 'ok')
    except OSError as e:
        print(name, type(e).__name__, e.errno)
print(s.gettimeout(), s.getblocking())
s.close()
d = socket.socket()
fd = d.detach()
try:
    d.settimeout(0)
except OSError as e:
    print('detached', type(e).__name__, e.errno, d.gettimeout())
socket.close(fd)
