# asyncio subprocesses with the PidfdChildWatcher (a pidfd per child
# watched by the loop's epoll): exec and shell, pipes, communicate, wait, the
# exit status. (asyncio's default ThreadedChildWatcher needs a thread.)
import asyncio, warnings
warnings.simplefilter('ignore', DeprecationWarning)

async def main():
    p = await asyncio.create_subprocess_exec('/bin/echo', 'hi', stdout=asyncio.subprocess.PIPE)
    out, err = await p.communicate()
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_shell('cat; echo oops >&2; exit 3', stdin=asyncio.subprocess.PIPE,
                                              stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await p.communicate(b'data')
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_exec('/usr/bin/python3.11', '-c', 'print(sum(range(10)))',
                                             stdout=asyncio.subprocess.PIPE)
    line = await p.stdout.readline()
    print(line, await p.wait())
    procs = [await asyncio.create_subprocess_exec('/bin/sh', '-c', f'exit {i}') for i in range(3)]
    print(await asyncio.gather(*(q.wait() for q in procs)))

watcher = asyncio.PidfdChildWatcher()
asyncio.set_child_watcher(watcher)
loop = asyncio.new_event_loop()
watcher.attach_loop(loop)
loop.run_until_complete(main())
watcher.close()
loop.close()
