# os argument handling: converters' messages, fds, dir_fd and
# follow_symlinks, fwalk over dir_fd, DirEntry's keyword-only methods.
import os

# A scratch folder of this process's own under /tmp (the plain and
# gc-stress runs of this program may run at once); removed at the end.
scratch = '/tmp/pyrite_os_%s_%d' % ('args', os.getpid())
os.mkdir(scratch)
home = os.getcwd()
os.chdir(scratch)
os.makedirs('tmp_os_args/a/b', exist_ok=True)
fd = os.open('tmp_os_args/a/f', os.O_CREAT|os.O_WRONLY, 0o644); os.close(fd)
for root, dirs, files, rootfd in os.fwalk('tmp_os_args'):
    print(root, sorted(dirs), sorted(files), type(rootfd).__name__)
for root, dirs, files, rootfd in os.fwalk(b'tmp_os_args', topdown=False):
    print(root, sorted(dirs), sorted(files))
print(list(os.walk('nonexistent')), [e.__class__.__name__ for e in [] ])
errs = []
print(list(os.walk('nonexistent', onerror=errs.append)), [type(e).__name__ for e in errs])
for f in [lambda: os.getcwd(1), lambda: os.getpid(1), lambda: os.DirEntry(), lambda: type(os.scandir('.'))(), lambda: os.isatty(), lambda: os.dup(1, 2), lambda: os.read(0), lambda: os.lseek(0, 1.5, 0), lambda: os.strerror(1.5), lambda: os.urandom(-1), lambda: os.umask('x'), lambda: os.WIFEXITED(), lambda: os.waitpid(1), lambda: os.closerange(1), lambda: os.putenv('a=b', 'c'), lambda: os.putenv('', 'c'), lambda: os.unsetenv('a=b'), lambda: os.putenv(1, 'x'), lambda: os.close(2**40), lambda: os.close(-2**40), lambda: os.listdir(2**40), lambda: os.fstat(-1), lambda: os.read(-1, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(os.DirEntry[int], os.get_exec_path()[:0], os.fsencode('x'), len(os.urandom(16)), os.urandom(0))
e = next(os.scandir('tmp_os_args'))
try: e.name = 'x'
except AttributeError as x: print(x)
print(e.is_dir(follow_symlinks=False), e.stat(follow_symlinks=False).st_mode == os.lstat('tmp_os_args/a').st_mode)
try: e.is_dir(True)
except TypeError as x: print(x)
print(os.path.getatime('tmp_os_args') > 0, os.path.isjunction if hasattr(os.path, 'isjunction') else 'nojunction', os.path.ismount('/'), os.path.ismount('tmp_os_args'))
print(os.access('tmp_os_args', os.W_OK, effective_ids=True), os.access('tmp_os_args', os.R_OK, follow_symlinks=False))
print(os.stat('tmp_os_args', follow_symlinks=False).st_mode == os.lstat('tmp_os_args').st_mode)
dfd = os.open('tmp_os_args', os.O_RDONLY | os.O_DIRECTORY)
print(sorted(os.listdir(dfd)), os.stat('a', dir_fd=dfd).st_mode == os.stat('tmp_os_args/a').st_mode)
os.mkdir('z', dir_fd=dfd); os.rmdir('z', dir_fd=dfd)
try: os.stat(dfd, dir_fd=dfd)
except ValueError as x: print(x)
try: os.stat(dfd, follow_symlinks=False)
except ValueError as x: print(x)
os.close(dfd)
os.unlink('tmp_os_args/a/f'); os.rmdir('tmp_os_args/a/b'); os.rmdir('tmp_os_args/a'); os.rmdir('tmp_os_args')
print(os.path.exists('tmp_os_args'))
for f in [lambda: os.kill(1), lambda: os.ftruncate(1), lambda: os.set_inheritable(1), lambda: os.putenv('a'),
          lambda: os.pipe2(), lambda: os.set_blocking(1), lambda: os.get_terminal_size(1, 2), lambda: os.lseek(1),
          lambda: os.unsetenv(''), lambda: os.unsetenv(1), lambda: os.write(1), lambda: os.closerange(2**40, 1),
          lambda: os.dup2(2**40, 1), lambda: os.stat('.', dir_fd=2**40), lambda: os.fchmod(2**40, 1),
          lambda: os.execv('x'), lambda: os.system(1), lambda: os.device_encoding(2**40), lambda: os.isatty(2**40),
          lambda: os.umask(2**40), lambda: os.waitpid(2**40, 0), lambda: os.register_at_fork(1),
          lambda: os.fsync('x'), lambda: os.fsync(-1), lambda: os.putenv('a', 'b\0'), lambda: os.system('a\0')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
os.chdir(home)
os.rmdir(scratch)
