"""Fast implementation of the datetime type."""

# Pyrite's `_datetime` (docs/modules_net.md, "_datetime"): the classes of the
# standard library's own datetime.py, executed at import time from
# sys._stdlib_dir with `_datetime` blocked, so that they are the pure
# Python classes under the names CPython's C module gives them
# (datetime.date, ... with __module__ 'datetime'). Nothing of datetime.py
# is copied here; this file runs it, then makes what differs observably
# from CPython's C module behave as the C module does (reprs, pickles,
# messages, argument checks, the arithmetic, astimezone, fromisoformat,
# hashes, replace: the list is in docs/modules.md).
#
# TODO(#6): a C++ `_datetime` (src/python/modules/) for speed, for
# datetime_CAPI (no C API here), and for what docs/modules.md lists as
# still following datetime.py (descriptor kinds, docstrings, the argument
# messages of the methods with several arguments).

import sys as _sys


def _make():
    """The module's classes and constants, with the C module's behaviour
    where datetime.py's differs (the helpers stay local to this function)."""

    def _load():
        path = _sys._stdlib_dir + "/datetime.py"
        with open(path, encoding="utf-8") as f:
            source = f.read()
        namespace = {"__name__": "datetime", "__file__": path}
        # While datetime.py runs, `from _datetime import *` at its end must fail
        # (as when no C module exists) so that it keeps its own classes. That
        # import sees this module, half made, in sys.modules: hide it there.
        missing = object()
        saved = _sys.modules.get("_datetime", missing)
        _sys.modules["_datetime"] = None
        try:
            exec(compile(source, path, "exec"), namespace)
        finally:
            if saved is missing:
                del _sys.modules["_datetime"]
            else:
                _sys.modules["_datetime"] = saved
        return namespace


    _ns = _load()

    MINYEAR = _ns["MINYEAR"]
    MAXYEAR = _ns["MAXYEAR"]
    timedelta = _ns["timedelta"]
    date = _ns["date"]
    tzinfo = _ns["tzinfo"]
    time = _ns["time"]
    datetime = _ns["datetime"]
    timezone = _ns["timezone"]
    UTC = _ns["UTC"]

    _C_TYPES = (timedelta, date, tzinfo, time, datetime, timezone)
    _HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE in type.__flags__


    def _tp_name(cls):
        """What CPython's messages print for a type (its tp_name): the C
        module's types as datetime.X, classes made by `class` by __name__,
        other builtin types by module and name unless builtins."""
        if cls in _C_TYPES:
            return "datetime." + cls.__name__
        if cls.__flags__ & _HEAPTYPE or cls.__module__ == "builtins":
            return cls.__name__
        return "%s.%s" % (cls.__module__, cls.__qualname__)


    def _install(cls, name, function):
        function.__name__ = name
        function.__qualname__ = cls.__name__ + "." + name
        function.__module__ = "datetime"
        old = cls.__dict__.get(name)
        if old is not None:
            function.__doc__ = getattr(old, "__doc__", None)
        if isinstance(old, classmethod):
            function = classmethod(function)
        setattr(cls, name, function)


    # The checks of datetime.py's module level, with the C module's messages.
    # Fields are C ints there: out of that range is the int conversion's error.

    _index = _ns["_index"]
    _days_in_month = _ns["_days_in_month"]

    def _c_int(value):
        if type(value) is int and -0x80000000 <= value <= 0x7FFFFFFF:
            return value
        value = _index(value)
        if not -0x8000000000000000 <= value <= 0x7FFFFFFFFFFFFFFF:
            raise OverflowError("Python int too large to convert to C long")
        if value > 0x7FFFFFFF:
            raise OverflowError("signed integer is greater than maximum")
        if value < -0x80000000:
            raise OverflowError("signed integer is less than minimum")
        return value


    def _check_date_fields(year, month, day):
        if (type(year) is int and type(month) is int and type(day) is int
                and MINYEAR <= year <= MAXYEAR and 1 <= month <= 12 and 1 <= day <= 28):
            return year, month, day
        year, month, day = _c_int(year), _c_int(month), _c_int(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("year %d is out of range" % year)
        if not 1 <= month <= 12:
            raise ValueError("month must be in 1..12")
        if not 1 <= day <= _days_in_month(year, month):
            raise ValueError("day is out of range for month")
        return year, month, day

    def _check_time_fields(hour, minute, second, microsecond, fold):
        if (type(hour) is int and type(minute) is int and type(second) is int and type(microsecond) is int
                and 0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59 and 0 <= microsecond <= 999999
                and (fold == 0 or fold == 1)):
            return hour, minute, second, microsecond, fold
        hour, minute, second, microsecond = _c_int(hour), _c_int(minute), _c_int(second), _c_int(microsecond)
        if not 0 <= hour <= 23:
            raise ValueError("hour must be in 0..23")
        if not 0 <= minute <= 59:
            raise ValueError("minute must be in 0..59")
        if not 0 <= second <= 59:
            raise ValueError("second must be in 0..59")
        if not 0 <= microsecond <= 999999:
            raise ValueError("microsecond must be in 0..999999")
        if fold not in (0, 1):
            raise ValueError("fold must be either 0 or 1")
        return hour, minute, second, microsecond, fold

    def _tzinfo_type_error(tz):
        return TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                         % _tp_name(type(tz)))


    def _check_tzinfo_arg(tz):
        if tz is not None and not isinstance(tz, tzinfo):
            raise _tzinfo_type_error(tz)


    def _check_tzname(name):
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % _tp_name(type(name)))


    _one_day = timedelta(1)
    _minus_one_day = -_one_day

    def _check_utc_offset(name, offset):
        if offset is None:
            return
        if not isinstance(offset, timedelta):
            raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, _tp_name(type(offset))))
        if not _minus_one_day < offset < _one_day:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24).")


    def _cmperror(x, y):
        raise TypeError("can't compare %s to %s" % (_tp_name(type(x)), _tp_name(type(y))))


    _pure_wrap_strftime = _ns["_wrap_strftime"]


    # The C module formats strftime's format, and %Z's time zone name (with
    # '%' doubled), in UTF-8 before it calls time.strftime, so a surrogate
    # in either raises UnicodeEncodeError (test_datetime checks it);
    # time.strftime itself accepts them. datetime.py's formatting asks the
    # object for microsecond, utcoffset() and tzname() (when it has them):
    # it gets a view of the object whose tzname() checks.
    class _StrftimeSubject:
        __slots__ = ("_subject",)

        def __init__(self, subject):
            self._subject = subject

        def __getattr__(self, name):
            value = getattr(self._subject, name)
            if name != "tzname":
                return value

            def tzname():
                zone = value()
                if zone is None:
                    return None
                replaced = zone.replace("%", "%%")
                if not isinstance(replaced, str):
                    raise TypeError("tzname.replace() did not return a string")
                replaced.encode("utf-8")
                # datetime.py calls replace() itself: give it this result.
                name = _ZoneName(zone)
                name.replaced = replaced
                return name
            return tzname

    class _ZoneName(str):
        def replace(self, old, new, count=-1):
            return self.replaced

    def _wrap_strftime(object, format, timetuple):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % _tp_name(type(format)))
        format.encode("utf-8")
        return _pure_wrap_strftime(_StrftimeSubject(object), format, timetuple)


    for _f in (_check_date_fields, _check_time_fields, _check_tzinfo_arg, _check_tzname,
               _check_utc_offset, _cmperror, _wrap_strftime):
        _ns[_f.__name__] = _f


    # Messages raised inside datetime.py's methods, and the C module's for them.
    _MESSAGES = {
        (OverflowError, "result out of range"): "date value out of range",
        (NotImplementedError, "tzinfo subclass must override utcoffset()"): "a tzinfo subclass must implement utcoffset()",
        (NotImplementedError, "tzinfo subclass must override tzname()"): "a tzinfo subclass must implement tzname()",
        (NotImplementedError, "tzinfo subclass must override dst()"): "a tzinfo subclass must implement dst()",
        (TypeError, "fromutc() requires a datetime argument"): "fromutc: argument must be a datetime",
        (ValueError, "dt.tzinfo is not self"): "fromutc: dt.tzinfo is not self",
        (ValueError, "fromutc() requires a non-None utcoffset() result"): "fromutc: non-None utcoffset() result required",
        (ValueError, "fromutc() requires a non-None dst() result"): "fromutc: non-None dst() result required",
        (TypeError, "cannot compare naive and aware times"): "can't compare offset-naive and offset-aware times",
        (TypeError, "cannot compare naive and aware datetimes"): "can't compare offset-naive and offset-aware datetimes",
        (TypeError, "fromutc() argument must be a datetime instance or None"): "fromutc: argument must be a datetime",
    }
    _DAYS_TOO_LARGE = "timedelta # of days is too large: "


    def _c_message(e):
        """The C module's exception for one datetime.py raised, or None."""
        if len(e.args) != 1 or not isinstance(e.args[0], str):
            return None
        message = e.args[0]
        kind = type(e)
        if (kind, message) in _MESSAGES:
            return kind(_MESSAGES[kind, message])
        if kind is OverflowError and message.startswith(_DAYS_TOO_LARGE):
            days = message[len(_DAYS_TOO_LARGE):]
            if not -0x80000000 <= int(days) <= 0x7FFFFFFF:
                return OverflowError("Python int too large to convert to C int")
            return OverflowError("days=%s; must have magnitude <= 999999999" % days)
        if kind is ValueError and message.startswith("Invalid weekday: "):
            return ValueError("Invalid day: " + message[len("Invalid weekday: "):])
        return None


    def _with_c_messages(cls, name):
        pure = cls.__dict__[name]
        if isinstance(pure, (classmethod, staticmethod)):
            pure = pure.__func__

        def method(*args, **kwargs):
            try:
                return pure(*args, **kwargs)
            except (OverflowError, NotImplementedError, TypeError, ValueError) as e:
                c = _c_message(e)
                if c is None:
                    raise
                raise c from None

        _install(cls, name, method)

    # date/datetime + timedelta as the C module computes them: from the
    # fields (not through toordinal(), combine() or fromordinal(), which a
    # subclass may override), making the result by calling its class with
    # the fields (as the C module calls a subclass).
    _ymd2ord = _ns["_ymd2ord"]
    _ord2ymd = _ns["_ord2ymd"]
    _max_ordinal = _ymd2ord(MAXYEAR, 12, 31)

    def _date_shift(self, days):
        ordinal = _ymd2ord(self._year, self._month, self._day) + days
        if not 0 < ordinal <= _max_ordinal:
            raise OverflowError("date value out of range")
        return type(self)(*_ord2ymd(ordinal))

    def _datetime_shift(self, days, seconds, microseconds):
        carry, microseconds = divmod(self._microsecond + microseconds, 1000000)
        carry, seconds = divmod(self._hour * 3600 + self._minute * 60 + self._second + seconds + carry, 86400)
        ordinal = _ymd2ord(self._year, self._month, self._day) + days + carry
        if not 0 < ordinal <= _max_ordinal:
            raise OverflowError("date value out of range")
        year, month, day = _ord2ymd(ordinal)
        hour, seconds = divmod(seconds, 3600)
        minute, second = divmod(seconds, 60)
        return type(self)(year, month, day, hour, minute, second, microseconds, self._tzinfo)

    def _date_add(self, other):
        if isinstance(other, timedelta):
            return _date_shift(self, other._days)
        return NotImplemented

    def _datetime_add(self, other):
        if isinstance(other, timedelta):
            return _datetime_shift(self, other._days, other._seconds, other._microseconds)
        return NotImplemented

    # Differences as the C code computes them: a date and a datetime do
    # not subtract (datetime.py's date.__sub__ takes any date); datetimes
    # with the same tzinfo object ask no offsets; the offsets are the
    # tzinfo's (not a subclass's utcoffset() or toordinal()).
    _datetime_utcoffset = datetime.__dict__["utcoffset"]
    _new_timedelta = timedelta.__dict__["__new__"].__func__

    def _date_sub(self, other):
        if isinstance(self, datetime) or isinstance(other, datetime):
            return NotImplemented
        if isinstance(other, date):
            days = _ymd2ord(self._year, self._month, self._day) - _ymd2ord(other._year, other._month, other._day)
            return _new_timedelta(timedelta, days)
        if isinstance(other, timedelta):
            return _date_shift(self, -other._days)
        return NotImplemented

    def _datetime_sub(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is other._tzinfo:
                offset1 = offset2 = None
            else:
                offset1 = _datetime_utcoffset(self)
                offset2 = _datetime_utcoffset(other)
                if (offset1 is None) != (offset2 is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            result = _new_timedelta(
                timedelta,
                _ymd2ord(self._year, self._month, self._day) - _ymd2ord(other._year, other._month, other._day),
                (self._hour - other._hour) * 3600 + (self._minute - other._minute) * 60 + self._second - other._second,
                self._microsecond - other._microsecond)
            if offset1 is not offset2 and offset1 != offset2:
                result = result - (offset1 - offset2)
            return result
        if isinstance(other, timedelta):
            return _datetime_shift(self, -other._days, -other._seconds, -other._microseconds)
        return NotImplemented

    for _cls, _add, _sub in ((date, _date_add, _date_sub), (datetime, _datetime_add, _datetime_sub)):
        _install(_cls, "__add__", _add)
        _cls.__radd__ = _cls.__add__
        _install(_cls, "__sub__", _sub)

    # Hashes as the C code computes them: an aware time by its offset from
    # UTC as a timedelta (datetime.py hashes a zero offset as a naive time),
    # and a datetime with fold=1 through a copy made without calling the
    # class (datetime.py calls replace(), so a subclass's __new__).
    _time_utcoffset = time.__dict__["utcoffset"]

    def _time_hash(self):
        if self._hashcode == -1:
            offset = _time_utcoffset(self)
            if offset is None:
                self._hashcode = hash(self._getstate()[0])
            else:
                self._hashcode = hash(_new_timedelta(
                    timedelta, 0, self._hour * 3600 + self._minute * 60 + self._second, self._microsecond) - offset)
        return self._hashcode

    def _datetime_hash(self):
        if self._hashcode == -1:
            moment = self
            if self._fold:
                moment = object.__new__(type(self))
                for name in ("_year", "_month", "_day", "_hour", "_minute", "_second", "_microsecond", "_tzinfo"):
                    setattr(moment, name, getattr(self, name))
                moment._hashcode = -1
                moment._fold = 0
            offset = _datetime_utcoffset(moment)
            if offset is None:
                self._hashcode = hash(self._getstate()[0])
            else:
                self._hashcode = hash(_new_timedelta(
                    timedelta, _ymd2ord(self._year, self._month, self._day),
                    self._hour * 3600 + self._minute * 60 + self._second, self._microsecond) - offset)
        return self._hashcode

    _install(time, "__hash__", _time_hash)
    _install(datetime, "__hash__", _datetime_hash)

    # +d and abs(d) of a timedelta subclass are timedeltas, and new objects,
    # as in the C code (datetime.py returns the object itself).
    def _timedelta_pos(self):
        return _new_timedelta(timedelta, self._days, self._seconds, self._microseconds)

    def _timedelta_abs(self):
        if self._days < 0:
            return -self
        return _new_timedelta(timedelta, self._days, self._seconds, self._microseconds)

    _install(timedelta, "__pos__", _timedelta_pos)
    _install(timedelta, "__abs__", _timedelta_abs)

    # datetime from a timestamp as the C code makes it: the fold of a local
    # time found by arithmetic on the local clock, and the class called once
    # (datetime.py calls it for probes too).
    import math as _math_module

    def _from_timestamp(cls, t, utc, tz):
        fraction, t = _math_module.modf(t)
        us = round(fraction * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        converter = _time_module.gmtime if utc else _time_module.localtime
        year, month, day, hour, minute, second = converter(t)[:6]
        second = min(second, 59)  # no leap seconds
        fold = 0
        if tz is None and not utc:
            wall = _posix_seconds(year, month, day, hour, minute, second)
            transition = wall - _local(t - 86400) - 86400
            if transition < 0 and _local(t + transition) == wall:
                fold = 1
        if fold and cls is datetime:  # a subclass is not given fold (3.11's C code)
            result = cls(year, month, day, hour, minute, second, us, tz, fold=1)
        else:
            result = cls(year, month, day, hour, minute, second, us, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    _install(datetime, "_fromtimestamp", _from_timestamp)

    def _cmp_with_c_messages(cls):
        pure = cls.__dict__["_cmp"]

        def _cmp(self, other, allow_mixed=False):
            try:
                return pure(self, other, allow_mixed)
            except TypeError as e:
                c = _c_message(e)
                if c is None:
                    raise
                raise c from None

        _install(cls, "_cmp", _cmp)

    _cmp_with_c_messages(datetime)
    _cmp_with_c_messages(time)
    for _cls, _names in (
            (datetime, ("astimezone",)),
            (date, ("fromisocalendar",)),
            (tzinfo, ("utcoffset", "tzname", "dst")),
            (timezone, ("fromutc",))):
        for _name in _names:
            _with_c_messages(_cls, _name)

    _pure_timedelta_new = timedelta.__dict__["__new__"].__func__

    def _timedelta_new(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        if not (type(days) is type(seconds) is type(microseconds) is type(milliseconds) is type(minutes)
                is type(hours) is type(weeks) is int):
            # The C module takes ints and floats only (datetime.py any number).
            for name, value in (("microseconds", microseconds), ("milliseconds", milliseconds),
                                ("seconds", seconds), ("minutes", minutes), ("hours", hours),
                                ("days", days), ("weeks", weeks)):
                if not isinstance(value, (int, float)):
                    raise TypeError("unsupported type for timedelta %s component: %s"
                                    % (name, _tp_name(type(value))))
        try:
            return _pure_timedelta_new(cls, days, seconds, microseconds, milliseconds, minutes, hours, weeks)
        except OverflowError as e:
            c = _c_message(e)
            if c is None:
                raise
            raise c from None

    _install(timedelta, "__new__", _timedelta_new)
    timedelta.__new__ = staticmethod(timedelta.__dict__["__new__"])
    _timedelta_fields = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")


    # Reprs: the C module names its own types datetime.X and other classes by
    # __name__ (their tp_name), where datetime.py writes module.qualname; and
    # it puts fold=1 before tzinfo= in a datetime's.

    def _repr_with_c_name(cls):
        pure = cls.__dict__["__repr__"]

        def __repr__(self):
            text = pure(self)
            kind = type(self)
            prefix = "%s.%s(" % (kind.__module__, kind.__qualname__)
            if text.startswith(prefix):
                text = _tp_name(kind) + text[len(prefix) - 1:]
            return text

        _install(cls, "__repr__", __repr__)


    for _cls in (timedelta, date, time):
        _repr_with_c_name(_cls)


    def _datetime_repr(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = "%s(%s" % (_tp_name(type(self)), ", ".join(map(str, fields)))
        if self._fold:
            text += ", fold=1"
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return text + ")"


    _install(datetime, "__repr__", _datetime_repr)

    # The C module's IsoCalendarDate (not exported) is named datetime.IsoCalendarDate.
    _iso_calendar_date = _ns["_IsoCalendarDate"]

    def _iso_calendar_date_repr(self):
        return "%s(year=%d, week=%d, weekday=%d)" % (
            "datetime.IsoCalendarDate" if type(self) is _iso_calendar_date else type(self).__name__,
            self[0], self[1], self[2])

    _install(_iso_calendar_date, "__repr__", _iso_calendar_date_repr)


    # Errors of arguments the C module checks by type before datetime.py's code
    # looks at them.

    _pure_combine = datetime.__dict__["combine"].__func__


    def _combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _ns["_date_class"]):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % _tp_name(type(date)))
        if not isinstance(time, _ns["_time_class"]):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % _tp_name(type(time)))
        if tzinfo is not True:
            _check_tzinfo_arg(tzinfo)
        else:
            tzinfo = time._tzinfo
        # The C code (3.11) calls a subclass with the fields but not fold:
        # only a plain datetime keeps the time's fold.
        fields = (date._year, date._month, date._day, time._hour, time._minute, time._second, time._microsecond,
                  tzinfo)
        if time._fold and cls is datetime:
            return cls(*fields, fold=1)
        return cls(*fields)


    _install(datetime, "combine", _combine)

    # astimezone as the C code converts: a naive datetime's local zone is
    # the one in effect at the instant its wall time and fold stand for
    # (as timestamp() finds it), and the target zone for tz=None is the
    # local zone at the UTC result, not at the original time (datetime.py
    # takes the latter, which differs in a DST gap). Compared with CPython
    # under several TZ settings around their transitions.
    import time as _time_module

    def _posix_seconds(year, month, day, hour, minute, second):
        return ((_ns["_ymd2ord"](year, month, day) - 719163) * 24 + hour) * 3600 + minute * 60 + second

    def _local(u):
        tm = _time_module.localtime(u)
        return _posix_seconds(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)

    def _local_to_seconds(year, month, day, hour, minute, second, fold):
        t = _posix_seconds(year, month, day, hour, minute, second)
        a = _local(t) - t
        u1 = t - a
        t1 = _local(u1)
        if t1 == t:
            u2 = u1 + (86400 if fold else -86400)
            b = _local(u2) - u2
            if a == b:
                return u1
        else:
            b = t1 - u1
        u2 = t - b
        t2 = _local(u2)
        if t2 == t:
            return u2
        if t1 == t:
            return u1
        return min(u1, u2) if fold else max(u1, u2)  # in a gap

    def _local_timezone_at(timestamp):
        tm = _time_module.localtime(timestamp)
        return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)

    def _local_timezone_from_local(dt):
        return _local_timezone_at(_local_to_seconds(dt._year, dt._month, dt._day, dt._hour, dt._minute,
                                                    dt._second, dt._fold))

    def _astimezone(self, tz=None):
        if tz is not None and not isinstance(tz, tzinfo):
            raise _tzinfo_type_error(tz)
        own = self._tzinfo
        offset = None
        while offset is None:
            if own is None:
                own = _local_timezone_from_local(self)
            if own is tz:
                return self
            offset = own.utcoffset(self)
            _check_utc_offset("utcoffset", offset)
            if offset is None:
                own = None
        result = _datetime_shift(self, -offset._days, -offset._seconds, -offset._microseconds)
        if tz is None:
            tz = _local_timezone_at(_posix_seconds(result._year, result._month, result._day,
                                                   result._hour, result._minute, result._second))
        result._tzinfo = tz
        return tz.fromutc(result)


    _install(datetime, "astimezone", _astimezone)

    _pure_fromordinal = date.__dict__["fromordinal"].__func__


    def _fromordinal(cls, n):
        n = _c_int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return _pure_fromordinal(cls, n)


    _install(date, "fromordinal", _fromordinal)


    def _format_with_str_check(cls):
        pure = cls.__dict__["__format__"]

        def __format__(self, fmt):
            if not isinstance(fmt, str):
                raise TypeError("__format__() argument 1 must be str, not %s" % _tp_name(type(fmt)))
            return pure(self, fmt)

        _install(cls, "__format__", __format__)


    for _cls in (date, time):
        _format_with_str_check(_cls)

    _pure_datetime_isoformat = datetime.__dict__["isoformat"]


    def _datetime_isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % _tp_name(type(sep)))
        return _pure_datetime_isoformat(self, sep, timespec)


    _install(datetime, "isoformat", _datetime_isoformat)

    _pure_timezone_new = timezone.__dict__["__new__"].__func__
    _omitted = timezone._Omitted


    def _timezone_new(cls, offset, name=_omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % _tp_name(type(offset)))
        if name is not _omitted and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _tp_name(type(name)))
        if not timezone._minoffset <= offset <= timezone._maxoffset:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % (offset,))
        return _pure_timezone_new(cls, offset, name)


    _install(timezone, "__new__", _timezone_new)
    timezone.__new__ = staticmethod(timezone.__dict__["__new__"])


    def _timezone_dt_check(name):
        pure = timezone.__dict__[name]

        def method(self, dt):
            if not (dt is None or isinstance(dt, datetime)):
                raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                                % (name, _tp_name(type(dt))))
            return pure(self, dt)

        _install(timezone, name, method)


    for _name in ("utcoffset", "tzname", "dst"):
        _timezone_dt_check(_name)


    def _timezone_init_subclass(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")


    _install(timezone, "__init_subclass__", _timezone_init_subclass)
    timezone.__init_subclass__ = classmethod(timezone.__dict__["__init_subclass__"])


    _pure_strptime = datetime.__dict__["strptime"].__func__


    def _strptime(cls, date_string, format):
        for position, value in ((1, date_string), (2, format)):
            if not isinstance(value, str):
                raise TypeError("strptime() argument %d must be str, not %s" % (position, _tp_name(type(value))))
        return _pure_strptime(cls, date_string, format)


    _install(datetime, "strptime", _strptime)


    def _reduce_ex_with_int_check(cls):
        pure = cls.__dict__["__reduce_ex__"]

        def __reduce_ex__(self, protocol):
            return pure(self, _c_int(protocol))

        _install(cls, "__reduce_ex__", __reduce_ex__)


    for _cls in (time, datetime):
        _reduce_ex_with_int_check(_cls)


    def _check_timestamp(t):
        """The C module's conversion of a timestamp to time_t, for its errors:
        a float or an integer (by __index__) within time_t."""
        if isinstance(t, float):
            if t != t:
                raise ValueError("Invalid value NaN (not a number)")
            in_range = -9223372036854775808.0 <= t < 9223372036854775808.0
        else:
            in_range = -0x8000000000000000 <= _ns["_index"](t) <= 0x7FFFFFFFFFFFFFFF
        if not in_range:
            raise OverflowError("timestamp out of range for platform time_t")


    def _timestamp_check(cls, name):
        pure = cls.__dict__[name].__func__

        def method(cls, *args, **kwargs):
            if args:
                _check_timestamp(args[0])
            elif "t" in kwargs:
                _check_timestamp(kwargs["t"])
            return pure(cls, *args, **kwargs)

        _install(cls, name, method)


    _timestamp_check(date, "fromtimestamp")
    _timestamp_check(datetime, "fromtimestamp")
    _timestamp_check(datetime, "utcfromtimestamp")


    # tzinfo.fromutc as the C module computes it: it asks dst() again after
    # moving by utcoffset() - dst() even when that difference is zero.
    def _tzinfo_fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        result = dt + (offset - dst)
        dst = result.dst()
        if dst is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return result + dst


    _install(tzinfo, "fromutc", _tzinfo_fromutc)


    # The C tzinfo takes (and ignores) any arguments.
    def _tzinfo_new(cls, *args, **kwargs):
        return object.__new__(cls)


    _install(tzinfo, "__new__", _tzinfo_new)
    tzinfo.__new__ = staticmethod(tzinfo.__dict__["__new__"])


    # fromisoformat as the C module parses: the UTF-8 bytes of the string
    # (so only ASCII digits, and lengths in bytes), its own rules for where
    # fields end, and the constructors' own errors for fields out of range
    # (datetime.py answers "Invalid isoformat string" for all of those and
    # accepts some strings the C parser does not, and the other way round).
    class _Invalid(Exception):
        pass

    def _digits(text, pos, count, value=0):
        for i in range(pos, pos + count):
            digit = text[i] - 48
            if not 0 <= digit <= 9:
                raise _Invalid
            value = value * 10 + digit
        return pos + count, value

    def _iso_date(text, length):
        """(year, month, day) of the date at the start of text (length
        bytes of it; the rest is the separator and time, or a NUL)."""
        pos, year = _digits(text, 0, 4)
        uses_separator = text[pos] == 0x2D  # '-'
        if uses_separator:
            pos += 1
        if text[pos] == 0x57:  # 'W'
            pos, week = _digits(text, pos + 1, 2)
            day = 1
            if pos < length:
                if uses_separator:
                    if text[pos] != 0x2D:
                        raise _Invalid
                    pos += 1
                pos, day = _digits(text, pos, 1)
            if not 0 < week < 53:
                first_weekday = (_ns["_ymd2ord"](year, 1, 1) + 6) % 7
                if week != 53 or not (first_weekday == 3 or (first_weekday == 2 and _ns["_is_leap"](year))):
                    raise _Invalid
            if not 0 < day < 8:
                raise _Invalid
            return _ns["_ord2ymd"](_ns["_isoweek1monday"](year) + (week - 1) * 7 + day - 1)
        pos, month = _digits(text, pos, 2)
        if uses_separator:
            if text[pos] != 0x2D:
                raise _Invalid
            pos += 1
        pos, day = _digits(text, pos, 2)
        return year, month, day

    def _hh_mm_ss_ff(text, pos, end):
        """([hour, minute, second, microsecond], more) of text[pos:end];
        more: whether something follows (the C code's positive result)."""
        fields = [0, 0, 0, 0]
        has_separator = True
        for i in range(3):
            pos, fields[i] = _digits(text, pos, 2)
            c = text[pos]
            pos += 1
            if i == 0:
                has_separator = c == 0x3A  # ':'
            if pos >= end:
                return fields, c != 0
            if has_separator and c == 0x3A:
                continue
            if c in (0x2E, 0x2C):  # '.' ','
                break
            if has_separator:
                raise _Invalid
            pos -= 1
        count = min(end - pos, 6)
        pos, fraction = _digits(text, pos, count)
        fields[3] = fraction * 10 ** (6 - count)
        while 0x30 <= text[pos] <= 0x39:
            pos += 1
        return fields, text[pos] != 0

    def _iso_time(text, pos, end):
        """([hour, minute, second, microsecond], tzinfo) of text[pos:end]."""
        zone = pos
        while True:
            if text[zone] in (0x5A, 0x2B, 0x2D):  # 'Z' '+' '-'
                break
            zone += 1
            if zone >= end:
                break
        fields, more = _hh_mm_ss_ff(text, pos, zone)
        if zone == end:
            if more:
                raise _Invalid
            return fields, None
        if text[zone] == 0x5A:
            if text[zone + 1] != 0:
                raise _Invalid
            return fields, timezone.utc
        sign = -1 if text[zone] == 0x2D else 1
        offset, more = _hh_mm_ss_ff(text, zone + 1, end)
        if more:
            raise _Invalid
        seconds = sign * (offset[0] * 3600 + offset[1] * 60 + offset[2])
        return fields, (seconds, sign * offset[3])

    def _zone(result):
        # The C module makes UTC for a zero offset in seconds, whatever the
        # microseconds; other offsets are checked as timezone() checks them.
        if type(result) is tuple:
            seconds, microseconds = result
            if seconds == 0:
                return timezone.utc
            return timezone(timedelta(0, seconds, microseconds))
        return result

    def _utf8(text):
        try:
            return text.encode("utf-8") + b"\0\0\0\0\0\0\0\0\0\0\0\0"
        except UnicodeEncodeError:
            raise _Invalid from None

    def _date_fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            text = _utf8(date_string)
            length = len(text) - 12
            if length not in (7, 8, 10):
                raise _Invalid
            fields = _iso_date(text, length)
        except _Invalid:
            raise ValueError("Invalid isoformat string: %r" % (date_string,)) from None
        return cls(*fields)

    _install(date, "fromisoformat", _date_fromisoformat)

    def _time_fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            text = _utf8(time_string)
            start = 1 if text[0] == 0x54 else 0  # 'T'
            fields, zone = _iso_time(text, start, len(text) - 12)
        except _Invalid:
            raise ValueError("Invalid isoformat string: %r" % (time_string,)) from None
        return cls(*fields, _zone(zone))

    _install(time, "fromisoformat", _time_fromisoformat)

    def _separator(text, length):
        if length == 7:
            return 7
        if text[4] == 0x2D:
            if text[5] != 0x57:
                return 10
            if length < 8:
                return -1
            if length > 8 and text[8] == 0x2D:
                if length == 9:
                    return -1
                if length > 10 and 0x30 <= text[10] <= 0x39:
                    return 8
                return 10
            return 8
        if text[4] == 0x57:
            index = 7
            while index < length and 0x30 <= text[index] <= 0x39:
                index += 1
            if index < 9:
                return index
            return 7 if index % 2 == 0 else 8
        return 8

    def _datetime_fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            if len(date_string) < 7:
                raise _Invalid
            # A surrogate is allowed as the separator (at 7, 8 or 10).
            clean = date_string
            for position in (7, 8, 10):
                if position >= len(clean):
                    break
                if "\ud800" <= clean[position] <= "\udfff":
                    clean = clean[:position] + "T" + clean[position + 1:]
                    break
            text = _utf8(clean)
            length = len(text) - 12
            separator = _separator(text, length)
            # A separator not found (-1) reads the date with no length
            # bound and the time from the start, as the C code does.
            fields = list(_iso_date(text, separator if separator >= 0 else 1 << 62))
            zone = None
            if length > separator:
                # The separator is one character of 1 to 4 bytes.
                lead = text[separator]
                start = separator + (1 if lead < 0x80 else 3 if lead & 0xF0 == 0xE0 else 4 if lead & 0xF0 == 0xF0 else 2)
                time_fields, zone = _iso_time(text, start, length)
                fields += time_fields
            else:
                fields += [0, 0, 0, 0]
        except _Invalid:
            raise ValueError("Invalid isoformat string: %r" % (date_string,)) from None
        except IndexError:
            raise ValueError("Invalid isoformat string: %r" % (date_string,)) from None
        return cls(*fields, _zone(zone))

    _install(datetime, "fromisoformat", _datetime_fromisoformat)

    # Pickles. The C objects have no __dict__ and no slots, so their state for
    # copyreg and for tzinfo.__reduce__ is that of a subclass instance's
    # __dict__ alone (None when it has none); datetime.py's classes have slots.

    def __getstate__(self):
        state = getattr(self, "__dict__", None)
        return state if state else None


    for _cls in (timedelta, date, time, timezone):
        _install(_cls, "__getstate__", __getstate__)

    # pickle memoizes strings by identity, and the C type's __qualname__ is not
    # the object its __module__ is, so 'datetime' is written twice there.
    datetime.__qualname__ = "".join(["date", "time"])

    # The constructors' arguments, checked as the C module's
    # PyArg_ParseTupleAndKeywords checks them (its messages, its order:
    # the count, then each argument in turn, converted to a C int where
    # the C code takes one, then keywords given twice or unknown). Calls
    # with positional arguments only, in range, go straight to
    # datetime.py's __new__, whose checks then agree with the C module's.
    _missing = object()

    def _parse(fname, names, required, positional, ints, args, kwargs):
        label = fname + "()" if fname else "function"
        nargs, nkwargs = len(args), len(kwargs)
        if nargs + nkwargs > len(names):
            raise TypeError("%s takes at most %d %sargument%s (%d given)" % (
                label, len(names), "" if nargs else "keyword ", "" if len(names) == 1 else "s", nargs + nkwargs))
        values = {}
        for i, name in enumerate(names):
            if i == positional and positional < nargs:
                raise TypeError("%s takes at most %d positional argument%s (%d given)"
                                % (label, positional, "" if positional == 1 else "s", nargs))
            if i < nargs:
                value = args[i]
            elif nkwargs and name in kwargs:
                value = kwargs[name]
                nkwargs -= 1
            else:
                value = _missing
            if value is not _missing:
                values[name] = _c_int(value) if i in ints else value
                continue
            if i < required:
                raise TypeError("%s missing required argument '%s' (pos %d)" % (label, name, i + 1))
            if not nkwargs:
                return values
        if nkwargs:
            for i in range(nargs):
                if names[i] in kwargs:
                    raise TypeError("argument for %s given by name ('%s') and position (%d)"
                                    % (label, names[i], i + 1))
            for key in kwargs:
                if key not in names:
                    raise TypeError("'%s' is an invalid keyword argument for %s"
                                    % (key, fname + "()" if fname else "this function"))
        return values

    def _parsed_new(cls, fname, names, required, positional, ints, pickle_args):
        owner = cls
        pure = cls.__dict__["__new__"]
        if isinstance(pure, staticmethod):
            pure = pure.__func__
        most = min(positional, len(names))
        name_set = frozenset(names)

        def __new__(cls, *args, **kwargs):
            try:
                nargs = len(args)
                if not kwargs:
                    if required <= nargs <= most:
                        return pure(cls, *args)
                elif nargs <= most and nargs + len(kwargs) <= len(names) and kwargs.keys() <= name_set:
                    # Keywords the C code would take too: no emulation either.
                    valid = True
                    for i in range(nargs):
                        if names[i] in kwargs:
                            valid = False
                    for i in range(nargs, required):
                        if names[i] not in kwargs:
                            valid = False
                    if valid:
                        return pure(cls, *args, **kwargs)
                if 0 < len(args) <= pickle_args and isinstance(args[0], (bytes, str)):
                    return pure(cls, *args, **kwargs)  # a pickle's state
                return pure(cls, **_parse(fname, names, required, positional, ints, args, kwargs))
            except (TypeError, AttributeError):
                # As the C type's __new__ checks its first argument.
                owner_name = "datetime." + owner.__name__
                if not isinstance(cls, type):
                    raise TypeError("%s.__new__(X): X is not a type object (%s)"
                                    % (owner_name, _tp_name(type(cls)))) from None
                if not issubclass(cls, owner):
                    raise TypeError("%s.__new__(%s): %s is not a subtype of %s"
                                    % (owner_name, _tp_name(cls), _tp_name(cls), owner_name)) from None
                raise

        _install(cls, "__new__", __new__)
        cls.__new__ = staticmethod(cls.__dict__["__new__"])

    # replace() as the C code does it: arguments checked as the
    # constructor's (named "replace"), and the copy made by the base
    # class's constructor with the object's class, so a subclass's
    # __new__ and __init__ are not called (datetime.py calls the class).
    def _c_replace(cls, names, positional, ints):
        base_new = cls.__dict__["__new__"]
        if isinstance(base_new, staticmethod):
            base_new = base_new.__func__
        name_set = frozenset(names)

        def replace(self, *args, **kwargs):
            if args or not kwargs.keys() <= name_set:
                kwargs = _parse("replace", names, 0, positional, ints, args, kwargs)
            values = [kwargs[name] if name in kwargs else getattr(self, name) for name in names[:-1]]
            if names[-1] == "fold":
                return base_new(type(self), *values, fold=kwargs.get("fold", self._fold))
            values.append(kwargs[names[-1]] if names[-1] in kwargs else getattr(self, names[-1]))
            return base_new(type(self), *values)

        _install(cls, "replace", replace)

    _time_names = ("hour", "minute", "second", "microsecond", "tzinfo", "fold")
    _c_replace(date, ("year", "month", "day"), 3, (0, 1, 2))
    _c_replace(datetime, ("year", "month", "day") + _time_names, 8, (0, 1, 2, 3, 4, 5, 6, 8))
    _c_replace(time, _time_names, 5, (0, 1, 2, 3, 5))
    _parsed_new(date, None, ("year", "month", "day"), 3, 3, (0, 1, 2), 1)
    _parsed_new(datetime, None, ("year", "month", "day") + _time_names, 3, 8, (0, 1, 2, 3, 4, 5, 6, 8), 2)
    _parsed_new(time, None, _time_names, 0, 5, (0, 1, 2, 3, 5), 2)
    _parsed_new(timedelta, "__new__", _timedelta_fields, 0, 7, (), 0)
    _parsed_new(timezone, "timezone", ("offset", "name"), 1, 2, (), 0)

    # The argument counts of the methods that take none or exactly one
    # (METH_NOARGS, METH_O in the C code), with its messages, which name
    # the method by the class of the object it is bound to.
    def _fixed_arity(cls, name, count):
        attr = cls.__dict__[name]
        is_class_method = isinstance(attr, classmethod)
        pure = attr.__func__ if is_class_method else attr

        def arity_error(self, args, kwargs):
            owner = self if is_class_method else type(self)
            if kwargs:
                return TypeError("%s.%s() takes no keyword arguments" % (owner.__qualname__, name))
            return TypeError("%s.%s() takes %s (%d given)" % (
                owner.__qualname__, name, "no arguments" if count == 0 else "exactly one argument", len(args)))

        if count == 0:
            def method(self, *args, **kwargs):
                if args or kwargs:
                    raise arity_error(self, args, kwargs)
                return pure(self)
        else:
            def method(self, *args, **kwargs):
                if len(args) != 1 or kwargs:
                    raise arity_error(self, args, kwargs)
                return pure(self, args[0])
        _install(cls, name, method)

    for _cls, _names in (
            (date, ("today", "ctime", "timetuple", "isocalendar", "isoformat", "toordinal", "weekday",
                    "isoweekday", "__reduce__")),
            (time, ("utcoffset", "tzname", "dst", "__reduce__")),
            (datetime, ("utcnow", "date", "time", "timetz", "ctime", "timetuple", "timestamp", "utctimetuple",
                        "utcoffset", "tzname", "dst", "__reduce__")),
            (timedelta, ("total_seconds", "__reduce__")),
            (tzinfo, ("__reduce__",)),
            (timezone, ("__getinitargs__",))):
        for _name in _names:
            _fixed_arity(_cls, _name, 0)
    for _cls, _names in (
            (tzinfo, ("tzname", "utcoffset", "dst", "fromutc")),
            (timezone, ("tzname", "utcoffset", "dst", "fromutc")),
            (date, ("fromisoformat", "fromtimestamp")),
            (time, ("fromisoformat",)),
            (datetime, ("fromisoformat",))):
        for _name in _names:
            _fixed_arity(_cls, _name, 1)

    _fromordinal_checked = date.__dict__["fromordinal"].__func__

    def _fromordinal_args(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("fromordinal() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError("fromordinal() takes exactly 1 argument (%d given)" % len(args))
        return _fromordinal_checked(cls, args[0])

    _install(date, "fromordinal", _fromordinal_args)

    # Last, as CPython's C types: named datetime.X in messages, immutable.
    # (_pyrite is Pyrite's; under CPython, which has its own _datetime, this
    # file only runs to be compared with it.)
    try:
        from _pyrite import builtin_type
    except ImportError:
        builtin_type = None
    if builtin_type is not None:
        for cls in _C_TYPES + (_iso_calendar_date,):
            builtin_type(cls, "datetime." + cls.__name__)

    return {"MINYEAR": MINYEAR, "MAXYEAR": MAXYEAR, "timedelta": timedelta, "date": date, "tzinfo": tzinfo,
            "time": time, "datetime": datetime, "timezone": timezone, "UTC": UTC}


globals().update(_make())
del _make, _sys
