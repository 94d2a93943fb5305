# socket.py over _socket: TCP on 127.0.0.1 (port 0), UDP, socketpair, AF_UNIX
# paths and abstract names, makefile, timeouts, non-blocking mode, options.
import socket, os, errno

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.family, srv.type, srv.proto, repr(srv.family), repr(srv.type))
cli = socket.create_connection((host, port))
conn, addr = srv.accept()
print(addr[0], addr[1] == cli.getsockname()[1], conn.getpeername() == cli.getsockname())
cli.sendall(b'hello ' * 1000)
data = b''
while len(data) < 6000:
    data += conn.recv(4096)
print(len(data), data[:12])
conn.send(b'reply')
buf = bytearray(10)
n = cli.recv_into(buf)
print(n, bytes(buf[:n]))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

# timeouts
conn.settimeout(0.05)
print(conn.gettimeout(), conn.getblocking())
try:
    conn.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e, socket.timeout is TimeoutError)
conn.setblocking(False)
print(conn.gettimeout(), conn.getblocking())
try:
    conn.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == errno.EAGAIN)
conn.setblocking(True)
print(conn.gettimeout())

# makefile
wf = cli.makefile('wb')
wf.write(b'line one\nline two\n')
wf.flush()
rf = conn.makefile('rb')
print(rf.readline(), rf.readline())
rf.close(); wf.close()
cli.shutdown(socket.SHUT_WR)
print(conn.recv(10))
conn.close(); cli.close(); srv.close()
print(srv.fileno(), repr(srv)[:25])

# connect_ex to a closed port
s = socket.socket()
print(s.connect_ex(('127.0.0.1', port)) == errno.ECONNREFUSED)
s.close()

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2.sendto(b'datagram', u1.getsockname())
d, a = u1.recvfrom(100)
print(d, a == u2.getsockname())
u1.sendto(b'back', 0, a)
print(u2.recv(100))
b = bytearray(4)
u2.sendto(b'xyzw', u1.getsockname())
print(u1.recvfrom_into(b)[0], b)
u1.close(); u2.close()

# socketpair
a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.getsockname(), b.getpeername())
a.sendall(b'pair')
print(b.recv(10))
fd = a.detach()
print(a.fileno(), fd > 2)
a2 = socket.socket(fileno=fd)
print(a2.family == socket.AF_UNIX, a2.type == socket.SOCK_STREAM)
a3 = a2.dup()
a3.send(b'dup')
print(b.recv(10))
a2.close(); a3.close(); b.close()

# AF_UNIX paths
path = 'sock_test.sock'
if os.path.exists(path):
    os.unlink(path)
us = socket.socket(socket.AF_UNIX)
us.bind(path)
us.listen(1)
print(us.getsockname())
uc = socket.socket(socket.AF_UNIX)
uc.connect(path)
uconn, uaddr = us.accept()
print(repr(uaddr), uconn.getsockname())
uc.send(b'unix')
print(uconn.recv(10))
for s in (us, uc, uconn):
    s.close()
os.unlink(path)
ab = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
ab.bind(b'\0pyrite-test-abstract-' + str(os.getpid()).encode())
print(ab.getsockname().startswith(b'\0pyrite-test-abstract-'))
ab.close()

# with and closed sockets
with socket.socket() as s:
    pass
print(s._closed)
try:
    s.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EBADF)
