# Only a timedelta can be added to a date.
from datetime import date, timedelta

d = date(2024, 1, 1)
print(d + timedelta(days=1))
print(d + 1)
