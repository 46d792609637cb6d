# date: construction, ordinals, calendar views, arithmetic, replace.
from datetime import date, timedelta, MINYEAR, MAXYEAR

d = date(2024, 2, 29)
print(repr(d), d, d.year, d.month, d.day)
print(d.toordinal(), date.fromordinal(d.toordinal()) == d, date.fromordinal(1))
print(d.weekday(), d.isoweekday(), d.ctime())
cal = d.isocalendar()
print(cal, cal.year, cal.week, cal.weekday, tuple(cal))
print(date(2021, 1, 1).isocalendar(), date(2020, 12, 31).isocalendar())
print(date(2019, 12, 30).isocalendar(), date.fromisocalendar(2020, 53, 7))
print(d.timetuple())
print(d.replace(year=2023, day=28), d.replace(month=3), d.replace(2000))

# Arithmetic with timedelta (only whole days count).
print(d + timedelta(days=1), d - timedelta(days=60), timedelta(days=366) + d)
print(d + timedelta(hours=47), d - date(2000, 1, 1), date(2000, 1, 1) - d)

# Comparisons and hashing.
dates = [date(2024, 3, 1), date(1999, 12, 31), d, date(2024, 2, 29)]
print(sorted(dates), max(dates), min(dates))
print(d == date(2024, 2, 29), d != date(2024, 3, 1), d < date(2024, 3, 1))
print(len(set(dates)), d == '2024-02-29')

# Leap years and limits.
for y in (1900, 2000, 2023, 2024):
    try:
        print(y, date(y, 2, 29))
    except ValueError as e:
        print(y, e)
print(MINYEAR, MAXYEAR, date.min, date.max, repr(date.resolution))
print(date.max.toordinal(), date.fromordinal(date.max.toordinal()))

# Errors.
for make in (lambda: date(0, 1, 1), lambda: date(2024, 13, 1),
             lambda: date(2024, 4, 31), lambda: date(2024.0, 1, 1),
             lambda: date.fromordinal(0), lambda: date.max + timedelta(1),
             lambda: date.fromisocalendar(2024, 53, 1),
             lambda: date.fromisocalendar(2024, 1, 8), lambda: d + 1):
    try:
        make()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

# Subclasses keep their type through arithmetic and replace.
class MyDate(date):
    def label(self):
        return "day %d" % self.toordinal()

m = MyDate(2024, 1, 1) + timedelta(days=1)
print(type(m).__name__, repr(m), m.label(), type(m.replace(day=5)).__name__)
