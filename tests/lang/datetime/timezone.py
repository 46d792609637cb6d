# timezone and tzinfo: fixed offsets, names, conversion, aware comparisons.
from datetime import datetime, time, timedelta, timezone, tzinfo, UTC

ist = timezone(timedelta(hours=5, minutes=30))
pst = timezone(timedelta(hours=-8), 'PST')
print(repr(timezone.utc), repr(ist), repr(pst), UTC is timezone.utc)
print(str(timezone.utc), str(ist), str(pst), ist.tzname(None), pst.utcoffset(None))
print(timezone(timedelta(0)) is timezone.utc, repr(timezone(timedelta(0), 'Z')))
print(str(timezone(-timedelta(hours=5, seconds=1, microseconds=1))))
print(repr(timezone.min), repr(timezone.max), ist.dst(None))
print(ist == timezone(timedelta(minutes=330), 'India'), hash(ist) == hash(timezone(timedelta(minutes=330))))

# Conversions between zones.
dt = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)
print(repr(dt.astimezone(ist)), dt.astimezone(pst))
print(dt.astimezone(pst).astimezone(ist) == dt, dt.astimezone(ist) - dt)
print(dt.utcoffset(), dt.astimezone(pst).utcoffset(), dt.tzname(), dt.dst())
print(datetime(2024, 1, 1, tzinfo=ist) - datetime(2024, 1, 1, tzinfo=pst))
print(datetime(2024, 1, 1, 18, tzinfo=ist) == datetime(2024, 1, 1, 4, 30, tzinfo=pst))
print(datetime(2024, 1, 1, tzinfo=ist) < datetime(2024, 1, 1, tzinfo=pst))
print(hash(dt) == hash(dt.astimezone(pst)), dt.utctimetuple())
print(datetime.fromtimestamp(0, ist), dt.astimezone(pst).timestamp())

# Naive and aware values: equality is False, ordering and subtraction fail.
naive = datetime(2024, 3, 10, 12, 0)
print(naive == dt, naive != dt)
for op in (lambda: naive < dt, lambda: naive - dt,
           lambda: time(1) < time(1, tzinfo=ist)):
    try:
        op()
    except TypeError as e:
        print(e)
print(time(12, tzinfo=ist) < time(12, tzinfo=pst), time(12, tzinfo=ist).utcoffset())

# A tzinfo subclass with daylight saving time from April to October.
class Simple(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1) + self.dst(dt)
    def dst(self, dt):
        return timedelta(hours=1) if dt and 4 <= dt.month <= 10 else timedelta(0)
    def tzname(self, dt):
        return 'SUMMER' if self.dst(dt) else 'WINTER'

zone = Simple()
for month in (1, 7):
    local = datetime(2024, month, 1, 12, tzinfo=zone)
    print(local, local.tzname(), local.astimezone(timezone.utc).time(),
          datetime(2024, month, 1, 12, tzinfo=timezone.utc).astimezone(zone))
try:
    tzinfo().utcoffset(None)
except NotImplementedError as e:
    print(e)
