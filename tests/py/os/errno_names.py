# The errno module: Linux's names and numbers, errorcode, and the OSError
# subclasses they select.
import errno

names = sorted(n for n in dir(errno) if n.startswith('E'))
print(len(names))
print(names[:10])
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
print(errno.EDEADLK == errno.EDEADLOCK, errno.ENOTSUP == errno.EOPNOTSUPP)
print(len(errno.errorcode))
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN],
      errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
# Every number named in errorcode is the value of its name.
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
print(sorted(set(getattr(errno, n) for n in names)) == sorted(errno.errorcode))
print(type(errno.errorcode).__name__, type(errno.ENOENT).__name__)
for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR,
             errno.EAGAIN, errno.EPIPE, errno.ECHILD, errno.ESRCH, errno.EINTR, errno.ETIMEDOUT,
             errno.ECONNREFUSED, errno.EINVAL):
    e = OSError(code, 'message')
    print(errno.errorcode[code], type(e).__name__, e.errno, e)
print(errno.__name__, 'errorcode' in dir(errno))
