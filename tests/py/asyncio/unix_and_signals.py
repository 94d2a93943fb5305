# asyncio over AF_UNIX streams (start_unix_server, open_unix_connection,
# serve_forever cancelled), open_connection(sock=...), add_reader on a pipe,
# add_signal_handler (signal.set_wakeup_fd into the loop's self-pipe).
import asyncio, os, socket
async def handle(r, w):
    data = await r.read(100)
    w.write(data[::-1]); await w.drain(); w.close(); await w.wait_closed()
async def main():
    path = 'unix_test.sock'
    if os.path.exists(path): os.unlink(path)
    srv = await asyncio.start_unix_server(handle, path)
    async with srv:
        r, w = await asyncio.open_unix_connection(path)
        w.write(b'hello'); w.write_eof()
        print(await r.read())
        w.close(); await w.wait_closed()
        task = asyncio.create_task(srv.serve_forever())
        await asyncio.sleep(0.01)
        task.cancel()
        try: await task
        except asyncio.CancelledError: print('serve_forever cancelled')
    os.unlink(path)
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    rd, wr = await asyncio.open_connection(sock=a)
    b.send(b'line\n')
    print(await rd.readline())
    wr.close(); b.close()
    fut = loop.create_future()
    r_fd, w_fd = os.pipe()
    loop.add_reader(r_fd, lambda: fut.set_result(os.read(r_fd, 10)))
    os.write(w_fd, b'ready')
    print(await fut)
    loop.remove_reader(r_fd)
    os.close(r_fd); os.close(w_fd)
    import signal
    ev = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, ev.set)
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(ev.wait(), 5)
    print('signal handled')
    loop.remove_signal_handler(signal.SIGUSR1)
asyncio.run(main())
