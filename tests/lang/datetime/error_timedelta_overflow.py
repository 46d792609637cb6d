# timedelta keeps |days| <= 999999999.
from datetime import timedelta

print(timedelta.max)
timedelta.max + timedelta(days=1)
