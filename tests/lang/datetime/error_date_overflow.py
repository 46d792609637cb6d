# Dates stop at 9999-12-31.
from datetime import datetime, timedelta

print(datetime.max)
datetime.max + timedelta(microseconds=1)
