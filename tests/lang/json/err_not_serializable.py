# json.dumps of an object it cannot encode raises TypeError.
import json

print(json.dumps({'a': [1, 2]}))
json.dumps({'a': {1, 2}})
