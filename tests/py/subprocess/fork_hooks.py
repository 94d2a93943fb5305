# os.pidfd_open's checks, and the os.register_at_fork hooks around the fork of
# a subprocess with a preexec_fn (none without one), as in CPython.
import os, subprocess
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for a in [lambda: os.pidfd_open(-1), lambda: os.pidfd_open('x'), lambda: os.pidfd_open(os.getpid(), 5), lambda: os.pidfd_open(os.getpid(), -1), lambda: os.pidfd_open(2**40)]:
    t(a)
fd = os.pidfd_open(os.getpid()); print(fd > 2); os.close(fd)
r, w = os.pipe()
os.register_at_fork(before=lambda: os.write(w, b'B'), after_in_child=lambda: os.write(w, b'C'), after_in_parent=lambda: os.write(w, b'P'))
subprocess.run(['/bin/true'])
subprocess.run(['/bin/true'], preexec_fn=lambda: None)
os.close(w)
print(sorted(os.read(r, 100)))
