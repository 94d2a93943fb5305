# TLS over MemoryBIOs (what asyncio's sslproto uses): handshakes between a
# client and a server in one process, data both ways, close_notify,
# certificate verification and hostname errors, the SSLError attributes.
import re, ssl

def msg(e):
    # CPython's messages end with its source position: "(_ssl.c:1006)".
    return re.sub(r' \(_ssl\.c:\d+\)', '', str(e))

def pair(server_ctx, client_ctx, hostname=None):
    cin, cout, sin, sout = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_ctx.wrap_bio(cin, cout, server_hostname=hostname)
    server = server_ctx.wrap_bio(sin, sout, server_side=True)
    return client, server, (cin, cout, sin, sout)

def pump(bios):
    cin, cout, sin, sout = bios
    moved = 0
    for src, dst in ((cout, sin), (sout, cin)):
        data = src.read()
        if data:
            dst.write(data)
            moved += len(data)
    return moved

def handshake(client, server, bios):
    done = {'client': False, 'server': False}
    for _ in range(20):
        for name, obj in (('client', client), ('server', server)):
            if done[name]:
                continue
            try:
                obj.do_handshake()
                done[name] = True
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                pass
        if not pump(bios) and all(done.values()):
            break
    return done

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain('server_cert.pem', 'server_key.pem')

# No verification.
plain = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
plain.check_hostname = False
plain.verify_mode = ssl.CERT_NONE
client, server, bios = pair(server_ctx, plain)
print(type(client).__name__, type(client._sslobj).__name__)
print('before', client.version(), client.cipher(), client.server_side, server.server_side)
try:
    client.getpeercert()
except ValueError as e:
    print('ValueError', e)
try:
    client.read(5)
except ssl.SSLWantReadError as e:
    print(type(e).__name__, e.errno, e.library, e.reason, msg(e))
    print(isinstance(e, OSError), e.args[0] == ssl.SSL_ERROR_WANT_READ)
print(handshake(client, server, bios))
print(client.version(), server.version(), client.cipher(), server.cipher() == client.cipher())
print(client.getpeercert(), server.getpeercert(), client.compression(), client.selected_alpn_protocol())
print(len(client.getpeercert(True)) > 500, client.server_hostname, client.pending())
print(client.get_channel_binding() is not None, client.get_channel_binding('tls-unique') is not None)
try:
    client.get_channel_binding('tls-server-end-point')
except ValueError as e:
    print('ValueError', e)

# Data both ways; read into a buffer; pending().
print(client.write(b'hello, server'))
pump(bios)
print(server.read(5), server.pending(), server.read(100))
server.write(b'0123456789')
pump(bios)
buf = bytearray(4)
print(client.read(4, buf), buf, client.pending())
view = memoryview(bytearray(10))
print(client.read(6, view[2:]), bytes(view))
print(client.read(0), server.read(0))
try:
    client.read(-1)
except ValueError as e:
    print('ValueError', e)

# close_notify: the first unwrap() needs the peer's answer.
try:
    client.unwrap()
except ssl.SSLWantReadError as e:
    print('client unwrap', type(e).__name__)
pump(bios)
print('server read after close', server.read(10))
print('server unwrap', server.unwrap())
pump(bios)
print('client unwrap', client.unwrap())

# MemoryBIO on its own.
b = ssl.MemoryBIO()
print(b.pending, b.eof, b.read(), b.write(b'abc'), b.write(bytearray(b'de')), b.pending)
print(b.read(2), b.read(), b.eof)
b.write_eof()
print(b.eof, b.read())
try:
    b.write(b'x')
except ssl.SSLError as e:
    print(type(e).__name__, e, e.args)
try:
    b.write('str')
except TypeError as e:
    print('TypeError', e)
try:
    ssl.MemoryBIO(1)
except TypeError as e:
    print('TypeError', e)

# Verification against the CA, by hostname and by IP address.
verifying = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
verifying.load_verify_locations(cafile='ca_cert.pem')
for host in ('localhost', '127.0.0.1'):
    client, server, bios = pair(server_ctx, verifying, host)
    print(host, handshake(client, server, bios))
    cert = client.getpeercert()
    for key in sorted(cert):
        print(' ', key, cert[key])

for host in ('example.invalid', '127.0.0.2'):
    client, server, bios = pair(server_ctx, verifying, host)
    try:
        handshake(client, server, bios)
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, isinstance(e, ValueError), e.verify_code, e.verify_message)
        print(' ', e.library, e.reason, msg(e))
        print(ssl.CertificateError is ssl.SSLCertVerificationError)

# No CA: the chain cannot be verified.
noca = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client, server, bios = pair(server_ctx, noca, 'localhost')
try:
    handshake(client, server, bios)
except ssl.SSLError as e:
    print(type(e).__name__, e.verify_code, e.verify_message, msg(e))

# A self-signed server certificate.
self_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
self_ctx.load_cert_chain('self_cert.pem', 'self_key.pem')
client, server, bios = pair(self_ctx, verifying, 'selfsigned.invalid')
try:
    handshake(client, server, bios)
except ssl.SSLError as e:
    print(type(e).__name__, e.verify_code, e.verify_message, msg(e))
# ...and what the server saw: the client's alert.
try:
    server.do_handshake()
except ssl.SSLError as e:
    pump(bios)
try:
    pump(bios)
    server.do_handshake()
except ssl.SSLError as e:
    print('server', type(e).__name__, e.library, e.reason, msg(e))

# check_hostname without server_hostname warns; an empty one is refused.
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    verifying.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO())
    print([(x.category.__name__, str(x.message)) for x in w])
for bad in ('', '.lead'):
    try:
        verifying.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=bad)
    except ValueError as e:
        print('ValueError', e)
try:
    server_ctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_side=True, server_hostname='x')
except ValueError as e:
    print('ValueError', e)
try:
    server_ctx._wrap_bio(1, ssl.MemoryBIO(), True)
except TypeError as e:
    print('TypeError', e)

# The message callback (a debugging hook): what it sees; an exception it
# raises comes out at the end of the operation, as the context of the
# operation's own error.
import sys
seen = []
def on_message(conn, direction, version, content_type, msg_type, data):
    seen.append((type(conn).__name__, direction, version, content_type, msg_type, len(data) > 0))
plain._msg_callback = on_message
print(plain._msg_callback is on_message)
try:
    plain._msg_callback = 3
except TypeError as e:
    print('TypeError', e)
client, server, bios = pair(server_ctx, plain)
print(handshake(client, server, bios))
for entry in seen[:4]:
    print(entry)
plain._msg_callback = None
print(plain._msg_callback)
def failing(*args):
    raise KeyError('from the callback')
broken = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
broken._msg_callback = failing
obj = broken.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname='localhost')
try:
    obj.do_handshake()
except ssl.SSLWantReadError as e:
    print(type(e).__name__, repr(e.__context__))

# An SNI callback that raises: reported as unraisable, the handshake fails.
def sni(conn, name, ctx):
    print('sni', type(conn).__name__, name, ctx is sni_ctx)
    raise ZeroDivisionError('in the sni callback')
sni_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sni_ctx.load_cert_chain('server_cert.pem', 'server_key.pem')
sni_ctx.sni_callback = sni
sys.unraisablehook = lambda u: print('unraisable', type(u.exc_value).__name__, u.exc_value, u.object is sni)
client, server, bios = pair(sni_ctx, plain, 'localhost')
try:
    handshake(client, server, bios)
except ssl.SSLError as e:
    print(type(e).__name__, e.library, e.reason, msg(e))
def sni_ok(conn, name, ctx):
    print('sni', name)
sni_ctx.sni_callback = sni_ok
client, server, bios = pair(sni_ctx, plain, 'localhost')
print(handshake(client, server, bios))
try:
    plain.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname='a\x00b')
except TypeError as e:
    print('TypeError', e)
