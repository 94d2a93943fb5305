# posix_fallocate/posix_fadvise, lockf, copy_file_range, memfd_create,
# eventfd, and the credential setters with -1 (unchanged).
import os
scratch = '/tmp/pyrite_os_kernel_%d' % os.getpid()
os.mkdir(scratch)
fd = os.open(scratch + '/f', os.O_RDWR | os.O_CREAT, 0o644)
os.posix_fallocate(fd, 0, 8192)
print(os.fstat(fd).st_size)
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
os.lockf(fd, os.F_TLOCK, 0); os.lockf(fd, os.F_ULOCK, 0)
os.write(fd, b'0123456789')
fd2 = os.open(scratch + '/g', os.O_RDWR | os.O_CREAT, 0o644)
print(os.copy_file_range(fd, fd2, 4, 2, 0), os.pread(fd2, 10, 0))
os.close(fd); os.close(fd2)
m = os.memfd_create('pyrite-test')
print(os.write(m, b'in memory'), os.pread(m, 20, 0), os.get_inheritable(m))
os.close(m)
e = os.eventfd(3)
os.eventfd_write(e, 4)
print(os.eventfd_read(e))
os.close(e)
e = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
try:
    os.eventfd_read(e)
except BlockingIOError as x:
    print(type(x).__name__, x.errno)
os.close(e)
for f in [lambda: os.posix_fallocate(999, 0, 1), lambda: os.posix_fadvise(999, 0, 0, 0), lambda: os.setreuid('a', 0), lambda: os.setgroups(1), lambda: os.chroot('/nonexistent'), lambda: os.tcgetpgrp(999), lambda: os.copy_file_range(0, 1, -1), lambda: os.eventfd(-1), lambda: os.memfd_create(1)]:
    try: print(f())
    except Exception as x: print(type(x).__name__, x)
os.setreuid(-1, -1); os.setresgid(-1, -1, -1); os.setgroups(os.getgroups())
os.unlink(scratch + '/f'); os.unlink(scratch + '/g'); os.rmdir(scratch)
