# Name and address lookups that need no DNS: numeric hosts, getnameinfo
# with numeric flags, gethostbyname_ex/gethostbyaddr on loopback, and the
# argument errors.
import socket

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: socket.gethostbyname_ex('127.0.0.1'))
t(lambda: socket.gethostbyaddr('127.0.0.1')[2])
t(lambda: socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
t(lambda: socket.getnameinfo(('::1', 8080, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
t(lambda: socket.getnameinfo(('127.0.0.1', 80, 1), 0))
t(lambda: socket.getnameinfo(('::1', 80, 2**21), 0))
t(lambda: socket.getnameinfo('x', 0))
t(lambda: socket.getnameinfo(('127.0.0.1',), 0))
t(lambda: socket.getnameinfo(('127.0.0.1', 'x'), 0))
t(lambda: socket.getaddrinfo('::1', 'http', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST))
t(lambda: socket.getaddrinfo('127.0.0.1', 'www', socket.AF_INET, socket.SOCK_STREAM))
t(lambda: [(ai[0], ai[4]) for ai in socket.getaddrinfo('127.0.0.1', 443, type=socket.SOCK_STREAM)])
