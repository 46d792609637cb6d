# fromisoformat names the string it cannot parse.
from datetime import datetime

print(datetime.fromisoformat('2024-01-02T03:04'))
datetime.fromisoformat('2024-01-02 3:04')
