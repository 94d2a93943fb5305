# shutil over os, the parts that need no open(): rmtree, move, copymode,
# copystat, which, disk_usage, get_terminal_size, ignore_patterns.
import os
import shutil
import stat

# A scratch folder of this process's own under /tmp (the plain and
# gc-stress runs of this program may run at once); removed at the end.
scratch = '/tmp/pyrite_os_%s_%d' % ('shutil', os.getpid())
os.mkdir(scratch)
home = os.getcwd()
os.chdir(scratch)

base = 'tmp_os_shutil'
if os.path.exists(base):
    shutil.rmtree(base)

def touch(path, data=b'', mode=0o644):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    os.write(fd, data)
    os.close(fd)

os.makedirs(os.path.join(base, 'src', 'sub'))
touch(os.path.join(base, 'src', 'a.py'), b'print(1)\n')
touch(os.path.join(base, 'src', 'b.txt'), b'text', 0o600)
touch(os.path.join(base, 'src', 'sub', 'c.py'), b'')

# move: a rename inside one file system
shutil.move(os.path.join(base, 'src', 'b.txt'), os.path.join(base, 'b.txt'))
print(sorted(os.listdir(os.path.join(base, 'src'))), sorted(os.listdir(base)))
shutil.move(os.path.join(base, 'src', 'sub'), os.path.join(base, 'moved'))
print(sorted(os.listdir(base)), os.listdir(os.path.join(base, 'moved')))

# copymode / copystat
a = os.path.join(base, 'src', 'a.py')
b = os.path.join(base, 'b.txt')
os.utime(b, (1000000000, 1100000000))
shutil.copymode(b, a)
print(oct(stat.S_IMODE(os.stat(a).st_mode)))
os.chmod(b, 0o640)
shutil.copystat(b, a)
st = os.stat(a)
print(oct(stat.S_IMODE(st.st_mode)), st.st_mtime, st.st_atime)

# which
touch(os.path.join(base, 'tool'), b'#!/bin/sh\n', 0o755)
touch(os.path.join(base, 'notexec'), b'', 0o644)
here = os.path.abspath(base)
print(shutil.which('tool', path=here) == os.path.join(here, 'tool'), shutil.which('notexec', path=here))
print(shutil.which('sh') is not None, shutil.which('no-such-program-xyz'))
print(shutil.which(os.path.join(base, 'tool')) == os.path.join(base, 'tool'))

# disk_usage, get_terminal_size from the environment
du = shutil.disk_usage(base)
print(type(du).__name__, du.total >= du.used >= 0, du.free >= 0)
os.environ['COLUMNS'] = '123'
os.environ['LINES'] = '45'
print(shutil.get_terminal_size())
del os.environ['COLUMNS'], os.environ['LINES']

# ignore_patterns, rmtree with onerror
ignore = shutil.ignore_patterns('*.py', 'sub*')
print(sorted(ignore('x', ['a.py', 'b.txt', 'sub', 'subway', 'c.PY'])))
errors = []
shutil.rmtree(os.path.join(base, 'missing'), onerror=lambda f, p, e: errors.append((f.__name__, e[0].__name__)))
print(errors)
try:
    shutil.rmtree(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print(type(e).__name__, e)
shutil.rmtree(os.path.join(base, 'missing'), ignore_errors=True)
try:
    shutil.rmtree(b)
except NotADirectoryError as e:
    print(type(e).__name__, e)
shutil.rmtree(base)
print(os.path.exists(base))
os.chdir(home)
os.rmdir(scratch)
