# import os over the posix module: the module's names, os.path's pure
# functions, os.environ, fspath and strerror.
import os
import os.path
import posixpath
import stat
import sys

print(os.name, os.sep, os.pathsep, os.linesep == '\n', os.curdir, os.pardir, os.extsep)
print(os.path is posixpath, 'posix' in sys.builtin_module_names, 'errno' in sys.builtin_module_names)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(os.O_CLOEXEC, os.O_NONBLOCK, os.O_DIRECTORY, os.O_NOFOLLOW, os.WNOHANG, os.EX_OK)
print(os.error is OSError, os.supports_bytes_environ)
for name in ['stat', 'lstat', 'fstat', 'open', 'read', 'write', 'close', 'listdir', 'scandir',
             'mkdir', 'makedirs', 'rmdir', 'remove', 'unlink', 'rename', 'replace', 'walk',
             'getcwd', 'chdir', 'getpid', 'urandom', 'fspath', 'fork', 'execv', 'waitpid',
             'get_terminal_size', 'times', 'cpu_count', 'DirEntry', 'stat_result',
             'terminal_size', 'PathLike', 'fsencode', 'fsdecode', 'get_exec_path']:
    print(name, hasattr(os, name))
print(os.stat in os.supports_dir_fd, os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks)
print(os.listdir in os.supports_fd, os.scandir in os.supports_fd, os.open in os.supports_dir_fd)

# os.path's string functions
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b'), os.path.join('a/', 'b'))
print(os.path.split('/usr/lib/x.py'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'))
print(os.path.basename('/a/b/'), os.path.dirname('/a/b/c'), os.path.normpath('/a/./b/../c//d'))
print(os.path.normpath('a/../../b'), os.path.normpath(''), os.path.normpath(b'/x/../y'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.commonprefix(['/usr/lib', '/usr/local']))
print(os.path.commonpath(['/usr/lib', '/usr/local']), os.path.relpath('/a/b/c', '/a/d'))
print(os.path.abspath('x') == os.path.join(os.getcwd(), 'x'), os.path.abspath('/a/../b'))
os.environ['HOME'] = '/home/pyrite-test'
print(os.path.expanduser('~'), os.path.expanduser('~/x'), os.path.expanduser('x'))
print(os.path.splitdrive('/a/b'), os.path.normcase('AbC'))

# os.environ and the process environment
key = 'PYRITE_OS_TEST_VAR'
print(key in os.environ, os.environ.get(key), os.getenv(key, 'default'))
os.environ[key] = 'value=1'
print(os.environ[key], os.getenv(key), os.environb[key.encode()], key in os.environ)
os.putenv(key, 'direct')
print(os.environ[key])
del os.environ[key]
print(key in os.environ, os.getenv(key))
try:
    os.environ[key]
except KeyError as e:
    print('KeyError', e)
try:
    os.environ[key] = 1
except TypeError as e:
    print('TypeError', e)
print(type(os.environ).__name__, isinstance(os.environ['PATH'], str))

# fspath, fsencode, strerror
class P:
    def __fspath__(self):
        return 'from_fspath'
class Bad:
    def __fspath__(self):
        return 3
print(os.fspath('s'), os.fspath(b'b'), os.fspath(P()), os.fsencode('a\udcff'), os.fsdecode(b'a\xff') == 'a\udcff')
for arg in [1, None, Bad()]:
    try:
        os.fspath(arg)
    except TypeError as e:
        print('TypeError', e)
print(os.strerror(2), '|', os.strerror(13), '|', os.strerror(0))
print(isinstance(os.PathLike, type), issubclass(P, os.PathLike), issubclass(str, os.PathLike))
print(stat.S_ISDIR(os.stat('.').st_mode), stat.S_ISREG(os.stat('import_os.py').st_mode))
print(stat.filemode(0o100644), stat.filemode(0o40755))
