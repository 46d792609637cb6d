# datetime.strptime: directives, defaults, whitespace, errors.
from datetime import datetime

def parse(text, fmt):
    try:
        print(repr(datetime.strptime(text, fmt)))
    except ValueError as e:
        print('ValueError:', e)

parse('2024-01-02 03:04:05', '%Y-%m-%d %H:%M:%S')
parse('2024-01-02T03:04:05.123', '%Y-%m-%dT%H:%M:%S.%f')
parse('02/01/24', '%d/%m/%y')
parse('31/12/69', '%d/%m/%y')
parse('Tuesday, 2 January 2024', '%A, %d %B %Y')
parse('tue jan 2 2024', '%a %b %d %Y')
parse('Tue Jan  2 03:04:05 2024', '%c')
parse('01/02/24 23:59:59', '%x %X')
parse('7:15 PM', '%I:%M %p')
parse('12:00 am', '%I:%M %p')
parse('2024 60', '%Y %j')
parse('2024 10 3', '%Y %U %w')
parse('2024 10 3', '%Y %W %u')
parse('2024-W10-3', '%G-W%V-%u')
parse('20240102', '%Y%m%d')
parse('2024112', '%Y%m%d')
parse('  2024   5', ' %Y %m')
parse('100%', '%S%%')
parse('15', '%H')
parse('2024-01-02 03:04:05+0530', '%Y-%m-%d %H:%M:%S%z')
parse('2024-01-02 03:04:05 -08:00', '%Y-%m-%d %H:%M:%S %z')
parse('2024-01-02 03:04:05Z', '%Y-%m-%d %H:%M:%S%z')
parse('12:00 UTC +0000', '%H:%M %Z %z')
parse('12:00 UTC', '%H:%M %Z')
parse('2024-01-02 03:04:05.5-01:30:15.25', '%Y-%m-%d %H:%M:%S.%f%z')

# Errors.
parse('2024-13-01', '%Y-%m-%d')
parse('2024-02-30', '%Y-%m-%d')
parse('2024-01-02 junk', '%Y-%m-%d')
parse('2024', '%Y %Q')
parse('2024', '%Y%')
parse('2024', '%Y% d')
parse('Feb 29', '%b %d')
parse('2024 12', '%G %V')
parse('12 3', '%V %u')
parse('24:00', '%H:%M')
parse('2024 +05:3015', '%Y %z')
try:
    datetime.strptime(2024, '%Y')
except TypeError as e:
    print('TypeError:', e)
