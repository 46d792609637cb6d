# timedelta: normalization, float rounding, str/repr, arithmetic, division.
from datetime import timedelta

td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(repr(td), str(td), td.days, td.seconds, td.microseconds)
print(repr(timedelta()), repr(timedelta(weeks=1, milliseconds=1500)))
print(repr(timedelta(seconds=-1)), str(timedelta(seconds=-1)))
print(str(timedelta(days=-2, microseconds=1)), str(timedelta(days=3)))
print(str(-timedelta(microseconds=1)), str(timedelta(hours=25)))

# Float arguments: fractions carry down, then round half to even.
print(repr(timedelta(days=1.5, seconds=0.25)))
print(repr(timedelta(microseconds=0.5)), repr(timedelta(microseconds=1.5)))
print(repr(timedelta(microseconds=2.5)), repr(timedelta(microseconds=-0.5)))
print(repr(timedelta(hours=1 / 3)), repr(timedelta(minutes=-0.1)))

# Arithmetic and comparisons.
a = timedelta(hours=36)
b = timedelta(minutes=90)
print(a + b, a - b, b - a, -a, +b, abs(-a))
print(a * 2, 3 * b, a * 0.1, 0.5 * b)
print(a / b, a // b, a % b, divmod(a, b))
print(a / 7, a // 7, a / 2.5, b / -4)
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2)
print(a > b, a == timedelta(days=1.5), a != b, b <= a, a == 36)
print(sorted([a, b, -b, timedelta(0)]))
print(a.total_seconds(), timedelta(microseconds=-1).total_seconds())
print(bool(timedelta(0)), bool(timedelta(microseconds=1)))

# Hashing agrees with equality.
print(hash(timedelta(hours=24)) == hash(timedelta(days=1)))
print(len({timedelta(seconds=60), timedelta(minutes=1), timedelta(0)}))

# Limits.
print(repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution))
print(timedelta.max - timedelta.max, timedelta.min + timedelta.max)

# Errors.
for make in (lambda: timedelta.max + timedelta.resolution,
             lambda: timedelta(days=-1e9),
             lambda: timedelta("1"),
             lambda: a / 0,
             lambda: a % timedelta(0),
             lambda: a // 2.0,
             lambda: a < 5):
    try:
        make()
    except (OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
