# ssl.SSLSocket over a socketpair in one thread: non-blocking handshakes
# taking turns, then data with timeouts; a handshake with a peer that
# never answers times out; unwrap back to the plain socket.
import re, socket, ssl

def msg(e):
    return re.sub(r'\(_ssl\.c:\d+\)', '(_ssl.c)', re.sub(r'_ssl\.c:\d+: ', '_ssl.c: ', str(e)))

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain('server_cert.pem', 'server_key.pem')
client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations('ca_cert.pem')

a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
client = client_ctx.wrap_socket(a, server_hostname='localhost', do_handshake_on_connect=False)
server = server_ctx.wrap_socket(b, server_side=True, do_handshake_on_connect=False)
print(type(client).__name__, client.server_hostname, server.server_side, client.version())
done = [False, False]
wants = set()
for _ in range(20):
    for i, s in enumerate((client, server)):
        if done[i]:
            continue
        try:
            s.do_handshake()
            done[i] = True
        except ssl.SSLWantReadError:
            wants.add('read')
        except ssl.SSLWantWriteError:
            wants.add('write')
    if all(done):
        break
print(done, sorted(wants), client.version(), client.cipher()[0], server.getpeercert())
print(client.getpeercert()['subject'][-1], client.selected_alpn_protocol(), client.pending())

# Data with a timeout on both sides.
client.settimeout(2)
server.settimeout(2)
print(client.send(b'hello over tls'), server.recv(5), server.recv(100))
server.sendall(b'x' * 40000)
got = b''
while len(got) < 40000:
    got += client.recv(65536)
print(len(got))
buf = bytearray(8)
client.sendall(b'12345678')
print(server.recv_into(buf), buf)
try:
    client.recv(10)
except TimeoutError as e:
    pass
client.settimeout(0.2)
try:
    client.recv(10)
except TimeoutError as e:
    print('TimeoutError', msg(e))
try:
    client.read(-1)
except ValueError as e:
    print('ValueError', e)

# unwrap: both sides exchange close_notify, then the plain sockets carry on.
server.setblocking(False)
try:
    server.unwrap()
except ssl.SSLWantReadError:
    print('server unwrap wants read')
plain_a = client.unwrap()
plain_b = server.unwrap()
print(type(plain_a).__name__, type(plain_b).__name__)
plain_a.sendall(b'plain again')
plain_b.setblocking(True)
print(plain_b.recv(100))
plain_a.close(); plain_b.close()

# A peer that never answers: the handshake times out.
a, b = socket.socketpair()
client = client_ctx.wrap_socket(a, server_hostname='localhost', do_handshake_on_connect=False)
client.settimeout(0.2)
try:
    client.do_handshake()
except TimeoutError as e:
    print('TimeoutError', msg(e))
# A peer that closes: EOF in violation of the protocol.
b.close()
client.settimeout(None)
try:
    client.do_handshake()
except ssl.SSLError as e:
    print(type(e).__name__, msg(e))
except OSError as e:
    print(type(e).__name__, e)
client.close()
try:
    client.do_handshake()
except Exception as e:
    print(type(e).__name__, e)
