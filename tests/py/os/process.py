# Processes through os: ids, times, fork with pipes, exec, wait statuses,
# register_at_fork, kill, system.
import os
import sys

print(os.getpid() > 0, os.getppid() > 0, os.getpid() == os.getpid(), type(os.getuid()).__name__)
print(os.getuid() == os.geteuid() or True, isinstance(os.getgid(), int), isinstance(os.getegid(), int))
n = os.cpu_count()
print(type(n).__name__, n >= 1)
t = os.times()
print(type(t).__name__, len(t), all(type(x) is float for x in t), t.user == t[0], t.elapsed == t[4])
print(type(t).__module__, os.times_result is type(t))
u = os.uname()
print(type(u).__name__, len(u), u.sysname, u.sysname == u[0], isinstance(u.release, str))

# A child writes to a pipe and exits with a status.
r, w = os.pipe()
print(os.get_inheritable(r), os.isatty(r))
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'hello from the child')
    os._exit(7)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 4)
    if not chunk:
        break
    data += chunk
os.close(r)
pid2, status = os.waitpid(pid, 0)
print(data, pid2 == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.WIFSTOPPED(status), os.waitstatus_to_exitcode(status))

# A child killed by a signal.
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
pid2, status = os.waitpid(pid, 0)
print(os.WIFEXITED(status), os.WIFSIGNALED(status), os.WTERMSIG(status) == 9,
      os.waitstatus_to_exitcode(status) == -9, os.WCOREDUMP(status))

# exec replaces the child; its stdout is the pipe.
def run(argv, env=None):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(w, 1)
        if env is None:
            os.execv(argv[0], argv)
        else:
            os.execve(argv[0], argv, env)
        os._exit(99)
    os.close(w)
    out = b''
    while True:
        chunk = os.read(r, 100)
        if not chunk:
            break
        out += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return out, os.waitstatus_to_exitcode(status)

print(run(['/bin/echo', 'exec', 'works']))
print(run(['/bin/sh', '-c', 'exit 5']))
print(run(['/usr/bin/env'], {'PYRITE_A': 'one', 'PYRITE_B': 'two=2'}))
print(run([b'/bin/echo', b'bytes', 'args']))
for args in [('/bin/echo', []), ('/bin/echo', 'echo'), ('/bin/echo', ['']), ('/bin/echo',)]:
    try:
        os.execv(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for env in [1, []]:
    try:
        os.execve('/bin/echo', ['echo'], env)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    os.execv('/no/such/program', ['x'])
except OSError as e:
    print(type(e).__name__, e)

# system() returns a wait status.
status = os.system('exit 3')
print(status, os.waitstatus_to_exitcode(status))

# register_at_fork: before runs last-registered first, the after hooks in order.
calls = []
os.register_at_fork(before=lambda: calls.append('before1'), after_in_parent=lambda: calls.append('parent1'))
os.register_at_fork(before=lambda: calls.append('before2'), after_in_parent=lambda: calls.append('parent2'),
                    after_in_child=lambda: calls.append('child'))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, ','.join(calls).encode())
    os._exit(0)
os.close(w)
child_calls = os.read(r, 1000).decode()
os.close(r)
os.waitpid(pid, 0)
print(calls)
print(child_calls)
for kw in [{}, {'before': 1}]:
    try:
        os.register_at_fork(**kw)
    except TypeError as e:
        print(type(e).__name__, e)

# Errors: no children, bad statuses, terminal size of a pipe.
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)
print(os.waitpid(-1, os.WNOHANG) if False else 'skip', os.WIFEXITED(status=0), os.WEXITSTATUS(256))
try:
    os.waitstatus_to_exitcode(0x7f | (19 << 8))
except ValueError as e:
    print(type(e).__name__, e)
r, w = os.pipe()
try:
    os.get_terminal_size(w)
except OSError as e:
    print(type(e).__name__, e.errno)
os.close(r)
os.close(w)
try:
    os.kill(os.getpid(), 0)
    print('signal 0 ok')
except OSError as e:
    print(e)

# waitid
pid = os.fork()
if pid == 0:
    os._exit(4)
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_code == os.CLD_EXITED, res.si_status, len(res))
try:
    os.waitid(os.P_ALL, 0, os.WEXITED)
except ChildProcessError as e:
    print(type(e).__name__, e)
