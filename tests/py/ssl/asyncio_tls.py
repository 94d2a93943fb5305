# asyncio over TLS in one process: a TLS echo server on 127.0.0.1 and on a
# unix socket, clients through streams and protocols, certificate checks
# that fail, start_tls on a plain connection, the transports' extra info.
import asyncio, os, re, ssl, tempfile

def msg(e):
    return re.sub(r' \(_ssl\.c:\d+\)', '', str(e))

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain('server_cert.pem', 'server_key.pem')
client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations('ca_cert.pem')

async def echo(reader, writer):
    info = writer.get_extra_info('ssl_object')
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def tcp():
    server = await asyncio.start_server(echo, '127.0.0.1', 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx,
                                                   server_hostname='localhost')
    sslobj = writer.get_extra_info('ssl_object')
    print(type(sslobj).__name__, sslobj.version(), writer.get_extra_info('cipher'))
    print(writer.get_extra_info('peercert')['subject'][-1], writer.get_extra_info('compression'))
    for word in ('hello', 'tls', 'world'):
        writer.write(word.encode() + b'\n')
        await writer.drain()
        print((await reader.readline()).decode().strip())
    writer.write(b'x' * 50000 + b'\n')
    print(len(await reader.readline()))
    writer.close()
    await writer.wait_closed()

    # The wrong name, then no CA at all.
    for ctx, host in ((client_ctx, 'example.invalid'), (ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), 'localhost')):
        try:
            await asyncio.open_connection('127.0.0.1', port, ssl=ctx, server_hostname=host)
        except ssl.SSLCertVerificationError as e:
            print(type(e).__name__, e.verify_code, msg(e))
    # By IP address (the certificate has it).
    reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx)
    writer.write(b'by ip\n')
    print((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

async def unix(path):
    server = await asyncio.start_unix_server(echo, path, ssl=server_ctx)
    reader, writer = await asyncio.open_unix_connection(path, ssl=client_ctx, server_hostname='localhost')
    writer.write(b'over a unix socket\n')
    print((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

async def upgrade():
    # A plain server that upgrades each connection after a greeting.
    async def handle(reader, writer):
        print('server got', (await reader.readline()).decode().strip())
        writer.write(b'go ahead\n')
        await writer.drain()
        await writer.start_tls(server_ctx)
        print('server tls', writer.get_extra_info('ssl_object').version())
        line = await reader.readline()
        writer.write(line[::-1])
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'STARTTLS\n')
    print('client got', (await reader.readline()).decode().strip())
    await writer.start_tls(client_ctx, server_hostname='localhost')
    writer.write(b'secret\n')
    print('client got', await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

class Proto(asyncio.Protocol):
    def __init__(self, done):
        self.done, self.data = done, b''
    def connection_made(self, transport):
        self.transport = transport
        transport.write(b'ping')
    def data_received(self, data):
        self.data += data
        if self.data == b'PING':
            self.transport.close()
    def connection_lost(self, exc):
        self.done.set_result(self.data)

async def protocols():
    class Upper(asyncio.Protocol):
        def connection_made(self, transport):
            self.transport = transport
        def data_received(self, data):
            self.transport.write(data.upper())
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Upper, '127.0.0.1', 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, proto = await loop.create_connection(lambda: Proto(done), '127.0.0.1', port,
                                                    ssl=client_ctx, server_hostname='localhost')
    print(type(transport).__name__, transport.get_extra_info('sslcontext') is client_ctx)
    print('protocol got', await done)
    server.close()
    await server.wait_closed()

asyncio.run(tcp())
with tempfile.TemporaryDirectory() as d:
    asyncio.run(unix(os.path.join(d, 'sock')))
asyncio.run(upgrade())
asyncio.run(protocols())
