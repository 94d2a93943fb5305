# fcntl: fcntl (flags, descriptor duplication, record locks through bytes),
# flock and lockf on a temporary file, ioctl on a pipe, argument errors.
import fcntl
import os
import struct
import tempfile

print(fcntl.F_GETFD, fcntl.F_SETFD, fcntl.FD_CLOEXEC, fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB,
      fcntl.LOCK_UN, fcntl.F_GETFL, fcntl.F_SETLK, fcntl.F_WRLCK, fcntl.F_UNLCK, fcntl.F_DUPFD_CLOEXEC)
names = sorted(k for k in dir(fcntl) if k.isupper() or k.startswith('F_'))
print(len(names), names[:8])

with tempfile.TemporaryFile() as f:
    fd = f.fileno()
    flags = fcntl.fcntl(fd, fcntl.F_GETFD)
    print(flags & fcntl.FD_CLOEXEC)
    print(fcntl.fcntl(f, fcntl.F_SETFD, 0), fcntl.fcntl(f, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
    fcntl.fcntl(fd, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
    print(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
    fl = fcntl.fcntl(fd, fcntl.F_GETFL)
    print(bool(fl & os.O_RDWR), bool(fl & os.O_NONBLOCK))
    fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK)
    print(bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK))
    dup = fcntl.fcntl(fd, fcntl.F_DUPFD, 100)
    print(dup >= 100, os.get_inheritable(dup))
    os.close(dup)
    print(fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), fcntl.flock(f, fcntl.LOCK_UN))
    print(fcntl.lockf(fd, fcntl.LOCK_EX, 10, 0, 0), fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB),
          fcntl.lockf(fd, fcntl.LOCK_UN))
    # F_GETLK with a struct flock passed as bytes: the result is the filled copy.
    lock = struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, 0, 0, 0)
    out = fcntl.fcntl(fd, fcntl.F_GETLK, lock)
    print(type(out).__name__, len(out) == len(lock), struct.unpack('hhqqi4x', out)[0] == fcntl.F_UNLCK)
    for args in [(fd, fcntl.F_GETFD, 1.5), (fd, fcntl.F_GETFD, [1]), (fd, fcntl.F_GETFD, 2**40), (fd, fcntl.F_GETFD, b'x' * 1025), ('x', fcntl.F_GETFD),
                 (-1, fcntl.F_GETFD), (fd,), (fd, fcntl.F_GETFD, 0, 0)]:
        try:
            fcntl.fcntl(*args)
        except (TypeError, ValueError, OverflowError, OSError) as e:
            print(type(e).__name__, e)
    for args in [(fd, 99), (fd, fcntl.LOCK_EX, 'x')]:
        try:
            fcntl.lockf(*args)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

try:
    fcntl.fcntl(999, fcntl.F_GETFD)
except OSError as e:
    print('OSError', e.errno, e.strerror)
try:
    fcntl.flock(999, fcntl.LOCK_EX)
except OSError as e:
    print('OSError', e.errno, e.strerror)

FIONREAD, TIOCGWINSZ = 0x541B, 0x5413  # Linux's ioctl numbers
r, w = os.pipe()
os.write(w, b'hello')
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf), struct.unpack('i', buf)[0])
res = fcntl.ioctl(r, FIONREAD, b'\0\0\0\0')
print(type(res).__name__, struct.unpack('i', res)[0])
buf2 = bytearray(4)
res = fcntl.ioctl(r, FIONREAD, buf2, False)
print(struct.unpack('i', res)[0], buf2)
try:
    fcntl.ioctl(r, TIOCGWINSZ, b'\0' * 8)
except OSError as e:
    print('OSError', e.errno, e.strerror)
try:
    fcntl.ioctl(r, FIONREAD, 1.5)
except TypeError as e:
    print('TypeError', e)
os.close(r)
os.close(w)
