# faulthandler: enable/disable/is_enabled, dump_traceback to a file
# descriptor, and the fatal-signal handlers in forked children: each prints
# "Fatal Python error" and the Python stack, then dies of its signal.
import faulthandler
import os
import signal
import sys
import tempfile

print(faulthandler.is_enabled(), faulthandler.disable())
print(faulthandler.enable(), faulthandler.is_enabled())
print(faulthandler.enable(sys.stderr, all_threads=False), faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

def read_all(fd):
    data = b''
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            return data
        data += chunk

with tempfile.TemporaryFile() as f:
    def inner():
        faulthandler.dump_traceback(f, all_threads=False)
    def outer():
        inner()
    outer()
    faulthandler.dump_traceback(file=f.fileno(), all_threads=False)
    f.seek(0)
    print(f.read().decode(), end='')

def crash(how):
    how()

def child(how, all_threads):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        faulthandler.enable(file=w, all_threads=all_threads)
        crash(how)
        os._exit(0)
    os.close(w)
    text = read_all(r).decode()
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if all_threads:
        # The thread's id differs from run to run.
        lines = text.split('\n')
        lines = [('Current thread 0x... ' + l.split(' ', 3)[3]) if l.startswith('Current thread') else l
                 for l in lines]
        text = '\n'.join(lines)
    print(text, end='')
    print('signaled', os.WIFSIGNALED(status), signal.Signals(os.WTERMSIG(status)).name)

child(faulthandler._sigsegv, False)
child(faulthandler._sigabrt, False)
child(faulthandler._sigfpe, True)
child(faulthandler._read_null, False)
child(lambda: os.kill(os.getpid(), signal.SIGBUS), False)
child(lambda: os.kill(os.getpid(), signal.SIGILL), False)

for bad in [(-1,), ('x',)]:
    try:
        faulthandler.enable(*bad)
    except (ValueError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
saved = sys.stderr
sys.stderr = None
try:
    faulthandler.enable()
except RuntimeError as e:
    print('RuntimeError', e)
sys.stderr = saved
