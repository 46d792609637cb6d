# A month outside 1..12 is a ValueError.
from datetime import date

print(date(2024, 12, 31))
date(2024, 13, 1)
