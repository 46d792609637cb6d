# allow_nan=False rejects NaN and infinities (C encoder message: no value).
import json

print(json.dumps([1.0, float('inf')]))
json.dumps([1.0, float('inf')], allow_nan=False)
