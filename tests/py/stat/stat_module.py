# _stat (through the stat module): constants, the S_IS* tests, S_IMODE,
# S_IFMT and filemode, and their argument checks.
import os
import stat
import _stat

print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
names = sorted(k for k in dir(_stat) if k.isupper() and isinstance(getattr(_stat, k), int))
print(len(names))
for k in names:
    print(k, oct(getattr(_stat, k)) if k.startswith('S_') else hex(getattr(_stat, k)), end='; ')
print()
modes = [0o140755, 0o120777, 0o100644, 0o060660, 0o040755, 0o020620, 0o010600, 0o107777,
         0o104755, 0o042755, 0o041777, 0o0, 0o170000, 0o101000, 0o102000, 0o104000, 0o100001]
tests = ['S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISREG', 'S_ISFIFO', 'S_ISLNK', 'S_ISSOCK',
         'S_ISDOOR', 'S_ISPORT', 'S_ISWHT']
for m in modes:
    print(oct(m), _stat.filemode(m), oct(_stat.S_IMODE(m)), oct(_stat.S_IFMT(m)),
          [t for t in tests if getattr(_stat, t)(m)])
for bad in ['x', -1, 2**32, 2**64, 1.5, None]:
    for f in (_stat.S_ISDIR, _stat.S_IMODE, _stat.S_IFMT, _stat.filemode):
        try:
            print(f.__name__, repr(f(bad)))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
print(_stat.S_ISREG(True), _stat.filemode(2**32 - 1))
try:
    _stat.S_ISDIR()
except TypeError as e:
    print('TypeError', e)
st = os.stat('.')
print(stat.S_ISDIR(st.st_mode), stat.S_ISREG(os.stat('stat_module.py').st_mode),
      stat.filemode(st.st_mode)[0], st[stat.ST_MODE] == st.st_mode)
