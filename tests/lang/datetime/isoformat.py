# isoformat and fromisoformat for date, time and datetime.
from datetime import date, time, datetime, timedelta, timezone

dt = datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone(timedelta(hours=-5)))
print(dt.isoformat(), dt.isoformat(' '), str(dt))
for spec in ('auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds'):
    print(spec, dt.isoformat(timespec=spec), dt.time().isoformat(spec))
print(datetime(2024, 1, 2).isoformat(), datetime(2024, 1, 2).isoformat('x'))
print(date(987, 6, 5).isoformat(), time(1, 2).isoformat(), time(0, 0, 0, 1).isoformat())
print(time(1, tzinfo=timezone(timedelta(seconds=90, microseconds=7))).isoformat())

for text in ('2024-01-02', '20240102', '2024-W01-2', '2024W012', '2024-W01'):
    print(text, repr(date.fromisoformat(text)))
for text in ('03', '0304', '03:04:05', '03:04:05.1', '03:04:05,123456789',
             '03:04:05Z', 'T03:04+01', '03:04:05-05:30', '030405.5+0100'):
    print(text, repr(time.fromisoformat(text)))
for text in ('2024-01-02', '2024-01-02T03:04', '2024-01-02 03:04:05.123',
             '2024-01-02T03:04:05+00:00', '2024-01-02T03:04:05-00:00',
             '20240102T030405Z', '2024-W01-2T03', '2024-01-02x03:04:05+05:30',
             '2024-01-02T03:04:05.123456+05:30:15'):
    print(text, repr(datetime.fromisoformat(text)))

# Round trips.
for value in (dt, datetime(1, 1, 1), datetime.max, dt.replace(tzinfo=None)):
    print(datetime.fromisoformat(value.isoformat()) == value)
print(time.fromisoformat(dt.timetz().isoformat()) == dt.timetz())

# Invalid strings and arguments.
for parse, text in ((date.fromisoformat, '2024-1-02'), (date.fromisoformat, '2024-02-30'),
                    (time.fromisoformat, '3:04'), (time.fromisoformat, '24:00'),
                    (datetime.fromisoformat, '2024-01-02T'),
                    (datetime.fromisoformat, '2024-01-02T03:04:05+24:00'),
                    (datetime.fromisoformat, 'not a date'), (date.fromisoformat, 20240102)):
    try:
        parse(text)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for call in (lambda: dt.isoformat(timespec='days'), lambda: dt.isoformat('--')):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
