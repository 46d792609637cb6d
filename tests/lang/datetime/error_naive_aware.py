# Naive and aware datetimes may be tested for equality but not ordered.
from datetime import datetime, timezone

naive = datetime(2024, 1, 1)
aware = datetime(2024, 1, 1, tzinfo=timezone.utc)
print(naive == aware)
print(naive < aware)
