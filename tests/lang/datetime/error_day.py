# February 29th of a common year does not exist.
from datetime import date

print(date(2024, 2, 29))
date(2023, 2, 29)
