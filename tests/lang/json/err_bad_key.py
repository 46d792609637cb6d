# A dict key that is not str, int, float, bool or None is a TypeError.
import json

print(json.dumps({1: 'a', None: 'b'}))
json.dumps({(1, 2): 'pair'})
