# os's struct sequences: stat_result (hidden and unnamed fields),
# terminal_size, times_result, uname_result.
import copy
import os

for t in (os.stat_result, os.terminal_size, os.times_result, os.uname_result):
    print(t, t.__name__, t.__module__, t.n_sequence_fields, t.n_fields, t.n_unnamed_fields, t.__match_args__)
    print(issubclass(t, tuple), [k for k in vars(t) if not k.startswith('__')])

s = os.stat_result(range(10))
print(s)
print(len(s), s[7], s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns, s.st_blksize, s.st_rdev)
print(s.__reduce__())
s = os.stat_result(range(19))
print(s.st_atime, s.st_mtime_ns, s.st_rdev, s[-1], s[:3], tuple(s) == tuple(range(10)))
s = os.stat_result(range(10), {'st_atime': 1.5, 'st_blocks': 8, 'other': 1})
print(s.st_atime, s.st_mtime, s.st_blocks, s.st_rdev)
print(s == tuple(range(10)), hash(s) == hash(tuple(range(10))), s + (1,), s * 0)
c = copy.copy(s)
print(type(c).__name__, c == s, c.st_atime, c.st_blocks)
for args in [(range(9),), (range(20),), (range(10), 1), (5,), ()]:
    try:
        os.stat_result(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    s.st_mode = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    class X(os.stat_result):
        pass
except TypeError as e:
    print('TypeError', e)

ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, ts[0], ts == (80, 24), ts.__reduce__())
for arg in [(1,), (1, 2, 3), 5]:
    try:
        os.terminal_size(arg)
    except TypeError as e:
        print('TypeError', e)
tr = os.times_result((1.0, 2.0, 3.0, 4.0, 5.0))
print(tr, tr.children_system, tr.elapsed)
ur = os.uname_result(('a', 'b', 'c', 'd', 'e'))
print(ur, ur.machine)
match ts:
    case os.terminal_size(columns, lines):
        print('match', columns, lines)
st = os.stat('.')
print(type(st).__name__, len(st), isinstance(st.st_ino, int), st[1] == st.st_ino, st.st_atime_ns >= st[7] * 10**9)
