# copy, deepcopy and the pickle state of datetime objects.
import copy
from datetime import date, time, datetime, timedelta, timezone, tzinfo

values = [timedelta(1, 2, 3), date(2024, 5, 6), time(7, 8, 9, 10, fold=1),
          datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=timezone.utc, fold=1),
          timezone(timedelta(hours=2), 'EET'), timezone.utc]
for value in values:
    shallow = copy.copy(value)
    deep = copy.deepcopy(value)
    print(repr(shallow), shallow == value, deep == value, type(deep).__name__)
    print('  ', value.__reduce__())
print(copy.deepcopy(timezone.utc) is timezone.utc)
print(values[3].__reduce_ex__(4), values[2].__reduce_ex__(4))

# The state tuples rebuild equal objects, fold included with protocol 4.
for value in values[:4]:
    rebuild, args = value.__reduce_ex__(4)[:2]
    again = rebuild(*args)
    print(again == value, getattr(again, 'fold', None) == getattr(value, 'fold', None))
print(repr(datetime(b'\x07\xe8\x81\x02\x03\x04\x05\x00\x00\x06')))
print(repr(date(b'\x07\xe8\x01\x02')), repr(time(b'\x01\x02\x03\x00\x01\x00')))

# A tzinfo subclass copies its instance attributes.
class Fixed(tzinfo):
    def __init__(self, minutes=0):
        self.minutes = minutes
    def utcoffset(self, dt):
        return timedelta(minutes=self.minutes)
    def dst(self, dt):
        return timedelta(0)

zone = Fixed(90)
print(copy.copy(zone).minutes, copy.deepcopy(zone).minutes, zone.__reduce__()[1:])
aware = datetime(2024, 1, 1, tzinfo=zone)
clone = copy.deepcopy(aware)
print(clone == aware, clone.tzinfo is not zone, clone.utcoffset())
