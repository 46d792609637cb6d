# A timezone offset must be strictly within one day.
from datetime import timedelta, timezone

print(timezone(timedelta(hours=23, minutes=59)))
timezone(timedelta(hours=24))
