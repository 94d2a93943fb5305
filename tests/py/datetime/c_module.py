# What the C module _datetime does differently from datetime.py's classes:
# reprs of subclasses, pickles, the messages of common errors.
import copy
import pickle
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC


class MyDate(date):
    pass


class MyDatetime(datetime):
    pass


class MyTime(time):
    pass


class MyDelta(timedelta):
    pass


for obj in (MyDate(2000, 1, 2), MyDatetime(2000, 1, 2, 3, 4), MyTime(1, 2), MyDelta(1, 2, 3)):
    print(repr(obj), str(obj), type(copy.copy(obj)).__name__, type(pickle.loads(pickle.dumps(obj))).__name__)
print(repr(datetime(2001, 2, 3, 4, 5, 6, 7, tzinfo=UTC, fold=1)), repr(time(1, tzinfo=UTC, fold=1)))

est = timezone(timedelta(hours=-5), "EST")
objects = [date(2024, 2, 29), datetime(2001, 2, 3, 4, 5, 6, 7), datetime(2001, 2, 3, 4, 5, 6, 7, tzinfo=est, fold=1),
           time(1, 2, 3, 4), time(1, 2, 3, 4, tzinfo=UTC, fold=1), timedelta(1, 2, 3), timedelta(-1),
           est, UTC, timezone(timedelta(minutes=30))]
for obj in objects:
    for protocol in range(6):
        data = pickle.dumps(obj, protocol)
        print(type(obj).__name__, protocol, data, pickle.loads(data) == obj)
    print(copy.deepcopy(obj) == obj)
print(UTC.__reduce__(), est.__getstate__(), date(2000, 1, 1).__reduce__(), time(1).__reduce_ex__(2))
print(type(pickle.loads(pickle.dumps(tzinfo()))).__name__, tzinfo(1, x=2).__class__.__name__)


def error(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


class NoDst(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1)

    def dst(self, dt):
        return None


class BadTz(tzinfo):
    def utcoffset(self, dt):
        return 5

    def tzname(self, dt):
        return 5


error(date, 2000, 13, 1)
error(date, 2000, 2, 30)
error(date, 0, 1, 1)
error(date, 2 ** 31, 1, 1)
error(date, 2 ** 64, 1, 1)
error(date, 2000.0, 1, 1)
error(datetime, 2000, 1, 1, 24)
error(datetime, 2000, 1, 1, fold=2)
error(datetime, 2000, 1, 1, tzinfo=1)
error(time, 1, 60)
error(time, microsecond=10 ** 6)
error(timedelta, days=10 ** 9)
error(timedelta, days=10 ** 10)
error(timedelta, "x")
error(timedelta, hours=None)
error(lambda: timedelta.max + timedelta(1))
error(lambda: date.max + timedelta(1))
error(lambda: datetime.min - timedelta(1))
error(lambda: datetime(2000, 1, 1) < datetime(2000, 1, 1, tzinfo=UTC))
error(lambda: datetime(2000, 1, 1) - datetime(2000, 1, 1, tzinfo=UTC))
error(lambda: time(1) < time(1, tzinfo=UTC))
error(lambda: datetime(2000, 1, 1) < date(2000, 1, 1))
error(timezone, 1)
error(timezone, timedelta(hours=25))
error(timezone, timedelta(0), 1)
error(UTC.utcoffset, 1)
error(UTC.fromutc, 1)
error(lambda: type("Zone", (timezone,), {}))
error(date.fromordinal, 0)
error(date.fromisocalendar, 2000, 5, 8)
error(date(2000, 1, 1).strftime, 1)
error(date(2000, 1, 1).__format__, 1)
error(datetime.strptime, 1, "%Y")
error(datetime.combine, date(2000, 1, 1), 1)
error(datetime(2000, 1, 1).astimezone, 1)
error(datetime(2000, 1, 1).isoformat, "ab")
error(datetime.fromtimestamp, float("nan"))
error(datetime.fromtimestamp, 1e20)
error(date.fromtimestamp, "x")
error(tzinfo().utcoffset, None)
error(tzinfo().fromutc, datetime(2000, 1, 1))
error(NoDst().fromutc, datetime(2000, 1, 1, tzinfo=NoDst()))
error(datetime(2000, 1, 1, tzinfo=BadTz()).utcoffset)
error(datetime(2000, 1, 1, tzinfo=BadTz()).tzname)
error(time(1, tzinfo=UTC).strftime, "%Z\ud800")

# fromisoformat parses as the C module: ASCII digits only, its field rules,
# the constructors' errors for fields out of range.
for text in ("2000-01-01", "2000-13-01", "2000-02-30", "0000-01-01", "2004-W53-7", "2004W537", "20000101",
             "\uff12\uff10\uff10\uff10-01-01", "2000-01-01 ", "2000-01-01T", "2000-01-01T10:00+24:00",
             "2000-01-01\u066110:00:00.2123456+01:00", "2000-01-01\ud80010:00", "20000101T101010,5Z",
             "2004-W53-7\u066102", "10:00:00+00:00:00.000001", "24:00", "10:60", "T10:00:00.+01:00", "1000"):
    for parse in (date.fromisoformat, time.fromisoformat, datetime.fromisoformat):
        error(parse, text)


class Zone(tzinfo):
    def __init__(self, result):
        self.result = result

    def tzname(self, dt):
        result = self.result

        class Name(str):
            def replace(self, *args):
                return result
        return Name("n")

    def utcoffset(self, dt):
        return None

    def dst(self, dt):
        return None


print(time(1, tzinfo=Zone("X%%Y")).strftime("%Z|%H"), datetime(2000, 1, 1, tzinfo=Zone("Z")).strftime("%Z %Z"))
error(time(1, tzinfo=Zone(None)).strftime, "%Z")


# date/datetime +- timedelta: from the fields, the result made by calling
# the subclass with them (not through combine(), fromordinal(), toordinal()).
class LoggedDatetime(datetime):
    def __new__(cls, *args, **kwargs):
        print("new", args, kwargs)
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def combine(cls, *args, **kwargs):
        print("combine")
        return super().combine(*args, **kwargs)

    def toordinal(self):
        print("toordinal")
        return super().toordinal()


class LoggedDate(date):
    def __new__(cls, *args, **kwargs):
        print("new", args, kwargs)
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def fromordinal(cls, n):
        print("fromordinal")
        return super().fromordinal(n)


moment = LoggedDatetime(2000, 1, 1, 12, fold=1, tzinfo=UTC)
print(repr(moment + timedelta(hours=13)), repr(moment - timedelta(days=1)), repr(timedelta(1) + moment))
day = LoggedDate(2000, 1, 1)
print(repr(day + timedelta(40)), repr(day - timedelta(1)), day - LoggedDate(1999, 1, 1))
print(datetime(2000, 1, 1) + timedelta(days=-1, microseconds=-1),
      datetime(2000, 2, 28, 23, 59, 59, 999999) + timedelta(microseconds=1))
error(lambda: datetime.max + timedelta(microseconds=1))


# The classes are C types to the interpreter: named datetime.X in its
# messages, immutable.
error(setattr, date, "x", 1)
error(delattr, timedelta, "days")
error(lambda: date(2000, 1, 1) + 1)
error(lambda: timedelta(1) < 1)
error(lambda: time(1) + timedelta(1))
error(getattr, datetime(2000, 1, 1), "foo")
error(hash, [date(2000, 1, 1)])
MyDate.extra = 1
print(MyDate.extra, date.__flags__ & (1 << 8))


# Constructor arguments, checked with the C module's messages and order.
error(date)
error(date, 1, 2)
error(date, 1, 2, 3, 4)
error(date, 2000, 1, 1, foo=1)
error(date, "x", 2)
error(datetime, 2000, 1, 1, foo=1)
error(datetime, *range(1, 10))
error(datetime, 2000, 1, day=1, month=1)
error(datetime, 2000, 1, 1, 1, 1, 1, 1, None, 0, fold=1)
error(time, *range(1, 7))
error(time, 2000, year=1)
error(timedelta, *range(1, 9))
error(timedelta, foo=1)
error(timedelta, 1, days=1)
error(timedelta, **{"k%d" % i: 1 for i in range(8)})
error(timezone)
error(timezone, timedelta(0), "a", 3)
error(timezone, timedelta(0), foo=3)
error(timezone, timedelta(hours=1), offset=timedelta(0))
print(repr(datetime(2000, 1, 1, hour=1, fold=1)), repr(time(fold=1, hour=3)), repr(timezone(name="x", offset=timedelta(hours=1))))


# Differences: a date and a datetime do not subtract; the same tzinfo
# object asks no offsets; the tzinfo's offsets, not a subclass's methods.
class Loud(tzinfo):
    def __init__(self, hours):
        self.hours = hours

    def __repr__(self):
        return "Loud(%d)" % self.hours

    def utcoffset(self, dt):
        print("utcoffset", self.hours)
        return timedelta(hours=self.hours)


class Sub(datetime):
    def utcoffset(self):
        print("Sub.utcoffset")
        return super().utcoffset()


zone = Loud(1)
error(lambda: date(2000, 1, 1) - datetime(2000, 1, 2))
error(lambda: datetime(2000, 1, 2) - date(2000, 1, 1))
error(lambda: datetime(2000, 1, 1, tzinfo=zone) - datetime(2000, 1, 2, 5, tzinfo=zone))
error(lambda: Sub(2000, 1, 1, tzinfo=Loud(3)) - Sub(2000, 1, 3, tzinfo=Loud(1)))
error(lambda: datetime(2000, 1, 1, tzinfo=zone) - datetime(2000, 1, 1))
error(lambda: datetime(2000, 1, 1) - datetime(2000, 1, 1, tzinfo=zone))

# Methods taking no argument or exactly one, with the C messages.
error(date.today, 1)
error(Sub(2000, 1, 1).weekday, 1)
error(datetime(2000, 1, 1).timetuple, x=1)
error(tzinfo().utcoffset)
error(UTC.tzname, 1, 2)
error(date.fromordinal)
error(date.fromordinal, n=1)


# Hashes: an aware time by its UTC offset as a timedelta; a datetime with
# fold=1 without calling its class.
print(hash(time(1, tzinfo=UTC)) == hash(time(1)), hash(time(1, tzinfo=UTC)) == hash(timedelta(hours=1)),
      hash(time(3, tzinfo=timezone(timedelta(hours=2)))) == hash(timedelta(hours=1)),
      hash(datetime(2000, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))) == hash(datetime(2000, 1, 1, tzinfo=UTC)))
folded = LoggedDatetime(2000, 1, 1, fold=1, tzinfo=Loud(2))
print(hash(folded) == hash(folded.replace(fold=0)))


# replace(): the C messages, and the copy made without calling the class.
error(folded.replace, 2001)
error(folded.replace, foo=1)
error(folded.replace, 1, 2, 3, 4, 5, 6, 7, None, 1)
error(LoggedDate(2000, 1, 31).replace, month=2)
error(time(1).replace, 1, 2, 3, 4, None, 1)


# Subclasses as the C code calls them: combine() passes no fold (3.11),
# fromtimestamp() calls the class once; +d and abs(d) are timedeltas.
error(LoggedDatetime.combine, date(2000, 1, 1), time(1))
error(LoggedDatetime.combine, date(2000, 1, 1), time(1, fold=1), UTC)
error(datetime.combine, date(2000, 1, 1), time(1, fold=1), UTC)
error(LoggedDatetime.fromtimestamp, 86400.5, UTC)
error(LoggedDatetime.utcfromtimestamp, 86400.25)


class MyDelta2(timedelta):
    pass


delta = MyDelta2(1, 2, 3)
print(repr(+delta), repr(abs(delta)), repr(-delta), +delta is delta, type(abs(MyDelta2(-1))).__name__)

# __new__ called with something other than a subclass.
error(date.__new__, 1)
error(date.__new__, int, 1, 1, 1)
error(datetime.__new__, date, 1, 1, 1)
error(timedelta.__new__, str)
