# strptime rejects text that does not match its format.
from datetime import datetime

print(datetime.strptime('2024-01-02', '%Y-%m-%d'))
datetime.strptime('02.01.2024', '%Y-%m-%d')
