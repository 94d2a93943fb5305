# Files and directories through os: a scratch tree under the test's folder,
# removed at the end. Prints only what CPython prints on any machine.
import os
import stat

# A scratch folder of this process's own under /tmp (the plain and
# gc-stress runs of this program may run at once); removed at the end.
scratch = '/tmp/pyrite_os_%s_%d' % ('files', os.getpid())
os.mkdir(scratch)
home = os.getcwd()
os.chdir(scratch)

base = 'tmp_os_files'
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)

os.mkdir(base)
print(os.path.isdir(base), os.path.exists(base), os.listdir(base))
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)

# open/write/read/lseek/close
path = os.path.join(base, 'a.txt')
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(type(fd).__name__, os.write(fd, b'hello world\n'), os.write(fd, bytearray(b'more')),
      os.write(fd, memoryview(b'!')))
print(os.fstat(fd).st_size, os.get_inheritable(fd), os.get_blocking(fd))
os.close(fd)
fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, 0, os.SEEK_CUR),
      os.lseek(fd, -2, os.SEEK_END), os.read(fd, 10))
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e)
try:
    os.read(fd, 1)
except OSError as e:
    print(type(e).__name__, e)
fd = os.open(path, os.O_RDWR | os.O_APPEND)
os.write(fd, b'+')
os.ftruncate(fd, 4)
print(os.fstat(fd).st_size)
os.close(fd)
os.truncate(path, 2)
print(os.stat(path).st_size, os.path.getsize(path))

# stat and stat_result
st = os.stat(path)
print(type(st).__name__, len(st), st[6], st.st_size, stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) & 0o700)
print(isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int), isinstance(st[8], int))
print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime), st.st_nlink, st.st_blksize > 0)
os.utime(path, (1000000000, 1234567890))
st = os.stat(path)
print(st.st_atime, st.st_mtime, st[7], st[8], st.st_atime_ns, st.st_mtime_ns)
os.utime(path, ns=(1500000000123456789, 1600000000987654321))
st = os.stat(path)
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime, os.path.getmtime(path))
os.utime(path, (1.25, 2.75))
print(os.stat(path).st_atime, os.stat(path).st_mtime_ns)
for bad in [dict(times=(1,)), dict(ns=1), dict(times=(1, 2), ns=(1, 2))]:
    try:
        os.utime(path, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# access, chmod, umask
print(os.access(path, os.F_OK), os.access(path, os.R_OK), os.access(base + '/none', os.F_OK))
os.chmod(path, 0o600)
print(oct(stat.S_IMODE(os.stat(path).st_mode)))
old = os.umask(0o022)
print(type(old).__name__, os.umask(old))

# rename, replace, link, symlink, readlink, lstat
p2 = os.path.join(base, 'b.txt')
os.rename(path, p2)
print(sorted(os.listdir(base)))
with_fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
os.close(with_fd)
os.replace(p2, path)
print(sorted(os.listdir(base)), os.stat(path).st_size)
os.link(path, p2)
print(os.stat(path).st_nlink, os.path.samefile(path, p2))
os.unlink(p2)
link = os.path.join(base, 'ln')
os.symlink('a.txt', link)
print(os.readlink(link), os.readlink(os.fsencode(link)), os.path.islink(link), os.path.islink(path))
print(stat.S_ISLNK(os.lstat(link).st_mode), stat.S_ISREG(os.stat(link).st_mode))
print(os.path.realpath(link) == os.path.realpath(path), os.path.lexists(link))
os.remove(link)

# directories, listdir, scandir, makedirs, walk
os.makedirs(os.path.join(base, 'x', 'y', 'z'))
os.makedirs(os.path.join(base, 'x', 'y'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'x', 'y'))
except FileExistsError as e:
    print('FileExistsError', e.filename)
for name in ['f1', 'f2']:
    fd = os.open(os.path.join(base, 'x', name), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, name.encode() * 3)
    os.close(fd)
print(sorted(os.listdir(os.path.join(base, 'x'))), sorted(os.listdir(os.fsencode(base))))
with os.scandir(os.path.join(base, 'x')) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else '-',
          os.fspath(e), e.inode() == os.stat(e.path).st_ino)
print([e.name for e in os.scandir(os.fsencode(os.path.join(base, 'x'))) if e.is_file()] in ([b'f1', b'f2'], [b'f2', b'f1']))
it = os.scandir(base)
it.close()
print(list(it))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root, sorted(dirs), sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print(root, sorted(dirs), sorted(files))
try:
    os.rmdir(os.path.join(base, 'x'))
except OSError as e:
    print(type(e).__name__, e.errno == 39, e.filename)
os.remove(os.path.join(base, 'x', 'f1'))
os.unlink(os.path.join(base, 'x', 'f2'))
os.removedirs(os.path.join(base, 'x', 'y', 'z'))
print(sorted(os.listdir(base)))

# cwd
here = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.join(here, base), os.getcwdb() == os.fsencode(os.getcwd()), sorted(os.listdir()))
os.chdir('..')
print(os.getcwd() == here)

# errors carry the errno, message and filename
for f in [lambda: os.stat('no_such_file'), lambda: os.lstat(b'no_such_file'), lambda: os.open('no_such_file', os.O_RDONLY),
          lambda: os.listdir('no_such_dir'), lambda: os.chdir('no_such_dir'), lambda: os.remove(base),
          lambda: os.rmdir(path), lambda: os.rename('no_such_a', 'no_such_b'), lambda: os.mkdir('no_such_dir/x'),
          lambda: os.readlink(path), lambda: os.scandir('no_such_dir'), lambda: os.unlink('no_such_file'),
          lambda: os.stat(path + '/x'), lambda: os.utime('no_such_file')]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e)
for f in [lambda: os.stat(1.5), lambda: os.stat(None), lambda: os.mkdir(3), lambda: os.listdir(1.5),
          lambda: os.stat('a\0b'), lambda: os.stat(b'a\0b'), lambda: os.stat(), lambda: os.stat('x', 1),
          lambda: os.stat('x', bogus=1), lambda: os.open('x'), lambda: os.close('x'), lambda: os.write(1, 'x'),
          lambda: os.stat('.', dir_fd=1.5)]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

os.unlink(path)
os.rmdir(base)
print(os.path.exists(base))
os.chdir(home)
os.rmdir(scratch)
