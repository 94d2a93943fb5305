# gmtime/asctime/strftime/mktime with fixed inputs (no dependence on the
# local time zone), argument handling and CPython's errors.
import time


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


T = (2024, 2, 29, 13, 5, 9, 3, 60, 0)
print(time.asctime(T), time.asctime(time.gmtime(0)), time.asctime((1, 1, 1, 0, 0, 0, 0, 1, 0)),
      time.asctime((12345, 12, 31, 23, 59, 59, 6, 366, 0)), time.asctime((-50, 6, 5, 4, 3, 2, 1, 0, 0)))
G = time.gmtime(1700000000)
for fmt in ['%Y-%m-%d %H:%M:%S', '%a %A %b %B %c', '%d %e %j %U %W %w %u %V %G %g', '%x %X %D %T %R %r',
            '%I %l %p %M %S %y %C %h', '%%|%n|%t|', '', 'plain text', '%Z %z', 'naïve €%Y☃',
            '%E %O %q %Ey %Od %5Y %-d %_m %^a %#b', '%', 'x' * 3000 + '%Y', '\ud800%Y']:
    print(repr(fmt[:40]), repr(time.strftime(fmt, G)[:60]), repr(time.strftime(fmt, T)[:60]) if '%Z' not in fmt else '')
print(time.strftime('%Y %m %d %j', (2024, 0, 0, 0, 0, 0, -1, 0, 0)))
print(time.strftime('%Z|%z', time.struct_time(T, {'tm_zone': 'ABC', 'tm_gmtoff': 5400})))
print(time.strftime('%Z|%z', time.struct_time(T[:8] + (1,), {'tm_zone': 'DEF', 'tm_gmtoff': -3600})))

BAD = [T[:8], T + (1,), list(T), (2024.0,) + T[1:], ('2024',) + T[1:], (2**31,) + T[1:],
       (-2**31,) + T[1:], (10**20,) + T[1:], (2024, 13) + T[2:], (2024, 0) + T[2:], (2024, -1) + T[2:],
       (2024, 1, 0) + T[3:], (2024, 1, 32) + T[3:], T[:3] + (24,) + T[4:], T[:3] + (-1,) + T[4:],
       T[:4] + (60,) + T[5:], T[:5] + (61,) + T[6:], T[:5] + (62,) + T[6:], T[:6] + (-1,) + T[7:],
       T[:6] + (-2,) + T[7:], T[:6] + (7,) + T[7:], T[:6] + (100,) + T[7:], T[:7] + (0,) + T[8:],
       T[:7] + (367,) + T[8:], T[:7] + (366,) + T[8:], T[:7] + (-1,) + T[8:], T[:8] + (5,),
       T[:8] + (-5,), (True,) + T[1:], None, 5, ()]
for bad in BAD:
    print(bad, '|', show(time.asctime, bad), '|', show(time.strftime, '%Y-%m-%d %H:%M:%S %a %j %w', bad))
for bad in BAD[:8] + [None, 5, ()]:
    print('mktime', bad, show(time.mktime, bad))
print(show(time.mktime, time.struct_time(T, {'tm_zone': 5})),
      show(time.strftime, '%z', time.struct_time(T, {'tm_gmtoff': 'x'})),
      show(time.strftime, '%z', time.struct_time(T, {'tm_gmtoff': 2**70})))

for t in [0, -1, 1.9, -1.9, -0.5, True, 10**10, 1e18, 1e20, 2**63, 2**63 - 1, -2**63, 10**40, 'a',
          float('nan'), float('inf'), -float('inf'), [], 1j]:
    print('gmtime', repr(t), show(time.gmtime, t))
print(show(time.gmtime, 1, 2), show(time.gmtime, seconds=1), show(time.localtime, 1, 2),
      show(time.localtime, x=1), show(time.ctime, 1, 2), show(time.ctime, 'a'), show(time.localtime, 1e20),
      show(time.asctime, T, T), show(time.asctime, x=T))
print(show(time.strftime), show(time.strftime, 5), show(time.strftime, b'%Y', T), show(time.strftime, 'a\0b', T),
      show(time.strftime, '%Y', 5), show(time.strftime, '%Y', T, 1), show(time.strftime, format='%Y'))
print(show(time.mktime), show(time.mktime, T, T), show(time.mktime, 5), show(time.mktime, ()))

# local time round trips (whatever the zone)
for t in [0, 86400 * 365, 1234567890, 1700000000]:
    lt = time.localtime(t)
    print(t, time.mktime(lt) == t, time.ctime(t) == time.asctime(lt), type(lt).__name__,
          lt.tm_gmtoff == -time.timezone or lt.tm_gmtoff == -time.altzone)
print(type(time.timezone), type(time.altzone), type(time.daylight), type(time.tzname), len(time.tzname))
print(type(time.ctime()), type(time.asctime()), type(time.strftime('%Y')), type(time.localtime()),
      type(time.gmtime()), type(time.gmtime(None)), type(time.localtime(None)), time.tzset())
