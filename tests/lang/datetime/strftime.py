# strftime and __format__ for date, time and datetime.
from datetime import date, time, datetime, timedelta, timezone

dt = datetime(2024, 3, 9, 15, 4, 5, 60708)
for fmt in ('%Y-%m-%d %H:%M:%S.%f', '%a %A %b %B', '%j %U %W %w %u',
            '%y %I %p %%', '%G-W%V-%u', '%c | %x | %X', '[%z] [%Z]',
            '%d/%m/%Y', 'no directives', '', '100%% %Q', '%H%M%S%f'):
    print(repr(fmt), repr(dt.strftime(fmt)))

d = date(2023, 12, 31)
print(d.strftime('%Y %j %U %W %a %H:%M:%S %f [%z]'))
print(date(5, 1, 1).strftime('%Y %y %G'), date(1999, 1, 1).strftime('%y %G %V'))
print(time(23, 5, 6, 7).strftime('%H|%I|%p|%M|%S|%f|%Y'))
print(time(12, tzinfo=timezone(timedelta(hours=-3, minutes=-30))).strftime('%z %Z'))

# %z and %Z of aware datetimes, including seconds and named zones.
for tz in (timezone.utc, timezone(timedelta(hours=5, minutes=30)),
           timezone(timedelta(hours=-8), 'PST'),
           timezone(timedelta(seconds=3661, microseconds=5)),
           timezone(timedelta(0), 'x%Y')):
    print(repr(datetime(2024, 1, 1, tzinfo=tz).strftime('%z|%Z')))

# Every hour through the 12-hour clock.
print(' '.join(datetime(2024, 1, 1, h).strftime('%I%p') for h in range(0, 24, 3)))

# Week numbers around the new year.
for day in range(28, 32):
    print(date(2024, 12, day).strftime('%a %U %W %V %G'))
for day in range(1, 5):
    print(date(2027, 1, day).strftime('%a %U %W %V %G'))

# __format__ and f-strings.
print(f'{dt:%Y/%m/%d}', f'{d}', f'{dt.time():%H.%M}', format(dt, ''))
print('{:%B %d, %Y}'.format(d), '{0:%H:%M}'.format(time(9, 30)))
try:
    dt.strftime(5)
except TypeError as e:
    print(e)
