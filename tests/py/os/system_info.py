# sysconf/confstr/pathconf and their names, ids and credentials, device
# numbers, special files (fifo, node), pread/pwrite/readv/writev, sendfile,
# fdatasync, fchdir.
import os
print(os.sysconf('SC_CLK_TCK') == os.sysconf(os.sysconf_names['SC_CLK_TCK']) > 0, os.confstr('CS_PATH'))
print(len(os.sysconf_names) > 100, sorted(os.pathconf_names)[:3], 'CS_PATH' in os.confstr_names)
for f in [lambda: os.sysconf('NOPE'), lambda: os.sysconf(1.5), lambda: os.sysconf(99999), lambda: os.confstr(99999), lambda: os.pathconf('.', 'PC_NAME_MAX'), lambda: os.fpathconf(0, 'PC_PIPE_BUF'), lambda: os.pathconf('/nonexist', 'PC_NAME_MAX'), lambda: os.getloadavg().__class__, lambda: os.getrandom(4, os.GRND_NONBLOCK).__class__, lambda: os.getrandom(-1), lambda: len(os.getrandom(7)), lambda: len(os.sched_getaffinity(0)) >= 1, lambda: type(os.nice(0)).__name__, lambda: os.getpriority(os.PRIO_PROCESS, 0) == os.nice(0), lambda: type(os.getgroups()), lambda: os.getresuid() == (os.getuid(), os.geteuid(), os.getuid()), lambda: os.getpgid(0) == os.getpgrp(), lambda: os.getsid(0) > 0, lambda: os.ttyname(999), lambda: os.major(os.makedev(8, 1)), lambda: os.minor(os.makedev(8, 1)), lambda: os.sysconf('SC_PAGESIZE') == os.sysconf('SC_PAGE_SIZE'), lambda: os.sysconf('SC_NPROCESSORS_ONLN') == os.cpu_count(), lambda: os.setuid('x'), lambda: os.setuid(2**40), lambda: os.setgid(2**70), lambda: os.setuid(-2), lambda: os.chown('x', 'a', 0), lambda: os.chown('nox', -1, -1), lambda: os.sched_getaffinity(-5), lambda: os.chown('.', os.getuid(), os.getgid()), lambda: os.lchown('nox', 0, 0), lambda: os.fchown(999, 0, 0)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
scratch = '/tmp/pyrite_os_more_%d' % os.getpid()
os.mkdir(scratch)
os.mkfifo(scratch + '/fifo')
import stat
print(stat.S_ISFIFO(os.stat(scratch + '/fifo').st_mode))
os.mknod(scratch + '/node', 0o600 | stat.S_IFREG)
print(stat.S_ISREG(os.stat(scratch + '/node').st_mode))
fd = os.open(scratch + '/data', os.O_RDWR | os.O_CREAT, 0o644)
print(os.pwrite(fd, b'abcdef', 2), os.pread(fd, 4, 0), os.pread(fd, 10, 3), os.lseek(fd, 0, os.SEEK_CUR))
print(os.writev(fd, [b'12', bytearray(b'34'), memoryview(b'5')]), os.pread(fd, 20, 0))
os.lseek(fd, 0, 0)
a, b = bytearray(3), bytearray(4)
print(os.readv(fd, [a, b]), a, b)
try: os.readv(fd, [b'xx'])
except BufferError as e: print(type(e).__name__, e)
fd2 = os.open(scratch + '/copy', os.O_RDWR | os.O_CREAT, 0o644)
print(os.sendfile(fd2, fd, 0, 100), os.sendfile(fd2, fd, None, 100), os.pread(fd2, 100, 0))
os.fdatasync(fd2); os.fsync(fd2)
os.close(fd); os.close(fd2)
d = os.open(scratch, os.O_RDONLY)
here = os.getcwd(); os.fchdir(d); print(os.getcwd() == scratch); os.chdir(here); os.close(d)
for n in ['fifo', 'node', 'data', 'copy']: os.unlink(scratch + '/' + n)
os.rmdir(scratch)
print(os.chown in os.supports_dir_fd, os.chown in os.supports_fd, os.chown in os.supports_follow_symlinks, os.mkfifo in os.supports_dir_fd, os.pathconf in os.supports_fd)
