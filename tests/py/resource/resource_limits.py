# resource: getrlimit/setrlimit/prlimit round trips on RLIMIT_CORE and
# RLIMIT_NOFILE (soft limit lowered, then restored), getrusage's record,
# getpagesize, the constants, and the errors.
import os
import resource

def t(f, *args):
    try:
        r = f(*args)
        print(f.__name__, repr(r))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

print(resource.RLIM_INFINITY, resource.RLIMIT_CPU, resource.RLIMIT_NOFILE, resource.RLIMIT_AS,
      resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD, resource.error)
print(sorted(k for k in dir(resource) if k.startswith('RLIMIT')))
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, 256), hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (min(soft, 256), hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (min(soft, 256), hard))
print(resource.prlimit(os.getpid(), resource.RLIMIT_NOFILE, [soft, hard]) == (min(soft, 256), hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
core = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, core[1]))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
resource.setrlimit(resource.RLIMIT_CORE, core)
if hard != resource.RLIM_INFINITY:
    t(resource.setrlimit, resource.RLIMIT_NOFILE, (hard + 1, hard))
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r), len(r), r.n_fields, type(r.ru_utime).__name__, type(r.ru_maxrss).__name__, r.ru_maxrss > 0,
      r[0] == r.ru_utime)
print(type(resource.getrusage(resource.RUSAGE_CHILDREN)).__name__, resource.getpagesize() % 4096)
t(resource.getrlimit, 99)
t(resource.getrlimit, -1)
t(resource.getrlimit, 'x')
t(resource.setrlimit, resource.RLIMIT_CORE, (1,))
t(resource.setrlimit, resource.RLIMIT_CORE, 5)
t(resource.setrlimit, 99, (1, 1))
t(resource.setrlimit, resource.RLIMIT_CORE, ('a', 'b'))
t(resource.getrusage, 99)
t(resource.prlimit, 0)
t(resource.prlimit, 0, 99)
t(resource.prlimit, 0, 1, 2, 3)
t(resource.getrlimit)
t(resource.setrlimit, 1)
t(resource.getrusage)
