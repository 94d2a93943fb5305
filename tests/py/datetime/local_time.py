# Local time through _datetime around DST transitions (TZ set here, so the
# output does not depend on the machine's zone): timestamp(), fold,
# fromtimestamp() and astimezone() of naive and aware datetimes.
import os
import time
from datetime import datetime, timezone, UTC

for zone in ("America/New_York", "Europe/London", "Australia/Lord_Howe"):
    os.environ["TZ"] = zone
    time.tzset()
    print(zone)
    for text in ("2021-11-07T01:30:00", "2022-03-13T02:30:00", "2021-03-28T01:30:00", "2021-10-31T01:30:00",
                 "2021-04-04T01:45:00", "2021-10-03T02:15:00", "2000-06-15T12:00:00"):
        for fold in (0, 1):
            moment = datetime.fromisoformat(text).replace(fold=fold)
            stamp = moment.timestamp()
            print(text, fold, stamp, repr(moment.astimezone()), repr(moment.astimezone(UTC)),
                  repr(datetime.fromtimestamp(stamp)), repr(datetime.fromtimestamp(stamp, UTC).astimezone()))
    aware = datetime(2022, 3, 13, 6, 30, tzinfo=UTC)
    print(repr(aware.astimezone()), repr(aware.astimezone(timezone.min)), aware.astimezone().tzname())


class Logged(datetime):
    def __new__(cls, *args, **kwargs):
        print("new", args, kwargs)
        return super().__new__(cls, *args, **kwargs)


os.environ["TZ"] = "America/New_York"
time.tzset()
for stamp in (1636263000, 1636266600, 1647156600.5):
    print(repr(Logged.fromtimestamp(stamp)))
