# time.struct_time: a struct sequence (tuple of 9 visible fields plus
# tm_zone and tm_gmtoff), from gmtime of fixed instants.
import time

st = time.gmtime(1234567890)
print(st)
print(len(st), st[0], st[-1], st[2:5], tuple(st), list(st))
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_sec, st.tm_wday, st.tm_yday,
      st.tm_isdst, st.tm_zone, st.tm_gmtoff)
print(type(st), type(st).__mro__, isinstance(st, tuple), type(st[:]), type(st + ()))
print(st == tuple(st), st == time.gmtime(1234567890), hash(st) == hash(tuple(st)), st != time.gmtime(0))
print(st.count(2), st.index(13), 2009 in st, sorted(st)[:3], max(st))
print(st.__reduce__())
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(time.struct_time.__match_args__, time.struct_time.__name__, time.struct_time.__module__,
      time.struct_time.__qualname__)
print(time.struct_time.tm_year.__doc__, '|', time.struct_time.tm_gmtoff.__doc__)
match st:
    case time.struct_time(2009, 2, day):
        print('matched', day)

for seq in [range(9), range(10), range(11), 'abcdefghi', [1] * 9]:
    s = time.struct_time(seq)
    print(s, s.tm_zone, s.tm_gmtoff, len(s))
s = time.struct_time(range(9), {'tm_zone': 'XYZ', 'tm_gmtoff': 3600, 'other': 1})
print(s.tm_zone, s.tm_gmtoff, s.__reduce__())
s = time.struct_time(sequence=tuple(range(20, 29)), dict={})
print(s, s.tm_zone)


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


print(show(time.struct_time, (1, 2, 3)))
print(show(time.struct_time, range(12)))
print(show(time.struct_time, 5))
print(show(time.struct_time, range(9), 5))
print(show(time.struct_time, range(9), None))
print(show(time.struct_time))
print(show(time.struct_time, range(9), dict={}, x=1))
print(show(time.struct_time, range(9), sequence=1))
print(show(time.struct_time, range(9), x=1))
print(show(time.struct_time, dict={}))
print(show(setattr, st, 'tm_year', 1))
print(show(delattr, st, 'tm_mon'))
print(show(setattr, st, 'foo', 1))


class Sub:
    pass


try:
    class X(time.struct_time):
        pass
except TypeError as e:
    print('not subclassable', type(e).__name__)

# every field across a range of instants, including before 1970 and leap days
for t in [0, -1, 86399, 86400, 951782400, 951868800, 4107542400, -2208988800, -62135596800,
          253402300799, 1e9 + 0.999, -0.5, 2**40]:
    g = time.gmtime(t)
    print(t, tuple(g), g.tm_zone, g.tm_gmtoff)
