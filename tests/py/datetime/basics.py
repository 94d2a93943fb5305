# datetime through _datetime: arithmetic, formatting, parsing, time zones.
import datetime
import _datetime
from datetime import date, datetime as dt, time, timedelta, timezone, tzinfo, UTC

print(sorted(n for n in dir(_datetime) if not n.startswith("_") and n != "datetime_CAPI"))
for name in ("date", "datetime", "time", "timedelta", "timezone", "tzinfo"):
    cls = getattr(datetime, name)
    print(cls, cls is getattr(_datetime, name), cls.__module__, cls.__qualname__)
print(datetime.MINYEAR, datetime.MAXYEAR, UTC is timezone.utc, datetime.__doc__)

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday())
print(d.isocalendar(), d.toordinal(), date.fromordinal(d.toordinal()), d.replace(day=1))
print(date.fromisoformat("2021-12-31"), date.fromisocalendar(2021, 52, 5), d.ctime())
print(d.strftime("%Y/%m/%d %A %B %j"), format(d, "%d.%m.%Y"), f"{d}")
print(date(2000, 1, 1) - date(1999, 1, 1), date.min, date.max, date.resolution)

t = dt(2001, 2, 3, 4, 5, 6, 7)
print(t, repr(t), t.date(), t.time(), t.timetuple()[:6], t.isoformat(" ", "milliseconds"))
print(t + timedelta(hours=30), t - dt(2000, 1, 1), t.replace(microsecond=0), t.timestamp() if t.tzinfo else "naive")
print(dt.fromisoformat("2011-11-04T00:05:23.283+00:00"), dt.strptime("21/11/06 16:30", "%d/%m/%y %H:%M"))
print(dt.combine(date(2005, 7, 14), time(12, 30)), dt.fromtimestamp(0, UTC), dt.utcfromtimestamp(86400.5))
print(dt(2020, 1, 1, tzinfo=UTC).timestamp(), dt(2020, 1, 1).toordinal(), dt.min, dt.max)

est = timezone(timedelta(hours=-5), "EST")
aware = dt(2002, 3, 4, 5, 6, tzinfo=est)
print(aware, repr(aware), aware.utcoffset(), aware.tzname(), aware.dst(), aware.astimezone(UTC))
print(aware == dt(2002, 3, 4, 10, 6, tzinfo=UTC), hash(aware) == hash(aware.astimezone(UTC)))
print(repr(est), str(est), repr(UTC), timezone(timedelta(minutes=90)), timezone.min, timezone.max)

class GMT1(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1) + self.dst(dt)
    def dst(self, dt):
        return timedelta(hours=1) if dt.month in (6, 7) else timedelta(0)
    def tzname(self, dt):
        return "GMT +1"

summer = dt(2006, 6, 14, 13, 0, tzinfo=GMT1())
print(summer.utcoffset(), summer.dst(), summer.tzname(), summer.astimezone(UTC), summer.strftime("%H:%M %Z %z"))

tm = time(12, 10, 30, 5, tzinfo=est, fold=1)
print(tm, repr(tm), tm.isoformat("minutes"), tm.utcoffset(), time.fromisoformat("04:23:01.000384"), time.min, time.max)

td = timedelta(days=-1, hours=3, minutes=4, seconds=5.5, milliseconds=6, microseconds=7, weeks=1)
print(td, repr(td), td.total_seconds(), -td, abs(td), td * 2, td / 3, td // 3, td % timedelta(hours=5))
print(divmod(td, timedelta(hours=7)), td / timedelta(minutes=1), td * 1.5, timedelta(seconds=1) / 3)
print(timedelta.min, timedelta.max, timedelta.resolution, timedelta(0) == timedelta(), bool(timedelta(0)))
print(sorted([dt(2000, 1, 2), dt(1999, 12, 31), dt(2000, 1, 1, 12)]))
gmt1 = GMT1()
print(gmt1.fromutc(dt(2006, 6, 14, 12, 0, tzinfo=gmt1)), summer.isocalendar(), type(summer.isocalendar()).__name__)
class Zone(tzinfo):
    def tzname(self, dt):
        return "a%b\ud800"
    def utcoffset(self, dt):
        return None
for fmt in ("%H %Z", "%H\udc80 %Z"):
    try:
        time(1, tzinfo=Zone()).strftime(fmt)
    except UnicodeEncodeError as e:
        print(e.object.encode("unicode-escape"), e.start, e.end, e.reason)
