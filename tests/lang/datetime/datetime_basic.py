# datetime: construction, reprs, fields, arithmetic, comparisons, timestamps,
# and the current time (compared, never printed).
from datetime import datetime, date, time, timedelta, timezone

dt = datetime(2024, 1, 2, 3, 4, 5)
print(repr(dt), repr(datetime(2024, 1, 2)), repr(datetime(2024, 1, 2, 3, 4, 5, 6)))
print(repr(datetime(2024, 1, 2, fold=1)), dt.hour, dt.minute, dt.second, dt.microsecond)
print(dt, dt.date(), dt.time(), dt.timetz(), dt.ctime(), dt.tzinfo, dt.fold)
print(dt.timetuple())
print(datetime.combine(date(2024, 5, 6), time(7, 8, 9)), datetime.fromordinal(738000))
print(repr(datetime.combine(date(2024, 5, 6), time(7, tzinfo=timezone.utc))))
print(dt.replace(year=2025, microsecond=1), dt.replace(tzinfo=timezone.utc))

# Arithmetic.
print(dt + timedelta(days=30, hours=22), dt - timedelta(microseconds=1))
print(timedelta(weeks=1) + dt, dt - datetime(2023, 12, 31, 23, 59))
print(datetime(2000, 1, 1) - dt, repr(dt - dt))
later = dt + timedelta(seconds=0.5)
print(later > dt, later == dt, sorted([later, dt])[0] == dt)
print(dt == date(2024, 1, 2), dt != date(2024, 1, 2))
print(hash(dt) == hash(datetime(2024, 1, 2, 3, 4, 5)), len({dt, dt.replace(fold=1)}))

# Timestamps: a UTC-aware datetime has a fixed timestamp.
epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
print(epoch.timestamp(), datetime(2024, 1, 2, tzinfo=timezone.utc).timestamp())
print(datetime.utcfromtimestamp(1700000000.5), datetime.utcfromtimestamp(-1.25))
print(datetime.fromtimestamp(1700000000, timezone.utc))
print(datetime.utcfromtimestamp(0.0000005), datetime.utcfromtimestamp(0.0000015))

# Local time round trips, whatever the machine's zone.
local = datetime(2024, 6, 1, 12, 30, 15, 250000)
print(datetime.fromtimestamp(local.timestamp()) == local)
print(date.fromtimestamp(local.timestamp()) == local.date())
aware = local.astimezone()
print(aware.replace(tzinfo=None) == local, aware.tzinfo is not None)
print(aware.astimezone(timezone.utc) == aware)

# The current time, compared rather than printed.
before = datetime.now()
after = datetime.now()
print(timedelta(0) <= after - before <= timedelta(seconds=1))
print(abs(datetime.now(timezone.utc) - datetime.now().astimezone()) < timedelta(seconds=1))
print(abs(datetime.utcnow() - datetime.now(timezone.utc).replace(tzinfo=None)) < timedelta(seconds=1))
print(date.today() - datetime.now().date() <= timedelta(days=1))
print(datetime.today() - datetime.now() < timedelta(seconds=1))

# Subclass instances survive arithmetic.
class Stamp(datetime):
    pass

s = Stamp(2024, 1, 1, 12) + timedelta(hours=1)
print(type(s).__name__, repr(s), type(s - timedelta(1)).__name__)
