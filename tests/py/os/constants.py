# posix's integer constants (Linux's values), and which of the functions
# os.py and shutil look for exist.
import os
import posix

names = sorted(n for n in dir(posix) if n[0].isupper() and isinstance(getattr(posix, n), int)
               and not n.startswith('POSIX_SPAWN_'))
print(len(names))
for i in range(0, len(names), 6):
    print(' '.join('%s=%d' % (n, getattr(posix, n)) for n in names[i:i + 6]))
print(os.SEEK_DATA, os.SEEK_HOLE, os.P_PID, os.P_ALL, os.P_PGID, os.O_TMPFILE, os.O_PATH)
for name in ['supports_dir_fd', 'supports_fd', 'supports_follow_symlinks', 'supports_effective_ids']:
    print(name, sorted(f.__name__ for f in getattr(os, name)))
for name in ['sendfile', 'statvfs', 'fstatvfs', 'chown', 'lchown', 'fchown', 'fchmod', 'link', 'symlink',
             'readlink', 'mkfifo', 'mknod', 'pread', 'pwrite', 'readv', 'writev', 'sysconf', 'confstr',
             'pathconf', 'getloadavg', 'waitid', 'wait', 'register_at_fork', 'sched_getaffinity',
             'get_blocking', 'set_blocking', 'get_inheritable', 'set_inheritable', 'truncate',
             'ftruncate', 'fsync', 'fdatasync', 'fchdir', 'getrandom', 'uname', 'times', 'ttyname']:
    print(name, hasattr(os, name), name in posix.__dict__)
