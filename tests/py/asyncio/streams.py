# asyncio over sockets: a TCP echo server and clients on 127.0.0.1 (port 0)
# through streams, loop.sock_* on a socketpair, a protocol-based UDP endpoint.
import asyncio, socket

async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, words):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    out = []
    for w in words:
        writer.write(w.encode() + b'\n')
        await writer.drain()
        out.append((await reader.readline()).decode().strip())
    writer.write_eof()
    print('eof', await reader.read())
    writer.close()
    await writer.wait_closed()
    return out

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print(port > 0, server.is_serving())
    results = await asyncio.gather(client(port, ['a', 'bb']), client(port, ['hello', 'world', 'x']))
    print(results)
    server.close()
    await server.wait_closed()
    print(server.is_serving())

    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'x' * 100000)
    got = 0
    while got < 100000:
        got += len(await loop.sock_recv(b, 65536))
    print('sock_recv', got)
    a.close(); b.close()

    class Echo(asyncio.DatagramProtocol):
        def connection_made(self, transport):
            self.transport = transport
        def datagram_received(self, data, addr):
            self.transport.sendto(data[::-1], addr)
    class Client(asyncio.DatagramProtocol):
        def __init__(self):
            self.fut = loop.create_future()
        def datagram_received(self, data, addr):
            self.fut.set_result(data)
    st, _ = await loop.create_datagram_endpoint(Echo, local_addr=('127.0.0.1', 0))
    addr = st.get_extra_info('sockname')
    ct, cp = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    ct.sendto(b'datagram')
    print(await asyncio.wait_for(cp.fut, 5))
    ct.close(); st.close()

    srv = socket.socket()
    srv.bind(('127.0.0.1', 0))
    srv.listen()
    srv.setblocking(False)
    c = socket.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    conn, _ = await loop.sock_accept(srv)
    await loop.sock_sendall(c, b'accepted')
    print(await loop.sock_recv(conn, 100))
    for s in (srv, c, conn):
        s.close()

asyncio.run(main())
