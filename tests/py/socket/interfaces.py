# The network interface functions: if_nameindex, if_nametoindex,
# if_indextoname (the loopback interface is index 1, 'lo'), and their errors.
import socket
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: socket.if_nameindex()[0])
t(lambda: socket.if_nametoindex('lo'))
t(lambda: socket.if_nametoindex(b'lo'))
t(lambda: socket.if_nametoindex('nope0'))
t(lambda: socket.if_nametoindex(1))
t(lambda: socket.if_indextoname(1))
t(lambda: socket.if_indextoname(9999))
t(lambda: socket.if_indextoname(-1))
t(lambda: socket.if_indextoname('x'))
t(lambda: socket.if_indextoname(2**70))
t(lambda: all(socket.if_indextoname(i) == n for i, n in socket.if_nameindex()))
