# faulthandler: register/unregister (the stack on a user signal, chained to
# the Python handler), dump_traceback_later (timeout, cancel, exit), and
# -X faulthandler / PYTHONFAULTHANDLER in child interpreters.
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

def normalized(text):
    # Thread ids differ from run to run.
    return re.sub('0x[0-9a-f]{16}', '0x...', text)

def show(f):
    f.seek(0)
    print(normalized(f.read().decode()), end='')
    f.seek(0)
    f.truncate()

got = []
with tempfile.TemporaryFile() as f:
    print(faulthandler.register(signal.SIGUSR1, file=f, all_threads=False))
    def on_signal():
        os.kill(os.getpid(), signal.SIGUSR1)
    on_signal()
    show(f)
    print(faulthandler.register(signal.SIGUSR1, file=f.fileno()))
    on_signal()
    show(f)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))

    signal.signal(signal.SIGUSR2, lambda signum, frame: got.append(signum))
    faulthandler.register(signal.SIGUSR2, file=f, all_threads=False, chain=True)
    os.kill(os.getpid(), signal.SIGUSR2)
    print(got == [signal.SIGUSR2])
    show(f)
    print(faulthandler.unregister(signal.SIGUSR2))

    def wait_for_dump():
        faulthandler.dump_traceback_later(0.05, file=f)
        time.sleep(0.5)
    wait_for_dump()
    show(f)
    faulthandler.dump_traceback_later(0.05, file=f)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.15)
    print(repr(f.read()))
    print(faulthandler.cancel_dump_traceback_later())

pid = os.fork()
if pid == 0:
    r = os.open(os.devnull, os.O_WRONLY)
    faulthandler.dump_traceback_later(0.02, exit=True, file=r)
    time.sleep(5)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print('child exit', os.WEXITSTATUS(status))

for args in [(signal.SIGSEGV,), (0,), (signal.NSIG,), ('x',)]:
    for fn in (faulthandler.register, faulthandler.unregister):
        try:
            fn(*args)
        except (RuntimeError, ValueError, TypeError) as e:
            print(type(e).__name__, e)
for t in (0, -1, 1e30, 'x', -1e-7):
    try:
        faulthandler.dump_traceback_later(t)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)

env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
code = 'import faulthandler; print(faulthandler.is_enabled()); faulthandler._sigsegv()'
for opts, extra in [([], {}), (['-X', 'faulthandler'], {}), ([], {'PYTHONFAULTHANDLER': '1'}),
                    (['-E'], {'PYTHONFAULTHANDLER': '1'})]:
    r = subprocess.run([sys.executable] + opts + ['-c', code], capture_output=True, text=True,
                       env=dict(env, **extra))
    print(opts, extra, r.returncode, r.stdout.strip(), normalized(r.stderr).splitlines())
